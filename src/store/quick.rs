//! A fast reader for briefings written in plain TOML, tried before the full parser.
//!
//! Briefing files are mostly the same few shapes: `key = "string"`, numbers, arrays of strings, `[source]`
//! and `[[actor]]`-style headers, `[[claim.refs]]` under the last claim. This reads exactly that subset
//! (about 6x faster than `toml` with spans, whose per-file cost made a first run at 100,000 briefings
//! take 10 s of parsing) into a small tree, and makes the briefing of it with serde as the full parser
//! does. It answers only for a file it is sure of: anything outside the subset (quoted or dotted keys,
//! multi-line or escaped-oddly strings, inline tables, dates, comments inside arrays, a repeated key),
//! any type or consistency error, and a briefing that links an article all give `None`, and the full
//! parser reads the file and says what is wrong, exactly as before. So a file either loads here to the
//! same briefing the full parser makes (tests/quick_parse.rs compares them on random files), or the
//! full parser decides.

use std::ops::Range;

use serde::Deserialize;
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{IntoDeserializer, Visitor};

use super::{Placed, check_consistency, ref_paths};
use crate::diagnostic::Location;
use crate::model::{Briefing, SCHEMA_VERSION};
use crate::sanitize::{neutralize, neutralize_multiline};

/// The briefing of `text` and where its id and refs are, when `text` is plain TOML (see the module
/// documentation) that makes a briefing valid on its own without an article; otherwise `None`.
pub(super) fn parse(text: &str) -> Option<(Briefing, Placed)> {
    let mut root = Reader { text: text.as_bytes(), at: 0, depth: 0 }.document()?;
    if !matches!(root.get("schema"), Some(Value::Int(v)) if *v == i64::from(SCHEMA_VERSION)) {
        return None;
    }
    neutralize_table(&mut root, true);
    let id_span = root.span_of("id")?;
    let refs_at = refs_spans(&root);
    let briefing = Briefing::deserialize(Value::Table(root)).ok()?;
    if briefing.source.article.is_some() || !check_consistency(&briefing).is_empty() {
        return None;
    }
    let mut spans = refs_at.into_iter();
    let ref_locations = ref_paths(&briefing)
        .map(|(to, _)| Some((to.to_string(), Some(Location::from_span(text, spans.next()?)))))
        .collect::<Option<Vec<_>>>()?;
    let placed = Placed { id_location: Some(Location::from_span(text, id_span)), ref_locations };
    Some((briefing, placed))
}

/// The spans of every ref's `to`, in [`ref_paths`] order (figures, claims, questions; items in order).
fn refs_spans(root: &Table) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for section in ["figure", "claim", "question"] {
        let Some(Value::Tables(items)) = root.get(section) else { continue };
        for item in items {
            match item.get("refs") {
                Some(Value::Tables(refs)) => out.extend(refs.iter().filter_map(|r| r.span_of("to"))),
                Some(Value::Array(refs)) => out.extend(refs.iter().filter_map(|r| match r {
                    Value::Table(r) => r.span_of("to"),
                    _ => None,
                })),
                _ => {}
            }
        }
    }
    out
}

/// A value of the subset. Strings are decoded; `Tables` is an array of tables made by `[[headers]]`.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Array(Vec<Value>),
    Table(Table),
    Tables(Vec<Table>),
}

/// A table's entries in file order, each with the span of its value (as the full parser gives it).
#[derive(Debug, Clone, Default, PartialEq)]
struct Table {
    entries: Vec<(String, Value, Range<usize>)>,
}

impl Table {
    fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, ..)| k == key).map(|(_, v, _)| v)
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, ..)| k == key)
    }

    fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.entries.iter().find(|(k, ..)| k == key).map(|(.., span)| span.clone())
    }
}

/// Which table the keys being read go into.
#[derive(Clone, Copy)]
enum Current {
    Root,
    /// The `[name]` table at this entry of the root.
    Table(usize),
    /// The last table of the `[[name]]` array at this entry of the root.
    Last(usize),
    /// The last table of the `[[name.sub]]` array: entry `.1` of the last table of root entry `.0`.
    LastOfLast(usize, usize),
}

