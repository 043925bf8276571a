//! The questions board and `brief questions`: every open question of the folder, and whether a later
//! briefing addresses it.
//!
//! A question is addressed when another briefing says something on what it asks about: an explicit ref
//! in the files between the question (or an item it is about) and an item of a briefing that is not
//! earlier, or, from a later briefing, a value of the same count as a figure it is about, or a claim the
//! graph links to a claim it is about (similar wording, or a denial against an assertion). Explicit refs
//! are taken first, as a person's judgement; otherwise the earliest later item is the one shown.

use serde::Serialize;

use crate::model::{Briefing, Date, ItemRef, Relation};
use crate::xref::{CrossRef, ItemAt, LinkKind, figure_date};

use super::figures::FigureGroup;
use super::{after, published};

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionEntry {
    pub at: ItemAt,
    /// The question's briefing's publication date.
    pub date: Option<Date>,
    /// What addresses it, or `None` while it is still open.
    pub addressed: Option<Addressed>,
    /// Whether an open question was compared with every later claim, or the folder's budget of
    /// comparisons ran out first ([`super::sources::comparison_budget`]): then a later claim may yet
    /// address it.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Addressed {
    #[serde(skip)]
    pub by: ItemAt,
    pub date: Option<Date>,
    /// Why that item addresses the question, in words.
    pub reason: String,
}

/// Every question of the folder in the order of the briefings (newest first), each with what addresses
/// it. `figures` is the folder's figure table ([`super::figures::groups`]).
pub fn questions(briefings: &[&Briefing], xref: &CrossRef, figures: &[FigureGroup]) -> Vec<QuestionEntry> {
    questions_within(briefings, xref, figures, super::sources::comparison_budget(xref.claim_count()))
}

/// [`questions`] with `budget` comparisons of a claim with a later one.
fn questions_within(
    briefings: &[&Briefing],
    xref: &CrossRef,
    figures: &[FigureGroup],
    mut budget: usize,
) -> Vec<QuestionEntry> {
    // Claims of dated briefings in date order: a question's later claims are a suffix of it.
    let mut dated: Vec<(Date, usize)> = (0..xref.claim_count())
        .filter_map(|n| Some((published(briefings, xref.claim(n).briefing)?, n)))
        .collect();
    dated.sort_unstable();
    let mut group_of_figure: foldhash::HashMap<ItemAt, usize> = foldhash::HashMap::default();
    for (g, group) in figures.iter().enumerate() {
        group_of_figure.extend(group.values.iter().map(|&at| (at, g)));
    }
    let mut entries = Vec::new();
    for (bi, b) in briefings.iter().enumerate() {
        for qi in 0..b.questions.len() {
            let at = ItemAt { briefing: bi, item: ItemRef::Question(qi) };
            let date = b.source.published;
            let about: Vec<ItemAt> = (b.questions[qi].about.iter())
                .filter_map(|id| Some(ItemAt { briefing: bi, item: b.item(id)? }))
                .collect();
            let mut complete = true;
            let addressed = explicitly(briefings, xref, at, &about).or_else(|| {
                let date = date?;
                let by_figure =
                    about.iter().filter_map(|a| later_figure(briefings, figures, &group_of_figure, *a, date));
                let by_claim = about.iter().filter_map(|a| {
                    let (found, whole) = later_claim(xref, &dated, *a, date, &mut budget);
                    complete &= whole;
                    found
                });
                let found: Vec<Addressed> = by_figure.chain(by_claim).collect();
                found.into_iter().min_by_key(|found| (found.date, found.by))
            });
            let complete = complete || addressed.is_some();
            entries.push(QuestionEntry { at, date, addressed, complete });
        }
    }
    entries
}

