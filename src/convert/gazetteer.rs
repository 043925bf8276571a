//! The converter's knowledge of the world and of news English, read once from `assets/gazetteer.toml`
//! (embedded in the binary; the file documents each table) and compiled into lookup tables.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use foldhash::{HashMap, HashSet};
use serde::Deserialize;

use super::tokens::{Kind, Tokens};
use crate::actors::normalize_name;
use crate::model::{Qualifier, Stance};
use crate::text::{NUMBER_WORDS, SCALE_WORDS};

const SOURCE: &str = include_str!("../../assets/gazetteer.toml");

/// What a name in the gazetteer stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// A country by its name or an alias, its capital or a seat of government.
    Country(usize),
    /// "North Korean": marks roles and owners, never an actor by itself.
    Demonym(usize),
    Organisation(usize),
    Outlet(usize),
    Region,
}

#[derive(Debug, Clone, Copy)]
pub struct NameEntry {
    pub entity: Entity,
    /// Written all in capitals in the gazetteer ("US", "U.S.", "WHO"): must be all capitals in the text too,
    /// so the pronoun "us" and the word "who" are not names.
    pub all_caps: bool,
    /// A capital, a seat of government or of a body ("Moscow", "the Kremlin", "Brussels"): it stands for the
    /// state or body when it acts ("Moscow said"), but is only a place where something happens ("talks in
    /// Moscow", "arrived in Pyongyang").
    pub seat: bool,
}

/// A 4,096-bit filter of words by their first, middle and last bytes and their length. Most words of a
/// sentence are in none of the tables, and every rule asks several tables about every word: the filter
/// answers most of those questions without hashing the word.
#[derive(Debug, Clone)]
struct Sieve(Box<[u64; 64]>);

impl Default for Sieve {
    fn default() -> Self {
        Sieve(Box::new([0; 64]))
    }
}

impl Sieve {
    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let n = b.len();
        if n == 0 {
            return 0;
        }
        (usize::from(b[0]) * 131 + usize::from(b[n / 2]) * 17 + usize::from(b[n - 1]) * 31 + n * 7) % 4096
    }

    fn insert(&mut self, word: &str) {
        let bit = Sieve::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn may_contain(&self, word: &str) -> bool {
        let bit = Sieve::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A set of folded words.
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<String>,
    sieve: Sieve,
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.sieve.may_contain(word) && self.words.contains(word)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = WordSet::default();
        for word in words {
            set.sieve.insert(&word);
            set.words.insert(word);
        }
        set
    }
}

/// A set of phrases (sequences of folded words) with a value each, found by the longest match.
#[derive(Debug)]
pub struct PhraseSet<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    /// The first words.
    sieve: Sieve,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet { by_first: HashMap::default(), sieve: Sieve::default() }
    }
}

impl<V> PhraseSet<V> {
    pub fn insert(&mut self, phrase: &str, value: V) {
        let t = Tokens::new(phrase);
        let keys: Vec<String> =
            (0..t.len()).filter(|&i| t.toks[i].kind != Kind::Punct).map(|i| t.key(i).to_string()).collect();
        let Some(first) = keys.first().cloned() else { return };
        self.sieve.insert(&first);
        let entries = self.by_first.entry(first).or_default();
        if entries.iter().any(|(k, _)| *k == keys) {
            return;
        }
        entries.push((keys, value));
        // Longest first, so the first match found is the longest.
        entries.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    }

    /// The longest phrase starting at token `i`: the index after its last token and its value. Hyphens,
    /// slashes and apostrophes between words are skipped ("Guinea-Bissau", "RFE/RL").
    pub fn longest_at(&self, t: &Tokens, i: usize) -> Option<(usize, &V)> {
        if !t.is_word(i) {
            return None;
        }
        let first = t.key(i);
        if !self.sieve.may_contain(first) {
            return None;
        }
        let entries = self.by_first.get(first)?;
        'entries: for (keys, value) in entries {
            let mut j = i + 1;
            for key in &keys[1..] {
                while t.toks.get(j).is_some_and(|tok| tok.kind == Kind::Punct)
                    && matches!(t.key(j), "-" | "/" | "'")
                {
                    j += 1;
                }
                if !t.is_word(j) || t.key(j) != key {
                    continue 'entries;
                }
                j += 1;
            }
            return Some((j, value));
        }
        None
    }

    /// Whether a phrase starts at token `i`.
    pub fn at(&self, t: &Tokens, i: usize) -> bool {
        self.longest_at(t, i).is_some()
    }

    /// The first phrase found anywhere in `range`: its token span and value.
    pub fn find(&self, t: &Tokens, range: std::ops::Range<usize>) -> Option<(std::ops::Range<usize>, &V)> {
        range.into_iter().find_map(|i| self.longest_at(t, i).map(|(end, v)| (i..end, v)))
    }
}

