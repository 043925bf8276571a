//! Loading and validating a folder of briefings.
//!
//! Loading never stops at the first problem: every file is read, every error of every file is collected as
//! a located [`Diagnostic`], and every briefing that is valid on its own is kept, so one broken file never
//! hides the others. A file with a syntax, type or internal-consistency error is not loaded; problems
//! between files (a duplicate briefing id, a ref to an item that does not exist) are reported as errors
//! too, but only the duplicate is dropped.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Briefing, SCHEMA_VERSION, is_slug};
use crate::sanitize::{neutralize, neutralize_multiline};

mod quick;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// A briefing that loaded, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub briefing: Briefing,
    /// The linked article's text, when `source.article` names a readable file.
    pub article: Option<String>,
}

/// The outcome of loading a folder: what loaded, what did not, and everything worth telling.
#[derive(Debug, Default)]
pub struct Store {
    pub dir: PathBuf,
    /// Valid briefings, newest first (by publication date, then id).
    pub entries: Vec<Entry>,
    /// Files that could not be loaded; their errors are in `diagnostics`.
    pub failed: Vec<PathBuf>,
    /// Every error and warning, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// What was seen of every file, in path order: what [`Store::refresh`] compares the folder with.
    files: Vec<FileRecord>,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot read briefing folder {}: {source}", dir.display())]
pub struct FolderError {
    pub dir: PathBuf,
    #[source]
    pub source: io::Error,
}

impl Store {
    /// Loads every `*.toml` file of `dir` (not recursing, skipping dot-files), on two threads.
    pub fn load(dir: &Path) -> Result<Store, FolderError> {
        Self::load_counted(dir, &Progress::default())
    }

    /// [`Store::load`], counting the files read in `progress` as it goes (read on another thread to show
    /// how far a long load has got).
    pub fn load_counted(dir: &Path, progress: &Progress) -> Result<Store, FolderError> {
        let paths = briefing_paths(dir)?;
        progress.to_read.store(paths.len(), Ordering::Relaxed);
        let files = parallel_map(&paths, |p| progress.counted(load_file(p)));
        Ok(Self::from_files(dir, files))
    }

    /// Reads again only the files that changed since this store was loaded (added, removed, rewritten,
    /// or whose linked article changed: see [`Seen::recheck`] for the exact rule), keeps what it knew of
    /// the others, and checks the folder as a whole again. Returns which files changed.
    pub fn refresh(&mut self) -> Result<Changes, FolderError> {
        let reread = self.reread()?;
        Ok(self.apply(reread))
    }

    /// The reading half of [`Store::refresh`]: lists the folder, rechecks every file and reads again
    /// those that changed, leaving this store as it is. [`Store::apply`] then makes the store of it
    /// without touching the disk, so that the reader does the reading in its event loop and the change
    /// of its state in `update`.
    pub fn reread(&self) -> Result<Reread, FolderError> {
        // Listed first: a folder that cannot be read leaves the store as it was.
        let paths = briefing_paths(&self.dir)?;
        let earlier: HashMap<&Path, &FileRecord> = self.files.iter().map(|r| (r.path.as_path(), r)).collect();
        let rechecked = parallel_map(&paths, |p| earlier.get(p.as_path()).and_then(|r| r.recheck()));
        let loaded: std::collections::HashSet<&Path> =
            self.entries.iter().map(|e| e.path.as_path()).collect();
        // Read again: what changed, and an unchanged file that loaded but lost to another with the same
        // id (it has no entry), as the other may be gone.
        let stale: Vec<usize> = (0..paths.len())
            .filter(|&i| match &rechecked[i] {
                None => true,
                Some(record) => record.placed.is_some() && !loaded.contains(paths[i].as_path()),
            })
            .collect();
        let read = parallel_map(&stale, |&i| load_file(&paths[i]));
        Ok(Reread { paths, rechecked, read: stale.into_iter().zip(read).collect() })
    }

    /// The other half of [`Store::refresh`]: the store the folder makes now, from what [`Store::reread`]
    /// read of this store, reading nothing. Returns which files changed.
    pub fn apply(&mut self, reread: Reread) -> Changes {
        let Reread { paths, rechecked, read } = reread;
        let mut entries: HashMap<PathBuf, Entry> =
            std::mem::take(&mut self.entries).into_iter().map(|e| (e.path.clone(), e)).collect();
        let earlier = std::mem::take(&mut self.files);
        let mut read: HashMap<usize, LoadedFile> = read.into_iter().collect();
        let files = paths
            .iter()
            .zip(rechecked)
            .enumerate()
            .map(|(i, (path, fresh))| {
                let reused = fresh.map(|record| LoadedFile { entry: entries.remove(path), record });
                (fresh_or_read(reused, read.remove(&i)), path)
            })
            .collect();
        let (store, changes) = Self::assemble(&self.dir, earlier, files);
        *self = store;
        changes
    }

    /// Loads the folder, taking from `earlier` (what a previous load saw) every file that has not changed
    /// since; `entry_of` gives the briefing that loaded from such a file (`Some(None)` when none did), or
    /// `None` when it cannot, and the file is read again.
    pub(crate) fn load_reusing(
        dir: &Path,
        earlier: Vec<FileRecord>,
        progress: &Progress,
        entry_of: impl FnMut(&FileRecord) -> Option<Option<Entry>>,
    ) -> Result<(Store, Changes), FolderError> {
        Ok(Self::load_listed(dir, briefing_paths(dir)?, earlier, progress, entry_of))
    }

