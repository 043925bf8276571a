//! The reader opening on a fresh cache's list: the first frame needs the list alone, a briefing is read
//! when it is shown (a few are kept), a damaged cache only costs time, a stale one is never listed, and
//! the folder the indexer loads replaces the list through `update`.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;
use common::cache_dir;

use brief::cache;
use brief::store::{Progress, Store};
use brief::tui::app::{Action, App, Overlay, update, update_now};
use brief::tui::indexer::Indexes;
use brief::tui::opening::{Arrived, KEPT, Opening};
use brief::tui::view::{self, Theme};
use brief::xref::CrossRef;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The seeds with their articles, and 20 copies of them without articles (read from the cache alone):
/// a folder, written and cached.
fn folder() -> (tempfile::TempDir, PathBuf) {
    cache_dir();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("briefings");
    let articles = root.path().join("assets/articles");
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(&articles).unwrap();
    for article in fs::read_dir("assets/articles").unwrap() {
        let article = article.unwrap().path();
        fs::copy(&article, articles.join(article.file_name().unwrap())).unwrap();
    }
    let mut seeds: Vec<PathBuf> = fs::read_dir("briefings").unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    for seed in &seeds {
        fs::copy(seed, dir.join(seed.file_name().unwrap())).unwrap();
    }
    for n in 0..20 {
        let text = fs::read_to_string(&seeds[n % seeds.len()]).unwrap();
        // The briefing's id is the file's first `id`; the actors' come later.
        let copy: String = text
            .lines()
            .filter(|line| !line.starts_with("article = "))
            .map(|line| format!("{line}\n"))
            .collect::<String>()
            .replacen("id = \"", &format!("id = \"copy-{n}-"), 1);
        fs::write(dir.join(format!("copy-{n}.toml")), copy).unwrap();
    }
    cache::load(&dir, false, &Progress::default()).unwrap();
    (root, dir)
}

