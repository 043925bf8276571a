//! `brief xref`: the items of other briefings related to one item or to every item of a briefing.

use std::path::Path;
use std::process::ExitCode;

use super::folder::{Shown, about_briefing};
use super::json::{XrefItemJson, XrefJson};
use super::{Failure, json_text, print_out};
use crate::model::ItemRef;
use crate::render::xref::{Related, report_text};
use crate::tui;
use crate::xref::ItemAt;

pub fn run(dir: &Path, cached: bool, target: &str, json: bool) -> Result<ExitCode, Failure> {
    let (briefing_id, item_id) = match target.split_once('#') {
        Some((b, i)) => (b, Some(i)),
        None => (target, None),
    };
    let shown = if json { Shown::All } else { Shown::Some };
    let out = about_briefing(dir, cached, briefing_id, item_id, shown, |at, briefings, graph| {
        let b = briefings.briefing(at);
        let items: Vec<ItemRef> = match item_id {
            Some(id) => vec![
                b.item(id)
                    .ok_or_else(|| Failure::Usage(format!("briefing `{briefing_id}` has no item `{id}`")))?,
            ],
            None => b.items().map(|(_, item)| item).collect(),
        };
        let items: Vec<ItemAt> = items.into_iter().map(|item| ItemAt { briefing: at, item }).collect();
        let report: Vec<Related> = (items.iter().zip(graph.linked(&items, shown.inferred())))
            .filter(|(_, linked)| linked.total > 0 || item_id.is_some())
            .map(|(&from, linked)| Related { from, linked })
            .collect();
        if json {
            let items = report.iter().map(|r| XrefItemJson::new(briefings, r)).collect();
            return json_text(&XrefJson { items });
        }
        Ok(report_text(briefings, graph, &report, tui::output_width()))
    })?;
    print_out(&out)
}
