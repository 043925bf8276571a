//! One file per pane; each draws from `&App`. This module holds what they share: the item table and the
//! detail box under it.

pub mod actors;
pub mod article;
pub mod claims;
pub mod figures;
pub mod help;
pub mod list;
pub mod questions;
pub mod search;
pub mod summary;
pub mod xref;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::app::{App, Focus, Pane};
use super::view::{self, Regions};

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
    let visible = view::pane_rows(area);
    let first = view::list_offset(app.selected_in(pane), visible);
    let last = (first + usize::from(visible)).min(len);
    let rows = (first..last).map(|i| {
        let style = if i == app.selected_in(pane) { app.theme.selected() } else { Default::default() };
        Row::new(row(i).into_iter().map(|cell| Cell::from(view::highlighted(app, &cell, Style::new()))))
            .style(style)
    });
    let header = Row::new(header.iter().map(|h| Cell::from(*h))).style(app.theme.heading());
    let table = Table::new(rows, widths.to_vec()).header(header).block(block).column_spacing(1);
    frame.render_widget(table, area);
    if len == 0 {
        let inner = area.inner(ratatui::layout::Margin { horizontal: 1, vertical: 2 });
        frame.render_widget(Paragraph::new("(none in this briefing)").style(app.theme.dim()), inner);
    }
}

/// The box under a table: labelled lines, each wrapped to the box's width.
pub fn draw_detail(frame: &mut Frame, app: &App, area: Rect, title: &str, fields: Vec<(&str, String)>) {
    let block = view::block(format!(" {title} "), false, app.theme);
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    for (label, text) in fields {
        if text.is_empty() {
            continue;
        }
        if !label.is_empty() {
            lines.push(Line::styled(label.to_string(), app.theme.heading()));
        }
        lines.extend(view::wrap(&text, width).iter().map(|l| view::highlighted(app, l, Style::new())));
    }
    let visible = usize::from(area.height.saturating_sub(2));
    lines.truncate(visible);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// "3 related items (x)" for a detail box.
pub fn related_hint(app: &App) -> String {
    let Some(at) = app.selected_item() else { return String::new() };
    match app.xref.related(&app.briefings(), at).len() {
        0 => "no related items in other briefings".to_string(),
        n => format!("{n} related item(s) in other briefings: press x or Enter"),
    }
}
