//! Markdown export: parsed back with a CommonMark parser to check what a renderer would show.

use std::path::Path;

use brief::export;
use brief::store::Store;
use brief::xref::CrossRef;
use proptest::strategy::Strategy;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a renderer makes of a document: headings, table rows, links and any raw HTML or code.
#[derive(Debug, Default)]
struct Rendered {
    headings: Vec<(u8, String)>,
    /// Each table as rows of cell texts (the header row first).
    tables: Vec<Vec<Vec<String>>>,
    links: Vec<String>,
    strong: Vec<String>,
    emphasis: Vec<String>,
    block_quotes: Vec<String>,
    paragraphs: Vec<String>,
    html: Vec<String>,
    code: usize,
}

fn render(md: &str) -> Rendered {
    let mut r = Rendered::default();
    // Text collects into every open container; each container takes its own copy when it closes.
    let mut open: Vec<String> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => r.links.push(dest_url.to_string()),
            Event::Start(Tag::Table(_)) => r.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                r.tables.last_mut().unwrap().push(row.clone())
            }
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => r.code += 1,
            Event::Html(h) | Event::InlineHtml(h) => r.html.push(h.to_string()),
            Event::Start(
                Tag::Heading { .. }
                | Tag::TableCell
                | Tag::Strong
                | Tag::Emphasis
                | Tag::BlockQuote(_)
                | Tag::Paragraph,
            ) => open.push(String::new()),
            Event::End(end) => {
                let mut text = || open.pop().unwrap().trim().to_string();
                match end {
                    TagEnd::Heading(level) => r.headings.push((level as u8, text())),
                    TagEnd::TableCell => row.push(text()),
                    TagEnd::Strong => r.strong.push(text()),
                    TagEnd::Emphasis => r.emphasis.push(text()),
                    TagEnd::BlockQuote(_) => r.block_quotes.push(text()),
                    TagEnd::Paragraph => r.paragraphs.push(text()),
                    _ => {}
                }
            }
            Event::Text(t) => open.iter_mut().for_each(|s| s.push_str(&t)),
            Event::SoftBreak | Event::HardBreak => open.iter_mut().for_each(|s| s.push(' ')),
            _ => {}
        }
    }
    r
}

/// The export of the briefing at `at`, as `brief export` makes it.
fn to_markdown(store: &Store, at: usize) -> String {
    let briefings = store.briefings();
    export::to_markdown(at, &briefings, &CrossRef::build(&briefings), &|_| true)
}

fn load(dir: &str) -> Store {
    let store = Store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap();
    assert!(!store.has_errors(), "{:?}", store.diagnostics);
    store
}

#[test]
fn hostile_text_renders_literally_and_adds_no_markup() {
    let store = load("tests/fixtures/hostile");
    let b = &store.entries[0].briefing;
    let r = render(&to_markdown(&store, 0));

    let headings: Vec<(u8, &str)> = r.headings.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        headings,
        [
            (1, b.title.as_str()),
            (2, "Summary"),
            (2, "Key figures"),
            (2, "Actors"),
            (2, "Claims"),
            (3, "1. ## Claim heading second line"),
            (2, "Open questions"),
        ]
    );
    assert_eq!(r.html, Vec::<String>::new(), "no raw HTML");
    assert_eq!(r.code, 0, "no code spans or blocks");
    assert_eq!(r.links, Vec::<String>::new(), "neither javascript: nor article links become links");
    assert_eq!(r.strong, ["Source:"], "only the export's own bold");
    assert_eq!(r.emphasis, ["asserts, per Mallory | Injected | Cells"], "only the export's own emphasis");

    let [figures, actors] = &r.tables[..] else { panic!("two tables: {:?}", r.tables) };
    assert!(figures.iter().all(|row| row.len() == 5), "{figures:?}");
    assert_eq!(figures[1][0], "**twelve**");
    assert_eq!(figures[1][2], "shells | extra cell");
    assert!(actors.iter().all(|row| row.len() == 4), "{actors:?}");
    assert_eq!(actors[1], ["Mallory | Injected | Cells", "person", "1. not a list", "- not a list, [x](y)"]);

    assert!(r.paragraphs.iter().any(|p| p == "# Injected heading"), "a paragraph, not a heading");
    assert!(
        r.paragraphs.iter().any(|p| p.starts_with("<div onclick=\"x\">html</div> | a | b |")),
        "text, not HTML"
    );
    assert!(r.paragraphs.iter().any(|p| p.contains("&amp; &#60;")), "entities stay literal");
    assert!(r.paragraphs.iter().any(|p| p.contains("javascript:alert(1)")), "the bad URL is shown as text");
    assert_eq!(r.block_quotes[0], "``` code fence ``` <img src=x onerror=alert(1)>");
}

