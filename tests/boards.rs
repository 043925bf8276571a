//! The folder-wide boards and the briefing list's filter, order and width, without a terminal: key
//! sequences through `update` that open each board, filter it, jump from it and come back, clicks, and
//! frames drawn on ratatui's TestBackend compared with insta snapshots at 80x24 and 160x48.

use std::path::Path;

use brief::store::Store;
use brief::tui::app::{Action, App, Effect, Focus, Overlay, Pane, SearchFor, update, update_now};
use brief::tui::boards::{Board, timeline::Scope};
use brief::tui::list::Width;
use brief::tui::view::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn open(dir: &Path) -> App {
    let store = Store::load(dir).unwrap();
    let mut app = App::new(store);
    app.theme = Theme::PLAIN;
    update(&mut app, Action::Resize { width: 80, height: 24 });
    app
}

fn seeds() -> App {
    // Relative to the crate root (the tests' working directory), so snapshots do not show the checkout.
    open(Path::new("briefings"))
}

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        assert_eq!(update_now(app, a.clone()), None, "{a:?} asks for no other I/O");
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &[Action::SearchInput(c)]);
    }
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn briefing_id(app: &App) -> &str {
    &app.current_briefing().unwrap().id
}

#[test]
fn every_board_at_80x24_and_160x48() {
    for board in Board::ALL {
        let mut app = seeds();
        press(&mut app, &[Action::ShowBoard(board)]);
        assert_eq!(app.boards.open, Some(board));
        let name = board.title().to_lowercase();
        for (width, height) in [(80, 24), (160, 48)] {
            let shown = screen(&mut app, width, height);
            insta::assert_snapshot!(format!("board_{name}_{width}x{height}"), shown);
        }
    }
}

#[test]
fn the_figures_board_flags_differing_values_jumps_to_one_and_comes_back() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Figures)]);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("≠ artillery shells"), "the shell counts differ:\n{shown}");
    // Enter moves into the values, down to the second, Enter goes there.
    press(&mut app, &[Action::Open, Action::Down, Action::Open]);
    assert_eq!(app.boards.open, None, "the board gives way to the briefing");
    assert_eq!(app.pane, Pane::Figures);
    let f = &app.current_briefing().unwrap().figures[app.selected_in(Pane::Figures)];
    assert_eq!(f.value, 1_000_000.0, "the second value, the 2023-12 estimate");
    assert_eq!(briefing_id(&app), "trilateral-nsa-seoul-2023-12");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.open, Some(Board::Figures), "Esc comes back to the board");
    assert_eq!((app.boards.figures.cursor.entry, app.boards.figures.cursor.right), (1, true), "where it was");
    press(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.boards.open, None, "Esc leaves the values, then the board");
}

#[test]
fn the_figures_board_filters_as_you_type_and_shows_the_differing_only() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Figures), Action::Filter]);
    assert!(app.typing(), "letters are text now");
    typed(&mut app, "kilo");
    assert_eq!(app.boards.figures.rows.len(), 1);
    assert!(screen(&mut app, 80, 24).contains("filter: kilo"));
    press(&mut app, &[Action::Open]);
    assert!(!app.typing());
    assert_eq!(app.boards.figures.rows.len(), 1, "Enter keeps the filter");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.figures.rows.len(), app.folder.figures.len(), "Esc clears it");
    press(&mut app, &[Action::Cycle]);
    let differing = app.folder.figures.iter().filter(|g| g.values_differ).count();
    assert_eq!(app.boards.figures.rows.len(), differing);
    assert!(differing >= 1 && differing < app.folder.figures.len());
}

#[test]
fn the_questions_board_shows_open_ones_jumps_to_a_question_and_to_what_answers_it() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Questions), Action::Cycle]);
    let open = app.folder.questions.iter().filter(|q| q.addressed.is_none()).count();
    assert_eq!(app.boards.questions.rows.len(), open);
    press(&mut app, &[Action::Cycle]);
    assert_eq!(app.boards.questions.rows.len(), app.folder.questions.len() - open, "then the addressed");
    press(&mut app, &[Action::Filter]);
    typed(&mut app, "basis");
    press(&mut app, &[Action::Open]);
    assert_eq!(app.boards.questions.rows.len(), 1);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Addressed later"), "{shown}");
    assert!(shown.contains("is updated by it"), "the reason is shown:\n{shown}");
    press(&mut app, &[Action::Open]);
    assert_eq!((app.pane, briefing_id(&app)), (Pane::Questions, "trilateral-nsa-seoul-2023-12"));
    press(&mut app, &[Action::Back, Action::FocusDetail]);
    assert_eq!(briefing_id(&app), "allies-condemn-pact-2024-06", "l goes to what addresses it");
    assert_eq!(app.pane, Pane::Figures, "the 1.6 million figure updates it");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.open, Some(Board::Questions));
}

