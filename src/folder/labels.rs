//! What the boards draw of the items their rows name — a briefing's title, outlet and date; a claim's
//! stance, claimant and text; a figure's value and words; a question's text, what it is about and what
//! addresses it — kept apart from the briefings, each distinct string once. The boards draw from these
//! and [`super::Folder`]'s rows alone, so that a reader working from the cache (which stores them with
//! the rows) shows a board without decoding a briefing.

use foldhash::HashMap;

use crate::model::{Briefing, Date, ItemRef, Stance};
use crate::xref::ItemAt;

use super::questions::QuestionEntry;

/// Distinct strings, by number.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Strings {
    pub(crate) text: String,
    /// Where each string ends in `text`.
    pub(crate) ends: Vec<u32>,
}

impl Strings {
    pub fn get(&self, n: u32) -> &str {
        let end = self.ends.get(n as usize).map_or(0, |&e| e as usize);
        let start = match n {
            0 => 0,
            n => self.ends.get(n as usize - 1).map_or(0, |&e| e as usize),
        };
        self.text.get(start..end).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Makes [`Strings`], giving a string seen before its first number.
#[derive(Default)]
struct Interner {
    strings: Strings,
    known: HashMap<String, u32>,
}

impl Interner {
    fn add(&mut self, text: &str) -> u32 {
        if let Some(&n) = self.known.get(text) {
            return n;
        }
        let n = self.strings.ends.len() as u32;
        self.strings.text.push_str(text);
        self.strings.ends.push(self.strings.text.len() as u32);
        self.known.insert(text.to_string(), n);
        n
    }
}

/// A briefing as the timeline's rows show it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BriefingLabel {
    pub title: u32,
    pub outlet: u32,
    pub published: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimLabel {
    pub stance: Stance,
    /// The claimant's name (its id when it names no actor of the briefing).
    pub claimant: u32,
    pub text: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureLabel {
    pub value: f64,
    pub unit: u32,
    pub subject: Option<u32>,
    pub text: u32,
    /// Who claims it (empty when nobody is named).
    pub by: u32,
    /// When it held: its own date, else its briefing's.
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuestionLabel {
    pub text: u32,
    /// The labels of the items it is about, joined by "; " (empty when it names none).
    pub about: u32,
    /// The label of what addresses it, if anything does.
    pub addressed: Option<u32>,
}

/// The labels of every briefing of a folder and of its claims, figures and questions, in the store's
/// order; `*_first` give where each briefing's items start (one more than the briefings, the last the
/// count).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Labels {
    pub strings: Strings,
    pub briefings: Vec<BriefingLabel>,
    pub claims: Vec<ClaimLabel>,
    pub figures: Vec<FigureLabel>,
    pub questions: Vec<QuestionLabel>,
    pub claim_first: Vec<u32>,
    pub figure_first: Vec<u32>,
    pub question_first: Vec<u32>,
}

/// A claim as the boards show it.
pub struct ClaimText<'a> {
    pub stance: Stance,
    pub claimant: &'a str,
    pub text: &'a str,
}

/// A figure as the boards show it.
pub struct FigureText<'a> {
    pub value: f64,
    pub unit: &'a str,
    pub subject: Option<&'a str>,
    pub text: &'a str,
    pub by: &'a str,
    pub date: Option<Date>,
}

/// A question as the boards show it.
pub struct QuestionText<'a> {
    pub text: &'a str,
    pub about: &'a str,
    pub addressed: Option<&'a str>,
}

impl Labels {
    /// The labels of `briefings`, with what addresses each of `questions` (the folder's questions board).
    pub fn build(briefings: &[&Briefing], questions: &[QuestionEntry]) -> Labels {
        let mut s = Interner::default();
        let mut labels = Labels::default();
        let count = |n: usize| n as u32;
        for b in briefings {
            labels.claim_first.push(count(labels.claims.len()));
            labels.figure_first.push(count(labels.figures.len()));
            labels.question_first.push(count(labels.questions.len()));
            labels.briefings.push(BriefingLabel {
                title: s.add(&b.title),
                outlet: s.add(&b.source.outlet),
                published: b.source.published,
            });
            for claim in &b.claims {
                labels.claims.push(ClaimLabel {
                    stance: claim.stance,
                    claimant: s.add(b.actor_name(&claim.claimed_by)),
                    text: s.add(&claim.text),
                });
            }
            for f in &b.figures {
                labels.figures.push(FigureLabel {
                    value: f.value,
                    unit: s.add(&f.unit),
                    subject: f.subject.as_deref().map(|t| s.add(t)),
                    text: s.add(&f.text),
                    by: s.add(f.claimed_by.as_deref().map_or("", |id| b.actor_name(id))),
                    date: f.as_of.or(b.source.published),
                });
            }
            for q in &b.questions {
                let about: Vec<String> =
                    q.about.iter().filter_map(|id| b.item(id)).map(|item| b.item_label(item)).collect();
                labels.questions.push(QuestionLabel {
                    text: s.add(&q.text),
                    about: s.add(&about.join("; ")),
                    addressed: None,
                });
            }
        }
        labels.claim_first.push(count(labels.claims.len()));
        labels.figure_first.push(count(labels.figures.len()));
        labels.question_first.push(count(labels.questions.len()));
        for q in questions {
            let Some(addressed) = &q.addressed else { continue };
            let by = addressed.by;
            let label = s.add(&briefings[by.briefing].item_label(by.item));
            if let Some(n) = labels.question_number(q.at) {
                labels.questions[n].addressed = Some(label);
            }
        }
        labels.strings = s.strings;
        labels
    }

