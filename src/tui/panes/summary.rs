//! The Summary pane: title, source, summary text, and counts; scrolls by line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::render::source_line;
use crate::tui::app::{App, Focus, Pane};
use crate::tui::view;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(b) = app.current_briefing() else { return };
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let theme = app.theme;
    let mut lines: Vec<Line> = Vec::new();
    lines.extend(view::wrap(&b.title, width).iter().map(|l| view::highlighted(app, l, theme.heading())));
    lines.extend(view::wrap(&source_line(b), width).into_iter().map(|l| Line::styled(l, theme.dim())));
    for extra in [b.source.url.as_deref(), b.source.note.as_deref()].into_iter().flatten() {
        lines.extend(view::wrap(extra, width).into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    if !b.tags.is_empty() {
        lines.extend(view::wrap(&format!("tags: {}", b.tags.join(", ")), width).into_iter().map(Line::from));
    }
    lines.push(Line::raw(""));
    for paragraph in b.summary.split("\n\n").filter(|p| !p.trim().is_empty()) {
        lines.extend(
            view::wrap(paragraph.trim(), width).iter().map(|l| view::highlighted(app, l, Style::new())),
        );
        lines.push(Line::raw(""));
    }
    let counts = format!(
        "{} figures · {} actors · {} claims · {} open questions",
        b.figures.len(),
        b.actors.len(),
        b.claims.len(),
        b.questions.len()
    );
    lines.push(Line::styled(counts, theme.dim()));

    let visible = usize::from(area.height.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = app.selected_in(Pane::Summary).min(max_scroll);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
    let block = view::block(" Summary ".to_string(), app.focus == Focus::Detail, theme);
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
