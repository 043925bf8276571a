//! Cross-references: how items of different briefings relate.
//!
//! Links come from two places. Explicit `refs` in the files are taken as written (and shown from both
//! ends). Inferred links are computed: the same actor (through the registry's spellings), the same counted
//! thing (figures with the same unit and subject, values side by side), similar claims (TF-IDF cosine over
//! claim text and quote, with actor spellings folded to one token per actor), and contradictions (a denial
//! against a similar assertion). Every link carries a score; [`reason`] puts why it exists in words, from
//! the two briefings it joins.
//!
//! The graph is computed from tables ([`tables`]): built from the briefings in memory, or read from the
//! cache a piece at a time, so that one item's links cost what that item touches: its own terms' lists
//! of claims, its actor's group, its unit's figures.

mod claims;
mod same_subject;
pub(crate) mod tables;
mod terms;

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::actors::Registry;
use crate::model::{Briefing, Briefings, Date, Figure, ItemRef, Relation, Stance};
use crate::text::shared_terms;
use tables::{Count, Links, NOT_AN_ACTOR, Tables, idf, run_of, total_of, weight};

/// An item somewhere in the folder: briefing index (in the order given to [`CrossRef::build`]) and item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemAt {
    pub briefing: usize,
    pub item: ItemRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// A `refs` entry of the files, seen from its source item.
    Ref(Relation),
    /// A `refs` entry of another item pointing here.
    RefFrom(Relation),
    SameActor,
    SameFigure,
    SimilarClaim,
    Contradiction,
}

impl LinkKind {
    pub fn is_explicit(self) -> bool {
        matches!(self, LinkKind::Ref(_) | LinkKind::RefFrom(_))
    }

    /// How the relation reads from the selected item's side.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Ref(Relation::Corroborates) => "corroborates",
            LinkKind::Ref(Relation::Contradicts) => "contradicts",
            LinkKind::Ref(Relation::Updates) => "updates",
            LinkKind::Ref(Relation::SameEvent) | LinkKind::RefFrom(Relation::SameEvent) => "same event",
            LinkKind::RefFrom(Relation::Corroborates) => "corroborated by",
            LinkKind::RefFrom(Relation::Contradicts) => "contradicted by",
            LinkKind::RefFrom(Relation::Updates) => "updated by",
            LinkKind::SameActor => "same actor",
            LinkKind::SameFigure => "same figure",
            LinkKind::SimilarClaim => "similar claim",
            LinkKind::Contradiction => "contradicts",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub to: ItemAt,
    pub kind: LinkKind,
    /// 1.0 for explicit refs; a similarity for inferred links.
    pub score: f32,
}

/// Two readings of the same counted thing.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison {
    pub values_differ: bool,
    /// Which of the two is later, when their dates say so.
    pub later: Option<ItemAt>,
}

/// Thresholds for inferred links, chosen on the seed corpus and checked by the stripped-refs test.
const SIMILAR_CLAIM: f32 = 0.30;
const CONTRADICTING_CLAIM: f32 = 0.14;
const SAME_SUBJECT: f32 = 0.5;

/// The cross-reference graph of a folder.
///
/// An item is compared only with items of other briefings, and those are found without walking its own
/// briefing's items: claims are numbered in (briefing, claim) order, and every list of claims, of an
/// actor group's members and of a unit's figures is in briefing order, so a briefing's own run is skipped
/// by binary search. A claim is compared term by term: only the claims that share one of its terms are
/// looked at, through each term's list of claims. Listing every item's links is then linear in the
/// briefing's items (times the other briefings' candidates), not quadratic: a briefing of 40,000 similar
/// claims once took seconds to show (issue 14).
pub struct CrossRef {
    tables: Box<dyn Tables>,
    /// Links worked out ahead by [`CrossRef::keep_linked`], by item and limit.
    kept: std::sync::Mutex<foldhash::HashMap<(ItemAt, usize), Linked>>,
}

