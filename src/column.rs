//! An array of plain values that is either built in memory or read in place from a memory-mapped file,
//! so the search index answers the same way whether it was just built or comes from the cache.

use std::ops::{Deref, Range};
use std::sync::Arc;

use bytemuck::Pod;

#[derive(Debug)]
pub(crate) enum Column<T: Pod> {
    Owned(Vec<T>),
    /// Bytes of a mapped file; the range was checked to hold whole, aligned values when it was made.
    Mapped(Arc<memmap2::Mmap>, Range<usize>),
}

impl<T: Pod> Column<T> {
    /// A view of `range` of the map, if it holds whole values of `T` and is aligned for them.
    pub(crate) fn mapped(map: &Arc<memmap2::Mmap>, range: Range<usize>) -> Option<Column<T>> {
        let bytes = map.get(range.clone())?;
        bytemuck::try_cast_slice::<u8, T>(bytes).ok()?;
        Some(Column::Mapped(Arc::clone(map), range))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self)
    }
}

impl<T: Pod> Default for Column<T> {
    fn default() -> Self {
        Column::Owned(Vec::new())
    }
}

impl<T: Pod> Deref for Column<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Column::Owned(values) => values,
            // Checked in `mapped`; an empty slice rather than a panic should the check ever be skipped.
            Column::Mapped(map, range) => {
                map.get(range.clone()).and_then(|b| bytemuck::try_cast_slice(b).ok()).unwrap_or(&[])
            }
        }
    }
}

impl<T: Pod> From<Vec<T>> for Column<T> {
    fn from(values: Vec<T>) -> Self {
        Column::Owned(values)
    }
}
