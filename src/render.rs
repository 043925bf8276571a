//! A briefing as plain, wrapped text (`brief show`), the small phrases other outputs share, and the text
//! each command prints (one module per command).

pub mod actors;
pub mod figures;
pub mod hits;
pub mod list;
pub mod questions;
pub mod timeline;
pub mod xref;

use std::fmt::Write;

use textwrap::Options;

use crate::model::{Briefing, Briefings, Claim, Figure, ItemRef};
use crate::xref::{CrossRef, ItemAt, Link, Linked};

/// Inferred links listed per item in text: a claim in a large folder may resemble thousands of others.
pub const INFERRED_SHOWN: usize = 10;
/// How many briefings a line about an actor's other appearances names before it only counts the rest.
pub const SAME_ACTOR_SHOWN: usize = 8;

/// How many of an item's links (explicit refs first, as `CrossRef::related` orders them) to list: every
/// explicit ref, then the best inferred ones.
pub fn links_shown<L: std::borrow::Borrow<Link>>(links: &[L]) -> usize {
    let explicit = links.iter().take_while(|l| l.borrow().kind.is_explicit()).count();
    links.len().min(explicit + INFERRED_SHOWN)
}

/// The briefings the links of one item lead to where text prints them: those of the first
/// [`SAME_ACTOR_SHOWN`] same-actor links and of the links [`links_shown`] keeps of the others.
pub fn briefings_shown(links: &[Link]) -> Vec<usize> {
    let (same_actor, others): (Vec<&Link>, Vec<&Link>) =
        links.iter().partition(|l| l.kind == crate::xref::LinkKind::SameActor);
    let shown = links_shown(&others);
    (same_actor.iter().take(SAME_ACTOR_SHOWN).chain(&others[..shown])).map(|l| l.to.briefing).collect()
}

