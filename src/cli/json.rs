//! The JSON the commands print with `--json`, one typed struct per object (docs/json.md describes them).
//! Fields that were once written with `serde_json::json!` keep its alphabetical order.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::catalog::Row;
use crate::folder::Month;
use crate::folder::actors::{ActorEntry, Role, StanceCounts};
use crate::folder::questions::QuestionEntry;
use crate::folder::timeline::{Row as TimelineRow, Timeline};
use crate::model::{ActorKind, Briefing, Briefings, Date, ItemRef, Qualifier, Stance, Status};
use crate::render::figures::{figure_at, values_differ};
use crate::render::hits::item_id;
use crate::render::item_address;
use crate::render::xref::Related;
use crate::search::{self, Results};
use crate::xref::{ItemAt, figure_date, reason};

/// The version of the `--json` schema, raised when a field changes meaning or goes away (new fields may
/// appear without it).
pub const VERSION: u32 = 1;

/// A command's whole `--json` output: an object (a struct with named fields), which
/// [`super::print_json`] prints after the version. Arrays are not outputs: they go in a named field.
pub trait Output: Serialize {}

impl Output for ListJson<'_> {}
impl Output for SearchJson<'_> {}
impl Output for XrefJson<'_> {}
impl Output for FiguresJson<'_> {}
impl Output for QuestionsJson<'_> {}
impl Output for ActorsJson<'_> {}
impl Output for TimelineJson<'_> {}

/// `brief questions --json`.
#[derive(Serialize)]
pub struct QuestionsJson<'a> {
    pub questions: Vec<QuestionJson<'a>>,
}

/// `brief actors --json`.
#[derive(Serialize)]
pub struct ActorsJson<'a> {
    pub actors: Vec<ActorJson<'a>>,
}

/// Every `--json` output: `{"version": 1, ...the command's fields}`.
#[derive(Serialize)]
pub struct Versioned<'a, T: Output> {
    pub version: u32,
    #[serde(flatten)]
    pub body: &'a T,
}

/// `brief list --json`.
#[derive(Serialize)]
pub struct ListJson<'a> {
    pub briefings: Vec<ListRow<'a>>,
}

/// `brief xref --json`.
#[derive(Serialize)]
pub struct XrefJson<'a> {
    pub items: Vec<XrefItemJson<'a>>,
}

/// `brief figures --json`.
#[derive(Serialize)]
pub struct FiguresJson<'a> {
    pub groups: Vec<FigureGroupJson<'a>>,
}

/// One briefing of `brief list --json`.
#[derive(Serialize)]
pub struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    published: Option<Date>,
    status: Status,
    path: String,
    figures: u32,
    actors: u32,
    claims: u32,
    questions: u32,
}

impl<'a> ListRow<'a> {
    pub fn new(row: &'a Row) -> Self {
        ListRow {
            id: &row.id,
            title: &row.title,
            outlet: &row.outlet,
            published: row.published,
            status: row.status,
            path: row.path.display().to_string(),
            figures: row.figures,
            actors: row.actors,
            claims: row.claims,
            questions: row.questions,
        }
    }
}

/// `brief search --json`.
#[derive(Serialize)]
pub struct SearchJson<'a> {
    query: &'a str,
    total: usize,
    hits: Vec<HitJson<'a>>,
}

#[derive(Serialize)]
struct HitJson<'a> {
    briefing: &'a str,
    /// The item id, absent for a hit on the briefing's title, summary, tags or source.
    item: Option<&'a str>,
    section: &'static str,
    score: f32,
    matches: Vec<MatchJson>,
}

#[derive(Serialize)]
struct MatchJson {
    field: &'static str,
    text: String,
    /// Byte ranges of the matches in `text`, end exclusive.
    ranges: Vec<[usize; 2]>,
}

