//! Character folding shared by everything that compares text: search, the actor registry, cross-references.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds typographic variants to ASCII (curly quotes, dashes) and strips accents ("é" → "e"), one
/// character at a time, so byte offsets of the original text stay easy to track.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        '‘' | '’' | 'ʼ' | '′' => '\'',
        '“' | '”' | '″' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
        '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
        // An accented letter decomposes into its base letter and combining marks; Hangul syllables also
        // decompose (into jamo), but those are letters, not marks, and stay whole.
        _ => {
            let mut parts = c.nfd();
            let base = parts.next().unwrap_or(c);
            if parts.all(is_combining_mark) { base } else { c }
        }
    }
}

/// Numbers written as one word, with their values: the one table that search (numbers by value) and
/// convert (figures) both read.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// Words that multiply the number before them ("1.6 million").
pub const SCALE_WORDS: &[(&str, f64)] =
    &[("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// The value of a number written as one word ("twelve" → 12), folded to lower case.
pub fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// The multiplier of a scale word ("million" → 1e6), folded to lower case.
pub fn scale_word(word: &str) -> Option<f64> {
    SCALE_WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// How many term numbers two sorted lists without repeats share (a merge, linear in both).
pub fn shared_terms(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_original_ranges_and_fold_possessives_and_plurals() {
        let text = "North Korea’s “shells”, 김정은 and countries";
        let ws = words(text);
        let folded: Vec<&str> = ws.iter().map(|w| stem(&w.folded)).collect();
        assert_eq!(folded, ["north", "korea", "shell", "김정은", "and", "countr"]);
        assert_eq!(&text[ws[1].range.clone()], "Korea’s");
        assert_eq!(&text[ws[3].range.clone()], "김정은");
        assert_eq!(stem("country"), stem("countries"));
        assert_eq!(stem("press"), "press");
    }

    #[test]
    fn folds_accents_quotes_and_dashes_but_keeps_other_scripts() {
        let folded: String = "Zemliánichenko’s – “São” 김정은".chars().map(fold_char).collect();
        assert_eq!(folded, "Zemlianichenko's - \"Sao\" 김정은");
    }
}

/// A word of a text: its byte range in the original and its folded, lowercased form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub range: std::ops::Range<usize>,
    pub folded: String,
}

/// Splits text into words (runs of letters and digits; `'` inside a word is kept so possessives can be
/// folded), folding case, accents and typographic quotes.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    scan_words(text, |range, folded| out.push(Word { range, folded: folded.to_string() }));
    out
}

/// The streaming form of [`words`], which allocates nothing per word: calls `each` with the byte range
/// and folded form of every word. A `.` or `,` between digits stays inside the word, so numbers come
/// whole ("1.6", "1,000,000").
pub fn scan_words(text: &str, mut each: impl FnMut(std::ops::Range<usize>, &str)) {
    let bytes = text.as_bytes();
    let mut folded = String::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut i = 0;
    // The folded form of the character at `at`, looked at only after `'`, `.` and `,`.
    let folded_at = |at: usize| -> Option<char> {
        match bytes.get(at) {
            Some(b) if b.is_ascii() => Some(char::from(*b)),
            Some(_) => text[at..].chars().next().map(fold_char),
            None => None,
        }
    };
    while i < bytes.len() {
        let byte = bytes[i];
        // Most text is ASCII: its bytes need no decoding and no folding.
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits is copied and lowercased at once.
                start.get_or_insert(i);
                let run =
                    bytes[i..].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len() - i);
                let from = folded.len();
                folded.push_str(&text[i..i + run]);
                folded[from..].make_ascii_lowercase();
                end = i + run;
                i += run;
                continue;
            } else if start.is_some() && joins_word(byte, &folded, folded_at(i + 1)) {
                folded.push(char::from(byte));
                end = i + 1;
            } else if let Some(s) = start.take() {
                each(s..end, &folded);
                folded.clear();
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        let len = c.len_utf8();
        let f = fold_char(c);
        let joins = start.is_some() && f.is_ascii() && joins_word(f as u8, &folded, folded_at(i + len));
        if f.is_alphanumeric() || joins {
            start.get_or_insert(i);
            if f.is_ascii() {
                folded.push(f.to_ascii_lowercase());
            } else {
                folded.extend(f.to_lowercase());
            }
            end = i + len;
        } else if let Some(s) = start.take() {
            each(s..end, &folded);
            folded.clear();
        }
        i += len;
    }
    if let Some(s) = start {
        each(s..end, &folded);
    }
}

/// Whether a (folded) punctuation byte inside a word keeps the word going: `'` before a letter or digit
/// (possessives), `.` or `,` between digits (numbers).
fn joins_word(byte: u8, folded: &str, next: Option<char>) -> bool {
    match byte {
        b'\'' => next.is_some_and(char::is_alphanumeric),
        b'.' | b',' => {
            folded.ends_with(|d: char| d.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
        }
        _ => false,
    }
}

/// Folds a lowercased word to a shared stem: possessives ("korea's" → korea) and regular plurals
/// ("shells" → shell; "countries" and "country" → "countr"), leaving words that only look plural
/// ("press", "us").
pub fn stem(word: &str) -> &str {
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word);
    if word.len() <= 3
        || !word.is_ascii()
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
    {
        return word;
    }
    if let Some(base) = word.strip_suffix("ies") {
        return base;
    }
    if let Some(base) = word.strip_suffix('y') {
        // The singular must meet its plural: "country" and "countries" both become "countr".
        return if base.ends_with(['a', 'e', 'o', 'u']) { word } else { base };
    }
    word.strip_suffix('s').unwrap_or(word)
}
