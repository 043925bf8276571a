//! Splitting paragraphs into sentences, minding abbreviations ("U.S.", "Dec. 9", "Gen. Smith"), initials,
//! decimals and closing quotes. A sentence never spans paragraphs, and an endless one (a text without
//! punctuation) is cut at a word boundary so no single "sentence" grows without bound.

use std::ops::Range;

use super::lexicon::Lexicon;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the cleaned text.
    pub range: Range<usize>,
    pub paragraph: usize,
}

/// A sentence longer than this is cut at the last space before it.
pub const MAX_SENTENCE_BYTES: usize = 1200;

/// Abbreviations after which a full stop never ends a sentence (titles before names).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "sen", "rep", "gov",
    "st", "rev", "hon", "messrs", "maj", "brig", "supt", "insp", "pres", "amb",
];
/// Abbreviations after which a full stop ends a sentence only when a typical sentence opener follows.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol",
    "vs", "inc", "corp", "co", "ltd", "dept", "est", "approx", "fig", "jr", "sr", "etc", "al", "ft", "mt",
];

pub fn split(text: &str, paragraphs: &[Range<usize>], gaz: &Lexicon) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, p) in paragraphs.iter().enumerate() {
        let para = &text[p.clone()];
        let mut start = 0;
        for end in boundaries(para, gaz).into_iter().chain(std::iter::once(para.len())) {
            push_sentence(&mut out, para, start..end, p.start, index);
            start = end;
        }
    }
    out
}

/// Adds the sentence (trimmed, cut when too long) unless it has no letters or digits.
fn push_sentence(out: &mut Vec<Sentence>, para: &str, range: Range<usize>, offset: usize, paragraph: usize) {
    let mut range = trim(para, range);
    while range.len() > MAX_SENTENCE_BYTES {
        let mut cut = range.start + MAX_SENTENCE_BYTES;
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = para[range.start..cut].rfind(' ').map_or(cut, |i| range.start + i);
        let cut = if cut == range.start {
            range.start + floor_boundary(para, range.start + MAX_SENTENCE_BYTES)
        } else {
            cut
        };
        let piece = trim(para, range.start..cut);
        if para[piece.clone()].chars().any(char::is_alphanumeric) {
            out.push(Sentence { range: piece.start + offset..piece.end + offset, paragraph });
        }
        range = trim(para, cut..range.end);
    }
    if para[range.clone()].chars().any(char::is_alphanumeric) {
        out.push(Sentence { range: range.start + offset..range.end + offset, paragraph });
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// Byte offsets (in the paragraph) where a sentence ends.
fn boundaries(para: &str, gaz: &Lexicon) -> Vec<usize> {
    let mut out = Vec::new();
    for (at, c) in para.char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let rest = &para[at + c.len_utf8()..];
        let end = at + c.len_utf8() + (rest.len() - rest.trim_start_matches(CLOSERS).len());
        // A boundary needs a space, then a capital, a digit or an opening quote.
        let after = &para[end..];
        if !after.starts_with(char::is_whitespace) {
            // "their homes.Immediately after", "centre said..“The current": a full stop glued to the next
            // sentence, where a lower-case word ends and a capitalised word or an opening quote starts.
            if c == '.' && glued_boundary(para, at, end) {
                out.push(end);
            }
            continue;
        }
        let next_at = para.len() - after.trim_start().len();
        let Some(next) = para[next_at..].chars().next() else { continue };
        if !(next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next)) {
            continue;
        }
        if c == '.' && !ends_after_abbreviation(para, at, next_at, gaz) {
            continue;
        }
        out.push(end);
    }
    out
}

/// Whether the full stop at `dot`, with no space after it, still ends a sentence: the word before is a
/// lower-case word of three letters or more (not a domain or an initialism), and an opening quotation mark or
/// a capitalised word of two letters or more follows.
fn glued_boundary(para: &str, dot: usize, end: usize) -> bool {
    let reversed: String = para[..dot].chars().rev().take_while(|c| c.is_alphabetic() || *c == '.').collect();
    let before: String = reversed.chars().rev().collect();
    let word = before.trim_end_matches('.');
    let lower_word = word.chars().count() >= 3 && word.chars().all(char::is_lowercase);
    let after = &para[end..];
    let unquoted = after.trim_start_matches(['“', '"']);
    let opening_quote = unquoted.len() < after.len() && unquoted.starts_with(char::is_uppercase);
    let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let capitalised = next_word.chars().count() >= 2
        && next_word.starts_with(char::is_uppercase)
        && next_word.chars().skip(1).all(char::is_lowercase);
    // "per the Associated Press.“Currently": after a capitalised word only a curly opening mark is sure.
    let name_word = word.chars().count() >= 3
        && word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase);
    let curly_opening = after.starts_with('“') && unquoted.starts_with(char::is_uppercase);
    lower_word && (opening_quote || capitalised) || name_word && curly_opening
}

/// Whether the full stop at `dot` ends the sentence, given the word before it and the word at `next`.
fn ends_after_abbreviation(para: &str, dot: usize, next: usize, gaz: &Lexicon) -> bool {
    let before = &para[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = before[word_start..].to_lowercase();
    let next_word: String = para[next..]
        .chars()
        .skip_while(|c| OPENERS.contains(c))
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect::<String>()
        .to_lowercase();
    let opener_follows = gaz.is_stop(&next_word);
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        // An initial ("John F. Kennedy") unless a sentence clearly starts.
        return opener_follows && word.chars().all(char::is_lowercase);
    }
    if TITLE_ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    let initialism = word.contains('.') && word.chars().any(char::is_alphabetic);
    if initialism || OTHER_ABBREVIATIONS.contains(&word.as_str()) {
        return opener_follows;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::lexicon;

    fn sentences(text: &str) -> Vec<&str> {
        let paragraphs: Vec<Range<usize>> = {
            let mut at = 0;
            text.split('\n')
                .map(|p| {
                    let r = at..at + p.len();
                    at += p.len() + 1;
                    r
                })
                .collect()
        };
        split(text, &paragraphs, lexicon::get()).into_iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn abbreviations_initials_and_quotes() {
        assert_eq!(
            sentences(
                "The U.S. Treasury acted on Dec. 9 with Gen. Smith. “It works,” he said. Sales rose 1.6 percent!"
            ),
            [
                "The U.S. Treasury acted on Dec. 9 with Gen. Smith.",
                "“It works,” he said.",
                "Sales rose 1.6 percent!"
            ]
        );
        assert_eq!(
            sentences("He met John F. Kennedy in the U.S. The talks failed.\nNew paragraph here."),
            ["He met John F. Kennedy in the U.S.", "The talks failed.", "New paragraph here."]
        );
        assert_eq!(
            sentences("He added a warning. “And of course, we’ll act.”"),
            ["He added a warning.", "“And of course, we’ll act.”"]
        );
        // Glued to the next sentence: after a lower-case word, or a name before a curly opening mark.
        assert_eq!(
            sentences("They fled their homes.Soon after, it said, per the Harbour Post.“Roads are shut.”"),
            ["They fled their homes.", "Soon after, it said, per the Harbour Post.", "“Roads are shut.”"]
        );
        assert_eq!(sentences("She works at Acme.Com today."), ["She works at Acme.Com today."]);
    }

    #[test]
    fn endless_text_is_cut_at_word_boundaries() {
        let text = "word ".repeat(1000);
        let text = text.trim_end();
        let parts = sentences(text);
        assert!(parts.len() >= 4);
        assert!(parts.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES && !p.starts_with(' ')));
        let one_word = "é".repeat(2000);
        assert!(sentences(&one_word).iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    }
}
