//! `search::scan` (a query answered without the folder's index, what `brief search` does without a
//! cache) gives exactly what the index of the whole folder gives: the same hits in the same order, with
//! the same scores, totals and match ranges, on generated briefings and the seeds together.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::path::Path;
use std::sync::OnceLock;

use brief::actors::Registry;
use brief::model::Briefing;
use brief::search::{self, SearchIndex};
use brief::store::Store;
use proptest::prelude::*;

/// Generated briefings with the seeds (aliases such as DPRK and Pyongyang, Korean names, numbers written
/// out) among them, the index of them all, and words to make queries of.
struct Folder {
    briefings: Vec<Briefing>,
    index: SearchIndex,
    words: Vec<String>,
}

fn folder() -> &'static Folder {
    static FOLDER: OnceLock<Folder> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let seeds = Store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")).unwrap();
        let mut briefings = corpus::corpus(400);
        // Words found only through folding: accents, a curly apostrophe, upper case.
        briefings[5].claims[0].text.push_str(" Zemliánichenko’s answer, per ÉTATS-UNIS.");
        briefings[9].summary.push_str(" Ünïcödé Zemliánichenko");
        for (i, entry) in seeds.entries.into_iter().enumerate() {
            briefings.insert(i * 97, entry.briefing);
        }
        let refs: Vec<&Briefing> = briefings.iter().collect();
        let index = SearchIndex::build(&refs, &Registry::build(refs.iter().copied()));
        let mut words: Vec<String> = briefings
            .iter()
            .flat_map(|b| {
                let texts = [&b.title, &b.summary].into_iter().chain(b.claims.iter().map(|c| &c.quote));
                let actors = b.actors.iter().flat_map(|a| std::iter::once(&a.name).chain(&a.aliases));
                texts.chain(actors).flat_map(|t| t.split_whitespace().map(str::to_string)).collect::<Vec<_>>()
            })
            .collect();
        words.sort();
        words.dedup();
        Folder { briefings, index, words }
    })
}

/// Both answers to `query`, or both errors.
fn assert_same(query: &str, limit: usize) {
    let folder = folder();
    let refs: Vec<&Briefing> = folder.briefings.iter().collect();
    let indexed = folder.index.query(&refs, query, limit);
    let scanned = search::scan(&refs, query, limit);
    assert_eq!(scanned, indexed, "query {query:?}");
}

#[test]
fn scanning_answers_as_the_index_does() {
    let queries = [
        "shells",
        "artillery shells",
        "\"artillery shells\" -grain",
        "Kirby",
        "John Kirby",
        "kirby's",
        "DPRK",
        "Pyongyang",
        "north korea",
        "actor:blinken",
        "the White House",
        "U.S.",
        "KIM JONG-UN",
        "김정은",
        "elysee",
        "Élysée",
        "zemlianichenko",
        "Zemliánichenko's",
        "etats-unis",
        "unicode",
        "1.6 million",
        "a million",
        "1000000",
        "figure:1.6 million",
        "two",
        "61000",
        "in*",
        "sanction*",
        "s*",
        "id:synthetic-00001*",
        "claim:drones",
        "question:verified",
        "tag:france",
        "outlet:press",
        "washington -shells",
        "countries",
        "zzzz",
        "",
        "-shells",
        "\"unclosed",
        "nope:word",
    ];
    for query in queries {
        for limit in [0, 1, 20, 10_000] {
            assert_same(query, limit);
        }
    }
    let refs: Vec<&Briefing> = folder().briefings.iter().collect();
    let many = search::scan(&refs, "shells", 10_000).unwrap();
    assert!(many.total > 100 && many.hits.len() == many.total, "{}", many.total);
}

/// A query made of words of the folder: as written, upper-cased, cut into a prefix, quoted together,
/// scoped or excluded.
fn query() -> impl Strategy<Value = String> {
    let words = folder().words.len();
    let word = (0..words, 0..6u8, prop::sample::select(vec!["", "actor:", "claim:", "figure:", "-", "tag:"]));
    prop::collection::vec(word, 1..4).prop_map(|picked| {
        let words = &folder().words;
        let parts: Vec<String> = picked
            .iter()
            .map(|&(at, form, scope)| {
                let w = &words[at];
                let w = match form {
                    0 => w.to_uppercase(),
                    1 => format!("{}*", w.chars().take(3).collect::<String>()),
                    2 => format!("\"{w} {}\"", words[(at + 1) % words.len()]),
                    _ => w.clone(),
                };
                format!("{scope}{w}")
            })
            .collect();
        parts.join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn scanning_answers_as_the_index_does_for_any_query(query in query(), limit in 1..40usize) {
        assert_same(&query, limit);
    }
}
