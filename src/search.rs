//! Ranked, field-aware full-text search over briefings.
//!
//! Every briefing becomes several documents: an overview (title, summary, tags, source) and one per actor,
//! figure, claim and question. A document is a list of fields; every field is tokenised the same way
//! (case, accents, possessives and plurals folded; numbers kept whole and also indexed by value, so
//! "1.6 million" is found by 1600000). Postings keep only (document, field, position): the byte ranges a
//! hit shows are recovered by tokenising its fields again, which is cheap for the few hits shown and
//! keeps the index small.
//!
//! Queries: words (all must match, BM25F ranking with field weights), `"phrases"`, `-excluded`, `word*`
//! prefixes, and scopes (`actor:`, `claim:`, `figure:`, `question:`, `tag:`, `outlet:`, `id:`). A run of
//! words that spells a known actor also matches every other spelling of that actor.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use foldhash::HashMap;
use foldhash::HashMapExt;

use std::sync::atomic::AtomicBool;

use crate::actors::{Registry, normalize_name};
use crate::column::{CacheFile, Column};
use crate::model::{Briefing, ItemRef};
use crate::store::hash_bytes;
use crate::text::{WordMap, WordScanner, number_word, scale_word, stem};

mod scan;
pub use scan::scan;

/// What a document stands for: a briefing's overview or one of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Overview,
    Item(ItemRef),
}

/// One field of a document. Fields that repeat (tags, aliases) carry their index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The briefing id and, for items, the item id: searched only through `id:`.
    Id,
    Title,
    Summary,
    Tag(usize),
    Outlet,
    Author,
    Name,
    Alias(usize),
    Role,
    /// A figure's value as a number.
    Value,
    /// A figure's words as written ("more than a million").
    Figure,
    Unit,
    Subject,
    /// A claim's or question's text.
    Text,
    /// The source sentence of a figure, claim or question.
    Quote,
    /// The name of the actor who claims a figure or claim.
    Claimant,
}

impl Field {
    /// How much a match in this field counts: names and titles above claims above quotes.
    fn weight(self) -> f32 {
        FIELD_WEIGHTS[self.kind()]
    }

    /// The index of the field's kind, for per-kind average lengths.
    fn kind(self) -> usize {
        match self {
            Field::Id => 0,
            Field::Title => 1,
            Field::Summary => 2,
            Field::Tag(_) => 3,
            Field::Outlet => 4,
            Field::Author => 5,
            Field::Name => 6,
            Field::Alias(_) => 7,
            Field::Role => 8,
            Field::Value => 9,
            Field::Figure => 10,
            Field::Unit => 11,
            Field::Subject => 12,
            Field::Text => 13,
            Field::Quote => 14,
            Field::Claimant => 15,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Tag(_) => "tag",
            Field::Outlet => "outlet",
            Field::Author => "author",
            Field::Name => "name",
            Field::Alias(_) => "alias",
            Field::Role => "role",
            Field::Value => "value",
            Field::Figure => "figure",
            Field::Unit => "unit",
            Field::Subject => "subject",
            Field::Text => "text",
            Field::Quote => "quote",
            Field::Claimant => "claimant",
        }
    }
}

const FIELD_KINDS: usize = 16;

/// One field of each kind, in [`Field::kind`] order.
const FIELDS_BY_KIND: [Field; FIELD_KINDS] = [
    Field::Id,
    Field::Title,
    Field::Summary,
    Field::Tag(0),
    Field::Outlet,
    Field::Author,
    Field::Name,
    Field::Alias(0),
    Field::Role,
    Field::Value,
    Field::Figure,
    Field::Unit,
    Field::Subject,
    Field::Text,
    Field::Quote,
    Field::Claimant,
];

/// Weights by [`Field::kind`]: id, title, summary, tag, outlet, author, name, alias, role, value, figure,
/// unit, subject, text, quote, claimant. A tag weighs least: a label someone chose must not lift a
/// briefing above the items that say the words.
const FIELD_WEIGHTS: [f32; FIELD_KINDS] =
    [1.0, 3.0, 1.5, 0.5, 1.2, 1.2, 3.0, 2.5, 1.5, 1.5, 1.5, 1.5, 1.2, 1.5, 0.8, 1.0];

/// The section of a briefing a hit belongs to, as the reader and CLI name it.
pub fn section(target: Target, field: Field) -> &'static str {
    match (target, field) {
        (Target::Overview, Field::Title) => "title",
        (Target::Overview, Field::Tag(_)) => "tags",
        (Target::Overview, Field::Outlet | Field::Author | Field::Id) => "source",
        (Target::Overview, _) => "summary",
        (Target::Item(ItemRef::Actor(_)), _) => "actor",
        (Target::Item(ItemRef::Figure(_)), _) => "figure",
        (Target::Item(ItemRef::Claim(_)), _) => "claim",
        (Target::Item(ItemRef::Question(_)), _) => "question",
    }
}

/// The text of a field: borrowed from the briefing, or made from it (an item's id after its briefing's,
/// a figure's value as a number), which has no place in what the reader shows.
#[derive(Debug, Clone, Copy)]
enum FieldText<'b> {
    Text(&'b str),
    /// The briefing id and this item id, separated by a space.
    Id(&'b str),
    Value(f64),
}

impl<'b> FieldText<'b> {
    /// The text, written into `scratch` when it has to be made.
    fn resolve<'s>(self, briefing_id: &str, scratch: &'s mut String) -> &'s str
    where
        'b: 's,
    {
        use std::fmt::Write;
        match self {
            FieldText::Text(text) => text,
            FieldText::Id(item_id) => {
                scratch.clear();
                scratch.push_str(briefing_id);
                scratch.push(' ');
                scratch.push_str(item_id);
                scratch
            }
            FieldText::Value(value) => {
                scratch.clear();
                let _ = write!(scratch, "{value}");
                scratch
            }
        }
    }
}

/// Calls `each` with the fields of a document, in a fixed order (a field's place in this order is its
/// slot in the index).
fn each_field<'b>(b: &'b Briefing, target: Target, mut each: impl FnMut(Field, FieldText<'b>)) {
    use FieldText::{Id, Text, Value};
    match target {
        Target::Overview => {
            each(Field::Id, Text(&b.id));
            each(Field::Title, Text(&b.title));
            each(Field::Summary, Text(&b.summary));
            b.tags.iter().enumerate().for_each(|(i, t)| each(Field::Tag(i), Text(t)));
            each(Field::Outlet, Text(&b.source.outlet));
            if let Some(author) = &b.source.author {
                each(Field::Author, Text(author));
            }
        }
        Target::Item(ItemRef::Actor(i)) => {
            let a = &b.actors[i];
            each(Field::Id, Id(&a.id));
            each(Field::Name, Text(&a.name));
            a.aliases.iter().enumerate().for_each(|(i, s)| each(Field::Alias(i), Text(s)));
            if let Some(role) = &a.role {
                each(Field::Role, Text(role));
            }
        }
        Target::Item(ItemRef::Figure(i)) => {
            let f = &b.figures[i];
            each(Field::Id, Id(&f.id));
            each(Field::Value, Value(f.value));
            each(Field::Figure, Text(&f.text));
            each(Field::Unit, Text(&f.unit));
            if let Some(subject) = &f.subject {
                each(Field::Subject, Text(subject));
            }
            each(Field::Quote, Text(&f.quote));
            if let Some(claimant) = &f.claimed_by {
                each(Field::Claimant, Text(b.actor_name(claimant)));
            }
        }
        Target::Item(ItemRef::Claim(i)) => {
            let c = &b.claims[i];
            each(Field::Id, Id(&c.id));
            each(Field::Text, Text(&c.text));
            each(Field::Quote, Text(&c.quote));
            each(Field::Claimant, Text(b.actor_name(&c.claimed_by)));
        }
        Target::Item(ItemRef::Question(i)) => {
            let q = &b.questions[i];
            each(Field::Id, Id(&q.id));
            each(Field::Text, Text(&q.text));
            if let Some(source) = &q.source {
                each(Field::Quote, Text(source));
            }
        }
    }
}

/// The fields of a document, in slot order. A made-up text (an item's id, a figure's value) is owned.
pub fn fields(b: &Briefing, target: Target) -> Vec<(Field, Cow<'_, str>)> {
    let mut out = Vec::new();
    let mut scratch = String::new();
    each_field(b, target, |field, text| {
        let text = match text {
            FieldText::Text(text) => Cow::Borrowed(text),
            made => Cow::Owned(made.resolve(&b.id, &mut scratch).to_string()),
        };
        out.push((field, text));
    });
    out
}

/// Every document of a briefing: its overview, then its items in document order.
fn targets(b: &Briefing) -> impl Iterator<Item = Target> + '_ {
    std::iter::once(Target::Overview).chain(b.items().map(|(_, item)| Target::Item(item)))
}

// ---------------------------------------------------------------------------------------------------
// Tokens

/// A token of a field: its position, byte range and term. A number yields its written value as the term
/// and, when a scale word follows ("1.6 million") or it is spelled out ("two"), a second token with the
/// full value at the same position.
struct Token<'t> {
    position: u32,
    range: Range<usize>,
    term: &'t str,
}

/// The value of a number written as a word: the shared number words, "twice", and "hundred" alone.
fn spelled_number(word: &str) -> Option<f64> {
    number_word(word).or(match word {
        "twice" => Some(2.0),
        "hundred" => Some(100.0),
        _ => None,
    })
}

