//! The extractive summary: sentences scored by how close their TF-IDF vector is to the article's centroid
//! (the sum of all sentence vectors), weighted towards the lead, since news puts the bottom line first.
//! Comparing each sentence with the centroid instead of with every other sentence (TextRank) keeps the
//! work linear in the article's length. Near-duplicates of a chosen sentence are skipped.

use foldhash::HashMap;

use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens};
use crate::text::{shared_terms, stem};

/// Sentences shorter or longer than this (in words) do not summarise well.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 70;
/// Only the first sentences compete: the lead bias makes later ones lose anyway, and it bounds the work.
pub const CANDIDATES: usize = 400;
/// Two chosen sentences sharing more than this share of their words say the same thing.
const NEAR_DUPLICATE: f64 = 0.5;

/// The content words of a sentence, stemmed, sorted (so equal terms are neighbours).
pub fn terms<'t>(t: &'t Tokens, gaz: &Lexicon) -> Vec<&'t str> {
    let mut terms: Vec<&str> = (0..t.len())
        .filter(|&k| t.toks[k].kind == Kind::Word && t.key(k).len() > 2 && !gaz.is_stop(t.key(k)))
        .map(|k| stem(t.key(k)))
        .collect();
    terms.sort_unstable();
    terms
}

/// Each distinct term of sorted terms with its count.
fn counted<'a>(terms: &'a [&'a str]) -> impl Iterator<Item = (&'a str, u32)> + 'a {
    terms.chunk_by(|a, b| a == b).map(|run| (run[0], run.len() as u32))
}

/// A sentence's distinct terms as (term number, count), in the terms' alphabetical order.
pub type Counted = Vec<(u32, u32)>;

/// Term statistics over the whole article.
#[derive(Debug, Default)]
pub struct Stats {
    sentences: u32,
    /// Term → its number.
    numbers: HashMap<String, u32>,
    /// By term number: (sentences containing it, occurrences).
    counts: Vec<(u32, u32)>,
}

impl Stats {
    /// Counts a sentence's sorted terms and returns them numbered, for [`candidate`].
    pub fn add(&mut self, terms: &[&str]) -> Counted {
        self.sentences += 1;
        let mut out = Vec::with_capacity(terms.len());
        for (term, count) in counted(terms) {
            let number = match self.numbers.get(term) {
                Some(&n) => n,
                None => {
                    let n = self.counts.len() as u32;
                    self.numbers.insert(term.to_string(), n);
                    self.counts.push((0, 0));
                    n
                }
            };
            let entry = &mut self.counts[number as usize];
            *entry = (entry.0 + 1, entry.1 + count);
            out.push((number, count));
        }
        out
    }

    fn idf(&self, number: u32) -> f64 {
        let df = self.counts[number as usize].0;
        (f64::from(self.sentences + 1) / f64::from(df + 1)).ln() + 1.0
    }

    /// Cosine between a sentence's TF-IDF vector and the article centroid.
    pub fn centrality(&self, terms: &[(u32, u32)]) -> f64 {
        let (mut dot, mut norm) = (0.0, 0.0);
        for &(number, count) in terms {
            let idf = self.idf(number);
            let weight = f64::from(count) * idf;
            let centroid = f64::from(self.counts[number as usize].1) * idf;
            dot += weight * centroid;
            norm += weight * weight;
        }
        if norm == 0.0 { 0.0 } else { dot / norm.sqrt() }
    }
}

/// A candidate sentence with its score and words.
#[derive(Debug)]
pub struct Candidate {
    pub sentence: usize,
    pub score: f64,
    /// Its distinct term numbers, sorted.
    pub words: Vec<u32>,
    pub word_count: usize,
}

/// Scores a sentence at position `rank` (0 = first of the story); `terms` come from [`Stats::add`].
pub fn candidate(
    sentence: usize,
    rank: usize,
    t: &Tokens,
    terms: &[(u32, u32)],
    stats: &Stats,
) -> Option<Candidate> {
    let word_count = (0..t.len()).filter(|&k| t.is_word(k)).count();
    let opens_with_quote = t.is_punct(0, "\"");
    if !(MIN_WORDS..=MAX_WORDS).contains(&word_count) || opens_with_quote || t.text.ends_with('?') {
        return None;
    }
    let lead = 1.0 + 1.5 / (1.0 + rank as f64);
    let score = stats.centrality(terms) * lead;
    let mut words: Vec<u32> = terms.iter().map(|&(number, _)| number).collect();
    words.sort_unstable();
    Some(Candidate { sentence, score, words, word_count })
}

/// The summary's sentences: the best first, then up to two more in article order, skipping near-duplicates.
/// Three sentences only when the first two are short.
pub fn pick(mut candidates: Vec<Candidate>) -> Vec<usize> {
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
    let mut chosen: Vec<&Candidate> = Vec::new();
    let best = candidates.first().map_or(0.0, |c| c.score);
    for c in &candidates {
        if chosen.len() == 2 && c.score < best / 2.0 {
            break;
        }
        let duplicate = chosen.iter().any(|d| jaccard(&c.words, &d.words) > NEAR_DUPLICATE);
        if duplicate {
            continue;
        }
        chosen.push(c);
        let words: usize = chosen.iter().map(|c| c.word_count).sum();
        if chosen.len() == 3 || (chosen.len() == 2 && words >= 50) {
            break;
        }
    }
    let mut rest: Vec<usize> = chosen.iter().skip(1).map(|c| c.sentence).collect();
    rest.sort_unstable();
    chosen.first().map(|c| c.sentence).into_iter().chain(rest).collect()
}

/// Jaccard similarity of two sorted sets without repeats.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let both = shared_terms(a, b);
    let union = a.len() + b.len() - both;
    if union == 0 { 0.0 } else { both as f64 / union as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::lexicon;

    #[test]
    fn central_lead_sentences_win_and_duplicates_are_skipped() {
        let g = lexicon::get();
        let texts = [
            "North Korea sent artillery shells to Russia for the war in Ukraine, officials said.",
            "North Korea sent artillery shells to Russia for the war in Ukraine, officials say.",
            "The weather in the capital was mild and sunny on the day of the visit.",
            "Russia denies receiving artillery shells from North Korea for its war.",
        ];
        let toks: Vec<Tokens> = texts.iter().map(|s| Tokens::new(s)).collect();
        let mut stats = Stats::default();
        let counted: Vec<Counted> = toks.iter().map(|t| stats.add(&terms(t, g))).collect();
        let candidates =
            toks.iter().enumerate().filter_map(|(i, t)| candidate(i, i, t, &counted[i], &stats)).collect();
        let picked = pick(candidates);
        assert_eq!(picked[0], 0);
        assert!(picked.contains(&3) && !picked.contains(&1), "{picked:?}");
    }
}
