//! Command-line interface: argument parsing and the commands that print or write.
//!
//! Exit status: 0 success, 1 invalid data or a failed operation, 2 usage error.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::export::{self, ExportTarget};
use crate::model::Date;
use crate::render;
use crate::sanitize::neutralize;
use crate::store::Store;
use crate::tui;
use crate::xref::CrossRef;

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "Read, check and export structured news briefings.")]
#[command(after_help = "Exit status: 0 success, 1 invalid data or failed operation, 2 usage error.")]
pub struct Cli {
    /// Folder of briefing files.
    #[arg(long, global = true, env = "BRIEF_DIR", default_value = "briefings", value_name = "DIR")]
    dir: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate every briefing of the folder; report all errors and warnings.
    Check {
        /// Folder to check (overrides --dir).
        #[arg(value_name = "DIR")]
        folder: Option<PathBuf>,
    },
    /// One line per briefing: id, date, outlet, counts of figures/actors/claims/questions, title.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a whole briefing as readable text, wrapped to the terminal width.
    Show {
        /// Briefing id (see `brief list`).
        id: String,
    },
    /// Export a briefing to Markdown.
    Export {
        /// Briefing id (see `brief list`).
        id: String,
        /// Output file, folder (ID.md inside it), or `-` for standard output [default: ./ID.md].
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// Why a command failed, which decides the exit status.
#[derive(Debug)]
enum Failure {
    /// Bad data or an operation that could not be completed: exit 1.
    Data(String),
    /// The command line asked for something that does not exist: exit 2.
    Usage(String),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, everything else to stderr with 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
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

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Some(Command::Check { folder }) => check(folder.as_deref().unwrap_or(&cli.dir)),
        Some(Command::List { json }) => list(&load(&cli.dir)?, json),
        Some(Command::Show { id }) => {
            let store = load(&cli.dir)?;
            let at = find(&store, &id)?;
            let briefings = store.briefings();
            print_out(&render::briefing_text(at, &briefings, &CrossRef::build(&briefings), tui::output_width()))
        }
        Some(Command::Export { id, output, force }) => {
            let store = load(&cli.dir)?;
            let at = find(&store, &id)?;
            let briefings = store.briefings();
            let markdown = export::to_markdown(at, &briefings, &CrossRef::build(&briefings));
            match ExportTarget::from_arg(output.as_deref(), &id) {
                ExportTarget::Stdout => print_out(&markdown),
                ExportTarget::File(path) => {
                    let written = export::write_file(&path, &markdown, force)
                        .map_err(|e| Failure::Data(e.to_string()))?;
                    eprintln!("wrote {}", neutralize(&written.display().to_string()));
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
        None => list(&load(&cli.dir)?, false),
    }
}

/// Loads the folder and reports, on stderr, the files that did not load, so nothing fails silently.
fn load(dir: &Path) -> Result<Store, Failure> {
    let store = Store::load(dir).map_err(|e| Failure::Data(e.to_string()))?;
    for error in store.errors() {
        eprintln!("{}", error.headline());
    }
    if !store.failed.is_empty() {
        eprintln!("brief: {} file(s) failed to load; `brief check` shows the details", store.failed.len());
    }
    Ok(store)
}

/// The position of a briefing in the store, or a usage error naming the unknown id.
fn find(store: &Store, id: &str) -> Result<usize, Failure> {
    store.position(id).ok_or_else(|| {
        Failure::Usage(format!("no briefing with id `{id}` in {} (see `brief list`)", store.dir.display()))
    })
}

fn check(dir: &Path) -> Result<ExitCode, Failure> {
    let store = Store::load(dir).map_err(|e| Failure::Data(e.to_string()))?;
    let total = store.entries.len() + store.failed.len();
    for error in store.errors() {
        eprintln!("{error}\n");
    }
    let warnings: Vec<_> = store.warnings().collect();
    if !warnings.is_empty() {
        eprintln!("warnings:");
        for warning in &warnings {
            eprintln!("{warning}\n");
        }
    }
    let errors = store.errors().count();
    let summary = format!(
        "checked {total} file(s) in {}: {} loaded, {errors} error(s), {} warning(s)",
        store.dir.display(),
        total - store.failed.len(),
        warnings.len()
    );
    println!("{}", neutralize(&summary));
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    published: Option<Date>,
    status: crate::model::Status,
    path: String,
    figures: usize,
    actors: usize,
    claims: usize,
    questions: usize,
}

fn list(store: &Store, json: bool) -> Result<ExitCode, Failure> {
    let rows: Vec<ListRow> = store
        .entries
        .iter()
        .map(|e| {
            let b = &e.briefing;
            ListRow {
                id: &b.id,
                title: &b.title,
                outlet: &b.source.outlet,
                published: b.source.published,
                status: b.status,
                path: e.path.display().to_string(),
                figures: b.figures.len(),
                actors: b.actors.len(),
                claims: b.claims.len(),
                questions: b.questions.len(),
            }
        })
        .collect();
    if json {
        let text = serde_json::to_string_pretty(&rows).map_err(|e| Failure::Data(e.to_string()))?;
        return print_out(&format!("{text}\n"));
    }
    let id_width = rows.iter().map(|r| r.id.width()).max().unwrap_or(2).max(2);
    let outlet_width = rows.iter().map(|r| r.outlet.width()).max().unwrap_or(6).clamp(6, 24);
    let mut out = format!(
        "{:id_width$}  {:10}  {:outlet_width$}  {:>3} {:>3} {:>3} {:>3}  TITLE\n",
        "ID", "DATE", "OUTLET", "FIG", "ACT", "CLM", "QST"
    );
    for r in &rows {
        let date = r.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let draft = if r.status == crate::model::Status::Draft { "[draft] " } else { "" };
        out.push_str(&format!(
            "{}  {date:10}  {}  {:>3} {:>3} {:>3} {:>3}  {draft}{}\n",
            pad(r.id, id_width),
            pad(&truncate(r.outlet, outlet_width), outlet_width),
            r.figures,
            r.actors,
            r.claims,
            r.questions,
            r.title
        ));
    }
    print_out(&out)
}

/// Pads to a display width (format's `{:w}` counts chars, which misaligns wide characters).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out + "…"
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