/// The first explicit ref between the question or an item it is about and an item of another briefing
/// that is not earlier than the question's.
fn explicitly(briefings: &[&Briefing], xref: &CrossRef, at: ItemAt, about: &[ItemAt]) -> Option<Addressed> {
    let date = published(briefings, at.briefing);
    std::iter::once(at).chain(about.iter().copied()).find_map(|from| {
        xref.explicit_links(from).iter().find_map(|link| {
            let other = published(briefings, link.to.briefing);
            let earlier = matches!((date, other), (Some(d), Some(o)) if after(d, o));
            (link.to.briefing != at.briefing && !earlier).then(|| {
                let what = match from.item {
                    ItemRef::Question(_) => "the question",
                    ItemRef::Figure(_) => "the figure it asks about",
                    ItemRef::Claim(_) => "the claim it asks about",
                    ItemRef::Actor(_) => "the actor it asks about",
                };
                Addressed {
                    by: link.to,
                    date: other,
                    reason: format!("{what} {} (a ref in the files)", ref_phrase(link.kind)),
                }
            })
        })
    })
}

/// How an explicit ref reads from the side of the question's item: "is updated by it".
fn ref_phrase(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::RefFrom(Relation::Updates) => "is updated by it",
        LinkKind::RefFrom(Relation::Corroborates) => "is corroborated by it",
        LinkKind::RefFrom(Relation::Contradicts) => "is contradicted by it",
        LinkKind::Ref(Relation::Updates) => "updates it",
        LinkKind::Ref(Relation::Corroborates) => "corroborates it",
        LinkKind::Ref(Relation::Contradicts) => "contradicts it",
        _ => "is about the same event",
    }
}

/// The earliest value of the same count as figure `at`, from a briefing later than `date`.
fn later_figure(
    briefings: &[&Briefing],
    figures: &[FigureGroup],
    group_of_figure: &foldhash::HashMap<ItemAt, usize>,
    at: ItemAt,
    date: Date,
) -> Option<Addressed> {
    let group = &figures[*group_of_figure.get(&at)?];
    group.values.iter().find_map(|&other| {
        let when = figure_date(briefings, other)?;
        (other.briefing != at.briefing && after(when, date)).then(|| {
            let f = super::figures::figure(briefings, other);
            Addressed {
                by: other,
                date: Some(when),
                reason: format!("a later value of the same count: {} {}", f.text, f.unit),
            }
        })
    })
}

/// The earliest claim of a briefing later than `date` that the graph links to claim `at`, and whether
/// every later claim was looked at (each look spends one of `budget`).
fn later_claim(
    xref: &CrossRef,
    dated: &[(Date, usize)],
    at: ItemAt,
    date: Date,
    budget: &mut usize,
) -> (Option<Addressed>, bool) {
    let Some(from) = xref.claim_number(at) else { return (None, true) };
    let start = dated.partition_point(|&(d, _)| d <= date);
    for &(d, n) in dated[start..].iter().filter(|&&(d, _)| after(d, date)) {
        if *budget == 0 {
            return (None, false);
        }
        *budget -= 1;
        if let Some((kind, score)) = xref.claim_relation(from, n) {
            let reason = match kind {
                LinkKind::Contradiction => format!(
                    "a later claim at odds with the claim it asks about (a denial against an assertion, {score:.2})"
                ),
                _ => format!("a later claim worded like the claim it asks about ({score:.2})"),
            };
            return (Some(Addressed { by: xref.claim(n), date: Some(d), reason }), true);
        }
    }
    (None, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::folder::testing::*;
    use crate::model::Stance;

    #[test]
    fn a_question_left_when_the_budget_runs_out_is_not_called_open_for_sure() {
        let mut asked = briefing("asked", Some("2023-01"), &["kirby"]);
        claim(&mut asked, "c", "kirby", Stance::Asserts, "grain left the port at dawn");
        question(&mut asked, "q", &["c"]);
        let mut other = briefing("other", Some("2023-05"), &["kirby"]);
        claim(&mut other, "c", "kirby", Stance::Asserts, "the vote was delayed again");
        let briefings = [asked, other];
        let (refs, xref, folder) = views(&briefings);
        assert!(folder.questions[0].addressed.is_none() && folder.questions[0].complete);
        let cut = questions_within(&refs, &xref, &folder.figures, 0);
        assert!(cut[0].addressed.is_none() && !cut[0].complete);
    }
}
