//! The benchmark queries, shared by `benches/engine.rs` and `examples/engine_once.rs`: a common word, a
//! rare name, an alias, a phrase with an exclusion, a scoped number, a prefix, an actor with another word.
pub const QUERIES: &[&str] = &[
    "shells",
    "Erdoğan",
    "DPRK",
    "\"artillery shells\" -grain",
    "figure:1.6 million",
    "sanction*",
    "kim jong-un drones",
];
