//! Converts each seed article `CONVERT_REPEAT` times (default 20) after one warm-up run, so that callgrind
//! counts the steady per-article cost rather than compiling the gazetteer:
//! `valgrind --tool=callgrind target/release/examples/convert_once`. With a file argument it converts that
//! file instead (e.g. a generated large article).

use std::path::Path;

use brief::convert::{Options, convert};

fn main() {
    let repeat: usize = std::env::var("CONVERT_REPEAT").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let texts: Vec<String> = match std::env::args().nth(1) {
        Some(path) => vec![std::fs::read_to_string(path).expect("read the article")],
        None => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
            let mut paths: Vec<_> =
                std::fs::read_dir(dir).expect("seed articles").map(|e| e.expect("entry").path()).collect();
            paths.sort();
            paths.iter().map(|p| std::fs::read_to_string(p).expect("read")).collect()
        }
    };
    let warm = convert(&texts[0], &Options::default()).expect("converts");
    let mut items = warm.claims.len();
    for _ in 0..repeat {
        for text in &texts {
            items += convert(text, &Options::default()).expect("converts").claims.len();
        }
    }
    println!("{items} claims");
}
