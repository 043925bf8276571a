//! The cache files being written, so that a process that ends meanwhile leaves no temporary file behind:
//! a cache is written to a temporary file beside it and renamed into place, and a thread still writing
//! when the process exits (the reader quits while its background load writes the cache) never gets to
//! remove it. [`abandon`] removes them and refuses new ones; the cache is simply written another time.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files being written, and whether writing is over for this process.
#[derive(Default)]
pub(super) struct Writes {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    closed: bool,
    paths: Vec<PathBuf>,
}

/// A temporary file registered while it is written; removed from the register when dropped (written
/// and renamed, or given up and removed by its `NamedTempFile`).
pub(super) struct Registered<'a> {
    writes: &'a Writes,
    path: PathBuf,
}

impl Writes {
    /// The register of this process.
    pub(super) fn of_process() -> &'static Writes {
        static WRITES: std::sync::OnceLock<Writes> = std::sync::OnceLock::new();
        WRITES.get_or_init(Writes::default)
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers the temporary file at `path`, about to be written; an error once [`Writes::abandon`]
    /// was called (the caller drops the file, which removes it).
    pub(super) fn register(&self, path: &Path) -> std::io::Result<Registered<'_>> {
        let mut state = self.state();
        if state.closed {
            return Err(std::io::Error::other("the process is ending: the cache is not written"));
        }
        state.paths.push(path.to_path_buf());
        Ok(Registered { writes: self, path: path.to_path_buf() })
    }

    /// Removes every temporary file being written and refuses new ones: for a process about to end
    /// while another thread may be writing.
    pub(super) fn abandon(&self) {
        let mut state = self.state();
        state.closed = true;
        for path in state.paths.drain(..) {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Drop for Registered<'_> {
    fn drop(&mut self) {
        self.writes.state().paths.retain(|p| *p != self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abandoning_removes_the_files_being_written_and_refuses_new_ones() {
        let dir = tempfile::tempdir().unwrap();
        let writes = Writes::default();
        let written = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        let done = writes.register(written.path()).unwrap();
        // One written and renamed: no longer registered, so left alone.
        let kept = dir.path().join("kept.cache");
        written.persist(&kept).unwrap();
        drop(done);
        let being_written = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        let path = being_written.path().to_path_buf();
        let _registered = writes.register(&path).unwrap();
        // The thread writing it never finishes (the process exits): its file is not forgotten.
        std::mem::forget(being_written);
        writes.abandon();
        assert!(!path.exists());
        assert!(kept.exists());
        let late = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        assert!(writes.register(late.path()).is_err());
        drop(late);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, [std::ffi::OsString::from("kept.cache")]);
    }
}
