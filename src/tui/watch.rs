//! Watching the briefing folder: file events are gathered until the folder has been quiet for a moment
//! (an editor's save — write a temporary file, rename it over the old one — is one change, not three),
//! then the reader is told once. Nothing runs between changes: the watcher thread blocks on its channel,
//! and waits with a timeout only while a burst of events is arriving.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the folder must be quiet before a change is reported.
pub const QUIET: Duration = Duration::from_millis(200);

/// What waiting for the next event gave.
#[derive(Debug, PartialEq)]
pub enum Waited<T> {
    Event(T),
    /// Nothing came within the timeout.
    Quiet,
    /// Nothing will come any more.
    Closed,
}

/// Calls `changed` once per burst of relevant events, when `quiet` passed without another event; a burst
/// cut short by the source closing is still reported. `next(None)` must block until an event comes,
/// `next(Some(t))` at most `t`. Returns when the source closes or `changed` returns false.
pub fn debounce<T>(
    mut next: impl FnMut(Option<Duration>) -> Waited<T>,
    quiet: Duration,
    relevant: impl Fn(&T) -> bool,
    mut changed: impl FnMut() -> bool,
) {
    loop {
        // Idle: block, no timeout, until something worth reloading for happens.
        loop {
            match next(None) {
                Waited::Event(event) if relevant(&event) => break,
                Waited::Event(_) | Waited::Quiet => {}
                Waited::Closed => return,
            }
        }
        // A burst: every further event restarts the quiet period.
        loop {
            match next(Some(quiet)) {
                Waited::Event(_) => {}
                Waited::Quiet => break,
                Waited::Closed => {
                    changed();
                    return;
                }
            }
        }
        if !changed() {
            return;
        }
    }
}

/// `next` for [`debounce`] over a channel.
pub fn from_channel<T>(receiver: &Receiver<T>) -> impl FnMut(Option<Duration>) -> Waited<T> + '_ {
    move |timeout| match timeout {
        None => receiver.recv().map_or(Waited::Closed, Waited::Event),
        Some(timeout) => match receiver.recv_timeout(timeout) {
            Ok(event) => Waited::Event(event),
            Err(RecvTimeoutError::Timeout) => Waited::Quiet,
            Err(RecvTimeoutError::Disconnected) => Waited::Closed,
        },
    }
}

/// Whether a file event may change what the reader shows. Reads (including the reader's own) are not;
/// neither are dot-files and backups (editor swap files, `file~`). An error from the watcher (events
/// lost) is, so the folder is checked again.
pub fn is_relevant(event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else { return true };
    let noise = |path: &std::path::PathBuf| {
        path.file_name().is_some_and(|name| {
            let name = name.as_encoded_bytes();
            name.starts_with(b".") || name.ends_with(b"~")
        })
    };
    !matches!(event.kind, EventKind::Access(_)) && (event.paths.is_empty() || !event.paths.iter().all(noise))
}

/// Watches `dir` (not its subfolders) on the platform's recommended watcher and calls `changed` from a
/// thread of its own after each debounced burst, until `changed` returns false or the returned watcher
/// is dropped. Fails when the system will not watch (e.g. the inotify limits are reached).
pub fn start(
    dir: &Path,
    changed: impl FnMut() -> bool + Send + 'static,
) -> Result<RecommendedWatcher, String> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .map_err(|e| e.to_string())?;
    watcher.watch(dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())?;
    std::thread::Builder::new()
        .name("brief-watch".into())
        .spawn(move || debounce(from_channel(&receiver), QUIET, is_relevant, changed))
        .map_err(|e| e.to_string())?;
    Ok(watcher)
}
