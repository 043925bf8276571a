//! Arrays of plain values, built in memory or read from the cache file, and the cache file itself as
//! something to read parts of.
//!
//! The cache file is read with positioned reads (`pread`), never mapped: another process may truncate or
//! rewrite the file while we read it (a user's script, a second `brief` writing the cache), and a mapped
//! page that is gone kills the process with SIGBUS, whereas a read only comes back short, which is a
//! cache miss.

use std::ops::{Deref, Range};

use bytemuck::Pod;

#[derive(Debug)]
pub(crate) struct Column<T: Pod>(Vec<T>);

impl<T: Pod> Column<T> {
    pub(crate) fn bytes(&self) -> &[u8] {
        bytemuck::cast_slice(&self.0)
    }

    /// The values stored in `range` of `file`, if it holds whole values of `T`.
    pub(crate) fn read(file: &CacheFile, range: Range<usize>) -> Option<Column<T>> {
        let size = std::mem::size_of::<T>();
        let len = range.len();
        if size == 0 || !len.is_multiple_of(size) {
            return None;
        }
        let mut values = vec![T::zeroed(); len / size];
        file.read_into(range.start, bytemuck::cast_slice_mut(&mut values))?;
        Some(Column(values))
    }
}

impl<T: Pod> Default for Column<T> {
    fn default() -> Self {
        Column(Vec::new())
    }
}

impl<T: Pod> Deref for Column<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Pod> From<Vec<T>> for Column<T> {
    fn from(values: Vec<T>) -> Self {
        Column(values)
    }
}

/// An open cache file, read piece by piece with positioned reads (see the module comment).
#[derive(Debug)]
pub(crate) struct CacheFile {
    file: std::fs::File,
}

impl CacheFile {
    pub(crate) fn new(file: std::fs::File) -> CacheFile {
        CacheFile { file }
    }

    /// The bytes at `range`, or `None` if the file is shorter now or cannot be read.
    pub(crate) fn read(&self, range: Range<usize>) -> Option<Vec<u8>> {
        let mut bytes = vec![0; range.len()];
        self.read_into(range.start, &mut bytes)?;
        Some(bytes)
    }

    fn read_into(&self, offset: usize, out: &mut [u8]) -> Option<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            self.file.read_exact_at(out, u64::try_from(offset).ok()?).ok()
        }
        #[cfg(windows)]
        {
            use std::os::windows::fs::FileExt;
            let mut done = 0;
            while done < out.len() {
                let n = self.file.seek_read(&mut out[done..], (offset + done) as u64).ok()?;
                if n == 0 {
                    return None;
                }
                done += n;
            }
            Some(())
        }
    }
}