    /// [`Store::load_reusing`] over the briefing files `paths` of `dir`, already listed.
    fn load_listed(
        dir: &Path,
        paths: Vec<PathBuf>,
        earlier: Vec<FileRecord>,
        progress: &Progress,
        mut entry_of: impl FnMut(&FileRecord) -> Option<Option<Entry>>,
    ) -> (Store, Changes) {
        let earlier: HashMap<PathBuf, FileRecord> =
            earlier.into_iter().map(|r| (r.path.clone(), r)).collect();
        let rechecked: Vec<Option<FileRecord>> = {
            let candidates: Vec<(&PathBuf, Option<&FileRecord>)> =
                paths.iter().map(|p| (p, earlier.get(p))).collect();
            parallel_map(&candidates, |(_, record)| record.and_then(FileRecord::recheck))
        };
        // An unchanged file whose briefing cannot be had is read again, but has not changed.
        let mut files: Vec<(Option<LoadedFile>, bool)> = rechecked
            .into_iter()
            .map(|fresh| {
                let changed = fresh.is_none();
                (fresh.and_then(|record| Some(LoadedFile { entry: entry_of(&record)?, record })), changed)
            })
            .collect();
        let stale: Vec<usize> = (0..files.len()).filter(|&i| files[i].0.is_none()).collect();
        progress.to_read.store(stale.len(), Ordering::Relaxed);
        let reloaded = parallel_map(&stale, |&i| progress.counted(load_file(&paths[i])));
        for (i, file) in stale.into_iter().zip(reloaded) {
            files[i].0 = Some(file);
        }
        Self::assemble(dir, earlier.into_values().collect(), files.into_iter().zip(&paths).collect())
    }

    /// The store of the folder's files, each with what was had of it — the file (its record and, if it
    /// loaded, its briefing) and whether it changed since `earlier` (what a previous load saw) — and
    /// which files were added, modified and removed.
    fn assemble(
        dir: &Path,
        earlier: Vec<FileRecord>,
        files: Vec<((Option<LoadedFile>, bool), &PathBuf)>,
    ) -> (Store, Changes) {
        let mut earlier: std::collections::HashSet<PathBuf> = earlier.into_iter().map(|r| r.path).collect();
        let mut changes = Changes::default();
        let mut loaded = Vec::with_capacity(files.len());
        for ((file, changed), path) in files {
            let known = earlier.remove(path);
            if changed {
                if known { &mut changes.modified } else { &mut changes.added }.push(path.clone());
            }
            loaded.extend(file);
        }
        changes.removed = earlier.into_iter().collect();
        changes.removed.sort();
        (Self::from_files(dir, loaded), changes)
    }

    fn from_files(dir: &Path, files: Vec<LoadedFile>) -> Store {
        let mut store = Store { dir: dir.to_path_buf(), ..Store::default() };
        let mut pending = Vec::new();
        let mut seen_ids: HashMap<String, PathBuf> = HashMap::new();
        for LoadedFile { record, entry } in files {
            store.diagnostics.extend(record.diagnostics.iter().cloned());
            let (Some(entry), Some(placed)) = (entry, &record.placed) else {
                store.failed.push(record.path.clone());
                store.files.push(record);
                continue;
            };
            let id = entry.briefing.id.clone();
            if let Some(first) = seen_ids.get(&id) {
                let message = format!("briefing id `{id}` is already used by {}", first.display());
                store.diagnostics.push(Diagnostic {
                    location: placed.id_location.clone(),
                    ..Diagnostic::error(&record.path, message)
                });
                store.failed.push(record.path.clone());
                store.files.push(record);
                continue;
            }
            seen_ids.insert(id, record.path.clone());
            pending.push((store.entries.len(), store.files.len()));
            store.entries.push(entry);
            store.files.push(record);
        }
        let by_id: HashMap<&str, usize> =
            store.entries.iter().enumerate().map(|(i, e)| (e.briefing.id.as_str(), i)).collect();
        let cross_file_errors: Vec<Diagnostic> = pending
            .iter()
            .flat_map(|&(entry, file)| {
                let refs = store.files[file].placed.as_ref().map_or(&[][..], |p| &p.ref_locations);
                store.check_refs(&store.entries[entry], refs, &by_id)
            })
            .collect();
        store.diagnostics.extend(cross_file_errors);
        // Stable: keeps each file's own order, and files in name order as they were read.
        store.diagnostics.sort_by(|a, b| a.path.cmp(&b.path));
        store.entries.sort_by(|a, b| {
            let (a, b) = (&a.briefing, &b.briefing);
            b.source.published.cmp(&a.source.published).then_with(|| a.id.cmp(&b.id))
        });
        store
    }

    /// What was seen of every file of the folder, in path order.
    pub(crate) fn files(&self) -> &[FileRecord] {
        &self.files
    }

    /// Checks that each ref of the entry names an item of another loaded briefing.
    fn check_refs(
        &self,
        entry: &Entry,
        ref_locations: &[(String, Option<Location>)],
        by_id: &HashMap<&str, usize>,
    ) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for (to, location) in ref_locations {
            let Some((briefing_id, item_id)) = to.split_once('#') else { continue };
            let message = match by_id.get(briefing_id).map(|&i| &self.entries[i]) {
                None => {
                    let hint =
                        if self.failed.is_empty() { "" } else { " (or it is one that failed to load)" };
                    format!("ref `{to}`: no briefing `{briefing_id}` in this folder{hint}")
                }
                Some(target) if target.briefing.item(item_id).is_none() => {
                    format!("ref `{to}`: briefing `{briefing_id}` has no item `{item_id}`")
                }
                Some(_) => continue,
            };
            errors.push(Diagnostic { location: location.clone(), ..Diagnostic::error(&entry.path, message) });
        }
        errors
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.position(id).map(|i| &self.entries[i])
    }

    /// The index of a briefing in `entries`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.briefing.id == id)
    }

    /// The loaded briefings, in `entries` order: the shape search and cross-reference work on.
    pub fn briefings(&self) -> Vec<&Briefing> {
        self.entries.iter().map(|e| &e.briefing).collect()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// How far a load has got, shared with a thread that shows it: the files to read (those not taken from
/// the cache), how many are read, and what comes after.
#[derive(Debug, Default)]
pub struct Progress {
    pub to_read: AtomicUsize,
    pub read: AtomicUsize,
    /// Set when every file is read and the search index is being built (to write the cache).
    pub indexing: AtomicBool,
}

impl Progress {
    fn counted<T>(&self, value: T) -> T {
        self.read.fetch_add(1, Ordering::Relaxed);
        value
    }
}

/// Which files a [`Store::refresh`] found changed, by path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<PathBuf>,
    /// Files read again because they, or the articles they link, changed.
    pub modified: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.modified.is_empty() && self.removed.is_empty()
    }
}

