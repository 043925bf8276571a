//! The reader before its indexes are built: the list and the selected briefing show at once, keys answer,
//! and search, cross-references and the boards say they are indexing until the build comes back through
//! `update` (taken only for the current generation). Reloads take the same path.

use std::fs;
use std::path::Path;

use brief::store::Store;
use brief::tui::app::{Action, App, Effect, Focus, Overlay, Pane, update, update_now};
use brief::tui::boards::Board;
use brief::tui::indexer::Indexes;
use brief::tui::view::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn indexing(dir: &Path) -> App {
    let mut app = App::indexing(Store::load(dir).unwrap());
    app.theme = Theme::PLAIN;
    app
}

fn screen(app: &mut App) -> String {
    update(app, Action::Resize { width: 120, height: 30 });
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

/// What the indexer thread would deliver for `generation`.
fn built(app: &App, generation: u64) -> Action {
    Action::Indexed { generation, indexes: Indexes::build(&app.store) }
}

#[test]
fn the_list_and_the_briefing_show_while_indexing_and_the_indexes_arrive_through_update() {
    let mut app = indexing(Path::new("briefings"));
    assert_eq!(app.indexing, Some(1));
    let first = app.current_briefing().unwrap().title.clone();
    let frame = screen(&mut app);
    assert!(frame.contains("Briefings"), "{frame}");
    assert!(frame.contains(&first[..20.min(first.len())]), "{frame}");
    assert!(frame.contains("indexing…"), "{frame}");

    // The list moves; what needs the indexes says so and opens nothing.
    update(&mut app, Action::Down);
    assert_eq!(app.list_selected, 1);
    // The search box opens and takes what is typed; the search runs when the index comes.
    update(&mut app, Action::Search);
    assert_eq!(update(&mut app, Action::SearchInput('s')), None);
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the box opens: {:?}", app.overlay) };
    assert_eq!(view.error.as_deref(), Some("indexing the folder: the search runs when it is done"));
    let searching = built(&app, 1);
    let Some(Effect::Search(requests)) = update(&mut app, searching) else { panic!("the box is searched") };
    assert_eq!(requests.len(), 1);
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the box stays open") };
    assert_eq!((view.error.as_deref(), view.pending), (None, Some(requests[0].id)));
    // Back to indexing, as after a reload, for what follows.
    app = indexing(Path::new("briefings"));
    screen(&mut app);
    update(&mut app, Action::Down);
    update(&mut app, Action::ShowBoard(Board::Figures));
    assert_eq!(app.boards.open, None);
    assert_eq!(app.status, "indexing the folder: the boards open when it is done");
    assert_eq!(update(&mut app, Action::Export), None);
    assert!(app.status.starts_with("indexing the folder: export"), "{}", app.status);
    update(&mut app, Action::ShowPane(Pane::Claims));
    assert_eq!(app.focus, Focus::Detail);
    update(&mut app, Action::CrossReference);
    assert_eq!(app.overlay, None);
    assert_eq!(app.status, "indexing the folder: cross-references show when it is done");
    assert!(screen(&mut app).contains("indexing the folder: related items show when it is done"));

    // A build of another generation is not taken.
    let stale = built(&app, 2);
    assert_eq!(update(&mut app, stale), None);
    assert_eq!(app.indexing, Some(1));

    let done = built(&app, 1);
    assert_eq!(update(&mut app, done), None);
    assert_eq!(app.indexing, None);
    let frame = screen(&mut app);
    assert!(!frame.contains("indexing…") && !frame.contains("related items show when"), "{frame}");
    assert!(frame.contains("related item"), "{frame}");
    update(&mut app, Action::CrossReference);
    assert!(matches!(app.overlay, Some(Overlay::Xref(_))), "{:?}", app.overlay);
    update(&mut app, Action::Back);
    update(&mut app, Action::ShowBoard(Board::Figures));
    assert_eq!(app.boards.open, Some(Board::Figures));
    assert!(!app.folder.figures.is_empty());
    // The same folder built at once gives the same boards.
    assert_eq!(
        app.folder.figures.len(),
        App::new(Store::load(Path::new("briefings")).unwrap()).folder.figures.len()
    );
}

#[test]
fn q_and_esc_answer_while_indexing() {
    let mut app = indexing(Path::new("briefings"));
    screen(&mut app);
    update(&mut app, Action::ToggleHelp);
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    assert_eq!(update(&mut app, Action::Back), None);
    assert_eq!(app.overlay, None);
    assert_eq!(update(&mut app, Action::Quit), None);
    assert!(app.quit);
    assert_eq!(app.indexing, Some(1), "nothing waited for the indexes");
}

#[test]
fn a_reload_indexes_off_the_loop_and_a_change_meanwhile_waits_for_the_build() {
    let root = tempfile::tempdir().unwrap();
    for entry in fs::read_dir("briefings").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, root.path().join(path.file_name().unwrap())).unwrap();
    }
    let mut app = App::new(Store::load(root.path()).unwrap());
    update(&mut app, Action::ShowBoard(Board::Actors));
    assert_eq!(app.indexing, None);
    let count = app.store.entries.len();

    let gone = app.store.entries[count - 1].path.clone();
    fs::remove_file(&gone).unwrap();
    let Some(Effect::Reload { keep }) = update(&mut app, Action::FilesChanged) else { panic!("no reload") };
    let outcome = app.store.reread().map(Box::new).map_err(|e| e.to_string());
    assert_eq!(update(&mut app, Action::Reloaded { keep, outcome }), Some(Effect::Index { generation: 2 }));
    assert_eq!(app.indexing, Some(2));
    assert_eq!(app.store.entries.len(), count - 1);
    assert_eq!(app.boards.open, None, "the board waits for the new folder's");
    assert!(app.status.contains("was removed"), "{}", app.status);

    // The folder changes again while the build runs: read again once it is done, not before.
    let late = built(&app, 2);
    let next = app.store.entries[0].path.clone();
    fs::remove_file(&next).unwrap();
    assert_eq!(update(&mut app, Action::FilesChanged), None);
    let Some(Effect::Reload { keep }) = update(&mut app, late) else {
        panic!("the waiting reload was not asked for")
    };
    assert_eq!(app.boards.open, Some(Board::Actors), "the board opens again with the build");
    let outcome = app.store.reread().map(Box::new).map_err(|e| e.to_string());
    assert_eq!(update_now(&mut app, Action::Reloaded { keep, outcome }), None);
    assert_eq!(app.indexing, None);
    assert_eq!(app.store.entries.len(), count - 2);
    assert_eq!(app.boards.open, Some(Board::Actors));
}
