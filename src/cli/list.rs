//! `brief list`: one line (or JSON object) per briefing.

use std::path::Path;
use std::process::ExitCode;

use super::folder::{load, report_load_errors};
use super::json::{ListJson, ListRow};
use super::{Failure, print_json, print_out};
use crate::{cache, catalog, render};

/// From the cache's list when it is fresh (no briefing decoded), else after loading the folder.
pub fn run(dir: &Path, cached: bool, json: bool) -> Result<ExitCode, Failure> {
    let rows = match cached.then(|| cache::catalog(dir)).flatten() {
        Some((rows, summary)) => {
            report_load_errors(&summary.errors, summary.failed);
            rows
        }
        None => catalog::rows(&load(dir, cached)?.store),
    };
    if json {
        return print_json(&ListJson { briefings: rows.iter().map(ListRow::new).collect() });
    }
    print_out(&render::list::table(&rows))
}