#[test]
fn every_seed_exports_to_the_expected_structure() {
    let store = load("briefings");
    assert_eq!(store.entries.len(), 5);
    for (at, entry) in store.entries.iter().enumerate() {
        let b = &entry.briefing;
        let r = render(&to_markdown(&store, at));
        assert!(r.html.is_empty() && r.code == 0, "{}", b.id);
        assert_eq!(r.headings[0], (1, b.title.clone()));
        let sections: Vec<&str> =
            r.headings.iter().filter(|(l, _)| *l == 2).map(|(_, t)| t.as_str()).collect();
        let mut expected = vec!["Summary"];
        for (present, name) in [
            (!b.figures.is_empty(), "Key figures"),
            (!b.actors.is_empty(), "Actors"),
            (!b.claims.is_empty(), "Claims"),
            (!b.questions.is_empty(), "Open questions"),
        ] {
            if present {
                expected.push(name);
            }
        }
        expected.push("Cross-references");
        assert_eq!(sections, expected, "{}", b.id);
        let claim_headings = r.headings.iter().filter(|(l, _)| *l == 3).count();
        assert_eq!(claim_headings, b.claims.len(), "{}", b.id);
        assert_eq!(
            r.block_quotes.len(),
            b.claims.len() + b.questions.iter().filter(|q| q.source.is_some()).count()
        );
        let mut tables = r.tables.iter();
        if !b.figures.is_empty() {
            assert_eq!(tables.next().unwrap().len(), b.figures.len() + 1, "{}: one row per figure", b.id);
        }
        assert_eq!(tables.next().unwrap().len(), b.actors.len() + 1, "{}: one row per actor", b.id);
        for link in &r.links {
            let to_briefing =
                link.strip_suffix(".md").is_some_and(|id| id != b.id && store.get(id).is_some());
            assert!(to_briefing || Some(link) == b.source.url.as_ref(), "{}: unexpected link {link}", b.id);
        }
        assert!(r.links.iter().any(|l| l.ends_with(".md")), "{}: links to related briefings", b.id);
    }
}

#[test]
fn seed_exports_match_snapshots() {
    let store = load("briefings");
    for (at, entry) in store.entries.iter().enumerate() {
        insta::assert_snapshot!(format!("export_{}", entry.briefing.id), to_markdown(&store, at));
    }
}

/// What a renderer makes of a document, split in two: every element it opens and closes (and every
/// break, rule, code span, HTML, footnote or task marker), and all the text, concatenated.
fn skeleton(md: &str) -> (Vec<String>, String) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let (mut elements, mut text) = (Vec::new(), String::new());
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            other => elements.push(format!("{other:?}")),
        }
    }
    (elements, text)
}

/// Every place the export puts escaped text, as a line or lines of Markdown with `{}` where it goes.
const CONTEXTS: &[&str] = &[
    "{}\n",
    "# {}\n",
    "### 1. {}\n",
    "> {}\n",
    "- {}\n\n  > quoted\n",
    "| Figure | Value |\n| --- | ---: |\n| {} | more-than 2 |\n",
    "**Source:** {}, 2023-11-09 (status: reviewed)\n",
    "*asserts, per {}*\n",
    "- **{}** also appears in [Other](other.md)\n- **label** corroborates [{}](other.md): item\n",
];

/// What the escaper promises its output renders as: whitespace runs folded to one space, trimmed, and
/// NUL replaced as CommonMark replaces it.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('\0', "\u{FFFD}")
}

