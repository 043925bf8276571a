//! What was said: the tokens of a statement around its cue, its stance, and its text.

use std::ops::Range;

use crate::convert::doc::{Sent, Tags, when_said};
use crate::convert::lexicon::Lexicon;
use crate::convert::tokens::Kind as TokenKind;
use crate::convert::{plain, sentence_case};
use crate::model::Stance;

/// A cue used as a verb: not after a determiner ("the reported talks"), not passive ("is believed"), not
/// negated ("did not confirm"), not a participle ("claims denied by Moscow"), and agreement with someone
/// is no statement ("agreed with the state's argument").
pub(super) fn is_finite_use(s: &Sent, verb: Range<usize>, lex: &Lexicon) -> bool {
    let t = &s.t;
    let before = verb.start.checked_sub(1).map_or("", |b| t.key(b));
    if matches!(before, "a" | "an" | "the" | "this" | "that" | "these" | "those" | "such" | "any" | "no")
        || matches!(before, "its" | "their" | "his" | "her" | "our" | "my" | "your")
        || matches!(
            before,
            "not" | "never" | "n't" | "without" | "by" | "of" | "for" | "with" | "from" | "after" | "before"
        )
    {
        return false;
    }
    let key = t.key(verb.start);
    if matches!(before, "is" | "are" | "was" | "were" | "be" | "been" | "being") && !key.ends_with("ing") {
        return false;
    }
    let after = if verb.end < t.len() { t.key(verb.end) } else { "" };
    if key.ends_with("ed") && (after == "by" || (before == "," && key == "accused" && after == "of")) {
        return false;
    }
    if key.starts_with("agree") && matches!(after, "with" | "to" | "on") {
        return false;
    }
    // "confirmed increased transfers": a decision verb right after a verb is an adjective, and no cue.
    let decision_after = lex.decisions.contains(t.key(verb.end));
    let after_verb =
        verb.start > 0 && (s.has(verb.start - 1, Tags::CUE) || s.has(verb.start - 1, Tags::VERB));
    if lex.decisions.contains(key) && after_verb {
        return false;
    }
    // Another cue right after is the verb of the clause ("said warned"); its bare form is a noun ("said
    // demand fell").
    let cue_after = lex.cues.at(t, verb.end) && s.has(verb.end, Tags::INFLECTED);
    !cue_after || decision_after
}

