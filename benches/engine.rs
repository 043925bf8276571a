//! Index and cross-reference build, and query latency, over synthetic folders of 1k, 10k and 100k
//! briefings held in memory. Run: `cargo bench --bench engine` (add `-- 10000` to run one size).

mod corpus;
mod queries;

use std::hint::black_box;

use brief::actors::Registry;
use brief::model::Briefing;
use brief::search::SearchIndex;
use brief::xref::CrossRef;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn engine(c: &mut Criterion) {
    for size in [1_000, 10_000, 100_000] {
        let owned: Vec<Briefing> = corpus::corpus(size);
        let briefings: Vec<&Briefing> = owned.iter().collect();
        let mut group = c.benchmark_group(format!("{size} briefings"));
        if size >= 100_000 {
            group.sample_size(10);
        }
        group.bench_function("search index build", |b| {
            b.iter(|| SearchIndex::build(black_box(&briefings), &Registry::build(briefings.iter().copied())))
        });
        group.bench_function("cross-reference build", |b| b.iter(|| CrossRef::build(black_box(&briefings))));
        // What loading a folder into the reader costs: both, sharing one registry, side by side.
        group.bench_function("index+xref build", |b| b.iter(|| brief::engine::build(black_box(&briefings))));
        let index = SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied()));
        for query in queries::QUERIES {
            let parsed = index.parse(query).expect("benchmark queries parse");
            group.bench_with_input(BenchmarkId::new("query", query), &parsed, |b, parsed| {
                b.iter(|| index.search(&briefings, black_box(parsed), 20))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