/// The briefing at index `at` of `briefings`, every line at most `width` columns wide (wide characters
/// counted as two), with its cross-references from `xref` (built over the same `briefings`).
pub fn briefing_text<B: Briefings + ?Sized>(
    at: usize,
    briefings: &B,
    xref: &CrossRef,
    width: usize,
) -> String {
    let b = briefings.briefing(at);
    // Every item's links at once: a briefing's claims are compared with the folder's together.
    let items: Vec<ItemAt> = b.items().map(|(_, item)| ItemAt { briefing: at, item }).collect();
    let mut linked: std::collections::HashMap<ItemRef, Linked> =
        items.iter().map(|at| at.item).zip(xref.linked(&items, INFERRED_SHOWN)).collect();
    let mut related = |item| linked.remove(&item).unwrap_or_default();
    let mut out = String::new();
    let title = wrap(&b.title, width, "", "");
    let rule_width = title.lines().map(unicode_width::UnicodeWidthStr::width).max().unwrap_or(0);
    let _ = writeln!(out, "{title}\n{}", "=".repeat(rule_width));
    out.push_str(&wrap(&source_line(b), width, "", ""));
    out.push('\n');
    if let Some(url) = &b.source.url {
        out.push_str(&wrap(url, width, "", ""));
        out.push('\n');
    }
    if let Some(note) = &b.source.note {
        out.push_str(&wrap(note, width, "", ""));
        out.push('\n');
    }
    if !b.tags.is_empty() {
        out.push_str(&wrap(&format!("Tags: {}", b.tags.join(", ")), width, "", "  "));
        out.push('\n');
    }

    section(&mut out, "SUMMARY");
    for paragraph in b.summary.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", wrap(paragraph, width, "  ", "  "));
    }

    if !b.figures.is_empty() {
        section(&mut out, "KEY FIGURES");
        for (i, f) in b.figures.iter().enumerate() {
            let links = related(ItemRef::Figure(i));
            item(&mut out, width, &figure_line(b, f), &[], Some(&f.quote), &links, briefings);
        }
    }
    if !b.actors.is_empty() {
        section(&mut out, "ACTORS");
        for a in &b.actors {
            let mut line = format!("{} ({})", a.name, a.kind);
            if let Some(role) = &a.role {
                let _ = write!(line, ": {role}");
            }
            if !a.aliases.is_empty() {
                let _ = write!(line, "; also {}", a.aliases.join(", "));
            }
            out.push_str(&wrap(&line, width, "  • ", "    "));
            out.push('\n');
        }
        out.push('\n');
    }
    if !b.claims.is_empty() {
        section(&mut out, "CLAIMS");
        for (i, c) in b.claims.iter().enumerate() {
            let links = related(ItemRef::Claim(i));
            item(&mut out, width, &claim_line(b, c), &[], Some(&c.quote), &links, briefings);
        }
    }
    if !b.questions.is_empty() {
        section(&mut out, "OPEN QUESTIONS");
        for (i, q) in b.questions.iter().enumerate() {
            let about: Vec<String> =
                about(b, &q.about).iter().map(|label| format!("about: {label}")).collect();
            let links = related(ItemRef::Question(i));
            item(&mut out, width, &q.text, &about, q.source.as_deref(), &links, briefings);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn section(out: &mut String, name: &str) {
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    let _ = writeln!(out, "{name}");
}

/// A bulleted item: its line, notes on lines of their own, its quote, then its links.
fn item<B: Briefings + ?Sized>(
    out: &mut String,
    width: usize,
    line: &str,
    notes: &[String],
    quote: Option<&str>,
    linked: &Linked,
    briefings: &B,
) {
    let links = &linked.links;
    out.push_str(&wrap(line, width, "  • ", "    "));
    out.push('\n');
    for note in notes {
        out.push_str(&wrap(note, width, "    ", "      "));
        out.push('\n');
    }
    if let Some(quote) = quote {
        out.push_str(&wrap(&format!("“{quote}”"), width, "    ", "     "));
        out.push('\n');
    }
    let shown = links_shown(links);
    for link in &links[..shown] {
        let line = format!("→ {}: {}", link.kind.label(), link_target(link, briefings));
        out.push_str(&wrap(&line, width, "    ", "      "));
        out.push('\n');
    }
    if shown < linked.total {
        let line = format!("→ … and {} more (brief xref lists every one)", linked.total - shown);
        out.push_str(&wrap(&line, width, "    ", "      "));
        out.push('\n');
    }
    out.push('\n');
}

/// "Voice of America, 2023-11-09, by X (reviewed)".
pub fn source_line(b: &Briefing) -> String {
    let mut line = b.source.outlet.clone();
    if let Some(date) = b.source.published {
        let _ = write!(line, ", {date}");
    }
    if let Some(author) = &b.source.author {
        let _ = write!(line, ", by {author}");
    }
    let _ = write!(line, " ({})", b.status);
    line
}

/// "more than a million artillery shells: more-than 1000000, per X, as of 2023-11".
pub fn figure_line(b: &Briefing, f: &Figure) -> String {
    let mut line = format!("{} [{} {}]", f.phrase(), f.qualifier, format_value(f.value));
    if let Some(subject) = &f.subject {
        let _ = write!(line, ", {subject}");
    }
    if let Some(by) = &f.claimed_by {
        let _ = write!(line, ", per {}", b.actor_name(by));
    }
    if let Some(date) = f.as_of {
        let _ = write!(line, ", as of {date}");
    }
    line
}

/// "[asserts] text, per X, reported by Y (B3)".
pub fn claim_line(b: &Briefing, c: &Claim) -> String {
    let mut line = format!("[{}] {} ({})", c.stance, c.text, attribution(b, c));
    if let Some(grade) = grades(c) {
        let _ = write!(line, " [{grade}]");
    }
    line
}

/// "per CLAIMANT, reported by OUTLET".
pub fn attribution(b: &Briefing, c: &Claim) -> String {
    let mut line = format!("per {}", b.actor_name(&c.claimed_by));
    if let Some(by) = &c.reported_by {
        let _ = write!(line, ", reported by {}", b.actor_name(by));
    }
    line
}

/// The Admiralty grade, "B3", or one half of it when only one is given.
pub fn grades(c: &Claim) -> Option<String> {
    match (c.reliability, c.credibility) {
        (None, None) => None,
        (r, cr) => Some(format!(
            "{}{}",
            r.map_or("?".to_string(), |r| r.to_string()),
            cr.map_or("?".to_string(), |c| c.get().to_string())
        )),
    }
}

/// A value without a trailing `.0`, with thousands separators: 1,600,000 or 0.3.
pub fn format_value(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return value.to_string();
    }
    let digits = format!("{}", value.abs() as u64);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if value < 0.0 { format!("-{grouped}") } else { grouped }
}

/// "Title of the other briefing (Outlet, date): label of the item".
pub fn link_target<B: Briefings + ?Sized>(link: &Link, briefings: &B) -> String {
    let other = briefings.briefing(link.to.briefing);
    let date = other.source.published.map_or(String::new(), |d| format!(", {d}"));
    format!("{} ({}{date}): {}", other.title, other.source.outlet, other.item_label(link.to.item))
}

/// `briefing#item` for an item anywhere in the folder.
pub fn item_address<B: Briefings + ?Sized>(briefings: &B, at: ItemAt) -> String {
    let b = briefings.briefing(at.briefing);
    let id = b.items().find(|(_, item)| *item == at.item).map_or("", |(id, _)| id);
    format!("{}#{id}", b.id)
}

/// The labels of the items a question is about (an id that names no item, as itself).
pub fn about(b: &Briefing, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| b.item(id).map_or_else(|| id.to_string(), |i| b.item_label(i))).collect()
}

fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let options = Options::new(width.max(first.len() + 8)).initial_indent(first).subsequent_indent(rest);
    textwrap::fill(text, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::xref::LinkKind;

    #[test]
    fn every_explicit_ref_and_the_best_inferred_links_are_listed() {
        let link = |kind| Link { to: ItemAt { briefing: 0, item: ItemRef::Claim(0) }, kind, score: 1.0 };
        let mut links = vec![link(LinkKind::Ref(Relation::Corroborates)); 12];
        assert_eq!(links_shown(&links), 12, "explicit refs are never cut");
        links.extend(std::iter::repeat_with(|| link(LinkKind::SimilarClaim)).take(30));
        assert_eq!(links_shown(&links), 12 + INFERRED_SHOWN);
        assert_eq!(links_shown(&links[12..15]), 3);
    }

    #[test]
    fn values_are_grouped_and_keep_fractions() {
        assert_eq!(format_value(1_600_000.0), "1,600,000");
        assert_eq!(format_value(200.0), "200");
        assert_eq!(format_value(0.3), "0.3");
        assert_eq!(format_value(-1500.0), "-1,500");
    }
}
