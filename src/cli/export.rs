//! `brief export`: one briefing as Markdown to a file or standard output, or several (or all) to a
//! folder with an `index.md`, linked to each other.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::folder::{Shown, about_briefing, find, load};
use super::{Failure, print_out};
use crate::export::{self, ExportTarget};
use crate::sanitize::neutralize;
use crate::store::Store;
use crate::xref::CrossRef;

/// `output` is the `-o` given; without it, files go to `folder` (the settings' export folder), else the
/// current folder.
pub fn run(
    dir: &Path,
    cached: bool,
    ids: &[String],
    all: bool,
    output: Option<&Path>,
    folder: Option<&Path>,
    force: bool,
) -> Result<ExitCode, Failure> {
    match ids {
        // The settings name a folder, even one not made yet: `ID.md` goes inside it.
        [id] if !all => match (output, folder) {
            (None, Some(folder)) => {
                let markdown = markdown(dir, cached, id)?;
                std::fs::create_dir_all(folder).map_err(|e| {
                    Failure::Data(format!("cannot create the export folder {}: {e}", shown(folder)))
                })?;
                one(&markdown, id, Some(&folder.join(export::file_name(id))), force)
            }
            _ => one(&markdown(dir, cached, id)?, id, output, force),
        },
        _ => several(&load(dir, cached)?.store, ids, all, output.or(folder), force),
    }
}

/// The export of the briefing `id`, reading no more of the folder than it shows when the cache is fresh.
fn markdown(dir: &Path, cached: bool, id: &str) -> Result<String, Failure> {
    about_briefing(dir, cached, id, None, Shown::Some, |at, briefings, graph| {
        Ok(export::to_markdown(at, briefings, graph, &|_| true))
    })
}

fn one(markdown: &str, id: &str, output: Option<&Path>, force: bool) -> Result<ExitCode, Failure> {
    match ExportTarget::from_arg(output, id) {
        ExportTarget::Stdout => print_out(markdown),
        ExportTarget::File(path) => {
            let written =
                export::write_file(&path, markdown, force).map_err(|e| Failure::Data(e.to_string()))?;
            say!("wrote {}", shown(&written));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Each briefing to `ID.md` in the folder, then `index.md`. Links go only to briefings of the set.
/// Without `force`, nothing is written if any of the files exists.
fn several(
    store: &Store,
    ids: &[String],
    all: bool,
    output: Option<&Path>,
    force: bool,
) -> Result<ExitCode, Failure> {
    let mut set: Vec<usize> = if all {
        (0..store.entries.len()).collect()
    } else {
        ids.iter().map(|id| find(store, id)).collect::<Result<_, _>>()?
    };
    set.sort_unstable();
    set.dedup();
    let folder = match output {
        Some(p) if p == Path::new("-") => {
            return Err(Failure::Usage(
                "several briefings are written to a folder (-o DIR), not to -".into(),
            ));
        }
        Some(p) => p,
        None => Path::new("."),
    };
    if set.is_empty() {
        return Err(Failure::Data(format!("no briefings to export in {}", store.dir.display())));
    }
    let briefings = store.briefings();
    let paths: Vec<PathBuf> =
        set.iter().map(|&at| folder.join(export::file_name(&briefings[at].id))).collect();
    let index = folder.join(export::index::FILE_NAME);
    if paths.contains(&index) {
        return Err(Failure::Data(format!(
            "a briefing's id would export to {}, which is the index's name; export it on its own",
            export::index::FILE_NAME
        )));
    }
    std::fs::create_dir_all(folder)
        .map_err(|e| Failure::Data(format!("cannot create the folder {}: {e}", folder.display())))?;
    if !force {
        let existing: Vec<String> = paths
            .iter()
            .chain([&index])
            .filter(|p| p.symlink_metadata().is_ok())
            .map(|p| p.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()))
            .collect();
        if !existing.is_empty() {
            let named: Vec<&str> = existing.iter().take(5).map(String::as_str).collect();
            let more = if existing.len() > named.len() { ", …" } else { "" };
            return Err(Failure::Data(format!(
                "{} file(s) already exist in {} ({}{more}); nothing was written; use --force to overwrite them",
                existing.len(),
                folder.display(),
                named.join(", ")
            )));
        }
    }
    let xref = CrossRef::build(&briefings);
    let mut in_set = vec![false; briefings.len()];
    set.iter().for_each(|&at| in_set[at] = true);
    // Each export compares its claims with every other claim of the folder: the work is shared out
    // between the cores, each thread taking every n-th briefing. Files are staged unsynced, the disk is
    // flushed once, then each is renamed into place (a flush per file took most of the time).
    let stage = |path: &Path, markdown: String| {
        export::stage(path, &markdown, force, false).map_err(|e| Failure::Data(e.to_string()))
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(set.len());
    let progress = set.len() > 1 && io::stderr().is_terminal();
    let done = AtomicUsize::new(0);
    // Ctrl-C, SIGTERM or SIGHUP while files are staged stops the work instead of the process, so that the
    // staged files are removed as they are dropped: nothing is left in the folder but what was there.
    let interrupted = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&interrupted))
            .map_err(|e| Failure::Data(format!("cannot handle signals: {e}")))?;
    }
    let stopped = || {
        interrupted.load(Ordering::Relaxed).then(|| {
            Failure::Data("interrupted: nothing was written (the files made so far are removed)".into())
        })
    };
    let staged: Vec<Result<Vec<export::Staged>, Failure>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                let (set, paths, briefings, xref, in_set, done, stopped) =
                    (&set, &paths, &briefings, &xref, &in_set, &done, &stopped);
                scope.spawn(move || {
                    let mut staged = Vec::new();
                    for (&at, path) in set.iter().zip(paths).skip(first).step_by(threads) {
                        if let Some(stop) = stopped() {
                            return Err(stop);
                        }
                        staged.push(stage(
                            path,
                            export::to_markdown(at, briefings, xref, &|other| in_set[other]),
                        )?);
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if progress {
                            super::out::to_stderr(format_args!("\rexporting {n}/{} ", set.len()));
                        }
                    }
                    Ok(staged)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("an export thread panicked")).collect()
    });
    if progress {
        super::out::to_stderr(format_args!("\r\x1b[2K"));
    }
    let mut staged: Vec<export::Staged> =
        staged.into_iter().collect::<Result<Vec<_>, _>>()?.into_iter().flatten().collect();
    if let Some(stop) = stopped() {
        return Err(stop);
    }
    staged.push(stage(&index, export::index::to_markdown(&set, &briefings, &xref))?);
    export::sync_file_system(folder).map_err(|e| Failure::Data(e.to_string()))?;
    for file in staged {
        file.commit().map_err(|e| Failure::Data(e.to_string()))?;
    }
    say!("wrote {} briefing(s) and {} to {}", set.len(), export::index::FILE_NAME, shown(folder));
    Ok(ExitCode::SUCCESS)
}

fn shown(path: &Path) -> String {
    neutralize(&path.display().to_string()).into_owned()
}
