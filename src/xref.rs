//! Cross-references: how items of different briefings relate.
//!
//! Links come from two places. Explicit `refs` in the files are taken as written (and shown from both
//! ends). Inferred links are computed: the same actor (through the registry's spellings), the same counted
//! thing (figures with the same unit and subject, values side by side), similar claims (TF-IDF cosine over
//! claim text and quote, with actor spellings folded to one token per actor), and contradictions (a denial
//! against a similar assertion). Every link carries its reason and a score.

mod same_subject;

use std::collections::BTreeSet;

use foldhash::{HashMap, HashSet};
use std::ops::Range;

use crate::actors::{Registry, normalize_name};
use crate::model::{Briefing, Date, Figure, ItemRef, Relation, Stance};
use crate::text::{WordMap, WordScanner, shared_terms, stem, words};

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
    /// Why the link exists, in words.
    pub reason: String,
}

/// Two readings of the same counted thing.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison {
    pub values_differ: bool,
    /// Which of the two is later, when their dates say so.
    pub later: Option<ItemAt>,
}

/// Thresholds for inferred links, chosen on the seed corpus and checked by the stripped-refs test.
/// Prefix of the term that stands for an actor (every spelling of it) in claim vectors.
const ACTOR_TERM: &str = "@actor";
const SIMILAR_CLAIM: f32 = 0.30;
const CONTRADICTING_CLAIM: f32 = 0.14;
const SAME_SUBJECT: f32 = 0.5;

/// The cross-reference graph of a folder.
///
/// An item is compared only with items of other briefings, and those are found without walking its own
/// briefing's items: claims are kept in (briefing, claim) order and figures per unit in (briefing,
/// figure) order, so a briefing's own run is skipped by binary search. Listing every item's links is
/// then linear in the briefing's items (times the other briefings' candidates), not quadratic: a
/// briefing of 40,000 similar claims once took seconds to show (issue 14).
#[derive(Debug)]
pub struct CrossRef {
    registry: Registry,
    explicit: HashMap<ItemAt, Vec<Link>>,
    claims: Vec<ClaimVector>,
    claim_index: HashMap<ItemAt, usize>,
    figure_keys: HashMap<ItemAt, FigureKey>,
    figures_by_unit: HashMap<Option<u32>, Vec<ItemAt>>,
    /// Per term id, the actor group it stands for (`u32::MAX` for a plain word).
    actor_of_term: Vec<u32>,
}

/// Sparse term vector: (term id, weight), sorted by term id.
type TermWeights = Vec<(u32, f32)>;

#[derive(Debug)]
struct ClaimVector {
    at: ItemAt,
    stance: Stance,
    /// Sorted by term; weights are TF-IDF, L2-normalised.
    terms: Vec<(u32, f32)>,
    /// The same without actor terms, normalised again: what is claimed, whoever it is about. A denial
    /// and an assertion about the same two countries are only at odds if they share this.
    topic: Vec<(u32, f32)>,
}

/// What a figure counts, as term ids: the last term of its unit, and the terms of its subject (sorted).
#[derive(Debug, Clone)]
struct FigureKey {
    unit_head: Option<u32>,
    subject: Vec<u32>,
}

impl CrossRef {
    pub fn build(briefings: &[&Briefing]) -> CrossRef {
        CrossRef::with_registry(briefings, Registry::build(briefings.iter().copied()))
    }

    /// The graph over `registry`, which must have been built from the same `briefings`.
    pub fn with_registry(briefings: &[&Briefing], registry: Registry) -> CrossRef {
        Links::build(briefings, &registry).with(registry)
    }
}

/// Everything of a [`CrossRef`] but the registry, which it is built from: apart so that it can be built
/// while the registry is lent to another thread (see `crate::engine`).
#[derive(Debug)]
pub(crate) struct Links {
    explicit: HashMap<ItemAt, Vec<Link>>,
    claims: Vec<ClaimVector>,
    claim_index: HashMap<ItemAt, usize>,
    figure_keys: HashMap<ItemAt, FigureKey>,
    figures_by_unit: HashMap<Option<u32>, Vec<ItemAt>>,
    actor_of_term: Vec<u32>,
}

impl Links {
    pub(crate) fn with(self, registry: Registry) -> CrossRef {
        let Links { explicit, claims, claim_index, figure_keys, figures_by_unit, actor_of_term } = self;
        CrossRef { registry, explicit, claims, claim_index, figure_keys, figures_by_unit, actor_of_term }
    }

