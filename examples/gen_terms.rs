//! Writes a folder whose summaries hold many distinct words that share a prefix, to measure prefix
//! queries that match many terms: `cargo run --release --example gen_terms -- N TERMS DIR` writes N
//! briefings whose summaries hold TERMS distinct words beginning with `z` between them
//! (`brief --dir DIR search 'z*'` then matches all TERMS).

use std::fmt::Write as _;
use std::path::PathBuf;

/// The `n`th word: `z` then `n` in base 26, in letters.
fn word(mut n: usize) -> String {
    let mut letters = vec![b'z'];
    loop {
        letters.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    String::from_utf8(letters).expect("ASCII")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).and_then(|n| n.parse::<usize>().ok());
    let (Some(count), Some(terms), Some(dir)) = (number(0), number(1), args.get(2)) else {
        eprintln!(
            "usage: gen_terms N TERMS DIR   (N briefings holding TERMS distinct z-words, written to DIR)"
        );
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let per = terms.div_ceil(count.max(1));
    for b in 0..count {
        let mut summary = String::from("A briefing about the zone.");
        for t in (b * per..((b + 1) * per).min(terms)).map(word) {
            let _ = write!(summary, " {t}");
        }
        let text = format!(
            "schema = 1\nid = \"terms-{b:06}\"\ntitle = \"Terms {b}\"\nsummary = \"{summary}\"\n\
             status = \"draft\"\n\n[source]\noutlet = \"unknown\"\n"
        );
        std::fs::write(dir.join(format!("terms-{b:06}.toml")), text).expect("write a briefing");
    }
    eprintln!("wrote {count} briefings with {terms} z-words to {}", dir.display());
}
