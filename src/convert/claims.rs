//! Attributed statements: who says what, read from the attribution verbs of a sentence ("X said that ...",
//! "“...,” X said", "said X", "according to X, ..."), with the speaker resolved to an actor (a name, a
//! surname, a pronoun, a noun phrase such as "Some analysts" or "South Korea's top spy agency", a document
//! such as "the statement" standing for whoever issued it), the outlet as `reported_by` when an outlet
//! relays someone else ("..., according to state media"), and the stance the verb gives.

use std::ops::Range;

use foldhash::HashMap;

use super::actors::{Mention, MentionKind, Registry};
use super::gazetteer::Gazetteer;
use super::tokens::{Kind, Tokens};
use super::{plain, sentence_case};
use crate::model::{ActorKind, Stance};

/// A claim found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Actor indexes in the registry.
    pub claimant: usize,
    pub reported_by: Option<usize>,
    pub stance: Stance,
    pub text: String,
    /// Said in the previous sentence: a quotation whose speaker this sentence names.
    pub earlier: bool,
}

/// A quotation-only sentence left open, waiting for the next sentence to name its speaker.
#[derive(Debug)]
struct Pending {
    text: String,
    stance: Stance,
    /// Who spoke before it, if the next sentence names nobody.
    fallback: Vec<usize>,
}

/// What the claim rules remember from sentence to sentence.
#[derive(Debug, Default)]
pub struct Context {
    /// The last person, and the last state or organisation, that spoke or was named: "he", "it".
    last_person: Option<usize>,
    last_body: Option<usize>,
    /// The speakers of the previous sentence, for a following sentence that is only a quotation.
    previous: Vec<usize>,
    /// Whether the previous sentence quoted someone: a quotation left open at the end of the next one goes
    /// on from it, rather than towards a speaker named after it.
    previous_quoted: bool,
    pending: Option<Pending>,
    /// Document nouns ("statement", "report") → who issued the last one mentioned.
    documents: HashMap<String, usize>,
}

/// A speaker found for an attribution verb.
struct Speaker {
    claimants: Vec<usize>,
    /// Tokens of the speaker's words in the sentence.
    tokens: Range<usize>,
}

struct Attribution {
    verb: Range<usize>,
    stance: Stance,
    speaker: Speaker,
    /// The outlet relaying the speaker ("..., according to state media").
    reported_by: Option<usize>,
    /// Found by "according to": an outlet here relays the sentence's other speakers.
    according_to: bool,
    /// The statement's tokens.
    content: Range<usize>,
}

const PRONOUNS_PERSON: &[&str] = &["he", "she"];
const PRONOUNS_BODY: &[&str] = &["it"];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "such"];
/// Words that open a phrase saying when or where something was said ("in a statement", "on Monday").
const WHEN_OR_WHERE: &[&str] = &["in", "on", "at", "during", "after", "last", "earlier", "this"];
const PASSIVE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
const QUANTIFIERS: &[&str] = &[
    "some", "all", "both", "many", "several", "most", "few", "other", "two", "three", "four", "five", "the",
    "a", "an",
];
/// Verbs that say nothing by themselves: their statement must be a clause or a quotation, not an object
/// ("he added a warning" is not a claim that "a warning").
const BARE_SPEECH: &[&str] =
    &["added", "adds", "continued", "remarked", "noted", "notes", "explained", "replied", "told", "tells"];
/// Verbs of saying: what follows them is a clause even without "that" ("said the economy stalled").
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
];

/// Whether a token is inside a quotation, for each token of the sentence.
fn quoted(t: &Tokens) -> Vec<bool> {
    let mut inside = vec![false; t.len()];
    let mut open = false;
    // A straight quote glued to the word before it and not to the word after it closes a quotation.
    let glued = |a: usize, b: usize| t.toks[a].range.end == t.toks[b].range.start;
    let closing = |i: usize| i > 0 && glued(i - 1, i) && (i + 1 == t.len() || !glued(i, i + 1));
    for i in 0..t.len() {
        if t.is_punct(i, "\"") {
            match t.raw(i) {
                "“" => open = true,
                "”" | "\"" if !open && (t.raw(i) == "”" || closing(i)) => {
                    // A quotation that began in an earlier sentence ends here.
                    inside[..i].iter_mut().for_each(|q| *q = true);
                    open = false;
                }
                "”" => open = false,
                _ => open = !open,
            }
            continue;
        }
        inside[i] = open;
    }
    inside
}

