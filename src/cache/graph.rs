//! The cross-reference graph's tables in the cache file (see `crate::xref::tables`), so that one item's
//! links are found by reading what that item touches: its briefing's record (its actors' groups, its
//! figures' units, its claims' terms, its explicit refs), the list of claims of each of its terms, its
//! actor's group, its unit's figures, and a few columns read whole (per claim: norms, stance, sources;
//! per term: how many claims use it, which actor it stands for).
//!
//! Lists are varint-coded (`crate::search::put_varint`), each with its end and checksum, checked when it
//! is read; a list that fails its checksum reads as empty and the graph says it
//! ([`crate::xref::CrossRef::found_corrupt`]), so that the command answers from the folder instead.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use foldhash::HashMap;

use super::{Section, Snapshot};
use crate::actors::{ActorAt, ActorGroup, Registry};
use crate::column::{CacheFile, Column};
use crate::model::{ActorKind, Briefing, ItemRef, Relation, Stance};
use crate::search::{put_varint, varint};
use crate::store::hash_bytes;
use crate::xref::tables::{ClaimList, Count, FigureEntry, Norms, Tables};
use crate::xref::{CrossRef, ItemAt, Link, LinkKind};

/// Lists one after another, with per list its end and checksum: list `i` can be read alone.
#[derive(Default)]
pub(super) struct Lists {
    pub bytes: Vec<u8>,
    pub index: Vec<[u64; 2]>,
}

impl Lists {
    /// Ends the list that was written since the last call to `bytes`.
    fn close(&mut self) {
        let start = self.index.last().map_or(0, |&[end, _]| end as usize);
        self.index.push([self.bytes.len() as u64, hash_bytes(&self.bytes[start..])]);
    }
}

/// Lists in the cache file, read one at a time.
struct StoredLists {
    file: Arc<CacheFile>,
    at: Range<usize>,
    index: Column<[u64; 2]>,
}

impl StoredLists {
    fn open(snapshot: &Snapshot, bytes: Section, index: Section) -> Option<StoredLists> {
        let lists = StoredLists {
            file: Arc::clone(&snapshot.file),
            at: snapshot.header.sections[bytes as usize].clone(),
            index: snapshot.column(index)?,
        };
        let ends_fit = lists.index.windows(2).all(|w| w[0][0] <= w[1][0]);
        let last_fits = lists.index.last().is_none_or(|&[end, _]| end as usize == lists.at.len());
        (ends_fit && last_fits).then_some(lists)
    }

    fn len(&self) -> usize {
        self.index.len()
    }

    /// List `i`, checked against its checksum.
    fn get(&self, i: usize) -> Option<Vec<u8>> {
        let start = if i == 0 { 0 } else { self.index.get(i - 1)?[0] as usize };
        let &[end, hash] = self.index.get(i)?;
        let bytes = self.file.read(self.at.start + start..self.at.start + end as usize)?;
        (hash_bytes(&bytes) == hash).then_some(bytes)
    }
}

/// The sections of the graph, in [`Section`] order from `ClaimFirst` to `UnitKeys`.
pub(super) struct Written {
    pub claim_first: Vec<u32>,
    pub stances: Vec<u8>,
    pub norms: Vec<Norms>,
    pub sources: Vec<[u32; 2]>,
    pub source_names: Vec<String>,
    pub term_facts: Vec<[u32; 2]>,
    pub actor_first: Vec<u32>,
    pub briefings: Lists,
    pub claims: Lists,
    pub groups: Lists,
    pub units: Lists,
    pub unit_keys: Vec<u32>,
}

