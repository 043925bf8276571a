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

use std::ops::Range;

use foldhash::HashMap;

use super::coref::{At, Entities};
use super::doc::{Doc, Sent, Tags};
use super::lexicon::Lexicon;
use super::names::{Kind, Mention};
use super::tokens::Kind as TokenKind;
use super::{plain, sentence_case};
use crate::model::{ActorKind, Stance};

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
    /// Said in the previous sentence: a quotation this sentence names the speaker of.
    earlier: bool,
}

/// A quotation-only sentence left open, waiting for the next sentence to name its speaker.
#[derive(Debug)]
struct Pending {
    text: String,
    stance: Stance,
    /// Who spoke before it, if the next sentence names nobody.
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
            let sentence = if f.earlier { s.index.saturating_sub(1) } else { s.index };
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
        let last = doc.sents.len().saturating_sub(1);
        for speaker in p.fallback {
            w.out.claims.push(Claim {
                sentence: last,
                speaker,
                reported_by: None,
                stance: p.stance,
                text: p.text.clone(),
            });
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
            // "The bank raised its rate", "the ministry pledged to ...": what was done reads with its doer.
            if content.start == verb.start && speaker_tokens.end == verb.start {
                content.start = speaker_tokens.start;
            }
            let rest = interrupted(s, &verb, &speaker_tokens, &content, self.lex);
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
                    self.pending = Some(Pending { text, stance, fallback: self.previous.clone() });
                } else {
                    found.extend(self.previous.iter().map(|&speaker| Found {
                        speaker,
                        reported_by: None,
                        stance,
                        text: text.clone(),
                        earlier: false,
                    }));
                }
            } else if let Some(issuer) = self.issuer
                && !text.is_empty()
                && !words.is_empty()
            {
                // The issued statement goes on.
                found.push(Found { speaker: issuer, reported_by: None, stance, text, earlier: false });
                silent.push(issuer);
            }
            // A quotation that goes on keeps its speaker for the next sentence.
            self.previous = if found.is_empty() { silent } else { found.iter().map(|f| f.speaker).collect() };
            return settle(pending, found, false);
        }
        let found = self.place(s, cues);
        let found = settle(pending, found, closes_earlier);
        self.previous = found.iter().filter(|f| !f.earlier).map(|f| f.speaker).collect();
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
        for i in 0..cues.len() {
            for next in &cues[i + 1..] {
                let c = &cues[i].content;
                let next_start = next.speaker_tokens.start.min(next.verb.start);
                if next_start > c.start && next_start < c.end {
                    let cut = trim_joiners(s, c.start..next_start);
                    if cut.clone().filter(|&k| t.is_word(k)).count() >= 3 {
                        cut_ends[i] = cut.end;
                    }
                    break;
                }
            }
        }
        let mut skip = vec![false; cues.len()];
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
                    earlier: false,
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

    /// The speaker named in "according to ...": a name, a document's owner ("a State Department readout of
    /// the meeting"), a description or an unnamed speaker ("people familiar with the matter").
    fn source_in(&mut self, s: &Sent, span: Range<usize>) -> Option<Speaker> {
        let t = &s.t;
        // Cut at a document noun's "of" ("readout of the meeting"): the owner is what precedes it.
        let cut = (span.start..span.end).find(|&k| s.has(k, Tags::DOCUMENT)).map_or(span.end, |k| k + 1);
        let span = span.start..cut;
        let ms = &self.mentions[s.index];
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

    /// The speaker left of a verb: a name or a coordination of names, a pronoun, a description, a
    /// document, or an unnamed speaker's noun phrase.
    fn speaker_left(
        &mut self,
        s: &Sent,
        verb_start: usize,
        earlier: &[Cue],
    ) -> Option<(Vec<Speaker>, Range<usize>)> {
        let t = &s.t;
        let lex = self.lex;
        let mut k = verb_start;
        // Auxiliaries, adverbs and days: "has previously accused", "on Monday rejected".
        loop {
            if k == 0 {
                break;
            }
            let key = t.key(k - 1);
            let adverb = key.ends_with("ly") && key.len() > 3 && t.is_word(k - 1) && !t.toks[k - 1].cap;
            let day = (1..=3).rev().find(|&n| k >= n && when_said(s, k - n, lex) == n);
            if let Some(n) = day {
                k -= n;
            } else if lex.speaker_gap.at(t, k - 1) && t.is_word(k - 1) || adverb {
                k -= 1;
            } else {
                break;
            }
        }
        // "..., to argue that", "appeared to confirm": the speaker is named before the infinitive.
        if k > 0 && t.key(k - 1) == "to" {
            k -= 1;
            if k > 0
                && matches!(t.key(k - 1), "appeared" | "appears" | "appear" | "seemed" | "seems" | "seem")
            {
                k -= 1;
            }
            if k > 0 && t.is_punct(k - 1, ",") {
                k -= 1;
            }
        }
        // "Russia once supported them, but has since implied ...": the clause's subject is the sentence's.
        if k > 0 && matches!(t.key(k - 1), "but" | "and") {
            // The first name that acts, usually the subject ("the United States, a major ally, expressed
            // surprise and urged ..."), or an earlier cue's speaker.
            let ms = &self.mentions[s.index];
            if let Some((i, m)) = ms.iter().enumerate().find(|(i, m)| {
                m.tokens.end < k
                    && m.acts
                    && self.ents.of(s.index, *i).is_some_and(|e| self.ents.list[e].is_actor())
            }) && let Some(e) = self.ents.of(s.index, i)
            {
                return Some((vec![Speaker::Entity(e)], m.tokens.clone()));
            }
            if let Some(last) = earlier.last() {
                return Some((last.speakers.clone(), last.speaker_tokens.clone()));
            }
        }
        // An age: "Ashdown, 58, had denied".
        if k >= 3
            && t.is_punct(k - 1, ",")
            && t.toks[k - 2].kind == TokenKind::Number
            && t.is_punct(k - 3, ",")
        {
            k -= 3;
        }
        // An apposition: "Pak Jong Chon, one of North Korea's top military officials, said" — unless the
        // apposition ends with the name itself ("A second defendant, former director Paul Reeve, denied").
        let ms = &self.mentions[s.index];
        // Asides between commas before the verb, peeled one by one: an apposition that names the speaker
        // ("A second defendant, former director Paul Reeve, denied"), one that describes them ("Pak Jong
        // Chon, one of North Korea's top military officials, said"; "Cheong In-kyo, trade minister of South
        // Korea, a major steel producer, said"), a relative clause, a place or time ("X, in his latest
        // statement, confirmed"), adverbs ("China, ..., meanwhile, accused").
        // `close` is the comma that would end an aside; after one is peeled, its opening comma may end
        // another.
        // A name inside a phrase of another head ("the vice director of the Ministry of Defence issued",
        // "finance minister of Tarvo"): not the speaker itself.
        let in_phrase = |m: &Mention| {
            let mut j = m.role_start.min(m.tokens.start);
            while j > 0 && s.has(j - 1, Tags::DETERMINER) {
                j -= 1;
            }
            j >= 2
                && matches!(t.key(j - 1), "of" | "for" | "from" | "at")
                && t.is_word(j - 2)
                && !s.has(j - 2, Tags::VERB)
                && !s.has(j - 2, Tags::CUE)
        };
        let mut close = k.checked_sub(1).filter(|&c| t.is_punct(c, ","));
        let mut peeled = 0;
        for _ in 0..3 {
            let Some(c) = close else { break };
            k = c + 1;
            // After an aside, a name ending at its opening comma is the speaker ("the Bureau of Labor
            // Statistics, a unit within the Labor Department, said").
            if peeled > 0
                && ms.iter().enumerate().any(|(i, m)| {
                    m.tokens.end == c
                        && !in_phrase(m)
                        && self.ents.of(s.index, i).is_some_and(|e| {
                            let ent = &self.ents.list[e];
                            ent.is_actor() || matches!(ent.kind, Kind::Person | Kind::Single | Kind::Unknown)
                        })
                })
            {
                break;
            }
            let named_in_apposition = ms.iter().enumerate().any(|(i, m)| {
                let person = self.ents.of(s.index, i).is_some_and(|e| self.ents.list[e].kind == Kind::Person);
                let open = (k.saturating_sub(16)..m.tokens.start).rev().find(|&j| t.is_punct(j, ","));
                // ", of Dunmore," is where someone comes from, not who.
                let titled = open
                    .is_some_and(|open| !s.has(open + 1, Tags::PREPOSITION) && t.key(open + 1) != "of")
                    && open.is_some_and(|open| {
                        (open + 1..m.tokens.start).all(|j| {
                            !s.has(j, Tags::RELATIVE)
                                && !s.has(j, Tags::CUE)
                                && (!s.has(j, Tags::VERB) || s.has(j, Tags::TITLE))
                                && !t.key(j).ends_with("ed")
                                && t.key(j) != "by"
                        })
                    });
                m.tokens.end == k - 1 && person && titled
            });
            if named_in_apposition {
                k -= 1;
                close = None;
                break;
            }
            let Some(open) = (k.saturating_sub(18)..k - 1).rev().find(|&j| t.is_punct(j, ",")) else { break };
            let inner = open + 1..k - 1;
            let describes = inner.clone().any(|j| {
                s.has(j, Tags::TITLE)
                    || s.has(j, Tags::PEOPLE_NOUN)
                    || s.has(j, Tags::BODY_NOUN)
                    || s.has(j, Tags::PROFESSION)
            }) && !inner.clone().any(|j| s.has(j, Tags::CUE) || s.has(j, Tags::AUXILIARY));
            let relative = s.has(open + 1, Tags::RELATIVE) && ms.iter().any(|m| m.tokens.end == open);
            let circumstance = (s.has(open + 1, Tags::PREPOSITION) || lex.said_where.at(t, open + 1))
                && !inner.clone().any(|j| s.has(j, Tags::VERB) && !s.has(j, Tags::DOCUMENT));
            let adverbs = inner.clone().all(|j| lex.speaker_gap.at(t, j) || t.key(j).ends_with("ly"));
            // "Tolvik, 31, of Dunmore, told": an age, a home town.
            let age = inner.len() == 1 && t.toks[inner.start].kind == TokenKind::Number;
            let home =
                t.key(open + 1) == "of" && inner.len() <= 5 && (open + 2..k - 1).all(|j| t.toks[j].cap);
            // ", the largest grain exporter,": a noun phrase in apposition, with no verb.
            let noun_phrase = s.has(open + 1, Tags::DETERMINER)
                && !inner.clone().any(|j| {
                    s.has(j, Tags::CUE)
                        || s.has(j, Tags::AUXILIARY)
                        || s.has(j, Tags::INFLECTED)
                        || s.has(j, Tags::RELATIVE)
                });
            if !(describes || relative || circumstance || adverbs || noun_phrase || age || home)
                || inner.is_empty()
            {
                break;
            }
            k = open;
            close = Some(open);
            peeled += 1;
        }
        // After an aside, the speaker ends before the comma the loop stopped at; with none peeled, a comma
        // right before the verb means no speaker stands there (", saying ...").
        if peeled > 0 && close.is_some_and(|c| c + 1 == k) {
            k -= 1;
        }
        // A bracketed short form before the verb: "the Rason Special Economic Zone (SEZ) found".
        if k >= 3 && t.is_punct(k - 1, ")") && t.is_punct(k - 3, "(") {
            k -= 3;
        }
        if k == 0 || !t.is_word(k - 1) {
            return None;
        }
        let last = k - 1;
        let at = (s.index, last);
        if s.has(last, Tags::PERSON_PRONOUN) && !t.toks[last].cap || matches!(t.key(last), "he" | "she") {
            // The person who spoke in the sentence before, else the person last named.
            let spoke = self.previous.iter().copied().find(|&p| self.entity_kind(p) == ActorKind::Person);
            let named_since = spoke.and_then(|p| match p {
                Speaker::Entity(e) => Some(e),
                Speaker::Unnamed(_) => None,
            });
            let last_named = self.ents.person_before(at);
            // A person named in this sentence before the pronoun comes first ("Kim met Ito and he said").
            let in_sentence = last_named
                .filter(|&p| self.ents.list[p].mentions.iter().any(|m| m.0 == s.index && m.1 < last));
            let who = match (in_sentence, spoke) {
                (Some(p), _) => Speaker::Entity(p),
                (None, Some(sp)) => sp,
                (None, None) => Speaker::Entity(last_named?),
            };
            let _ = named_since;
            return Some((vec![who], last..k));
        }
        if t.key(last) == "it" {
            let who = self.ents.thing_before(at)?;
            return Some((vec![Speaker::Entity(who)], last..k));
        }
        if matches!(t.key(last), "we" | "they") {
            // "we" inside an issued statement is its issuer; "they" the speakers just before.
            let who = if t.key(last) == "we" { self.issuer } else { None };
            let who = who.or_else(|| earlier.last().and_then(|c| c.speakers.first().copied()));
            let who = who.or_else(|| self.previous.first().copied())?;
            return Some((vec![who], last..k));
        }
        // "Ilaria Kovač, the agency's researcher said", "Abdul Rahim, the head of the agency's data,
        // communications and information centre said": an apposition left open speaks for the name before
        // it, when it starts with a title or ends with one and holds no verb.
        if let Some(p) = ms
            .iter()
            .rposition(|m| m.tokens.end + 1 < k && t.is_punct(m.tokens.end, ",") && k - m.tokens.end <= 20)
            && let Some(e) = self.ents.of(s.index, p)
            && self.ents.list[e].kind == Kind::Person
        {
            let comma = ms[p].tokens.end;
            let mut first = comma + 1;
            while s.has(first, Tags::DETERMINER) {
                first += 1;
            }
            let titled =
                s.has(first, Tags::TITLE) || s.has(k - 1, Tags::TITLE) || s.has(k - 1, Tags::PROFESSION);
            let clause = (comma + 1..k).any(|j| {
                s.has(j, Tags::CUE)
                    || s.has(j, Tags::AUXILIARY)
                    || (s.has(j, Tags::INFLECTED) && !s.has(j, Tags::TITLE))
            });
            let plain_words = (comma + 1..k).all(|j| t.is_word(j) || matches!(t.key(j), "'" | "-" | ","));
            if titled && !clause && plain_words {
                return Some((vec![Speaker::Entity(e)], ms[p].tokens.start..k));
            }
        }
        if let Some(m) = ms.iter().position(|m| m.tokens.end == k && !in_phrase(m)) {
            if let Some(author) = self.document_author(s, ms[m].tokens.start) {
                return Some(author);
            }
            if let Some(e) = self.ents.of(s.index, m)
                && (self.ents.list[e].kind != Kind::Place || self.ents.list[e].is_actor())
            {
                return Some(self.coordination(s, m));
            }
        }
        self.noun_phrase_left(s, k)
    }

    /// A speaker made of names joined by "and" and commas: each speaks ("Kyiv and Washington have said").
    fn coordination(&mut self, s: &Sent, m: usize) -> (Vec<Speaker>, Range<usize>) {
        let ms = &self.mentions[s.index];
        let t = &s.t;
        let mut members = vec![m];
        let mut start = ms[m].tokens.start;
        let mut j = m;
        while j > 0 {
            let prev = &ms[j - 1];
            let between: Vec<&str> = (prev.tokens.end..start).map(|k| t.key(k)).collect();
            let joined = matches!(between.as_slice(), ["and"] | [","] | [",", "and"]);
            if !joined || self.ents.of(s.index, j - 1).is_none() {
                break;
            }
            members.push(j - 1);
            start = prev.tokens.start;
            j -= 1;
        }
        members.reverse();
        if start > 0 && t.key(start - 1) == "both" {
            start -= 1;
        }
        let start = start.min(ms[m].role_start);
        let tokens = start..ms[m].tokens.end;
        // Three or more are one group ("The United States, South Korea and Japan").
        if members.len() >= 3 {
            let name = t.span(tokens.clone());
            let name = name.strip_prefix("Both ").or_else(|| name.strip_prefix("both ")).unwrap_or(name);
            let group = self.group(name, members.len(), (s.index, start));
            return (vec![Speaker::Unnamed(group)], tokens);
        }
        let speakers =
            members.iter().filter_map(|&i| self.ents.of(s.index, i)).map(Speaker::Entity).collect();
        (speakers, tokens)
    }

    /// A group of named actors speaking together, met before or new.
    fn group(&mut self, name: &str, members: usize, at: At) -> usize {
        let name = plain(name);
        if let Some(i) = self.out.unnamed.iter().position(|u| u.name == name) {
            return i;
        }
        self.out.unnamed.push(Unnamed {
            name,
            kind: ActorKind::Group,
            head: format!("group of {members}"),
            aliases: Vec::new(),
            first: at,
        });
        self.out.unnamed.len() - 1
    }

    /// A noun phrase ending at token `end` that speaks: "Some analysts", "the company", "a T-Mobile
    /// representative", "an official from China's civil affairs ministry", "Labor Department data",
    /// "the statement".
    fn noun_phrase_left(&mut self, s: &Sent, end: usize) -> Option<(Vec<Speaker>, Range<usize>)> {
        let t = &s.t;
        let mut start = end;
        while start > 0 && end - start < 28 {
            let j = start - 1;
            let tok = &t.toks[j];
            let key = t.key(j);
            if tok.kind == TokenKind::Punct {
                let hyphen = key == "-" && j > 0 && tok.range.start == t.toks[j - 1].range.end;
                if hyphen || key == "'" {
                    start = j;
                    continue;
                }
                break;
            }
            if s.has(j, Tags::DETERMINER) && !s.has(j, Tags::PEOPLE_NOUN) {
                start = j;
                // "the team of researchers at the Oryx blog": a prepositional phrase inside the phrase.
                if j >= 2 && matches!(t.key(j - 1), "of" | "at" | "from" | "for" | "with") && end - j < 26 {
                    continue;
                }
                break;
            }
            let document_head = j + 1 == end && s.has(j, Tags::DOCUMENT);
            let inner_preposition =
                matches!(key, "of" | "from" | "at" | "for" | "in") && j > 0 && start < end;
            let number = s.has(j, Tags::NUMBER) && !tok.cap;
            // "the Vienna-based agency", "a state-owned lender": a compound modifier.
            let compound = j > 0 && t.is_punct(j - 1, "-") && t.toks[j - 1].range.end == tok.range.start;
            if (s.has(j, Tags::STOP) && !inner_preposition && !s.has(j, Tags::PERSON_PRONOUN) && !number)
                || (s.has(j, Tags::CUE) && !document_head && !s.has(j, Tags::DOCUMENT))
                || s.has(j, Tags::AUXILIARY)
                || (s.has(j, Tags::INFLECTED)
                    && !tok.cap
                    && !s.has(j, Tags::PEOPLE_NOUN)
                    && !s.has(j, Tags::TITLE)
                    && !compound)
            {
                break;
            }
            start = j;
        }
        // A phrase cannot start with a preposition.
        while start < end && matches!(t.key(start), "of" | "from" | "at" | "for" | "in") {
            start += 1;
        }
        if start == end {
            return None;
        }
        let speaker = self.noun_phrase(s, start..end, end)?;
        // "rights groups and some donor governments criticised": each phrase speaks.
        let mut speakers = vec![speaker];
        let mut first = start;
        if start >= 2
            && t.key(start - 1) == "and"
            && !t.toks[start - 1].cap
            && let Some((more, tokens)) = self.noun_phrase_left(s, start - 1)
        {
            speakers.splice(0..0, more);
            first = tokens.start;
        }
        Some((speakers, first..end))
    }

    /// The speaker a noun phrase names: `head_span` ends with its head (or holds it before a
    /// prepositional phrase), `span_end` ends the whole phrase.
    fn noun_phrase(&mut self, s: &Sent, head_span: Range<usize>, span_end: usize) -> Option<Speaker> {
        let t = &s.t;
        let lex = self.lex;
        if head_span.is_empty() {
            return None;
        }
        // The head: the last noun before a preposition ("people familiar with the matter"), else the
        // phrase's last word.
        let head = (head_span.start + 1..head_span.end)
            .find(|&k| {
                matches!(t.key(k), "of" | "from" | "at" | "with" | "in" | "for" | "familiar" | "close")
            })
            .map_or(head_span.end, |k| k)
            .checked_sub(1)?;
        if head < head_span.start || !t.is_word(head) {
            return None;
        }
        let head_key = t.key(head);
        let ms = &self.mentions[s.index];
        let inside = |m: &Mention| m.tokens.start >= head_span.start && m.tokens.end <= span_end;
        // A document: its owner speaks ("Labor Department data", "Ember's annual review"), or whoever
        // issued the last one ("the statement").
        if s.has(head, Tags::DOCUMENT) || ms.iter().any(|m| inside(m) && m.kind == Kind::Thing) {
            let owner = ms
                .iter()
                .enumerate()
                .filter(|(_, m)| inside(m) && m.tokens.end <= head + 1)
                .find_map(|(i, _)| self.ents.of(s.index, i).filter(|&e| self.ents.list[e].is_actor()));
            if let Some(owner) = owner {
                return Some(Speaker::Entity(owner));
            }
            if s.has(head, Tags::DOCUMENT) {
                if let Some(&issuer) = self.documents.get(head_key.trim_end_matches('s')) {
                    return Some(issuer);
                }
                // "South Korean intelligence reports": the phrase without its document noun speaks.
                let owner = head_span.start..head;
                let owned = owner.clone().any(|k| t.is_word(k) && !s.has(k, Tags::DETERMINER));
                return if owned && head + 1 == span_end { self.noun_phrase(s, owner, head) } else { None };
            }
        }
        // "the three allies": the group of that many named before.
        if let Some(n) = (head_span.start..head).find_map(|k| number_word(t.key(k)))
            && let Some(g) = self.out.unnamed.iter().position(|u| u.head == format!("group of {n}"))
        {
            return Some(Speaker::Unnamed(g));
        }
        // "South Korea's military", "China's civil affairs ministry": a state's body named by the phrase.
        let state_owned = ms.iter().enumerate().any(|(i, m)| {
            inside(m)
                && t.toks[m.tokens.end - 1].possessive
                && self.ents.of(s.index, i).is_some_and(|e| self.ents.list[e].kind == Kind::State)
        });
        if state_owned
            && (s.has(head, Tags::ORG_HEAD) || s.has(head, Tags::BODY_NOUN))
            && !s.has(head, Tags::PEOPLE_NOUN)
        {
            let start =
                (head_span.start..head).find(|&k| !s.has(k, Tags::DETERMINER)).unwrap_or(head_span.start);
            let name = t.span(start..head + 1).to_string();
            return Some(Speaker::Unnamed(self.unnamed(
                &name,
                format!("body {}", name.to_lowercase()),
                ActorKind::Organisation,
                (s.index, start),
            )));
        }
        // "a top North Korean military official": the one person whose role holds that head and those words.
        let article = matches!(t.key(head_span.start), "a" | "an" | "the");
        let singular =
            !head_key.ends_with('s') && !matches!(head_key, "police" | "people" | "staff" | "personnel");
        if article && singular && (s.has(head, Tags::TITLE) || s.has(head, Tags::PEOPLE_NOUN)) {
            let words: Vec<String> = (head_span.start..head)
                .filter(|&k| t.is_word(k) && !s.has(k, Tags::DETERMINER) && !s.has(k, Tags::STOP))
                .map(|k| t.key(k).to_string())
                .collect();
            let holds = |role: &str| {
                let role = crate::actors::normalize_name(role);
                let role_words: Vec<&str> = role.split(' ').collect();
                role_words.iter().any(|w| *w == head_key || Lexicon::singular(w).as_deref() == Some(head_key))
                    && words.iter().filter(|w| role_words.contains(&w.as_str())).count() * 2 >= words.len()
            };
            let people: Vec<usize> = self
                .ents
                .list
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == Kind::Person && e.role.as_deref().is_some_and(holds))
                .map(|(i, _)| i)
                .collect();
            if let [only] = people.as_slice() {
                return Some(Speaker::Entity(*only));
            }
        }
        // "the Oryx blog", "CNN Türk news", "the team at Acme Corp": a body named inside speaks for the phrase,
        // unless the head is a person of it ("a T-Mobile representative" stays that person).
        let people_head =
            s.has(head, Tags::PEOPLE_NOUN) || s.has(head, Tags::TITLE) || s.has(head, Tags::PROFESSION);
        if !people_head
            && let Some(e) = ms.iter().enumerate().filter(|(_, m)| inside(m)).find_map(|(i, m)| {
                // A person's camp, team or office speaks for the person ("Mr Lekic's camp said").
                let owned_by_person = t.toks[m.tokens.end - 1].possessive && s.has(head, Tags::BODY_NOUN);
                self.ents.of(s.index, i).filter(|&e| {
                    self.ents.list[e].is_actor()
                        && (self.ents.list[e].kind != Kind::Person || owned_by_person)
                })
            })
        {
            return Some(Speaker::Entity(e));
        }
        let speaking = s.has(head, Tags::PEOPLE_NOUN)
            || s.has(head, Tags::TITLE)
            || s.has(head, Tags::PROFESSION)
            || s.has(head, Tags::BODY_NOUN)
            || s.has(head, Tags::ORG_HEAD)
            || lex.outlet_nouns.find(t, head_span.clone()).is_some();
        if !speaking {
            return None;
        }
        let definite = matches!(t.key(head_span.start), "the" | "this" | "its" | "their");
        // "the company", "the agency", "the carrier": the body so described or named.
        if definite
            && (s.has(head, Tags::BODY_NOUN) || s.has(head, Tags::ORG_HEAD))
            && head + 1 == span_end
            && let Some(e) = self.ents.description((s.index, head_span.start), head_key, lex)
        {
            return Some(Speaker::Entity(e));
        }
        // "the information minister": the one person the article names with that title.
        if definite && s.has(head, Tags::TITLE) && head + 1 == span_end {
            let written = t.span(head_span.start + 1..span_end).to_lowercase();
            let titled: Vec<usize> = self
                .ents
                .list
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.kind == Kind::Person
                        && e.role.as_ref().is_some_and(|r| r.to_lowercase().ends_with(&written))
                })
                .map(|(i, _)| i)
                .collect();
            if let [only] = titled.as_slice() {
                return Some(Speaker::Entity(*only));
            }
        }
        // "the newspaper": the one outlet the article names.
        if definite && lex.outlet_nouns.find(t, head_span.clone()).is_some() {
            let outlets: Vec<usize> = self
                .ents
                .list
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == Kind::Outlet)
                .map(|(i, _)| i)
                .collect();
            if let [only] = outlets.as_slice() {
                return Some(Speaker::Entity(*only));
            }
        }
        // An unnamed speaker, named by its phrase; a body noun inside that points back to a named body
        // names it ("a company spokesperson" after Kroger: "Kroger spokesperson").
        // The name keeps quantifiers ("Some analysts") but not articles ("a", "the", "one of the").
        let mut start = head_span.start;
        while start < head
            && (matches!(t.key(start), "a" | "an" | "the" | "one" | "this" | "that")
                || (t.key(start) == "of" && start > head_span.start))
        {
            start += 1;
        }
        if start < head && t.key(start) == "of" {
            start += 1;
            while start < head && s.has(start, Tags::DETERMINER) {
                start += 1;
            }
        }
        // The phrase without a relative clause: "analysts who scrutinize photos" is named "analysts".
        let name_end = (head + 1..span_end)
            .find(|&k| s.has(k, Tags::RELATIVE) || t.is_punct(k, ","))
            .unwrap_or(span_end);
        let mut name = t.span(start..name_end).trim_end_matches(',').to_string();
        if start < head
            && s.has(start, Tags::BODY_NOUN)
            && !t.toks[start].cap
            && let Some(e) = self.ents.description((s.index, start), t.key(start), lex)
        {
            name = format!("{} {}", self.ents.list[e].name, t.span(start + 1..span_end));
        }
        let singular = Lexicon::singular(head_key).unwrap_or_else(|| head_key.to_string());
        let head_lemma = if head_key == "people" { "person".to_string() } else { singular };
        let plural = head_key.ends_with('s') || head_key == "people" || head_key == "police";
        let kind =
            if s.has(head, Tags::PEOPLE_NOUN) || s.has(head, Tags::TITLE) || s.has(head, Tags::PROFESSION) {
                if plural { ActorKind::Group } else { ActorKind::Person }
            } else if lex.outlet_nouns.find(t, head_span.clone()).is_some() {
                ActorKind::Outlet
            } else {
                ActorKind::Organisation
            };
        Some(Speaker::Unnamed(self.unnamed(&name, head_lemma, kind, (s.index, start))))
    }

    /// "Families of victims have questioned ..., calling for ...": a participle with no named subject
    /// speaks for the phrase that opens the sentence, up to its first verb.
    fn subject_phrase(&mut self, s: &Sent, verb: Range<usize>) -> Option<(Vec<Speaker>, Range<usize>)> {
        let t = &s.t;
        if !t.key(verb.start).ends_with("ing") || verb.start == 0 || !t.is_punct(verb.start - 1, ",") {
            return None;
        }
        let first = s.first_word;
        let end = (first + 1..verb.start).find(|&k| {
            s.has(k, Tags::AUXILIARY)
                || s.has(k, Tags::INFLECTED)
                || s.has(k, Tags::CUE)
                || t.is_punct(k, ",")
        })?;
        let speaker = self.noun_phrase(s, first..end, end)?;
        Some((vec![speaker], first..end))
    }

    /// The unnamed speaker of that head noun met before, or a new one.
    fn unnamed(&mut self, written: &str, head: String, kind: ActorKind, at: At) -> usize {
        let written = plain(written);
        let name = sentence_case(written.trim());
        if let Some(i) = self.out.unnamed.iter().position(|u| u.head == head) {
            let u = &mut self.out.unnamed[i];
            // The fuller phrase names it: "people familiar with the matter" over "the people".
            if name.split_whitespace().count() > u.name.split_whitespace().count() {
                let old = std::mem::replace(&mut u.name, name);
                if !u.aliases.contains(&old) {
                    u.aliases.push(old);
                }
            } else if name != u.name && !u.aliases.contains(&name) {
                u.aliases.push(name);
            }
            return i;
        }
        self.out.unnamed.push(Unnamed { name, kind, head, aliases: Vec::new(), first: at });
        self.out.unnamed.len() - 1
    }

    /// "a report by the World Bank found" (the name after "by") and "A Reuters investigation into X found"
    /// (the name before the document): the document's author speaks.
    fn document_author(&self, s: &Sent, name_start: usize) -> Option<(Vec<Speaker>, Range<usize>)> {
        let t = &s.t;
        let ms = &self.mentions[s.index];
        let mut k = name_start;
        if k > 0 && t.toks[k - 1].possessive {
            k -= 1;
            while k > 0 && t.is_capitalised(k - 1) {
                k -= 1;
            }
        }
        while k > 0 && s.has(k - 1, Tags::DETERMINER) {
            k -= 1;
        }
        let preposition = k.checked_sub(1)?;
        let document = preposition.checked_sub(1)?;
        if !s.has(document, Tags::DOCUMENT) {
            return None;
        }
        match t.key(preposition) {
            "by" | "from" => {
                let i = ms.iter().position(|m| m.tokens.start == name_start)?;
                let e = self.ents.of(s.index, i)?;
                Some((vec![Speaker::Entity(e)], document..name_start))
            }
            "into" | "on" | "about" | "of" => {
                let i = ms.iter().rposition(|m| m.tokens.end == document)?;
                let e = self.ents.of(s.index, i)?;
                Some((vec![Speaker::Entity(e)], ms[i].tokens.start..document + 1))
            }
            _ => None,
        }
    }

    /// The speaker after the verb, in an inversion after the statement: "“...,” said Kirby.", "..., said
    /// the company.", "..., added the paper". The verb follows a comma or a closing quote.
    fn speaker_right(&mut self, s: &Sent, verb: Range<usize>) -> Option<(Vec<Speaker>, Range<usize>)> {
        let t = &s.t;
        let after_statement =
            verb.start > 0 && (t.is_punct(verb.start - 1, ",") || t.is_punct(verb.start - 1, "\""));
        let verb_key = t.key(verb.start);
        // Only verbs of saying invert ("..., said Kirby"); "accused the United States of" has an object.
        if !after_statement || verb_key.ends_with("ing") || !(saying_verb(verb_key) || bare_speech(verb_key))
        {
            return None;
        }
        let ms = &self.mentions[s.index];
        let at = ms.iter().position(|m| m.role_start == verb.end && m.kind == Kind::Person).or_else(|| {
            ms.iter().position(|m| {
                m.tokens.start == verb.end || (m.tokens.start == verb.end + 1 && t.key(verb.end) == "the")
            })
        });
        if let Some(at) = at {
            let range = ms[at].tokens.clone();
            let ends = range.end >= t.len()
                || t.toks[range.end].kind == TokenKind::Punct
                || matches!(
                    t.key(range.end),
                    "of" | "at" | "from" | "with" | "on" | "in" | "during" | "last" | "this"
                );
            let e = self.ents.of(s.index, at)?;
            return (ends && self.ents.list[e].kind != Kind::Place)
                .then(|| (vec![Speaker::Entity(e)], range));
        }
        // "..., said the company", "..., said a spokesperson for the agency".
        let start = verb.end;
        if !s.has(start, Tags::DETERMINER) && !s.has(start, Tags::PEOPLE_NOUN) {
            return None;
        }
        let end = (start..t.len())
            .find(|&k| t.toks[k].kind == TokenKind::Punct || s.has(k, Tags::RELATIVE))
            .unwrap_or(t.len());
        let head_end = (start + 1..end).find(|&k| matches!(t.key(k), "familiar" | "close")).unwrap_or(end);
        let speaker = self.noun_phrase(s, start..head_end, end)?;
        Some((vec![speaker], start..end))
    }
}

