//! The Claims pane: claimant, stance, text; the selected claim's quote, outlet, grades and links below.

use ratatui::Frame;
use ratatui::layout::Constraint;

use unicode_width::UnicodeWidthStr;

use crate::model::{Briefing, Claim};
use crate::render::{attribution, grades};
use crate::tui::app::App;
use crate::tui::view::Regions;

/// Wider claimant names are cut (as are any wider than a third of the pane), so the claim keeps most of
/// the row.
const MAX_CLAIMANT_WIDTH: usize = 28;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| {
        let c = &b.claims[i];
        vec![b.actor_name(&c.claimed_by).to_string(), c.stance.to_string(), c.text.clone()]
    };
    // The claimant column is as wide as the longest claimant (within reason), so names stay whole.
    let claimant_width = b.claims.iter().map(|c| b.actor_name(&c.claimed_by).width()).max().unwrap_or(0);
    let widest = (usize::from(regions.pane.width) / 3).min(MAX_CLAIMANT_WIDTH);
    let claimant_width = claimant_width.min(widest).max("Claimant".len()) as u16;
    let widths = [Constraint::Length(claimant_width), Constraint::Length(9), Constraint::Fill(1)];
    super::draw_table(frame, app, regions.pane, &["Claimant", "Stance", "Claim"], &widths, &row);
    super::draw_detail(frame, app, regions.detail, "Claim");
}

/// The detail box's fields for a claim: the whole claim (the table cuts it), stance, attribution and
/// grades, then its quote.
pub fn detail(b: &Briefing, c: &Claim) -> Vec<(&'static str, String)> {
    let grade = grades(c).map_or(String::new(), |g| format!("; grade {g}"));
    vec![
        ("", c.text.clone()),
        ("", format!("{} ({}){grade}", c.stance, attribution(b, c))),
        ("Quote", format!("“{}”", c.quote)),
    ]
}
