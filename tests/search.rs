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

/// The snippet of the first hit of `query` whose address is `address`, at 80 columns.
fn snippet_of(store: &Store, query: &str, address_wanted: &str) -> String {
    let briefings = store.briefings();
    let index = SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied()));
    let results = index.query(&briefings, query, 100).unwrap();
    let hit = results
        .hits
        .iter()
        .find(|h| address(briefings[h.briefing], h.target) == address_wanted)
        .unwrap_or_else(|| panic!("{query}: no hit on {address_wanted}"));
    let (text, ranges) = hit.snippet(briefings[hit.briefing], 80).unwrap();
    // Every range marks a match of the query's word in the text shown.
    for r in &ranges {
        assert!(text[r.clone()].to_lowercase().contains(query.rsplit(':').next().unwrap()), "{text:?} {r:?}");
    }
    text
}

#[test]
fn hits_on_items_show_the_items_own_text() {
    let store = seeds();
    // A figure matched by its unit shows its words and unit, the unit marked.
    assert_eq!(
        snippet_of(&store, "shells", "trilateral-nsa-seoul-2023-12#shells-delivered"),
        "more than a million shells"
    );
    // A claim found by its claimant shows the claim, then the claimant.
    let by_claimant = snippet_of(&store, "actor:kirby", "arms-talks-advancing-2023-08#letters-exchanged");
    assert!(by_claimant.starts_with("After Shoigu's trip to Pyongyang"), "{by_claimant}");
    assert!(by_claimant.ends_with(" — claimant: John Kirby"), "{by_claimant}");
    // A claim found in its quote shows the claim, then the quote around the match.
    let by_quote = snippet_of(&store, "kirby", "arms-talks-advancing-2023-08#gunfight");
    assert!(by_quote.starts_with("Both sides in the war"), "{by_quote}");
    assert!(by_quote.contains(" — quote: ") && by_quote.contains("Kirby"), "{by_quote}");
    assert!(unicode_width::UnicodeWidthStr::width(by_quote.as_str()) <= 80, "{by_quote}");
}

#[test]
fn items_that_say_the_words_rank_above_briefings_tagged_with_them() {
    let store = seeds();
    for query in ["arms transfers", "sanctions", "satellite"] {
        let first = &addresses(&store, query, 1)[0];
        assert!(first.contains('#'), "{query}: {first} (a briefing) ranks first");
    }
    // A tag that only one briefing carries, and a claim of another that says its words in a long sentence.
    let mut briefings: Vec<Briefing> = store.briefings().into_iter().cloned().collect();
    briefings[0].tags.push("grain-exports".into());
    briefings[1].claims[0].text =
        format!("{} Grain exports were also discussed at length.", briefings[1].claims[0].text);
    let refs: Vec<&Briefing> = briefings.iter().collect();
    let index = SearchIndex::build(&refs, &Registry::build(refs.iter().copied()));
    let hits: Vec<String> = index
        .query(&refs, "grain exports", 10)
        .unwrap()
        .hits
        .iter()
        .map(|h| address(refs[h.briefing], h.target))
        .collect();
    assert_eq!(hits, [format!("{}#{}", refs[1].id, refs[1].claims[0].id), refs[0].id.clone()]);
}
