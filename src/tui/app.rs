//! The reader's state and the one function that changes it.
//!
//! `update` applies an [`Action`] to the [`App`] and never does I/O: work that touches the disk (export,
//! the editor) is returned as an [`Effect`] for the event loop to carry out, and its outcome comes back as
//! another action. So are searches, which the loop hands to a worker thread ([`SearchRequest`]), so that
//! no query, however costly, holds up the keys. Views render from `&App` only.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Briefing, ItemRef};
use crate::search::{Hit, Query, RankedHit, Ranking, SearchIndex, Target};
use crate::store::{Changes, Entry, Reread, Store};
use crate::xref::{CrossRef, ItemAt, Link, Linked};

use super::boards::{Board, Boards};
use super::indexer::Indexes;
use super::list::ListView;
use super::opening::{Arrived, Opening, Relisting};
use super::reading::{ReadFolder, Reading};
use super::shelf::Shelf;
use super::wrap::Wrapped;
use crate::folder::Folder;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Summary,
    Figures,
    Actors,
    Claims,
    Questions,
}

impl Pane {
    pub const ALL: [Pane; 5] = [Pane::Summary, Pane::Figures, Pane::Actors, Pane::Claims, Pane::Questions];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Summary => "Summary",
            Pane::Figures => "Figures",
            Pane::Actors => "Actors",
            Pane::Claims => "Claims",
            Pane::Questions => "Questions",
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The pane that lists items of this kind.
    pub fn of_item(item: ItemRef) -> Pane {
        match item {
            ItemRef::Actor(_) => Pane::Actors,
            ItemRef::Figure(_) => Pane::Figures,
            ItemRef::Claim(_) => Pane::Claims,
            ItemRef::Question(_) => Pane::Questions,
        }
    }
}

/// Everything the user can ask for. Keys and mouse events map to these in `keymap`; nothing else does.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: in raw mode the terminal sends no SIGTSTP, so the reader stops itself (as the signal would).
    Suspend,
    NextPane,
    PrevPane,
    ShowPane(Pane),
    FocusList,
    FocusDetail,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    /// Scroll the selected item's detail box (its quote can be longer than the box).
    DetailDown,
    DetailUp,
    Open,
    Back,
    ToggleHelp,
    CrossReference,
    /// Show the source article with the selected item's sentence highlighted.
    OpenArticle,
    /// Open the search box.
    Search,
    /// A character typed into the search box.
    SearchInput(char),
    /// Delete the last character of the search box.
    SearchDelete,
    /// Empty the search box.
    SearchClear,
    /// Jump to the next (or previous) hit of the last search.
    NextHit,
    PrevHit,
    /// A search the loop ran for a [`SearchRequest`] finished.
    Searched {
        id: u64,
        purpose: SearchFor,
        ranking: Ranking,
        /// The briefings of the hits, read from the cache when the reader has no store (else empty).
        shelf: Shelf,
    },
    Export,
    /// The export finished: the path written, or why not.
    Exported(Result<PathBuf, String>),
    /// The export's file exists: ask whether to overwrite it.
    ExportExists {
        briefing: usize,
        path: PathBuf,
    },
    /// The answer to the question in the status bar (y, or any other key for no).
    Confirm(bool),
    /// The status message has been shown long enough.
    ExpireStatus,
    /// Open the briefing's source URL with the system's opener.
    OpenSource,
    /// The opener started (the URL), or why not.
    Opened(Result<String, String>),
    /// Copy the selected item's quote to the clipboard (OSC 52).
    Copy,
    /// Open the selected briefing's file (or the file that failed to load) in the user's editor.
    Edit,
    /// The editor closed: cleanly, or why not (not found, a non-zero exit).
    Edited(Result<(), String>),
    /// The watcher saw the folder change (after a quiet spell).
    FilesChanged,
    /// The folder is not watched, and why: changes show only after `E`.
    WatchFailed(String),
    /// The indexer built the search index, graph and boards of the store as of `generation`.
    Indexed {
        generation: u64,
        indexes: Indexes,
    },
    /// How far the first run's read of the folder has got (`Indexer::read`), for its `generation`.
    ReadProgress {
        generation: u64,
        counts: Reading,
    },
    /// The first run read the folder (or could not): the list shows; the indexes come as `Indexed`.
    FolderRead {
        generation: u64,
        outcome: Result<ReadFolder, String>,
    },
    /// The briefing at a position of the list was read while opening (`None`: it could not be).
    Decoded {
        position: usize,
        entry: Option<Box<Entry>>,
    },
    /// The links of an item worked out over the cache's graph, with the briefings they name (or why
    /// not), while the reader has no store.
    Linked {
        from: ItemAt,
        /// The reader's generation when they were asked for: those of a list since replaced are dropped.
        generation: u64,
        outcome: Result<(Linked, Shelf), String>,
    },
    /// The folder that changed while the reader worked from its cache was read into the cache and listed
    /// again, with the cache's indexes (`None`: the cache could not list it; it is loaded instead).
    Relisted {
        generation: u64,
        outcome: Option<Relisting>,
    },
    /// The boards read from the cache while the reader works from it, as of `generation` (`None`: they
    /// could not be read).
    BoardsRead {
        generation: u64,
        folder: Option<Arc<Folder>>,
    },
    /// The indexer loaded the folder the reader opened on (from the cache's list), with its indexes,
    /// or could not.
    Loaded {
        generation: u64,
        outcome: Result<Arrived, String>,
    },
    /// The folder was read again (or could not be): what changed, to apply to the store here, with
    /// where the reader was before it.
    Reloaded {
        keep: Box<Anchor>,
        outcome: Result<Box<Reread>, String>,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// Open a folder-wide board, or close it when it is the one open.
    ShowBoard(Board),
    /// Filter the briefing list, or the open board, as you type.
    Filter,
    /// Change the order of the briefing list, or of the open board.
    Sort,
    /// Change what the open board shows (a kind of actor, open questions only, ...).
    Cycle,
    /// Narrow, hide or restore the briefing list.
    ListWidth,
    /// A mouse click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel turned (`down` or up) over a screen cell.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
}

impl Action {
    /// Whether the user did this (a key, a click), as opposed to something finishing or changing.
    pub fn is_from_user(&self) -> bool {
        !matches!(
            self,
            Action::Searched { .. }
                | Action::Exported(_)
                | Action::ExportExists { .. }
                | Action::Edited(_)
                | Action::FilesChanged
                | Action::WatchFailed(_)
                | Action::Reloaded { .. }
                | Action::Indexed { .. }
                | Action::Decoded { .. }
                | Action::Loaded { .. }
                | Action::BoardsRead { .. }
                | Action::Linked { .. }
                | Action::Relisted { .. }
                | Action::ReadProgress { .. }
                | Action::FolderRead { .. }
                | Action::Resize { .. }
                | Action::ExpireStatus
                | Action::Opened(_)
        )
    }
}

/// A question the status bar asks, answered by [`Action::Confirm`].
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// The export of this briefing would overwrite its file.
    Overwrite { briefing: usize },
}

/// The sentence an item quotes: a figure's or claim's quote, a question's source; actors have none.
fn quote_of(b: &Briefing, item: ItemRef) -> Option<&str> {
    match item {
        ItemRef::Figure(i) => Some(&b.figures[i].quote),
        ItemRef::Claim(i) => Some(&b.claims[i].quote),
        ItemRef::Question(i) => b.questions[i].source.as_deref(),
        ItemRef::Actor(_) => None,
    }
}

/// I/O that `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the briefing's export; over an existing file only when `force` (the user said yes).
    Export { briefing: usize, force: bool },
    /// Start the system's opener on an http(s) URL.
    Open(String),
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Hand the terminal to the editor on this file, wait for it, take the terminal back.
    Edit { path: PathBuf },
    /// Refresh the store from the folder (reading only changed files), then report `Action::Reloaded`.
    Reload { keep: Box<Anchor> },
    /// Give the terminal back and stop the process until it is continued (`fg`), as Ctrl-Z does in a
    /// cooked terminal.
    Suspend,
    /// Build the store's indexes off the loop thread, as of this generation; reports `Action::Indexed`.
    Index { generation: u64 },
    /// Read the briefing at this position of the list from the cache (while opening); reports
    /// `Action::Decoded`.
    Decode { position: usize },
    /// Work out the links of an item over the cache's graph, and read the briefings they name (while the
    /// reader has no store); reports `Action::Linked`.
    Links { from: ItemAt, generation: u64 },
    /// Load the whole folder through its cache (for the boards, or because it changed), as of this
    /// generation; with `repair`, its search index is built again. Reports `Action::Loaded`.
    Load { generation: u64, repair: bool },
    /// Read the changed folder into its cache and list it again from there (the reader goes on working
    /// from the cache), as of this generation, with its boards when `boards`; reports `Action::Relisted`.
    Relist { generation: u64, boards: bool },
    /// Read the boards from the cache (every board's rows and the text they draw; no briefing decoded),
    /// as of this generation; reports `Action::BoardsRead`.
    Boards { generation: u64 },
    /// Run these searches off the input path (on the index `App::search` holds now); each reports
    /// `Action::Searched`. A newer request for the same purpose supersedes an older one.
    Search(Vec<SearchRequest>),
}

