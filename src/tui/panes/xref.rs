//! The cross-reference overlay: every item of other briefings related to the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, XrefView};
use crate::tui::view;

pub fn draw(frame: &mut Frame, app: &App, xref: &XrefView, area: Rect) {
    let box_area = view::centered(area, area.width.saturating_sub(6), area.height.saturating_sub(4));
    view::clear(frame, box_area);
    // Index the loaded briefings in place: a frame builds no list of the whole folder.
    let briefing = |i: usize| &app.store.entries[i].briefing;
    let from = briefing(xref.from.briefing).item_label(xref.from.item);
    let title = format!(" Related to: {} ", super::list::truncate(&from, usize::from(box_area.width / 2)));
    let block = view::block(title, true, app.theme);
    let width = usize::from(box_area.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    if xref.links.is_empty() {
        lines.push(Line::styled("No related items in other briefings.", app.theme.dim()));
    }
    // Each link takes two lines (relation and source; the related item); scroll keeps the selection shown.
    let visible = usize::from(box_area.height.saturating_sub(2)) / 3;
    let first = view::list_offset(xref.selected, visible.max(1) as u16);
    for (i, link) in xref.links.iter().enumerate().skip(first).take(visible.max(1)) {
        let other = briefing(link.to.briefing);
        let date = other.source.published.map_or(String::new(), |d| format!(", {d}"));
        let origin = if link.kind.is_explicit() { "ref".to_string() } else { link.reason.clone() };
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
        lines.push(Line::styled(super::list::truncate(&format!("  {origin}"), width), app.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
