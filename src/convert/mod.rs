//! An article's plain text → a draft briefing (`status = "draft"`), offline and deterministic.
//!
//! A pipeline of passes, each a module with its own tests, each reading the results of the passes before
//! it and returning its own:
//!
//! `clean` (the story's paragraphs, headline, byline, outlets named in datelines and credits) →
//! `sentences` → `doc` (tokens with word classes, quotations) → `names` (mentions: people, bodies,
//! states, outlets, places) → `coref` (entities: which mentions name one actor) → `attribution` (claims and
//! their speakers) → `figures` (with `dates`) → `open_points` → `summary` → the `Briefing`, assembled here.
//! What the passes know about the world and about news English is the `lexicon`, read from
//! `assets/lexicon.toml`, `assets/gazetteer.toml` and `assets/given-names.txt`.
//!
//! Every pass is linear in the article: each sentence is tokenised once, and no pass compares every
//! sentence with every other.

mod attribution;
pub mod batch;
mod clean;
mod coref;
mod dates;
mod doc;
mod figures;
pub mod lexicon;
mod names;
mod open_points;
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
use attribution::{Attributions, Speaker};
use coref::Entities;

/// Articles larger than this are refused rather than read into memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;
/// Caps that keep a draft reviewable however long the article is.
pub const MAX_ACTORS: usize = 40;
/// The role of an actor the article does not name ("a spokesperson", "economists"), made for its claims.
pub const UNNAMED_SOURCE: &str = "unnamed source";
pub const MAX_FIGURES: usize = 30;
pub const MAX_CLAIMS: usize = 60;
pub const MAX_QUESTIONS: usize = 12;
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

/// A figure found in one sentence, with its claimant and date.
struct SentenceFigure {
    sentence: usize,
    found: figures::Found,
    claimant: Option<Speaker>,
    as_of: Option<Date>,
}

/// Converts an article's text into a draft briefing.
pub fn convert(raw: &str, options: &Options) -> Result<Briefing, ConvertError> {
    let lex = lexicon::get();
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
    let cleaned = clean::clean(raw, lex);
    if cleaned.text.is_empty() {
        return Err(ConvertError::OnlyBoilerplate);
    }
    let sentences = sentences::split(&cleaned.text, &cleaned.paragraphs, lex);
    let doc = doc::Doc::new(&cleaned.text, &sentences, lex);
    let mentions = names::find(&doc, lex);
    let entities = Entities::resolve(&doc, &mentions, cleaned.dateline_place.as_deref(), lex);
    let attributions = attribution::find(&doc, &mentions, &entities, lex);

    // Figures, with the claimant of their sentence's first claim and the date it gives.
    let mut figures = Vec::new();
    for s in &doc.sents {
        if figures.len() >= MAX_FIGURES {
            break;
        }
        let written = dates::find(&s.t, lex);
        let date = dates::sentence_date(&s.t, &written, options.published);
        let claimant = attributions.claims.iter().find(|c| c.sentence == s.index).map(|c| c.speaker);
        for found in figures::find(&s.t, &written, lex) {
            figures.push(SentenceFigure { sentence: s.index, found, claimant, as_of: date });
        }
    }
    figures.truncate(MAX_FIGURES);

    // The summary: the most central sentences, the lead first.
    let mut stats = summary::Stats::default();
    let counted: Vec<summary::Counted> =
        doc.sents.iter().map(|s| stats.add(&summary::terms(&s.t, lex))).collect();
    let candidates = doc
        .sents
        .iter()
        .take(summary::CANDIDATES)
        .filter_map(|s| summary::candidate(s.index, s.index, &s.t, &counted[s.index], &stats))
        .collect();
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
    let outlet = match (&options.outlet, cleaned.outlets.first()) {
        (Some(outlet), _) => neutralize(outlet).into_owned(),
        (None, Some(outlet)) => outlet.clone(),
        (None, None) => "unknown".into(),
    };
    let mut briefing = Briefing {
        schema: SCHEMA_VERSION,
        id,
        title,
        summary,
        tags: Vec::new(),
        status: Status::Draft,
        source: Source {
            outlet,
            url: None,
            published: options.published,
            author: cleaned.author.clone(),
            article: options.article.as_deref().map(|a| neutralize(a).into_owned()),
            note: cleaned.note.clone(),
        },
        actors: Vec::new(),
        figures: Vec::new(),
        claims: Vec::new(),
        questions: Vec::new(),
    };
    let parts = Parts {
        doc: &doc,
        entities: &entities,
        attributions: &attributions,
        figures,
        outlets: &cleaned.outlets,
    };
    assemble(&mut briefing, parts, lex);
    Ok(briefing)
}