#[derive(Debug)]
pub struct Country {
    pub name: String,
}

#[derive(Debug)]
pub struct Organisation {
    pub name: String,
}

#[derive(Debug)]
pub struct Boilerplate {
    pub lines: WordSet,
    pub prefixes: Vec<String>,
    /// Found anywhere in a line, ASCII case ignored, in one pass over it however many there are.
    pub caption_markers: AhoCorasick,
    pub credits: AhoCorasick,
    pub source_notes: AhoCorasick,
    /// The source notes again, for "starts with".
    pub source_note_prefixes: Vec<String>,
}

fn any_of(patterns: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("a few short boilerplate patterns always build")
}

#[derive(Debug)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    /// Short forms of organisations ("un") → their normalised name ("united nations"): they expand at the
    /// start of other names ("U.N. Security Council").
    pub short_forms: HashMap<String, String>,
    pub outlets: Vec<String>,
    /// Every name of a country, organisation, outlet or region, and every demonym.
    pub names: PhraseSet<NameEntry>,
    pub outlet_nouns: PhraseSet<()>,
    pub organisation_heads: WordSet,
    pub place_heads: WordSet,
    pub thing_heads: WordSet,
    pub titles: WordSet,
    pub portfolios: WordSet,
    pub people_nouns: WordSet,
    pub document_nouns: WordSet,
    pub verbs: PhraseSet<Stance>,
    pub warning_words: WordSet,
    pub strong_hedges: PhraseSet<()>,
    pub weak_hedges: PhraseSet<()>,
    pub boilerplate: Boilerplate,
    pub number_words: PhraseSet<f64>,
    pub scales: HashMap<String, f64>,
    pub plurals: PhraseSet<f64>,
    pub times: HashMap<String, f64>,
    pub qualifiers: PhraseSet<Qualifier>,
    /// Currency symbols ("$") and words ("euros") → the unit written in the figure.
    pub currencies: HashMap<String, String>,
    pub not_figures_before: WordSet,
    pub measure_words: WordSet,
    pub months: HashMap<String, u8>,
    pub weekdays: WordSet,
    pub stop: WordSet,
    pub name_joiners: WordSet,
    pub speaker_gap: PhraseSet<()>,
}

#[derive(Deserialize)]
struct Raw {
    country: Vec<RawCountry>,
    organisation: Vec<RawOrganisation>,
    outlet: Vec<String>,
    outlet_nouns: Vec<String>,
    organisation_heads: Vec<String>,
    place_heads: Vec<String>,
    thing_heads: Vec<String>,
    regions: Vec<String>,
    titles: Vec<String>,
    portfolios: Vec<String>,
    people_nouns: Vec<String>,
    document_nouns: Vec<String>,
    attribution: RawAttribution,
    hedges: RawHedges,
    boilerplate: RawBoilerplate,
    numbers: RawNumbers,
    calendar: RawCalendar,
    words: RawWords,
}

#[derive(Deserialize)]
struct RawCountry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
}

#[derive(Deserialize)]
struct RawOrganisation {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    expands: bool,
    #[serde(default)]
    seats: Vec<String>,
}

#[derive(Deserialize)]
struct RawAttribution {
    asserts: Vec<String>,
    denies: Vec<String>,
    warns: Vec<String>,
    urges: Vec<String>,
    estimates: Vec<String>,
    warning_words: Vec<String>,
}

#[derive(Deserialize)]
struct RawHedges {
    strong: Vec<String>,
    weak: Vec<String>,
}

#[derive(Deserialize)]
struct RawBoilerplate {
    lines: Vec<String>,
    prefixes: Vec<String>,
    caption_markers: Vec<String>,
    credits: Vec<String>,
    source_notes: Vec<String>,
}

#[derive(Deserialize)]
struct RawNumbers {
    units: Vec<(String, f64)>,
    scales: Vec<(String, f64)>,
    plurals: Vec<(String, f64)>,
    times: Vec<(String, f64)>,
    qualifiers: Vec<(String, Qualifier)>,
    currencies: Vec<(String, String)>,
    not_figures_before: Vec<String>,
    measure_words: Vec<String>,
}

#[derive(Deserialize)]
struct RawCalendar {
    months: Vec<(String, u8)>,
    weekdays: Vec<String>,
}

#[derive(Deserialize)]
struct RawWords {
    stop: Vec<String>,
    name_joiners: Vec<String>,
    speaker_gap: Vec<String>,
}

