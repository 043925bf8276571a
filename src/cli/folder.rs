//! Loading the briefing folder for a command, and saying what did not load.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::Failure;
use crate::cache;
use crate::sanitize::neutralize;
use crate::store::{Progress, Store};

/// Loads the folder (through the cache unless told not to) and reports, on stderr, the files that did
/// not load, so nothing fails silently.
pub fn load(dir: &Path, cached: bool) -> Result<cache::Loaded, Failure> {
    load_and_report(dir, cached, false)
}

/// [`load`], writing the cache again when `rewrite` (it was found damaged).
pub fn load_and_report(dir: &Path, cached: bool, rewrite: bool) -> Result<cache::Loaded, Failure> {
    exists(dir)?;
    let progress = Progress::default();
    let loaded = with_progress(&progress, || {
        if cached {
            cache::load(dir, rewrite, &progress)
        } else {
            Store::load_counted(dir, &progress).map(|store| cache::Loaded { store, index: None })
        }
    });
    let loaded = loaded.map_err(|e| Failure::Data(e.to_string()))?;
    let errors: Vec<String> = loaded.store.errors().map(|e| e.headline()).collect();
    report_load_errors(&errors, loaded.store.failed.len());
    Ok(loaded)
}

/// The first thing a new user meets when there is no folder: where brief looked, and the three ways to
/// name another (the option, the variable, the settings file) or make briefings.
pub fn exists(dir: &Path) -> Result<(), Failure> {
    if dir.is_dir() {
        return Ok(());
    }
    let settings =
        crate::config::Config::path().map_or("the settings file".to_string(), |p| p.display().to_string());
    let what = if dir.exists() { "is not a folder" } else { "does not exist" };
    Err(Failure::Data(format!(
        "the briefing folder {} {what}. Name another with --dir DIR, the BRIEF_DIR variable, or `folder = \"DIR\"` in {settings} (`brief config` shows every setting); or start one: mkdir {}, then brief --dir {} convert ARTICLE.txt",
        dir.display(),
        dir.display(),
        dir.display()
    )))
}

/// Runs `work`, and meanwhile, when stderr is a terminal and the work lasts longer than a warm run
/// does, shows on one line of stderr how far `progress` has got (a first run on a large folder reads
/// every file: at 100,000 that is most of a minute). The line is cleared when the work ends.
fn with_progress<T>(progress: &Progress, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let started = Instant::now();
            let mut shown = false;
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
                if started.elapsed() < Duration::from_millis(300) || done.load(Ordering::Relaxed) {
                    continue;
                }
                super::out::to_stderr(format_args!("\r\x1b[2K{}", progress_line(progress)));
                shown = true;
            }
            if shown {
                super::out::to_stderr(format_args!("\r\x1b[2K"));
            }
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        result
    })
}

/// "reading 1,234 of 100,000 files [####------]" or "indexing".
fn progress_line(progress: &Progress) -> String {
    if progress.indexing.load(Ordering::Relaxed) {
        return "brief: building the search index and writing the cache…".into();
    }
    let total = progress.to_read.load(Ordering::Relaxed);
    if total == 0 {
        return "brief: loading the briefings from the cache…".into();
    }
    let read = progress.read.load(Ordering::Relaxed).min(total);
    const WIDTH: usize = 30;
    let filled = (read * WIDTH).checked_div(total).unwrap_or(0);
    format!("brief: reading {read} of {total} files [{}{}]", "#".repeat(filled), "-".repeat(WIDTH - filled))
}

pub fn report_load_errors(headlines: &[String], failed: usize) {
    // Headlines are neutralised when made; again here, as these may come from the cache file.
    for headline in headlines {
        say!("{}", neutralize(headline));
    }
    if failed > 0 {
        say!("brief: {failed} file(s) failed to load; `brief check` shows the details");
    }
}

/// The position of a briefing in the store, or a usage error naming the unknown id.
pub fn find(store: &Store, id: &str) -> Result<usize, Failure> {
    store.position(id).ok_or_else(|| {
        Failure::Usage(format!("no briefing with id `{id}` in {} (see `brief list`)", store.dir.display()))
    })
}