#[test]
fn the_actors_board_filters_by_kind_and_name_jumps_to_a_claim_and_shows_a_timeline() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Actors), Action::Filter]);
    typed(&mut app, "jong-un");
    press(&mut app, &[Action::Open]);
    let kim = &app.folder.actors[app.boards.actors.rows[0]];
    assert_eq!(kim.name, "Kim Jong Un", "found by an alias, the hyphen folded");
    assert!(screen(&mut app, 80, 24).contains("Also: Kim Jong-Un, Kim"));
    press(&mut app, &[Action::Back, Action::Cycle]);
    assert!(
        app.boards.actors.rows.iter().all(|&i| app.folder.actors[i].kind == brief::model::ActorKind::Person)
    );
    let persons = app.boards.actors.rows.len();
    press(&mut app, &[Action::Cycle]);
    assert_ne!(app.boards.actors.rows.len(), persons, "then states");
    // Back to every kind, then John Kirby's claims.
    for _ in 0..5 {
        press(&mut app, &[Action::Cycle]);
    }
    assert_eq!(app.boards.actors.rows.len(), app.folder.actors.len());
    press(&mut app, &[Action::Filter]);
    typed(&mut app, "kirby");
    press(&mut app, &[Action::Open, Action::Open]);
    assert!(app.boards.actors.cursor.right);
    press(&mut app, &[Action::Down, Action::Open]);
    assert_eq!(app.pane, Pane::Claims);
    let claim = &app.current_briefing().unwrap().claims[app.selected_in(Pane::Claims)];
    assert_eq!(claim.claimed_by, "john-kirby");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.open, Some(Board::Actors));
    press(&mut app, &[Action::ShowBoard(Board::Timeline)]);
    assert_eq!(app.boards.open, Some(Board::Timeline));
    let Scope::Items { what, .. } = &app.boards.timeline.scope else { panic!("the actor's timeline") };
    assert_eq!(what, "John Kirby");
    assert_eq!(app.boards.timeline.timeline.claims(), 13, "his 13 claims, nobody names him");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.timeline.scope, Scope::Folder, "Esc widens to the whole folder");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.open, None);
}

#[test]
fn the_timeline_filters_by_a_query_and_keeps_assertions_and_denials() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Timeline)]);
    let all = app.boards.timeline.timeline.claims();
    assert_eq!(all, app.store.entries.iter().map(|e| e.briefing.claims.len()).sum::<usize>());
    press(&mut app, &[Action::Cycle]);
    let stances = app.boards.timeline.timeline.claims();
    assert!(stances < all && stances > 0);
    press(&mut app, &[Action::Cycle, Action::Filter]);
    typed(&mut app, "claim:deny");
    press(&mut app, &[Action::Open]);
    let matching = app.boards.timeline.timeline.claims();
    assert!(matching > 0 && matching < all, "{matching} of {all}");
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("matching claim:deny"), "{shown}");
    // The first claim row, then Enter goes to it.
    let first_claim = app
        .boards
        .timeline
        .timeline
        .rows
        .iter()
        .position(|r| matches!(r, brief::folder::timeline::Row::Claim(_)))
        .unwrap();
    for _ in 0..first_claim {
        press(&mut app, &[Action::Down]);
    }
    press(&mut app, &[Action::Open]);
    assert_eq!(app.pane, Pane::Claims);
    assert!(
        app.current_briefing().unwrap().claims[app.selected_in(Pane::Claims)]
            .text
            .to_lowercase()
            .contains("den")
    );
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.open, Some(Board::Timeline));
    // An unfinished phrase keeps what is shown and says why.
    press(&mut app, &[Action::Filter]);
    typed(&mut app, " \"arms");
    assert!(app.boards.timeline.error.is_some());
    assert!(app.boards.timeline.timeline.claims() > 0);
}

