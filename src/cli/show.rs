//! `brief show`: a whole briefing as wrapped text.

use std::path::Path;
use std::process::ExitCode;

use super::folder::{Shown, about_briefing};
use super::{Failure, print_out};
use crate::render;
use crate::tui;

pub fn run(dir: &Path, cached: bool, id: &str) -> Result<ExitCode, Failure> {
    let text = about_briefing(dir, cached, id, None, Shown::Some, |at, briefings, graph| {
        Ok(render::briefing_text(at, briefings, graph, tui::output_width()))
    })?;
    print_out(&text)
}
