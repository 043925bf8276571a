//! Names and the mentions they make. Input: the analysed [`Doc`]. Output: per sentence, its [`Mention`]s in
//! order: capitalised runs read as people (a title or an apposition gives the role), states, bodies,
//! outlets, places, things, or single words still to be decided by the coreference pass.
//!
//! A run is cut out by shape (capitals, initialisms, joiners such as "of", hyphenated syllables, "and"
//! between the parts of a body's name) and read by the lexicon: a gazetteer name, a head word ("Council",
//! "Province", "Cup"), a corporate word ("Inc."), a given name or an East Asian family name first, a name
//! particle ("ten", "de"), a title before it. What each mention does in its sentence is noted too: whether
//! it only locates something ("in Manado") and whether it acts ("Kroger sued", "Visa's profit").
//!
//! One file per job: `runs` (where a name starts and ends), `classify` (what a run names), `roles` (the
//! title or apposition that gives a role), `context` (what a mention does in its sentence).

use std::ops::Range;

use super::doc::{Doc, Sent, Tags, when_said};
use super::lexicon::{Entity, Lexicon, NameEntry};
use super::tokens::Kind as TokenKind;

mod classify;
mod context;
mod roles;
mod runs;

use classify::*;
use context::*;
use roles::*;
use runs::*;

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
    titled_before_comma(s, &mut out);
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
        // "Mr Moor", "Ms. Moor": a courtesy title makes the name a person's and is part of the words that
        // name them (a quotation's speaker may start at it).
        if m.role_start == b
            && matches!(m.kind, Kind::Single | Kind::Unknown | Kind::Person)
            && let Some(w) = courtesy_title_before(s, b)
        {
            m.kind = Kind::Person;
            m.role_start = b - w;
        }
        m.acts = acts(s, m.role_start.min(m.tokens.start)..m.tokens.end, lex);
        if m.descriptor.is_none() {
            m.descriptor = descriptor_before(s, m.role_start.min(m.tokens.start), lex);
        }
        let next = m.tokens.end;
        let lower_next = s.t.toks.get(next).is_some_and(|t| t.kind == TokenKind::Word && !t.cap);
        m.affiliation |= m.kind == Kind::Single
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
        if m.kind == Kind::Place && m.known.is_none() && cue_next(s, m.tokens.end, lex).is_some() {
            m.kind = Kind::Organisation;
        }
    }
    out
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
    fn a_body_named_with_its_head_and_of_stays_an_actor_inside_a_role() {
        let m = mentions("But University of Tarvo professor Jessica Brandt said coal would peak.");
        assert!(m.contains(&("University of Tarvo".into(), Kind::Organisation, None)), "{m:?}");
        assert!(m.iter().any(|(n, k, r)| n == "Jessica Brandt"
            && *k == Kind::Person
            && r.as_deref() == Some("University of Tarvo professor")));
        // A body without "of" in a title stays part of the role.
        let m = mentions("Tarvo Security Council spokesman Dana Moor said no.");
        assert!(!m.iter().any(|(n, _, _)| n == "Tarvo Security Council"), "{m:?}");
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
    fn a_name_ending_in_a_lone_capital_letter_is_a_kind_of_thing() {
        assert!(
            mentions("Tarvo raised $225 million in a Series C round.")
                .iter()
                .all(|(n, _, _)| n != "Series C")
        );
        assert!(mentions("It sold Class B shares on Monday.").iter().all(|(n, _, _)| n != "Class B"));
        // An initial with its point is part of a person's name.
        assert_eq!(
            kind_of("The deal was signed by Dana E. Moor on Monday.", "Dana E. Moor"),
            Some(Kind::Person)
        );
    }

    #[test]
    fn plurals_of_initialisms_and_terms_initialisms_name_no_one() {
        // plural_initialism: "Tarvish-built UAVs" is a kind of thing.
        assert!(mentions("Tarvish-built UAVs struck the port on Monday.").is_empty());
        // term_acronyms: "EPS", "VAR" are terms.
        assert!(mentions("The EPS topped forecasts, the company said.").is_empty());
        assert!(mentions("The goal stood after a VAR check.").is_empty());
        assert!(mentions("Revenue came in at US$412 million, or C$560 million.").is_empty());
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

    #[test]
    fn a_title_with_its_portfolio_before_a_comma_is_the_role_of_the_name_after_it() {
        let m = mentions("The Minister of Harbour Works, Dana Moor has resigned.");
        assert!(
            m.contains(&("Dana Moor".into(), Kind::Person, Some("Minister of Harbour Works".into()))),
            "{m:?}"
        );
        let m = mentions("Minister of Trade and Fisheries, Oren Hale, said the port would open.");
        assert!(
            m.contains(&("Oren Hale".into(), Kind::Person, Some("Minister of Trade and Fisheries".into()))),
            "{m:?}"
        );
        let m = mentions("Chief Executive of Tarvo Holdings, Dana Moor, said no.");
        assert!(m.contains(&("Tarvo Holdings".into(), Kind::Organisation, None)), "{m:?}");
        let m = mentions("Leader of the Assembly and Fisheries Minister Oren Hale said no.");
        assert_eq!(
            m,
            [(
                "Oren Hale".into(),
                Kind::Person,
                Some("Leader of the Assembly and Fisheries Minister".into())
            )]
        );
    }

    #[test]
    fn capitals_for_emphasis_at_a_story_s_start_name_no_one() {
        let m = mentions("A FIERCE row erupted in the council on Monday.");
        assert!(m.is_empty(), "{m:?}");
        assert!(mentions("STUNNED residents watched the water rise.").is_empty());
        // An initialism opening a sentence still names a body.
        assert_eq!(kind_of("QRX said on Monday it would appeal.", "QRX"), Some(Kind::Organisation));
        assert_eq!(kind_of("The QRX said it would appeal.", "QRX"), Some(Kind::Organisation));
    }

    #[test]
    fn proceedings_and_papers_of_a_legislature_are_things() {
        // thing_heads: "Session", "Orders", "Paper"; a thing's head before "of" makes the name a thing.
        let m = mentions("The Standing Orders were amended, and the Autumn Session closed early.");
        assert!(m.is_empty(), "{m:?}");
        assert!(mentions("The Order of Business was set by the clerk.").is_empty());
        assert_eq!(
            kind_of("The Bank of Tarvo said rates would rise.", "Bank of Tarvo"),
            Some(Kind::Organisation)
        );
        // proceeding_heads say nothing of a name before them in lower case: the Senate holds the hearing.
        assert!(mentions("The Tarvo Senate hearing ran late.").iter().any(|(n, _, _)| n == "Tarvo Senate"));
    }

    #[test]
    fn lower_case_titles_joined_by_and_are_one_role() {
        let m = mentions("Sales fell, chairman and managing director Dana Moor said.");
        assert!(
            m.contains(&("Dana Moor".into(), Kind::Person, Some("chairman and managing director".into()))),
            "{m:?}"
        );
        // "and" after a title joins no title: "the mayor and Dana Moor".
        let m = mentions("The mayor and Dana Moor spoke.");
        assert!(m.contains(&("Dana Moor".into(), Kind::Person, None)), "{m:?}");
    }

    #[test]
    fn one_name_word_before_a_title_is_who_the_person_works_for() {
        let m = mentions("Tarvo CEO Dana Moor spoke on Friday.");
        assert!(m.iter().any(|(n, _, _)| n == "Tarvo"), "{m:?}");
        assert!(m.contains(&("Dana Moor".into(), Kind::Person, Some("Tarvo CEO".into()))), "{m:?}");
        // A portfolio or a demonym is no employer.
        let m = mentions("Defence Minister Dana Moor spoke on Friday.");
        assert_eq!(m.len(), 1, "{m:?}");
        let m = mentions("City Manager Dana Moor spoke on Friday.");
        assert_eq!(m.len(), 1, "{m:?}");
        let m = mentions("Fisheries Minister Dana Moor spoke on Friday.");
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn a_capitalised_word_before_a_body_s_head_starts_its_name() {
        let m = mentions("State Department officials said no.");
        assert!(m.contains(&("State Department".into(), Kind::Organisation, None)), "{m:?}");
        let m = mentions("Tarvo is a small state. State Department officials said no.");
        assert!(m.contains(&("State Department".into(), Kind::Organisation, None)), "{m:?}");
        let m = mentions("The State Ministry said it would reply.");
        assert!(m.contains(&("State Ministry".into(), Kind::Organisation, None)), "{m:?}");
    }

    #[test]
    fn a_name_with_a_thing_s_head_that_speaks_is_a_body() {
        let m = mentions("The Tarvo Geological Survey said the quake struck at noon.");
        assert!(m.contains(&("Tarvo Geological Survey".into(), Kind::Organisation, None)), "{m:?}");
        assert!(mentions("The Tarvo Household Survey showed prices rose.").is_empty());
    }

    #[test]
    fn a_plural_possessive_joins_a_name_unless_a_given_name_follows() {
        let m = mentions("The Tarvo Workers' Party said no.");
        assert!(m.iter().any(|(n, _, _)| n == "Tarvo Workers' Party"), "{m:?}");
        let m = mentions("As Tarvo News' Dana Moor reported, the road closed.");
        assert!(m.iter().any(|(n, k, _)| n == "Dana Moor" && *k == Kind::Person), "{m:?}");
    }

    #[test]
    fn on_after_a_body_s_head_joins_its_name_and_hills_are_places() {
        let m = mentions("The Tarvo Panel on Water Rights (TPWR) said rivers were low.");
        assert!(m.contains(&("Tarvo Panel on Water Rights".into(), Kind::Organisation, None)), "{m:?}");
        assert_eq!(kind_of("She studied in Harrow Hill for years.", "Harrow Hill"), Some(Kind::Place));
    }

    #[test]
    fn storms_operations_and_market_indexes_are_things() {
        assert!(mentions("Hurricane Tarva made landfall near the coast.").is_empty());
        assert!(mentions("The army launched Operation Halden at dawn.").is_empty());
        let m = mentions("The Tarvo Composite fell as the Halden Industrial Average rose.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_lower_case_particle_hyphened_to_a_family_name_is_part_of_the_name() {
        let m = mentions("President Abdel Karim al-Tarvi met envoys in Ulm.");
        assert!(
            m.contains(&("Abdel Karim al-Tarvi".into(), Kind::Person, Some("President".into()))),
            "{m:?}"
        );
    }
}