    pub(crate) fn build(briefings: &[&Briefing], registry: &Registry) -> Links {
        let mut explicit: HashMap<ItemAt, Vec<Link>> = HashMap::default();
        let positions: HashMap<&str, usize> =
            briefings.iter().enumerate().map(|(i, b)| (b.id.as_str(), i)).collect();
        for (bi, b) in briefings.iter().enumerate() {
            for (_, item) in b.items() {
                let from = ItemAt { briefing: bi, item };
                for r in b.item_refs(item) {
                    let target = r.target().and_then(|(tb, ti)| {
                        let t = *positions.get(tb)?;
                        Some(ItemAt { briefing: t, item: briefings[t].item(ti)? })
                    });
                    let Some(to) = target else { continue };
                    let reason = "explicit ref in the briefing file".to_string();
                    let forward =
                        Link { to, kind: LinkKind::Ref(r.relation), score: 1.0, reason: reason.clone() };
                    let backward = Link { to: from, kind: LinkKind::RefFrom(r.relation), score: 1.0, reason };
                    explicit.entry(from).or_default().push(forward);
                    explicit.entry(to).or_default().push(backward);
                }
            }
        }

        let vocabulary = Vocabulary::new(registry);
        let (term_ids, raw) = claim_terms(briefings, &vocabulary);
        let mut document_frequency: Vec<u32> = vec![0; term_ids.len()];
        for (_, _, counts) in &raw {
            for (term, _) in counts {
                document_frequency[*term as usize] += 1;
            }
        }
        let total = raw.len().max(1) as f32;
        let mut actor_of_term = vec![u32::MAX; term_ids.len()];
        for (term, &id) in &term_ids.ids {
            if let Some(group) = term.strip_prefix(ACTOR_TERM).and_then(|g| g.parse().ok()) {
                actor_of_term[id as usize] = group;
            }
        }
        let is_actor = |t: &u32| actor_of_term.get(*t as usize).is_some_and(|&g| g != u32::MAX);
        let claims: Vec<ClaimVector> = raw
            .into_iter()
            .map(|(at, stance, counts)| {
                // Sorted by term (as `counts` is) before summing: float addition is not associative, and
                // equal claims must score equal.
                let terms: Vec<(u32, f32)> = counts
                    .into_iter()
                    .map(|(t, tf)| {
                        (t, (1.0 + tf.ln()) * (1.0 + total / document_frequency[t as usize] as f32).ln())
                    })
                    .collect();
                let topic = normalized(terms.iter().copied().filter(|(t, _)| !is_actor(t)).collect());
                ClaimVector { at, stance, terms: normalized(terms), topic }
            })
            .collect();
        let claim_index = claims.iter().enumerate().map(|(i, c)| (c.at, i)).collect();

        let mut reader = TermReader::new(&vocabulary, term_ids);
        let mut figure_keys = HashMap::default();
        let mut figures_by_unit: HashMap<Option<u32>, Vec<ItemAt>> = HashMap::default();
        for (bi, b) in briefings.iter().enumerate() {
            for (fi, f) in b.figures.iter().enumerate() {
                let key = reader.figure_key(f);
                let at = ItemAt { briefing: bi, item: ItemRef::Figure(fi) };
                figures_by_unit.entry(key.unit_head).or_default().push(at);
                figure_keys.insert(at, key);
            }
        }
        Links { explicit, claims, claim_index, figure_keys, figures_by_unit, actor_of_term }
    }
}