/// The graph's tables as the cache stores them; `briefings` are those the graph was built over.
pub(super) fn write(graph: &CrossRef, briefings: &[&Briefing]) -> std::io::Result<Written> {
    let tables = graph.tables();
    let mut records = Lists::default();
    let mut actor_first = Vec::with_capacity(briefings.len() + 1);
    let mut actors = 0u32;
    for (bi, b) in briefings.iter().enumerate() {
        actor_first.push(actors);
        actors += b.actors.len() as u32;
        encode_record(tables, bi, b, &mut records.bytes);
        records.close();
    }
    actor_first.push(actors);
    let mut claims = Lists::default();
    if tables.claim_first().last().is_some_and(|&n| n > MOST_CLAIMS) {
        return Err(std::io::Error::other("too many claims for the cache's lists"));
    }
    for term in 0..tables.document_frequency().len() {
        let mut previous = 0;
        tables.claims_with(term as u32).for_each(|claim, tf| {
            put_claim(&mut claims.bytes, claim - previous, count(tf));
            previous = claim;
        });
        claims.close();
    }
    let registry = tables.registry();
    let mut groups = Lists::default();
    for group in &registry.groups {
        encode_group(group, &mut groups.bytes);
        groups.close();
    }
    let mut units = Lists::default();
    let unit_keys = tables.units();
    for &unit in &unit_keys {
        let mut previous = 0;
        for figure in tables.same_unit(unit).iter() {
            put_varint(&mut units.bytes, (figure.at.briefing - previous) as u32);
            put_varint(&mut units.bytes, figure.at.item.index() as u32);
            put_terms(&mut units.bytes, &figure.subject);
            previous = figure.at.briefing;
        }
        units.close();
    }
    let source_count = tables.sources().iter().flatten().max().map_or(0, |&m| m + 1);
    Ok(Written {
        claim_first: tables.claim_first().to_vec(),
        stances: tables.stances().iter().map(|&s| stance_code(s)).collect(),
        norms: tables.norms().to_vec(),
        sources: tables.sources().to_vec(),
        source_names: (0..source_count).map(|id| tables.source_name(id).to_string()).collect(),
        term_facts: tables
            .document_frequency()
            .iter()
            .zip(tables.actor_of_term())
            .map(|(&df, &g)| [df, g])
            .collect(),
        actor_first,
        briefings: records,
        claims,
        groups,
        units,
        unit_keys,
    })
}

/// The most claims a folder's cache can list (a claim's distance from the previous one takes 30 bits).
const MOST_CLAIMS: u32 = u32::MAX >> 2;

/// A claim of a term's list as the cache codes it ([`crate::xref::tables::ClaimList::Coded`]): its
/// distance from the previous claim times four plus its count when that is 1 to 3 (nearly always: the
/// text counts 2 and the quote 1), else times four and the count after it; one varint per claim
/// instead of two took the lists from 13.9 to 7.5 MB at 100k.
fn put_claim(out: &mut Vec<u8>, delta: u32, tf: u32) {
    match tf {
        1..=3 => put_varint(out, delta << 2 | tf),
        _ => {
            put_varint(out, delta << 2);
            put_varint(out, tf);
        }
    }
}

/// A weighted count as stored: the text counts 2 and the quote 1, so every count is a whole number.
fn count(tf: f32) -> u32 {
    tf as u32
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    put_varint(out, u32::try_from(len).unwrap_or(u32::MAX));
}

/// Sorted terms, delta-coded, after their number.
fn put_terms(out: &mut Vec<u8>, terms: &[u32]) {
    put_len(out, terms.len());
    let mut previous = 0;
    for &t in terms {
        put_varint(out, t - previous);
        previous = t;
    }
}

