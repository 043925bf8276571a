//! What the converter knows, compiled once into lookup tables: the language tables of
//! `assets/lexicon.toml` (closed classes, titles, head words, cue verbs, open-point phrases, boilerplate,
//! numbers, dates), the world knowledge of `assets/gazetteer.toml` (countries, bodies, outlets, regions,
//! sub-national places) and the given names of `assets/given-names.txt`. All three are embedded in the
//! binary; each file documents its tables.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use foldhash::{HashMap, HashSet};
use serde::Deserialize;

use super::tokens::{Kind, Tokens};
use crate::actors::normalize_name;
use crate::model::{Qualifier, Stance};
use crate::text::{NUMBER_WORDS, SCALE_WORDS};

const LANGUAGE: &str = include_str!("../../assets/lexicon.toml");
const WORLD: &str = include_str!("../../assets/gazetteer.toml");
const GIVEN_NAMES: &str = include_str!("../../assets/given-names.txt");

/// What a name in the gazetteer stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// A country by its name or an alias, its capital or a seat of government.
    Country(usize),
    /// "North Korean": marks roles and owners, never an actor by itself.
    Demonym(usize),
    Organisation(usize),
    Outlet(usize),
    /// A sub-national place with a government of its own ("New Jersey", "Ontario"): an actor only where it acts.
    Place(usize),
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

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
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

    /// The first word of every phrase, and whether a phrase of that one word alone is in the set.
    pub fn first_words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.by_first
            .iter()
            .map(|(first, entries)| (first.as_str(), entries.iter().any(|(k, _)| k.len() == 1)))
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

/// The word classes of a token, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tags(u64);

impl Tags {
    pub const DETERMINER: Tags = Tags(1);
    pub const PERSON_PRONOUN: Tags = Tags(1 << 1);
    pub const THING_PRONOUN: Tags = Tags(1 << 2);
    pub const PLURAL_PRONOUN: Tags = Tags(1 << 3);
    pub const FIRST_PLURAL: Tags = Tags(1 << 4);
    pub const FIRST_SINGULAR: Tags = Tags(1 << 5);
    pub const PREPOSITION: Tags = Tags(1 << 6);
    pub const LOCATIVE: Tags = Tags(1 << 7);
    pub const CONJUNCTION: Tags = Tags(1 << 8);
    pub const AUXILIARY: Tags = Tags(1 << 9);
    pub const NEGATION: Tags = Tags(1 << 10);
    pub const RELATIVE: Tags = Tags(1 << 11);
    pub const STOP: Tags = Tags(1 << 12);
    pub const TITLE: Tags = Tags(1 << 13);
    pub const PEOPLE_NOUN: Tags = Tags(1 << 14);
    pub const ORG_HEAD: Tags = Tags(1 << 15);
    pub const PLACE_HEAD: Tags = Tags(1 << 16);
    pub const THING_HEAD: Tags = Tags(1 << 17);
    pub const BODY_NOUN: Tags = Tags(1 << 18);
    pub const CORPORATE: Tags = Tags(1 << 19);
    pub const PORTFOLIO: Tags = Tags(1 << 20);
    pub const DOCUMENT: Tags = Tags(1 << 21);
    pub const CUE: Tags = Tags(1 << 22);
    pub const VERB: Tags = Tags(1 << 23);
    pub const GIVEN_NAME: Tags = Tags(1 << 24);
    pub const CALENDAR: Tags = Tags(1 << 25);
    pub const NUMBER: Tags = Tags(1 << 26);
    pub const JOINER: Tags = Tags(1 << 27);
    pub const PROFESSION: Tags = Tags(1 << 28);
    pub const FAMILY_FIRST: Tags = Tags(1 << 29);
    /// A past, participle or "-ing" form of a verb ("announced", "held", "saying").
    pub const INFLECTED: Tags = Tags(1 << 30);
    /// The first word of a cue phrase ("called" of "called on"), or of a number phrase ("half" of "half a
    /// million"): the phrase is looked for only after such a word.
    pub const CUE_PHRASE: Tags = Tags(1 << 31);
    pub const NUMBER_PHRASE: Tags = Tags(1 << 32);
    /// The first word of an open-point phrase ("not" of "not clear") or a weak hedge ("may").
    pub const OPEN_PHRASE: Tags = Tags(1 << 33);

