//! Loading the briefing folder for a command, and saying what did not load.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::Failure;
use crate::cache;
use crate::model::Briefings;
use crate::sanitize::neutralize;
use crate::store::{Progress, Store};
use crate::xref::CrossRef;

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
            Store::load_counted(dir, &progress).map(|store| cache::Loaded {
                store,
                index: None,
                graph: None,
                folder: None,
            })
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

/// Runs `work`, and meanwhile, when stderr is a terminal and the work lasts longer than a warm run on a
/// small folder does, shows on one line of stderr how far `progress` has got (a first run on a large
/// folder reads every file: at 100,000 that is half a minute), so that a person sees within a tenth of
/// a second that something is happening. The line is cleared when the work ends.
fn with_progress<T>(progress: &Progress, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let started = Instant::now();
            let mut shown = String::new();
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
                if started.elapsed() < SHOWN_AFTER || done.load(Ordering::Relaxed) {
                    continue;
                }
                let line = progress_line(progress);
                if line != shown {
                    super::out::to_stderr(format_args!("\r\x1b[2K{line}"));
                    shown = line;
                }
            }
            if !shown.is_empty() {
                super::out::to_stderr(format_args!("\r\x1b[2K"));
            }
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        result
    })
}

/// How long a command works before its progress is shown: longer than a warm run at 10,000 briefings
/// (about 35 ms), and with the 20 ms between looks, within 100 ms.
const SHOWN_AFTER: Duration = Duration::from_millis(60);

/// "reading 1,234 of 100,000 files [####------]" or "indexing".
fn progress_line(progress: &Progress) -> String {
    if progress.indexing.load(Ordering::Relaxed) {
        return "brief: building the search index and writing the cache…".into();
    }
    let total = progress.to_read.load(Ordering::Relaxed);
    // Before the folder is listed (a first run at 100,000 lists for about 0.1 s) or when every file
    // comes from the cache.
    if total == 0 {
        return "brief: reading the folder…".into();
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
    store.position(id).ok_or_else(|| unknown(&store.dir, id))
}

/// Which briefings a command about one briefing prints something of, besides that one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The links text shows of each item ([`crate::render::briefings_shown`]).
    Some,
    /// Every link's (`--json`).
    All,
}

impl Shown {
    /// How many inferred links of each item the command lists ([`CrossRef::linked`]).
    pub fn inferred(self) -> usize {
        match self {
            Shown::Some => crate::render::INFERRED_SHOWN,
            Shown::All => usize::MAX,
        }
    }
}

/// Makes the output of a command about the briefing `id` (about its `item` alone, when given) with `make`, given the briefing's position,
/// the graph and the briefings it prints something of. From a fresh cache that is one briefing's cost:
/// the graph's tables read for its items alone, and only the briefings `shown` names decoded. Otherwise
/// (no cache, a stale one, a damaged part) the folder is loaded, which writes the cache again.
pub fn about_briefing(
    dir: &Path,
    cached: bool,
    id: &str,
    item: Option<&str>,
    shown: Shown,
    make: impl Fn(usize, &dyn Briefings, &CrossRef) -> Result<String, Failure>,
) -> Result<String, Failure> {
    let mut damaged = false;
    if cached && let Some(snapshot) = cache::Snapshot::open(dir) {
        // Answered from the cache while another thread checks that the folder has not changed since:
        // nothing is said until it is known to hold.
        let answer = snapshot.while_checking(dir, || {
            let (Some(summary), Some(graph)) = (snapshot.summary(), snapshot.graph()) else { return None };
            let Some(at) = snapshot.position(id) else { return Some((summary, Err(unknown(dir, id)))) };
            let links_shown = |links: &[crate::xref::Link]| match shown {
                Shown::Some => crate::render::briefings_shown(links),
                Shown::All => links.iter().map(|l| l.to.briefing).collect(),
            };
            let briefings = snapshot.briefings_around(&graph, at, item, shown.inferred(), links_shown)?;
            let made = make(at, &briefings, &graph);
            (!graph.found_corrupt()).then_some((summary, made))
        });
        match answer {
            Some(Some((summary, made))) => {
                report_load_errors(&summary.errors, summary.failed);
                return made;
            }
            // Fresh, but a part of the cache is damaged: the folder is read, and the cache written again.
            Some(None) => damaged = true,
            None => {}
        }
    }
    let loaded = load_and_report(dir, cached, damaged)?;
    let at = find(&loaded.store, id)?;
    let briefings = loaded.store.briefings();
    let graph = loaded.graph.unwrap_or_else(|| CrossRef::build(&briefings));
    make(at, &briefings, &graph)
}

/// The error for an id no briefing of the folder has.
pub fn unknown(dir: &Path, id: &str) -> Failure {
    Failure::Usage(format!("no briefing with id `{id}` in {} (see `brief list`)", dir.display()))
}
