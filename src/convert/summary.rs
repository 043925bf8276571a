//! The extractive summary: sentences scored by how close their TF-IDF vector is to the article's centroid
//! (the sum of all sentence vectors), weighted towards the lead, since news puts the bottom line first.
//! Comparing each sentence with the centroid instead of with every other sentence (TextRank) keeps the
//! work linear in the article's length. Near-duplicates of a chosen sentence are skipped.

use foldhash::{HashMap, HashSet};

use super::gazetteer::Gazetteer;
use super::tokens::{Kind, Tokens};
use crate::text::stem;

/// Sentences shorter or longer than this (in words) do not summarise well.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 70;
/// Only the first sentences compete: the lead bias makes later ones lose anyway, and it bounds the work.
pub const CANDIDATES: usize = 400;
/// Two chosen sentences sharing more than this share of their words say the same thing.
const NEAR_DUPLICATE: f64 = 0.5;

/// The content words of a sentence, stemmed, sorted (so equal terms are neighbours).
pub fn terms<'t>(t: &'t Tokens, gaz: &Gazetteer) -> Vec<&'t str> {
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

/// Term statistics over the whole article.
#[derive(Debug, Default)]
pub struct Stats {
    sentences: u32,
    /// Term → (sentences containing it, occurrences).
    counts: HashMap<String, (u32, u32)>,
}

impl Stats {
    pub fn add(&mut self, terms: &[&str]) {
        self.sentences += 1;
        for (term, count) in counted(terms) {
            match self.counts.get_mut(term) {
                Some(entry) => *entry = (entry.0 + 1, entry.1 + count),
                None => {
                    self.counts.insert(term.to_string(), (1, count));
                }
            }
        }
    }

    fn idf(&self, term: &str) -> f64 {
        let df = self.counts.get(term).map_or(0, |c| c.0);
        (f64::from(self.sentences + 1) / f64::from(df + 1)).ln() + 1.0
    }

    /// Cosine between a sentence's TF-IDF vector and the article centroid.
    pub fn centrality(&self, terms: &[&str]) -> f64 {
        let (mut dot, mut norm) = (0.0, 0.0);
        for (term, count) in counted(terms) {
            let idf = self.idf(term);
            let weight = f64::from(count) * idf;
            let centroid = self.counts.get(term).map_or(0.0, |c| f64::from(c.1) * idf);
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
    pub words: HashSet<String>,
    pub word_count: usize,
}

/// Scores a sentence at position `rank` (0 = first of the story).
pub fn candidate(
    sentence: usize,
    rank: usize,
    t: &Tokens,
    terms: &[&str],
    stats: &Stats,
) -> Option<Candidate> {
    let word_count = (0..t.len()).filter(|&k| t.is_word(k)).count();
    let opens_with_quote = t.is_punct(0, "\"");
    if !(MIN_WORDS..=MAX_WORDS).contains(&word_count) || opens_with_quote || t.text.ends_with('?') {
        return None;
    }
    let lead = 1.0 + 1.5 / (1.0 + rank as f64);
    let score = stats.centrality(terms) * lead;
    Some(Candidate { sentence, score, words: terms.iter().map(|t| t.to_string()).collect(), word_count })
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

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 { 0.0 } else { a.intersection(b).count() as f64 / union as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::gazetteer;

    #[test]
    fn central_lead_sentences_win_and_duplicates_are_skipped() {
        let g = gazetteer::get();
        let texts = [
            "North Korea sent artillery shells to Russia for the war in Ukraine, officials said.",
            "North Korea sent artillery shells to Russia for the war in Ukraine, officials say.",
            "The weather in the capital was mild and sunny on the day of the visit.",
            "Russia denies receiving artillery shells from North Korea for its war.",
        ];
        let toks: Vec<Tokens> = texts.iter().map(|s| Tokens::new(s)).collect();
        let mut stats = Stats::default();
        for t in &toks {
            stats.add(&terms(t, g));
        }
        let candidates =
            toks.iter().enumerate().filter_map(|(i, t)| candidate(i, i, t, &terms(t, g), &stats)).collect();
        let picked = pick(candidates);
        assert_eq!(picked[0], 0);
        assert!(picked.contains(&3) && !picked.contains(&1), "{picked:?}");
    }
}
