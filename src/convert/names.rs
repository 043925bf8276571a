//! Names and the mentions they make. Input: the analysed [`Doc`]. Output: per sentence, its [`Mention`]s in
//! order: capitalised runs read as people (a title or an apposition gives the role), states, bodies,
//! outlets, places, things, or single words still to be decided by the coreference pass.
//!
//! A run is cut out by shape (capitals, initialisms, joiners such as "of", hyphenated syllables, "and"
//! between the parts of a body's name) and read by the lexicon: a gazetteer name, a head word ("Council",
//! "Province", "Cup"), a corporate word ("Inc."), a given name or an East Asian family name first, a name
//! particle ("ten", "de"), a title before it. What each mention does in its sentence is noted too: whether
//! it only locates something ("in Manado") and whether it acts ("Kroger sued", "Visa's profit").

use std::ops::Range;

use super::doc::{Doc, Sent, Tags, when_said};
use super::lexicon::{Entity, Lexicon, NameEntry};
use super::tokens::Kind as TokenKind;

/// What a mention names, as far as its sentence shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organisation,
    Outlet,
    State,
    /// A place: a sub-national place of the gazetteer, a name with a place head word, a capital used as one.
    Place,
    /// A region of the gazetteer ("the Middle East"): never an actor.
    Region,
    /// Events, documents, competitions, craft: never an actor.
    Thing,
    /// One capitalised word, to be decided: a surname, a body's short name, a company.
    Single,
    /// A name of several words with no clue to what it is.
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub sentence: usize,
    /// The tokens of the name, its title excluded.
    pub tokens: Range<usize>,
    pub kind: Kind,
    /// The gazetteer entity, when the name is one.
    pub known: Option<Entity>,
    /// The role its title or an apposition gives ("U.S. Secretary of State").
    pub role: Option<String>,
    /// Where the name's title starts (its own start when it has none).
    pub role_start: usize,
    /// A body noun that describes it: "grocer" in "grocer Kroger", "network" in "Visa, the card network,".
    pub descriptor: Option<String>,
    /// It only locates something ("talks in Moscow", "Christchurch, New Zealand", "a London jury").
    pub locates: bool,
    /// It acts in its sentence: a verb follows (auxiliaries, adverbs, an apposition, a day between), or it
    /// owns something ("Visa's fiscal quarter").
    pub acts: bool,
    /// A single word right before a title ("Ember analyst", "United boss"): an employer.
    pub affiliation: bool,
    /// Used as a modifier of a noun or a title ("EU referendum", "US tariffs", "Northern Ireland
    /// Secretary"): an adjective, not the state or body itself.
    pub modifier: bool,
}

impl Mention {
    /// The name as written, a leading "the" left out.
    pub fn written<'t>(&self, s: &Sent<'t>) -> &'t str {
        let start = if s.key(self.tokens.start) == "the" && self.tokens.len() > 1 {
            self.tokens.start + 1
        } else {
            self.tokens.start
        };
        s.t.span(start..self.tokens.end)
    }

    /// Whether it can name an actor of the draft by itself.
    pub fn is_actor_kind(&self) -> bool {
        !matches!(self.kind, Kind::Region | Kind::Thing)
    }
}

/// The gazetteer name starting at each token, looked up once.
struct Names(Vec<Option<(usize, NameEntry)>>);

impl Names {
    fn at(&self, i: usize) -> Option<(usize, NameEntry)> {
        self.0.get(i).copied().flatten()
    }
}

/// The mentions of every sentence.
pub fn find(doc: &Doc, lex: &Lexicon) -> Vec<Vec<Mention>> {
    doc.sents.iter().map(|s| sentence(doc, s, lex)).collect()
}

fn sentence(doc: &Doc, s: &Sent, lex: &Lexicon) -> Vec<Mention> {
    let names = Names((0..s.len()).map(|i| lex.name_at(&s.t, i)).collect());
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(end) = run_end(doc, s, i, &names, lex) else {
            i += 1;
            continue;
        };
        classify(doc, s, i..end, &names, lex, &mut out);
        i = end;
    }
    for m in &mut out {
        // "Tarvair (NYSE:TV)": a name with its stock ticker is a listed company; so is one whose shares or
        // stock are spoken of ("shares of Tarvair", "a stake in Tarvair").
        let t = &s.t;
        let e = m.tokens.end;
        let b = m.tokens.start;
        let ticker = t.is_punct(e, "(")
            && t.toks.get(e + 1).is_some_and(|x| x.upper)
            && t.is_punct(e + 2, ":")
            && t.toks.get(e + 3).is_some_and(|x| x.upper);
        let shares = b >= 2
            && matches!(t.key(b - 2), "shares" | "stock" | "stake" | "shareholders" | "investors")
            && matches!(t.key(b - 1), "of" | "in");
        m.locates = locates(s, m, lex);
        // "held in Santa Clara, California": a name with a given name's shape, placed by its state.
        let placed = b > 0
            && matches!(t.key(b - 1), "in" | "at" | "near" | "from")
            && followed_by_its_state(s, m, lex);
        if placed && matches!(m.kind, Kind::Person | Kind::Unknown | Kind::Single) && m.role.is_none() {
            m.kind = Kind::Place;
        }
        m.acts = acts(s, m.role_start.min(m.tokens.start)..m.tokens.end, lex);
        if m.descriptor.is_none() {
            m.descriptor = descriptor_before(s, m.role_start.min(m.tokens.start), lex);
        }
        let next = m.tokens.end;
        let lower_next = s.t.toks.get(next).is_some_and(|t| t.kind == TokenKind::Word && !t.cap);
        m.affiliation = m.kind == Kind::Single
            && !s.t.toks[next - 1].possessive
            && lower_next
            && (s.has(next, Tags::TITLE) || s.has(next, Tags::PROFESSION));
        // "its $20 IPO price": after an article, a possessive or a number, a verb's bare form is a noun.
        let in_noun_phrase = (t.key(b) == "the"
            || (b > 0 && (s.has(b - 1, Tags::DETERMINER) || s.has(b - 1, Tags::NUMBER))))
            && !s.has(next, Tags::INFLECTED);
        m.modifier = !s.t.toks[next - 1].possessive
            && s.t.toks.get(next).is_some_and(|t| t.kind == TokenKind::Word)
            && ((lower_next
                && (!(s.has(next, Tags::VERB) || s.has(next, Tags::CUE)) || in_noun_phrase)
                && !s.has(next, Tags::STOP)
                && !past_tense_shape(s.key(next))
                && !s.key(next).ends_with("ly"))
                || s.has(next, Tags::TITLE));
        // "Cisco shares closed up", "Quorvo's stock": the company whose shares they are. Not "shares of the
        // Internet switch maker": a name that modifies another noun is no company.
        let shares_after = matches!(t.key(e), "shares" | "stock" | "shareholders" | "stockholders");
        if matches!(m.kind, Kind::Single | Kind::Unknown)
            && (ticker || shares_after || (shares && !m.modifier))
        {
            m.kind = Kind::Organisation;
        }
        // "CNN Türk news reported", "the Oryx blog": an outlet word right after the name.
        let after = m.tokens.end;
        let outlet_after = s.t.toks.get(after).is_some_and(|t| t.kind == TokenKind::Word && !t.cap)
            && lex.outlet_nouns.longest_at(&s.t, after).is_some();
        if outlet_after
            && matches!(m.kind, Kind::Single | Kind::Unknown | Kind::Organisation)
            && m.known.is_none()
        {
            m.kind = Kind::Outlet;
        }
        // A place that says something is a body ("City said"), and so is one that acts as a team does.
        if m.kind == Kind::Place && m.known.is_none() && speaks_next(s, m.tokens.end, lex) {
            m.kind = Kind::Organisation;
        }
    }
    out
}

