//! The terminal layer: the only module that imports ratatui (and crossterm, through ratatui).
//!
//! `app` holds the state and `update`; `keymap` maps input to actions; `view` and `panes` draw. This file
//! owns the terminal: entering and always leaving raw mode, the alternate screen and mouse capture (on
//! quit, panic, Ctrl-C and SIGTERM), and the event loop that redraws only when something happened.

pub mod app;
pub mod keymap;
pub mod panes;
pub mod view;
pub mod wrap;

use std::io::{self, IsTerminal};
use std::path::Path;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::export;
use crate::store::Store;
use app::{Action, App, Effect, Overlay, update};

/// The width to wrap printed text to: the terminal's when stdout is one, otherwise 80 columns.
pub fn output_width() -> usize {
    const PIPED_WIDTH: usize = 80;
    if !io::stdout().is_terminal() {
        return PIPED_WIDTH;
    }
    ratatui::crossterm::terminal::size().map_or(PIPED_WIDTH, |(columns, _)| usize::from(columns).max(20))
}

/// Runs the reader until the user quits. The terminal is restored whatever happens.
pub fn run(store: Store) -> io::Result<()> {
    if !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the reader needs a terminal; use `brief list` or `brief show ID` in scripts",
        ));
    }
    install_restore_on_signals()?;
    // ratatui::init installs a panic hook that restores raw mode and the alternate screen; ours runs first
    // and also releases the mouse.
    let terminal = ratatui::init();
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous_hook(info);
    }));
    let result =
        execute!(io::stdout(), EnableMouseCapture).and_then(|()| event_loop(terminal, App::new(store)));
    restore();
    result
}

/// Leaves the terminal as we found it: mouse released, raw mode off, main screen, cursor shown.
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// SIGTERM and SIGHUP end the reader at once, but only after the terminal is restored.
fn install_restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn event_loop(mut terminal: DefaultTerminal, mut app: App) -> io::Result<()> {
    let size = terminal.size()?;
    update(&mut app, Action::Resize { width: size.width, height: size.height });
    while !app.quit {
        terminal.draw(|frame| view::draw(frame, &app))?;
        // Blocks until input arrives: an idle reader uses no CPU.
        let action = match event::read()? {
            Event::Key(key) => keymap::action_for_key(key, matches!(app.overlay, Some(Overlay::Search(_)))),
            Event::Mouse(mouse) => keymap::action_for_mouse(mouse),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        let Some(action) = action else { continue };
        if let Some(effect) = update(&mut app, action) {
            let outcome = perform(&app, effect);
            update(&mut app, outcome);
        }
    }
    Ok(())
}

/// Carries out the I/O that `update` asked for and reports the outcome as an action.
fn perform(app: &App, effect: Effect) -> Action {
    match effect {
        Effect::Export { briefing } => {
            let briefings = app.briefings();
            let markdown = export::to_markdown(briefing, &briefings, &app.xref);
            let path = Path::new(".").join(export::file_name(&briefings[briefing].id));
            Action::Exported(export::write_file(&path, &markdown, false).map_err(|e| e.to_string()))
        }
    }
}
