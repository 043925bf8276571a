//! The figures board: every counted thing of the folder with each value given for it, grouped as the
//! cross-reference graph groups figures (same unit, overlapping subject) and as `brief figures` lists
//! them, flagged when the values differ.

use crate::model::{Briefing, Figure, ItemRef};
use crate::xref::{CrossRef, ItemAt, compare_figures};

/// One counted thing and every figure the folder gives for it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// In date order (undated first), as the graph orders them.
    pub values: Vec<ItemAt>,
    /// Whether two neighbouring values differ (by more than 1%, or in their qualifier).
    pub values_differ: bool,
}

/// The reconciliation table: the groups with the most values first.
pub fn groups(briefings: &[&Briefing], xref: &CrossRef) -> Vec<FigureGroup> {
    xref.figure_table(briefings)
        .into_iter()
        .map(|values| {
            let values_differ =
                values.windows(2).any(|w| compare_figures(briefings, w[0], w[1]).values_differ);
            FigureGroup { values, values_differ }
        })
        .collect()
}

/// The figure at `at`, which must name a figure.
pub fn figure<'a>(briefings: &[&'a Briefing], at: ItemAt) -> &'a Figure {
    let ItemRef::Figure(i) = at.item else { unreachable!("figure groups hold figures") };
    &briefings[at.briefing].figures[i]
}