/// The `*.toml` files of a folder that are not dot-files, sorted.
pub(crate) fn briefing_paths(dir: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let listing = Listing::read(dir).map_err(|source| FolderError { dir: dir.to_path_buf(), source })?;
    Ok((0..listing.len()).map(|i| dir.join(listing.name(i))).collect())
}

/// The `*.toml` files of a folder that are not dot-files, sorted by name, as one open directory lists
/// them: read with `getdents` into one buffer and kept in another, so that listing a folder of 100,000
/// files allocates nothing per file, and stamped relative to the open directory (no path to resolve).
pub(crate) struct Listing {
    dir: rustix::fd::OwnedFd,
    /// The names, each ended by a NUL, one after another.
    names: Vec<u8>,
    /// Where each name starts in `names` and its length (without the NUL), in name order.
    spans: Vec<[u32; 2]>,
}

impl Listing {
    pub(crate) fn read(dir: &Path) -> io::Result<Listing> {
        use rustix::fs::{Mode, OFlags, RawDir};
        let fd = rustix::fs::open(dir, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
        // Larger than any one entry (a name is at most 255 bytes), so `getdents` never asks for more.
        let mut buffer: Vec<u8> = Vec::with_capacity(1 << 18);
        let (mut names, mut spans) = (Vec::new(), Vec::new());
        let mut entries = RawDir::new(&fd, buffer.spare_capacity_mut());
        while let Some(entry) = entries.next() {
            let entry = entry?;
            let name = entry.file_name().to_bytes_with_nul();
            let bare = &name[..name.len() - 1];
            if bare.ends_with(b".toml") && bare.len() > 5 && !bare.starts_with(b".") {
                spans.push([u32::try_from(names.len()).map_err(io::Error::other)?, bare.len() as u32]);
                names.extend_from_slice(name);
            }
        }
        // The names as slices, compared as they are: the directory gives them in hash order, and 100,000
        // of them sort in a few milliseconds this way (finding each one's end at every comparison took
        // several times that).
        let name_at = |&[start, len]: &[u32; 2]| &names[start as usize..(start + len) as usize];
        spans.sort_unstable_by(|a, b| name_at(a).cmp(name_at(b)));
        Ok(Listing { dir: fd, names, spans })
    }

    /// The listing of the files `names` of `dir` (in the order given, which must be by name), without
    /// reading the folder: for a folder known to hold just these names.
    pub(crate) fn of_names<'a>(
        dir: &Path,
        names: impl Iterator<Item = &'a std::ffi::OsStr>,
    ) -> io::Result<Listing> {
        use rustix::fs::{Mode, OFlags};
        use std::os::unix::ffi::OsStrExt;
        let fd = rustix::fs::open(dir, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
        let (mut bytes, mut spans) = (Vec::new(), Vec::new());
        for name in names {
            let name = name.as_bytes();
            spans.push([u32::try_from(bytes.len()).map_err(io::Error::other)?, name.len() as u32]);
            bytes.extend_from_slice(name);
            bytes.push(0);
        }
        Ok(Listing { dir: fd, names: bytes, spans })
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    fn name_with_nul(&self, i: usize) -> &std::ffi::CStr {
        let [start, len] = self.spans[i];
        let with_nul = &self.names[start as usize..=(start + len) as usize];
        std::ffi::CStr::from_bytes_with_nul(with_nul).unwrap_or_default()
    }

    /// The name of the file at `i`.
    pub(crate) fn name(&self, i: usize) -> &std::ffi::OsStr {
        use std::os::unix::ffi::OsStrExt;
        let [start, len] = self.spans[i];
        std::ffi::OsStr::from_bytes(&self.names[start as usize..(start + len) as usize])
    }

    /// The stamp of the file at `i`, following a symlink.
    pub(crate) fn stamp(&self, i: usize) -> Option<Stamp> {
        use rustix::fs::{AtFlags, FileType, statat};
        let name = self.name_with_nul(i);
        let stat = statat(&self.dir, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
        let stat = match FileType::from_raw_mode(stat.st_mode as _) {
            FileType::Symlink => statat(&self.dir, name, AtFlags::empty()).ok()?,
            _ => stat,
        };
        Some(Stamp::from_stat(&stat))
    }
}

/// `f` over every item, on two threads when there are enough items to be worth it, in order.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 32 {
        return items.iter().map(f).collect();
    }
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let f = &f;
        let later = scope.spawn(move || second.iter().map(f).collect::<Vec<R>>());
        let mut out: Vec<R> = first.iter().map(f).collect();
        match later.join() {
            Ok(rest) => out.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        out
    })
}

/// What the file system tells of a file's content without reading it: which file it is, its size, and
/// when it was last written and when its metadata last changed (to the nanosecond where the file system
/// keeps them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub device: u64,
    pub inode: u64,
    pub size: u64,
    pub modified_ns: i64,
    pub changed_ns: i64,
}

