//! Errors and warnings about briefing files, located as `path:line:col` with the offending line.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::sanitize::neutralize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem is: 1-based line and column (in characters), and the line's text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The whole offending line, without its line break.
    pub source_line: String,
    /// How many characters of the line to underline (at least 1).
    pub width: usize,
}

impl Location {
    /// Locates a byte span in `text`. Spans past the end point at the last character.
    pub fn from_span(text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let source_line = text[line_start..line_end].trim_end_matches('\r');
        let column = text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        Location { line, column, source_line: source_line.to_string(), width }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub location: Option<Location>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            location: None,
            message: message.into(),
        }
    }

    pub fn warning(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Self::error(path, message) }
    }

    pub fn at(mut self, text: &str, span: Option<Range<usize>>) -> Self {
        self.location = span.map(|span| Location::from_span(text, span));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: error: message`, the one-line form.
    pub fn headline(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let place = match &self.location {
            Some(loc) => format!("{}:{}:{}", self.path.display(), loc.line, loc.column),
            None => self.path.display().to_string(),
        };
        // Messages may quote file content (an unknown key, a bad value): never print it raw.
        neutralize(&format!("{place}: {severity}: {}", self.message)).into_owned()
    }
}

/// The full form: the headline, then the offending line with a caret under the problem.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        if let Some(loc) = &self.location {
            let number = loc.line.to_string();
            let gutter = " ".repeat(number.len());
            let line = neutralize(&loc.source_line);
            let before: String = line.chars().take(loc.column - 1).collect();
            let marked: String = line.chars().skip(loc.column - 1).take(loc.width).collect();
            let pad = " ".repeat(before.width());
            let carets = "^".repeat(marked.width().max(1));
            write!(f, "\n {number} | {line}\n {gutter} | {pad}{carets}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_character_column() {
        let text = "a = 1\nname = \"김정은\" x\n";
        let start = text.find('x').unwrap();
        let loc = Location::from_span(text, start..start + 1);
        assert_eq!((loc.line, loc.column, loc.width), (2, 14, 1));
        assert_eq!(loc.source_line, "name = \"김정은\" x");
    }

    #[test]
    fn caret_accounts_for_wide_characters() {
        let text = "name = \"김정은\" x";
        let start = text.find('x').unwrap();
        let d = Diagnostic::error(Path::new("f.toml"), "bad").at(text, Some(start..start + 1));
        let rendered = d.to_string();
        let caret_line = rendered.lines().last().unwrap();
        // 7 columns for `name = `, 2 quotes, 3 wide syllables of width 2, one space: caret at display column 17.
        assert_eq!(caret_line, "   |                 ^");
        assert!(rendered.starts_with("f.toml:1:14: error: bad"));
    }

    #[test]
    fn span_at_end_of_file_is_clamped() {
        let loc = Location::from_span("abc", 10..12);
        assert_eq!((loc.line, loc.column, loc.width), (1, 4, 1));
    }

    #[test]
    fn escape_sequences_in_messages_are_neutralised() {
        let d = Diagnostic::error(Path::new("f.toml"), "unknown field `\x1b[31m`");
        assert!(!d.to_string().contains('\x1b'));
    }
}
