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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_quotes_and_dashes_but_keeps_other_scripts() {
        let folded: String = "Zemliánichenko’s – “São” 김정은".chars().map(fold_char).collect();
        assert_eq!(folded, "Zemlianichenko's - \"Sao\" 김정은");
    }
}