/// Whether token `i` may start a name. At the start of a sentence or quotation any word is capitalised,
/// so there a word starts a name only if it is a gazetteer name, a given name, a title, an initialism or
/// acronym, a word the article capitalises elsewhere, or the first of several capitalised words that the
/// article never writes in lower case.
fn starts_name(doc: &Doc, s: &Sent, i: usize, names: &Names, lex: &Lexicon) -> bool {
    if names.at(i).is_some() {
        return true;
    }
    let t = &s.t;
    if !t.is_capitalised(i) {
        return false;
    }
    let key = t.key(i);
    let tag = s.tag(i);
    // "Tarvo News": an outlet's last word counts though "news" is a function word elsewhere.
    // "Cheong In-kyo": a hyphened given name whose first syllable is written like a function word.
    let hyphened_given = t.is_punct(i + 2, "-")
        && t.toks[i + 1].range.end == t.toks[i + 2].range.start
        && name_syllable(s, i + 3, lex);
    let next_is_name = t.is_capitalised(i + 1)
        && (!s.has(i + 1, Tags::STOP) || lex.outlet_name_heads.contains(t.key(i + 1)) || hyphened_given);
    // "Ten Hag", "De Bruyne": a particle starts a surname.
    if tag.has(Tags::JOINER) && !matches!(key, "of" | "for" | "and") {
        return next_is_name;
    }
    if tag.has(Tags::STOP) || tag.has(Tags::CALENDAR) {
        return false;
    }
    if !s.opens(i) {
        return true;
    }
    let tok = &t.toks[i];
    tag.has(Tags::GIVEN_NAME)
        || (tag.has(Tags::FAMILY_FIRST) && next_is_name)
        || (tag.has(Tags::TITLE) && next_is_name)
        || tok.upper
        || tok.kind == TokenKind::Initialism
        || doc.capitalises(key)
        || (next_is_name && !doc.writes_lower(key) && !tag.has(Tags::PEOPLE_NOUN))
        // "Quorvo said", "Halden later told": a word that speaks, and is no common noun the article uses or
        // that has a plural noun's shape ("Excavators also found").
        || (speaks_next(s, i + 1, lex)
            && !doc.writes_lower(key)
            && !lex.looks_plural_noun(key)
            && !tag.has(Tags::PEOPLE_NOUN)
            && !tag.has(Tags::BODY_NOUN)
            && !tag.has(Tags::TITLE)
            && !tag.has(Tags::DOCUMENT)
            && !tag.has(Tags::ORG_HEAD))
}

/// Whether token `k` may continue a name.
fn part(s: &Sent, k: usize, names: &Names, lex: &Lexicon) -> bool {
    // "US$39bn", "HK$5": a currency's prefix names no one.
    let currency = s.t.is_punct(k + 1, "$") && s.t.toks[k].range.end == s.t.toks[k + 1].range.start;
    !currency
        && (names.at(k).is_some()
            || (s.t.is_capitalised(k)
                && (!s.has(k, Tags::STOP) || lex.outlet_name_heads.contains(s.key(k)))
                && !s.has(k, Tags::CALENDAR)))
}

/// The end of the capitalised run starting at `i`, if one starts there. Runs take gazetteer names whole,
/// join words with hyphens, joiners before a capital ("of", "for", "de"), "in" after an organisation word
/// ("Russian Embassy in Washington") and "and" between the parts of a body's name; a possessive ends them.
fn run_end(doc: &Doc, s: &Sent, i: usize, names: &Names, lex: &Lexicon) -> Option<usize> {
    if !starts_name(doc, s, i, names, lex) {
        return None;
    }
    let t = &s.t;
    let mut end = i;
    loop {
        end = match names.at(end) {
            Some((e, _)) => e,
            None if part(s, end, names, lex) || (end == i && s.has(i, Tags::JOINER)) => end + 1,
            None => break,
        };
        if t.toks[end - 1].possessive {
            break;
        }
        let lower_word = t.toks.get(end).is_some_and(|tok| tok.kind == TokenKind::Word && !tok.cap);
        let glued = |a: usize| a + 1 < t.len() && t.toks[a].range.end == t.toks[a + 1].range.start;
        let hyphen = t.is_punct(end, "-") && glued(end - 1);
        // A name's syllable after a hyphen, in lower case: "Kim Jong-un", "Sim Jai-dong".
        if hyphen && glued(end) && name_syllable(s, end + 1, lex) {
            end += 2;
            if t.toks[end - 1].possessive {
                break;
            }
            continue;
        }
        // 'Isaac "Yitzy" Schleifer': a nickname in quotation marks inside a name.
        if t.is_punct(end, "\"")
            && t.is_capitalised(end + 1)
            && t.is_punct(end + 2, "\"")
            && t.is_capitalised(end + 3)
            && part(s, end + 3, names, lex)
        {
            end += 3;
            continue;
        }
        // "Cheong In-kyo", "Kim Do-hyun": a syllable written like a function word, hyphened to the next.
        if t.toks.get(end).is_some_and(|tok| tok.cap && tok.kind == TokenKind::Word)
            && t.is_punct(end + 1, "-")
            && glued(end)
            && glued(end + 1)
            && name_syllable(s, end + 2, lex)
        {
            end += 3;
            continue;
        }
        // "Workers' Party", "Veterans' Affairs": a plural possessive inside a name.
        if t.is_punct(end, "'")
            && glued(end - 1)
            && t.key(end - 1).ends_with('s')
            && t.is_capitalised(end + 1)
        {
            end += 1;
            continue;
        }
        let joiner = lower_word && s.has(end, Tags::JOINER) && !matches!(t.key(end), "and");
        let embassy_in = t.key(end) == "in" && s.has(end - 1, Tags::ORG_HEAD);
        let and = (lower_word && t.key(end) == "and") || t.is_punct(end, "&");
        let joins_body = and && and_joins_body(s, i..end, names);
        // "Minister for Planning, Development and Reform Asad Umar": a title's list of portfolios.
        let portfolio_list = t.is_punct(end, ",")
            && s.has(end - 1, Tags::PORTFOLIO)
            && s.has(end + 1, Tags::PORTFOLIO)
            && t.is_capitalised(end + 1)
            && (i + 1..end).any(|k| matches!(t.key(k), "for" | "of") && s.has(k - 1, Tags::TITLE));
        let next = if hyphen || joiner || embassy_in || joins_body || portfolio_list { end + 1 } else { end };
        if !part(s, next, names, lex) {
            break;
        }
        end = next;
    }
    (end > i).then_some(end)
}

