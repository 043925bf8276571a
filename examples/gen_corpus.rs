//! Writes a deterministic synthetic briefing folder: `cargo run --release --example gen_corpus -- N DIR`.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: gen_corpus N DIR   (N briefings written to DIR, which is created)");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let mut bytes = 0;
    for briefing in corpus::corpus(count) {
        let text = toml::to_string(&briefing).expect("a generated briefing serialises");
        bytes += text.len();
        std::fs::write(dir.join(format!("{}.toml", briefing.id)), text).expect("write a briefing");
    }
    eprintln!("wrote {count} briefings ({:.1} MB) to {}", bytes as f64 / 1e6, dir.display());
}
