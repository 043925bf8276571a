//! The indexer: the search index, the cross-reference graph and the boards of the folder are built here,
//! on a thread of their own, so that the reader's first frame (and every key after a reload) does not
//! wait for them. Each build is numbered with the store's generation; it comes back to the event loop as
//! `Action::Indexed`, which `update` takes only if that generation is still the current one.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::cache::{Loaded, Read, Snapshot};
use crate::store::Progress;

use crate::folder::Folder;
use crate::search::SearchIndex;
use crate::store::Store;
use crate::xref::CrossRef;

use super::app::Action;
use super::opening::{Arrived, Relisting};
use super::reading::{ReadFolder, Reading};
use super::shelf::Shelf;
use crate::xref::ItemAt;

/// What the reader needs the whole folder indexed for: search, cross-references and the boards.
/// Shared (cheap to clone) so that it can travel in an [`Action`]; two are equal when they are the same
/// build.
#[derive(Clone)]
pub struct Indexes {
    pub xref: Arc<CrossRef>,
    pub search: Arc<SearchIndex>,
    pub folder: Arc<Folder>,
}

impl Indexes {
    /// Builds all three from the store's briefings.
    pub fn build(store: &Store) -> Indexes {
        let (search, xref) = crate::engine::build(&store.briefings());
        Indexes::with(store, xref, search)
    }

    /// Indexes of no briefings: what the reader holds while the folder's are built, so that nothing
    /// reached before they come can point past them.
    pub fn empty() -> Indexes {
        let (search, xref) = crate::engine::build(&[]);
        Indexes { xref: Arc::new(xref), search: Arc::new(search), folder: Arc::default() }
    }

    /// The cache's search index (read in place) and graph (its tables read as questions need them, the
    /// registry now), without the boards, which need every briefing; `None` if either is damaged.
    pub fn stored(source: &Snapshot) -> Option<Indexes> {
        let (search, xref) = (source.index()?, source.graph()?);
        let _ = xref.registry();
        (!xref.found_corrupt()).then(|| Indexes {
            xref: Arc::new(xref),
            search: Arc::new(search),
            folder: Arc::default(),
        })
    }

    /// The boards over a graph and an index already made from the same briefings.
    pub fn with(store: &Store, xref: CrossRef, search: SearchIndex) -> Indexes {
        let folder = Folder::build(&store.briefings(), &xref);
        Indexes::of(xref, search, folder)
    }

    /// The three, made from the same briefings (a first run or a load makes them to write the cache).
    pub fn of(xref: CrossRef, search: SearchIndex, folder: Folder) -> Indexes {
        Indexes { xref: Arc::new(xref), search: Arc::new(search), folder: Arc::new(folder) }
    }
}

impl PartialEq for Indexes {
    fn eq(&self, other: &Indexes) -> bool {
        Arc::ptr_eq(&self.xref, &other.xref)
            && Arc::ptr_eq(&self.search, &other.search)
            && Arc::ptr_eq(&self.folder, &other.folder)
    }
}

impl std::fmt::Debug for Indexes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indexes").field("xref", &self.xref).finish_non_exhaustive()
    }
}

/// Starts builds, each on a thread of its own, and hands what they built to the event loop.
#[derive(Clone)]
pub struct Indexer {
    deliver: Arc<dyn Fn(Action) -> bool + Send + Sync>,
}

impl Indexer {
    /// `deliver` hands a finished build to the event loop (false: the loop is gone).
    pub fn new(deliver: impl Fn(Action) -> bool + Send + Sync + 'static) -> Indexer {
        Indexer { deliver: Arc::new(deliver) }
    }

