//! Helpers shared by the reader's integration tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One cache directory for this test binary, set before any test reads the environment.
pub fn cache_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        // SAFETY: set once, before any test of this binary reads the environment (each test calls
        // this first, and the others wait for it).
        unsafe { std::env::set_var("BRIEF_CACHE_DIR", &dir) };
        dir
    })
}
