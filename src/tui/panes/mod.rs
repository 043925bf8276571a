//! One file per pane; each draws from `&App`. This module holds what they share: the item table and the
//! detail box under it.

pub mod actors;
pub mod article;
pub mod claims;
pub mod figures;
pub mod help;
pub mod list;
pub mod questions;
pub mod reading;
pub mod search;
pub mod summary;
pub mod xref;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::app::{self, Action, App, Focus, Overlay, Pane};
use super::keymap;
use super::view::{self, Regions};
use super::wrap::{Para, Tone};
use crate::model::ItemRef;

pub fn draw_pane(frame: &mut Frame, app: &App, regions: Regions) {
    match app.pane {
        Pane::Summary => summary::draw(frame, app, regions.pane.union(regions.detail)),
        Pane::Figures => figures::draw(frame, app, regions),
        Pane::Actors => actors::draw(frame, app, regions),
        Pane::Claims => claims::draw(frame, app, regions),
        Pane::Questions => questions::draw(frame, app, regions),
    }
}

/// A table of the current pane's items. Only the visible rows are built; `row` makes one row's cells.
pub fn draw_table(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    header: &[&str],
    widths: &[Constraint],
    row: &dyn Fn(usize) -> Vec<String>,
) {
    let pane = app.pane;
    let len = app.pane_len(pane);
    let focused = app.focus == Focus::Detail;
    let block = view::block(format!(" {} ({len}) ", pane.title()), focused, app.theme);
    let selected = (len, app.selected_in(pane), true);
    table(frame, app, area, block, header, widths, selected, "(none in this briefing)", &|i| {
        (row(i), Style::new())
    });
}

/// A table of `len` rows with the one at `selected` highlighted (when `focused`), drawing only the rows
/// in view; `row` makes one row's cells and style. `empty` is said when there are no rows.
#[allow(clippy::too_many_arguments)]
pub fn table(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    block: Block<'static>,
    header: &[&str],
    widths: &[Constraint],
    (len, selected, focused): (usize, usize, bool),
    empty: &str,
    row: &dyn Fn(usize) -> (Vec<String>, Style),
) {
    let visible = view::pane_rows(area);
    let first = view::list_offset(selected, visible);
    let last = (first + usize::from(visible)).min(len);
    // The columns are laid out here, not by the table, so that a cell too long for its column can be cut
    // with "…" (the table would cut it silently); the full text is in the detail box.
    let columns: Vec<u16> = Layout::horizontal(widths.iter().copied())
        .spacing(1)
        .split(block.inner(area))
        .iter()
        .map(|c| c.width)
        .collect();
    let rows = (first..last).map(|i| {
        let (cells, style) = row(i);
        let style = if i == selected && focused { style.patch(app.theme.selected()) } else { style };
        let cells = cells.into_iter().zip(&columns).map(|(cell, &width)| {
            Cell::from(view::highlighted(app, &list::truncate(&cell, width.into()), Style::new()))
        });
        Row::new(cells).style(style)
    });
    let header = header.iter().zip(&columns).map(|(h, &width)| Cell::from(list::truncate(h, width.into())));
    let header = Row::new(header).style(app.theme.heading());
    let fixed = columns.iter().map(|&width| Constraint::Length(width));
    let table = Table::new(rows, fixed).header(header).block(block).column_spacing(1);
    frame.render_widget(table, area);
    if len == 0 {
        let inner = area.inner(ratatui::layout::Margin { horizontal: 1, vertical: 2 });
        frame.render_widget(Paragraph::new(empty.to_string()).style(app.theme.dim()), inner);
    }
}

