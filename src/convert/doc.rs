//! The article as the later passes read it: each sentence tokenised once, every token given its word
//! classes from the lexicon, what is inside quotation marks, and what the whole article shows about words
//! (which it writes in lower case, which it capitalises away from a sentence's start).
//!
//! Input: the cleaned text and its sentences. Output: a read-only [`Doc`] that every later pass borrows.

use foldhash::HashSet;

use super::lexicon::Lexicon;
pub use super::lexicon::Tags;
use super::sentences::Sentence;
use super::tokens::{Kind, Tokens};

/// Sentences past this many are not analysed: a draft stays reviewable, and no news article comes near it
/// (about 100 pages). The summary still weighs the whole text.
pub const MAX_SENTENCES: usize = 3_000;

/// One analysed sentence.
#[derive(Debug)]
pub struct Sent<'a> {
    pub index: usize,
    pub t: Tokens<'a>,
    pub tags: Vec<Tags>,
    /// Per token: inside double quotation marks (a quotation left open by an earlier sentence of the
    /// paragraph counts).
    pub quoted: Vec<bool>,
    /// A quotation is open when the sentence starts (or one left open by the paragraph before is reopened
    /// by its first mark) / still open when it ends.
    pub open_at_start: bool,
    pub open_at_end: bool,
    /// The first word token (opening punctuation skipped).
    pub first_word: usize,
}

impl Sent<'_> {
    pub fn text(&self) -> &str {
        self.t.text
    }

    pub fn len(&self) -> usize {
        self.t.len()
    }

    pub fn key(&self, i: usize) -> &str {
        self.t.key(i)
    }

    pub fn tag(&self, i: usize) -> Tags {
        self.tags.get(i).copied().unwrap_or_default()
    }

    pub fn has(&self, i: usize, tag: Tags) -> bool {
        self.tag(i).has(tag)
    }

    /// Whether token `i` opens the sentence, or a clause where any word is capitalised: after an opening
    /// quotation mark, a colon or a dash at the start.
    pub fn opens(&self, i: usize) -> bool {
        if i <= self.first_word {
            return true;
        }
        let before = self.t.key(i - 1);
        // After a quotation mark only when it opens a quotation (the word is inside it).
        let opening_quote = before == "\"" && self.quoted[i];
        (opening_quote || matches!(before, ":" | "(" | "[")) && !self.t.is_word(i - 1)
    }

    /// Whether the whole sentence is one quotation (quotation marks around all its words).
    pub fn all_quoted(&self) -> bool {
        let words: Vec<usize> = (0..self.len()).filter(|&i| self.t.is_word(i)).collect();
        !words.is_empty() && words.iter().all(|&i| self.quoted[i])
    }
}

/// The analysed article.
#[derive(Debug)]
pub struct Doc<'a> {
    pub sents: Vec<Sent<'a>>,
    /// Folded words the article writes in lower case somewhere (by hash: no word is copied).
    lower: HashSet<u64>,
    /// Folded words the article capitalises away from the start of a sentence or quotation.
    capitalised: HashSet<u64>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, sentences: &[Sentence], lex: &Lexicon) -> Doc<'a> {
        let mut sents: Vec<Sent<'a>> = Vec::with_capacity(sentences.len().min(MAX_SENTENCES));
        let mut open = false;
        let mut paragraph = usize::MAX;
        for (index, s) in sentences.iter().take(MAX_SENTENCES).enumerate() {
            let t = Tokens::new(&text[s.range.clone()]);
            // A quotation running over paragraphs leaves each one open and reopens it at the start of the
            // next: the opening mark there continues it.
            let mut continued = false;
            if s.paragraph != paragraph {
                continued = open && t.is_punct(0, "\"");
                open = false;
                paragraph = s.paragraph;
            }
            let tags = (0..t.len()).map(|i| tag(&t, i, lex)).collect();
            let (quoted, open_at_end) = quotation(&t, open);
            let first_word = (0..t.len()).find(|&i| t.is_word(i)).unwrap_or(0);
            let open_at_start = open || continued;
            sents.push(Sent { index, t, tags, quoted, open_at_start, open_at_end, first_word });
            open = open_at_end;
        }
        let mut lower = HashSet::default();
        let mut capitalised = HashSet::default();
        for s in &sents {
            for (i, tok) in s.t.toks.iter().enumerate() {
                if tok.kind != Kind::Word {
                    continue;
                }
                if !tok.cap {
                    lower.insert(word_hash(s.t.key(i)));
                } else if !s.opens(i) {
                    capitalised.insert(word_hash(s.t.key(i)));
                }
            }
        }
        Doc { sents, lower, capitalised }
    }

    /// Whether the article writes this folded word in lower case somewhere.
    pub fn writes_lower(&self, key: &str) -> bool {
        self.lower.contains(&word_hash(key))
    }

    /// Whether the article capitalises this folded word away from the start of a sentence or quotation.
    pub fn capitalises(&self, key: &str) -> bool {
        self.capitalised.contains(&word_hash(key))
    }
}

fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(word)
}

/// The word classes of token `i`: the lexicon's classes of its word (one lookup), then the rules that
/// depend on how it is written (capitals) or on the words after it (phrases).
fn tag(t: &Tokens, i: usize, lex: &Lexicon) -> Tags {
    let tok = &t.toks[i];
    match tok.kind {
        Kind::Punct => return if t.key(i) == "&" { Tags::CONJUNCTION } else { Tags::default() },
        Kind::Number => return Tags::NUMBER,
        Kind::Word | Kind::Initialism => {}
    }
    let key = t.key(i);
    let mut tags = lex.word_tags(key);
    // "US" is the United States, not the pronoun; "I" is the pronoun only as a capital.
    if tok.upper || tok.kind == Kind::Initialism {
        tags.remove(Tags::FIRST_PLURAL);
    }
    if key == "i" && t.raw(i) != "I" {
        tags.remove(Tags::FIRST_SINGULAR);
    }
    // Names are capitalised; professions in "-ist" are not ("Lindqvist" is a name).
    if !tok.cap {
        tags.remove(Tags::GIVEN_NAME | Tags::FAMILY_FIRST);
        tags.add(Tags::PROFESSION, lex.is_profession(key));
    }
    // Their plurals are people however written ("Seismologists said", "some epidemiologists fear").
    if let Some(stem) = key.strip_suffix('s')
        && lex.is_profession(stem)
        && !tags.has(Tags::VERB)
    {
        tags.add(Tags::PEOPLE_NOUN, true);
    }
    // Inside a name a cue word is part of it ("the United States", "Kim Reports"), not a verb.
    if tok.cap && i > 0 && t.toks[i - 1].cap && t.is_word(i - 1) {
        tags.remove(Tags::CUE | Tags::CUE_PHRASE);
    }
    if tags.has(Tags::CUE_PHRASE) {
        tags.add(Tags::CUE, lex.cues.at(t, i));
    }
    if tags.has(Tags::NUMBER_PHRASE) {
        tags.add(Tags::NUMBER, lex.number_words.at(t, i));
    }
    tags.add(Tags::INFLECTED, key.len() > 4 && key.ends_with("ed") && !key.ends_with("eed"));
    tags
}

/// Which tokens are inside double quotation marks, given whether one is open when the sentence starts; and
/// whether one is still open at its end. Curly marks say which way they go; a straight mark opens after a
/// space or at the start and closes after a word.
fn quotation(t: &Tokens, open_at_start: bool) -> (Vec<bool>, bool) {
    let mut inside = open_at_start;
    let mut out = Vec::with_capacity(t.len());
    for i in 0..t.len() {
        let raw = if t.toks[i].kind == Kind::Punct { t.raw(i) } else { "" };
        match raw {
            "“" | "„" => {
                inside = true;
                out.push(true);
            }
            "”" => {
                out.push(true);
                inside = false;
            }
            "\"" => {
                let glued_before =
                    i > 0 && t.toks[i - 1].range.end == t.toks[i].range.start && t.is_word(i - 1);
                let after_punct =
                    i > 0 && t.toks[i - 1].range.end == t.toks[i].range.start && !t.is_word(i - 1);
                if inside && (glued_before || after_punct || i + 1 == t.len()) {
                    out.push(true);
                    inside = false;
                } else {
                    inside = !inside;
                    out.push(true);
                }
            }
            _ => out.push(inside),
        }
    }
    (out, inside)
}