/// Whether the "and" (or "&") right after `run` joins two parts of one body's or title's name ("Food and
/// Drug Administration", "Centers for Disease Control and Prevention", "Justice and Development Party",
/// "Minister of State for Legal and Parliamentary Affairs"), not two names ("Kroger and Albertsons",
/// "Russia and Ukraine", "the Treasury Department and the Pentagon"). The run so far must not be complete
/// (no head word at its end), the part after "and" starts with neither a gazetteer name nor a given name,
/// and either the run holds a head word before a joiner or the part after it ends with a head word or a
/// portfolio.
fn and_joins_body(s: &Sent, run: Range<usize>, names: &Names) -> bool {
    let t = &s.t;
    let last = run.end - 1;
    let head = |k: usize| s.has(k, Tags::ORG_HEAD) || s.has(k, Tags::TITLE) || s.has(k, Tags::THING_HEAD);
    if head(last) && !s.has(last, Tags::PORTFOLIO) {
        return false;
    }
    if s.has(run.start, Tags::GIVEN_NAME) {
        return false;
    }
    let after = run.end + 1;
    if names.at(after).is_some() || s.has(after, Tags::GIVEN_NAME) || !t.is_capitalised(after) {
        return false;
    }
    let right_end = (after..t.len().min(after + 4)).take_while(|&k| t.is_capitalised(k)).last();
    let Some(right_end) = right_end else { return false };
    let right_ends_head = head(right_end) || s.has(right_end, Tags::PORTFOLIO);
    let joiner_at = (run.start..run.end).find(|&k| matches!(t.key(k), "for" | "of"));
    let left_has_head = joiner_at.is_some_and(|j| (run.start..j).any(head));
    let left_portfolio = s.has(last, Tags::PORTFOLIO);
    right_ends_head || left_has_head || left_portfolio && s.has(right_end, Tags::PORTFOLIO)
}

/// Whether token `k` is a lower-case syllable that ends a hyphenated name ("un" in "Jong-un", "kweun" in
/// "Seong-kweun"), not the second half of a compound ("U.S.-led", "state-run").
fn name_syllable(s: &Sent, k: usize, lex: &Lexicon) -> bool {
    let Some(tok) = s.t.toks.get(k) else { return false };
    let key = s.key(k);
    tok.kind == TokenKind::Word
        && !tok.cap
        && key.len() <= 6
        && key.chars().all(|c| c.is_ascii_lowercase())
        && !key.ends_with("ed")
        && !lex.compound_tails.contains(key)
        && !s.has(k, Tags::STOP)
        // "Jae-won", "Ji-hoon": a syllable may spell a verb; compounds end in "-ed" or a listed tail.
        && !(s.has(k, Tags::VERB) && key.ends_with("ing"))
}

/// Whether token `i` can be part of a person's name.
fn name_word(s: &Sent, i: usize, names: &Names) -> bool {
    let tok = &s.t.toks[i];
    let initial = tok.kind == TokenKind::Initialism && s.key(i).len() == 1;
    let tag = s.tag(i);
    (tok.kind == TokenKind::Word && tok.cap || initial)
        && !tag.has(Tags::TITLE)
        && !tag.has(Tags::PORTFOLIO)
        && !tag.has(Tags::ORG_HEAD)
        && !tag.has(Tags::CORPORATE)
        && (!tag.has(Tags::STOP) || tag.has(Tags::JOINER))
        && names.at(i).is_none()
        && !(tok.upper && s.key(i).len() > 1)
}

fn mention(sentence: usize, tokens: Range<usize>, kind: Kind) -> Mention {
    Mention {
        sentence,
        role_start: tokens.start,
        tokens,
        kind,
        known: None,
        role: None,
        descriptor: None,
        locates: false,
        acts: false,
        affiliation: false,
        modifier: false,
    }
}

fn known_kind(entity: Entity) -> Option<Kind> {
    Some(match entity {
        Entity::Country(_) => Kind::State,
        Entity::Organisation(_) => Kind::Organisation,
        Entity::Outlet(_) => Kind::Outlet,
        Entity::Place(_) => Kind::Place,
        Entity::Region => Kind::Region,
        Entity::Demonym(_) => return None,
    })
}

