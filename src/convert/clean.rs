//! From raw article text to the story's paragraphs: line endings, BOM and control characters handled,
//! whitespace folded, hard-wrapped lines joined, and what is not the story set apart (headline, byline,
//! photo captions and credits, share/subscribe lines, a lone "COMMENTS", source notes), and the outlets
//! that furniture names as the story's origin (a dateline's "(Reuters)", "(UrduPoint News / Sputnik - ...)",
//! a copyright line, a credit "--IANS", "Source: ...", "From TIME", a masthead).
//!
//! The characters of the story are kept as written (curly quotes included), so that every sentence the
//! draft quotes occurs verbatim in the article file; rules compare folded forms instead.

use std::ops::Range;

use super::lexicon::Lexicon;
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
    /// Outlets the furniture names as the story's origin, dateline first: "OTTAWA, March 6 (Reuters) -",
    /// "Copyright The Financial Times Limited", "--IANS", "By Yonhap", a masthead line.
    pub outlets: Vec<String>,
    /// The town a dateline opens with, as written ("CHRISTCHURCH" of "CHRISTCHURCH, New Zealand, March 1
    /// (UPI) --").
    pub dateline_place: Option<String>,
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
/// A dateline opens one of the story's first this many paragraphs (a standfirst may come before it).
const DATELINE_WITHIN: usize = 3;

