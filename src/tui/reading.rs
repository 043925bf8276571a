//! The reader's first run on a folder without a fresh cache: from the first frame a loading screen says
//! how many files are read of how many, the list shows as soon as the folder is read, and the search
//! index, the cross-reference graph, the boards and the cache are made behind it (`Indexer::read`).
//! Nothing here does I/O: the counts and the store come as actions.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::store::{Progress, Store};

use super::app::App;

/// How far reading the folder has got: what the loading screen shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Files read so far, of `total` (0 while the folder is listed, or when the cache gave every file).
    pub read: usize,
    pub total: usize,
}

impl Reading {
    /// The counts of a load in progress.
    pub fn of(progress: &Progress) -> Reading {
        let total = progress.to_read.load(Ordering::Relaxed);
        Reading { read: progress.read.load(Ordering::Relaxed).min(total), total }
    }

    /// The loading screen's line: "reading 1234 of 100000 files".
    pub fn line(&self) -> String {
        if self.total == 0 {
            return "listing the folder…".into();
        }
        format!("reading {} of {} files", self.read, self.total)
    }

    /// How much of the bar is filled, out of `width`.
    pub fn filled(&self, width: usize) -> usize {
        (self.read * width).checked_div(self.total).unwrap_or(0)
    }
}

/// The folder as read on a first run, before its indexes: what `Action::FolderRead` brings. Shared so
/// that it can travel in an action; two are equal when they are the same read.
#[derive(Clone)]
pub struct ReadFolder(pub Arc<Store>);

impl PartialEq for ReadFolder {
    fn eq(&self, other: &ReadFolder) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for ReadFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadFolder").field("briefings", &self.0.entries.len()).finish_non_exhaustive()
    }
}

/// Takes the counts of the read under way for `generation` (`Action::ReadProgress`).
pub(super) fn progressed(app: &mut App, generation: u64, counts: Reading) {
    if app.indexing == Some(generation)
        && let Some(reading) = &mut app.reading
    {
        *reading = counts;
    }
}

/// Takes the folder read for `generation` (`Action::FolderRead`): the loading screen gives way to the
/// list; search, cross-references and boards keep saying "indexing" until `Action::Indexed`. A folder
/// that could not be read is said in the status bar, and nothing more comes.
pub(super) fn arrived(app: &mut App, generation: u64, outcome: Result<ReadFolder, String>) {
    if app.indexing != Some(generation) || app.reading.take().is_none() {
        return;
    }
    match outcome {
        Ok(ReadFolder(store)) => {
            app.store = store;
            app.status = super::app::counts(app.store.entries.len(), app.store.failed.len());
            super::list::refresh(app);
        }
        Err(why) => {
            app.indexing = None;
            app.status = format!("cannot read the folder: {why}");
        }
    }
}
