//! `brief convert`: draft briefings from articles.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use super::args::ConvertArgs;
use super::{Failure, print_out};
use crate::model::Date;
use crate::sanitize::neutralize;

/// `brief convert`: drafts from articles, several at once on worker threads, with progress on a terminal
/// and a summary of what failed. One bad article never stops the others.
pub fn run(args: ConvertArgs, dir: &Path) -> Result<ExitCode, Failure> {
    use crate::convert::batch::{self, Outcome};
    let published = args
        .published
        .as_deref()
        .map(|d| Date::parse(d).map_err(|e| Failure::Usage(format!("--published: {e}"))))
        .transpose()?;
    if let Some(id) = args.id.as_deref().filter(|id| !crate::model::is_slug(id)) {
        return Err(Failure::Usage(format!(
            "--id `{id}` is not a slug (use a-z, 0-9 and -, at most 64 characters)"
        )));
    }
    let options =
        crate::convert::Options { id: args.id, outlet: args.outlet, published, ..Default::default() };
    let (inputs, from_folder) = batch::expand_inputs(&args.inputs).map_err(Failure::Usage)?;
    let many = from_folder || inputs.len() > 1;
    let jobs = batch::plan(inputs, many, args.output.as_deref(), dir, &options).map_err(Failure::Usage)?;
    let show_progress = many && io::stderr().is_terminal();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let outcomes = batch::run_all(&jobs, args.force, threads, |done, total| {
        if show_progress {
            super::out::to_stderr(format_args!("\rconverting {done}/{total} "));
        }
    });
    if show_progress {
        super::out::to_stderr(format_args!("\r\x1b[2K"));
    }
    let mut failed = Vec::new();
    let mut written = 0;
    for (job, outcome) in jobs.iter().zip(outcomes) {
        match outcome {
            Outcome::Printed(toml) => {
                print_out(&toml)?;
            }
            Outcome::Written(path) => {
                written += 1;
                if !many {
                    say!("wrote {}", neutralize(&path.display().to_string()));
                }
            }
            Outcome::Failed(message) => failed.push(format!("{}: {message}", job.input.describe())),
        }
    }
    if !many {
        return match failed.pop() {
            Some(message) => Err(Failure::Data(message)),
            None => Ok(ExitCode::SUCCESS),
        };
    }
    let into = match &jobs[0].output {
        batch::Output::Folder(d) | batch::Output::File(d) => d.display().to_string(),
        batch::Output::Stdout => "standard output".into(),
    };
    say!("{}", neutralize(&format!("converted {written} of {} article(s) into {into}", jobs.len())));
    if !failed.is_empty() {
        say!("{} failed:", failed.len());
        for line in &failed {
            say!("  {}", neutralize(line));
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