/// What a search's results are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchFor {
    /// The search box's hits.
    Box,
    /// The last search's hits, stepped through with n / N (run again after a reload).
    Last,
    /// Every hit of the timeline's filter.
    Timeline,
}

/// A search for the event loop's worker: numbered, so that only the newest one's results are taken.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub id: u64,
    pub purpose: SearchFor,
    pub query: Query,
}

impl SearchRequest {
    /// Ranks the query on `index` (the one that was current when it was asked for) and says so as the
    /// action to hand back to `update`; `None` if `stop` gave it up on the way.
    pub fn run(&self, index: &SearchIndex, stop: &dyn Fn() -> bool) -> Option<Action> {
        let limit = if self.purpose == SearchFor::Timeline { usize::MAX } else { SEARCH_LIMIT };
        let ranking = index.rank_until(&self.query, limit, stop)?;
        Some(Action::Searched { id: self.id, purpose: self.purpose, ranking, shelf: Shelf::default() })
    }

    /// [`SearchRequest::run`], then, when the reader has no store, the briefings of the hits read from
    /// the cache it works from (`source`), so that `update` can show them. A hit whose briefing cannot be
    /// read is left out.
    pub fn run_from(
        &self,
        index: &SearchIndex,
        source: Option<&crate::cache::Snapshot>,
        stop: &dyn Fn() -> bool,
    ) -> Option<Action> {
        let mut done = self.run(index, stop)?;
        if let (Some(source), Action::Searched { ranking, shelf, purpose, .. }) = (source, &mut done)
            && *purpose != SearchFor::Timeline
        {
            let positions = ranking.hits.iter().map(|h| h.briefing);
            *shelf = Shelf::new(source.briefings(positions).unwrap_or_default());
        }
        Some(done)
    }
}

/// Where the reader is, by ids and paths rather than positions, so that after a reload it can find the
/// same briefing, item and overlay again although positions moved.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The key of every row of the briefing list before the reload, in order.
    rows: Vec<RowKey>,
    /// The id of the selected item of each pane of the current briefing.
    items: [Option<String>; 5],
    /// Said with the reload's outcome (the editor's complaint).
    note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum RowKey {
    Briefing { id: String, path: PathBuf },
    Failed(PathBuf),
}

/// A list of related items shown over the panes.
#[derive(Debug, Clone, PartialEq)]
pub struct XrefView {
    pub from: ItemAt,
    pub links: Vec<Link>,
    pub selected: usize,
    /// How many links the item has in all (more than listed when the list is cut).
    pub total: usize,
    /// The briefings the links name, when the reader has no store (else empty).
    pub shelf: Shelf,
}

impl XrefView {
    /// Every link of `from`, from a graph in memory.
    pub fn new(from: ItemAt, links: Vec<Link>) -> XrefView {
        XrefView { from, total: links.len(), links, selected: 0, shelf: Shelf::default() }
    }
}

/// The search box and its live results.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchView {
    pub input: String,
    pub hits: Vec<Hit>,
    pub total: usize,
    /// Why the input does not parse, shown instead of results.
    pub error: Option<String>,
    pub selected: usize,
    /// The search whose results the box waits for (the hits shown are the previous input's meanwhile).
    pub pending: Option<u64>,
    /// The briefings of the hits, when the reader has no store (else empty).
    pub shelf: Shelf,
}

impl SearchView {
    fn new(input: String) -> SearchView {
        SearchView {
            input,
            hits: Vec::new(),
            total: 0,
            error: None,
            selected: 0,
            pending: None,
            shelf: Shelf::default(),
        }
    }
}

/// The hits of the last search, stepped through with n / N after the search box closes.
#[derive(Debug, Clone, PartialEq)]
pub struct LastSearch {
    pub input: String,
    pub hits: Vec<(usize, Target)>,
    pub position: usize,
    /// The search run again after a reload, whose results replace `hits`.
    pub pending: Option<u64>,
}

/// Most hits the search box lists; the count above them says how many matched in all.
pub const SEARCH_LIMIT: usize = 500;

/// The source article, wrapped once for the width it is shown at.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleView {
    pub briefing: usize,
    /// The sentence to highlight (whitespace-folded), if the selected item has one.
    pub quote: Option<String>,
    pub width: usize,
    pub lines: Vec<ArticleLine>,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLine {
    pub text: String,
    /// Byte range of the line that belongs to the highlighted sentence.
    pub marked: Option<std::ops::Range<usize>>,
}

impl ArticleView {
    /// Wraps `article` to `width`, paragraph by paragraph, and marks where `quote` falls.
    fn new(briefing: usize, article: &str, quote: Option<String>, width: usize) -> ArticleView {
        let article = crate::sanitize::neutralize_multiline(article);
        // A paragraph per line of the file; the sentence is looked for across line breaks, in the text the
        // paragraphs make joined by single spaces (as the loader's quote check reads it).
        let paragraphs: Vec<String> =
            article.lines().map(crate::store::fold_whitespace).filter(|p| !p.is_empty()).collect();
        let joined = paragraphs.join(" ");
        let found = quote.as_deref().and_then(|q| joined.find(q).map(|start| start..start + q.len()));
        let mut lines = Vec::new();
        let mut offset = 0;
        for paragraph in &paragraphs {
            for line in super::wrap::wrap(paragraph, width) {
                let (global_start, global_end) = (offset + line.start, offset + line.end);
                let marked = found
                    .as_ref()
                    .filter(|q| q.start < global_end && q.end > global_start)
                    .map(|q| q.start.max(global_start) - global_start..q.end.min(global_end) - global_start);
                lines.push(ArticleLine { text: paragraph[line].to_string(), marked });
            }
            lines.push(ArticleLine { text: String::new(), marked: None });
            offset += paragraph.len() + 1;
        }
        // Scroll the sentence into view, with a little context above it.
        let scroll = lines.iter().position(|l| l.marked.is_some()).map_or(0, |i| i.saturating_sub(3));
        ArticleView { briefing, quote, width, lines, scroll }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The key help, scrolled down this many lines (it can be taller than the terminal).
    Help(usize),
    Article(ArticleView),
    Xref(XrefView),
    Search(SearchView),
}

/// Where the reader was, so Back can return there.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    briefing: usize,
    pane: Pane,
    focus: Focus,
    selection: [usize; 5],
    overlay: Option<Overlay>,
    board: Option<Board>,
}

pub struct App {
    /// Shared with the indexer while it builds; changed (on a reload) only when it is done.
    pub store: Arc<Store>,
    pub xref: Arc<CrossRef>,
    /// Shared with the search worker, which may still be ranking on an index a reload replaced: such
    /// results are dropped by their request's id.
    pub search: Arc<SearchIndex>,
    /// What the panes highlight: the query being typed, or the last one searched.
    pub highlight: Option<Query>,
    pub last_search: Option<LastSearch>,
    pub focus: Focus,
    pub pane: Pane,
    /// Selected row of the briefing list: loaded briefings first, then files that failed to load.
    pub list_selected: usize,
    /// Selected row (or, for Summary, first visible line) of each pane.
    pub selection: [usize; 5],
    pub overlay: Option<Overlay>,
    pub status: String,
    /// A question waiting in the status bar for y or n.
    pub prompt: Option<Prompt>,
    /// Where `e` writes (the current folder unless the settings say otherwise).
    pub export_folder: PathBuf,
    pub viewport: (u16, u16),
    pub theme: super::view::Theme,
    pub quit: bool,
    /// The shown pane's text wrapped for the current size and search; see `panes::rewrap`.
    pub wrapped: Wrapped,
    /// First line shown in the detail box; back to 0 whenever its text is wrapped again.
    pub detail_scroll: usize,
    /// What the folder-wide boards show, worked out once per load or reload.
    pub folder: Arc<Folder>,
    /// While the reader opens on the cache's list, before the store comes: the list and the briefings
    /// read so far (the store is empty meanwhile).
    pub opening: Option<Opening>,
    /// While a first run reads the folder (no fresh cache), how far it has got: the loading screen.
    pub reading: Option<Reading>,
    /// The generation of the store whose indexes are being built, while `xref`, `search` and `folder`
    /// are empty stand-ins; `None` when they are the store's.
    pub indexing: Option<u64>,
    /// The generation of the load of the whole folder asked for (by the boards, or a change of the folder)
    /// while the reader works from the cache; `None` when none is under way.
    pub loading: Option<u64>,
    /// The store's generation: one more on every reload that changed it.
    generation: u64,
    /// The board open when a reload started indexing, open again when it is done.
    reopen: Option<Board>,
    /// Whether `folder` holds the boards read from the cache (while working from it; with a store, the
    /// boards come with its indexes).
    boards_read: bool,
    /// The folder changed while indexing: read it again when that is done.
    reload_waiting: bool,
    /// The searches wait for a reload that waited for a build (see `indexed`).
    searches_stale: bool,
    /// Which board is open, and each board's cursor and filters.
    pub boards: Boards,
    /// The briefing list's order, filter and width.
    pub list: ListView,
    history: Vec<Place>,
    /// Searches asked for so far: the next request's id.
    searches: u64,
}

