//! `brief convert` on any text: no panic; a draft loads with no error and carries no control character
//! raw (`tests/invariants`).
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"));
    if let Ok(article) = std::str::from_utf8(data) {
        invariants::check_convert(dir.path(), article);
    }
});