#[test]
fn the_sources_board_sorts_and_leads_to_an_actor_or_a_timeline() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Sources), Action::Sort]);
    let sources = &app.folder.sources;
    let rows = &app.boards.sources.rows;
    assert!(rows.windows(2).all(|w| sources[w[0]].corroborated >= sources[w[1]].corroborated));
    press(&mut app, &[Action::Sort, Action::Sort, Action::Sort, Action::Sort, Action::Cycle]);
    assert!(
        app.boards
            .sources
            .rows
            .iter()
            .all(|&i| app.folder.sources[i].kind == brief::folder::sources::SourceKind::Outlet)
    );
    // An outlet's claims on the timeline.
    press(&mut app, &[Action::Open]);
    assert_eq!(app.boards.open, Some(Board::Timeline));
    assert!(
        matches!(&app.boards.timeline.scope, Scope::Items { what, .. } if what.starts_with("carried by"))
    );
    // A claimant that is an actor opens on the actors board.
    press(&mut app, &[Action::ShowBoard(Board::Sources), Action::Cycle, Action::Filter]);
    typed(&mut app, "kirby");
    press(&mut app, &[Action::Open, Action::Open]);
    assert_eq!(app.boards.open, Some(Board::Actors));
    let a = &app.folder.actors[app.boards.actors.rows[app.boards.actors.cursor.row]];
    assert_eq!(a.name, "John Kirby");
}

#[test]
fn boards_open_by_mouse_and_rows_are_clicked() {
    let mut app = seeds();
    let shown = screen(&mut app, 80, 24);
    let title = shown.lines().next().unwrap();
    let column = title.find("Questions").unwrap() as u16 - 1; // the quote of the debug string
    let column = title[..column as usize + 1].chars().count() as u16 - 1;
    press(&mut app, &[Action::Click { column: column + 2, row: 0 }]);
    assert_eq!(app.boards.open, Some(Board::Questions));
    // The table's header is on row 2; row 5 is its third question.
    press(&mut app, &[Action::Click { column: 10, row: 5 }]);
    assert_eq!(app.boards.questions.selected, 2);
    press(&mut app, &[Action::Wheel { column: 10, row: 5, down: true }]);
    assert_eq!(app.boards.questions.selected, 3);
    press(&mut app, &[Action::NextPane]);
    assert_eq!(app.boards.open, Some(Board::Actors), "Tab goes to the next board");
    press(
        &mut app,
        &[Action::Click { column: column + 2, row: 0 }, Action::Click { column: column + 2, row: 0 }],
    );
    assert_eq!(app.boards.open, None, "clicking the open board's name closes it");
}

#[test]
fn help_lists_the_boards_and_closes_back_onto_the_board() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Sources), Action::ToggleHelp]);
    let shown = screen(&mut app, 120, 60);
    for key in ["F ", "Q ", "A ", "T ", "S ", "f ", "s ", "c ", "w "] {
        assert!(shown.contains(&format!("│ {key}")), "help lists {key:?}:\n{shown}");
    }
    press(&mut app, &[Action::ToggleHelp]);
    assert_eq!((app.overlay.clone(), app.boards.open), (None, Some(Board::Sources)));
}

