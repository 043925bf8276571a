//! The Figures pane: value as written, unit, claimant, date; the selected figure's quote below.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::model::Figure;
use crate::render::format_value;
use crate::tui::app::App;
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| {
        let f = &b.figures[i];
        let by = f
            .claimed_by
            .as_deref()
            .map_or_else(|| b.source.outlet.clone(), |id| b.actor_name(id).to_string());
        let date = f.as_of.map_or(String::new(), |d| d.to_string());
        vec![f.text.clone(), f.unit.clone(), by, date]
    };
    let widths = [
        Constraint::Percentage(30),
        Constraint::Percentage(30),
        Constraint::Percentage(28),
        Constraint::Length(10),
    ];
    super::draw_table(frame, app, regions.pane, &["Value", "Counts", "Claimed by", "As of"], &widths, &row);
    super::draw_detail(frame, app, regions.detail, "Figure");
}

/// The detail box's fields for a figure.
pub fn detail(f: &Figure) -> Vec<(&'static str, String)> {
    vec![
        ("", format!("{} {} ({})", f.qualifier, format_value(f.value), f.unit)),
        ("About", f.subject.clone().unwrap_or_default()),
        ("Quote", f.quote.clone()),
    ]
}
