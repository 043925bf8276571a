//! The Claims pane: claimant, stance, text; the selected claim's quote, outlet, grades and links below.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::model::{Briefing, Claim};
use crate::render::{attribution, grades};
use crate::tui::app::App;
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| {
        let c = &b.claims[i];
        vec![b.actor_name(&c.claimed_by).to_string(), c.stance.to_string(), c.text.clone()]
    };
    let widths = [Constraint::Percentage(25), Constraint::Length(9), Constraint::Percentage(75)];
    super::draw_table(frame, app, regions.pane, &["Claimant", "Stance", "Claim"], &widths, &row);
    super::draw_detail(frame, app, regions.detail, "Claim");
}

/// The detail box's fields for a claim: stance, attribution and grades, then its quote.
pub fn detail(b: &Briefing, c: &Claim) -> Vec<(&'static str, String)> {
    let grade = grades(c).map_or(String::new(), |g| format!("; grade {g}"));
    vec![("", format!("{} ({}){grade}", c.stance, attribution(b, c))), ("Quote", format!("“{}”", c.quote))]
}
