//! What a mention does in its sentence: whether it only locates something and whether it acts.

use super::*;

/// Whether a capital or seat of government is named as a place rather than for the state: after a
/// preposition of place ("in Moscow", "flights from Bangkok"), a journey ("a visit to Brussels"), a
/// direction ("north of Athens"), or as a modifier after "a" ("a London jury"). A possessive ("Moscow's
/// view") is the state.
pub(super) fn used_as_place(s: &Sent, name: Range<usize>, lex: &Lexicon) -> bool {
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
pub(super) fn locates(s: &Sent, m: &Mention, lex: &Lexicon) -> bool {
    if m.kind == Kind::State && m.known.is_some() {
        return false;
    }
    used_as_place(s, m.role_start.min(m.tokens.start)..m.tokens.end, lex) || followed_by_its_state(s, m, lex)
}

/// Whether a comma and a country or sub-national place follow the name ("Christchurch, New Zealand").
pub(super) fn followed_by_its_state(s: &Sent, m: &Mention, lex: &Lexicon) -> bool {
    let t = &s.t;
    t.is_punct(m.tokens.end, ",")
        && lex
            .name_at(t, m.tokens.end + 1)
            .is_some_and(|(_, e)| matches!(e.entity, Entity::Country(_) | Entity::Place(_)))
}

/// Where a cue verb follows a mention's end (after a time or an adverb): "City said".
pub(super) fn cue_next(s: &Sent, end: usize, lex: &Lexicon) -> Option<usize> {
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
    s.has(k, Tags::CUE).then_some(k)
}

/// Whether the mention acts in its sentence: it owns something ("Visa's profit"), or a verb follows it
/// (auxiliaries, adverbs, an apposition, "on Tuesday" between), and it is no preposition's object.
pub(super) fn acts(s: &Sent, tokens: Range<usize>, lex: &Lexicon) -> bool {
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
pub(super) fn past_tense_shape(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}

/// How many tokens of a courtesy title stand right before a name: "Mr", "Ms", "Dr" (1) or "Mr." (2). A
/// title that is also a function word, written capitalised.
pub(super) fn courtesy_title_before(s: &Sent, name_start: usize) -> Option<usize> {
    let t = &s.t;
    (1..=2).find(|&w| {
        name_start >= w
            && (w == 1 || t.is_punct(name_start - 1, "."))
            && t.toks[name_start - w].cap
            && t.is_word(name_start - w)
            && s.has(name_start - w, Tags::TITLE)
            && s.has(name_start - w, Tags::STOP)
    })
}
