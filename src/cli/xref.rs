//! `brief xref`: the items of other briefings related to one item or to every item of a briefing.

use std::process::ExitCode;

use super::folder::find;
use super::json::{XrefItemJson, XrefJson};
use super::{Failure, print_json, print_out};
use crate::model::ItemRef;
use crate::render::xref::{Related, report_text};
use crate::store::Store;
use crate::tui;
use crate::xref::{CrossRef, ItemAt};

pub fn run(store: &Store, target: &str, json: bool) -> Result<ExitCode, Failure> {
    let (briefing_id, item_id) = match target.split_once('#') {
        Some((b, i)) => (b, Some(i)),
        None => (target, None),
    };
    let at = find(store, briefing_id)?;
    let briefings = store.briefings();
    let b = briefings[at];
    let items: Vec<ItemRef> = match item_id {
        Some(id) => vec![
            b.item(id)
                .ok_or_else(|| Failure::Usage(format!("briefing `{briefing_id}` has no item `{id}`")))?,
        ],
        None => b.items().map(|(_, item)| item).collect(),
    };
    let graph = CrossRef::build(&briefings);
    let mut report = Vec::new();
    for item in items {
        let from = ItemAt { briefing: at, item };
        let links = graph.related(&briefings, from);
        if links.is_empty() && item_id.is_none() {
            continue;
        }
        let support = matches!(item, ItemRef::Claim(_)).then(|| graph.corroboration_from(&briefings, &links));
        report.push(Related { from, links, support });
    }
    if json {
        let items = report.iter().map(|r| XrefItemJson::new(&briefings, r)).collect();
        return print_json(&XrefJson { items });
    }
    print_out(&report_text(&briefings, &report, tui::output_width()))
}