struct Reader<'t> {
    text: &'t [u8],
    at: usize,
    /// How many arrays and inline tables the reader is inside: deeper than [`MAX_DEPTH`] is left to the
    /// full parser (which refuses it without running out of stack).
    depth: usize,
}

/// Briefings nest an inline table in an array; nothing of theirs goes deeper.
const MAX_DEPTH: usize = 4;

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn document(&mut self) -> Option<Table> {
        let mut root = Table::default();
        let mut current = Current::Root;
        loop {
            self.skip_spaces();
            match self.peek() {
                None => return Some(root),
                Some(b'\n' | b'\r' | b'#') => {}
                Some(b'[') => current = self.header(&mut root)?,
                Some(_) => {
                    let (key, value, span) = self.key_value()?;
                    let table = table_of(&mut root, current)?;
                    if table.get(&key).is_some() {
                        return None;
                    }
                    table.entries.push((key, value, span));
                }
            }
            self.line_end()?;
        }
    }

    /// Spaces, an optional comment and the end of the line (or of the text).
    fn line_end(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            while let Some(b) = self.peek() {
                match b {
                    b'\n' | b'\r' => break,
                    b'\t' => {}
                    0..0x20 | 0x7f => return None,
                    _ => {}
                }
                self.at += 1;
            }
        }
        self.newline_or_end()
    }

    fn newline_or_end(&mut self) -> Option<()> {
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(b'\r') if self.text.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                Some(())
            }
            _ => None,
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// Spaces and line breaks, inside an array.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'\n' | b'\r') => self.newline_or_end()?,
                Some(b'#') => return None,
                _ => return Some(()),
            }
        }
    }

    fn bare_key(&mut self) -> Option<String> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
            self.at += 1;
        }
        (self.at > start).then(|| String::from_utf8_lossy(&self.text[start..self.at]).into_owned())
    }

    /// `[name]`, `[[name]]` or `[[name.sub]]`: the table the following keys go into.
    fn header(&mut self, root: &mut Table) -> Option<Current> {
        self.at += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.at += 1;
        }
        let name = self.bare_key()?;
        let sub = if array && self.peek() == Some(b'.') {
            self.at += 1;
            Some(self.bare_key()?)
        } else {
            None
        };
        for _ in 0..1 + usize::from(array) {
            if self.peek() != Some(b']') {
                return None;
            }
            self.at += 1;
        }
        let existing = root.position(&name);
        match (array, sub, existing) {
            (false, _, None) => {
                root.entries.push((name, Value::Table(Table::default()), 0..0));
                Some(Current::Table(root.entries.len() - 1))
            }
            (true, None, None) => {
                root.entries.push((name, Value::Tables(vec![Table::default()]), 0..0));
                Some(Current::Last(root.entries.len() - 1))
            }
            (true, None, Some(i)) => match &mut root.entries[i].1 {
                Value::Tables(tables) => {
                    tables.push(Table::default());
                    Some(Current::Last(i))
                }
                _ => None,
            },
            (true, Some(sub), Some(i)) => {
                let Value::Tables(tables) = &mut root.entries[i].1 else { return None };
                let parent = tables.last_mut()?;
                match parent.position(&sub) {
                    Some(j) => match &mut parent.entries[j].1 {
                        Value::Tables(subs) => {
                            subs.push(Table::default());
                            Some(Current::LastOfLast(i, j))
                        }
                        _ => None,
                    },
                    None => {
                        parent.entries.push((sub, Value::Tables(vec![Table::default()]), 0..0));
                        Some(Current::LastOfLast(i, parent.entries.len() - 1))
                    }
                }
            }
            _ => None,
        }
    }

    fn key_value(&mut self) -> Option<(String, Value, Range<usize>)> {
        let key = self.bare_key()?;
        self.skip_spaces();
        if self.peek() != Some(b'=') {
            return None;
        }
        self.at += 1;
        self.skip_spaces();
        let start = self.at;
        let value = self.value()?;
        Some((key, value, start..self.at))
    }

    fn value(&mut self) -> Option<Value> {
        match self.peek()? {
            b'"' => self.basic_string().map(Value::Str),
            b'\'' => self.literal_string().map(Value::Str),
            b'[' | b'{' if self.depth == MAX_DEPTH => None,
            b'[' | b'{' => {
                self.depth += 1;
                let value = if self.peek() == Some(b'[') { self.array() } else { self.inline_table() };
                self.depth -= 1;
                value
            }
            _ => self.scalar(),
        }
    }

    fn array(&mut self) -> Option<Value> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek() == Some(b']') {
                self.at += 1;
                return Some(Value::Array(items));
            }
            items.push(self.value()?);
            self.skip_blank()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {}
                _ => return None,
            }
        }
    }

    /// `{ key = value, ... }` on one line, as TOML 1.0 has it (no line break, no comma after the last).
    fn inline_table(&mut self) -> Option<Value> {
        self.at += 1;
        let mut table = Table::default();
        self.skip_spaces();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Value::Table(table));
        }
        loop {
            self.skip_spaces();
            let (key, value, span) = self.key_value()?;
            if table.get(&key).is_some() {
                return None;
            }
            table.entries.push((key, value, span));
            self.skip_spaces();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(Value::Table(table));
                }
                _ => return None,
            }
        }
    }

    /// A `"string"` on one line, with the escapes of TOML 1.0; or a `"""string"""` that stays on one line
    /// (`toml` writes those for text with both kinds of quote).
    fn basic_string(&mut self) -> Option<String> {
        let multi = self.text[self.at..].starts_with(b"\"\"\"");
        self.at += if multi { 3 } else { 1 };
        let mut out = Vec::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.text.get(self.at)
                && b != b'"'
                && b != b'\\'
                && !is_control(b)
            {
                self.at += 1;
            }
            out.extend_from_slice(&self.text[start..self.at]);
            match self.peek()? {
                b'"' if multi => {
                    // One or two quotes are text; three end the string, after up to two that are text.
                    let quotes = self.text[self.at..].iter().take_while(|&&b| b == b'"').count();
                    self.at += quotes;
                    match quotes {
                        1 | 2 => out.resize(out.len() + quotes, b'"'),
                        3..=5 => {
                            out.resize(out.len() + quotes - 3, b'"');
                            return String::from_utf8(out).ok();
                        }
                        _ => return None,
                    }
                }
                b'"' => {
                    self.at += 1;
                    return String::from_utf8(out).ok();
                }
                b'\\' => {
                    let escaped = match *self.text.get(self.at + 1)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => self.hex_char(4)?,
                        b'U' => self.hex_char(8)?,
                        _ => return None,
                    };
                    self.at += 2;
                    let mut buf = [0; 4];
                    out.extend_from_slice(escaped.encode_utf8(&mut buf).as_bytes());
                }
                _ => return None,
            }
        }
    }

    /// The character of the `digits` hex digits after `\u` or `\U` (the reader stays at the `\`, and is
    /// moved past the digits).
    fn hex_char(&mut self, digits: usize) -> Option<char> {
        let hex = self.text.get(self.at + 2..self.at + 2 + digits)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        self.at += digits;
        char::from_u32(code)
    }

    fn literal_string(&mut self) -> Option<String> {
        if self.text[self.at..].starts_with(b"'''") {
            return None;
        }
        self.at += 1;
        let start = self.at;
        while let Some(&b) = self.text.get(self.at)
            && b != b'\''
        {
            if is_control(b) {
                return None;
            }
            self.at += 1;
        }
        self.peek()?;
        let text = String::from_utf8(self.text[start..self.at].to_vec()).ok();
        self.at += 1;
        text
    }

    /// A boolean, a decimal integer or a plain float; anything else (dates, hex, `inf`, underscores) is
    /// outside the subset.
    fn scalar(&mut self) -> Option<Value> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.')) {
            self.at += 1;
        }
        let token = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        match token {
            "true" => return Some(Value::Bool(true)),
            "false" => return Some(Value::Bool(false)),
            _ => {}
        }
        let digits = token.strip_prefix('-').unwrap_or(token);
        let (whole, rest) = digits.split_at(digits.find(['.', 'e', 'E']).unwrap_or(digits.len()));
        let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !plain(whole) || (whole.len() > 1 && whole.starts_with('0')) {
            return None;
        }
        if rest.is_empty() {
            return token.parse().ok().map(Value::Int);
        }
        let (fraction, exponent) = rest.split_at(rest.find(['e', 'E']).unwrap_or(rest.len()));
        let fraction_ok = fraction.is_empty() || fraction.strip_prefix('.').is_some_and(plain);
        let exponent_ok = exponent.is_empty() || {
            let e = &exponent[1..];
            plain(e.strip_prefix(['+', '-']).unwrap_or(e))
        };
        if !fraction_ok || !exponent_ok {
            return None;
        }
        token.parse::<f64>().ok().filter(|f| f.is_finite()).map(Value::Float)
    }
}