impl App {
    /// The reader on a store, its indexes built here (for tests and benchmarks; the reader builds them
    /// off its loop thread: [`App::indexing`]).
    pub fn new(store: Store) -> App {
        let indexes = Indexes::build(&store);
        App::with(store, indexes, None, None)
    }

    /// The reader on a store whose indexes are yet to be built (generation 1: start the indexer on it).
    /// The list and the selected briefing show at once; search, cross-references and boards say they are
    /// indexing until `Action::Indexed` brings them.
    pub fn indexing(store: Store) -> App {
        App::with(store, Indexes::empty(), Some(1), None)
    }

    /// The reader on the cache's list of `dir` (generation 1: start the indexer loading the folder). The
    /// list shows at once, and each briefing when it is read (`Effect::Decode`); the store and its
    /// indexes come as `Action::Loaded`.
    pub fn opening(dir: &Path, opening: Opening) -> App {
        let mut store = Store::default();
        store.dir = dir.to_path_buf();
        let failed = opening.failed;
        let mut app = App::with(store, Indexes::empty(), Some(1), Some(opening));
        if failed > 0 {
            app.status = format!("{}; {failed} file(s) failed to load {FAILED_LATER}", app.status);
        }
        app
    }

    /// The reader on a folder without a fresh cache (generation 1: start the indexer reading it): a
    /// loading screen with counts until the folder is read (`Action::FolderRead`), then the list, with
    /// the indexes to come as `Action::Indexed`.
    pub fn reading(dir: &Path) -> App {
        let mut store = Store::default();
        store.dir = dir.to_path_buf();
        let mut app = App::with(store, Indexes::empty(), Some(1), None);
        app.reading = Some(Reading::default());
        app.status = "first run on this folder: reading it".into();
        app
    }

    fn with(store: Store, indexes: Indexes, indexing: Option<u64>, opening: Option<Opening>) -> App {
        let Indexes { xref, search, folder } = indexes;
        let loaded = opening.as_ref().map_or(store.entries.len(), |o| o.rows.len());
        let status = counts(loaded, store.failed.len());
        let mut app = App {
            store: Arc::new(store),
            xref,
            search,
            highlight: None,
            last_search: None,
            focus: Focus::List,
            pane: Pane::Summary,
            list_selected: 0,
            selection: [0; 5],
            overlay: None,
            status,
            prompt: None,
            export_folder: PathBuf::from("."),
            viewport: (80, 24),
            theme: super::view::Theme::from_env(),
            quit: false,
            wrapped: Wrapped::default(),
            detail_scroll: 0,
            folder,
            opening,
            reading: None,
            indexing,
            loading: None,
            generation: 1,
            reopen: None,
            boards_read: false,
            reload_waiting: false,
            searches_stale: false,
            boards: Boards::default(),
            list: ListView::default(),
            history: Vec::new(),
            searches: 0,
        };
        super::list::refresh(&mut app);
        super::boards::reset(&mut app);
        super::panes::rewrap(&mut app);
        app
    }

    /// The store's generation (the list's, while working from the cache): what effects that name its
    /// positions are asked as of.
    pub(super) fn generation(&self) -> u64 {
        self.generation
    }

    /// Says in the status bar that `what` waits for the indexes, if they are still being built.
    pub(super) fn still_indexing(&mut self, what: &str) -> bool {
        if self.indexing.is_some() {
            self.status = format!("indexing the folder: {what} when it is done");
        }
        self.indexing.is_some()
    }

    /// Opens the reader on a briefing, its detail focused.
    pub fn select_briefing(&mut self, position: usize) {
        if position < self.loaded_len() {
            self.list_selected = position;
            self.selection = [0; 5];
            self.focus = Focus::Detail;
        }
    }

    pub fn briefings(&self) -> Vec<&Briefing> {
        self.store.briefings()
    }

    /// The file behind the selected row of the list: a briefing's, or one that failed to load.
    pub fn selected_path(&self) -> Option<&Path> {
        if let Some(opening) = &self.opening {
            return opening.rows.get(self.list_selected).map(|row| row.path.as_path());
        }
        match self.store.entries.get(self.list_selected) {
            Some(entry) => Some(&entry.path),
            None => {
                self.store.failed.get(self.list_selected - self.store.entries.len()).map(PathBuf::as_path)
            }
        }
    }

    /// Rows of the list: loaded briefings, then failed files.
    pub fn list_len(&self) -> usize {
        self.loaded_len() + self.store.failed.len()
    }

    /// How many briefings the list holds (the cache's list while opening, the store's after).
    pub fn loaded_len(&self) -> usize {
        self.opening.as_ref().map_or(self.store.entries.len(), |o| o.rows.len())
    }

    /// The briefing at `position` of the list with its file and article, if it is at hand: while
    /// opening, only if it was read.
    pub fn entry(&self, position: usize) -> Option<&Entry> {
        entry_in(&self.store, self.opening.as_ref(), position)
    }

    /// Whether the reader works from the cache (its list, index and graph, briefings read when shown),
    /// without the folder's store: from the start on a fresh cache, until the boards or a change of the
    /// folder ask for the whole folder to be loaded.
    pub fn from_cache(&self) -> bool {
        self.opening.is_some()
    }

    /// The briefing at `position` if it is at hand: the store's; without one, a briefing read while
    /// opening, or one the open overlay read for what it lists (search hits, cross-references).
    pub fn briefing_at(&self, position: usize) -> Option<&Briefing> {
        if self.opening.is_none() {
            return self.store.entries.get(position).map(|e| &e.briefing);
        }
        let shelf = match &self.overlay {
            Some(Overlay::Search(view)) => Some(&view.shelf),
            Some(Overlay::Xref(view)) => Some(&view.shelf),
            _ => None,
        };
        (self.entry(position).map(|e| &e.briefing)).or_else(|| shelf?.get(position))
    }

    /// Asks for the whole folder to be loaded (the boards need every briefing; a change of the folder is
    /// read that way), unless that is under way; search, cross-references and export keep working from
    /// the cache meanwhile.
    pub(super) fn load_folder(&mut self, repair: bool) -> Option<Effect> {
        if self.loading.is_some() {
            return None;
        }
        self.generation += 1;
        self.loading = Some(self.generation);
        Some(Effect::Load { generation: self.generation, repair })
    }

    /// The id and Markdown export of the briefing at `position` (I/O: for the event loop, never `update`):
    /// from the store, or without one from the cache as `brief export ID` makes it (that briefing's links
    /// worked out over the cache's graph, and only the briefings they show read). `None` if the cache
    /// turns out damaged.
    pub fn export_markdown(&self, position: usize) -> Option<(String, String)> {
        let Some(opening) = &self.opening else {
            let briefings = self.briefings();
            let id = briefings.get(position)?.id.clone();
            return Some((id, crate::export::to_markdown(position, &briefings, &self.xref, &|_| true)));
        };
        let shown = crate::render::briefings_shown;
        let inferred = crate::render::INFERRED_SHOWN;
        let briefings = opening.source().briefings_around(&self.xref, position, None, inferred, shown)?;
        let markdown = crate::export::to_markdown(position, &briefings, &self.xref, &|_| true);
        Some((briefings.get(&position)?.id.clone(), markdown))
    }

    /// Asks for the changed folder to be read into the cache and listed from it again (see
    /// [`Effect::Relist`]), unless a load is under way (then it is read after it).
    fn relist(&mut self) -> Option<Effect> {
        if self.loading.is_some() {
            self.reload_waiting = true;
            return None;
        }
        self.generation += 1;
        self.loading = Some(self.generation);
        let boards = self.boards.open.is_some() || self.reopen.is_some();
        Some(Effect::Relist { generation: self.generation, boards })
    }

    /// Whether the boards' rows are at hand: with a store, once its indexes are; working from the cache,
    /// once read from it.
    pub fn boards_at_hand(&self) -> bool {
        self.opening.is_none() || self.boards_read
    }

    /// Takes the boards read from the cache: the board asked for opens (with its place kept, as after a
    /// reload). Boards that cannot be read have the folder loaded instead (its cache written again).
    fn boards_came(&mut self, generation: u64, folder: Option<Arc<Folder>>) -> Option<Effect> {
        if generation != self.generation || self.opening.is_none() || self.boards_read {
            return None;
        }
        let Some(folder) = folder else {
            self.status = "the cache's boards cannot be read: loading the folder…".into();
            return self.load_folder(true);
        };
        self.folder = folder;
        self.boards_read = true;
        super::boards::reset(self);
        if let Some(board) = self.reopen.take()
            && self.overlay.is_none()
        {
            super::boards::show(self, board);
        }
        if std::mem::take(&mut self.searches_stale) { self.search_again() } else { None }
    }

