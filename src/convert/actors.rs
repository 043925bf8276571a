//! Who appears in the article: people with the roles their titles give ("U.S. Secretary of State Antony
//! Blinken"), states by name, alias, capital or seat of government ("Pyongyang", "the Kremlin"),
//! organisations, outlets and places. Mentions of one actor merge: spellings that normalise the same ("Kim
//! Jong-Un"), surnames used after the full name ("Blinken"), and short forms of international bodies
//! ("U.N." = "United Nations").
//!
//! [`scan`] finds the mentions of one sentence and is used twice: once to fill the [`Registry`], then again
//! by the claim rules, which resolve each mention against the finished registry.

use std::ops::Range;

use foldhash::HashMap;

use super::gazetteer::{Entity, Gazetteer, NameEntry};
use super::tokens::{Kind, Tokens};
use crate::actors::normalize_name;
use crate::model::ActorKind;

/// What a mention is, as far as the sentence shows.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// A gazetteer entity that can be an actor: a country, organisation or outlet (by gazetteer name).
    Known { name: String, kind: ActorKind },
    /// A capitalised name read as a person (two to four words, or a title before it).
    Person,
    /// A capitalised name ending in an organisation, outlet or place head word.
    Named(ActorKind),
    /// One capitalised word: a surname if a person of that name is known.
    Single,
    /// A capitalised name of several words with no clue to what it is.
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Mention {
    /// The tokens of the name (its role excluded).
    pub tokens: Range<usize>,
    pub kind: MentionKind,
    /// The role its title or an apposition gives ("U.S. Secretary of State").
    pub role: Option<String>,
    /// Where the name's title starts (its own start when it has none): the speaker's words.
    pub role_start: usize,
    /// Followed by an attribution verb, or after "according to": the mention speaks.
    pub speaks: bool,
}

impl Mention {
    /// The name as written, a leading "the" left out.
    pub fn written<'t>(&self, t: &Tokens<'t>) -> &'t str {
        let start = if t.key(self.tokens.start) == "the" && self.tokens.len() > 1 {
            self.tokens.start + 1
        } else {
            self.tokens.start
        };
        t.span(start..self.tokens.end)
    }
}

/// The gazetteer name starting at each token of a sentence, looked up once: the rules ask about a token
/// several times.
struct Names(Vec<Option<(usize, NameEntry)>>);

impl Names {
    fn at(&self, i: usize) -> Option<(usize, NameEntry)> {
        self.0.get(i).copied().flatten()
    }
}

/// The mentions of one sentence, in order.
pub fn scan(t: &Tokens, gaz: &Gazetteer) -> Vec<Mention> {
    let names = Names((0..t.len()).map(|i| gaz.name_at(t, i)).collect());
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(end) = run_end(t, i, &names, gaz) else {
            i += 1;
            continue;
        };
        classify(t, i..end, &names, gaz, &mut out);
        i = end;
    }
    for m in &mut out {
        m.speaks = speaks(t, m.role_start.min(m.tokens.start)..m.tokens.end, gaz);
        // A place does not speak: "City said" names a club.
        let says = matches!(t.key(m.tokens.end), "said" | "says" | "told" | "added" | "stated");
        if m.speaks && says && m.kind == MentionKind::Named(ActorKind::Place) {
            m.kind = MentionKind::Named(ActorKind::Organisation);
        }
    }
    out
}

/// Whether token `i` may start a name: a capitalised word or initialism that is not a function word or a
/// sentence opener ("Following", "Notably"), or a gazetteer name ("The Washington Post").
fn starts_name(t: &Tokens, i: usize, names: &Names, gaz: &Gazetteer) -> bool {
    if names.at(i).is_some() {
        return true;
    }
    if !t.is_capitalised(i) {
        return false;
    }
    let key = t.key(i);
    let opener = i == 0 || t.toks[..i].iter().all(|tok| tok.kind == Kind::Punct);
    let looks_like_opener = opener && (key.ends_with("ing") || key.ends_with("ly") || key.ends_with("ed"));
    !gaz.is_stop(key) && !gaz.months.contains_key(key) && !gaz.weekdays.contains(key) && !looks_like_opener
}