impl Stamp {
    /// The stamp of the file at `path` (following symlinks), or `None` when it cannot be had.
    pub fn of(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::from_metadata(&m))
    }

    /// The stamp `stat(2)` gives: the same numbers as [`Stamp::of`]'s, by another call.
    // The fields' types differ from one target to another.
    #[allow(clippy::unnecessary_cast)]
    fn from_stat(stat: &rustix::fs::Stat) -> Stamp {
        let ns = |seconds: i64, nanos: i64| seconds.saturating_mul(1_000_000_000).saturating_add(nanos);
        Stamp {
            device: stat.st_dev as u64,
            inode: stat.st_ino as u64,
            size: stat.st_size as u64,
            modified_ns: ns(stat.st_mtime as i64, stat.st_mtime_nsec as i64),
            changed_ns: ns(stat.st_ctime as i64, stat.st_ctime_nsec as i64),
        }
    }

    #[cfg(unix)]
    fn from_metadata(m: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        let ns = |seconds: i64, nanos: i64| seconds.saturating_mul(1_000_000_000).saturating_add(nanos);
        Stamp {
            device: m.dev(),
            inode: m.ino(),
            size: m.size(),
            modified_ns: ns(m.mtime(), m.mtime_nsec()),
            changed_ns: ns(m.ctime(), m.ctime_nsec()),
        }
    }

    #[cfg(not(unix))]
    fn from_metadata(m: &fs::Metadata) -> Stamp {
        let ns = |t: io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i64)
        };
        let modified = ns(m.modified());
        Stamp { device: 0, inode: 0, size: m.len(), modified_ns: modified, changed_ns: modified }
    }
}

/// How close to the time a file was read a change of its metadata must be to make its stamp
/// untrustworthy: file systems keep times in ticks (a few milliseconds on Linux, two seconds on FAT), so
/// a file rewritten with the same size in the tick it was read in keeps its stamp.
const RACY_NS: i64 = 2_000_000_000;

/// A file as a load saw it: its stamp (`None` if it could not be had), when it was looked at, and a hash
/// of its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    pub stamp: Option<Stamp>,
    /// Nanoseconds since the Unix epoch, taken before the file was looked at.
    pub at_ns: i64,
    pub hash: u64,
}

impl Seen {
    /// Whether the file at `path` still is as it was seen: the same stamp (the same file, size, write
    /// and change times), and, when its change time is within two seconds of when it was looked at (so a
    /// rewrite in the same clock tick could keep the stamp), the same bytes too. Returns what is seen of
    /// it now, or `None` when it changed.
    pub fn recheck(&self, path: &Path) -> Option<Seen> {
        self.recheck_stamp(Stamp::of(path), || path.to_path_buf())
    }

    /// How the folder `dir` is seen now (its stamp, no hash): its modification time changes whenever a
    /// name in it is added, removed or renamed.
    pub fn of_folder(dir: &Path) -> Seen {
        let at_ns = now_ns();
        Seen { stamp: Stamp::of(dir), at_ns, hash: 0 }
    }

    /// [`Seen::recheck`] with the file's stamp already at hand; `path` makes the file's path, needed only
    /// when its bytes must be read.
    pub(crate) fn recheck_stamp(&self, stamp: Option<Stamp>, path: impl FnOnce() -> PathBuf) -> Option<Seen> {
        if stamp != self.stamp {
            return None;
        }
        if self.is_racy() {
            let now = now_ns();
            (content_hash(&path()) == Some(self.hash)).then_some(Seen { stamp, at_ns: now, hash: self.hash })
        } else {
            Some(*self)
        }
    }

    /// Whether the stamp alone cannot tell a change: the file's metadata changed within two seconds of
    /// when it was looked at.
    pub fn is_racy(&self) -> bool {
        self.stamp.is_some_and(|s| s.changed_ns >= self.at_ns.saturating_sub(RACY_NS))
    }
}

fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// The hash [`Seen`] keeps of a file's bytes (stable within one build of brief, which is all a cache
/// keyed by the build needs).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6272_6965_6621).hash_one(bytes)
}

/// The text of an article a briefing links, read again (the cache keeps briefings, not articles).
pub(crate) fn article_text(path: &Path) -> Option<String> {
    read_text(path).1.ok()
}

fn content_hash(path: &Path) -> Option<u64> {
    let mut bytes = Vec::new();
    fs::File::open(path).and_then(|f| f.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes)).ok()?;
    Some(hash_bytes(&bytes))
}

/// What loading a file found, apart from the briefing itself: kept to tell later whether the file changed
/// and to redo the checks between files without reading it again.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct FileRecord {
    pub path: PathBuf,
    pub seen: Seen,
    /// The article the briefing links, as it was seen when its quotes were checked.
    pub article: Option<(PathBuf, Seen)>,
    /// The file's own errors and warnings (not those between files).
    pub diagnostics: Vec<Diagnostic>,
    /// Set when the briefing is valid on its own.
    pub placed: Option<Placed>,
}

/// Where a loaded briefing's id and refs are in its file, for the checks that need the whole folder.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Placed {
    pub id_location: Option<Location>,
    /// Each ref's `to` with its place.
    pub ref_locations: Vec<(String, Option<Location>)>,
}

impl FileRecord {
    /// Whether the file's or its article's stamp cannot be trusted alone yet (see [`Seen::is_racy`]).
    pub(crate) fn is_racy(&self) -> bool {
        self.seen.is_racy() || self.article.as_ref().is_some_and(|(_, article)| article.is_racy())
    }

    /// The record with what is seen now, if neither the file nor its article changed.
    fn recheck(&self) -> Option<FileRecord> {
        let seen = self.seen.recheck(&self.path)?;
        let article = match &self.article {
            Some((path, article)) => Some((path.clone(), article.recheck(path)?)),
            None => None,
        };
        Some(FileRecord { seen, article, ..self.clone() })
    }
}

/// What [`Store::reread`] found: the folder's files now, the record of each that did not change, and
/// the files read again (by their position in `paths`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reread {
    paths: Vec<PathBuf>,
    rechecked: Vec<Option<FileRecord>>,
    read: Vec<(usize, LoadedFile)>,
}

/// A file as [`Store::apply`] has it: the unchanged one with its briefing, or the one read again, which
/// also says whether it changed (an unchanged file that lost an id contest is read again unchanged).
fn fresh_or_read(reused: Option<LoadedFile>, read: Option<LoadedFile>) -> (Option<LoadedFile>, bool) {
    match (reused, read) {
        (Some(_), Some(file)) => (Some(file), false),
        (None, file) => (file, true),
        (reused, None) => (reused, false),
    }
}

