//! Coreference: which mentions name the same actor. Input: the [`Doc`] and the mentions of `names`. Output:
//! [`Entities`], every actor of the article with its spellings, role, descriptors and where it is
//! mentioned, and for each mention the entity it names; plus read-only lookups the attribution pass asks
//! ("the company" → the body most recently described or named so; "she" → the person last mentioned).
//!
//! Spellings meet through: the normalised name ("Kim Jong-Un" = "Kim Jong Un", "Amir-Abdollahian" =
//! "Amirabdollahian"), a gazetteer entry (a capital acting for its state), a person's surname, first name or
//! surname with its particle ("Ten Hag"), a body's short name without corporate words ("Microsoft Corp." =
//! "Microsoft", "Bloomberg News" = "Bloomberg"), its first or last word when only one body has it
//! ("Sequoia", "City"), and an acronym written in brackets after the name or made of its initials anywhere
//! in the article ("FTC" = "Federal Trade Commission").

use foldhash::HashMap;

use super::doc::{Doc, Tags};
use super::lexicon::{Entity as Known, Lexicon};
use super::names::{Kind, Mention};
use super::tokens::Kind as TokenKind;
use crate::actors::normalize_name;
use crate::model::ActorKind;

/// Where a mention is: sentence and first token.
pub type At = (usize, usize);

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    pub known: Option<Known>,
    pub role: Option<String>,
    /// Other spellings, in order of first use.
    pub aliases: Vec<String>,
    /// Body nouns that describe it ("grocer", "agency"), and its name's head word.
    pub descriptors: Vec<String>,
    /// Where it is mentioned, in order.
    pub mentions: Vec<At>,
    /// It acts somewhere (a verb follows, it owns something, it speaks).
    pub acts: bool,
    /// Every mention only locates something.
    pub locates_only: bool,
    /// Some mention names it as a noun: not only locating, not only a modifier ("US tariffs").
    pub as_noun: bool,
    /// Some mention acts through a verb (a possessive aside).
    pub acts_by_verb: bool,
    /// Given a short form in brackets after its name.
    pub defined: bool,
    /// Evidence for a single word's kind: employer of someone ("Ember analyst"), "it" after it, "he" or
    /// "she" after it.
    pub affiliation: bool,
    org_votes: i32,
}

impl Entity {
    pub fn first(&self) -> At {
        self.mentions.first().copied().unwrap_or((usize::MAX, 0))
    }

    pub fn actor_kind(&self) -> ActorKind {
        match self.kind {
            Kind::Person => ActorKind::Person,
            Kind::State => ActorKind::State,
            Kind::Outlet => ActorKind::Outlet,
            Kind::Place | Kind::Region | Kind::Thing => ActorKind::Place,
            Kind::Organisation | Kind::Single | Kind::Unknown => ActorKind::Organisation,
        }
    }

    /// Whether it belongs in the draft as an actor: people, bodies, outlets and states; places only where
    /// they act; single words and unknown names once something shows they are actors.
    pub fn is_actor(&self) -> bool {
        match self.kind {
            Kind::Person | Kind::Organisation | Kind::Outlet => true,
            // A state named only to locate or as an adjective ("in Ukraine", "US tariffs") is no actor.
            Kind::State => self.as_noun,
            // A place acts, or the story gives it a short form of its own ("Rason Special Economic Zone
            // (SEZ)"): a subject of the story, not a location in passing.
            Kind::Place => self.as_noun && (self.acts_by_verb || self.defined),
            Kind::Region | Kind::Thing => false,
            Kind::Single => self.as_noun && (self.acts || self.affiliation || self.org_votes > 0),
            Kind::Unknown => {
                self.as_noun
                    && (self.acts || self.affiliation || self.mentions.len() > 1 || self.org_votes > 0)
            }
        }
    }

    fn is_company_like(&self, lex: &Lexicon) -> bool {
        self.descriptors.iter().any(|d| lex.company_nouns.contains(d))
            || self.name.split_whitespace().last().is_some_and(|w| {
                let w = w.to_lowercase();
                lex.corporate_words.contains(w.trim_end_matches('.'))
            })
            || (matches!(self.kind, Kind::Single | Kind::Unknown) && self.org_votes > 0)
    }
}