fn classify(doc: &Doc, s: &Sent, run: Range<usize>, names: &Names, lex: &Lexicon, out: &mut Vec<Mention>) {
    let t = &s.t;
    let n = s.index;
    if run.len() == 1 {
        let raw = t.raw(run.start);
        let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
        // A stock ticker "(NYSE:KR)", an initial ("E. coli"), a plural of an initialism or a title ("UAVs",
        // "MPs"): no name of an actor.
        let ticker = run.start > 0
            && (t.is_punct(run.start - 1, ":") || t.is_punct(run.end, ":"))
            && t.toks[run.start].upper;
        let plural_title = raw.ends_with('s') && lex.is_title(&raw[..raw.len() - 1].to_lowercase());
        // "EPS topped forecasts", "after a VAR check": the initialism of a term.
        let term = lex.term_acronyms.contains(t.key(run.start)) && names.at(run.start).is_none();
        // A bare title ("PM", "Minister") names nobody by itself.
        let bare_title = s.has(run.start, Tags::TITLE) && names.at(run.start).is_none();
        // "the annual general meeting (AGM)": the short form of a lower-case term names no one.
        let lower_term = run.start > letters.len()
            && t.is_punct(run.start - 1, "(")
            && t.is_punct(run.end, ")")
            && letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && (run.start - 1 - letters.len()..run.start - 1).all(|k| t.is_word(k) && !t.toks[k].cap)
            && (run.start - 1 - letters.len()..run.start - 1)
                .zip(&letters)
                .all(|(k, c)| t.raw(k).chars().next().is_some_and(|f| f.to_ascii_uppercase() == *c));
        if lower_term {
            return;
        }
        if ticker || letters.len() <= 1 || plural_initialism(raw) || plural_title || bare_title || term {
            return;
        }
        // "Japan's Cabinet": a state's body named by a head word.
        if s.has(run.start, Tags::ORG_HEAD)
            && let Some(state) = out.last()
            && state.kind == Kind::State
            && state.tokens.end == run.start
            && t.toks[run.start - 1].possessive
        {
            let mut m = mention(n, state.tokens.start..run.end, Kind::Organisation);
            m.descriptor = Some(t.key(run.start).to_string());
            out.push(m);
            return;
        }
    }
    // The whole run is a gazetteer name, unless it is the first half of an adjective ("U.S.-led",
    // "Luxembourg-based").
    if let Some((end, entry)) = names.at(run.start)
        && end == run.end
    {
        let compound = t.is_punct(end, "-")
            && t.toks[end - 1].range.end == t.toks[end].range.start
            && t.toks.get(end + 1).is_some_and(|n| n.kind == TokenKind::Word && !n.cap);
        if let Some(kind) = known_kind(entry.entity).filter(|_| !compound) {
            let mut m = mention(n, run, kind);
            m.known = Some(entry.entity);
            // A capital or seat used as a place is no mention of its state: it stays a place.
            if entry.seat && used_as_place(s, m.tokens.clone(), lex) {
                m.kind = Kind::Place;
                m.known = None;
            }
            out.push(m);
        }
        return;
    }
    // "Iranian-built UAVs": a name ending in a plural initialism is a kind of thing or people; only the
    // gazetteer names inside it count.
    if plural_initialism(t.raw(run.end - 1)) {
        mentions_in(s, run, names, out);
        return;
    }
    // A person: the name words at the end of the run, a title before them.
    let mut name_start = run.end;
    loop {
        if name_start > run.start && name_word(s, name_start - 1, names) {
            name_start -= 1;
        } else if name_start > run.start + 1
            && name_start < run.end
            && (t.is_punct(name_start - 1, "-")
                || s.has(name_start - 1, Tags::JOINER) && !matches!(t.key(name_start - 1), "of" | "for"))
            && name_word(s, name_start - 2, names)
        {
            // "Jong-Un", "Erik ten Hag"
            name_start -= 1;
        } else if name_start >= run.start + 4
            && t.is_punct(name_start - 1, "\"")
            && t.is_capitalised(name_start - 2)
            && t.is_punct(name_start - 3, "\"")
            && name_word(s, name_start - 4, names)
        {
            // 'Isaac "Ike" Brandt'
            name_start -= 3;
        } else if name_start >= run.start + 3
            && name_syllable(s, name_start - 1, lex)
            && t.is_punct(name_start - 2, "-")
            && (name_word(s, name_start - 3, names)
                || (t.toks[name_start - 3].cap && t.toks[name_start - 3].kind == TokenKind::Word))
        {
            // "Jong-un"; "In-kyu", whose first syllable is no name word by itself, is taken whole.
            name_start -= if name_word(s, name_start - 3, names) { 2 } else { 3 };
        } else {
            break;
        }
    }
    // "Secretary of State Antony Blinken": the word after "of" belongs to the title.
    if name_start > run.start && t.key(name_start - 1) == "of" && run.end - name_start >= 3 {
        name_start += 1;
    }
    let name = name_start..run.end;
    let prefix = run.start..name_start;
    let head_tag = s.tag(run.end - 1);
    let portfolio = |r: Range<usize>| {
        !r.is_empty()
            && name.len() >= 2
            && r.clone().all(|k| s.has(k, Tags::PORTFOLIO) || matches!(t.key(k), "and" | "of" | "for"))
    };
    let has_title = |r: Range<usize>| {
        r.clone().any(|k| s.has(k, Tags::TITLE) || s.has(k, Tags::PROFESSION)) || portfolio(r)
    };
    // "Unity and Upper Nile states", "the Starliner spacecraft": a lower-case head word after the name.
    // A possessive owns what follows ("Vladimir Putin's war"): the noun is no head of the name.
    let lower_after = t.toks.get(run.end).is_some_and(|next| next.kind == TokenKind::Word && !next.cap)
        && !t.toks[run.end - 1].possessive;
    if lower_after && lex.is_place_head(t.key(run.end)) {
        out.push(mention(n, run, Kind::Place));
        return;
    }
    if lower_after && s.has(run.end, Tags::THING_HEAD) && !s.has(run.end, Tags::BODY_NOUN) {
        mentions_in(s, run, names, out);
        return;
    }
    let object_head = head_tag.has(Tags::THING_HEAD) || head_tag.has(Tags::PLACE_HEAD);
    // "the news site Defense Express": an outlet word right before the name.
    let outlet_before = (run.start.saturating_sub(3)..run.start)
        .any(|k| lex.outlet_nouns.longest_at(t, k).is_some_and(|(e, _)| e == run.start));
    if outlet_before {
        out.push(mention(n, run, Kind::Outlet));
        return;
    }
    // "vice director for Military Foreign Affairs": a title's portfolio is part of the role, no actor.
    let portfolio_of_title = run.start >= 2
        && matches!(t.key(run.start - 1), "for" | "of")
        && (s.has(run.start - 2, Tags::TITLE) || s.has(run.start - 2, Tags::PROFESSION))
        && run.clone().all(|k| {
            !t.is_word(k) || s.has(k, Tags::PORTFOLIO) || s.has(k, Tags::ORG_HEAD) || s.has(k, Tags::STOP)
        })
        && names.at(run.start).is_none();
    if portfolio_of_title {
        return;
    }
    // "General Bureau of Equipment", "University of Bergen": a head word joined by "of" or "for" to the
    // rest names a body, whatever titles it holds.
    let body_of = (run.start..run.end.saturating_sub(2))
        .any(|k| s.has(k, Tags::ORG_HEAD) && matches!(t.key(k + 1), "of" | "for"));
    // "grocer Kroger", "operator T-Mobile": a body noun before the name describes a body.
    let described_body =
        descriptor_before(s, run.start, lex).is_some() && !s.has(run.start, Tags::GIVEN_NAME);
    let corporate = (head_tag.has(Tags::CORPORATE) && run.len() > 1) || body_of || described_body;
    // "Radio New Zealand", "Harbour Gazette", "Bloomberg News": an outlet by its first or last word.
    let outlet_name = run.len() > 1
        && names.at(run.start).is_none_or(|(e, _)| e < run.end)
        && (lex.outlet_nouns.longest_at(t, run.start).is_some_and(|(e, _)| e < run.end)
            || lex.outlet_name_heads.contains(t.key(run.end - 1)));
    // "Yang Sun" is a person: a given or family name first says so.
    if outlet_name
        && !s.has(run.start, Tags::GIVEN_NAME)
        && !s.has(run.start, Tags::FAMILY_FIRST)
        && !head_tag.has(Tags::TITLE)
    {
        out.push(mention(n, run, Kind::Outlet));
        return;
    }
    // "the Dunmore MP", "The Prime Minister said": a title with no name after it names no one itself; the
    // speaker pass finds whom it describes.
    if name.is_empty() && head_tag.has(Tags::TITLE) && !corporate && run.len() > 1 {
        mentions_in(s, run, names, out);
        return;
    }
    // "Santa Rosa" is a place, "Santa Clara University" a body.
    let place_opener = lex.place_openers.contains(t.key(run.start))
        && run.len() > 1
        && !head_tag.has(Tags::ORG_HEAD)
        && !head_tag.has(Tags::CORPORATE);
    if !name.is_empty() && !object_head && !corporate && !place_opener {
        let titled = has_title(prefix.clone());
        let personal = titled || (prefix.is_empty() && looks_personal(s, name.clone()));
        if personal || (prefix.is_empty() && name.len() >= 2 && name.len() <= 4) {
            let role_at = role_start(s, prefix.start, titled, lex);
            let role_tokens = role_at..name.start;
            let role = has_title(role_tokens.clone())
                .then(|| t.span(role_tokens.clone()).trim_end_matches(',').to_string());
            if role.is_some() || name.len() >= 2 {
                if role.is_some() {
                    // A body named in the title is part of the role ("National Security Council spokesman"),
                    // but a gazetteer name there is still its actor ("Kremlin spokesman", "U.S. Secretary"),
                    // and so is a person ("President Tayyip Erdogan's chief adviser Ibrahim Kalin") or a
                    // single word ("Ember analyst").
                    out.retain(|m| {
                        m.known.is_some()
                            || matches!(m.kind, Kind::Person | Kind::Single)
                            || m.tokens.end <= role_tokens.start
                    });
                    mentions_in(s, prefix.clone(), names, out);
                    // "Halvorsen Systems Inc Chief Executive Dana Moor": a company by its corporate word.
                    if let Some(end) =
                        prefix.clone().rev().find(|&k| s.has(k, Tags::CORPORATE)).map(|k| k + 1)
                        && role_tokens.start < end
                        && has_title(end..name.start)
                        && !out.iter().any(|m| m.tokens.start < end && m.tokens.end > role_tokens.start)
                    {
                        let start = role_tokens.start + usize::from(t.key(role_tokens.start) == "the");
                        if start + 1 < end {
                            out.push(mention(n, start..end, Kind::Organisation));
                        }
                    }
                }
                let role_at = if role.is_some() { role_tokens.start } else { name.start };
                let titled = role.is_some();
                let appositive = apposition(s, name.end, lex);
                // "La Quadrature du Net, a digital rights group,": a body described.
                let body = !titled
                    && appositive.as_ref().is_some_and(|(_, head)| {
                        lex.is_organisation_head(head) || lex.body_nouns.contains(head)
                    })
                    && !looks_personal(s, name.clone());
                let kind = if body {
                    Kind::Organisation
                } else if !personal && name.len() >= 2 && !unknown_reads_personal(doc, s, name.clone()) {
                    Kind::Unknown
                } else {
                    Kind::Person
                };
                let mut m = mention(n, name, kind);
                m.role_start = role_at;
                if body {
                    m.descriptor = appositive.map(|(_, head)| head);
                } else {
                    m.role = role.or(appositive.map(|(role, _)| role));
                }
                out.push(m);
                return;
            }
            // One name word: a surname or a body's short name, to be decided.
            let mut m = mention(n, name, Kind::Single);
            if let Some((role, head)) = apposition(s, m.tokens.end, lex) {
                if lex.is_organisation_head(&head) || lex.body_nouns.contains(&head) {
                    m.kind = Kind::Organisation;
                    m.descriptor = Some(head);
                } else if s.has(m.tokens.start, Tags::GIVEN_NAME) || lex.is_title(&head) {
                    m.kind = Kind::Person;
                    m.role = Some(role);
                }
            }
            out.push(m);
            return;
        }
    }
    // "Toni Sacconaghi of Sanford C. Bernstein": a person of a body (two or three name words before
    // "of"; "Bank of England" and "Secretary of State" have no name there).
    if let Some(of) = (run.start + 2..run.end.saturating_sub(1)).find(|&k| t.key(k) == "of")
        && of - run.start <= 3
        && (run.start..of).all(|k| name_word(s, k, names))
        && looks_personal(s, run.start..of)
    {
        let mut m = mention(n, run.start..of, Kind::Person);
        m.role = Some(t.span(of..run.end).to_string());
        out.push(m);
        let mut body = mention(n, of + 1..run.end, Kind::Organisation);
        body.role_start = of + 1;
        out.push(body);
        return;
    }
    // Not a person: what the head word says.
    if head_tag.has(Tags::THING_HEAD) {
        // "United Nations Security Council Resolutions": the body inside still counts.
        mentions_in(s, run, names, out);
        return;
    }
    let kind = if head_tag.has(Tags::PLACE_HEAD) || place_opener {
        Kind::Place
    } else if corporate
        || (run.len() > 1 && run.clone().any(|k| s.has(k, Tags::ORG_HEAD)))
        || (described_body && run.len() == 1)
    {
        Kind::Organisation
    } else {
        // A run made only of gazetteer names is those names; a gazetteer name inside a longer name is not
        // a mention ("Real Madrid" is no mention of Spain, "Paris Saint-Germain" none of France).
        let mut k = run.start;
        let mut only_names = true;
        while k < run.end {
            match names.at(k) {
                Some((e, _)) => k = e,
                None if t.is_word(k) && !s.has(k, Tags::JOINER) => {
                    only_names = false;
                    break;
                }
                None => k += 1,
            }
        }
        if only_names {
            mentions_in(s, run, names, out);
            return;
        }
        if run.len() == 1 {
            let tok = &t.toks[run.start];
            let mixed = t.raw(run.start).chars().skip(1).any(char::is_uppercase);
            if tok.upper || mixed { Kind::Organisation } else { Kind::Single }
        } else {
            Kind::Unknown
        }
    };
    let mut m = mention(n, run.clone(), kind);
    if matches!(kind, Kind::Organisation | Kind::Single | Kind::Unknown)
        && let Some((role, head)) = apposition(s, run.end, lex)
    {
        if lex.body_nouns.contains(&head) || lex.is_organisation_head(&head) {
            // "Mardell, the retailer,": a body described.
            m.kind = Kind::Organisation;
            m.descriptor = Some(head);
        } else if kind == Kind::Single && (lex.is_title(&head) || lex.is_profession(&head)) {
            // "Okafor, the finance minister,": a person with a role.
            m.kind = Kind::Person;
            m.role = Some(role);
        }
    }
    out.push(m);
}

