//! Figures grouped by what they count: each joins the first group, in the order groups were started, whose
//! first figure has the same unit and a subject `same` accepts; otherwise it starts a group.
//!
//! Comparing each figure with every group started before it was quadratic when one unit has thousands of
//! distinct subjects (40,000: 4.5 s). Here a figure is compared only with the groups an index of their
//! first figures' subjects offers, and that index cannot miss one `same` could accept, because `same` may
//! only accept subjects of Jaccard similarity ≥ 1/2 (`3 × shared ≥ |a| + |b|`). Prefix filtering (as in
//! set-similarity joins): with each unit's terms ordered rarest first, two such subjects share a term
//! among the first ⌊n/2⌋ + 1 of each (they share at least half of either). So a group's first subject is
//! indexed under those terms only, and a figure looks up those of its own. Position filtering: where the
//! first shared term stands in each bounds what the two can share; each index entry is kept per
//! (subject length, position), so a whole run that cannot reach `3 × shared ≥ |a| + |b|` is passed over
//! unread. "shells fired", "shells seized"… (the unit's word, frequent, last; a word of its own first)
//! then meet nothing: 40,000 such figures take milliseconds (benches/figures.rs).

use std::hash::Hash;

use foldhash::HashMap;

/// The groups of `figures` (unit, subject as sorted term ids without repeats), as indices into
/// `figures`, each group in the order given and the groups in the order they were started. `same` must
/// accept only subjects whose Jaccard similarity is at least 1/2 (two empty ones included); the groups
/// are those of comparing each figure with the first figure of every earlier group, in order.
pub(super) fn groups<U: Copy + Eq + Hash>(
    figures: &[(U, &[u32])],
    mut same: impl FnMut(&[u32], &[u32]) -> bool,
) -> Vec<Vec<usize>> {
    // How many subjects of its unit each term is in: the order of a subject's terms, rarest first.
    let mut frequency: HashMap<(U, u32), u32> = HashMap::default();
    for &(unit, subject) in figures {
        for &term in subject {
            *frequency.entry((unit, term)).or_default() += 1;
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Per unit, the groups whose first subject is empty, in order.
    let mut empty: HashMap<U, Vec<usize>> = HashMap::default();
    // Per (unit, term), the groups whose first subject has the term in its prefix, in runs of the same
    // (subject length, position of the term).
    let mut index: HashMap<(U, u32), Vec<Run>> = HashMap::default();
    let mut ordered: Vec<u32> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, &(unit, subject)) in figures.iter().enumerate() {
        let home = if subject.is_empty() {
            let firsts = empty.get(&unit).map_or(&[][..], Vec::as_slice);
            firsts.iter().copied().find(|&g| same(figures[groups[g][0]].1, subject))
        } else {
            ordered.clear();
            ordered.extend_from_slice(subject);
            ordered.sort_unstable_by_key(|&term| (frequency[&(unit, term)], term));
            let len = ordered.len();
            candidates.clear();
            for (at, &term) in ordered[..prefix(len)].iter().enumerate() {
                for run in index.get(&(unit, term)).map_or(&[][..], Vec::as_slice) {
                    // No term before these two positions is shared (or the pair met at that term): at
                    // most this one and the fewer of the terms after it in either.
                    let (other_len, other_at) = (run.len as usize, run.at as usize);
                    let most = 1 + (other_len - other_at - 1).min(len - at - 1);
                    if 3 * most >= other_len + len {
                        candidates.extend_from_slice(&run.groups);
                    }
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            candidates.iter().copied().find(|&g| same(figures[groups[g][0]].1, subject))
        };
        match home {
            Some(g) => groups[g].push(i),
            None => {
                let g = groups.len();
                groups.push(vec![i]);
                if subject.is_empty() {
                    empty.entry(unit).or_default().push(g);
                    continue;
                }
                let len = ordered.len() as u32;
                for (at, &term) in ordered[..prefix(ordered.len())].iter().enumerate() {
                    let runs = index.entry((unit, term)).or_default();
                    let at = at as u32;
                    match runs.iter_mut().find(|r| r.len == len && r.at == at) {
                        Some(run) => run.groups.push(g),
                        None => runs.push(Run { len, at, groups: vec![g] }),
                    }
                }
            }
        }
    }
    groups
}

/// Groups whose first subject has `len` terms, the indexed one at `at` (rarest first).
struct Run {
    len: u32,
    at: u32,
    groups: Vec<usize>,
}

/// How many of a subject's terms, rarest first, hold a term of every subject sharing at least half of it.
fn prefix(len: usize) -> usize {
    (len / 2 + 1).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every figure against the first figure of every earlier group, in order: what `groups` must give.
    fn reference(figures: &[(u8, &[u32])], same: impl Fn(&[u32], &[u32]) -> bool) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, &(unit, subject)) in figures.iter().enumerate() {
            let home = groups.iter_mut().find(|g| {
                let (u, first) = figures[g[0]];
                u == unit && same(first, subject)
            });
            match home {
                Some(group) => group.push(i),
                None => groups.push(vec![i]),
            }
        }
        groups
    }

    fn jaccard_half(a: &[u32], b: &[u32]) -> bool {
        a.is_empty() && b.is_empty() || 3 * crate::text::shared_terms(a, b) >= a.len() + b.len()
    }

    #[test]
    fn thousands_of_distinct_subjects_of_one_unit_are_not_compared_pairwise() {
        // "shells x" for n distinct x: each its own group (two sets share 1 of 3 terms), the unit's word in
        // every subject, as in a folder of "shells fired", "shells seized", "shells stored"...
        let n = 4_000u32;
        let subjects: Vec<[u32; 2]> = (1..=n).map(|x| [0, x]).collect();
        let figures: Vec<(u8, &[u32])> = subjects.iter().map(|s| (0, s.as_slice())).collect();
        let mut compared = 0usize;
        let groups = groups(&figures, |a, b| {
            compared += 1;
            jaccard_half(a, b)
        });
        assert_eq!(groups.len(), n as usize);
        // Comparing each with every group started before it was n * (n - 1) / 2 = 7,998,000.
        assert!(compared <= 2 * n as usize, "{compared} comparisons for {n} figures");
    }

    #[test]
    fn the_groups_are_those_of_comparing_with_every_earlier_group() {
        // Small vocabularies, so that subjects overlap in every way; a few units; empty subjects too.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        for round in 0..300 {
            let vocabulary = 2 + round % 12;
            let subjects: Vec<(u8, Vec<u32>)> = (0..1 + next(60))
                .map(|_| {
                    let mut subject: Vec<u32> = (0..next(7)).map(|_| next(vocabulary) as u32).collect();
                    subject.sort_unstable();
                    subject.dedup();
                    (next(3) as u8, subject)
                })
                .collect();
            let figures: Vec<(u8, &[u32])> = subjects.iter().map(|(u, s)| (*u, s.as_slice())).collect();
            // Jaccard ≥ 1/2, and a stricter test that still only accepts such pairs.
            assert_eq!(groups(&figures, jaccard_half), reference(&figures, jaccard_half), "{figures:?}");
            let strict = |a: &[u32], b: &[u32]| jaccard_half(a, b) && a.len() == b.len();
            assert_eq!(groups(&figures, strict), reference(&figures, strict), "{figures:?}");
        }
    }
}
