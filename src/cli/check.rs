//! `brief check`: every error and warning of a folder, read without the cache.

use std::path::Path;
use std::process::ExitCode;

use super::{Failure, print_out};
use crate::sanitize::neutralize;
use crate::store::Store;

pub fn run(dir: &Path) -> Result<ExitCode, Failure> {
    super::folder::exists(dir)?;
    let store = Store::load(dir).map_err(|e| Failure::Data(e.to_string()))?;
    let total = store.entries.len() + store.failed.len();
    for error in store.errors() {
        say!("{error}\n");
    }
    let warnings: Vec<_> = store.warnings().collect();
    if !warnings.is_empty() {
        say!("warnings:");
        for warning in &warnings {
            say!("{warning}\n");
        }
    }
    let errors = store.errors().count();
    let summary = format!(
        "checked {total} file(s) in {}: {} loaded, {errors} error(s), {} warning(s)",
        store.dir.display(),
        total - store.failed.len(),
        warnings.len()
    );
    print_out(&format!("{}\n", neutralize(&summary)))?;
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