/// What the graph knows of one briefing: its actors' groups, its figures' units, its claims' terms and
/// its items' explicit refs.
fn encode_record(tables: &dyn Tables, at: usize, b: &Briefing, out: &mut Vec<u8>) {
    put_len(out, b.actors.len());
    for a in 0..b.actors.len() {
        put_varint(out, tables.group_of((at, a)).map_or(0, |g| g as u32 + 1));
    }
    put_len(out, b.figures.len());
    for f in 0..b.figures.len() {
        let unit = tables.figure_unit(ItemAt { briefing: at, item: ItemRef::Figure(f) }).unwrap_or(u32::MAX);
        put_varint(out, unit.wrapping_add(1));
    }
    let first = tables.claim_first();
    let claims = first[at] as usize..first[at + 1] as usize;
    put_len(out, claims.len());
    for claim in claims {
        let terms = tables.terms(claim);
        put_len(out, terms.len());
        let mut previous = 0;
        for &(term, tf) in terms.iter() {
            put_varint(out, term - previous);
            put_varint(out, count(tf));
            previous = term;
        }
    }
    let explicit: Vec<(ItemRef, Cow<'_, [Link]>)> = b
        .items()
        .map(|(_, item)| (item, tables.explicit(ItemAt { briefing: at, item })))
        .filter(|(_, links)| !links.is_empty())
        .collect();
    put_len(out, explicit.len());
    for (item, links) in explicit {
        put_varint(out, item_code(item));
        put_len(out, links.len());
        for link in links.iter() {
            put_varint(out, link.to.briefing as u32);
            put_varint(out, item_code(link.to.item));
            put_varint(out, kind_code(link.kind));
        }
    }
}

fn encode_group(group: &ActorGroup, out: &mut Vec<u8>) {
    put_varint(out, actor_kind_code(group.kind));
    put_len(out, group.spellings.len());
    for spelling in &group.spellings {
        put_len(out, spelling.len());
        out.extend_from_slice(spelling.as_bytes());
    }
    put_len(out, group.members.len());
    let mut previous = 0;
    for (&(b, a), &name) in group.members.iter().zip(&group.names) {
        put_varint(out, (b - previous) as u32);
        put_varint(out, a as u32);
        put_varint(out, name);
        previous = b;
    }
}

fn item_code(item: ItemRef) -> u32 {
    let kind = match item {
        ItemRef::Actor(_) => 0,
        ItemRef::Figure(_) => 1,
        ItemRef::Claim(_) => 2,
        ItemRef::Question(_) => 3,
    };
    (item.index() as u32) << 2 | kind
}

fn item_of(code: u32) -> ItemRef {
    let index = (code >> 2) as usize;
    match code & 3 {
        0 => ItemRef::Actor(index),
        1 => ItemRef::Figure(index),
        2 => ItemRef::Claim(index),
        _ => ItemRef::Question(index),
    }
}

const RELATIONS: [Relation; 4] =
    [Relation::Corroborates, Relation::Contradicts, Relation::Updates, Relation::SameEvent];
pub(super) const STANCES: [Stance; 5] =
    [Stance::Asserts, Stance::Denies, Stance::Warns, Stance::Urges, Stance::Estimates];
pub(super) const ACTOR_KINDS: [ActorKind; 6] = [
    ActorKind::Person,
    ActorKind::State,
    ActorKind::Organisation,
    ActorKind::Outlet,
    ActorKind::Place,
    ActorKind::Group,
];

fn kind_code(kind: LinkKind) -> u32 {
    let relation = |r: Relation| RELATIONS.iter().position(|&x| x == r).unwrap_or(0) as u32;
    match kind {
        LinkKind::Ref(r) => relation(r),
        LinkKind::RefFrom(r) => 4 + relation(r),
        // Only explicit refs are stored.
        _ => u32::MAX,
    }
}

fn kind_of(code: u32) -> Option<LinkKind> {
    let relation = *RELATIONS.get((code % 4) as usize)?;
    match code / 4 {
        0 => Some(LinkKind::Ref(relation)),
        1 => Some(LinkKind::RefFrom(relation)),
        _ => None,
    }
}

fn stance_code(stance: Stance) -> u8 {
    STANCES.iter().position(|&s| s == stance).unwrap_or(0) as u8
}

fn actor_kind_code(kind: ActorKind) -> u32 {
    ACTOR_KINDS.iter().position(|&k| k == kind).unwrap_or(0) as u32
}

/// A varint-coded list being read; every read is checked.
struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Decoder<'_> {
    fn next(&mut self) -> Option<u32> {
        varint(self.bytes, &mut self.at)
    }

    /// A length, which cannot be more than the bytes left (each element takes one at least).
    fn len(&mut self) -> Option<usize> {
        let len = self.next()? as usize;
        (len <= self.bytes.len() - self.at).then_some(len)
    }

    fn terms(&mut self) -> Option<Vec<u32>> {
        let len = self.len()?;
        let mut terms = Vec::with_capacity(len);
        let mut previous = 0u32;
        for _ in 0..len {
            previous = previous.checked_add(self.next()?)?;
            terms.push(previous);
        }
        Some(terms)
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// What a briefing's record holds (see [`encode_record`]).
#[derive(Debug)]
struct BriefingRecord {
    groups: Vec<Option<usize>>,
    units: Vec<u32>,
    claims: Vec<Vec<Count>>,
    explicit: Vec<(ItemRef, Vec<Link>)>,
}

fn decode_record(bytes: &[u8]) -> Option<BriefingRecord> {
    let mut d = Decoder { bytes, at: 0 };
    let groups =
        (0..d.len()?).map(|_| Some(d.next()?.checked_sub(1).map(|g| g as usize))).collect::<Option<_>>()?;
    let units = (0..d.len()?).map(|_| Some(d.next()?.wrapping_sub(1))).collect::<Option<_>>()?;
    let claim_count = d.len()?;
    let mut claims = Vec::with_capacity(claim_count);
    for _ in 0..claim_count {
        let len = d.len()?;
        let mut terms = Vec::with_capacity(len);
        let mut previous = 0u32;
        for _ in 0..len {
            previous = previous.checked_add(d.next()?)?;
            terms.push((previous, d.next()? as f32));
        }
        claims.push(terms);
    }
    let item_count = d.len()?;
    let mut explicit = Vec::with_capacity(item_count);
    for _ in 0..item_count {
        let item = item_of(d.next()?);
        let links = (0..d.len()?)
            .map(|_| {
                let to = ItemAt { briefing: d.next()? as usize, item: item_of(d.next()?) };
                Some(Link { to, kind: kind_of(d.next()?)?, score: 1.0 })
            })
            .collect::<Option<_>>()?;
        explicit.push((item, links));
    }
    d.done().then_some(BriefingRecord { groups, units, claims, explicit })
}

fn decode_group(bytes: &[u8]) -> Option<ActorGroup> {
    let mut d = Decoder { bytes, at: 0 };
    let kind = *ACTOR_KINDS.get(d.next()? as usize)?;
    let spellings: Vec<String> = (0..d.len()?)
        .map(|_| {
            let len = d.len()?;
            let text = std::str::from_utf8(d.bytes.get(d.at..d.at + len)?).ok()?.to_string();
            d.at += len;
            Some(text)
        })
        .collect::<Option<_>>()?;
    let count = d.len()?;
    let (mut members, mut names) = (Vec::with_capacity(count), Vec::with_capacity(count));
    let mut previous = 0usize;
    for _ in 0..count {
        previous = previous.checked_add(d.next()? as usize)?;
        members.push((previous, d.next()? as usize));
        names.push(d.next()?);
    }
    let name = spellings.first()?.clone();
    d.done().then_some(ActorGroup { name, kind, spellings, members, names })
}

fn decode_figures(bytes: &[u8]) -> Option<Vec<FigureEntry>> {
    let mut d = Decoder { bytes, at: 0 };
    let mut figures = Vec::new();
    let mut previous = 0usize;
    while !d.done() {
        previous = previous.checked_add(d.next()? as usize)?;
        let item = ItemRef::Figure(d.next()? as usize);
        figures.push(FigureEntry { at: ItemAt { briefing: previous, item }, subject: d.terms()? });
    }
    Some(figures)
}

/// Records of briefings kept decoded at most: enough for a briefing and what its links touch, and a
/// bound on what browsing a large folder keeps.
const RECORDS_KEPT: usize = 4096;

/// The graph's tables read from a cache file.
pub(super) struct StoredTables {
    claim_first: Vec<u32>,
    stances: Vec<Stance>,
    norms: Column<Norms>,
    sources: Column<[u32; 2]>,
    source_names: Vec<String>,
    document_frequency: Vec<u32>,
    actor_of_term: Vec<u32>,
    actor_first: Vec<u32>,
    briefings: StoredLists,
    claims: StoredLists,
    groups: StoredLists,
    units: StoredLists,
    unit_keys: Vec<u32>,
    records: Mutex<HashMap<usize, Arc<BriefingRecord>>>,
    registry: OnceLock<Registry>,
    corrupt: AtomicBool,
}

impl StoredTables {
    /// The tables of `snapshot`, their columns read and checked now, their lists when asked for.
    pub(super) fn open(snapshot: &Snapshot) -> Option<StoredTables> {
        let column = |section| snapshot.column::<u32>(section).map(|c| c.to_vec());
        let stances: Vec<Stance> = (snapshot.section(Section::ClaimStances)?.iter())
            .map(|&code| STANCES.get(code as usize).copied())
            .collect::<Option<_>>()?;
        let term_facts = snapshot.column::<[u32; 2]>(Section::TermFacts)?;
        let source_names: Vec<String> =
            serde_json::from_slice(&super::decompress(&snapshot.section(Section::SourceNames)?)?).ok()?;
        let tables = StoredTables {
            claim_first: column(Section::ClaimFirst)?,
            norms: snapshot.column(Section::ClaimNorms)?,
            sources: snapshot.column(Section::ClaimSources)?,
            source_names,
            document_frequency: term_facts.iter().map(|f| f[0]).collect(),
            actor_of_term: term_facts.iter().map(|f| f[1]).collect(),
            actor_first: column(Section::ActorFirst)?,
            briefings: StoredLists::open(snapshot, Section::BriefingGraph, Section::BriefingGraphIndex)?,
            claims: StoredLists::open(snapshot, Section::ClaimsByTerm, Section::ClaimsByTermIndex)?,
            groups: StoredLists::open(snapshot, Section::Groups, Section::GroupsIndex)?,
            units: StoredLists::open(snapshot, Section::Units, Section::UnitsIndex)?,
            unit_keys: column(Section::UnitKeys)?,
            stances,
            records: Mutex::new(HashMap::default()),
            registry: OnceLock::new(),
            corrupt: AtomicBool::new(false),
        };
        let briefings = snapshot.entries.len();
        let claims = tables.stances.len();
        let consistent = tables.claim_first.len() == briefings + 1
            && tables.claim_first.windows(2).all(|w| w[0] <= w[1])
            && tables.claim_first.last() == Some(&(claims as u32))
            && tables.norms.len() == claims
            && tables.sources.len() == claims
            && tables.sources.iter().flatten().all(|&s| (s as usize) < tables.source_names.len())
            && tables.actor_first.len() == briefings + 1
            && tables.briefings.len() == briefings
            && tables.claims.len() == tables.document_frequency.len()
            && tables.units.len() == tables.unit_keys.len()
            && tables.unit_keys.windows(2).all(|w| w[0] < w[1]);
        consistent.then_some(tables)
    }

    fn damaged<T>(&self) -> Option<T> {
        self.corrupt.store(true, Ordering::Relaxed);
        None
    }

    /// The record of a briefing, read and decoded when first asked for.
    fn record(&self, briefing: usize) -> Option<Arc<BriefingRecord>> {
        let mut records = self.records.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(record) = records.get(&briefing) {
            return Some(Arc::clone(record));
        }
        let Some(record) = self.briefings.get(briefing).as_deref().and_then(decode_record) else {
            return if briefing < self.briefings.len() { self.damaged() } else { None };
        };
        if records.len() >= RECORDS_KEPT {
            records.clear();
        }
        let record = Arc::new(record);
        records.insert(briefing, Arc::clone(&record));
        Some(record)
    }

    fn briefing_of_claim(&self, claim: usize) -> usize {
        self.claim_first.partition_point(|&f| f as usize <= claim).saturating_sub(1)
    }
}

impl Tables for StoredTables {
    fn registry(&self) -> &Registry {
        self.registry.get_or_init(|| {
            let groups: Option<Vec<ActorGroup>> = (0..self.groups.len())
                .map(|g| self.groups.get(g).as_deref().and_then(decode_group))
                .collect();
            let counts = self.actor_first.windows(2).map(|w| w[1].saturating_sub(w[0]));
            match groups {
                Some(groups) => Registry::from_groups(groups, counts),
                None => self.damaged().unwrap_or_default(),
            }
        })
    }

    fn explicit(&self, at: ItemAt) -> Cow<'_, [Link]> {
        let record = self.record(at.briefing);
        let links = record.as_ref().and_then(|r| r.explicit.iter().find(|(item, _)| *item == at.item));
        Cow::Owned(links.map(|(_, links)| links.clone()).unwrap_or_default())
    }

    fn group_of(&self, (briefing, actor): ActorAt) -> Option<usize> {
        *self.record(briefing)?.groups.get(actor)?
    }

    fn group(&self, group: usize) -> Option<Cow<'_, ActorGroup>> {
        if group >= self.groups.len() {
            return None;
        }
        match self.groups.get(group).as_deref().and_then(decode_group) {
            Some(group) => Some(Cow::Owned(group)),
            None => self.damaged(),
        }
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
        let briefing = self.briefing_of_claim(claim);
        let index = claim - self.claim_first[briefing] as usize;
        let terms = self.record(briefing).and_then(|r| r.claims.get(index).cloned());
        Cow::Owned(terms.unwrap_or_default())
    }

    fn claims_with(&self, term: u32) -> ClaimList<'_> {
        let term = term as usize;
        if term >= self.claims.len() {
            return ClaimList::Decoded(&[]);
        }
        match self.claims.get(term) {
            Some(bytes) => ClaimList::Coded(bytes),
            None => self.damaged().unwrap_or(ClaimList::Decoded(&[])),
        }
    }
    fn sources(&self) -> &[[u32; 2]] {
        &self.sources
    }

    fn source_name(&self, id: u32) -> &str {
        self.source_names.get(id as usize).map_or("", String::as_str)
    }

    fn figure_unit(&self, at: ItemAt) -> Option<u32> {
        let ItemRef::Figure(f) = at.item else { return None };
        self.record(at.briefing)?.units.get(f).copied()
    }

    fn same_unit(&self, unit: u32) -> Cow<'_, [FigureEntry]> {
        let Ok(list) = self.unit_keys.binary_search(&unit) else { return Cow::Borrowed(&[]) };
        match self.units.get(list).as_deref().and_then(decode_figures) {
            Some(figures) => Cow::Owned(figures),
            None => Cow::Owned(self.damaged().unwrap_or_default()),
        }
    }

    fn units(&self) -> Vec<u32> {
        self.unit_keys.clone()
    }

    fn found_corrupt(&self) -> bool {
        self.corrupt.load(Ordering::Relaxed)
    }

    fn found_damage(&self) {
        self.corrupt.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coded_list_of_claims_reads_back_every_claim_and_count() {
        let claims: Vec<(u32, u32)> =
            vec![(0, 1), (1, 2), (2, 3), (3, 4), (90, 0), (91, 7), (200_000, 2), (MOST_CLAIMS - 1, 300)];
        let mut bytes = Vec::new();
        let mut previous = 0;
        for &(claim, tf) in &claims {
            put_claim(&mut bytes, claim - previous, tf);
            previous = claim;
        }
        let list = ClaimList::Coded(bytes.clone());
        let mut entries = list.entries();
        let read: Vec<(u32, u32)> = (&mut entries).map(|(claim, tf)| (claim, tf as u32)).collect();
        assert_eq!(read, claims);
        assert!(!entries.malformed());
        // Cut inside the last entry's count: the walk ends there and says so.
        let cut = ClaimList::Coded(bytes[..bytes.len() - 1].to_vec());
        let mut entries = cut.entries();
        assert_eq!((&mut entries).count(), claims.len() - 1);
        assert!(entries.malformed());
    }
}