#[test]
fn the_list_filters_as_you_type_sorts_and_narrows() {
    let mut app = seeds();
    press(&mut app, &[Action::Filter]);
    typed(&mut app, "seoul");
    assert_eq!(app.list.rows.len(), 2, "two briefings from Seoul");
    assert_eq!(briefing_id(&app), "trilateral-nsa-seoul-2023-12", "the first shown is selected");
    press(&mut app, &[Action::Down]);
    assert_eq!(briefing_id(&app), "blinken-seoul-2023-11", "the cursor moves among those shown");
    press(&mut app, &[Action::Down]);
    assert_eq!(briefing_id(&app), "blinken-seoul-2023-11", "and stops at the last");
    insta::assert_snapshot!("list_filtered_80x24", screen(&mut app, 80, 24));
    press(&mut app, &[Action::Open, Action::Back]);
    assert_eq!(app.list.rows.len(), app.list_len(), "Esc clears the filter");
    assert_eq!(briefing_id(&app), "blinken-seoul-2023-11", "and keeps the briefing");
    press(&mut app, &[Action::Sort]);
    let titles: Vec<String> =
        app.list.rows.iter().map(|&r| app.store.entries[r].briefing.title.to_lowercase()).collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    press(&mut app, &[Action::Sort, Action::Sort]);
    assert_eq!(app.list.rows, (0..app.list_len()).collect::<Vec<_>>(), "back to newest first");
    press(&mut app, &[Action::ListWidth]);
    assert_eq!(app.list.width, Width::Narrow);
    assert!(app.regions().list.width < view::layout(app.viewport).list.width);
    press(&mut app, &[Action::ShowPane(Pane::Claims)]);
    insta::assert_snapshot!("list_narrow_claims_80x24", screen(&mut app, 80, 24));
    press(&mut app, &[Action::FocusList]);
    press(&mut app, &[Action::ListWidth]);
    assert_eq!((app.list.width, app.regions().list.width, app.focus), (Width::Hidden, 0, Focus::Detail));
    press(&mut app, &[Action::ShowPane(Pane::Claims)]);
    insta::assert_snapshot!("list_hidden_claims_80x24", screen(&mut app, 80, 24));
    press(&mut app, &[Action::FocusList]);
    assert_eq!((app.list.width, app.focus), (Width::Full, Focus::List), "h brings the list back");
}

#[test]
fn a_jump_shows_its_briefing_even_when_the_list_filter_hides_it() {
    let mut app = seeds();
    press(&mut app, &[Action::Filter]);
    typed(&mut app, "kirby");
    press(&mut app, &[Action::Open, Action::ShowBoard(Board::Questions), Action::Open]);
    let shown = app.list_selected;
    assert!(app.list.position(shown).is_some(), "the list shows the briefing jumped to");
}

#[test]
fn empty_and_odd_folders_get_an_empty_state() {
    let empty = tempfile::tempdir().unwrap();
    let mut app = open(empty.path());
    for (board, says) in [
        (Board::Figures, "No figures"),
        (Board::Questions, "No questions"),
        (Board::Actors, "No actors"),
        (Board::Timeline, "No briefings"),
        (Board::Sources, "no sources"),
    ] {
        press(&mut app, &[Action::ShowBoard(board), Action::Down, Action::Open, Action::Cycle, Action::Sort]);
        press(&mut app, &[Action::Filter, Action::SearchInput('x'), Action::Open, Action::CrossReference]);
        press(&mut app, &[Action::FocusDetail, Action::Click { column: 10, row: 5 }]);
        let shown = screen(&mut app, 80, 24);
        assert!(shown.contains(says), "{board:?}:\n{shown}");
        press(&mut app, &[Action::Back, Action::Back]);
    }
    // One briefing, undated, its figures too.
    let one = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string("briefings/trilateral-nsa-seoul-2023-12.toml").unwrap();
    let undated: String = seed
        .lines()
        .filter(|l| !["published", "article", "as_of"].iter().any(|key| l.starts_with(key)))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(one.path().join("one.toml"), undated).unwrap();
    let mut app = open(one.path());
    assert_eq!(app.store.entries.len(), 1, "{:?}", app.store.diagnostics);
    for board in Board::ALL {
        press(
            &mut app,
            &[Action::ShowBoard(board), Action::Bottom, Action::FocusDetail, Action::Open, Action::Back],
        );
        screen(&mut app, 80, 24);
    }
    press(&mut app, &[Action::ShowBoard(Board::Timeline)]);
    assert!(screen(&mut app, 80, 24).contains("undated"));
    press(&mut app, &[Action::ShowBoard(Board::Figures), Action::FocusDetail]);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("No dated values to chart."), "{shown}");
}

#[test]
fn the_board_over_an_overlay_and_an_overlay_over_the_board() {
    let mut app = seeds();
    // The shell count of 2023-12, cross-referenced from the figures board.
    press(&mut app, &[Action::ShowBoard(Board::Figures), Action::Open, Action::Down, Action::CrossReference]);
    let Some(Overlay::Xref(xref)) = &app.overlay else { panic!("x on a board's item") };
    assert!(!xref.links.is_empty());
    press(&mut app, &[Action::Open]);
    assert_eq!(app.boards.open, None, "a related item jumped to");
    press(&mut app, &[Action::Back]);
    assert!(matches!(app.overlay, Some(Overlay::Xref(_))));
    assert_eq!(app.boards.open, Some(Board::Figures));
    // The search box over a board types letters, not board keys.
    press(&mut app, &[Action::Back, Action::Search]);
    assert!(app.typing());
    press(&mut app, &[Action::Back]);
    assert_eq!(app.boards.open, Some(Board::Figures));
}

