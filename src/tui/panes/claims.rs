//! The Claims pane: claimant, stance, text; the selected claim's quote, outlet, grades and links below.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::render::{attribution, grades};
use crate::tui::app::{App, Pane};
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| {
        let c = &b.claims[i];
        vec![b.actor_name(&c.claimed_by).to_string(), c.stance.to_string(), c.text.clone()]
    };
    let widths = [Constraint::Percentage(25), Constraint::Length(9), Constraint::Percentage(75)];
    super::draw_table(frame, app, regions.pane, &["Claimant", "Stance", "Claim"], &widths, &row);
    let Some(c) = b.claims.get(app.selected_in(Pane::Claims)) else { return };
    let grade = grades(c).map_or(String::new(), |g| format!("; grade {g}"));
    let fields = vec![
        ("", format!("{} ({}){grade}", c.stance, attribution(b, c))),
        ("Quote", format!("“{}”", c.quote)),
        ("", super::related_hint(app)),
    ];
    super::draw_detail(frame, app, regions.detail, "Claim", fields);
}