/// The value of a number as written with digits ("1,000,000", "1.6"), if it is one.
fn digits_value(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit())
        || !word.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if let Some(whole) = plain_integer(word) {
        return Some(whole as f64);
    }
    let plain: String = word.chars().filter(|&c| c != ',').collect();
    plain.parse().ok()
}

/// A number of at most 15 digits, without separators or leading zeros: one that an `f64` holds exactly
/// and whose canonical term (see [`value_term`]) is the word itself.
fn plain_integer(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let plain = !bytes.is_empty()
        && bytes.len() <= 15
        && (bytes.len() == 1 || bytes[0] != b'0')
        && bytes.iter().all(u8::is_ascii_digit);
    plain.then(|| bytes.iter().fold(0, |n, &d| n * 10 + u64::from(d - b'0')))
}

/// The canonical term of a value: the same for "1,000,000", "1000000" and "a million".
fn value_term(value: f64, out: &mut String) {
    use std::fmt::Write;
    out.clear();
    let _ = write!(out, "{value}");
}

/// What a word yields by itself; how numbers and scale words combine is [`tokenize_with`]'s business.
#[derive(Debug, Clone, Copy)]
struct WordTerms<T> {
    /// Its term: the stem, or a number's canonical value.
    main: T,
    /// A number spelled out ("two") also stands for its value.
    spelled: Option<T>,
    /// The value a scale word after it multiplies: a number's, or 1 for "a".
    value: Option<f64>,
    /// The multiplier it stands for, if it is a scale word.
    scale: Option<f64>,
}

/// The terms of a word, each made into a `T` by `term` (`scratch` holds a value's term while it is made).
fn word_terms<T>(folded: &str, scratch: &mut String, mut term: impl FnMut(&str) -> T) -> WordTerms<T> {
    let number = digits_value(folded);
    let main = match number {
        // A plain integer is its own canonical term: no need to format its value again.
        Some(_) if plain_integer(folded).is_some() => term(folded),
        Some(value) => {
            value_term(value, scratch);
            term(scratch)
        }
        None => term(stem(folded)),
    };
    let spelled_value = spelled_number(folded);
    let spelled = spelled_value.map(|value| {
        value_term(value, scratch);
        term(scratch)
    });
    let value = number.or(spelled_value).or_else(|| (folded == "a").then_some(1.0));
    WordTerms { main, spelled, value, scale: scale_word(folded) }
}

/// Where the terms of words come from: made afresh, or looked up once per distinct word (the index).
trait Terms {
    type Term: Copy;
    fn word(&mut self, folded: &str) -> WordTerms<Self::Term>;
    /// The term of a value ("1.6 million" → 1600000).
    fn value(&mut self, value: f64) -> Self::Term;
}

/// Tokenises `text`, calling `each` with the position, byte range and term of every token in order. A
/// number yields its written value and, when a scale word follows ("1.6 million"), a second token with
/// the full value at the same position.
fn tokenize_with<L: Terms>(
    text: &str,
    scanner: &mut WordScanner,
    terms: &mut L,
    mut each: impl FnMut(u32, Range<usize>, L::Term),
) {
    let mut position = 0u32;
    // The value and range of the previous word when it was a number, "a" or "one" (a scale may follow).
    let mut previous: Option<(f64, Range<usize>, u32)> = None;
    scanner.scan(text, |range, folded| {
        let word = terms.word(folded);
        if let (Some(scale), Some((value, prev_range, prev_position))) = (word.scale, previous.take()) {
            let scaled = terms.value(value * scale);
            each(prev_position, prev_range.start..range.end, scaled);
        }
        each(position, range.clone(), word.main);
        if let Some(spelled) = word.spelled {
            each(position, range.clone(), spelled);
        }
        previous = word.value.map(|v| (v, range, position));
        position += 1;
    });
}

/// Terms as strings, numbered in the order they are made (for the few texts a query looks at).
#[derive(Default)]
struct Written {
    terms: Vec<String>,
    scratch: String,
}

impl Written {
    fn add(terms: &mut Vec<String>, term: &str) -> usize {
        terms.push(term.to_string());
        terms.len() - 1
    }
}

impl Terms for Written {
    type Term = usize;

    fn word(&mut self, folded: &str) -> WordTerms<usize> {
        word_terms(folded, &mut self.scratch, |t| Written::add(&mut self.terms, t))
    }

    fn value(&mut self, value: f64) -> usize {
        value_term(value, &mut self.scratch);
        Written::add(&mut self.terms, &self.scratch)
    }
}

/// Tokenises `text`, calling `each` for every token in order (see [`tokenize_with`]).
fn tokenize(text: &str, mut each: impl FnMut(Token<'_>)) {
    let mut written = Written::default();
    let mut tokens: Vec<(u32, Range<usize>, usize)> = Vec::new();
    tokenize_with(text, &mut WordScanner::default(), &mut written, |position, range, term| {
        tokens.push((position, range, term))
    });
    for (position, range, term) in tokens {
        each(Token { position, range, term: &written.terms[term] });
    }
}

/// A position of a tokenised text: the bytes its tokens cover and its terms (a number has two).
struct Position {
    range: Range<usize>,
    terms: Vec<String>,
}

/// The positions of a text, in order.
fn positioned(text: &str) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::new();
    tokenize(text, |t| {
        let at = t.position as usize;
        if out.len() <= at {
            out.push(Position { range: t.range.clone(), terms: Vec::new() });
        }
        let p = &mut out[at];
        p.range = p.range.start.min(t.range.start)..p.range.end.max(t.range.end);
        p.terms.push(t.term.to_string());
    });
    out
}

/// Positions without their terms, for [`position_spans`]: no term is written out.
struct Untermed(String);

impl Terms for Untermed {
    type Term = ();

    fn word(&mut self, folded: &str) -> WordTerms<()> {
        word_terms(folded, &mut self.0, |_| ())
    }

    fn value(&mut self, _: f64) {}
}

/// The bytes each position of a text covers, in order (what [`positioned`] gives, without the terms).
fn position_spans(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    tokenize_with(text, &mut WordScanner::default(), &mut Untermed(String::new()), |position, range, ()| {
        match out.get_mut(position as usize) {
            Some(span) => *span = span.start.min(range.start)..span.end.max(range.end),
            None => out.push(range),
        }
    });
    out
}

/// The terms of a text, one list of alternatives per position.
fn positions(text: &str) -> Vec<Vec<String>> {
    positioned(text).into_iter().map(|p| p.terms).collect()
}

// ---------------------------------------------------------------------------------------------------
// Index

/// An occurrence of a term: a field (numbered across the whole index, in document order) and the
/// term's position in it. Sorting postings by slot sorts them by document, then field, then position.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct Posting {
    slot: u32,
    position: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct Document {
    briefing: u32,
    /// The target, packed by [`pack_target`].
    target: u32,
    /// This document's first slot.
    first_slot: u32,
}

/// Item kind in the top three bits, item index below.
fn pack_target(target: Target) -> u32 {
    const INDEX: usize = (1 << 29) - 1;
    let (kind, index) = match target {
        Target::Overview => (0, 0),
        Target::Item(ItemRef::Actor(i)) => (1, i),
        Target::Item(ItemRef::Figure(i)) => (2, i),
        Target::Item(ItemRef::Claim(i)) => (3, i),
        Target::Item(ItemRef::Question(i)) => (4, i),
    };
    (kind << 29) | index.min(INDEX) as u32
}

fn unpack_target(packed: u32) -> Target {
    let index = (packed & ((1 << 29) - 1)) as usize;
    match packed >> 29 {
        1 => Target::Item(ItemRef::Actor(index)),
        2 => Target::Item(ItemRef::Figure(index)),
        3 => Target::Item(ItemRef::Claim(index)),
        4 => Target::Item(ItemRef::Question(index)),
        _ => Target::Overview,
    }
}

/// A slot's field kind (low four bits) and its document's target kind (the three above), all a scope
/// needs to decide whether a match there counts.
fn slot_class(field: Field, target: Target) -> u8 {
    (field.kind() as u8) | (((pack_target(target) >> 29) as u8) << 4)
}

/// Terms of the `id` field are kept apart, under this prefix: ids are searched only with `id:`, so an
/// unscoped query never has to look at which field a posting is in.
const ID_TERM: char = '\u{1}';

/// The inverted index of a folder's briefings. Build it with [`SearchIndex::build`]; rebuild it when the
/// folder changes (cheap: see docs/performance.md). The cache (`crate::cache`) stores it and reads it back
/// in place.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Every term, sorted, concatenated; term `t` ends at `term_ends[t]`.
    pub(crate) term_text: Column<u8>,
    pub(crate) term_ends: Column<u32>,
    /// Postings of each term, sorted.
    pub(crate) postings: PostingLists,
    pub(crate) documents: Column<Document>,
    /// Per slot: its document, its [`slot_class`], and its BM25F weight (field weight over the
    /// normalised length of the field).
    pub(crate) slot_document: Column<u32>,
    pub(crate) slot_class: Column<u8>,
    pub(crate) slot_norm: Column<f32>,
    /// Normalised actor spelling → every spelling of the actors it names, for alias expansion.
    pub(crate) spellings: foldhash::HashMap<String, Vec<String>>,
    pub(crate) longest_spelling: usize,
    /// Set when a posting list read from a cache file does not match its checksum (it is then read as
    /// empty): the results of that query cannot be trusted.
    pub(crate) corrupt: AtomicBool,
    /// How many documents the whole folder has, when this index holds only some of its briefings (a
    /// scan's: see [`scan`]): what a term's rarity is measured against. `None`: the index's own.
    pub(crate) folder_documents: Option<usize>,
}