#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Per sentence, per mention: the entity it names.
    pub of_mention: Vec<Vec<Option<usize>>>,
    by_key: HashMap<String, usize>,
    /// Words a person may be called by alone (first word, last word, particle surname) → the people.
    person_words: HashMap<String, Vec<usize>>,
    /// First and last words and short names of bodies → the bodies.
    body_words: HashMap<String, Vec<usize>>,
    /// Leading words of bodies' names, two or more ("air products" of "air products and chemicals") → the
    /// bodies.
    body_openings: HashMap<String, Vec<usize>>,
    /// Acronyms made of bodies' initials → the bodies.
    acronyms: HashMap<String, Vec<usize>>,
}

/// The key under which spellings of one name meet: normalised, leading short forms of international bodies
/// expanded ("u.n. security council" → "united nations security council").
pub fn key(name: &str, lex: &Lexicon) -> String {
    let key = normalize_name(name);
    let (first, rest) = match key.split_once(' ') {
        Some((first, rest)) => (first, Some(rest)),
        None => (key.as_str(), None),
    };
    match (lex.short_forms.get(first), rest) {
        (Some(long), Some(rest)) => format!("{long} {rest}"),
        (Some(long), None) => long.clone(),
        (None, _) => key,
    }
}

fn squash(key: &str) -> String {
    key.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A body's name without the corporate words and outlet words at its end ("Cisco Systems Inc." → "Cisco",
/// "Bloomberg News" → "Bloomberg", "Sequoia Capital" → "Sequoia"), if something is left and it differs.
fn short_name(name: &str, lex: &Lexicon) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut end = words.len();
    while end > 1 {
        let w = words[end - 1].trim_end_matches([',', '.']).to_lowercase();
        let dropped = lex.corporate_words.contains(&w)
            || matches!(w.as_str(), "news" | "capital" | "l.p" | "lp" | "media" | "agency")
            || w.is_empty();
        if !dropped {
            break;
        }
        end -= 1;
    }
    (end < words.len()).then(|| words[..end].join(" ").trim_end_matches(',').to_string())
}

/// The initials of a body's name ("Federal Trade Commission" → "ftc"), and of the name without a leading
/// initialism or country ("U.S. Food and Drug Administration" → "fda") and without a final "and ..."
/// ("Centers for Disease Control and Prevention" → "cdc").
fn initials(name: &str, lex: &Lexicon) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let significant = |ws: &[&str]| -> String {
        ws.iter()
            .filter(|w| {
                !matches!(w.to_lowercase().as_str(), "of" | "for" | "and" | "the" | "&" | "on" | "in")
            })
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut out = vec![significant(&words)];
    if words.len() > 2 {
        let first = words[0].trim_end_matches('.').to_lowercase();
        if words[0].contains('.')
            || lex.names.longest_at(&super::tokens::Tokens::new(words[0]), 0).is_some()
            || first.len() <= 3
        {
            out.push(significant(&words[1..]));
        }
    }
    if let Some(and) = words.iter().rposition(|w| *w == "and")
        && and >= 2
    {
        out.push(significant(&words[..and]));
    }
    out.retain(|i| i.len() >= 2);
    out
}

impl Entities {
    /// The entities the mentions name. `dateline_place` is the town a dateline opens with, if any.
    pub fn resolve(
        doc: &Doc,
        mentions: &[Vec<Mention>],
        dateline_place: Option<&str>,
        lex: &Lexicon,
    ) -> Entities {
        let mut e = Entities {
            of_mention: mentions.iter().map(|m| vec![None; m.len()]).collect(),
            ..Default::default()
        };
        for (s, ms) in mentions.iter().enumerate() {
            let sent = &doc.sents[s];
            for (i, m) in ms.iter().enumerate() {
                if !m.is_actor_kind() {
                    continue;
                }
                let index = e.add(doc, m, lex);
                e.of_mention[s][i] = Some(index);
                // "European Central Bank (ECB)": the short form in brackets is an alias.
                let end = m.tokens.end;
                if sent.t.is_punct(end, "(") && sent.t.is_punct(end + 2, ")") && sent.t.toks[end + 1].upper {
                    let short = sent.t.raw(end + 1).to_string();
                    // "Nusantara Alliance (NA)": a name given a short form of its initials is a body's.
                    let ent = &mut e.list[index];
                    if ent.kind == Kind::Person
                        && m.role.is_none()
                        && short.len() >= 2
                        && initials(&ent.name, lex).iter().any(|i| i.eq_ignore_ascii_case(&short))
                    {
                        ent.kind = Kind::Organisation;
                    }
                    e.note_spelling(index, &short, lex);
                    e.list[index].defined = true;
                }
            }
        }
        if let Some(place) = dateline_place {
            e.place_the_dateline_names(place, lex);
        }
        e.vote_on_pronouns(doc, mentions);
        e.settle_kinds();
        e
    }

