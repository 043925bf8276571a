//! Cross-reference inference judged on the five seeds with every explicit `refs` removed: what the
//! reviewed refs link must still be found, and what inference adds beyond them must be right.

use std::collections::BTreeSet;
use std::path::Path;

use brief::model::{Briefing, ItemRef};
use brief::store::Store;
use brief::xref::{CrossRef, ItemAt, LinkKind, compare_figures};

fn seeds() -> Vec<Briefing> {
    let store = Store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")).unwrap();
    store.entries.iter().map(|e| e.briefing.clone()).collect()
}

fn strip_refs(briefings: &mut [Briefing]) {
    for b in briefings {
        b.figures.iter_mut().for_each(|f| f.refs.clear());
        b.claims.iter_mut().for_each(|c| c.refs.clear());
        b.questions.iter_mut().for_each(|q| q.refs.clear());
    }
}

fn address(briefings: &[&Briefing], at: ItemAt) -> String {
    let b = briefings[at.briefing];
    let short = b.id.split('-').next().unwrap();
    format!("{short}#{}", b.items().find(|(_, i)| *i == at.item).unwrap().0)
}

/// Every inferred link between figures or claims, as an unordered pair with its kind.
fn inferred(briefings: &[&Briefing]) -> BTreeSet<(String, String, &'static str)> {
    let xref = CrossRef::build(briefings);
    let mut out = BTreeSet::new();
    for (bi, b) in briefings.iter().enumerate() {
        for (_, item) in b.items().filter(|(_, i)| !matches!(i, ItemRef::Actor(_))) {
            let at = ItemAt { briefing: bi, item };
            for link in xref.related(at) {
                assert!(!link.kind.is_explicit(), "refs were stripped");
                let (a, z) = (address(briefings, at), address(briefings, link.to));
                let pair = if a < z { (a, z) } else { (z, a) };
                out.insert((pair.0, pair.1, link.kind.label()));
            }
        }
    }
    out
}

/// Pairs the reviewed briefings link with explicit refs (the ground truth inference is judged by).
fn reviewed_pairs(briefings: &[&Briefing]) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (bi, b) in briefings.iter().enumerate() {
        for (_, item) in b.items() {
            for r in b.item_refs(item) {
                let (to_briefing, to_item) = r.target().unwrap();
                let t = briefings.iter().position(|o| o.id == to_briefing).unwrap();
                let to = ItemAt { briefing: t, item: briefings[t].item(to_item).unwrap() };
                let (a, z) = (address(briefings, ItemAt { briefing: bi, item }), address(briefings, to));
                out.insert(if a < z { (a, z) } else { (z, a) });
            }
        }
    }
    out
}

fn pair(a: &str, z: &str) -> (String, String) {
    if a < z { (a.to_string(), z.to_string()) } else { (z.to_string(), a.to_string()) }
}

/// Links inference must find on its own (the quality bar).
const REQUIRED: &[(&str, &str, &str)] = &[
    // The shell count in the three briefings that give it.
    ("trilateral#shells-delivered", "blinken#shells-sent", "same figure"),
    ("trilateral#shells-delivered", "allies#shells-received", "same figure"),
    ("blinken#shells-sent", "allies#shells-received", "same figure"),
    // The denials against the U.S. assertions ...
    ("blinken#north-korea-denies-arms", "kirby#talks-findings", "contradicts"),
    ("blinken#russia-denies-arms", "kirby#talks-findings", "contradicts"),
    ("arms#russia-denies-deal", "trilateral#advisors-agree-supply", "contradicts"),
    ("allies#russia-denies-transfers", "trilateral#advisors-agree-supply", "contradicts"),
    ("blinken#russia-denies-arms", "arms#earlier-supply-accusation", "contradicts"),
    ("allies#russia-denies-transfers", "trilateral#us-confirms-transfers", "contradicts"),
    ("allies#north-korea-denies-transfers", "trilateral#us-confirms-transfers", "contradicts"),
    // ... and against South Korean intelligence's estimate.
    ("allies#russia-denies-transfers", "trilateral#shells-delivered-estimate", "contradicts"),
    ("allies#north-korea-denies-transfers", "trilateral#shells-delivered-estimate", "contradicts"),
    ("blinken#russia-denies-arms", "trilateral#shells-delivered-estimate", "contradicts"),
    // The Shoigu visit and Putin–Kim letters, reported by two outlets.
    ("kirby#letters-exchanged", "arms#letters-exchanged", "similar claim"),
    // The U.N. Security Council resolutions across four briefings.
    ("arms#deal-violates-unsc", "blinken#unsc-bars-transactions", "similar claim"),
    ("arms#deal-violates-unsc", "kirby#deal-would-violate-unsc", "similar claim"),
    ("arms#deal-violates-unsc", "allies#allies-condemn-transfers", "similar claim"),
];