    /// Takes the folder's list and indexes read again from the cache: the selected briefing found again
    /// by id (else by file), what named positions of the old list (overlays, the way back, the last
    /// search's hits) dropped or searched again. Without them (the cache could not list the folder), the
    /// folder is loaded.
    fn relisted(&mut self, generation: u64, outcome: Option<Relisting>) -> Option<Effect> {
        if self.loading != Some(generation) || self.opening.is_none() {
            return None;
        }
        self.loading = None;
        let Some((opening, indexes, with_boards)) = outcome.as_ref().and_then(Relisting::take) else {
            self.status = "the folder changed: loading it…".into();
            return self.load_folder(false);
        };
        let before = self.opening.as_ref().and_then(|o| o.rows.get(self.list_selected)).cloned();
        let found = before.as_ref().and_then(|row| {
            (opening.rows.iter().position(|r| r.id == row.id))
                .or_else(|| opening.rows.iter().position(|r| r.path == row.path))
        });
        let count = opening.rows.len();
        self.opening = Some(opening);
        match found {
            Some(position) => self.list_selected = position,
            None => {
                self.list_selected = self.list_selected.min(count.saturating_sub(1));
                self.selection = [0; 5];
                self.focus = Focus::List;
            }
        }
        // Positions of the old list mean other briefings now.
        self.history.clear();
        self.overlay = match self.overlay.take() {
            Some(Overlay::Search(view)) => Some(Overlay::Search(SearchView::new(view.input))),
            Some(Overlay::Help(scroll)) => Some(Overlay::Help(scroll)),
            _ => None,
        };
        if let Some(last) = &mut self.last_search {
            last.hits.clear();
            last.pending = None;
        }
        super::list::forget(self);
        super::list::refresh(self);
        self.status = format!("the folder changed: {count} briefings");
        self.indexing = Some(generation);
        // The open board shows the folder as it is now: its boards came with the list, or are read now
        // (the board opens again when they come, and the searches run then).
        let board = self.boards.open.take().or(self.reopen.take());
        let effect = self.indexed(generation, indexes);
        self.boards_read = with_boards;
        match board {
            Some(board) if with_boards => {
                if self.overlay.is_none() {
                    // The board's own count would hide what changed.
                    let status = std::mem::take(&mut self.status);
                    super::boards::show(self, board);
                    self.status = status;
                }
                effect
            }
            Some(board) => {
                self.reopen = Some(board);
                self.searches_stale = effect.is_some();
                Some(Effect::Boards { generation: self.generation })
            }
            None => effect,
        }
    }

    /// What the list shows of the briefing at `position`.
    pub fn list_row(&self, position: usize) -> Option<ListRow<'_>> {
        if let Some(opening) = &self.opening {
            let row = opening.rows.get(position)?;
            return Some(ListRow {
                id: &row.id,
                title: &row.title,
                outlet: &row.outlet,
                published: row.published,
                status: row.status,
                tags: &row.tags,
            });
        }
        let b = &self.store.entries.get(position)?.briefing;
        Some(ListRow {
            id: &b.id,
            title: &b.title,
            outlet: &b.source.outlet,
            published: b.source.published,
            status: b.status,
            tags: &b.tags,
        })
    }

    /// The briefing under the list cursor, if the row is a loaded briefing.
    pub fn current(&self) -> Option<usize> {
        (self.list_selected < self.loaded_len()).then_some(self.list_selected)
    }

    /// The briefing under the list cursor, if it is at hand (while opening, once it is read).
    pub fn current_briefing(&self) -> Option<&Briefing> {
        self.current().and_then(|i| self.entry(i)).map(|e| &e.briefing)
    }

    /// The briefing to read before the next frame: the selected one, while opening, if it was not.
    fn unread(&self) -> Option<usize> {
        let opening = self.opening.as_ref()?;
        self.current().filter(|&i| !opening.has(i))
    }

    pub fn selected_in(&self, pane: Pane) -> usize {
        self.selection[pane.index()]
    }

    /// How many selectable rows a pane has for the current briefing.
    pub fn pane_len(&self, pane: Pane) -> usize {
        let Some(b) = self.current_briefing() else { return 0 };
        match pane {
            Pane::Summary => 1,
            Pane::Figures => b.figures.len(),
            Pane::Actors => b.actors.len(),
            Pane::Claims => b.claims.len(),
            Pane::Questions => b.questions.len(),
        }
    }

    /// The item selected in the current pane, if it is an item pane with items.
    pub fn selected_item(&self) -> Option<ItemAt> {
        let briefing = self.current()?;
        let i = self.selected_in(self.pane);
        (i < self.pane_len(self.pane)).then_some(())?;
        Some(ItemAt { briefing, item: pane_item(self.pane, i)? })
    }

    /// Where each part of the screen is, for the terminal's size and the list's width.
    pub fn regions(&self) -> super::view::Regions {
        super::view::layout_with(self.viewport, self.list.width)
    }

    /// Whether keys are text typed into a box (the search box, a filter) rather than commands.
    pub fn typing(&self) -> bool {
        match &self.overlay {
            Some(overlay) => matches!(overlay, Overlay::Search(_)),
            None => self.boards.typing() || (self.boards.open.is_none() && self.list.typing()),
        }
    }

    /// Rows a page moves: the detail area's height less borders and bars.
    fn page(&self) -> usize {
        usize::from(self.viewport.1.saturating_sub(6)).max(1)
    }

    fn place(&self) -> Place {
        Place {
            briefing: self.list_selected,
            pane: self.pane,
            focus: self.focus,
            selection: self.selection,
            overlay: self.overlay.clone(),
            board: self.boards.open,
        }
    }

    fn restore(&mut self, place: Place) {
        self.list_selected = place.briefing;
        self.pane = place.pane;
        self.focus = place.focus;
        self.selection = place.selection;
        self.overlay = place.overlay;
        // A cross-reference list kept over a reload is worked out again for the graph now.
        if let Some(Overlay::Xref(view)) = &mut self.overlay
            && self.indexing.is_none()
            && self.opening.is_none()
        {
            view.links = self.xref.related(view.from);
            view.total = view.links.len();
            view.selected = view.selected.min(view.links.len().saturating_sub(1));
        }
        self.boards.open = place.board.filter(|_| self.indexing.is_none());
    }

    /// Moves to an item of any briefing, remembering where we were.
    pub(super) fn jump(&mut self, to: ItemAt) {
        self.jump_to(to.briefing, Target::Item(to.item));
    }

    /// Moves to an item, or to a briefing's summary, remembering where we were (a board too).
    pub(super) fn jump_to(&mut self, briefing: usize, target: Target) {
        self.history.push(self.place());
        self.list_selected = briefing;
        self.selection = [0; 5];
        match target {
            Target::Overview => self.pane = Pane::Summary,
            Target::Item(item) => {
                self.pane = Pane::of_item(item);
                self.selection[self.pane.index()] = item.index();
            }
        }
        self.focus = Focus::Detail;
        self.overlay = None;
        self.boards.open = None;
        // The briefing is shown even if the list's filter hides it.
        if self.list.position(briefing).is_none() {
            self.list.filter = Default::default();
            super::list::refresh(self);
        }
    }

    /// Asks for the search box's query to be run again (after an edit, a reload or a return to the box):
    /// results update as you type. A query that does not parse says why and keeps the last results (the
    /// user may be mid-phrase); an empty one empties the box at once.
    fn refresh_search(&mut self) -> Option<SearchRequest> {
        let Some(Overlay::Search(view)) = &mut self.overlay else { return None };
        if self.indexing.is_some() {
            (view.hits, view.total, view.pending) = (Vec::new(), 0, None);
            view.error = Some("indexing the folder: the search runs when it is done".into());
            return None;
        }
        let query = match self.search.parse(&view.input) {
            Ok(query) => query,
            Err(e) => {
                view.error = Some(e.to_string());
                return None;
            }
        };
        view.error = None;
        self.highlight = (!query.is_empty()).then(|| query.clone());
        if query.is_empty() {
            (view.hits, view.total, view.pending) = (Vec::new(), 0, None);
            return None;
        }
        self.searches += 1;
        view.pending = Some(self.searches);
        Some(SearchRequest { id: self.searches, purpose: SearchFor::Box, query })
    }

    /// A number for a new search request: the newest of its purpose is the one whose results count.
    pub(super) fn next_search(&mut self) -> u64 {
        self.searches += 1;
        self.searches
    }

    /// Takes a finished search's results if they are the ones waited for (neither superseded by a newer
    /// request nor made on an index a reload replaced), resolving the hits to show.
    fn searched(&mut self, id: u64, purpose: SearchFor, ranking: Ranking, shelf: Shelf) -> Option<Effect> {
        // The cache's index found a posting list damaged: its answers cannot be trusted. It is built
        // again from the briefings, and the searches run on it then (`indexed`).
        if self.search.found_corrupt() && self.indexing.is_none() && self.opening.is_some() {
            self.status = "the cache is damaged: the folder is loaded and its index built again".into();
            return self.load_folder(true);
        }
        if self.search.found_corrupt() && self.indexing.is_none() {
            self.generation += 1;
            self.indexing = Some(self.generation);
            self.status = "the cache is damaged: the search index is built again".into();
            return Some(Effect::Index { generation: self.generation });
        }
        let total = ranking.total;
        match purpose {
            SearchFor::Box => {
                if !matches!(&self.overlay, Some(Overlay::Search(v)) if v.pending == Some(id)) {
                    return None;
                }
                let hits = self.resolve(ranking.hits, &shelf);
                if let Some(Overlay::Search(view)) = &mut self.overlay {
                    view.selected = view.selected.min(hits.len().saturating_sub(1));
                    (view.hits, view.total, view.pending, view.shelf) = (hits, total, None, shelf);
                }
            }
            SearchFor::Timeline => super::boards::timeline::searched(self, id, &ranking),
            SearchFor::Last => {
                if self.last_search.as_ref().is_none_or(|l| l.pending != Some(id)) {
                    return None;
                }
                let hits: Vec<(usize, Target)> =
                    self.resolve(ranking.hits, &shelf).iter().map(|h| (h.briefing, h.target)).collect();
                if let Some(last) = &mut self.last_search {
                    last.position = last.position.min(hits.len().saturating_sub(1));
                    (last.hits, last.pending) = (hits, None);
                }
            }
        }
        None
    }

    /// Ranked hits with their match ranges, for the briefings they name: the store's, or those read for
    /// them (`shelf`) when the reader has no store.
    fn resolve(&self, ranked: Vec<RankedHit>, shelf: &Shelf) -> Vec<Hit> {
        let briefing = |i: usize| match &self.opening {
            Some(_) => shelf.get(i),
            None => self.store.entries.get(i).map(|e| &e.briefing),
        };
        ranked.into_iter().filter_map(|h| Some(self.search.resolve(briefing(h.briefing)?, h))).collect()
    }

    /// Steps through the last search's hits, wrapping around.
    fn step_hit(&mut self, forward: bool) {
        let Some(last) = &mut self.last_search else {
            self.status = "no search yet: press / to search".into();
            return;
        };
        if self.indexing.is_some() {
            self.status = format!("indexing the folder: the hits for {} come when it is done", last.input);
            return;
        }
        if last.pending.is_some() {
            self.status = format!("still searching for {} (the folder changed)", last.input);
            return;
        }
        if last.hits.is_empty() {
            self.status = format!("no hits for {}", last.input);
            return;
        }
        let len = last.hits.len();
        last.position = if forward { (last.position + 1) % len } else { (last.position + len - 1) % len };
        let (briefing, target) = last.hits[last.position];
        self.status = format!("hit {}/{len} for {}", last.position + 1, last.input);
        self.jump_to(briefing, target);
    }

    fn move_cursor(&mut self, delta: isize, to_end: Option<bool>) {
        match &mut self.overlay {
            Some(Overlay::Xref(view)) => {
                view.selected = moved(view.selected, view.links.len(), delta, to_end);
                return;
            }
            Some(Overlay::Search(view)) => {
                view.selected = moved(view.selected, view.hits.len(), delta, to_end);
                return;
            }
            Some(Overlay::Article(view)) => {
                view.scroll = moved(view.scroll, view.lines.len(), delta, to_end);
                return;
            }
            Some(Overlay::Help(scroll)) => {
                let positions = super::panes::help::scroll_positions(self.viewport, self.theme);
                *scroll = moved(*scroll, positions, delta, to_end);
                return;
            }
            None => {}
        }
        match self.focus {
            Focus::List => super::list::step(self, delta, to_end),
            Focus::Detail => {
                // The summary scrolls by lines, as far as shows its last page.
                let len = match self.pane {
                    Pane::Summary => {
                        self.wrapped.summary.len().saturating_sub(super::view::summary_rows(self.viewport))
                            + 1
                    }
                    pane => self.pane_len(pane),
                };
                let i = self.pane.index();
                self.selection[i] = moved(self.selection[i], len, delta, to_end);
            }
        }
    }
}

