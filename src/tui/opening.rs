//! The reader's start on a fresh cache: the first frame is drawn from the cache's list (ids, titles,
//! dates, outlets, counts) while the indexer loads the folder; until the store comes, a briefing is read
//! when it is shown (decoded from the cache, or its file when the cache cannot give it whole) and the
//! last few are kept. Nothing here decodes the whole folder.

use std::sync::Arc;

use super::indexer::Indexes;
use crate::cache::{Listed, Snapshot};
use crate::catalog::Row;
use crate::store::{self, Entry, Store};

/// How many briefings read while opening are kept: enough to go back and forth among the last few.
pub const KEPT: usize = 16;

/// The reader before its store comes: the list, the files that failed (counted only) and the briefings
/// read so far.
pub struct Opening {
    pub rows: Vec<Row>,
    pub failed: usize,
    source: Arc<Snapshot>,
    /// Briefings read, by position in `rows`, the last read last; `None` when one could not be read.
    kept: Vec<(usize, Option<Entry>)>,
}

impl Opening {
    pub fn new(listed: Listed) -> Opening {
        let Listed { snapshot, rows, summary } = listed;
        Opening { rows, failed: summary.failed, source: Arc::new(snapshot), kept: Vec::new() }
    }

    /// The briefing at `position`, if it was read.
    pub fn entry(&self, position: usize) -> Option<&Entry> {
        self.kept.iter().find(|(p, _)| *p == position)?.1.as_ref()
    }

    /// Whether the briefing at `position` was asked for (read, or found unreadable).
    pub fn has(&self, position: usize) -> bool {
        self.kept.iter().any(|(p, _)| *p == position)
    }

    /// Keeps what was read of the briefing at `position`, forgetting the least recently read beyond
    /// [`KEPT`].
    pub fn keep(&mut self, position: usize, entry: Option<Entry>) {
        self.kept.retain(|(p, _)| *p != position);
        if self.kept.len() >= KEPT {
            self.kept.remove(0);
        }
        self.kept.push((position, entry));
    }

    /// How many briefings are held decoded.
    pub fn kept(&self) -> usize {
        self.kept.len()
    }

    /// Reads the briefing at `position` (I/O: for the event loop, never `update`): from the cache,
    /// checked against its checksum; from its file when the cache's copy is damaged or the briefing
    /// links an article (the cache keeps briefings, not articles). `None` if neither gives it.
    pub fn read(&self, position: usize) -> Option<Entry> {
        let path = &self.rows.get(position)?.path;
        match self.source.briefing(position) {
            Some(briefing) if briefing.source.article.is_none() => {
                Some(Entry { path: path.clone(), briefing, article: None })
            }
            _ => store::read_entry(path),
        }
    }
}

impl Opening {
    /// The cache the list came from, whose search index the indexer takes when the folder is as it
    /// says.
    pub fn source(&self) -> Arc<Snapshot> {
        Arc::clone(&self.source)
    }
}

/// The folder the indexer loaded, with its indexes: what replaces the opening (`Action::Loaded`).
/// Shared so that it can travel in an action; two are equal when they are the same load.
#[derive(Clone)]
pub struct Arrived {
    pub store: Arc<Store>,
    pub indexes: Indexes,
}

impl PartialEq for Arrived {
    fn eq(&self, other: &Arrived) -> bool {
        Arc::ptr_eq(&self.store, &other.store) && self.indexes == other.indexes
    }
}

impl std::fmt::Debug for Arrived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Arrived").field("briefings", &self.store.entries.len()).finish_non_exhaustive()
    }
}

/// The folder's list read again from its cache after the folder changed, with the cache's indexes (and
/// whether their boards were read too): what replaces the opening (`Action::Relisted`). Shared so that
/// it can travel in an action; taken once.
#[derive(Clone)]
pub struct Relisting(Arc<std::sync::Mutex<Option<(Opening, Indexes, bool)>>>);

impl Relisting {
    pub fn new(opening: Opening, indexes: Indexes, boards: bool) -> Relisting {
        Relisting(Arc::new(std::sync::Mutex::new(Some((opening, indexes, boards)))))
    }

    /// The list and indexes, and whether the boards came with them, the first time they are asked for.
    pub fn take(&self) -> Option<(Opening, Indexes, bool)> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take()
    }
}

impl PartialEq for Relisting {
    fn eq(&self, other: &Relisting) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Relisting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relisting").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Opening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opening").field("rows", &self.rows.len()).field("kept", &self.kept.len()).finish()
    }
}
