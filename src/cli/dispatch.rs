//! Which command runs, on what.

use std::process::ExitCode;

use super::args::{Cli, Command};
use super::folder::{find, load};
use super::{
    Failure, actors, check, convert, export, figures, list, manual, questions, search, show, timeline, xref,
};
use crate::tui;

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let cached = !cli.no_cache;
    let load = |dir: &std::path::Path| load(dir, cached).map(|loaded| loaded.store);
    match cli.command {
        Some(Command::Check { folder }) => check::run(folder.as_deref().unwrap_or(&cli.dir)),
        Some(Command::List { json }) => list::run(&cli.dir, cached, json),
        Some(Command::Show { id }) => show::run(&load(&cli.dir)?, &id),
        Some(Command::Export { ids, all, output, force }) => {
            export::run(&load(&cli.dir)?, &ids, all, output.as_deref(), force)
        }
        Some(Command::Convert(args)) => convert::run(args, &cli.dir),
        Some(Command::Completions { shell }) => manual::completions(shell),
        Some(Command::Man { out }) => manual::man(out.as_deref()),
        Some(Command::Search { query, json, limit }) => {
            search::run(&cli.dir, cached, &query.join(" "), json, limit)
        }
        Some(Command::Xref { target, json }) => xref::run(&load(&cli.dir)?, &target, json),
        Some(Command::Questions { open, json }) => questions::run(&load(&cli.dir)?, open, json),
        Some(Command::Actors { words, kind, json }) => {
            actors::run(&load(&cli.dir)?, &words, kind.as_deref(), json)
        }
        Some(Command::Timeline { query, actor, stance, json }) => timeline::run(
            super::folder::load(&cli.dir, cached)?,
            &query.join(" "),
            actor.as_deref(),
            &stance,
            json,
        ),
        Some(Command::Figures { json }) => figures::run(&load(&cli.dir)?, json),
        command @ (Some(Command::Read { .. }) | None) => {
            let store = load(&cli.dir)?;
            // An unknown id is a usage error, told before the terminal is touched.
            let selected = match command {
                Some(Command::Read { id: Some(id) }) => Some(find(&store, &id)?),
                _ => None,
            };
            tui::run(store, selected).map_err(|e| Failure::Data(format!("reader: {e}")))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
