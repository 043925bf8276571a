//! What a run names: a person (with the role before it), a gazetteer name, a body, an outlet, a place,
//! or a single word still to be decided.

use super::*;

pub(super) fn mention(sentence: usize, tokens: Range<usize>, kind: Kind) -> Mention {
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

pub(super) fn known_kind(entity: Entity) -> Option<Kind> {
    Some(match entity {
        Entity::Country(_) => Kind::State,
        Entity::Organisation(_) => Kind::Organisation,
        Entity::Outlet(_) => Kind::Outlet,
        Entity::Place(_) => Kind::Place,
        Entity::Region => Kind::Region,
        Entity::Demonym(_) => return None,
    })
}

pub(super) fn classify(
    doc: &Doc,
    s: &Sent,
    run: Range<usize>,
    names: &Names,
    lex: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let t = &s.t;
    let n = s.index;
    if emphasis_capitals(s, run.clone()) {
        return;
    }
    if run.len() == 1 {
        let raw = t.raw(run.start);
        let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
        // A stock ticker "(NYSE:KR)", an initial ("E. coli"), a plural of an initialism or a title ("UAVs",
        // "MPs"): no name of an actor.
        let ticker = run.start > 0
            && (t.is_punct(run.start - 1, ":") || t.is_punct(run.end, ":"))
            && t.toks[run.start].upper;
        let plural_title = raw.ends_with('s') && lex.is_title(&raw[..raw.len() - 1].to_lowercase());
        // "EPS topped forecasts", "after a VAR check": the initialism of a term. "US$235", "C$12": a
        // currency's sign.
        let term = (lex.term_acronyms.contains(t.key(run.start)) && names.at(run.start).is_none())
            || t.is_currency_prefix(run.start);
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
    // "a Series C round", "Class A shares": a name ending in a lone capital letter is a kind of thing.
    if run.len() > 1 && t.raw(run.end - 1).len() == 1 && t.toks[run.end - 1].cap && !t.is_punct(run.end, ".")
    {
        mentions_in(s, run, names, out);
        return;
    }
    // "Tarvish-built UAVs": a name ending in a plural initialism is a kind of thing or people; only the
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
        } else if name_start >= run.start + 3
            && name_start < run.end
            && t.is_punct(name_start - 1, "-")
            && !t.toks[name_start - 2].cap
            && lex.name_particles.contains(t.key(name_start - 2))
            && name_word(s, name_start - 3, names)
        {
            // "Abdel Karim al-Tarvi"
            name_start -= 2;
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
    // "the Autumn Session of the Assembly", "the Order of Business": a thing's head word before "of"
    // makes the whole name a thing ("Bank of England" has a body's head there).
    let thing_word = |k: usize| s.has(k, Tags::THING_HEAD) || lex.proceeding_heads.contains(t.key(k));
    let thing_of = (run.start + 1..run.end.saturating_sub(1)).find(|&k| t.key(k) == "of").is_some_and(|of| {
        thing_word(of - 1) && !s.has(of - 1, Tags::ORG_HEAD) && !s.has(of - 1, Tags::TITLE)
    });
    // "Hurricane Tarva", "Operation Halden": a thing's opener.
    let thing_opened =
        run.len() > 1 && lex.thing_openers.contains(t.key(run.start)) && names.at(run.start).is_none();
    if thing_of || thing_opened {
        mentions_in(s, run, names, out);
        return;
    }
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
    let object_head = thing_word(run.end - 1) || head_tag.has(Tags::PLACE_HEAD);
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
    // "General Bureau of Equipment", "University of Tarvo": a head word joined by "of" or "for" to the
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
                    // A body named by a head word and "of" is one whatever title follows it ("University of
                    // Tarvo professor Jessica Brandt").
                    let head_of = |m: &Mention| {
                        m.kind == Kind::Organisation
                            && (m.tokens.start..m.tokens.end.saturating_sub(1))
                                .any(|k| s.has(k, Tags::ORG_HEAD) && t.key(k + 1) == "of")
                    };
                    out.retain(|m| {
                        m.known.is_some()
                            || matches!(m.kind, Kind::Person | Kind::Single)
                            || m.tokens.end <= role_tokens.start
                            || head_of(m)
                    });
                    mentions_in(s, prefix.clone(), names, out);
                    // "Tarvo CEO Dana Moor": one name word before the title is the body the person works
                    // for, to be decided like any single word.
                    let employer = role_tokens.start;
                    if role_tokens.len() >= 2
                        && t.toks[employer].cap
                        && t.is_word(employer)
                        && name_word(s, employer, names)
                        && !s.has(employer, Tags::TITLE)
                        && !s.has(employer, Tags::PORTFOLIO)
                        && !lex.role_openers.contains(t.key(employer))
                        // "City Manager", "County Executive": a level of government, no name.
                        && !s.has(employer, Tags::PLACE_HEAD)
                        && !s.has(employer, Tags::ORG_HEAD)
                        && !s.has(employer, Tags::GIVEN_NAME)
                        && names.at(employer).is_none()
                        && lex.company_titles.contains(t.key(employer + 1))
                        && !out.iter().any(|m| m.tokens.contains(&employer))
                    {
                        let mut m = mention(n, employer..employer + 1, Kind::Single);
                        m.affiliation = true;
                        out.push(m);
                    }
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
    // Not a person: what the head word says. A thing's head that speaks names a body ("the Tarvo
    // Geological Survey said").
    let says = cue_next(s, run.end, lex).is_some_and(|k| {
        matches!(
            t.key(k),
            "said" | "says" | "told" | "announced" | "stated" | "added" | "warned" | "reported"
        )
    });
    if thing_word(run.end - 1) && run.len() > 1 && says {
        out.push(mention(n, run, Kind::Organisation));
        return;
    }
    if thing_word(run.end - 1) {
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
pub(super) fn plural_initialism(raw: &str) -> bool {
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3
        && letters.last() == Some(&'s')
        && letters[..letters.len() - 1].iter().all(|c| c.is_uppercase())
}

/// Whether name words read as a person's name by themselves: a given name or an East Asian family name
/// first, a name particle inside ("Erik ten Hag"), or a hyphenated syllable ("Shin Won-sik").
pub(super) fn looks_personal(s: &Sent, name: Range<usize>) -> bool {
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
pub(super) fn unknown_reads_personal(doc: &Doc, s: &Sent, name: Range<usize>) -> bool {
    // Words as written, hyphenated ones counting once ("T-Mobile" is one word).
    let words = s.t.span(name.clone()).split_whitespace().count();
    (2..=3).contains(&words) && name.clone().all(|k| !s.t.is_word(k) || !doc.writes_lower(s.key(k)))
}

/// The gazetteer names inside a span, as mentions.
pub(super) fn mentions_in(s: &Sent, span: Range<usize>, names: &Names, out: &mut Vec<Mention>) {
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

/// "A FIERCE row erupted", "STUNNED residents": the first words of a story set in capitals for emphasis.
/// All-capital words opening the sentence and followed by a lower-case word are ordinary words when the last
/// has a verb's ending ("-ED", "-ING", "-LY") or is a long word after an article (initialisms are short).
fn emphasis_capitals(s: &Sent, run: Range<usize>) -> bool {
    let t = &s.t;
    let last = run.end - 1;
    let key = t.key(last);
    let capitals = (s.first_word..run.end)
        .all(|j| t.is_word(j) && t.raw(j).chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
    let opening = run.end <= s.first_word + 2;
    let after_article =
        last > s.first_word && matches!(t.key(last - 1), "a" | "an" | "the") && key.len() >= 6;
    let inflected = key.len() >= 5 && (key.ends_with("ed") || key.ends_with("ing") || key.ends_with("ly"));
    let lower_next = t.toks.get(run.end).is_some_and(|n| n.kind == TokenKind::Word && !n.cap);
    capitals && opening && lower_next && (after_article || inflected)
}