/// Whether a word is the plural of an initialism ("UAVs", "MPs", "NGOs").
fn plural_initialism(raw: &str) -> bool {
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3
        && letters.last() == Some(&'s')
        && letters[..letters.len() - 1].iter().all(|c| c.is_uppercase())
}

/// Whether name words read as a person's name by themselves: a given name or an East Asian family name
/// first, a name particle inside ("Erik ten Hag"), or a hyphenated syllable ("Shin Won-sik").
fn looks_personal(s: &Sent, name: Range<usize>) -> bool {
    let t = &s.t;
    if name.is_empty() {
        return false;
    }
    let first = name.start;
    let several = name.len() >= 2;
    (s.has(first, Tags::GIVEN_NAME) && (several || s.opens(first)))
        || (s.has(first, Tags::FAMILY_FIRST) && several)
        || (several && name.clone().any(|k| s.has(k, Tags::JOINER) && !matches!(t.key(k), "of" | "for")))
        || (several
            && name.clone().any(|k| t.is_punct(k, "-"))
            && name.clone().filter(|&k| t.is_word(k)).count() >= 3)
}

/// Whether a name of several words with no given name still reads as a person's: two or three words, none
/// of them a word the article also writes in lower case or a head word ("Stijn Mitzer" is a person, "Jeju
/// Air" and "Wall Street" are not).
fn unknown_reads_personal(doc: &Doc, s: &Sent, name: Range<usize>) -> bool {
    // Words as written, hyphenated ones counting once ("T-Mobile" is one word).
    let words = s.t.span(name.clone()).split_whitespace().count();
    (2..=3).contains(&words) && name.clone().all(|k| !s.t.is_word(k) || !doc.writes_lower(s.key(k)))
}

/// Whether a capital or seat of government is named as a place rather than for the state: after a
/// preposition of place ("in Moscow", "flights from Bangkok"), a journey ("a visit to Brussels"), a
/// direction ("north of Athens"), or as a modifier after "a" ("a London jury"). A possessive ("Moscow's
/// view") is the state.
fn used_as_place(s: &Sent, name: Range<usize>, lex: &Lexicon) -> bool {
    let t = &s.t;
    if t.toks[name.end - 1].possessive || name.start == 0 {
        return false;
    }
    let before = t.key(name.start - 1);
    let two_before = if name.start >= 2 { t.key(name.start - 2) } else { "" };
    // "from" and "to" locate after a journey ("flights from Bangkok", "a visit to Brussels"), not after
    // anything else ("weaponry from Tehran", "support to Kyiv" name the state).
    let journey =
        (name.start.saturating_sub(4)..name.start - 1).any(|k| lex.journey_words.contains(t.key(k)));
    (s.has(name.start - 1, Tags::LOCATIVE) && !matches!(before, "to" | "from"))
        || matches!(before, "a" | "an")
        || (matches!(before, "to" | "from") && journey)
        || (before == "of" && lex.directions.contains(two_before))
}

