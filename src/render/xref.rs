//! `brief xref` as text.

use super::{item_address, link_target, links_shown};
use crate::model::Briefings;
use crate::model::ItemRef;
use crate::xref::{CrossRef, ItemAt, Link, LinkKind, Linked, reason};

/// One item's related items in other briefings, with how far a claim is corroborated.
pub struct Related {
    pub from: ItemAt,
    pub linked: Linked,
}

/// Each item, its corroboration, its same-actor appearances on one line, then its explicit refs and
/// best inferred links and a count of the rest, wrapped to `width`.
pub fn report_text<B: Briefings + ?Sized>(
    briefings: &B,
    xref: &CrossRef,
    report: &[Related],
    width: usize,
) -> String {
    let mut out = String::new();
    let arrow = || textwrap::Options::new(width).initial_indent("  → ").subsequent_indent("      ");
    for Related { from, linked } in report {
        let Linked { links, total, support } = linked;
        let support = matches!(from.item, ItemRef::Claim(_)).then_some(support);
        let b = briefings.briefing(from.briefing);
        let head = format!("{}: {}", item_address(briefings, *from), b.item_label(from.item));
        out.push_str(&textwrap::fill(&head, width));
        out.push('\n');
        if let Some(s) = support {
            let line = format!(
                "supported in other briefings by {} claimant(s) in {} outlet(s)",
                s.claimants.len(),
                s.outlets.len()
            );
            out.push_str(&textwrap::fill(
                &line,
                textwrap::Options::new(width).initial_indent("  ").subsequent_indent("  "),
            ));
            out.push('\n');
        }
        if links.is_empty() {
            out.push_str("  (no related items)\n");
        }
        // An actor named in thousands of briefings would otherwise take thousands of lines: its
        // appearances elsewhere share one (`--json` lists every one).
        let (same_actor, links): (Vec<&Link>, Vec<&Link>) =
            links.iter().partition(|l| l.kind == LinkKind::SameActor);
        // Of the others, `links` may hold the best few of many (`total` counts them all).
        let others = total - same_actor.len();
        if !same_actor.is_empty() {
            // Addresses are not split at their hyphens.
            let options = arrow().word_splitter(textwrap::WordSplitter::NoHyphenation);
            out.push_str(&textwrap::fill(&same_actor_line(briefings, xref, *from, &same_actor), options));
            out.push('\n');
        }
        let shown = links_shown(&links);
        for l in &links[..shown] {
            let source = if l.kind.is_explicit() { "ref".to_string() } else { reason(briefings, *from, l) };
            let line = format!(
                "{} {}: {} [{source}]",
                l.kind.label(),
                item_address(briefings, l.to),
                link_target(l, briefings)
            );
            out.push_str(&textwrap::fill(&line, arrow()));
            out.push('\n');
        }
        if shown < others {
            out.push_str(&format!("  … and {} more (--json lists every one)\n", others - shown));
        }
        out.push('\n');
    }
    if report.is_empty() {
        out.push_str("no related items in other briefings\n");
    }
    out
}

/// "same actor in N other briefings (as …): a#x, b#y, … and M more": the first few in folder order, and
/// every name they go by there.
fn same_actor_line<B: Briefings + ?Sized>(
    briefings: &B,
    xref: &CrossRef,
    from: ItemAt,
    links: &[&Link],
) -> String {
    // From the graph: the briefings of an actor's thousands of appearances are not read.
    let names = xref.names_of(from, links);
    let mut places: Vec<usize> = links.iter().map(|l| l.to.briefing).collect();
    places.sort_unstable();
    places.dedup();
    let shown: Vec<String> =
        links.iter().take(super::SAME_ACTOR_SHOWN).map(|l| item_address(briefings, l.to)).collect();
    let more = links.len() - shown.len();
    let rest = if more > 0 { format!(" and {more} more") } else { String::new() };
    let plural = if places.len() == 1 { "" } else { "s" };
    format!(
        "same actor in {} other briefing{plural} (as {}): {}{rest}",
        places.len(),
        names.join(", "),
        shown.join(", ")
    )
}
