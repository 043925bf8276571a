//! The terminal layer: the only module that imports ratatui (and crossterm, through ratatui).
//!
//! `app` holds the state and `update`; `keymap` maps input to actions; `view` and `panes` draw. This file
//! owns the terminal: entering and always leaving raw mode, the alternate screen and mouse capture (on
//! quit, panic, Ctrl-C, SIGTERM, SIGHUP and SIGQUIT, and around a Ctrl-Z suspension), handing it to the
//! editor and back, and the event loop, which sleeps until input or a file change arrives.

pub mod app;
pub mod boards;
pub mod editor;
pub mod indexer;
pub mod keymap;
pub mod list;
pub mod opening;
pub mod outside;
pub mod panes;
pub mod reading;
pub mod searcher;
pub mod shelf;
pub mod view;
pub mod watch;
pub mod wrap;

use std::io::{self, IsTerminal, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::cache::{Listed, Loaded};
use crate::config::Config;
use crate::export;
use app::{Action, App, Effect, update};
use indexer::{Indexer, Indexes};
use searcher::Searcher;

/// The width to wrap printed text to: the terminal's when stdout is one, otherwise 80 columns.
pub fn output_width() -> usize {
    const PIPED_WIDTH: usize = 80;
    if !io::stdout().is_terminal() {
        return PIPED_WIDTH;
    }
    ratatui::crossterm::terminal::size().map_or(PIPED_WIDTH, |(columns, _)| usize::from(columns).max(20))
}

/// What wakes the event loop.
#[derive(Debug)]
pub enum Message {
    /// A terminal event. The input thread reads nothing more until the loop acknowledges it.
    Input(Event),
    /// The terminal could not be read.
    InputFailed(io::Error),
    /// Files of the folder changed (debounced).
    FilesChanged,
    /// The search worker finished a search (`Action::Searched`), or the indexer a build
    /// (`Action::Indexed`).
    Done(Action),
    /// The reader was stopped (Ctrl-Z) and continued: the terminal was taken again and must be repainted.
    Resumed,
}

/// What the reader starts on.
pub enum Start {
    /// The loaded folder, with the graph and index the load made, if it made them.
    Loaded(Box<Loaded>),
    /// The list of a fresh cache of the folder `dir`: the first frame comes from it, while the folder is
    /// loaded on another thread.
    Listed { dir: std::path::PathBuf, listed: Box<Listed> },
    /// A folder without a fresh cache: the first frame is a loading screen, and the folder is read on
    /// another thread (the list shows once it is, the indexes and the cache are made after).
    Reading { dir: std::path::PathBuf },
}

/// Runs the reader until the user quits, on the briefing at `selected` (with its detail focused) when
/// given, with the user's `settings` (theme, export folder); `note` is said in the status bar first
/// (the settings were bad, say). The terminal is restored whatever happens.
pub fn run(start: Start, selected: Option<usize>, settings: &Config, note: Option<String>) -> io::Result<()> {
    if !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the reader needs a terminal; use `brief list` or `brief show ID` in scripts",
        ));
    }
    install_restore_on_signals()?;
    // ratatui::init installs a panic hook that restores raw mode and the alternate screen; ours runs first
    // and also releases the mouse and shows the cursor. Restoring twice is harmless, and it is right
    // whether the panic comes while the reader, the editor or neither has the terminal.
    let terminal = ratatui::init();
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous_hook(info);
    }));
    // The first frame shows the list at once: the indexes come from the indexer, over the graph and
    // index the load made when it made them; or, on the cache's list, the folder and its indexes.
    let (mut app, first) = match start {
        Start::Loaded(loaded) => {
            let Loaded { store, index, graph, folder } = *loaded;
            let made = match (graph, index, folder) {
                (Some(xref), Some(search), Some(folder)) => Some(Box::new(Indexes::of(xref, search, folder))),
                _ => None,
            };
            (App::indexing(store), First::Index(made))
        }
        Start::Listed { dir, listed } => {
            let opening = opening::Opening::new(*listed);
            let source = opening.source();
            // Files that failed to load are listed (with their errors) from the store: a folder with
            // any is loaded behind the first frame, as it was before the reader worked from the cache.
            let first = match opening.failed {
                0 => First::Open(dir.clone(), source),
                _ => First::Load(dir.clone(), source),
            };
            (App::opening(&dir, opening), first)
        }
        Start::Reading { dir } => (App::reading(&dir), First::Read(dir)),
    };
    app.theme = view::Theme::from_settings(&settings.theme);
    if let Some(folder) = &settings.export_folder {
        app.export_folder = folder.clone();
    }
    if let Some(note) = note {
        app.status = note;
    }
    if let Some(position) = selected {
        app.select_briefing(position);
    }
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| event_loop(terminal, app, first));
    restore();
    // A background load may be writing the cache: the process ends now, and leaves no temporary file.
    crate::cache::abandon_writes();
    result
}

