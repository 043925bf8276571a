//! `brief search`: ranked hits, answered from the cache when it is fresh.

use std::collections::HashMap;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use super::folder::{load_and_report, report_load_errors};
use super::json::SearchJson;
use super::{Failure, print_json, print_out};
use crate::actors::Registry;
use crate::cache;
use crate::model::Briefing;
use crate::render;
use crate::sanitize::neutralize;
use crate::search::{self, Results, SearchIndex};
use crate::tui;

/// `brief search`: from the cache when it is fresh, reading only the briefings of the hits shown; without
/// a cache, by [`search::scan`] over the folder's briefings; otherwise (a stale or damaged cache) after
/// loading the folder, which writes the cache again.
pub fn run(dir: &Path, cached: bool, query: &str, json: bool, limit: usize) -> Result<ExitCode, Failure> {
    let unparsable = |e: search::QueryError| {
        Failure::Usage(format!("cannot parse the query `{}`: {e}", neutralize(query)))
    };
    // No cache of this folder yet (a first run), or none wanted (`--no-cache`): the briefings that may
    // match are indexed, not the whole folder, and no cache is written (ARCHITECTURE.md, "Search
    // without a cache"). A cache that exists but cannot be used is written again below.
    if !cached || cache::location(dir).is_none_or(|path| !path.exists()) {
        let loaded = load_and_report(dir, false, false)?;
        let briefings = loaded.store.briefings();
        let results = search::scan(&briefings, query, limit).map_err(unparsable)?;
        return print_results(query, &results, json, |i| briefings[i]);
    }
    let mut damaged = false;
    let snapshot = cache::Snapshot::open(dir).filter(|s| s.check_fresh(dir).is_some());
    // A fresh cache whose index or summary fails its checksums is damaged: the load below writes it again.
    let parts = snapshot.as_ref().map(|s| (s.index(), s.summary()));
    damaged |= matches!(parts, Some((None, _) | (_, None)));
    if let Some(snapshot) = &snapshot
        && let Some((Some(index), Some(summary))) = parts
    {
        let parsed = index.parse(query).map_err(|e| {
            report_load_errors(&summary.errors, summary.failed);
            unparsable(e)
        })?;
        let ranking = index.rank(&parsed, limit);
        let mut briefings: HashMap<usize, Briefing> = HashMap::new();
        for hit in &ranking.hits {
            if let Some(b) = snapshot.briefing(hit.briefing) {
                briefings.insert(hit.briefing, b);
            }
        }
        if !index.found_corrupt() && ranking.hits.iter().all(|h| briefings.contains_key(&h.briefing)) {
            report_load_errors(&summary.errors, summary.failed);
            let hits = ranking.hits.into_iter().map(|h| index.resolve(&briefings[&h.briefing], h)).collect();
            let results = Results { hits, total: ranking.total };
            return print_results(query, &results, json, |i| &briefings[&i]);
        }
        damaged = true;
    }
    let loaded = load_and_report(dir, cached, damaged)?;
    let briefings = loaded.store.briefings();
    let index = loaded
        .index
        .unwrap_or_else(|| SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied())));
    let results = index.query(&briefings, query, limit).map_err(unparsable)?;
    print_results(query, &results, json, |i| briefings[i])
}

/// Prints ranked hits; `briefing` gives the briefing of a hit.
fn print_results<'b>(
    query: &str,
    results: &Results,
    json: bool,
    briefing: impl Fn(usize) -> &'b Briefing,
) -> Result<ExitCode, Failure> {
    if json {
        return print_json(&SearchJson::new(query, results, briefing));
    }
    let highlight = io::stdout().is_terminal().then(|| {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) { "\x1b[1;4m" } else { "\x1b[1;33m" }
    });
    let out = render::hits::results_text(results, briefing, tui::output_width(), highlight);
    if results.total == 0 {
        say!("no hits for `{}`", neutralize(query));
    }
    print_out(&out)
}
