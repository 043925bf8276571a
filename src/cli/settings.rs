//! `brief config`, and telling the user when their settings could not be used.

use std::process::ExitCode;

use super::{Failure, print_out};
use crate::config::{COMMENTED_DEFAULT, Config};
use crate::diagnostic::Diagnostic;
use crate::sanitize::neutralize;

/// Prints each problem of the settings file on stderr and returns a one-line note for the reader's status
/// bar, or `None` when there were none.
pub fn report(problems: &[Diagnostic]) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    for problem in problems {
        say!("{problem}\n");
    }
    let note = "the settings file has errors (above); using the default settings";
    say!("brief: {note}");
    Some(format!("{}: using the default settings", neutralize(&problems[0].headline())))
}

/// Puts the reader's keys from the settings in force; a name or key it does not know is reported like
/// any bad setting (located, on stderr), the default keys kept, and the note for the status bar returned.
pub fn apply_keys(settings: &Config) -> Option<String> {
    let problems = match crate::tui::keymap::remapped(&settings.keys) {
        Ok(table) => {
            crate::tui::keymap::remap(table);
            return None;
        }
        Err(problems) => problems,
    };
    let (path, text) = settings.source.clone().unwrap_or_default();
    let problems: Vec<Diagnostic> = problems
        .into_iter()
        .map(|(message, span)| Diagnostic::error(&path, message).at(&text, Some(span)))
        .collect();
    report(&problems)
}

/// `brief config`: where the settings live, whether that file is there and sound, then every setting at
/// its default, commented out.
pub fn show() -> Result<ExitCode, Failure> {
    let Some(path) = Config::path() else {
        return Err(Failure::Data("no settings folder: set HOME or BRIEF_CONFIG".into()));
    };
    let state = match std::fs::metadata(&path) {
        Err(_) => "not created yet",
        Ok(_) if Config::load_from(&path).1.is_empty() => "in use",
        Ok(_) => "has errors: run any command to see them",
    };
    let shown = neutralize(&path.display().to_string()).into_owned();
    print_out(&format!("# settings file: {shown} ({state})\n{COMMENTED_DEFAULT}"))
}