/// The posting lists of every term, in term order: built in memory (list `t` is `all[ends[t - 1]..ends[t]]`),
/// or stored in the cache file, delta-coded ([`encode_postings`]; list `t` is the bytes
/// `ends[t - 1]..ends[t]` of the range `at`), each with a checksum verified when the list is read.
#[derive(Debug)]
pub(crate) enum PostingLists {
    Built { ends: Column<u64>, all: Column<Posting> },
    Stored { file: Arc<CacheFile>, at: Range<usize>, ends: Column<u64>, hashes: Column<u64> },
}

impl Default for PostingLists {
    fn default() -> Self {
        PostingLists::Built { ends: Column::default(), all: Column::default() }
    }
}

impl PostingLists {
    fn ends(&self) -> &[u64] {
        match self {
            PostingLists::Built { ends, .. } | PostingLists::Stored { ends, .. } => ends,
        }
    }
}

/// Appends `list` to `out`, delta-coded: per posting, the slot's distance from the previous posting's
/// slot, then the position (its distance from the previous position in the same slot), as LEB128 varints.
pub(crate) fn encode_postings(list: &[Posting], out: &mut Vec<u8>) {
    let mut previous = Posting { slot: 0, position: 0 };
    for p in list {
        let slot_step = p.slot - previous.slot;
        let position = if slot_step == 0 { p.position - previous.position } else { p.position };
        put_varint(out, slot_step);
        put_varint(out, position);
        previous = *p;
    }
}

/// The list [`encode_postings`] wrote, or `None` if the bytes are not such a list.
fn decode_postings(bytes: &[u8]) -> Option<Vec<Posting>> {
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut previous = Posting { slot: 0, position: 0 };
    let mut at = 0;
    while at < bytes.len() {
        let slot_step = varint(bytes, &mut at)?;
        let position = varint(bytes, &mut at)?;
        let slot = previous.slot.checked_add(slot_step)?;
        let position = if slot_step == 0 { previous.position.checked_add(position)? } else { position };
        previous = Posting { slot, position };
        out.push(previous);
    }
    Some(out)
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(crate) fn varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return (shift < 28 || byte < 0x10).then_some(value);
        }
    }
    None
}

impl SearchIndex {
    pub fn build(briefings: &[&Briefing], registry: &Registry) -> SearchIndex {
        let mut index = SearchIndex::build_text(briefings);
        index.expand_aliases(registry);
        index
    }

    /// The index of the text alone, without alias expansion: it does not need the actor registry, so
    /// `engine::build` makes the registry meanwhile.
    pub(crate) fn build_text(briefings: &[&Briefing]) -> SearchIndex {
        SearchIndex::build_text_among(briefings, None, None)
    }

    /// [`SearchIndex::build_text`]; with `folder`, of some briefings of a folder, ranked as in the index of
    /// the whole folder (its number of documents and its fields' average lengths).
    /// Only the terms `keep` keeps (all without it) get posting lists; fields keep their lengths.
    fn build_text_among(
        briefings: &[&Briefing],
        folder: Option<&scan::FolderStats>,
        keep: Option<&scan::TermFilter>,
    ) -> SearchIndex {
        // Two halves on two threads, then merged: the machine this runs on has two cores.
        let middle = briefings.len() / 2;
        let (first, second) = if briefings.len() < 64 {
            (Partial::build(briefings, 0, keep), Partial::default())
        } else {
            std::thread::scope(|scope| {
                let second = scope.spawn(|| Partial::build(&briefings[middle..], middle, keep));
                let first = Partial::build(&briefings[..middle], 0, keep);
                match second.join() {
                    Ok(second) => (first, second),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            })
        };
        Partial::merge(first, second, folder)
    }

    /// Records every spelling of each actor of `registry`, so that a query naming one finds the others.
    pub(crate) fn expand_aliases(&mut self, registry: &Registry) {
        for group in &registry.groups {
            for spelling in &group.spellings {
                let key = normalize_name(spelling);
                self.longest_spelling = self.longest_spelling.max(key.split(' ').count());
                let entry = self.spellings.entry(key).or_default();
                for other in &group.spellings {
                    if !entry.contains(other) {
                        entry.push(other.clone());
                    }
                }
            }
        }
    }

    /// Number of documents (overviews and items) indexed.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    fn term_count(&self) -> usize {
        self.term_ends.len()
    }

    fn term(&self, id: usize) -> &[u8] {
        let start = if id == 0 { 0 } else { self.term_ends[id - 1] as usize };
        self.term_text.get(start..self.term_ends[id] as usize).unwrap_or(&[])
    }

    /// The postings of a term.
    fn list(&self, term: usize) -> Cow<'_, [Posting]> {
        self.lists(term..term + 1).pop().unwrap_or_default()
    }

    /// The postings of each of a run of terms (a prefix matches a run): stored lists are read in one go.
    fn lists(&self, terms: Range<usize>) -> Vec<Cow<'_, [Posting]>> {
        let ends = self.postings.ends();
        let start_of = |t: usize| if t == 0 { 0 } else { ends[t - 1] as usize };
        match &self.postings {
            PostingLists::Built { all, .. } => {
                terms.map(|t| Cow::Borrowed(all.get(start_of(t)..ends[t] as usize).unwrap_or(&[]))).collect()
            }
            PostingLists::Stored { file, at, hashes, .. } => {
                if terms.is_empty() {
                    return Vec::new();
                }
                let first = start_of(terms.start);
                let bytes = file.read(at.start + first..at.start + ends[terms.end - 1] as usize);
                terms
                    .map(|t| {
                        let list = bytes
                            .as_deref()
                            .and_then(|b| b.get(start_of(t) - first..ends[t] as usize - first))
                            .filter(|b| hashes.get(t) == Some(&hash_bytes(b)))
                            .and_then(decode_postings);
                        Cow::Owned(list.unwrap_or_else(|| {
                            self.corrupt.store(true, std::sync::atomic::Ordering::Relaxed);
                            Vec::new()
                        }))
                    })
                    .collect()
            }
        }
    }

    /// Whether the arrays fit together (lengths, term and list boundaries, documents within the slots and
    /// briefings): checked once when an index is read from a cache file, so that queries cannot index
    /// out of bounds.
    pub(crate) fn is_consistent(&self, briefings: usize) -> bool {
        let terms = self.term_count();
        let ascending = |ends: &[u64], limit: usize| {
            ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e as usize <= limit)
        };
        let term_ends: Vec<u64> = self.term_ends.iter().map(|&e| u64::from(e)).collect();
        let lists = match &self.postings {
            PostingLists::Built { ends, all } => ends.len() == terms && ascending(ends, all.len()),
            PostingLists::Stored { at, ends, hashes, .. } => {
                ends.len() == terms && hashes.len() == terms && ascending(ends, at.len())
            }
        };
        let slots = self.slot_document.len();
        lists
            && ascending(&term_ends, self.term_text.len())
            && self.slot_class.len() == slots
            && self.slot_norm.len() == slots
            && self.slot_document.last().is_none_or(|&d| (d as usize) < self.documents.len())
            && self
                .documents
                .iter()
                .all(|d| (d.first_slot as usize) <= slots && (d.briefing as usize) < briefings)
    }

    /// Whether a posting list read from a cache file failed its checksum since the index was opened.
    pub(crate) fn found_corrupt(&self) -> bool {
        self.corrupt.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Every posting list, each with its checksum, in term order: what the cache stores.
    pub(crate) fn each_list(&self, mut each: impl FnMut(&[Posting])) {
        (0..self.term_count()).for_each(|t| each(&self.list(t)));
    }
}

/// The terms of a run of briefings, numbered as first met, with the terms of every distinct word kept
/// so that a word costs one lookup however often it occurs. Words of `id` fields have their own terms.
#[derive(Default)]
struct Lexicon {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    words: WordMap<WordTerms<u32>>,
    id_words: WordMap<WordTerms<u32>>,
    /// Whether the field being read is an `id` field.
    id_field: bool,
    /// When set, the only terms that get an id; the others get [`SKIPPED`].
    keep: Option<scan::TermFilter>,
    scratch: String,
    prefixed: String,
}

impl Lexicon {
    fn with_capacity(words: usize) -> Lexicon {
        Lexicon { ids: HashMap::with_capacity(words), ..Lexicon::default() }
    }

    fn id(ids: &mut HashMap<Box<str>, u32>, names: &mut Vec<Box<str>>, term: &str) -> u32 {
        if let Some(&id) = ids.get(term) {
            return id;
        }
        let id = names.len() as u32;
        names.push(term.into());
        ids.insert(term.into(), id);
        id
    }

    /// The id of a term, under the id prefix when an `id` field is being read.
    fn term(&mut self, term: &str) -> u32 {
        Lexicon::term_in(
            &mut self.ids,
            &mut self.names,
            &mut self.prefixed,
            self.id_field,
            self.keep.as_ref(),
            term,
        )
    }

