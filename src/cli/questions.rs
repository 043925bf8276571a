//! `brief questions`: every question of the folder and whether a later briefing addresses it.

use std::process::ExitCode;

use super::json::{QuestionJson, QuestionsJson};
use super::{Failure, print_json, print_out};
use crate::folder::{figures, questions};
use crate::render;
use crate::store::Store;
use crate::xref::CrossRef;

pub fn run(store: &Store, open: bool, json: bool) -> Result<ExitCode, Failure> {
    let briefings = store.briefings();
    let xref = CrossRef::build(&briefings);
    let mut entries = questions::questions(&briefings, &xref, &figures::groups(&briefings, &xref));
    if open {
        entries.retain(|q| q.addressed.is_none());
    }
    if json {
        return print_json(&QuestionsJson {
            questions: entries.iter().map(|q| QuestionJson::new(&briefings, q)).collect(),
        });
    }
    print_out(&render::questions::text(&briefings, &entries))
}
