//! A query answered without the index of the whole folder: what `brief search` does when there is no
//! cache to read (a first run, `--no-cache`).
//!
//! Building the folder's index to answer one query costs a second at 100,000 briefings, and writing it
//! to the cache several more. The answer needs much less: the documents that match, and three things
//! of the whole folder that ranking uses — how many documents it has (a term's rarity), the average
//! length of each kind of field (BM25F's length normalisation) and the actor registry (a query naming an
//! actor also matches the actor's other spellings). So [`scan`] counts the folder's documents and
//! words per field kind in one pass, builds the registry only when a query word spells an actor, picks
//! the briefings whose text may hold one of the query's terms (a case-insensitive multi-pattern search
//! over their fields, folded like the index folds them), and builds the index of those briefings
//! alone, ranked against the folder's numbers. The answer is the same, hit for hit and score for score,
//! as the whole folder's index gives (tests/scan.rs checks it on generated folders).
//!
//! Why the pick misses no document: a term of the index is the stem of a folded word, and a stem is a
//! prefix of the word (`stem` only cuts endings), so every document with the term has it as a substring
//! of its folded text; a prefix query's term likewise. The terms a number makes ("1.6 million" is also
//! 1600000, "two" is 2) need not be in the text: a query term that could be one (digits, `.`, or a
//! prefix of `inf`, what an overflowing number prints) picks every briefing.

use aho_corasick::AhoCorasick;

use super::{
    Briefing, FIELD_KINDS, FieldText, ID_TERM, Query, QueryError, Results, SearchIndex, Term, WordScanner,
    averages_of, each_field, lex, targets,
};
use crate::actors::{Registry, normalize_name};
use crate::store::parallel_map;
use crate::text::fold_char;

/// What ranking needs of the whole folder besides the documents that match: its number of documents and,
/// per field kind, the words and the fields of that kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FolderStats {
    pub(crate) documents: usize,
    totals: [u64; FIELD_KINDS],
    counts: [u64; FIELD_KINDS],
}

impl FolderStats {
    /// Counts the documents of `b` and the words of each of their fields as the index counts them, and
    /// appends the text of every field to `text`, folded (see [`fold_text`]), each on its own line.
    fn add(&mut self, b: &Briefing, text: &mut String) {
        for target in targets(b) {
            self.documents += 1;
            each_field(b, target, |field, field_text| {
                self.totals[field.kind()] += words_of(field_text, &b.id);
                self.counts[field.kind()] += 1;
                match field_text {
                    FieldText::Text(t) | FieldText::Id(t) => fold_text(t, text),
                    // Digits and one `.` (a loaded figure's value is finite): no wanted term is in it.
                    FieldText::Value(_) => {}
                }
                text.push('\n');
            });
        }
    }

    fn merge(mut self, other: &FolderStats) -> FolderStats {
        self.documents += other.documents;
        for k in 0..FIELD_KINDS {
            self.totals[k] += other.totals[k];
            self.counts[k] += other.counts[k];
        }
        self
    }

    pub(crate) fn average_lengths(&self) -> [f32; FIELD_KINDS] {
        averages_of(&self.totals, &self.counts)
    }
}

/// The terms a query looks up: an index of its candidates needs the posting lists of no other. A term
/// of an `id` field is kept under its prefix when its word is kept, whatever the scope.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermFilter {
    exact: foldhash::HashSet<String>,
    prefixes: Vec<String>,
}

impl TermFilter {
    fn of(query: &Query) -> TermFilter {
        let mut filter = TermFilter::default();
        for term in query.clauses.iter().flat_map(|c| &c.patterns).flatten().flatten() {
            match term {
                Term::Exact(t) => drop(filter.exact.insert(t.clone())),
                Term::Prefix(t) => filter.prefixes.push(t.clone()),
            }
        }
        filter
    }

    /// Whether `term` (as the index writes it: an `id` field's under its prefix) is one the query may
    /// look up.
    pub(crate) fn keeps(&self, term: &str) -> bool {
        let word = term.strip_prefix(ID_TERM).unwrap_or(term);
        self.exact.contains(word) || self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
    }
}

/// Briefings are looked at in runs of this many: each run's counts are kept apart, the runs shared
/// between two threads.
const RUN: usize = 512;

