//! The query language on any text, over the seed briefings: no panic, hits within the limit, match and
//! highlight ranges inside their text on character boundaries (`tests/invariants`).
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line is the query, the rest a text to highlight.
    let (query, other) = text.split_once('\n').unwrap_or((&text, "North Korea sent shells"));
    invariants::check_query(query, other);
});
