//! The Questions pane: open questions, with the sentence that raises each and what it is about.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::model::{Briefing, Question};
use crate::tui::app::App;
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| vec![b.questions[i].text.clone()];
    super::draw_table(frame, app, regions.pane, &["Open question"], &[Constraint::Percentage(100)], &row);
    super::draw_detail(frame, app, regions.detail, "Question");
}

/// The detail box's fields for a question: its text, the items it is about, the sentence that raises it.
pub fn detail(b: &Briefing, q: &Question) -> Vec<(&'static str, String)> {
    let mut fields = vec![("", q.text.clone())];
    // One paragraph per item, under one heading.
    for (n, label) in crate::render::about(b, &q.about).into_iter().enumerate() {
        fields.push((if n == 0 { "About" } else { "" }, label));
    }
    fields.push(("Raised by", q.source.as_ref().map_or(String::new(), |s| format!("“{s}”"))));
    fields
}
