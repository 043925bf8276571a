//! The Actors pane: name, kind, role, aliases.

use ratatui::Frame;
use ratatui::layout::Constraint;

use crate::tui::app::{App, Pane};
use crate::tui::view::Regions;

pub fn draw(frame: &mut Frame, app: &App, regions: Regions) {
    let Some(b) = app.current_briefing() else { return };
    let row = |i: usize| {
        let a = &b.actors[i];
        vec![a.name.clone(), a.kind.to_string(), a.role.clone().unwrap_or_default(), a.aliases.join(", ")]
    };
    let widths = [
        Constraint::Percentage(28),
        Constraint::Length(12),
        Constraint::Percentage(35),
        Constraint::Percentage(37),
    ];
    super::draw_table(frame, app, regions.pane, &["Name", "Kind", "Role", "Also known as"], &widths, &row);
    let Some(a) = b.actors.get(app.selected_in(Pane::Actors)) else { return };
    let group =
        app.current().and_then(|bi| app.xref.registry().group_of((bi, app.selected_in(Pane::Actors))));
    let spellings = group.map_or_else(String::new, |g| app.xref.registry().groups[g].spellings.join(", "));
    let fields = vec![
        ("", format!("{} ({})", a.name, a.kind)),
        ("Role", a.role.clone().unwrap_or_default()),
        ("All spellings in the folder", spellings),
        ("", super::related_hint(app)),
    ];
    super::draw_detail(frame, app, regions.detail, "Actor", fields);
}