    pub fn has(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    pub fn add(&mut self, other: Tags, when: bool) {
        if when {
            self.0 |= other.0;
        }
    }

    pub fn remove(&mut self, other: Tags) {
        self.0 &= !other.0;
    }
}

impl std::ops::BitOr for Tags {
    type Output = Tags;
    fn bitor(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
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

/// The kinds of open point a phrase of `[open_points]` raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OpenKind {
    /// Not known, not shown, not verified.
    Unknown,
    /// A party would not say.
    Declined,
    /// Not settled yet.
    Pending,
    /// Denied or contested by a party.
    Disputed,
    /// Stated with a hedge.
    Hedged,
}

#[derive(Debug)]
pub struct Lexicon {
    // World knowledge.
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    /// Short forms of organisations ("un") → their normalised name ("united nations"): they expand at the
    /// start of other names ("U.N. Security Council").
    pub short_forms: HashMap<String, String>,
    pub outlets: Vec<String>,
    pub places: Vec<String>,
    /// Every name of a country, organisation, outlet, region or place, and every demonym.
    pub names: PhraseSet<NameEntry>,
    pub given_names: WordSet,
    pub family_names_first: WordSet,
    // Names and roles.
    pub outlet_nouns: PhraseSet<()>,
    pub outlet_name_heads: WordSet,
    pub organisation_heads: WordSet,
    pub place_heads: WordSet,
    pub thing_heads: WordSet,
    pub titles: WordSet,
    pub portfolios: WordSet,
    pub people_nouns: WordSet,
    pub document_nouns: WordSet,
    pub corporate_words: WordSet,
    pub body_nouns: WordSet,
    pub company_nouns: WordSet,
    pub compound_tails: WordSet,
    pub role_openers: WordSet,
    pub place_openers: WordSet,
    pub term_acronyms: WordSet,
    /// Proceedings and papers of a legislature ("Session", "Order Paper"): a thing's head only as a name's
    /// own last word (or before its "of"), never as the noun after a name ("a Senate hearing").
    pub proceeding_heads: WordSet,
    /// Words that open a thing's name ("Hurricane", "Operation").
    pub thing_openers: WordSet,
    /// Titles held at a company or another body ("CEO", "spokesman"), not in a government.
    pub company_titles: WordSet,
    pub consulted_verbs: WordSet,
    pub results_nouns: WordSet,
    pub plural_noun_endings: Vec<String>,
    pub name_particles: WordSet,
    /// Generational suffixes after a family name ("Jr").
    pub name_suffixes: WordSet,
    // Grammar.
    pub determiners: WordSet,
    pub person_pronouns: WordSet,
    pub thing_pronouns: WordSet,
    pub plural_pronouns: WordSet,
    pub first_plural: WordSet,
    pub first_singular: WordSet,
    pub prepositions: WordSet,
    pub locatives: WordSet,
    pub journey_words: WordSet,
    pub directions: WordSet,
    pub conjunctions: WordSet,
    pub subordinators: PhraseSet<()>,
    pub auxiliaries: WordSet,
    pub negations: WordSet,
    pub relatives: WordSet,
    /// Every form of the common verbs.
    pub verbs: WordSet,
    /// Their past, participle and "-ing" forms, which no noun or adjective shares as "top" or "report" do.
    pub verb_inflections: WordSet,
    // Attribution.
    /// Cue verbs (and phrases: "called on") by the stance they give a claim.
    pub cues: PhraseSet<Stance>,
    /// Cue verbs that report a decision rather than words ("raised its rate"): only a named actor makes one.
    pub decisions: WordSet,
    pub warning_words: WordSet,
    pub audience: PhraseSet<()>,
    pub speaker_gap: PhraseSet<()>,
    pub said_where: PhraseSet<()>,
    pub issue_verbs: PhraseSet<()>,
    // Open points.
    pub open_points: PhraseSet<OpenKind>,
    pub weak_hedges: PhraseSet<()>,
    /// Every listed word → its word classes, so that a token's classes take one lookup.
    word_tags: HashMap<String, Tags>,
    // Furniture, numbers and dates.
    pub boilerplate: Boilerplate,
    pub number_words: PhraseSet<f64>,
    pub scales: HashMap<String, f64>,
    pub plurals: PhraseSet<f64>,
    pub times: HashMap<String, f64>,
    pub qualifiers: PhraseSet<Qualifier>,
    /// Currency symbols ("$") and words ("euros") → the unit written in the figure.
    pub currencies: HashMap<String, String>,
    /// Subunits ("cents") → their currency and value in it.
    pub subunits: HashMap<String, (String, f64)>,
    /// Fractions in words ("a third") → their value.
    pub fractions: PhraseSet<f64>,
    pub not_figures_before: WordSet,
    pub measure_words: WordSet,
    pub months: HashMap<String, u8>,
    pub weekdays: WordSet,
    /// Time zones ("EDT", "GMT"): calendar words, never a body's short form.
    pub time_zones: WordSet,
    pub stop: WordSet,
    pub name_joiners: WordSet,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorld {
    country: Vec<RawCountry>,
    organisation: Vec<RawOrganisation>,
    outlet: Vec<String>,
    regions: Vec<String>,
    places: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    outlet_nouns: Vec<String>,
    outlet_name_heads: Vec<String>,
    organisation_heads: Vec<String>,
    place_heads: Vec<String>,
    thing_heads: Vec<String>,
    titles: Vec<String>,
    portfolios: Vec<String>,
    people_nouns: Vec<String>,
    document_nouns: Vec<String>,
    corporate_words: Vec<String>,
    body_nouns: Vec<String>,
    company_nouns: Vec<String>,
    compound_tails: Vec<String>,
    role_openers: Vec<String>,
    place_openers: Vec<String>,
    term_acronyms: Vec<String>,
    proceeding_heads: Vec<String>,
    thing_openers: Vec<String>,
    company_titles: Vec<String>,
    consulted_verbs: Vec<String>,
    results_nouns: Vec<String>,
    plural_noun_endings: Vec<String>,
    family_names_first: Vec<String>,
    grammar: RawGrammar,
    verbs: RawVerbs,
    attribution: RawAttribution,
    open_points: RawOpenPoints,
    boilerplate: RawBoilerplate,
    numbers: RawNumbers,
    calendar: RawCalendar,
    words: RawWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
struct RawPlace {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrammar {
    determiners: Vec<String>,
    person_pronouns: Vec<String>,
    thing_pronouns: Vec<String>,
    plural_pronouns: Vec<String>,
    first_plural: Vec<String>,
    first_singular: Vec<String>,
    prepositions: Vec<String>,
    locatives: Vec<String>,
    journey_words: Vec<String>,
    directions: Vec<String>,
    conjunctions: Vec<String>,
    subordinators: Vec<String>,
    auxiliaries: Vec<String>,
    negations: Vec<String>,
    relatives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerbs {
    common: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttribution {
    asserts: Vec<String>,
    denies: Vec<String>,
    warns: Vec<String>,
    urges: Vec<String>,
    estimates: Vec<String>,
    decisions: Vec<String>,
    warning_words: Vec<String>,
    audience: Vec<String>,
    speaker_gap: Vec<String>,
    said_where: Vec<String>,
    issue_verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOpenPoints {
    unknown: Vec<String>,
    declined: Vec<String>,
    pending: Vec<String>,
    disputed: Vec<String>,
    hedged: Vec<String>,
    weak: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBoilerplate {
    lines: Vec<String>,
    prefixes: Vec<String>,
    caption_markers: Vec<String>,
    credits: Vec<String>,
    source_notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    units: Vec<(String, f64)>,
    scales: Vec<(String, f64)>,
    plurals: Vec<(String, f64)>,
    times: Vec<(String, f64)>,
    qualifiers: Vec<(String, Qualifier)>,
    currencies: Vec<(String, String)>,
    subunits: Vec<(String, String, f64)>,
    fractions: Vec<(String, f64)>,
    not_figures_before: Vec<String>,
    measure_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    months: Vec<(String, u8)>,
    weekdays: Vec<String>,
    time_zones: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    stop: Vec<String>,
    name_joiners: Vec<String>,
    name_particles: Vec<String>,
    name_suffixes: Vec<String>,
}

/// The lexicon, compiled on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let language: RawLanguage =
            toml::from_str(LANGUAGE).expect("assets/lexicon.toml is valid (a unit test checks it)");
        let world: RawWorld =
            toml::from_str(WORLD).expect("assets/gazetteer.toml is valid (a unit test checks it)");
        Lexicon::compile(language, world, GIVEN_NAMES)
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

/// Every form of a verb of `[verbs]`: "announce" → announce, announces, announced, announcing;
/// "begin:began:begun" adds its irregular forms. A final consonant may double ("ban" → "banned"): both
/// spellings are made, as a form that never occurs costs nothing.
fn verb_forms(entry: &str) -> Vec<String> {
    let mut parts = entry.split(':');
    let lemma = parts.next().unwrap_or_default().to_lowercase();
    let mut out: Vec<String> = parts.map(str::to_lowercase).collect();
    let last = lemma.chars().last().unwrap_or('a');
    let before_last = lemma.chars().rev().nth(1).unwrap_or('a');
    let vowel = |c: char| "aeiou".contains(c);
    let third = if lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let (past, ing) = if last == 'e' {
        (format!("{lemma}d"), format!("{}ing", &lemma[..lemma.len() - 1]))
    } else if last == 'y' && !vowel(before_last) {
        (format!("{}ied", &lemma[..lemma.len() - 1]), format!("{lemma}ing"))
    } else {
        (format!("{lemma}ed"), format!("{lemma}ing"))
    };
    if !vowel(last) && vowel(before_last) && !"wxy".contains(last) {
        out.push(format!("{lemma}{last}ed"));
        out.push(format!("{lemma}{last}ing"));
    }
    out.extend([lemma, third, past, ing]);
    out
}

impl Lexicon {
    fn compile(raw: RawLanguage, world: RawWorld, given_names: &str) -> Lexicon {
        let mut names = PhraseSet::default();
        let mut add_name = |name: &str, entity: Entity, seat: bool| {
            let entry = NameEntry { entity, all_caps: is_all_caps(name), seat };
            names.insert(name, entry);
            if let Some(rest) = name.strip_prefix("the ") {
                names.insert(rest, entry);
            }
        };
        let mut countries = Vec::new();
        for (i, c) in world.country.iter().enumerate() {
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
        for (i, o) in world.organisation.iter().enumerate() {
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
        for (i, name) in world.outlet.iter().enumerate() {
            add_name(name, Entity::Outlet(i), false);
        }
        let mut places = Vec::new();
        for (i, p) in world.places.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add_name(name, Entity::Place(i), false);
            }
            places.push(p.name.clone());
        }
        for region in &world.regions {
            add_name(region, Entity::Region, false);
        }

        let a = &raw.attribution;
        let mut cues = PhraseSet::default();
        for (words, stance) in [
            (&a.asserts, Stance::Asserts),
            (&a.denies, Stance::Denies),
            (&a.warns, Stance::Warns),
            (&a.urges, Stance::Urges),
            (&a.estimates, Stance::Estimates),
            (&a.decisions, Stance::Asserts),
        ] {
            for w in words {
                cues.insert(w, stance);
            }
        }
        let o = &raw.open_points;
        let mut open_points = PhraseSet::default();
        for (words, kind) in [
            (&o.unknown, OpenKind::Unknown),
            (&o.declined, OpenKind::Declined),
            (&o.pending, OpenKind::Pending),
            (&o.disputed, OpenKind::Disputed),
            (&o.hedged, OpenKind::Hedged),
        ] {
            for w in words {
                open_points.insert(w, kind);
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
        let g = &raw.grammar;
        let b = &raw.boilerplate;
        let stop = set(&raw.words.stop);
        let months: HashMap<String, u8> = raw.calendar.months.iter().cloned().collect();
        let weekdays = set(&raw.calendar.weekdays);
        let titles = set(&raw.titles);
        // A given name is never a function word, a title, a month or a weekday ("May", "Dean").
        let given_names = given_names
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .filter(|w| {
                !stop.contains(w) && !titles.contains(w) && !months.contains_key(w) && !weekdays.contains(w)
            })
            .collect();
        let mut lexicon = Lexicon {
            countries,
            organisations,
            short_forms,
            outlets: world.outlet.clone(),
            places,
            names,
            given_names,
            family_names_first: set(&raw.family_names_first),
            outlet_nouns: phrases(&raw.outlet_nouns, ()),
            outlet_name_heads: set(&raw.outlet_name_heads),
            organisation_heads: set(&raw.organisation_heads),
            place_heads: set(&raw.place_heads),
            thing_heads: set(&raw.thing_heads),
            titles,
            portfolios: set(&raw.portfolios),
            people_nouns: set(&raw.people_nouns),
            document_nouns: set(&raw.document_nouns),
            corporate_words: set(&raw.corporate_words),
            body_nouns: set(&raw.body_nouns),
            company_nouns: set(&raw.company_nouns),
            compound_tails: set(&raw.compound_tails),
            role_openers: set(&raw.role_openers),
            place_openers: set(&raw.place_openers),
            term_acronyms: set(&raw.term_acronyms),
            proceeding_heads: set(&raw.proceeding_heads),
            thing_openers: set(&raw.thing_openers),
            company_titles: set(&raw.company_titles),
            consulted_verbs: set(&raw.consulted_verbs),
            results_nouns: set(&raw.results_nouns),
            plural_noun_endings: raw.plural_noun_endings,
            name_particles: set(&raw.words.name_particles),
            name_suffixes: set(&raw.words.name_suffixes),
            determiners: set(&g.determiners),
            person_pronouns: set(&g.person_pronouns),
            thing_pronouns: set(&g.thing_pronouns),
            plural_pronouns: set(&g.plural_pronouns),
            first_plural: set(&g.first_plural),
            first_singular: set(&g.first_singular),
            prepositions: set(&g.prepositions),
            locatives: set(&g.locatives),
            journey_words: set(&g.journey_words),
            directions: set(&g.directions),
            conjunctions: set(&g.conjunctions),
            subordinators: phrases(&g.subordinators, ()),
            auxiliaries: set(&g.auxiliaries),
            negations: set(&g.negations),
            relatives: set(&g.relatives),
            verbs: raw.verbs.common.iter().flat_map(|v| verb_forms(v)).collect(),
            verb_inflections: {
                let lemmas: HashSet<&str> =
                    raw.verbs.common.iter().filter_map(|v| v.split(':').next()).collect();
                raw.verbs
                    .common
                    .iter()
                    .flat_map(|v| verb_forms(v))
                    .filter(|f| f.ends_with("ed") || f.ends_with("ing") || !f.ends_with('s'))
                    .filter(|f| !lemmas.contains(f.as_str()))
                    .collect()
            },
            cues,
            decisions: set(&a.decisions),
            warning_words: set(&a.warning_words),
            audience: phrases(&a.audience, ()),
            speaker_gap: phrases(&a.speaker_gap, ()),
            said_where: phrases(&a.said_where, ()),
            issue_verbs: phrases(&a.issue_verbs, ()),
            open_points,
            weak_hedges: phrases(&o.weak, ()),
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
            subunits: n.subunits.iter().map(|(k, unit, f)| (k.to_lowercase(), (unit.clone(), *f))).collect(),
            fractions: {
                let mut set = PhraseSet::default();
                for (w, v) in &n.fractions {
                    set.insert(w, *v);
                }
                set
            },
            not_figures_before: set(&n.not_figures_before),
            measure_words: set(&n.measure_words),
            months,
            weekdays,
            time_zones: set(&raw.calendar.time_zones),
            stop,
            name_joiners: set(&raw.words.name_joiners),
            word_tags: HashMap::default(),
        };
        lexicon.compile_word_tags();
        lexicon
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

    /// The singular of a plural noun, as far as a rule can tell ("parties" → "party", "centers" → "center").
    pub fn singular(word: &str) -> Option<String> {
        if let Some(stem) = word.strip_suffix("ies") {
            return Some(format!("{stem}y"));
        }
        word.strip_suffix('s').filter(|w| !w.ends_with('s')).map(str::to_string)
    }

    /// Whether a word, or its singular, is in the set ("Centers", "parties").
    pub fn in_set_or_singular(set: &WordSet, word: &str) -> bool {
        set.contains(word) || Lexicon::singular(word).is_some_and(|w| set.contains(&w))
    }

    /// Whether a word, or its singular, is the head word of an organisation's name ("Centers", "parties").
    pub fn is_organisation_head(&self, word: &str) -> bool {
        Lexicon::in_set_or_singular(&self.organisation_heads, word)
    }

    /// Whether a word, or its singular, names a kind of place ("states", "province").
    pub fn is_place_head(&self, word: &str) -> bool {
        Lexicon::in_set_or_singular(&self.place_heads, word)
    }

    /// Whether a word is a common noun that heads the name of a place, a thing or a body ("state",
    /// "summit", "ministry"): capitalised alone at a sentence's start, it is no name.
    pub fn is_head_noun(&self, word: &str) -> bool {
        self.place_heads.contains(word)
            || self.thing_heads.contains(word)
            || self.is_organisation_head(word)
            || Lexicon::in_set_or_singular(&self.body_nouns, word)
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

    /// Whether a lower-case word has the shape of a plural common noun ("excavators", "residents").
    pub fn looks_plural_noun(&self, word: &str) -> bool {
        word.len() >= 7 && self.plural_noun_endings.iter().any(|e| word.ends_with(e.as_str()))
    }

    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// Whether a word is a verb form: a common verb, an auxiliary or a cue verb.
    pub fn is_verb(&self, word: &str) -> bool {
        self.verbs.contains(word) || self.auxiliaries.contains(word)
    }

    /// The word classes the lists give a folded word.
    pub fn word_tags(&self, word: &str) -> Tags {
        self.word_tags.get(word).copied().unwrap_or_default()
    }

    /// Every listed word with its classes. Plurals of head words and body nouns are listed too
    /// ("centers", "parties"), so that no rule is run per token.
    fn compile_word_tags(&mut self) {
        let mut map: HashMap<String, Tags> = HashMap::default();
        let mut put = |word: &str, tags: Tags| {
            let e = map.entry(word.to_string()).or_default();
            *e = *e | tags;
        };
        let sets: [(&WordSet, Tags); 24] = [
            (&self.determiners, Tags::DETERMINER),
            (&self.person_pronouns, Tags::PERSON_PRONOUN),
            (&self.thing_pronouns, Tags::THING_PRONOUN),
            (&self.plural_pronouns, Tags::PLURAL_PRONOUN),
            (&self.first_plural, Tags::FIRST_PLURAL),
            (&self.first_singular, Tags::FIRST_SINGULAR),
            (&self.prepositions, Tags::PREPOSITION),
            (&self.locatives, Tags::LOCATIVE),
            (&self.conjunctions, Tags::CONJUNCTION),
            (&self.auxiliaries, Tags::AUXILIARY | Tags::VERB),
            (&self.negations, Tags::NEGATION),
            (&self.relatives, Tags::RELATIVE),
            (&self.stop, Tags::STOP),
            (&self.titles, Tags::TITLE),
            (&self.people_nouns, Tags::PEOPLE_NOUN),
            (&self.thing_heads, Tags::THING_HEAD),
            (&self.corporate_words, Tags::CORPORATE),
            (&self.portfolios, Tags::PORTFOLIO),
            (&self.document_nouns, Tags::DOCUMENT),
            (&self.verbs, Tags::VERB),
            (&self.verb_inflections, Tags::INFLECTED),
            (&self.given_names, Tags::GIVEN_NAME),
            (&self.family_names_first, Tags::FAMILY_FIRST),
            (&self.name_joiners, Tags::JOINER),
        ];
        for (set, tags) in sets {
            for w in set.iter() {
                put(w, tags);
            }
        }
        for (set, tags) in [
            (&self.organisation_heads, Tags::ORG_HEAD),
            (&self.place_heads, Tags::PLACE_HEAD),
            (&self.body_nouns, Tags::BODY_NOUN),
        ] {
            for w in set.iter() {
                put(w, tags);
                let plural = match w.strip_suffix('y') {
                    Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
                    _ => format!("{w}s"),
                };
                put(&plural, tags);
            }
        }
        for w in self.weekdays.iter().chain(self.months.keys()).chain(self.time_zones.iter()) {
            put(w, Tags::CALENDAR);
        }
        for (first, single) in self.cues.first_words() {
            put(first, if single { Tags::CUE } else { Tags::CUE_PHRASE });
        }
        for (first, _) in self.open_points.first_words().chain(self.weak_hedges.first_words()) {
            put(first, Tags::OPEN_PHRASE);
        }
        for (first, single) in self.number_words.first_words() {
            put(first, if single { Tags::NUMBER } else { Tags::NUMBER_PHRASE });
        }
        self.word_tags = map;
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
        assert_eq!(g.cues.longest_at(&t, 5).map(|(e, s)| (e, *s)), Some((7, Stance::Urges)));
    }
}