impl<'a> SearchJson<'a> {
    /// The hits of `results`; `briefing` gives the briefing of a hit.
    pub fn new<'b: 'a>(query: &'a str, results: &Results, briefing: impl Fn(usize) -> &'b Briefing) -> Self {
        let hits = results
            .hits
            .iter()
            .map(|hit| {
                let b = briefing(hit.briefing);
                HitJson {
                    briefing: &b.id,
                    item: item_id(b, hit),
                    section: hit.section(),
                    score: hit.score,
                    matches: hit
                        .matches
                        .iter()
                        .map(|m| MatchJson {
                            field: m.field.name(),
                            text: search::fields(b, hit.target)
                                .into_iter()
                                .find(|(f, _)| *f == m.field)
                                .map(|(_, text)| text.into_owned())
                                .unwrap_or_default(),
                            ranges: m.ranges.iter().map(|r| [r.start, r.end]).collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        SearchJson { query, total: results.total, hits }
    }
}

/// One item of `brief xref --json`. Fields are in alphabetical order, as they were when this was built
/// with `serde_json::json!` (whose maps sort their keys), so the output stays the same.
#[derive(Serialize)]
pub struct XrefItemJson<'a> {
    corroboration: Option<CorroborationJson<'a>>,
    item: String,
    label: String,
    related: Vec<XrefLinkJson<'a>>,
}

#[derive(Serialize)]
struct CorroborationJson<'a> {
    claimants: &'a BTreeSet<String>,
    outlets: &'a BTreeSet<String>,
}

#[derive(Serialize)]
struct XrefLinkJson<'a> {
    briefing_title: &'a str,
    explicit: bool,
    item: String,
    label: String,
    outlet: &'a str,
    published: Option<Date>,
    reason: String,
    relation: &'static str,
    /// Widened as `json!` widened it, so scores print the same.
    score: f64,
}

impl<'a> XrefItemJson<'a> {
    pub fn new<B: Briefings + ?Sized>(briefings: &'a B, related: &'a Related) -> Self {
        let Related { from, linked } = related;
        let links = &linked.links;
        let support = matches!(from.item, ItemRef::Claim(_)).then_some(&linked.support);
        XrefItemJson {
            corroboration: support
                .map(|s| CorroborationJson { claimants: &s.claimants, outlets: &s.outlets }),
            item: item_address(briefings, *from),
            label: briefings.briefing(from.briefing).item_label(from.item),
            related: links
                .iter()
                .map(|l| {
                    let other = briefings.briefing(l.to.briefing);
                    XrefLinkJson {
                        briefing_title: &other.title,
                        explicit: l.kind.is_explicit(),
                        item: item_address(briefings, l.to),
                        label: other.item_label(l.to.item),
                        outlet: &other.source.outlet,
                        published: other.source.published,
                        reason: reason(briefings, *from, l),
                        relation: l.kind.label(),
                        score: f64::from(l.score),
                    }
                })
                .collect(),
        }
    }
}

/// One counted thing of `brief figures --json` and every value given for it.
#[derive(Serialize)]
pub struct FigureGroupJson<'a> {
    subject: Option<&'a str>,
    unit: &'a str,
    values: Vec<FigureValueJson<'a>>,
    values_differ: bool,
}

#[derive(Serialize)]
struct FigureValueJson<'a> {
    claimed_by: Option<&'a str>,
    date: Option<Date>,
    item: String,
    outlet: &'a str,
    qualifier: Qualifier,
    text: &'a str,
    value: f64,
}

impl<'a> FigureGroupJson<'a> {
    pub fn new(briefings: &[&'a Briefing], group: &[ItemAt]) -> Self {
        let (_, first) = figure_at(briefings, group[0]);
        FigureGroupJson {
            subject: first.subject.as_deref(),
            unit: &first.unit,
            values: group
                .iter()
                .map(|&at| {
                    let (b, f) = figure_at(briefings, at);
                    FigureValueJson {
                        claimed_by: f.claimed_by.as_deref().map(|id| b.actor_name(id)),
                        date: figure_date(briefings, at),
                        item: item_address(briefings, at),
                        outlet: &b.source.outlet,
                        qualifier: f.qualifier,
                        text: &f.text,
                        value: f.value,
                    }
                })
                .collect(),
            values_differ: values_differ(briefings, group),
        }
    }
}

/// One question of `brief questions --json`.
#[derive(Serialize)]
pub struct QuestionJson<'a> {
    item: String,
    text: &'a str,
    date: Option<Date>,
    /// "open", "addressed", or "open-as-far-as-compared" (a folder too large to compare every claim).
    status: &'static str,
    addressed_by: Option<AddressedJson<'a>>,
}

#[derive(Serialize)]
struct AddressedJson<'a> {
    item: String,
    text: String,
    date: Option<Date>,
    reason: &'a str,
}