pub fn clean(raw: &str, gaz: &Lexicon) -> Cleaned {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let unified =
        if raw.contains('\r') { raw.replace("\r\n", "\n").replace('\r', "\n") } else { raw.to_string() };
    let safe = neutralize_multiline(&unified);
    let paragraphs = paragraphs(&safe);

    let mut out = Cleaned::default();
    let punctuated = paragraphs.iter().filter(|p| ends_sentence(p)).count();
    let mut story: Vec<String> = Vec::new();
    let mut dated = false;
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
        if let Some(by) = byline(&paragraph, story.is_empty(), gaz) {
            if out.author.is_some() {
                out.dropped.push(paragraph);
                continue;
            }
            // "By Yonhap", "by Jane Doe and The Tarvo Post news desk": a news organisation a byline names is
            // an outlet of the story, the people it names its authors.
            let mut people = Vec::new();
            for part in by.split(" and ").flat_map(|p| p.split(", ")).map(str::trim) {
                let desk =
                    ["news desk", "desk", "staff"].iter().find_map(|d| part.strip_suffix(d)).map(str::trim);
                match (desk, gaz.outlets.iter().find(|o| o.eq_ignore_ascii_case(part))) {
                    (Some(outlet), _) if !outlet.is_empty() => push_outlet(&mut out.outlets, outlet),
                    (_, Some(outlet)) => push_outlet(&mut out.outlets, outlet),
                    _ if !part.is_empty() => people.push(part),
                    _ => {}
                }
            }
            if !people.is_empty() {
                out.author = Some(people.join(" and "));
            }
            out.dropped.push(paragraph.clone());
            continue;
        }
        if let Some(outlet) = credited_outlet(&paragraph, words, story.is_empty(), gaz) {
            push_outlet(&mut out.outlets, &outlet);
            out.dropped.push(paragraph);
            continue;
        }
        if is_boilerplate(&paragraph, &lower, words, gaz) {
            out.dropped.push(paragraph);
            continue;
        }
        let paragraph = match closing_credit(&paragraph, gaz) {
            Some((cut, outlet)) => {
                push_outlet(&mut out.outlets, &outlet);
                out.dropped.push(paragraph[cut..].trim().to_string());
                paragraph[..cut].trim_end().to_string()
            }
            None => paragraph,
        };
        let unpunctuated_short = !ends_sentence(&paragraph) && words <= HEADLINE_MAX_WORDS;
        if story.is_empty() && out.headline.is_none() && unpunctuated_short && words >= 2 {
            out.headline = Some(paragraph);
            continue;
        }
        // A short unpunctuated line inside a punctuated story is a subheading or page furniture
        // ("July 1, 2013 / 12:33 PM / 4 years ago", "1 Min Read").
        if punctuated > 0 && !ends_sentence(&paragraph) && (words <= 12 || title_case(&paragraph)) {
            out.dropped.push(paragraph);
            continue;
        }
        // The dateline opens the story, or its first paragraphs after a standfirst.
        if story.len() < DATELINE_WITHIN
            && !dated
            && let Some((rest, wires, place)) = dateline(&paragraph, gaz)
        {
            dated = true;
            out.dateline_place = place.map(str::to_string);
            out.dropped.push(paragraph[..paragraph.len() - rest.len()].trim().to_string());
            for wire in wires {
                push_outlet(&mut out.outlets, &wire);
            }
            story.push(rest.to_string());
            continue;
        }
        story.push(paragraph);
    }
    // "With reporting by Reuters": the agencies a source note names are outlets of the story too.
    if let Some(note) = &out.note {
        for outlet in &gaz.outlets {
            let words = note.split(|c: char| !c.is_alphanumeric() && c != '/').collect::<Vec<_>>().join(" ");
            if format!(" {words} ").contains(&format!(" {outlet} ")) {
                push_outlet(&mut out.outlets, outlet);
            }
        }
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
            let mut lines: Vec<String> = Vec::with_capacity(block.len());
            for line in block.drain(..) {
                match lines.last_mut() {
                    // A sentence broken off at a line's end goes on in lower case on the next line.
                    Some(last) if breaks_off(last) && line.starts_with(|c: char| c.is_lowercase()) => {
                        last.push(' ');
                        last.push_str(&line);
                    }
                    _ => lines.push(line),
                }
            }
            out.append(&mut lines);
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
/// Whether a line stops mid-sentence: with a trailing ellipsis ("discovered and...") or no closing mark.
fn breaks_off(line: &str) -> bool {
    line.ends_with("...") || line.ends_with('…') || !ends_sentence(line)
}

pub fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn source_note(paragraph: &str, lower: &str, words: usize, gaz: &Lexicon) -> Option<String> {
    let b = &gaz.boilerplate;
    let starts =
        words <= NOTE_MAX_WORDS && b.source_note_prefixes.iter().any(|p| lower.starts_with(p.as_str()));
    let contains = words <= 15 && b.source_notes.is_match(paragraph);
    (starts || contains).then(|| paragraph.trim().to_string())
}

/// A dateline opening the story: "OTTAWA, March 6 (Reuters) - The bank ..." or "(Bloomberg) -- OpenAI ..."
/// gives the rest of the paragraph and the outlets named in its brackets ("(UrduPoint News / Sputnik -
/// 06th May, 2022)" names two), and the town it opens with, if any.
fn dateline<'p>(paragraph: &'p str, gaz: &Lexicon) -> Option<(&'p str, Vec<String>, Option<&'p str>)> {
    let head = &paragraph[..paragraph.floor_char_boundary(120)];
    let all_caps_place = |prefix: &str| {
        let first = prefix.split([' ', ',']).next().unwrap_or("");
        let letters = || first.chars().filter(|c| c.is_alphabetic());
        letters().count() >= 3 && letters().all(char::is_uppercase)
    };
    // A bracket naming the source: "(Reuters)", "(UPI) --", "(UrduPoint News / Sputnik - 6th May, 2022)".
    let bracket = head.find('(').and_then(|open| Some((open, open + head[open..].find(')')? + 1)));
    let bracketed = bracket.filter(|&(open, _)| open <= 80).and_then(|(open, close)| {
        let after = &paragraph[close..];
        // After the bracket a dash, or any lone mark standing for one ("?" where "—" was mangled).
        let trimmed = after.trim_start();
        let mark_len = trimmed
            .chars()
            .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace() && !matches!(c, '"' | '“' | '('))
            .map(char::len_utf8)
            .sum::<usize>();
        let has_dash = mark_len > 0 && trimmed[mark_len..].starts_with(' ');
        let prefix = paragraph[..open].trim();
        let prefix_ok = prefix.is_empty()
            || all_caps_place(prefix)
            || (has_dash && prefix.starts_with(char::is_uppercase) && prefix.split_whitespace().count() <= 8);
        // Without a dash after it, the bracket must follow the place and date alone ("OTTAWA, March 6
        // (Reuters) The bank ..."), not a sentence that names a body's short form ("SEPANG - Claims that
        // members of Parliament (MPs) ...").
        let place_and_date = prefix.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '.'));
            w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && !w.contains([':', '-'])
                || gaz.months.contains_key(&w.to_lowercase())
        });
        if !prefix_ok || (!has_dash && !place_and_date) || (prefix.is_empty() && !has_dash) {
            return None;
        }
        let rest = if has_dash { trimmed[mark_len..].trim_start() } else { trimmed };
        Some((prefix, &paragraph[open + 1..close - 1], rest))
    });
    let (prefix, inside, rest) = match bracketed {
        Some(found) => found,
        None => {
            // "NEW YORK - ...", "CAMBRIDGE, Md.- A man ...", "KUALA LUMPUR: The ...".
            let glued = head.find(".- ").map(|i| (i + 1, 2));
            let dash = DASHES
                .iter()
                .chain(&[": "])
                .filter_map(|d| head.find(d).map(|i| (i, d.len())))
                .chain(glued)
                .min()?;
            let prefix = &paragraph[..dash.0];
            let place_only = prefix.split_whitespace().all(|w| w.chars().all(|c| !c.is_lowercase()));
            if !all_caps_place(prefix)
                || prefix.split_whitespace().count() > 8
                || (paragraph[dash.0..].starts_with(": ") && !place_only)
            {
                return None;
            }
            (prefix, "", paragraph[dash.0 + dash.1..].trim_start())
        }
    };
    if prefix.split_whitespace().count() > 14 || rest.is_empty() {
        return None;
    }
    let mut wires = Vec::new();
    for part in inside.split(['/', ',']).map(|p| p.split(" - ").next().unwrap_or("").trim()) {
        if is_outlet_name(part, gaz) {
            wires.push(canonical_outlet(part, gaz));
        }
    }
    let town = prefix.split(',').next().unwrap_or("").trim();
    let place = (all_caps_place(prefix) && !town.is_empty()).then_some(town);
    Some((rest, wires, place))
}

