//! The briefing list, and what the right side shows for a file that failed to load.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::Status;
use crate::tui::app::{App, Focus, file_name};
use crate::tui::list::Order;
use crate::tui::view;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::List;
    let rows = &app.list.rows;
    let order = match app.list.order {
        Order::Date => "",
        Order::Title => " · by title",
        Order::Outlet => " · by outlet",
    };
    let count = if rows.len() < app.list_len() {
        format!(" {}/{}", rows.len(), app.list_len())
    } else {
        String::new()
    };
    let block = view::block(format!(" Briefings{count}{order} "), focused, app.theme);
    let block = crate::tui::boards::with_filter(block, app, &app.list.filter);
    let visible = area.height.saturating_sub(2);
    let position = app.list.position(app.list_selected).unwrap_or(0);
    let first = view::list_offset(position, visible);
    let last = (first + usize::from(visible)).min(rows.len());
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = rows[first..last]
        .iter()
        .map(|&i| {
            let (marker, text) = match app.list_row(i) {
                Some(b) => {
                    let marker = if b.status == Status::Draft { "✎ " } else { "  " };
                    let date = b.published.map_or(String::new(), |d| format!("{d} "));
                    (marker, format!("{date}{} · {}", b.title, b.outlet))
                }
                None => ("✗ ", file_name(&app.store.failed[i - app.loaded_len()])),
            };
            let text = truncate(&text, width.saturating_sub(2));
            let style = if i == app.list_selected { app.theme.selected() } else { Default::default() };
            let marker_style = if marker == "✗ " { app.theme.warn() } else { app.theme.dim() };
            Line::from(vec![Span::styled(marker, marker_style), Span::raw(text)]).style(style)
        })
        .collect();
    let lines = if rows.is_empty() && app.list_len() > 0 {
        vec![Line::styled("No briefing matches.", app.theme.dim())]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The errors of a file that failed to load, where the briefing would be.
pub fn draw_failure(frame: &mut Frame, app: &App, area: Rect) {
    let index = app.list_selected.saturating_sub(app.loaded_len());
    let Some(path) = app.store.failed.get(index) else { return };
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let mut lines = vec![Line::styled("This file failed to load:", app.theme.warn()), Line::raw("")];
    for diagnostic in app.store.diagnostics.iter().filter(|d| &d.path == path && d.is_error()) {
        for text_line in diagnostic.to_string().lines() {
            lines.extend(view::wrap(text_line, width).into_iter().map(Line::from));
        }
        lines.push(Line::raw(""));
    }
    let block = view::block(" Load error ".to_string(), false, app.theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Cuts text to a display width, ending with "…" when cut.
pub fn truncate(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncate_cuts_at_display_width_with_an_ellipsis() {
        assert_eq!(truncate("Kim Jong Un", 11), "Kim Jong Un");
        assert_eq!(truncate("Kim Jong Un", 8), "Kim Jon…");
        // Hangul takes two columns a character: 김정은 is six wide.
        assert_eq!(truncate("김정은 위원장", 6), "김정…");
        assert_eq!(truncate("김정은", 4), "김…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
    }
}
