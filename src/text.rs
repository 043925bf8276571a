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
    fn word_maps_keep_one_value_per_word_short_or_long() {
        let mut map: WordMap<usize> = WordMap::default();
        let words: Vec<String> = (0..5000)
            .map(|i| match i % 3 {
                0 => format!("w{i}"),
                1 => format!("a-rather-long-word-{i}"),
                _ => format!("{}é", "x".repeat(i % 15)),
            })
            .collect();
        for (i, w) in words.iter().enumerate() {
            let value = *map.get_or_insert_with(w, || i);
            assert_eq!(words[value], *w);
        }
        for w in &words {
            let value = *map.get_or_insert_with(w, || usize::MAX);
            assert_eq!(words[value], *w, "found again, not made again");
        }
        // A short word and its zero-padded longer twin are different keys.
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
    }

    #[test]
    fn counting_words_finds_as_many_as_scanning() {
        let texts = [
            "",
            "a",
            "North Korea's 1,000,000 shells, 1.6 million.",
            "it's ' 'x x' 1. .5 1,a a,1 9.9.9",
            "x'' 'y ,1 1, 2,,3 U.S. e.g.",
            "Zemliánichenko’s – “São” 김정은",
            "a\tb\nc--d__e",
        ];
        let pieces = ["a", "1", "'", ".", ",", " ", "Z", "9", "-", "é", "’", "\u{212a}", "İ", "²", "“"];
        // A small generator (xorshift), so that the cases are the same on every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let generated = (0..20_000).map(|_| {
            (0..10)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    pieces[(state % pieces.len() as u64) as usize]
                })
                .collect::<String>()
        });
        for text in texts.iter().map(|t| t.to_string()).chain(generated) {
            let mut scanned = 0;
            scan_words(&text, |_, _| scanned += 1);
            assert_eq!(WordScanner::count(&text), scanned, "{text:?}");
        }
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
pub fn scan_words(text: &str, each: impl FnMut(std::ops::Range<usize>, &str)) {
    WordScanner::default().scan(text, each);
}

/// [`scan_words`] with its word buffer kept between texts, for loops over many short texts (every field
/// of a folder), where a buffer per text would cost an allocation each.
#[derive(Debug, Default)]
pub struct WordScanner {
    folded: String,
}

impl WordScanner {
    /// Calls `each` with the byte range and folded form of every word of `text` (see [`scan_words`]).
    pub fn scan(&mut self, text: &str, mut each: impl FnMut(std::ops::Range<usize>, &str)) {
        let bytes = text.as_bytes();
        let folded = &mut self.folded;
        folded.clear();
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
                if ASCII_WORD_BYTE[usize::from(byte)] != 0 {
                    // A run of ASCII letters and digits is copied and lowercased in one pass.
                    start.get_or_insert(i);
                    while let Some(&lower) = bytes.get(i).map(|&b| &ASCII_WORD_BYTE[usize::from(b)])
                        && lower != 0
                    {
                        folded.push(char::from(lower));
                        i += 1;
                    }
                    end = i;
                    continue;
                } else if start.is_some() && joins_word(byte, folded, folded_at(i + 1)) {
                    folded.push(char::from(byte));
                    end = i + 1;
                } else if let Some(s) = start.take() {
                    each(s..end, folded);
                    folded.clear();
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            let len = c.len_utf8();
            let f = fold_char(c);
            let joins = start.is_some() && f.is_ascii() && joins_word(f as u8, folded, folded_at(i + len));
            if f.is_alphanumeric() || joins {
                start.get_or_insert(i);
                if f.is_ascii() {
                    folded.push(f.to_ascii_lowercase());
                } else {
                    folded.extend(f.to_lowercase());
                }
                end = i + len;
            } else if let Some(s) = start.take() {
                each(s..end, folded);
                folded.clear();
            }
            i += len;
        }
        if let Some(s) = start {
            each(s..end, folded);
        }
    }
}

impl WordScanner {
    /// How many words [`WordScanner::scan`] finds in `text`, counted by the same rules without writing
    /// their folded forms: letters and digits (after folding), `'` before a letter or digit, `.` or `,`
    /// between digits.
    pub fn count(text: &str) -> u64 {
        let bytes = text.as_bytes();
        let folded_at = |at: usize| -> Option<char> {
            match bytes.get(at) {
                Some(b) if b.is_ascii() => Some(char::from(*b)),
                Some(_) => text[at..].chars().next().map(fold_char),
                None => None,
            }
        };
        if text.is_ascii() {
            return Self::count_ascii(bytes);
        }
        // Whether a word is open, and whether its folded form so far ends with a digit.
        let (mut words, mut in_word, mut after_digit) = (0, false, false);
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if ASCII_WORD_BYTE[usize::from(byte)] != 0 {
                // A run of ASCII letters and digits, taken whole.
                words += u64::from(!in_word);
                in_word = true;
                while i < bytes.len() && ASCII_WORD_BYTE[usize::from(bytes[i])] != 0 {
                    i += 1;
                }
                after_digit = bytes[i - 1].is_ascii_digit();
                continue;
            }
            let (folded, len) = if byte.is_ascii() {
                (char::from(byte), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                (fold_char(c), c.len_utf8())
            };
            i += len;
            if !folded.is_ascii() && folded.is_alphanumeric() {
                words += u64::from(!in_word);
                in_word = true;
                after_digit = folded.to_lowercase().last().is_some_and(|d| d.is_ascii_digit());
                continue;
            }
            if folded.is_ascii_alphanumeric() {
                // A letter with an accent: one more letter of the word.
                words += u64::from(!in_word);
                in_word = true;
                after_digit = folded.is_ascii_digit();
                continue;
            }
            in_word = in_word
                && match folded {
                    '\'' => folded_at(i).is_some_and(char::is_alphanumeric),
                    '.' | ',' => after_digit && folded_at(i).is_some_and(|n| n.is_ascii_digit()),
                    _ => false,
                };
            after_digit = false;
        }
        words
    }
}

