//! The briefing schema (format version 1), as documented in `docs/briefing-format.md`.
//!
//! These types only describe the data; reading files and checking cross-item rules is `store`'s job.
//! Every struct rejects unknown keys so that a misspelt key is an error instead of silently lost data.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The only format version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    pub schema: u32,
    pub id: String,
    pub title: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub status: Status,
    pub source: Source,
    #[serde(default, rename = "actor", skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default, rename = "figure", skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(default, rename = "claim", skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    #[serde(default, rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    Reviewed,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Path of the article text, relative to the briefing file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Person,
    State,
    Organisation,
    Outlet,
    Place,
    Group,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default)]
    pub qualifier: Qualifier,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<Ref>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    MoreThan,
    AtLeast,
    UpTo,
    LessThan,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub claimed_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    pub stance: Stance,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<Ref>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Asserts,
    Denies,
    Warns,
    Urges,
    Estimates,
}

/// Admiralty-code source reliability, `A` (reliable) to `F` (cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

/// Admiralty-code information credibility, 1 (confirmed) to 6 (cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Credibility(u8);

impl Figure {
    /// The figure in words with what it counts: "more than a million artillery shells". The unit is left
    /// out when the words already say it ("only 200 kilometers"), and put in parentheses when they name
    /// its first word another way ("roughly two months’ worth (months of supply)").
    pub fn phrase(&self) -> String {
        let stems = |text: &str| -> Vec<String> {
            crate::text::words(text).iter().map(|w| crate::text::stem(&w.folded).to_string()).collect()
        };
        let (said, unit) = (stems(&self.text), stems(&self.unit));
        let Some(head) = unit.first() else { return self.text.clone() };
        if said.windows(unit.len()).any(|w| w == unit.as_slice()) {
            self.text.clone()
        } else if said.contains(head) {
            format!("{} ({})", self.text, self.unit)
        } else {
            format!("{} {}", self.text, self.unit)
        }
    }
}

impl Credibility {
    pub fn new(grade: u8) -> Option<Self> {
        (1..=6).contains(&grade).then_some(Self(grade))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let grade = i64::deserialize(deserializer)?;
        u8::try_from(grade)
            .ok()
            .and_then(Credibility::new)
            .ok_or_else(|| serde::de::Error::custom(format!("credibility must be 1 to 6, found {grade}")))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<Ref>,
}

/// A link from an item to an item of another briefing.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ref {
    /// `briefing-id#item-id`
    pub to: String,
    pub relation: Relation,
}

impl Ref {
    /// Splits `to` into briefing id and item id, if it has the `a#b` shape.
    pub fn target(&self) -> Option<(&str, &str)> {
        self.to.split_once('#')
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Corroborates,
    Contradicts,
    Updates,
    SameEvent,
}

/// A calendar date, possibly known only to the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that do not exist.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("invalid date {text:?}: expected YYYY-MM-DD, YYYY-MM or YYYY");
        let mut parts = text.split('-');
        let year = parse_digits(parts.next(), 4).ok_or_else(bad)?;
        let month = parts.next().map(|p| parse_digits(Some(p), 2).ok_or_else(bad)).transpose()?;
        let day = parts.next().map(|p| parse_digits(Some(p), 2).ok_or_else(bad)).transpose()?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("invalid date {text:?}: month {m} does not exist"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "invalid date {text:?}: day {d} does not exist (month {m} of {year} has {last} days)"
                ));
            }
        }
        Ok(Date { year: year as u16, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }
}

fn parse_digits(part: Option<&str>, len: usize) -> Option<u32> {
    let part = part?;
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok()).flatten()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The key under which the `toml` crate hands a native TOML datetime to serde.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;

        impl<'de> serde::de::Visitor<'de> for DateVisitor {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date (2023-11-09, or the string \"2023-11\" or \"2023\")")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(E::custom)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                use serde::de::Error;
                let key: Option<String> = map.next_key()?;
                if key.as_deref() != Some(TOML_DATETIME_KEY) {
                    return Err(A::Error::custom("expected a date, found a table"));
                }
                let text: String = map.next_value()?;
                if text.contains(['T', 't', ' ', ':']) {
                    return Err(A::Error::custom(format!("expected a date without a time, found {text}")));
                }
                Date::parse(&text).map_err(A::Error::custom)
            }
        }

        deserializer.deserialize_any(DateVisitor)
    }
}

/// A reference to any item of a briefing, by kind and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    Actor(usize),
    Figure(usize),
    Claim(usize),
    Question(usize),
}

impl ItemRef {
    /// The item's position in its section.
    pub fn index(self) -> usize {
        match self {
            ItemRef::Actor(i) | ItemRef::Figure(i) | ItemRef::Claim(i) | ItemRef::Question(i) => i,
        }
    }
}

/// The briefings of a folder by position (as `crate::xref::ItemAt` names them): all loaded, or only
/// those a command decoded for what it prints.
pub trait Briefings {
    /// The briefing at `at`; the caller asks only for one it has (a position of the folder, or one the
    /// subset was decoded with).
    fn briefing(&self, at: usize) -> &Briefing;
}

impl Briefings for [&Briefing] {
    fn briefing(&self, at: usize) -> &Briefing {
        self[at]
    }
}