/// What loading one file produced.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LoadedFile {
    pub record: FileRecord,
    pub entry: Option<Entry>,
}

fn load_file(path: &Path) -> LoadedFile {
    let mut diagnostics = Vec::new();
    let mut article = None;
    let (seen, text) = read_text(path);
    let parsed =
        text.map_err(|message| diagnostics.push(Diagnostic::error(path, message))).ok().and_then(|text| {
            match quick::parse(&text) {
                Some((briefing, placed)) => {
                    Some((Entry { path: path.to_path_buf(), briefing, article: None }, placed))
                }
                None => parse_briefing(path, &text, &mut diagnostics, &mut article),
            }
        });
    let (entry, placed) = parsed.unzip();
    let record = FileRecord { path: path.to_path_buf(), seen, article, diagnostics, placed };
    LoadedFile { record, entry }
}

/// One briefing file read on its own, as a load makes its entry (its own checks and its article, not the
/// checks between files): `None` if it does not load.
pub fn read_entry(path: &Path) -> Option<Entry> {
    load_file(path).entry
}

/// Reads a file as UTF-8 text, refusing what is not a regular, readable, non-empty, bounded text file;
/// also says how the file was seen.
fn read_text(path: &Path) -> (Seen, Result<String, String>) {
    let mut seen = Seen { stamp: None, at_ns: now_ns(), hash: 0 };
    let text = read_checked(path, &mut seen);
    (seen, text)
}