/// Links the reviewed refs do not carry but that a reader checking them agrees with.
const JUDGED_RIGHT: &[(&str, &str)] = &[
    // The same denial reported in two briefings, and Russia's and North Korea's denials of one thing.
    ("arms#north-korea-denies-deal", "blinken#north-korea-denies-arms"),
    ("arms#russia-denies-deal", "blinken#russia-denies-arms"),
    ("allies#north-korea-denies-transfers", "arms#russia-denies-deal"),
    ("allies#north-korea-denies-transfers", "blinken#russia-denies-arms"),
    ("allies#russia-denies-transfers", "arms#north-korea-denies-deal"),
    ("allies#russia-denies-transfers", "blinken#north-korea-denies-arms"),
    ("arms#north-korea-denies-deal", "blinken#russia-denies-arms"),
    ("arms#russia-denies-deal", "blinken#north-korea-denies-arms"),
    ("arms#north-korea-denies-deal", "trilateral#advisors-agree-supply"),
    ("allies#north-korea-denies-transfers", "trilateral#advisors-agree-supply"),
    ("blinken#north-korea-denies-arms", "trilateral#advisors-agree-supply"),
    ("blinken#russia-denies-arms", "trilateral#advisors-agree-supply"),
    ("blinken#unsc-bars-transactions", "kirby#deal-would-violate-unsc"),
    // Kirby's same briefing on the high-level talks, as two outlets report it.
    ("arms#letters-surface-level", "kirby#talks-findings"),
    ("allies#wapo-shells-estimate", "trilateral#shells-delivered-estimate"),
];

/// Links inference makes that are wrong, measured and kept visible rather than hidden.
const KNOWN_FALSE: &[(&str, &str)] = &[
    // Concern about missile programs in general is not the report of one launch.
    ("blinken#concern-missile-nuclear-space", "kirby#missile-launch"),
];

#[test]
fn inference_alone_finds_the_reviewed_links_and_little_else() {
    let original = seeds();
    let reviewed = reviewed_pairs(&original.iter().collect::<Vec<_>>());
    let mut owned = original.clone();
    strip_refs(&mut owned);
    let briefings: Vec<&Briefing> = owned.iter().collect();
    let found = inferred(&briefings);

    for (a, z, kind) in REQUIRED {
        let (a, z) = pair(a, z);
        assert!(found.contains(&(a.clone(), z.clone(), kind)), "not inferred: {a} {kind} {z}");
    }
    let right: BTreeSet<(String, String)> = JUDGED_RIGHT
        .iter()
        .copied()
        .chain(REQUIRED.iter().map(|&(a, z, _)| (a, z)))
        .map(|(a, z)| pair(a, z))
        .collect();
    let wrong: BTreeSet<(String, String)> = found
        .iter()
        .map(|(a, z, _)| (a.clone(), z.clone()))
        .filter(|p| !reviewed.contains(p) && !right.contains(p))
        .collect();
    let expected_wrong: BTreeSet<(String, String)> = KNOWN_FALSE.iter().map(|(a, z)| pair(a, z)).collect();
    assert_eq!(wrong, expected_wrong, "inferred links nobody has judged (or judged false ones gone)");
    // The rate docs/xref.md states (`--nocapture` prints it): known false links over all inferred links.
    let rate = wrong.len() as f64 / found.len() as f64;
    println!("false links: {} of {} inferred ({:.1}%)", wrong.len(), found.len(), rate * 100.0);
    assert!(rate <= 0.05, "false-link rate {rate:.3} over {} links", found.len());
}

#[test]
fn the_two_shell_counts_are_flagged_as_differing_and_the_later_one_known() {
    let mut owned = seeds();
    strip_refs(&mut owned);
    let briefings: Vec<&Briefing> = owned.iter().collect();
    let at = |briefing: &str, item: &str| {
        let b = briefings.iter().position(|b| b.id.starts_with(briefing)).unwrap();
        ItemAt { briefing: b, item: briefings[b].item(item).unwrap() }
    };
    let nis_dec = at("trilateral", "shells-delivered");
    let nis_nov = at("blinken", "shells-sent");
    let wapo = at("allies", "shells-received");
    let million_vs_more = compare_figures(&briefings, nis_dec, wapo);
    assert!(million_vs_more.values_differ);
    assert_eq!(million_vs_more.later, Some(wapo));
    assert!(!compare_figures(&briefings, nis_nov, nis_dec).values_differ, "both say more than a million");
    let xref = CrossRef::build(&briefings);
    let link = xref.related(nis_dec).into_iter().find(|l| l.to == wapo).unwrap();
    assert_eq!(link.kind, LinkKind::SameFigure);
    let why = brief::xref::reason(&briefings, nis_dec, &link);
    assert!(why.contains("values differ"), "{why}");
}