/// Pieces of markup, entities and whitespace that hostile strings are made of.
const FRAGMENTS: &[&str] = &[
    "# ",
    "#",
    "## ",
    " #",
    "- ",
    "-",
    "---",
    "+ ",
    "* ",
    "***",
    "===",
    "1. ",
    "1) ",
    "2.",
    "> ",
    ">",
    "```",
    "~~~",
    "~~",
    "~",
    "`",
    "``",
    "*",
    "**",
    "_",
    "__",
    "[",
    "]",
    "[a](b)",
    "![i](x.png)",
    "[^1]",
    "[^1]: x",
    "[ ] ",
    "[x] ",
    "[!NOTE]",
    "<div>",
    "</div>",
    "<http://x.y>",
    "<a@b.c>",
    "<!--",
    "-->",
    "<?php",
    "&amp;",
    "&#60;",
    "&#x3C;",
    "&copy",
    "&",
    ";",
    "\\",
    "\\\\",
    "|",
    " | ",
    "||",
    "\n",
    "\r\n",
    "  ",
    "\t",
    "    ",
    "www.x.y",
    "http://x.y",
    "word",
    "Kim",
    "2023-11-09",
    "U.S.",
    "'q'",
    "(",
    ")",
    ":",
    "!",
    "\u{a0}",
    "\0",
    "é",
    "中",
    "😀",
    "\u{200b}",
    "$5",
    "{#id}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// Random and hostile strings, escaped and put wherever the export puts text, render as themselves
    /// and add no element: the document has exactly the elements it has with a plain word there.
    #[test]
    fn escaped_text_renders_as_itself_and_adds_no_element(
        text in proptest::prop_oneof![
            "(?s)[\\x00-\\x7f\u{a0}\u{3000}é中😀]{0,40}",
            proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..10).prop_map(|f| f.concat()),
        ]
    ) {
        let expected = folded(&text);
        proptest::prop_assume!(!expected.is_empty());
        let escaped = export::escape(&text);
        for context in CONTEXTS {
            let (elements, rendered) = skeleton(&context.replace("{}", &escaped));
            let (plain_elements, plain) = skeleton(&context.replace("{}", "PLACEHOLDER"));
            proptest::prop_assert_eq!(&elements, &plain_elements, "{:?} as {:?} in {:?}", text, escaped, context);
            proptest::prop_assert_eq!(rendered, plain.replace("PLACEHOLDER", &expected), "{:?} as {:?}", text, escaped);
        }
    }
}

#[test]
fn empty_and_blank_text_escape_to_nothing() {
    assert_eq!(export::escape(""), "");
    assert_eq!(export::escape(" \n\t\r\n "), "");
}

#[test]
fn seed_exports_keep_running_punctuation_bare() {
    let store = load("briefings");
    for (at, entry) in store.entries.iter().enumerate() {
        let md = to_markdown(&store, at);
        let needless: Vec<&str> = md
            .match_indices('\\')
            .map(|(i, _)| &md[i..md.len().min(i + 2)])
            .filter(|pair| pair.ends_with(['.', ',', ':', ';', '\'', '(', ')', '-']))
            .collect();
        assert!(needless.is_empty(), "{}: {needless:?}", entry.briefing.id);
    }
}

#[test]
fn the_index_of_the_seeds_matches_its_snapshot() {
    let store = load("briefings");
    let briefings = store.briefings();
    let set: Vec<usize> = (0..briefings.len()).collect();
    insta::assert_snapshot!(export::index::to_markdown(&set, &briefings, &CrossRef::build(&briefings)));
}

#[test]
fn the_index_of_hostile_text_adds_no_markup() {
    let store = load("tests/fixtures/hostile");
    let briefings = store.briefings();
    let b = briefings[0];
    let r = render(&export::index::to_markdown(&[0], &briefings, &CrossRef::build(&briefings)));
    assert_eq!(r.html, Vec::<String>::new(), "no raw HTML");
    assert_eq!(r.code, 0, "no code spans or blocks");
    assert!(r.links.iter().all(|l| l == "hostile.md"), "{:?}", r.links);
    assert!(r.strong.iter().all(|s| s == "The values differ."), "{:?}", r.strong);
    assert!(r.emphasis.is_empty(), "{:?}", r.emphasis);
    let headings: Vec<(u8, &str)> = r.headings.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(headings[..3], [(1, "Briefings"), (2, "Contents"), (2, "Figures")]);
    assert_eq!(headings[3], (3, b.figures[0].unit.as_str()), "no subject: the unit alone");
    assert_eq!(headings.last(), Some(&(3, b.title.as_str())), "{headings:?}");
    let contents = &r.tables[0];
    assert!(contents.iter().all(|row| row.len() == 7), "{contents:?}");
    assert_eq!(contents[1][0], format!("{} (draft)", b.title));
    assert_eq!(contents[1][1], "Evil | Outlet");
    assert!(r.tables[1..].iter().flatten().all(|row| row.len() == 5), "{:?}", r.tables);
}