/// The dashes that end a dateline or open a closing credit, spaced as a dash is ("OTTAWA - ", " -- AFP").
const DASHES: [&str; 4] = [" -- ", " - ", " – ", " — "];

/// An agency's credit closing a paragraph after its last sentence: "... here today. - BERNAMA", "... in
/// May. -- AFP". Gives where the credit starts and the outlet.
fn closing_credit(paragraph: &str, gaz: &Lexicon) -> Option<(usize, String)> {
    let (cut, dash) = DASHES.iter().filter_map(|d| paragraph.rfind(d).map(|i| (i, d.len()))).max()?;
    let credit = paragraph[cut + dash..].trim();
    let words = credit.split_whitespace().count();
    let shouted = credit.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && credit.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let after_sentence = paragraph[..cut].trim_end().ends_with(['.', '!', '?', '"', '”']);
    ((1..=3).contains(&words) && shouted && after_sentence && is_outlet_name(credit, gaz))
        .then(|| (cut, canonical_outlet(credit, gaz)))
}

/// Whether a short phrase can be an outlet's name: a known outlet, or one to four capitalised words (or an
/// initialism) with no sentence in it, not a date.
fn is_outlet_name(phrase: &str, gaz: &Lexicon) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if gaz.outlets.iter().any(|o| o.eq_ignore_ascii_case(phrase)) {
        return true;
    }
    // "Source: Agency", "(Agencies)": a common noun alone names no particular outlet.
    if let [word] = words.as_slice()
        && !word.chars().skip(1).any(char::is_uppercase)
        && gaz.is_head_noun(&word.to_lowercase())
    {
        return false;
    }
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "the" | "&")
        })
        && words.iter().any(|w| w.chars().any(char::is_alphabetic))
        && !words.iter().any(|w| gaz.months.contains_key(&w.trim_end_matches('.').to_lowercase()))
        && !words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// A known outlet's own spelling ("AFP" for "afp"), else the phrase.
fn canonical_outlet(phrase: &str, gaz: &Lexicon) -> String {
    gaz.outlets.iter().find(|o| o.eq_ignore_ascii_case(phrase)).cloned().unwrap_or_else(|| phrase.to_string())
}

fn push_outlet(outlets: &mut Vec<String>, outlet: &str) {
    if !outlets.iter().any(|o| o.eq_ignore_ascii_case(outlet)) {
        outlets.push(outlet.to_string());
    }
}

