//! The sources board: the outlets and the claimants of the folder, with the Admiralty grades their
//! claims were given, how many claims each carries, and how many of those are corroborated or
//! contradicted in other briefings.
//!
//! A claim is corroborated when another briefing has a claim that supports it (an explicit
//! `corroborates` or `same-event` ref either way, or similar wording on the same side), and contradicted
//! when another has one at odds with it (a `contradicts` ref either way, or a denial against a similar
//! assertion): the links the cross-reference overlay lists for the claim. Only whether such a claim
//! exists is needed, so each claim's comparison with the others stops as soon as it is known, and a
//! link found between two claims counts for both.

use serde::Serialize;

use crate::actors::normalize_name;
use crate::model::{Briefing, ItemRef, Relation};
use crate::xref::{CrossRef, ItemAt, LinkKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Publishes or reports claims: a briefing's outlet, or a claim's `reported_by`.
    Outlet,
    /// Makes claims: a claim's `claimed_by`.
    Claimant,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub kind: SourceKind,
    pub name: String,
    /// The actor group of a claimant (or of an outlet that is an actor of the folder).
    #[serde(skip)]
    pub group: Option<usize>,
    pub claims: u32,
    pub corroborated: u32,
    pub contradicted: u32,
    /// How many of its claims were graded A to F for reliability.
    pub reliability: [u32; 6],
    /// How many of its claims were graded 1 to 6 for credibility.
    pub credibility: [u32; 6],
    /// How many of its claims were not compared with every other (see [`comparison_budget`]): their
    /// corroborated and contradicted counts are lower bounds.
    pub incomplete: u32,
    /// The claims it carries, in the folder's order.
    #[serde(skip)]
    pub items: super::items::Items,
}

impl Source {
    /// The reliability grades given, as "B" or a range "A–C"; empty when none were.
    pub fn reliability_range(&self) -> String {
        grade_range(&self.reliability, |i| char::from(b'A' + i as u8))
    }

    /// The credibility grades given, as "2" or a range "2–4"; empty when none were.
    pub fn credibility_range(&self) -> String {
        grade_range(&self.credibility, |i| char::from(b'1' + i as u8))
    }
}

fn grade_range(counts: &[u32; 6], name: impl Fn(usize) -> char) -> String {
    let given: Vec<usize> = (0..6).filter(|&i| counts[i] > 0).collect();
    match (given.first(), given.last()) {
        (Some(&a), Some(&b)) if a == b => name(a).to_string(),
        (Some(&a), Some(&b)) => format!("{}–{}", name(a), name(b)),
        _ => String::new(),
    }
}

/// Whether a claim is backed or disputed in another briefing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Support {
    pub corroborated: bool,
    pub contradicted: bool,
    /// Whether it was compared with every other claim, or the folder's budget of comparisons ran out
    /// first (then what was found holds, but more may exist).
    pub complete: bool,
}

/// How many claim-to-claim comparisons a folder may spend on [`support`] and on the questions' later
/// claims: all a folder of about 1,400 claims needs to compare every pair, and beyond that 64 per claim,
/// so that the cost grows with the folder, not with its square. A folder where claims resemble each
/// other (the generated ones: each claim finds its first similar claim within about 30) is compared in
/// full; in one where most claims are like no other, the claims left when the budget runs out are
/// marked incomplete instead of holding up the reader.
pub fn comparison_budget(claims: usize) -> usize {
    1_000_000 + 64 * claims
}

/// The support of every claim of the graph, by the graph's claim number: explicit refs first, then
/// each claim compared with the others until what it needs to know is known (a link found counts for
/// both claims), within [`comparison_budget`].
pub fn support(xref: &CrossRef) -> Vec<Support> {
    support_within(xref, comparison_budget(xref.claim_count()))
}

/// [`support`] with `budget` comparisons.
fn support_within(xref: &CrossRef, mut budget: usize) -> Vec<Support> {
    let count = xref.claim_count();
    let mut support = vec![Support::default(); count];
    for (n, s) in support.iter_mut().enumerate() {
        for link in xref.explicit_links(xref.claim(n)).iter() {
            let ItemRef::Claim(_) = link.to.item else { continue };
            match link.kind {
                LinkKind::Ref(Relation::Contradicts) | LinkKind::RefFrom(Relation::Contradicts) => {
                    s.contradicted = true
                }
                LinkKind::Ref(Relation::Corroborates | Relation::SameEvent)
                | LinkKind::RefFrom(Relation::Corroborates | Relation::SameEvent) => s.corroborated = true,
                _ => {}
            }
        }
    }
    for n in 0..count {
        let can_conflict = xref.claim_can_conflict(n);
        let settled = |s: Support| s.corroborated && (s.contradicted || !can_conflict);
        let mut compared = 0;
        while compared < count && !settled(support[n]) && budget > 0 {
            let m = compared;
            compared += 1;
            budget -= 1;
            match xref.claim_relation(n, m).map(|(kind, _)| kind) {
                Some(LinkKind::SimilarClaim) => {
                    support[n].corroborated = true;
                    support[m].corroborated = true;
                }
                Some(LinkKind::Contradiction) => {
                    support[n].contradicted = true;
                    support[m].contradicted = true;
                }
                _ => {}
            }
        }
        support[n].complete = compared == count || settled(support[n]);
    }
    support
}

