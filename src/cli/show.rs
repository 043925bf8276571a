//! `brief show`: a whole briefing as wrapped text.

use std::process::ExitCode;

use super::folder::find;
use super::{Failure, print_out};
use crate::render;
use crate::store::Store;
use crate::tui;
use crate::xref::CrossRef;

pub fn run(store: &Store, id: &str) -> Result<ExitCode, Failure> {
    let at = find(store, id)?;
    let briefings = store.briefings();
    print_out(&render::briefing_text(at, &briefings, &CrossRef::build(&briefings), tui::output_width()))
}
