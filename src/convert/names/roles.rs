//! The words around a name that give its role or describe it: a title before it, an apposition after it,
//! a body noun before it.

use super::*;

/// Where a role before a name starts. When the capitalised run has no title, lower-case title words just
/// left of the name come first ("spokesman John Kirby"), with up to two lower-case modifiers if a
/// capitalised word precedes them ("American nuclear expert"); then capitalised words, initialisms,
/// demonyms, possessives and "of" ("National Security Council spokesman", "North Korea’s leader").
pub(super) fn role_start(s: &Sent, from: usize, run_has_title: bool, lex: &Lexicon) -> usize {
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
        let title = |j: usize| {
            t.is_word(j) && !t.toks[j].cap && (s.has(j, Tags::TITLE) || s.has(j, Tags::PROFESSION))
        };
        loop {
            while k > 0 && title(k - 1) {
                k -= 1;
            }
            // "chairman and managing director Dana Moor": titles joined by "and", one modifier allowed.
            let modifier =
                usize::from(k > 0 && t.is_word(k - 1) && !t.toks[k - 1].cap && !s.has(k - 1, Tags::STOP));
            let and = k.checked_sub(modifier + 1).filter(|&a| a > 0 && t.key(a) == "and" && title(a - 1));
            match and {
                Some(a) if k < from => k = a,
                _ => break,
            }
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
pub(super) fn apposition(s: &Sent, after: usize, lex: &Lexicon) -> Option<(String, String)> {
    let t = &s.t;
    if !t.is_punct(after, ",") {
        return None;
    }
    // It closes with a comma, a dash, or ends the sentence ("..., said Stacy Rasgon, an analyst at
    // Bernstein.", "said Dana Moor, a geologist at Tarvo - the strongest ...").
    let end = (after + 1..t.len().min(after + 16)).find(|&k| {
        t.is_punct(k, ",") || (t.is_punct(k, ".") && k + 1 == t.len()) || t.is_punct(k, ";") || t.is_dash(k)
    })?;
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
pub(super) fn descriptor_before(s: &Sent, start: usize, lex: &Lexicon) -> Option<String> {
    let t = &s.t;
    let k = start.checked_sub(1)?;
    let tok = &t.toks[k];
    if tok.kind != TokenKind::Word || tok.cap {
        return None;
    }
    let key = t.key(k);
    lex.body_nouns.contains(key).then(|| key.to_string())
}

/// "The Minister of Harbour Works, Dana Moor has resigned", "Leader of the House and Fisheries Minister Dana
/// Moor": a title with its portfolio, then a comma before a name with no role of its own, or "and" before
/// a titled name. The title and portfolio are the person's role (with the title after "and"); the portfolio
/// names no actor. A body named there stays one ("Chief Executive of Tarvo Holdings, Dana Moor").
pub(super) fn titled_before_comma(s: &Sent, out: &mut Vec<Mention>) {
    let t = &s.t;
    for i in 0..out.len() {
        let name = &out[i];
        let person = name.kind == Kind::Person || (name.kind == Kind::Unknown && name.tokens.len() >= 2);
        let first = name.role_start.min(name.tokens.start);
        let sep = first.wrapping_sub(1);
        let comma = t.is_punct(sep, ",") && name.role.is_none() && first == name.tokens.start;
        let and = t.key(sep) == "and" && name.role.is_some() && first < name.tokens.start;
        if !person || !(comma || and) {
            continue;
        }
        // The capitalised words and the joiners before the separator, and the title word opening them.
        let mut k = sep;
        while k > 0
            && sep - k < 10
            && t.is_word(k - 1)
            && (t.toks[k - 1].cap || matches!(t.key(k - 1), "of" | "and" | "for" | "in" | "the"))
        {
            k -= 1;
        }
        let Some(start) = (k..sep).find(|&j| t.toks[j].cap && s.has(j, Tags::TITLE)) else { continue };
        if !(start..sep).any(|j| t.key(j) == "of") || !t.toks[sep - 1].cap {
            continue;
        }
        let portfolio = start..sep;
        let role = if comma { portfolio.clone() } else { start..name.tokens.start };
        let name = &mut out[i];
        name.kind = Kind::Person;
        name.role = Some(t.span(role.clone()).to_string());
        name.role_start = role.start;
        // "Chief Executive of Tarvo Holdings" read as one body: the body is what follows "of".
        let body = out.iter().find_map(|m| {
            let of = (m.tokens.start..m.tokens.end).find(|&j| t.key(j) == "of")?;
            let head = m.tokens.end - 1;
            (m.tokens.start == portfolio.start
                && m.kind == Kind::Organisation
                && m.known.is_none()
                && head > of
                && (of + 1..m.tokens.end).all(|j| t.toks[j].cap || matches!(t.key(j), "of" | "and"))
                && (s.has(head, Tags::CORPORATE) || s.has(head, Tags::ORG_HEAD)))
            .then(|| mention(m.sentence, of + 1..m.tokens.end, Kind::Organisation))
        });
        // The portfolio's words name no actor; a body or a known name after the title still does.
        out.retain(|m| {
            m.tokens.start < portfolio.start
                || m.tokens.end > portfolio.end
                || m.known.is_some()
                || (m.tokens.start > portfolio.start
                    && matches!(m.kind, Kind::Organisation | Kind::State | Kind::Outlet))
        });
        if let Some(body) = body {
            let at = out.iter().position(|m| m.tokens.start > body.tokens.start).unwrap_or(out.len());
            out.insert(at, body);
        }
        return;
    }
}