    /// Builds the indexes of `store` as of `generation` (unless they are given: a load made them to
    /// write the cache), then reports `Action::Indexed`.
    pub fn start(&self, store: Arc<Store>, made: Option<Indexes>, generation: u64) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-index".into()).spawn(move || {
            let indexes = match made {
                Some(indexes) => indexes,
                None => Indexes::build(&store),
            };
            // The store goes back to the loop alone, so that a reload may change it in place.
            drop(store);
            deliver(Action::Indexed { generation, indexes });
        })?;
        Ok(())
    }

    /// Reads what the cache holds of the folder the reader opened on (`source`): its search index (in
    /// place: posting lists when a query needs them) and its cross-reference graph's tables (the
    /// registry read here, so that `update` never reads the file), then reports `Action::Indexed`. No
    /// briefing is decoded: the boards wait for a load ([`Indexer::load`]). A cache whose index or graph
    /// cannot be read has the folder loaded instead (`Action::Loaded`).
    pub fn open(&self, dir: PathBuf, generation: u64, source: Arc<Snapshot>) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-open".into()).spawn(move || {
            match Indexes::stored(&source) {
                Some(indexes) => deliver(Action::Indexed { generation, indexes }),
                None => deliver(Action::Loaded { generation, outcome: load(&dir, &source, true) }),
            };
        })?;
        Ok(())
    }

    /// Works out the links of `from` over the cache's graph (`xref`, read from `source`), the best
    /// [`LINKS_LISTED`] inferred ones after the explicit refs, and reads the briefings they name, on a
    /// thread of its own; reports `Action::Linked`.
    pub fn links(
        &self,
        source: Arc<Snapshot>,
        xref: Arc<CrossRef>,
        from: ItemAt,
        generation: u64,
    ) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-links".into()).spawn(move || {
            deliver(linked(&source, &xref, from, generation));
        })?;
        Ok(())
    }

    /// Reads the changed folder `dir` into its cache and lists it again ([`relisted`]), with its boards
    /// when `boards`, on a thread of its own; reports `Action::Relisted`.
    pub fn relist(&self, dir: PathBuf, generation: u64, boards: bool) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-relist".into()).spawn(move || {
            deliver(relisted(&dir, generation, boards));
        })?;
        Ok(())
    }

    /// Reads the boards the cache (`source`) holds (every board's rows and the text they draw; no
    /// briefing decoded) on a thread of its own; reports `Action::BoardsRead`.
    pub fn boards(&self, source: Arc<Snapshot>, generation: u64) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-boards".into()).spawn(move || {
            deliver(boards_read(&source, generation));
        })?;
        Ok(())
    }

    /// Loads the folder `dir` through its cache (as `brief` does before any command: unchanged files from
    /// the cache, the others parsed, the cache written again if anything changed) and builds its
    /// indexes, then reports `Action::Loaded` for `generation`: the reader opened on the cache's list
    /// (`source`) meanwhile. When the folder is as the list says, search uses the cache's index (read in
    /// place, posting lists when a query needs them) and only the graph and boards are built.
    pub fn load(&self, dir: PathBuf, generation: u64, source: Arc<Snapshot>, repair: bool) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-load".into()).spawn(move || {
            deliver(Action::Loaded { generation, outcome: load(&dir, &source, repair) });
        })?;
        Ok(())
    }

    /// The reader's first run on `dir` (no fresh cache): reads the folder through its cache (what it can
    /// give, the rest parsed on two threads), saying how far it has got every 40 ms
    /// (`Action::ReadProgress`); hands over the store as soon as it is read (`Action::FolderRead`: the
    /// list shows), then builds the search index, the graph and the boards, writes the cache when it
    /// must, and reports `Action::Indexed`, all for `generation`.
    pub fn read(&self, dir: PathBuf, generation: u64) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-read".into()).spawn(move || {
            let progress = Progress::default();
            let done = AtomicBool::new(false);
            // Told before anything is read, so that the loading screen's counts start at once.
            let mut told = Reading::of(&progress);
            if !deliver(Action::ReadProgress { generation, counts: told }) {
                return;
            }
            let read = std::thread::scope(|scope| {
                scope.spawn(|| {
                    while !done.load(Ordering::Relaxed) {
                        std::thread::sleep(Duration::from_millis(40));
                        let counts = Reading::of(&progress);
                        if told != counts {
                            if !deliver(Action::ReadProgress { generation, counts }) {
                                return;
                            }
                            told = counts;
                        }
                    }
                });
                let read = crate::cache::read(&dir, false, &progress);
                done.store(true, Ordering::Relaxed);
                read
            });
            let Read { store, stale } = match read {
                Ok(read) => read,
                Err(why) => {
                    deliver(Action::FolderRead { generation, outcome: Err(why.to_string()) });
                    return;
                }
            };
            let store = Arc::new(store);
            if !deliver(Action::FolderRead { generation, outcome: Ok(ReadFolder(Arc::clone(&store))) }) {
                return;
            }
            let (mut search, xref) = crate::engine::build(&store.briefings());
            let folder = Folder::build(&store.briefings(), &xref);
            if let Some(stale) = stale {
                stale.write(&dir, &store, &search, &xref, &folder);
                // Searched from the cache just written, as after a warm start (each posting list read
                // when a query needs it): the index built to write it is let go.
                if let Some(stored) = Snapshot::open(&dir).and_then(|cache| cache.index_for(&store)) {
                    search = stored;
                }
            }
            let indexes = Indexes::of(xref, search, folder);
            drop(store);
            deliver(Action::Indexed { generation, indexes });
        })?;
        Ok(())
    }
}