/// The gazetteer, compiled on first use.
pub fn get() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let raw: Raw =
            toml::from_str(SOURCE).expect("assets/gazetteer.toml is valid (a unit test checks it)");
        Gazetteer::compile(raw)
    })
}

fn set(words: &[String]) -> WordSet {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn phrases<V: Copy>(words: &[String], value: V) -> PhraseSet<V> {
    let mut out = PhraseSet::default();
    for w in words {
        out.insert(w, value);
    }
    out
}

fn is_all_caps(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl Gazetteer {
    fn compile(raw: Raw) -> Gazetteer {
        let mut names = PhraseSet::default();
        let mut add_name = |name: &str, entity: Entity, seat: bool| {
            let entry = NameEntry { entity, all_caps: is_all_caps(name), seat };
            names.insert(name, entry);
            if let Some(rest) = name.strip_prefix("the ") {
                names.insert(rest, entry);
            }
        };
        let mut countries = Vec::new();
        for (i, c) in raw.country.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(&c.aliases) {
                add_name(name, Entity::Country(i), false);
            }
            for seat in c.capitals.iter().chain(&c.metonyms) {
                add_name(seat, Entity::Country(i), true);
            }
            for demonym in &c.demonyms {
                add_name(demonym, Entity::Demonym(i), false);
                add_name(&format!("{demonym}s"), Entity::Demonym(i), false);
            }
            countries.push(Country { name: c.name.clone() });
        }
        let mut organisations = Vec::new();
        let mut short_forms = HashMap::default();
        for (i, o) in raw.organisation.iter().enumerate() {
            for name in std::iter::once(&o.name).chain(&o.aliases) {
                add_name(name, Entity::Organisation(i), false);
            }
            for seat in &o.seats {
                add_name(seat, Entity::Organisation(i), true);
            }
            if o.expands {
                for short in o.aliases.iter().filter(|a| is_all_caps(a) || a.contains('.')) {
                    // The first organisation with a short form keeps it.
                    short_forms.entry(key_of(short)).or_insert_with(|| normalize_name(&o.name));
                }
            }
            organisations.push(Organisation { name: o.name.clone() });
        }
        for (i, name) in raw.outlet.iter().enumerate() {
            add_name(name, Entity::Outlet(i), false);
        }
        for region in &raw.regions {
            add_name(region, Entity::Region, false);
        }

        let a = &raw.attribution;
        let mut verbs = PhraseSet::default();
        for (words, stance) in [
            (&a.asserts, Stance::Asserts),
            (&a.denies, Stance::Denies),
            (&a.warns, Stance::Warns),
            (&a.urges, Stance::Urges),
            (&a.estimates, Stance::Estimates),
        ] {
            for w in words {
                verbs.insert(w, stance);
            }
        }
        let n = &raw.numbers;
        let mut number_words = PhraseSet::default();
        for (w, v) in
            NUMBER_WORDS.iter().map(|(w, v)| (*w, *v)).chain(n.units.iter().map(|(w, v)| (w.as_str(), *v)))
        {
            number_words.insert(w, v);
        }
        let mut plurals = PhraseSet::default();
        for (w, v) in &n.plurals {
            plurals.insert(w, *v);
        }
        let mut qualifiers = PhraseSet::default();
        for (w, q) in &n.qualifiers {
            qualifiers.insert(w, *q);
        }
        let b = &raw.boilerplate;
        Gazetteer {
            countries,
            organisations,
            short_forms,
            outlets: raw.outlet.clone(),
            names,
            outlet_nouns: phrases(&raw.outlet_nouns, ()),
            organisation_heads: set(&raw.organisation_heads),
            place_heads: set(&raw.place_heads),
            thing_heads: set(&raw.thing_heads),
            titles: set(&raw.titles),
            portfolios: set(&raw.portfolios),
            people_nouns: set(&raw.people_nouns),
            document_nouns: set(&raw.document_nouns),
            verbs,
            warning_words: set(&a.warning_words),
            strong_hedges: phrases(&raw.hedges.strong, ()),
            weak_hedges: phrases(&raw.hedges.weak, ()),
            boilerplate: Boilerplate {
                lines: set(&b.lines),
                prefixes: b.prefixes.clone(),
                caption_markers: any_of(&b.caption_markers),
                credits: any_of(&b.credits),
                source_notes: any_of(&b.source_notes),
                source_note_prefixes: b.source_notes.clone(),
            },
            number_words,
            scales: SCALE_WORDS
                .iter()
                .map(|(w, v)| (w.to_string(), *v))
                .chain(n.scales.iter().cloned())
                .collect(),
            plurals,
            times: n.times.iter().cloned().collect(),
            qualifiers,
            currencies: n.currencies.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect(),
            not_figures_before: set(&n.not_figures_before),
            measure_words: set(&n.measure_words),
            months: raw.calendar.months.iter().cloned().collect(),
            weekdays: set(&raw.calendar.weekdays),
            stop: set(&raw.words.stop),
            name_joiners: set(&raw.words.name_joiners),
            speaker_gap: phrases(&raw.words.speaker_gap, ()),
        }
    }

    /// The name entry at token `i` if the text writes it as a name: its first significant word capitalised
    /// (all capitals for an all-capitals entry).
    pub fn name_at(&self, t: &Tokens, i: usize) -> Option<(usize, NameEntry)> {
        // Every name starts with a capital or "the": most words are rejected without a lookup.
        if !(t.toks.get(i)?.cap || t.key(i) == "the") {
            return None;
        }
        let (end, entry) = self.names.longest_at(t, i)?;
        let first = if t.key(i) == "the" && end > i + 1 { i + 1 } else { i };
        let tok = &t.toks[first];
        let written_as_name = if entry.all_caps { tok.upper } else { tok.cap };
        written_as_name.then_some((end, *entry))
    }

    /// Whether a word, or its singular, is the head word of an organisation's name ("Centers", "parties").
    pub fn is_organisation_head(&self, word: &str) -> bool {
        self.organisation_heads.contains(word)
            || word.strip_suffix('s').is_some_and(|w| self.organisation_heads.contains(w))
            || word.strip_suffix("ies").is_some_and(|w| self.organisation_heads.contains(&format!("{w}y")))
    }

    /// Whether a word, or its singular, names a kind of place ("states", "province").
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(word)
            || word.strip_suffix('s').is_some_and(|w| self.place_heads.contains(w))
    }

    /// Whether a word is a common noun that heads the name of a place, a thing or a body ("state",
    /// "summit", "ministry"): capitalised alone at a sentence's start, it is no name.
    pub fn is_head_noun(&self, word: &str) -> bool {
        self.place_heads.contains(word)
            || self.thing_heads.contains(word)
            || self.organisation_heads.contains(word)
    }

    /// Whether a word names a role.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// Whether a lower-case word is a profession in "-ist" ("epidemiologist", "columnist"; not "checklist"),
    /// a role like a title. Only lower-case: capitalised, such words are names ("Lindqvist").
    pub fn is_profession(&self, word: &str) -> bool {
        const LISTS: &[&str] = &[
            "checklist",
            "playlist",
            "shortlist",
            "blacklist",
            "whitelist",
            "wishlist",
            "waitlist",
            "watchlist",
        ];
        word.len() > 7 && word.ends_with("ist") && !LISTS.contains(&word)
    }

    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }
}

