//! Property tests of the invariants the fuzz targets check (`tests/invariants`), so that every
//! `cargo test` exercises them: random and hostile inputs to the loader, the query language and convert.
//! (The Markdown escaper's property test is in tests/export.rs; `check_escape` is run here on the same
//! kind of input too.)

mod invariants;

use proptest::prelude::*;

/// Pieces of briefing files: valid keys and tables, broken syntax, escapes and odd characters.
const TOML_PIECES: &[&str] = &[
    "schema = 1\n",
    "id = \"x\"\n",
    "title = \"T\"\n",
    "summary = \"S\\n\\nP\"\n",
    "status = \"draft\"\n",
    "[source]\noutlet = \"W\"\n",
    "[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\n",
    "[[claim]]\nid = \"c\"\ntext = \"t\"\nclaimed_by = \"a\"\nstance = \"asserts\"\nquote = \"q\"\n",
    "[[figure]]\nid = \"f\"\nvalue = 1e308\nunit = \"u\"\ntext = \"t\"\nquote = \"q\"\n",
    "refs = [{ to = \"y#z\", relation = \"updates\" }]\n",
    "tags = [\"\\u001b[2J\", \"\\u009b\"]\n",
    "title = \"\\u202e\\u0007\\u007f\"\n",
    "published = 2023-02-29\n",
    "x = [[[[[[]]]]]]\n",
    "\"",
    "[",
    "]",
    "= =",
    "\0",
    "\u{1b}",
    "\u{9b}",
    "é",
    "\r\n",
    "'''",
    "\"\"\"",
    "#",
    "credibility = 99\n",
];

const QUERY_PIECES: &[&str] = &[
    "shells",
    "DPRK",
    "Kim Jong-Un",
    "\"artillery shells\"",
    "-grain",
    "s*",
    "*",
    "**",
    "actor:",
    "actor:kim",
    "claim:\"",
    "who:x",
    "id:blinken-seoul-2023-11",
    "1.6 million",
    "1000000",
    "-",
    "--",
    "\"",
    "\"\"",
    " ",
    "\u{1b}[2J",
    "\u{9b}",
    "é",
    "ß*",
    "\u{202e}",
    ":",
    "figure:*",
    "tag:north-korea",
    "\0",
];

const ARTICLE_PIECES: &[&str] = &[
    "SEOUL (Reuters) — ",
    "North Korea has sent more than a million artillery shells to Russia, ",
    "the ministry said on Monday. ",
    "\"We deny it,\" Kremlin spokesman Dmitry Peskov said. ",
    "Will the deal hold? ",
    "By Jane Doe\n",
    "\n\n",
    "Updated 2023-11-09 ",
    "1.6 million ",
    "42% ",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{9b}31m",
    "\u{202e}",
    "é",
    "\0",
    "\r",
    "Mr. ",
    "U.S. ",
    "(AP)",
    "— ",
    "said:",
];

fn from(pieces: &'static [&'static str], most: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(proptest::sample::select(pieces), 0..most).prop_map(|p| p.concat()),
        ".{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_file_loads_or_fails_without_panic_or_raw_controls(text in from(TOML_PIECES, 24)) {
        let dir = tempfile::tempdir().unwrap();
        invariants::check_load(dir.path(), text.as_bytes());
    }

    #[test]
    fn any_query_parses_or_fails_and_ranges_stay_in_their_text(
        query in from(QUERY_PIECES, 8),
        text in from(ARTICLE_PIECES, 6),
    ) {
        invariants::check_query(&query, &text);
    }

    #[test]
    fn any_article_makes_a_draft_that_loads_or_none(article in from(ARTICLE_PIECES, 16)) {
        let dir = tempfile::tempdir().unwrap();
        invariants::check_convert(dir.path(), &article);
    }

    #[test]
    fn escaped_text_renders_as_itself(text in from(ARTICLE_PIECES, 8)) {
        invariants::check_escape(&text);
    }
}
