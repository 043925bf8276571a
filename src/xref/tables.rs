//! What the graph is computed from: per claim its terms with their weighted counts, its norms and stance,
//! per term the claims that use it, the actor registry, figure keys grouped by unit, and the explicit
//! refs both ways. [`Built`] holds them in memory, made from the briefings; the cache stores the same
//! tables and reads them a piece at a time (`crate::cache`), so that one item's links cost what that
//! item touches, not the whole folder.

use std::borrow::Cow;
use std::ops::Range;

use foldhash::HashMap;

use super::terms::{ACTOR_TERM, Interner, TermReader, Vocabulary, claim_terms};
use super::{FigureKey, ItemAt, Link, LinkKind};
use crate::actors::{ActorAt, ActorGroup, Registry};
use crate::model::{Briefing, ItemRef, Stance};

/// A term and its weighted count in one claim (the claim's text counts twice, its quote once), or a
/// claim number and the term's weighted count in it (in a term's list of claims).
pub(crate) type Count = (u32, f32);

/// A claim's two norms: of all its term weights, and of those of terms that are not actors (its topic).
pub(crate) type Norms = [f32; 2];

/// The unit key of a figure whose unit has no term.
pub(crate) const NO_UNIT: u32 = u32::MAX;

/// The actor group a term stands for, or this for a plain word.
pub(crate) const NOT_AN_ACTOR: u32 = u32::MAX;

/// A figure among those of its unit: where it is and the terms of its subject (sorted, no repeats).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FigureEntry {
    pub at: ItemAt,
    pub subject: Vec<u32>,
}

/// The tables of a cross-reference graph, in memory or in the cache file.
///
/// Claims are numbered in (briefing, claim) order, so a briefing's claims are a run of numbers; lists of
/// claims, of group members and of a unit's figures are in that order too, so a briefing's own run in
/// them is found by binary search. A table read from the cache may turn out damaged: it then reads as
/// empty and [`Tables::found_corrupt`] says so.
pub(crate) trait Tables: Send + Sync {
    /// The whole registry (the cache reads it when first asked).
    fn registry(&self) -> &Registry;
    /// The explicit refs of an item, both ways, in the order the files give them.
    fn explicit(&self, at: ItemAt) -> Cow<'_, [Link]>;
    fn group_of(&self, record: ActorAt) -> Option<usize>;
    fn group(&self, group: usize) -> Option<Cow<'_, ActorGroup>>;
    /// Per briefing, its first claim's number, and the number of claims last.
    fn claim_first(&self) -> &[u32];
    fn stances(&self) -> &[Stance];
    fn norms(&self) -> &[Norms];
    /// Per term, how many claims use it.
    fn document_frequency(&self) -> &[u32];
    /// Per term, the actor group it stands for ([`NOT_AN_ACTOR`] for a plain word).
    fn actor_of_term(&self) -> &[u32];
    /// A claim's terms and their weighted counts, by term.
    fn terms(&self, claim: usize) -> Cow<'_, [Count]>;
    /// The claims that use a term, with its weighted count in each, by claim.
    fn claims_with(&self, term: u32) -> ClaimList<'_>;
    /// Per claim, its claimant and its outlet as the corroboration counts them (see [`source_names`]).
    fn sources(&self) -> &[[u32; 2]];
    fn source_name(&self, id: u32) -> &str;
    /// The unit key of a figure ([`NO_UNIT`] when its unit has no term), `None` if it is no figure.
    fn figure_unit(&self, at: ItemAt) -> Option<u32>;
    /// The figures of a unit key, in (briefing, figure) order.
    fn same_unit(&self, unit: u32) -> Cow<'_, [FigureEntry]>;
    /// Every unit key that has figures.
    fn units(&self) -> Vec<u32>;
    fn found_corrupt(&self) -> bool {
        false
    }
    /// Says that a list read from the cache turned out damaged while it was walked.
    fn found_damage(&self) {}
}

/// The claims that use a term, with the term's weighted count in each, by claim: in memory, or as the
/// cache codes them, decoded while they are walked (a common term's list holds most of a folder's
/// claims: decoding it into a vector would allocate and zero megabytes for each claim looked at).
pub(crate) enum ClaimList<'a> {
    Decoded(&'a [Count]),
    /// Per claim, a varint of its number's distance from the previous claim's times four plus its
    /// count (a whole number) when that is 1 to 3, else plus 0 and the count in a varint of its own, as
    /// `crate::cache` writes them.
    Coded(Vec<u8>),
}