/// The folded key of a short phrase, its words joined by spaces ("U.N." → "u.n.").
pub fn key_of(phrase: &str) -> String {
    let t = Tokens::new(phrase);
    (0..t.len()).filter(|&i| t.is_word(i)).map(|i| t.key(i)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_parses_and_finds_names_by_longest_match() {
        let g = get();
        assert!(g.countries.len() > 190);
        let t = Tokens::new("the Kremlin and the White House and Guinea-Bissau and U.S. and us");
        let (end, e) = g.name_at(&t, 0).unwrap();
        assert_eq!(
            (end, e.entity),
            (2, Entity::Country(g.countries.iter().position(|c| c.name == "Russia").unwrap()))
        );
        let (end, _) = g.name_at(&t, 3).unwrap();
        assert_eq!(t.span(3..end), "the White House");
        assert!(g.name_at(&t, 7).is_some_and(|(end, _)| t.span(7..end) == "Guinea-Bissau"));
        assert!(g.name_at(&t, 11).is_some(), "U.S.");
        assert!(g.name_at(&t, 13).is_none(), "the pronoun `us` is not the U.S.");
    }

    #[test]
    fn phrases_verbs_and_qualifiers() {
        let g = get();
        let t = Tokens::new("more than a million, called on");
        assert_eq!(g.qualifiers.longest_at(&t, 0).map(|(e, q)| (e, *q)), Some((2, Qualifier::MoreThan)));
        assert_eq!(g.number_words.longest_at(&t, 2).map(|(e, v)| (e, *v)), Some((4, 1e6)));
        assert_eq!(g.verbs.longest_at(&t, 5).map(|(e, s)| (e, *s)), Some((7, Stance::Urges)));
    }
}