/// The value of a small number word ("three" → 3).
fn number_word(word: &str) -> Option<usize> {
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        .iter()
        .position(|w| *w == word)
        .map(|i| i + 2)
}

/// "..., saying that ...", "..., revealing that ...": a participle speaks for the sentence's subject.
fn participle_speaker(
    s: &Sent,
    verb: Range<usize>,
    earlier: &[Cue],
    ms: &[Mention],
    ents: &Entities,
) -> Option<(Vec<Speaker>, Range<usize>)> {
    let t = &s.t;
    if !t.key(verb.start).ends_with("ing") || verb.start == 0 || !t.is_punct(verb.start - 1, ",") {
        return None;
    }
    if let Some(last) = earlier.last() {
        return Some((last.speakers.clone(), verb));
    }
    // The sentence's subject: its first name that acts ("United boss Ten Hag defended ..., saying"), else
    // its first name that is an actor.
    let actor = |i: usize| ents.of(s.index, i).filter(|&e| ents.list[e].is_actor());
    // "Before leaving the ISS, McClain reflected ...": the subject comes after an opening clause.
    let opening_clause = if s.has(s.first_word, Tags::PREPOSITION) || s.has(s.first_word, Tags::STOP) {
        (0..verb.start).find(|&k| t.is_punct(k, ",")).unwrap_or(0)
    } else {
        0
    };
    let first = (0..ms.len())
        .filter(|&i| ms[i].acts && ms[i].tokens.end < verb.start && ms[i].tokens.start > opening_clause)
        .find_map(actor)
        .or_else(|| (0..ms.len()).find_map(actor))?;
    Some((vec![Speaker::Entity(first)], verb))
}