    /// The town a dateline opens with ("CAMBRIDGE, Md. -") is where the story happens: a name the gazetteer
    /// does not know that spells it is a place, an actor only where it acts as places do.
    fn place_the_dateline_names(&mut self, place: &str, lex: &Lexicon) {
        let town = key(place, lex);
        for ent in &mut self.list {
            if ent.known.is_none()
                && matches!(ent.kind, Kind::Single | Kind::Unknown)
                && key(&ent.name, lex) == town
            {
                ent.kind = Kind::Place;
            }
        }
    }

    fn add(&mut self, doc: &Doc, m: &Mention, lex: &Lexicon) -> usize {
        let s = &doc.sents[m.sentence];
        let written = m.written(s).trim_end_matches(['.', ',']);
        let at = (m.sentence, m.tokens.start);
        let (name, k) = match m.known {
            Some(Known::Country(c)) => (lex.countries[c].name.clone(), format!("gaz country {c}")),
            Some(Known::Organisation(o)) => {
                (lex.organisations[o].name.clone(), key(&lex.organisations[o].name, lex))
            }
            Some(Known::Outlet(o)) => (lex.outlets[o].clone(), key(&lex.outlets[o], lex)),
            Some(Known::Place(p)) => (lex.places[p].clone(), format!("gaz place {p}")),
            _ => (written.to_string(), key(written, lex)),
        };
        let found = self
            .by_key
            .get(&k)
            .copied()
            .or_else(|| self.by_key.get(&squash(&k)).copied())
            .or_else(|| self.lookup_short(m, &k, lex))
            .or_else(|| self.body_opened_by(doc, m, &k))
            .or_else(|| self.possessive_without_apostrophe(doc, m, &k))
            .or_else(|| self.titled_by_initialism(doc, m));
        // "The FTC sued. The Federal Trade Commission said ...": the acronym came first.
        let found = found.or_else(|| {
            (matches!(m.kind, Kind::Organisation | Kind::Outlet | Kind::Unknown) && m.tokens.len() > 1)
                .then(|| initials(&name, lex).into_iter().find_map(|i| self.by_key.get(&i).copied()))
                .flatten()
                .filter(|&e| !self.list[e].name.contains(' '))
        });
        let index = match found {
            Some(index) => index,
            None => self.create(name, m, k, lex),
        };
        self.note_spelling(index, written, lex);
        let ent = &mut self.list[index];
        if ent.mentions.last() != Some(&at) {
            ent.mentions.push(at);
        }
        ent.acts |= m.acts;
        ent.acts_by_verb |= m.acts && !s.t.toks[m.tokens.end - 1].possessive;
        ent.locates_only &= m.locates;
        ent.as_noun |= !m.locates && !m.modifier;
        ent.affiliation |= m.affiliation;
        if ent.role.is_none() {
            ent.role.clone_from(&m.role);
        }
        if let Some(d) = &m.descriptor
            && !ent.descriptors.contains(d)
        {
            ent.descriptors.push(d.clone());
        }
        // A single word that turns out to be a person's surname or a body's short name takes its kind.
        if ent.kind == Kind::Single && matches!(m.kind, Kind::Person | Kind::Organisation | Kind::Outlet) {
            ent.kind = m.kind;
        }
        if ent.kind == Kind::Unknown && m.kind == Kind::Organisation {
            ent.kind = Kind::Organisation;
        }
        index
    }

    /// "Halden Gases raised its offer" after "Halden Gases and Chemicals": a name of two words or more,
    /// with no given name or role, that opens the longer name of one body is that body.
    fn body_opened_by(&self, doc: &Doc, m: &Mention, k: &str) -> Option<usize> {
        let s = &doc.sents[m.sentence];
        if !k.contains(' ')
            || m.role.is_some()
            || m.known.is_some()
            || s.has(m.tokens.start, Tags::GIVEN_NAME)
            || !matches!(m.kind, Kind::Person | Kind::Unknown | Kind::Organisation)
        {
            return None;
        }
        unique(self.body_openings.get(k))
            .filter(|&only| matches!(self.list[only].kind, Kind::Organisation | Kind::Outlet))
    }