impl CrossRef {
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Every item related to `at`: explicit refs first (as written), then inferred links, best first.
    pub fn related(&self, briefings: &[&Briefing], at: ItemAt) -> Vec<Link> {
        let mut links = self.explicit.get(&at).cloned().unwrap_or_default();
        let mut inferred = match at.item {
            ItemRef::Actor(a) => self.same_actor(briefings, at, a),
            ItemRef::Figure(_) => self.same_figure(briefings, at),
            ItemRef::Claim(_) => self.similar_claims(at),
            ItemRef::Question(_) => Vec::new(),
        };
        inferred.retain(|l| !links.iter().any(|e| e.to == l.to));
        inferred.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.to.cmp(&b.to)));
        links.extend(inferred);
        links
    }

    fn same_actor(&self, briefings: &[&Briefing], at: ItemAt, actor: usize) -> Vec<Link> {
        let Some(group) = self.registry.group_of((at.briefing, actor)) else { return Vec::new() };
        let name = &briefings[at.briefing].actors[actor].name;
        // Members are in (briefing, actor) order.
        let members = &self.registry.groups[group].members;
        others(members, at.briefing, |&(b, _)| b)
            .map(|&(b, a)| {
                let other = &briefings[b].actors[a].name;
                let reason =
                    if other == name { format!("same name: {name}") } else { format!("{name} = {other}") };
                Link {
                    to: ItemAt { briefing: b, item: ItemRef::Actor(a) },
                    kind: LinkKind::SameActor,
                    score: 1.0,
                    reason,
                }
            })
            .collect()
    }

    fn same_figure(&self, briefings: &[&Briefing], at: ItemAt) -> Vec<Link> {
        let Some(key) = self.figure_keys.get(&at) else { return Vec::new() };
        let same_unit = self.figures_by_unit.get(&key.unit_head).map_or(&[][..], Vec::as_slice);
        let mut links = Vec::new();
        for other in others(same_unit, at.briefing, |f| f.briefing) {
            #[cfg(test)]
            tests::CONSIDERED.with(|c| c.set(c.get() + 1));
            let other_key = &self.figure_keys[other];
            let overlap = jaccard(&key.subject, &other_key.subject);
            if overlap < SAME_SUBJECT {
                continue;
            }
            let comparison = compare_figures(briefings, at, *other);
            let (a, b) = (figure(briefings, at), figure(briefings, *other));
            let mut reason = format!("same count: {} vs {}", a.phrase(), b.phrase());
            if comparison.values_differ {
                reason.push_str(" (values differ");
                if let Some(later) = comparison.later {
                    reason.push_str(if later == *other {
                        "; the other is later"
                    } else {
                        "; this one is later"
                    });
                }
                reason.push(')');
            }
            links.push(Link { to: *other, kind: LinkKind::SameFigure, score: overlap, reason });
        }
        links
    }

    fn similar_claims(&self, at: ItemAt) -> Vec<Link> {
        let Some(&index) = self.claim_index.get(&at) else { return Vec::new() };
        let this = &self.claims[index];
        let mut links = Vec::new();
        for other in others(&self.claims, at.briefing, |c| c.at.briefing) {
            #[cfg(test)]
            tests::CONSIDERED.with(|c| c.set(c.get() + 1));
            links.extend(claim_link(this, other));
        }
        links
    }

    /// How many claims the graph compares; [`CrossRef::claim`] and [`CrossRef::claim_link`] take a
    /// number below it. Folder-wide views walk every claim this way without hashing item addresses.
    pub fn claim_count(&self) -> usize {
        self.claims.len()
    }

    /// Where claim number `n` of the graph is.
    pub fn claim(&self, n: usize) -> ItemAt {
        self.claims[n].at
    }

    /// The graph's number of a claim.
    pub fn claim_number(&self, at: ItemAt) -> Option<usize> {
        self.claim_index.get(&at).copied()
    }

    /// The inferred link from claim number `from` to claim number `to` (a similar claim or a
    /// contradiction), as [`CrossRef::related`] lists it; `None` when their wording makes none or both
    /// are in one briefing.
    pub fn claim_link(&self, from: usize, to: usize) -> Option<Link> {
        let (this, other) = (&self.claims[from], &self.claims[to]);
        (this.at.briefing != other.at.briefing).then(|| claim_link(this, other)).flatten()
    }

    /// [`CrossRef::claim_link`]'s kind and score, without making the words of its reason: for views
    /// that only need to know whether two claims are linked.
    pub fn claim_relation(&self, from: usize, to: usize) -> Option<(LinkKind, f32)> {
        let (this, other) = (&self.claims[from], &self.claims[to]);
        (this.at.briefing != other.at.briefing).then(|| claim_relation(this, other)).flatten()
    }

    /// Whether claim number `n` can contradict another claim or be contradicted at all: only a
    /// denial and a statement of fact can be at odds.
    pub fn claim_can_conflict(&self, n: usize) -> bool {
        matches!(self.claims[n].stance, Stance::Denies | Stance::Asserts | Stance::Estimates)
    }

    /// The explicit refs of an item, both those it carries and those pointing at it.
    pub fn explicit_links(&self, at: ItemAt) -> &[Link] {
        self.explicit.get(&at).map_or(&[], Vec::as_slice)
    }

    /// The actor groups (of [`CrossRef::registry`]) a claim names in its text or quote, each once.
    pub fn mentions(&self, at: ItemAt) -> impl Iterator<Item = usize> + '_ {
        let terms = self.claim_index.get(&at).map_or(&[][..], |&i| &self.claims[i].terms[..]);
        terms.iter().filter_map(|&(term, _)| {
            let group = *self.actor_of_term.get(term as usize)?;
            (group != u32::MAX).then_some(group as usize)
        })
    }

    /// How many distinct claimants and outlets in other briefings support a claim (through corroborating
    /// refs or similar claims that are not denials).
    pub fn corroboration(&self, briefings: &[&Briefing], at: ItemAt) -> Corroboration {
        self.corroboration_from(briefings, &self.related(briefings, at))
    }

    /// [`CrossRef::corroboration`] from the links [`CrossRef::related`] gave for the claim, for callers
    /// that have them already (comparing a claim with every other claim twice is what they save).
    pub fn corroboration_from(&self, briefings: &[&Briefing], links: &[Link]) -> Corroboration {
        let mut support = Corroboration::default();
        for link in links {
            let supports = matches!(
                link.kind,
                LinkKind::SimilarClaim
                    | LinkKind::Ref(Relation::Corroborates | Relation::SameEvent)
                    | LinkKind::RefFrom(Relation::Corroborates | Relation::SameEvent)
            );
            let (ItemRef::Claim(c), true) = (link.to.item, supports) else { continue };
            let b = briefings[link.to.briefing];
            let claim = &b.claims[c];
            let claimant = self.canonical_actor(link.to.briefing, b, &claim.claimed_by);
            support.claimants.insert(claimant);
            let outlet = match &claim.reported_by {
                Some(outlet) => self.canonical_actor(link.to.briefing, b, outlet),
                None => b.source.outlet.clone(),
            };
            support.outlets.insert(outlet);
        }
        support
    }

    fn canonical_actor(&self, briefing: usize, b: &Briefing, actor_id: &str) -> String {
        let index = b.actors.iter().position(|a| a.id == actor_id);
        match index.and_then(|a| self.registry.group_of((briefing, a))) {
            Some(g) => self.registry.groups[g].name.clone(),
            None => actor_id.to_string(),
        }
    }

    /// The reconciliation table: each counted thing with every value given for it across the folder.
    pub fn figure_table(&self, briefings: &[&Briefing]) -> Vec<Vec<ItemAt>> {
        let mut ats: Vec<ItemAt> = self.figure_keys.keys().copied().collect();
        ats.sort();
        let keys: Vec<_> = ats
            .iter()
            .map(|at| (self.figure_keys[at].unit_head, &self.figure_keys[at].subject[..]))
            .collect();
        let same = |a: &[u32], b: &[u32]| jaccard(a, b) >= SAME_SUBJECT;
        let mut groups: Vec<Vec<ItemAt>> = same_subject::groups(&keys, same)
            .into_iter()
            .map(|g| g.into_iter().map(|i| ats[i]).collect())
            .collect();
        for group in &mut groups {
            group.sort_by_key(|at| (figure_date(briefings, *at), *at));
        }
        groups.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
        groups
    }
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Corroboration {
    pub claimants: BTreeSet<String>,
    pub outlets: BTreeSet<String>,
}

