//! Attribution: who says what. Input: the [`Doc`], the mentions of `names` and the [`Entities`] of
//! `coref`. Output: [`Attributions`], the claims of the article with their speakers, and the unnamed
//! speakers ("a company spokesperson", "people familiar with the matter") that claims need as actors.
//!
//! Every claim hangs on a cue: a verb of saying, denying, warning, urging or estimating used as a verb
//! (not "the reported talks", not passive, not negated), or "according to". Its speaker is on one side:
//! a name or a coordination of names, a pronoun (the person or body it points back to), a description
//! ("the company" = the body so described or named), a document ("the statement said" = whoever issued
//! it; "Labor Department data showed" = the department), or an unnamed speaker's noun phrase. What was
//! said is on the other side: after the verb ("said that ...", "said, “...”", "told reporters on Tuesday
//! ..."), or before the speaker ("“...,” X said", "..., said the company"). A sentence that is only a
//! quotation continues the last speaker; a quotation over several sentences belongs to the speaker who
//! closes it; the text after "X issued the following statement:" is X's.

mod content;
mod speaker;
#[cfg(test)]
mod tests;

use std::ops::Range;

use foldhash::HashMap;

use super::coref::{At, Entities};
use super::doc::{Doc, Sent, Tags, when_said};
use super::lexicon::Lexicon;
use super::names::Mention;
use super::tokens::Kind as TokenKind;
use crate::model::{ActorKind, Stance};
use content::{
    content, interrupted, interrupted_subject, is_finite_use, stance_of, statement, statement_of,
    trim_joiners,
};
use speaker::participle_speaker;

/// Who speaks: an entity of the article, or an unnamed speaker of [`Attributions::unnamed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Speaker {
    Entity(usize),
    Unnamed(usize),
}

/// A speaker named by a noun phrase only ("a company spokesperson", "Health officials").
#[derive(Debug, Clone)]
pub struct Unnamed {
    pub name: String,
    pub kind: ActorKind,
    /// The head noun, singular: speakers with one head are one ("the people" = "people familiar with the
    /// matter", "the person" one of them).
    head: String,
    pub aliases: Vec<String>,
    pub first: At,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub sentence: usize,
    pub speaker: Speaker,
    /// An outlet relaying the speaker ("..., according to state media").
    pub reported_by: Option<Speaker>,
    pub stance: Stance,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Attributions {
    pub claims: Vec<Claim>,
    pub unnamed: Vec<Unnamed>,
}

/// A claim found in one sentence before it is placed.
#[derive(Debug, Clone)]
struct Found {
    speaker: Speaker,
    reported_by: Option<Speaker>,
    stance: Stance,
    text: String,
    /// Said in an earlier sentence (this index): a quotation this sentence names the speaker of.
    earlier: Option<usize>,
}

/// A quotation-only sentence left open, waiting for the next sentence to name its speaker.
#[derive(Debug)]
struct Pending {
    /// Each sentence of the quotation so far: its index, statement and stance.
    said: Vec<(usize, String, Stance)>,
    /// Who spoke before it, if the sentence that closes it names nobody.
    fallback: Vec<Speaker>,
}

/// One cue of a sentence with what it found.
struct Cue {
    verb: Range<usize>,
    stance: Stance,
    speakers: Vec<Speaker>,
    /// Tokens of the speaker's words.
    speaker_tokens: Range<usize>,
    /// Found by "according to": an outlet here relays the sentence's other speakers.
    according_to: bool,
    content: Range<usize>,
    /// The statement's second half when the attribution interrupts it ("X, he said, Y").
    rest: Option<Range<usize>>,
}

/// What the pass remembers from sentence to sentence.
struct Walker<'a> {
    mentions: &'a [Vec<Mention>],
    ents: &'a Entities,
    lex: &'a Lexicon,
    out: Attributions,
    previous: Vec<Speaker>,
    previous_quoted: bool,
    pending: Option<Pending>,
    /// Document nouns ("statement", "report") → who issued the last one mentioned.
    documents: HashMap<String, Speaker>,
    /// "X issued the following statement:": X speaks the sentences after it that name no other speaker.
    issuer: Option<Speaker>,
}