    /// "DDA Moor" after "Deputy District Attorney Dana Moor": an initialism before one person's
    /// surname is that person's title.
    fn titled_by_initialism(&self, doc: &Doc, m: &Mention) -> Option<usize> {
        let t = &doc.sents[m.sentence].t;
        let title = &t.toks[m.tokens.start];
        if m.tokens.len() != 2 || m.known.is_some() || !(title.upper || title.kind == TokenKind::Initialism) {
            return None;
        }
        unique(self.person_words.get(t.key(m.tokens.start + 1)))
    }

    /// "Haldens shares", "at Haldens annual meeting": a name with an "s" glued on where an apostrophe was
    /// lost, before a lower-case word, is the name's owner.
    fn possessive_without_apostrophe(&self, doc: &Doc, m: &Mention, k: &str) -> Option<usize> {
        let s = &doc.sents[m.sentence];
        let owner = k.strip_suffix('s').filter(|o| o.len() >= 3 && !o.contains(' '))?;
        let next_lower = s.t.toks.get(m.tokens.end).is_some_and(|t| t.kind == TokenKind::Word && !t.cap);
        if m.tokens.len() != 1
            || !next_lower
            || !matches!(m.kind, Kind::Single | Kind::Organisation | Kind::Unknown)
        {
            return None;
        }
        self.by_key.get(owner).copied().or_else(|| unique(self.body_words.get(owner)))
    }

    /// The entity a single word or a short form names: a person's surname or first name, a body's short
    /// name, first or last word, or an acronym of a body's name; each only when one entity fits.
    fn lookup_short(&self, m: &Mention, k: &str, lex: &Lexicon) -> Option<usize> {
        let one_word = !k.contains(' ');
        if (m.kind == Kind::Person || m.kind == Kind::Single)
            && let Some(p) =
                unique(self.person_words.get(k)).or_else(|| unique(self.person_words.get(&squash(k))))
        {
            return Some(p);
        }
        if matches!(m.kind, Kind::Single | Kind::Organisation | Kind::Outlet | Kind::Unknown) {
            if let Some(b) = unique(self.body_words.get(k)) {
                return Some(b);
            }
            if one_word && let Some(b) = unique(self.acronyms.get(k)) {
                return Some(b);
            }
        }
        // "Microsoft Corp." after "Microsoft": the short name was seen first.
        if matches!(m.kind, Kind::Organisation | Kind::Outlet | Kind::Unknown)
            && let Some(short) = short_name(k, lex)
            && let Some(&b) = self.by_key.get(&short)
        {
            return Some(b);
        }
        None
    }