impl WordScanner {
    /// [`WordScanner::count`] of ASCII text: the runs of letters and digits, less one for each `'`
    /// between a letter or digit and one, and each `.` or `,` between two digits, which join two runs
    /// into one word (the byte before such a joining mark is a letter or digit, never another mark).
    fn count_ascii(bytes: &[u8]) -> u64 {
        let word = |b: u8| ASCII_WORD_BYTE[usize::from(b)] != 0;
        let mut runs = 0;
        let mut previous = false;
        for &b in bytes {
            let this = word(b);
            runs += u64::from(this & !previous);
            previous = this;
        }
        let joins = bytes
            .windows(3)
            .filter(|w| match w[1] {
                b'\'' => word(w[0]) && word(w[2]),
                b'.' | b',' => w[0].is_ascii_digit() && w[2].is_ascii_digit(),
                _ => false,
            })
            .count();
        runs - joins as u64
    }
}

/// Per byte: its lowercase form if it is an ASCII letter or digit, else 0.
const ASCII_WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

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

/// A map from words to values for the loops that look up every word of a folder. A word of up to 15
/// bytes is its own key (two integers with its length, compared without a call), so a lookup costs a
/// multiply and a compare or two; longer words go to an ordinary map.
pub(crate) struct WordMap<V> {
    /// Open addressing, linear probing: a key and the index of its value plus one (0: empty).
    slots: Vec<([u64; 2], u32)>,
    values: Vec<V>,
    long: foldhash::HashMap<Box<str>, u32>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { slots: vec![([0; 2], 0); 1 << 10], values: Vec::new(), long: Default::default() }
    }
}

impl<V> WordMap<V> {
    /// The value of `word`, made by `make` when the word is new.
    pub(crate) fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> &mut V {
        let Some(key) = short_key(word.as_bytes()) else {
            let next = self.values.len() as u32;
            let index = match self.long.get(word) {
                Some(&index) => index,
                None => {
                    self.values.push(make());
                    self.long.insert(word.into(), next);
                    next
                }
            };
            return &mut self.values[index as usize];
        };
        let (mask, shift) = (self.slots.len() - 1, self.shift());
        let mut at = slot_of(key, shift);
        loop {
            let (k, v) = self.slots[at];
            if v == 0 {
                break;
            }
            if k == key {
                return &mut self.values[v as usize - 1];
            }
            at = (at + 1) & mask;
        }
        self.values.push(make());
        self.slots[at] = (key, self.values.len() as u32);
        let index = self.values.len() - 1;
        // At most half full, so probes stay short.
        if 2 * (self.values.len() - self.long.len()) > self.slots.len() {
            self.grow();
        }
        &mut self.values[index]
    }

    fn shift(&self) -> u32 {
        64 - self.slots.len().trailing_zeros()
    }

    fn grow(&mut self) {
        let doubled = vec![([0; 2], 0); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        let (mask, shift) = (self.slots.len() - 1, self.shift());
        for (key, v) in old.into_iter().filter(|&(_, v)| v != 0) {
            let mut at = slot_of(key, shift);
            while self.slots[at].1 != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = (key, v);
        }
    }
}

/// A word of at most 15 bytes as two integers: its bytes, and its length in the last byte.
fn short_key(word: &[u8]) -> Option<[u64; 2]> {
    let length = (word.len() as u64) << 56;
    match word.len() {
        0..=8 => Some([packed(word), length]),
        9..=15 => Some([packed(&word[..8]), packed(&word[8..]) | length]),
        _ => None,
    }
}

/// Up to 8 bytes as one little-endian integer, read in at most two (overlapping) loads.
fn packed(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let word = |at: usize, size: usize| -> u64 {
        let mut value = 0;
        for (i, &b) in bytes[at..at + size].iter().enumerate() {
            value |= u64::from(b) << (8 * i);
        }
        value
    };
    // The two loads overlap in the middle, where they carry the same bytes.
    match n {
        0 => 0,
        1 => u64::from(bytes[0]),
        2..=3 => word(0, 2) | word(n - 2, 2) << (8 * (n - 2)),
        4..=7 => word(0, 4) | word(n - 4, 4) << (8 * (n - 4)),
        _ => word(0, 8),
    }
}

/// The slot of a key in a table of `1 << (64 - shift)` slots: the top bits of a multiplicative hash.
fn slot_of([low, high]: [u64; 2], shift: u32) -> usize {
    let product = u128::from(low ^ 0x243f_6a88_85a3_08d3) * u128::from(high ^ 0x1319_8a2e_0370_7344);
    (((product >> 64) as u64 ^ product as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}
