//! The indexer: the search index, the cross-reference graph and the boards of the folder are built here,
//! on a thread of their own, so that the reader's first frame (and every key after a reload) does not
//! wait for them. Each build is numbered with the store's generation; it comes back to the event loop as
//! `Action::Indexed`, which `update` takes only if that generation is still the current one.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use crate::cache::{Loaded, Snapshot};
use crate::store::Progress;

use crate::folder::Folder;
use crate::search::SearchIndex;
use crate::store::Store;
use crate::xref::CrossRef;

use super::app::Action;
use super::opening::Arrived;

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

    /// The boards over a graph and an index already made from the same briefings (a first run makes
    /// them to write the cache).
    pub fn with(store: &Store, xref: CrossRef, search: SearchIndex) -> Indexes {
        let folder = Folder::build(&store.briefings(), &xref);
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

    /// Builds the indexes of `store` as of `generation` (over the graph and index given, when a first
    /// run made them), then reports `Action::Indexed`.
    pub fn start(
        &self,
        store: Arc<Store>,
        made: Option<(CrossRef, SearchIndex)>,
        generation: u64,
    ) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-index".into()).spawn(move || {
            let indexes = match made {
                Some((xref, search)) => Indexes::with(&store, xref, search),
                None => Indexes::build(&store),
            };
            // The store goes back to the loop alone, so that a reload may change it in place.
            drop(store);
            deliver(Action::Indexed { generation, indexes });
        })?;
        Ok(())
    }

    /// Loads the folder `dir` through its cache (as `brief` does before any command: unchanged files from
    /// the cache, the others parsed, the cache written again if anything changed) and builds its
    /// indexes, then reports `Action::Loaded` for `generation`: the reader opened on the cache's list
    /// (`source`) meanwhile. When the folder is as the list says, search uses the cache's index (read in
    /// place, posting lists when a query needs them) and only the graph and boards are built.
    pub fn load(&self, dir: PathBuf, generation: u64, source: Arc<Snapshot>) -> io::Result<()> {
        let deliver = Arc::clone(&self.deliver);
        std::thread::Builder::new().name("brief-load".into()).spawn(move || {
            let outcome = match crate::cache::load(&dir, false, &Progress::default()) {
                Ok(Loaded { store, index, graph }) => {
                    let indexes = match (graph.zip(index), source.index_for(&store)) {
                        (Some((xref, search)), _) => Indexes::with(&store, xref, search),
                        (None, Some(search)) => {
                            Indexes::with(&store, CrossRef::build(&store.briefings()), search)
                        }
                        (None, None) => Indexes::build(&store),
                    };
                    Ok(Arrived { store: Arc::new(store), indexes })
                }
                Err(why) => Err(why.to_string()),
            };
            deliver(Action::Loaded { generation, outcome });
        })?;
        Ok(())
    }
}