/// Every claim as its terms with their weighted counts, sorted by term, the terms numbered as first met.
/// Two halves of the folder are read on two threads; the second half's numbers are then mapped to what
/// reading it all in order would have given, so the vectors (and their float sums) are the same.
fn claim_terms(
    briefings: &[&Briefing],
    vocabulary: &Vocabulary,
) -> (Interner, Vec<(ItemAt, Stance, TermWeights)>) {
    let middle = if briefings.len() < 64 { briefings.len() } else { briefings.len() / 2 };
    let ((mut terms, mut claims), (later_terms, later_claims)) = std::thread::scope(|scope| {
        let later = scope.spawn(|| count_claim_terms(&briefings[middle..], middle, vocabulary));
        let first = count_claim_terms(&briefings[..middle], 0, vocabulary);
        match later.join() {
            Ok(later) => (first, later),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    let mut in_order: Vec<(&str, u32)> = later_terms.ids.iter().map(|(t, &id)| (t.as_ref(), id)).collect();
    in_order.sort_unstable_by_key(|&(_, id)| id);
    let global: Vec<u32> = in_order.into_iter().map(|(term, _)| terms.id(term)).collect();
    for (at, stance, mut counts) in later_claims {
        counts.iter_mut().for_each(|(term, _)| *term = global[*term as usize]);
        counts.sort_unstable_by_key(|&(term, _)| term);
        claims.push((at, stance, counts));
    }
    (terms, claims)
}

fn count_claim_terms(
    briefings: &[&Briefing],
    first: usize,
    vocabulary: &Vocabulary,
) -> (Interner, Vec<(ItemAt, Stance, TermWeights)>) {
    let mut reader = TermReader::new(vocabulary, Interner::default());
    let mut claims = Vec::new();
    for (offset, b) in briefings.iter().enumerate() {
        for (ci, c) in b.claims.iter().enumerate() {
            let mut counts: Vec<(u32, f32)> = Vec::new();
            // The reviewed short text says what is claimed; the quote around it adds context and noise.
            for (text, weight) in [(&c.text, 2.0), (&c.quote, 1.0)] {
                reader.each_term(text, true, |term| counts.push((term, weight)));
            }
            counts.sort_by_key(|(t, _)| *t);
            counts.dedup_by(|next, kept| {
                let same = next.0 == kept.0;
                if same {
                    kept.1 += next.1;
                }
                same
            });
            claims.push((ItemAt { briefing: first + offset, item: ItemRef::Claim(ci) }, c.stance, counts));
        }
    }
    (reader.terms, claims)
}

/// The entries of `sorted` (in briefing order, by `briefing_of`) that belong to other briefings than
/// `briefing`: its own run is cut out by binary search, not walked.
fn others<T>(sorted: &[T], briefing: usize, briefing_of: impl Fn(&T) -> usize) -> impl Iterator<Item = &T> {
    let start = sorted.partition_point(|t| briefing_of(t) < briefing);
    let end = start + sorted[start..].partition_point(|t| briefing_of(t) == briefing);
    sorted[..start].iter().chain(&sorted[end..])
}

/// The inferred link between two claims of different briefings: a denial against a similar statement of
/// fact, or similar wording between two claims on the same side.
fn claim_link(this: &ClaimVector, other: &ClaimVector) -> Option<Link> {
    let (kind, score) = claim_relation(this, other)?;
    let reason = match kind {
        LinkKind::Contradiction => format!("a denial against an assertion of the same thing ({score:.2})"),
        _ => format!("similar wording ({score:.2})"),
    };
    Some(Link { to: other.at, kind, score, reason })
}

/// [`claim_link`]'s kind and score, without the words.
fn claim_relation(this: &ClaimVector, other: &ClaimVector) -> Option<(LinkKind, f32)> {
    let denies = |c: &ClaimVector| c.stance == Stance::Denies;
    let factual = |c: &ClaimVector| matches!(c.stance, Stance::Asserts | Stance::Estimates);
    if denies(this) != denies(other) {
        // Only a statement of fact can be denied: a warning or an appeal is not contradicted by it.
        let asserted = if denies(this) { other } else { this };
        if !factual(asserted) {
            return None;
        }
        let similarity = cosine(&this.topic, &other.topic);
        (similarity >= CONTRADICTING_CLAIM).then_some((LinkKind::Contradiction, similarity))
    } else {
        let similarity = cosine(&this.terms, &other.terms);
        (similarity >= SIMILAR_CLAIM).then_some((LinkKind::SimilarClaim, similarity))
    }
}

fn figure<'a>(briefings: &[&'a Briefing], at: ItemAt) -> &'a Figure {
    let ItemRef::Figure(f) = at.item else { unreachable!("figure links join figures") };
    &briefings[at.briefing].figures[f]
}

