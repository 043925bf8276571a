//! The inferred links of claims of one briefing, worked out together: each term's list of claims is
//! walked once for every claim of the briefing that uses it (not once per claim), a slice of the folder's
//! claims at a time so that the sums stay small, and of each claim's links only the best are kept, with
//! how many there are and the sources that support it.
//!
//! At 100,000 briefings of `gen_corpus` a claim meets about a million list entries, and a claim may have
//! 100,000 similar claims: walking a briefing's terms once took its 12 claims from 12.3 to 5.0 million
//! entries, and `brief show` lists ten links a claim, so it no longer sorts or keeps the rest.

use std::ops::Range;

use super::tables::{ClaimList, Entries, NOT_AN_ACTOR, Tables, idf, total_of, weight};
use super::{LinkKind, from_ordered_bits, ordered_bits, relation};
use crate::model::Stance;

/// The sums kept for one slice of the folder's claims, for every claim of a group: 2 MB.
const SLICE_SUMS: usize = 1 << 18;

/// A folder of this many claims or more is walked by two threads, each over half of its claims (one
/// briefing's claims meet about a million list entries at 585,000 claims).
const SPLIT: usize = 1 << 17;

/// Claims of a briefing worked out together at most: a briefing of thousands of claims is taken in
/// groups (each walking its terms' lists once), so that a slice of the folder's claims (2 MB of sums
/// for the group) does not shrink to nothing. At 256, the 40,000 similar claims of one briefing
/// (`scripts/bench-items.sh`) are walked in 157 groups instead of 1,250: `show` 2.6 -> 1.7 s.
const GROUP: usize = 256;

/// One claim's inferred links, as [`claim_links`] finds them.
#[derive(Debug, Default)]
pub(super) struct ClaimLinks {
    /// The best links (all of them when the limit allows), best first: (claim number, its briefing,
    /// kind, score).
    pub best: Vec<(u32, usize, LinkKind, f32)>,
    /// How many links the claim has in all.
    pub count: usize,
    /// Per source id (see [`Tables::sources`]), whether a similar claim (not a contradiction) has it as
    /// its claimant, and as its outlet.
    pub claimants: Vec<bool>,
    pub outlets: Vec<bool>,
    /// The best links' sort keys while they are found (see [`Group::walk`]).
    keys: Vec<u64>,
}

/// The inferred links of `claims` (claim numbers, all of briefing `briefing`), leaving out for each the
/// claims of `excluded` (those an explicit ref links already), keeping the best `limit` of each; `false`
/// with them when a list read from the cache turned out damaged.
pub(super) fn claim_links(
    tables: &dyn Tables,
    briefing: usize,
    claims: &[usize],
    excluded: &[Vec<u32>],
    limit: usize,
) -> (Vec<ClaimLinks>, bool) {
    let mut whole = true;
    let mut out = Vec::with_capacity(claims.len());
    for (group, excluded) in claims.chunks(GROUP).zip(excluded.chunks(GROUP)) {
        let slice = (SLICE_SUMS / group.len().max(1)).clamp(1024, 1 << 16);
        let count = tables.norms().len();
        let split = if count >= SPLIT { count / 2 } else { count };
        let (links, group_whole) = group_links(tables, briefing, group, excluded, limit, slice, split);
        out.extend(links);
        whole &= group_whole;
    }
    (out, whole)
}

/// A group's claim using a term: the claim's place in the group, and the term's weight in it divided by
/// its two norms.
struct Use {
    member: usize,
    all: f32,
    topic: f32,
}