/// Held while the terminal changes hands, so a signal's restore never interleaves with it.
static TERMINAL: Mutex<()> = Mutex::new(());

/// Leaves the terminal as we found it: mouse released, raw mode off, main screen, cursor shown. Each
/// step is tried even if another failed.
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
}

/// No editor runs.
const NO_EDITOR: i32 = -1;
/// The editor's process id while one runs (0 while it is being started), else [`NO_EDITOR`].
static EDITOR: AtomicI32 = AtomicI32::new(NO_EDITOR);
/// A terminating signal that came while the editor ran: the reader ends when the editor has.
static PENDING_SIGNAL: AtomicI32 = AtomicI32::new(0);

/// Where the signal thread tells the event loop that the reader was continued after a Ctrl-Z.
static RESUMED: OnceLock<Sender<Message>> = OnceLock::new();

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT end the reader at once, but only after the terminal is restored.
/// While the editor runs they are passed on to it (SIGINT and SIGQUIT reach it from the terminal anyway)
/// and the reader ends when it has, so neither is left behind holding the terminal. SIGTSTP (Ctrl-Z)
/// suspends the reader: see [`suspend`].
fn install_restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    std::thread::Builder::new().name("brief-signals".into()).spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                suspend();
                continue;
            }
            let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let editor = EDITOR.load(Ordering::SeqCst);
            if editor == NO_EDITOR {
                restore();
                crate::cache::abandon_writes();
                std::process::exit(128 + signal);
            }
            if signal != SIGINT && signal != SIGQUIT {
                PENDING_SIGNAL.store(signal, Ordering::SeqCst);
                if editor > 0 {
                    signal_editor(editor, signal);
                }
            }
        }
    })?;
    Ok(())
}

/// Ctrl-Z: gives the terminal back (mouse, raw mode, screen, cursor), stops the process as SIGTSTP's
/// default action would, and once continued (`fg`, SIGCONT) takes the terminal again — raw mode,
/// alternate screen, mouse capture — and has the event loop repaint every cell. While the editor has the
/// terminal it suspends itself (the terminal sends it SIGTSTP too) and the reader only stops with it.
fn suspend() {
    let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let reader_has_terminal = EDITOR.load(Ordering::SeqCst) == NO_EDITOR;
    if reader_has_terminal {
        restore();
    }
    // Stops here (SIGSTOP, which a process in an orphaned group gets too) until continued.
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    if reader_has_terminal {
        let _ = enable_raw_mode();
        let _ = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture);
        if let Some(loop_messages) = RESUMED.get() {
            let _ = loop_messages.send(Message::Resumed);
        }
    }
}

fn signal_editor(pid: i32, signal: i32) {
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    unsafe {
        libc::kill(pid, signal);
    }
}

/// Ends the reader, terminal restored, if a terminating signal came while the editor ran.
fn exit_if_signalled() {
    let signal = PENDING_SIGNAL.load(Ordering::SeqCst);
    if signal != 0 {
        let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        restore();
        crate::cache::abandon_writes();
        std::process::exit(128 + signal);
    }
}

/// Reads terminal events on a thread of its own and sends them, one at a time: after each it waits for
/// the loop's acknowledgement before reading again, so that while the editor has the terminal nothing
/// here takes its keystrokes. Returns the sender of acknowledgements.
fn spawn_input(messages: Sender<Message>) -> io::Result<Sender<()>> {
    let (ack, acks) = mpsc::channel::<()>();
    std::thread::Builder::new().name("brief-input".into()).spawn(move || {
        loop {
            let (message, failed) = match event::read() {
                Ok(event) => (Message::Input(event), false),
                Err(e) => (Message::InputFailed(e), true),
            };
            if messages.send(message).is_err() || failed || acks.recv().is_err() {
                return;
            }
        }
    })?;
    Ok(ack)
}

/// What the indexer does first: build the indexes of the loaded store (over the graph and index the load
/// made, if it made them), load the folder the reader opened on the cache's list of, or read the folder
/// of a first run.
enum First {
    Index(Option<Box<Indexes>>),
    Load(std::path::PathBuf, Arc<crate::cache::Snapshot>),
    /// Read the cache's search index and graph, and work from the cache (no briefing decoded but those
    /// shown).
    Open(std::path::PathBuf, Arc<crate::cache::Snapshot>),
    /// Read the folder (no fresh cache), then build its indexes and write the cache.
    Read(std::path::PathBuf),
}