/// A control character TOML does not allow raw in a string or comment (a tab is allowed).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

fn table_of(root: &mut Table, current: Current) -> Option<&mut Table> {
    fn last(value: &mut Value) -> Option<&mut Table> {
        match value {
            Value::Tables(tables) => tables.last_mut(),
            _ => None,
        }
    }
    match current {
        Current::Root => Some(root),
        Current::Table(i) => match &mut root.entries[i].1 {
            Value::Table(table) => Some(table),
            _ => None,
        },
        Current::Last(i) => last(&mut root.entries[i].1),
        Current::LastOfLast(i, j) => last(&mut last(&mut root.entries[i].1)?.entries.get_mut(j)?.1),
    }
}

/// Replaces control characters in every string, as the full parser does: only the top-level `summary`
/// keeps its line breaks.
fn neutralize_table(table: &mut Table, top_level: bool) {
    for (key, value, _) in &mut table.entries {
        neutralize_value(value, top_level && key == "summary");
    }
}

fn neutralize_value(value: &mut Value, keep_newlines: bool) {
    match value {
        Value::Str(s) => {
            let clean = if keep_newlines { neutralize_multiline(s) } else { neutralize(s) };
            if let std::borrow::Cow::Owned(clean) = clean {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| neutralize_value(v, false)),
        Value::Table(table) => neutralize_table(table, false),
        Value::Tables(tables) => tables.iter_mut().for_each(|t| neutralize_table(t, false)),
        _ => {}
    }
}

/// Why serde could not make a briefing of the tree: not kept, as the full parser then says it properly.
#[derive(Debug)]
struct Rejected;

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a briefing")
    }
}