/// How many tokens at `k` say when something was said or done: "Monday", "on Monday", "on March 6", "in
/// May", "yesterday", "last night", "last week", "earlier this month"; 0 if none do.
pub fn when_said(s: &Sent, k: usize, lex: &Lexicon) -> usize {
    let t = &s.t;
    let key = |j: usize| if j < t.len() { t.key(j) } else { "" };
    let digits = |j: usize| j < t.len() && t.raw(j).bytes().all(|b| b.is_ascii_digit());
    let period =
        |w: &str| matches!(w, "night" | "week" | "weekend" | "month" | "year") || lex.weekdays.contains(w);
    match key(k) {
        day if lex.weekdays.contains(day)
            || matches!(day, "yesterday" | "today" | "tonight" | "overnight") =>
        {
            1
        }
        "on" if lex.weekdays.contains(key(k + 1)) => 2,
        "on" if lex.months.contains_key(key(k + 1)) && digits(k + 2) => 3,
        "in" if lex.months.contains_key(key(k + 1)) => 2,
        "last" | "this" if period(key(k + 1)) => 2,
        "earlier" | "later" | "late" | "early"
            if matches!(key(k + 1), "this" | "last") && period(key(k + 2)) =>
        {
            3
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{lexicon, sentences};

    fn doc(text: &str) -> Doc<'_> {
        let lex = lexicon::get();
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        Doc::new(text, Box::leak(Box::new(sentences)), lex)
    }

    #[test]
    fn when_something_was_said() {
        let d = doc("Tarvo on Tuesday, last night, earlier this month and in May said so yesterday.");
        let s = &d.sents[0];
        let lex = lexicon::get();
        let at = |word: &str| (0..s.len()).find(|&k| s.t.key(k) == word).unwrap();
        assert_eq!(when_said(s, at("on"), lex), 2);
        assert_eq!(when_said(s, at("last"), lex), 2);
        assert_eq!(when_said(s, at("earlier"), lex), 3);
        assert_eq!(when_said(s, at("in"), lex), 2);
        assert_eq!(when_said(s, at("yesterday"), lex), 1);
        assert_eq!(when_said(s, at("said"), lex), 0);
        assert_eq!(when_said(s, 0, lex), 0);
    }

    #[test]
    fn tokens_get_their_word_classes() {
        let d = doc("The company said it had hired three analysts in Paris.");
        let s = &d.sents[0];
        assert!(s.has(0, Tags::DETERMINER));
        assert!(s.has(1, Tags::BODY_NOUN));
        assert!(s.has(2, Tags::CUE) && s.has(2, Tags::VERB));
        assert!(s.has(3, Tags::THING_PRONOUN));
        assert!(s.has(6, Tags::NUMBER));
        assert!(s.has(7, Tags::PEOPLE_NOUN));
        assert!(s.has(8, Tags::LOCATIVE));
    }

    #[test]
    fn a_quotation_left_open_carries_into_the_next_sentence_of_its_paragraph() {
        let d = doc("“We were hit hard. Roads are cut,” he said. He left.");
        assert!(d.sents[0].open_at_end);
        assert!(d.sents[1].open_at_start && d.sents[1].quoted[0]);
        assert!(!d.sents[1].open_at_end);
        assert!(!d.sents[2].quoted.iter().any(|q| *q));
    }

    #[test]
    fn the_article_shows_which_words_it_writes_in_lower_case() {
        let d = doc(
            "Police said the road was closed. Local police later reopened it. Kroger sued. Rival Kroger won.",
        );
        assert!(d.writes_lower("police"));
        assert!(d.capitalises("kroger"));
        assert!(!d.capitalises("police"));
    }
}
