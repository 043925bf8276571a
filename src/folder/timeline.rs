//! The timeline: briefings and their claims on a date axis, month by month, oldest first, for the whole
//! folder or for a selection of it (an actor's appearances and claims, or a search's hits), so that the
//! assertions and denials of one thing are read in the order they were made.

use serde::Serialize;

use crate::model::{Briefing, Date, ItemRef, Stance};
use crate::xref::ItemAt;

use super::Month;
use super::labels::Labels;

/// What the timeline needs of a folder: its briefings' dates and claims' stances, from the briefings
/// or from their [`Labels`].
pub trait Dated {
    fn briefing_count(&self) -> usize;
    fn published(&self, briefing: usize) -> Option<Date>;
    fn claim_count(&self, briefing: usize) -> usize;
    fn stance(&self, at: ItemAt) -> Option<Stance>;
}

impl Dated for [&Briefing] {
    fn briefing_count(&self) -> usize {
        self.len()
    }

    fn published(&self, briefing: usize) -> Option<Date> {
        self[briefing].source.published
    }

    fn claim_count(&self, briefing: usize) -> usize {
        self[briefing].claims.len()
    }

    fn stance(&self, at: ItemAt) -> Option<Stance> {
        let ItemRef::Claim(c) = at.item else { return None };
        Some(self[at.briefing].claims[c].stance)
    }
}

impl Dated for Labels {
    fn briefing_count(&self) -> usize {
        self.len()
    }

    fn published(&self, briefing: usize) -> Option<Date> {
        Labels::published(self, briefing)
    }

    fn claim_count(&self, briefing: usize) -> usize {
        Labels::claim_count(self, briefing)
    }

    fn stance(&self, at: ItemAt) -> Option<Stance> {
        Labels::stance(self, at)
    }
}

/// What the timeline shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Selection {
    /// Every briefing with all its claims.
    #[default]
    All,
    /// These briefings (with none of their claims unless listed) and these claims (each with its
    /// briefing).
    Only { briefings: Vec<usize>, claims: Vec<ItemAt> },
}

/// One line of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A month's heading; `None` heads the undated briefings, which come last.
    Month(Option<Month>),
    Briefing(usize),
    Claim(ItemAt),
}

/// The rows of a timeline, eight bytes each (a [`Row`] takes 32): the whole folder's has a row per
/// claim, 685,000 at 100,000 briefings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rows(Vec<u64>);

impl Row {
    /// The kind in the two low bits; a month as its year and month number, a claim as its briefing
    /// (high half) and its index among the briefing's claims (a briefing's claims number far below 2^30).
    fn pack(self) -> u64 {
        match self {
            Row::Month(None) => 0,
            Row::Month(Some(m)) => ((u64::from(m.year) << 8 | u64::from(m.month.unwrap_or(0))) + 1) << 2,
            Row::Briefing(b) => (b as u64) << 2 | 1,
            Row::Claim(at) => (at.briefing as u64) << 32 | ((at.item.index() as u64) << 2 & 0xffff_ffff) | 2,
        }
    }

    fn unpack(packed: u64) -> Row {
        match packed & 3 {
            0 => {
                Row::Month((packed >> 2).checked_sub(1).map(|m| Month {
                    year: (m >> 8) as u16,
                    month: Some((m & 0xff) as u8).filter(|&n| n != 0),
                }))
            }
            1 => Row::Briefing((packed >> 2) as usize),
            _ => Row::Claim(ItemAt {
                briefing: (packed >> 32) as usize,
                item: ItemRef::Claim(((packed & 0xffff_ffff) >> 2) as usize),
            }),
        }
    }
}

impl Rows {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Row> {
        self.0.get(i).copied().map(Row::unpack)
    }

    pub fn iter(&self) -> impl Iterator<Item = Row> + '_ {
        self.0.iter().copied().map(Row::unpack)
    }

    fn push(&mut self, row: Row) {
        self.0.push(row.pack());
    }
}

/// The rows, and per month how many briefings and claims it shows (for the chart).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub rows: Rows,
    pub months: Vec<MonthCount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `None` for the undated.
    pub month: Option<Month>,
    pub briefings: u32,
    pub claims: u32,
}

impl Timeline {
    pub fn briefings(&self) -> usize {
        self.months.iter().map(|m| m.briefings as usize).sum()
    }

    pub fn claims(&self) -> usize {
        self.months.iter().map(|m| m.claims as usize).sum()
    }
}

/// The timeline of `selection`, keeping only claims of the given stances when `stances` is not empty.
/// A briefing shows when it is selected or one of its claims shows; with stances given, only when one
/// of its claims shows.
pub fn build<D: Dated + ?Sized>(briefings: &D, selection: &Selection, stances: &[Stance]) -> Timeline {
    let keep = |at: &ItemAt| {
        let Some(stance) = briefings.stance(*at) else { return false };
        stances.is_empty() || stances.contains(&stance)
    };
    // (briefing, its claims to show), in date order.
    let mut shown: Vec<(usize, Vec<usize>)> = match selection {
        Selection::All => (0..briefings.briefing_count())
            .map(|b| {
                let claims = (0..briefings.claim_count(b))
                    .filter(|&c| keep(&ItemAt { briefing: b, item: ItemRef::Claim(c) }))
                    .collect();
                (b, claims)
            })
            .collect(),
        Selection::Only { briefings: chosen, claims } => {
            let mut by_briefing: foldhash::HashMap<usize, Vec<usize>> = foldhash::HashMap::default();
            for &b in chosen {
                by_briefing.entry(b).or_default();
            }
            for at in claims.iter().filter(|at| keep(at)) {
                by_briefing.entry(at.briefing).or_default().push(at.item.index());
            }
            by_briefing
                .into_iter()
                .map(|(b, mut claims)| {
                    claims.sort_unstable();
                    claims.dedup();
                    (b, claims)
                })
                .collect()
        }
    };
    if !stances.is_empty() {
        shown.retain(|(_, claims)| !claims.is_empty());
    }
    shown.sort_by_key(|&(b, _)| {
        let date = briefings.published(b);
        (date.is_none(), date, b)
    });
    let mut timeline = Timeline::default();
    // Every row at once: at most a month's heading, the briefing and its claims for each.
    timeline.rows.0.reserve_exact(shown.iter().map(|(_, claims)| 2 + claims.len()).sum());
    for (b, claims) in shown {
        let month = briefings.published(b).map(Month::of);
        if timeline.months.last().is_none_or(|m| m.month != month) {
            timeline.months.push(MonthCount { month, briefings: 0, claims: 0 });
            timeline.rows.push(Row::Month(month));
        }
        if let Some(count) = timeline.months.last_mut() {
            count.briefings += 1;
            count.claims += claims.len() as u32;
        }
        timeline.rows.push(Row::Briefing(b));
        for c in claims {
            timeline.rows.push(Row::Claim(ItemAt { briefing: b, item: ItemRef::Claim(c) }));
        }
    }
    timeline
}