/// The claims of a quotation left open in the previous sentence: its speaker is this sentence's first when
/// this sentence closes the quotation, else whoever spoke before it.
fn settle(pending: Option<Pending>, mut found: Vec<Found>, closes_earlier: bool) -> Vec<Found> {
    let Some(Pending { text, stance, fallback }) = pending else { return found };
    let speakers = match found.first() {
        Some(first) if closes_earlier => vec![first.speaker],
        _ => fallback,
    };
    found.extend(speakers.into_iter().map(|speaker| Found {
        speaker,
        reported_by: None,
        stance,
        text: text.clone(),
        earlier: true,
    }));
    found
}

/// A cue used as a verb: not after a determiner ("the reported talks"), not passive ("is believed"), not
/// negated ("did not confirm"), not a participle ("claims denied by Moscow"), and agreement with someone
/// is no statement ("agreed with the state's argument").
fn is_finite_use(s: &Sent, verb: Range<usize>, lex: &Lexicon) -> bool {
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
    !lex.cues.at(t, verb.end) || decision_after
}

/// How many tokens at `k` say on which day something was said: "Monday", "on Monday", "on March 6",
/// "yesterday", "last week"; 0 if none do.
fn when_said(s: &Sent, k: usize, lex: &Lexicon) -> usize {
    let t = &s.t;
    let key = |j: usize| if j < t.len() { t.key(j) } else { "" };
    let digits = |j: usize| j < t.len() && t.raw(j).bytes().all(|b| b.is_ascii_digit());
    match key(k) {
        day if lex.weekdays.contains(day) || day == "yesterday" || day == "today" => 1,
        "on" if lex.weekdays.contains(key(k + 1)) => 2,
        "on" if lex.months.contains_key(key(k + 1)) && digits(k + 2) => 3,
        "in" if lex.months.contains_key(key(k + 1)) => 2,
        "last" | "this"
            if matches!(key(k + 1), "week" | "month" | "year") || lex.weekdays.contains(key(k + 1)) =>
        {
            2
        }
        _ => 0,
    }
}

