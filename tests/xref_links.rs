//! The links a command lists of an item ([`CrossRef::linked`]: every claim of a briefing worked out
//! together, only the best few kept) are those of the full computation: every pair of claims compared
//! (`claim_link`), explicit refs first, then the inferred links best first, cut at the limit, counted in
//! full, and the support of all of them. Checked on random folders of the generator.

#[path = "../benches/corpus.rs"]
#[allow(dead_code)] // `corpus::corpus`: these tests draw folders of their own
mod corpus;

use brief::model::{Briefing, ItemRef};
use brief::xref::{CrossRef, ItemAt, Link, Linked};

/// A folder of `count` briefings drawn with `seed`.
fn folder(seed: u64, count: usize) -> Vec<Briefing> {
    let mut rng = corpus::Rng::new(seed);
    let mut earlier = Vec::new();
    (0..count).map(|n| corpus::briefing(&mut rng, n, &mut earlier)).collect()
}

/// What `linked` must give for the claim `at`, limited to `inferred` inferred links: worked out from
/// every pair of claims.
fn from_pairs(graph: &CrossRef, at: ItemAt, inferred: usize) -> Linked {
    let n = graph.claim_number(at).unwrap();
    let explicit: Vec<Link> = graph.explicit_links(at).into_owned();
    let mut all: Vec<Link> = (0..graph.claim_count())
        .filter_map(|m| graph.claim_link(n, m))
        .filter(|l| !explicit.iter().any(|e| e.to == l.to))
        .collect();
    all.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.to.cmp(&b.to)));
    let full: Vec<Link> = explicit.iter().cloned().chain(all.iter().cloned()).collect();
    let support = graph.corroboration_from(&full);
    let links = explicit.iter().cloned().chain(all.into_iter().take(inferred)).collect();
    Linked { links, total: full.len(), support }
}

#[test]
fn the_links_listed_are_those_of_every_pair_compared_on_random_folders() {
    let mut claims_checked = 0;
    let mut cut = 0;
    for (seed, count) in [(1, 40), (2, 90), (3, 150), (0x5eed, 60)] {
        let briefings = folder(seed, count);
        let refs: Vec<&Briefing> = briefings.iter().collect();
        let graph = CrossRef::build(&refs);
        for (b, briefing) in briefings.iter().enumerate().step_by(3) {
            let items: Vec<ItemAt> = briefing.items().map(|(_, item)| ItemAt { briefing: b, item }).collect();
            for inferred in [0, 2, 10, usize::MAX] {
                let linked = graph.linked(&items, inferred);
                assert_eq!(linked.len(), items.len());
                for (&at, got) in items.iter().zip(&linked) {
                    if !matches!(at.item, ItemRef::Claim(_)) {
                        let all = graph.related(at);
                        assert_eq!(got.links, all, "seed {seed}: {at:?}");
                        assert_eq!(got.total, all.len());
                        continue;
                    }
                    let expected = from_pairs(&graph, at, inferred);
                    assert_eq!(got, &expected, "seed {seed}: {at:?}, limit {inferred}");
                    if got.links.len() < got.total {
                        cut += 1;
                    }
                    if inferred == usize::MAX {
                        assert_eq!(graph.related(at), expected.links);
                        claims_checked += 1;
                    }
                }
            }
        }
    }
    assert!(claims_checked > 100, "{claims_checked} claims");
    assert!(cut > 50, "the limits cut lists: {cut}");
}

#[test]
fn a_briefing_of_many_claims_is_taken_in_groups_with_the_same_links() {
    // More claims than one group (32) in one briefing, and the folder's claims in several slices.
    let mut briefings = folder(7, 120);
    let donors: Vec<_> = briefings[1..].iter().flat_map(|b| b.claims.clone()).take(100).collect();
    let big = &mut briefings[0];
    let claimant = big.actors[0].id.clone();
    for (i, mut claim) in donors.into_iter().enumerate() {
        claim.id = format!("extra-{i}");
        claim.claimed_by = claimant.clone();
        claim.reported_by = None;
        claim.refs.clear();
        big.claims.push(claim);
    }
    let refs: Vec<&Briefing> = briefings.iter().collect();
    let graph = CrossRef::build(&refs);
    let items: Vec<ItemAt> =
        (0..briefings[0].claims.len()).map(|c| ItemAt { briefing: 0, item: ItemRef::Claim(c) }).collect();
    assert!(items.len() > 64);
    for inferred in [3, usize::MAX] {
        for (&at, got) in items.iter().zip(graph.linked(&items, inferred)) {
            assert_eq!(got, from_pairs(&graph, at, inferred), "{at:?}, limit {inferred}");
        }
    }
}