    fn create(&mut self, name: String, m: &Mention, k: String, lex: &Lexicon) -> usize {
        let index = self.list.len();
        let mut descriptors = Vec::new();
        // The head word: before "of" or "for" ("Office of Fair Trade" is an office), else the last word.
        let words: Vec<&str> = name.split_whitespace().collect();
        let head_at = words
            .iter()
            .position(|w| matches!(*w, "of" | "for"))
            .filter(|&p| p > 0)
            .map_or(words.len(), |p| p);
        if matches!(m.kind, Kind::Organisation | Kind::Outlet | Kind::Unknown)
            && let Some(head) = head_at.checked_sub(1).and_then(|h| words.get(h))
        {
            let head = head.to_lowercase();
            let head = Lexicon::singular(&head).filter(|w| lex.body_nouns.contains(w)).unwrap_or(head);
            descriptors.push(head);
        }
        self.list.push(Entity {
            name: name.clone(),
            kind: m.kind,
            known: m.known,
            role: None,
            aliases: Vec::new(),
            descriptors,
            mentions: Vec::new(),
            acts: false,
            locates_only: true,
            as_noun: false,
            acts_by_verb: false,
            defined: false,
            affiliation: false,
            org_votes: 0,
        });
        self.by_key.insert(squash(&k), index);
        self.by_key.insert(k.clone(), index);
        let mut words: Vec<&str> = k.split(' ').collect();
        match m.kind {
            Kind::Person if words.len() > 1 => {
                // "Dana Moor Jr." is "Moor".
                if words.len() > 2 && lex.name_suffixes.contains(words[words.len() - 1]) {
                    words.pop();
                }
                let mut called = vec![words[0].to_string(), words[words.len() - 1].to_string()];
                // "Abdel Fattah al-Tarvi" is "Tarvi" too.
                if let Some((particle, family)) = words[words.len() - 1].split_once('-')
                    && lex.name_particles.contains(particle)
                {
                    called.push(family.to_string());
                }
                // "Ana María García López" is "García López"; "Luiz Inácio Lula da Silva" is "Lula": with
                // three names or more, the last two and each one in the middle.
                if words.len() > 2 {
                    called.push(words[words.len() - 2..].join(" "));
                    called.extend(
                        words[1..words.len() - 1]
                            .iter()
                            .filter(|w| !lex.name_particles.contains(w))
                            .map(|w| w.to_string()),
                    );
                }
                // "Erik ten Hag" is "Ten Hag"; "Hossein Amir-Abdollahian" is "Amirabdollahian".
                if let Some(p) = words.iter().position(|w| lex.name_particles.contains(w))
                    && p > 0
                {
                    called.push(words[p..].join(" "));
                }
                called.push(words[1..].concat());
                for w in called {
                    let people = self.person_words.entry(w).or_default();
                    if !people.contains(&index) {
                        people.push(index);
                    }
                }
            }
            Kind::Organisation | Kind::Outlet | Kind::Unknown if words.len() > 1 => {
                let mut called: Vec<String> = Vec::new();
                if let Some(short) = short_name(&name, lex) {
                    called.push(key(&short, lex));
                }
                let first = words[0];
                let last = words[words.len() - 1];
                let plain = |w: &str| {
                    !lex.is_stop(w)
                        && !lex.body_nouns.contains(w)
                        && !lex.is_organisation_head(w)
                        && !lex.is_place_head(w)
                };
                if plain(first) && lex.name_at(&super::tokens::Tokens::new(first), 0).is_none() {
                    called.push(first.to_string());
                }
                if plain(last) {
                    called.push(last.to_string());
                }
                for w in called {
                    let bodies = self.body_words.entry(w).or_default();
                    if !bodies.contains(&index) {
                        bodies.push(index);
                    }
                }
                // "Halden Gases" of "Halden Gases and Chemicals": the leading words, two or more.
                for n in 2..words.len() {
                    if !lex.is_stop(words[n - 1]) {
                        let bodies = self.body_openings.entry(words[..n].join(" ")).or_default();
                        if !bodies.contains(&index) {
                            bodies.push(index);
                        }
                    }
                }
                for acronym in initials(&name, lex) {
                    let bodies = self.acronyms.entry(acronym).or_default();
                    if !bodies.contains(&index) {
                        bodies.push(index);
                    }
                }
            }
            _ => {}
        }
        index
    }

    /// Records another spelling of an entity, which then leads to it.
    fn note_spelling(&mut self, index: usize, written: &str, lex: &Lexicon) {
        let written = written.strip_prefix("the ").unwrap_or(written).trim_end_matches(['.', ',']);
        let ent = &mut self.list[index];
        if written.is_empty() || written == ent.name || ent.aliases.iter().any(|a| a == written) {
            return;
        }
        // A fuller spelling of a body or a person becomes the name ("FTC" then "Federal Trade Commission").
        if ent.known.is_none()
            && written.split_whitespace().count() > ent.name.split_whitespace().count()
            && !matches!(ent.kind, Kind::Person)
            && written.len() > ent.name.len()
        {
            let old = std::mem::replace(&mut ent.name, written.to_string());
            ent.aliases.push(old);
        } else {
            ent.aliases.push(written.to_string());
        }
        let k = key(written, lex);
        self.by_key.entry(squash(&k)).or_insert(index);
        self.by_key.entry(k).or_insert(index);
    }

    /// "It" or "its" soon after a single word makes it a body; "he", "she", "his", "her" a person.
    fn vote_on_pronouns(&mut self, doc: &Doc, mentions: &[Vec<Mention>]) {
        for (s, ms) in mentions.iter().enumerate() {
            for (i, m) in ms.iter().enumerate() {
                let Some(index) = self.of_mention[s][i] else { continue };
                if !matches!(self.list[index].kind, Kind::Single | Kind::Unknown) {
                    continue;
                }
                let sent = &doc.sents[s];
                // The first pronoun after the mention in its sentence, or in the next one if it starts there.
                let next_pronoun = (m.tokens.end..sent.len())
                    .find(|&k| sent.has(k, Tags::PERSON_PRONOUN) || sent.has(k, Tags::THING_PRONOUN))
                    .map(|k| sent.tag(k));
                // Another name between the mention and the pronoun could be what it points to.
                let between = ms.iter().skip(i + 1).any(|o| o.is_actor_kind());
                match next_pronoun {
                    Some(tag) if !between && tag.has(Tags::THING_PRONOUN) => self.list[index].org_votes += 1,
                    Some(tag) if !between && tag.has(Tags::PERSON_PRONOUN) => self.list[index].org_votes -= 1,
                    _ => {}
                }
            }
        }
    }