    fn term_in(
        ids: &mut HashMap<Box<str>, u32>,
        names: &mut Vec<Box<str>>,
        prefixed: &mut String,
        id_field: bool,
        keep: Option<&scan::TermFilter>,
        term: &str,
    ) -> u32 {
        if keep.is_some_and(|keep| !keep.keeps(term)) {
            return SKIPPED;
        }
        if !id_field {
            return Lexicon::id(ids, names, term);
        }
        prefixed.clear();
        prefixed.push(ID_TERM);
        prefixed.push_str(term);
        Lexicon::id(ids, names, prefixed)
    }
}

impl Terms for Lexicon {
    type Term = u32;

    fn word(&mut self, folded: &str) -> WordTerms<u32> {
        let Lexicon { ids, names, words, id_words, id_field, keep, scratch, prefixed } = self;
        let words = if *id_field { id_words } else { words };
        *words.get_or_insert_with(folded, || {
            word_terms(folded, scratch, |t| {
                Lexicon::term_in(ids, names, prefixed, *id_field, keep.as_ref(), t)
            })
        })
    }

    fn value(&mut self, value: f64) -> u32 {
        let mut scratch = std::mem::take(&mut self.scratch);
        value_term(value, &mut scratch);
        let id = self.term(&scratch);
        self.scratch = scratch;
        id
    }
}

/// The id of a term an index does not keep (see [`Lexicon::keep`]).
const SKIPPED: u32 = u32::MAX;

/// The index of a contiguous run of briefings, built on one thread: its postings in the order they were
/// made, each as its term and position; the slot is implicit (`slot_ends`).
#[derive(Default)]
struct Partial {
    lexicon: Lexicon,
    posting_terms: Vec<u32>,
    positions: Vec<u32>,
    /// Per slot, how many postings were made up to its end.
    slot_ends: Vec<u32>,
    documents: Vec<Document>,
    slot_document: Vec<u32>,
    slot_class: Vec<u8>,
    slot_length: Vec<u32>,
}

impl Partial {
    fn build(briefings: &[&Briefing], first_briefing: usize, keep: Option<&scan::TermFilter>) -> Partial {
        let mut p = Partial::with_capacity_for(briefings);
        p.lexicon.keep = keep.cloned();
        let mut scratch = String::new();
        let mut scanner = WordScanner::default();
        for (offset, b) in briefings.iter().enumerate() {
            for target in targets(b) {
                let doc = p.documents.len() as u32;
                p.documents.push(Document {
                    briefing: (first_briefing + offset) as u32,
                    target: pack_target(target),
                    first_slot: p.slot_document.len() as u32,
                });
                each_field(b, target, |field, text| {
                    let mut length = 0;
                    p.lexicon.id_field = field == Field::Id;
                    let (terms, positions) = (&mut p.posting_terms, &mut p.positions);
                    let text = text.resolve(&b.id, &mut scratch);
                    tokenize_with(text, &mut scanner, &mut p.lexicon, |position, _, term| {
                        length = position + 1;
                        if term != SKIPPED {
                            terms.push(term);
                            positions.push(position);
                        }
                    });
                    p.slot_ends.push(p.posting_terms.len() as u32);
                    p.slot_document.push(doc);
                    p.slot_class.push(slot_class(field, target));
                    p.slot_length.push(length);
                });
            }
        }
        p
    }

    /// An empty partial with room for the documents and slots of `briefings` and an estimate of their
    /// postings (a word per four bytes of text, more than most text has), so that the buffers are not
    /// copied as they grow.
    fn with_capacity_for(briefings: &[&Briefing]) -> Partial {
        let (mut documents, mut slots, mut bytes) = (0, 0, 0);
        for b in briefings {
            for target in targets(b) {
                documents += 1;
                each_field(b, target, |_, text| {
                    slots += 1;
                    bytes += match text {
                        FieldText::Text(text) | FieldText::Id(text) => text.len(),
                        FieldText::Value(_) => 8,
                    };
                });
            }
        }
        let postings = bytes / 4;
        Partial {
            lexicon: Lexicon::with_capacity(1 << 14),
            posting_terms: Vec::with_capacity(postings),
            positions: Vec::with_capacity(postings),
            slot_ends: Vec::with_capacity(slots),
            documents: Vec::with_capacity(documents),
            slot_document: Vec::with_capacity(slots),
            slot_class: Vec::with_capacity(slots),
            slot_length: Vec::with_capacity(slots),
        }
    }

    /// Writes this partial's postings, in the order they were made, into `lists` (by global term id),
    /// each list's slice advancing as it is filled.
    fn scatter(&self, global: &[u32], slot_offset: u32, lists: &mut [&mut [Posting]]) {
        let mut token = 0;
        for (slot, &end) in self.slot_ends.iter().enumerate() {
            let slot = slot as u32 + slot_offset;
            for k in token..end as usize {
                let list = &mut lists[global[self.posting_terms[k] as usize] as usize];
                if let Some((head, tail)) = std::mem::take(list).split_first_mut() {
                    *head = Posting { slot, position: self.positions[k] };
                    *list = tail;
                }
            }
            token = end as usize;
        }
    }

    /// The index of `first` followed by `second` (the briefings after it): terms sorted, and the postings
    /// of each term gathered in the order they were made, `first`'s before `second`'s.
    fn merge(first: Partial, second: Partial, folder: Option<&scan::FolderStats>) -> SearchIndex {
        let doc_offset = first.documents.len() as u32;
        let slot_offset = first.slot_document.len() as u32;
        // Every term once: `first`'s, then those only `second` has.
        let mut names: Vec<&str> = first.lexicon.names.iter().map(AsRef::as_ref).collect();
        let second_ids: Vec<u32> = second
            .lexicon
            .names
            .iter()
            .map(|term| match first.lexicon.ids.get(term) {
                Some(&id) => id,
                None => {
                    names.push(term);
                    names.len() as u32 - 1
                }
            })
            .collect();
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by_key(|&t| names[t as usize]);
        let mut rank = vec![0u32; names.len()];
        let mut term_text = Vec::with_capacity(names.iter().map(|t| t.len()).sum());
        let mut term_ends = Vec::with_capacity(names.len());
        for (sorted, &t) in order.iter().enumerate() {
            rank[t as usize] = sorted as u32;
            term_text.extend_from_slice(names[t as usize].as_bytes());
            term_ends.push(term_text.len() as u32);
        }
        let first_terms: Vec<u32> = (0..first.lexicon.names.len()).map(|t| rank[t]).collect();
        let second_terms: Vec<u32> = second_ids.iter().map(|&t| rank[t as usize]).collect();

        // A counting sort by term, which keeps each term's postings in the order they were made: each
        // term's list is cut in two, `first`'s part and `second`'s, and each half is written on its own
        // thread.
        let count = |partial: &Partial, global: &[u32]| {
            let mut counts = vec![0u32; names.len()];
            partial.posting_terms.iter().for_each(|&t| counts[global[t as usize] as usize] += 1);
            counts
        };
        let (first_counts, second_counts) = (count(&first, &first_terms), count(&second, &second_terms));
        let mut all = vec![Posting { slot: 0, position: 0 }; first.positions.len() + second.positions.len()];
        let mut ends = Vec::with_capacity(names.len());
        let (mut first_lists, mut second_lists) =
            (Vec::with_capacity(names.len()), Vec::with_capacity(names.len()));
        let mut rest: &mut [Posting] = &mut all;
        let mut end = 0u64;
        for (&a, &b) in first_counts.iter().zip(&second_counts) {
            let (list, after) = std::mem::take(&mut rest).split_at_mut((a + b) as usize);
            let (mine, theirs) = list.split_at_mut(a as usize);
            first_lists.push(mine);
            second_lists.push(theirs);
            rest = after;
            end += u64::from(a + b);
            ends.push(end);
        }
        std::thread::scope(|scope| {
            scope.spawn(|| first.scatter(&first_terms, 0, &mut first_lists));
            second.scatter(&second_terms, slot_offset, &mut second_lists);
        });

        let mut documents = first.documents;
        documents.extend(
            second.documents.into_iter().map(|d| Document { first_slot: d.first_slot + slot_offset, ..d }),
        );
        let mut slot_document = first.slot_document;
        slot_document.extend(second.slot_document.into_iter().map(|d| d + doc_offset));
        let mut slot_class = first.slot_class;
        slot_class.extend(second.slot_class);
        let mut slot_length = first.slot_length;
        slot_length.extend(second.slot_length);
        let average =
            folder.map_or_else(|| average_lengths(&slot_class, &slot_length), |f| f.average_lengths());
        SearchIndex {
            term_text: term_text.into(),
            term_ends: term_ends.into(),
            postings: PostingLists::Built { ends: ends.into(), all: all.into() },
            documents: documents.into(),
            slot_document: slot_document.into(),
            slot_norm: norms(&slot_class, &slot_length, &average).into(),
            slot_class: slot_class.into(),
            folder_documents: folder.map(|f| f.documents),
            ..SearchIndex::default()
        }
    }
}

/// The average length of the fields of each kind (1 for a kind with no field).
fn average_lengths(classes: &[u8], lengths: &[u32]) -> [f32; FIELD_KINDS] {
    let mut totals = [0u64; FIELD_KINDS];
    let mut counts = [0u64; FIELD_KINDS];
    for (&class, &length) in classes.iter().zip(lengths) {
        let kind = usize::from(class & 0xf);
        totals[kind] += u64::from(length);
        counts[kind] += 1;
    }
    averages_of(&totals, &counts)
}