/// Whether a mention only locates something: a place or a capital after a preposition of place, or a town
/// followed by its state or country ("Christchurch, New Zealand", "Cambridge, Md.").
fn locates(s: &Sent, m: &Mention, lex: &Lexicon) -> bool {
    if m.kind == Kind::State && m.known.is_some() {
        return false;
    }
    used_as_place(s, m.role_start.min(m.tokens.start)..m.tokens.end, lex) || followed_by_its_state(s, m, lex)
}

/// Whether a comma and a country or sub-national place follow the name ("Christchurch, New Zealand").
fn followed_by_its_state(s: &Sent, m: &Mention, lex: &Lexicon) -> bool {
    let t = &s.t;
    t.is_punct(m.tokens.end, ",")
        && lex
            .name_at(t, m.tokens.end + 1)
            .is_some_and(|(_, e)| matches!(e.entity, Entity::Country(_) | Entity::Place(_)))
}

/// The gazetteer names inside a span, as mentions.
fn mentions_in(s: &Sent, span: Range<usize>, names: &Names, out: &mut Vec<Mention>) {
    let mut k = span.start;
    while k < span.end {
        match names.at(k) {
            Some((e, entry)) if e <= span.end => {
                if let Some(kind) = known_kind(entry.entity) {
                    let mut m = mention(s.index, k..e, kind);
                    m.known = Some(entry.entity);
                    out.push(m);
                }
                k = e;
            }
            _ => k += 1,
        }
    }
}

/// Where a role before a name starts. When the capitalised run has no title, lower-case title words just
/// left of the name come first ("spokesman John Kirby"), with up to two lower-case modifiers if a
/// capitalised word precedes them ("American nuclear expert"); then capitalised words, initialisms,
/// demonyms, possessives and "of" ("National Security Council spokesman", "North Korea’s leader").
fn role_start(s: &Sent, from: usize, run_has_title: bool, lex: &Lexicon) -> usize {
    let t = &s.t;
    // An initialism is never a function word, whatever its key ("U.S." folds to "us").
    let capital = |j: usize| {
        let tok = &t.toks[j];
        tok.cap
            && tok.kind != TokenKind::Punct
            && (tok.kind == TokenKind::Initialism || !s.has(j, Tags::STOP))
    };
    let mut k = from;
    // An abbreviated title with its period: "Gov. Rick Snyder", "Sen. Ann Lee".
    let abbreviated = |k: usize| {
        k >= 2
            && t.is_punct(k - 1, ".")
            && t.toks[k - 2].cap
            && t.toks[k - 2].range.end == t.toks[k - 1].range.start
            && s.has(k - 2, Tags::TITLE)
    };
    if !run_has_title && abbreviated(k) {
        k -= 2;
    } else if !run_has_title && k > 0 && t.toks[k - 1].cap && t.is_word(k - 1) && s.has(k - 1, Tags::TITLE) {
        // "Dr Karim Nassar", "Mr Lekic": a title that is also a function word is still the role.
        k -= 1;
    }
    if !run_has_title && k == from {
        while k > 0
            && t.is_word(k - 1)
            && !t.toks[k - 1].cap
            && (s.has(k - 1, Tags::TITLE) || s.has(k - 1, Tags::PROFESSION))
        {
            k -= 1;
        }
        if k == from {
            return from;
        }
        // "former fund manager Martin Ashdown", "“...,” defence lawyer Sophie Grant said": lower-case
        // modifiers after "former" (and the like) or after a boundary (punctuation, an article).
        let mut m = k;
        while m > 0
            && k - m < 2
            && t.is_word(m - 1)
            && !t.toks[m - 1].cap
            && !s.has(m - 1, Tags::STOP)
            && !s.has(m - 1, Tags::CUE)
            // A verb's bare form may be a noun here ("fire district spokesman"), not an inflected one.
            && !(s.has(m - 1, Tags::VERB) && (s.has(m - 1, Tags::INFLECTED) || s.has(m - 1, Tags::AUXILIARY)))
            && !t.key(m - 1).ends_with("ed")
            && !lex.role_openers.contains(t.key(m - 1))
        {
            m -= 1;
        }
        if m > 0 && lex.role_openers.contains(t.key(m - 1)) {
            return m - 1;
        }
        if m < k && (m == 0 || !t.is_word(m - 1) || s.has(m - 1, Tags::DETERMINER)) {
            return m;
        }
        let mut modifiers = 0;
        while k > 0 && modifiers < 2 && t.is_word(k - 1) && !t.toks[k - 1].cap && !s.has(k - 1, Tags::STOP) {
            let capital_before = (1..=2 - modifiers).any(|back| k > back && capital(k - 1 - back));
            if !capital_before || s.has(k - 1, Tags::CUE) {
                break;
            }
            k -= 1;
            modifiers += 1;
        }
    }
    while k > 0 && (capital(k - 1) || (t.key(k - 1) == "of" && k >= 2 && capital(k - 2))) {
        k -= 1;
    }
    // A role starts at a capitalised word or a title, never at a lower-case modifier left dangling.
    while k < from && !t.toks[k].cap && !s.has(k, Tags::TITLE) && !lex.role_openers.contains(t.key(k)) {
        k += 1;
    }
    k
}

/// An apposition after a name that gives a role or describes a body: "Pak Jong Chon, one of North Korea's
/// top military officials, said", "Visa, the card network,". Returns the role (its article dropped) and
/// its head word.
fn apposition(s: &Sent, after: usize, lex: &Lexicon) -> Option<(String, String)> {
    let t = &s.t;
    if !t.is_punct(after, ",") {
        return None;
    }
    // It closes with a comma, or ends the sentence ("..., said Stacy Rasgon, an analyst at Bernstein.").
    let end = (after + 1..t.len().min(after + 16))
        .find(|&k| t.is_punct(k, ",") || (t.is_punct(k, ".") && k + 1 == t.len()) || t.is_punct(k, ";"))?;
    let inner = after + 1..end;
    if inner.len() < 2 {
        return None;
    }
    let clause = inner.clone().any(|k| {
        (s.has(k, Tags::INFLECTED) && !t.key(k).ends_with("ing") && !s.has(k, Tags::TITLE))
            || s.has(k, Tags::CUE) && !s.has(k, Tags::DOCUMENT)
            || s.has(k, Tags::RELATIVE)
            || s.has(k, Tags::AUXILIARY)
    });
    // The head: the last noun before "of", "at", "for", "in", "from" or the end.
    let head_end = inner
        .clone()
        .find(|&k| matches!(t.key(k), "of" | "at" | "for" | "in" | "from" | "with"))
        .unwrap_or(end);
    let head = (inner.start..head_end).rev().find(|&k| t.is_word(k))?;
    let key = t.key(head);
    let roleish = s.has(head, Tags::TITLE)
        || s.has(head, Tags::PROFESSION)
        || s.has(head, Tags::PEOPLE_NOUN)
        || lex.body_nouns.contains(key)
        || lex.is_organisation_head(key)
        || inner.clone().any(|k| s.has(k, Tags::TITLE));
    if !roleish || clause {
        return None;
    }
    let role = t.span(inner);
    let role = role.strip_prefix("the ").or_else(|| role.strip_prefix("The ")).unwrap_or(role);
    let head_word = if s.has(head, Tags::TITLE) || s.has(head, Tags::PROFESSION) {
        key.to_string()
    } else {
        Lexicon::singular(key).filter(|w| lex.body_nouns.contains(w)).unwrap_or_else(|| key.to_string())
    };
    Some((role.to_string(), head_word))
}

