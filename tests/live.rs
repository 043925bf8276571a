//! The live reader without a terminal: `E` asks the event loop for the editor, and reloads (after the
//! editor or a watched change) keep the user's place, show what broke, drop what went and add what
//! came. The folder is a copy of the seeds in a temporary directory; the reload is `Store::refresh`,
//! as the event loop does it. The watcher's debounce is driven by scripted sources, without the OS.

use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::Duration;

use brief::model::ItemRef;
use brief::store::Store;
use brief::tui::app::{Action, App, Effect, Focus, Overlay, Pane, update, update_now};
use brief::tui::view::{self, Theme};
use brief::tui::watch::{self, Waited};
use brief::xref::{ItemAt, Link};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A copy of the seed briefings and their articles (linked as `../assets/articles/…`).
struct Folder {
    root: tempfile::TempDir,
    dir: PathBuf,
}

impl Folder {
    fn seeds() -> Folder {
        // Relative to the crate root (the tests' working directory) and of a fixed length, so that
        // screens, which show paths, are the same on every machine once the random part is masked.
        fs::create_dir_all("target").unwrap();
        let root = tempfile::Builder::new().prefix("live-").rand_bytes(6).tempdir_in("target").unwrap();
        let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (from, to) in [("briefings", "briefings"), ("assets/articles", "assets/articles")] {
            fs::create_dir_all(root.path().join(to)).unwrap();
            for entry in fs::read_dir(crate_root.join(from)).unwrap() {
                let path = entry.unwrap().path();
                fs::copy(&path, root.path().join(to).join(path.file_name().unwrap())).unwrap();
            }
        }
        // tempfile makes the path absolute; the relative one is the same folder.
        let dir = Path::new("target").join(root.path().file_name().unwrap()).join("briefings");
        Folder { root, dir }
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.toml"))
    }

    fn read(&self, id: &str) -> String {
        fs::read_to_string(self.path(id)).unwrap()
    }

    fn write(&self, id: &str, text: &str) {
        fs::write(self.path(id), text).unwrap();
    }

    fn app(&self) -> App {
        let mut app = App::new(Store::load(&self.dir).unwrap());
        app.theme = Theme::PLAIN;
        app
    }

    /// The screen with the random part of the folder's name masked.
    fn screen(&self, app: &mut App, width: u16, height: u16) -> String {
        update(app, Action::Resize { width, height });
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view::draw(frame, app)).unwrap();
        let random = self.root.path().file_name().unwrap().to_str().unwrap();
        terminal.backend().to_string().replace(random, "live-XXXXXX")
    }
}

/// What the event loop does with a reload effect.
fn perform_reload(app: &mut App, effect: Option<Effect>) {
    let Some(Effect::Reload { keep }) = effect else { panic!("a reload was asked for: {effect:?}") };
    let outcome = app.store.reread().map(Box::new).map_err(|e| e.to_string());
    assert_eq!(update_now(app, Action::Reloaded { keep, outcome }), None);
}

fn files_changed(app: &mut App) {
    let effect = update(app, Action::FilesChanged);
    perform_reload(app, effect);
}

/// Opens a briefing's pane with the `row`th item selected.
fn select(app: &mut App, id: &str, pane: Pane, row: usize) {
    app.list_selected = app.store.position(id).unwrap();
    update(app, Action::ShowPane(pane));
    for _ in 0..row {
        update(app, Action::Down);
    }
}

fn selected_claim_id(app: &App) -> String {
    app.current_briefing().unwrap().claims[app.selected_in(Pane::Claims)].id.clone()
}

const NEW_BRIEFING: &str = r#"schema = 1
id = "zeppelin-sighting-2025-01"
title = "A zeppelin over Pyongyang"
summary = "An airship was seen."
status = "draft"

[source]
outlet = "Example News"
published = "2025-01-02"
"#;

/// A claim to put before the others of the Blinken briefing.
const NEW_CLAIM: &str = r#"[[claim]]
id = "added-first"
text = "A new claim."
claimed_by = "antony-blinken"
stance = "asserts"
quote = "Blinken said."

"#;

#[test]
fn e_asks_for_the_editor_on_the_selected_file_even_one_that_failed_to_load() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    select(&mut app, "blinken-seoul-2023-11", Pane::Claims, 1);
    assert_eq!(
        update(&mut app, Action::Edit),
        Some(Effect::Edit { path: folder.path("blinken-seoul-2023-11") })
    );
    assert_eq!(app.selected_in(Pane::Claims), 1, "asking for the editor changes nothing yet");

    let mut broken = App::new(Store::load(Path::new("tests/fixtures/broken")).unwrap());
    broken.list_selected = broken.store.entries.len();
    let failed = broken.store.failed[0].clone();
    assert_eq!(update(&mut broken, Action::Edit), Some(Effect::Edit { path: failed }));
}