impl ClaimList<'_> {
    /// `f` of each claim and count, in claim order; `false` when a coded list turns out malformed
    /// (then `f` has seen only the claims before the damage).
    pub(crate) fn for_each(&self, mut f: impl FnMut(u32, f32)) -> bool {
        let mut entries = self.entries();
        for (claim, tf) in &mut entries {
            f(claim, tf);
        }
        !entries.malformed()
    }

    /// Each claim and count, in claim order, decoded as they are walked.
    pub(crate) fn entries(&self) -> Entries<'_> {
        match self {
            ClaimList::Decoded(claims) => Entries::Decoded(claims.iter()),
            ClaimList::Coded(bytes) => Entries::Coded { bytes, at: 0, claim: 0, malformed: false },
        }
    }
}

/// The entries of a [`ClaimList`], in claim order; a coded list ends where it turns out malformed.
pub(crate) enum Entries<'a> {
    Decoded(std::slice::Iter<'a, Count>),
    Coded { bytes: &'a [u8], at: usize, claim: u32, malformed: bool },
}

impl Entries<'_> {
    /// Whether a coded list ended early, malformed.
    pub(crate) fn malformed(&self) -> bool {
        matches!(self, Entries::Coded { malformed: true, .. })
    }
}

impl Iterator for Entries<'_> {
    type Item = Count;

    fn next(&mut self) -> Option<Count> {
        match self {
            Entries::Decoded(claims) => claims.next().copied(),
            Entries::Coded { bytes, at, claim, malformed } => {
                if *malformed || *at >= bytes.len() {
                    return None;
                }
                let next = |at: &mut usize| match bytes.get(*at) {
                    Some(&byte) if byte < 0x80 => {
                        *at += 1;
                        Some(u32::from(byte))
                    }
                    _ => crate::search::varint(bytes, at),
                };
                let entry = next(at).and_then(|code| {
                    let tf = match code & 3 {
                        0 => next(at)?,
                        tf => tf,
                    };
                    Some((claim.checked_add(code >> 2)?, tf))
                });
                match entry {
                    Some((number, tf)) => {
                        *claim = number;
                        Some((number, tf as f32))
                    }
                    None => {
                        *malformed = true;
                        None
                    }
                }
            }
        }
    }
}

/// The tables made from the briefings, in memory.
#[derive(Debug)]
pub(crate) struct Built {
    pub(crate) registry: Registry,
    explicit: HashMap<ItemAt, Vec<Link>>,
    claim_first: Vec<u32>,
    stances: Vec<Stance>,
    norms: Vec<Norms>,
    document_frequency: Vec<u32>,
    actor_of_term: Vec<u32>,
    /// Every claim's terms one after another; claim `n`'s end at `term_ends[n]`.
    terms: Vec<Count>,
    term_ends: Vec<u32>,
    /// Every term's claims one after another; term `t`'s end at `claim_ends[t]`.
    claims: Vec<Count>,
    claim_ends: Vec<u32>,
    sources: Vec<[u32; 2]>,
    source_names: Vec<String>,
    figure_units: HashMap<ItemAt, u32>,
    figures_by_unit: HashMap<u32, Vec<FigureEntry>>,
}

/// Everything of [`Built`] but the registry, which it is made from: apart so that it can be made while
/// the registry is lent to another thread (see `crate::engine`).
#[derive(Debug)]
pub(crate) struct Links(Built);

impl Links {
    pub(crate) fn with(self, registry: Registry) -> Built {
        Built { registry, ..self.0 }
    }