/// A body noun written right before a name, with up to three lower-case modifiers ("grocer Kroger",
/// "wireless network operator T-Mobile", "its biggest backer Microsoft"): what the body is.
fn descriptor_before(s: &Sent, start: usize, lex: &Lexicon) -> Option<String> {
    let t = &s.t;
    let k = start.checked_sub(1)?;
    let tok = &t.toks[k];
    if tok.kind != TokenKind::Word || tok.cap {
        return None;
    }
    let key = t.key(k);
    lex.body_nouns.contains(key).then(|| key.to_string())
}

/// Whether a cue verb of saying follows a mention's end (after "," or an adverb): "City said".
fn speaks_next(s: &Sent, end: usize, lex: &Lexicon) -> bool {
    let mut k = end;
    loop {
        if let n @ 1.. = when_said(s, k, lex) {
            k += n;
        } else if let Some((e, _)) = lex.speaker_gap.longest_at(&s.t, k) {
            k = e;
        } else {
            break;
        }
    }
    s.has(k, Tags::CUE)
}

/// Whether the mention acts in its sentence: it owns something ("Visa's profit"), or a verb follows it
/// (auxiliaries, adverbs, an apposition, "on Tuesday" between), and it is no preposition's object.
fn acts(s: &Sent, tokens: Range<usize>, lex: &Lexicon) -> bool {
    let t = &s.t;
    if t.toks[tokens.end - 1].possessive {
        return true;
    }
    // The preposition the name is the object of, past an article and lower-case modifiers ("shares of
    // grocer Mardell").
    let mut start = tokens.start;
    while start > 0
        && start + 3 > tokens.start
        && t.is_word(start - 1)
        && !t.toks[start - 1].cap
        && !s.has(start - 1, Tags::PREPOSITION)
        && !s.has(start - 1, Tags::VERB)
        && !s.has(start - 1, Tags::CUE)
    {
        start -= 1;
    }
    let object =
        start > 0 && s.has(start - 1, Tags::PREPOSITION) && !(start >= 2 && t.key(start - 2) == "according");
    if object && !matches!(t.key(start - 1), "by") {
        return false;
    }
    if object {
        return true;
    }
    let mut k = tokens.end;
    // "A second defendant, Paul Reeve, denied ...", "Visa, the card network, said".
    if t.is_punct(k, ",")
        && let Some(close) = (k + 1..t.len().min(k + 16)).find(|&j| t.is_punct(j, ","))
        && close + 1 < t.len()
        // An apposition holds no verb of its own ("Before leaving the ISS, McClain reflected ..., saying").
        && !(k + 1..close).any(|j| s.has(j, Tags::INFLECTED) || s.has(j, Tags::AUXILIARY) || s.has(j, Tags::CUE))
        && (s.has(close + 1, Tags::VERB) || s.has(close + 1, Tags::CUE) || s.has(close + 1, Tags::AUXILIARY))
    {
        return true;
    }
    for _ in 0..4 {
        if let n @ 1.. = when_said(s, k, lex) {
            k += n;
        } else if let Some((e, _)) = lex.speaker_gap.longest_at(t, k) {
            k = e;
        } else if t.key(k).ends_with("ly") && t.is_word(k) && !t.toks[k].cap {
            k += 1;
        } else if t.key(k) == "on" && s.has(k + 1, Tags::CALENDAR) {
            k += 2;
        } else if s.has(k, Tags::CALENDAR) && !t.toks[k].possessive {
            k += 1;
        } else {
            break;
        }
    }
    let Some(tok) = t.toks.get(k) else { return false };
    tok.kind == TokenKind::Word
        && !tok.cap
        && (s.has(k, Tags::VERB)
            || s.has(k, Tags::CUE)
            || s.has(k, Tags::AUXILIARY)
            || past_tense_shape(t.key(k)))
}