    /// Single words and unknown names get their kind from the evidence gathered.
    fn settle_kinds(&mut self) {
        for ent in &mut self.list {
            ent.kind = match ent.kind {
                Kind::Single if ent.org_votes < 0 => Kind::Person,
                Kind::Single if ent.org_votes > 0 || ent.affiliation => Kind::Organisation,
                other => other,
            };
        }
    }

    /// The body most recently mentioned before `at` that "the `head`" points to: one described by that noun
    /// or named with it as head word ("the agency" → International Energy Agency), or, for a noun any
    /// company answers to ("the company", "the carrier"), the last company-like body; only actors.
    /// Whether entity `e` answers to "the <head>" ("the company", "the agency") as `description` reads it.
    pub fn answers_to(&self, e: usize, head: &str, lex: &Lexicon) -> bool {
        answers(&self.list[e], &description_head(head, lex), lex)
    }

    pub fn description(&self, at: At, head: &str, lex: &Lexicon) -> Option<usize> {
        let head = description_head(head, lex);
        let company = lex.company_nouns.contains(&head);
        let fits = |e: &Entity| answers(e, &head, lex);
        let outlet_word = lex.outlet_nouns.longest_at(&super::tokens::Tokens::new(&head), 0).is_some()
            || head == "agency"
            || head == "paper";
        // A body that is not a government's: what "the company" may be when nothing is described as one.
        let business = |e: &Entity| {
            matches!(e.kind, Kind::Organisation | Kind::Single | Kind::Unknown)
                && e.is_actor()
                && !e
                    .descriptors
                    .iter()
                    .any(|d| lex.organisation_heads.contains(d) && !lex.company_nouns.contains(d))
        };
        // "Lumora got $2 billion in a round led by Thrive Capital, the company said": the body the
        // sentence opens with.
        let subject = company.then(|| self.subject_before(at, |e| fits(e) || business(e))).flatten();
        subject
            .or_else(|| self.subject_or_latest_before(at, fits))
            // "the company" with no body described as one: the last body that is not a government's.
            .or_else(|| company.then(|| self.subject_or_latest_before(at, business)).flatten())
            // "the agency", "the site", "the paper": the last outlet named.
            .or_else(|| outlet_word.then(|| self.latest_before(at, |e| e.kind == Kind::Outlet)).flatten())
    }

    /// The person most recently mentioned before `at` (within the three sentences before it).
    pub fn person_before(&self, at: At) -> Option<usize> {
        self.latest_before(at, |e| e.kind == Kind::Person).filter(|&p| self.last_before(p, at).0 + 3 >= at.0)
    }

    /// The body or state "it" points to at `at`: the first one named in the sentence before the pronoun
    /// (usually its subject), else the first one named in the sentence before.
    /// The body or state "it" at `at` stands for: the first named before it in its sentence (`in_sentence`),
    /// or else the first named in the sentence before.
    pub fn thing_before(&self, at: At, in_sentence: bool) -> Option<usize> {
        let fits = |e: &Entity| {
            matches!(e.kind, Kind::Organisation | Kind::Outlet | Kind::State | Kind::Single | Kind::Unknown)
                && e.is_actor()
        };
        let first_in = |s: usize, before: usize| {
            self.list
                .iter()
                .enumerate()
                .filter(|(_, e)| fits(e))
                .filter_map(|(i, e)| {
                    e.mentions.iter().find(|(ms, mt)| *ms == s && *mt < before).map(|m| (m.1, i))
                })
                .min()
                .map(|(_, i)| i)
        };
        if in_sentence {
            first_in(at.0, at.1)
        } else {
            at.0.checked_sub(1).and_then(|p| first_in(p, usize::MAX))
        }
    }

    fn last_before(&self, index: usize, at: At) -> At {
        self.list[index].mentions.iter().rev().find(|m| **m < at).copied().unwrap_or((0, 0))
    }

    /// The fitting entity named first in `at`'s own sentence before `at`, else the one named last before
    /// it: "Lumora raised $2 billion in a round led by Thrive Capital, the company said" is Lumora's.
    fn subject_or_latest_before(&self, at: At, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.subject_before(at, &fits).or_else(|| self.latest_before(at, fits))
    }

