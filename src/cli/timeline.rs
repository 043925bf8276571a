//! `brief timeline`: briefings and claims by month, for the folder, an actor or a search query.

use std::collections::HashSet;
use std::process::ExitCode;

use super::json::TimelineJson;
use super::{Failure, print_json, print_out};
use crate::cache::Loaded;
use crate::folder::actors;
use crate::folder::timeline::{self, Selection};
use crate::model::{ItemRef, Stance};
use crate::render;
use crate::search::{SearchIndex, Target};
use crate::xref::{CrossRef, ItemAt};

pub fn run(
    loaded: Loaded,
    query: &str,
    actor: Option<&str>,
    stances: &[String],
    json: bool,
) -> Result<ExitCode, Failure> {
    let stances = stances.iter().map(|s| parse_stance(s)).collect::<Result<Vec<Stance>, Failure>>()?;
    let Loaded { store, index, .. } = loaded;
    let briefings = store.briefings();
    let query = query.trim();
    let (index, xref) = match (index, query.is_empty()) {
        (_, true) => (None, (actor.is_some()).then(|| CrossRef::build(&briefings))),
        (Some(index), false) => (Some(index), actor.is_some().then(|| CrossRef::build(&briefings))),
        (None, false) => {
            let (index, xref) = crate::engine::build(&briefings);
            (Some(index), Some(xref))
        }
    };
    let mut selection = Selection::All;
    let mut said = Vec::new();
    if let (Some(name), Some(xref)) = (actor, &xref) {
        let groups = xref.registry().lookup(name);
        if groups.is_empty() {
            return Err(Failure::Usage(format!(
                "no actor named `{name}` in {} (see `brief actors`)",
                store.dir.display()
            )));
        }
        let (mut chosen, mut claims) = (Vec::new(), Vec::new());
        for entry in actors::actors(&briefings, xref).into_iter().filter(|a| groups.contains(&a.group)) {
            said.push(entry.name.clone());
            chosen.extend(entry.briefings);
            claims.extend(entry.claims);
            claims.extend(entry.about);
        }
        selection = Selection::Only { briefings: chosen, claims };
    }
    if let Some(index) = &index {
        selection = intersect(selection, hits(index, query)?);
    }
    if said.len() > 1 {
        say!(
            "brief: `{}` names {} actors ({}): all are shown",
            crate::sanitize::neutralize(actor.unwrap_or_default()),
            said.len(),
            said.join(", ")
        );
    }
    let t = timeline::build(&briefings[..], &selection, &stances);
    if json {
        return print_json(&TimelineJson::new(&briefings, &t));
    }
    print_out(&render::timeline::text(&briefings, &t))
}

/// Every hit of the query: briefings (a hit on the briefing or an item other than a claim) and claims.
fn hits(index: &SearchIndex, query: &str) -> Result<Selection, Failure> {
    let parsed = index.parse(query).map_err(|e| Failure::Usage(format!("query: {e}")))?;
    let (mut briefings, mut claims) = (Vec::new(), Vec::new());
    for hit in index.rank(&parsed, usize::MAX).hits {
        match index.target(&hit) {
            Target::Item(item @ ItemRef::Claim(_)) => claims.push(ItemAt { briefing: hit.briefing, item }),
            _ => briefings.push(hit.briefing),
        }
    }
    Ok(Selection::Only { briefings, claims })
}

/// What both selections hold: an actor's items that the query found too.
fn intersect(a: Selection, b: Selection) -> Selection {
    match (a, b) {
        (Selection::All, other) | (other, Selection::All) => other,
        (Selection::Only { briefings: ab, claims: ac }, Selection::Only { briefings: bb, claims: bc }) => {
            let (bc, bb): (HashSet<ItemAt>, HashSet<usize>) =
                (bc.into_iter().collect(), bb.into_iter().collect());
            let claims: Vec<ItemAt> = ac.into_iter().filter(|c| bc.contains(c)).collect();
            let briefings = ab.into_iter().filter(|b| bb.contains(b)).collect();
            Selection::Only { briefings, claims }
        }
    }
}

fn parse_stance(text: &str) -> Result<Stance, Failure> {
    serde_json::from_value(serde_json::Value::String(text.to_ascii_lowercase())).map_err(|_| {
        Failure::Usage(format!(
            "--stance `{text}` is not a stance (asserts, denies, warns, urges, estimates)"
        ))
    })
}