/// The tokens of what the speaker says: before the speaker ("“...,” Kirby said", "..., the White House
/// said Wednesday") or after the verb ("said that ...", "said Russia is ...", "told reporters ...",
/// "said, “...”"). When the verb takes an object rather than a clause ("denied any deal"), the verb starts
/// the statement.
pub(super) fn content(
    s: &Sent,
    verb: &Range<usize>,
    speaker: &Range<usize>,
    lex: &Lexicon,
) -> Option<Range<usize>> {
    let t = &s.t;
    let inside = &s.quoted;
    let verb_key = t.key(verb.start);
    let saying = saying_verb(verb_key);
    // "As ConservativeHome notes, more than half ...": what follows the aside is what was said.
    let mut opener = speaker.start.min(verb.start);
    while opener > 0 && s.has(opener - 1, Tags::DETERMINER) && t.key(opener - 1) != "as" {
        opener -= 1;
    }
    if opener > 0 && opener - 1 <= s.first_word && t.key(opener - 1) == "as" && t.is_punct(verb.end, ",") {
        let rest = trim_joiners(s, verb.end + 1..t.len());
        return (rest.len() > 2).then_some(rest);
    }
    // "..., said the company": the speaker stands after the verb; what was said is before it.
    let mut k = if speaker.start >= verb.end { speaker.end } else { verb.end };
    // The audience: "told reporters", "told Bloomberg", "informed the court".
    if matches!(verb_key, "told" | "tells" | "tell" | "telling" | "informed" | "informing") {
        if let Some((end, _)) = lex.audience.longest_at(t, k) {
            k = end;
        } else if let Some(that) =
            (k..t.len().min(k + 6)).take_while(|&j| t.is_word(j)).find(|&j| t.key(j) == "that")
        {
            // "told deputies that ...": whoever stands between the verb and "that" was told.
            k = that;
        } else {
            // "told the BBC", "told AFP the border ...": an article counts only before a name.
            while k < t.len()
                && t.is_word(k)
                && k < verb.end + 3
                && t.key(k) != "that"
                && (t.toks[k].cap
                    || (s.has(k, Tags::DETERMINER) && t.is_capitalised(k + 1))
                    || s.has(k, Tags::PEOPLE_NOUN))
            {
                k += 1;
            }
        }
    }
    // Where it was said: "in a statement", "in a tweet".
    if let Some((end, _)) = lex.said_where.longest_at(t, k) {
        k = end;
    }
    // Skip where and when: "in a joint statement on June 24 that", "Wednesday,".
    let mut after_that = false;
    if let Some(that) = (k..t.len().min(k + 14)).find(|&j| t.key(j) == "that" && !inside[j]) {
        let between: Vec<&str> = (k..that).map(|j| t.key(j)).collect();
        let circumstance = between.is_empty()
            || matches!(
                between[0],
                "in" | "on"
                    | "at"
                    | "to"
                    | "during"
                    | "after"
                    | "last"
                    | "earlier"
                    | "this"
                    | "late"
                    | "early"
                    | ","
                    | "also"
                    | "publicly"
                    | "privately"
                    | "repeatedly"
                    | "previously"
            )
            || lex.weekdays.contains(between[0])
            || when_said(s, k, lex) > 0;
        if circumstance {
            k = that + 1;
            after_that = true;
        }
    }
    // "Kim said, “...”", "She added: “...”", "said in a tweet: “...”", "saying: “...”".
    let mark = (k..t.len().min(k + 8)).find(|&j| !t.is_word(j));
    if !after_that
        && let Some(mark) = mark
        && (t.is_punct(mark, ",") || t.is_punct(mark, ":"))
        && t.is_punct(mark + 1, "\"")
        && (mark == k || starts_with_circumstance(s, k..mark, lex))
    {
        let close = (mark + 2..t.len()).find(|&j| t.is_punct(j, "\"")).unwrap_or(t.len());
        let quotation = trim_joiners(s, mark + 2..close);
        if quotation.clone().any(|j| t.is_word(j)) {
            return Some(quotation);
        }
    }
    // "said:" then the statement.
    if !after_that && t.is_punct(k, ":") && k + 1 < t.len() {
        let rest = trim_joiners(s, k + 1..t.len());
        if rest.clone().filter(|&j| t.is_word(j)).count() >= 3 {
            return Some(rest);
        }
    }
    // Skip when, right after the verb: "said on Monday, ...", "said Wednesday, ...".
    let mut j = k;
    if !after_that {
        if lex.weekdays.contains(t.key(j)) {
            j += 1;
        } else if matches!(t.key(j), "on" | "in" | "at" | "late" | "early" | "last")
            && (j + 1..t.len().min(j + 6)).any(|x| t.is_punct(x, ","))
        {
            while j < t.len() && !t.is_punct(j, ",") && !t.is_punct(j, ".") {
                j += 1;
            }
        }
    }
    let comma_after_verb = !after_that && t.is_punct(j, ",");
    // "said on Monday his forces ...", "said Tuesday the deal ...": the day is when it was said.
    if !after_that && !comma_after_verb {
        let day = when_said(s, k, lex);
        if day > 0 && t.toks.get(k + day).is_some_and(|next| t.is_word(k + day) || next.cap) {
            k += day;
        }
    }
    // "denied any wrongdoing and was acquitted": a second predicate of the speaker is not what was said.
    let second_predicate = (k..t.len()).find(|&j| {
        let predicate = matches!(t.key(j), "and" | "but")
            && s.has(j + 1, Tags::AUXILIARY)
            && !s.has(j + 1, Tags::NEGATION);
        let contrast = !saying
            && t.is_punct(j, ",")
            && matches!(t.key(j + 1), "but" | "while" | "although" | "though" | "whereas");
        (predicate || contrast) && !inside[j]
    });
    // "the assets, which prosecutors said were held abroad, can be recovered": said inside a relative
    // clause, the statement ends with the clause.
    let relative =
        speaker.start >= 2 && s.has(speaker.start - 1, Tags::RELATIVE) && t.is_punct(speaker.start - 2, ",");
    // "After a judge said X, the office appealed": said in a clause that opens the sentence, the statement
    // ends where that clause does, at the last comma.
    let subordinate =
        speaker.start > 0 && lex.subordinators.at(t, s.first_word) && s.first_word < speaker.start;
    let clause_end = if relative {
        (k..t.len()).find(|&j| t.is_punct(j, ","))
    } else if subordinate {
        (k..t.len()).find(|&j| t.is_punct(j, ",") && !inside[j])
    } else {
        None
    };
    let after = trim_joiners(s, k..clause_end.or(second_predicate).unwrap_or(t.len()));
    let mut attribution_start = speaker.start.min(verb.start);
    // "“...,” the Treasury Department said": the article belongs to the speaker.
    if attribution_start > 0 && s.has(attribution_start - 1, Tags::DETERMINER) {
        attribution_start -= 1;
    }
    // "“...,” a Thursday statement from the state health agency said": so does the document it issued.
    if attribution_start >= 2 && t.key(attribution_start - 1) == "from" {
        let document = (attribution_start.saturating_sub(4)..attribution_start - 1)
            .rev()
            .find(|&k| s.has(k, Tags::DOCUMENT));
        if let Some(document) = document
            && let Some(article) = (document.saturating_sub(3)..document)
                .rev()
                .find(|&k| s.has(k, Tags::DETERMINER) || matches!(t.key(k), "its" | "their"))
        {
            attribution_start = article;
        }
    }
    // "“...,” local rescuer Budi Hakim said": lower-case words between a quotation and the name describe
    // the speaker.
    // "“...,” the company's chief financial officer and executive director Marc Dunoyer said": so may a
    // longer description with its article and possessive.
    let mut described = attribution_start;
    while described > 0
        && attribution_start - described < 10
        && t.is_word(described - 1)
        && !t.toks[described - 1].cap
        && !inside[described - 1]
        && (!s.has(described - 1, Tags::STOP)
            || s.has(described - 1, Tags::DETERMINER)
            || matches!(t.key(described - 1), "and" | "of"))
        && !s.has(described - 1, Tags::VERB)
        && !s.has(described - 1, Tags::CUE)
    {
        described -= 1;
    }
    if described < attribution_start
        && described > 0
        && (t.is_punct(described - 1, "\"")
            || (t.is_punct(described - 1, ",") && t.is_punct(described.saturating_sub(2), "\"")))
    {
        attribution_start = described;
    }
    let before = trim_joiners(s, 0..attribution_start);
    let before_words = before.clone().filter(|&j| t.is_word(j)).count();
    let after_speaker = attribution_start > 0
        && (t.is_punct(attribution_start - 1, ",")
            || t.is_punct(attribution_start - 1, "\"")
            || t.is_punct(attribution_start - 1, "-"));
    let quoted_before = attribution_start >= 2
        && (t.is_punct(attribution_start - 1, "\"") || t.is_punct(attribution_start - 2, "\""));
    // "pledged to use all the data", "warned of bird activity": an infinitive or a warning's subject is
    // what was said, not where or when.
    // A verb the lexicon does not list still reads as one after "to" ("vowed to rebuild the port"), unless
    // it is a noun phrase's start ("to reporters", "to the people") or an adverb.
    let bare_word = |j: usize| {
        t.is_word(j)
            && !t.toks[j].cap
            && !s.has(j, Tags::STOP)
            && !s.has(j, Tags::PEOPLE_NOUN)
            && !s.has(j, Tags::NUMBER)
            && !t.key(j).ends_with('s')
            && !t.key(j).ends_with("ly")
    };
    let infinitive = t.key(after.start) == "to"
        && (s.has(after.start + 1, Tags::VERB) || bare_word(after.start + 1))
        && !s.has(after.start + 1, Tags::INFLECTED);
    let warned_of = t.key(after.start) == "of"
        && lex.cues.at(t, verb.start)
        && s.has(verb.start, Tags::CUE)
        && matches!(lex.cues.longest_at(t, verb.start), Some((_, Stance::Warns)));
    // After "said that" the clause is the statement whatever it starts with ("that in the absence of ...").
    let after_is_statement = !after.is_empty()
        && (after_that || infinitive || warned_of || !ends_attribution(s, after.clone(), lex));
    let post_posed = !after_that
        && after_speaker
        && (quoted_before
            || (before_words >= 4
                && (!after_is_statement || comma_after_verb || starts_with_participle(s, after.clone()))));
    if post_posed {
        return Some(before);
    }
    if !after_is_statement {
        return (!before.is_empty() && after_speaker).then_some(before);
    }
    let told = matches!(verb_key, "told" | "tells" | "tell" | "telling");
    let starts_clause = after_that
        || saying
        || t.is_punct(after.start, "\"")
        // A name after a verb of saying starts a clause ("said Russia is ..."); after a verb that takes an
        // object it is the object ("criticised Russia's invasion", "accused Moscow of ...").
        || (t.is_capitalised(after.start) && name_then_verb(s, after.clone()))
        || s.has(after.start, Tags::PERSON_PRONOUN) && !s.has(after.start, Tags::STOP) || matches!(t.key(after.start), "he" | "she" | "it" | "they" | "we" | "it's" | "there");
    // "data showed exports rose": a verb of finding takes a clause, not an object ("found Gundogan").
    let finding = matches!(
        verb_key,
        "found"
            | "finds"
            | "showed"
            | "shows"
            | "suggests"
            | "suggested"
            | "indicated"
            | "indicates"
            | "revealed"
            | "reveals"
    );
    let clause_follows = (after.start..after.end.min(after.start + 5)).any(|j| {
        s.has(j, Tags::AUXILIARY)
            || (s.has(j, Tags::INFLECTED) && !t.key(j).ends_with("ing"))
            || s.has(j, Tags::CUE)
    });
    // "announced 20 per cent tariffs", "unveiled a plan": a verb that names an act takes an object, which
    // reads as a statement only with its verb (and, placed later, its doer).
    let announcing = matches!(
        verb_key,
        "announced"
            | "announces"
            | "unveiled"
            | "unveils"
            | "disclosed"
            | "outlined"
            | "detailed"
            | "confirmed"
            | "reported"
            | "reports"
            | "released"
            | "published"
    ) && !after_that
        && !clause_follows
        && !t.is_punct(after.start, "\"")
        && (!t.is_capitalised(after.start) || !name_then_verb(s, after.clone()));
    if announcing {
        return Some(verb.start..after.end);
    }
    // "told reporters the border would stay closed": after the audience, a clause with no "that".
    if starts_clause || ((finding || told) && clause_follows) {
        return Some(after);
    }
    if bare_speech(verb_key) {
        return None;
    }
    Some(verb.start..after.end)
}

