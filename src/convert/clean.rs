//! From raw article text to the story's paragraphs: line endings, BOM and control characters handled,
//! whitespace folded, hard-wrapped lines joined, and what is not the story set apart (headline, byline,
//! photo captions and credits, share/subscribe lines, a lone "COMMENTS", source notes).
//!
//! The characters of the story are kept as written (curly quotes included), so that every sentence the
//! draft quotes occurs verbatim in the article file; rules compare folded forms instead.

use std::ops::Range;

use super::gazetteer::Gazetteer;
use crate::sanitize::neutralize_multiline;

/// The article once cleaned.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The story's paragraphs, one per line.
    pub text: String,
    /// Byte range of each paragraph in `text`.
    pub paragraphs: Vec<Range<usize>>,
    pub headline: Option<String>,
    pub author: Option<String>,
    /// "With reporting by Reuters" and the like, joined.
    pub note: Option<String>,
    /// The wire service of a dateline ("OTTAWA, March 6 (Reuters) -").
    pub wire: Option<String>,
    /// Lines set apart as not part of the story (captions, credits, share lines ...), for tests and docs.
    pub dropped: Vec<String>,
}

/// A line shorter than this many words with no sentence punctuation may be a headline or subheading.
const HEADLINE_MAX_WORDS: usize = 25;
/// Captions, credits, notes and share lines are at most this many words.
const FURNITURE_MAX_WORDS: usize = 80;
/// A source note ("With reporting by ...") is at most this many words.
const NOTE_MAX_WORDS: usize = 30;
/// A block whose lines are at most this long, with lines ending mid-sentence, is hard-wrapped.
const WRAP_MAX_LINE: usize = 100;
/// Lines filled to at least this many characters look wrapped at a width even when no line starts in
/// lower case.
const WRAP_MIN_FILLED: usize = 50;

pub fn clean(raw: &str, gaz: &Gazetteer) -> Cleaned {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let unified =
        if raw.contains('\r') { raw.replace("\r\n", "\n").replace('\r', "\n") } else { raw.to_string() };
    let safe = neutralize_multiline(&unified);
    let paragraphs = paragraphs(&safe);

    let mut out = Cleaned::default();
    let punctuated = paragraphs.iter().filter(|p| ends_sentence(p)).count();
    let mut story: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let words = word_count(&paragraph);
        // Whole-line and prefix rules concern short lines only: longer ones are not copied to be checked.
        let lower = if words <= NOTE_MAX_WORDS { paragraph.to_lowercase() } else { String::new() };
        if let Some(note) = source_note(&paragraph, &lower, words, gaz) {
            out.note = Some(match out.note.take() {
                Some(before) => format!("{before} {note}"),
                None => note,
            });
            continue;
        }
        if story.is_empty() && out.author.is_none() && is_byline(&paragraph) {
            out.author = Some(paragraph["By ".len()..].trim().to_string());
            continue;
        }
        if is_boilerplate(&paragraph, &lower, words, gaz) {
            out.dropped.push(paragraph);
            continue;
        }
        let unpunctuated_short = !ends_sentence(&paragraph) && words <= HEADLINE_MAX_WORDS;
        if story.is_empty() && out.headline.is_none() && unpunctuated_short && words >= 2 {
            out.headline = Some(paragraph);
            continue;
        }
        // A short unpunctuated line inside a punctuated story is a subheading or page furniture
        // ("July 1, 2013 / 12:33 PM / 4 years ago", "1 Min Read").
        if punctuated > 0 && !ends_sentence(&paragraph) && words <= 12 {
            out.dropped.push(paragraph);
            continue;
        }
        if story.is_empty()
            && let Some((rest, wire)) = dateline(&paragraph, gaz)
        {
            out.dropped.push(paragraph[..paragraph.len() - rest.len()].trim().to_string());
            out.wire = wire;
            story.push(rest.to_string());
            continue;
        }
        story.push(paragraph);
    }
    if story.is_empty()
        && let Some(headline) = out.headline.take()
    {
        // A text of one unpunctuated line is the story, not a headline.
        story.push(headline);
    }
    for paragraph in story {
        if !out.text.is_empty() {
            out.text.push('\n');
        }
        let start = out.text.len();
        out.text.push_str(&paragraph);
        out.paragraphs.push(start..out.text.len());
    }
    out
}