/// The outlet a furniture line names as the story's origin: a copyright line ("Copyright The Financial
/// Times Limited 2024", "©2024 Bloomberg L.P."), a credit ("--IANS", "Source: Agence X", "From TIME -
/// April 12, 2018", "Continue reading at TIME »", "Fibre2Fashion News Desk (DS)"), a line that is only a
/// known outlet ("AFP"), or a masthead opening the page ("Belfast Telegraph").
fn credited_outlet(line: &str, words: usize, at_start: bool, gaz: &Lexicon) -> Option<String> {
    if words > 12 {
        return None;
    }
    let lower = line.to_lowercase();
    let strip_year = |s: &str| -> String {
        s.split_whitespace()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == ','))
            .filter(|w| {
                !matches!(
                    w.to_lowercase().trim_end_matches('.'),
                    "limited" | "ltd" | "l.p" | "lp" | "inc" | "llc" | "plc"
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let name = |s: &str| {
        let s = strip_year(s.trim_matches(|c: char| !c.is_alphanumeric()));
        let s =
            s.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.').trim_end_matches('.').to_string();
        is_outlet_name(&s, gaz).then(|| canonical_outlet(&s, gaz))
    };
    // Copyright: "Copyright ...", "© 2024 ...", "(c) ...", and a © mangled to "?" before a year.
    let mangled = line.starts_with('?') && line[1..].starts_with(|c: char| c.is_ascii_digit());
    if lower.starts_with("copyright") || line.starts_with('©') || lower.starts_with("(c)") || mangled {
        let rest = line.trim_start_matches(|c: char| !c.is_alphanumeric());
        let rest = rest.strip_prefix("Copyright").or_else(|| rest.strip_prefix("copyright")).unwrap_or(rest);
        let rest = rest.split(['.', '|']).next().unwrap_or(rest);
        let rest = rest.split("All rights").next().unwrap_or(rest);
        return name(rest);
    }
    if ends_sentence(line) && !line.starts_with("--") && !line.starts_with('—') {
        return None;
    }
    for prefix in
        ["source:", "from ", "continue reading at ", "read more at ", "courtesy of ", "--", "—", "-- "]
    {
        if lower.starts_with(prefix) && (prefix != "from " || at_start) {
            let rest = &line[prefix.len()..];
            let rest = rest.split(" - ").next().unwrap_or(rest).split(['»', '|']).next().unwrap_or(rest);
            return name(rest);
        }
    }
    // "Fibre2Fashion News Desk (DS)", "The Kyiv Independent news desk".
    if let Some(at) = lower.find(" news desk") {
        let name_part = line[..at].trim_start_matches("Authors:").trim();
        let name_part = name_part.rsplit([',', '&']).next().unwrap_or(name_part).trim();
        let name_part = name_part.rsplit(" and ").next().unwrap_or(name_part);
        return name(name_part);
    }
    // A line that is only an outlet: a known one anywhere, a masthead at the start.
    let bare = line.trim();
    if gaz.outlets.iter().any(|o| o.eq_ignore_ascii_case(bare)) {
        return Some(canonical_outlet(bare, gaz));
    }
    let masthead_head =
        bare.split_whitespace().last().is_some_and(|w| gaz.outlet_name_heads.contains(&w.to_lowercase()));
    (at_start && words <= 4 && masthead_head).then(|| name(bare)).flatten()
}

/// Whether a line is written in title case (most of its longer words capitalised): a headline, here of
/// another story linked from the page.
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line.split_whitespace().filter(|w| w.len() >= 4).collect();
    long.len() >= 4
        && long.iter().filter(|w| w.starts_with(char::is_uppercase)).count() * 10 >= long.len() * 7
}

/// The author a byline names: "By Jane Doe" before the story; "by Jane Doe and the Tarvo Post news desk
/// May 3, 2024 5:54 PM" (what follows the first number is the time stamp); "Authors: Jane Doe, Tarvo Post"
/// anywhere, as pages print it at the end.
fn byline<'p>(paragraph: &'p str, before_story: bool, gaz: &Lexicon) -> Option<&'p str> {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let labelled = matches!(first.as_str(), "author:" | "authors:")
        || (first == "written" && words.get(1) == Some(&"by"));
    let by = first == "by" && before_story;
    if !(labelled || by) || words.len() > 24 || ends_sentence(paragraph) {
        return None;
    }
    let skip = if first == "written" { 2 } else { 1 };
    let names = &words[skip..];
    let name_word = |w: &&str| {
        w.starts_with(char::is_uppercase)
            || matches!(
                *w,
                "and" | "de" | "van" | "von" | "al" | "the" | "news" | "desk" | "staff" | "reporter"
            )
    };
    // The names run up to the time stamp, if any; every word of them is a name's or a joiner.
    let end = names.iter().position(|w| w.starts_with(|c: char| c.is_ascii_digit())).unwrap_or(names.len());
    let mut end = end;
    // "May 3": the month before the first number belongs to the stamp.
    while end > 0 && gaz.months.contains_key(names[end - 1].trim_end_matches(',').to_lowercase().as_str()) {
        end -= 1;
    }
    let names = &names[..end];
    if names.is_empty()
        || names.len() > 12
        || !names[0].starts_with(char::is_uppercase)
        || !names.iter().all(name_word)
    {
        return None;
    }
    let from = paragraph.find(names[0])?;
    let last = names[names.len() - 1];
    let to = paragraph[from..].find(last).map(|i| from + i + last.len())?;
    Some(paragraph[from..to].trim_end_matches(','))
}