/// The end of the capitalised run starting at `i`, if one starts there. Runs take gazetteer names whole,
/// join words with hyphens and with "of", "for", "de" ... before a capital, and "in" after an organisation
/// word ("Russian Embassy in Washington"); a possessive ends them.
fn run_end(t: &Tokens, i: usize, names: &Names, gaz: &Gazetteer) -> Option<usize> {
    if !starts_name(t, i, names, gaz) {
        return None;
    }
    let part = |k: usize| {
        names.at(k).is_some()
            || (t.is_capitalised(k) && !gaz.is_stop(t.key(k)) && !gaz.months.contains_key(t.key(k)))
    };
    let mut end = i;
    loop {
        end = match names.at(end) {
            Some((e, _)) => e,
            None if part(end) => end + 1,
            None => break,
        };
        if t.toks[end - 1].possessive {
            break;
        }
        // Joiners: "Jong-Un", "Secretary of State", "Embassy in Washington".
        let lower_word = t.toks.get(end).is_some_and(|tok| tok.kind == Kind::Word && !tok.cap);
        let glued = |a: usize| a + 1 < t.len() && t.toks[a].range.end == t.toks[a + 1].range.start;
        let hyphen = t.is_punct(end, "-") && glued(end - 1);
        // A name's syllable after a hyphen, in lower case: "Kim Jong-un", "Moon Jae-in".
        if hyphen && glued(end) && name_syllable(t, end + 1) {
            end += 2;
            if t.toks[end - 1].possessive {
                break;
            }
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
        let joiner = lower_word && gaz.name_joiners.contains(t.key(end));
        let embassy_in = t.key(end) == "in" && gaz.organisation_heads.contains(t.key(end - 1));
        let and = (lower_word && t.key(end) == "and") || t.is_punct(end, "&");
        let portfolio_and = and && joins_portfolios(t, i..end, gaz);
        let next = if hyphen || joiner || embassy_in || portfolio_and { end + 1 } else { end };
        if !part(next) {
            break;
        }
        end = next;
    }
    (end > i).then_some(end)
}

/// Whether the "and" (or "&") right after `run` joins two parts of a title or of a body's portfolio
/// ("Minister of State for Legal and Parliamentary Affairs", "Department of Health and Human Services",
/// "Centers for Disease Control and Prevention"): a portfolio word comes within the next three capitalised
/// words and no title right after it (not "... and Defense Secretary Lloyd Austin"), and the run ends with a
/// portfolio word or is a title's or a body's "for" or "of" and at most two words (not "Secretary of State
/// Antony Blinken and ...").
fn joins_portfolios(t: &Tokens, run: Range<usize>, gaz: &Gazetteer) -> bool {
    let after = run.end + 1;
    let ahead = (after..t.len().min(after + 3))
        .take_while(|&k| t.toks[k].cap)
        .any(|k| gaz.portfolios.contains(t.key(k)) && !(k + 1 < t.len() && gaz.is_title(t.key(k + 1))));
    let heads = |k: usize| gaz.is_title(t.key(k)) || gaz.is_organisation_head(t.key(k));
    let last_joiner = (run.start..run.end).rev().find(|&k| matches!(t.key(k), "for" | "of"));
    let in_title = last_joiner.is_some_and(|j| run.end - j <= 3 && (run.start..j).any(heads));
    ahead && (gaz.portfolios.contains(t.key(run.end - 1)) || in_title)
}

/// Whether token `k` is a lower-case syllable that ends a hyphenated name ("un" in "Jong-un", "in" in
/// "Jae-in"), not the second half of a compound ("U.S.-led", "Kremlin-backed", "state-run").
fn name_syllable(t: &Tokens, k: usize) -> bool {
    const COMPOUND_TAILS: &[&str] = &[
        "run", "born", "like", "wide", "free", "made", "held", "back", "up", "off", "out", "era", "type",
        "size",
    ];
    let Some(tok) = t.toks.get(k) else { return false };
    let key = t.key(k);
    tok.kind == Kind::Word
        && !tok.cap
        && key.len() <= 4
        && key.chars().all(|c| c.is_ascii_lowercase())
        && !key.ends_with("ed")
        && !COMPOUND_TAILS.contains(&key)
}

/// Whether token `i` can be part of a person's name.
fn name_word(t: &Tokens, i: usize, names: &Names, gaz: &Gazetteer) -> bool {
    let tok = &t.toks[i];
    let key = t.key(i);
    let initial = tok.kind == Kind::Initialism && key.len() == 1;
    (tok.kind == Kind::Word && tok.cap || initial)
        && !gaz.is_title(key)
        && !gaz.portfolios.contains(key)
        && !gaz.organisation_heads.contains(key)
        && !gaz.is_stop(key)
        && names.at(i).is_none()
        && !(tok.upper && key.len() > 1)
}

fn classify(t: &Tokens, run: Range<usize>, names: &Names, gaz: &Gazetteer, out: &mut Vec<Mention>) {
    let mention = |tokens: Range<usize>, kind: MentionKind, role: Option<String>| Mention {
        role_start: tokens.start,
        tokens,
        kind,
        role,
        speaks: false,
    };
    // The whole run is a gazetteer name, unless it is the first half of an adjective ("U.S.-led",
    // "Luxembourg-based").
    if let Some((end, entry)) = names.at(run.start)
        && end == run.end
    {
        let compound = t.is_punct(end, "-")
            && t.toks[end - 1].range.end == t.toks[end].range.start
            && t.toks.get(end + 1).is_some_and(|n| n.kind == Kind::Word && !n.cap);
        let place = entry.seat && used_as_place(t, run.clone());
        if let Some(kind) = known(entry.entity, gaz).filter(|_| !compound && !place) {
            out.push(mention(run, kind, None));
        }
        return;
    }
    // A person: the name words at the end of the run, a title before them (in the run or just left of it).
    let mut name_start = run.end;
    loop {
        if name_start > run.start && name_word(t, name_start - 1, names, gaz) {
            name_start -= 1;
        } else if name_start > run.start + 1
            && name_start < run.end
            && (t.is_punct(name_start - 1, "-")
                || gaz.name_joiners.contains(t.key(name_start - 1)) && t.key(name_start - 1) != "of")
            && name_word(t, name_start - 2, names, gaz)
        {
            // "Jong-Un", "La Quadrature du Net"
            name_start -= 1;
        } else if name_start >= run.start + 3
            && name_syllable(t, name_start - 1)
            && t.is_punct(name_start - 2, "-")
            && name_word(t, name_start - 3, names, gaz)
        {
            // "Jong-un"
            name_start -= 2;
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
    let head = t.key(run.end - 1);
    // A title, or a portfolio standing for one before a full name ("Communication and Information
    // Technology Atef Helmi", in a list of ministers).
    let portfolio = |r: Range<usize>| {
        !r.is_empty()
            && name.len() >= 2
            && r.clone()
                .all(|k| gaz.portfolios.contains(t.key(k)) || matches!(t.key(k), "and" | "of" | "for"))
    };
    let has_title = |r: Range<usize>| {
        r.clone().any(|k| gaz.is_title(t.key(k)) || (!t.toks[k].cap && gaz.is_profession(t.key(k))))
            || portfolio(r)
    };
    // "Unity and Upper Nile states", "Idlib province": a lower-case place word after the name.
    let place_after = t
        .toks
        .get(run.end)
        .is_some_and(|next| next.kind == Kind::Word && !next.cap && gaz.is_place_head(t.key(run.end)));
    if place_after {
        out.push(mention(run, MentionKind::Named(ActorKind::Place), None));
        return;
    }
    let object_head = gaz.thing_heads.contains(head) || gaz.place_heads.contains(head);
    // "the news site Defense Express": an outlet word right before the name.
    let outlet_before = (run.start.saturating_sub(3)..run.start)
        .any(|k| gaz.outlet_nouns.longest_at(t, k).is_some_and(|(e, _)| e == run.start));
    if outlet_before {
        out.push(mention(run, MentionKind::Named(ActorKind::Outlet), None));
        return;
    }
    if !name.is_empty()
        && !object_head
        && (has_title(prefix.clone()) || (prefix.is_empty() && name.len() <= 4))
    {
        let role_start = role_start(t, prefix.start, has_title(prefix.clone()), gaz);
        let role_tokens = role_start..name.start;
        let role = has_title(role_tokens.clone())
            .then(|| t.span(role_tokens.clone()).trim_end_matches(',').to_string());
        if role.is_some() || name.len() >= 2 {
            if role.is_some() {
                // A body named in the title is part of the role ("National Security Council spokesman"),
                // but a gazetteer name there is still its actor ("Kremlin spokesman", "U.S. Secretary"),
                // and so is a person ("President Tayyip Erdogan's chief adviser Ibrahim Kalin").
                out.retain(|m| {
                    matches!(m.kind, MentionKind::Known { .. } | MentionKind::Person)
                        || m.tokens.end <= role_tokens.start
                });
                mentions_in(prefix.clone(), names, gaz, out);
            }
            let role_at = if role.is_some() { role_tokens.start } else { name.start };
            let titled = role.is_some();
            let role = role.or_else(|| apposition(t, name.end, gaz));
            // "La Quadrature du Net, a digital rights group,": an organisation described.
            let body = !titled
                && role.as_deref().and_then(|r| r.split_whitespace().last()).is_some_and(|head| {
                    let head = head.to_lowercase();
                    gaz.organisation_heads.contains(&head) && !gaz.people_nouns.contains(&head)
                });
            let kind = if body {
                MentionKind::Named(ActorKind::Organisation)
            } else if name.len() == 1 && role.is_none() {
                MentionKind::Single
            } else {
                MentionKind::Person
            };
            out.push(Mention { role_start: role_at, ..mention(name, kind, role) });
            return;
        }
        out.push(mention(name, MentionKind::Single, None));
        return;
    }
    // "Toni Sacconaghi of Sanford C. Bernstein": a person of a body (two or three name words before
    // "of"; "Bank of England" and "Secretary of State" have no name there).
    if let Some(of) = (run.start + 2..run.end.saturating_sub(1)).find(|&k| t.key(k) == "of")
        && of - run.start <= 3
        && (run.start..of).all(|k| name_word(t, k, names, gaz))
    {
        let role = Some(t.span(of..run.end).to_string());
        out.push(mention(run.start..of, MentionKind::Person, role));
        return;
    }
    // A common noun capitalised only because it opens the sentence ("State health officials said").
    if run.len() == 1 && run.start == 0 && gaz.is_head_noun(head) {
        return;
    }
    // Not a person: what the head word says.
    let kind = if gaz.thing_heads.contains(head) {
        // "United Nations Security Council Resolutions": the body inside still counts.
        mentions_in(run.clone(), names, gaz, out);
        None
    } else if gaz.place_heads.contains(head) {
        Some(MentionKind::Named(ActorKind::Place))
    } else if run.len() > 1 && run.clone().any(|k| gaz.is_organisation_head(t.key(k))) {
        Some(MentionKind::Named(ActorKind::Organisation))
    } else {
        // A run made only of gazetteer names is those names; a gazetteer name inside a longer name is not
        // a mention ("Real Madrid" is no mention of Spain, "Paris Saint-Germain" none of France).
        let mut k = run.start;
        let mut only_names = true;
        while k < run.end {
            match names.at(k) {
                Some((e, _)) => k = e,
                None if t.is_word(k) && !gaz.name_joiners.contains(t.key(k)) => {
                    only_names = false;
                    break;
                }
                None => k += 1,
            }
        }
        if only_names {
            mentions_in(run.clone(), names, gaz, out);
            return;
        }
        Some(if run.len() == 1 { MentionKind::Single } else { MentionKind::Unknown })
    };
    if let Some(kind) = kind {
        out.push(mention(run, kind, None));
    }
}

/// Whether a capital or seat of government is named as a place rather than for the state: after a
/// preposition of place ("in Moscow", "at the White House"), a journey ("arrived in", "a visit to
/// Brussels"), a direction ("north of Athens"), or as a modifier after "a" ("a London jury"). A possessive
/// ("Moscow's view") is the state.
fn used_as_place(t: &Tokens, name: Range<usize>) -> bool {
    const PLACE: &[&str] = &[
        "in",
        "at",
        "into",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "within",
        "toward",
        "towards",
        "a",
        "an",
    ];
    const JOURNEY: &[&str] = &[
        "visit",
        "visits",
        "visited",
        "trip",
        "travel",
        "travels",
        "traveled",
        "travelled",
        "traveling",
        "travelling",
        "flew",
        "fly",
        "flying",
        "flown",
        "arrived",
        "arrives",
        "arriving",
        "returned",
        "return",
        "returning",
        "headed",
        "heading",
        "went",
        "go",
        "going",
        "came",
        "come",
        "coming",
        "journey",
        "moved",
        "drove",
        "way",
        "back",
        "evacuated",
        "fled",
    ];
    const DIRECTION: &[&str] = &[
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "outskirts",
        "suburbs",
        "outside",
        "centre",
        "center",
        "heart",
        "streets",
    ];
    if t.toks[name.end - 1].possessive || name.start == 0 {
        return false;
    }
    let before = t.key(name.start - 1);
    let two_before = if name.start >= 2 { t.key(name.start - 2) } else { "" };
    PLACE.contains(&before)
        || (before == "to" && JOURNEY.contains(&two_before))
        || (before == "of" && DIRECTION.contains(&two_before))
}

/// The gazetteer names inside a span, as mentions.
fn mentions_in(span: Range<usize>, names: &Names, gaz: &Gazetteer, out: &mut Vec<Mention>) {
    let mut k = span.start;
    while k < span.end {
        match names.at(k) {
            Some((e, entry)) if e <= span.end => {
                if let Some(kind) = known(entry.entity, gaz) {
                    out.push(Mention { tokens: k..e, kind, role: None, role_start: k, speaks: false });
                }
                k = e;
            }
            _ => k += 1,
        }
    }
}

fn known(entity: Entity, gaz: &Gazetteer) -> Option<MentionKind> {
    let (name, kind) = match entity {
        Entity::Country(c) => (&gaz.countries[c].name, ActorKind::State),
        Entity::Organisation(o) => (&gaz.organisations[o].name, ActorKind::Organisation),
        Entity::Outlet(o) => (&gaz.outlets[o], ActorKind::Outlet),
        Entity::Demonym(_) | Entity::Region => return None,
    };
    Some(MentionKind::Known { name: name.clone(), kind })
}

/// Where a role before a name starts. When the capitalised run has no title, lower-case title words just
/// left of the name come first ("spokesman John Kirby"), with up to two lower-case modifiers if a capitalised
/// word precedes them ("American nuclear expert"); then capitalised words, initialisms, demonyms,
/// possessives and "of" ("National Security Council spokesman", "North Korea’s leader").
/// Words that open a role however lower-case the words after them ("former finance director").
const ROLE_OPENERS: &[&str] = &["former", "ex", "acting", "interim", "then", "veteran", "retired"];

fn role_start(t: &Tokens, from: usize, run_has_title: bool, gaz: &Gazetteer) -> usize {
    // An initialism is never a function word, whatever its key ("U.S." folds to "us").
    let capital = |j: usize| {
        let tok = &t.toks[j];
        tok.cap && tok.kind != Kind::Punct && (tok.kind == Kind::Initialism || !gaz.is_stop(t.key(j)))
    };
    let mut k = from;
    // An abbreviated title with its period: "Gov. Rick Snyder", "Sen. Ann Lee".
    let abbreviated = |k: usize| {
        k >= 2
            && t.is_punct(k - 1, ".")
            && t.toks[k - 2].cap
            && t.toks[k - 2].range.end == t.toks[k - 1].range.start
            && gaz.is_title(t.key(k - 2))
    };
    if !run_has_title && abbreviated(k) {
        k -= 2;
    }
    if !run_has_title && k == from {
        while k > 0
            && t.is_word(k - 1)
            && !t.toks[k - 1].cap
            && (gaz.is_title(t.key(k - 1)) || gaz.is_profession(t.key(k - 1)))
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
            && !gaz.is_stop(t.key(m - 1))
            && !gaz.verbs.at(t, m - 1)
            && !t.key(m - 1).ends_with("ed")
            && !ROLE_OPENERS.contains(&t.key(m - 1))
        {
            m -= 1;
        }
        if m > 0 && ROLE_OPENERS.contains(&t.key(m - 1)) {
            return m - 1;
        }
        if m < k && (m == 0 || !t.is_word(m - 1) || matches!(t.key(m - 1), "a" | "an" | "the")) {
            return m;
        }
        let mut modifiers = 0;
        while k > 0 && modifiers < 2 && t.is_word(k - 1) && !t.toks[k - 1].cap && !gaz.is_stop(t.key(k - 1)) {
            let capital_before = (1..=2 - modifiers).any(|back| k > back && capital(k - 1 - back));
            if !capital_before || gaz.verbs.at(t, k - 1) {
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
    while k < from && !t.toks[k].cap && !gaz.is_title(t.key(k)) {
        k += 1;
    }
    k
}

/// An apposition after a name that gives a role: "Pak Jong Chon, one of North Korea's top military
/// officials, said".
fn apposition(t: &Tokens, after: usize, gaz: &Gazetteer) -> Option<String> {
    if !t.is_punct(after, ",") {
        return None;
    }
    // It closes with a comma, or ends the sentence ("..., said Stacy Rasgon, an analyst at Bernstein.").
    let end = (after + 1..t.len().min(after + 14))
        .find(|&k| t.is_punct(k, ",") || (t.is_punct(k, ".") && k + 1 == t.len()))?;
    let inner = after + 1..end;
    let roleish = inner.clone().any(|k| {
        let key = t.key(k);
        gaz.is_title(key) || gaz.people_nouns.contains(key) || gaz.organisation_heads.contains(key)
    });
    let clause = inner.clone().any(|k| gaz.verbs.at(t, k) || matches!(t.key(k), "who" | "which" | "that"));
    let role = t.span(inner.clone());
    // "Serhiy Lysak, the governor of ...,": the role without its article.
    let role = role.strip_prefix("the ").or_else(|| role.strip_prefix("The ")).unwrap_or(role);
    (roleish && !clause && inner.len() >= 2).then(|| role.to_string())
}

/// Whether the mention speaks: an attribution verb follows (auxiliaries, adverbs, an apposition or a
/// quote between allowed), or "according to" comes before it.
fn speaks(t: &Tokens, tokens: Range<usize>, gaz: &Gazetteer) -> bool {
    let mut start = tokens.start;
    if start >= 3 && t.key(start - 1) == "the" {
        start -= 1;
    }
    if start >= 2 && t.key(start - 2) == "according" && t.key(start - 1) == "to" {
        return true;
    }
    // Inverted after the statement: "..., said Kirby", "“...,” says the minister".
    let inverted = (start.saturating_sub(3)..start).any(|v| {
        v > 0
            && gaz.verbs.longest_at(t, v).is_some_and(|(e, _)| e == start)
            && (t.is_punct(v - 1, ",") || t.is_punct(v - 1, "\""))
    });
    if inverted {
        return true;
    }
    let mut k = tokens.end;
    // "A second defendant, Paul Reeve, denied ...".
    if start > 0 && t.is_punct(start - 1, ",") && t.is_punct(k, ",") && gaz.verbs.at(t, k + 1) {
        return true;
    }
    if t.is_punct(k, ",")
        && let Some(close) = (k + 1..t.len().min(k + 14)).find(|&j| t.is_punct(j, ","))
    {
        k = close + 1;
    }
    for _ in 0..4 {
        if let Some((e, _)) = gaz.speaker_gap.longest_at(t, k) {
            k = e;
        } else if t.key(k).ends_with("ly") && t.is_word(k) {
            k += 1;
        } else {
            break;
        }
    }
    gaz.verbs.at(t, k)
}

/// One actor of the draft, gathered from its mentions.
#[derive(Debug, Clone)]
pub struct Record {
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    /// Other spellings used in the article, in order of first use.
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// Index of the sentence of the first mention.
    pub first: usize,
    /// Whether it is sure enough to be in the draft (a person with a title, an apposition, a quote, a
    /// reused surname; anything from the gazetteer or with a head word).
    pub confirmed: bool,
    pub speaks: usize,
    /// Named by a description ("Some analysts", "the central bank"), not a proper name.
    pub described: bool,
}

/// All actors of an article, and every spelling that names one.
#[derive(Debug, Default)]
pub struct Registry {
    pub records: Vec<Record>,
    by_key: HashMap<String, usize>,
    /// First and last words of people's names → the people (kept as people are added).
    surnames: HashMap<String, Vec<usize>>,
    /// Lone capitalised words seen, by key, until `finish` matches them to surnames.
    singles: HashMap<String, usize>,
    /// Lone names that speak ("..., said Altman"), as written with the sentence of the first, for `finish`
    /// to make people of when they are nobody's surname.
    speaking_singles: Vec<(String, usize)>,
}

/// Whether `text` ends with the words of `phrase`, case aside ("Information Minister" ends with "information
/// minister", "Ukraine's air force" with "air force"; "Tourism Minister" does not end with "ism minister").
fn ends_with_words(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    text.strip_suffix(phrase.as_str()).is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
}

/// The first and last words of a name of several words, normalised: what a person is called alone.
fn name_edges(name: &str) -> Option<[String; 2]> {
    let key = normalize_name(name);
    let (first, _) = key.split_once(' ')?;
    let (_, last) = key.rsplit_once(' ')?;
    Some([first.to_string(), last.to_string()])
}

/// A company's name without its corporate words ("Cisco Systems Inc." → "Cisco", "Apple Inc." →
/// "Apple"), if it has any and something is left.
fn company_short_name(name: &str) -> Option<&str> {
    const CORPORATE: &[&str] = &[
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "ag",
        "sa",
        "nv",
        "gmbh",
        "holdings",
        "group",
        "systems",
        "technologies",
        "&",
    ];
    let mut short = name.trim_end_matches([',', '.']);
    while let Some((rest, last)) = short.rsplit_once(' ') {
        if !CORPORATE.contains(&last.to_lowercase().as_str()) {
            break;
        }
        short = rest.trim_end_matches(',');
    }
    let stripped = short.len() < name.trim_end_matches([',', '.']).len();
    (stripped && !short.is_empty() && name.contains(' ')).then_some(short)
}

impl Registry {
    /// The key under which spellings of one actor meet: normalised, with leading short forms of
    /// international bodies expanded ("u.n. security council" → "united nations security council").
    pub fn key(name: &str, gaz: &Gazetteer) -> String {
        let key = normalize_name(name);
        let (first, rest) = match key.split_once(' ') {
            Some((first, rest)) => (first, Some(rest)),
            None => (key.as_str(), None),
        };
        match (gaz.short_forms.get(first), rest) {
            (Some(long), Some(rest)) => format!("{long} {rest}"),
            (Some(long), None) => long.clone(),
            (None, _) => key,
        }
    }

    pub fn lookup(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Adds a mention of an actor (creating it if new) and returns its index.
    pub fn add(
        &mut self,
        name: &str,
        written: &str,
        kind: ActorKind,
        sentence: usize,
        gaz: &Gazetteer,
    ) -> usize {
        let key = Registry::key(name, gaz);
        let index = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.records.push(Record {
                    name: name.to_string(),
                    kind,
                    role: None,
                    aliases: Vec::new(),
                    mentions: 0,
                    first: sentence,
                    confirmed: kind != ActorKind::Person,
                    speaks: 0,
                    described: false,
                });
                let index = self.records.len() - 1;
                self.by_key.insert(key, index);
                if kind == ActorKind::Person {
                    self.index_surnames(index);
                }
                // "Cisco Systems Inc." is "Cisco" further down: its name without the corporate words.
                if kind == ActorKind::Organisation
                    && let Some(short) = company_short_name(name)
                {
                    self.by_key.entry(Registry::key(short, gaz)).or_insert(index);
                }
                index
            }
        };
        self.note_spelling(index, written, gaz);
        self.records[index].mentions += 1;
        index
    }

    /// Records another spelling of an actor and lets it find the actor.
    pub fn note_spelling(&mut self, index: usize, written: &str, gaz: &Gazetteer) {
        let written = written.strip_prefix("the ").unwrap_or(written);
        let record = &mut self.records[index];
        // A spelling seen before already leads to the actor.
        if written.is_empty() || written == record.name || record.aliases.iter().any(|a| a == written) {
            return;
        }
        record.aliases.push(written.to_string());
        self.by_key.entry(Registry::key(written, gaz)).or_insert(index);
    }

    /// Adds the mentions of one sentence. People stay unconfirmed until [`Registry::finish`] finds
    /// enough evidence (a title, an apposition, speech, a second mention, a reused surname).
    pub fn add_sentence(&mut self, sentence: usize, t: &Tokens, mentions: &[Mention], gaz: &Gazetteer) {
        for m in mentions {
            let written = m.written(t);
            let index = match &m.kind {
                MentionKind::Known { name, kind } => self.add(name, written, *kind, sentence, gaz),
                MentionKind::Person => {
                    // "Norwegian striker Haaland" after "Erling Haaland": the one person of that surname.
                    let named = (!written.contains(' '))
                        .then(|| self.person_named(&normalize_name(written)))
                        .flatten();
                    let index = match named {
                        Some(index) => {
                            self.note_spelling(index, written, gaz);
                            self.records[index].mentions += 1;
                            index
                        }
                        None => self.add(written, written, ActorKind::Person, sentence, gaz),
                    };
                    let r = &mut self.records[index];
                    if r.role.is_none() {
                        r.role.clone_from(&m.role);
                    }
                    r.confirmed |= m.role.is_some() || m.speaks || r.mentions > 1;
                    index
                }
                MentionKind::Named(kind) => {
                    let index = self.add(written, written, *kind, sentence, gaz);
                    if self.records[index].role.is_none() {
                        self.records[index].role.clone_from(&m.role);
                    }
                    index
                }
                MentionKind::Single => {
                    *self.singles.entry(Registry::key(written, gaz)).or_default() += 1;
                    // An acronym ("LSEG") is a body, not a person.
                    if m.speaks && written.chars().any(char::is_lowercase) {
                        self.speaking_singles.push((written.to_string(), sentence));
                    }
                    continue;
                }
                MentionKind::Unknown => {
                    // A name of several words that speaks or recurs is a body ("Statistics Canada said").
                    let index = self.add(written, written, ActorKind::Organisation, sentence, gaz);
                    let r = &mut self.records[index];
                    r.confirmed = m.speaks || r.mentions > 1;
                    index
                }
            };
            if m.speaks {
                self.records[index].speaks += 1;
            }
            // "Rason Special Economic Zone (SEZ)": the short form is an alias.
            let e = m.tokens.end;
            if t.is_punct(e, "(") && t.is_punct(e + 2, ")") && t.toks[e + 1].upper {
                self.note_spelling(index, t.raw(e + 1), gaz);
            }
        }
    }

    /// Confirms the people whose surname the article uses on its own, and makes a person of a lone name
    /// that speaks and is nobody's surname or other spelling ("“...,” said Altman").
    pub fn finish(&mut self, gaz: &Gazetteer) {
        for (written, sentence) in std::mem::take(&mut self.speaking_singles) {
            let key = Registry::key(&written, gaz);
            // A common noun opening the sentence ("Analysts said") is described later, not a name.
            let common = gaz.is_head_noun(&key) || gaz.people_nouns.contains(&key) || gaz.is_title(&key);
            if !common && !self.surnames.contains_key(&key) && !self.by_key.contains_key(&key) {
                let index = self.add(&written, &written, ActorKind::Person, sentence, gaz);
                self.records[index].confirmed = true;
                self.singles.remove(&key);
            }
        }
        for (key, count) in std::mem::take(&mut self.singles) {
            if let Some(people) = self.surnames.get(&key)
                && let [only] = people.as_slice()
            {
                self.records[*only].confirmed = true;
                self.records[*only].mentions += count;
            } else if let Some(&body) = self.by_key.get(&key)
                && self.records[body].kind == ActorKind::Organisation
            {
                // "Apple" after "Apple Inc.": the company is mentioned that much more.
                self.records[body].mentions += count;
            }
        }
    }

    /// The one person of several words whose first or last word is `word`, if exactly one.
    fn person_named(&self, word: &str) -> Option<usize> {
        match self.surnames.get(word)?.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Indexes a new person by the first and last words of their name, what they may be called alone.
    fn index_surnames(&mut self, index: usize) {
        let Some(edges) = name_edges(&self.records[index].name) else { return };
        for word in edges {
            let people = self.surnames.entry(word).or_default();
            if !people.contains(&index) {
                people.push(index);
            }
        }
    }

    /// The one named organisation whose name or role holds `head` ("bank" → Bank of Canada, "group" → an
    /// organisation described as "a digital rights group"), for "the bank said".
    pub fn described_as(&self, head: &str) -> Option<usize> {
        let words =
            |text: &str| text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(head));
        self.only_one(|r| {
            r.kind == ActorKind::Organisation && (words(&r.name) || r.role.as_deref().is_some_and(words))
        })
    }

    /// The one named person whose role ends with `title` ("the information minister" → Information Minister
    /// Michael Makuei), if exactly one has such a role.
    pub fn person_titled(&self, title: &str) -> Option<usize> {
        self.only_one(|r| {
            r.kind == ActorKind::Person && r.role.as_deref().is_some_and(|role| ends_with_words(role, title))
        })
    }

    /// The one body already described by a phrase that ends with `phrase` ("the air force" after
    /// "Ukraine's air force"), if exactly one.
    pub fn described_ending(&self, phrase: &str) -> Option<usize> {
        self.unique(|r| r.described && r.kind != ActorKind::Person && ends_with_words(&r.name, phrase))
    }

    /// The one named actor of a kind, if the article names exactly one.
    pub fn only_named(&self, kind: ActorKind) -> Option<usize> {
        self.only_one(|r| r.kind == kind)
    }

    /// The one confirmed, named (not described) actor that `fits`, if exactly one does.
    fn only_one(&self, fits: impl Fn(&Record) -> bool) -> Option<usize> {
        self.unique(|r| r.confirmed && !r.described && fits(r))
    }

    /// The one actor that `fits`, if exactly one does.
    fn unique(&self, fits: impl Fn(&Record) -> bool) -> Option<usize> {
        let mut found = self.records.iter().enumerate().filter(|(_, r)| fits(r));
        match (found.next(), found.next()) {
            (Some((only, _)), None) => Some(only),
            _ => None,
        }
    }

    /// The named organisation mentioned most, if one is mentioned more than any other.
    pub fn main_organisation(&self) -> Option<usize> {
        let bodies = || {
            self.records
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == ActorKind::Organisation && r.confirmed && !r.described)
        };
        let most = bodies().map(|(_, r)| r.mentions).max()?;
        match bodies().filter(|(_, r)| r.mentions == most).collect::<Vec<_>>().as_slice() {
            [(only, _)] => Some(*only),
            _ => None,
        }
    }

    /// The confirmed person a lone name stands for ("Blinken", "Kim"), if exactly one fits.
    pub fn surname(&self, written: &str, gaz: &Gazetteer) -> Option<usize> {
        match self.surnames.get(&Registry::key(written, gaz))?.as_slice() {
            [only] if self.records[*only].confirmed => Some(*only),
            _ => None,
        }
    }

    /// The actor a mention names, if it is a confirmed one.
    pub fn resolve(&self, m: &Mention, t: &Tokens, gaz: &Gazetteer) -> Option<usize> {
        let written = m.written(t);
        let index = match &m.kind {
            MentionKind::Known { name, .. } => self.lookup(&Registry::key(name, gaz)),
            MentionKind::Single => {
                self.surname(written, gaz).or_else(|| self.lookup(&Registry::key(written, gaz)))
            }
            _ => self.lookup(&Registry::key(written, gaz)),
        }?;
        self.records[index].confirmed.then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::gazetteer;

    fn people(text: &str) -> Vec<(String, MentionKind, Option<String>)> {
        let t = Tokens::new(text);
        scan(&t, gazetteer::get()).into_iter().map(|m| (m.written(&t).to_string(), m.kind, m.role)).collect()
    }

    #[test]
    fn titles_give_roles() {
        let found =
            people("U.S. Secretary of State Antony Blinken met South Korean Foreign Minister Park Jin.");
        assert_eq!(found[0].0, "U.S.", "the state in the title is mentioned too");
        assert_eq!(
            found[1],
            ("Antony Blinken".into(), MentionKind::Person, Some("U.S. Secretary of State".into()))
        );
        assert_eq!(found.last().unwrap().2.as_deref(), Some("South Korean Foreign Minister"));
        assert_eq!(found.last().unwrap().0, "Park Jin");
        let found = people("National Security Council spokesman John Kirby told reporters.");
        assert_eq!(found.last().unwrap().2.as_deref(), Some("National Security Council spokesman"));
        let found = people("Serhiy Lysak, the governor of the central region, said so.");
        assert_eq!(found[0].2.as_deref(), Some("governor of the central region"));
        let found = people("American nuclear expert Siegried Hecker said so.");
        assert_eq!(found[0].2.as_deref(), Some("American nuclear expert"));
        let found = people("North Korean leader Kim Jong-Un and Kremlin spokesman Dmitry Peskov spoke.");
        assert_eq!(found[0].0, "Kim Jong-Un");
        assert_eq!(found[0].2.as_deref(), Some("North Korean leader"));
        assert!(
            found.iter().any(|(w, k, _)| w == "Kremlin"
                && matches!(k, MentionKind::Known { name, .. } if name == "Russia"))
        );
    }

    #[test]
    fn roles_with_initialisms_lower_case_titles_and_people_inside() {
        let found = people(
            "U.S. national security adviser Jake Sullivan met Turkish President Tayyip Erdogan's chief adviser Ibrahim Kalin.",
        );
        let role = |name: &str| found.iter().find(|(w, _, _)| w == name).and_then(|(_, _, r)| r.clone());
        assert_eq!(role("Jake Sullivan").as_deref(), Some("U.S. national security adviser"));
        assert_eq!(role("Tayyip Erdogan").as_deref(), Some("Turkish President"), "{found:?}");
        assert_eq!(
            role("Ibrahim Kalin").as_deref(),
            Some("Turkish President Tayyip Erdogan's chief adviser")
        );
    }

    #[test]
    fn portfolios_join_a_title_and_never_start_a_name() {
        let found = people(
            "The cabinet now has Minister of State for Legal and Parliamentary Affairs Jana Novak, Energy and \
             Mines Omar Fadel, and Secretary of State Ana Ruiz and Defense Secretary Tom Hale.",
        );
        let person = |name: &str| {
            found.iter().find(|(w, k, _)| w == name && *k == MentionKind::Person).map(|(_, _, r)| r.clone())
        };
        assert_eq!(
            person("Jana Novak"),
            Some(Some("Minister of State for Legal and Parliamentary Affairs".into()))
        );
        assert_eq!(person("Omar Fadel"), Some(Some("Energy and Mines".into())), "{found:?}");
        assert_eq!(person("Ana Ruiz"), Some(Some("Secretary of State".into())), "{found:?}");
        assert_eq!(person("Tom Hale"), Some(Some("Defense Secretary".into())), "{found:?}");
    }

    #[test]
    fn bodies_joined_by_and_abbreviated_titles_and_sentence_initial_nouns() {
        let found = people(
            "State officials said the Centers for Disease Control and Prevention and the Ohio Department of \
             Health & Human Services met Gov. Ann Lee.",
        );
        let names: Vec<&str> = found.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(
            names,
            [
                "Centers for Disease Control and Prevention",
                "Ohio Department of Health & Human Services",
                "Ann Lee"
            ]
        );
        assert_eq!(found[2].2.as_deref(), Some("Gov."));
    }

    #[test]
    fn korean_names_with_lower_case_syllables_and_plural_possessives_in_names() {
        let found = people(
            "North Korean leader Kim Jong-un, his sister Kim Yo-jong and President Moon Jae-in met the \
             Workers' Party of Korea and a state-run outlet.",
        );
        let names: Vec<&str> = found.iter().map(|(w, _, _)| w.as_str()).collect();
        assert!(names.contains(&"Kim Jong-un") && names.contains(&"Moon Jae-in"), "{names:?}");
        assert!(names.contains(&"Kim Yo-jong") && names.contains(&"Workers' Party of Korea"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("run")), "{names:?}");
        let leader = found.iter().find(|(w, _, _)| w == "Kim Jong-un").unwrap();
        assert_eq!(leader.2.as_deref(), Some("North Korean leader"));
    }

    #[test]
    fn capitals_stand_for_the_state_only_when_it_acts() {
        let states = |text: &str| -> Vec<String> {
            people(text)
                .into_iter()
                .filter(|(_, k, _)| matches!(k, MentionKind::Known { kind: ActorKind::State, .. }))
                .map(|(w, _, _)| w)
                .collect()
        };
        assert_eq!(states("Moscow said the talks in Pyongyang went well."), ["Moscow"]);
        assert!(states("The envoy arrived in Pyongyang after a visit to Moscow.").is_empty());
        assert!(states("Fires burned north of Athens and a London jury met at the Kremlin.").is_empty());
        assert_eq!(states("In Moscow's view, Washington erred."), ["Moscow", "Washington"]);
    }

    #[test]
    fn organisations_places_outlets_and_appositions() {
        let found = people(
            "The Russian Embassy in Washington and the Treasury Department spoke, and Rason Special Economic Zone grew.",
        );
        assert_eq!(
            found[0],
            ("Russian Embassy in Washington".into(), MentionKind::Named(ActorKind::Organisation), None)
        );
        assert_eq!(found[1].1, MentionKind::Named(ActorKind::Organisation));
        assert_eq!(found[2].1, MentionKind::Named(ActorKind::Place));
        let found = people("Pak Jong Chon, one of North Korea's top military officials, said that.");
        assert_eq!(found[0].2.as_deref(), Some("one of North Korea's top military officials"));
        let found =
            people("The Ukrainian military news site Defense Express wrote that, and the Cold War ended.");
        assert_eq!(found[0], ("Defense Express".into(), MentionKind::Named(ActorKind::Outlet), None));
        assert_eq!(found.len(), 1, "{found:?}");
    }

    fn registry_of(texts: &[&str]) -> Registry {
        let g = gazetteer::get();
        let toks: Vec<Tokens> = texts.iter().map(|s| Tokens::new(s)).collect();
        let mentions: Vec<Vec<Mention>> = toks.iter().map(|t| scan(t, g)).collect();
        let mut r = Registry::default();
        for (i, (t, m)) in toks.iter().zip(&mentions).enumerate() {
            r.add_sentence(i, t, m, g);
        }
        r.finish(g);
        r
    }

    #[test]
    fn a_titled_surname_is_the_person_named_before_and_a_speaking_place_a_body() {
        let r = registry_of(&[
            "Bristol City signed striker Jon Dahl on Monday.",
            "Norwegian striker Dahl, 21, scored twice.",
            "“We are delighted,” City said.",
        ]);
        let people: Vec<(&str, &[String])> = r
            .records
            .iter()
            .filter(|r| r.kind == ActorKind::Person)
            .map(|r| (r.name.as_str(), r.aliases.as_slice()))
            .collect();
        assert_eq!(people, [("Jon Dahl", ["Dahl".to_string()].as_slice())]);
        let city = r.records.iter().find(|r| r.name == "City").unwrap();
        assert_eq!(city.kind, ActorKind::Organisation);
    }

    #[test]
    fn registry_merges_spellings_surnames_and_short_forms() {
        let g = gazetteer::get();
        let r = registry_of(&[
            "North Korean leader Kim Jong Un met the U.N. Security Council.",
            "Kim Jong-Un and the DPRK said the United Nations Security Council erred.",
            "Kim said Pyongyang agreed.",
        ]);
        let names: Vec<&str> = r.records.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Kim Jong Un", "United Nations Security Council", "North Korea"]);
        assert_eq!(r.records[0].aliases, ["Kim Jong-Un"]);
        assert_eq!(r.records[2].aliases, ["DPRK", "Pyongyang"]);
        assert_eq!(r.surname("Kim", g), Some(0));
    }
}