/// The box under a table: the selected item's fields, wrapped by `rewrap` ahead of the frame.
pub fn draw_detail(frame: &mut Frame, app: &App, area: Rect, title: &str) {
    if app.wrapped.detail.is_empty() {
        return;
    }
    let visible = usize::from(area.height.saturating_sub(2));
    let (total, first) = (app.wrapped.detail.len(), app.detail_scroll);
    // When the text is longer than the box, the title says which lines show and how to see the rest.
    let title = if total > visible {
        let keys = [Action::DetailDown, Action::DetailUp].map(|a| keymap::key_for(&a).unwrap_or_default());
        format!(" {title} {}–{} of {total} ({}) ", first + 1, (first + visible).min(total), keys.join("/"))
    } else {
        format!(" {title} ")
    };
    let block = view::block(title, false, app.theme);
    let lines: Vec<Line> =
        app.wrapped.detail.lines(first, visible).map(|line| view::shown(app, &line)).collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Brings the wrapped text of the shown pane up to date with the briefing, the selection, the size and
/// the search. `update` calls it after every action; it wraps again only what changed, so a frame only
/// slices lines. The Summary pane wraps the whole summary; an item pane wraps its detail box.
pub fn rewrap(app: &mut App) {
    let regions = app.regions();
    let inner_width = |area: Rect| usize::from(area.width.saturating_sub(2)).max(1);
    if app.pane == Pane::Summary {
        let width = inner_width(regions.pane.union(regions.detail));
        // Borrow the briefing through the field, not `&App`, so the cache beside it can change.
        let briefing = app.current().and_then(|i| app::entry_in(&app.store, app.opening.as_ref(), i));
        let briefing = briefing.map(|e| &e.briefing);
        let paras = briefing.map(summary::paras).unwrap_or_default();
        app.wrapped.summary.set(paras, width, app.highlight.as_ref());
    } else {
        let width = inner_width(regions.detail);
        let paras = detail_paras(app);
        if app.wrapped.detail.set(paras, width, app.highlight.as_ref()) {
            app.detail_scroll = 0;
        }
    }
    if let Some(Overlay::Xref(view)) = &app.overlay {
        let width = inner_width(xref::layout(Rect::new(0, 0, app.viewport.0, app.viewport.1)).1);
        let paras = xref::selected_paras(app, view);
        app.wrapped.xref.set(paras, width, app.highlight.as_ref());
    }
}

/// The detail box's text for the selected item of the current pane, then how many related items it has.
fn detail_paras(app: &App) -> Vec<Para<'static>> {
    let (Some(briefing), Some(at)) = (app.current(), app.selected_item()) else { return Vec::new() };
    let mut fields = item_fields(app, briefing, at.item);
    fields.push(("", related_hint(app)));
    paras(fields)
}

/// The fields that describe item `item` of briefing `briefing`, as its pane's detail box shows them.
pub fn item_fields(app: &App, briefing: usize, item: ItemRef) -> Vec<(&'static str, String)> {
    let Some(b) = app.briefing_at(briefing) else { return Vec::new() };
    match item {
        ItemRef::Figure(i) => figures::detail(&b.figures[i]),
        ItemRef::Actor(i) => actors::detail(app, briefing, i, &b.actors[i]),
        ItemRef::Claim(i) => claims::detail(b, &b.claims[i]),
        ItemRef::Question(i) => questions::detail(b, &b.questions[i]),
    }
}

/// Each non-empty field as a paragraph, under its label when it has one.
pub fn paras(fields: Vec<(&'static str, String)>) -> Vec<Para<'static>> {
    let mut paras = Vec::new();
    for (label, text) in fields.into_iter().filter(|(_, text)| !text.is_empty()) {
        if !label.is_empty() {
            paras.push(Para::new(label, Tone::Heading, false));
        }
        paras.push(Para::new(text, Tone::Plain, true));
    }
    paras
}

/// "3 related items (x)" for a detail box.
fn related_hint(app: &App) -> String {
    let Some(at) = app.selected_item() else { return String::new() };
    if app.indexing.is_some() {
        return "indexing the folder: related items show when it is done".to_string();
    }
    // Counting them means working them out over the cache's graph: not for every move of the cursor.
    if app.from_cache() {
        return "press x or Enter for related items in other briefings".to_string();
    }
    match app.xref.related(at).len() {
        0 => "no related items in other briefings".to_string(),
        n => format!("{n} related item(s) in other briefings: press x or Enter"),
    }
}