#[test]
fn the_editors_outcome_is_told_and_the_file_reloaded_either_way() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    select(&mut app, "blinken-seoul-2023-11", Pane::Claims, 2);
    // The editor closed without saving: nothing changed, and the status bar says so.
    let effect = update(&mut app, Action::Edited(Ok(())));
    perform_reload(&mut app, effect);
    assert_eq!(app.status, "no changes to blinken-seoul-2023-11.toml");
    // The editor could not be found: said in the status bar, no crash, the reader goes on.
    let missing = "editor `nope` not found: set $VISUAL or $EDITOR".to_string();
    let effect = update(&mut app, Action::Edited(Err(missing.clone())));
    perform_reload(&mut app, effect);
    assert_eq!(app.status, missing);
    // A non-zero exit after a save: the change is loaded, and the exit still told.
    folder.write(
        "blinken-seoul-2023-11",
        &folder.read("blinken-seoul-2023-11").replace("growing and dangerous.", "growing."),
    );
    let effect = update(&mut app, Action::Edited(Err("editor `vim` exited with status 1".into())));
    perform_reload(&mut app, effect);
    assert_eq!(app.status, "reloaded blinken-seoul-2023-11.toml (editor `vim` exited with status 1)");
    assert_eq!(
        app.current_briefing().unwrap().claims[0].text,
        "North Korea–Russia military cooperation is growing."
    );
    assert_eq!(app.selected_in(Pane::Claims), 2);
}

#[test]
fn a_reload_keeps_the_briefing_pane_and_item_by_id_though_positions_move() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    select(&mut app, "blinken-seoul-2023-11", Pane::Claims, 2);
    let claim = selected_claim_id(&app);
    let row_before = app.list_selected;
    // A new claim before the selected one, and a newer briefing that sorts above this one.
    let text =
        folder.read("blinken-seoul-2023-11").replacen("[[claim]]", &format!("{NEW_CLAIM}[[claim]]"), 1);
    folder.write("blinken-seoul-2023-11", &text);
    fs::write(folder.dir.join("zeppelin.toml"), NEW_BRIEFING).unwrap();
    files_changed(&mut app);

    assert_eq!(app.status, "2 files changed");
    assert_eq!(app.current_briefing().unwrap().id, "blinken-seoul-2023-11");
    assert_eq!(app.list_selected, row_before + 1, "the newer briefing sorts above");
    assert_eq!((app.focus, app.pane), (Focus::Detail, Pane::Claims));
    assert_eq!(selected_claim_id(&app), claim, "the same claim, now one row lower");
    assert_eq!(app.selected_in(Pane::Claims), 3);
    // The indexes were rebuilt: the new briefing is found, and cross-referenced.
    update(&mut app, Action::Search);
    for c in "zeppelin".chars() {
        update_now(&mut app, Action::SearchInput(c));
    }
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    assert_eq!(view.hits[0].briefing, app.store.position("zeppelin-sighting-2025-01").unwrap());
}

#[test]
fn nothing_changed_is_a_silent_reload() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    select(&mut app, "blinken-seoul-2023-11", Pane::Figures, 1);
    app.status = "exported to ./x.md".into();
    files_changed(&mut app);
    assert_eq!(app.status, "exported to ./x.md");
    assert_eq!((app.pane, app.selected_in(Pane::Figures)), (Pane::Figures, 1));
}

#[test]
fn a_change_that_breaks_the_selected_briefing_shows_its_error_not_the_old_text() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    select(&mut app, "blinken-seoul-2023-11", Pane::Claims, 1);
    let text = folder.read("blinken-seoul-2023-11").replacen("stance = \"warns\"", "stance = warns", 1);
    folder.write("blinken-seoul-2023-11", &text);
    files_changed(&mut app);

    assert_eq!(app.status, "blinken-seoul-2023-11.toml has errors now (marked ✗)");
    assert!(app.store.position("blinken-seoul-2023-11").is_none());
    assert_eq!(app.current(), None, "the row is the failed file, not the old briefing");
    assert_eq!(app.focus, Focus::List);
    let screen = folder.screen(&mut app, 120, 30);
    assert!(screen.contains("✗ blinken-seoul-2023-11.toml"), "{screen}");
    assert!(screen.contains("blinken-seoul-2023-11.toml:160:10"), "file:line:col of the error: {screen}");
    insta::assert_snapshot!("live_broken_120x30", screen);

    // Fixed again: the briefing is back, at the claim the user was on.
    folder.write("blinken-seoul-2023-11", &text.replacen("stance = warns", "stance = \"warns\"", 1));
    files_changed(&mut app);
    assert_eq!(app.status, "reloaded blinken-seoul-2023-11.toml");
    assert_eq!(app.current_briefing().unwrap().id, "blinken-seoul-2023-11");
    assert_eq!((app.pane, app.selected_in(Pane::Claims)), (Pane::Claims, 1));
}

