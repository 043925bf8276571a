//! The reader's search runs off the input path: `update` only asks for it (`Effect::Search`), the event
//! loop's worker runs it, and the results come back through `update` as `Action::Searched`, taken only
//! if they answer the newest request and the index they were made on is still the reader's.

use std::fs;
use std::path::Path;

use brief::store::Store;
use brief::tui::app::{Action, App, Effect, Overlay, SearchFor, SearchRequest, update, update_now};

fn seeds() -> App {
    App::new(Store::load(Path::new("briefings")).unwrap())
}

fn box_view(app: &App) -> &brief::tui::app::SearchView {
    match &app.overlay {
        Some(Overlay::Search(view)) => view,
        other => panic!("the search box is not open: {other:?}"),
    }
}

/// Types `text` into the search box and returns the requests the keys asked for.
fn type_text(app: &mut App, text: &str) -> Vec<SearchRequest> {
    let mut requests = Vec::new();
    for c in text.chars() {
        match update(app, Action::SearchInput(c)) {
            Some(Effect::Search(asked)) => requests.extend(asked),
            other => panic!("a key in the search box asks for a search, not {other:?}"),
        }
    }
    requests
}

#[test]
fn typing_asks_for_searches_and_only_the_newest_results_are_taken() {
    let mut app = seeds();
    update(&mut app, Action::Search);
    let requests = type_text(&mut app, "shells");
    assert_eq!(requests.len(), 6);
    assert!(requests.iter().all(|r| r.purpose == SearchFor::Box));
    // Nothing was ranked on the input path: the box waits for the newest request.
    let view = box_view(&app);
    assert!(view.hits.is_empty() && view.total == 0);
    assert_eq!(view.pending, Some(requests[5].id));
    assert!(app.highlight.is_some(), "the panes highlight the query at once");

    // An older search that finishes late is dropped: its hits are for "shell", not "shells".
    let index = std::sync::Arc::clone(&app.search);
    let older = requests[4].run(&index, &|| false).unwrap();
    update(&mut app, older);
    assert!(box_view(&app).hits.is_empty() && box_view(&app).pending.is_some());
    let newest = requests[5].run(&index, &|| false).unwrap();
    update(&mut app, newest);
    let view = box_view(&app);
    assert_eq!(view.pending, None);
    let direct = index.query(&app.briefings(), "shells", brief::tui::app::SEARCH_LIMIT).unwrap();
    assert_eq!((view.total, &view.hits), (direct.total, &direct.hits));
}

#[test]
fn a_search_given_up_reports_nothing() {
    let mut app = seeds();
    update(&mut app, Action::Search);
    let requests = type_text(&mut app, "DPRK shells");
    let last = requests.last().unwrap();
    assert_eq!(last.run(&app.search, &|| true), None);
}

#[test]
fn results_that_come_after_esc_are_dropped() {
    let mut app = seeds();
    update(&mut app, Action::Search);
    let requests = type_text(&mut app, "shells");
    update(&mut app, Action::Back);
    assert!(app.overlay.is_none() && app.highlight.is_none());
    let late = requests.last().unwrap().run(&app.search, &|| false).unwrap();
    update(&mut app, late);
    assert!(app.overlay.is_none(), "a late result does not reopen the box");
}

#[test]
fn results_made_on_an_index_a_reload_replaced_are_dropped() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("briefings");
    fs::create_dir(&dir).unwrap();
    for entry in fs::read_dir("briefings").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let mut app = App::new(Store::load(&dir).unwrap());
    update(&mut app, Action::Search);
    let requests = type_text(&mut app, "shells");
    let old_index = std::sync::Arc::clone(&app.search);
    // The first briefing goes: positions in the old index are wrong now.
    let first = app.store.entries[0].path.clone();
    fs::remove_file(&first).unwrap();
    let Some(Effect::Reload { keep }) = update(&mut app, Action::FilesChanged) else { panic!("a reload") };
    let outcome = app.store.reread().map(Box::new).map_err(|e| e.to_string());
    let Some(Effect::Index { generation }) = update(&mut app, Action::Reloaded { keep, outcome }) else {
        panic!("the new folder is indexed off the loop")
    };
    let stale = requests.last().unwrap().run(&old_index, &|| false).unwrap();
    update(&mut app, stale.clone());
    assert!(box_view(&app).hits.is_empty(), "results of the replaced index are not shown while indexing");
    let indexes = brief::tui::indexer::Indexes::build(&app.store);
    let Some(Effect::Search(again)) = update(&mut app, Action::Indexed { generation, indexes }) else {
        panic!("the open box is searched again on the new index")
    };
    assert_eq!(again.len(), 1);
    update(&mut app, stale);
    assert!(box_view(&app).hits.is_empty(), "results of the replaced index are not shown");
    let fresh = again[0].run(&app.search, &|| false).unwrap();
    update(&mut app, fresh);
    let view = box_view(&app);
    assert!(view.total > 0 && view.hits.iter().all(|h| h.briefing < app.store.entries.len()));
}

#[test]
fn enter_waits_for_the_hits_of_what_was_typed() {
    let mut app = seeds();
    update(&mut app, Action::Search);
    type_text(&mut app, "shells");
    update(&mut app, Action::Open);
    assert!(matches!(app.overlay, Some(Overlay::Search(_))), "no jump to hits of another input");
    assert!(app.status.starts_with("still searching"), "{}", app.status);
    // With the results in, Enter jumps.
    update_now(&mut app, Action::SearchDelete);
    update_now(&mut app, Action::SearchInput('s'));
    update(&mut app, Action::Open);
    assert!(app.overlay.is_none());
    assert!(app.last_search.is_some());
}
