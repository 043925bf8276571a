//! Tokens of one sentence: the words of `text::scan_words` (folded, with their byte ranges), the
//! punctuation between them, initialisms joined ("U.S."), and possessives split off ("Korea’s" → "korea"
//! marked possessive). Every rule of the converter reads sentences through these tokens, so curly and
//! straight quotes, dashes and accents compare equal everywhere.

use std::ops::Range;

use crate::text::{fold_char, scan_words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Starts with a digit: "1.6", "1,000,000", "5bn".
    Number,
    /// Letters with dots: "U.S.", "U.N.", a middle initial "F.".
    Initialism,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the sentence (a possessive's "’s" excluded).
    pub range: Range<usize>,
    pub kind: Kind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case ("DPRK").
    pub upper: bool,
    /// Followed by "’s".
    pub possessive: bool,
    key: Range<usize>,
}

/// A tokenised sentence.
#[derive(Debug, Default)]
pub struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    /// The folded keys of all tokens, back to back.
    keys: String,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Tokens<'t> {
        let mut out = Tokens {
            text,
            toks: Vec::with_capacity(text.len() / 5),
            keys: String::with_capacity(text.len()),
        };
        let mut last_end = 0;
        scan_words(text, |range, folded| {
            out.push_gap(last_end..range.start);
            last_end = range.end;
            out.push_word(range, folded);
        });
        out.push_gap(last_end..text.len());
        out.join_initialisms();
        out
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The folded, lower-case form of token `i` ("korea" for "Korea’s", "us" for "U.S.", `"` for `”`).
    pub fn key(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.keys[t.key.clone()])
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'t str {
        let t = &self.toks[i];
        &self.text[t.range.clone()]
    }

    /// The original text from the start of the first token to the end of the last one (a possessive
    /// inside stays: "South Korea’s top spy agency").
    pub fn span(&self, tokens: Range<usize>) -> &'t str {
        if tokens.is_empty() {
            return "";
        }
        &self.text[self.toks[tokens.start].range.start..self.toks[tokens.end - 1].range.end]
    }

    /// Byte range of tokens `from..to` in the sentence.
    pub fn byte_range(&self, tokens: Range<usize>) -> Range<usize> {
        if tokens.is_empty() {
            let at = self.toks.get(tokens.start).map_or(self.text.len(), |t| t.range.start);
            return at..at;
        }
        self.toks[tokens.start].range.start..self.toks[tokens.end - 1].range.end
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != Kind::Punct)
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.key(i) == c
    }

    /// Whether token `i` is a currency's prefix glued to its sign: "US" of "US$39bn", "HK" of "HK$5".
    pub fn is_currency_prefix(&self, i: usize) -> bool {
        self.is_punct(i + 1, "$") && self.toks[i].range.end == self.toks[i + 1].range.start
    }

    /// Whether token `i` is a dash between words: "—", "–", or a hyphen with a space before it.
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, "—")
            || self.is_punct(i, "–")
            || (self.is_punct(i, "-") && i > 0 && self.toks[i].range.start > self.toks[i - 1].range.end)
    }

    /// Whether token `i` is a capitalised word or an initialism (a candidate part of a name).
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != Kind::Punct && t.kind != Kind::Number && t.cap)
    }

    fn push_key(&mut self, key: &str) -> Range<usize> {
        let start = self.keys.len();
        self.keys.push_str(key);
        start..self.keys.len()
    }

    fn push_gap(&mut self, gap: Range<usize>) {
        let text = self.text;
        for (at, c) in text[gap.clone()].char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let start = gap.start + at;
            let mut buf = [0u8; 4];
            let key = self.push_key(fold_char(c).encode_utf8(&mut buf));
            self.toks.push(Token {
                range: start..start + c.len_utf8(),
                kind: Kind::Punct,
                cap: false,
                upper: false,
                possessive: false,
                key,
            });
        }
    }

    fn push_word(&mut self, range: Range<usize>, folded: &str) {
        let raw = &self.text[range.clone()];
        let first = raw.chars().next().unwrap_or(' ');
        let kind = if first.is_ascii_digit() { Kind::Number } else { Kind::Word };
        let (mut range, mut folded, mut possessive) = (range, folded, false);
        if folded.len() > 2 && folded.ends_with("'s") && kind == Kind::Word {
            // The apostrophe may be ’ (three bytes) in the original.
            let apostrophe = raw[..raw.len() - 1].chars().next_back().map_or(1, char::len_utf8);
            range.end -= apostrophe + 1;
            folded = &folded[..folded.len() - 2];
            possessive = true;
        }
        let upper = if raw.is_ascii() {
            let mut letters = raw.bytes().filter(u8::is_ascii_alphabetic);
            letters.clone().nth(1).is_some() && letters.all(|b| b.is_ascii_uppercase())
        } else {
            let mut letters = raw.chars().filter(|c| c.is_alphabetic());
            letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
        };
        let key = self.push_key(folded);
        self.toks.push(Token { range, kind, cap: first.is_uppercase(), upper, possessive, key });
    }

    /// "U" "." "S" "." → "U.S."; "F" "." → "F." (a middle initial).
    fn join_initialisms(&mut self) {
        // Most sentences have none: a capital letter right before a full stop.
        let candidate = self.toks.windows(2).any(|w| {
            w[0].kind == Kind::Word && w[0].range.len() <= 4 && w[0].cap && w[1].range.start == w[0].range.end
        });
        if !candidate {
            return;
        }
        let single_cap = |t: &Tokens, i: usize| {
            t.toks.get(i).is_some_and(|tok| tok.kind == Kind::Word && tok.cap && !tok.possessive)
                && t.raw(i).chars().count() == 1
        };
        let dot_after =
            |t: &Tokens, i: usize| t.is_punct(i + 1, ".") && t.toks[i].range.end == t.toks[i + 1].range.start;
        let mut out: Vec<Token> = Vec::with_capacity(self.toks.len());
        let mut i = 0;
        while i < self.toks.len() {
            if single_cap(self, i) && dot_after(self, i) {
                let start = i;
                let mut end = i + 2;
                while single_cap(self, end)
                    && self.toks[end - 1].range.end == self.toks[end].range.start
                    && dot_after(self, end)
                {
                    end += 2;
                }
                // The key drops the dots, so "U.S." and "US" compare equal.
                let letters: String = (start..end).step_by(2).map(|j| self.key(j).to_string()).collect();
                let key = self.push_key(&letters);
                let range = self.toks[start].range.start..self.toks[end - 1].range.end;
                out.push(Token {
                    range,
                    kind: Kind::Initialism,
                    cap: true,
                    upper: end - start > 2,
                    possessive: false,
                    key,
                });
                i = end;
            } else {
                out.push(self.toks[i].clone());
                i += 1;
            }
        }
        self.toks = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_punctuation_initialisms_and_possessives() {
        let t = Tokens::new("“U.S. forces,” North Korea’s Kim Jong-Un said of 1.6 million.");
        let keys: Vec<&str> = (0..t.len()).map(|i| t.key(i)).collect();
        assert_eq!(
            keys,
            [
                "\"", "us", "forces", ",", "\"", "north", "korea", "kim", "jong", "-", "un", "said", "of",
                "1.6", "million", "."
            ]
        );
        assert_eq!(t.toks[1].kind, Kind::Initialism);
        assert!(t.toks[6].possessive);
        assert_eq!(t.raw(6), "Korea");
        assert_eq!(t.span(5..8), "North Korea’s Kim");
        assert_eq!(t.toks[13].kind, Kind::Number);
        assert!(t.is_capitalised(7) && !t.is_capitalised(11));
    }

    #[test]
    fn middle_initials_and_upper_case_words() {
        let t = Tokens::new("John F. Kennedy met DPRK envoys.");
        assert_eq!(t.key(1), "f");
        assert_eq!(t.toks[1].kind, Kind::Initialism);
        assert!(t.toks[4].upper);
    }
}
