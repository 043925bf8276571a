//! The Actors pane: name, kind, role, aliases.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::model::Actor;
use crate::tui::app::App;
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| {
        let a = &b.actors[i];
        vec![a.name.clone(), a.kind.to_string(), a.role.clone().unwrap_or_default(), a.aliases.join(", ")]
    };
    // Shares of what the fixed Kind column leaves (percentages of the whole would over-fill the row and
    // squeeze the names).
    let widths = [Constraint::Fill(4), Constraint::Length(12), Constraint::Fill(4), Constraint::Fill(3)];
    super::draw_table(frame, app, regions.pane, &["Name", "Kind", "Role", "Also known as"], &widths, &row);
    super::draw_detail(frame, app, regions.detail, "Actor");
}

/// The detail box's fields for actor `index` of briefing `briefing`: every spelling of it in the folder.
pub fn detail(app: &App, briefing: usize, index: usize, a: &Actor) -> Vec<(&'static str, String)> {
    let registry = app.xref.registry();
    let spellings = match app.indexing {
        Some(_) => "indexing the folder…".to_string(),
        None => (registry.group_of((briefing, index)))
            .map_or_else(String::new, |g| registry.groups[g].spellings.join(", ")),
    };
    vec![
        ("", format!("{} ({})", a.name, a.kind)),
        ("Role", a.role.clone().unwrap_or_default()),
        ("All spellings in the folder", spellings),
    ]
}