impl std::error::Error for Rejected {}

impl serde::de::Error for Rejected {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Rejected
    }
}

impl<'de> IntoDeserializer<'de, Rejected> for Value {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        self
    }
}

impl<'de> IntoDeserializer<'de, Rejected> for Table {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        Value::Table(self)
    }
}

/// The tree as serde sees TOML's: a string, integer, float, boolean, sequence or map; an option is
/// present when its key is; an enum is its variant's name.
impl<'de> serde::Deserializer<'de> for Value {
    type Error = Rejected;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Rejected> {
        match self {
            Value::Str(s) => visitor.visit_string(s),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Float(f) => visitor.visit_f64(f),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Array(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Value::Tables(tables) => visitor.visit_seq(SeqDeserializer::new(tables.into_iter())),
            Value::Table(table) => {
                visitor.visit_map(MapDeserializer::new(table.entries.into_iter().map(|(k, v, _)| (k, v))))
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Rejected> {
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Rejected> {
        match self {
            Value::Str(s) => visitor.visit_enum(s.into_deserializer()),
            _ => Err(Rejected),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_briefing;
    use proptest::prelude::*;
    use std::path::Path;

    /// What the full parser makes of `text`: the briefing and its places, if it loads with no diagnostic.
    fn full(text: &str) -> Option<(Briefing, Placed)> {
        let (mut diagnostics, mut article) = (Vec::new(), None);
        let parsed = parse_briefing(Path::new("folder/b.toml"), text, &mut diagnostics, &mut article);
        parsed.filter(|_| diagnostics.is_empty()).map(|(entry, placed)| (entry.briefing, placed))
    }

    /// The seed files as written (multi-line strings, articles: the full parser's), as written without
    /// their article (inline tables), and each seed written out again as `toml` and `gen_corpus` write briefings, without its article, with a ref
    /// under a claim and a figure, and with escapes and accents in its strings.
    fn texts() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let mut texts = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let (mut diagnostics, mut article) = (Vec::new(), None);
            let (entry, _) =
                parse_briefing(&path, &text, &mut diagnostics, &mut article).expect("a seed loads");
            let mut briefing = entry.briefing;
            // As written without its article: inline tables, multi-line strings.
            texts.push(text.lines().filter(|l| !l.starts_with("article =")).collect::<Vec<_>>().join("\n"));
            texts.push(text);
            briefing.source.article = None;
            briefing.title.push_str(" \u{1}\tÜnïcödé — x");
            briefing.summary = briefing.summary.replace('\n', " ");
            if let Some(claim) = briefing.claims.first_mut() {
                claim.refs.push(crate::model::Ref {
                    to: "other-briefing#claim-1".into(),
                    relation: crate::model::Relation::Contradicts,
                });
            }
            texts.push(toml::to_string(&briefing).unwrap());
        }
        texts
    }

    #[test]
    fn reads_what_the_full_parser_reads_the_same_way() {
        let texts = texts();
        let mut quick = 0;
        for text in &texts {
            if let Some(fast) = parse(text) {
                assert_eq!(Some(&fast), full(text).as_ref(), "{text}");
                quick += 1;
            }
        }
        // Every seed written out again is read here (a third of the texts), and some as written.
        assert!(quick > texts.len() / 3, "{quick} of {}", texts.len());
    }

    /// A small change to a briefing's text: a piece of TOML syntax, an escape or a character that must be
    /// escaped, put in at some point, or a stretch taken out.
    fn edited() -> impl Strategy<Value = String> {
        let pieces = vec![
            "\"",
            "\\",
            "\n",
            "\\u00e9",
            "\\uD800",
            "\\x41",
            "'",
            "#",
            "=",
            "[",
            "]",
            "[[",
            ".",
            ",",
            " ",
            "\t",
            "\r",
            "\u{7f}",
            "\u{1b}",
            "1",
            "-",
            "+",
            "e",
            "_",
            "é",
            "\u{202e}",
            "\"\"\"",
            "true",
            "{",
            "}",
            "\nid = \"x\"\n",
            "\n[source]\n",
            "\n[[claim]]\n",
            "\n[[claim.refs]]\n",
            "x = 1\n",
        ];
        let text_count = texts().len();
        (
            0..text_count,
            prop::collection::vec(
                (any::<prop::sample::Index>(), prop::sample::select(pieces), 0..3usize),
                1..4,
            ),
        )
            .prop_map(|(which, edits)| {
                let mut text = texts()[which].clone();
                for (at, piece, cut) in edits {
                    let mut at = at.index(text.len() + 1);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    let mut end = (at + cut).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, piece);
                }
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn what_it_reads_the_full_parser_reads_the_same_way(text in edited()) {
            if let Some(fast) = parse(&text) {
                prop_assert_eq!(Some(fast), full(&text));
            }
        }
    }

    #[test]
    fn reads_the_subset_and_refuses_what_is_outside_it() {
        let ok = "schema = 1\nid = \"a\"\n";
        assert!(Reader { text: ok.as_bytes(), at: 0, depth: 0 }.document().is_some());
        for outside in [
            "a = \"\"\"x\ny\"\"\"\n",
            "a = \"\"\"x\"\"\"\"\"\"\n",
            "a = 1979-05-27\n",
            "a = { b = 1, }\n",
            "a = { b = 1,\n c = 2 }\n",
            "a.b = 1\n",
            "\"a\" = 1\n",
            "a = 1\na = 2\n",
            "[s]\n[s]\n",
            "a = [1, # c\n]\n",
            "a = \"\\e\"\n",
            "a = 0x10\n",
            "a = 1_000\n",
            "a = 01\n",
            "a = inf\n",
            "a = \"x\ny\"\n",
            "a = 1 b = 2\n",
            "a = 1\rb = 2\n",
            "[[a.b.c]]\n",
            "a = [[[[[1]]]]]\n",
        ] {
            assert!(Reader { text: outside.as_bytes(), at: 0, depth: 0 }.document().is_none(), "{outside:?}");
        }
    }
}