/// The hits of `query` over `briefings` (a folder's loaded briefings, in store order), the same as
/// `SearchIndex::build(briefings, &Registry::build(briefings)).query(briefings, query, limit)` gives,
/// without building the index of every briefing (see the module documentation).
pub fn scan(briefings: &[&Briefing], query: &str, limit: usize) -> Result<Results, QueryError> {
    let keys = spelling_keys(query)?;
    let runs: Vec<&[&Briefing]> = briefings.chunks(RUN).collect();
    let mut names = SearchIndex::default();
    if parallel_map(&runs, |run| spells_a_key(run, &keys)).contains(&true) {
        names.expand_aliases(&Registry::build(briefings.iter().copied()));
    }
    let parsed = names.parse(query)?;
    let wanted = wanted(&parsed);
    let looked = parallel_map(&runs, |run| {
        let mut stats = FolderStats::default();
        let mut text = String::new();
        let picked: Vec<bool> = run
            .iter()
            .map(|b| {
                text.clear();
                stats.add(b, &mut text);
                wanted.as_ref().is_none_or(|wanted| wanted.is_match(text.as_str()))
            })
            .collect();
        (stats, picked)
    });
    let stats = looked.iter().fold(FolderStats::default(), |all, (stats, _)| all.merge(stats));
    let chosen: Vec<usize> = looked
        .iter()
        .flat_map(|(_, picked)| picked)
        .enumerate()
        .filter_map(|(i, &keep)| keep.then_some(i))
        .collect();
    let candidates: Vec<&Briefing> = chosen.iter().map(|&i| briefings[i]).collect();
    let index = SearchIndex::build_text_among(&candidates, Some(&stats), Some(&TermFilter::of(&parsed)));
    let mut results = index.search(&candidates, &parsed, limit);
    results.hits.iter_mut().for_each(|hit| hit.briefing = chosen[hit.briefing]);
    Ok(results)
}

/// Every run of consecutive words of the query, normalised as actor spellings are: the keys parsing
/// may look up (a superset). An unparsable query gives parsing's own error.
fn spelling_keys(query: &str) -> Result<Vec<String>, QueryError> {
    let pieces = lex(query)?;
    let mut keys = Vec::new();
    for start in 0..pieces.len() {
        for end in start + 1..=pieces.len() {
            let words: Vec<&str> = pieces[start..end].iter().map(|p| p.text).collect();
            keys.push(normalize_name(&words.join(" ")));
        }
    }
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// Whether an actor of the run has a name or alias that normalises to one of `keys` (each spelling
/// normalised once: folders repeat the same names).
fn spells_a_key(run: &[&Briefing], keys: &[String]) -> bool {
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    run.iter()
        .flat_map(|b| &b.actors)
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .any(|spelling| seen.insert(spelling) && keys.binary_search(&normalize_name(spelling)).is_ok())
}

/// A search for the wanted terms of a query, one per pattern: `None` when some pattern has no term that
/// must be in the text of what it matches (only numbers), so that every briefing may match.
fn wanted(query: &Query) -> Option<AhoCorasick> {
    let mut needles: Vec<&str> = Vec::new();
    for pattern in query.clauses.iter().filter(|c| !c.excluded).flat_map(|c| &c.patterns) {
        let written = pattern.iter().filter_map(|alternatives| match alternatives.as_slice() {
            [Term::Exact(t)] if !numeric(t) => Some(t.as_str()),
            [Term::Prefix(t)] if !numeric(t) && !"inf".starts_with(t.as_str()) => Some(t.as_str()),
            _ => None,
        });
        needles.push(written.max_by_key(|t| t.len())?);
    }
    AhoCorasick::builder().ascii_case_insensitive(true).build(needles).ok()
}

/// Whether a term may be one a number makes rather than one written in the text.
fn numeric(term: &str) -> bool {
    term == "inf" || term.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// The words of a field as the index counts them (its length). A made-up field is one word or two: a
/// number's value (printed as digits with at most one `.`, or `inf`/`NaN`), or an item's id after its
/// briefing's (`"briefing-id item-id"`: the words of each).
fn words_of(text: FieldText<'_>, briefing_id: &str) -> u64 {
    match text {
        FieldText::Text(text) => WordScanner::count(text),
        FieldText::Id(item) => WordScanner::count(briefing_id) + WordScanner::count(item),
        FieldText::Value(_) => 1,
    }
}

/// Appends `text` folded as words are (accents and typographic marks, then lower case; ASCII as it is,
/// the search ignoring its case) to `out`: the folded form of each word of `text` is then a stretch of
/// what is appended.
fn fold_text(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        match fold_char(c) {
            f if f.is_ascii() => out.push(f),
            f => out.extend(f.to_lowercase()),
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_fields_count_the_words_their_text_has() {
        let values =
            [0.0, -0.0, 1.0, -3.5, 1.6e6, 61e9, 1e-7, 0.1 + 0.2, 1e300, f64::INFINITY, f64::NAN, -1e21];
        for value in values {
            let text = format!("{value}");
            assert_eq!(words_of(FieldText::Value(value), "b"), WordScanner::count(&text), "{text}");
            assert_eq!(WordScanner::count(&text), 1, "{text}");
        }
        for (briefing, item) in [("synthetic-000001", "claim-0"), ("a", "b-c-1"), ("x1", "1.5")] {
            let text = format!("{briefing} {item}");
            assert_eq!(words_of(FieldText::Id(item), briefing), WordScanner::count(&text), "{text}");
        }
    }
}
