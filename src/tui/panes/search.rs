//! The search box: the query being typed, and every hit across the briefings, updated as you type.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::search::Target;
use crate::tui::app::{App, SearchView};
use crate::tui::keymap::{active_in_boxes, keys_label};
use crate::tui::view;

pub fn draw(frame: &mut Frame, app: &App, search: &SearchView, area: Rect) {
    let box_area = view::centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
    view::clear(frame, box_area);
    let theme = app.theme;
    let keys: Vec<String> = active_in_boxes()
        .iter()
        .filter(|b| !b.keys.is_empty())
        .map(|b| format!("{} {}", keys_label(b), b.help))
        .collect();
    let block = view::block(" Search ".to_string(), true, theme);
    let width = usize::from(box_area.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = vec![Line::from(vec![
        Span::styled("/ ", theme.accent()),
        Span::raw(search.input.clone()),
        Span::styled("█", theme.dim()),
    ])];
    let mut summary = match (&search.error, search.input.trim().is_empty()) {
        (Some(error), _) => Line::styled(super::list::truncate(error, width), theme.warn()),
        (None, true) => Line::styled(
            "words (all must match), \"phrases\", -excluded, prefix*, actor: claim: figure: question: tag: outlet: id:",
            theme.dim(),
        ),
        (None, false) if search.total > search.hits.len() => {
            Line::styled(format!("{} hits, the best {} listed", search.total, search.hits.len()), theme.dim())
        }
        (None, false) => Line::styled(format!("{} hit(s)", search.total), theme.dim()),
    };
    // The hits listed are the previous input's until the worker answers (at once, for most queries).
    if search.pending.is_some() {
        summary.spans.push(Span::styled(" · searching…", theme.dim()));
    }
    lines.push(summary);
    lines.push(Line::styled(super::list::truncate(&keys.join(" · "), width), theme.dim()));
    // Each hit takes two lines: where it is, and the matched text.
    let visible = usize::from(box_area.height.saturating_sub(2 + 3)) / 2;
    let first = view::list_offset(search.selected, visible.max(1) as u16);
    for (i, hit) in search.hits.iter().enumerate().skip(first).take(visible) {
        let Some(b) = app.briefing_at(hit.briefing) else { continue };
        let style = if i == search.selected { theme.selected() } else { Style::new() };
        let date = b.source.published.map_or(String::new(), |d| format!(", {d}"));
        let head = format!("{:<8} {} ({}{date})", hit.section(), b.title, b.source.outlet);
        lines.push(Line::styled(super::list::truncate(&head, width), style.patch(theme.heading())));
        let line = match hit.snippet(b, width.saturating_sub(2)) {
            Some((snippet, ranges)) => {
                let mut line = view::marked(&snippet, &ranges, style, theme);
                line.spans.insert(0, Span::styled("  ", style));
                line
            }
            None => Line::styled(
                match hit.target {
                    Target::Overview => format!("  {}", b.title),
                    Target::Item(item) => format!("  {}", b.item_label(item)),
                },
                style,
            ),
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