/// The date a figure holds for: its `as_of`, else its briefing's publication date.
pub fn figure_date(briefings: &[&Briefing], at: ItemAt) -> Option<Date> {
    figure(briefings, at).as_of.or(briefings[at.briefing].source.published)
}

pub fn compare_figures(briefings: &[&Briefing], a: ItemAt, b: ItemAt) -> FigureComparison {
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

fn normalized(mut terms: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(f32::EPSILON);
    terms.iter_mut().for_each(|(_, w)| *w /= norm);
    terms
}

fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Jaccard similarity of two sorted sets without repeats.
fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = shared_terms(a, b);
    shared as f32 / (a.len() + b.len() - shared) as f32
}

/// Terms numbered as they are first met.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32>,
}

impl Interner {
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(term.into(), id);
        id
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The words of one text, folded, in one buffer, so that no word allocates; kept between texts.
#[derive(Default)]
struct WordBuffer {
    scanner: WordScanner,
    arena: String,
    spans: Vec<Range<usize>>,
    phrase: String,
}

/// Turns text into comparable terms: stems without function words, with each actor spelling folded to one
/// term per actor ("U.N. Security Council" and "United Nations Security Council" are the same term), and
/// a few general synonyms of news reporting folded together.
struct Vocabulary {
    /// Normalised spelling (words joined by spaces) → actor group term.
    spellings: HashMap<String, String>,
    /// First word of a spelling, as `words` folds it → the most words a spelling starting with it has.
    /// Only a word found here can start an actor's name, which spares trying every n-gram of every text.
    starts: HashMap<String, usize>,
    stop_words: HashSet<&'static str>,
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "both", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "into", "is", "it", "its", "it's", "of", "on", "or", "said", "says",
    "she", "such", "that", "the", "their", "them", "these", "they", "this", "those", "to", "was", "we",
    "were", "which", "while", "who", "will", "with", "would", "any", "also", "than", "then", "there", "what",
    "when", "our", "not", "no", "all", "other", "some", "more", "most", "can", "could", "may", "might", "do",
    "does", "did",
];

const KINDS_OF_WEAPON: &[&str] =
    &["shell", "missile", "rocket", "drone", "artillery", "bomb", "grenade", "rifle", "tank", "warhead"];

/// General synonyms in reporting on conflict and trade, folded to one term each.
fn synonym(stem: &str) -> &str {
    match stem {
        "arm" | "weapon" | "weaponry" | "munition" | "ammunition" | "armament" => "weapon",
        "supply" | "suppli" | "supplying" | "send" | "sending" | "sent" | "provide" | "providing"
        | "provided" | "deliver" | "delivered" | "delivering" | "transfer" | "transferring" | "shipment" => {
            "transfer"
        }
        "deal" | "agreement" | "transaction" | "pact" | "treaty" => "deal",
        "violate" | "violating" | "violation" | "breach" | "barred" => "violate",
        other => other,
    }
}

impl Vocabulary {
    fn new(registry: &Registry) -> Vocabulary {
        let mut spellings = HashMap::default();
        let mut starts: HashMap<String, usize> = HashMap::default();
        for (g, group) in registry.groups.iter().enumerate() {
            for spelling in &group.spellings {
                // A spelling shared by several actors (a bare surname) stays ordinary words.
                if registry.lookup(spelling).len() != 1 {
                    continue;
                }
                let term = format!("{ACTOR_TERM}{g}");
                let ws = words(spelling);
                // Keyed as text is read (folded words joined by spaces) and, for initialisms written
                // differently ("US" for "U.S."), in normalised form as well.
                let read: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
                spellings.insert(read.join(" "), term.clone());
                if ws.len() > 1 && ws[0].folded == "the" {
                    spellings.insert(read[1..].join(" "), term.clone());
                }
                spellings.insert(normalize_name(spelling), term);
                // "the Kremlin" is also written "Kremlin": either word may start it.
                let skip = usize::from(ws.len() > 1 && ws[0].folded == "the");
                for (first, len) in [(0, ws.len()), (skip, ws.len() - skip)] {
                    if let Some(w) = ws.get(first) {
                        let longest = starts.entry(w.folded.clone()).or_default();
                        *longest = (*longest).max(len);
                    }
                }
            }
        }
        Vocabulary { spellings, starts, stop_words: STOP_WORDS.iter().copied().collect() }
    }

