//! An article's plain text → a draft briefing (`status = "draft"`), offline and deterministic.
//!
//! The data flows through small rule-based stages, each a module with its own tests:
//! `clean` (the story's paragraphs, headline, byline, source note) → `sentences` → `tokens` (per sentence)
//! → first pass: `actors::scan` fills the actor `Registry` and `summary::Stats` count terms → second
//! pass, per sentence: `claims`, `figures` (with `dates`), `questions`, summary candidates → the
//! `Briefing`. What the rules know about the world and about news English (countries, titles, attribution
//! verbs, hedges, boilerplate) is the `gazetteer`, read from `assets/gazetteer.toml`.
//!
//! Every pass is linear in the article: each sentence is tokenised once per pass and compared with the
//! article's totals, never with every other sentence.

pub mod actors;
pub mod batch;
mod claims;
mod clean;
mod dates;
mod figures;
pub mod gazetteer;
mod questions;
mod sentences;
mod summary;
mod tokens;

use std::collections::HashSet;

use crate::diagnostic::Location;
use crate::model::{
    Actor, ActorKind, Briefing, Claim, Date, Figure, Question, SCHEMA_VERSION, Source, Status, is_slug,
};
use crate::sanitize::neutralize;
use crate::text::fold_char;
use tokens::Tokens;

/// Articles larger than this are refused rather than read into memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;
/// Caps that keep a draft reviewable however long the article is.
pub const MAX_ACTORS: usize = 40;
pub const MAX_FIGURES: usize = 30;
pub const MAX_CLAIMS: usize = 60;
pub const MAX_QUESTIONS: usize = 10;
/// Sentences whose tokens the first pass keeps for the second (memory stays bounded on long texts).
const KEPT_SENTENCES: usize = 2_000;
/// Questions raised only by a modal verb ("may", "could"): at most this many.
pub const MAX_WEAK_QUESTIONS: usize = 4;

/// What the caller knows about the article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The briefing id; derived from `name` or the headline when absent.
    pub id: Option<String>,
    /// The article's file name without extension, for the id.
    pub name: Option<String>,
    /// `source.article`: the article's path relative to the briefing file.
    pub article: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConvertError {
    #[error("the article is empty")]
    Empty,
    #[error("the article has no story text, only page furniture (captions, credits, share lines)")]
    OnlyBoilerplate,
    #[error("not UTF-8 text: invalid byte at line {line}, column {column}")]
    NotUtf8 { line: usize, column: usize },
    #[error("UTF-16 text: convert it to UTF-8 first")]
    Utf16,
    #[error("binary data, not text: NUL byte at line {line}, column {column}")]
    Binary { line: usize, column: usize },
    #[error("the article is {0} bytes, over the {MAX_ARTICLE_BYTES}-byte limit")]
    TooLarge(u64),
    #[error("`{0}` is not a valid briefing id (use a-z, 0-9 and -, at most 64 characters)")]
    BadId(String),
}

/// The article's bytes as text, or why they are not text.
pub fn decode(bytes: Vec<u8>) -> Result<String, ConvertError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ConvertError::TooLarge(bytes.len() as u64));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ConvertError::Utf16);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = String::from_utf8_lossy(valid);
        let at = Location::from_span(&prefix, prefix.len()..prefix.len());
        ConvertError::NotUtf8 { line: at.line, column: at.column }
    })?;
    if let Some(nul) = text.find('\0') {
        let at = Location::from_span(&text, nul..nul);
        return Err(ConvertError::Binary { line: at.line, column: at.column });
    }
    Ok(text)
}

/// Claims, figures and questions found in one sentence, before ids are given.
struct SentenceItems {
    quote: String,
    claims: Vec<claims::Found>,
    figures: Vec<(figures::Found, Option<usize>, Option<Date>)>,
    question: Option<questions::Found>,
}