/// Per kind, the total length over the count of fields (exact in `f64`: both are integers below 2^53).
fn averages_of(totals: &[u64; FIELD_KINDS], counts: &[u64; FIELD_KINDS]) -> [f32; FIELD_KINDS] {
    let mut average = [1f32; FIELD_KINDS];
    for k in 0..FIELD_KINDS {
        if counts[k] > 0 {
            average[k] = (totals[k] as f64 / counts[k] as f64) as f32;
        }
    }
    average
}

/// The BM25F weight of a match in each slot: the field's weight over its length relative to the
/// average length of fields of its kind.
fn norms(classes: &[u8], lengths: &[u32], average: &[f32; FIELD_KINDS]) -> Vec<f32> {
    classes
        .iter()
        .zip(lengths)
        .map(|(&class, &length)| {
            let kind = usize::from(class & 0xf);
            let relative = length as f32 / average[kind];
            FIELD_WEIGHTS[kind] / (1.0 - B + B * relative)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------
// Queries

/// Where a query term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Actor,
    Claim,
    Figure,
    Question,
    Tag,
    Outlet,
    Id,
}

impl Scope {
    const NAMED: [(&'static str, Scope); 7] = [
        ("actor", Scope::Actor),
        ("claim", Scope::Claim),
        ("figure", Scope::Figure),
        ("question", Scope::Question),
        ("tag", Scope::Tag),
        ("outlet", Scope::Outlet),
        ("id", Scope::Id),
    ];

    /// Which slot classes (see [`slot_class`]) the scope lets a match count in.
    fn allowed_classes(self) -> [bool; 128] {
        let mut allowed = [false; 128];
        let targets = [
            Target::Overview,
            Target::Item(ItemRef::Actor(0)),
            Target::Item(ItemRef::Figure(0)),
            Target::Item(ItemRef::Claim(0)),
            Target::Item(ItemRef::Question(0)),
        ];
        for target in targets {
            for field in FIELDS_BY_KIND {
                allowed[usize::from(slot_class(field, target))] = self.allows(target, field);
            }
        }
        allowed
    }

    fn allows(self, target: Target, field: Field) -> bool {
        let item = |kind: fn(ItemRef) -> bool| matches!(target, Target::Item(i) if kind(i));
        match self {
            // Ids are not prose: they match only when asked for, or every item of "blinken-seoul" would
            // match "blinken".
            Scope::Anywhere => field != Field::Id,
            Scope::Actor => {
                (item(|i| matches!(i, ItemRef::Actor(_))) && field != Field::Id) || field == Field::Claimant
            }
            Scope::Claim => {
                item(|i| matches!(i, ItemRef::Claim(_))) && matches!(field, Field::Text | Field::Quote)
            }
            Scope::Figure => item(|i| matches!(i, ItemRef::Figure(_))) && field != Field::Id,
            Scope::Question => item(|i| matches!(i, ItemRef::Question(_))) && field != Field::Id,
            Scope::Tag => matches!(field, Field::Tag(_)),
            Scope::Outlet => field == Field::Outlet,
            Scope::Id => field == Field::Id,
        }
    }
}

/// One term of a query, as the user wrote it and as it will be matched.
#[derive(Debug, Clone, PartialEq)]
struct Clause {
    scope: Scope,
    excluded: bool,
    /// Alternatives (an actor's spellings); each a sequence of positions, each position a set of terms.
    patterns: Vec<Vec<Vec<Term>>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Term {
    Exact(String),
    Prefix(String),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    clauses: Vec<Clause>,
}

/// Why a query could not be parsed; `column` counts characters from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for QueryError {}

/// A piece of the query text before words are grouped: a word or a quoted phrase with its modifiers.
struct Piece<'q> {
    scope: Scope,
    excluded: bool,
    quoted: bool,
    text: &'q str,
}

fn lex(query: &str) -> Result<Vec<Piece<'_>>, QueryError> {
    let column = |byte: usize| query[..byte].chars().count() + 1;
    let mut pieces = Vec::new();
    let mut rest = query.char_indices().peekable();
    while let Some(&(start, c)) = rest.peek() {
        if c.is_whitespace() {
            rest.next();
            continue;
        }
        // A piece runs to the next whitespace outside quotes.
        let mut end = query.len();
        let mut in_quotes = false;
        let mut quote_at = 0;
        for (i, c) in rest.by_ref() {
            if c == '"' {
                in_quotes = !in_quotes;
                quote_at = i;
            } else if c.is_whitespace() && !in_quotes {
                end = i;
                break;
            }
        }
        if in_quotes {
            return Err(QueryError {
                column: column(quote_at),
                message: "this quote is never closed".into(),
            });
        }
        let mut text = &query[start..end];
        let excluded = text.len() > 1 && text.starts_with('-');
        if excluded {
            text = &text[1..];
        }
        let mut scope = Scope::Anywhere;
        if let Some((name, value)) = text.split_once(':')
            && !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphabetic())
        {
            scope =
                Scope::NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(_, s)| s).ok_or_else(
                    || QueryError {
                        column: column(start),
                        message: format!(
                            "unknown scope `{name}:`; scopes are {}",
                            Scope::NAMED.map(|(n, _)| format!("{n}:")).join(" ")
                        ),
                    },
                )?;
            if value.is_empty() {
                return Err(QueryError {
                    column: column(start),
                    message: format!("`{name}:` needs a word or a \"phrase\" after it"),
                });
            }
            text = value;
        }
        let quoted = text.len() >= 2 && text.starts_with('"') && text.ends_with('"');
        let text = if quoted { &text[1..text.len() - 1] } else { text.trim_matches('"') };
        pieces.push(Piece { scope, excluded, quoted, text });
    }
    Ok(pieces)
}

impl SearchIndex {
    /// Parses a query against this index (actor spellings come from the folder).
    pub fn parse(&self, query: &str) -> Result<Query, QueryError> {
        let pieces = lex(query)?;
        let mut clauses = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            let piece = &pieces[i];
            if piece.quoted {
                let pattern = Self::pattern(piece.text, false);
                if !pattern.is_empty() {
                    clauses.push(Clause {
                        scope: piece.scope,
                        excluded: piece.excluded,
                        patterns: vec![pattern],
                    });
                }
                i += 1;
                continue;
            }
            // Consecutive plain words with the same modifiers may spell an actor ("Kim Jong-Un") or a number
            // with its scale ("1.6 million"): try the longest run first.
            let same = |p: &Piece<'_>| !p.quoted && p.scope == piece.scope && p.excluded == piece.excluded;
            let run = pieces[i..].iter().take_while(|p| same(p)).count();
            let mut taken = 1;
            for len in (1..=run.min(self.longest_spelling.max(2))).rev() {
                let words: Vec<&str> = pieces[i..i + len].iter().map(|p| p.text).collect();
                let joined = words.join(" ");
                if let Some(spellings) = self.spellings.get(&normalize_name(&joined)) {
                    let mut patterns = vec![Self::pattern(&joined, false)];
                    for spelling in spellings {
                        let pattern = Self::pattern(spelling, false);
                        if !patterns.contains(&pattern) {
                            patterns.push(pattern);
                        }
                    }
                    clauses.push(Clause { scope: piece.scope, excluded: piece.excluded, patterns });
                    taken = len;
                    break;
                }
                if len == 2 && scale_word(&normalize_name(words[1])).is_some() {
                    // "1.6 million", "a million": the first position carries the scaled value last.
                    let first = positions(&joined).into_iter().next().unwrap_or_default();
                    if first.len() >= 2
                        && let Some(value) = first.last()
                    {
                        let patterns = vec![vec![vec![Term::Exact(value.clone())]]];
                        clauses.push(Clause { scope: piece.scope, excluded: piece.excluded, patterns });
                        taken = 2;
                        break;
                    }
                }
                if len == 1 {
                    let prefix = piece.text.ends_with('*');
                    let pattern = Self::pattern(piece.text.trim_end_matches('*'), prefix);
                    if !pattern.is_empty() {
                        clauses.push(Clause {
                            scope: piece.scope,
                            excluded: piece.excluded,
                            patterns: vec![pattern],
                        });
                    }
                }
            }
            i += taken;
        }
        if !clauses.is_empty() && clauses.iter().all(|c| c.excluded) {
            return Err(QueryError {
                column: 1,
                message: "a query needs at least one word to look for, not only -exclusions".into(),
            });
        }
        Ok(Query { clauses })
    }

    /// The positions of a text as query terms; with `prefix`, the last word matches any term it begins.
    fn pattern(text: &str, prefix: bool) -> Vec<Vec<Term>> {
        let mut pattern: Vec<Vec<Term>> = positions(text)
            .into_iter()
            // A number's value token shares its position; in a pattern the written form is enough.
            .filter_map(|alternatives| alternatives.into_iter().next())
            .map(|t| vec![Term::Exact(t)])
            .collect();
        if prefix && let Some(last) = pattern.last_mut() {
            let text = match &last[0] {
                Term::Exact(t) | Term::Prefix(t) => t.clone(),
            };
            // Stemming only shortens a word, so the stem of a typed prefix is still a prefix.
            *last = vec![Term::Prefix(text)];
        }
        pattern
    }
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

/// A match of one query pattern: `length` positions from `position` in one field of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence {
    slot: u32,
    position: u32,
    length: u32,
}

/// A document a clause matched, with the clause's score there and its occurrences.
struct ClauseHit {
    doc: u32,
    score: f32,
    occurrences: Range<usize>,
}