    /// What a word is to the vocabulary, apart from the term it stands for.
    fn role(&self, word: &str) -> WordRole {
        let stemmed = stem(word);
        let stop = self.stop_words.contains(stemmed) || self.stop_words.contains(word);
        WordRole {
            longest: self.starts.get(word).copied().unwrap_or(0),
            term: if stop { Plain::Stop } else { Plain::Unnumbered },
            weapon: KINDS_OF_WEAPON.contains(&stemmed),
        }
    }
}

/// What a word is to the vocabulary, worked out once per distinct word.
#[derive(Debug, Clone, Copy)]
struct WordRole {
    /// The most words an actor spelling that starts with this word has (0 when none does).
    longest: usize,
    term: Plain,
    /// Whether it names a kind of weapon.
    weapon: bool,
}

/// The term a word stands for when it is not part of an actor's name.
#[derive(Debug, Clone, Copy)]
enum Plain {
    /// A function word: no term.
    Stop,
    /// Not emitted yet, so not numbered yet (terms are numbered as first met).
    Unnumbered,
    Term(u32),
}

/// Reads texts into term ids of one [`Interner`], with the role of every distinct word kept, so that a
/// word costs one lookup however often it occurs.
struct TermReader<'v> {
    vocabulary: &'v Vocabulary,
    terms: Interner,
    roles: WordMap<WordRole>,
    weapon: Option<u32>,
    buffer: WordBuffer,
}