/// An item's links as a command lists them ([`CrossRef::linked`]): its explicit refs, then its best
/// inferred links (every one, up to the limit asked for), with how many links it has in all and, for a
/// claim, who supports it in other briefings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Linked {
    pub links: Vec<Link>,
    pub total: usize,
    pub support: Corroboration,
}

impl std::fmt::Debug for CrossRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CrossRef").field("claims", &self.claim_count()).finish_non_exhaustive()
    }
}

/// What a figure counts, as term ids: the last term of its unit, and the terms of its subject (sorted).
#[derive(Debug, Clone)]
pub(crate) struct FigureKey {
    pub unit_head: Option<u32>,
    pub subject: Vec<u32>,
}

impl CrossRef {
    pub fn build(briefings: &[&Briefing]) -> CrossRef {
        CrossRef::with_registry(briefings, Registry::build(briefings.iter().copied()))
    }

    /// The graph over `registry`, which must have been built from the same `briefings`.
    pub fn with_registry(briefings: &[&Briefing], registry: Registry) -> CrossRef {
        CrossRef::from_links(Links::build(briefings, &registry), registry)
    }

    /// The graph of tables built while the registry was lent elsewhere (see `crate::engine`).
    pub(crate) fn from_links(links: Links, registry: Registry) -> CrossRef {
        CrossRef::from_tables(Box::new(links.with(registry)))
    }

    /// The graph over tables read from the cache.
    pub(crate) fn from_tables(tables: Box<dyn Tables>) -> CrossRef {
        CrossRef { tables, kept: Default::default() }
    }

    pub(crate) fn tables(&self) -> &dyn Tables {
        &*self.tables
    }

    pub fn registry(&self) -> &Registry {
        self.tables.registry()
    }

    /// Whether a table read from the cache was found damaged (it then read as empty): what was answered
    /// since cannot be trusted.
    pub fn found_corrupt(&self) -> bool {
        self.tables.found_corrupt()
    }

    /// Keeps `linked`, what [`CrossRef::linked`] gave for `items` with the limit `inferred`, so that it
    /// gives them once more without working them out: for a command that looks at what it will print (to
    /// read just those briefings) before printing it. They are given once (a claim's may be 100,000
    /// links, not worth a copy); asked again, they are worked out again.
    pub fn keep_linked(&self, items: &[ItemAt], inferred: usize, linked: Vec<Linked>) {
        let mut kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.extend(items.iter().map(|&at| (at, inferred)).zip(linked));
    }

    /// Every item related to `at`: explicit refs first (as written), then inferred links, best first.
    pub fn related(&self, at: ItemAt) -> Vec<Link> {
        self.linked(&[at], usize::MAX).pop().map(|l| l.links).unwrap_or_default()
    }

