//! `brief convert` throughput: each seed article, and a large generated article (the seeds' paragraphs
//! shuffled deterministically with varied numbers, 20 MB by default). Run: `cargo bench --bench convert`;
//! another size: `CONVERT_BENCH_MB=5 cargo bench --bench convert`.

use std::hint::black_box;
use std::path::Path;

use brief::convert::{Options, convert};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("seed articles")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

/// A long article from the seeds' paragraphs, picked by a fixed-seed generator, numbers varied so that
/// figures differ: deterministic, `bytes` long.
fn large_article(bytes: usize) -> String {
    let paragraphs: Vec<String> = seeds()
        .into_iter()
        .flat_map(|(_, text)| text.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let p = &paragraphs[(state >> 33) as usize % paragraphs.len()];
        out.push_str(&p.replace("million", &format!("{} million", (state >> 40) % 90 + 1)));
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("convert");
    for (name, text) in seeds() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| convert(black_box(&text), &Options::default()).expect("converts"))
        });
    }
    let mb: usize = std::env::var("CONVERT_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let large = large_article(mb * 1_000_000);
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("generated {mb} MB"), |b| {
        b.iter(|| convert(black_box(&large), &Options::default()).expect("converts"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
