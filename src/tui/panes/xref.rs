//! The cross-reference overlay: every item of other briefings related to the selected one, as a list,
//! and the selected link's item in full under it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, XrefView};
use crate::tui::view;
use crate::tui::wrap::{Para, Tone};

/// The overlay's list box and, under it, the box of the selected link, in a terminal of `area`.
pub fn layout(area: Rect) -> (Rect, Rect) {
    let box_area = view::centered(area, area.width.saturating_sub(6), area.height.saturating_sub(4));
    // A short terminal keeps the whole box for the list: the selected link is one Enter away.
    let selected_height = if box_area.height >= 14 { (box_area.height * 2 / 5).max(6) } else { 0 };
    let [list, selected] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(selected_height)]).areas(box_area);
    (list, selected)
}

/// The selected link in full, for its box: the relation and why, where the item is, then the item as
/// its own pane's detail box shows it.
pub fn selected_paras(app: &App, xref: &XrefView) -> Vec<Para<'static>> {
    let Some(link) = xref.links.get(xref.selected) else { return Vec::new() };
    let Some(other) = app.briefing_at(link.to.briefing) else { return Vec::new() };
    let why = match (link.kind.is_explicit(), app.from_cache()) {
        (true, _) => "a ref in the briefing file".to_string(),
        // Without the store, the list read both briefings of each link.
        (false, true) if xref.shelf.holds([xref.from.briefing, link.to.briefing]) => {
            crate::xref::reason(&xref.shelf, xref.from, link)
        }
        (false, true) => String::new(),
        (false, false) => crate::xref::reason(&app.briefings(), xref.from, link),
    };
    let date = other.source.published.map_or(String::new(), |d| format!(", {d}"));
    let mut paras = vec![
        Para::new(format!("{}: {why}", link.kind.label()), Tone::Heading, false),
        Para::new(format!("in {} ({}{date})", other.title, other.source.outlet), Tone::Dim, true),
    ];
    paras.extend(super::paras(super::item_fields(app, link.to.briefing, link.to.item)));
    paras
}

pub fn draw(frame: &mut Frame, app: &App, xref: &XrefView, area: Rect) {
    let (list_area, selected_area) = layout(area);
    view::clear(frame, list_area.union(selected_area));
    // Index the loaded briefings in place: a frame builds no list of the whole folder.
    let briefing = |i: usize| app.briefing_at(i);
    let from = briefing(xref.from.briefing).map_or_else(String::new, |b| b.item_label(xref.from.item));
    let count = xref.links.len();
    let listed = match xref.total {
        total if total > count => format!("{total} related, the best {count} listed"),
        _ => format!("{count} related"),
    };
    let title = format!(" {listed} to: {} ", super::list::truncate(&from, usize::from(list_area.width / 2)));
    let block = view::block(title, true, app.theme);
    let width = usize::from(list_area.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    if xref.links.is_empty() {
        lines.push(Line::styled("No related items in other briefings.", app.theme.dim()));
    }
    // Each link takes two lines (relation and source; the related item); scroll keeps the selection shown.
    let visible = usize::from(list_area.height.saturating_sub(2)) / 2;
    let first = view::list_offset(xref.selected, visible.max(1) as u16);
    for (i, link) in xref.links.iter().enumerate().skip(first).take(visible.max(1)) {
        let Some(other) = briefing(link.to.briefing) else { continue };
        let date = other.source.published.map_or(String::new(), |d| format!(", {d}"));
        let style = if i == xref.selected { app.theme.selected() } else { Default::default() };
        let head = format!("{} — {} ({}{date})", link.kind.label(), other.title, other.source.outlet);
        lines.push(Line::from(vec![Span::styled(
            super::list::truncate(&head, width),
            style.patch(app.theme.heading()),
        )]));
        lines.push(Line::styled(
            super::list::truncate(&format!("  {}", other.item_label(link.to.item)), width),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), list_area);
    if count > 0 && selected_area.height > 0 {
        let rows = usize::from(selected_area.height.saturating_sub(2));
        let shown: Vec<Line> = app.wrapped.xref.lines(0, rows).map(|line| view::shown(app, &line)).collect();
        let title = format!(" {}/{count} ", xref.selected + 1);
        frame.render_widget(Paragraph::new(shown).block(view::block(title, false, app.theme)), selected_area);
    }
}
