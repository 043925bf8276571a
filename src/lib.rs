//! brief: structured briefings from news articles, read in the terminal.
//!
//! The modules follow the data: `model` (the schema) → `store` (load and validate a folder) →
//! `export` (Markdown) and `render` (plain text) → `cli` (commands) and `tui` (the terminal layer).
//! See ARCHITECTURE.md.

// `print!`, `println!`, `eprint!` and `eprintln!` panic when the stream is closed (`brief check DIR 2>&1 |
// grep -m1 error`): the commands print through `cli::out`, and the reader draws through ratatui.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod actors;
pub mod cache;
pub mod catalog;
pub mod cli;
mod column;
pub mod config;
pub mod convert;
pub mod diagnostic;
pub mod engine;
pub mod export;
pub mod folder;
pub mod model;
pub mod render;
pub mod sanitize;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
pub mod xref;

/// mimalloc rather than the system allocator: building the index and the graph of 10k briefings makes
/// millions of small allocations, and took a fifth less time with it. Declared here, in the library,
/// so that the binary, the tests, the examples and the benchmarks all measure the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