/// Lines folded to single spaces and grouped into paragraphs: a hard-wrapped block is joined, otherwise each
/// line is a paragraph.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let flush = |block: &mut Vec<String>, out: &mut Vec<String>| {
        // Hard-wrapped lines run on: some line goes on in lower case, or the lines are filled to a width. A
        // stack of short capitalised lines is page furniture ("7 PHOTOS", "See Gallery"), one per line.
        let runs_on = || {
            block[1..].iter().any(|l| l.starts_with(|c: char| c.is_lowercase()))
                || block[..block.len() - 1].iter().all(|l| l.chars().count() >= WRAP_MIN_FILLED)
        };
        let wrapped = block.len() > 1
            && runs_on()
            && block[..block.len() - 1].iter().all(|l| l.chars().count() <= WRAP_MAX_LINE)
            && block[..block.len() - 1].iter().any(|l| !ends_sentence(l) && l.chars().count() >= 30);
        if wrapped {
            out.push(block.join(" "));
        } else {
            out.append(block);
        }
        block.clear();
    };
    for line in text.split('\n') {
        let folded = fold_spaces(line);
        if folded.is_empty() {
            flush(&mut block, &mut out);
        } else {
            block.push(folded);
        }
    }
    flush(&mut block, &mut out);
    out
}

/// The words of a paragraph whose whitespace is already folded to single spaces.
fn word_count(paragraph: &str) -> usize {
    if paragraph.is_empty() { 0 } else { paragraph.bytes().filter(|&b| b == b' ').count() + 1 }
}

/// The line with every run of whitespace folded to one space and none at either end.
fn fold_spaces(line: &str) -> String {
    // Most lines are folded already: ASCII, single spaces between words.
    let bytes = line.as_bytes();
    let folded = line.is_ascii()
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|&b| b != b' ' && char::from(b).is_whitespace());
    if folded {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a line ends like a sentence (closing quotes and brackets aside).
pub fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn source_note(paragraph: &str, lower: &str, words: usize, gaz: &Gazetteer) -> Option<String> {
    let b = &gaz.boilerplate;
    let starts =
        words <= NOTE_MAX_WORDS && b.source_note_prefixes.iter().any(|p| lower.starts_with(p.as_str()));
    let contains = words <= 15 && b.source_notes.is_match(paragraph);
    (starts || contains).then(|| paragraph.trim().to_string())
}

/// A dateline opening the story: "OTTAWA, March 6 (Reuters) - The bank ..." gives the rest of the paragraph
/// and the wire service named in brackets, if it is a known outlet.
fn dateline<'p>(paragraph: &'p str, gaz: &Gazetteer) -> Option<(&'p str, Option<String>)> {
    let head = &paragraph[..paragraph.floor_char_boundary(120)];
    // After "(Reuters)" any lone mark stands for the dash: scraped text turns "—" into "?" or "�".
    let after_wire = head.find(") ").and_then(|close| {
        let mark = head[close + 2..].chars().next()?;
        let end = close + 2 + mark.len_utf8();
        (!mark.is_alphanumeric() && head[end..].starts_with(' ')).then_some((close + 1, end - close))
    });
    let dash = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .chain(after_wire)
        .min()?;
    let prefix = &paragraph[..dash.0];
    let first = prefix.split([' ', ',']).next().unwrap_or("");
    let place_in_capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !place_in_capitals || prefix.split_whitespace().count() > 12 {
        return None;
    }
    let wire = prefix.rfind('(').and_then(|open| {
        let inside = prefix[open + 1..].split(')').next()?.trim();
        gaz.outlets.iter().find(|o| o.eq_ignore_ascii_case(inside)).cloned()
    });
    Some((paragraph[dash.0 + dash.1..].trim_start(), wire))
}

fn is_byline(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    words.first() == Some(&"By")
        && (2..=8).contains(&words.len())
        && !ends_sentence(paragraph)
        && words[1..]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "de" | "van" | "von" | "al"))
}