fn event_loop(mut terminal: DefaultTerminal, mut app: App, first: First) -> io::Result<()> {
    let (sender, messages): (Sender<Message>, Receiver<Message>) = mpsc::channel();
    let ack = spawn_input(sender.clone())?;
    let _ = RESUMED.set(sender.clone());
    let found = sender.clone();
    let searcher = Searcher::start(move |done| found.send(Message::Done(done)).is_ok())?;
    let built = sender.clone();
    let indexer = Indexer::new(move |done| built.send(Message::Done(done)).is_ok());
    let workers = Workers { searcher, indexer };
    // Kept alive for the whole loop; dropping it stops the watching.
    let _watcher = match watch::start(&app.store.dir, move || sender.send(Message::FilesChanged).is_ok()) {
        Ok(watcher) => Some(watcher),
        Err(why) => {
            update(&mut app, Action::WatchFailed(why));
            None
        }
    };
    let size = terminal.size()?;
    dispatch(&mut terminal, &mut app, &workers, Action::Resize { width: size.width, height: size.height })?;
    // Started once the first frame is drawn, so that the first frame has both cores.
    let mut first = Some(first);
    let mut redraw = true;
    let mut status_shown = outside::StatusTimer::default();
    while !app.quit {
        if redraw {
            // Not while a signal gives the terminal back: a frame would land on the main screen.
            let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            terminal.draw(|frame| view::draw(frame, &app))?;
        }
        if let (Some(first), Some(generation)) = (first.take(), app.indexing) {
            match first {
                First::Index(made) => {
                    workers.indexer.start(Arc::clone(&app.store), made.map(|m| *m), generation)?
                }
                First::Load(dir, source) => workers.indexer.load(dir, generation, source, false)?,
                First::Open(dir, source) => workers.indexer.open(dir, generation, source)?,
                First::Read(dir) => workers.indexer.read(dir, generation)?,
            }
        }
        // Blocks until input or a file change (or a message's time is up): an idle reader uses no CPU.
        let received = match status_shown.deadline(&app) {
            Some(deadline) => messages.recv_timeout(deadline.saturating_duration_since(Instant::now())),
            None => messages.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let (action, from_input) = match received {
            Err(RecvTimeoutError::Timeout) => (Some(Action::ExpireStatus), false),
            Ok(Message::Input(event)) => (action_for_event(&app, event), true),
            Ok(Message::FilesChanged) => (Some(Action::FilesChanged), false),
            Ok(Message::Done(done)) => (Some(done), false),
            Ok(Message::Resumed) => {
                let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                repaint(&mut terminal)?;
                redraw = true;
                continue;
            }
            Ok(Message::InputFailed(e)) => return Err(e),
            Err(RecvTimeoutError::Disconnected) => return Err(io::Error::other("the terminal input closed")),
        };
        redraw = action.is_some();
        if let Some(action) = action {
            dispatch(&mut terminal, &mut app, &workers, action)?;
        }
        if from_input {
            status_shown.restart();
            // The input thread may read again: the editor, if this input started one, is gone.
            let _ = ack.send(());
        }
    }
    Ok(())
}

fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
        // A question in the status bar takes the next key press: y is yes, anything else no.
        Event::Key(key) if app.prompt.is_some() && key.kind != event::KeyEventKind::Release => {
            Some(Action::Confirm(matches!(key.code, event::KeyCode::Char('y' | 'Y'))))
        }
        Event::Key(key) => keymap::action_for_key(key, app.typing()),
        Event::Mouse(mouse) => keymap::action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// The threads that work for the event loop and report back as messages.
struct Workers {
    searcher: Searcher,
    indexer: Indexer,
}

/// Applies an action and carries out the effects it leads to, each outcome going back through `update`
/// (a search's or a build's comes later, from its worker, as a message).
fn dispatch(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    workers: &Workers,
    action: Action,
) -> io::Result<()> {
    let mut effect = update(app, action);
    while let Some(next) = effect.take() {
        if let Some(outcome) = perform(terminal, app, workers, next)? {
            effect = update(app, outcome);
        }
    }
    Ok(())
}

/// Carries out the I/O that `update` asked for and reports the outcome as an action, or hands a search to
/// the worker.
fn perform(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    workers: &Workers,
    effect: Effect,
) -> io::Result<Option<Action>> {
    Ok(Some(match effect {
        Effect::Export { briefing, force } => {
            let Some(exported) = app.export_markdown(briefing) else {
                return Ok(Some(Action::Exported(Err(
                    "the cache is damaged: export works once the folder is loaded".into(),
                ))));
            };
            let (id, markdown) = exported;
            let path = app.export_folder.join(export::file_name(&id));
            if !force && path.symlink_metadata().is_ok() {
                return Ok(Some(Action::ExportExists { briefing, path }));
            }
            match export::write_file(&path, &markdown, force) {
                // Created meanwhile: ask, as if it had been there.
                Err(export::WriteError::Exists(path)) => Action::ExportExists { briefing, path },
                written => Action::Exported(written.map_err(|e| e.to_string())),
            }
        }
        Effect::Open(url) => Action::Opened(outside::open(&url).map(|()| url)),
        Effect::Copy(text) => {
            let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            io::stdout().write_all(outside::osc52(&text).as_bytes())?;
            io::stdout().flush()?;
            return Ok(None);
        }
        Effect::Edit { path } => {
            let outcome = edit(terminal, &path)?;
            let size = terminal.size()?;
            update(app, Action::Resize { width: size.width, height: size.height });
            Action::Edited(outcome)
        }
        Effect::Reload { keep } => {
            // Only read here: the store changes in `update`, with everything made from it.
            Action::Reloaded { keep, outcome: app.store.reread().map(Box::new).map_err(|e| e.to_string()) }
        }
        Effect::Suspend => {
            // The whole job stops, as it does when the terminal sends Ctrl-Z; our part of it goes through
            // `suspend`, which gives the terminal back first.
            // SAFETY: kill(2) takes plain integers and touches no memory of ours.
            unsafe {
                libc::kill(0, libc::SIGTSTP);
            }
            return Ok(None);
        }
        Effect::Search(requests) => {
            let source = app.opening.as_ref().map(opening::Opening::source);
            for request in requests {
                workers.searcher.request(Arc::clone(&app.search), source.clone(), request);
            }
            return Ok(None);
        }
        Effect::Links { from, generation } => {
            if let Some(opening) = &app.opening {
                workers.indexer.links(opening.source(), Arc::clone(&app.xref), from, generation)?;
            }
            return Ok(None);
        }
        Effect::Relist { generation, boards } => {
            workers.indexer.relist(app.store.dir.clone(), generation, boards)?;
            return Ok(None);
        }
        Effect::Boards { generation } => {
            if let Some(opening) = &app.opening {
                workers.indexer.boards(opening.source(), generation)?;
            }
            return Ok(None);
        }
        Effect::Load { generation, repair } => {
            if let Some(opening) = &app.opening {
                workers.indexer.load(app.store.dir.clone(), generation, opening.source(), repair)?;
            }
            return Ok(None);
        }
        Effect::Index { generation } => {
            workers.indexer.start(Arc::clone(&app.store), None, generation)?;
            return Ok(None);
        }
        Effect::Decode { position } => Action::Decoded {
            position,
            entry: app.opening.as_ref().and_then(|o| o.read(position)).map(Box::new),
        },
    }))
}

/// Hands the terminal to the editor on `path`, waits for it, and takes the terminal back with a full
/// redraw. The outcome is the editor's (not found, a non-zero exit); failing to switch the terminal is
/// this function's error.
fn edit(terminal: &mut DefaultTerminal, path: &Path) -> io::Result<Result<(), String>> {
    let command = editor::command_from_env();
    {
        let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        EDITOR.store(0, Ordering::SeqCst);
        execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen)?;
        terminal.show_cursor()?;
        disable_raw_mode()?;
    }
    let outcome = editor::run(&command, path, |pid| {
        let pid = i32::try_from(pid).unwrap_or(i32::MAX);
        EDITOR.store(pid, Ordering::SeqCst);
        // A signal that came while the editor was starting is passed on now.
        let signal = PENDING_SIGNAL.load(Ordering::SeqCst);
        if signal != 0 {
            signal_editor(pid, signal);
        }
    });
    EDITOR.store(NO_EDITOR, Ordering::SeqCst);
    exit_if_signalled();
    let _terminal = TERMINAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    repaint(terminal)?;
    Ok(outcome)
}

/// Clears the screen and forgets the last frame, so that the next draw repaints every cell (after the
/// terminal was someone else's). `clear` asks the terminal where its cursor is; one that does not answer
/// still gets a clean screen: cleared by hand, and the last frame blanked out.
fn repaint(terminal: &mut DefaultTerminal) -> io::Result<()> {
    if terminal.clear().is_err() {
        execute!(io::stdout(), Clear(ClearType::All))?;
        terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    }
    Ok(())
}