/// Verbs of saying: what follows them is a clause even without "that" ("said the economy stalled").
pub(super) fn saying_verb(key: &str) -> bool {
    const SAYING: &[&str] = &[
        "said",
        "says",
        "say",
        "saying",
        "stated",
        "states",
        "wrote",
        "writes",
        "argued",
        "argues",
        "insisted",
        "insists",
        "believes",
        "believe",
        "believed",
        "suspect",
        "suspects",
        "suspected",
        "expect",
        "expects",
        "thinks",
        "think",
        "claimed",
        "claims",
        "claim",
        "warned",
        "warns",
        "fears",
        "fear",
        "feared",
        "reported",
        "reports",
        "stressed",
        "emphasized",
        "emphasised",
        "acknowledged",
        "agreed",
        "concluded",
        "suggested",
        "estimated",
        "predicted",
        "announced",
        "revealed",
        "confirmed",
        "indicated",
        "cautioned",
        "maintained",
        "contended",
    ];
    SAYING.contains(&key)
}

/// Verbs that say nothing by themselves: their statement must be a clause or a quotation, not an object
/// ("he added a warning" is not a claim that "a warning").
pub(super) fn bare_speech(key: &str) -> bool {
    matches!(
        key,
        "added"
            | "adds"
            | "continued"
            | "remarked"
            | "noted"
            | "notes"
            | "explained"
            | "replied"
            | "told"
            | "tells"
            | "informed"
            | "found"
            | "finds"
            | "finding"
            | "showed"
            | "shows"
            | "showing"
            | "indicating"
            | "suggesting"
            | "revealing"
    )
}

