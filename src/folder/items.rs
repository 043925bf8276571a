//! A list of items of the folder packed in eight bytes each (an [`ItemAt`] takes 24): the actors' and
//! sources' boards name every claim of the folder two or three times, 2.5 million items at 100,000
//! briefings, which the reader holds while a board is open.

use crate::model::ItemRef;
use crate::xref::ItemAt;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Items(Vec<u64>);

/// The briefing in the high half, the item's index and kind in the low one.
fn pack(at: ItemAt) -> u64 {
    let (kind, index) = match at.item {
        ItemRef::Actor(i) => (0, i),
        ItemRef::Figure(i) => (1, i),
        ItemRef::Claim(i) => (2, i),
        ItemRef::Question(i) => (3, i),
    };
    // A briefing file is at most a few megabytes: its items number far below 2^30, and a folder's
    // briefings below 2^32.
    ((at.briefing as u64) << 32) | (((index as u64) << 2) & 0xffff_ffff) | kind
}

fn unpack(packed: u64) -> ItemAt {
    let index = ((packed & 0xffff_ffff) >> 2) as usize;
    let item = match packed & 3 {
        0 => ItemRef::Actor(index),
        1 => ItemRef::Figure(index),
        2 => ItemRef::Claim(index),
        _ => ItemRef::Question(index),
    };
    ItemAt { briefing: (packed >> 32) as usize, item }
}

impl Items {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<ItemAt> {
        self.0.get(i).copied().map(unpack)
    }

    pub fn iter(&self) -> impl Iterator<Item = ItemAt> + '_ {
        self.0.iter().copied().map(unpack)
    }

    pub fn push(&mut self, at: ItemAt) {
        self.0.push(pack(at));
    }

    /// Sorts by a key of each item, keeping the order of equal ones.
    pub fn sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(ItemAt) -> K) {
        self.0.sort_by_key(|&packed| key(unpack(packed)));
    }

    /// Room for `n` more.
    pub fn reserve_exact(&mut self, n: usize) {
        self.0.reserve_exact(n);
    }
}

impl FromIterator<ItemAt> for Items {
    fn from_iter<I: IntoIterator<Item = ItemAt>>(items: I) -> Items {
        Items(items.into_iter().map(pack).collect())
    }
}

impl IntoIterator for Items {
    type Item = ItemAt;
    type IntoIter = std::iter::Map<std::vec::IntoIter<u64>, fn(u64) -> ItemAt>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().map(unpack as fn(u64) -> ItemAt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_back_as_they_were_put() {
        let all = [
            ItemAt { briefing: 0, item: ItemRef::Actor(0) },
            ItemAt { briefing: 99_999, item: ItemRef::Claim(12) },
            ItemAt { briefing: u32::MAX as usize, item: ItemRef::Question((1 << 30) - 1) },
            ItemAt { briefing: 7, item: ItemRef::Figure(3) },
        ];
        let items: Items = all.iter().copied().collect();
        assert_eq!(items.iter().collect::<Vec<_>>(), all);
        assert_eq!(items.get(1), Some(all[1]));
        assert_eq!(items.into_iter().collect::<Vec<_>>(), all);
    }
}
