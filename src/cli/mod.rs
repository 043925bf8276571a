//! Command-line interface: argument parsing (`args`), which command runs (`dispatch`), one module per
//! command, and the JSON they print (`json`). The text they print is made in `render`.
//!
//! Exit status: 0 success, 1 invalid data or a failed operation, 2 usage error.

// First, so that `say!` is in scope in the modules after it.
#[macro_use]
mod out;

mod actors;
mod args;
mod check;
mod convert;
mod dispatch;
mod export;
mod figures;
mod folder;
mod json;
mod list;
mod manual;
mod questions;
mod search;
mod settings;
mod show;
mod timeline;
mod xref;

use std::process::ExitCode;

use clap::Parser;

use crate::sanitize::{neutralize, neutralize_multiline};
use args::{Cli, search_options_first};
use out::print_out;

/// Why a command failed, which decides the exit status.
#[derive(Debug)]
enum Failure {
    /// Bad data or an operation that could not be completed: exit 1.
    Data(String),
    /// The command line asked for something that does not exist: exit 2.
    Usage(String),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(search_options_first(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, everything else to stderr with 2. Its
            // messages quote the arguments (a file name may hold an escape sequence): the text as written
            // (clap styles nothing here, see `Cli`), through the neutraliser, so the user sees what they
            // typed with its escapes made visible.
            let text = neutralize_multiline(&e.render().ansi().to_string()).into_owned();
            if e.use_stderr() {
                out::to_stderr(format_args!("{text}"));
                return ExitCode::from(2);
            }
            return print_out(&text).unwrap_or(ExitCode::from(1));
        }
    };
    match dispatch::run(cli) {
        Ok(code) => code,
        Err(Failure::Data(message)) => {
            say!("brief: {}", neutralize(&message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            say!("brief: {}", neutralize(&message));
            ExitCode::from(2)
        }
    }
}

/// Pretty JSON and a newline to stdout: an object of `json::VERSION` and the fields of `value` (every
/// `--json` output goes through here, so every one carries the version; docs/json.md), with no control or
/// bidirectional character raw in it (see [`json_escaped`]).
fn print_json(value: &impl json::Output) -> Result<ExitCode, Failure> {
    print_out(&json_text(value)?)
}

/// What [`print_json`] prints.
fn json_text(value: &impl json::Output) -> Result<String, Failure> {
    let versioned = json::Versioned { version: json::VERSION, body: value };
    let text = serde_json::to_string_pretty(&versioned).map_err(|e| Failure::Data(e.to_string()))?;
    Ok(format!("{}\n", json_escaped(&text)))
}

/// JSON text with every character the neutraliser would replace (serde_json already escapes C0 controls;
/// DEL, C1 controls such as U+009B, which some terminals read as CSI, and bidirectional controls it
/// writes raw) written as a `\uXXXX` escape instead. They can only occur inside strings, where the escape
/// means the same character: a program reading the JSON gets the file name or query exactly, and a
/// terminal showing it gets nothing to act on.
fn json_escaped(json: &str) -> std::borrow::Cow<'_, str> {
    // Raw newlines are the pretty printer's own, between values; inside strings serde writes `\n`.
    let escape = |c: char| c != '\n' && crate::sanitize::needs_replacement(c);
    if !json.chars().any(escape) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