/// Converts an article's text into a draft briefing.
pub fn convert(raw: &str, options: &Options) -> Result<Briefing, ConvertError> {
    let gaz = gazetteer::get();
    if let Some(id) = &options.id
        && !is_slug(id)
    {
        return Err(ConvertError::BadId(id.clone()));
    }
    let invisible =
        |c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}');
    if raw.chars().all(invisible) {
        return Err(ConvertError::Empty);
    }
    let cleaned = clean::clean(raw, gaz);
    if cleaned.text.is_empty() {
        return Err(ConvertError::OnlyBoilerplate);
    }
    let sentences = sentences::split(&cleaned.text, &cleaned.paragraphs, gaz);

    // First pass: who is mentioned, and which words the article is about.
    let mut registry = actors::Registry::default();
    let mut stats = summary::Stats::default();
    // The first sentences' tokens are kept for the second pass, which rarely goes further.
    let mut kept: Vec<Option<(Tokens, Vec<actors::Mention>)>> = Vec::new();
    let mut terms: Vec<summary::Counted> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let t = Tokens::new(&cleaned.text[sentence.range.clone()]);
        let mentions = actors::scan(&t, gaz);
        registry.add_sentence(s, &t, &mentions, gaz);
        let counted = stats.add(&summary::terms(&t, gaz));
        if s < summary::CANDIDATES {
            terms.push(counted);
        }
        if s < KEPT_SENTENCES {
            kept.push(Some((t, mentions)));
        }
    }
    // "With reporting by Reuters": the agency is an actor of the story too.
    if let Some(note) = &cleaned.note {
        let t = Tokens::new(note);
        let mentions = actors::scan(&t, gaz);
        registry.add_sentence(sentences.len(), &t, &mentions, gaz);
    }
    registry.finish(gaz);

    // Second pass: claims, figures, questions and summary candidates, sentence by sentence.
    let mut context = claims::Context::default();
    let mut items: Vec<SentenceItems> = Vec::new();
    let mut candidates = Vec::new();
    let (mut claim_count, mut figure_count) = (0, 0);
    for (s, sentence) in sentences.iter().enumerate() {
        // Past the caps and the summary's candidates there is nothing left to find: a long text stops here.
        if claim_count >= MAX_CLAIMS && figure_count >= MAX_FIGURES && s >= summary::CANDIDATES {
            break;
        }
        let text = &cleaned.text[sentence.range.clone()];
        let (t, mentions) = match kept.get_mut(s).and_then(Option::take) {
            Some(pair) => pair,
            None => {
                let t = Tokens::new(text);
                let mentions = actors::scan(&t, gaz);
                (t, mentions)
            }
        };
        let actors: Vec<Option<usize>> = mentions.iter().map(|m| registry.resolve(m, &t, gaz)).collect();
        let (earlier, mut found): (Vec<_>, Vec<_>) =
            claims::find(&t, &mentions, &actors, &mut registry, &mut context, s, gaz)
                .into_iter()
                .partition(|f| f.earlier);
        if let Some(previous) = items.last_mut() {
            claim_count += earlier.len();
            previous.claims.extend(earlier);
        }
        claims::remember_named(&mut context, &registry, actors.iter().flatten().copied());
        for (m, actor) in mentions.iter().zip(&actors) {
            if let Some(actor) = *actor
                && m.kind == actors::MentionKind::Single
            {
                registry.note_spelling(actor, m.written(&t), gaz);
            }
        }
        for f in &found {
            claims::remember(&mut context, &registry, f.claimant);
        }
        found.truncate(MAX_CLAIMS.saturating_sub(claim_count));
        claim_count += found.len();
        let claimant = found.first().map(|f| f.claimant);
        let mut figures: Vec<_> = if figure_count < MAX_FIGURES {
            let written = dates::find(&t, gaz);
            let date = dates::sentence_date(&t, &written, options.published);
            figures::find(&t, &written, gaz).into_iter().map(|f| (f, claimant, date)).collect()
        } else {
            Vec::new()
        };
        figures.truncate(MAX_FIGURES - figure_count);
        figure_count += figures.len();
        let question = questions::find(&t, found.first().map(|f| f.text.as_str()), gaz);
        if let Some(counted) = terms.get(s)
            && let Some(c) = summary::candidate(s, s, &t, counted, &stats)
        {
            candidates.push(c);
        }
        items.push(SentenceItems { quote: text.to_string(), claims: found, figures, question });
    }

    if let Some(last) = items.last_mut() {
        last.claims.extend(claims::unsettled(&mut context));
    }
    let summary_sentences = summary::pick(candidates);
    let summary = summary_text(&cleaned.text, &sentences, &summary_sentences);
    let title = match (&cleaned.headline, summary_sentences.first()) {
        (Some(headline), _) => plain(headline),
        (None, Some(&first)) => title_from(&cleaned.text[sentences[first].range.clone()]),
        (None, None) => title_from(&summary),
    };
    let id = match &options.id {
        Some(id) => id.clone(),
        None => options.name.as_deref().map(|n| slug(n, 8)).filter(|s| !s.is_empty()).unwrap_or_else(|| {
            let s = slug(&title, 6);
            if s.is_empty() { "article".to_string() } else { s }
        }),
    };
    // "By Yonhap": a byline that names a news organisation is the outlet, not an author.
    let byline_outlet = cleaned
        .author
        .as_deref()
        .and_then(|a| gaz.outlets.iter().find(|o| o.eq_ignore_ascii_case(a)).cloned());
    let mut briefing = Briefing {
        schema: SCHEMA_VERSION,
        id,
        title,
        summary,
        tags: Vec::new(),
        status: Status::Draft,
        source: Source {
            outlet: match (&options.outlet, &cleaned.wire, &byline_outlet) {
                (Some(outlet), _, _) => neutralize(outlet).into_owned(),
                (None, Some(wire), _) => wire.clone(),
                (None, None, Some(outlet)) => outlet.clone(),
                (None, None, None) => "unknown".into(),
            },
            url: None,
            published: options.published,
            author: cleaned.author.clone().filter(|_| byline_outlet.is_none()),
            article: options.article.as_deref().map(|a| neutralize(a).into_owned()),
            note: cleaned.note.clone(),
        },
        actors: Vec::new(),
        figures: Vec::new(),
        claims: Vec::new(),
        questions: Vec::new(),
    };
    assemble(&mut briefing, &registry, items);
    Ok(briefing)
}