/// [`claim_links`] of a group, the folder's claims taken `slice` at a time, those from `split` on by a
/// second thread.
fn group_links(
    tables: &dyn Tables,
    briefing: usize,
    claims: &[usize],
    excluded: &[Vec<u32>],
    limit: usize,
    slice: usize,
    split: usize,
) -> (Vec<ClaimLinks>, bool) {
    let (norms, stances) = (tables.norms(), tables.stances());
    let (frequency, actor_of_term) = (tables.document_frequency(), tables.actor_of_term());
    let first = tables.claim_first();
    let own = first[briefing]..first[briefing + 1];
    let count = norms.len();
    let total = total_of(count);
    let mut terms: Vec<(u32, Use)> = Vec::new();
    for (member, &n) in claims.iter().enumerate() {
        let [all_norm, topic_norm] = norms[n];
        for &(term, tf) in tables.terms(n).iter() {
            let Some(&frequency) = frequency.get(term as usize) else { continue };
            let w = weight(tf, idf(total, frequency));
            terms.push((term, Use { member, all: w / all_norm, topic: w / topic_norm }));
        }
    }
    terms.sort_by_key(|(term, u)| (*term, u.member));
    let (term_ids, uses): (Vec<u32>, Vec<Use>) = terms.into_iter().unzip();
    let mut distinct: Vec<(u32, Range<usize>)> = Vec::new();
    for (i, &term) in term_ids.iter().enumerate() {
        match distinct.last_mut() {
            Some((last, range)) if *last == term => range.end = i + 1,
            _ => distinct.push((term, i..i + 1)),
        }
    }
    let lists: Vec<ClaimList<'_>> = distinct.iter().map(|&(term, _)| tables.claims_with(term)).collect();
    let terms: Vec<Term<'_>> = (distinct.iter().zip(&lists))
        .map(|((term, range), list)| {
            let idf = idf(total, frequency[*term as usize]);
            Term {
                list,
                weights: std::array::from_fn(|k| weight(k as f32, idf)),
                idf,
                plain: actor_of_term.get(*term as usize) == Some(&NOT_AN_ACTOR),
                uses: &uses[range.clone()],
            }
        })
        .collect();
    let group = Group { tables, own, claims, excluded, limit, slice, terms };
    // The folder's claims in two halves on two threads when it is large: each list is read once and
    // walked by both, the second thread skipping (only decoding) the entries of the first half.
    let ((mut found, whole), rest) = if split < count {
        std::thread::scope(|scope| {
            let later = scope.spawn(|| group.walk(split..count));
            let found = group.walk(0..split);
            match later.join() {
                Ok(rest) => (found, Some(rest)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    } else {
        (group.walk(0..count), None)
    };
    let mut whole = whole;
    if let Some((rest, rest_whole)) = rest {
        whole &= rest_whole;
        for (links, more) in found.iter_mut().zip(rest) {
            links.count += more.count;
            links.keys.extend(more.keys);
            for (set, more) in [(&mut links.claimants, more.claimants), (&mut links.outlets, more.outlets)] {
                if set.len() < more.len() {
                    set.resize(more.len(), false);
                }
                set.iter_mut().zip(more).for_each(|(on, more)| *on |= more);
            }
        }
    }
    for (links, &n) in found.iter_mut().zip(claims) {
        keep_best(&mut links.keys, limit);
        links.keys.sort_unstable();
        links.best = (links.keys.iter())
            .map(|&key| {
                let c = key as u32;
                let score = from_ordered_bits(!((key >> 32) as u32));
                let briefing = first.partition_point(|&f| f <= c).saturating_sub(1);
                // `relation` links claims on opposite sides of a denial as a contradiction.
                let denies = |c: usize| stances[c] == Stance::Denies;
                let kind = if denies(c as usize) != denies(n) {
                    LinkKind::Contradiction
                } else {
                    LinkKind::SimilarClaim
                };
                (c, briefing, kind, score)
            })
            .collect();
    }
    (found, whole)
}

/// A term of a group's claims: its list of claims, its weights, and which of the group's claims use it.
struct Term<'a> {
    list: &'a ClaimList<'a>,
    /// The term's weights for the weighted counts 0 to 8, worked out once.
    weights: [f32; 9],
    idf: f32,
    /// Whether the term is a plain word (it counts in the topic's sum too).
    plain: bool,
    uses: &'a [Use],
}

/// What [`group_links`] works on.
struct Group<'a> {
    tables: &'a dyn Tables,
    /// The claims of the group's briefing (not compared).
    own: Range<u32>,
    claims: &'a [usize],
    excluded: &'a [Vec<u32>],
    limit: usize,
    slice: usize,
    terms: Vec<Term<'a>>,
}

impl Group<'_> {
    /// The links of the group's claims to the folder's claims in `range`, the best `limit` of each
    /// (`keys`, in no order), `false` with them when a list turned out damaged.
    fn walk(&self, range: Range<usize>) -> (Vec<ClaimLinks>, bool) {
        let Group { tables, own, claims, excluded, limit, slice, .. } = self;
        let (norms, stances, sources) = (tables.norms(), tables.stances(), tables.sources());
        let count = norms.len();
        let members = claims.len();
        let mut entries: Vec<Entries<'_>> = self.terms.iter().map(|t| t.list.entries()).collect();
        // The entry read past the slice being worked on, per term.
        let mut pending: Vec<Option<(u32, f32)>> = vec![None; entries.len()];
        for (entries, pending) in entries.iter_mut().zip(&mut pending) {
            *pending = entries.find(|&(c, _)| c as usize >= range.start);
        }
        let mut sums = vec![[0f32; 2]; members * slice];
        let mut found: Vec<ClaimLinks> = (0..members).map(|_| ClaimLinks::default()).collect();
        // Per claim, its links' sort keys (best first, then in claim order: one integer), cut back to
        // the best `limit` whenever they grow past twice that.
        let cut = limit.saturating_mul(2).max(1024);
        let mut damaged = false;
        let mut start = range.start;
        while start < range.end {
            let end = (start + slice).min(range.end);
            for ((term, entries), pending) in self.terms.iter().zip(&mut entries).zip(&mut pending) {
                while let Some((c, tf)) = pending.take().or_else(|| entries.next()) {
                    if c as usize >= end {
                        *pending = Some((c, tf));
                        break;
                    }
                    if own.contains(&c) {
                        continue;
                    }
                    #[cfg(test)]
                    super::tests::CONSIDERED.with(|n| n.set(n.get() + term.uses.len()));
                    let Some(&[other_all, other_topic]) = norms.get(c as usize) else {
                        damaged = true;
                        continue;
                    };
                    let small = tf as usize;
                    let w = if small < term.weights.len() && small as f32 == tf {
                        term.weights[small]
                    } else {
                        weight(tf, term.idf)
                    };
                    // The same products, in the same order of terms, as comparing two claims in pairs.
                    let (other_all, other_topic) = (w / other_all, w / other_topic);
                    let at = c as usize - start;
                    for u in term.uses {
                        let sum = &mut sums[u.member * slice + at];
                        sum[0] += u.all * other_all;
                        if term.plain {
                            sum[1] += u.topic * other_topic;
                        }
                    }
                }
            }
            // The briefing's own claims are never summed: a briefing of 40,000 claims would otherwise
            // scan 40,000 sums per claim.
            let (own_start, own_end) = (own.start as usize, own.end as usize);
            let others = [start..end.min(own_start), start.max(own_end)..end];
            for (member, &n) in claims.iter().enumerate() {
                let links = &mut found[member];
                let sums = &mut sums[member * slice..member * slice + (end - start)];
                for c in others.clone().into_iter().flatten() {
                    let sum = &mut sums[c - start];
                    if *sum == [0.0; 2] {
                        continue;
                    }
                    let [all, topic] = std::mem::take(sum);
                    let Some((kind, score)) = relation(stances[n], stances[c], all, topic) else { continue };
                    if excluded[member].contains(&(c as u32)) {
                        continue;
                    }
                    links.count += 1;
                    if kind == LinkKind::SimilarClaim
                        && let Some(&[claimant, outlet]) = sources.get(c)
                    {
                        mark(&mut links.claimants, claimant);
                        mark(&mut links.outlets, outlet);
                    }
                    links.keys.push((u64::from(!ordered_bits(score)) << 32) | c as u64);
                    if links.keys.len() >= cut {
                        keep_best(&mut links.keys, *limit);
                    }
                }
            }
            start = end;
        }
        for (entries, pending) in entries.iter_mut().zip(&pending) {
            damaged |= entries.malformed();
            // The walk of the last claims reads every list to its end: an entry left is a claim number
            // past the last claim.
            if range.end == count {
                damaged |= pending.is_some() || entries.next().is_some() || entries.malformed();
            }
        }
        (found, !damaged)
    }
}

pub(super) fn mark(set: &mut Vec<bool>, id: u32) {
    let id = id as usize;
    if set.len() <= id {
        set.resize(id + 1, false);
    }
    set[id] = true;
}

/// Keeps the `limit` smallest keys (the best links), in no order.
fn keep_best(keys: &mut Vec<u64>, limit: usize) {
    if keys.len() > limit {
        keys.select_nth_unstable(limit);
        keys.truncate(limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xref::CrossRef;

    #[test]
    fn the_folder_taken_in_slices_and_halves_gives_the_links_of_the_folder_taken_whole() {
        let store =
            crate::store::Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings"))
                .expect("the seeds load");
        let graph = CrossRef::build(&store.briefings());
        let tables = graph.tables();
        let first = tables.claim_first();
        let mut linked = 0;
        for briefing in 0..first.len() - 1 {
            let claims: Vec<usize> = (first[briefing] as usize..first[briefing + 1] as usize).collect();
            let excluded = vec![Vec::new(); claims.len()];
            let count = graph.claim_count();
            let whole = group_links(tables, briefing, &claims, &excluded, usize::MAX, 1 << 16, count);
            for (slice, split) in
                [(1, count), (3, count), (17, count), (1 << 16, 1), (5, count / 2), (7, count - 1)]
            {
                let sliced = group_links(tables, briefing, &claims, &excluded, usize::MAX, slice, split);
                assert_eq!(sliced.1, whole.1);
                for (a, b) in sliced.0.iter().zip(&whole.0) {
                    let bits = |l: &ClaimLinks| -> Vec<(u32, u32)> {
                        l.best.iter().map(|&(c, _, _, score)| (c, score.to_bits())).collect()
                    };
                    assert_eq!(
                        (bits(a), a.count, &a.claimants, &a.outlets),
                        (bits(b), b.count, &b.claimants, &b.outlets),
                        "slice {slice}, split {split}"
                    );
                    linked += b.count;
                }
            }
        }
        assert!(linked > 10, "{linked}");
    }
}