#[test]
fn the_timeline_query_is_searched_off_the_input_path() {
    let mut app = seeds();
    press(&mut app, &[Action::ShowBoard(Board::Timeline), Action::Filter]);
    let effect = update(&mut app, Action::SearchInput('d'));
    let Some(Effect::Search(requests)) = effect else { panic!("a search for the worker: {effect:?}") };
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].purpose, SearchFor::Timeline);
    // Until the answer comes, the timeline shown stays.
    assert_eq!(app.boards.timeline.timeline.claims(), 67);
    let answer = requests[0].run(&app.search, &|| false).unwrap();
    press(&mut app, &[answer]);
    assert!(app.boards.timeline.timeline.claims() < 67);
    // An answer to an older request is not taken.
    let stale = requests[0].run(&app.search, &|| false).unwrap();
    press(&mut app, &[Action::SearchInput('p')]);
    let now = app.boards.timeline.timeline.clone();
    press(&mut app, &[stale]);
    assert_eq!(app.boards.timeline.timeline, now);
}

#[test]
fn boards_follow_a_change_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("briefings").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let mut app = open(dir.path());
    press(&mut app, &[Action::ShowBoard(Board::Questions)]);
    let before = app.boards.questions.rows.len();
    // The newest briefing loses its questions.
    let file = dir.path().join("allies-condemn-pact-2024-06.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = text.find("[[question]]").unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    let Some(Effect::Reload { keep }) = update(&mut app, Action::FilesChanged) else { panic!("a reload") };
    let outcome = app.store.reread().map(Box::new).map_err(|e| e.to_string());
    press(&mut app, &[Action::Reloaded { keep, outcome }]);
    assert_eq!(app.boards.open, Some(Board::Questions), "the board stays open");
    assert_eq!(app.boards.questions.rows.len(), before - 2);
    assert_eq!(app.folder.questions.len(), before - 2);
    assert!(!screen(&mut app, 160, 48).contains("How did The Washington Post arrive"));
}

#[test]
fn a_hostile_briefing_draws_on_every_board() {
    let mut app = open(Path::new("tests/fixtures/hostile"));
    for board in Board::ALL {
        press(&mut app, &[Action::ShowBoard(board), Action::FocusDetail]);
        let shown = screen(&mut app, 100, 30);
        assert!(!shown.contains('\u{1b}'), "{board:?}:\n{shown}");
    }
}

#[test]
fn an_actors_timeline_follows_a_change_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("briefings").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let mut app = open(dir.path());
    press(&mut app, &[Action::ShowBoard(Board::Actors), Action::Filter]);
    typed(&mut app, "kirby");
    press(&mut app, &[Action::Open, Action::ShowBoard(Board::Timeline)]);
    assert_eq!(app.boards.timeline.timeline.claims(), 13);
    // One of the two briefings Kirby speaks in goes.
    std::fs::remove_file(dir.path().join("arms-talks-advancing-2023-08.toml")).unwrap();
    let Some(Effect::Reload { keep }) = update(&mut app, Action::FilesChanged) else { panic!("a reload") };
    let outcome = app.store.reread().map(Box::new).map_err(|e| e.to_string());
    press(&mut app, &[Action::Reloaded { keep, outcome }]);
    let Scope::Items { what, .. } = &app.boards.timeline.scope else { panic!("still Kirby's timeline") };
    assert_eq!(what, "John Kirby");
    let t = &app.boards.timeline.timeline;
    assert_eq!(t.briefings(), 1);
    let kirby = app.store.position("kirby-intelligence-shoigu-2023-08").unwrap();
    let his =
        app.store.entries[kirby].briefing.claims.iter().filter(|c| c.claimed_by == "john-kirby").count();
    assert_eq!(t.claims(), his, "his claims in the briefing left, found again by his name");
}