/// A ranked hit: one document (a briefing's overview or one item) and where the query matched it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the briefing in the slice the index was built from.
    pub briefing: usize,
    pub target: Target,
    pub score: f32,
    /// Matched fields in document order, each with the byte ranges of its matches (sorted, disjoint).
    pub matches: Vec<FieldMatch>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldMatch {
    pub field: Field,
    pub ranges: Vec<Range<usize>>,
}

impl Hit {
    /// The match to show: the one in the heaviest field, the claimant only when nothing else matched.
    pub fn best_match(&self) -> Option<&FieldMatch> {
        let rank = |m: &&FieldMatch| if m.field == Field::Claimant { 0.0 } else { m.field.weight() };
        self.matches.iter().max_by(|a, b| rank(a).total_cmp(&rank(b)))
    }

    /// The text to show for the hit, on one line of about `width` columns, with the match ranges moved
    /// into it: for an overview, its best match's field cut around the match; for an item, the item's
    /// own text (see [`own_text`]) with the matches in it, followed, when the words matched only
    /// elsewhere (its quote, its claimant), by that field: "text — quote: …Kirby said."
    pub fn snippet(&self, b: &Briefing, width: usize) -> Option<(String, Vec<Range<usize>>)> {
        let best = self.best_match()?;
        let one_line = |text: &str| text.replace(['\n', '\r', '\t'], " ");
        let field_text =
            || fields(b, self.target).into_iter().find(|(f, _)| *f == best.field).map(|(_, t)| t);
        let Target::Item(item) = self.target else {
            // One byte for one: the ranges stay valid.
            return Some(snippet(&one_line(&field_text()?), &best.ranges, width));
        };
        let (own, places) = own_text(b, item);
        let own = one_line(&own);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for m in &self.matches {
            if let Some(&(_, at)) = places.iter().find(|(f, _)| *f == m.field) {
                ranges.extend(m.ranges.iter().map(|r| r.start + at..r.end + at));
            }
        }
        ranges.sort_by_key(|r| r.start);
        // A number or an id matched: the item's text says what it is.
        if !ranges.is_empty() || matches!(best.field, Field::Value | Field::Id) {
            return Some(snippet(&own, &ranges, width));
        }
        let label = format!(" — {}: ", best.field.name());
        let (tail, tail_ranges) = snippet(&one_line(&field_text()?), &best.ranges, (width / 3).max(24));
        let head_width = width.saturating_sub(columns(&tail) + columns(&label)).max(8);
        let (head, _) = snippet(&own, &[], head_width);
        let shift = head.len() + label.len();
        let ranges = tail_ranges.into_iter().map(|r| r.start + shift..r.end + shift).collect();
        Some((format!("{head}{label}{tail}"), ranges))
    }

    /// The section the hit belongs to, named after its best field for an overview.
    pub fn section(&self) -> &'static str {
        let best = self.matches.iter().map(|m| m.field).max_by(|a, b| a.weight().total_cmp(&b.weight()));
        section(self.target, best.unwrap_or(Field::Title))
    }
}

/// An item's own text as a hit shows it, with where each of its fields that appear in it starts: a
/// figure's words and unit (as [`crate::model::Figure::phrase`] puts them), a claim's or question's
/// text, an actor's name.
fn own_text(b: &Briefing, item: ItemRef) -> (String, Vec<(Field, usize)>) {
    match item {
        ItemRef::Actor(i) => (b.actors[i].name.clone(), vec![(Field::Name, 0)]),
        ItemRef::Figure(i) => {
            let f = &b.figures[i];
            let phrase = f.phrase();
            let mut places = vec![(Field::Figure, 0)];
            if phrase == format!("{} {}", f.text, f.unit) {
                places.push((Field::Unit, f.text.len() + 1));
            } else if phrase == format!("{} ({})", f.text, f.unit) {
                places.push((Field::Unit, f.text.len() + 2));
            }
            (phrase, places)
        }
        ItemRef::Claim(i) => (b.claims[i].text.clone(), vec![(Field::Text, 0)]),
        ItemRef::Question(i) => (b.questions[i].text.clone(), vec![(Field::Text, 0)]),
    }
}

/// The columns a text takes on a terminal.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// The hits of a query: the best `limit`, and how many matched in all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The hits of a query before their match ranges are worked out: the best `limit`, and how many matched
/// in all. [`SearchIndex::resolve`] turns one into a [`Hit`] with the briefing it belongs to, so only the
/// briefings of the hits shown need to be at hand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranking {
    pub hits: Vec<RankedHit>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankedHit {
    /// Index of the briefing in the slice the index was built from.
    pub briefing: usize,
    pub score: f32,
    doc: u32,
    found: Vec<Occurrence>,
}

impl SearchIndex {
    /// Runs a parsed query; `briefings` must be the slice the index was built from.
    pub fn search(&self, briefings: &[&Briefing], query: &Query, limit: usize) -> Results {
        let ranking = self.rank(query, limit);
        let hits = ranking.hits.into_iter().map(|h| self.resolve(briefings[h.briefing], h)).collect();
        Results { hits, total: ranking.total }
    }

    /// Scores every document the query matches and keeps the best `limit`.
    pub fn rank(&self, query: &Query, limit: usize) -> Ranking {
        self.rank_until(query, limit, &|| false).unwrap_or_default()
    }

    /// [`SearchIndex::rank`], given up (`None`) as soon as `stop` says so: it is asked between clauses,
    /// patterns and merge rounds, so that a search nobody waits for any more (the reader's user typed on)
    /// ends within one such step.
    pub fn rank_until(&self, query: &Query, limit: usize, stop: &dyn Fn() -> bool) -> Option<Ranking> {
        let mut occurrences: Vec<Vec<Occurrence>> = Vec::new();
        let mut included: Vec<Vec<ClauseHit>> = Vec::new();
        let mut excluded: Vec<u32> = Vec::new();
        for clause in &query.clauses {
            if stop() {
                return None;
            }
            let found = self.clause_occurrences(clause, stop)?;
            if clause.excluded {
                excluded.extend(found.iter().map(|o| self.slot_document[o.slot as usize]));
            } else {
                included.push(self.score_clause(&found));
                occurrences.push(found);
            }
        }
        if included.is_empty() {
            return Some(Ranking::default());
        }
        excluded.sort_unstable();
        excluded.dedup();
        // Intersect from the rarest clause, so the work follows the smallest list.
        let mut order: Vec<usize> = (0..included.len()).collect();
        order.sort_by_key(|&c| included[c].len());
        let mut candidates: Vec<(u32, f32)> = included[order[0]]
            .iter()
            .filter(|h| excluded.binary_search(&h.doc).is_err())
            .map(|h| (h.doc, h.score))
            .collect();
        for &c in &order[1..] {
            let other = &included[c];
            candidates.retain_mut(|(doc, score)| match other.binary_search_by_key(doc, |h| h.doc) {
                Ok(i) => {
                    *score += other[i].score;
                    true
                }
                Err(_) => false,
            });
        }
        let total = candidates.len();
        // Best first; ties in document order, so results are deterministic.
        let by_rank = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if candidates.len() > limit {
            if limit > 0 {
                candidates.select_nth_unstable_by(limit - 1, by_rank);
            }
            candidates.truncate(limit);
        }
        candidates.sort_unstable_by(by_rank);
        let hits = candidates
            .into_iter()
            .map(|(doc, score)| {
                let mut found: Vec<Occurrence> = Vec::new();
                for (clause, hits) in included.iter().enumerate() {
                    if let Ok(i) = hits.binary_search_by_key(&doc, |h| h.doc) {
                        found.extend_from_slice(&occurrences[clause][hits[i].occurrences.clone()]);
                    }
                }
                let briefing = self.documents[doc as usize].briefing as usize;
                RankedHit { briefing, score, doc, found }
            })
            .collect();
        Some(Ranking { hits, total })
    }

    /// Parses and runs a query in one step.
    pub fn query(&self, briefings: &[&Briefing], query: &str, limit: usize) -> Result<Results, QueryError> {
        Ok(self.search(briefings, &self.parse(query)?, limit))
    }

    /// The ids of the terms a query term matches: a run of the sorted dictionary (one term, or every
    /// term a prefix begins).
    fn term_ids(&self, term: &Term, scope: Scope) -> Range<usize> {
        let mut key = String::new();
        if scope == Scope::Id {
            key.push(ID_TERM);
        }
        let (Term::Exact(t) | Term::Prefix(t)) = term;
        key.push_str(t);
        let key = key.as_bytes();
        let count = self.term_count();
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = (low + high) / 2;
            if self.term(middle) < key {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let start = low;
        let end = match term {
            Term::Exact(_) => start + usize::from(start < count && self.term(start) == key),
            Term::Prefix(_) => (start..count).find(|&t| !self.term(t).starts_with(key)).unwrap_or(count),
        };
        start..end
    }

    /// Postings of any of `terms`, sorted: one list as it is, several merged.
    fn postings_of(
        &self,
        terms: &[Term],
        scope: Scope,
        stop: &dyn Fn() -> bool,
    ) -> Option<Cow<'_, [Posting]>> {
        let lists = terms.iter().flat_map(|t| self.lists(self.term_ids(t, scope)));
        union_all(lists.filter(|l| !l.is_empty()).collect(), stop)
    }

