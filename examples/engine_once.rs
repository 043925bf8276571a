//! Builds the search index and the cross-reference graph of a synthetic folder once (one after the
//! other, or with a second argument `together` as `brief::engine::build` does) and runs the benchmark
//! queries once: a fixed amount of work to count instructions on, which stays comparable on a busy
//! machine where wall-clock timings do not.
//!
//! `cargo build --release --example engine_once && valgrind --tool=callgrind \
//!   --callgrind-out-file=target/callgrind.out target/release/examples/engine_once 10000 [together]`, then
//! `callgrind_annotate --inclusive=yes target/callgrind.out | grep engine_once::` gives the instructions
//! of each phase (the generator's own work is outside them).

#[path = "../benches/corpus.rs"]
mod corpus;

use std::hint::black_box;

use brief::actors::Registry;
use brief::model::Briefing;
use brief::search::SearchIndex;
use brief::xref::CrossRef;

#[path = "../benches/queries.rs"]
mod queries;

#[inline(never)]
fn build_index(briefings: &[&Briefing]) -> SearchIndex {
    SearchIndex::build(briefings, &Registry::build(briefings.iter().copied()))
}

#[inline(never)]
fn build_xref(briefings: &[&Briefing]) -> CrossRef {
    CrossRef::build(briefings)
}

#[inline(never)]
fn build_both(briefings: &[&Briefing]) -> (SearchIndex, CrossRef) {
    brief::engine::build(briefings)
}

#[inline(never)]
fn run_queries(index: &SearchIndex, briefings: &[&Briefing]) -> usize {
    queries::QUERIES
        .iter()
        .map(|q| index.query(briefings, q, 20).expect("benchmark queries parse").total)
        .sum()
}

fn main() {
    let size = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let together = std::env::args().nth(2).as_deref() == Some("together");
    let owned = corpus::corpus(size);
    let briefings: Vec<&Briefing> = owned.iter().collect();
    let started = std::time::Instant::now();
    let (index, xref, built) = if together {
        let (index, xref) = black_box(build_both(&briefings));
        (index, xref, format!("index+xref together {:.1?}", started.elapsed()))
    } else {
        let index = black_box(build_index(&briefings));
        let indexed = started.elapsed();
        let xref = black_box(build_xref(&briefings));
        (index, xref, format!("index {indexed:.1?}, xref {:.1?}", started.elapsed() - indexed))
    };
    let started = std::time::Instant::now();
    let hits = run_queries(&index, &briefings);
    eprintln!(
        "{size} briefings: {built}, {} queries {:.1?} ({hits} hits)",
        queries::QUERIES.len(),
        started.elapsed()
    );
    drop(xref);
}