/// The claims of one sentence. `mentions` are the sentence's mentions from `actors::scan`, `actors` what
/// each resolves to in the registry.
#[allow(clippy::too_many_arguments)]
pub fn find(
    t: &Tokens,
    mentions: &[Mention],
    actors: &[Option<usize>],
    registry: &mut Registry,
    context: &mut Context,
    sentence: usize,
    gaz: &Gazetteer,
) -> Vec<Found> {
    let inside = quoted(t);
    let resolved: Vec<(Range<usize>, Option<usize>)> =
        mentions.iter().zip(actors).map(|(m, a)| (m.tokens.clone(), *a)).collect();
    let mut attributions: Vec<Attribution> = Vec::new();
    let mut silent_speakers: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < t.len() {
        if inside[k] {
            k += 1;
            continue;
        }
        if t.key(k) == "according" && t.key(k + 1) == "to" {
            if let Some(a) = according_to(t, k, &resolved, registry, sentence, gaz) {
                k = a.verb.end;
                attributions.push(a);
                continue;
            }
            k += 2;
            continue;
        }
        let Some((end, stance)) = gaz.verbs.longest_at(t, k) else {
            k += 1;
            continue;
        };
        let verb = k..end;
        k = end;
        if !is_finite_use(t, verb.clone(), gaz) {
            continue;
        }
        let speaker = pronoun_of_earlier_speaker(t, verb.start, &attributions, registry, gaz)
            .or_else(|| speaker_left(t, verb.start, &resolved, mentions, registry, context, sentence, gaz))
            .or_else(|| speaker_right(t, verb.clone(), &resolved, mentions, registry))
            .or_else(|| participle_speaker(t, verb.clone(), &attributions, &resolved));
        let Some(speaker) = speaker else { continue };
        let Some(content) = content(t, &verb, &speaker, &inside, gaz) else {
            // "He added a warning." says nothing itself, but a quotation may follow for him.
            silent_speakers.extend(speaker.claimants.iter().copied());
            continue;
        };
        attributions.push(Attribution {
            verb,
            stance: *stance,
            speaker,
            reported_by: None,
            according_to: false,
            content,
        });
    }
    let has_quote = (0..t.len()).any(|i| t.is_punct(i, "\""));
    let previous_quoted = std::mem::replace(&mut context.previous_quoted, has_quote);
    let pending = context.pending.take();
    let words: Vec<usize> = (0..t.len()).filter(|&i| t.is_word(i)).collect();
    // The sentence opens inside a quotation begun before it: its speaker speaks that one too.
    let closes_earlier = words.first().is_some_and(|&first| inside[first]);
    // A sentence that is only a quotation continues the previous speaker; one that leaves the quotation
    // open after a sentence that quoted nobody waits for the next sentence to name its speaker ("“When the
    // jury says guilty, ... years. When ..., that's the end,” said X").
    if attributions.is_empty() {
        let all_quoted = !words.is_empty() && words.iter().all(|&i| inside[i]);
        let left_open = words.last().is_some_and(|&last| (last + 1..t.len()).all(|i| !t.is_punct(i, "\"")));
        let text = statement(t, 0..t.len());
        let stance = stance_of(Stance::Asserts, t, 0..t.len(), gaz);
        let mut found = Vec::new();
        if all_quoted && !text.is_empty() {
            if left_open && !previous_quoted {
                context.pending = Some(Pending { text, stance, fallback: context.previous.clone() });
            } else {
                found.extend(context.previous.iter().map(|&claimant| Found {
                    claimant,
                    reported_by: None,
                    stance,
                    text: text.clone(),
                    earlier: false,
                }));
            }
        }
        context.previous = silent_speakers;
        settle(pending, &mut found, false);
        return found;
    }
    let mut found: Vec<Found> = Vec::new();
    let mut cut_ends: Vec<usize> = attributions.iter().map(|a| a.content.end).collect();
    // A content runs until the next speaker's words when that speaker stands inside it.
    for i in 0..attributions.len() {
        for next in &attributions[i + 1..] {
            let c = &attributions[i].content;
            let next_start = next.speaker.tokens.start.min(next.verb.start);
            if next_start > c.start && next_start < c.end {
                let cut = trim_joiners(t, c.start..next_start);
                if cut.clone().filter(|&k| t.is_word(k)).count() >= 3 {
                    cut_ends[i] = cut.end;
                }
                break;
            }
        }
    }
    let mut skip_outer = vec![false; attributions.len()];
    let mut relayed_by: Vec<Option<usize>> = vec![None; attributions.len()];
    for i in 0..attributions.len() {
        // An outlet that reports someone else's statement ("X wrote that troops have been complaining").
        let a = &attributions[i];
        let outlet =
            a.speaker.claimants.iter().copied().find(|&c| registry.records[c].kind == ActorKind::Outlet);
        if let (Some(outlet), Some(next)) = (outlet, attributions.get(i + 1))
            && next.speaker.tokens.start == a.content.start
        {
            skip_outer[i] = true;
            relayed_by[i + 1] = Some(outlet);
            cut_ends[i + 1] = cut_ends[i + 1].max(cut_ends[i]);
        }
    }
    // "X criticized Y, according to state media": the outlet relays X.
    let relay = attributions.iter().position(|a| {
        a.according_to && a.speaker.claimants.iter().all(|&c| registry.records[c].kind == ActorKind::Outlet)
    });
    if let Some(r) = relay
        && attributions.len() > 1
    {
        skip_outer[r] = true;
        let outlet = attributions[r].speaker.claimants.first().copied();
        for (i, relayed) in relayed_by.iter_mut().enumerate() {
            if i != r && relayed.is_none() {
                *relayed = outlet;
            }
        }
    }
    for (i, a) in attributions.iter().enumerate() {
        if skip_outer[i] {
            continue;
        }
        let content = if relayed_by[i].is_some() {
            a.speaker.tokens.start..cut_ends[i]
        } else {
            a.content.start..cut_ends[i].max(a.content.start)
        };
        let text = statement(t, content.clone());
        if text.is_empty() {
            continue;
        }
        let stance =
            stance_of(a.stance, t, content.start.min(a.verb.start)..content.end.max(a.verb.end), gaz);
        for &claimant in &a.speaker.claimants {
            if let Some(same) = found.iter_mut().find(|f| f.claimant == claimant) {
                // One claim per speaker and sentence: "X said ..., but he added ...".
                if same.stance == Stance::Asserts {
                    same.stance = stance;
                }
                continue;
            }
            found.push(Found {
                claimant,
                reported_by: relayed_by[i].or(a.reported_by),
                stance,
                text: text.clone(),
                earlier: false,
            });
        }
    }
    settle(pending, &mut found, closes_earlier);
    // Remember speakers for pronouns, quotations and documents.
    context.previous = found.iter().map(|f| f.claimant).collect();
    for f in &found {
        remember(context, registry, f.claimant);
    }
    for i in 0..t.len() {
        let key = t.key(i);
        if gaz.document_nouns.contains(key)
            && let Some(first) = found.first()
        {
            context.documents.insert(stem(key).to_string(), first.claimant);
        }
    }
    found
}

