//! Word wrapping measured the way ratatui draws, and the shown text kept wrapped between frames.
//!
//! [`wrap`] breaks text where textwrap would (Unicode line-break opportunities, after hyphens inside
//! words, optimal fit), but measures every piece per grapheme cluster with ratatui's own cell width, so
//! Korean names, emoji sequences (ZWJ, variation selectors) and combining marks take on screen exactly
//! the cells the wrap counted. It returns byte ranges, so a line is a slice of its paragraph and search
//! matches found in the whole paragraph (phrases across a line break too) map onto the lines.
//!
//! [`WrappedText`] holds paragraphs wrapped for one width with the matches of one query. `update` sets it
//! after every action (see `panes::rewrap`); it wraps again only when the text, the width or the query
//! differ from what it holds, and a frame draws only the slice of lines in view.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::CellWidth;
use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word};
use textwrap::word_splitters::{WordSplitter, split_words};
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_segmentation::UnicodeSegmentation;

use crate::search::Query;

/// Cells `text` takes on screen, counted as ratatui's buffer counts them: per grapheme cluster, control
/// characters dropped.
pub fn cells(text: &str) -> usize {
    // Most words are ASCII: one cell per printable character.
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    text.graphemes(true).filter(|g| !g.contains(char::is_control)).map(|g| usize::from(g.cell_width())).sum()
}

/// Wraps `text` to `width` cells on word boundaries. Returns the byte range of each line; trailing
/// spaces are left out, a `\n` always breaks, and a word wider than the line is cut between graphemes.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        wrap_line(line, width, offset, &mut lines);
        offset += line.len() + 1;
    }
    lines
}

/// A word (or part of one) with its trailing whitespace, as textwrap's wrapping algorithms see it.
#[derive(Debug)]
struct Piece {
    /// Byte range of the word without its whitespace, in the line.
    word: Range<usize>,
    width: f64,
    whitespace: f64,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width
    }

    fn whitespace_width(&self) -> f64 {
        self.whitespace
    }

    // Words split after a hyphen keep it, and words cut for being too wide get none: nothing is added.
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

fn wrap_line(line: &str, width: usize, offset: usize, lines: &mut Vec<Range<usize>>) {
    // Fewer bytes than cells never happens, so a line this short fits (textwrap's own shortcut).
    if line.len() < width {
        lines.push(offset..offset + line.trim_end_matches(' ').len());
        return;
    }
    let mut pieces = Vec::new();
    let mut at = 0;
    for word in split_words(words(line), &WordSplitter::HyphenSplitter) {
        let whitespace = cells(word.whitespace) as f64;
        let word_width = cells(word.word);
        if word_width <= width {
            pieces.push(Piece { word: at..at + word.word.len(), width: word_width as f64, whitespace });
        } else {
            cut(word.word, at, width, &mut pieces);
            if let Some(last) = pieces.last_mut() {
                last.whitespace = whitespace;
            }
        }
        at += word.word.len() + word.whitespace.len();
    }
    let widths = [width as f64];
    let wrapped = wrap_optimal_fit(&pieces, &widths, &Penalties::new())
        .unwrap_or_else(|_| wrap_first_fit(&pieces, &widths));
    for line_pieces in wrapped {
        match (line_pieces.first(), line_pieces.last()) {
            (Some(first), Some(last)) => lines.push(offset + first.word.start..offset + last.word.end),
            _ => lines.push(offset..offset),
        }
    }
}

/// The words of a line at its Unicode line-break opportunities, except that a Korean word stays whole:
/// Korean is written with spaces between words, and (as CSS `word-break: keep-all`) it breaks there, not
/// between the syllables of a name.
fn words(line: &str) -> Vec<Word<'_>> {
    let hangul = |c: Option<char>| {
        c.is_some_and(|c| {
            matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{A960}'..='\u{A97F}'
                | '\u{AC00}'..='\u{D7AF}' | '\u{D7B0}'..='\u{D7FF}')
        })
    };
    let mut words: Vec<Word> = Vec::new();
    let (mut last_start, mut at) = (0, 0);
    for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
        let end = at + word.word.len() + word.whitespace.len();
        match words.last_mut() {
            Some(last)
                if last.whitespace.is_empty()
                    && hangul(last.word.chars().next_back())
                    && hangul(word.word.chars().next()) =>
            {
                *last = Word::from(&line[last_start..end]);
            }
            _ => {
                last_start = at;
                words.push(word);
            }
        }
        at = end;
    }
    words
}

