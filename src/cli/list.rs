//! `brief list`: one line (or JSON object) per briefing.

use std::process::ExitCode;

use super::json::ListRow;
use super::{Failure, print_json, print_out};
use crate::render;
use crate::store::Store;

pub fn run(store: &Store, json: bool) -> Result<ExitCode, Failure> {
    if json {
        let rows: Vec<ListRow> = store.entries.iter().map(ListRow::new).collect();
        return print_json(&rows);
    }
    print_out(&render::list::table(&store.briefings()))
}