/// The results of the passes, for assembly.
struct Parts<'a> {
    doc: &'a doc::Doc<'a>,
    entities: &'a Entities,
    attributions: &'a Attributions,
    figures: Vec<SentenceFigure>,
    /// Outlets named in datelines, credits and copyright lines.
    outlets: &'a [String],
}

/// An actor of the draft before it gets its id.
struct Draft {
    name: String,
    kind: ActorKind,
    role: Option<String>,
    aliases: Vec<String>,
    first: (usize, usize),
    mentions: usize,
}

/// Turns what the passes found into the briefing's items, with ids, actors chosen and capped.
fn assemble(b: &mut Briefing, p: Parts, lex: &lexicon::Lexicon) {
    let mut ids = Ids::default();
    let ents = p.entities;
    let att = p.attributions;
    // Actors: every entity that is one, the outlets of the credits, and the unnamed speakers claims need.
    let mut drafts: Vec<Draft> = Vec::new();
    let mut of_entity: Vec<Option<usize>> = vec![None; ents.list.len()];
    let speaks: HashSet<Speaker> =
        att.claims.iter().flat_map(|c| std::iter::once(c.speaker).chain(c.reported_by)).collect();
    for (i, e) in ents.list.iter().enumerate() {
        if !e.is_actor() && !speaks.contains(&Speaker::Entity(i)) {
            continue;
        }
        of_entity[i] = Some(drafts.len());
        drafts.push(Draft {
            name: plain(&e.name),
            kind: e.actor_kind(),
            role: e.role.as_deref().map(plain),
            aliases: e.aliases.iter().map(|a| plain(a)).filter(|a| *a != plain(&e.name)).collect(),
            first: e.first(),
            mentions: e.mentions.len() + 2 * usize::from(speaks.contains(&Speaker::Entity(i))),
        });
    }
    let mut of_unnamed: Vec<Option<usize>> = vec![None; att.unnamed.len()];
    for (i, u) in att.unnamed.iter().enumerate() {
        if !speaks.contains(&Speaker::Unnamed(i)) {
            continue;
        }
        of_unnamed[i] = Some(drafts.len());
        drafts.push(Draft {
            name: u.name.clone(),
            kind: u.kind,
            // Said so, for a reviewer weighing the claim: the article names no one.
            role: Some(UNNAMED_SOURCE.to_string()),
            aliases: u.aliases.clone(),
            first: u.first,
            mentions: 2,
        });
    }
    for outlet in p.outlets {
        let key = coref::key(outlet, lex);
        let known = drafts
            .iter()
            .any(|d| coref::key(&d.name, lex) == key || d.aliases.iter().any(|a| coref::key(a, lex) == key));
        if !known {
            drafts.push(Draft {
                name: outlet.clone(),
                kind: ActorKind::Outlet,
                role: None,
                aliases: Vec::new(),
                first: (usize::MAX, 0),
                mentions: 1,
            });
        }
    }
    let draft_of = |sp: Speaker| match sp {
        Speaker::Entity(e) => of_entity[e],
        Speaker::Unnamed(u) => of_unnamed[u],
    };
    // Everyone a claim or figure needs, then the most mentioned, shown in order of appearance.
    let mut chosen: Vec<usize> = Vec::new();
    let claims: Vec<&attribution::Claim> = att.claims.iter().take(MAX_CLAIMS).collect();
    for c in &claims {
        for d in std::iter::once(c.speaker).chain(c.reported_by).filter_map(draft_of) {
            if !chosen.contains(&d) {
                chosen.push(d);
            }
        }
    }
    for f in &p.figures {
        if let Some(d) = f.claimant.and_then(draft_of)
            && !chosen.contains(&d)
        {
            chosen.push(d);
        }
    }
    let mut others: Vec<usize> = (0..drafts.len()).filter(|d| !chosen.contains(d)).collect();
    others.sort_by_key(|&d| (std::cmp::Reverse(drafts[d].mentions), drafts[d].first));
    chosen.extend(others.into_iter().take(MAX_ACTORS.saturating_sub(chosen.len())));
    chosen.sort_by_key(|&d| (drafts[d].first, d));
    let mut actor_id = vec![String::new(); drafts.len()];
    for &d in &chosen {
        let draft = &drafts[d];
        let id = ids.unique(&slug(&draft.name, 6), "actor");
        actor_id[d].clone_from(&id);
        b.actors.push(Actor {
            id,
            name: draft.name.clone(),
            kind: draft.kind,
            role: draft.role.clone(),
            aliases: draft.aliases.clone(),
        });
    }
    let id_of = |sp: Speaker| draft_of(sp).map(|d| actor_id[d].clone()).filter(|id| !id.is_empty());
    let mut tags: Vec<(usize, &str)> = chosen
        .iter()
        .map(|&d| &drafts[d])
        .filter(|d| matches!(d.kind, ActorKind::State | ActorKind::Organisation))
        .map(|d| (d.mentions, d.name.as_str()))
        .collect();
    tags.sort_by_key(|(mentions, _)| std::cmp::Reverse(*mentions));
    b.tags = tags.into_iter().take(4).map(|(_, name)| slug(name, 4)).filter(|t| !t.is_empty()).collect();

    // Items sentence by sentence: claims, figures, then the sentence's open point.
    let mut weak_questions = 0;
    let mut figures = p.figures.into_iter().peekable();
    let mut claims = claims.into_iter().peekable();
    let mut differing: Vec<open_points::Stated> = Vec::new();
    for s in &p.doc.sents {
        let quote = s.text().to_string();
        let mut about = Vec::new();
        let mut first_claim: Option<String> = None;
        while let Some(c) = claims.next_if(|c| c.sentence == s.index) {
            let Some(claimed_by) = id_of(c.speaker) else { continue };
            let speaker = b.actors.iter().find(|a| a.id == claimed_by).map_or("claim", |a| a.name.as_str());
            let speaker = speaker.split_whitespace().last().unwrap_or("claim").to_string();
            let id = ids.unique(&slug(&format!("{speaker} {}", keywords(&c.text, 3)), 6), "claim");
            about.push(id.clone());
            first_claim.get_or_insert_with(|| c.text.clone());
            b.claims.push(Claim {
                id,
                text: c.text.clone(),
                claimed_by,
                reported_by: c.reported_by.and_then(id_of),
                stance: c.stance,
                quote: quote.clone(),
                reliability: None,
                credibility: None,
                refs: Vec::new(),
            });
        }
        while let Some(f) = figures.next_if(|f| f.sentence == s.index) {
            let id = ids.unique(&slug(&f.found.unit, 4), "figure");
            about.push(id.clone());
            let claimed_by = f.claimant.and_then(id_of);
            differing.push(open_points::Stated {
                text: f.found.text.clone(),
                value: f.found.value,
                unit: f.found.unit.clone(),
                subject: f.found.subject.clone(),
                measure: f.found.is_measure(lex),
                by: claimed_by.clone(),
            });
            b.figures.push(Figure {
                id,
                value: f.found.value,
                unit: f.found.unit,
                subject: f.found.subject,
                qualifier: f.found.qualifier,
                text: f.found.text,
                claimed_by,
                as_of: f.as_of,
                quote: quote.clone(),
                refs: Vec::new(),
            });
        }
        let Some(q) = open_points::find(s, first_claim.as_deref(), lex) else { continue };
        let weak_allowed = !about.is_empty() && weak_questions < MAX_WEAK_QUESTIONS;
        if b.questions.len() >= MAX_QUESTIONS || (!q.strong && !weak_allowed) {
            continue;
        }
        weak_questions += usize::from(!q.strong);
        let id = ids.unique(&slug(&keywords(&q.text, 4), 5), "question");
        b.questions.push(Question { id, text: q.text, about, source: Some(quote), refs: Vec::new() });
    }
    for text in open_points::differing_figures(&differing) {
        if b.questions.len() >= MAX_QUESTIONS {
            break;
        }
        let id = ids.unique(&slug(&keywords(&text, 4), 5), "question");
        b.questions.push(Question { id, text, about: Vec::new(), source: None, refs: Vec::new() });
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
    let gaz = lexicon::get();
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
    fn an_unnamed_speaker_is_an_actor_whose_role_says_so() {
        let text = "The Tarvo Grain Board cut its forecast on Monday. Harvests will shrink, a board spokesperson \
                    said. Traders said prices would rise.";
        let b = convert(text, &Options::default()).expect("a draft");
        let role = |name: &str| b.actors.iter().find(|a| a.name == name).map(|a| a.role.as_deref());
        assert_eq!(role("Traders"), Some(Some(UNNAMED_SOURCE)), "{:#?}", b.actors);
        assert_eq!(role("Tarvo Grain Board"), Some(None));
    }

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
