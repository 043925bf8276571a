//! The Summary pane: title, source, summary text, and counts; scrolls by line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::model::Briefing;
use crate::render::source_line;
use crate::tui::app::{App, Focus, Pane};
use crate::tui::view;
use crate::tui::wrap::{Para, Tone};

/// Draws the lines in view of the summary wrapped by `rewrap`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if app.current_briefing().is_none() {
        return;
    }
    let text = &app.wrapped.summary;
    let visible = usize::from(area.height.saturating_sub(2));
    let scroll = app.selected_in(Pane::Summary).min(text.len().saturating_sub(visible));
    let lines: Vec<Line> = text.lines(scroll, visible).map(|line| view::shown(app, &line)).collect();
    let block = view::block(" Summary ".to_string(), app.focus == Focus::Detail, app.theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// What the pane shows, paragraph by paragraph: the summary borrowed, the rest made here.
pub fn paras(b: &Briefing) -> Vec<Para<'_>> {
    let mut paras =
        vec![Para::new(b.title.as_str(), Tone::Heading, true), Para::new(source_line(b), Tone::Dim, false)];
    for extra in [b.source.url.as_deref(), b.source.note.as_deref()].into_iter().flatten() {
        paras.push(Para::new(extra, Tone::Dim, false));
    }
    if !b.tags.is_empty() {
        paras.push(Para::new(format!("tags: {}", b.tags.join(", ")), Tone::Plain, false));
    }
    paras.push(Para::new("", Tone::Plain, false));
    for paragraph in b.summary.split("\n\n").filter(|p| !p.trim().is_empty()) {
        paras.push(Para::new(paragraph.trim(), Tone::Plain, true));
        paras.push(Para::new("", Tone::Plain, false));
    }
    let counts = format!(
        "{} figures · {} actors · {} claims · {} open questions",
        b.figures.len(),
        b.actors.len(),
        b.claims.len(),
        b.questions.len()
    );
    paras.push(Para::new(counts, Tone::Dim, false));
    paras
}