/// Every outlet and claimant of the folder, those with the most claims first (then outlets before
/// claimants, then by name).
pub fn sources(briefings: &[&Briefing], xref: &CrossRef) -> Vec<Source> {
    let support = support(xref);
    let registry = xref.registry();
    let mut table = Table::default();
    for (bi, b) in briefings.iter().enumerate() {
        let actor = |id: &str| -> (String, Option<usize>) {
            let index = b.actors.iter().position(|a| a.id == id);
            match index.and_then(|a| registry.group_of((bi, a))) {
                Some(g) => (registry.groups[g].name.clone(), Some(g)),
                None => (b.actor_name(id).to_string(), None),
            }
        };
        for (ci, claim) in b.claims.iter().enumerate() {
            let at = ItemAt { briefing: bi, item: ItemRef::Claim(ci) };
            let s = xref.claim_number(at).and_then(|n| support.get(n).copied()).unwrap_or_default();
            let (outlet, outlet_group) = match &claim.reported_by {
                Some(id) => actor(id),
                // The outlet of the briefing is an actor when the folder has one by that name.
                None => {
                    let groups = registry.lookup(&b.source.outlet);
                    (b.source.outlet.clone(), (groups.len() == 1).then(|| groups[0]))
                }
            };
            let (claimant, claimant_group) = actor(&claim.claimed_by);
            for source in [
                table.row(SourceKind::Outlet, &outlet, outlet_group),
                table.row(SourceKind::Claimant, &claimant, claimant_group),
            ] {
                let source = &mut table.sources[source];
                source.items.push(at);
                source.claims += 1;
                source.corroborated += u32::from(s.corroborated);
                source.contradicted += u32::from(s.contradicted);
                source.incomplete += u32::from(!s.complete);
                if let Some(grade) = claim.reliability {
                    source.reliability[grade as usize] += 1;
                }
                if let Some(grade) = claim.credibility {
                    source.credibility[usize::from(grade.get() - 1)] += 1;
                }
            }
        }
    }
    let mut sources = table.sources;
    sources
        .sort_by(|a, b| b.claims.cmp(&a.claims).then(a.kind.cmp(&b.kind)).then_with(|| a.name.cmp(&b.name)));
    sources
}

/// The rows found so far, and where each is by its key: an actor group, else its normalised name.
#[derive(Default)]
struct Table {
    sources: Vec<Source>,
    by_key: foldhash::HashMap<(SourceKind, Result<usize, String>), usize>,
}

impl Table {
    fn row(&mut self, kind: SourceKind, name: &str, group: Option<usize>) -> usize {
        let key = (kind, group.ok_or_else(|| normalize_name(name)));
        *self.by_key.entry(key).or_insert_with(|| {
            self.sources.push(Source {
                kind,
                name: name.to_string(),
                group,
                claims: 0,
                corroborated: 0,
                contradicted: 0,
                reliability: [0; 6],
                credibility: [0; 6],
                incomplete: 0,
                items: Default::default(),
            });
            self.sources.len() - 1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::folder::testing::*;
    use crate::model::Stance;

    #[test]
    fn a_claim_left_when_the_budget_runs_out_is_incomplete_not_unsupported() {
        let mut briefings = Vec::new();
        for (i, text) in ["grain left the port at dawn", "the vote was delayed again", "grain left the port"]
            .iter()
            .enumerate()
        {
            let mut b = briefing(&format!("b{i}"), Some("2023-01"), &["someone"]);
            claim(&mut b, "c", "someone", Stance::Asserts, text);
            briefings.push(b);
        }
        let (_, xref, _) = views(&briefings);
        let all = support_within(&xref, usize::MAX);
        assert!(all.iter().all(|s| s.complete));
        assert_eq!(all.iter().map(|s| s.corroborated).collect::<Vec<_>>(), [true, false, true]);
        // Two comparisons: the first claim against itself and the second, then nothing is left.
        let cut = support_within(&xref, 2);
        assert!(!cut[0].complete && !cut[1].complete && !cut[2].complete, "{cut:?}");
        assert!(!cut[0].corroborated, "what was not compared is not found");
    }
}