impl App {
    /// Where the reader is now, by ids and paths.
    fn anchor(&self, note: Option<String>) -> Box<Anchor> {
        let mut rows: Vec<RowKey> = (self.store.entries.iter())
            .map(|e| RowKey::Briefing { id: e.briefing.id.clone(), path: e.path.clone() })
            .collect();
        rows.extend(self.store.failed.iter().cloned().map(RowKey::Failed));
        let mut items: [Option<String>; 5] = Default::default();
        if let Some(b) = self.current_briefing() {
            for (i, pane) in Pane::ALL.into_iter().enumerate() {
                let selected = self.selection[i];
                items[i] = (selected < self.pane_len(pane))
                    .then(|| pane_item(pane, selected))
                    .flatten()
                    .map(|item| b.item_id(item).to_string());
            }
        }
        Box::new(Anchor { rows, items, note })
    }

    /// The list row a row from before a reload is at now: a briefing by its id, else by its file (which
    /// may have failed to load now, or changed its id); a failed file by its path.
    fn row_now(&self, key: &RowKey) -> Option<usize> {
        let entries = &self.store.entries;
        let failed =
            |path: &Path| self.store.failed.iter().position(|p| p == path).map(|i| entries.len() + i);
        let loaded = |path: &Path| entries.iter().position(|e| e.path == path);
        match key {
            RowKey::Briefing { id, path } => {
                self.store.position(id).or_else(|| failed(path)).or_else(|| loaded(path))
            }
            RowKey::Failed(path) => failed(path).or_else(|| loaded(path)),
        }
    }

    /// After a refresh that changed anything: the indexes of the store before it dropped and asked for
    /// again (they come as `Action::Indexed`), the user kept where they were, and what changed said in
    /// the status bar.
    fn reloaded(&mut self, keep: Anchor, changes: &Changes) -> Option<Effect> {
        if changes.is_empty() {
            // A reload that waited for a build, and found nothing new: the searches run on that build.
            return if self.searches_stale { self.search_again() } else { None };
        }
        let Indexes { xref, search, folder } = Indexes::empty();
        (self.xref, self.search, self.folder) = (xref, search, folder);
        self.generation += 1;
        self.indexing = Some(self.generation);
        self.reopen = self.boards.open.take().or(self.reopen);
        let before = (self.list_selected, self.selection);
        let row_now = |app: &App, row: usize| keep.rows.get(row).and_then(|key| app.row_now(key));
        match row_now(self, self.list_selected) {
            Some(row) => self.list_selected = row,
            None => {
                // The briefing went: stay at the same height of the list.
                self.list_selected = self.list_selected.min(self.list_len().saturating_sub(1));
                self.selection = [0; 5];
            }
        }
        if let Some(b) = self.current_briefing() {
            let found: Vec<(usize, usize)> = (keep.items.iter().enumerate())
                .filter_map(|(i, id)| Some((i, b.item(id.as_deref()?)?.index())))
                .collect();
            for (i, at) in found {
                self.selection[i] = at;
            }
            for pane in Pane::ALL.into_iter().filter(|p| *p != Pane::Summary) {
                let i = pane.index();
                self.selection[i] = self.selection[i].min(self.pane_len(pane).saturating_sub(1));
            }
        } else {
            self.focus = Focus::List;
        }
        let mut overlay = self.overlay.take();
        // The open cross-reference list is the selected item's: it follows the item as it moves.
        if let Some(Overlay::Xref(view)) = &mut overlay {
            let pane = Pane::of_item(view.from.item);
            if (view.from.briefing, view.from.item.index()) == (before.0, before.1[pane.index()]) {
                view.from.item = pane_item(pane, self.selected_in(pane)).unwrap_or(view.from.item);
            }
        }
        self.overlay = overlay.and_then(|o| self.overlay_now(o, &row_now));
        let mut history = std::mem::take(&mut self.history);
        history.retain_mut(|place| match row_now(self, place.briefing) {
            Some(row) => {
                place.briefing = row;
                place.overlay = place.overlay.take().and_then(|o| self.overlay_now(o, &row_now));
                true
            }
            None => false,
        });
        self.history = history;
        // The last search's hits are positions in the old store: until it is run again, n/N wait.
        if let Some(last) = &mut self.last_search {
            last.hits.clear();
            last.pending = None;
        }
        super::list::forget(self);
        super::list::refresh(self);
        _ = self.refresh_search();
        let mut status = self.describe(changes);
        if let Some(note) = keep.note {
            status = format!("{status} ({note})");
        }
        self.status = status;
        Some(Effect::Index { generation: self.generation })
    }

