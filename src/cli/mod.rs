//! Command-line interface: argument parsing (`args`), which command runs (`dispatch`), one module per
//! command, and the JSON they print (`json`). The text they print is made in `render`.
//!
//! Exit status: 0 success, 1 invalid data or a failed operation, 2 usage error.

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
mod show;
mod timeline;
mod xref;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::sanitize::neutralize;
use args::{Cli, search_options_first};

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
            // clap prints help and version to stdout with success, everything else to stderr with 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match dispatch::run(cli) {
        Ok(code) => code,
        Err(Failure::Data(message)) => {
            eprintln!("brief: {}", neutralize(&message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("brief: {}", neutralize(&message));
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed pipe (`brief list | head`) is a normal end, not an error.
fn print_out(text: &str) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Data(format!("cannot write to standard output: {e}"))),
    }
}

/// Pretty JSON and a newline to stdout: an object of `json::VERSION` and the fields of `value` (every
/// `--json` output goes through here, so every one carries the version; docs/json.md).
fn print_json(value: &impl json::Output) -> Result<ExitCode, Failure> {
    let versioned = json::Versioned { version: json::VERSION, body: value };
    let text = serde_json::to_string_pretty(&versioned).map_err(|e| Failure::Data(e.to_string()))?;
    print_out(&format!("{text}\n"))
}