fn stem(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// The claims of a quotation left open in the previous sentence: its speaker is this sentence's first when
/// this sentence closes the quotation, else whoever spoke before it.
fn settle(pending: Option<Pending>, found: &mut Vec<Found>, closes_earlier: bool) {
    let Some(Pending { text, stance, fallback }) = pending else { return };
    let speakers = match found.first() {
        Some(first) if closes_earlier => vec![first.claimant],
        _ => fallback,
    };
    found.extend(speakers.into_iter().map(|claimant| Found {
        claimant,
        reported_by: None,
        stance,
        text: text.clone(),
        earlier: true,
    }));
}

/// The claims of a quotation left open at the end of the article: whoever spoke before it.
pub fn unsettled(context: &mut Context) -> Vec<Found> {
    let mut found = Vec::new();
    settle(context.pending.take(), &mut found, false);
    found
}

/// Updates what "he" and "it" stand for.
pub fn remember(context: &mut Context, registry: &Registry, actor: usize) {
    match registry.records[actor].kind {
        ActorKind::Person => context.last_person = Some(actor),
        ActorKind::State | ActorKind::Organisation => context.last_body = Some(actor),
        _ => {}
    }
}

/// Updates what "he" and "it" stand for after the actors a sentence names, in order: "he" is the last
/// person named, "it" the first state or organisation, usually the sentence's subject ("Ankara opposes
/// sanctions and has close ties with Moscow and Kyiv. It has also ..." is Ankara).
pub fn remember_named(context: &mut Context, registry: &Registry, actors: impl IntoIterator<Item = usize>) {
    let mut first_body = None;
    for actor in actors {
        match registry.records[actor].kind {
            ActorKind::Person => context.last_person = Some(actor),
            ActorKind::State | ActorKind::Organisation => {
                first_body.get_or_insert(actor);
            }
            _ => {}
        }
    }
    if first_body.is_some() {
        context.last_body = first_body;
    }
}

/// A verb used as a verb: not after a determiner ("the reported talks"), not passive ("is believed"),
/// not negated ("did not confirm"), not a noun before another verb ("intelligence reports claim").
fn is_finite_use(t: &Tokens, verb: Range<usize>, gaz: &Gazetteer) -> bool {
    let before = verb.start.checked_sub(1).map_or("", |b| t.key(b));
    if DETERMINERS.contains(&before)
        || matches!(
            before,
            "not" | "never" | "n't" | "without" | "by" | "of" | "for" | "with" | "from" | "after" | "before"
        )
    {
        return false;
    }
    let key = t.key(verb.start);
    if PASSIVE.contains(&before) && !key.ends_with("ing") {
        return false;
    }
    // A participle, not a verb: "claims denied by Moscow", "Jones, accused of rape,"; and agreement with
    // someone is no statement ("agreed with the state's argument").
    let after = if verb.end < t.len() { t.key(verb.end) } else { "" };
    if key.ends_with("ed") && (after == "by" || (before == "," && key == "accused" && after == "of")) {
        return false;
    }
    if key.starts_with("agree") && matches!(after, "with" | "to" | "on") {
        return false;
    }
    !gaz.verbs.at(t, verb.end)
}

/// The speaker left of a verb: a name, a pronoun, a coordination ("Washington and Seoul"), or a noun
/// phrase headed by a people, organisation, outlet or document word.
#[allow(clippy::too_many_arguments)]
fn speaker_left(
    t: &Tokens,
    verb_start: usize,
    resolved: &[(Range<usize>, Option<usize>)],
    mentions: &[Mention],
    registry: &mut Registry,
    context: &Context,
    sentence: usize,
    gaz: &Gazetteer,
) -> Option<Speaker> {
    let mut k = verb_start;
    // Auxiliaries and adverbs: "has previously accused", "have both denied".
    loop {
        if k == 0 {
            break;
        }
        let key = t.key(k - 1);
        let adverb = key.ends_with("ly") && key.len() > 3 && t.is_word(k - 1);
        // "China on Monday rejected ...": the day between the speaker and the verb.
        let day = (1..=3).rev().find(|&n| k >= n && when_said(t, k - n, gaz) == n);
        if let Some(n) = day {
            k -= n;
        } else if gaz.speaker_gap.at(t, k - 1) && t.is_word(k - 1) || adverb {
            k -= 1;
        } else {
            break;
        }
    }
    // "Russia once supported them, but has since implied ...": the clause's subject is the sentence's.
    if k > 0 && matches!(t.key(k - 1), "but" | "and") && k < verb_start {
        let subject = resolved
            .iter()
            .find(|(r, a)| a.is_some() && (0..r.start).all(|j| !t.is_word(j) || gaz.is_stop(t.key(j))));
        if let Some((r, Some(actor))) = subject {
            return Some(Speaker { claimants: vec![*actor], tokens: r.clone() });
        }
    }
    // "..., to argue that", "appeared to confirm": the speaker is named before the infinitive.
    if k > 0 && t.key(k - 1) == "to" {
        k -= 1;
        if k > 0 && matches!(t.key(k - 1), "appeared" | "appears" | "appear" | "seemed" | "seems" | "seem") {
            k -= 1;
        }
        if k > 0 && t.is_punct(k - 1, ",") {
            k -= 1;
        }
    }
    // An age: "Ashdown, 58, had denied".
    if k >= 3 && t.is_punct(k - 1, ",") && t.toks[k - 2].kind == Kind::Number && t.is_punct(k - 3, ",") {
        k -= 3;
    }
    // An apposition: "Pak Jong Chon, one of North Korea's top military officials, said" — unless the
    // apposition ends with the name itself ("A second defendant, former director Paul Reeve, denied").
    let named_in_apposition = k > 1
        && t.is_punct(k - 1, ",")
        && resolved.iter().any(|(r, a)| {
            let person = a.is_some_and(|a| registry.records[a].kind == ActorKind::Person);
            let open = (k.saturating_sub(16)..r.start).rev().find(|&j| t.is_punct(j, ","));
            // Only a title before the name inside the commas, no clause ("who met Blinken").
            let titled = open.is_some_and(|open| {
                (open + 1..r.start).all(|j| {
                    let key = t.key(j);
                    !matches!(key, "who" | "which" | "that") && !gaz.verbs.at(t, j) && !key.ends_with("ed")
                })
            });
            r.end == k - 1 && person && titled
        });
    if k > 0
        && !named_in_apposition
        && t.is_punct(k - 1, ",")
        && let Some(open) = (k.saturating_sub(16)..k - 1).rev().find(|&j| t.is_punct(j, ","))
        && ((open + 1..k - 1).any(|j| gaz.is_title(t.key(j)) || gaz.people_nouns.contains(t.key(j)))
            || (matches!(t.key(open + 1), "who" | "which") && mentions.iter().any(|m| m.tokens.end == open)))
    {
        k = open;
    }
    if named_in_apposition {
        k -= 1;
    }
    // A parenthesised short form before the verb: "the Rason Special Economic Zone (SEZ) found".
    if k >= 3 && t.is_punct(k - 1, ")") && t.is_punct(k - 3, "(") {
        k -= 3;
    }
    if k == 0 {
        return None;
    }
    let last = k - 1;
    let key = t.key(last);
    if !t.is_word(last) {
        return None;
    }
    if PRONOUNS_PERSON.contains(&key) {
        let who = context
            .last_person
            .or_else(|| last_mention_of(resolved, last, registry, &[ActorKind::Person]))?;
        return Some(Speaker { claimants: vec![who], tokens: last..k });
    }
    if PRONOUNS_BODY.contains(&key) {
        let who = last_mention_of(resolved, last, registry, &[ActorKind::State, ActorKind::Organisation])
            .or(context.last_body)?;
        return Some(Speaker { claimants: vec![who], tokens: last..k });
    }
    // A name ending right before the verb.
    if let Some(m) = mentions.iter().position(|m| m.tokens.end == k) {
        let (range, actor) = &resolved[m];
        if let Some(actor) = *actor {
            // A document's author: "A Reuters investigation into X found".
            if let Some(author) = document_author(t, range.start, resolved, registry, sentence, gaz) {
                return Some(author);
            }
            if registry.records[actor].kind != ActorKind::Place {
                let mut speaker = coordination(t, m, mentions, resolved, registry, sentence, gaz);
                speaker.tokens.start = speaker.tokens.start.min(mentions[m].role_start);
                return Some(speaker);
            }
        }
    }
    noun_phrase_speaker(t, k, resolved, registry, context, sentence, gaz)
}

/// "X believes ..., which it says ...": a pronoun right before the verb stands for the sentence's speaker
/// so far, when its kind fits.
fn pronoun_of_earlier_speaker(
    t: &Tokens,
    verb_start: usize,
    earlier: &[Attribution],
    registry: &Registry,
    gaz: &Gazetteer,
) -> Option<Speaker> {
    let mut k = verb_start;
    while k > 0 && gaz.speaker_gap.at(t, k - 1) && t.is_word(k - 1) {
        k -= 1;
    }
    let pronoun = k.checked_sub(1)?;
    let person = match t.key(pronoun) {
        "he" | "she" => true,
        "it" => false,
        _ => return None,
    };
    let last = earlier.last()?;
    let [only] = last.speaker.claimants.as_slice() else { return None };
    let is_person = registry.records[*only].kind == ActorKind::Person;
    (is_person == person).then(|| Speaker { claimants: vec![*only], tokens: pronoun..pronoun + 1 })
}

/// The last resolved mention of one of `kinds` before token `before`.
fn last_mention_of(
    resolved: &[(Range<usize>, Option<usize>)],
    before: usize,
    registry: &Registry,
    kinds: &[ActorKind],
) -> Option<usize> {
    resolved
        .iter()
        .rev()
        .filter(|(r, _)| r.end <= before)
        .find_map(|(_, a)| a.filter(|&a| kinds.contains(&registry.records[a].kind)))
}

/// A speaker made of names joined by "and" and commas. Two make two claims; three or more are one group
/// ("The United States, South Korea, and Japan").
fn coordination(
    t: &Tokens,
    m: usize,
    mentions: &[Mention],
    resolved: &[(Range<usize>, Option<usize>)],
    registry: &mut Registry,
    sentence: usize,
    gaz: &Gazetteer,
) -> Speaker {
    let mut members = vec![m];
    let mut start = mentions[m].tokens.start;
    let mut j = m;
    while j > 0 {
        let prev = &mentions[j - 1];
        let between: Vec<&str> = (prev.tokens.end..start).map(|k| t.key(k)).collect();
        let joined = matches!(between.as_slice(), ["and"] | [","] | [",", "and"]);
        if !joined || resolved[j - 1].1.is_none() {
            break;
        }
        members.push(j - 1);
        start = prev.tokens.start;
        j -= 1;
    }
    members.reverse();
    if start > 0 && matches!(t.key(start - 1), "both" | "the") && t.key(start - 1) == "both" {
        start -= 1;
    }
    let tokens = start..mentions[m].tokens.end;
    if members.len() >= 3 {
        let name = t.span(tokens.clone());
        let name = name.strip_prefix("Both ").unwrap_or(name);
        let group = registry.add(name, name, ActorKind::Group, sentence, gaz);
        return Speaker { claimants: vec![group], tokens };
    }
    let claimants = members.iter().filter_map(|&i| resolved[i].1).collect();
    Speaker { claimants, tokens }
}

/// A speaker that is a common noun phrase ending at token `end` ("Some analysts", "South Korea's top spy
/// agency", "South Korean intelligence reports", "the statement").
fn noun_phrase_speaker(
    t: &Tokens,
    end: usize,
    resolved: &[(Range<usize>, Option<usize>)],
    registry: &mut Registry,
    context: &Context,
    sentence: usize,
    gaz: &Gazetteer,
) -> Option<Speaker> {
    let mut start = end;
    while start > 0 && end - start < 8 {
        let j = start - 1;
        let tok = &t.toks[j];
        let key = t.key(j);
        if tok.kind == Kind::Punct {
            let hyphen = key == "-" && j > 0 && tok.range.start == t.toks[j - 1].range.end;
            if hyphen {
                start = j;
                continue;
            }
            break;
        }
        if QUANTIFIERS.contains(&key) {
            start = j;
            break;
        }
        let document_head = j + 1 == end && gaz.document_nouns.contains(key);
        if gaz.is_stop(key) || (gaz.verbs.at(t, j) && !document_head) {
            break;
        }
        start = j;
    }
    if start == end {
        return None;
    }
    let mut head = end - 1;
    let head_key = t.key(head);
    let is_document = gaz.document_nouns.contains(head_key);
    if is_document {
        let owner_end = head;
        let has_owner = (start..owner_end).any(|k| !QUANTIFIERS.contains(&t.key(k)));
        if !has_owner {
            // "the statement": whoever issued the last one.
            let who = *context.documents.get(stem(head_key))?;
            return Some(Speaker { claimants: vec![who], tokens: start..end });
        }
        // "South Korean intelligence reports": the intelligence speaks.
        if let Some((_, Some(actor))) =
            resolved.iter().rev().find(|(r, _)| r.end == owner_end && r.start >= start)
        {
            return Some(Speaker { claimants: vec![*actor], tokens: start..end });
        }
        head = owner_end - 1;
        if head < start {
            return None;
        }
        return phrase_actor(t, start..head + 1, registry, sentence, gaz)
            .map(|a| Speaker { claimants: vec![a], tokens: start..end });
    }
    let speaking_head = gaz.people_nouns.contains(head_key)
        || gaz.is_title(head_key)
        || (!t.toks[head].cap && gaz.is_profession(head_key))
        || gaz.is_organisation_head(head_key)
        || gaz.outlet_nouns.find(t, start..end).is_some_and(|(r, _)| r.end == end)
        || head_key == "administration";
    if !speaking_head {
        return None;
    }
    phrase_actor(t, start..end, registry, sentence, gaz)
        .map(|a| Speaker { claimants: vec![a], tokens: start..end })
}

/// An actor for a speaking noun phrase, named as written without a leading article.
fn phrase_actor(
    t: &Tokens,
    tokens: Range<usize>,
    registry: &mut Registry,
    sentence: usize,
    gaz: &Gazetteer,
) -> Option<usize> {
    let mut start = tokens.start;
    while start < tokens.end && matches!(t.key(start), "the" | "a" | "an") {
        start += 1;
    }
    if start >= tokens.end {
        return None;
    }
    let written = t.span(start..tokens.end);
    let head = t.key(tokens.end - 1);
    // "the information minister": the person the article names with that title, if only one.
    if gaz.is_title(head)
        && let Some(person) = registry.person_titled(written)
    {
        // Not noted as a spelling: a title is no name, and across a folder it would join two ministers.
        return Some(person);
    }
    let outlet = gaz.outlet_nouns.find(t, start..tokens.end).is_some();
    // "the newspaper": the one outlet the article names, if only one.
    if outlet
        && t.key(tokens.start) == "the"
        && let Some(named) = registry.only_named(ActorKind::Outlet)
    {
        return Some(named);
    }
    let kind = if outlet {
        ActorKind::Outlet
    } else if (gaz.people_nouns.contains(head) || gaz.is_title(head))
        && (!gaz.organisation_heads.contains(head) || head.ends_with('s'))
    {
        if head.ends_with('s') { ActorKind::Group } else { ActorKind::Person }
    } else {
        ActorKind::Organisation
    };
    // "the central bank", "the court", "the group": the one body already named with that word.
    // "the company", "the firm": the article's main organisation when no name holds the word.
    let generic = matches!(
        head,
        "company" | "firm" | "group" | "corporation" | "business" | "conglomerate" | "club" | "team"
    );
    // A bare "company" is definite too: its article is further left ("the Cupertino, Calif., company").
    let definite = t.key(tokens.start) == "the" || (generic && tokens.len() == 1);
    // "the air force" after "Ukraine's air force": the body that phrase described.
    if t.key(tokens.start) == "the"
        && let Some(body) = registry.described_ending(written)
    {
        return Some(body);
    }
    if definite
        && kind == ActorKind::Organisation
        && let Some(body) =
            registry.described_as(head).or_else(|| generic.then(|| registry.main_organisation()).flatten())
    {
        registry.note_spelling(body, written, gaz);
        return Some(body);
    }
    let name = sentence_case(written);
    let index = registry.add(&name, written, kind, sentence, gaz);
    registry.records[index].described = true;
    Some(index)
}

/// "a report by the World Bank found" (the name after "by") and "A Reuters investigation into X found" (the
/// name before the document): the document's author speaks.
fn document_author(
    t: &Tokens,
    name_start: usize,
    resolved: &[(Range<usize>, Option<usize>)],
    registry: &mut Registry,
    sentence: usize,
    gaz: &Gazetteer,
) -> Option<Speaker> {
    let mut k = name_start;
    // "into North Korea's Rason Special Economic Zone": past the owner's name too.
    if k > 0 && t.toks[k - 1].possessive {
        k -= 1;
        while k > 0 && t.is_capitalised(k - 1) {
            k -= 1;
        }
    }
    while k > 0 && matches!(t.key(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    let preposition = k.checked_sub(1)?;
    let document = preposition.checked_sub(1)?;
    if !gaz.document_nouns.contains(t.key(document)) {
        return None;
    }
    match t.key(preposition) {
        "by" | "from" => {
            let (_, actor) = resolved.iter().find(|(r, _)| r.start == name_start)?;
            Some(Speaker { claimants: vec![(*actor)?], tokens: document..name_start })
        }
        "into" | "on" | "about" | "of" => {
            if let Some((r, Some(actor))) = resolved.iter().rev().find(|(r, _)| r.end == document) {
                return Some(Speaker { claimants: vec![*actor], tokens: r.start..document + 1 });
            }
            let mut start = document;
            while start > 0 && t.is_word(start - 1) && !gaz.is_stop(t.key(start - 1)) {
                start -= 1;
            }
            (start < document)
                .then(|| phrase_actor(t, start..document, registry, sentence, gaz))
                .flatten()
                .map(|a| Speaker { claimants: vec![a], tokens: start..document + 1 })
        }
        _ => None,
    }
}

/// The speaker after the verb, in an inversion after the statement: "“...,” said Kirby." The verb follows a
/// comma or a closing quote, and the name ends the sentence or its clause.
fn speaker_right(
    t: &Tokens,
    verb: Range<usize>,
    resolved: &[(Range<usize>, Option<usize>)],
    mentions: &[Mention],
    registry: &Registry,
) -> Option<Speaker> {
    let after_statement =
        verb.start > 0 && (t.is_punct(verb.start - 1, ",") || t.is_punct(verb.start - 1, "\""));
    if !after_statement || t.key(verb.start).ends_with("ing") {
        return None;
    }
    // The name, or its title, right after the verb: "said Kirby", "said state epidemiologist Ann Lee".
    let at = mentions
        .iter()
        .position(|m| m.role_start == verb.end && m.kind == MentionKind::Person)
        .or_else(|| mentions.iter().position(|m| m.tokens.start == verb.end))?;
    let (range, actor) = &resolved[at];
    // "..., said Toni Sacconaghi of Sanford C. Bernstein": where the speaker works may follow the name.
    let ends = range.end >= t.len()
        || t.toks[range.end].kind == Kind::Punct
        || matches!(
            t.key(range.end),
            "of" | "at" | "from" | "with" | "on" | "in" | "during" | "last" | "this"
        );
    let actor = (*actor)?;
    (ends && registry.records[actor].kind != ActorKind::Place)
        .then(|| Speaker { claimants: vec![actor], tokens: range.clone() })
}

/// "..., saying that ...", "..., revealing that ...": a participle speaks for the sentence's subject.
fn participle_speaker(
    t: &Tokens,
    verb: Range<usize>,
    earlier: &[Attribution],
    resolved: &[(Range<usize>, Option<usize>)],
) -> Option<Speaker> {
    if !t.key(verb.start).ends_with("ing") || verb.start == 0 || !t.is_punct(verb.start - 1, ",") {
        return None;
    }
    if let Some(last) = earlier.last() {
        return Some(Speaker { claimants: last.speaker.claimants.clone(), tokens: verb.clone() });
    }
    // The sentence's subject: its first name.
    let first = resolved.iter().find_map(|(_, a)| *a)?;
    Some(Speaker { claimants: vec![first], tokens: verb })
}

/// "according to X": X speaks; the statement is the rest of the sentence. When X is an outlet and someone
/// else is the sentence's subject, that subject speaks and the outlet reports it.
fn according_to(
    t: &Tokens,
    at: usize,
    resolved: &[(Range<usize>, Option<usize>)],
    registry: &mut Registry,
    sentence: usize,
    gaz: &Gazetteer,
) -> Option<Attribution> {
    let from = at + 2;
    let mut end = from;
    while end < t.len() && !t.is_punct(end, ",") && !t.is_punct(end, ".") && !t.is_punct(end, ";") {
        end += 1;
    }
    if end == from {
        return None;
    }
    let source = source_in(t, from..end, resolved, registry, sentence, gaz)?;
    let before = trim_joiners(t, 0..at);
    let after = trim_joiners(t, end..t.len());
    let content = if before.len() >= after.len() { before } else { after.clone() };
    // "According to Marca, Mbappe will earn ...": the outlet says it; a speaker of its own in the sentence
    // ("X criticized Y, according to state media") is handled with the other attributions.
    let speaker = Speaker { claimants: vec![source], tokens: from..end };
    Some(Attribution {
        verb: at..end,
        stance: Stance::Asserts,
        speaker,
        reported_by: None,
        according_to: true,
        content,
    })
}

/// The actor named in "according to ...": a name, or a document's owner ("a U.S. State Department readout
/// of the meeting"), or a speaking noun phrase ("state media").
fn source_in(
    t: &Tokens,
    span: Range<usize>,
    resolved: &[(Range<usize>, Option<usize>)],
    registry: &mut Registry,
    sentence: usize,
    gaz: &Gazetteer,
) -> Option<usize> {
    // Cut at a document noun's "of" ("readout of the meeting") so the owner is what precedes it.
    let cut =
        (span.start..span.end).find(|&k| gaz.document_nouns.contains(t.key(k))).map_or(span.end, |k| k + 1);
    let span = span.start..cut;
    if let Some((_, Some(actor))) =
        resolved.iter().find(|(r, a)| r.start >= span.start && r.end <= span.end && a.is_some())
    {
        return Some(*actor);
    }
    let end = if gaz.document_nouns.contains(t.key(span.end - 1)) { span.end - 1 } else { span.end };
    if end <= span.start {
        return None;
    }
    let head = t.key(end - 1);
    let speaking = gaz.people_nouns.contains(head)
        || gaz.organisation_heads.contains(head)
        || gaz.outlet_nouns.find(t, span.start..end).is_some();
    speaking.then(|| phrase_actor(t, span.start..end, registry, sentence, gaz)).flatten()
}

/// The tokens of what the speaker says. A statement before the speaker ("“...,” Kirby said", "..., the White
/// House said Wednesday, citing ...") or after the verb ("said that ...", "said Russia is ..."). When the
/// verb takes an object rather than a clause ("denied any deal"), the verb starts the statement.
fn content(
    t: &Tokens,
    verb: &Range<usize>,
    speaker: &Speaker,
    inside: &[bool],
    gaz: &Gazetteer,
) -> Option<Range<usize>> {
    let verb_key = t.key(verb.start);
    let mut k = verb.end;
    if matches!(verb_key, "told" | "tells") {
        // The audience: "told reporters", "told Reuters".
        while k < t.len() && t.is_word(k) && k < verb.end + 3 && t.key(k) != "that" {
            k += 1;
        }
    }
    // Skip where and when: "in a joint statement on June 24 that", "Wednesday,".
    let mut after_that = false;
    if let Some(that) = (k..t.len().min(k + 14)).find(|&j| t.key(j) == "that" && !inside[j]) {
        let between: Vec<&str> = (k..that).map(|j| t.key(j)).collect();
        let circumstance = between.is_empty()
            || WHEN_OR_WHERE.contains(&between[0])
            || matches!(
                between[0],
                "late" | "early" | "," | "also" | "publicly" | "privately" | "repeatedly" | "previously"
            )
            || gaz.weekdays.contains(between[0]);
        if circumstance {
            k = that + 1;
            after_that = true;
        }
    }
    // "Kim said, “...”", "She added: “...”", "said in a tweet: “...”": the quotation after the verb and
    // where it was said.
    let mark = (k..t.len().min(k + 8)).find(|&j| !t.is_word(j));
    if !after_that
        && let Some(mark) = mark
        && (t.is_punct(mark, ",") || t.is_punct(mark, ":"))
        && t.is_punct(mark + 1, "\"")
        && (mark == k || starts_with_circumstance(t, k..mark, gaz))
    {
        let close = (mark + 2..t.len()).find(|&j| t.is_punct(j, "\"")).unwrap_or(t.len());
        let quotation = trim_joiners(t, mark + 2..close);
        if quotation.clone().any(|j| t.is_word(j)) {
            return Some(quotation);
        }
    }
    // Skip when, right after the verb: "said on Monday, ...", "said Wednesday, ...".
    let mut j = k;
    if !after_that {
        if gaz.weekdays.contains(t.key(j)) {
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
        let day = when_said(t, k, gaz);
        if day > 0 && t.toks.get(k + day).is_some_and(|next| t.is_word(k + day) || next.cap) {
            k += day;
        }
    }
    // "denied any wrongdoing and was acquitted": a second predicate of the speaker is not what was said.
    // Likewise "denied any deal, but the two countries have ...": what follows a verb that takes an object
    // ends at a contrast.
    let second_predicate = (k..t.len()).find(|&j| {
        let predicate = matches!(t.key(j), "and" | "but")
            && matches!(t.key(j + 1), "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will");
        let contrast = !SAYING.contains(&verb_key)
            && t.is_punct(j, ",")
            && matches!(t.key(j + 1), "but" | "while" | "although" | "though" | "whereas");
        (predicate || contrast) && !inside[j]
    });
    // "the assets, which prosecutors said were held in Switzerland, can be recovered": said inside a
    // relative clause, the statement ends with the clause.
    let relative = speaker.tokens.start >= 2
        && matches!(t.key(speaker.tokens.start - 1), "which" | "who" | "whom")
        && t.is_punct(speaker.tokens.start - 2, ",");
    // "After a judge said X, the office appealed": said in a clause that opens the sentence, the statement
    // ends where that clause does, at the last comma.
    let subordinate = speaker.tokens.start > 0
        && matches!(
            t.key(0),
            "after"
                | "when"
                | "before"
                | "although"
                | "though"
                | "while"
                | "because"
                | "since"
                | "once"
                | "until"
        );
    let clause_end = if relative {
        (k..t.len()).find(|&j| t.is_punct(j, ","))
    } else if subordinate {
        (k..t.len()).rev().find(|&j| t.is_punct(j, ",") && !inside[j])
    } else {
        None
    };
    let after = trim_joiners(t, k..clause_end.or(second_predicate).unwrap_or(t.len()));
    let mut attribution_start = speaker.tokens.start.min(verb.start);
    // "“...,” the Treasury Department said": the article belongs to the speaker.
    if attribution_start > 0 && matches!(t.key(attribution_start - 1), "the" | "a" | "an") {
        attribution_start -= 1;
    }
    // "“...,” a Thursday statement from the state health agency said": so does the document it issued.
    if attribution_start >= 2 && t.key(attribution_start - 1) == "from" {
        let document = (attribution_start.saturating_sub(4)..attribution_start - 1)
            .rev()
            .find(|&k| gaz.document_nouns.contains(t.key(k)));
        if let Some(document) = document
            && let Some(article) = (document.saturating_sub(3)..document)
                .rev()
                .find(|&k| matches!(t.key(k), "the" | "a" | "an" | "its" | "their"))
        {
            attribution_start = article;
        }
    }
    let before = trim_joiners(t, 0..attribution_start);
    let before_words = before.clone().filter(|&j| t.is_word(j)).count();
    let after_speaker = attribution_start > 0
        && (t.is_punct(attribution_start - 1, ",") || t.is_punct(attribution_start - 1, "\""));
    let quoted_before = attribution_start >= 2
        && (t.is_punct(attribution_start - 1, "\"") || t.is_punct(attribution_start - 2, "\""));
    let after_is_statement = !after.is_empty() && !ends_attribution(t, after.clone(), gaz);
    let post_posed = !after_that
        && after_speaker
        && (quoted_before
            || (before_words >= 5
                && (!after_is_statement || comma_after_verb || starts_with_participle(t, after.clone()))));
    if post_posed {
        return Some(before);
    }
    if !after_is_statement {
        return (!before.is_empty() && after_speaker).then_some(before);
    }
    let starts_clause = after_that
        || SAYING.contains(&verb_key)
        || t.is_punct(after.start, "\"")
        // A name after a verb of saying starts a clause ("said Russia is ..."); after a verb that takes an
        // object it is the object ("criticised Russia's invasion", "accused Moscow of ...").
        || (t.is_capitalised(after.start)
            && (SAYING.contains(&verb_key) || BARE_SPEECH.contains(&verb_key) || name_then_verb(t, after.clone())))
        || matches!(t.key(after.start), "he" | "she" | "it" | "they" | "we" | "it's" | "there")
        // "said any deal would ...", but "denied any wrongdoing" is the verb's object.
        || (SAYING.contains(&verb_key) && matches!(t.key(after.start), "any" | "both" | "this" | "these"));
    if starts_clause {
        return Some(after);
    }
    if BARE_SPEECH.contains(&verb_key) {
        return None;
    }
    Some(verb.start..after.end)
}

/// How many tokens at `k` say on which day something was said: "Monday", "on Monday", "on March 6",
/// "yesterday", "last week"; 0 if none do.
fn when_said(t: &Tokens, k: usize, gaz: &Gazetteer) -> usize {
    let key = |j: usize| if j < t.len() { t.key(j) } else { "" };
    let digits = |j: usize| j < t.len() && t.raw(j).bytes().all(|b| b.is_ascii_digit());
    match key(k) {
        day if gaz.weekdays.contains(day) || day == "yesterday" => 1,
        "on" if gaz.weekdays.contains(key(k + 1)) => 2,
        "on" if gaz.months.contains_key(key(k + 1)) && digits(k + 2) => 3,
        "last" | "this" if matches!(key(k + 1), "week" | "month") || gaz.weekdays.contains(key(k + 1)) => 2,
        _ => 0,
    }
}

/// Whether `span` opens with a name followed by an auxiliary: a clause ("denied Pyongyang is sending ...",
/// "expect Pyongyang may try ..."), not an object ("accused Moscow of ...").
fn name_then_verb(t: &Tokens, span: Range<usize>) -> bool {
    const AUXILIARIES: &[&str] = &[
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "may", "might", "could", "can",
        "should", "must", "did", "does", "do",
    ];
    let mut k = span.start;
    while k < span.end
        && (t.is_capitalised(k) || (t.key(k) == "and" && k + 1 < span.end && t.is_capitalised(k + 1)))
    {
        k += 1;
    }
    k < span.end && AUXILIARIES.contains(&t.key(k))
}

fn starts_with_participle(t: &Tokens, span: Range<usize>) -> bool {
    let key = t.key(span.start);
    key.ends_with("ing") && t.is_word(span.start)
}

/// Whether the words after a verb only say where, when or to whom it was said.
fn ends_attribution(t: &Tokens, span: Range<usize>, gaz: &Gazetteer) -> bool {
    starts_with_circumstance(t, span.clone(), gaz) && !(span.start..span.end).any(|k| t.key(k) == "that")
}

fn starts_with_circumstance(t: &Tokens, span: Range<usize>, gaz: &Gazetteer) -> bool {
    let first = t.key(span.start);
    WHEN_OR_WHERE.contains(&first)
        || matches!(
            first,
            "to" | "while"
                | "as"
                | "but"
                | "when"
                | "before"
                | "outside"
                | "inside"
                | "near"
                | "from"
                | "later"
        )
        || gaz.weekdays.contains(first)
        || (first == "reporters" || first == "journalists")
}

/// A span without leading or trailing commas, dashes, conjunctions and lone quotes.
fn trim_joiners(t: &Tokens, span: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (span.start, span.end);
    let edge = |k: usize| {
        (t.toks[k].kind == Kind::Punct && matches!(t.key(k), "," | "-" | ";" | ":" | "."))
            || (!t.toks[k].cap && matches!(t.key(k), "while" | "and" | "but" | "whereas" | "as"))
    };
    while start < end && edge(start) {
        start += 1;
    }
    while end > start && edge(end - 1) {
        end -= 1;
    }
    start..end
}

/// The stance a verb gives, sharpened by the words of the statement: a concern is a warning, a "may" in a
/// report an estimate.
fn stance_of(verb: Stance, t: &Tokens, span: Range<usize>, gaz: &Gazetteer) -> Stance {
    if verb != Stance::Asserts {
        return verb;
    }
    let words: Vec<&str> = span.clone().map(|k| t.key(k)).collect();
    if words.iter().any(|w| gaz.warning_words.contains(w)) {
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
fn statement(t: &Tokens, span: Range<usize>) -> String {
    let span = trim_joiners(t, span);
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
    let span = trim_joiners(t, span.start..end);
    let text = plain(t.span(span));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{actors, gazetteer};

    /// Claims of a text of several sentences, as (claimant name, reported-by name, stance, text).
    fn claims(text: &str) -> Vec<(String, Option<String>, Stance, String)> {
        let g = gazetteer::get();
        let sentences: Vec<&str> = text.split('\n').collect();
        let toks: Vec<Tokens> = sentences.iter().map(|s| Tokens::new(s)).collect();
        let mentions: Vec<Vec<Mention>> = toks.iter().map(|t| actors::scan(t, g)).collect();
        let mut registry = Registry::default();
        for (i, (t, m)) in toks.iter().zip(&mentions).enumerate() {
            registry.add_sentence(i, t, m, g);
        }
        registry.finish(g);
        let mut context = Context::default();
        let mut out = Vec::new();
        for (i, (t, m)) in toks.iter().zip(&mentions).enumerate() {
            let actors: Vec<Option<usize>> = m.iter().map(|m| registry.resolve(m, t, g)).collect();
            let found = find(t, m, &actors, &mut registry, &mut context, i, g);
            // What `convert::convert` does after each sentence.
            remember_named(&mut context, &registry, actors.iter().flatten().copied());
            for f in found {
                remember(&mut context, &registry, f.claimant);
                let name = |a: usize| registry.records[a].name.clone();
                out.push((name(f.claimant), f.reported_by.map(name), f.stance, f.text));
            }
        }
        out
    }

    #[test]
    fn a_title_alone_speaks_for_the_one_person_who_holds_it() {
        let found = claims(
            "The army holds the north, the information minister said.\n\
             “We will not negotiate,” Information Minister Lena Okafor told reporters.\n\
             Talks are possible, a senior official said.",
        );
        let speakers: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(speakers, ["Lena Okafor", "Lena Okafor", "Senior official"]);
    }

    #[test]
    fn a_name_after_a_verb_is_its_object_unless_a_verb_follows() {
        let found = claims(
            "Canada accused Norway of breaking the treaty.\n\
             Norway denied Canada was right.\n\
             Ankara opposes the sanctions and has ties with Moscow and Kyiv.\n\
             It has also criticised Russia's invasion.",
        );
        let said: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.3.as_str())).collect();
        assert_eq!(
            said,
            [
                ("Canada", "Accused Norway of breaking the treaty."),
                ("Norway", "Canada was right."),
                ("Turkey", "Criticised Russia's invasion."),
            ]
        );
    }

    #[test]
    fn a_company_by_its_short_name_and_a_person_of_a_firm() {
        let found = claims(
            "Northwind Systems Inc. beat forecasts.\n\
             Northwind said profit rose.\n\
             The Redmond, Wash., company said sales fell.\n\
             It was a rare miss, said Dana Kowalski of Hartley & Co.",
        );
        let speakers: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(speakers, ["Northwind Systems Inc", "Northwind Systems Inc", "Dana Kowalski"]);
    }

    #[test]
    fn a_titled_speaker_after_the_verb() {
        let found = claims(
            "“Several vegetables are suspects,” said Iowa state epidemiologist Ann Lee on Tuesday.\n\
             Officials suspect more illnesses may be connected.",
        );
        let said: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.3.as_str())).collect();
        assert_eq!(
            said,
            [
                ("Ann Lee", "Several vegetables are suspects."),
                ("Officials", "More illnesses may be connected.")
            ]
        );
    }

    #[test]
    fn a_day_between_speaker_and_verb_and_the_newspaper_named_before() {
        let found = claims(
            "China on Monday rejected the allegations.\n\
             As reported by The Sunday Times, a man was arrested.\n\
             According to the newspaper, the man is a researcher.",
        );
        let said: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.3.as_str())).collect();
        assert_eq!(
            said,
            [("China", "Rejected the allegations."), ("The Sunday Times", "The man is a researcher.")]
        );
    }

    #[test]
    fn a_quotation_over_two_sentences_is_its_closing_speakers() {
        let found = claims(
            "Prosecutors say they need the power to appeal.\n\
             \"When the jury says guilty, the appeal goes on.\n\
             When the jury says not guilty, that's the end,\" said District Attorney Jon Berg.\n\
             \"It ties my hands,\" said Altman, who will appeal.\n\
             The judge agreed with the state and sealed the file.\n\
             After a judge said the file may be opened, the office appealed.",
        );
        let said: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.3.as_str())).collect();
        assert_eq!(
            said,
            [
                ("Prosecutors", "They need the power to appeal."),
                ("Jon Berg", "When the jury says not guilty, that's the end."),
                ("Jon Berg", "When the jury says guilty, the appeal goes on."),
                ("Altman", "It ties my hands."),
                ("Judge", "The file may be opened."),
            ]
        );
    }

    #[test]
    fn a_quotation_after_said_and_a_comma() {
        let found = claims(
            "In a rare public statement, Kim Yo-jong said, “The remark was senseless.”\n\
             The minister added: “We will respond.”\n\
             Spokesman Abdul Rahim said in a tweet: “Details will follow.”",
        );
        let texts: Vec<&str> = found.iter().map(|c| c.3.as_str()).collect();
        assert_eq!(texts, ["The remark was senseless.", "We will respond.", "Details will follow."]);
    }

    #[test]
    fn the_short_phrase_is_the_body_described_before() {
        let found = claims(
            "Ukraine's air force said it shot down 42 drones.\n\
             Air defences worked in nine regions, the air force said.",
        );
        let speakers: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(speakers, ["Ukraine's air force", "Ukraine's air force"]);
    }

    #[test]
    fn a_named_body_after_the_statement() {
        let found = claims(
            "At least 22 people were hospitalized, the Centers for Disease Control and Prevention reported.\n\
             “The salad was the cause,” the Department of Health said in a statement.\n\
             “The source is not yet known,” a Thursday statement from the state health agency said.",
        );
        let said: Vec<(&str, &str)> = found.iter().map(|c| (c.0.as_str(), c.3.as_str())).collect();
        assert_eq!(
            said,
            [
                ("Centers for Disease Control and Prevention", "At least 22 people were hospitalized."),
                ("Department of Health", "The salad was the cause."),
                ("State health agency", "The source is not yet known."),
            ]
        );
    }

    #[test]
    fn the_day_it_was_said_is_not_what_was_said() {
        let found = claims(
            "The central bank said Tuesday the economy was slowing.\n\
             Finance Minister Ana Ruiz said on March 6 the budget would be cut.\n\
             Former Vice-President Omar Diallo said on Monday his forces held the capital.",
        );
        let texts: Vec<&str> = found.iter().map(|c| c.3.as_str()).collect();
        assert_eq!(
            texts,
            ["The economy was slowing.", "The budget would be cut.", "His forces held the capital."]
        );
    }

    #[test]
    fn speakers_before_and_after_their_words() {
        let found = claims(
            "U.S. Secretary of State Antony Blinken said Russia is providing “technology and support” – though he did not elaborate.\n\
             “It’s a gunfight,” Blinken said.\n\
             Russia and North Korea have both denied any deal to transfer arms.",
        );
        assert_eq!(
            found[0],
            (
                "Antony Blinken".into(),
                None,
                Stance::Asserts,
                "Russia is providing \"technology and support\".".into()
            )
        );
        assert_eq!(found[1].3, "It's a gunfight.");
        assert_eq!(found[2].0, "Russia");
        assert_eq!(found[3].0, "North Korea");
        assert_eq!(found[3].2, Stance::Denies);
    }

    #[test]
    fn noun_phrases_documents_and_outlets() {
        let found = claims(
            "South Korea’s top spy agency believes North Korea has sent more than a million shells.\n\
             The three Western allies said in a joint statement that ties serve to prolong the war.\n\
             The statement also said that the treaty should be of grave concern.\n\
             The news site Defense Express wrote that Russian troops have been complaining about the shells.\n\
             A top official criticized Washington, according to state media.",
        );
        assert_eq!(found[0].0, "South Korea’s top spy agency");
        assert_eq!(found[0].2, Stance::Estimates);
        assert_eq!(found[1].0, "Three Western allies");
        assert_eq!(found[2].0, "Three Western allies");
        assert_eq!(found[2].2, Stance::Warns);
        assert_eq!(
            found[3],
            (
                "Russian troops".into(),
                Some("Defense Express".into()),
                Stance::Asserts,
                "Russian troops have been complaining about the shells.".into()
            )
        );
        assert_eq!(found[4].0, "Top official");
        assert_eq!(found[4].1.as_deref(), Some("State media"));
    }

    #[test]
    fn according_to_speaks_for_its_own_sentence_only() {
        let found = claims(
            "According to the fire service, more than 400 firefighters were deployed.\n\
             The blaze has burned 10,000 hectares since Saturday.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Fire service");
    }

    #[test]
    fn denials_through_ages_and_appositions() {
        let found = claims(
            "A jury convicted former fund manager Martin Ashdown.\n\
             Ashdown, 58, had denied all 11 charges against him.\n\
             A second defendant, former finance director Paul Reeve, denied any wrongdoing and was acquitted.",
        );
        assert_eq!(found[0].2, Stance::Denies);
        assert_eq!((found[1].0.as_str(), found[1].3.as_str()), ("Paul Reeve", "Denied any wrongdoing."));
    }

    #[test]
    fn pronouns_and_quotations_continue_the_speaker() {
        let found = claims(
            "National Security Council spokesman John Kirby told reporters that talks advance.\n\
             He added a warning to all others.\n\
             “And of course, we’ll take action.”",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "John Kirby");
        assert_eq!(found[1].3, "And of course, we'll take action.");
    }
}