    pub(crate) fn build(briefings: &[&Briefing], registry: &Registry) -> Links {
        let explicit = explicit_refs(briefings);
        let vocabulary = Vocabulary::new(registry);
        let (term_ids, raw) = claim_terms(briefings, &vocabulary);
        let term_count = term_ids.len();
        let mut document_frequency: Vec<u32> = vec![0; term_count];
        for (_, _, counts) in &raw {
            for (term, _) in counts {
                document_frequency[*term as usize] += 1;
            }
        }
        let total = total_of(raw.len());
        let mut actor_of_term = vec![NOT_AN_ACTOR; term_count];
        for (term, &id) in &term_ids.ids {
            if let Some(group) = term.strip_prefix(ACTOR_TERM).and_then(|g| g.parse().ok()) {
                actor_of_term[id as usize] = group;
            }
        }
        let mut claim_first = Vec::with_capacity(briefings.len() + 1);
        let mut stances = Vec::with_capacity(raw.len());
        let mut norms = Vec::with_capacity(raw.len());
        let mut terms = Vec::new();
        let mut term_ends = Vec::with_capacity(raw.len());
        for (n, (at, stance, counts)) in raw.into_iter().enumerate() {
            while claim_first.len() <= at.briefing {
                claim_first.push(n as u32);
            }
            let weights =
                counts.iter().map(|&(t, tf)| (t, weight(tf, idf(total, document_frequency[t as usize]))));
            norms.push(claim_norms(weights, &actor_of_term));
            stances.push(stance);
            terms.extend(counts);
            term_ends.push(terms.len() as u32);
        }
        let claim_count = stances.len() as u32;
        claim_first.resize(briefings.len() + 1, claim_count);
        // Each term's claims, by a counting sort of the claims' terms: in claim order within a term.
        let claim_ends: Vec<u32> = document_frequency
            .iter()
            .scan(0u32, |end, &df| {
                *end += df;
                Some(*end)
            })
            .collect();
        let mut claims = vec![(0u32, 0f32); terms.len()];
        let mut next: Vec<u32> =
            std::iter::once(0).chain(claim_ends.iter().copied()).take(term_count).collect();
        let mut start = 0;
        for (n, &end) in term_ends.iter().enumerate() {
            for &(term, tf) in &terms[start..end as usize] {
                let slot = &mut next[term as usize];
                claims[*slot as usize] = (n as u32, tf);
                *slot += 1;
            }
            start = end as usize;
        }
        let (sources, source_names) = source_names(briefings, registry);

        let mut reader = TermReader::new(&vocabulary, term_ids);
        let mut figure_units = HashMap::default();
        let mut figures_by_unit: HashMap<u32, Vec<FigureEntry>> = HashMap::default();
        for (bi, b) in briefings.iter().enumerate() {
            for (fi, f) in b.figures.iter().enumerate() {
                let FigureKey { unit_head, subject } = reader.figure_key(f);
                let unit = unit_head.unwrap_or(NO_UNIT);
                let at = ItemAt { briefing: bi, item: ItemRef::Figure(fi) };
                figures_by_unit.entry(unit).or_default().push(FigureEntry { at, subject });
                figure_units.insert(at, unit);
            }
        }
        Links(Built {
            registry: Registry::default(),
            explicit,
            claim_first,
            stances,
            norms,
            document_frequency,
            actor_of_term,
            terms,
            term_ends,
            claims,
            claim_ends,
            sources,
            source_names,
            figure_units,
            figures_by_unit,
        })
    }
}

/// The explicit refs of every item, both ways: each ref is listed under its source item and, turned
/// round, under its target, in the order the files give them.
fn explicit_refs(briefings: &[&Briefing]) -> HashMap<ItemAt, Vec<Link>> {
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
                explicit.entry(from).or_default().push(Link {
                    to,
                    kind: LinkKind::Ref(r.relation),
                    score: 1.0,
                });
                explicit.entry(to).or_default().push(Link {
                    to: from,
                    kind: LinkKind::RefFrom(r.relation),
                    score: 1.0,
                });
            }
        }
    }
    explicit
}

/// Per claim, who makes it and who reports it, as names the corroboration counts: an actor by its
/// group's name (an id no actor record has, as itself), an unreported claim by its briefing's outlet;
/// the names numbered as first met.
fn source_names(briefings: &[&Briefing], registry: &Registry) -> (Vec<[u32; 2]>, Vec<String>) {
    let mut names = Interner::default();
    let mut sources = Vec::new();
    for (bi, b) in briefings.iter().enumerate() {
        for claim in &b.claims {
            let claimant = canonical_actor(registry, bi, b, &claim.claimed_by);
            let outlet = match &claim.reported_by {
                Some(outlet) => canonical_actor(registry, bi, b, outlet),
                None => &b.source.outlet,
            };
            sources.push([names.id(claimant), names.id(outlet)]);
        }
    }
    let mut in_order: Vec<(Box<str>, u32)> = names.ids.into_iter().collect();
    in_order.sort_unstable_by_key(|&(_, id)| id);
    (sources, in_order.into_iter().map(|(name, _)| name.into_string()).collect())
}