/// Whether `span` opens with a name followed by a verb: a clause ("denied Pyongyang is sending ..."), not
/// an object ("accused Moscow of ...").
pub(super) fn name_then_verb(s: &Sent, span: Range<usize>) -> bool {
    let t = &s.t;
    let mut k = span.start;
    while k < span.end
        && (t.is_capitalised(k) || (t.key(k) == "and" && k + 1 < span.end && t.is_capitalised(k + 1)))
    {
        k += 1;
    }
    k < span.end && (s.has(k, Tags::AUXILIARY) || (s.has(k, Tags::VERB) && !t.toks[k].cap))
}

pub(super) fn starts_with_participle(s: &Sent, span: Range<usize>) -> bool {
    s.key(span.start).ends_with("ing") && s.t.is_word(span.start)
}

/// Whether the words after a verb only say where, when or to whom it was said.
pub(super) fn ends_attribution(s: &Sent, span: Range<usize>, lex: &Lexicon) -> bool {
    starts_with_circumstance(s, span.clone(), lex) && !(span.start..span.end).any(|k| s.key(k) == "that")
}

pub(super) fn starts_with_circumstance(s: &Sent, span: Range<usize>, lex: &Lexicon) -> bool {
    let first = s.key(span.start);
    matches!(
        first,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "last"
            | "earlier"
            | "this"
            | "to"
            | "while"
            | "as"
            | "but"
            | "when"
            | "before"
            | "outside"
            | "inside"
            | "near"
            | "from"
            | "later"
            | "per"
            | "adding"
            | "of"
    ) || lex.weekdays.contains(first)
        || lex.audience.at(&s.t, span.start)
}

