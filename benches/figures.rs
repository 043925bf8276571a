//! The folder's figure table (`CrossRef::figure_table`: the figures board, `brief figures`, the export
//! index) when one unit has thousands of distinct subjects: n figures counting "shells", each subject the
//! unit's word and a word of its own ("shells kobada", "shells kobade", …), so every figure is a group of
//! its own. Grouping each figure against every group started before it took n²/2 comparisons. Side by
//! side, the cross-reference build of the same folder, which every load pays anyway.
//! Run: `cargo bench --bench figures` (add `-- 10000` to run one size).

use std::hint::black_box;

use brief::model::Briefing;
use brief::xref::CrossRef;
use criterion::{Criterion, criterion_group, criterion_main};

const BRIEFINGS: usize = 10;

/// A word per number, letters only (the term reader drops digits): "kobada", "kobade", …
fn word(mut n: usize) -> String {
    const SYLLABLES: [&str; 20] = [
        "ba", "de", "fi", "go", "ku", "la", "me", "ni", "po", "ru", "ta", "ve", "wi", "zo", "ha", "je", "ki",
        "lo", "mu", "no",
    ];
    let mut word = String::from("ko");
    for _ in 0..4 {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    word
}

/// `n` figures of the unit "shells" with distinct subjects, spread over [`BRIEFINGS`] briefings.
fn folder(n: usize) -> Vec<Briefing> {
    (0..BRIEFINGS)
        .map(|b| {
            let mut text = format!(
                "schema = 1\nid = \"b{b}\"\ntitle = \"t\"\nsummary = \"s\"\nstatus = \"draft\"\n\
                 source = {{ outlet = \"Wire\" }}\n"
            );
            for i in (b..n).step_by(BRIEFINGS) {
                text.push_str(&format!(
                    "[[figure]]\nid = \"f{i}\"\nvalue = {i}\nunit = \"shells\"\nsubject = \"shells {}\"\n\
                     text = \"{i} shells\"\nquote = \"{i} shells\"\n",
                    word(i)
                ));
            }
            toml::from_str(&text).expect("the generated briefing parses")
        })
        .collect()
}

fn figures(c: &mut Criterion) {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for n in [1_000, 10_000, 40_000].into_iter().filter(|n| only.is_none_or(|o| o == *n)) {
        let owned = folder(n);
        let briefings: Vec<&Briefing> = owned.iter().collect();
        let xref = CrossRef::build(&briefings);
        assert_eq!(xref.figure_table(&briefings).len(), n, "every subject is a group of its own");
        let mut group = c.benchmark_group(format!("{n} distinct subjects of one unit"));
        group.sample_size(10);
        group.bench_function("figure table", |b| b.iter(|| xref.figure_table(black_box(&briefings))));
        group.bench_function("cross-reference build", |b| b.iter(|| CrossRef::build(black_box(&briefings))));
        group.finish();
    }
}

criterion_group!(benches, figures);
criterion_main!(benches);
