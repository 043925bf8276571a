//! Search over the five seed briefings: aliases, numbers, phrases, scopes, ranking and match ranges.

use std::path::Path;

use brief::actors::Registry;
use brief::model::{Briefing, ItemRef};
use brief::search::{SearchIndex, Target, fields};
use brief::store::Store;

fn seeds() -> Store {
    Store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")).unwrap()
}

/// `briefing#item` (or the briefing id for an overview) of every hit, best first.
fn addresses(store: &Store, query: &str, limit: usize) -> Vec<String> {
    let briefings = store.briefings();
    let index = SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied()));
    let results = index.query(&briefings, query, limit).unwrap();
    results.hits.iter().map(|h| address(briefings[h.briefing], h.target)).collect()
}

fn address(b: &Briefing, target: Target) -> String {
    match target {
        Target::Overview => b.id.clone(),
        Target::Item(item) => format!("{}#{}", b.id, b.items().find(|(_, i)| *i == item).unwrap().0),
    }
}

#[test]
fn an_alias_finds_the_actor_in_every_briefing() {
    let store = seeds();
    for query in ["DPRK", "Pyongyang", "north korea"] {
        let actors: Vec<String> = addresses(&store, &format!("actor:{query}"), 100)
            .into_iter()
            .filter(|a| a.ends_with("#north-korea"))
            .collect();
        assert_eq!(actors.len(), 5, "{query}: {actors:?}");
    }
    let kim = addresses(&store, "Kim Jong-Un", 5);
    assert!(kim.iter().all(|a| a.ends_with("#kim-jong-un")), "{kim:?}");
}

#[test]
fn numbers_match_by_value_as_well_as_as_written() {
    let store = seeds();
    assert_eq!(addresses(&store, "1.6 million", 1), ["allies-condemn-pact-2024-06#shells-received"]);
    assert_eq!(addresses(&store, "1600000", 1), ["allies-condemn-pact-2024-06#shells-received"]);
    // "more than a million" is 1,000,000.
    let million = addresses(&store, "figure:1000000", 10);
    assert!(million.contains(&"trilateral-nsa-seoul-2023-12#shells-delivered".to_string()), "{million:?}");
    assert!(million.contains(&"blinken-seoul-2023-11#shells-sent".to_string()), "{million:?}");
}

#[test]
fn names_and_titles_rank_above_claims_that_only_quote_them() {
    let store = seeds();
    let hits = addresses(&store, "Blinken", 3);
    assert_eq!(hits[0], "blinken-seoul-2023-11#antony-blinken");
    assert_eq!(hits[1], "blinken-seoul-2023-11", "the title names him");
}

#[test]
fn every_reported_range_is_a_match_of_the_query() {
    let store = seeds();
    let briefings = store.briefings();
    let index = SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied()));
    for query in ["shells", "\"artillery shells\"", "security council", "sanction*"] {
        let results = index.query(&briefings, query, 1000).unwrap();
        assert!(results.total > 0, "{query}");
        let phrase = query.trim_matches('"').trim_end_matches('*').to_lowercase();
        // A quoted phrase matches whole; plain words match one by one.
        let needles: Vec<&str> =
            if query.starts_with('"') { vec![phrase.as_str()] } else { phrase.split(' ').collect() };
        for hit in &results.hits {
            assert!(!hit.matches.is_empty(), "{query}: a hit with no match");
            for m in &hit.matches {
                let texts = fields(briefings[hit.briefing], hit.target);
                let text = &texts.iter().find(|(f, _)| *f == m.field).unwrap().1;
                for r in &m.ranges {
                    let matched = text[r.clone()].to_lowercase().replace(['’', '\''], "").replace('-', " ");
                    assert!(
                        needles.iter().any(|n| matched.starts_with(n.trim_end_matches('s'))),
                        "{query}: {matched:?} in {:?}",
                        m.field
                    );
                }
            }
        }
    }
}

#[test]
fn exclusions_and_scopes_filter_hits() {
    let store = seeds();
    let with = addresses(&store, "claim:shells", 100);
    let without = addresses(&store, "claim:shells -washington", 100);
    assert!(!with.is_empty() && without.len() < with.len());
    let briefings = store.briefings();
    let claim_ids: Vec<String> = briefings
        .iter()
        .flat_map(|b| {
            b.items().filter(|(_, i)| matches!(i, ItemRef::Claim(_))).map(|(id, _)| format!("{}#{id}", b.id))
        })
        .collect();
    assert!(with.iter().all(|a| claim_ids.contains(a)), "claim: returns claims only");
    // actor: also finds what the actor claims.
    let blinken = addresses(&store, "actor:blinken", 100);
    assert!(blinken.contains(&"blinken-seoul-2023-11#russia-gives-technology".to_string()), "{blinken:?}");
}

#[test]
fn results_are_deterministic_and_limited() {
    let store = seeds();
    let first = addresses(&store, "russia", 7);
    assert_eq!(first.len(), 7);
    assert_eq!(first, addresses(&store, "russia", 7));
    assert_eq!(first[..3], addresses(&store, "russia", 3)[..]);
}
