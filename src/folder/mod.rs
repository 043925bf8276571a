//! The folder as a whole: what ties its briefings together, as the reader's folder-wide boards and the
//! `figures`, `questions`, `actors` and `timeline` commands show it. Every view here is a pure function
//! of the loaded briefings, the cross-reference graph and its actor registry, worked out once per load
//! or reload ([`Folder::build`]) so that showing and moving in a view costs no more than slicing it.
//! Rows name items by [`ItemAt`] and keep the few strings they show, so drawing a row needs no other
//! briefing than the one it names.

pub mod actors;
pub mod figures;
pub mod items;
pub mod labels;
pub mod questions;
pub mod sources;
pub mod timeline;

use std::fmt;

use serde::Serialize;

use crate::model::{Briefing, Date};
use crate::xref::{CrossRef, ItemAt};

/// Everything the folder-wide views show but the timeline, which depends on its filter and is built
/// when asked for ([`timeline::build`], over `labels`), with the text their rows draw (`labels`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folder {
    pub figures: Vec<figures::FigureGroup>,
    pub questions: Vec<questions::QuestionEntry>,
    pub actors: Vec<actors::ActorEntry>,
    pub sources: Vec<sources::Source>,
    pub labels: labels::Labels,
}

impl Folder {
    /// The views of `briefings`, over `xref`, the graph built from the same briefings in the same order.
    pub fn build(briefings: &[&Briefing], xref: &CrossRef) -> Folder {
        let figures = figures::groups(briefings, xref);
        let (questions, (actors, sources)) = std::thread::scope(|scope| {
            // The two views that compare claims with each other run side by side.
            let sources = scope.spawn(|| sources::sources(briefings, xref));
            let questions = questions::questions(briefings, xref, &figures);
            let actors = actors::actors(briefings, xref);
            match sources.join() {
                Ok(sources) => (questions, (actors, sources)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        let labels = labels::Labels::build(briefings, &questions);
        Folder { figures, questions, actors, sources, labels }
    }
}

/// A calendar month, or a year when only the year is known: the timeline's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    pub month: Option<u8>,
}

impl Month {
    pub fn of(date: Date) -> Month {
        Month { year: date.year, month: date.month }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{m:02}", self.year),
            None => write!(f, "{:04}", self.year),
        }
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Text lower-cased with accents and typographic variants folded, for filters that ignore both.
pub fn fold(text: &str) -> String {
    text.chars().map(crate::text::fold_char).flat_map(char::to_lowercase).collect()
}

/// The words of a filter as the user typed it, folded.
pub fn filter_words(filter: &str) -> Vec<String> {
    fold(filter).split_whitespace().map(str::to_string).collect()
}

/// Whether every word of a filter is in `folded` (a text passed through [`fold`]): "jong-un" finds
/// "Kim Jong-Un", "erdogan" finds "Erdoğan".
pub fn matches(folded: &str, words: &[String]) -> bool {
    words.iter().all(|w| folded.contains(w.as_str()))
}

/// Whether `later` comes after `earlier` at the precision both have: 2023-09 is after 2023-08-30, but
/// 2023-08-30 is not after 2023-08 (that month may have meant its last day).
pub fn after(later: Date, earlier: Date) -> bool {
    let month = later.month.is_some() && earlier.month.is_some();
    let day = month && later.day.is_some() && earlier.day.is_some();
    let key = |d: Date| (d.year, d.month.filter(|_| month), d.day.filter(|_| day));
    key(later) > key(earlier)
}

/// The date a briefing was published, which its claims and questions take.
pub fn published(briefings: &[&Briefing], briefing: usize) -> Option<Date> {
    briefings[briefing].source.published
}

/// Chronological order, the undated last: the key to sort items of the folder by.
pub fn chronological(briefings: &[&Briefing], at: ItemAt) -> (bool, Option<Date>, usize, ItemAt) {
    let date = published(briefings, at.briefing);
    (date.is_none(), date, at.briefing, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn after_compares_at_the_precision_both_dates_have() {
        assert!(after(date("2023-09"), date("2023-08-30")));
        assert!(!after(date("2023-08-30"), date("2023-08")), "the same month");
        assert!(!after(date("2023-08"), date("2023-08-01")));
        assert!(after(date("2023-08-02"), date("2023-08-01")));
        assert!(!after(date("2023-08-01"), date("2023-08-01")));
        assert!(after(date("2024"), date("2023-12-31")));
        assert!(!after(date("2023"), date("2023-12")));
    }

    #[test]
    fn months_show_as_dates_do() {
        assert_eq!(Month::of(date("2023-08-30")).to_string(), "2023-08");
        assert_eq!(Month::of(date("2023")).to_string(), "2023");
        assert!(Month::of(date("2023")) < Month::of(date("2023-01")));
    }
}

/// Small folders for the tests of the views.
#[cfg(test)]
pub(crate) mod testing {
    use crate::model::{
        Actor, ActorKind, Briefing, Claim, Date, Figure, Qualifier, Question, Ref, Source, Stance, Status,
    };

    /// A briefing with the actors `ids` (a person each, named after the id) and nothing else yet.
    pub fn briefing(id: &str, published: Option<&str>, actors: &[&str]) -> Briefing {
        Briefing {
            schema: 1,
            id: id.into(),
            title: format!("Title of {id}"),
            summary: "Summary.".into(),
            tags: vec![],
            status: Status::Reviewed,
            source: Source {
                outlet: "Wire".into(),
                published: published.map(|d| Date::parse(d).unwrap()),
                ..Source::default()
            },
            actors: actors
                .iter()
                .map(|a| Actor {
                    id: a.to_string(),
                    name: a.replace('-', " "),
                    kind: ActorKind::Person,
                    role: None,
                    aliases: vec![],
                })
                .collect(),
            figures: vec![],
            claims: vec![],
            questions: vec![],
        }
    }

    pub fn claim(b: &mut Briefing, id: &str, by: &str, stance: Stance, text: &str) {
        b.claims.push(Claim {
            id: id.into(),
            text: text.into(),
            claimed_by: by.into(),
            reported_by: None,
            stance,
            quote: text.into(),
            reliability: None,
            credibility: None,
            refs: vec![],
        });
    }

    pub fn question(b: &mut Briefing, id: &str, about: &[&str]) {
        b.questions.push(Question {
            id: id.into(),
            text: format!("What about {id}?"),
            about: about.iter().map(|s| s.to_string()).collect(),
            source: None,
            refs: vec![],
        });
    }

    pub fn figure(b: &mut Briefing, id: &str, value: f64, unit: &str, subject: &str) {
        b.figures.push(Figure {
            id: id.into(),
            value,
            unit: unit.into(),
            subject: Some(subject.into()),
            qualifier: Qualifier::Exact,
            text: value.to_string(),
            claimed_by: None,
            as_of: None,
            quote: format!("{value} {unit}"),
            refs: vec![],
        });
    }

    pub fn link(b: &mut Briefing, claim: &str, to: &str, relation: crate::model::Relation) {
        let c = b.claims.iter_mut().find(|c| c.id == claim).unwrap();
        c.refs.push(Ref { to: to.into(), relation });
    }

    /// The folder's views over these briefings.
    pub fn views(briefings: &[Briefing]) -> (Vec<&Briefing>, crate::xref::CrossRef, super::Folder) {
        let refs: Vec<&Briefing> = briefings.iter().collect();
        let xref = crate::xref::CrossRef::build(&refs);
        let folder = super::Folder::build(&refs, &xref);
        (refs, xref, folder)
    }
}

#[cfg(test)]
mod folder_tests {
    use super::testing::*;
    use crate::model::{ItemRef, Relation, Stance};
    use crate::xref::ItemAt;

    const SHIPPED: &str = "North Korea shipped artillery shells to Russia by rail across the border";

    #[test]
    fn an_empty_folder_has_empty_views() {
        let (_, _, folder) = views(&[]);
        assert!(folder.figures.is_empty() && folder.questions.is_empty());
        assert!(folder.actors.is_empty() && folder.sources.is_empty());
    }

    #[test]
    fn a_question_is_addressed_by_a_later_similar_claim_not_an_earlier_one() {
        let mut asked = briefing("asked", Some("2023-08"), &["kirby"]);
        claim(&mut asked, "shipped", "kirby", Stance::Asserts, SHIPPED);
        question(&mut asked, "how-many", &["shipped"]);
        let mut earlier = briefing("earlier", Some("2023-07-30"), &["analyst"]);
        claim(&mut earlier, "shipped", "analyst", Stance::Asserts, SHIPPED);
        let (_, _, folder) = views(&[asked.clone(), earlier.clone()]);
        assert_eq!(folder.questions[0].addressed, None, "only a later briefing addresses a question");

        let mut later = briefing("later", Some("2023-09-02"), &["peskov"]);
        claim(&mut later, "denied", "peskov", Stance::Denies, SHIPPED);
        let (_, _, folder) = views(&[asked, earlier, later]);
        let addressed = folder.questions[0].addressed.as_ref().expect("the later denial addresses it");
        assert_eq!(addressed.by, ItemAt { briefing: 2, item: ItemRef::Claim(0) });
        assert!(addressed.reason.contains("at odds"), "{}", addressed.reason);
    }

    #[test]
    fn the_same_month_is_not_later_and_undated_questions_need_an_explicit_ref() {
        let mut asked = briefing("asked", Some("2023-08"), &["kirby"]);
        claim(&mut asked, "shipped", "kirby", Stance::Asserts, SHIPPED);
        question(&mut asked, "how-many", &["shipped"]);
        let mut same_month = briefing("same-month", Some("2023-08-30"), &["analyst"]);
        claim(&mut same_month, "shipped", "analyst", Stance::Asserts, SHIPPED);
        let (_, _, folder) = views(&[asked.clone(), same_month.clone()]);
        assert_eq!(folder.questions[0].addressed, None);

        asked.source.published = None;
        let (_, _, folder) = views(&[asked.clone(), same_month.clone()]);
        assert_eq!(folder.questions[0].addressed, None, "no date: no inferred answer");
        link(&mut same_month, "shipped", "asked#shipped", Relation::Updates);
        let (_, _, folder) = views(&[asked, same_month]);
        let addressed = folder.questions[0].addressed.as_ref().expect("an explicit ref counts without dates");
        assert!(addressed.reason.contains("is updated by it"), "{}", addressed.reason);
    }

    #[test]
    fn a_question_about_a_figure_is_addressed_by_a_later_value_of_the_same_count() {
        let mut asked = briefing("asked", Some("2023-11"), &[]);
        figure(&mut asked, "shells", 1e6, "artillery shells", "shells sent to Russia");
        question(&mut asked, "basis", &["shells"]);
        let mut later = briefing("later", Some("2024-06"), &[]);
        figure(&mut later, "shells", 1.6e6, "artillery shells", "shells sent to Russia");
        let (_, _, folder) = views(&[asked, later]);
        assert!(folder.figures[0].values_differ);
        let addressed = folder.questions[0].addressed.as_ref().unwrap();
        assert_eq!(addressed.by, ItemAt { briefing: 1, item: ItemRef::Figure(0) });
        assert!(addressed.reason.contains("1600000 artillery shells"), "{}", addressed.reason);
    }

    #[test]
    fn actors_join_their_spellings_and_count_claims_by_and_about_them() {
        let mut a = briefing("a", Some("2023-08-01"), &["kirby", "putin"]);
        a.actors[0].role = Some("spokesperson".into());
        claim(&mut a, "one", "kirby", Stance::Asserts, "putin met the envoy in the capital");
        claim(&mut a, "two", "kirby", Stance::Denies, "the envoy carried letters");
        let mut b = briefing("b", Some("2024-01"), &["kirby"]);
        b.actors[0].role = Some("spokesman".into());
        claim(&mut b, "three", "kirby", Stance::Asserts, "talks continue");
        let (_, _, folder) = views(&[a, b]);
        let kirby = folder.actors.iter().find(|e| e.name == "kirby").unwrap();
        assert_eq!(kirby.briefings, [0, 1]);
        assert_eq!((kirby.stances.asserts, kirby.stances.denies, kirby.claims.len()), (2, 1, 3));
        let roles: Vec<&str> = kirby.roles.iter().map(|r| r.role.as_str()).collect();
        assert_eq!(roles, ["spokesperson", "spokesman"], "roles in the order they were given");
        assert_eq!(kirby.months.len(), 2);
        let putin = folder.actors.iter().find(|e| e.name == "putin").unwrap();
        let about: Vec<ItemAt> = putin.about.iter().collect();
        assert_eq!(about, [ItemAt { briefing: 0, item: ItemRef::Claim(0) }], "named by Kirby's claim");
        assert!(putin.claims.is_empty());
    }

    #[test]
    fn sources_count_corroborated_and_contradicted_claims() {
        let mut a = briefing("a", Some("2023-08"), &["kirby"]);
        claim(&mut a, "shipped", "kirby", Stance::Asserts, SHIPPED);
        claim(&mut a, "other", "kirby", Stance::Warns, "the weather will turn cold in the mountains");
        let mut b = briefing("b", Some("2023-09"), &["analyst", "peskov"]);
        b.source.outlet = "Other Wire".into();
        claim(&mut b, "shipped", "analyst", Stance::Asserts, SHIPPED);
        claim(&mut b, "denied", "peskov", Stance::Denies, SHIPPED);
        let (_, _, folder) = views(&[a, b]);
        let row = |name: &str| folder.sources.iter().find(|s| s.name == name).unwrap();
        let kirby = row("kirby");
        assert_eq!((kirby.claims, kirby.corroborated, kirby.contradicted), (2, 1, 1));
        let peskov = row("peskov");
        assert_eq!((peskov.claims, peskov.corroborated, peskov.contradicted), (1, 0, 1));
        let wire = folder.sources.iter().find(|s| s.name == "Wire").unwrap();
        assert_eq!(wire.kind, crate::folder::sources::SourceKind::Outlet);
        assert_eq!(wire.claims, 2);
    }

    #[test]
    fn the_timeline_goes_by_month_with_the_undated_last() {
        let mut a = briefing("a", Some("2023-09-02"), &["kirby"]);
        claim(&mut a, "one", "kirby", Stance::Asserts, "one");
        claim(&mut a, "two", "kirby", Stance::Warns, "two");
        let b = briefing("b", None, &[]);
        let c = briefing("c", Some("2023-09"), &[]);
        let d = briefing("d", Some("2023-08-31"), &[]);
        let briefings = [a, b, c, d];
        let refs: Vec<&crate::model::Briefing> = briefings.iter().collect();
        use super::timeline::{Row, Selection, build};
        let t = build(&refs[..], &Selection::All, &[]);
        let months: Vec<String> =
            t.months.iter().map(|m| m.month.map_or("undated".into(), |m| m.to_string())).collect();
        assert_eq!(months, ["2023-08", "2023-09", "undated"]);
        assert_eq!(t.rows.get(3), Some(Row::Briefing(2)), "2023-09 before 2023-09-02");
        assert_eq!(t.rows.get(4), Some(Row::Briefing(0)));
        let months: Vec<Row> = t.rows.iter().filter(|r| matches!(r, Row::Month(_))).collect();
        let month = |text: &str| Some(super::Month::of(crate::model::Date::parse(text).unwrap()));
        assert_eq!(months, [Row::Month(month("2023-08")), Row::Month(month("2023-09")), Row::Month(None)]);
        let claims: Vec<Row> = t.rows.iter().filter(|r| matches!(r, Row::Claim(_))).collect();
        assert_eq!(claims, [0, 1].map(|c| Row::Claim(ItemAt { briefing: 0, item: ItemRef::Claim(c) })));
        assert_eq!(t.claims(), 2);
        let only = build(&refs[..], &Selection::All, &[Stance::Asserts, Stance::Denies]);
        assert_eq!((only.briefings(), only.claims()), (1, 1), "only briefings with such claims");
        let chosen = Selection::Only {
            briefings: vec![3],
            claims: vec![ItemAt { briefing: 0, item: ItemRef::Claim(1) }],
        };
        let t = build(&refs[..], &chosen, &[]);
        assert_eq!(t.rows.iter().filter(|r| matches!(r, Row::Claim(_))).count(), 1);
        assert_eq!(t.briefings(), 2);
    }

    #[test]
    fn the_seeds_have_an_answered_and_an_open_question() {
        let store =
            crate::store::Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings"))
                .unwrap();
        let refs = store.briefings();
        let xref = crate::xref::CrossRef::build(&refs);
        let folder = super::Folder::build(&refs, &xref);
        let question = |briefing: &str, id: &str| {
            let b = store.position(briefing).unwrap();
            folder
                .questions
                .iter()
                .find(|q| q.at.briefing == b && refs[b].questions[q.at.item.index()].id == id)
        };
        // The 2023-12 question on the basis of "more than a million" is answered by the 2024-06 estimate.
        let basis = question("trilateral-nsa-seoul-2023-12", "shell-count-basis").unwrap();
        let basis = basis.addressed.as_ref().unwrap_or_else(|| panic!("{basis:?}"));
        assert_eq!(refs[basis.by.briefing].id, "allies-condemn-pact-2024-06");
        // Nothing in the folder is later than the 2024-06 briefing.
        let newest = store.position("allies-condemn-pact-2024-06").unwrap();
        assert!(folder.questions.iter().filter(|q| q.at.briefing == newest).all(|q| q.addressed.is_none()));
    }
}