fn is_boilerplate(paragraph: &str, lower: &str, words: usize, gaz: &Lexicon) -> bool {
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
    use crate::convert::lexicon;

    #[test]
    fn drops_captions_credits_and_comments_and_keeps_the_note() {
        let raw = "\u{feff}\r\nPutin (right) and Kim pose for a photo. | Pool Photo by A. B.\r\n\
                   The story starts here.\r\nIt goes on.\r\nCOMMENTS\r\nShare this article\r\n\
                   With reporting by Reuters";
        let c = clean(raw, lexicon::get());
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
        let c = clean(raw, lexicon::get());
        assert_eq!(c.headline.as_deref(), Some("Quake Hits Coastal Towns"));
        assert_eq!(c.author.as_deref(), Some("Jane Doe"));
        // A time-stamped byline in lower case and an authors' line at the end are furniture too.
        let stamped = clean(
            "Floods Hit Tarvo\n\nby Jane Doe and The Tarvo Post news desk August 27, 2024 5:54 PM 2 min read\n\n\
             Rivers rose on Monday, officials said.\n\nAuthors: Jane Doe, The Tarvo Post news desk",
            lexicon::get(),
        );
        assert_eq!(stamped.author.as_deref(), Some("Jane Doe"));
        assert_eq!(stamped.outlets, ["The Tarvo Post"]);
        assert_eq!(stamped.text, "Rivers rose on Monday, officials said.");
        // "By" opening a sentence of the story is no byline.
        assert_eq!(clean("By Monday the river had risen, officials said.", lexicon::get()).author, None);
        let wire = clean("OTTAWA, March 6 (Reuters) - The bank held rates.", lexicon::get());
        assert_eq!(
            (wire.text.as_str(), wire.outlets.first().map(String::as_str)),
            ("The bank held rates.", Some("Reuters"))
        );
        // A time stamp line before the dateline is furniture, and the dateline is still found.
        let stamped = clean(
            "Rates Held\n\nMarch 6, 2024 / 10:15 AM / Updated 2 hours ago\n\nOTTAWA (Reuters) - The bank held \
             rates. It said so.",
            lexicon::get(),
        );
        assert_eq!(stamped.text, "The bank held rates. It said so.");
        assert_eq!(stamped.outlets, ["Reuters"]);
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
        let c = clean(raw, lexicon::get());
        assert_eq!(
            c.text,
            "Temperatures could rise faster than expected, scientists said.\nThe study was published on Wednesday."
        );
    }

    #[test]
    fn a_sentence_broken_off_at_a_long_line_goes_on_in_lower_case() {
        // Lines longer than a hard wrap: each is a paragraph, unless it breaks off and the next goes on.
        let long = "The firm said that most of its clients were never affected by the outage, which lasted";
        let raw = format!("{long} a day and...\nended at noon.\n{long} a week.\nNext came the audit.");
        let c = clean(&raw, lexicon::get());
        assert_eq!(
            c.text,
            format!("{long} a day and... ended at noon.\n{long} a week.\nNext came the audit.")
        );
        // Across a blank line a paragraph never goes on.
        let text = format!("{long}\n\nrivers rose again across the valley on Monday, officials said.");
        let c = clean(&text, lexicon::get());
        assert!(c.text.starts_with("rivers"), "{:?}", c.text);
    }

    #[test]
    fn an_agency_credit_closing_the_last_paragraph_is_the_outlet() {
        let c = clean("The minister spoke to reporters here today. - NORDWIRE", lexicon::get());
        assert_eq!(
            (c.text.as_str(), c.outlets.as_slice()),
            ("The minister spoke to reporters here today.", &["NORDWIRE".to_string()][..])
        );
        // Not a dash inside a sentence, nor a name in ordinary case.
        let c = clean("The vote was 52 - 48 in favour. - Dana Kowalski", lexicon::get());
        assert!(c.outlets.is_empty(), "{:?}", c.outlets);
    }

    #[test]
    fn a_short_form_in_brackets_in_the_first_sentence_is_no_outlet() {
        let c =
            clean("KUALA LUMPUR: Nusantara Alliance's (NA) leader said the vote was lost.", lexicon::get());
        assert!(c.outlets.is_empty(), "{:?}", c.outlets);
        let c =
            clean("SEPANG - Claims that members of Parliament (MPs) will defect are idle.", lexicon::get());
        assert!(c.outlets.is_empty(), "{:?}", c.outlets);
        assert_eq!(c.text, "Claims that members of Parliament (MPs) will defect are idle.");
        let c = clean("KUALA LUMPUR: The alliance said the vote was lost.", lexicon::get());
        assert_eq!(c.text, "The alliance said the vote was lost.");
        let c = clean("OTTAWA, March 6 (Reuters) The bank held rates.", lexicon::get());
        assert_eq!(c.outlets, ["Reuters"]);
    }

    #[test]
    fn datelines_with_a_mangled_dash_and_wide_characters_near_the_cut() {
        let wire = clean("KINSHASA (Reuters) ? Opposition parties rejected the results.", lexicon::get());
        assert_eq!(
            (wire.text.as_str(), wire.outlets.first().map(String::as_str)),
            ("Opposition parties rejected the results.", Some("Reuters"))
        );
        // The dateline is looked for in the first 120 bytes, which here end inside a Hangul syllable.
        let text = format!("SEOUL, {} - rest.", "가".repeat(50));
        assert_eq!(clean(&text, lexicon::get()).text, text);
    }

    #[test]
    fn outlets_named_by_datelines_credits_copyright_lines_and_mastheads() {
        let c = clean(
            "Harbour Gazette\n\nWASHINGTON (Tarvo News / Nordwire - 6th May, 2022) Employers added jobs.\n\n\
             --IANS\n\nCopyright The Evening Ledger Limited 2024. All rights reserved.",
            lexicon::get(),
        );
        assert_eq!(c.text, "Employers added jobs.");
        assert_eq!(c.outlets, ["Harbour Gazette", "Tarvo News", "Nordwire", "IANS", "The Evening Ledger"]);
        // After a standfirst.
        let after = clean(
            "Employers added jobs in May.\n\nWASHINGTON (Tarvo News) Employers added jobs.",
            lexicon::get(),
        );
        assert_eq!(
            (after.text.as_str(), after.outlets.as_slice()),
            ("Employers added jobs in May.\nEmployers added jobs.", &["Tarvo News".to_string()][..])
        );
        // A common noun alone is no outlet's name.
        let agency = clean("Employers added jobs in May.\n\nSource: Agency", lexicon::get());
        assert!(agency.outlets.is_empty(), "{:?}", agency.outlets);
        let dated = clean("DUNMORE, Md.- A man was charged.", lexicon::get());
        assert_eq!(
            (dated.text.as_str(), dated.dateline_place.as_deref()),
            ("A man was charged.", Some("DUNMORE"))
        );
        let b = clean("(Bloomberg) -- Investors rushed in, people said.", lexicon::get());
        assert_eq!(
            (b.text.as_str(), b.outlets.as_slice()),
            ("Investors rushed in, people said.", &["Bloomberg".to_string()][..])
        );
        assert_eq!(b.dateline_place, None);
    }

    #[test]
    fn control_characters_are_neutralised_and_a_lone_unpunctuated_line_is_kept() {
        let c = clean("evil \x1b[2J text without punctuation", lexicon::get());
        assert_eq!(c.text, "evil ␛[2J text without punctuation");
        assert!(c.headline.is_none());
    }
}