/// A span without leading or trailing commas, dashes, conjunctions and lone quotes.
pub(super) fn trim_joiners(s: &Sent, span: Range<usize>) -> Range<usize> {
    let t = &s.t;
    let (mut start, mut end) = (span.start, span.end);
    let edge = |k: usize| {
        (t.toks[k].kind == TokenKind::Punct && matches!(t.key(k), "," | "-" | ";" | ":" | "."))
            || (!t.toks[k].cap && matches!(t.key(k), "while" | "and" | "but" | "whereas" | "as"))
    };
    while start < end && edge(start) {
        start += 1;
    }
    // "... grounded in reality, with [one spokesperson telling ...]": a preposition or article left dangling
    // where an attribution was cut off.
    let dangling =
        |k: usize| !t.toks[k].cap && matches!(t.key(k), "with" | "of" | "from" | "the" | "a" | "an");
    while end > start && (edge(end - 1) || dangling(end - 1)) {
        end -= 1;
    }
    start..end
}

/// The stance a verb gives, sharpened by the words of the statement: a concern is a warning, a "may" an
/// estimate.
pub(super) fn stance_of(verb: Stance, s: &Sent, span: Range<usize>, lex: &Lexicon) -> Stance {
    if verb != Stance::Asserts {
        return verb;
    }
    // Not the month: "in May" hedges nothing.
    let words: Vec<&str> =
        span.clone().filter(|&k| !(s.t.toks[k].cap && s.has(k, Tags::CALENDAR))).map(|k| s.key(k)).collect();
    if words.iter().any(|w| lex.warning_words.contains(w)) {
        Stance::Warns
    } else if words
        .iter()
        .any(|w| matches!(*w, "may" | "might" | "likely" | "probably" | "estimated" | "roughly"))
    {
        Stance::Estimates
    } else {
        Stance::Asserts
    }
}

/// The statement's words as a sentence of the claim's own: straight quotes, no outer quotation marks, no
/// trailing aside after a dash, a capital first letter and a full stop.
/// The second half of a statement that an attribution interrupts: "Along with the trials, he said,
/// earnings reports can move the price." A clause must follow the attribution's closing comma, not a
/// participle ("..., he said, adding ..."), a source ("according to") or a circumstance ("on Monday").
pub(super) fn interrupted(
    s: &Sent,
    verb: &Range<usize>,
    speaker: &Range<usize>,
    content: &Range<usize>,
    lex: &Lexicon,
) -> Option<Range<usize>> {
    let t = &s.t;
    let attribution_end = verb.end.max(speaker.end);
    let before_attribution = content.end <= speaker.start.min(verb.start);
    if !before_attribution || !t.is_punct(attribution_end, ",") || s.quoted.iter().any(|&q| q) {
        return None;
    }
    let mut rest = trim_joiners(s, attribution_end + 1..t.len());
    // "..., said Dana Moor, a geologist at Tarvo - a record.": the speaker's apposition is no part of it.
    let apposition = s.has(rest.start, Tags::DETERMINER)
        && (rest.start..rest.end.min(rest.start + 4))
            .any(|k| s.has(k, Tags::TITLE) || s.has(k, Tags::PROFESSION) || s.has(k, Tags::PEOPLE_NOUN));
    if apposition {
        let close = rest.clone().find(|&k| t.is_punct(k, ",") || t.is_dash(k))?;
        rest = trim_joiners(s, close + 1..t.len());
    }
    let words = rest.clone().filter(|&k| t.is_word(k)).count();
    let first = rest.start;
    let opens_aside = t.key(first).ends_with("ing")
        || s.has(first, Tags::CUE)
        || t.key(first) == "according"
        || lex.subordinators.at(t, first)
        || starts_with_circumstance(s, rest.clone(), lex);
    let clause = rest.clone().any(|k| s.has(k, Tags::AUXILIARY) || s.has(k, Tags::VERB));
    (words >= 3 && !opens_aside && clause && !s.has(first, Tags::CUE)).then_some(rest)
}

