//! Loading the briefing folder for a command, and saying what did not load.

use std::path::Path;

use super::Failure;
use crate::cache;
use crate::sanitize::neutralize;
use crate::store::Store;

/// Loads the folder (through the cache unless told not to) and reports, on stderr, the files that did
/// not load, so nothing fails silently.
pub fn load(dir: &Path, cached: bool) -> Result<cache::Loaded, Failure> {
    load_and_report(dir, cached, false)
}

/// [`load`], writing the cache again when `rewrite` (it was found damaged).
pub fn load_and_report(dir: &Path, cached: bool, rewrite: bool) -> Result<cache::Loaded, Failure> {
    let loaded = if cached {
        cache::load(dir, rewrite)
    } else {
        Store::load(dir).map(|store| cache::Loaded { store, index: None })
    };
    let loaded = loaded.map_err(|e| Failure::Data(e.to_string()))?;
    let errors: Vec<String> = loaded.store.errors().map(|e| e.headline()).collect();
    report_load_errors(&errors, loaded.store.failed.len());
    Ok(loaded)
}

pub fn report_load_errors(headlines: &[String], failed: usize) {
    // Headlines are neutralised when made; again here, as these may come from the cache file.
    for headline in headlines {
        eprintln!("{}", neutralize(headline));
    }
    if failed > 0 {
        eprintln!("brief: {failed} file(s) failed to load; `brief check` shows the details");
    }
}

/// The position of a briefing in the store, or a usage error naming the unknown id.
pub fn find(store: &Store, id: &str) -> Result<usize, Failure> {
    store.position(id).ok_or_else(|| {
        Failure::Usage(format!("no briefing with id `{id}` in {} (see `brief list`)", store.dir.display()))
    })
}