/// Cuts a word wider than the line into pieces of at most `width` cells, between grapheme clusters (a
/// single grapheme wider than the line gets a piece of its own).
fn cut(word: &str, start: usize, width: usize, pieces: &mut Vec<Piece>) {
    let mut piece_start = 0;
    let mut used = 0;
    for (i, grapheme) in word.grapheme_indices(true) {
        let w = cells(grapheme);
        if used + w > width && used > 0 {
            pieces.push(Piece { word: start + piece_start..start + i, width: used as f64, whitespace: 0.0 });
            piece_start = i;
            used = 0;
        }
        used += w;
    }
    pieces.push(Piece { word: start + piece_start..start + word.len(), width: used as f64, whitespace: 0.0 });
}

/// The text of the shown pane wrapped ahead of drawing (by `panes::rewrap`, from `update`), so that a
/// frame only slices the lines in view.
#[derive(Debug, Default)]
pub struct Wrapped {
    pub summary: WrappedText,
    /// The detail box of the selected item.
    pub detail: WrappedText,
    /// The selected link's item in the cross-reference list, in full.
    pub xref: WrappedText,
}

/// How a line is drawn; the view turns it into a style with the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Heading,
    Dim,
}

/// A paragraph to show wrapped, and whether the search's matches are highlighted in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Para<'a> {
    pub text: Cow<'a, str>,
    pub tone: Tone,
    pub searched: bool,
}

impl<'a> Para<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>, tone: Tone, searched: bool) -> Para<'a> {
        Para { text: text.into(), tone, searched }
    }
}

/// A line of a [`WrappedText`]: which paragraph, which bytes of it, and the matches in it (relative to
/// the line).
#[derive(Debug, Clone, PartialEq)]
struct Line {
    para: usize,
    bytes: Range<usize>,
    marks: Vec<Range<usize>>,
}

/// A line ready to draw.
pub struct Shown<'a> {
    pub text: &'a str,
    pub tone: Tone,
    pub marks: &'a [Range<usize>],
}

/// Paragraphs wrapped to a width with the matches of a query, kept until one of the three changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WrappedText {
    paras: Vec<Para<'static>>,
    width: usize,
    query: Option<Query>,
    lines: Vec<Line>,
}

impl WrappedText {
    /// Makes this the text of `paras` wrapped to `width` with `query`'s matches. Wraps again only if
    /// something differs from what it holds; returns whether it did.
    pub fn set(&mut self, paras: Vec<Para<'_>>, width: usize, query: Option<&Query>) -> bool {
        if self.width == width && self.query.as_ref() == query && self.paras == paras {
            return false;
        }
        self.paras = paras.into_iter().map(|p| Para { text: Cow::Owned(p.text.into_owned()), ..p }).collect();
        self.width = width;
        self.query = query.cloned();
        self.lines.clear();
        for (index, para) in self.paras.iter().enumerate() {
            let matches = match (&self.query, para.searched) {
                (Some(query), true) => query.highlight(&para.text),
                _ => Vec::new(),
            };
            for bytes in wrap(&para.text, width) {
                let marks = matches
                    .iter()
                    .filter(|m| m.start < bytes.end && m.end > bytes.start)
                    .map(|m| m.start.max(bytes.start) - bytes.start..m.end.min(bytes.end) - bytes.start)
                    .collect();
                self.lines.push(Line { para: index, bytes, marks });
            }
        }
        true
    }