/// The subject of a statement that an attribution interrupts right after it: "That plan, she said, met
/// with scepticism." The words before the attribution are a noun phrase (no verb) and what follows it
/// starts with a verb.
pub(super) fn interrupted_subject(
    s: &Sent,
    verb: &Range<usize>,
    speaker: &Range<usize>,
    content: &Range<usize>,
) -> Option<Range<usize>> {
    let t = &s.t;
    let mut attribution = verb.start.min(speaker.start)..verb.end.max(speaker.end);
    if attribution.start > 0 && t.key(attribution.start - 1) == "the" {
        attribution.start -= 1;
    }
    if attribution.start == 0
        || content.start <= attribution.end
        || !t.is_punct(attribution.start - 1, ",")
        || !t.is_punct(attribution.end, ",")
        || s.quoted.iter().any(|&q| q)
    {
        return None;
    }
    let subject = trim_joiners(s, s.first_word..attribution.start - 1);
    let words = subject.clone().filter(|&k| t.is_word(k)).count();
    // A verb's bare form may be a noun ("That plan"); its inflected forms and auxiliaries make a clause.
    let noun_phrase = subject.clone().all(|k| {
        !(s.has(k, Tags::INFLECTED) || s.has(k, Tags::AUXILIARY) || s.has(k, Tags::CUE) || t.is_punct(k, ","))
    });
    ((1..=8).contains(&words) && noun_phrase && verb_first(s, content.start)).then_some(subject)
}

/// Whether a finite verb (not a participle) starts at `k`.
fn verb_first(s: &Sent, k: usize) -> bool {
    s.has(k, Tags::AUXILIARY)
        || ((s.has(k, Tags::VERB) || s.has(k, Tags::INFLECTED)) && !s.t.key(k).ends_with("ing"))
}

pub(super) fn statement(s: &Sent, span: Range<usize>) -> String {
    statement_of(s, std::slice::from_ref(&span))
}

/// A statement made of one span, or of the two halves around an attribution, joined.
pub(super) fn statement_of(s: &Sent, spans: &[Range<usize>]) -> String {
    let t = &s.t;
    let Some((last, first)) = spans.split_last() else { return String::new() };
    let mut lead = String::new();
    // The attribution stood between commas; one of them joins the halves, unless the first half is the
    // subject of the second ("That plan, she said, met ...").
    let joiner = if verb_first(s, trim_joiners(s, last.clone()).start) { " " } else { ", " };
    for span in first {
        let span = trim_joiners(s, span.clone());
        if !span.is_empty() {
            lead.push_str(&plain(t.span(span)));
            lead.push_str(joiner);
        }
    }
    let span = trim_joiners(s, last.clone());
    if span.is_empty() {
        return String::new();
    }
    // Cut "– though he did not elaborate" and similar asides.
    let mut end = span.end;
    for k in span.clone() {
        if t.is_punct(k, "-")
            && t.toks[k].range.start > 0
            && t.text[..t.toks[k].range.start].ends_with(' ')
            && matches!(t.key(k + 1), "though" | "although" | "but" | "which" | "while")
        {
            end = k;
            break;
        }
    }
    let span = trim_joiners(s, span.start..end);
    let text = lead + &plain(t.span(span));
    let mut text = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
    // Outer quotation marks go; a quotation inside the statement keeps both of its marks.
    let quotes = text.matches('"').count();
    if quotes == 2 && text.starts_with('"') && text.ends_with('"') {
        text = &text[1..text.len() - 1];
    } else if quotes % 2 == 1 {
        text = text.strip_prefix('"').or_else(|| text.strip_suffix('"')).unwrap_or(text);
    }
    let text = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
    let text = match text.strip_suffix(",\"") {
        Some(rest) => format!("{rest}\""),
        None => text.to_string(),
    };
    if text.split_whitespace().count() < 2 {
        return String::new();
    }
    let mut text = sentence_case(&text);
    if !text.trim_end_matches('"').ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}
