//! The terminal layer: the only module that imports ratatui (and crossterm, through ratatui).

use std::io::{self, IsTerminal};

/// The width to wrap printed text to: the terminal's when stdout is one, otherwise 80 columns.
pub fn output_width() -> usize {
    const PIPED_WIDTH: usize = 80;
    if !io::stdout().is_terminal() {
        return PIPED_WIDTH;
    }
    ratatui::crossterm::terminal::size().map_or(PIPED_WIDTH, |(columns, _)| usize::from(columns).max(20))
}