/// The name of the actor `actor_id` of briefing `b` (at `briefing`): its group's, or the id itself when
/// no actor record has it.
fn canonical_actor<'a>(
    registry: &'a Registry,
    briefing: usize,
    b: &'a Briefing,
    actor_id: &'a str,
) -> &'a str {
    let index = b.actors.iter().position(|a| a.id == actor_id);
    match index.and_then(|a| registry.group_of((briefing, a))) {
        Some(g) => &registry.groups[g].name,
        None => actor_id,
    }
}

/// The number of claims as the weights use it.
pub(crate) fn total_of(claims: usize) -> f32 {
    claims.max(1) as f32
}

/// How rare a term is among `total` claims when `document_frequency` of them use it.
pub(crate) fn idf(total: f32, document_frequency: u32) -> f32 {
    (1.0 + total / document_frequency as f32).ln()
}

/// A term's TF-IDF weight in a claim where its weighted count is `tf`.
pub(crate) fn weight(tf: f32, idf: f32) -> f32 {
    (1.0 + tf.ln()) * idf
}

/// The norms of a claim's term weights (by term): of them all, and of those of plain words.
pub(crate) fn claim_norms(weights: impl Iterator<Item = (u32, f32)>, actor_of_term: &[u32]) -> Norms {
    let (mut all, mut topic): (Vec<f32>, Vec<f32>) = (Vec::new(), Vec::new());
    for (term, w) in weights {
        all.push(w);
        if actor_of_term.get(term as usize).is_none_or(|&g| g == NOT_AN_ACTOR) {
            topic.push(w);
        }
    }
    [norm(&all), norm(&topic)]
}

/// The L2 norm a vector of weights is divided by (never zero).
fn norm(weights: &[f32]) -> f32 {
    weights.iter().map(|w| w * w).sum::<f32>().sqrt().max(f32::EPSILON)
}

/// The run of `sorted` (by `key`) whose keys fall in `keys`, found by binary search.
pub(crate) fn run_of<T>(sorted: &[T], keys: Range<usize>, key: impl Fn(&T) -> usize) -> Range<usize> {
    let start = sorted.partition_point(|t| key(t) < keys.start);
    let end = start + sorted[start..].partition_point(|t| key(t) < keys.end);
    start..end
}

impl Tables for Built {
    fn registry(&self) -> &Registry {
        &self.registry
    }

    fn explicit(&self, at: ItemAt) -> Cow<'_, [Link]> {
        Cow::Borrowed(self.explicit.get(&at).map_or(&[], Vec::as_slice))
    }

    fn group_of(&self, record: ActorAt) -> Option<usize> {
        self.registry.group_of(record)
    }

    fn group(&self, group: usize) -> Option<Cow<'_, ActorGroup>> {
        self.registry.groups.get(group).map(Cow::Borrowed)
    }

    fn claim_first(&self) -> &[u32] {
        &self.claim_first
    }

    fn stances(&self) -> &[Stance] {
        &self.stances
    }

    fn norms(&self) -> &[Norms] {
        &self.norms
    }

    fn document_frequency(&self) -> &[u32] {
        &self.document_frequency
    }

    fn actor_of_term(&self) -> &[u32] {
        &self.actor_of_term
    }

    fn terms(&self, claim: usize) -> Cow<'_, [Count]> {
        let start = if claim == 0 { 0 } else { self.term_ends[claim - 1] as usize };
        Cow::Borrowed(&self.terms[start..self.term_ends[claim] as usize])
    }

    fn claims_with(&self, term: u32) -> ClaimList<'_> {
        let t = term as usize;
        let start = if t == 0 { 0 } else { self.claim_ends[t - 1] as usize };
        ClaimList::Decoded(self.claim_ends.get(t).map_or(&[][..], |&end| &self.claims[start..end as usize]))
    }

    fn sources(&self) -> &[[u32; 2]] {
        &self.sources
    }

    fn source_name(&self, id: u32) -> &str {
        self.source_names.get(id as usize).map_or("", String::as_str)
    }

    fn figure_unit(&self, at: ItemAt) -> Option<u32> {
        self.figure_units.get(&at).copied()
    }

    fn same_unit(&self, unit: u32) -> Cow<'_, [FigureEntry]> {
        Cow::Borrowed(self.figures_by_unit.get(&unit).map_or(&[], Vec::as_slice))
    }

    fn units(&self) -> Vec<u32> {
        let mut units: Vec<u32> = self.figures_by_unit.keys().copied().collect();
        units.sort_unstable();
        units
    }
}