    /// The links of each of `items`: explicit refs first (as written), then the best `inferred` inferred
    /// links (as [`CrossRef::related`] orders them), with the count of all and a claim's support. The
    /// claims of one briefing are worked out together (each term's list of claims walked once for
    /// them all), so pass a briefing's items in one call.
    pub fn linked(&self, items: &[ItemAt], inferred: usize) -> Vec<Linked> {
        let mut out: Vec<Option<Linked>> = {
            let mut kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            items.iter().map(|&at| kept.remove(&(at, inferred))).collect()
        };
        let mut claims: Vec<(usize, usize, usize)> = Vec::new();
        for (i, &at) in items.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            match self.claim_number(at) {
                Some(n) => claims.push((at.briefing, n, i)),
                None => {
                    let links = self.other_links(at);
                    let support = self.corroboration_from(&links);
                    out[i] = Some(Linked { total: links.len(), links, support });
                }
            }
        }
        claims.sort_unstable();
        for briefing in claims.chunk_by(|a, b| a.0 == b.0) {
            let at = briefing[0].0;
            for ((_, _, i), linked) in briefing.iter().zip(self.claims_linked(at, briefing, inferred)) {
                out[*i] = Some(linked);
            }
        }
        out.into_iter().map(Option::unwrap_or_default).collect()
    }

    /// [`CrossRef::linked`] of claims of `briefing` (its number, the claim's number, its place).
    fn claims_linked(
        &self,
        briefing: usize,
        claims: &[(usize, usize, usize)],
        inferred: usize,
    ) -> Vec<Linked> {
        let explicit: Vec<Cow<'_, [Link]>> =
            claims.iter().map(|&(_, n, _)| self.tables.explicit(self.claim(n))).collect();
        let excluded: Vec<Vec<u32>> = (explicit.iter())
            .map(|links| links.iter().filter_map(|l| Some(self.claim_number(l.to)? as u32)).collect())
            .collect();
        let numbers: Vec<usize> = claims.iter().map(|&(_, n, _)| n).collect();
        let (found, whole) = claims::claim_links(&*self.tables, briefing, &numbers, &excluded, inferred);
        if !whole {
            self.tables.found_damage();
        }
        let sources = self.tables.sources();
        (explicit.into_iter().zip(found))
            .map(|(explicit, mut found)| {
                for link in explicit.iter().filter(|l| supports(l.kind)) {
                    if let Some(&[claimant, outlet]) = self.claim_number(link.to).and_then(|n| sources.get(n))
                    {
                        claims::mark(&mut found.claimants, claimant);
                        claims::mark(&mut found.outlets, outlet);
                    }
                }
                let names = |set: &[bool]| {
                    (set.iter().enumerate())
                        .filter(|&(_, &on)| on)
                        .map(|(id, _)| self.tables.source_name(id as u32).to_string())
                        .collect()
                };
                let support =
                    Corroboration { claimants: names(&found.claimants), outlets: names(&found.outlets) };
                let total = explicit.len() + found.count;
                let mut links = Vec::with_capacity(explicit.len() + found.best.len());
                links.extend_from_slice(&explicit);
                links.extend(found.best.iter().map(|&(c, briefing, kind, score)| {
                    let to = ItemAt {
                        briefing,
                        item: ItemRef::Claim(c as usize - self.tables.claim_first()[briefing] as usize),
                    };
                    Link { to, kind, score }
                }));
                Linked { links, total, support }
            })
            .collect()
    }

    /// Every item related to `at`, which is no claim: explicit refs first, then inferred links, best first.
    fn other_links(&self, at: ItemAt) -> Vec<Link> {
        let explicit = self.tables.explicit(at);
        let mut inferred = match at.item {
            ItemRef::Actor(a) => self.same_actor(at, a),
            ItemRef::Figure(_) => self.same_figure(at),
            ItemRef::Claim(_) | ItemRef::Question(_) => Vec::new(),
        };
        inferred.retain(|l| !explicit.iter().any(|e| e.to == l.to));
        inferred.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.to.cmp(&b.to)));
        if explicit.is_empty() {
            return inferred;
        }
        let mut links = Vec::with_capacity(explicit.len() + inferred.len());
        links.extend_from_slice(&explicit);
        links.extend(inferred);
        links
    }

    fn same_actor(&self, at: ItemAt, actor: usize) -> Vec<Link> {
        let Some(group) = self.tables.group_of((at.briefing, actor)).and_then(|g| self.tables.group(g))
        else {
            return Vec::new();
        };
        // Members are in (briefing, actor) order.
        let members = &group.members;
        let own = run_of(members, at.briefing..at.briefing + 1, |&(b, _)| b);
        (members[..own.start].iter().chain(&members[own.end..]))
            .map(|&(b, a)| Link {
                to: ItemAt { briefing: b, item: ItemRef::Actor(a) },
                kind: LinkKind::SameActor,
                score: 1.0,
            })
            .collect()
    }

    fn same_figure(&self, at: ItemAt) -> Vec<Link> {
        let Some(unit) = self.tables.figure_unit(at) else { return Vec::new() };
        let same_unit = self.tables.same_unit(unit);
        let Ok(this) = same_unit.binary_search_by(|f| f.at.cmp(&at)) else { return Vec::new() };
        let subject = &same_unit[this].subject;
        let own = run_of(&same_unit, at.briefing..at.briefing + 1, |f| f.at.briefing);
        let mut links = Vec::new();
        for other in same_unit[..own.start].iter().chain(&same_unit[own.end..]) {
            #[cfg(test)]
            tests::CONSIDERED.with(|c| c.set(c.get() + 1));
            let overlap = jaccard(subject, &other.subject);
            if overlap >= SAME_SUBJECT {
                links.push(Link { to: other.at, kind: LinkKind::SameFigure, score: overlap });
            }
        }
        links
    }

    /// How many claims the graph compares; [`CrossRef::claim`] and [`CrossRef::claim_link`] take a
    /// number below it. Folder-wide views walk every claim this way without hashing item addresses.
    pub fn claim_count(&self) -> usize {
        self.tables.stances().len()
    }

    /// Where claim number `n` of the graph is.
    pub fn claim(&self, n: usize) -> ItemAt {
        let first = self.tables.claim_first();
        let briefing = first.partition_point(|&f| f as usize <= n).saturating_sub(1);
        ItemAt { briefing, item: ItemRef::Claim(n - first[briefing] as usize) }
    }

    /// The graph's number of a claim.
    pub fn claim_number(&self, at: ItemAt) -> Option<usize> {
        let ItemRef::Claim(c) = at.item else { return None };
        let first = self.tables.claim_first();
        let (start, end) = (*first.get(at.briefing)? as usize, *first.get(at.briefing + 1)? as usize);
        (start + c < end).then_some(start + c)
    }

    /// The inferred link from claim number `from` to claim number `to` (a similar claim or a
    /// contradiction), as [`CrossRef::related`] lists it; `None` when their wording makes none or both
    /// are in one briefing.
    pub fn claim_link(&self, from: usize, to: usize) -> Option<Link> {
        let (kind, score) = self.claim_relation(from, to)?;
        Some(Link { to: self.claim(to), kind, score })
    }

    /// [`CrossRef::claim_link`]'s kind and score, for views that only need to know whether two claims
    /// are linked.
    pub fn claim_relation(&self, from: usize, to: usize) -> Option<(LinkKind, f32)> {
        if self.claim(from).briefing == self.claim(to).briefing {
            return None;
        }
        let tables = &*self.tables;
        let (norms, stances) = (tables.norms(), tables.stances());
        let (this, other) = (tables.terms(from), tables.terms(to));
        let [all, topic] = self.dot(&this, norms[from], &other, norms[to]);
        relation(stances[from], stances[to], all, topic)
    }

    /// The dot products of two claims' normalised vectors: of all terms, and of the topic's.
    fn dot(&self, a: &[Count], a_norms: [f32; 2], b: &[Count], b_norms: [f32; 2]) -> [f32; 2] {
        let (frequency, actor_of_term) = (self.tables.document_frequency(), self.tables.actor_of_term());
        let total = total_of(self.claim_count());
        let (mut i, mut j, mut sums) = (0, 0, [0.0f32; 2]);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let term = a[i].0 as usize;
                    let idf = idf(total, frequency.get(term).copied().unwrap_or(1));
                    let (wa, wb) = (weight(a[i].1, idf), weight(b[j].1, idf));
                    sums[0] += (wa / a_norms[0]) * (wb / b_norms[0]);
                    if actor_of_term.get(term) == Some(&NOT_AN_ACTOR) {
                        sums[1] += (wa / a_norms[1]) * (wb / b_norms[1]);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        sums
    }

    /// Whether claim number `n` can contradict another claim or be contradicted at all: only a
    /// denial and a statement of fact can be at odds.
    pub fn claim_can_conflict(&self, n: usize) -> bool {
        matches!(self.tables.stances()[n], Stance::Denies | Stance::Asserts | Stance::Estimates)
    }

    /// The explicit refs of an item, both those it carries and those pointing at it.
    pub fn explicit_links(&self, at: ItemAt) -> Cow<'_, [Link]> {
        self.tables.explicit(at)
    }

    /// The actor groups (of [`CrossRef::registry`]) a claim names in its text or quote, each once.
    pub fn mentions(&self, at: ItemAt) -> Vec<usize> {
        let Some(n) = self.claim_number(at) else { return Vec::new() };
        let actor_of_term = self.tables.actor_of_term();
        let terms = self.tables.terms(n);
        terms
            .iter()
            .filter_map(|&(term, _)| {
                let group = *actor_of_term.get(term as usize)?;
                (group != NOT_AN_ACTOR).then_some(group as usize)
            })
            .collect()
    }

    /// The names the actor records of `links` (same-actor links of the actor at `from`) go by there,
    /// each once, in the order of the links.
    pub fn names_of(&self, from: ItemAt, links: &[&Link]) -> Vec<String> {
        let ItemRef::Actor(actor) = from.item else { return Vec::new() };
        let Some(group) = self.tables.group_of((from.briefing, actor)).and_then(|g| self.tables.group(g))
        else {
            return Vec::new();
        };
        let mut names: Vec<String> = Vec::new();
        for link in links {
            let ItemRef::Actor(a) = link.to.item else { continue };
            let Ok(member) = group.members.binary_search(&(link.to.briefing, a)) else { continue };
            let Some(name) = group.names.get(member).and_then(|&s| group.spellings.get(s as usize)) else {
                continue;
            };
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// How many distinct claimants and outlets in other briefings support a claim (through corroborating
    /// refs or similar claims that are not denials).
    pub fn corroboration(&self, at: ItemAt) -> Corroboration {
        self.corroboration_from(&self.related(at))
    }

    /// [`CrossRef::corroboration`] from the links [`CrossRef::related`] gave for the claim, for callers
    /// that have them already (comparing a claim with every other claim twice is what they save).
    pub fn corroboration_from(&self, links: &[Link]) -> Corroboration {
        // Numbers first, names once each: a claim of a large folder may have 100,000 similar claims.
        let (mut claimants, mut outlets) = (Vec::new(), Vec::new());
        let sources = self.tables.sources();
        for link in links {
            if !supports(link.kind) {
                continue;
            }
            let Some(&[claimant, outlet]) = self.claim_number(link.to).and_then(|n| sources.get(n)) else {
                continue;
            };
            claimants.push(claimant);
            outlets.push(outlet);
        }
        let names = |mut ids: Vec<u32>| {
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter().map(|id| self.tables.source_name(id).to_string()).collect()
        };
        Corroboration { claimants: names(claimants), outlets: names(outlets) }
    }

    /// The reconciliation table: each counted thing with every value given for it across the folder.
    pub fn figure_table<B: Briefings + ?Sized>(&self, briefings: &B) -> Vec<Vec<ItemAt>> {
        let mut figures: Vec<(ItemAt, u32, Vec<u32>)> = Vec::new();
        for unit in self.tables.units() {
            figures.extend(self.tables.same_unit(unit).iter().map(|f| (f.at, unit, f.subject.clone())));
        }
        figures.sort_by_key(|(at, _, _)| *at);
        let keys: Vec<(u32, &[u32])> =
            figures.iter().map(|(_, unit, subject)| (*unit, &subject[..])).collect();
        let same = |a: &[u32], b: &[u32]| jaccard(a, b) >= SAME_SUBJECT;
        let mut groups: Vec<Vec<ItemAt>> = same_subject::groups(&keys, same)
            .into_iter()
            .map(|g| g.into_iter().map(|i| figures[i].0).collect())
            .collect();
        for group in &mut groups {
            group.sort_by_key(|at| (figure_date(briefings, *at), *at));
        }
        groups.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
        groups
    }
}

/// Why a link of the item at `from` exists, in words, from the two briefings it joins.
pub fn reason<B: Briefings + ?Sized>(briefings: &B, from: ItemAt, link: &Link) -> String {
    match (link.kind, from.item, link.to.item) {
        (LinkKind::Ref(_) | LinkKind::RefFrom(_), _, _) => "explicit ref in the briefing file".to_string(),
        (LinkKind::SameActor, ItemRef::Actor(a), ItemRef::Actor(o)) => {
            let name = &briefings.briefing(from.briefing).actors[a].name;
            let other = &briefings.briefing(link.to.briefing).actors[o].name;
            if other == name { format!("same name: {name}") } else { format!("{name} = {other}") }
        }
        (LinkKind::SameFigure, ItemRef::Figure(_), ItemRef::Figure(_)) => {
            let comparison = compare_figures(briefings, from, link.to);
            let (a, b) = (figure(briefings, from), figure(briefings, link.to));
            let mut reason = format!("same count: {} vs {}", a.phrase(), b.phrase());
            if comparison.values_differ {
                reason.push_str(" (values differ");
                if let Some(later) = comparison.later {
                    reason.push_str(if later == link.to {
                        "; the other is later"
                    } else {
                        "; this one is later"
                    });
                }
                reason.push(')');
            }
            reason
        }
        (LinkKind::Contradiction, _, _) => {
            format!("a denial against an assertion of the same thing ({:.2})", link.score)
        }
        _ => format!("similar wording ({:.2})", link.score),
    }
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Corroboration {
    pub claimants: BTreeSet<String>,
    pub outlets: BTreeSet<String>,
}

/// Whether a link of a claim supports it: a similar claim, or a ref that corroborates or tells the same
/// event.
fn supports(kind: LinkKind) -> bool {
    matches!(
        kind,
        LinkKind::SimilarClaim
            | LinkKind::Ref(Relation::Corroborates | Relation::SameEvent)
            | LinkKind::RefFrom(Relation::Corroborates | Relation::SameEvent)
    )
}

/// The inferred link between two claims of different briefings, from their stances and the dot
/// products of their vectors (all terms, topic terms): a denial against a similar statement of fact, or
/// similar wording between two claims on the same side.
fn relation(this: Stance, other: Stance, all: f32, topic: f32) -> Option<(LinkKind, f32)> {
    let denies = |s: Stance| s == Stance::Denies;
    let factual = |s: Stance| matches!(s, Stance::Asserts | Stance::Estimates);
    if denies(this) != denies(other) {
        // Only a statement of fact can be denied: a warning or an appeal is not contradicted by it.
        let asserted = if denies(this) { other } else { this };
        (factual(asserted) && topic >= CONTRADICTING_CLAIM).then_some((LinkKind::Contradiction, topic))
    } else {
        (all >= SIMILAR_CLAIM).then_some((LinkKind::SimilarClaim, all))
    }
}

fn figure<B: Briefings + ?Sized>(briefings: &B, at: ItemAt) -> &Figure {
    let ItemRef::Figure(f) = at.item else { unreachable!("figure links join figures") };
    &briefings.briefing(at.briefing).figures[f]
}

/// The date a figure holds for: its `as_of`, else its briefing's publication date.
pub fn figure_date<B: Briefings + ?Sized>(briefings: &B, at: ItemAt) -> Option<Date> {
    figure(briefings, at).as_of.or(briefings.briefing(at.briefing).source.published)
}

pub fn compare_figures<B: Briefings + ?Sized>(briefings: &B, a: ItemAt, b: ItemAt) -> FigureComparison {
    let (fa, fb) = (figure(briefings, a), figure(briefings, b));
    let scale = fa.value.abs().max(fb.value.abs()).max(f64::MIN_POSITIVE);
    let values_differ = (fa.value - fb.value).abs() / scale > 0.01 || fa.qualifier != fb.qualifier;
    let later = match (figure_date(briefings, a), figure_date(briefings, b)) {
        (Some(da), Some(db)) if da > db => Some(a),
        (Some(da), Some(db)) if db > da => Some(b),
        _ => None,
    };
    FigureComparison { values_differ, later }
}

/// The bits of a float as an integer that sorts as [`f32::total_cmp`] orders the floats.
fn ordered_bits(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 { !bits } else { bits | 1 << 31 }
}

/// The float [`ordered_bits`] made.
fn from_ordered_bits(bits: u32) -> f32 {
    f32::from_bits(if bits >> 31 == 1 { bits & !(1 << 31) } else { !bits })
}

/// Jaccard similarity of two sorted sets without repeats.
fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = shared_terms(a, b);
    shared as f32 / (a.len() + b.len() - shared) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Claims or figures of other briefings looked at for an item, on this thread.
        pub(super) static CONSIDERED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A briefing of `n` similar claims and `n` figures of the same count (one actor).
    fn similar_items(id: &str, n: usize) -> Briefing {
        let mut text = format!(
            "schema = 1\nid = \"{id}\"\ntitle = \"t\"\nsummary = \"s\"\nstatus = \"draft\"\n\
             source = {{ outlet = \"Wire\" }}\n\
             [[actor]]\nid = \"army\"\nname = \"The Army\"\nkind = \"group\"\n"
        );
        for i in 0..n {
            text.push_str(&format!(
                "[[claim]]\nid = \"c{i}\"\ntext = \"The army fired {i} shells at the town.\"\n\
                 claimed_by = \"army\"\nstance = \"asserts\"\nquote = \"It fired {i} shells.\"\n\
                 [[figure]]\nid = \"f{i}\"\nvalue = {i}\nunit = \"shells\"\n\
                 subject = \"shells fired at the town\"\ntext = \"{i}\"\nquote = \"It fired {i} shells.\"\n"
            ));
        }
        toml::from_str(&text).unwrap()
    }

    #[test]
    fn an_item_is_compared_only_with_other_briefings_items() {
        let n = 1000;
        let owned = [similar_items("big", n), similar_items("small", 2)];
        let briefings: Vec<&Briefing> = owned.iter().collect();
        assert_eq!((briefings[0].claims.len(), briefings[1].claims.len()), (n, 2));
        let graph = CrossRef::build(&briefings);
        CONSIDERED.with(|c| c.set(0));
        let mut linked = 0;
        for (_, item) in briefings[0].items() {
            linked += graph.related(ItemAt { briefing: 0, item }).len();
        }
        let considered = CONSIDERED.with(std::cell::Cell::get);
        // Each figure against the small briefing's two, each claim against the small briefing's claims once
        // per term they share (a handful): linear. Walking the folder's claims and figures, the briefing's
        // own included, was n * (n + 2) each.
        assert!(considered <= n * 2 * 10, "{considered} looked at for {n} claims and {n} figures");
        assert!(linked >= 2 * n, "the similar claims and the same figure are still found: {linked}");
    }

    #[test]
    fn claims_compared_term_by_term_score_as_claims_compared_in_pairs() {
        let store =
            crate::store::Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings"))
                .expect("the seeds load");
        let briefings = store.briefings();
        let graph = CrossRef::build(&briefings);
        let mut compared = 0;
        for n in 0..graph.claim_count() {
            let links = graph.related(graph.claim(n));
            for m in 0..graph.claim_count() {
                let paired = graph.claim_link(n, m);
                let listed = links.iter().find(|l| l.to == graph.claim(m) && !l.kind.is_explicit());
                match (paired, listed) {
                    (Some(p), Some(l)) => assert_eq!(p.score.to_bits(), l.score.to_bits(), "{n} {m}"),
                    (None, None) => {}
                    // An explicit ref between the two hides the inferred link from the list.
                    (Some(p), None) => assert!(links.iter().any(|l| l.to == p.to), "{n} {m}"),
                    (None, Some(l)) => panic!("{n} {m}: listed {l:?} but not linked in pairs"),
                }
                compared += 1;
            }
        }
        assert!(compared > 100);
    }

    #[test]
    fn link_labels_read_from_the_selected_side() {
        assert_eq!(LinkKind::Ref(Relation::Updates).label(), "updates");
        assert_eq!(LinkKind::RefFrom(Relation::Updates).label(), "updated by");
    }
}
