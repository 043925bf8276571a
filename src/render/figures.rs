//! `brief figures` as text: the reconciliation table.

use super::{format_value, item_address};
use crate::model::{Briefing, Figure, ItemRef};
use crate::xref::{ItemAt, compare_figures, figure_date};

/// The briefing and figure an entry of the figure table points to.
pub fn figure_at<'b>(briefings: &[&'b Briefing], at: ItemAt) -> (&'b Briefing, &'b Figure) {
    let b = briefings[at.briefing];
    let ItemRef::Figure(i) = at.item else { unreachable!("the figure table holds figures") };
    (b, &b.figures[i])
}

/// Whether two neighbours of a group (a thing counted across the folder) give different values.
pub fn values_differ(briefings: &[&Briefing], group: &[ItemAt]) -> bool {
    group.windows(2).any(|w| compare_figures(briefings, w[0], w[1]).values_differ)
}

/// An outlet's name, unless it is empty or `unknown` (what briefings say when it is not known).
pub fn known_outlet(b: &Briefing) -> Option<&str> {
    known(&b.source.outlet)
}

/// An outlet's name, unless it is empty or "unknown".
pub fn known(outlet: &str) -> Option<&str> {
    let outlet = outlet.trim();
    (!outlet.is_empty() && !outlet.eq_ignore_ascii_case("unknown")).then_some(outlet)
}

/// Who gives a figure and where: "per CLAIMANT, in OUTLET", "per CLAIMANT", "per OUTLET" (the outlet's
/// own figure), or "unattributed" when neither is known.
pub fn figure_source(b: &Briefing, f: &Figure) -> String {
    match (f.claimed_by.as_deref().map(|id| b.actor_name(id)), known_outlet(b)) {
        (Some(by), Some(outlet)) => format!("per {by}, in {outlet}"),
        (Some(by), None) | (None, Some(by)) => format!("per {by}"),
        (None, None) => "unattributed".to_string(),
    }
}

/// Each counted thing, then every value given for it (date, value, qualifier, text, who claims it, the
/// outlet, the item), flagged when the values differ.
pub fn table_text(briefings: &[&Briefing], table: &[Vec<ItemAt>]) -> String {
    let mut out = String::new();
    for group in table {
        let (_, first) = figure_at(briefings, group[0]);
        let subject = first.subject.as_deref().map_or(String::new(), |s| format!(" ({s})"));
        out.push_str(&format!("{}{subject}\n", first.unit));
        for &at in group {
            let (b, f) = figure_at(briefings, at);
            let date = figure_date(briefings, at).map_or("-".to_string(), |d| d.to_string());
            out.push_str(&format!(
                "  {date:10}  {:>14}  {:10}  {}  {} [{}]\n",
                format_value(f.value),
                f.qualifier.to_string(),
                f.text,
                figure_source(b, f),
                item_address(briefings, at)
            ));
        }
        if values_differ(briefings, group) {
            out.push_str("  ! the values differ\n");
        }
        out.push('\n');
    }
    out
}