#[test]
fn a_deleted_briefing_disappears_and_a_new_one_appears() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    let last = app.list_len() - 1;
    app.list_selected = last;
    let gone = app.current_briefing().unwrap().id.clone();
    fs::remove_file(folder.path(&gone)).unwrap();
    files_changed(&mut app);
    assert_eq!(app.status, format!("{gone}.toml was removed"));
    assert_eq!(app.list_len(), last);
    assert_eq!(app.list_selected, last - 1, "the cursor stays in the list");
    assert!(app.store.position(&gone).is_none());

    fs::write(folder.dir.join("zeppelin.toml"), NEW_BRIEFING).unwrap();
    files_changed(&mut app);
    assert_eq!(app.status, "added zeppelin.toml");
    assert_eq!(app.store.position("zeppelin-sighting-2025-01"), Some(0), "newest first");
    insta::assert_snapshot!("live_added_100x24", folder.screen(&mut app, 100, 24));
}

#[test]
fn an_open_search_and_the_last_search_are_run_again() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    update(&mut app, Action::Search);
    for c in "airship".chars() {
        update_now(&mut app, Action::SearchInput(c));
    }
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    assert_eq!(view.total, 0);
    fs::write(folder.dir.join("zeppelin.toml"), NEW_BRIEFING).unwrap();
    files_changed(&mut app);
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box stays open") };
    assert_eq!((view.input.as_str(), view.total), ("airship", 1));
    // Jump, then the briefing goes: n finds nothing rather than a stale position.
    update_now(&mut app, Action::Open);
    assert_eq!(app.current_briefing().unwrap().id, "zeppelin-sighting-2025-01");
    fs::remove_file(folder.dir.join("zeppelin.toml")).unwrap();
    files_changed(&mut app);
    update_now(&mut app, Action::NextHit);
    assert_eq!(app.status, "no hits for airship");
    // Back skips the place that went.
    update_now(&mut app, Action::Back);
    assert!(app.list_selected < app.list_len());
}

#[test]
fn an_open_cross_reference_list_follows_its_item() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    select(&mut app, "blinken-seoul-2023-11", Pane::Claims, 2);
    update(&mut app, Action::CrossReference);
    let Some(Overlay::Xref(before)) = app.overlay.clone() else { panic!("x opens the list") };
    fs::write(folder.dir.join("zeppelin.toml"), NEW_BRIEFING).unwrap();
    let text =
        folder.read("blinken-seoul-2023-11").replacen("[[claim]]", &format!("{NEW_CLAIM}[[claim]]"), 1);
    folder.write("blinken-seoul-2023-11", &text);
    files_changed(&mut app);
    let Some(Overlay::Xref(after)) = &app.overlay else { panic!("the list stays open") };
    assert_eq!(after.from.briefing, before.from.briefing + 1, "its briefing moved down a row");
    assert_eq!(after.from.item, ItemRef::Claim(3), "and its claim one down");
    assert_eq!(
        after.links,
        before
            .links
            .iter()
            .map(|l| Link { to: ItemAt { briefing: l.to.briefing + 1, ..l.to }, ..l.clone() })
            .collect::<Vec<_>>()
    );
    // Its briefing removed: the list closes.
    fs::remove_file(folder.path("blinken-seoul-2023-11")).unwrap();
    files_changed(&mut app);
    assert_eq!(app.overlay, None);
}

#[test]
fn an_unwatched_folder_is_said_in_the_status_bar() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    update(&mut app, Action::WatchFailed("OS file watch limit reached".into()));
    assert_eq!(app.status, "not watching the folder (OS file watch limit reached): changes show after E");
}

/// The timeouts a scripted source was asked for, in order.
type Asked = Rc<RefCell<Vec<Option<Duration>>>>;

/// A scripted event source: what each wait gives, in order; `Closed` once the script is done.
fn scripted(script: Vec<Waited<u32>>) -> (impl FnMut(Option<Duration>) -> Waited<u32>, Asked) {
    let asked = Asked::default();
    let log = asked.clone();
    let mut script = script.into_iter();
    let next = move |timeout| {
        log.borrow_mut().push(timeout);
        script.next().unwrap_or(Waited::Closed)
    };
    (next, asked)
}

