//! The source article over the panes, the selected item's sentence highlighted. Lines are wrapped once
//! (per width) when the view opens; a frame draws only the visible slice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, ArticleView};
use crate::tui::view;

pub fn draw(frame: &mut Frame, app: &App, article: &ArticleView, area: Rect) {
    let box_area = view::article_area(area);
    view::clear(frame, box_area);
    let Some(b) = app.entry(article.briefing).map(|e| &e.briefing) else { return };
    let visible = usize::from(box_area.height.saturating_sub(2));
    let scroll = article.scroll.min(article.lines.len().saturating_sub(visible));
    let title = format!(
        " {} — line {}/{} ",
        b.source.article.as_deref().unwrap_or("article"),
        scroll + 1,
        article.lines.len()
    );
    let block = view::block(title, true, app.theme);
    let lines: Vec<Line> = article.lines[scroll..]
        .iter()
        .take(visible)
        .map(|line| match &line.marked {
            Some(range) => view::marked(&line.text, std::slice::from_ref(range), Style::new(), app.theme),
            None => view::highlighted(app, &line.text, Style::new()),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