/// Whether a lower-case word has the shape of a past tense ("logged", "unveiled"): a verb the lexicon does
/// not list can still follow a subject.
fn past_tense_shape(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{lexicon, sentences};

    fn mentions(text: &str) -> Vec<(String, Kind, Option<String>)> {
        let lex = lexicon::get();
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        let doc = Doc::new(text, &sentences, lex);
        let found = find(&doc, lex);
        found
            .iter()
            .zip(&doc.sents)
            .flat_map(|(ms, s)| ms.iter().map(move |m| (m.written(s).to_string(), m.kind, m.role.clone())))
            .collect()
    }

    /// Whether the first mention of `name` modifies a noun.
    fn modifies(text: &str, name: &str) -> bool {
        let lex = lexicon::get();
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        let doc = Doc::new(text, &sentences, lex);
        let found = find(&doc, lex);
        let (ms, s) =
            found.iter().zip(&doc.sents).find(|(ms, s)| ms.iter().any(|m| m.written(s) == name)).unwrap();
        ms.iter().find(|m| m.written(s) == name).unwrap().modifier
    }

    #[test]
    fn after_an_article_or_a_number_a_verb_s_bare_form_is_the_noun_a_name_modifies() {
        assert!(modifies("Sales beat the Quorvo forecast by far.", "Quorvo"));
        assert!(modifies("It sold near its $20 Quorvo price.", "Quorvo"));
        assert!(!modifies("On Monday, Quorvo forecast higher sales.", "Quorvo"));
        // A region's adjective is the region: never an actor.
        assert_eq!(kind_of("U.S. and European demand fell.", "European"), Some(Kind::Region));
    }

    fn kind_of(text: &str, name: &str) -> Option<Kind> {
        mentions(text).into_iter().find(|(n, _, _)| n == name).map(|(_, k, _)| k)
    }

    #[test]
    fn titles_give_roles_and_given_names_people() {
        let m = mentions(
            "Treasury Secretary Maria Lopez said the talks failed. Jessica Brandt, an analyst at Acme Capital, agreed.",
        );
        assert!(m.contains(&("Maria Lopez".into(), Kind::Person, Some("Treasury Secretary".into()))));
        assert!(m.iter().any(|(n, k, r)| n == "Jessica Brandt"
            && *k == Kind::Person
            && r.as_deref() == Some("an analyst at Acme Capital")));
        assert_eq!(kind_of("Analysts at Acme Capital disagree.", "Acme Capital"), Some(Kind::Organisation));
    }

    #[test]
    fn a_currency_prefix_is_no_part_of_a_name() {
        assert_eq!(kind_of("Lumora bought Alexion for US$39bn in May.", "Alexion for US"), None);
    }

    #[test]
    fn a_nickname_in_quotation_marks_is_part_of_the_name() {
        assert_eq!(
            kind_of("Councilman Isaac \"Ike\" Brandt said the fire was out.", "Isaac \"Ike\" Brandt"),
            Some(Kind::Person)
        );
    }

    #[test]
    fn the_short_form_of_a_lower_case_term_and_a_time_zone_name_no_one() {
        assert_eq!(kind_of("They lost at the annual general meeting (AGM) in May.", "AGM"), None);
        assert_eq!(kind_of("Shares rose by 9:35 a.m. EDT on Monday.", "EDT"), None);
        // A body's short form still names it.
        assert!(kind_of("The Nordic Grain Board (NGB) met.", "NGB").is_some());
    }

    #[test]
    fn a_name_with_its_ticker_is_a_company_and_a_possessive_owns_what_follows() {
        assert_eq!(
            kind_of("The black boxes from the Tarvair (NYSE:TV) jet stopped.", "Tarvair"),
            Some(Kind::Organisation)
        );
        assert_eq!(kind_of("Later, shares of Tarvair rose 3%.", "Tarvair"), Some(Kind::Organisation));
        assert_eq!(
            kind_of("It met in Santa Clara, California, on Monday.", "Santa Clara"),
            Some(Kind::Place)
        );
        assert!(mentions("Prime Minister Datuk Seri Arman Ishak said no.").contains(&(
            "Arman Ishak".into(),
            Kind::Person,
            Some("Prime Minister Datuk Seri".into())
        )));
        assert!(
            mentions("Federal Minister for Planning, Development and Reform Asad Umar said no.").contains(&(
                "Asad Umar".into(),
                Kind::Person,
                Some("Federal Minister for Planning, Development and Reform".into())
            ))
        );
        assert_eq!(kind_of("On Monday, Quorvo shares closed up 1%.", "Quorvo"), Some(Kind::Organisation));
        assert_eq!(kind_of("Investors sold Quorvo's stock.", "Quorvo"), Some(Kind::Organisation));
        assert_ne!(
            kind_of("Shares of the Webnet switch maker plummeted.", "Webnet"),
            Some(Kind::Organisation)
        );
        assert_eq!(
            kind_of("Tanks were lost since Vladimir Petrov's war began.", "Vladimir Petrov"),
            Some(Kind::Person)
        );
        // Without the possessive, the noun after the name is its head: a thing, no actor.
        assert_eq!(kind_of("The Skyward spacecraft landed.", "Skyward spacecraft"), None);
    }

    #[test]
    fn particles_hyphenated_syllables_and_family_names_first_make_people() {
        assert_eq!(kind_of("The coach, Erik van Dam, said little.", "Erik van Dam"), Some(Kind::Person));
        assert_eq!(kind_of("Later, Park Min-jae spoke.", "Park Min-jae"), Some(Kind::Person));
        // A syllable that spells a verb ("won") or a function word ("In") is still the name's.
        assert_eq!(kind_of("Later, Choi Jae-won spoke.", "Choi Jae-won"), Some(Kind::Person));
        assert_eq!(kind_of("Later, Seo In-kyu spoke.", "Seo In-kyu"), Some(Kind::Person));
        assert_eq!(kind_of("Seo In-kyu, a trade minister, spoke.", "Seo In-kyu"), Some(Kind::Person));
        // A compound after a name is not one: "Kremlin-run", "Tarvo-based".
        assert_eq!(kind_of("The Tarvo-based Lumen Group said little.", "Tarvo-based"), None);
        assert_eq!(kind_of("The fans cheered as Van Dam waved.", "Van Dam"), Some(Kind::Person));
    }

    #[test]
    fn bodies_joined_by_and_stay_one_name_and_two_names_stay_two() {
        assert_eq!(
            kind_of("The Food and Drug Administration approved it.", "Food and Drug Administration"),
            Some(Kind::Organisation)
        );
        assert_eq!(
            kind_of(
                "The Centers for Pest Control and Prevention warned.",
                "Centers for Pest Control and Prevention"
            ),
            Some(Kind::Organisation)
        );
        let m = mentions("Officials from Acme Corp. and Zenith Labs met.");
        assert!(m.iter().any(|(n, _, _)| n == "Acme Corp"));
        assert!(m.iter().any(|(n, k, _)| n == "Zenith Labs" && *k == Kind::Organisation));
    }

    #[test]
    fn acronyms_and_mixed_case_words_are_bodies_and_lone_words_wait() {
        assert_eq!(kind_of("Officials at OCHA revised the toll.", "OCHA"), Some(Kind::Organisation));
        assert_eq!(kind_of("Investors backed ZetaAI this year.", "ZetaAI"), Some(Kind::Organisation));
        assert_eq!(kind_of("Investors backed Quorvo this year.", "Quorvo"), Some(Kind::Single));
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_name() {
        let m = mentions("Police said the road was closed. Officials said later that police had left.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn places_things_and_what_locates() {
        assert_eq!(kind_of("Flights left Mount Alder at noon.", "Mount Alder"), Some(Kind::Place));
        assert_eq!(kind_of("The crew flew the Skylark spacecraft home.", "Skylark"), None);
        let lex = lexicon::get();
        let text = "Rescuers reached Tarvo, Ohio on Monday. Ohio reported four cases.";
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        let doc = Doc::new(text, &sentences, lex);
        let found = find(&doc, lex);
        let tarvo = found[0].iter().find(|m| m.written(&doc.sents[0]) == "Tarvo").unwrap();
        assert!(tarvo.locates);
        let ohio = found[1].iter().find(|m| m.written(&doc.sents[1]) == "Ohio").unwrap();
        assert!(ohio.acts && !ohio.locates);
    }

    #[test]
    fn place_words_open_and_end_names_of_places_unless_a_body_s_head_ends_them() {
        // place_heads: "Springs", "Falls" end names of places; place_openers: "San", "Santa" open them.
        assert_eq!(
            kind_of("The fire burned 30 acres south of Marrow Springs.", "Marrow Springs"),
            Some(Kind::Place)
        );
        assert_eq!(
            kind_of("She lives between Ashford Falls and the coast.", "Ashford Falls"),
            Some(Kind::Place)
        );
        assert_eq!(kind_of("Crews flew in from San Orlanda overnight.", "San Orlanda"), Some(Kind::Place));
        assert_eq!(
            kind_of("Santa Orlanda University said it would reopen.", "Santa Orlanda University"),
            Some(Kind::Organisation)
        );
    }

    #[test]
    fn plurals_of_initialisms_and_terms_initialisms_name_no_one() {
        // plural_initialism: "Tarvish-built UAVs" is a kind of thing.
        assert!(mentions("Tarvish-built UAVs struck the port on Monday.").is_empty());
        // term_acronyms: "EPS", "VAR" are terms.
        assert!(mentions("The EPS topped forecasts, the company said.").is_empty());
        assert!(mentions("The goal stood after a VAR check.").is_empty());
        // Another initialism that acts is a body.
        assert_eq!(kind_of("The QRX said it would appeal.", "QRX"), Some(Kind::Organisation));
    }

    #[test]
    fn a_plural_noun_opening_a_sentence_is_no_name_though_a_verb_of_saying_follows() {
        // plural_noun_endings: "Excavators also found ..." is no body; "Quorvo said" still is one.
        assert_eq!(kind_of("Excavators also found two stone jars near the wall.", "Excavators"), None);
        assert_eq!(kind_of("Eyewitnesses have told officials they saw sparks.", "Eyewitnesses"), None);
        assert!(kind_of("Quorvo said sales grew.", "Quorvo").is_some());
    }

    #[test]
    fn what_acts_and_what_describes() {
        let lex = lexicon::get();
        let text = "Shares of grocer Mardell rose after Mardell's profit beat forecasts. Mardell, the retailer, said sales grew.";
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        let doc = Doc::new(text, &sentences, lex);
        let found = find(&doc, lex);
        let first = &found[0][0];
        assert_eq!(first.descriptor.as_deref(), Some("grocer"));
        assert!(!first.acts, "an object of 'of' does not act");
        assert!(found[0][1].acts, "a possessive owns");
        assert!(found[1][0].acts);
        assert_eq!(found[1][0].descriptor.as_deref(), Some("retailer"));
    }
}
