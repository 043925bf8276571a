//! Claim and figure text as terms the graph compares: stems without function words, every spelling of an
//! actor folded to one term, a few synonyms of news reporting folded together; numbered as first met.

use std::ops::Range;

use foldhash::{HashMap, HashSet};

use super::{FigureKey, ItemAt};
use crate::actors::{Registry, normalize_name};
use crate::model::{Briefing, Figure, ItemRef, Stance};
use crate::text::{WordMap, WordScanner, stem, words};

/// Prefix of the term that stands for an actor (every spelling of it) in claim vectors.
pub(super) const ACTOR_TERM: &str = "@actor";

/// Sparse term vector: (term id, weighted count), sorted by term id.
pub(super) type TermWeights = Vec<(u32, f32)>;

/// Every claim as its terms with their weighted counts, sorted by term, the terms numbered as first met.
/// Two halves of the folder are read on two threads; the second half's numbers are then mapped to what
/// reading it all in order would have given, so the vectors (and their float sums) are the same.
pub(super) fn claim_terms(
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

/// Terms numbered as they are first met.
#[derive(Default)]
pub(super) struct Interner {
    pub(super) ids: HashMap<Box<str>, u32>,
}

impl Interner {
    pub(super) fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(term.into(), id);
        id
    }

    pub(super) fn len(&self) -> usize {
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
pub(super) struct Vocabulary {
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
    pub(super) fn new(registry: &Registry) -> Vocabulary {
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
pub(super) struct TermReader<'v> {
    vocabulary: &'v Vocabulary,
    terms: Interner,
    roles: WordMap<WordRole>,
    weapon: Option<u32>,
    buffer: WordBuffer,
}

impl<'v> TermReader<'v> {
    pub(super) fn new(vocabulary: &'v Vocabulary, terms: Interner) -> TermReader<'v> {
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

    pub(super) fn figure_key(&mut self, f: &Figure) -> FigureKey {
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