fn is_boilerplate(paragraph: &str, lower: &str, words: usize, gaz: &Gazetteer) -> bool {
    let b = &gaz.boilerplate;
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if b.lines.contains(bare) {
        return true;
    }
    if words <= 12 && b.prefixes.iter().any(|p| lower.starts_with(p.as_str())) {
        return true;
    }
    // A credit phrase ("Photo by ...", "Reuters/") only marks a line that is not a plain sentence, so that
    // "a Reuters/Ipsos poll found ..." stays in the story.
    let credit_like = paragraph.contains('|') || !ends_sentence(paragraph) || words <= 12;
    if words > FURNITURE_MAX_WORDS {
        return false;
    }
    if credit_like && b.credits.is_match(paragraph) {
        return true;
    }
    // A caption describes a picture: "X (right) and Y pose for a photo ...".
    b.caption_markers.is_match(paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::gazetteer;

    #[test]
    fn drops_captions_credits_and_comments_and_keeps_the_note() {
        let raw = "\u{feff}\r\nPutin (right) and Kim pose for a photo. | Pool Photo by A. B.\r\n\
                   The story starts here.\r\nIt goes on.\r\nCOMMENTS\r\nShare this article\r\n\
                   With reporting by Reuters";
        let c = clean(raw, gazetteer::get());
        assert_eq!(c.text, "The story starts here.\nIt goes on.");
        assert_eq!(c.paragraphs.len(), 2);
        assert_eq!(c.note.as_deref(), Some("With reporting by Reuters"));
        assert_eq!(c.dropped.len(), 3);
        assert!(c.headline.is_none());
    }

    #[test]
    fn headline_byline_and_hard_wrapped_paragraphs() {
        let raw = "Quake Hits Coastal Towns\n\nBy Jane Doe\n\nA strong earthquake struck the coast on\n\
                   Monday, officials said, and rescue teams were\nsent to the area.\n\nMore text follows here.";
        let c = clean(raw, gazetteer::get());
        assert_eq!(c.headline.as_deref(), Some("Quake Hits Coastal Towns"));
        assert_eq!(c.author.as_deref(), Some("Jane Doe"));
        let wire = clean("OTTAWA, March 6 (Reuters) - The bank held rates.", gazetteer::get());
        assert_eq!((wire.text.as_str(), wire.wire.as_deref()), ("The bank held rates.", Some("Reuters")));
        // A time stamp line before the dateline is furniture, and the dateline is still found.
        let stamped = clean(
            "Rates Held\n\nMarch 6, 2024 / 10:15 AM / Updated 2 hours ago\n\nOTTAWA (Reuters) - The bank held \
             rates. It said so.",
            gazetteer::get(),
        );
        assert_eq!(stamped.text, "The bank held rates. It said so.");
        assert_eq!(stamped.wire.as_deref(), Some("Reuters"));
        assert_eq!(
            c.text,
            "A strong earthquake struck the coast on Monday, officials said, and rescue teams were sent to the area.\nMore text follows here."
        );
    }

    #[test]
    fn a_stack_of_short_capitalised_lines_is_furniture_not_a_wrapped_paragraph() {
        let raw = "Heat Could Rise Faster\n\nTemperatures could rise faster than expected, scientists said.\n\n\
                   7 PHOTOS\nFoods that could go extinct due to climate change\nSee Gallery\n\n\
                   The study was published on Wednesday.";
        let c = clean(raw, gazetteer::get());
        assert_eq!(
            c.text,
            "Temperatures could rise faster than expected, scientists said.\nThe study was published on Wednesday."
        );
    }

    #[test]
    fn datelines_with_a_mangled_dash_and_wide_characters_near_the_cut() {
        let wire = clean("KINSHASA (Reuters) ? Opposition parties rejected the results.", gazetteer::get());
        assert_eq!(
            (wire.text.as_str(), wire.wire.as_deref()),
            ("Opposition parties rejected the results.", Some("Reuters"))
        );
        // The dateline is looked for in the first 120 bytes, which here end inside a Hangul syllable.
        let text = format!("SEOUL, {} - rest.", "가".repeat(50));
        assert_eq!(clean(&text, gazetteer::get()).text, text);
    }

    #[test]
    fn control_characters_are_neutralised_and_a_lone_unpunctuated_line_is_kept() {
        let c = clean("evil \x1b[2J text without punctuation", gazetteer::get());
        assert_eq!(c.text, "evil ␛[2J text without punctuation");
        assert!(c.headline.is_none());
    }
}
