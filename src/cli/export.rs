//! `brief export`: a briefing as Markdown, to a file or standard output.

use std::path::Path;
use std::process::ExitCode;

use super::folder::find;
use super::{Failure, print_out};
use crate::export::{self, ExportTarget};
use crate::sanitize::neutralize;
use crate::store::Store;
use crate::xref::CrossRef;

pub fn run(store: &Store, id: &str, output: Option<&Path>, force: bool) -> Result<ExitCode, Failure> {
    let at = find(store, id)?;
    let briefings = store.briefings();
    let markdown = export::to_markdown(at, &briefings, &CrossRef::build(&briefings));
    match ExportTarget::from_arg(output, id) {
        ExportTarget::Stdout => print_out(&markdown),
        ExportTarget::File(path) => {
            let written =
                export::write_file(&path, &markdown, force).map_err(|e| Failure::Data(e.to_string()))?;
            eprintln!("wrote {}", neutralize(&written.display().to_string()));
            Ok(ExitCode::SUCCESS)
        }
    }
}