fn read_checked(path: &Path, seen: &mut Seen) -> Result<String, String> {
    let metadata = fs::metadata(path).map_err(|e| format!("cannot read file: {e}"))?;
    seen.stamp = Some(Stamp::from_metadata(&metadata));
    if metadata.is_dir() {
        return Err("is a directory, not a briefing file".into());
    }
    if !metadata.is_file() {
        return Err("is not a regular file".into());
    }
    if metadata.len() > MAX_FILE_SIZE {
        return Err(format!("file is {} bytes, over the {MAX_FILE_SIZE}-byte limit", metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    let file = fs::File::open(path).map_err(|e| format!("cannot read file: {e}"))?;
    // The stamp of the file actually read, taken before reading it.
    seen.stamp = file.metadata().ok().map(|m| Stamp::from_metadata(&m));
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read file: {e}"))?;
    seen.hash = hash_bytes(&bytes);
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(format!("file grew over the {MAX_FILE_SIZE}-byte limit while being read"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = String::from_utf8_lossy(valid);
        let loc = Location::from_span(&prefix, prefix.len()..prefix.len());
        format!("not UTF-8 text: invalid byte at line {}, column {}", loc.line, loc.column)
    })?;
    if text.trim().is_empty() {
        return Err("file is empty".into());
    }
    Ok(text)
}

/// A step of a path into the TOML document: a key or an array index.
#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

const ITEM_SECTIONS: [&str; 4] = ["actor", "figure", "claim", "question"];

fn parse_briefing(
    path: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    article_seen: &mut Option<(PathBuf, Seen)>,
) -> Option<(Entry, Placed)> {
    let error = |message: String, span: Option<Range<usize>>| Diagnostic::error(path, message).at(text, span);
    let (mut root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        diagnostics.extend(syntax_errors.iter().map(|e| error(e.message().trim().to_string(), e.span())));
        return None;
    }
    if let Some(schema) = root.get_ref().get("schema")
        && schema.get_ref().as_integer().and_then(|i| i.as_str().parse::<i64>().ok())
            != Some(SCHEMA_VERSION.into())
        && schema.get_ref().is_integer()
    {
        let message = format!("unsupported schema version (this build reads schema {SCHEMA_VERSION})");
        diagnostics.push(error(message, Some(schema.span())));
        return None;
    }
    neutralize_table(root.get_mut(), true);

    let briefing = match Briefing::deserialize(toml::Deserializer::from(root.clone())) {
        Ok(briefing) => briefing,
        Err(whole) => {
            diagnostics.extend(type_errors(root.get_ref(), &whole).into_iter().map(|(m, s)| error(m, s)));
            return None;
        }
    };

    let table = root.get_ref();
    let span = |segs: &[Seg]| span_at(table, segs);
    let errors_before = diagnostics.len();
    for problem in check_consistency(&briefing) {
        let segs: Vec<Seg> = problem.path.iter().map(|s| s.as_seg()).collect();
        diagnostics.push(error(problem.message, span(&segs)));
    }
    let failed = diagnostics.len() > errors_before;

    let article = read_article(path, &briefing, text, table, diagnostics, article_seen);
    if failed {
        return None;
    }
    let id_location = span(&[Seg::Key("id")]).map(|s| Location::from_span(text, s));
    let ref_locations = ref_paths(&briefing)
        .map(|(to, segs)| {
            let segs: Vec<Seg> = segs.iter().map(|s| s.as_seg()).collect();
            (to.to_string(), span(&segs).map(|s| Location::from_span(text, s)))
        })
        .collect();
    Some((Entry { path: path.to_path_buf(), briefing, article }, Placed { id_location, ref_locations }))
}

/// Serde stops at the first error of a document; checking the top-level keys and then each item on its
/// own finds the first error of each of them.
fn type_errors(root: &DeTable, whole: &toml::de::Error) -> Vec<(String, Option<Range<usize>>)> {
    // serde names Rust types; users write TOML.
    let located = |e: toml::de::Error, fallback: Range<usize>| {
        let message = e.message().trim().replace("expected f64", "expected a number");
        (message, e.span().or(Some(fallback)))
    };
    let mut found = Vec::new();
    let mut header = root.clone();
    for section in ITEM_SECTIONS {
        if header.get(section).is_some_and(|v| v.get_ref().is_array()) {
            header.remove(section);
        }
    }
    if let Err(e) = Briefing::deserialize(toml::Deserializer::from(Spanned::new(0..0, header))) {
        found.push(located(e, 0..0));
    }
    for section in ITEM_SECTIONS {
        let Some(items) = root.get(section).and_then(|v| v.get_ref().as_array()) else { continue };
        for (index, item) in items.iter().enumerate() {
            let result = match section {
                "actor" => deserialize_item::<crate::model::Actor>(item),
                "figure" => deserialize_item::<crate::model::Figure>(item),
                "claim" => deserialize_item::<crate::model::Claim>(item),
                _ => deserialize_item::<crate::model::Question>(item),
            };
            if let Err(e) = result {
                let (message, span) = located(e, item.span());
                found.push((format!("[[{section}]] #{}: {message}", index + 1), span));
            }
        }
    }
    if found.is_empty() {
        found.push(located(whole.clone(), 0..0));
    }
    found
}

/// Deserializes one item only to learn whether it has errors; the value itself is not needed.
fn deserialize_item<'de, T: Deserialize<'de>>(item: &Spanned<DeValue<'de>>) -> Result<(), toml::de::Error> {
    T::deserialize(toml::de::ValueDeserializer::from(item.clone())).map(drop)
}

/// Replaces control characters in every string of the document; only `summary` keeps its line breaks.
fn neutralize_table(table: &mut DeTable, top_level: bool) {
    for (key, value) in table.iter_mut() {
        let keep_newlines = top_level && key.get_ref() == "summary";
        neutralize_value(value.get_mut(), keep_newlines);
    }
}

fn neutralize_value(value: &mut DeValue, keep_newlines: bool) {
    match value {
        DeValue::String(s) => {
            let clean = if keep_newlines { neutralize_multiline(s) } else { neutralize(s) };
            if let std::borrow::Cow::Owned(clean) = clean {
                *s = clean.into();
            }
        }
        DeValue::Array(items) => items.iter_mut().for_each(|v| neutralize_value(v.get_mut(), false)),
        DeValue::Table(table) => neutralize_table(table, false),
        _ => {}
    }
}

fn span_at(table: &DeTable, segs: &[Seg]) -> Option<Range<usize>> {
    let (Seg::Key(first), rest) = segs.split_first()? else { return None };
    let (key, mut value) = table.get_key_value(*first)?;
    let mut span = value.span();
    for seg in rest {
        value = match (seg, value.get_ref()) {
            (Seg::Key(k), DeValue::Table(t)) => t.get(*k)?,
            (Seg::Index(i), DeValue::Array(a)) => a.get(*i)?,
            _ => return Some(span),
        };
        span = value.span();
    }
    // A bare table header has an empty span; point at its key instead.
    if span.is_empty() { Some(key.span()) } else { Some(span) }
}

/// An owned path segment, so checks can describe where a problem is without borrowing the document.
#[derive(Debug, Clone, PartialEq)]
enum PathSeg {
    Key(&'static str),
    Index(usize),
}

impl PathSeg {
    fn as_seg(&self) -> Seg<'static> {
        match self {
            PathSeg::Key(k) => Seg::Key(k),
            PathSeg::Index(i) => Seg::Index(*i),
        }
    }
}

struct Problem {
    path: Vec<PathSeg>,
    message: String,
}

fn at(path: &[PathSeg], extra: &[PathSeg]) -> Vec<PathSeg> {
    path.iter().chain(extra).cloned().collect()
}

/// Rules that serde cannot express: id shapes and uniqueness, references inside the briefing, non-empty
/// text, finite numbers, well-formed ref targets.
fn check_consistency(b: &Briefing) -> Vec<Problem> {
    use PathSeg::{Index, Key};
    let mut problems = Vec::new();
    let mut problem = |path: Vec<PathSeg>, message: String| problems.push(Problem { path, message });

    if !is_slug(&b.id) {
        problem(
            vec![Key("id")],
            format!("briefing id `{}` is not a slug (use a-z, 0-9 and -, at most 64 characters)", b.id),
        );
    }
    for (key, value) in [("title", &b.title), ("summary", &b.summary)] {
        if value.trim().is_empty() {
            problem(vec![Key(key)], format!("`{key}` must not be empty"));
        }
    }
    if b.source.outlet.trim().is_empty() {
        problem(
            vec![Key("source"), Key("outlet")],
            "`outlet` must not be empty (write \"unknown\" if it is not known)".into(),
        );
    }

    let mut seen = HashSet::new();
    let sections: [(&'static str, Vec<&str>); 4] = [
        ("actor", b.actors.iter().map(|a| a.id.as_str()).collect()),
        ("figure", b.figures.iter().map(|f| f.id.as_str()).collect()),
        ("claim", b.claims.iter().map(|c| c.id.as_str()).collect()),
        ("question", b.questions.iter().map(|q| q.id.as_str()).collect()),
    ];
    for (section, ids) in &sections {
        for (i, id) in ids.iter().enumerate() {
            let path = vec![Key(section), Index(i), Key("id")];
            if !is_slug(id) {
                problem(
                    path,
                    format!("item id `{id}` is not a slug (use a-z, 0-9 and -, at most 64 characters)"),
                );
            } else if !seen.insert(*id) {
                problem(path, format!("item id `{id}` is used twice in this briefing"));
            }
        }
    }

    let no_actor = |field: &str, id: &str| format!("`{field}` names no actor of this briefing: `{id}`");
    for (i, f) in b.figures.iter().enumerate() {
        let base = [Key("figure"), Index(i)];
        if let Some(by) = f.claimed_by.as_deref().filter(|by| b.actor(by).is_none()) {
            problem(at(&base, &[Key("claimed_by")]), no_actor("claimed_by", by));
        }
        if !f.value.is_finite() {
            problem(at(&base, &[Key("value")]), "`value` must be a finite number".into());
        }
        for (field, text) in [("unit", &f.unit), ("text", &f.text), ("quote", &f.quote)] {
            if text.trim().is_empty() {
                problem(at(&base, &[Key(field)]), format!("`{field}` must not be empty"));
            }
        }
    }
    for (i, c) in b.claims.iter().enumerate() {
        let base = [Key("claim"), Index(i)];
        if b.actor(&c.claimed_by).is_none() {
            problem(at(&base, &[Key("claimed_by")]), no_actor("claimed_by", &c.claimed_by));
        }
        if let Some(by) = c.reported_by.as_deref().filter(|by| b.actor(by).is_none()) {
            problem(at(&base, &[Key("reported_by")]), no_actor("reported_by", by));
        }
        for (field, text) in [("text", &c.text), ("quote", &c.quote)] {
            if text.trim().is_empty() {
                problem(at(&base, &[Key(field)]), format!("`{field}` must not be empty"));
            }
        }
    }
    for (i, a) in b.actors.iter().enumerate() {
        if a.name.trim().is_empty() {
            problem(vec![Key("actor"), Index(i), Key("name")], "`name` must not be empty".into());
        }
    }
    for (i, q) in b.questions.iter().enumerate() {
        let base = [Key("question"), Index(i)];
        if q.text.trim().is_empty() {
            problem(at(&base, &[Key("text")]), "`text` must not be empty".into());
        }
        for (j, id) in q.about.iter().enumerate() {
            if b.item(id).is_none() {
                problem(
                    at(&base, &[Key("about"), Index(j)]),
                    format!("`about` names no item of this briefing: `{id}`"),
                );
            }
        }
    }
    for (to, path) in ref_paths(b) {
        match to.split_once('#') {
            Some((briefing, item)) if is_slug(briefing) && is_slug(item) => {
                if briefing == b.id {
                    problem(
                        path,
                        format!("ref `{to}` points into this same briefing; refs link to other briefings"),
                    );
                }
            }
            _ => problem(path, format!("ref `{to}` is not of the form \"briefing-id#item-id\"")),
        }
    }
    problems
}

/// Every ref of the briefing with the path of its `to` key.
fn ref_paths(b: &Briefing) -> impl Iterator<Item = (&str, Vec<PathSeg>)> {
    use PathSeg::{Index, Key};
    let sections = [
        ("figure", b.figures.iter().map(|f| f.refs.as_slice()).collect::<Vec<_>>()),
        ("claim", b.claims.iter().map(|c| c.refs.as_slice()).collect()),
        ("question", b.questions.iter().map(|q| q.refs.as_slice()).collect()),
    ];
    sections.into_iter().flat_map(|(section, items)| {
        items.into_iter().enumerate().flat_map(move |(i, refs)| {
            refs.iter().enumerate().map(move |(j, r)| {
                (r.to.as_str(), vec![Key(section), Index(i), Key("refs"), Index(j), Key("to")])
            })
        })
    })
}

/// Reads the linked article and warns about quotes that are not in it.
fn read_article(
    path: &Path,
    b: &Briefing,
    text: &str,
    table: &DeTable,
    diagnostics: &mut Vec<Diagnostic>,
    article_seen: &mut Option<(PathBuf, Seen)>,
) -> Option<String> {
    use PathSeg::{Index, Key};
    let relative = b.source.article.as_deref()?;
    let article_span = span_at(table, &[Seg::Key("source"), Seg::Key("article")]);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let article_path = folder.join(relative);
    let resolved = match article_allowed(folder, relative) {
        Ok(resolved) => resolved,
        Err(why) => {
            let message = format!("article {relative}: {why}; it was not read");
            diagnostics.push(Diagnostic::error(path, message).at(text, article_span));
            return None;
        }
    };
    // The file the rule was checked on, not a link that might be changed in between.
    let read_path = resolved.unwrap_or_else(|| article_path.clone());
    let (seen, article) = read_text(&read_path);
    *article_seen = Some((read_path, seen));
    let article = match article {
        Ok(article) => article,
        Err(message) => {
            let message = format!("article {}: {message}", article_path.display());
            diagnostics.push(Diagnostic::warning(path, message).at(text, article_span));
            return None;
        }
    };
    let haystack = fold_whitespace(&neutralize(&article));
    let figures = b
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| (vec![Key("figure"), Index(i), Key("quote")], f.quote.as_str()));
    let claims = b
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (vec![Key("claim"), Index(i), Key("quote")], c.quote.as_str()));
    let questions =
        b.questions.iter().enumerate().filter_map(|(i, q)| {
            Some((vec![Key("question"), Index(i), Key("source")], q.source.as_deref()?))
        });
    for (segs, quote) in figures.chain(claims).chain(questions) {
        if !haystack.contains(&fold_whitespace(quote)) {
            let segs: Vec<Seg> = segs.iter().map(PathSeg::as_seg).collect();
            let message = format!("quote not found verbatim in the article {}", article_path.display());
            diagnostics.push(Diagnostic::warning(path, message).at(text, span_at(table, &segs)));
        }
    }
    Some(article)
}

/// The rule for `source.article`: a relative path that, resolved from the briefing's folder with every
/// symbolic link followed, lies inside the folder's parent directory (where the seeds keep
/// `../assets/articles/`), and below it passes through no hidden file or directory (`.ssh`, `.config`)
/// other than the briefing folder itself.
/// So a briefing from elsewhere cannot have `check` test its quotes against, or the reader show, any file
/// the user can read. Returns the resolved path to read; `None` for an article that does not exist (the
/// read then warns that it cannot be read).
pub(crate) fn article_allowed(folder: &Path, relative: &str) -> Result<Option<PathBuf>, String> {
    if Path::new(relative).is_absolute() {
        return Err("an absolute path; articles are given relative to the briefing file".into());
    }
    let Ok(folder) = fs::canonicalize(folder) else { return Ok(None) };
    let root = folder.parent().unwrap_or(&folder);
    let Ok(article) = fs::canonicalize(folder.join(relative)) else { return Ok(None) };
    let outside =
        || format!("outside {} (the briefing folder's parent), where articles must lie", root.display());
    let below = article.strip_prefix(root).map_err(|_| outside())?;
    // The briefing folder's own name may be hidden (a temporary folder); what lies beside it may not.
    let own = below.components().zip(folder.strip_prefix(root).unwrap_or(Path::new("")).components());
    let shared = own.take_while(|(a, b)| a == b).count();
    if below.components().skip(shared).any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
        return Err(format!("in a hidden file or folder under {}", root.display()));
    }
    Ok(Some(article))
}

/// Folds every run of whitespace to one space, so line wrapping never decides whether a quote matches.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid briefing of the given id whose summary is `summary` (so rewrites can keep the size).
    fn briefing_text(id: &str, summary: &str) -> String {
        format!(
            "schema = 1\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"{summary}\"\nstatus = \"draft\"\n\
             source = {{ outlet = \"Wire\", article = \"{id}.txt\" }}\n\
             [[claim]]\nid = \"c\"\ntext = \"Shells were sent.\"\nclaimed_by = \"w\"\nstance = \"asserts\"\n\
             quote = \"Shells were sent.\"\n[[actor]]\nid = \"w\"\nname = \"Wire\"\nkind = \"outlet\"\n"
        )
    }

    type Contents = (Vec<(PathBuf, Briefing, Option<String>)>, Vec<PathBuf>, Vec<Diagnostic>);

    /// What a store holds, in a comparable form.
    fn contents(store: &Store) -> Contents {
        let entries =
            store.entries.iter().map(|e| (e.path.clone(), e.briefing.clone(), e.article.clone())).collect();
        (entries, store.failed.clone(), store.diagnostics.clone())
    }

    #[test]
    fn refresh_reads_only_what_changed_and_ends_as_a_fresh_load_would() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap();
        for id in ["a", "b", "c"] {
            write(&format!("{id}.toml"), &briefing_text(id, "one"));
            write(&format!("{id}.txt"), "Shells were sent.");
        }
        // A second file with the id of the first: an error, and only this one is dropped.
        write("d.toml", &briefing_text("a", "two"));
        let mut store = Store::load(dir.path()).unwrap();
        assert_eq!(store.failed, [dir.path().join("d.toml")]);
        assert!(store.refresh().unwrap().is_empty());
        assert_eq!(contents(&store), contents(&Store::load(dir.path()).unwrap()));

        // Rewritten at once with the same size: the stamp may not change within the clock tick, the bytes do.
        write("b.toml", &briefing_text("b", "two"));
        write("e.toml", &briefing_text("e", "one"));
        fs::remove_file(dir.path().join("c.toml")).unwrap();
        // The article of `a` changes, so the check of its quotes must run again.
        write("a.txt", "Nothing was sent at all.");
        let changes = store.refresh().unwrap();
        let path = |name: &str| dir.path().join(name);
        assert_eq!(changes.added, [path("e.toml")]);
        // `d` links the same article as `a`.
        assert_eq!(changes.modified, [path("a.toml"), path("b.toml"), path("d.toml")]);
        assert_eq!(changes.removed, [path("c.toml")]);
        assert_eq!(contents(&store), contents(&Store::load(dir.path()).unwrap()));
        assert_eq!(store.get("b").unwrap().briefing.summary, "two");
        assert!(store.warnings().any(|w| w.message.contains("quote not found")));

        // The first `a` goes: the second one loads now.
        fs::remove_file(path("a.toml")).unwrap();
        let changes = store.refresh().unwrap();
        assert_eq!(changes.removed, [path("a.toml")]);
        assert!(store.failed.is_empty());
        assert_eq!(store.get("a").unwrap().path, path("d.toml"));
        assert_eq!(contents(&store), contents(&Store::load(dir.path()).unwrap()));
    }

    #[test]
    fn a_reread_reads_without_changing_the_store_and_apply_reads_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap();
        write("a.toml", &briefing_text("a", "one"));
        write("a.txt", "Shells were sent.");
        let mut store = Store::load(dir.path()).unwrap();
        write("a.toml", &briefing_text("a", "two"));
        let reread = store.reread().unwrap();
        assert_eq!(store.get("a").unwrap().briefing.summary, "one", "read, not applied");
        // What was read is applied even if the file changes again or goes meanwhile.
        fs::remove_file(dir.path().join("a.toml")).unwrap();
        let changes = store.apply(reread);
        assert_eq!(changes.modified, [dir.path().join("a.toml")]);
        assert_eq!(store.get("a").unwrap().briefing.summary, "two");
        assert_eq!(store.refresh().unwrap().removed, [dir.path().join("a.toml")]);
    }

    #[test]
    fn a_refresh_that_cannot_read_the_folder_keeps_what_was_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("briefings");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("a.toml"), briefing_text("a", "one")).unwrap();
        let mut store = Store::load(&folder).unwrap();
        fs::rename(&folder, dir.path().join("moved")).unwrap();
        assert!(store.refresh().is_err());
        assert_eq!(store.get("a").unwrap().briefing.summary, "one");
        // Back again, nothing changed.
        fs::rename(dir.path().join("moved"), &folder).unwrap();
        assert!(store.refresh().unwrap().is_empty());
    }

    #[test]
    fn a_stamp_is_trusted_alone_only_away_from_the_time_it_was_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        fs::write(&path, "one").unwrap();
        let (seen, _) = read_text(&path);
        fs::write(&path, "two").unwrap();
        // Same size, maybe the same times: the bytes decide.
        assert_eq!(seen.recheck(&path), None);
        // Seen long after its last change, the stamp alone decides, without reading the file.
        let long_after = Seen { at_ns: seen.at_ns + 10 * RACY_NS, hash: 0, stamp: Stamp::of(&path) };
        assert_eq!(long_after.recheck(&path), Some(long_after));
        fs::remove_file(&path).unwrap();
        assert_eq!(long_after.recheck(&path), None);
    }
}
