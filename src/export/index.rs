//! `index.md` of an export of several briefings: the contents, the figure reconciliation and the open
//! questions, each briefing a link to its export beside the index.

use std::fmt::Write as _;

use super::{briefing_link, escape};
use crate::model::{Briefing, Status};
use crate::render::figures::{figure_at, figure_source, known_outlet, values_differ};
use crate::render::format_value;
use crate::xref::{CrossRef, figure_date};

/// The file name of the index; no briefing of the set may export to it.
pub const FILE_NAME: &str = "index.md";

/// The index of the briefings `set` (indexes into `briefings`, in the order listed) exported together;
/// `xref` is built over `briefings`. Figures and questions are those of the set only.
pub fn to_markdown(set: &[usize], briefings: &[&Briefing], xref: &CrossRef) -> String {
    let mut in_set = vec![false; briefings.len()];
    for &at in set {
        in_set[at] = true;
    }
    let link = |at: usize| briefing_link(briefings[at], in_set[at]);
    let plural = if set.len() == 1 { "" } else { "s" };
    let mut md = format!("# Briefings\n\n{} briefing{plural}.\n\n## Contents\n\n", set.len());
    md.push_str("| Briefing | Outlet | Published | Figures | Actors | Claims | Questions |\n");
    md.push_str("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
    for &at in set {
        let b = briefings[at];
        let draft = if b.status == Status::Draft { " (draft)" } else { "" };
        let _ = writeln!(
            md,
            "| {}{draft} | {} | {} | {} | {} | {} | {} |",
            link(at),
            known_outlet(b).map_or(String::new(), escape),
            b.source.published.map_or(String::new(), |d| d.to_string()),
            b.figures.len(),
            b.actors.len(),
            b.claims.len(),
            b.questions.len()
        );
    }

    let mut figures = String::new();
    for group in xref.figure_table(briefings) {
        let group: Vec<_> = group.into_iter().filter(|at| in_set[at.briefing]).collect();
        let Some(&first) = group.first() else { continue };
        let (_, f) = figure_at(briefings, first);
        let subject = f.subject.as_deref().map_or(String::new(), |s| format!(" ({})", escape(s)));
        let _ = writeln!(figures, "### {}{subject}\n", escape(&f.unit));
        if values_differ(briefings, &group) {
            figures.push_str("**The values differ.**\n\n");
        }
        figures
            .push_str("| As of | Value | Figure | Source | Briefing |\n| --- | ---: | --- | --- | --- |\n");
        for &at in &group {
            let (b, f) = figure_at(briefings, at);
            let _ = writeln!(
                figures,
                "| {} | {} {} | {} | {} | {} |",
                figure_date(briefings, at).map_or(String::new(), |d| d.to_string()),
                escape(&f.qualifier.to_string()),
                format_value(f.value),
                escape(&f.text),
                escape(&figure_source(b, f)),
                link(at.briefing)
            );
        }
        figures.push('\n');
    }
    if !figures.is_empty() {
        let _ = writeln!(md, "\n## Figures\n\n{}", figures.trim_end());
    }

    let mut questions = String::new();
    for &at in set.iter().filter(|&&at| !briefings[at].questions.is_empty()) {
        let _ = writeln!(questions, "### {}\n", link(at));
        for q in &briefings[at].questions {
            let _ = writeln!(questions, "- {}", escape(&q.text));
        }
        questions.push('\n');
    }
    if !questions.is_empty() {
        let _ = writeln!(md, "\n## Open questions\n\n{}", questions.trim_end());
    }
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}
