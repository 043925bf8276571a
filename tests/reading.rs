//! The reader's first run on a folder without a fresh cache: a loading screen with counts from the first
//! frame, the list as soon as the folder is read, the indexes after it, all through `update`; the
//! indexer's read says how far it has got, hands the store over before it builds, and writes the cache.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

mod common;
use common::cache_dir;

use brief::cache;
use brief::store::Store;
use brief::tui::app::{Action, App, update, update_now};
use brief::tui::indexer::{Indexer, Indexes};
use brief::tui::reading::{ReadFolder, Reading};
use brief::tui::view::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A copy of the seeds (without their articles) and one file that fails to load, never cached.
fn folder() -> (tempfile::TempDir, PathBuf) {
    cache_dir();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("briefings");
    fs::create_dir_all(&dir).unwrap();
    for seed in fs::read_dir("briefings").unwrap() {
        let seed = seed.unwrap().path();
        let text: String = fs::read_to_string(&seed)
            .unwrap()
            .lines()
            .filter(|line| !line.starts_with("article = "))
            .map(|line| format!("{line}\n"))
            .collect();
        fs::write(dir.join(seed.file_name().unwrap()), text).unwrap();
    }
    fs::write(dir.join("broken.toml"), "id = \"broken\"\ntitle = [\n").unwrap();
    (root, dir)
}

fn screen(app: &mut App) -> String {
    update(app, Action::Resize { width: 120, height: 30 });
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn reading(dir: &Path) -> App {
    let mut app = App::reading(dir);
    app.theme = Theme::PLAIN;
    app
}

#[test]
fn the_first_frame_is_a_loading_screen_then_the_list_then_the_indexes() {
    let (_root, dir) = folder();
    let mut app = reading(&dir);
    assert_eq!(app.indexing, Some(1));
    let frame = screen(&mut app);
    assert!(frame.contains("Reading the folder"), "{frame}");
    assert!(frame.contains("listing the folder…"), "{frame}");
    assert!(frame.contains("first run on this folder"), "{frame}");
    assert!(!frame.contains("Briefings"), "no list before the folder is read: {frame}");
    assert!(frame.contains(" LOADING ") && !frame.contains(" LIST "), "{frame}");

    update(&mut app, Action::ReadProgress { generation: 1, counts: Reading { read: 3, total: 6 } });
    let frame = screen(&mut app);
    assert!(frame.contains("reading 3 of 6 files"), "{frame}");
    assert!(frame.contains(&format!("[{}{}]", "#".repeat(20), "-".repeat(20))), "{frame}");
    // Counts of another generation are not this read's.
    update(&mut app, Action::ReadProgress { generation: 2, counts: Reading { read: 5, total: 6 } });
    assert_eq!(app.reading, Some(Reading { read: 3, total: 6 }));

    // Keys answer meanwhile: the list is empty, nothing is selected, nothing panics.
    for action in
        [Action::Down, Action::Up, Action::NextPane, Action::CrossReference, Action::Edit, Action::Export]
    {
        update(&mut app, action);
    }

    let store = Arc::new(Store::load(&dir).unwrap());
    let seeds = store.entries.len();
    assert!(seeds >= 5 && store.failed.len() == 1);
    update(&mut app, Action::FolderRead { generation: 1, outcome: Ok(ReadFolder(Arc::clone(&store))) });
    assert_eq!(app.reading, None);
    assert_eq!((app.loaded_len(), app.list_len()), (seeds, seeds + 1));
    let frame = screen(&mut app);
    assert!(frame.contains("Briefings") && !frame.contains(" LOADING "), "{frame}");
    assert!(frame.contains(&store.entries[0].briefing.title[..20]), "{frame}");
    assert!(frame.contains("indexing…"), "still indexing: {frame}");
    assert!(frame.contains("1 file(s) failed to load"), "the file that failed is counted: {frame}");

    update_now(&mut app, Action::Indexed { generation: 1, indexes: Indexes::build(&store) });
    assert_eq!(app.indexing, None);
    assert!(!screen(&mut app).contains("indexing…"));
}

#[test]
fn a_folder_that_cannot_be_read_is_said_and_ends_the_wait() {
    let (_root, dir) = folder();
    let mut app = reading(&dir);
    // Another generation's outcome is ignored.
    update(&mut app, Action::FolderRead { generation: 2, outcome: Err("gone".into()) });
    assert!(app.reading.is_some());
    update(&mut app, Action::FolderRead { generation: 1, outcome: Err("permission denied".into()) });
    assert_eq!((app.reading, app.indexing), (None, None));
    assert!(screen(&mut app).contains("cannot read the folder: permission denied"));
}

#[test]
fn the_indexer_reads_tells_how_far_hands_the_list_over_then_indexes_and_writes_the_cache() {
    let (_root, dir) = folder();
    assert!(cache::listed(&dir).is_none(), "no cache yet");
    let (sender, actions) = mpsc::channel();
    Indexer::new(move |action| sender.send(action).is_ok()).read(dir.clone(), 7).unwrap();
    let mut seen = Vec::new();
    loop {
        let action = actions.recv_timeout(Duration::from_secs(120)).expect("the indexer reports");
        let indexed = matches!(action, Action::Indexed { .. });
        seen.push(action);
        if indexed {
            break;
        }
    }
    let Action::ReadProgress { generation: 7, counts } = &seen[0] else {
        panic!("counts come first: {seen:?}")
    };
    assert_eq!(*counts, Reading::default());
    let read_at = seen.iter().position(|a| matches!(a, Action::FolderRead { .. })).expect("the store comes");
    assert_eq!(read_at, seen.len() - 2, "the store comes before the indexes, after every count: {seen:?}");
    assert!(seen[..read_at].iter().all(|a| matches!(a, Action::ReadProgress { generation: 7, .. })));
    let Action::FolderRead { generation: 7, outcome: Ok(ReadFolder(store)) } = &seen[read_at] else {
        panic!("{seen:?}")
    };
    assert_eq!(store.entries.len() + store.failed.len(), fs::read_dir(&dir).unwrap().count());
    let Action::Indexed { generation: 7, indexes } = &seen[read_at + 1] else { panic!("{seen:?}") };
    assert_eq!(indexes.search.query(&store.briefings(), "shells", 5), {
        let briefings = store.briefings();
        Indexes::build(store).search.query(&briefings, "shells", 5)
    });

    // The cache was written: the next start opens on its list, the failed file counted.
    let listed = cache::listed(&dir).expect("the cache is fresh after the first run");
    assert_eq!(listed.rows.len(), store.entries.len());
    assert_eq!(listed.summary.failed, 1);
}

#[test]
fn a_folder_taken_away_before_it_is_read_is_reported() {
    let (root, dir) = folder();
    fs::remove_dir_all(&dir).unwrap();
    let (sender, actions) = mpsc::channel();
    Indexer::new(move |action| sender.send(action).is_ok()).read(dir, 1).unwrap();
    let outcome = loop {
        match actions.recv_timeout(Duration::from_secs(60)).expect("the indexer reports") {
            Action::FolderRead { outcome, .. } => break outcome,
            Action::ReadProgress { .. } => {}
            other => panic!("nothing else comes before: {other:?}"),
        }
    };
    assert!(outcome.unwrap_err().contains("cannot read briefing folder"));
    drop(root);
}