impl Briefings for Vec<&Briefing> {
    fn briefing(&self, at: usize) -> &Briefing {
        self[at]
    }
}

impl<S: std::hash::BuildHasher> Briefings for std::collections::HashMap<usize, Briefing, S> {
    fn briefing(&self, at: usize) -> &Briefing {
        &self[&at]
    }
}

impl Briefing {
    /// Every item id of the briefing with its place, in document order by section.
    pub fn items(&self) -> impl Iterator<Item = (&str, ItemRef)> {
        let actors = self.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), ItemRef::Actor(i)));
        let figures = self.figures.iter().enumerate().map(|(i, f)| (f.id.as_str(), ItemRef::Figure(i)));
        let claims = self.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), ItemRef::Claim(i)));
        let questions = self.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), ItemRef::Question(i)));
        actors.chain(figures).chain(claims).chain(questions)
    }

    pub fn item(&self, id: &str) -> Option<ItemRef> {
        self.items().find(|(item_id, _)| *item_id == id).map(|(_, r)| r)
    }

    /// The id of an item.
    pub fn item_id(&self, item: ItemRef) -> &str {
        match item {
            ItemRef::Actor(i) => &self.actors[i].id,
            ItemRef::Figure(i) => &self.figures[i].id,
            ItemRef::Claim(i) => &self.claims[i].id,
            ItemRef::Question(i) => &self.questions[i].id,
        }
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The display name of an actor id, or the id itself when it names no actor.
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |a| a.name.as_str())
    }

    /// A short human label of an item: the actor's name, the figure's words, the claim or question text.
    pub fn item_label(&self, item: ItemRef) -> String {
        match item {
            ItemRef::Actor(i) => self.actors[i].name.clone(),
            ItemRef::Figure(i) => self.figures[i].phrase(),
            ItemRef::Claim(i) => self.claims[i].text.clone(),
            ItemRef::Question(i) => self.questions[i].text.clone(),
        }
    }

    /// The refs an item carries (actors carry none).
    pub fn item_refs(&self, item: ItemRef) -> &[Ref] {
        match item {
            ItemRef::Actor(_) => &[],
            ItemRef::Figure(i) => &self.figures[i].refs,
            ItemRef::Claim(i) => &self.claims[i].refs,
            ItemRef::Question(i) => &self.questions[i].refs,
        }
    }
}

/// Whether `id` is a valid slug: `[a-z0-9-]+`, at most 64 bytes.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

macro_rules! display_kebab {
    ($($ty:ty),*) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // The serde name is the one users write in files, so show that same word.
                let value = serde_json::to_value(self).map_err(|_| fmt::Error)?;
                f.write_str(value.as_str().ok_or(fmt::Error)?)
            }
        }
    )*};
}

display_kebab!(Status, ActorKind, Qualifier, Stance, Reliability, Relation);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_says_its_unit_once() {
        let figure = |text: &str, unit: &str| Figure {
            id: "f".into(),
            value: 1.0,
            unit: unit.into(),
            subject: None,
            qualifier: Qualifier::Exact,
            text: text.into(),
            claimed_by: None,
            as_of: None,
            quote: String::new(),
            refs: Vec::new(),
        };
        assert_eq!(figure("only 200 kilometers", "kilometers").phrase(), "only 200 kilometers");
        assert_eq!(figure("three entities", "entity").phrase(), "three entities");
        assert_eq!(
            figure("some 1.6m Artillery Shells", "artillery shells").phrase(),
            "some 1.6m Artillery Shells"
        );
        assert_eq!(
            figure("roughly two months’ worth", "months of supply").phrase(),
            "roughly two months’ worth (months of supply)"
        );
        assert_eq!(
            figure("more than a million", "artillery shells").phrase(),
            "more than a million artillery shells"
        );
        assert_eq!(figure("twice", "").phrase(), "twice");
    }

    #[test]
    fn dates_parse_with_partial_precision_and_reject_impossible_days() {
        assert_eq!(Date::parse("2023-11").unwrap().to_string(), "2023-11");
        assert_eq!(Date::parse("2024-02-29").unwrap().day, Some(29));
        assert!(Date::parse("2023-02-29").unwrap_err().contains("day 29 does not exist"));
        assert!(Date::parse("2023-13").unwrap_err().contains("month 13"));
        assert!(Date::parse("23-11-09").is_err());
        assert!(Date::parse("2023-11-09-01").is_err());
    }

    #[test]
    fn partial_dates_sort_before_full_dates_of_the_same_month() {
        assert!(Date::parse("2023-11").unwrap() < Date::parse("2023-11-01").unwrap());
        assert!(Date::parse("2023-12").unwrap() > Date::parse("2023-11-30").unwrap());
    }

    #[test]
    fn enum_display_uses_the_file_spelling() {
        assert_eq!(Qualifier::MoreThan.to_string(), "more-than");
        assert_eq!(Relation::SameEvent.to_string(), "same-event");
        assert_eq!(Reliability::B.to_string(), "B");
    }

    #[test]
    fn slugs() {
        assert!(is_slug("kim-jong-un-2"));
        assert!(!is_slug("Kim"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug(""));
        assert!(!is_slug(&"a".repeat(65)));
    }
}
