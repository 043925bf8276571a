//! Briefings read for a view that names briefings other than the selected one — the search box's hits,
//! a cross-reference list — while the reader works from the cache without the folder's store: only
//! those the view shows are decoded (at most [`crate::tui::app::SEARCH_LIMIT`] hits, or the links
//! listed), and they go when the view does.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Briefing, Briefings};

/// Briefings by their position in the list, shared (cheap to clone) so that they can travel in an
/// action; two shelves are equal when they are the same one.
#[derive(Clone, Default)]
pub struct Shelf(Arc<HashMap<usize, Briefing>>);

impl Shelf {
    pub fn new(briefings: HashMap<usize, Briefing>) -> Shelf {
        Shelf(Arc::new(briefings))
    }

    pub fn get(&self, position: usize) -> Option<&Briefing> {
        self.0.get(&position)
    }

    /// Whether it holds every one of `positions`.
    pub fn holds(&self, positions: impl IntoIterator<Item = usize>) -> bool {
        positions.into_iter().all(|p| self.0.contains_key(&p))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Briefings for Shelf {
    fn briefing(&self, at: usize) -> &Briefing {
        &self.0[&at]
    }
}

impl PartialEq for Shelf {
    fn eq(&self, other: &Shelf) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Shelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shelf").field("briefings", &self.0.len()).finish()
    }
}