    /// Every occurrence of a clause where its scope allows, sorted; `None` if `stop` said so on the way.
    fn clause_occurrences(&self, clause: &Clause, stop: &dyn Fn() -> bool) -> Option<Vec<Occurrence>> {
        let allowed = clause.scope.allowed_classes();
        let classes: &[u8] = &self.slot_class;
        let mut out: Vec<Occurrence> = Vec::new();
        for pattern in &clause.patterns {
            let Some((first, rest)) = pattern.split_first() else { continue };
            let mut starts = self.postings_of(first, clause.scope, stop)?;
            for (k, terms) in rest.iter().enumerate() {
                if starts.is_empty() {
                    break;
                }
                let next = self.postings_of(terms, clause.scope, stop)?;
                starts = Cow::Owned(followed_by(&starts, &next, k as u32 + 1));
            }
            let length = pattern.len() as u32;
            // Unscoped words match in every field they are in: id terms, the one exception, are apart.
            let anywhere = clause.scope == Scope::Anywhere;
            let found: Vec<Occurrence> = starts
                .iter()
                .filter(|p| {
                    anywhere || classes.get(p.slot as usize).is_some_and(|&c| allowed[usize::from(c & 0x7f)])
                })
                .map(|p| Occurrence { slot: p.slot, position: p.position, length })
                .collect();
            out = if out.is_empty() { found } else { sorted_union(&out, &found) };
        }
        Some(out)
    }

    /// BM25F: per document, field-weighted and length-normalised term frequencies, saturated once.
    fn score_clause(&self, occurrences: &[Occurrence]) -> Vec<ClauseHit> {
        let (slot_document, slot_norm): (&[u32], &[f32]) = (&self.slot_document, &self.slot_norm);
        let mut hits: Vec<ClauseHit> = Vec::new();
        let mut start = 0;
        while start < occurrences.len() {
            let doc = slot_document[occurrences[start].slot as usize];
            let mut weighted = 0.0;
            let mut end = start;
            while end < occurrences.len() {
                let slot = occurrences[end].slot as usize;
                if slot_document[slot] != doc {
                    break;
                }
                weighted += slot_norm[slot];
                end += 1;
            }
            hits.push(ClauseHit {
                doc,
                score: weighted * (K1 + 1.0) / (weighted + K1),
                occurrences: start..end,
            });
            start = end;
        }
        let n = self.folder_documents.unwrap_or(self.documents.len()) as f32;
        let df = hits.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        hits.iter_mut().for_each(|h| h.score *= idf);
        hits
    }

    /// What a ranked hit is: a briefing's overview or one of its items.
    pub fn target(&self, ranked: &RankedHit) -> Target {
        unpack_target(self.documents[ranked.doc as usize].target)
    }

    /// The hit with the byte ranges of its matches; `briefing` is the one the ranked hit names.
    pub fn resolve(&self, briefing: &Briefing, ranked: RankedHit) -> Hit {
        let RankedHit { briefing: index, score, doc, mut found } = ranked;
        let document = self.documents[doc as usize];
        let target = unpack_target(document.target);
        found.sort_unstable();
        let mut matches: Vec<FieldMatch> = Vec::new();
        for (slot, (field, text)) in fields(briefing, target).iter().enumerate() {
            let slot = document.first_slot + slot as u32;
            let here: Vec<&Occurrence> = found.iter().filter(|o| o.slot == slot).collect();
            // Field texts of overviews and items borrow from the briefing; a synthesised one (a figure's
            // value, an item's id) has no place to highlight in what the reader shows.
            if here.is_empty() || matches!(text, Cow::Owned(_)) {
                continue;
            }
            let spans = position_spans(text);
            let mut ranges: Vec<Range<usize>> = here
                .iter()
                .filter_map(|o| {
                    let first = spans.get(o.position as usize)?;
                    let last = spans.get((o.position + o.length - 1) as usize)?;
                    Some(first.start..last.end)
                })
                .collect();
            ranges.sort_by_key(|r| (r.start, r.end));
            matches.push(FieldMatch { field: *field, ranges: merge_ranges(ranges) });
        }
        Hit { briefing: index, target, score, matches }
    }
}

impl Query {
    /// Whether the query has nothing to look for (an empty box).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Byte ranges of `text` that the query's wanted words and phrases match, whatever their scope: what
    /// the reader highlights in any text it shows while a search is active.
    pub fn highlight(&self, text: &str) -> Vec<Range<usize>> {
        let positions = positioned(text);
        let matches = |wanted: &Term, have: &[String]| match wanted {
            Term::Exact(w) => have.iter().any(|h| h == w),
            Term::Prefix(p) => have.iter().any(|h| h.starts_with(p.as_str())),
        };
        let mut out: Vec<Range<usize>> = Vec::new();
        for pattern in self.clauses.iter().filter(|c| !c.excluded).flat_map(|c| &c.patterns) {
            for start in 0..positions.len().saturating_sub(pattern.len().saturating_sub(1)) {
                let all = pattern.iter().enumerate().all(|(k, alternatives)| {
                    alternatives.iter().any(|w| matches(w, &positions[start + k].terms))
                });
                if all && !pattern.is_empty() {
                    out.push(positions[start].range.start..positions[start + pattern.len() - 1].range.end);
                }
            }
        }
        out.sort_by_key(|r| (r.start, r.end));
        merge_ranges(out)
    }
}