/// Turns what the sentences gave into the briefing's items, with ids, actors chosen and capped.
fn assemble(b: &mut Briefing, registry: &actors::Registry, items: Vec<SentenceItems>) {
    let mut ids = Ids::default();
    // Actors: everyone a claim or figure needs, then the most mentioned, shown in order of appearance.
    let mut needed: Vec<usize> = Vec::new();
    for item in &items {
        for c in &item.claims {
            needed.push(c.claimant);
            needed.extend(c.reported_by);
        }
        needed.extend(item.figures.iter().filter_map(|(_, by, _)| *by));
    }
    let mut chosen: Vec<usize> = Vec::new();
    for a in needed {
        if !chosen.contains(&a) {
            chosen.push(a);
        }
    }
    let mut others: Vec<usize> = (0..registry.records.len())
        .filter(|a| registry.records[*a].confirmed && !chosen.contains(a))
        .collect();
    others.sort_by_key(|&a| (std::cmp::Reverse(registry.records[a].mentions), registry.records[a].first));
    chosen.extend(others.into_iter().take(MAX_ACTORS.saturating_sub(chosen.len())));
    chosen.sort_by_key(|&a| (registry.records[a].first, a));
    let mut actor_id = vec![String::new(); registry.records.len()];
    for &a in &chosen {
        let r = &registry.records[a];
        let id = ids.unique(&slug(&r.name, 6), "actor");
        actor_id[a].clone_from(&id);
        b.actors.push(Actor {
            id,
            name: r.name.clone(),
            kind: r.kind,
            role: r.role.clone(),
            aliases: r.aliases.clone(),
        });
    }
    let mut tags: Vec<(usize, &str)> = chosen
        .iter()
        .map(|&a| &registry.records[a])
        .filter(|r| matches!(r.kind, ActorKind::State | ActorKind::Organisation) && !r.described)
        .map(|r| (r.mentions, r.name.as_str()))
        .collect();
    tags.sort_by_key(|(mentions, _)| std::cmp::Reverse(*mentions));
    b.tags = tags.into_iter().take(4).map(|(_, name)| slug(name, 4)).filter(|t| !t.is_empty()).collect();

    let mut weak_questions = 0;
    for item in items {
        let mut about = Vec::new();
        for c in item.claims {
            let speaker =
                registry.records[c.claimant].name.split_whitespace().last().unwrap_or("claim").to_string();
            let id = ids.unique(&slug(&format!("{speaker} {}", keywords(&c.text, 3)), 6), "claim");
            about.push(id.clone());
            b.claims.push(Claim {
                id,
                text: c.text,
                claimed_by: actor_id[c.claimant].clone(),
                reported_by: c.reported_by.map(|r| actor_id[r].clone()),
                stance: c.stance,
                quote: item.quote.clone(),
                reliability: None,
                credibility: None,
                refs: Vec::new(),
            });
        }
        for (f, by, as_of) in item.figures {
            let id = ids.unique(&slug(&f.unit, 4), "figure");
            about.push(id.clone());
            b.figures.push(Figure {
                id,
                value: f.value,
                unit: f.unit,
                subject: f.subject,
                qualifier: f.qualifier,
                text: f.text,
                claimed_by: by.map(|a| actor_id[a].clone()),
                as_of,
                quote: item.quote.clone(),
                refs: Vec::new(),
            });
        }
        let Some(q) = item.question else { continue };
        let weak_allowed = !about.is_empty() && weak_questions < MAX_WEAK_QUESTIONS;
        if b.questions.len() >= MAX_QUESTIONS || (!q.strong && !weak_allowed) {
            continue;
        }
        weak_questions += usize::from(!q.strong);
        let id = ids.unique(&slug(&keywords(&q.text, 4), 5), "question");
        b.questions.push(Question { id, text: q.text, about, source: Some(item.quote), refs: Vec::new() });
    }
}

