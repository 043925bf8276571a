//! Which command runs, on what.

use std::process::ExitCode;

use super::args::{Cli, Command};
use super::folder::{find, load, unknown};
use super::settings;
use super::{
    Failure, actors, check, convert, export, figures, list, manual, questions, search, show, timeline, xref,
};
use crate::config::Config;
use crate::tui;
use std::path::PathBuf;

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let cached = !cli.no_cache;
    let (settings, problems) = Config::load();
    // Bad settings are said and set aside: the defaults serve, and the command still runs.
    let note = settings::report(&problems).or_else(|| settings::apply_keys(&settings));
    let dir = match (&cli.dir, &settings.folder) {
        (Some(dir), _) | (None, Some(dir)) => dir.clone(),
        (None, None) => PathBuf::from("briefings"),
    };
    let load = |dir: &std::path::Path| load(dir, cached).map(|loaded| loaded.store);
    match cli.command {
        Some(Command::Check { folder }) => check::run(folder.as_deref().unwrap_or(&dir)),
        Some(Command::List { json }) => list::run(&dir, cached, json),
        Some(Command::Show { id }) => show::run(&dir, cached, &id),
        Some(Command::Export { ids, all, output, force }) => {
            export::run(&dir, cached, &ids, all, output.as_deref(), settings.export_folder.as_deref(), force)
        }
        Some(Command::Convert(args)) => convert::run(args, &dir),
        Some(Command::Config) => settings::show(),
        Some(Command::Completions { shell }) => manual::completions(shell),
        Some(Command::Man { out }) => manual::man(out.as_deref()),
        Some(Command::Search { query, json, limit }) => {
            search::run(&dir, cached, &query.join(" "), json, limit)
        }
        Some(Command::Xref { target, json }) => xref::run(&dir, cached, &target, json),
        Some(Command::Questions { open, json }) => questions::run(&load(&dir)?, open, json),
        Some(Command::Actors { words, kind, json }) => {
            actors::run(&load(&dir)?, &words, kind.as_deref(), json)
        }
        Some(Command::Timeline { query, actor, stance, json }) => timeline::run(
            super::folder::load(&dir, cached)?,
            &query.join(" "),
            actor.as_deref(),
            &stance,
            json,
        ),
        Some(Command::Figures { json }) => figures::run(&load(&dir)?, json),
        command @ (Some(Command::Read { .. }) | None) => {
            // On a fresh cache the reader opens on its list and loads the folder behind the first frame;
            // without one it reads the folder behind a loading screen. `read ID` without a fresh cache
            // loads first: an unknown id is told before the terminal is touched.
            let start = match cached.then(|| crate::cache::listed(&dir)).flatten() {
                Some(listed) => {
                    super::folder::report_load_errors(&listed.summary.errors, listed.summary.failed);
                    tui::Start::Listed { dir: dir.clone(), listed: Box::new(listed) }
                }
                None if cached && !matches!(command, Some(Command::Read { id: Some(_) })) => {
                    super::folder::exists(&dir)?;
                    tui::Start::Reading { dir: dir.clone() }
                }
                None => tui::Start::Loaded(Box::new(super::folder::load(&dir, cached)?)),
            };
            // An unknown id is a usage error, told before the terminal is touched.
            let selected = match (command, &start) {
                (Some(Command::Read { id: Some(id) }), tui::Start::Loaded(loaded)) => {
                    Some(find(&loaded.store, &id)?)
                }
                (Some(Command::Read { id: Some(id) }), tui::Start::Listed { listed, .. }) => {
                    Some(listed.rows.iter().position(|row| row.id == id).ok_or_else(|| unknown(&dir, &id))?)
                }
                _ => None,
            };
            tui::run(start, selected, &settings, note).map_err(|e| Failure::Data(format!("reader: {e}")))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