/// The folder `dir`, changed since the reader listed it, brought into its cache (`cache::load`: the
/// changed files parsed, the cache written again with its boards) and listed again from it, with the
/// cache's indexes, and its boards when `boards` (a board is open): the reader goes on working from the
/// cache. A folder the cache cannot list now (it changed again meanwhile, or files in it fail to load
/// and must be listed from the store) is loaded instead.
pub fn relisted(dir: &std::path::Path, generation: u64, boards: bool) -> Action {
    let relisted = || {
        let Loaded { store, .. } = crate::cache::load(dir, false, &Progress::default()).ok()?;
        // The whole store goes before the list is read: only the cache's list and tables are held.
        drop(store);
        let listed = crate::cache::listed(dir).filter(|listed| listed.summary.failed == 0)?;
        let opening = super::opening::Opening::new(listed);
        let mut indexes = Indexes::stored(&opening.source())?;
        let read = if boards { opening.source().boards() } else { None };
        let with_boards = read.is_some();
        if let Some(folder) = read {
            indexes.folder = Arc::new(folder);
        }
        Some(Relisting::new(opening, indexes, with_boards))
    };
    Action::Relisted { generation, outcome: relisted() }
}

/// What [`Indexer::boards`] reports: the cache's boards, or `None` when they cannot be read.
pub fn boards_read(source: &Snapshot, generation: u64) -> Action {
    Action::BoardsRead { generation, folder: source.boards().map(Arc::new) }
}

/// How many inferred links of an item the cross-reference list shows while the reader works from the
/// cache (explicit refs are all shown): each names a briefing to read.
pub const LINKS_LISTED: usize = 200;

/// The folder `dir` loaded through its cache, with its indexes: over the cache's search index when the
/// folder is as `source` says (unless `repair`: a damaged index is built again).
pub fn load(dir: &std::path::Path, source: &Snapshot, repair: bool) -> Result<Arrived, String> {
    let Loaded { store, index, graph, folder } =
        crate::cache::load(dir, repair, &Progress::default()).map_err(|why| why.to_string())?;
    let stored = if repair { None } else { source.index_for(&store) };
    let indexes = match (graph.zip(index), stored) {
        (Some((xref, search)), _) => match folder {
            Some(folder) => Indexes::of(xref, search, folder),
            None => Indexes::with(&store, xref, search),
        },
        (None, Some(search)) => Indexes::with(&store, CrossRef::build(&store.briefings()), search),
        (None, None) => Indexes::build(&store),
    };
    Ok(Arrived { store: Arc::new(store), indexes })
}

/// What [`Indexer::links`] reports: the links of `from` and the briefings they name (`from`'s too).
pub fn linked(source: &Snapshot, xref: &CrossRef, from: ItemAt, generation: u64) -> Action {
    let linked = xref.linked(&[from], LINKS_LISTED).pop().unwrap_or_default();
    let mut positions: Vec<usize> = linked.links.iter().map(|l| l.to.briefing).collect();
    positions.push(from.briefing);
    positions.sort_unstable();
    positions.dedup();
    let outcome = match source.briefings(positions) {
        Some(briefings) if !xref.found_corrupt() => Ok((linked, Shelf::new(briefings))),
        _ => Err("the cache is damaged: cross-references show once the folder is loaded".to_string()),
    };
    Action::Linked { from, generation, outcome }
}