/// The claims of the article.
pub fn find(doc: &Doc, mentions: &[Vec<Mention>], ents: &Entities, lex: &Lexicon) -> Attributions {
    let mut w = Walker {
        mentions,
        ents,
        lex,
        out: Attributions::default(),
        previous: Vec::new(),
        previous_quoted: false,
        pending: None,
        documents: HashMap::default(),
        issuer: None,
    };
    for s in &doc.sents {
        let found = w.sentence(s);
        for f in found {
            let sentence = f.earlier.unwrap_or(s.index);
            let claim = Claim {
                sentence,
                speaker: f.speaker,
                reported_by: f.reported_by,
                stance: f.stance,
                text: f.text,
            };
            if !w.out.claims.contains(&claim) {
                w.out.claims.push(claim);
            }
        }
    }
    if let Some(p) = w.pending.take() {
        for speaker in p.fallback {
            for (sentence, text, stance) in &p.said {
                w.out.claims.push(Claim {
                    sentence: *sentence,
                    speaker,
                    reported_by: None,
                    stance: *stance,
                    text: text.clone(),
                });
            }
        }
    }
    w.out.claims.sort_by_key(|c| c.sentence);
    w.out
}

impl Walker<'_> {
    fn entity_kind(&self, speaker: Speaker) -> ActorKind {
        match speaker {
            Speaker::Entity(e) => self.ents.list[e].actor_kind(),
            Speaker::Unnamed(u) => self.out.unnamed[u].kind,
        }
    }

    fn sentence(&mut self, s: &Sent) -> Vec<Found> {
        let ms = &self.mentions[s.index];
        let t = &s.t;
        let mut cues: Vec<Cue> = Vec::new();
        let mut silent: Vec<Speaker> = Vec::new();
        let mut issued = None;
        let issuing = (0..t.len()).any(|j| t.key(j) == "following");
        let mut k = 0;
        while k < t.len() {
            if s.quoted[k] {
                k += 1;
                continue;
            }
            if t.key(k) == "according" && t.key(k + 1) == "to" {
                if let Some(cue) = self.according_to(s, k) {
                    k = cue.verb.end;
                    cues.push(cue);
                    continue;
                }
                k += 2;
                continue;
            }
            // "X issued the following statement:".
            if issuing
                && let Some((end, _)) = self.lex.issue_verbs.longest_at(t, k)
                && (end..t.len().min(end + 5)).any(|j| t.key(j) == "following")
                && let Some(speaker) = self.speaker_left(s, k, &cues)
            {
                issued = speaker.0.first().copied();
                k = end;
                continue;
            }
            if !(s.has(k, Tags::CUE) || s.has(k, Tags::CUE_PHRASE)) {
                k += 1;
                continue;
            }
            let Some((end, stance)) = self.lex.cues.longest_at(t, k) else {
                k += 1;
                continue;
            };
            let verb = k..end;
            k = end;
            // "42.5 percent announced by the state-run agency": the agent of a passive cue speaks the
            // sentence.
            if let Some(agent) = self.passive_agent(s, verb.clone()) {
                cues.push(Cue {
                    verb: verb.clone(),
                    stance: *stance,
                    speakers: vec![agent.0],
                    speaker_tokens: agent.1,
                    according_to: false,
                    content: trim_joiners(s, 0..t.len()),
                    rest: None,
                });
                continue;
            }
            if !is_finite_use(s, verb.clone(), self.lex) {
                continue;
            }
            let speaker = self
                .pronoun_of_earlier_speaker(s, verb.start, &cues)
                .or_else(|| self.speaker_left(s, verb.start, &cues))
                .or_else(|| self.speaker_right(s, verb.clone()))
                .or_else(|| participle_speaker(s, verb.clone(), &cues, ms, self.ents))
                .or_else(|| self.subject_phrase(s, verb.clone()));
            let Some((speakers, speaker_tokens)) = speaker else { continue };
            // "The bank raised its rate": a decision is a named actor's, never an unnamed phrase's.
            let decision = verb.len() == 1 && self.lex.decisions.contains(t.key(verb.start));
            if decision && speakers.iter().any(|sp| matches!(sp, Speaker::Unnamed(_))) {
                continue;
            }
            let Some(mut content) = content(s, &verb, &speaker_tokens, self.lex) else {
                // "He added a warning." says nothing itself, but a quotation may follow for him.
                silent.extend(speakers);
                continue;
            };
            // "Many of the defendants, calling the trial a farce, had refused": a participle in an aside says
            // only what comes before the aside's closing comma.
            if t.key(verb.start).ends_with("ing")
                && verb.start > 0
                && t.is_punct(verb.start - 1, ",")
                && let Some(close) = (verb.end..content.end).find(|&j| {
                    t.is_punct(j, ",") && (s.has(j + 1, Tags::AUXILIARY) || s.has(j + 1, Tags::VERB))
                })
            {
                content.end = close;
            }
            // "The bank raised its rate", "the ministry pledged to ...": what was done reads with its doer,
            // and with the time between them ("Tarvo on Tuesday reported ...").
            let next_to_verb = speaker_tokens.end == verb.start
                || (speaker_tokens.end < verb.start
                    && when_said(s, speaker_tokens.end, self.lex) == verb.start - speaker_tokens.end);
            if content.start == verb.start && next_to_verb {
                content.start = speaker_tokens.start;
            }
            let mut rest = interrupted(s, &verb, &speaker_tokens, &content, self.lex);
            if rest.is_none()
                && let Some(subject) = interrupted_subject(s, &verb, &speaker_tokens, &content)
            {
                rest = Some(std::mem::replace(&mut content, subject));
            }
            cues.push(Cue {
                verb,
                stance: *stance,
                speakers,
                speaker_tokens,
                according_to: false,
                content,
                rest,
            });
        }
        let has_quote = (0..t.len()).any(|i| t.is_punct(i, "\""));
        let previous_quoted = std::mem::replace(&mut self.previous_quoted, has_quote);
        let pending = self.pending.take();
        let words: Vec<usize> = (0..t.len()).filter(|&i| t.is_word(i)).collect();
        let closes_earlier = s.open_at_start;
        if let Some(issuer) = issued {
            self.issuer = Some(issuer);
            self.previous = vec![issuer];
            return settle(pending, Vec::new(), false);
        }
        if cues.is_empty() {
            let text = statement(s, 0..t.len());
            let stance = stance_of(Stance::Asserts, s, 0..t.len(), self.lex);
            let mut found = Vec::new();
            if s.all_quoted() && !text.is_empty() {
                if s.open_at_end && !previous_quoted && !s.open_at_start {
                    self.pending = Some(Pending {
                        said: vec![(s.index, text, stance)],
                        fallback: self.previous.clone(),
                    });
                } else if s.open_at_end
                    && s.open_at_start
                    && let Some(mut p) = pending
                {
                    // A quotation still open: this sentence waits with the others for its speaker.
                    p.said.push((s.index, text, stance));
                    self.pending = Some(p);
                    return Vec::new();
                } else {
                    found.extend(self.previous.iter().map(|&speaker| Found {
                        speaker,
                        reported_by: None,
                        stance,
                        text: text.clone(),
                        earlier: None,
                    }));
                }
            } else if let Some(issuer) = self.issuer
                && !text.is_empty()
                && !words.is_empty()
            {
                // The issued statement goes on.
                found.push(Found { speaker: issuer, reported_by: None, stance, text, earlier: None });
                silent.push(issuer);
            } else if !text.is_empty()
                && let Some(company) = self.results_of(s)
            {
                found.push(Found {
                    speaker: Speaker::Entity(company),
                    reported_by: None,
                    stance,
                    text,
                    earlier: None,
                });
            }
            // A quotation that goes on keeps its speaker for the next sentence.
            self.previous = if found.is_empty() { silent } else { found.iter().map(|f| f.speaker).collect() };
            return settle(pending, found, false);
        }
        let found = self.place(s, cues);
        let found = settle(pending, found, closes_earlier);
        self.previous = found.iter().filter(|f| f.earlier.is_none()).map(|f| f.speaker).collect();
        if let Some(first) = found.first() {
            for i in 0..t.len() {
                let key = t.key(i);
                if s.has(i, Tags::DOCUMENT) {
                    self.documents.insert(key.trim_end_matches('s').to_string(), first.speaker);
                }
            }
            if self.lex.said_where.find(t, 0..t.len()).is_some() {
                self.documents.insert("statement".into(), first.speaker);
            }
            // "X reported ...": a later "the report said" is X's; likewise statements and announcements.
            for i in (0..t.len()).filter(|&i| s.has(i, Tags::CUE)) {
                let document = match t.key(i) {
                    k if k.starts_with("report") => "report",
                    k if k.starts_with("stat") => "statement",
                    k if k.starts_with("announc") => "announcement",
                    _ => continue,
                };
                self.documents.insert(document.into(), first.speaker);
            }
        }
        found
    }

    /// Turns a sentence's cues into claims: contents cut where the next speaker's words start, outlets
    /// that relay someone else's statement set as `reported_by`, one claim per speaker.
    fn place(&self, s: &Sent, cues: Vec<Cue>) -> Vec<Found> {
        let t = &s.t;
        let mut cut_ends: Vec<usize> = cues.iter().map(|a| a.content.end).collect();
        let mut skip = vec![false; cues.len()];
        for i in 0..cues.len() {
            for next in &cues[i + 1..] {
                let c = &cues[i].content;
                // A verb whose speaker goes on from before ("agreed, but said ...") starts its own words.
                let next_start = if next.speaker_tokens.end <= c.start {
                    next.verb.start
                } else {
                    next.speaker_tokens.start.min(next.verb.start)
                };
                if next_start >= c.start && next_start < c.end {
                    let cut = trim_joiners(s, c.start..next_start);
                    if cut.clone().filter(|&k| t.is_word(k)).count() >= 3 {
                        cut_ends[i] = cut.end;
                    } else if next.speakers == cues[i].speakers {
                        // "Dana Moor agreed, but said it was late": the first verb says nothing of its own.
                        skip[i] = true;
                    }
                    break;
                }
            }
        }
        let mut relayed_by: Vec<Option<Speaker>> = vec![None; cues.len()];
        for i in 0..cues.len() {
            // An outlet that reports someone else's statement ("X reported that police said ...").
            let a = &cues[i];
            let outlet = a.speakers.iter().copied().find(|&c| self.entity_kind(c) == ActorKind::Outlet);
            if let (Some(outlet), Some(next)) = (outlet, cues.get(i + 1))
                && next.speaker_tokens.start >= a.content.start
                && next.speaker_tokens.start <= a.content.start + 1
            {
                skip[i] = true;
                relayed_by[i + 1] = Some(outlet);
                cut_ends[i + 1] = cut_ends[i + 1].max(cut_ends[i]);
            }
        }
        // "X criticized Y, according to state media", "Police said ..., the radio reported": the outlet
        // relays the sentence's other speakers.
        let relay = cues.iter().position(|a| {
            a.speakers.iter().all(|&c| self.entity_kind(c) == ActorKind::Outlet)
                && (a.according_to || a.content.end <= a.speaker_tokens.start)
        });
        if let Some(r) = relay
            && cues.len() > 1
            && cues
                .iter()
                .enumerate()
                .any(|(i, c)| i != r && c.speakers.iter().all(|&x| self.entity_kind(x) != ActorKind::Outlet))
        {
            skip[r] = true;
            let outlet = cues[r].speakers.first().copied();
            for (i, relayed) in relayed_by.iter_mut().enumerate() {
                if i != r && relayed.is_none() {
                    *relayed = outlet;
                }
            }
            // The relayed statement must not run into the outlet's own words.
            for (i, c) in cues.iter().enumerate() {
                let outlet_at = cues[r].speaker_tokens.start.min(cues[r].verb.start);
                if i != r && c.content.start < outlet_at && cut_ends[i] > outlet_at {
                    cut_ends[i] = trim_joiners(s, c.content.start..outlet_at).end;
                }
            }
        }
        let mut found: Vec<Found> = Vec::new();
        for (i, a) in cues.iter().enumerate() {
            if skip[i] {
                continue;
            }
            let content = a.content.start..cut_ends[i].max(a.content.start);
            let rest = a.rest.clone().filter(|_| cut_ends[i] == a.content.end && cues.len() == 1);
            let text = match rest {
                Some(rest) => statement_of(s, &[content.clone(), rest]),
                None => statement(s, content.clone()),
            };
            if text.is_empty() {
                continue;
            }
            let stance = stance_of(
                a.stance,
                s,
                content.start.min(a.verb.start)..content.end.max(a.verb.end),
                self.lex,
            );
            for &speaker in &a.speakers {
                if let Some(same) = found.iter_mut().find(|f| f.speaker == speaker) {
                    // One claim per speaker and sentence: "X said ..., but he added ...".
                    if same.stance == Stance::Asserts {
                        same.stance = stance;
                    }
                    continue;
                }
                found.push(Found {
                    speaker,
                    reported_by: relayed_by[i],
                    stance,
                    text: text.clone(),
                    earlier: None,
                });
            }
        }
        found
    }

    /// "according to X": X speaks; the statement is the rest of the sentence.
    fn according_to(&mut self, s: &Sent, at: usize) -> Option<Cue> {
        let t = &s.t;
        let from = at + 2;
        let mut end = from;
        while end < t.len() && !t.is_punct(end, ",") && !t.is_punct(end, ".") && !t.is_punct(end, ";") {
            end += 1;
        }
        if end == from {
            return None;
        }
        let speaker = self.source_in(s, from..end)?;
        let before = trim_joiners(s, 0..at);
        let after = trim_joiners(s, end..t.len());
        let content = if before.len() >= after.len() { before } else { after };
        Some(Cue {
            verb: at..end,
            stance: Stance::Asserts,
            speakers: vec![speaker],
            speaker_tokens: from..end,
            according_to: true,
            content,
            rest: None,
        })
    }

    /// "Net sales rose 9 per cent to $2.8bn": a company's results, given with a figure and no
    /// speaker, are the company's own: the company the story names most, when the sentence's subject is a
    /// results noun (lexicon table `results_nouns`) and nothing in it is quoted.
    fn results_of(&self, s: &Sent) -> Option<usize> {
        let t = &s.t;
        let subject_end = (s.first_word..t.len())
            .find(|&k| s.has(k, Tags::VERB) || s.has(k, Tags::AUXILIARY) || t.is_punct(k, ","))
            .unwrap_or(t.len());
        let results = (s.first_word..subject_end.min(s.first_word + 4))
            .any(|k| self.lex.results_nouns.contains(t.key(k)));
        let figure = (0..t.len()).any(|k| t.toks[k].kind == TokenKind::Number);
        let quoted = (0..t.len()).any(|k| s.quoted[k]);
        if !results || !figure || quoted {
            return None;
        }
        // The company the story is about: of the bodies known to be companies, the one named most often
        // before here, the first named on a tie (an analyst's firm named in the sentence before is not whose
        // revenue it is); else the one "the company" would point back to.
        let before = |m: &At| *m < (s.index, 0);
        (0..self.ents.list.len())
            .filter(|&e| self.ents.list[e].is_actor() && self.ents.answers_to(e, "company", self.lex))
            .map(|e| (self.ents.list[e].mentions.iter().filter(|m| before(m)).count(), e))
            .filter(|&(n, _)| n > 0)
            .max_by_key(|&(n, e)| (n, std::cmp::Reverse(self.ents.list[e].first())))
            .map(|(_, e)| e)
            .or_else(|| self.ents.description((s.index, 0), "company", self.lex))
    }

    /// The speaker named in "according to ...": a name, a document's owner ("a State Department readout of
    /// the meeting"), a description or an unnamed speaker ("people familiar with the matter").
    fn source_in(&mut self, s: &Sent, span: Range<usize>) -> Option<Speaker> {
        let t = &s.t;
        let ms = &self.mentions[s.index];
        // "According to him": the person who spoke just before; "according to them": those who did.
        if span.len() == 1 && matches!(t.key(span.start), "him" | "her" | "them") {
            let person = t.key(span.start) != "them";
            return self
                .previous
                .iter()
                .copied()
                .find(|&p| !person || self.entity_kind(p) == ActorKind::Person);
        }
        let document = (span.start..span.end).find(|&k| s.has(k, Tags::DOCUMENT));
        // "a news release from EFD", "a statement by the ministry": the document's issuer follows it.
        if let Some(d) = document
            && matches!(t.key(d + 1), "from" | "by")
            && let Some(e) = ms
                .iter()
                .enumerate()
                .filter(|(_, m)| m.tokens.start > d && m.tokens.end <= span.end)
                .find_map(|(i, _)| self.ents.of(s.index, i).filter(|&e| self.ents.list[e].is_actor()))
        {
            return Some(Speaker::Entity(e));
        }
        // Cut at a document noun's "of" ("readout of the meeting"): the owner is what precedes it.
        let cut = document.map_or(span.end, |k| k + 1);
        let span = span.start..cut;
        if let Some(e) = ms
            .iter()
            .enumerate()
            .filter(|(_, m)| m.tokens.start >= span.start && m.tokens.end <= span.end)
            .find_map(|(i, _)| self.ents.of(s.index, i).filter(|&e| self.ents.list[e].is_actor()))
        {
            return Some(Speaker::Entity(e));
        }
        // "the agency", "officials", "people familiar with the matter".
        let head_end = (span.start..span.end)
            .find(|&k| {
                matches!(t.key(k), "familiar" | "who" | "with" | "close")
                    || (k > span.start && s.has(k, Tags::INFLECTED) && !s.has(k, Tags::PEOPLE_NOUN))
            })
            .unwrap_or(span.end);
        self.noun_phrase(s, span.start..head_end, span.end)
    }

    /// The named agent of a cue in the passive: "announced by the YSK", "figures released by the ministry".
    fn passive_agent(&self, s: &Sent, verb: Range<usize>) -> Option<(Speaker, Range<usize>)> {
        let t = &s.t;
        if !t.key(verb.start).ends_with("ed") || t.key(verb.end) != "by" || verb.start == 0 {
            return None;
        }
        let mut at = verb.end + 1;
        while at < t.len() && (s.has(at, Tags::DETERMINER) || (t.toks[at].possessive && t.is_capitalised(at)))
        {
            at += 1;
        }
        let ms = &self.mentions[s.index];
        let (i, m) =
            ms.iter().enumerate().find(|(_, m)| m.tokens.start > verb.end && m.tokens.start <= at + 3)?;
        let e = self.ents.of(s.index, i).filter(|&e| self.ents.list[e].is_actor())?;
        Some((Speaker::Entity(e), m.tokens.clone()))
    }

    /// "X believes ..., which it says ...": a pronoun right before the verb stands for the sentence's
    /// speaker so far, when its kind fits.
    fn pronoun_of_earlier_speaker(
        &self,
        s: &Sent,
        verb_start: usize,
        earlier: &[Cue],
    ) -> Option<(Vec<Speaker>, Range<usize>)> {
        let mut k = verb_start;
        while k > 0 && self.lex.speaker_gap.at(&s.t, k - 1) && s.t.is_word(k - 1) {
            k -= 1;
        }
        let pronoun = k.checked_sub(1)?;
        let person = if s.has(pronoun, Tags::PERSON_PRONOUN) {
            true
        } else if s.has(pronoun, Tags::THING_PRONOUN) {
            false
        } else {
            return None;
        };
        let last = earlier.last()?;
        let [only] = last.speakers.as_slice() else { return None };
        let is_person = self.entity_kind(*only) == ActorKind::Person;
        (is_person == person).then(|| (vec![*only], pronoun..pronoun + 1))
    }
}

/// The claims of a quotation left open over earlier sentences: its speaker is this sentence's first when
/// this sentence closes the quotation, else whoever spoke before it.
fn settle(pending: Option<Pending>, mut found: Vec<Found>, closes_earlier: bool) -> Vec<Found> {
    let Some(Pending { said, fallback }) = pending else { return found };
    let speakers = match found.first() {
        Some(first) if closes_earlier => vec![first.speaker],
        _ => fallback,
    };
    for speaker in speakers {
        for (sentence, text, stance) in &said {
            found.push(Found {
                speaker,
                reported_by: None,
                stance: *stance,
                text: text.clone(),
                earlier: Some(*sentence),
            });
        }
    }
    found
}