    /// Takes the indexes built for the current generation (a stale build is dropped): the boards work
    /// out their rows, the board closed for the build opens again, an open cross-reference list is
    /// filled, and the searches waiting are asked for. A reload the folder asked for meanwhile comes
    /// first: the searches run after its build.
    fn indexed(&mut self, generation: u64, indexes: Indexes) -> Option<Effect> {
        if self.indexing != Some(generation) {
            return None;
        }
        let Indexes { xref, search, folder } = indexes;
        (self.xref, self.search, self.folder, self.indexing) = (xref, search, folder, None);
        self.boards_read = false;
        if let Some(board) = self.reopen.take()
            && self.overlay.is_none()
        {
            self.boards.open = Some(board);
        }
        // The open timeline's query is searched again: `update` takes that request with the others.
        super::boards::reset(self);
        if let Some(Overlay::Xref(view)) = &mut self.overlay
            && self.opening.is_none()
        {
            view.links = self.xref.related(view.from);
            view.total = view.links.len();
            view.selected = view.selected.min(view.links.len().saturating_sub(1));
        }
        if std::mem::take(&mut self.reload_waiting) {
            // Without a store, the folder is read into the cache and listed again (the searches run
            // when that is done).
            if self.opening.is_some() {
                return self.relist();
            }
            self.searches_stale = true;
            return Some(Effect::Reload { keep: self.anchor(None) });
        }
        self.search_again()
    }

    /// Takes the folder the indexer loaded for the reader that opened on the cache's list: the store
    /// replaces the list (the same briefings in the same order, unless the folder changed between the
    /// two: then the selected briefing is found again by id), and its indexes are taken as a build's.
    fn loaded(&mut self, generation: u64, outcome: Result<Arrived, String>) -> Option<Effect> {
        let asked = self.indexing == Some(generation) || self.loading == Some(generation);
        if !asked || self.opening.is_none() {
            return None;
        }
        self.loading = None;
        let Arrived { store, indexes } = match outcome {
            Ok(arrived) => arrived,
            Err(why) => {
                self.status = format!("cannot load the folder: {why}");
                return None;
            }
        };
        let opening = self.opening.take()?;
        // The indexes come with the store: search, cross-references and boards now answer from memory.
        self.indexing = Some(generation);
        let same = store.entries.len() == opening.rows.len()
            && (store.entries.iter().zip(&opening.rows))
                .all(|(e, row)| e.briefing.id == row.id && e.path == row.path);
        self.store = store;
        if !same {
            let selected = opening.rows.get(self.list_selected).and_then(|row| self.store.position(&row.id));
            match selected {
                Some(position) => self.list_selected = position,
                None => {
                    self.list_selected = 0;
                    self.selection = [0; 5];
                    self.focus = Focus::List;
                }
            }
            if matches!(self.overlay, Some(Overlay::Article(_))) {
                self.overlay = None;
            }
            self.status = "the folder changed while it was loaded: the list is as it is now".into();
        }
        // The files that failed to load join the list (and the filter's texts).
        if self.status.ends_with(FAILED_LATER) {
            self.status = counts(self.store.entries.len(), self.store.failed.len());
        }
        super::list::forget(self);
        super::list::refresh(self);
        let asked_for = self.reopen;
        let effect = self.indexed(generation, indexes);
        // The board the load was for is open now (unless something else was opened meanwhile).
        if let Some(board) = asked_for.filter(|&board| self.boards.open == Some(board)) {
            self.status = super::boards::counted(self, board);
        }
        effect
    }

    /// Asks for the last search and the search box's to be run on the indexes now.
    fn search_again(&mut self) -> Option<Effect> {
        self.searches_stale = false;
        let mut requests = Vec::new();
        if let Some(last) = &mut self.last_search
            && let Ok(query) = self.search.parse(&last.input)
        {
            self.searches += 1;
            last.pending = Some(self.searches);
            requests.push(SearchRequest { id: self.searches, purpose: SearchFor::Last, query });
        }
        requests.extend(self.refresh_search());
        search_effect(requests)
    }

    /// An overlay from before a reload, pointing at the same things now, or `None` when they went.
    fn overlay_now(
        &self,
        overlay: Overlay,
        row_now: &dyn Fn(&App, usize) -> Option<usize>,
    ) -> Option<Overlay> {
        let briefing_now = |i: usize| row_now(self, i).filter(|&row| row < self.store.entries.len());
        match overlay {
            Overlay::Help(scroll) => Some(Overlay::Help(scroll)),
            // Its hits are positions in the old store; the open box is searched again by `reloaded`, one
            // in the history when Back returns to it.
            Overlay::Search(view) => {
                let mut now = SearchView::new(view.input);
                now.selected = view.selected;
                Some(Overlay::Search(now))
            }
            Overlay::Xref(view) => {
                let from = ItemAt { briefing: briefing_now(view.from.briefing)?, item: view.from.item };
                let b = &self.store.entries[from.briefing].briefing;
                b.items().any(|(_, item)| item == from.item).then_some(())?;
                // Filled when the new graph comes (`indexed`, or `restore` for one in the history).
                let links = if self.indexing.is_some() { Vec::new() } else { self.xref.related(from) };
                let selected = view.selected.min(links.len().saturating_sub(1));
                Some(Overlay::Xref(XrefView { selected, ..XrefView::new(from, links) }))
            }
            Overlay::Article(view) => {
                let briefing = briefing_now(view.briefing)?;
                let article = self.store.entries[briefing].article.as_deref()?;
                let mut now = ArticleView::new(briefing, article, view.quote, view.width);
                now.scroll = view.scroll.min(now.lines.len().saturating_sub(1));
                Some(Overlay::Article(now))
            }
        }
    }

    /// "reloaded iran-deal.toml", "iran-deal.toml has errors now", "3 files changed".
    fn describe(&self, changes: &Changes) -> String {
        let failed = |path: &PathBuf| self.store.failed.contains(path);
        let broken = changes.added.iter().chain(&changes.modified).filter(|p| failed(p)).count();
        match (&changes.added[..], &changes.modified[..], &changes.removed[..]) {
            ([path], [], []) | ([], [path], []) if failed(path) => {
                format!("{} has errors now (marked ✗)", file_name(path))
            }
            ([path], [], []) => format!("added {}", file_name(path)),
            ([], [path], []) => format!("reloaded {}", file_name(path)),
            ([], [], [path]) => format!("{} was removed", file_name(path)),
            _ => {
                let count = changes.added.len() + changes.modified.len() + changes.removed.len();
                match broken {
                    0 => format!("{count} files changed"),
                    n => format!("{count} files changed; {n} with errors (marked ✗)"),
                }
            }
        }
    }
}

/// "5 briefings", "5 briefings; 1 file(s) failed to load (marked ✗)": said when the reader starts.
pub(super) fn counts(loaded: usize, failed: usize) -> String {
    match failed {
        0 => format!("{loaded} briefings"),
        n => format!("{loaded} briefings; {n} file(s) failed to load (marked ✗)"),
    }
}

/// Said while opening of the files that failed to load: the cache's list counts them, the store names
/// them.
const FAILED_LATER: &str = "(listed when the folder is loaded)";

/// What the list shows of a briefing, from the cache's list while opening, else from the briefing.
#[derive(Debug, Clone, Copy)]
pub struct ListRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub outlet: &'a str,
    pub published: Option<crate::model::Date>,
    pub status: crate::model::Status,
    pub tags: &'a [String],
}

/// [`App::entry`] over the two fields it reads, so that a caller may change the others meanwhile.
pub fn entry_in<'a>(store: &'a Store, opening: Option<&'a Opening>, position: usize) -> Option<&'a Entry> {
    match opening {
        Some(opening) => opening.entry(position),
        None => store.entries.get(position),
    }
}

/// The item at a row of a pane (none for the summary).
fn pane_item(pane: Pane, row: usize) -> Option<ItemRef> {
    match pane {
        Pane::Summary => None,
        Pane::Figures => Some(ItemRef::Figure(row)),
        Pane::Actors => Some(ItemRef::Actor(row)),
        Pane::Claims => Some(ItemRef::Claim(row)),
        Pane::Questions => Some(ItemRef::Question(row)),
    }
}

/// A file's name, as the list and the status bar show it.
pub fn file_name(path: &Path) -> String {
    let name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    crate::sanitize::neutralize(&name).into_owned()
}

/// A cursor moved by `delta` rows (or to one end) and kept inside `0..len`.
fn moved(current: usize, len: usize, delta: isize, to_end: Option<bool>) -> usize {
    if len == 0 {
        return 0;
    }
    match to_end {
        Some(false) => 0,
        Some(true) => len - 1,
        None => current.saturating_add_signed(delta).min(len - 1),
    }
}

/// Applies an action, then re-wraps what it changed (`panes::rewrap`). Returns the I/O the event loop
/// must do, if any.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    // A message lasts until the next thing the user does (which may say something new); while a box is
    // typed into, its hint stays.
    if action.is_from_user() && !app.typing() {
        app.status.clear();
    }
    let effect = apply(app, action).or_else(|| app.unread().map(|position| Effect::Decode { position }));
    super::panes::rewrap(app);
    super::boards::prepare(app);
    // A board's search (the timeline's query) goes with the searches the action asked for.
    match (effect, super::boards::requests(app)) {
        (None, Some(request)) => Some(Effect::Search(vec![request])),
        (Some(Effect::Search(mut requests)), Some(request)) => {
            requests.push(request);
            Some(Effect::Search(requests))
        }
        (effect, None) => effect,
        (effect, Some(request)) => {
            // Asked for with another effect (none does so now): it waits for the next action.
            app.boards.timeline.request = Some(request);
            effect
        }
    }
}