/// Item ids, unique within the briefing.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn unique(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() { fallback } else { base };
        let mut id = base.to_string();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

fn summary_text(text: &str, sentences: &[sentences::Sentence], chosen: &[usize]) -> String {
    let parts: Vec<&str> = chosen.iter().map(|&s| &text[sentences[s].range.clone()]).collect();
    if !parts.is_empty() {
        return parts.join(" ");
    }
    // No sentence fits a summary (a text of fragments): its opening words stand in.
    let words: Vec<&str> = text.split_whitespace().take(40).collect();
    let mut out = words.join(" ");
    if text.split_whitespace().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// A title from the lead sentence: its first dozen words.
fn title_from(sentence: &str) -> String {
    const WORDS: usize = 14;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut title = words.iter().take(WORDS).copied().collect::<Vec<_>>().join(" ");
    if words.len() > WORDS {
        title = title.trim_end_matches([',', ';', ':', '-', '–']).to_string() + "…";
    }
    let title = plain(&title);
    if title.is_empty() { "Untitled article".into() } else { title }
}

/// Text the draft writes in its own words: straight quotes, single spaces.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        let mut space = false;
        for &b in text.as_bytes() {
            if char::from(b).is_whitespace() {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b));
            }
        }
        return out;
    }
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.push_str(word);
            continue;
        }
        out.extend(word.chars().map(|c| match c {
            '‘' | '’' | 'ʼ' => '\'',
            '“' | '”' | '„' => '"',
            c => c,
        }));
    }
    out
}

/// The text with a capital first letter.
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let mut out = String::with_capacity(text.len());
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

/// A slug of the first `max_words` words: ASCII letters and digits (accents folded), joined by `-`, at
/// most 60 characters.
pub fn slug(text: &str, max_words: usize) -> String {
    const MAX_LEN: usize = 60;
    let mut out = String::new();
    let mut word = String::new();
    let mut words = 0;
    // Adds the word being built; false once the slug is full.
    let mut flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return true;
        }
        if words == max_words || out.len() + word.len() + 1 > MAX_LEN {
            return false;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
        word.clear();
        words += 1;
        true
    };
    for c in text.chars() {
        let c = if c.is_ascii() { c } else { fold_char(c) };
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c != '\'' && !flush(&mut word, &mut out) {
            return out;
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The first `n` content words of a text, for ids.
fn keywords(text: &str, n: usize) -> String {
    let gaz = gazetteer::get();
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.len() > 2 && !gaz.is_stop(&w.to_lowercase()))
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The draft as TOML, with a header saying it is a machine draft to review.
pub fn to_toml(b: &Briefing, from: &str) -> String {
    let body = toml::to_string(b).expect("a briefing always serialises to TOML");
    format!(
        "# Draft made by `brief convert` from {}.\n# Machine extraction: check every item against the article, fix or delete what is wrong,\n# then set status = \"reviewed\".\n\n{body}",
        neutralize(from)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_plain_text() {
        assert_eq!(
            slug("North Korea’s ‘Deepening Military Cooperation’ With Moscow", 4),
            "north-koreas-deepening-military"
        );
        assert_eq!(slug("São Paulo 2024", 6), "sao-paulo-2024");
        assert!(is_slug(&slug(&"word ".repeat(40), 40)));
        assert_eq!(plain("“It’s  here”"), "\"It's here\"");
    }

    #[test]
    fn decoding_names_what_is_wrong_and_where() {
        assert_eq!(decode(b"ok\nbad \xff here".to_vec()), Err(ConvertError::NotUtf8 { line: 2, column: 5 }));
        assert_eq!(decode(b"\xff\xfeh\0i\0".to_vec()), Err(ConvertError::Utf16));
        assert_eq!(decode(b"a\0b".to_vec()), Err(ConvertError::Binary { line: 1, column: 2 }));
        assert_eq!(decode("fine ✓".into()).as_deref(), Ok("fine ✓"));
    }

    #[test]
    fn empty_and_boilerplate_only_articles_are_errors() {
        assert_eq!(convert(" \n\t ", &Options::default()), Err(ConvertError::Empty));
        assert_eq!(
            convert("COMMENTS\nShare this article", &Options::default()),
            Err(ConvertError::OnlyBoilerplate)
        );
        let bad_id = Options { id: Some("Bad Id".into()), ..Options::default() };
        assert_eq!(convert("Text.", &bad_id), Err(ConvertError::BadId("Bad Id".into())));
    }
}
