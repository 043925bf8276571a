//! Where a name starts and where it ends: the capitalised runs of a sentence, cut by shape and the
//! lexicon.

use super::*;

/// Whether token `i` may start a name. At the start of a sentence or quotation any word is capitalised,
/// so there a word starts a name only if it is a gazetteer name, a given name, a title, an initialism or
/// acronym, a word the article capitalises elsewhere, or the first of several capitalised words that the
/// article never writes in lower case.
pub(super) fn starts_name(doc: &Doc, s: &Sent, i: usize, names: &Names, lex: &Lexicon) -> bool {
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
        // "State Department officials said": a body's head word after it makes a name of the pair, though
        // the article writes "state" in lower case too.
        || (next_is_name && s.has(i + 1, Tags::ORG_HEAD) && !tag.has(Tags::PEOPLE_NOUN))
        // "Quorvo said", "Halden later told": a word that speaks, and is no common noun the article uses or
        // that has a plural noun's shape ("Excavators also found").
        || (cue_next(s, i + 1, lex).is_some()
            && !doc.writes_lower(key)
            && !lex.looks_plural_noun(key)
            && !tag.has(Tags::PEOPLE_NOUN)
            && !tag.has(Tags::BODY_NOUN)
            && !tag.has(Tags::TITLE)
            && !tag.has(Tags::DOCUMENT)
            && !tag.has(Tags::ORG_HEAD))
}

/// Whether token `k` may continue a name.
pub(super) fn part(s: &Sent, k: usize, names: &Names, lex: &Lexicon) -> bool {
    // "US$39bn", "HK$5": a currency's prefix names no one.
    !s.t.is_currency_prefix(k)
        && (names.at(k).is_some()
            || (s.t.is_capitalised(k)
                && (!s.has(k, Tags::STOP) || lex.outlet_name_heads.contains(s.key(k)))
                && !s.has(k, Tags::CALENDAR)))
}

/// The end of the capitalised run starting at `i`, if one starts there. Runs take gazetteer names whole,
/// join words with hyphens, joiners before a capital ("of", "for", "de"), "in" and "on" after an
/// organisation word ("Russian Embassy in Washington", "Panel on Water Rights") and "and" between the
/// parts of a body's name; a possessive ends them.
pub(super) fn run_end(doc: &Doc, s: &Sent, i: usize, names: &Names, lex: &Lexicon) -> Option<usize> {
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
        // "Abdel Fattah al-Tarvi": a lower-case particle hyphened to the family name.
        if t.toks.get(end).is_some_and(|tok| tok.kind == TokenKind::Word && !tok.cap)
            && lex.name_particles.contains(t.key(end))
            && t.is_punct(end + 1, "-")
            && t.toks[end - 1].range.end < t.toks[end].range.start
            && glued(end)
            && glued(end + 1)
            && t.is_capitalised(end + 2)
        {
            end += 3;
            if t.toks[end - 1].possessive {
                break;
            }
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
        // "Workers' Party", "Veterans' Affairs": a plural possessive inside a name. Before a given name it
        // ends the name: "As Tarvo News' Dana Moor reported".
        if t.is_punct(end, "'")
            && glued(end - 1)
            && t.key(end - 1).ends_with('s')
            && t.is_capitalised(end + 1)
            && !s.has(end + 1, Tags::GIVEN_NAME)
        {
            end += 1;
            continue;
        }
        let joiner = lower_word && s.has(end, Tags::JOINER) && !matches!(t.key(end), "and");
        // "Russian Embassy in Washington", "Tarvo Panel on Water Rights".
        let embassy_in = matches!(t.key(end), "in" | "on") && s.has(end - 1, Tags::ORG_HEAD);
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
pub(super) fn and_joins_body(s: &Sent, run: Range<usize>, names: &Names) -> bool {
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
pub(super) fn name_syllable(s: &Sent, k: usize, lex: &Lexicon) -> bool {
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
pub(super) fn name_word(s: &Sent, i: usize, names: &Names) -> bool {
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