/// [`update`], with any search it asks for run at once on this thread and its results applied: what
/// the reader's search worker does, without the thread (for tests and benchmarks); so is a build of the
/// indexes (`Effect::Index`). Returns any other effect.
pub fn update_now(app: &mut App, action: Action) -> Option<Effect> {
    match update(app, action) {
        Some(Effect::Search(requests)) => {
            for request in requests {
                let index = Arc::clone(&app.search);
                let source = app.opening.as_ref().map(Opening::source);
                if let Some(done) = request.run_from(&index, source.as_deref(), &|| false) {
                    update_now(app, done);
                }
            }
            None
        }
        Some(Effect::Links { from, generation }) => {
            let source = app.opening.as_ref().map(Opening::source)?;
            let done = super::indexer::linked(&source, &app.xref, from, generation);
            update_now(app, done)
        }
        Some(Effect::Relist { generation, boards }) => {
            let done = super::indexer::relisted(&app.store.dir, generation, boards);
            update_now(app, done)
        }
        Some(Effect::Boards { generation }) => {
            let done = super::indexer::boards_read(&app.opening.as_ref()?.source(), generation);
            update_now(app, done)
        }
        Some(Effect::Load { generation, repair }) => {
            let opening = app.opening.as_ref()?;
            let outcome = super::indexer::load(&app.store.dir, &opening.source(), repair);
            update_now(app, Action::Loaded { generation, outcome })
        }
        Some(Effect::Index { generation }) => {
            let indexes = Indexes::build(&app.store);
            update_now(app, Action::Indexed { generation, indexes })
        }
        Some(Effect::Decode { position }) => {
            let entry = app.opening.as_ref().and_then(|o| o.read(position)).map(Box::new);
            update_now(app, Action::Decoded { position, entry })
        }
        other => other,
    }
}

fn search_effect(requests: impl IntoIterator<Item = SearchRequest>) -> Option<Effect> {
    let requests: Vec<SearchRequest> = requests.into_iter().collect();
    (!requests.is_empty()).then_some(Effect::Search(requests))
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    // The open board, else the list, answers first what it takes; an overlay over them comes first.
    if app.overlay.is_none() {
        if let Some(effect) = super::boards::apply(app, &action) {
            return effect;
        }
        if app.boards.open.is_none() && super::list::apply(app, &action).is_some() {
            return None;
        }
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => return Some(Effect::Suspend),
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help(_)) => None,
                _ => Some(Overlay::Help(0)),
            }
        }
        Action::NextPane | Action::PrevPane => {
            let step = if action == Action::NextPane { 1 } else { Pane::ALL.len() - 1 };
            app.pane = Pane::ALL[(app.pane.index() + step) % Pane::ALL.len()];
            app.focus = Focus::Detail;
        }
        Action::ShowPane(pane) => {
            app.pane = pane;
            app.focus = Focus::Detail;
        }
        Action::FocusList => app.focus = Focus::List,
        Action::FocusDetail => {
            if app.current().is_some() {
                app.focus = Focus::Detail;
            }
        }
        Action::Down => app.move_cursor(1, None),
        Action::Up => app.move_cursor(-1, None),
        Action::Top => app.move_cursor(0, Some(false)),
        Action::Bottom => app.move_cursor(0, Some(true)),
        Action::PageDown => app.move_cursor(app.page() as isize, None),
        Action::PageUp => app.move_cursor(-(app.page() as isize), None),
        Action::HalfPageDown => app.move_cursor(app.page() as isize / 2, None),
        Action::HalfPageUp => app.move_cursor(-(app.page() as isize / 2), None),
        // The Summary pane has no detail box: its own text scrolls with j/k.
        Action::DetailDown | Action::DetailUp if app.pane != Pane::Summary => {
            let last = app.wrapped.detail.len().saturating_sub(super::view::detail_rows(app.viewport));
            app.detail_scroll = match action {
                Action::DetailDown => (app.detail_scroll + 1).min(last),
                _ => app.detail_scroll.saturating_sub(1),
            };
        }
        Action::DetailDown | Action::DetailUp => {}
        Action::Open => match (&app.overlay, app.focus) {
            (Some(Overlay::Xref(view)), _) => {
                if let Some(link) = view.links.get(view.selected) {
                    let to = link.to;
                    app.jump(to);
                }
            }
            (Some(Overlay::Search(view)), _) if view.pending.is_some() => {
                app.status = "still searching: Enter again when the hits are listed".into();
            }
            (Some(Overlay::Search(view)), _) => {
                let hits: Vec<(usize, Target)> = view.hits.iter().map(|h| (h.briefing, h.target)).collect();
                if let Some(&(briefing, target)) = hits.get(view.selected) {
                    app.status = format!(
                        "hit {}/{} for {} (n/N for the others)",
                        view.selected + 1,
                        hits.len(),
                        view.input
                    );
                    app.last_search = Some(LastSearch {
                        input: view.input.clone(),
                        hits,
                        position: view.selected,
                        pending: None,
                    });
                    app.jump_to(briefing, target);
                }
            }
            (Some(Overlay::Help(_) | Overlay::Article(_)), _) => app.overlay = None,
            (None, Focus::List) => {
                if app.current().is_some() {
                    app.focus = Focus::Detail;
                }
            }
            (None, Focus::Detail) => return apply(app, Action::CrossReference),
        },
        Action::Back => {
            if let Some(closed) = app.overlay.take() {
                // Leaving the search box without a jump leaves nothing highlighted from it.
                if matches!(closed, Overlay::Search(_)) {
                    app.highlight = None;
                }
                return None;
            }
            match app.history.pop() {
                // A search box returned to is searched again: a reload since may have emptied it.
                Some(place) => {
                    app.restore(place);
                    return search_effect(app.refresh_search());
                }
                None => app.focus = Focus::List,
            }
        }
        Action::CrossReference if app.still_indexing("cross-references show") => {}
        Action::CrossReference => match app.selected_item() {
            // Without the store the graph is the cache's: worked out off the loop, with the briefings
            // the links name.
            Some(from) if app.from_cache() => {
                app.status = "finding related items…".into();
                return Some(Effect::Links { from, generation: app.generation });
            }
            Some(from) => {
                let links = app.xref.related(from);
                app.status = format!("{} related item(s)", links.len());
                app.overlay = Some(Overlay::Xref(XrefView::new(from, links)));
            }
            None => app.status = "select a figure, actor, claim or question to cross-reference".into(),
        },
        Action::OpenArticle => open_article(app),
        Action::Search => {
            app.overlay = Some(Overlay::Search(SearchView::new(String::new())));
            app.highlight = None;
        }
        Action::SearchInput(_) | Action::SearchDelete | Action::SearchClear => {
            if let Some(Overlay::Search(view)) = &mut app.overlay {
                match action {
                    Action::SearchInput(c) => view.input.push(c),
                    Action::SearchDelete => _ = view.input.pop(),
                    _ => view.input.clear(),
                }
                view.selected = 0;
            }
            return search_effect(app.refresh_search());
        }
        Action::NextHit => app.step_hit(true),
        Action::PrevHit => app.step_hit(false),
        Action::Searched { id, purpose, ranking, shelf } => return app.searched(id, purpose, ranking, shelf),
        Action::Linked { from, generation, outcome } if generation == app.generation => {
            linked(app, from, outcome)
        }
        // Asked for on a list a change or a load has replaced since.
        Action::Linked { .. } => {}
        Action::Indexed { generation, indexes } => return app.indexed(generation, indexes),
        Action::Decoded { position, entry } => {
            if let Some(opening) = &mut app.opening {
                if entry.is_none() {
                    app.status = "this briefing could not be read from the cache or its file".into();
                }
                opening.keep(position, entry.map(|e| *e));
            }
        }
        Action::Loaded { generation, outcome } => return app.loaded(generation, outcome),
        Action::BoardsRead { generation, folder } => return app.boards_came(generation, folder),
        Action::ReadProgress { generation, counts } => super::reading::progressed(app, generation, counts),
        Action::FolderRead { generation, outcome } => super::reading::arrived(app, generation, outcome),
        // The export lists each item's cross-references.
        Action::Export if app.current().is_some() && app.still_indexing("export works") => {}
        Action::Export => match app.current() {
            Some(briefing) => return Some(Effect::Export { briefing, force: false }),
            None => app.status = "nothing to export: this file failed to load".into(),
        },
        Action::ExportExists { briefing, path } => {
            app.status = format!("{} exists: overwrite it? (y/n)", path.display());
            app.prompt = Some(Prompt::Overwrite { briefing });
        }
        Action::Confirm(yes) => match app.prompt.take() {
            Some(Prompt::Overwrite { briefing }) if yes => {
                return Some(Effect::Export { briefing, force: true });
            }
            Some(Prompt::Overwrite { .. }) => app.status = "not exported: the file is left as it was".into(),
            None => {}
        },
        Action::ExpireStatus => app.status.clear(),
        Action::OpenSource => match app.current_briefing().and_then(|b| b.source.url.as_deref()) {
            Some(url) => match crate::sanitize::http_url(url) {
                Some(url) => return Some(Effect::Open(url.to_string())),
                None => app.status = "the source URL is not a plain http(s) address: not opened".into(),
            },
            None => app.status = "this briefing gives no source URL".into(),
        },
        Action::Opened(Ok(url)) => app.status = format!("opened {url}"),
        Action::Opened(Err(why)) => app.status = format!("cannot open the source: {why}"),
        Action::Copy => {
            match app.current_briefing().zip(app.selected_item()).and_then(|(b, at)| quote_of(b, at.item)) {
                Some(quote) => {
                    let quote = crate::sanitize::neutralize(quote).into_owned();
                    app.status =
                        format!("copied the quote ({} characters) to the clipboard", quote.chars().count());
                    return Some(Effect::Copy(quote));
                }
                None => app.status = "select a figure, claim or question to copy its quote".into(),
            }
        }
        Action::Exported(Ok(path)) => app.status = format!("exported to {}", path.display()),
        Action::Exported(Err(message)) => app.status = format!("export failed: {message}"),
        Action::Edit => match app.selected_path() {
            Some(path) => return Some(Effect::Edit { path: path.to_path_buf() }),
            None => app.status = "no file to edit: the folder has no briefings".into(),
        },
        Action::Edited(outcome) => {
            let note = outcome.err();
            app.status = match (&note, app.selected_path()) {
                (Some(note), _) => note.clone(),
                (None, Some(path)) => format!("no changes to {}", file_name(path)),
                (None, None) => String::new(),
            };
            if app.indexing.is_some() || app.loading.is_some() {
                app.reload_waiting = true;
                return None;
            }
            if app.from_cache() {
                return app.relist();
            }
            return Some(Effect::Reload { keep: app.anchor(note) });
        }
        // The store changes only when no build holds it: a change meanwhile is read after the build.
        Action::FilesChanged if app.indexing.is_some() || app.loading.is_some() => app.reload_waiting = true,
        // The cache no longer says what the folder holds: the changed files are read into it, and the
        // reader lists the folder from it again.
        Action::FilesChanged if app.from_cache() => {
            app.status = "the folder changed: reading it…".into();
            return app.relist();
        }
        Action::Relisted { generation, outcome } => return app.relisted(generation, outcome),
        Action::FilesChanged => return Some(Effect::Reload { keep: app.anchor(None) }),
        Action::WatchFailed(why) => {
            app.status = format!("not watching the folder ({why}): changes show after E");
        }
        Action::Reloaded { keep, outcome } => match outcome {
            Ok(reread) => match Arc::get_mut(&mut app.store) {
                Some(store) => {
                    let changes = store.apply(*reread);
                    return app.reloaded(*keep, &changes);
                }
                // Not asked for while a build holds the store (see `FilesChanged`); if it were, the
                // folder is read again after the build.
                None => app.reload_waiting = true,
            },
            Err(why) => app.status = format!("reload failed: {why}"),
        },
        Action::Resize { width, height } => {
            app.viewport = (width, height);
            // Wrapping is done once per width: a resize re-wraps the article, keeping the sentence in view.
            if let Some(Overlay::Article(view)) = &app.overlay {
                let width = super::view::article_width(app.viewport);
                if width != view.width {
                    let briefing = view.briefing;
                    let quote = view.quote.clone();
                    if let Some(article) = app.entry(briefing).and_then(|e| e.article.as_deref()) {
                        app.overlay =
                            Some(Overlay::Article(ArticleView::new(briefing, article, quote, width)));
                    }
                }
            }
        }
        Action::ShowBoard(board) => {
            app.overlay = None;
            return show_board(app, board);
        }
        // Taken by the list or the open board above; nothing to do under an overlay.
        Action::Filter | Action::Sort | Action::Cycle | Action::ListWidth => {}
        Action::Click { column, row } => return click(app, column, row),
        Action::Wheel { column, row, down } => {
            // Over an item's detail box the wheel scrolls the details; anywhere else it moves as j/k do.
            let detail = app.regions().detail;
            let over_detail = app.overlay.is_none()
                && app.pane != Pane::Summary
                && detail.contains(ratatui::layout::Position { x: column, y: row });
            let step = match (over_detail, down) {
                (true, true) => Action::DetailDown,
                (true, false) => Action::DetailUp,
                (false, true) => Action::Down,
                (false, false) => Action::Up,
            };
            return apply(app, step);
        }
    }
    None
}