    /// How many briefings.
    pub fn len(&self) -> usize {
        self.briefings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.briefings.is_empty()
    }

    pub fn title(&self, briefing: usize) -> &str {
        self.briefings.get(briefing).map_or("", |b| self.strings.get(b.title))
    }

    pub fn outlet(&self, briefing: usize) -> &str {
        self.briefings.get(briefing).map_or("", |b| self.strings.get(b.outlet))
    }

    pub fn published(&self, briefing: usize) -> Option<Date> {
        self.briefings.get(briefing)?.published
    }

    /// How many claims a briefing has.
    pub fn claim_count(&self, briefing: usize) -> usize {
        let first = |b: usize| self.claim_first.get(b).map_or(0, |&n| n as usize);
        first(briefing + 1).saturating_sub(first(briefing))
    }

    fn number(first: &[u32], at: ItemAt, index: usize) -> Option<usize> {
        let start = *first.get(at.briefing)? as usize;
        let end = *first.get(at.briefing + 1)? as usize;
        (start + index < end).then_some(start + index)
    }

    fn question_number(&self, at: ItemAt) -> Option<usize> {
        let ItemRef::Question(i) = at.item else { return None };
        Labels::number(&self.question_first, at, i)
    }

    pub fn stance(&self, at: ItemAt) -> Option<Stance> {
        let ItemRef::Claim(i) = at.item else { return None };
        Some(self.claims[Labels::number(&self.claim_first, at, i)?].stance)
    }

    pub fn claim(&self, at: ItemAt) -> Option<ClaimText<'_>> {
        let ItemRef::Claim(i) = at.item else { return None };
        let c = self.claims[Labels::number(&self.claim_first, at, i)?];
        Some(ClaimText {
            stance: c.stance,
            claimant: self.strings.get(c.claimant),
            text: self.strings.get(c.text),
        })
    }

    pub fn figure(&self, at: ItemAt) -> Option<FigureText<'_>> {
        let ItemRef::Figure(i) = at.item else { return None };
        let f = self.figures[Labels::number(&self.figure_first, at, i)?];
        let s = &self.strings;
        Some(FigureText {
            value: f.value,
            unit: s.get(f.unit),
            subject: f.subject.map(|n| s.get(n)),
            text: s.get(f.text),
            by: s.get(f.by),
            date: f.date,
        })
    }

    pub fn question(&self, at: ItemAt) -> Option<QuestionText<'_>> {
        let q = self.questions[self.question_number(at)?];
        let s = &self.strings;
        Some(QuestionText {
            text: s.get(q.text),
            about: s.get(q.about),
            addressed: q.addressed.map(|n| s.get(n)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::folder::testing::*;

    #[test]
    fn labels_say_what_the_briefings_say_and_keep_each_string_once() {
        let mut a = briefing("a", Some("2023-08"), &["kirby", "putin"]);
        claim(&mut a, "one", "kirby", Stance::Asserts, "putin met the envoy");
        claim(&mut a, "two", "nobody-listed", Stance::Denies, "the envoy carried letters");
        figure(&mut a, "shells", 1e6, "artillery shells", "shells sent");
        question(&mut a, "why", &["one", "shells", "missing"]);
        let mut b = briefing("b", None, &["kirby"]);
        claim(&mut b, "three", "kirby", Stance::Warns, "putin met the envoy");
        b.source.outlet = a.source.outlet.clone();
        let briefings = [a.clone(), b.clone()];
        let (refs, _, folder) = views(&briefings);
        let labels = &folder.labels;
        assert_eq!((labels.len(), labels.title(1), labels.outlet(0)), (2, "Title of b", "Wire"));
        assert_eq!((labels.published(0), labels.published(1)), (a.source.published, None));
        assert_eq!((labels.claim_count(0), labels.claim_count(1), labels.claim_count(2)), (2, 1, 0));
        let claim = |b: usize, c: usize| labels.claim(ItemAt { briefing: b, item: ItemRef::Claim(c) });
        let one = claim(0, 0).unwrap();
        assert_eq!((one.stance, one.claimant, one.text), (Stance::Asserts, "kirby", "putin met the envoy"));
        assert_eq!(
            claim(0, 1).unwrap().claimant,
            "nobody-listed",
            "an id that names no actor is shown as is"
        );
        assert!(claim(1, 1).is_none() && claim(2, 0).is_none(), "nothing past the end");
        let f = labels.figure(ItemAt { briefing: 0, item: ItemRef::Figure(0) }).unwrap();
        assert_eq!(
            (f.value, f.unit, f.subject, f.date),
            (1e6, "artillery shells", Some("shells sent"), a.source.published)
        );
        let q = labels.question(ItemAt { briefing: 0, item: ItemRef::Question(0) }).unwrap();
        let about = [a.item_label(ItemRef::Claim(0)), a.item_label(ItemRef::Figure(0))].join("; ");
        assert_eq!((q.text, q.about, q.addressed), ("What about why?", about.as_str(), None));
        assert_eq!(labels.stance(ItemAt { briefing: 1, item: ItemRef::Claim(0) }), Some(Stance::Warns));
        assert_eq!(labels.stance(ItemAt { briefing: 1, item: ItemRef::Figure(0) }), None);
        // The same text twice (a claim of each, the outlet of both) is one string.
        let texts: Vec<&str> = (0..labels.strings.len() as u32).map(|n| labels.strings.get(n)).collect();
        assert_eq!(texts.iter().filter(|t| **t == "putin met the envoy").count(), 1);
        assert_eq!(texts.iter().filter(|t| **t == "Wire").count(), 1);
        assert_eq!(refs.len(), 2);
    }
}