/// The tokens of what the speaker says: before the speaker ("“...,” Kirby said", "..., the White House
/// said Wednesday") or after the verb ("said that ...", "said Russia is ...", "told reporters ...",
/// "said, “...”"). When the verb takes an object rather than a clause ("denied any deal"), the verb starts
/// the statement.
fn content(s: &Sent, verb: &Range<usize>, speaker: &Range<usize>, lex: &Lexicon) -> Option<Range<usize>> {
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
    if matches!(verb_key, "told" | "tells" | "tell" | "informed") {
        if let Some((end, _)) = lex.audience.longest_at(t, k) {
            k = end;
        } else if let Some(that) =
            (k..t.len().min(k + 6)).take_while(|&j| t.is_word(j)).find(|&j| t.key(j) == "that")
        {
            // "told deputies that ...": whoever stands between the verb and "that" was told.
            k = that;
        } else {
            while k < t.len()
                && t.is_word(k)
                && k < verb.end + 3
                && t.key(k) != "that"
                && (t.toks[k].cap || s.has(k, Tags::DETERMINER) || s.has(k, Tags::PEOPLE_NOUN))
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
            || lex.weekdays.contains(between[0]);
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
    let mut described = attribution_start;
    while described > 0
        && attribution_start - described < 4
        && t.is_word(described - 1)
        && !t.toks[described - 1].cap
        && !inside[described - 1]
        && !s.has(described - 1, Tags::STOP)
        && !s.has(described - 1, Tags::VERB)
        && !s.has(described - 1, Tags::CUE)
    {
        described -= 1;
    }
    if described < attribution_start && described > 0 && t.is_punct(described - 1, "\"") {
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
    let infinitive = t.key(after.start) == "to"
        && s.has(after.start + 1, Tags::VERB)
        && !s.has(after.start + 1, Tags::INFLECTED);
    let warned_of = t.key(after.start) == "of"
        && lex.cues.at(t, verb.start)
        && s.has(verb.start, Tags::CUE)
        && matches!(lex.cues.longest_at(t, verb.start), Some((_, Stance::Warns)));
    let after_is_statement =
        !after.is_empty() && (infinitive || warned_of || !ends_attribution(s, after.clone(), lex));
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
    if starts_clause || (finding && clause_follows) {
        return Some(after);
    }
    if bare_speech(verb_key) {
        return None;
    }
    Some(verb.start..after.end)
}

/// Verbs of saying: what follows them is a clause even without "that" ("said the economy stalled").
fn saying_verb(key: &str) -> bool {
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
fn bare_speech(key: &str) -> bool {
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
fn name_then_verb(s: &Sent, span: Range<usize>) -> bool {
    let t = &s.t;
    let mut k = span.start;
    while k < span.end
        && (t.is_capitalised(k) || (t.key(k) == "and" && k + 1 < span.end && t.is_capitalised(k + 1)))
    {
        k += 1;
    }
    k < span.end && (s.has(k, Tags::AUXILIARY) || (s.has(k, Tags::VERB) && !t.toks[k].cap))
}

fn starts_with_participle(s: &Sent, span: Range<usize>) -> bool {
    s.key(span.start).ends_with("ing") && s.t.is_word(span.start)
}

/// Whether the words after a verb only say where, when or to whom it was said.
fn ends_attribution(s: &Sent, span: Range<usize>, lex: &Lexicon) -> bool {
    starts_with_circumstance(s, span.clone(), lex) && !(span.start..span.end).any(|k| s.key(k) == "that")
}

fn starts_with_circumstance(s: &Sent, span: Range<usize>, lex: &Lexicon) -> bool {
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
fn trim_joiners(s: &Sent, span: Range<usize>) -> Range<usize> {
    let t = &s.t;
    let (mut start, mut end) = (span.start, span.end);
    let edge = |k: usize| {
        (t.toks[k].kind == TokenKind::Punct && matches!(t.key(k), "," | "-" | ";" | ":" | "."))
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

/// The stance a verb gives, sharpened by the words of the statement: a concern is a warning, a "may" an
/// estimate.
fn stance_of(verb: Stance, s: &Sent, span: Range<usize>, lex: &Lexicon) -> Stance {
    if verb != Stance::Asserts {
        return verb;
    }
    let words: Vec<&str> = span.clone().map(|k| s.key(k)).collect();
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
fn interrupted(
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
    let rest = trim_joiners(s, attribution_end + 1..t.len());
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

fn statement(s: &Sent, span: Range<usize>) -> String {
    statement_of(s, std::slice::from_ref(&span))
}

/// A statement made of one span, or of the two halves around an attribution, joined.
fn statement_of(s: &Sent, spans: &[Range<usize>]) -> String {
    let t = &s.t;
    let Some((last, first)) = spans.split_last() else { return String::new() };
    let mut lead = String::new();
    for span in first {
        let span = trim_joiners(s, span.clone());
        if !span.is_empty() {
            // The attribution stood between commas; one of them joins the halves.
            lead.push_str(&plain(t.span(span)));
            lead.push_str(", ");
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{coref, lexicon, names, sentences};

    /// Claims of a text, one paragraph per line, as (speaker name, reported-by name, stance, text).
    fn claims(text: &str) -> Vec<(String, Option<String>, Stance, String)> {
        let lex = lexicon::get();
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            paragraphs.push(at..at + line.len());
            at += line.len() + 1;
        }
        let sentences = sentences::split(text, &paragraphs, lex);
        let doc = Doc::new(text, &sentences, lex);
        let mentions = names::find(&doc, lex);
        let ents = coref::Entities::resolve(&doc, &mentions, lex);
        let a = find(&doc, &mentions, &ents, lex);
        let name = |sp: Speaker| match sp {
            Speaker::Entity(e) => ents.list[e].name.clone(),
            Speaker::Unnamed(u) => a.unnamed[u].name.clone(),
        };
        a.claims
            .iter()
            .map(|c| (name(c.speaker), c.reported_by.map(name), c.stance, c.text.clone()))
            .collect()
    }

    fn said(text: &str) -> Vec<(String, String)> {
        claims(text).into_iter().map(|c| (c.0, c.3)).collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn both_orders_inverted_and_according_to() {
        assert_eq!(
            said(
                "Dana Kowalski said the plant would close.\n\
                 “It will reopen,” said Dana Kowalski.\n\
                 Prices will fall, the Halvard Institute said on Tuesday.\n\
                 According to the Halvard Institute, prices fell."
            ),
            pairs(&[
                ("Dana Kowalski", "The plant would close."),
                ("Dana Kowalski", "It will reopen."),
                ("Halvard Institute", "Prices will fall."),
                ("Halvard Institute", "Prices fell."),
            ])
        );
    }

    #[test]
    fn told_whoever_before_that_and_asides_of_age_and_home_town() {
        assert_eq!(
            said(
                "Deputies arrested Aron Tolvik on Friday. Tolvik, 31, of Dunmore, told deputies that he hit a \
                 man."
            ),
            pairs(&[("Aron Tolvik", "He hit a man.")])
        );
        assert_eq!(
            said("Mara Lind told the county board that the road would reopen."),
            pairs(&[("Mara Lind", "The road would reopen.")])
        );
    }

    #[test]
    fn a_cue_word_inside_a_name_is_part_of_it() {
        // "States" and "Reports" are cue words, but not inside "the United States" or "Harbour Reports".
        assert_eq!(
            said("Canada, the largest supplier of steel to the United States, announced tariffs on wood."),
            pairs(&[("Canada", "Tariffs on wood.")])
        );
    }

    #[test]
    fn a_named_actor_s_decision_is_its_claim_an_unnamed_phrase_s_is_not() {
        assert_eq!(
            said("The Central Bank raised its main rate by 0.25 percentage points on Tuesday."),
            pairs(&[(
                "Central Bank",
                "Central Bank raised its main rate by 0.25 percentage points on Tuesday."
            )])
        );
        // A description that points back to the named body decides for it.
        assert_eq!(
            said(
                "The Nordic Grain Board (NGB) said stocks fell. The Oslo-based board, in its monthly bulletin, \
                 lowered its harvest forecast to 900,000 tonnes."
            ),
            pairs(&[
                ("Nordic Grain Board", "Stocks fell."),
                ("Nordic Grain Board", "Lowered its harvest forecast to 900,000 tonnes.")
            ])
        );
        assert_eq!(said("Some farmers raised their prices in May."), pairs(&[]));
        // After a verb a decision word is an adjective.
        assert_eq!(
            said("Norland confirmed increased arms transfers to Tarvo."),
            pairs(&[("Norland", "Increased arms transfers to Tarvo.")])
        );
    }

    #[test]
    fn an_infinitive_or_a_warning_s_subject_is_what_was_said() {
        assert_eq!(
            said("The Transport Ministry of Tarvo pledged to use all the records for a full inquiry."),
            pairs(&[(
                "Transport Ministry of Tarvo",
                "Transport Ministry of Tarvo pledged to use all the records for a full inquiry."
            )])
        );
        assert_eq!(
            said("Ana Brel warned of \"strong winds\" before the race."),
            pairs(&[("Ana Brel", "Of \"strong winds\" before the race.")])
        );
        // "to" before a noun is still an audience or a place.
        assert_eq!(
            said("Ana Brel said to reporters that the race was off."),
            pairs(&[("Ana Brel", "The race was off.")])
        );
    }

    #[test]
    fn a_title_written_like_a_function_word_and_a_lower_case_description_belong_to_the_speaker() {
        assert_eq!(
            said("“It is a rare find,” said Dr Karim Nassar, director general of the Tarvo Museum."),
            pairs(&[("Karim Nassar", "It is a rare find.")])
        );
        assert_eq!(
            said("“The road is covered by ash,” local rescuer Budi Hakim said, per the Harbour Post."),
            pairs(&[("Budi Hakim", "The road is covered by ash.")])
        );
    }

    #[test]
    fn an_attribution_that_interrupts_a_statement_keeps_both_halves() {
        assert_eq!(
            said(
                "Ana Brel spoke at noon. Along with the trials, she said, earnings reports can move the price."
            ),
            pairs(&[("Ana Brel", "Along with the trials, earnings reports can move the price.")])
        );
        // Not a participle, a source or a time after it.
        let adding = said("Ana Brel spoke at noon. The trials went well, she said, adding that sales rose.");
        assert!(adding.iter().all(|(_, text)| !text.contains("adding")), "{adding:?}");
        assert_eq!(
            said("Ana Brel spoke at noon. The trials went well, she said, on Monday."),
            pairs(&[("Ana Brel", "The trials went well.")])
        );
    }

    #[test]
    fn a_bare_verb_before_a_title_is_a_modifier() {
        assert_eq!(
            said("One barn has burned, fire district spokesman Carl Benning said."),
            pairs(&[("Carl Benning", "One barn has burned.")])
        );
    }

    #[test]
    fn an_inverted_description_and_told_reporters() {
        assert_eq!(
            said(
                "Shares of grocer Mardell fell.\n\
                 The merger will lower prices, said the grocer.\n\
                 Mayor Ann Lee told reporters on Friday that the roads were safe."
            ),
            pairs(&[("Mardell", "The merger will lower prices."), ("Ann Lee", "The roads were safe.")])
        );
    }

    #[test]
    fn unnamed_speakers_are_named_by_their_phrase_and_one_head_is_one_speaker() {
        let found = said(
            "The fund is oversubscribed, according to people familiar with the matter.\n\
             Two banks will join, the people said.\n\
             One of the people said that demand was strong.\n\
             Quorvo Corp. declined to comment, but a company spokesperson said talks continue.",
        );
        assert_eq!(
            found,
            pairs(&[
                ("People familiar with the matter", "The fund is oversubscribed."),
                ("People familiar with the matter", "Two banks will join."),
                ("People familiar with the matter", "Demand was strong."),
                ("Quorvo Corp spokesperson", "Talks continue."),
            ])
        );
    }

    #[test]
    fn pronouns_point_back_by_kind() {
        assert_eq!(
            said(
                "Ankara opposes the sanctions and has ties with Moscow and Kyiv.\n\
                 It has also criticised Russia's invasion.\n\
                 Minister Lena Okafor arrived late. She said the talks had failed."
            ),
            pairs(&[("Turkey", "Criticised Russia's invasion."), ("Lena Okafor", "The talks had failed.")])
        );
    }

    #[test]
    fn a_quotation_over_two_sentences_is_its_closing_speakers() {
        assert_eq!(
            said(
                "\"When the jury says guilty, the appeal goes on. When the jury says not guilty, that's the end,\" said District Attorney Jon Berg.\n\
                 \"It ties my hands,\" said Altman, who will appeal."
            ),
            pairs(&[
                ("Jon Berg", "When the jury says guilty, the appeal goes on."),
                ("Jon Berg", "When the jury says not guilty, that's the end."),
                ("Altman", "It ties my hands."),
            ])
        );
    }

    #[test]
    fn colon_quotes_and_a_quotation_sentence_continuing_the_speaker() {
        assert_eq!(
            said("Coach Erik van Dam said: “We win together. We lose together.”\n“They can't be a goal.”"),
            pairs(&[
                ("Erik van Dam", "We win together."),
                ("Erik van Dam", "We lose together."),
                ("Erik van Dam", "They can't be a goal."),
            ])
        );
    }

    #[test]
    fn an_issued_statement_is_its_issuers_and_documents_speak_for_their_owner() {
        let found = said(
            "The Harbour Authority issued the following statement on Monday:\n\
             The port is open to all ships.\n\
             We have never closed it.\n\
             Tarvo Ministry data showed exports rose.",
        );
        assert_eq!(
            found,
            pairs(&[
                ("Harbour Authority", "The port is open to all ships."),
                ("Harbour Authority", "We have never closed it."),
                ("Tarvo Ministry", "Exports rose."),
            ])
        );
    }

    #[test]
    fn an_outlet_relaying_a_speaker_is_reported_by() {
        let found = claims("Police said three bodies were found, Radio Tarvo reported.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Police");
        assert_eq!(found[0].1.as_deref(), Some("Radio Tarvo"));
        assert_eq!(found[0].3, "Three bodies were found.");
    }

    #[test]
    fn the_speaker_of_she_claimed_x_had_is_she() {
        let found = said("Minister Lena Okafor spoke first. She claimed Norway had broken the treaty.");
        assert_eq!(found, pairs(&[("Lena Okafor", "Norway had broken the treaty.")]));
    }

    #[test]
    fn asides_between_speaker_and_verb_are_peeled() {
        assert_eq!(
            said(
                "Tarvo, the largest grain exporter, meanwhile, accused Norway of hoarding.\n\
                 Lena Okafor, finance minister of Tarvo, a major producer, said prices would fall.\n\
                 \"Stocks are low,\" the Grain Statistics Office, a unit within the Tarvo Ministry, said in a release."
            ),
            pairs(&[
                ("Tarvo", "Accused Norway of hoarding."),
                ("Lena Okafor", "Prices would fall."),
                ("Grain Statistics Office", "Stocks are low."),
            ])
        );
    }

    #[test]
    fn an_apposition_left_open_speaks_for_the_name_before_it() {
        assert_eq!(
            said(
                "\"Everyone must leave,\" Anna Berg, the head of the agency's data, maps and alerts centre said."
            ),
            pairs(&[("Anna Berg", "Everyone must leave.")])
        );
    }

    #[test]
    fn as_x_notes_a_person_s_camp_and_the_report_of_who_reported() {
        assert_eq!(
            said(
                "As the Harbour Gazette notes, more than half of the members voted against.\n\
                 Mr Halden's camp, however, said it had won.\n\
                 Tarvo News reported the talks had failed. The report said a deal was unlikely."
            ),
            pairs(&[
                ("Harbour Gazette", "More than half of the members voted against."),
                ("Halden", "It had won."),
                ("Tarvo News", "The talks had failed."),
                ("Tarvo News", "A deal was unlikely."),
            ])
        );
    }

    #[test]
    fn a_participle_speaks_for_the_subject_after_an_opening_clause_or_for_the_opening_phrase() {
        assert_eq!(
            said(
                "Before leaving the base, Captain Ines Roth thanked the crew, saying, \"We did it together.\"\n\
                 Families of the miners questioned the company's account, calling for an inquiry."
            ),
            pairs(&[
                ("Ines Roth", "We did it together."),
                ("Families of the miners", "Calling for an inquiry.")
            ])
        );
    }

    #[test]
    fn the_agent_of_a_passive_cue_speaks_and_a_place_that_acts_speaks() {
        let found = said(
            "Turnout was 61 percent, as announced by the Tarvo Election Board. Ohio reported two cases.",
        );
        assert_eq!(found[0].0, "Tarvo Election Board");
        assert_eq!(found[1], ("Ohio".to_string(), "Two cases.".to_string()));
    }

    #[test]
    fn participles_passives_and_negations_are_no_statements() {
        assert!(said("The reported talks stalled. He was accused of fraud. She did not say why.").is_empty());
    }
}