impl<'a> QuestionJson<'a> {
    pub fn new(briefings: &[&'a Briefing], q: &'a QuestionEntry) -> Self {
        let b = briefings[q.at.briefing];
        QuestionJson {
            item: item_address(briefings, q.at),
            text: &b.questions[q.at.item.index()].text,
            date: q.date,
            status: match (&q.addressed, q.complete) {
                (Some(_), _) => "addressed",
                (None, true) => "open",
                (None, false) => "open-as-far-as-compared",
            },
            addressed_by: q.addressed.as_ref().map(|a| AddressedJson {
                item: item_address(briefings, a.by),
                text: briefings[a.by.briefing].item_label(a.by.item),
                date: a.date,
                reason: &a.reason,
            }),
        }
    }
}

/// One actor of `brief actors --json`.
#[derive(Serialize)]
pub struct ActorJson<'a> {
    name: &'a str,
    kind: ActorKind,
    aliases: &'a [String],
    roles: &'a [Role],
    /// Ids of the briefings it appears in, oldest first.
    briefings: Vec<&'a str>,
    stances: StanceCounts,
    /// The claims it makes, oldest first.
    claims: Vec<String>,
    /// Claims of others that name it, oldest first.
    named_in: Vec<String>,
    months: Vec<MonthJson>,
    undated: u32,
}

#[derive(Serialize)]
struct MonthJson {
    month: Month,
    briefings: u32,
}

impl<'a> ActorJson<'a> {
    pub fn new(briefings: &[&'a Briefing], a: &'a ActorEntry) -> Self {
        let address = |at: &ItemAt| item_address(briefings, *at);
        ActorJson {
            name: &a.name,
            kind: a.kind,
            aliases: &a.aliases,
            roles: &a.roles,
            briefings: a.briefings.iter().map(|&b| briefings[b].id.as_str()).collect(),
            stances: a.stances,
            claims: a.claims.iter().map(|at| address(&at)).collect(),
            named_in: a.about.iter().map(|at| address(&at)).collect(),
            months: a.months.iter().map(|&(month, briefings)| MonthJson { month, briefings }).collect(),
            undated: a.undated,
        }
    }
}

/// `brief timeline --json`: the months in order, each with its briefings and their claims shown.
#[derive(Serialize)]
pub struct TimelineJson<'a> {
    months: Vec<TimelineMonthJson<'a>>,
}

#[derive(Serialize)]
struct TimelineMonthJson<'a> {
    /// `null` for the undated briefings, which come last.
    month: Option<Month>,
    briefings: Vec<TimelineBriefingJson<'a>>,
}

#[derive(Serialize)]
struct TimelineBriefingJson<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    published: Option<Date>,
    claims: Vec<TimelineClaimJson<'a>>,
}

#[derive(Serialize)]
struct TimelineClaimJson<'a> {
    item: String,
    stance: Stance,
    claimed_by: &'a str,
    text: &'a str,
}

impl<'a> TimelineJson<'a> {
    pub fn new(briefings: &[&'a Briefing], t: &Timeline) -> Self {
        let mut months: Vec<TimelineMonthJson> = Vec::new();
        for row in t.rows.iter() {
            match row {
                TimelineRow::Month(month) => months.push(TimelineMonthJson { month, briefings: Vec::new() }),
                TimelineRow::Briefing(i) => {
                    let b = briefings[i];
                    let briefing = TimelineBriefingJson {
                        id: &b.id,
                        title: &b.title,
                        outlet: &b.source.outlet,
                        published: b.source.published,
                        claims: Vec::new(),
                    };
                    if let Some(m) = months.last_mut() {
                        m.briefings.push(briefing);
                    }
                }
                TimelineRow::Claim(at) => {
                    let b = briefings[at.briefing];
                    let c = &b.claims[at.item.index()];
                    let claim = TimelineClaimJson {
                        item: item_address(briefings, at),
                        stance: c.stance,
                        claimed_by: b.actor_name(&c.claimed_by),
                        text: &c.text,
                    };
                    let last = months.last_mut().and_then(|m| m.briefings.last_mut());
                    if let Some(b) = last {
                        b.claims.push(claim);
                    }
                }
            }
        }
        TimelineJson { months }
    }
}
