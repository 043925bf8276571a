//! The search index and the cross-reference graph of a folder, built together: they share one actor
//! registry, and the two builds run side by side, so that the parts of each that use one core overlap.

use crate::actors::Registry;
use crate::model::Briefing;
use crate::search::SearchIndex;
use crate::xref::CrossRef;
use crate::xref::tables::Links;

/// The search index and the cross-reference graph of `briefings`, the same as `SearchIndex::build` and
/// `CrossRef::build` give one by one.
pub fn build(briefings: &[&Briefing]) -> (SearchIndex, CrossRef) {
    let (mut index, registry, links) = std::thread::scope(|scope| {
        // The text index does not need the registry: it starts at once, and the aliases are added last.
        let index = scope.spawn(|| SearchIndex::build_text(briefings));
        let registry = Registry::build(briefings.iter().copied());
        let links = Links::build(briefings, &registry);
        match index.join() {
            Ok(index) => (index, registry, links),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    index.expand_aliases(&registry);
    (index, CrossRef::from_links(links, registry))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemRef;
    use crate::xref::ItemAt;

    #[test]
    fn together_gives_what_one_by_one_gives() {
        let store =
            crate::store::Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings"))
                .expect("the seeds load");
        let briefings = store.briefings();
        let (index, xref) = build(&briefings);
        let alone = SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied()));
        for query in ["shells", "DPRK", "\"artillery shells\" -grain", "figure:1.6 million", "sanction*"] {
            assert_eq!(index.query(&briefings, query, 50), alone.query(&briefings, query, 50), "{query}");
        }
        let graph = CrossRef::build(&briefings);
        for (b, briefing) in briefings.iter().enumerate() {
            for (_, item) in briefing.items() {
                let at = ItemAt { briefing: b, item };
                assert_eq!(xref.related(at), graph.related(at));
            }
        }
        assert!(!xref.related(ItemAt { briefing: 0, item: ItemRef::Claim(0) }).is_empty());
    }
}
