//! The actors board and `brief actors`: every actor of the folder as one entry (the registry joins its
//! spellings across briefings), with its roles over time, the briefings it appears in, the claims it
//! makes with their stances, the claims of others that name it, and its appearances by month.

use serde::Serialize;

use crate::model::{ActorKind, Briefing, Date, ItemRef, Stance};
use crate::xref::{CrossRef, ItemAt};

use super::items::Items;
use super::{Month, chronological, published};

#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// The actor's group in the graph's registry.
    pub group: usize,
    pub name: String,
    pub kind: ActorKind,
    /// Every other name and alias it goes by in the folder.
    pub aliases: Vec<String>,
    /// Each role it is given, with the first and last dates it was given it, by first date.
    pub roles: Vec<Role>,
    /// The briefings it appears in, oldest first.
    pub briefings: Vec<usize>,
    /// The claims it makes, oldest first.
    pub claims: Items,
    pub stances: StanceCounts,
    /// Claims of others that name it (in their text or quote), oldest first.
    pub about: Items,
    /// How many briefings it appears in, per month, in order; `undated` counts the rest.
    pub months: Vec<(Month, u32)>,
    pub undated: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub role: String,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

/// How many of an actor's claims take each stance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StanceCounts {
    pub asserts: u32,
    pub denies: u32,
    pub warns: u32,
    pub urges: u32,
    pub estimates: u32,
}

impl StanceCounts {
    fn add(&mut self, stance: Stance) {
        *match stance {
            Stance::Asserts => &mut self.asserts,
            Stance::Denies => &mut self.denies,
            Stance::Warns => &mut self.warns,
            Stance::Urges => &mut self.urges,
            Stance::Estimates => &mut self.estimates,
        } += 1;
    }

    /// Each stance taken, with its count: [("asserts", 4), ("denies", 1)].
    pub fn taken(&self) -> Vec<(Stance, u32)> {
        let all = [
            (Stance::Asserts, self.asserts),
            (Stance::Denies, self.denies),
            (Stance::Warns, self.warns),
            (Stance::Urges, self.urges),
            (Stance::Estimates, self.estimates),
        ];
        all.into_iter().filter(|&(_, n)| n > 0).collect()
    }
}

/// Every actor of the folder, those in the most briefings first (then by name).
pub fn actors(briefings: &[&Briefing], xref: &CrossRef) -> Vec<ActorEntry> {
    let registry = xref.registry();
    let mut entries: Vec<ActorEntry> = (registry.groups.iter().enumerate())
        .map(|(g, group)| ActorEntry {
            group: g,
            name: group.name.clone(),
            kind: group.kind,
            aliases: group.spellings.iter().skip(1).cloned().collect(),
            roles: Vec::new(),
            briefings: Vec::new(),
            claims: Items::default(),
            stances: StanceCounts::default(),
            about: Items::default(),
            months: Vec::new(),
            undated: 0,
        })
        .collect();
    for (g, group) in registry.groups.iter().enumerate() {
        let entry = &mut entries[g];
        for &(b, a) in &group.members {
            // Members come briefing by briefing: a repeat is the last one.
            if entry.briefings.last() != Some(&b) {
                entry.briefings.push(b);
            }
            if let Some(role) = &briefings[b].actors[a].role {
                let date = published(briefings, b);
                match entry.roles.iter_mut().find(|r| r.role == *role) {
                    Some(known) => {
                        known.first = earliest(known.first, date);
                        known.last = latest(known.last, date);
                    }
                    None => entry.roles.push(Role { role: role.clone(), first: date, last: date }),
                }
            }
        }
    }
    // Claims by an actor, then claims that name it, found once for the whole folder.
    let mut claimant = Vec::new();
    for (bi, b) in briefings.iter().enumerate() {
        for (ci, claim) in b.claims.iter().enumerate() {
            let group = (b.actors.iter().position(|a| a.id == claim.claimed_by))
                .and_then(|a| registry.group_of((bi, a)));
            let at = ItemAt { briefing: bi, item: ItemRef::Claim(ci) };
            if let Some(g) = group {
                entries[g].claims.push(at);
                entries[g].stances.add(claim.stance);
            }
            claimant.push((at, group));
        }
    }
    for (at, by) in claimant {
        for g in xref.mentions(at) {
            if Some(g) != by && g < entries.len() {
                entries[g].about.push(at);
            }
        }
    }
    for entry in &mut entries {
        entry.briefings.sort_by_key(|&b| {
            let date = published(briefings, b);
            (date.is_none(), date, b)
        });
        entry.claims.sort_by_key(|at| chronological(briefings, at));
        entry.about.sort_by_key(|at| chronological(briefings, at));
        entry.roles.sort_by_key(|r| (r.first.is_none(), r.first));
        for &b in &entry.briefings {
            match published(briefings, b).map(Month::of) {
                Some(month) => match entry.months.last_mut() {
                    Some((last, count)) if *last == month => *count += 1,
                    _ => entry.months.push((month, 1)),
                },
                None => entry.undated += 1,
            }
        }
    }
    entries.sort_by(|a, b| b.briefings.len().cmp(&a.briefings.len()).then_with(|| a.name.cmp(&b.name)));
    entries
}

fn earliest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn latest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    a.max(b)
}
