//! `brief completions SHELL` and `brief man`: what a shell and `man` need, made from the clap definition
//! itself, so they cannot fall behind the commands.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use super::args::Cli;
use super::{Failure, print_out};
use crate::export::write_file;
use crate::sanitize::neutralize;

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "brief", &mut script);
    print_out(&String::from_utf8_lossy(&script))
}

/// The page of `brief` to stdout; with `out`, it and one page per command (`brief-export.1`, which the
/// main page refers to) into that folder.
pub fn man(out: Option<&Path>) -> Result<ExitCode, Failure> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let Some(folder) = out else { return print_out(&page(&clap_mangen::Man::new(command))?) };
    std::fs::create_dir_all(folder)
        .map_err(|e| Failure::Data(format!("cannot create the folder {}: {e}", folder.display())))?;
    let commands = std::iter::once(command.clone()).chain(command.get_subcommands().cloned());
    let mut written = 0;
    for command in commands {
        let man = clap_mangen::Man::new(command);
        write_file(&folder.join(man.get_filename()), &page(&man)?, true)
            .map_err(|e| Failure::Data(e.to_string()))?;
        written += 1;
    }
    say!("wrote {written} pages to {}", neutralize(&folder.display().to_string()));
    Ok(ExitCode::SUCCESS)
}

fn page(man: &clap_mangen::Man) -> Result<String, Failure> {
    let mut page = Vec::new();
    man.render(&mut page).map_err(|e| Failure::Data(format!("cannot make the manual page: {e}")))?;
    Ok(String::from_utf8_lossy(&page).into_owned())
}
