//! The invariants the fuzz targets (`fuzz/`) and the property tests (`tests/properties.rs`) check, shared
//! so that both assert the same contract. Each panics, saying what broke, when it does not hold.
#![allow(dead_code)] // each user takes the checks it needs

use std::path::Path;
use std::sync::OnceLock;

use brief::model::Briefing;
use brief::search::SearchIndex;
use brief::store::Store;

/// A control or bidirectional character that must never reach a terminal raw (`keep_newlines`: `\n` is
/// allowed, as in a summary).
pub fn raw_control(text: &str, keep_newlines: bool) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

/// Every string of a loaded briefing, with whether it may hold line breaks (the summary).
fn strings(b: &Briefing) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(b).expect("a briefing serialises"), &mut out);
    out
}

/// Loads the one file `bytes` in `dir` (emptied first): no panic; nothing a loaded briefing holds, and
/// nothing a diagnostic says, carries a control character raw. Returns the store.
pub fn check_load(dir: &Path, bytes: &[u8]) -> Store {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
    std::fs::write(dir.join("input.toml"), bytes).expect("write the input");
    let store = Store::load(dir).expect("the folder is readable");
    for entry in &store.entries {
        let summary = &entry.briefing.summary;
        for s in strings(&entry.briefing) {
            let multiline = &s == summary;
            if let Some(c) = raw_control(&s, multiline) {
                panic!("a loaded string carries {c:?}: {s:?}");
            }
        }
    }
    for diagnostic in &store.diagnostics {
        let shown = diagnostic.to_string();
        if let Some(c) = raw_control(&shown, true) {
            panic!("a diagnostic shows {c:?}: {shown:?}");
        }
    }
    assert_eq!(store.entries.len() + store.failed.len(), 1, "one file, loaded or failed");
    store
}

/// The seed briefings and their index, built once.
fn seeds() -> &'static (Store, SearchIndex) {
    static SEEDS: OnceLock<(Store, SearchIndex)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        // From the repository's tests, or from `fuzz/` beside them.
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = [here.join("briefings"), here.join("../briefings")].into_iter().find(|d| d.is_dir());
        let store = Store::load(&dir.expect("the seed folder")).expect("the seeds");
        let briefings = store.briefings();
        let registry = brief::actors::Registry::build(briefings.iter().copied());
        let index = SearchIndex::build(&briefings, &registry);
        drop(briefings);
        (store, index)
    })
}

/// Parses and runs `query` on the seeds: no panic; at most the limit of hits, counted right; every match
/// range inside its field on character boundaries; highlighting gives sorted, disjoint ranges on
/// character boundaries of any text.
pub fn check_query(query: &str, other_text: &str) {
    let (store, index) = seeds();
    let briefings = store.briefings();
    let Ok(parsed) = index.parse(query) else { return };
    let results = index.search(&briefings, &parsed, 7);
    assert!(results.hits.len() <= 7 && results.hits.len() <= results.total, "{query:?}");
    for hit in &results.hits {
        let fields = brief::search::fields(briefings[hit.briefing], hit.target);
        for m in &hit.matches {
            let (_, text) = fields.iter().find(|(f, _)| *f == m.field).expect("the matched field exists");
            for r in &m.ranges {
                assert!(text.get(r.clone()).is_some(), "{query:?}: range {r:?} outside {text:?}");
            }
        }
    }
    for text in [other_text, query] {
        let ranges = parsed.highlight(text);
        for pair in ranges.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{query:?} on {text:?}: {ranges:?} overlap");
        }
        for r in &ranges {
            assert!(text.get(r.clone()).is_some(), "{query:?}: highlight {r:?} outside {text:?}");
        }
    }
}

/// Converts `article`: no panic; a draft (if the text makes one) is marked draft, loads with no error
/// from the TOML `brief convert` writes, and carries no control character raw.
pub fn check_convert(dir: &Path, article: &str) {
    let Ok(draft) = brief::convert::convert(article, &brief::convert::Options::default()) else { return };
    assert_eq!(draft.status, brief::model::Status::Draft);
    let toml = brief::convert::to_toml(&draft, "fuzz");
    let store = check_load(dir, toml.as_bytes());
    let errors: Vec<String> = store.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "the draft does not load: {errors:?}\n{toml}");
    assert_eq!(store.entries.len(), 1);
}

/// `export::escape(text)`, as a paragraph of CommonMark, renders as the text itself (whitespace runs
/// folded to one space, ends trimmed, NUL as U+FFFD) and adds no element.
pub fn check_escape(text: &str) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let expected = text.split_whitespace().collect::<Vec<_>>().join(" ").replace('\0', "\u{FFFD}");
    if expected.is_empty() {
        return;
    }
    let escaped = brief::export::escape(text);
    let mut rendered = String::new();
    let mut elements = Vec::new();
    for event in Parser::new_ext(&escaped, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) => rendered.push_str(&t),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            other => elements.push(format!("{other:?}")),
        }
    }
    assert!(elements.is_empty(), "{text:?} escaped as {escaped:?} adds {elements:?}");
    assert_eq!(rendered, expected, "{text:?} escaped as {escaped:?}");
}