    /// The fitting entity named first in `at`'s sentence before `at`.
    fn subject_before(&self, at: At, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e))
            .filter_map(|(i, e)| e.mentions.iter().find(|m| m.0 == at.0 && m.1 < at.1).map(|m| (m.1, i)))
            .min()
            .map(|(_, i)| i)
    }

    fn latest_before(&self, at: At, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e))
            .filter_map(|(i, e)| e.mentions.iter().rev().find(|m| **m < at).map(|m| (*m, i)))
            .max()
            .map(|(_, i)| i)
    }

    /// The entity mention `m` of sentence `s` names.
    pub fn of(&self, s: usize, m: usize) -> Option<usize> {
        self.of_mention.get(s).and_then(|v| v.get(m)).copied().flatten()
    }
}

/// The one entity a word leads to, if it leads to exactly one.
fn unique(entities: Option<&Vec<usize>>) -> Option<usize> {
    match entities.map(Vec::as_slice) {
        Some(&[only]) => Some(only),
        _ => None,
    }
}

/// A description's head word as entities record it: "companies" → "company".
fn description_head(head: &str, lex: &Lexicon) -> String {
    Lexicon::singular(head).filter(|w| lex.body_nouns.contains(w)).unwrap_or_else(|| head.to_string())
}

/// Whether `e` answers to "the <head>": a body described so, or any company for a company noun.
fn answers(e: &Entity, head: &str, lex: &Lexicon) -> bool {
    let company = lex.company_nouns.contains(head);
    matches!(e.kind, Kind::Organisation | Kind::Outlet | Kind::Single | Kind::Unknown | Kind::State)
        && (e.descriptors.iter().any(|d| d == head)
            || (company && e.kind != Kind::State && e.is_company_like(lex)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{lexicon, names, sentences};

    fn entities(text: &str) -> Vec<(String, Vec<String>, Kind)> {
        dated_entities(text, None)
    }

    fn dated_entities(text: &str, dateline_place: Option<&str>) -> Vec<(String, Vec<String>, Kind)> {
        let lex = lexicon::get();
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        let doc = Doc::new(text, &sentences, lex);
        let mentions = names::find(&doc, lex);
        let e = Entities::resolve(&doc, &mentions, dateline_place, lex);
        e.list.into_iter().filter(|e| e.is_actor()).map(|e| (e.name, e.aliases, e.kind)).collect()
    }

    #[test]
    fn surnames_particles_and_squashed_hyphens_meet_the_full_name() {
        let e = entities(
            "Coach Erik van Dam spoke. Van Dam left. Minister Ali Amir-Rahimi arrived. Amirrahimi said no.",
        );
        assert!(e.iter().any(|(n, a, k)| n == "Erik van Dam"
            && a.contains(&"Van Dam".to_string())
            && *k == Kind::Person));
        assert!(e.iter().any(|(n, a, _)| n == "Ali Amir-Rahimi" && a.contains(&"Amirrahimi".to_string())));
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn long_names_are_called_by_their_last_two_or_a_middle_name_and_suffixes_fall_away() {
        let e = entities(
            "Ana Lucía Ferro Vidal said no. Ferro Vidal left. Former president Tomás Quorvo Lind da Marra \
             spoke. Quorvo smiled. Dana Moor Jr. agreed. Moor sat down.",
        );
        assert!(
            e.iter().any(|(n, a, _)| n == "Ana Lucía Ferro Vidal" && a.contains(&"Ferro Vidal".to_string())),
            "{e:?}"
        );
        assert!(
            e.iter().any(|(n, a, _)| n == "Tomás Quorvo Lind da Marra" && a.contains(&"Quorvo".to_string())),
            "{e:?}"
        );
        assert!(e.iter().any(|(n, a, _)| n == "Dana Moor Jr" && a.contains(&"Moor".to_string())), "{e:?}");
        assert_eq!(e.len(), 3, "{e:?}");
    }

    #[test]
    fn a_family_name_with_a_hyphened_particle_is_called_by_the_name_alone() {
        let e = entities("President Abdel Karim al-Tarvi met envoys in Ulm. Tarvi said the talks went well.");
        assert!(
            e.iter().any(|(n, a, k)| n == "Abdel Karim al-Tarvi"
                && a.contains(&"Tarvi".to_string())
                && *k == Kind::Person),
            "{e:?}"
        );
    }

    #[test]
    fn an_initialism_before_a_person_s_surname_is_their_title() {
        let e =
            entities("Deputy District Attorney Dana Moor objected. Later DDA Moor said the date was unfair.");
        assert!(
            e.iter().any(|(n, a, k)| n == "Dana Moor"
                && a.contains(&"DDA Moor".to_string())
                && *k == Kind::Person),
            "{e:?}"
        );
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_name_given_its_initials_in_brackets_is_a_body() {
        let e = entities("Members of Perikat Nasional (PN) will vote. PN leaders met on Monday.");
        assert!(e.iter().any(|(n, _, k)| n == "Perikat Nasional" && *k == Kind::Organisation), "{e:?}");
    }

    #[test]
    fn acronyms_short_names_and_brackets_are_one_body() {
        let e = entities(
            "The FTC sued. The Federal Trade Commission said the deal hurt buyers. Zenith Holdings Inc. \
             denied it. Zenith said it would appeal. The Ocean Data Office (ODO) agreed, and ODO said so.",
        );
        assert!(
            e.iter().any(|(n, a, _)| n == "Federal Trade Commission" && a.contains(&"FTC".to_string())),
            "{e:?}"
        );
        assert!(
            e.iter().any(|(n, a, _)| n == "Zenith Holdings Inc" && a.contains(&"Zenith".to_string())),
            "{e:?}"
        );
        assert!(
            e.iter().any(|(n, a, _)| n == "Ocean Data Office" && a.contains(&"ODO".to_string())),
            "{e:?}"
        );
        assert_eq!(e.len(), 3, "{e:?}");
    }

    #[test]
    fn a_single_word_is_a_body_or_a_person_by_the_pronoun_after_it() {
        let e = entities("Quorvo said its profit rose. Later Halden said his team would stay.");
        assert!(e.contains(&("Quorvo".into(), vec![], Kind::Organisation)), "{e:?}");
        assert!(e.contains(&("Halden".into(), vec![], Kind::Person)), "{e:?}");
    }

    #[test]
    fn places_that_only_locate_are_no_actors_but_acting_ones_are() {
        let e = entities("A fire broke out in Tarvo County. Ohio reported four cases. Crews left Delaware.");
        let names: Vec<&str> = e.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, ["Ohio"]);
    }

    #[test]
    fn a_body_s_leading_words_and_its_name_with_a_lost_apostrophe_are_the_body() {
        let e = entities(
            "Halden Gases and Chemicals made an offer. Halden Gases raised its offer on Monday. \
             Shareholders at Haldens annual meeting backed it.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, "Halden Gases and Chemicals");
        assert!(e[0].1.contains(&"Halden Gases".to_string()) && e[0].1.contains(&"Haldens".to_string()));
    }

    #[test]
    fn the_dateline_s_town_is_a_place_not_an_actor() {
        let text = "A Dunmore man was charged. Police said the suspect, of Dunmore, told officers that he fled. \
                    Dunmore's mayor called for calm.";
        let names =
            |e: Vec<(String, Vec<String>, Kind)>| e.into_iter().map(|(n, _, _)| n).collect::<Vec<_>>();
        // Without a dateline the pronoun after it makes "Dunmore" a person.
        assert!(names(dated_entities(text, None)).contains(&"Dunmore".to_string()));
        assert!(!names(dated_entities(text, Some("DUNMORE"))).contains(&"Dunmore".to_string()));
        // A town that speaks is still an actor.
        let speaks = "Dunmore said the road would reopen on Monday.";
        assert!(names(dated_entities(speaks, Some("DUNMORE"))).contains(&"Dunmore".to_string()));
    }

    #[test]
    fn descriptions_point_back_to_the_body_described_or_named_with_that_head() {
        let lex = lexicon::get();
        let text = "Shares of grocer Mardell rose. The Office of Fair Trade objected. The grocer said it would appeal.";
        let sentences = sentences::split(text, std::slice::from_ref(&(0..text.len())), lex);
        let doc = Doc::new(text, &sentences, lex);
        let mentions = names::find(&doc, lex);
        let e = Entities::resolve(&doc, &mentions, None, lex);
        let grocer = e.description((2, 1), "grocer", lex).map(|i| e.list[i].name.clone());
        assert_eq!(grocer.as_deref(), Some("Mardell"));
        let office = e.description((2, 1), "office", lex).map(|i| e.list[i].name.clone());
        assert_eq!(office.as_deref(), Some("Office of Fair Trade"));
        assert_eq!(e.description((2, 1), "ministry", lex), None);
    }
}