/// Opens the current briefing's article at the selected item's sentence (its quote or source).
fn open_article(app: &mut App) {
    let Some((briefing, entry)) = app.current().and_then(|i| Some((i, app.entry(i)?))) else { return };
    let Some(article) = entry.article.as_deref() else {
        app.status = "this briefing links no readable article".into();
        return;
    };
    let b = &entry.briefing;
    let quote = app.selected_item().and_then(|at| match at.item {
        ItemRef::Figure(i) => Some(b.figures[i].quote.as_str()),
        ItemRef::Claim(i) => Some(b.claims[i].quote.as_str()),
        ItemRef::Question(i) => b.questions[i].source.as_deref(),
        ItemRef::Actor(_) => None,
    });
    let quote = quote.map(crate::store::fold_whitespace).filter(|q| !q.is_empty());
    let view = ArticleView::new(briefing, article, quote, super::view::article_width(app.viewport));
    app.status = match (&view.quote, view.lines.iter().any(|l| l.marked.is_some())) {
        (Some(_), true) => "the selected item's sentence is highlighted".into(),
        (Some(_), false) => "the selected item's sentence was not found in the article".into(),
        (None, _) => String::new(),
    };
    app.overlay = Some(Overlay::Article(view));
}

/// Opens (or closes) a board; working from the cache, asks for the boards to be read from it first
/// (once), and opens the board when they come.
fn show_board(app: &mut App, board: Board) -> Option<Effect> {
    if !app.boards_at_hand() && app.boards.open != Some(board) && !app.still_indexing("the boards open") {
        let asked = app.reopen.replace(board).is_some();
        app.status = format!("reading the boards: the {} board opens when they come", board.title());
        // A load or relist under way brings the boards (or asks for them) when it is done.
        return (!asked && app.loading.is_none()).then_some(Effect::Boards { generation: app.generation });
    }
    super::boards::show(app, board);
    None
}

/// The links of the item `from` worked out over the cache's graph: listed if it is still the selected
/// item and nothing else was opened meanwhile.
fn linked(app: &mut App, from: ItemAt, outcome: Result<(Linked, Shelf), String>) {
    let selected = match app.boards.open {
        Some(board) => super::boards::selected_item(app, board),
        None => app.selected_item(),
    };
    if selected != Some(from) || app.overlay.is_some() {
        return;
    }
    match outcome {
        Ok((linked, shelf)) => {
            app.status = match linked.total {
                total if total > linked.links.len() => {
                    format!("{total} related item(s), the best {} listed", linked.links.len())
                }
                total => format!("{total} related item(s)"),
            };
            let view = XrefView { from, links: linked.links, selected: 0, total: linked.total, shelf };
            app.overlay = Some(Overlay::Xref(view));
        }
        Err(why) => app.status = why,
    }
}

/// Resolves a click against the same layout the view draws.
fn click(app: &mut App, column: u16, row: u16) -> Option<Effect> {
    let regions = app.regions();
    let inside = |r: ratatui::layout::Rect| r.contains(ratatui::layout::Position { x: column, y: row });
    if app.overlay.is_some() {
        return None;
    }
    if let Some(board) = super::boards::tab_at(app.viewport, column, row) {
        return show_board(app, board);
    } else if inside(regions.list) {
        let position = app.list.position(app.list_selected).unwrap_or(0);
        let first = super::view::list_offset(position, regions.list.height.saturating_sub(2));
        let index = first + usize::from(row.saturating_sub(regions.list.y + 1));
        app.focus = Focus::List;
        if let Some(&now) = app.list.rows.get(index)
            && now != app.list_selected
        {
            app.list_selected = now;
            app.selection = [0; 5];
        }
    } else if inside(regions.tabs) {
        if let Some(pane) = super::view::tab_at(column.saturating_sub(regions.tabs.x)) {
            app.pane = pane;
            app.focus = Focus::Detail;
        }
    } else if inside(regions.pane) {
        app.focus = Focus::Detail;
        if app.pane != Pane::Summary {
            let visible = super::view::pane_rows(regions.pane);
            let first = super::view::list_offset(app.selected_in(app.pane), visible);
            let index = first + usize::from(row.saturating_sub(regions.pane.y + 2));
            if row >= regions.pane.y + 2 && index < app.pane_len(app.pane) {
                app.selection[app.pane.index()] = index;
            }
        }
    }
    None
}
