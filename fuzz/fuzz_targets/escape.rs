//! The Markdown escaper on any text: rendered by pulldown-cmark, the escaped text is the text itself and
//! adds no element (`tests/invariants`).
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::check_escape(text);
    }
});