fn opening(dir: &Path) -> App {
    let listed = cache::listed(dir).expect("a fresh cache is listed");
    let mut app = App::opening(dir, Opening::new(listed));
    app.theme = Theme::PLAIN;
    app
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn kept(app: &App) -> usize {
    app.opening.as_ref().map_or(0, Opening::kept)
}

#[test]
fn the_first_frame_comes_from_the_list_and_a_briefing_is_read_when_it_is_shown() {
    let (_root, dir) = folder();
    let store = Store::load(&dir).unwrap();
    let mut app = opening(&dir);
    // Nothing decoded yet: the list alone.
    assert!(app.store.entries.is_empty());
    assert_eq!(app.list_len(), store.entries.len());
    assert_eq!((app.current(), app.current_briefing(), kept(&app)), (Some(0), None, 0));
    // The first action reads the selected briefing before anything is drawn.
    update_now(&mut app, Action::Resize { width: 120, height: 30 });
    assert_eq!(kept(&app), 1);
    assert_eq!(app.current_briefing(), Some(&store.entries[0].briefing));
    let frame = screen(&app);
    let start = |text: &str| text.chars().take(20).collect::<String>();
    assert!(frame.contains(" Briefings "), "{frame}");
    assert!(frame.contains(&start(&store.entries[1].briefing.title)), "the list is drawn: {frame}");
    assert!(frame.contains(&start(&store.entries[0].briefing.summary)), "so is the summary: {frame}");
    assert!(frame.contains("indexing…"), "{frame}");
    // Each briefing moved to is read, from the cache or (the seeds link articles) its file, equal to
    // what a load gives; only the last few are kept.
    for position in 1..store.entries.len() {
        update_now(&mut app, Action::Down);
        assert_eq!(app.list_selected, position);
        assert_eq!(app.entry(position), Some(&store.entries[position]), "briefing {position}");
    }
    assert_eq!(kept(&app), KEPT);
    assert!(store.entries.len() > KEPT);
    // Back to one forgotten: read again.
    update_now(&mut app, Action::Top);
    assert_eq!(app.current_briefing(), Some(&store.entries[0].briefing));
    assert_eq!(kept(&app), KEPT);
    // The article of a seed is there to open.
    let seed = store.entries.iter().position(|e| e.article.is_some()).unwrap();
    app.select_briefing(seed);
    update_now(&mut app, Action::OpenArticle);
    assert!(matches!(app.overlay, Some(brief::tui::app::Overlay::Article(_))), "{}", app.status);
}

#[test]
fn the_loaded_folder_replaces_the_list_through_update() {
    let (_root, dir) = folder();
    let mut app = opening(&dir);
    update_now(&mut app, Action::Resize { width: 120, height: 30 });
    update_now(&mut app, Action::Down);
    update_now(&mut app, Action::Down);
    let selected = app.current_briefing().unwrap().id.clone();
    let arrive = |generation| {
        let loaded = cache::load(&dir, false, &Progress::default()).unwrap();
        let indexes = Indexes::build(&loaded.store);
        Action::Loaded { generation, outcome: Ok(Arrived { store: Arc::new(loaded.store), indexes }) }
    };
    // Another generation's load is not taken.
    assert_eq!(update(&mut app, arrive(2)), None);
    assert!(app.opening.is_some());
    update(&mut app, arrive(1));
    assert!(app.opening.is_none());
    assert_eq!(app.indexing, None);
    assert_eq!(app.current_briefing().unwrap().id, selected);
    assert_eq!(app.store.entries.len(), app.list_len());
    // What needed the indexes works now.
    update_now(&mut app, Action::ShowPane(brief::tui::app::Pane::Claims));
    update_now(&mut app, Action::CrossReference);
    assert!(app.status.ends_with("related item(s)"), "{}", app.status);
}

#[test]
fn files_that_failed_to_load_are_counted_while_opening_and_listed_when_the_folder_is_loaded() {
    let (_root, dir) = folder();
    fs::write(dir.join("zz-broken.toml"), "id = \"broken\n").unwrap();
    cache::load(&dir, false, &Progress::default()).unwrap();
    let mut app = opening(&dir);
    let briefings = app.list_len();
    assert_eq!(
        app.status,
        format!("{briefings} briefings; 1 file(s) failed to load (listed when the folder is loaded)")
    );
    let loaded = cache::load(&dir, false, &Progress::default()).unwrap();
    let indexes = Indexes::build(&loaded.store);
    let arrived = Arrived { store: Arc::new(loaded.store), indexes };
    update_now(&mut app, Action::Loaded { generation: 1, outcome: Ok(arrived) });
    assert_eq!(app.list_len(), briefings + 1);
    assert_eq!(app.status, format!("{briefings} briefings; 1 file(s) failed to load (marked ✗)"));
    update_now(&mut app, Action::Bottom);
    assert!(screen(&app).contains("✗ zz-broken.toml"));
}

#[test]
fn a_folder_changed_between_the_list_and_the_load_finds_the_briefing_again_by_id() {
    let (_root, dir) = folder();
    let mut app = opening(&dir);
    update_now(&mut app, Action::Resize { width: 120, height: 30 });
    update_now(&mut app, Action::Bottom);
    let selected = app.current_briefing().unwrap().id.clone();
    // A briefing newer than every other comes first now: positions move by one.
    add_newest(&dir);
    let loaded = cache::load(&dir, false, &Progress::default()).unwrap();
    assert_eq!(loaded.store.entries[0].briefing.id.split('-').next(), Some("newest"));
    let indexes = Indexes::build(&loaded.store);
    let arrived = Arrived { store: Arc::new(loaded.store), indexes };
    update_now(&mut app, Action::Loaded { generation: 1, outcome: Ok(arrived) });
    assert_eq!(app.current_briefing().unwrap().id, selected);
    assert!(app.status.starts_with("the folder changed while it was loaded"), "{}", app.status);
}

#[test]
fn a_damaged_cache_only_costs_time() {
    let (_root, dir) = folder();
    let store = Store::load(&dir).unwrap();
    let mut app = opening(&dir);
    // Rewritten in place (the same file the reader holds open) with other bytes: every briefing fails
    // its checksum, and is read from its file.
    let file = cache::location(&dir).unwrap();
    let length = fs::metadata(&file).unwrap().len() as usize;
    fs::write(&file, vec![0x5a; length]).unwrap();
    update_now(&mut app, Action::Resize { width: 120, height: 30 });
    let copy = store.entries.iter().position(|e| e.article.is_none()).unwrap();
    app.select_briefing(copy);
    update_now(&mut app, Action::Down);
    update_now(&mut app, Action::Up);
    assert_eq!(app.current_briefing(), Some(&store.entries[copy].briefing));
    // A briefing neither the cache nor its file can give says so, and the reader goes on.
    fs::remove_file(&store.entries.last().unwrap().path).unwrap();
    update_now(&mut app, Action::FocusList);
    update_now(&mut app, Action::Bottom);
    assert_eq!(app.current(), Some(store.entries.len() - 1));
    assert_eq!(app.current_briefing(), None);
    assert!(app.status.starts_with("this briefing could not be read"), "{}", app.status);
    assert!(screen(&app).contains("Briefings"));
}

/// Types `query` into the search box and gives the number of hits.
fn search(app: &mut App, query: &str) -> usize {
    update_now(app, Action::Search);
    query.chars().for_each(|c| _ = update_now(app, Action::SearchInput(c)));
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    let total = view.total;
    update_now(app, Action::Back);
    total
}

#[test]
fn search_runs_on_the_caches_index_and_a_damaged_posting_list_has_it_built_again() {
    let (_root, dir) = folder();
    let mut app = opening(&dir);
    update_now(&mut app, Action::Resize { width: 120, height: 30 });
    let loaded = cache::load(&dir, false, &Progress::default()).unwrap();
    assert!(loaded.index.is_none(), "nothing changed: the load built no index");
    let snapshot = cache::Snapshot::open(&dir).unwrap();
    let stored = snapshot.index_for(&loaded.store).expect("the cache holds this store's briefings");
    let indexes = Indexes::with(&loaded.store, CrossRef::build(&loaded.store.briefings()), stored);
    let arrived = Arrived { store: Arc::new(loaded.store), indexes };
    update_now(&mut app, Action::Loaded { generation: 1, outcome: Ok(arrived) });
    let built = brief::search::SearchIndex::build(
        &app.briefings(),
        &brief::actors::Registry::build(app.briefings().iter().copied()),
    );
    let expected = built.query(&app.briefings(), "shells", 500).unwrap().total;
    assert!(expected > 0);
    assert_eq!(search(&mut app, "shells"), expected);
    // The cache file rewritten in place with other bytes: the next posting list read fails its checksum.
    let file = cache::location(&dir).unwrap();
    fs::write(&file, vec![0x5a; fs::metadata(&file).unwrap().len() as usize]).unwrap();
    let expected = built.query(&app.briefings(), "sanctions", 500).unwrap().total;
    assert!(expected > 0);
    assert_eq!(search(&mut app, "sanctions"), expected);
    assert_eq!(app.status, "the cache is damaged: the search index is built again");
    assert_eq!(app.indexing, None);
}

#[test]
fn a_stale_cache_is_never_listed() {
    let (_root, dir) = folder();
    assert!(cache::listed(&dir).is_some());
    let path = dir.join("copy-3.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("# edited\n");
    fs::write(&path, text).unwrap();
    assert!(cache::listed(&dir).is_none(), "a rewritten file");
    cache::load(&dir, false, &Progress::default()).unwrap();
    assert!(cache::listed(&dir).is_some());
    fs::remove_file(&path).unwrap();
    assert!(cache::listed(&dir).is_none(), "a removed file");
}

/// The reader on the cache's list with the indexes the cache holds (what the indexer reads first):
/// working from the cache, no store.
fn from_cache(dir: &Path) -> App {
    let mut app = opening(dir);
    let source = app.opening.as_ref().unwrap().source();
    let indexes = Indexes::stored(&source).expect("the cache holds an index and a graph");
    update_now(&mut app, Action::Indexed { generation: 1, indexes });
    update_now(&mut app, Action::Resize { width: 120, height: 30 });
    assert!(app.from_cache() && app.indexing.is_none() && app.store.entries.is_empty());
    app
}

#[test]
fn search_cross_references_and_export_work_from_the_cache_without_the_store() {
    let (_root, dir) = folder();
    let store = Store::load(&dir).unwrap();
    let mut full = App::new(Store::load(&dir).unwrap());
    let mut app = from_cache(&dir);
    // Search: the same hits, match ranges included, as over the whole store; each hit's briefing read
    // for the box (and only those), and drawn.
    for input in ["shells", "sanction*", "claim:russia -grain"] {
        for app in [&mut app, &mut full] {
            update_now(app, Action::Search);
            input.chars().for_each(|c| _ = update_now(app, Action::SearchInput(c)));
        }
        let (Some(Overlay::Search(cached)), Some(Overlay::Search(loaded))) = (&app.overlay, &full.overlay)
        else {
            panic!("the search boxes are open")
        };
        assert!(!loaded.hits.is_empty(), "{input}");
        assert_eq!((&cached.hits, cached.total), (&loaded.hits, loaded.total), "{input}");
        let named: std::collections::BTreeSet<usize> = cached.hits.iter().map(|h| h.briefing).collect();
        assert_eq!(cached.shelf.len(), named.len(), "{input}");
        let first = &store.entries[cached.hits[0].briefing].briefing.title;
        let frame = screen(&app);
        assert!(frame.contains(&first.chars().take(30).collect::<String>()), "{input}: {frame}");
        // Enter jumps to the hit, and its briefing is read when it is shown.
        let hit = cached.hits[0].briefing;
        let loaded_hits = loaded.hits.clone();
        update_now(&mut app, Action::Open);
        update_now(&mut full, Action::Back);
        assert_eq!(app.current_briefing(), Some(&store.entries[hit].briefing));
        // Back to the box, with its hits; then closed.
        update_now(&mut app, Action::Back);
        assert!(matches!(&app.overlay, Some(Overlay::Search(view)) if view.hits == loaded_hits));
        update_now(&mut app, Action::Back);
        assert!(app.overlay.is_none());
    }
    // Cross-references of each claim of a briefing: the links the whole graph gives, with the briefings
    // they name read for the list and its selected link.
    let graph = CrossRef::build(&store.briefings());
    let at = (0..store.entries.len()).find(|&b| !store.entries[b].briefing.claims.is_empty()).unwrap();
    app.select_briefing(at);
    update_now(&mut app, Action::ShowPane(brief::tui::app::Pane::Claims));
    let mut listed = 0;
    for claim in 0..store.entries[at].briefing.claims.len() {
        app.selection[3] = claim;
        let from = app.selected_item().unwrap();
        // Worked out off the loop (the effect), then listed when it comes back (`update_now` does both).
        let effect = update(&mut app, Action::CrossReference);
        assert!(
            matches!(effect, Some(brief::tui::app::Effect::Links { from: f, .. }) if f == from),
            "{effect:?}"
        );
        assert!(app.overlay.is_none());
        update_now(&mut app, Action::CrossReference);
        let Some(Overlay::Xref(view)) = &app.overlay else { panic!("{}", app.status) };
        assert_eq!(view.links, graph.related(from), "claim {claim}");
        assert_eq!(view.total, view.links.len());
        assert!(view.shelf.holds(view.links.iter().map(|l| l.to.briefing)));
        if let Some(link) = view.links.first() {
            let other = &store.entries[link.to.briefing].briefing;
            let frame = screen(&app);
            assert!(
                frame.contains(&other.item_label(link.to.item).chars().take(20).collect::<String>()),
                "{frame}"
            );
            listed += 1;
        }
        update_now(&mut app, Action::Back);
    }
    assert!(listed > 0, "some claim of the folder has related items");
    // Export: the Markdown the whole store gives, from the cache.
    for position in [0, at, store.entries.len() - 1] {
        let (id, markdown) = app.export_markdown(position).unwrap();
        let expected = brief::export::to_markdown(position, &store.briefings(), &graph, &|_| true);
        assert_eq!(
            (id.as_str(), markdown.as_str()),
            (store.entries[position].briefing.id.as_str(), expected.as_str())
        );
    }
    // Nothing of this loaded the folder: the list and the last briefings read only.
    assert!(app.from_cache() && app.store.entries.is_empty() && app.loading.is_none());
    assert!(kept(&app) <= KEPT);
}

/// Every board of `app` drawn after each of a few moves (down the rows, into a row's own list and down
/// it, the other boards' orders and kinds), as the screen shows them.
fn boards_shown(app: &mut App) -> Vec<String> {
    use brief::tui::boards::Board;
    let mut frames = Vec::new();
    for board in Board::ALL {
        update_now(app, Action::ShowBoard(board));
        assert_eq!(app.boards.open, Some(board), "{}", app.status);
        frames.push(screen(app));
        for action in
            [Action::Down, Action::Down, Action::FocusDetail, Action::Down, Action::Cycle, Action::Sort]
        {
            update_now(app, action);
            frames.push(screen(app));
        }
        update_now(app, Action::Back);
        update_now(app, Action::Back);
    }
    // The timeline of a query's hits (searched on the cache's index, or the store's).
    update_now(app, Action::ShowBoard(Board::Timeline));
    update_now(app, Action::Filter);
    "shells".chars().for_each(|c| _ = update_now(app, Action::SearchInput(c)));
    let shown = screen(app);
    assert!(shown.contains("matching shells") && app.boards.timeline.timeline.rows.len() > 2, "{shown}");
    frames.push(shown);
    update_now(app, Action::Back);
    update_now(app, Action::Back);
    update_now(app, Action::Back);
    frames
}

#[test]
fn the_boards_come_from_the_cache_as_the_whole_store_gives_them_and_no_briefing_is_decoded() {
    let (_root, dir) = folder();
    let store = Store::load(&dir).unwrap();
    let graph = CrossRef::build(&store.briefings());
    // The cache's boards are the boards of the whole store: every row, and the text each draws.
    let stored = cache::Snapshot::open(&dir).unwrap().boards().expect("the cache holds the boards");
    let built = brief::folder::Folder::build(&store.briefings(), &graph);
    assert!(!built.figures.is_empty() && !built.questions.is_empty() && !built.sources.is_empty());
    assert!(built.questions.iter().any(|q| q.addressed.is_some()));
    assert_eq!(stored, built);
    // And the reader draws the same boards from them as from the store.
    let mut app = from_cache(&dir);
    let effect = update(&mut app, Action::ShowBoard(brief::tui::boards::Board::Figures));
    let Some(brief::tui::app::Effect::Boards { generation }) = effect else { panic!("{effect:?}") };
    assert!(app.status.starts_with("reading the boards: the Figures board opens"), "{}", app.status);
    // Asked once; meanwhile search still answers from the cache.
    assert_eq!(update(&mut app, Action::ShowBoard(brief::tui::boards::Board::Figures)), None);
    assert!(search(&mut app, "shells") > 0);
    assert!(app.overlay.is_none());
    let source = app.opening.as_ref().unwrap().source();
    update_now(&mut app, brief::tui::indexer::boards_read(&source, generation));
    assert_eq!(app.boards.open, Some(brief::tui::boards::Board::Figures));
    assert_eq!(app.status, format!("{} counted things", app.folder.figures.len()));
    update_now(&mut app, Action::Back);
    let mut full = App::new(Store::load(&dir).unwrap());
    full.theme = Theme::PLAIN;
    update_now(&mut full, Action::Resize { width: 120, height: 30 });
    let (cached, loaded) = (boards_shown(&mut app), boards_shown(&mut full));
    assert_eq!(cached.len(), loaded.len());
    for (cached, loaded) in cached.iter().zip(&loaded) {
        assert_eq!(cached, loaded);
    }
    // Enter on a value goes to its briefing, read as any shown briefing is; x lists its links from the
    // cache's graph.
    update_now(&mut app, Action::ShowBoard(brief::tui::boards::Board::Figures));
    update_now(&mut app, Action::FocusDetail);
    let from = brief::tui::boards::selected_item(&app, brief::tui::boards::Board::Figures).unwrap();
    let effect = update(&mut app, Action::CrossReference);
    assert!(
        matches!(effect, Some(brief::tui::app::Effect::Links { from: f, .. }) if f == from),
        "{effect:?}"
    );
    update_now(&mut app, Action::CrossReference);
    let Some(Overlay::Xref(view)) = &app.overlay else { panic!("{}", app.status) };
    assert_eq!(view.links, graph.related(from));
    update_now(&mut app, Action::Back);
    update_now(&mut app, Action::Open);
    assert_eq!(app.boards.open, None);
    assert_eq!(app.current_briefing(), Some(&store.entries[from.briefing].briefing));
    // Nothing of this loaded the folder.
    assert!(app.from_cache() && app.store.entries.is_empty() && app.loading.is_none());
    assert!(kept(&app) <= KEPT);
    // A change of the folder seen while working from the cache is read into the cache.
    let mut app = from_cache(&dir);
    let effect = update(&mut app, Action::FilesChanged);
    assert!(matches!(effect, Some(brief::tui::app::Effect::Relist { boards: false, .. })), "{effect:?}");
    assert_eq!(app.status, "the folder changed: reading it…");
}

#[test]
fn boards_the_cache_cannot_give_have_the_folder_loaded() {
    let (_root, dir) = folder();
    let mut app = from_cache(&dir);
    let Some(brief::tui::app::Effect::Boards { generation }) =
        update(&mut app, Action::ShowBoard(brief::tui::boards::Board::Questions))
    else {
        panic!("{}", app.status)
    };
    let effect = update(&mut app, Action::BoardsRead { generation, folder: None });
    assert!(matches!(effect, Some(brief::tui::app::Effect::Load { repair: true, .. })), "{effect:?}");
    let source = app.opening.as_ref().unwrap().source();
    let Some(loading) = app.loading else { panic!("a load is under way") };
    update_now(
        &mut app,
        Action::Loaded { generation: loading, outcome: brief::tui::indexer::load(&dir, &source, true) },
    );
    assert!(!app.from_cache());
    assert_eq!(app.boards.open, Some(brief::tui::boards::Board::Questions));
    assert!(!app.folder.questions.is_empty());
}

#[test]
fn a_damaged_posting_list_met_from_the_cache_has_the_folder_loaded_and_the_index_built_again() {
    let (_root, dir) = folder();
    let mut app = from_cache(&dir);
    let store = Store::load(&dir).unwrap();
    let built = brief::search::SearchIndex::build(
        &store.briefings(),
        &brief::actors::Registry::build(store.briefings().iter().copied()),
    );
    let file = cache::location(&dir).unwrap();
    fs::write(&file, vec![0x5a; fs::metadata(&file).unwrap().len() as usize]).unwrap();
    let expected = built.query(&store.briefings(), "sanctions", 500).unwrap().total;
    assert!(expected > 0);
    assert_eq!(search(&mut app, "sanctions"), expected);
    assert!(!app.from_cache(), "the folder was loaded");
    assert_eq!(app.indexing, None);
    assert!(cache::listed(&dir).is_some(), "and the cache written again");
}

#[test]
fn the_list_filter_sees_tags_while_working_from_the_cache() {
    let (_root, dir) = folder();
    let store = Store::load(&dir).unwrap();
    let mut app = from_cache(&dir);
    let tag = "trilateral-cooperation";
    let tagged: Vec<usize> = (0..store.entries.len())
        .filter(|&i| store.entries[i].briefing.tags.iter().any(|t| t == tag))
        .collect();
    assert!(!tagged.is_empty() && tagged.len() < store.entries.len());
    assert!(
        store.entries.iter().all(|e| !e.briefing.title.to_lowercase().contains(tag)),
        "only the tags say it"
    );
    update_now(&mut app, Action::Filter);
    tag.chars().for_each(|c| _ = update_now(&mut app, Action::SearchInput(c)));
    assert_eq!(app.list.rows, tagged);
    assert!(app.from_cache() && app.store.entries.is_empty());
}

#[test]
fn a_change_of_the_folder_is_read_into_the_cache_and_the_reader_goes_on_from_it() {
    let (_root, dir) = folder();
    let mut app = from_cache(&dir);
    update_now(&mut app, Action::Bottom);
    let selected = app.current_briefing().unwrap().id.clone();
    // A briefing newer than every other comes first (positions move by one), another's title changes.
    let text = add_newest(&dir);
    let retitled = text.replacen("title = \"", "title = \"Retitled: ", 1);
    fs::write(dir.join("copy-0.toml"), retitled).unwrap();
    let effect = update(&mut app, Action::FilesChanged);
    let Some(brief::tui::app::Effect::Relist { generation, .. }) = effect else { panic!("{effect:?}") };
    // Another change meanwhile is read after this one.
    assert_eq!(update(&mut app, Action::FilesChanged), None);
    assert!(app.from_cache() && app.loading == Some(generation));
    // (`update_now` reads the waiting change at once, as the loop does when this one is taken.)
    update_now(&mut app, brief::tui::indexer::relisted(&dir, generation, false));
    let store = Store::load(&dir).unwrap();
    assert!(app.from_cache() && app.store.entries.is_empty() && app.loading.is_none());
    assert_eq!(app.list_len(), store.entries.len());
    let titles: Vec<String> =
        (0..app.list_len()).map(|i| app.list_row(i).unwrap().title.to_string()).collect();
    let expected: Vec<String> = store.entries.iter().map(|e| e.briefing.title.clone()).collect();
    assert_eq!(titles, expected);
    assert!(titles.iter().any(|t| t.starts_with("Retitled: ")));
    assert_eq!(app.current_briefing().unwrap().id, selected, "the same briefing, one row further down");
    assert_eq!(app.status, format!("the folder changed: {} briefings", store.entries.len()));
    assert!(search(&mut app, "retitled") > 0, "search answers from the cache written again");
    // Links asked for on the list before a change name positions of that list: they are dropped.
    update_now(&mut app, Action::ShowPane(brief::tui::app::Pane::Actors));
    let Some(brief::tui::app::Effect::Links { from, generation }) = update(&mut app, Action::CrossReference)
    else {
        panic!("{}", app.status)
    };
    let source = app.opening.as_ref().unwrap().source();
    let old = brief::tui::indexer::linked(&source, &app.xref, from, generation);
    fs::write(
        dir.join("copy-1.toml"),
        fs::read_to_string(dir.join("copy-2.toml")).unwrap().replacen("id = \"copy-2-", "id = \"copy-1b-", 1),
    )
    .unwrap();
    let Some(brief::tui::app::Effect::Relist { generation, .. }) = update(&mut app, Action::FilesChanged)
    else {
        panic!("the change is read")
    };
    update_now(&mut app, brief::tui::indexer::relisted(&dir, generation, false));
    update_now(&mut app, old);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
}

#[test]
fn a_change_seen_while_the_caches_indexes_are_read_is_read_after_them() {
    let (_root, dir) = folder();
    let mut app = opening(&dir);
    let effect = update(&mut app, Action::FilesChanged);
    assert!(!matches!(
        effect,
        Some(brief::tui::app::Effect::Relist { .. } | brief::tui::app::Effect::Reload { .. })
    ));
    let source = app.opening.as_ref().unwrap().source();
    let indexes = Indexes::stored(&source).unwrap();
    let effect = update(&mut app, Action::Indexed { generation: 1, indexes });
    assert!(matches!(effect, Some(brief::tui::app::Effect::Relist { .. })), "{effect:?}");
    assert!(app.store.entries.is_empty());
}

#[test]
fn a_board_asked_for_while_a_change_is_read_opens_once_its_boards_are_read() {
    let (_root, dir) = folder();
    let mut app = from_cache(&dir);
    let Some(brief::tui::app::Effect::Relist { generation, boards: false }) =
        update(&mut app, Action::FilesChanged)
    else {
        panic!("the change is read into the cache")
    };
    assert_eq!(update(&mut app, Action::ShowBoard(brief::tui::boards::Board::Sources)), None);
    let effect = update(&mut app, brief::tui::indexer::relisted(&dir, generation, false));
    let Some(brief::tui::app::Effect::Boards { generation }) = effect else { panic!("{effect:?}") };
    assert_eq!(app.boards.open, None, "no board before its rows come");
    let source = app.opening.as_ref().unwrap().source();
    update_now(&mut app, brief::tui::indexer::boards_read(&source, generation));
    assert_eq!(app.boards.open, Some(brief::tui::boards::Board::Sources));
    assert!(!app.folder.sources.is_empty());
    assert!(app.from_cache() && app.store.entries.is_empty());
}

#[test]
fn an_open_board_shows_the_folder_as_it_is_after_a_change() {
    let (_root, dir) = folder();
    let mut app = from_cache(&dir);
    update_now(&mut app, Action::ShowBoard(brief::tui::boards::Board::Timeline));
    assert_eq!(app.boards.open, Some(brief::tui::boards::Board::Timeline));
    let before = screen(&app);
    add_newest(&dir);
    let effect = update(&mut app, Action::FilesChanged);
    let Some(brief::tui::app::Effect::Relist { generation, boards: true }) = effect else {
        panic!("{effect:?}")
    };
    update_now(&mut app, brief::tui::indexer::relisted(&dir, generation, true));
    assert_eq!(app.boards.open, Some(brief::tui::boards::Board::Timeline));
    let store = Store::load(&dir).unwrap();
    assert_eq!(app.status, format!("the folder changed: {} briefings", store.entries.len()));
    let built = brief::folder::Folder::build(&store.briefings(), &CrossRef::build(&store.briefings()));
    assert_eq!(*app.folder, built);
    // The board as the store draws it (the status bar aside, which says what changed).
    app.status.clear();
    let after = screen(&app);
    assert_ne!(before, after);
    let mut full = App::new(store);
    full.theme = Theme::PLAIN;
    update_now(&mut full, Action::Resize { width: 120, height: 30 });
    update_now(&mut full, Action::ShowBoard(brief::tui::boards::Board::Timeline));
    assert_eq!(after, screen(&full));
    assert!(app.from_cache() && app.store.entries.is_empty());
}

/// Writes `newest.toml`, a copy of `copy-0.toml` published later than every other briefing, so that it
/// comes first in the list; returns `copy-0.toml`'s text.
fn add_newest(dir: &Path) -> String {
    let text = fs::read_to_string(dir.join("copy-0.toml")).unwrap();
    let newer =
        text.replacen("id = \"copy-0-", "id = \"newest-", 1).replace("published = \"20", "published = \"29");
    fs::write(dir.join("newest.toml"), newer).unwrap();
    text
}