impl<'v> TermReader<'v> {
    fn new(vocabulary: &'v Vocabulary, terms: Interner) -> TermReader<'v> {
        TermReader {
            vocabulary,
            terms,
            roles: WordMap::default(),
            weapon: None,
            buffer: WordBuffer::default(),
        }
    }

    /// Calls `emit` with every term of `text`; with `broaden`, a kind of weapon also yields "weapon",
    /// since a claim that shells were sent and a denial that arms were sent are about the same thing.
    fn each_term(&mut self, text: &str, broaden: bool, mut emit: impl FnMut(u32)) {
        let TermReader { vocabulary, terms, roles, weapon, buffer } = self;
        let WordBuffer { scanner, arena, spans, phrase } = buffer;
        arena.clear();
        spans.clear();
        scanner.scan(text, |_, w| {
            let start = arena.len();
            arena.push_str(w);
            spans.push(start..arena.len());
        });
        let word = |k: usize| &arena[spans[k].clone()];
        let mut i = 0;
        'words: while i < spans.len() {
            let role = roles.get_or_insert_with(word(i), || vocabulary.role(word(i)));
            for len in (1..=role.longest.min(spans.len() - i)).rev() {
                phrase.clear();
                for k in i..i + len {
                    if k > i {
                        phrase.push(' ');
                    }
                    // "North Korea's" names North Korea.
                    phrase.push_str(word(k).strip_suffix("'s").unwrap_or(word(k)));
                }
                let initialism = || (i..i + len).any(|k| word(k).len() == 1);
                let actor = vocabulary.spellings.get(phrase.as_str()).or_else(|| {
                    initialism().then(|| vocabulary.spellings.get(&normalize_name(phrase))).flatten()
                });
                if let Some(actor) = actor {
                    emit(terms.id(actor));
                    i += len;
                    continue 'words;
                }
            }
            let term = match role.term {
                Plain::Stop => None,
                Plain::Term(term) => Some(term),
                Plain::Unnumbered => {
                    let term = terms.id(synonym(stem(word(i))));
                    role.term = Plain::Term(term);
                    Some(term)
                }
            };
            if let Some(term) = term {
                emit(term);
                if broaden && role.weapon {
                    emit(*weapon.get_or_insert_with(|| terms.id("weapon")));
                }
            }
            i += 1;
        }
    }

    fn figure_key(&mut self, f: &Figure) -> FigureKey {
        let mut unit_head = None;
        self.each_term(&f.unit, false, |t| unit_head = Some(t));
        let mut subject = Vec::new();
        let subject_text = f.subject.as_deref().unwrap_or(&f.unit);
        self.each_term(subject_text, false, |t| subject.push(t));
        subject.sort_unstable();
        subject.dedup();
        FigureKey { unit_head, subject }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Claims or figures another one was looked at against, on this thread.
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
            linked += graph.related(&briefings, ItemAt { briefing: 0, item }).len();
        }
        let considered = CONSIDERED.with(std::cell::Cell::get);
        // Each claim and each figure against the small briefing's two: linear. Walking the folder's claims
        // and figures, the briefing's own included, was n * (n + 2) each.
        assert_eq!(considered, n * 2 + n * 2, "{considered} looked at for {n} claims and {n} figures");
        assert!(linked >= 2 * n, "the similar claims and the same figure are still found: {linked}");
    }

    #[test]
    fn cosine_of_sparse_vectors() {
        let a = [(1, 0.6), (3, 0.8)];
        let b = [(1, 0.6), (2, 0.8)];
        assert!((cosine(&a, &b) - 0.36).abs() < 1e-6);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn link_labels_read_from_the_selected_side() {
        assert_eq!(LinkKind::Ref(Relation::Updates).label(), "updates");
        assert_eq!(LinkKind::RefFrom(Relation::Updates).label(), "updated by");
    }
}
