//! The Questions pane: open questions, with the sentence that raises each and what it is about.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::tui::app::{App, Pane};
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| vec![b.questions[i].text.clone()];
    super::draw_table(frame, app, regions.pane, &["Open question"], &[Constraint::Percentage(100)], &row);
    let Some(q) = b.questions.get(app.selected_in(Pane::Questions)) else { return };
    let about: Vec<String> =
        q.about.iter().filter_map(|id| b.item(id)).map(|item| b.item_label(item)).collect();
    let fields = vec![
        ("", q.text.clone()),
        ("About", about.join("; ")),
        ("Raised by", q.source.as_ref().map_or(String::new(), |s| format!("“{s}”"))),
        ("", super::related_hint(app)),
    ];
    super::draw_detail(frame, app, regions.detail, "Question", fields);
}
