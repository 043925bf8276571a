//! Neutralising untrusted text so that it can never drive a terminal.
//!
//! Briefing text comes from articles: an ESC byte in a quote must show up as a visible `␛`, not start an
//! escape sequence. Everything that prints (the TUI, the CLI, error messages) only ever sees text that went
//! through here.

use std::borrow::Cow;

/// Replaces every control character with a visible stand-in. Tabs and line breaks become spaces, since a
/// single-line field must stay on one line. Use [`neutralize_multiline`] to keep line breaks.
pub fn neutralize(text: &str) -> Cow<'_, str> {
    neutralize_with(text, false)
}

/// Like [`neutralize`], but keeps `\n` line breaks (a `\r\n` pair becomes `\n`).
pub fn neutralize_multiline(text: &str) -> Cow<'_, str> {
    neutralize_with(text, true)
}

/// The URL if it is a plain http(s) address made only of URL-safe characters (no spaces, quotes, angle
/// brackets or control characters), which can be linked in Markdown or handed to the system's opener;
/// `None` for anything else (`javascript:`, `file:`, an option-like `-x`, ...).
pub fn http_url(url: &str) -> Option<&str> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    (scheme_ok && url.len() > 8 && url.chars().all(allowed)).then_some(url)
}

fn neutralize_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if is_safe(text, keep_newlines) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' if keep_newlines => out.push('\n'),
            '\t' | '\n' => out.push(' '),
            c if needs_replacement(c) => out.push(stand_in(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether nothing in the text needs replacing; ASCII, most of any text, is judged byte by byte.
fn is_safe(text: &str, keep_newlines: bool) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if (b < 0x20 && !(keep_newlines && b == b'\n')) || b == 0x7f {
                return false;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            if needs_replacement(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Whether a character must not reach a terminal raw: controls (C0, DEL, C1) and bidirectional controls.
pub fn needs_replacement(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional formatting characters can reorder what the reader sees ("Trojan Source").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The Unicode "control pictures" block has a visible symbol for each C0 control and DEL.
fn stand_in(c: char) -> char {
    match c as u32 {
        code @ 0x00..=0x1F => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_http_urls_pass() {
        assert_eq!(http_url("https://www.rferl.org/a/x/1.html"), Some("https://www.rferl.org/a/x/1.html"));
        assert_eq!(http_url("javascript:alert(1)"), None);
        assert_eq!(http_url("file:///etc/passwd"), None);
        assert_eq!(http_url("https://a.b/<script>"), None);
        assert_eq!(http_url("https://a.b/x y"), None);
        assert_eq!(http_url("https://a.b/\u{1b}[2J"), None);
        assert_eq!(http_url("-https://a.b"), None);
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(neutralize("a\x1b[2Jb"), "a␛[2Jb");
        assert_eq!(neutralize("bell\x07 nul\0 del\x7f"), "bell␇ nul␀ del␡");
        assert_eq!(neutralize("csi\u{9b}31m"), "csi\u{FFFD}31m");
        assert_eq!(neutralize("rtl\u{202E}txt"), "rtl\u{FFFD}txt");
    }

    #[test]
    fn clean_text_is_borrowed_untouched() {
        assert!(matches!(neutralize("Kim Jong-Un, 김정은 ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn newlines_kept_only_when_asked() {
        assert_eq!(neutralize("a\r\nb\tc\nd"), "a b c d");
        assert_eq!(neutralize_multiline("a\r\nb\rc\n"), "a\nb␍c\n");
    }
}
