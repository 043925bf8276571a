//! The loading screen of a first run: how many files of the folder are read, with a bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::reading::Reading;
use crate::tui::view;

const BAR: usize = 40;

pub fn draw(frame: &mut Frame, app: &App, reading: &Reading, area: Rect) {
    let block = view::block(" Reading the folder ".to_string(), true, app.theme);
    let filled = reading.filled(BAR);
    let lines = vec![
        Line::raw(""),
        Line::raw(format!("  {}", reading.line())),
        Line::raw(format!("  [{}{}]", "#".repeat(filled), "-".repeat(BAR - filled))),
        Line::raw(""),
        Line::raw("  First run on this folder: the list shows once every file is read; search,"),
        Line::raw("  cross-references and the boards follow, and the cache makes the next start quick."),
    ];
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