#[test]
fn debounce_reports_each_burst_once_after_a_quiet_spell() {
    use Waited::{Closed, Event, Quiet};
    let quiet = Duration::from_millis(200);
    // Burst one: a save dance (write temp, rename, remove backup); burst two: one write; then the source
    // closes. Event 0 is irrelevant (a read) and starts nothing.
    let (next, asked) =
        scripted(vec![Event(0), Event(1), Event(2), Event(3), Quiet, Event(4), Quiet, Closed]);
    let mut reported = 0;
    watch::debounce(
        next,
        quiet,
        |e| *e != 0,
        || {
            reported += 1;
            true
        },
    );
    assert_eq!(reported, 2);
    // Blocking waits with no timeout while idle; timeouts only inside a burst.
    let asked = asked.borrow().clone();
    assert_eq!(asked, [None, None, Some(quiet), Some(quiet), Some(quiet), None, Some(quiet), None]);
}

#[test]
fn debounce_reports_a_burst_cut_short_and_stops_when_told() {
    use Waited::{Closed, Event, Quiet};
    let (next, _) = scripted(vec![Event(1), Event(2), Closed]);
    let mut reported = 0;
    watch::debounce(
        next,
        Duration::ZERO,
        |_| true,
        || {
            reported += 1;
            true
        },
    );
    assert_eq!(reported, 1, "the burst the close cut short");
    // The reader is gone (its channel closed): the watcher thread ends after its first report.
    let (next, asked) = scripted(vec![Event(1), Quiet, Event(2), Quiet]);
    watch::debounce(next, Duration::ZERO, |_| true, || false);
    assert_eq!(asked.borrow().len(), 2);
}

#[test]
fn debounce_over_a_real_channel_coalesces_a_burst() {
    let (sender, receiver) = mpsc::channel();
    for event in 1..=5 {
        sender.send(event).unwrap();
    }
    drop(sender);
    let mut reported = 0;
    watch::debounce(
        watch::from_channel(&receiver),
        Duration::from_millis(50),
        |_| true,
        || {
            reported += 1;
            true
        },
    );
    assert_eq!(reported, 1);
}

#[test]
fn only_changes_that_can_matter_are_relevant() {
    use notify::event::{AccessKind, CreateKind, EventKind, ModifyKind, RenameMode};
    let event = |kind, path: &str| Ok(notify::Event::new(kind).add_path(PathBuf::from(path)));
    assert!(watch::is_relevant(&event(EventKind::Modify(ModifyKind::Name(RenameMode::To)), "/b/x.toml")));
    assert!(watch::is_relevant(&event(EventKind::Create(CreateKind::File), "/b/x.toml")));
    // The reader's own reads, and editors' swap and backup files, are not.
    assert!(!watch::is_relevant(&event(EventKind::Access(AccessKind::Any), "/b/x.toml")));
    assert!(!watch::is_relevant(&event(EventKind::Create(CreateKind::File), "/b/.x.toml.swp")));
    assert!(!watch::is_relevant(&event(EventKind::Modify(ModifyKind::Any), "/b/x.toml~")));
    // Lost events: check the folder again.
    assert!(watch::is_relevant(&Err(notify::Error::generic("queue overflow"))));
}

#[test]
fn the_real_watcher_reports_an_editors_save_and_not_the_readers_own_reads() {
    let folder = Folder::seeds();
    let (sender, reports) = mpsc::channel();
    let _watcher =
        watch::start(&folder.dir, move || sender.send(()).is_ok()).expect("the folder can be watched");
    // An editor's save: a temporary dot-file written, then renamed over the briefing.
    let temporary = folder.dir.join(".blinken-seoul-2023-11.toml.tmp");
    fs::write(&temporary, folder.read("blinken-seoul-2023-11") + "\n").unwrap();
    fs::rename(&temporary, folder.path("blinken-seoul-2023-11")).unwrap();
    reports.recv_timeout(Duration::from_secs(10)).expect("the save is reported");
    // Generous: whatever else that save caused has been reported by now.
    while reports.recv_timeout(Duration::from_secs(1)).is_ok() {}
    // A reload reads every file (and re-reads the changed one): not a change.
    let mut store = Store::load(&folder.dir).unwrap();
    store.refresh().unwrap();
    assert!(
        reports.recv_timeout(watch::QUIET * 4).is_err(),
        "the reader's own reads were taken for a change"
    );
}

#[test]
fn read_id_opens_the_reader_on_that_briefing() {
    let folder = Folder::seeds();
    let mut app = folder.app();
    app.select_briefing(app.store.position("blinken-seoul-2023-11").unwrap());
    assert_eq!(app.current_briefing().unwrap().id, "blinken-seoul-2023-11");
    assert_eq!(app.focus, Focus::Detail);
}