/// Sorted ranges with overlapping ones merged.
fn merge_ranges(sorted: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The postings of `starts` that `next` continues `shift` positions later in the same slot (a phrase's
/// first word followed by its next ones), both lists sorted.
fn followed_by(starts: &[Posting], next: &[Posting], shift: u32) -> Vec<Posting> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < starts.len() && j < next.len() {
        let wanted = (starts[i].slot, starts[i].position + shift);
        match wanted.cmp(&(next[j].slot, next[j].position)) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(starts[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The sorted union of sorted lists without repeats, merged in pairs, round by round: each posting is
/// copied once per round and there are log2(lists) rounds, so a prefix that matches 80,000 terms costs
/// 17 copies of its postings. (Merged one after another, the growing union would be copied once per list:
/// quadratic in the number of terms.)
/// `None` if `stop` says so between two rounds.
fn union_all<'a>(mut lists: Vec<Cow<'a, [Posting]>>, stop: &dyn Fn() -> bool) -> Option<Cow<'a, [Posting]>> {
    while lists.len() > 1 {
        if stop() {
            return None;
        }
        let mut round = Vec::with_capacity(lists.len().div_ceil(2));
        let mut pairs = lists.into_iter();
        while let Some(a) = pairs.next() {
            round.push(match pairs.next() {
                Some(b) => Cow::Owned(sorted_union(&a, &b)),
                None => a,
            });
        }
        lists = round;
    }
    Some(lists.pop().unwrap_or(Cow::Borrowed(&[])))
}

/// The sorted union of two sorted lists without repeats.
fn sorted_union<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    #[cfg(test)]
    COPIED.with(|c| c.set(c.get() + out.len()));
    out
}

#[cfg(test)]
thread_local! {
    /// Postings copied by `sorted_union` on this thread: the tests count the merge's work with it.
    static COPIED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A window of `text` about `width` columns wide around its first match, with "…" where it was cut,
/// and the match ranges moved into the window.
pub fn snippet(text: &str, ranges: &[Range<usize>], width: usize) -> (String, Vec<Range<usize>>) {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(8);
    let columns = |s: &str| s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    if columns(text) <= width {
        return (text.to_string(), ranges.to_vec());
    }
    let anchor = ranges.first().map_or(0, |r| r.start);
    // Start a third of the width before the first match, at a word boundary when there is one near.
    let mut start = anchor;
    let mut before = 0;
    for (i, c) in text[..anchor].char_indices().rev() {
        before += c.width().unwrap_or(0);
        if before > width / 3 {
            break;
        }
        start = i;
    }
    if start > 0
        && let Some(space) = text[start..anchor].find(' ')
    {
        start += space + 1;
    }
    let mut end = start;
    let mut used = usize::from(start > 0);
    for (i, c) in text[start..].char_indices() {
        used += c.width().unwrap_or(0);
        if used + 1 > width {
            break;
        }
        end = start + i + c.len_utf8();
    }
    let mut out = String::new();
    let mut shift = -(start as isize);
    if start > 0 {
        out.push('…');
        shift += '…'.len_utf8() as isize;
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    let moved = ranges
        .iter()
        .filter(|r| r.start < end && r.end > start)
        .map(|r| {
            let s = r.start.max(start) as isize + shift;
            let e = r.end.min(end) as isize + shift;
            s as usize..e as usize
        })
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn terms(text: &str) -> Vec<Vec<String>> {
        positions(text)
    }

    #[test]
    fn numbers_are_indexed_as_written_and_by_value() {
        assert_eq!(
            terms("about 1.6 million shells"),
            [vec!["about"], vec!["1.6", "1600000"], vec!["million"], vec!["shell"]]
        );
        assert_eq!(terms("more than a million")[2], ["a", "1000000"]);
        assert_eq!(terms("1,000,000")[0], ["1000000"]);
        assert_eq!(terms("two months’ worth")[0], ["two", "2"]);
        assert_eq!(terms("North Korea’s")[1], ["korea"]);
        // A year is a number like any other; a trailing full stop is not part of it.
        assert_eq!(terms("in 2023.")[1], ["2023"]);
    }

    #[test]
    fn plain_integers_are_their_own_value_term() {
        let mut formatted = String::new();
        for word in ["0", "7", "2023", "1600000", "123456789012345"] {
            value_term(digits_value(word).unwrap(), &mut formatted);
            assert_eq!(plain_integer(word).map(|_| word), Some(formatted.as_str()));
        }
        for word in ["05", "1,000", "1.6", "1234567890123456", ""] {
            assert_eq!(plain_integer(word), None, "{word}");
        }
    }

    #[test]
    fn every_field_kind_has_its_weight_and_class() {
        for (kind, field) in FIELDS_BY_KIND.iter().enumerate() {
            assert_eq!(field.kind(), kind);
        }
        assert_eq!(Field::Title.weight(), 3.0);
        assert_eq!(Field::Quote.weight(), 0.8);
        let target = Target::Item(ItemRef::Claim(7));
        assert_eq!(unpack_target(pack_target(target)), target);
        assert!(Scope::Claim.allowed_classes()[usize::from(slot_class(Field::Quote, target))]);
        assert!(!Scope::Claim.allowed_classes()[usize::from(slot_class(Field::Claimant, target))]);
    }

    fn index_of(toml_text: &str) -> (Briefing, SearchIndex) {
        let b: Briefing = toml::from_str(toml_text).unwrap();
        let index = SearchIndex::build(&[&b], &Registry::build([&b]));
        (b, index)
    }

    const SMALL: &str = r#"
        schema = 1
        id = "small"
        title = "Shells cross the border"
        summary = "Pyongyang sent shells. Nobody else did."
        status = "draft"
        source = { outlet = "Wire" }
        [[actor]]
        id = "nk"
        name = "North Korea"
        kind = "state"
        aliases = ["DPRK", "Pyongyang"]
        [[claim]]
        id = "sent"
        text = "North Korea sent artillery shells"
        claimed_by = "nk"
        stance = "asserts"
        quote = "The DPRK sent artillery shells, and more shells."
    "#;

    #[test]
    fn queries_parse_into_clauses_with_scopes_and_exclusions() {
        let (_, index) = index_of(SMALL);
        let q = index.parse(r#"claim:"artillery shells" -border"#).unwrap();
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].scope, Scope::Claim);
        assert_eq!(q.clauses[0].patterns[0].len(), 2);
        assert!(q.clauses[1].excluded);
        // "North Korea" is an actor: it expands to all its spellings.
        let q = index.parse("north korea").unwrap();
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].patterns.len(), 3);
        assert_eq!(index.parse("").unwrap().clauses.len(), 0);
    }

    #[test]
    fn unparsable_queries_say_where_and_why() {
        let (_, index) = index_of(SMALL);
        let err = index.parse(r#"shells "open"#).unwrap_err();
        assert_eq!(err.to_string(), "column 8: this quote is never closed");
        let err = index.parse("shells who:kim").unwrap_err();
        assert_eq!(err.column, 8);
        assert!(err.message.starts_with("unknown scope `who:`"));
        assert!(index.parse("actor:").unwrap_err().message.contains("needs a word"));
        assert!(index.parse("-shells").unwrap_err().message.contains("not only -exclusions"));
    }

    #[test]
    fn phrases_match_consecutive_words_only_and_report_their_ranges() {
        let (b, index) = index_of(SMALL);
        let results = index.query(&[&b], r#""artillery shells""#, 10).unwrap();
        assert_eq!(results.total, 1);
        let hit = &results.hits[0];
        assert_eq!(hit.target, Target::Item(ItemRef::Claim(0)));
        let quote = &b.claims[0].quote;
        let m = hit.matches.iter().find(|m| m.field == Field::Quote).unwrap();
        assert_eq!(m.ranges.iter().map(|r| &quote[r.clone()]).collect::<Vec<_>>(), ["artillery shells"]);
        assert_eq!(index.query(&[&b], r#""shells artillery""#, 10).unwrap().total, 0);
    }

    #[test]
    fn aliases_exclusions_scopes_and_prefixes() {
        let (b, index) = index_of(SMALL);
        let found = |q: &str| -> Vec<Target> {
            index.query(&[&b], q, 10).unwrap().hits.into_iter().map(|h| h.target).collect()
        };
        // The summary says "Pyongyang", the claim "North Korea" and "DPRK": one actor, found by any name.
        assert_eq!(found("dprk").len(), 3);
        assert_eq!(
            found("shells"),
            [Target::Overview, Target::Item(ItemRef::Claim(0))],
            "a title outranks a claim"
        );
        assert_eq!(found("shells -border"), [Target::Item(ItemRef::Claim(0))], "the title says border");
        assert_eq!(found("claim:shells"), [Target::Item(ItemRef::Claim(0))]);
        assert_eq!(found("outlet:wire"), [Target::Overview]);
        assert_eq!(found("id:small").len(), 3);
        assert_eq!(found("artil*"), [Target::Item(ItemRef::Claim(0))]);
        assert!(found("small").is_empty(), "ids are only searched with id:");
    }

    #[test]
    fn a_prefix_merges_its_lists_at_once_not_one_after_another() {
        // 4,096 distinct words beginning with `z`, one posting each: merging their lists one after another
        // copies the growing union once per list (about 8 million postings copied); merging them in
        // pairs, round by round, copies each posting once per round (12 rounds).
        let words: Vec<String> = (0..4096).map(|i| format!("z{i:x}q")).collect();
        let toml_text = format!(
            "schema = 1\nid = \"many\"\ntitle = \"t\"\nsummary = \"{}\"\nstatus = \"draft\"\n\
             source = {{ outlet = \"Wire\" }}\n",
            words.join(" ")
        );
        let (b, index) = index_of(&toml_text);
        COPIED.with(|c| c.set(0));
        let results = index.query(&[&b], "z*", 10).unwrap();
        let copied = COPIED.with(Cell::get);
        assert_eq!(results.total, 1);
        let summary = results.hits[0].matches.iter().find(|m| m.field == Field::Summary).unwrap();
        assert_eq!(summary.ranges.len(), words.len(), "every word is a match");
        assert!(copied <= words.len() * 13, "{copied} postings copied to merge {} lists", words.len());
        // Asked to stop, the merge ends at the next round.
        let query = index.parse("z*").unwrap();
        let asked = Cell::new(0);
        let stop = || {
            asked.set(asked.get() + 1);
            asked.get() > 3
        };
        assert_eq!(index.rank_until(&query, 10, &stop), None);
        assert_eq!(asked.get(), 4, "one clause, then three rounds, then stopped");
    }

    #[test]
    fn highlight_marks_words_phrases_and_prefixes_but_not_exclusions() {
        let (_, index) = index_of(SMALL);
        let text = "Artillery shells crossed; more shells, no border.";
        let marked = |q: &str| -> Vec<&str> {
            index.parse(q).unwrap().highlight(text).into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(marked("shell"), ["shells", "shells"]);
        assert_eq!(marked("\"artillery shells\""), ["Artillery shells"]);
        assert_eq!(marked("cross* -border"), ["crossed"]);
    }

    #[test]
    fn built_in_two_halves_equals_built_in_one() {
        let (b, _) = index_of(SMALL);
        let copies: Vec<Briefing> = (0..80)
            .map(|i| {
                let mut copy = b.clone();
                copy.id = format!("small-{i}");
                copy.title = format!("{} {i} times, 1.{i} million", copy.title);
                copy
            })
            .collect();
        let briefings: Vec<&Briefing> = copies.iter().collect();
        let halves = SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied()));
        let whole = Partial::merge(Partial::build(&briefings, 0, None), Partial::default(), None);
        assert_eq!(halves.term_text[..], whole.term_text[..]);
        assert_eq!(halves.term_ends[..], whole.term_ends[..]);
        let lists =
            |index: &SearchIndex| (0..index.term_count()).map(|t| index.list(t).into_owned()).collect();
        let halves_lists: Vec<Vec<Posting>> = lists(&halves);
        assert_eq!(halves_lists, lists(&whole));
        assert_eq!(halves.slot_document[..], whole.slot_document[..]);
        assert_eq!(halves.slot_norm[..], whole.slot_norm[..]);
        assert!(halves_lists.iter().any(|l| l.windows(2).any(|w| w[0].slot != w[1].slot)));
    }

    #[test]
    fn posting_lists_decode_to_what_was_encoded_and_reject_cut_lists() {
        let list: Vec<Posting> =
            [(0, 0), (0, 5), (0, 200), (3, 1), (3, 70_000), (1 << 30, 2), (u32::MAX, u32::MAX)]
                .into_iter()
                .map(|(slot, position)| Posting { slot, position })
                .collect();
        let mut bytes = Vec::new();
        encode_postings(&list, &mut bytes);
        assert_eq!(decode_postings(&bytes).unwrap(), list);
        assert!(bytes.len() < list.len() * 8);
        assert_eq!(decode_postings(&bytes[..bytes.len() - 1]), None);
        assert_eq!(decode_postings(&[0xff; 6]), None, "a varint longer than a u32");
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one match range is the case under test
    fn snippets_cut_around_the_first_match_and_move_its_range() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let at = text.find("eleven").unwrap();
        let (cut, ranges) = snippet(text, &[at..at + 6], 24);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert_eq!(&cut[ranges[0].clone()], "eleven");
        assert!(unicode_width::UnicodeWidthStr::width(cut.as_str()) <= 24);
        let (whole, same) = snippet("short", &[0..5], 24);
        assert_eq!((whole.as_str(), same), ("short", vec![0..5]));
    }
}