    /// How many lines the text takes.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Up to `count` lines from line `first` on.
    pub fn lines(&self, first: usize, count: usize) -> impl Iterator<Item = Shown<'_>> {
        self.lines.iter().skip(first).take(count).map(|line| {
            let para = &self.paras[line.para];
            Shown { text: &para.text[line.bytes.clone()], tone: para.tone, marks: &line.marks }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    /// Where a character is one cell per char, the breaks are textwrap's own: the seed texts wrap as
    /// they always did.
    #[test]
    fn breaks_like_textwrap_on_text_one_cell_a_char() {
        let mut texts: Vec<String> = vec![
            "Kim Jong-Un met Vladimir Putin at the Vostochny Cosmodrome — a well-known launch site.".into(),
            "  leading spaces, trailing spaces   ".into(),
            "a\nhard\n\nbreaks".into(),
            "averyveryverylongwordthatcannotfitanywhere and then some short ones".into(),
            "Zürich, Kyiv (Київ), Brasília: “curly quotes” and ‘single’ ones.".into(),
            String::new(),
        ];
        for dir in ["briefings", "assets/articles"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                texts.extend(
                    std::fs::read_to_string(entry.unwrap().path()).unwrap().lines().map(String::from),
                );
            }
        }
        for text in &texts {
            for width in [1, 2, 5, 13, 20, 37, 54, 80, 118] {
                let ours = lines(text, width);
                let theirs: Vec<String> =
                    textwrap::wrap(text, width).into_iter().map(|l| l.into_owned()).collect();
                assert_eq!(ours, theirs, "width {width}: {text:?}");
            }
        }
    }

    #[test]
    fn wide_and_combining_characters_take_the_cells_ratatui_draws() {
        // Hangul syllables take two cells each.
        let korean = "김정은 위원장과 푸틴 대통령이 만났다";
        for line in lines(korean, 10) {
            assert!(cells(line) <= 10, "{line:?}");
        }
        assert_eq!(lines(korean, 10), ["김정은", "위원장과", "푸틴", "대통령이", "만났다"]);
        // A heart with the emoji presentation selector takes two cells, not one: it must not be put on a
        // line that has a single cell left.
        assert_eq!(cells("❤\u{fe0f}"), 2);
        assert_eq!(lines("abc ❤\u{fe0f}", 5), ["abc", "❤\u{fe0f}"]);
        // A family emoji is one two-cell grapheme, not three emoji and two joiners.
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(cells(family), 2);
        assert_eq!(lines(&format!("ab {family} cd"), 5), [format!("ab {family}"), "cd".to_string()]);
        // Combining marks take no cell of their own.
        let decomposed = "Sergei Sho\u{301}igu";
        assert_eq!(cells(decomposed), 13);
        assert_eq!(cells("plain\tASCII"), 10, "control characters are not drawn");
        assert_eq!(lines(decomposed, 13), [decomposed]);
    }

    #[test]
    fn words_wider_than_the_line_are_cut_between_graphemes() {
        assert_eq!(lines("김정은위원장", 5), ["김정", "은위", "원장"]);
        assert_eq!(lines("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        // A two-cell grapheme on a one-cell line still shows (ratatui decides what fits).
        assert_eq!(lines("김정", 1), ["김", "정"]);
    }

    fn query(text: &str) -> Query {
        let store = crate::store::Store::load(std::path::Path::new("briefings")).unwrap();
        let briefings = store.briefings();
        let xref = crate::xref::CrossRef::build(&briefings);
        crate::search::SearchIndex::build(&briefings, xref.registry()).parse(text).unwrap()
    }

    #[test]
    fn matches_are_found_in_the_paragraph_and_split_across_lines() {
        let mut text = WrappedText::default();
        let paras = vec![
            Para::new("Seoul says artillery shells crossed the border", Tone::Plain, true),
            Para::new("artillery shells", Tone::Heading, false),
        ];
        let phrase = query("\"artillery shells\"");
        assert!(text.set(paras.clone(), 20, Some(&phrase)));
        let shown: Vec<(String, Vec<String>)> = text
            .lines(0, 10)
            .map(|l| (l.text.to_string(), l.marks.iter().map(|m| l.text[m.clone()].to_string()).collect()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Seoul says artillery".to_string(), vec!["artillery".to_string()]),
                ("shells crossed the".to_string(), vec!["shells".to_string()]),
                ("border".to_string(), vec![]),
                ("artillery shells".to_string(), vec![]),
            ]
        );
        assert!(!text.set(paras.clone(), 20, Some(&phrase)), "the same text, width and query: kept");
        assert!(text.set(paras.clone(), 30, Some(&phrase)), "another width: wrapped again");
        assert!(text.set(paras.clone(), 30, None), "no query: wrapped again without marks");
        assert!(text.lines(0, 10).all(|l| l.marks.is_empty()));
        let mut edited = paras;
        edited[0].text = "Seoul says shells".into();
        assert!(text.set(edited, 30, None), "other text: wrapped again");
        assert_eq!(text.len(), 2);
        assert_eq!(text.lines(1, 5).map(|l| l.tone).collect::<Vec<_>>(), [Tone::Heading]);
    }
}
