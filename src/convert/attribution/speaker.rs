//! Who speaks: the speaker left or right of a cue, a noun phrase's speaker, unnamed speakers and groups.

use std::ops::Range;

use super::content::{bare_speech, saying_verb};
use super::{Cue, Speaker, Unnamed, Walker};
use crate::convert::coref::{At, Entities};
use crate::convert::doc::when_said;
use crate::convert::doc::{Sent, Tags};
use crate::convert::lexicon::Lexicon;
use crate::convert::names::{Kind, Mention};
use crate::convert::tokens::Kind as TokenKind;
use crate::convert::{plain, sentence_case};
use crate::model::ActorKind;

impl Walker<'_> {
    /// The speaker left of a verb: a name or a coordination of names, a pronoun, a description, a
    /// document, or an unnamed speaker's noun phrase.
    pub(super) fn speaker_left(
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
            // "has in turn said": a gap of several words ends here.
            let phrase = (2..=3)
                .rev()
                .find(|&n| k >= n && lex.speaker_gap.longest_at(t, k - n).is_some_and(|(e, _)| e == k));
            if let Some(n) = day.or(phrase) {
                k -= n;
            } else if lex.speaker_gap.at(t, k - 1) && t.is_word(k - 1) || adverb {
                k -= 1;
            } else {
                break;
            }
        }
        // "Quorvo Inc. said": the period of a company's abbreviated corporate word.
        if k >= 2
            && t.is_punct(k - 1, ".")
            && t.toks[k - 2].range.end == t.toks[k - 1].range.start
            && s.has(k - 2, Tags::CORPORATE)
            && self.mentions[s.index].iter().any(|m| m.tokens.end == k - 1)
        {
            k -= 1;
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
            // "he claimed and added": the verb before "and" is a cue, whose speaker goes on.
            if let Some(last) = earlier.last()
                && last.verb.end + 1 == k
            {
                return Some((last.speakers.clone(), last.speaker_tokens.clone()));
            }
            if let Some((i, m)) = ms.iter().enumerate().find(|(i, m)| {
                m.tokens.end < k
                    && !s.quoted[m.tokens.start]
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
        // A name ends right before a comma, or before an age between commas ("Hale, 54, who ...").
        let name_before = |comma: usize| {
            ms.iter().any(|m| m.tokens.end == comma)
                || (comma >= 3
                    && t.toks[comma - 1].kind == TokenKind::Number
                    && t.is_punct(comma - 2, ",")
                    && ms.iter().any(|m| m.tokens.end == comma - 2))
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
            // "Moor, who has visited Tarvo, Ulm and Hale to discuss the deal, added": a relative clause after
            // a name, holding commas of its own.
            if let Some(open) = (k.saturating_sub(30)..k - 1)
                .rev()
                .find(|&j| t.is_punct(j, ",") && s.has(j + 1, Tags::RELATIVE) && name_before(j))
                && (open + 1..k - 1).any(|j| t.is_punct(j, ","))
            {
                k = open;
                close = Some(open);
                peeled += 1;
                continue;
            }
            let Some(open) = (k.saturating_sub(18)..k - 1).rev().find(|&j| t.is_punct(j, ",")) else { break };
            let inner = open + 1..k - 1;
            let describes = inner.clone().any(|j| {
                s.has(j, Tags::TITLE)
                    || s.has(j, Tags::PEOPLE_NOUN)
                    || s.has(j, Tags::BODY_NOUN)
                    || s.has(j, Tags::PROFESSION)
            }) && !inner.clone().any(|j| s.has(j, Tags::CUE) || s.has(j, Tags::AUXILIARY));
            let relative = s.has(open + 1, Tags::RELATIVE) && name_before(open);
            let circumstance = (s.has(open + 1, Tags::PREPOSITION) || lex.said_where.at(t, open + 1))
                && !inner.clone().any(|j| s.has(j, Tags::VERB) && !s.has(j, Tags::DOCUMENT));
            let adverbs = inner.clone().all(|j| lex.speaker_gap.at(t, j) || t.key(j).ends_with("ly"));
            // "Moor, speaking on state television, said": a participle's aside.
            let participle = t.key(open + 1).ends_with("ing")
                && !t.toks[open + 1].cap
                && inner.len() <= 8
                && !inner.clone().any(|j| s.has(j, Tags::AUXILIARY) || s.has(j, Tags::CUE));
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
            if !(describes || relative || circumstance || adverbs || noun_phrase || age || home || participle)
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
        // A bracketed short form, ticker, or party and seat before the verb: "the Rason Special Economic Zone
        // (SEZ) found", "Tarvair PLC (LON:TVR) said", "Dana Kowalski (D-Ohio) said".
        if k >= 3
            && t.is_punct(k - 1, ")")
            && let Some(open) = (k.saturating_sub(9)..k - 1).rev().find(|&j| t.is_punct(j, "("))
            && (open + 1..k - 1)
                .all(|j| t.is_word(j) || [":", ".", "-", ","].iter().any(|p| t.is_punct(j, p)))
        {
            k = open;
        }
        // "Economists polled by Tarvo News had forecast": who was asked speaks, not who asked.
        if let Some(by) = (k.saturating_sub(8)..k).rev().find(|&j| t.key(j) == "by")
            && by >= 2
            && lex.consulted_verbs.contains(t.key(by - 1))
            && t.is_word(by - 2)
            && (by + 1..k).all(|j| t.is_word(j) && !s.has(j, Tags::CUE) && !s.has(j, Tags::AUXILIARY))
        {
            k = by - 1;
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
            // Skipping those named only inside this sentence's quotation.
            let mut last_named = self.ents.person_before(at);
            for _ in 0..3 {
                let Some(p) = last_named else { break };
                let here: Vec<usize> = self.ents.list[p]
                    .mentions
                    .iter()
                    .filter(|m| m.0 == s.index && m.1 < last)
                    .map(|m| m.1)
                    .collect();
                match here.first() {
                    Some(&first) if here.iter().all(|&m| s.quoted[m]) => {
                        last_named = self.ents.person_before((s.index, first));
                    }
                    _ => break,
                }
            }
            // A person named in this sentence before the pronoun comes first ("Kim met Ito and he said").
            // Not one named inside a quotation: "“X is wrong,” he said" is not X speaking.
            let in_sentence = last_named.filter(|&p| {
                self.ents.list[p].mentions.iter().any(|m| m.0 == s.index && m.1 < last && !s.quoted[m.1])
            });
            let who = match (in_sentence, spoke) {
                (Some(p), _) => Speaker::Entity(p),
                (None, Some(sp)) => sp,
                (None, None) => Speaker::Entity(last_named?),
            };
            let _ = named_since;
            return Some((vec![who], last..k));
        }
        if t.key(last) == "it" {
            // A body named before it in the sentence, else the body that spoke in the sentence before ("The
            // Vienna-based agency lowered ... However, it raised ..."), else the first named there.
            let spoke = self.previous.iter().copied().find(|&p| {
                matches!(self.entity_kind(p), ActorKind::Organisation | ActorKind::Outlet | ActorKind::State)
            });
            let who = self
                .ents
                .thing_before(at, true)
                .map(Speaker::Entity)
                .or(spoke)
                .or_else(|| self.ents.thing_before(at, false).map(Speaker::Entity))?;
            return Some((vec![who], last..k));
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
        let mut and = false;
        while j > 0 {
            let prev = &ms[j - 1];
            let between: Vec<&str> = (prev.tokens.end..start).map(|k| t.key(k)).collect();
            let joined = matches!(between.as_slice(), ["and"] | [","] | [",", "and"]);
            // A list is closed by "and": "..., the resolutions of the Security Council, Moor said" has one
            // speaker, whatever name ends the clause before the comma.
            if !joined || self.ents.of(s.index, j - 1).is_none() || (between == [","] && !and) {
                break;
            }
            and |= between.contains(&"and");
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
    pub(super) fn noun_phrase_left(&mut self, s: &Sent, end: usize) -> Option<(Vec<Speaker>, Range<usize>)> {
        let t = &s.t;
        let mut start = end;
        // "officials tasked with the inquiry", "diplomats briefed on the talks": a participle and its
        // preposition after the head; the head is before the participle.
        let participle_at = |j: usize| {
            j > 0
                && s.has(j, Tags::INFLECTED)
                && !t.toks[j].cap
                && s.has(j - 1, Tags::PEOPLE_NOUN)
                && s.has(j + 1, Tags::PREPOSITION)
        };
        let mut head_end = end;
        while start > 0 && end - start < 28 {
            let j = start - 1;
            let tok = &t.toks[j];
            let key = t.key(j);
            if participle_at(j) && j + 1 < end {
                head_end = j;
                start = j;
                continue;
            }
            if tok.kind == TokenKind::Punct {
                let hyphen = key == "-" && j > 0 && tok.range.start == t.toks[j - 1].range.end;
                // "the Sunnyvale, Calif.-based company": a town and its state before a compound.
                let town_and_state = key == ","
                    && j > 0
                    && t.is_capitalised(j - 1)
                    && t.is_capitalised(j + 1)
                    && (j + 1..end).any(|k| t.is_punct(k, "-"));
                // "Calif.-based": an abbreviation's point inside the compound.
                let abbreviation = key == "."
                    && j > 0
                    && tok.range.start == t.toks[j - 1].range.end
                    && t.is_punct(j + 1, "-");
                if hyphen || key == "'" || town_and_state || abbreviation {
                    start = j;
                    continue;
                }
                break;
            }
            if s.has(j, Tags::DETERMINER) && !s.has(j, Tags::PEOPLE_NOUN) {
                // "earnings that beat analyst estimates": "that" before a verb is a relative pronoun, and
                // the verb is no part of the phrase.
                if s.has(j, Tags::RELATIVE) && start < end && s.has(start, Tags::VERB) && !tok.cap {
                    start += 1;
                    break;
                }
                start = j;
                // "the team of researchers at the Oryx blog": a prepositional phrase inside the phrase.
                let close_to = j >= 3 && t.key(j - 1) == "to" && t.key(j - 2) == "close";
                let after_participle = j >= 3 && s.has(j - 1, Tags::PREPOSITION) && participle_at(j - 2);
                if j >= 2
                    && (matches!(t.key(j - 1), "of" | "at" | "from" | "for" | "with")
                        || close_to
                        || after_participle)
                    && end - j < 26
                {
                    continue;
                }
                break;
            }
            let document_head = j + 1 == end && s.has(j, Tags::DOCUMENT);
            // "people familiar with the matter", "sources close to the talks": a phrase after the head.
            let inner_preposition = (matches!(key, "of" | "from" | "at" | "for" | "in" | "with")
                || (key == "to" && j > 0 && t.key(j - 1) == "close")
                || (j > 0 && s.has(j, Tags::PREPOSITION) && participle_at(j - 1)))
                && j > 0
                && start < end;
            let number = s.has(j, Tags::NUMBER) && !tok.cap;
            // "the Vienna-based agency", "a state-owned lender": a compound modifier.
            let compound = j > 0 && t.is_punct(j - 1, "-") && t.toks[j - 1].range.end == tok.range.start;
            // "the beleaguered tech outfit": a participle between an article and a noun is an adjective.
            let adjective =
                j > 0 && j + 1 < end && matches!(t.key(j - 1), "the" | "a" | "an" | "its" | "their");
            if (s.has(j, Tags::STOP) && !inner_preposition && !s.has(j, Tags::PERSON_PRONOUN) && !number)
                || (s.has(j, Tags::CUE) && !document_head && !s.has(j, Tags::DOCUMENT))
                || s.has(j, Tags::AUXILIARY)
                || (s.has(j, Tags::INFLECTED)
                    && !tok.cap
                    && !s.has(j, Tags::PEOPLE_NOUN)
                    && !s.has(j, Tags::TITLE)
                    && !compound
                    && !adjective)
            {
                break;
            }
            start = j;
        }
        // A phrase cannot start with a preposition.
        while start < end && matches!(t.key(start), "of" | "from" | "at" | "for" | "in" | "with" | "to") {
            start += 1;
        }
        if start == end {
            return None;
        }
        let speaker = self.noun_phrase(s, start..head_end, end)?;
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
    pub(super) fn noun_phrase(
        &mut self,
        s: &Sent,
        head_span: Range<usize>,
        span_end: usize,
    ) -> Option<Speaker> {
        let t = &s.t;
        let lex = self.lex;
        if head_span.is_empty() {
            return None;
        }
        // The head: the last noun before a preposition ("people familiar with the matter"), else the
        // phrase's last word.
        // "Many of the defendants", "two of the officials": a quantifier's "of" leads to the head.
        let partitive = |k: usize| {
            t.key(k) == "of"
                && (s.has(k - 1, Tags::DETERMINER) || s.has(k - 1, Tags::NUMBER) || t.key(k - 1) == "none")
        };
        let head = (head_span.start + 1..head_span.end)
            .find(|&k| {
                matches!(t.key(k), "of" | "from" | "at" | "with" | "in" | "for" | "familiar" | "close")
                    && !partitive(k)
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
        // Unless a body is named right before the head: "Kenya's opposition NUF party" is the NUF.
        let body_before_head = ms.iter().enumerate().any(|(i, m)| {
            inside(m)
                && m.tokens.end == head
                && self.ents.of(s.index, i).is_some_and(|e| {
                    matches!(self.ents.list[e].kind, Kind::Organisation | Kind::Outlet)
                        && self.ents.list[e].is_actor()
                })
        });
        if state_owned
            && !body_before_head
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
        // Only a name right before the head or after it: in "the FTSE 100 pharma giant" the index is no
        // name of the giant.
        let names_head = |m: &Mention| m.tokens.end >= head || t.toks[m.tokens.end - 1].possessive;
        if !people_head
            && let Some(e) =
                // The name nearest the head first: "Kenya's opposition NUF party" is the NUF's.
                ms.iter().enumerate().filter(|(_, m)| inside(m) && names_head(m)).rev().find_map(
                        |(i, m)| {
                            // A person's camp, team or office speaks for the person ("Mr Lekic's camp said").
                            let owned_by_person =
                                t.toks[m.tokens.end - 1].possessive && s.has(head, Tags::BODY_NOUN);
                            self.ents.of(s.index, i).filter(|&e| {
                                self.ents.list[e].is_actor()
                                    && (self.ents.list[e].kind != Kind::Person || owned_by_person)
                            })
                        },
                    )
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
        if definite && (s.has(head, Tags::BODY_NOUN) || s.has(head, Tags::ORG_HEAD)) && head + 1 == span_end {
            // The body that spoke in the sentence before, if it answers to the description; else the one
            // the description points back to.
            let spoke = self.previous.iter().find_map(|sp| match *sp {
                Speaker::Entity(e) if self.ents.answers_to(e, head_key, lex) => Some(e),
                _ => None,
            });
            if let Some(e) =
                spoke.or_else(|| self.ents.description((s.index, head_span.start), head_key, lex))
            {
                return Some(Speaker::Entity(e));
            }
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
        // "well below the 13 percent analysts had expected": a figure before the head is not the speaker's.
        if let Some(k) = (start..head).rev().find(|&k| {
            (s.has(k, Tags::NUMBER) && t.toks[k].kind != TokenKind::Word)
                || matches!(t.key(k), "percent" | "%")
        }) {
            start = k + 1;
        }
        // The phrase without a relative clause or a participle's phrase: "analysts who scrutinize photos",
        // "analysts tasked with the audit" are named "analysts".
        let name_end = (head + 1..span_end)
            .find(|&k| {
                s.has(k, Tags::RELATIVE)
                    || t.is_punct(k, ",")
                    || (k == head + 1 && s.has(k, Tags::INFLECTED) && s.has(k + 1, Tags::PREPOSITION))
            })
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
        // "earnings that beat average analyst estimates": one person with no article, possessive or number
        // before the noun is no speaker; the noun modifies the next one ("an analyst estimates" would speak).
        let determined = (head_span.start..head).any(|k| {
            s.has(k, Tags::DETERMINER)
                || s.has(k, Tags::PERSON_PRONOUN)
                || s.has(k, Tags::THING_PRONOUN)
                || s.has(k, Tags::PLURAL_PRONOUN)
                || s.has(k, Tags::FIRST_PLURAL)
                || s.has(k, Tags::NUMBER)
                || t.toks[k].possessive
        });
        if kind == ActorKind::Person && !determined {
            return None;
        }
        Some(Speaker::Unnamed(self.unnamed(&name, head_lemma, kind, (s.index, start))))
    }

    /// "Families of victims have questioned ..., calling for ...": a participle with no named subject
    /// speaks for the phrase that opens the sentence, up to its first verb.
    pub(super) fn subject_phrase(
        &mut self,
        s: &Sent,
        verb: Range<usize>,
    ) -> Option<(Vec<Speaker>, Range<usize>)> {
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
    pub(super) fn unnamed(&mut self, written: &str, head: String, kind: ActorKind, at: At) -> usize {
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
    pub(super) fn speaker_right(
        &mut self,
        s: &Sent,
        verb: Range<usize>,
    ) -> Option<(Vec<Speaker>, Range<usize>)> {
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
        // "said Shell CEO, Ben van Beurden.", "said Tarvo CEO, chairman and president Dana E. Moor.": a
        // person after a title that commas split, ending the sentence or clause.
        let titled = ms.iter().position(|m| {
            let role = verb.end..m.role_start.min(m.tokens.start);
            m.kind == Kind::Person
                && m.tokens.start > verb.end
                && m.tokens.start - verb.end <= 12
                && (m.tokens.end >= t.len() || t.toks[m.tokens.end].kind == TokenKind::Punct)
                && role.clone().any(|j| t.is_punct(j, ","))
                && !ms.iter().any(|o| {
                    o.kind == Kind::Person && o.tokens.start >= role.start && o.tokens.end <= role.end
                })
                && role.clone().any(|j| s.has(j, Tags::TITLE) || s.has(j, Tags::PROFESSION))
                && role.clone().all(|j| {
                    t.toks[j].cap
                        || s.has(j, Tags::TITLE)
                        || s.has(j, Tags::PROFESSION)
                        || t.is_punct(j, ",")
                        || matches!(t.key(j), "and" | "of" | "the")
                })
        });
        if let Some(at) = titled
            && let Some(e) = self.ents.of(s.index, at)
        {
            return Some((vec![Speaker::Entity(e)], verb.end..ms[at].tokens.end));
        }
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
pub(super) fn participle_speaker(
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
