//! The on-disk cache of a folder: what loading it found (per file: how it was seen, its diagnostics, its
//! briefing) and its search index, in one file read in place: each part is read when it is needed, with
//! positioned reads (see `crate::column` for why the file is never mapped).
//!
//! A query needs only the term dictionary, the posting lists of its terms and the briefings of the hits
//! it shows, so `brief search` on an unchanged folder answers without parsing any TOML. Commands that need
//! every briefing take the unchanged ones from the cache and parse only the files that changed.
//!
//! Where: `$BRIEF_CACHE_DIR`, else the user's cache directory (`$XDG_CACHE_HOME/brief`, usually
//! `~/.cache/brief`), one file per folder named by a hash of the folder's canonical path, so `--dir c1k`,
//! `--dir ./c1k/` and an absolute path share one cache. Paths are stored relative to the folder and joined
//! to the folder as given when read (messages quote paths as given); the diagnostics of a file name paths
//! as they were given when it was read, so a run that names the folder differently reads again the files
//! that have diagnostics. Nothing is written into the briefing folder.
//!
//! Freshness: the cache is used only by the build of brief that wrote it (same executable: path, size and
//! modification time), for the folder it was written for, when the folder holds exactly the same `*.toml`
//! files and each of them, and each article they link, passes [`Seen::recheck`] (same device, inode,
//! size, nanosecond modification and change times; and the same bytes when the change time is within two
//! seconds of when the file was last read). Anything else is a miss, and the folder is loaded again.
//!
//! Safety: the file is written to a temporary file in the cache directory and renamed over the old one,
//! so a reader sees a whole file or the previous one. Every section has a checksum checked when it is
//! read, every posting list and every briefing when it is read; a truncated, corrupt or foreign file is a
//! miss, never a panic or a signal (it is read, not mapped), and is replaced. Failing to write (read-only
//! directory, full disk) never fails the command.

use std::borrow::Cow;
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod boards;
mod graph;
mod writing;

use crate::catalog::Row;
use crate::column::{CacheFile, Column};
use crate::folder::Folder;
use crate::model::Briefing;
use crate::search::{self, PostingLists, SearchIndex};
use crate::store::{self, Changes, Entry, FileRecord, FolderError, Progress, Seen, Store, hash_bytes};
use crate::xref::{CrossRef, ItemAt};

const MAGIC: &[u8; 12] = b"brief-cache\0";
/// Bumped whenever the layout below changes.
const FORMAT: u32 = 9;

/// The sections of a cache file, in order.
#[derive(Debug, Clone, Copy)]
enum Section {
    /// How the folder itself was seen before it was listed, then per briefing file, in path order: its
    /// path, how it was seen, and its article's: what a freshness check reads (binary, see
    /// [`encode_manifest`]).
    Manifest,
    /// Every [`FileRecord`] (JSON, compressed), paths relative to the folder.
    Records,
    /// Per loaded briefing, in `Store::entries` order: record index, blob offset, length, checksum, and
    /// length once decompressed.
    Entries,
    /// The zstd dictionary the briefings are compressed with, trained on them (empty below 8,000).
    Dictionary,
    /// The briefings, as JSON, each compressed on its own with the dictionary, one after another.
    Blobs,
    /// The list of the briefings ([`crate::catalog::Row`], JSON, compressed), in `Store::entries` order.
    Catalog,
    /// The failed-file count and error headlines `load` prints (JSON).
    Summary,
    /// The briefing ids, sorted, with their positions: which briefing `brief show ID` means, found by
    /// binary search (see [`encode_ids`]).
    Ids,
    /// The cross-reference graph's tables (`graph`): per briefing its first claim's number, then the
    /// number of claims.
    ClaimFirst,
    /// Per claim: its stance, its two norms, its claimant and outlet (numbers of `SourceNames`).
    ClaimStances,
    ClaimNorms,
    ClaimSources,
    SourceNames,
    /// Per term: how many claims use it, and the actor group it stands for.
    TermFacts,
    /// Per briefing, its first actor record's number, then the number of records.
    ActorFirst,
    /// Per briefing: its actors' groups, its figures' units, its claims' terms, its explicit refs.
    BriefingGraph,
    BriefingGraphIndex,
    /// Per term, the claims that use it.
    ClaimsByTerm,
    ClaimsByTermIndex,
    /// Per actor group: its kind, spellings and members.
    Groups,
    GroupsIndex,
    /// Per unit key (in `UnitKeys` order), its figures and their subjects.
    Units,
    UnitsIndex,
    UnitKeys,
    TermText,
    TermEnds,
    /// Where each posting list ends in `Postings`, in bytes.
    PostingEnds,
    /// The posting lists, delta-coded (`search::encode_postings`).
    Postings,
    PostingHashes,
    Documents,
    SlotDocument,
    SlotClass,
    SlotNorm,
    /// The boards' rows and the text they draw (`crate::folder::Folder`, see `boards`). Read only when a
    /// board opens, so it is not the file's last section: damage at the file's end is found by every
    /// command that reads the spellings.
    Boards,
    /// Alias expansion table and the longest spelling (JSON).
    Spellings,
}

const SECTIONS: usize = 35;

impl Section {
    /// Sections whose checksum covers the whole section; the others are checked piece by piece as they
    /// are read (a posting list, a briefing).
    fn checked_whole(self) -> bool {
        !matches!(
            self,
            Section::Postings
                | Section::Blobs
                | Section::BriefingGraph
                | Section::ClaimsByTerm
                | Section::Groups
                | Section::Units
        )
    }
}

/// Removes the cache files this process is writing, and writes no more: for a process about to end
/// while a thread may be writing one (the reader quitting during its background load), so that no
/// temporary file is left in the cache folder.
pub fn abandon_writes() {
    writing::Writes::of_process().abandon();
}

/// The cache file of a folder: named by its canonical path, whichever way it was given.
pub fn location(dir: &Path) -> Option<PathBuf> {
    let base = match std::env::var_os("BRIEF_CACHE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => {
            use etcetera::BaseStrategy;
            etcetera::choose_base_strategy().ok()?.cache_dir().join("brief")
        }
    };
    let canonical = fs::canonicalize(dir).ok()?;
    let key = hash_bytes(&path_bytes(&canonical));
    Some(base.join(format!("{key:016x}.cache")))
}

/// The folder as given, as the header records it: diagnostics quote paths that way.
fn given_text(dir: &Path) -> String {
    String::from_utf8_lossy(&path_bytes(dir)).into_owned()
}

/// The executable that is running, as the cache knows it: a cache written by another build is ignored.
fn build_identity() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let stamp = store::Stamp::of(&exe)?;
    Some(format!(
        "{} {} {} {} {}",
        env!("CARGO_PKG_VERSION"),
        exe.display(),
        stamp.size,
        stamp.modified_ns,
        cfg!(target_endian = "little")
    ))
}

/// An opened, checked cache file (not yet known to be fresh).
pub struct Snapshot {
    file: Arc<CacheFile>,
    header: Header,
    /// The folder as given to this run: stored paths are joined to it.
    dir: PathBuf,
    manifest: Manifest,
    /// How the folder was seen before it was listed for the manifest.
    folder: Seen,
    entries: Column<[u64; 5]>,
    /// The dictionary the briefings are compressed with, read when the first one is.
    dictionary: std::sync::OnceLock<Option<zstd::dict::DecoderDictionary<'static>>>,
    path: PathBuf,
}

/// A file as the manifest has it, its paths relative to the folder.
#[derive(Debug, Clone, PartialEq)]
struct ManifestFile {
    path: PathBuf,
    seen: Seen,
    article: Option<(PathBuf, Seen)>,
}

/// What the fast path of `brief search` needs besides the index.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub failed: usize,
    /// Headlines of every error, in the order `load` prints them.
    pub errors: Vec<String>,
}

impl Snapshot {
    /// Opens the cache of `dir`, if there is one written by this build for this folder and its header,
    /// manifest and entry table are whole.
    pub fn open(dir: &Path) -> Option<Snapshot> {
        Snapshot::open_file(location(dir)?, dir)
    }

    /// [`Snapshot::open`] on the cache file at `path`.
    fn open_file(path: PathBuf, dir: &Path) -> Option<Snapshot> {
        let file = fs::File::open(&path).ok()?;
        let length = usize::try_from(file.metadata().ok()?.len()).ok()?;
        let file = Arc::new(CacheFile::new(file));
        let prefix = file.read(0..PREFIX.min(length))?;
        let header = Header::read(&prefix, |range| file.read(range), length)?;
        let canonical = fs::canonicalize(dir).ok()?;
        if header.identity != build_identity()? || header.folder != given_text(&canonical) {
            return None;
        }
        let mut snapshot = Snapshot {
            file,
            header,
            dir: dir.to_path_buf(),
            manifest: Manifest::default(),
            folder: Seen { stamp: None, at_ns: 0, hash: 0 },
            entries: Column::default(),
            dictionary: std::sync::OnceLock::new(),
            path,
        };
        (snapshot.folder, snapshot.manifest) = decode_manifest(snapshot.section(Section::Manifest)?)?;
        snapshot.entries = snapshot.column(Section::Entries)?;
        Some(snapshot)
    }

    /// A whole section, read and checked against its checksum.
    fn section(&self, section: Section) -> Option<Vec<u8>> {
        let range = self.header.sections[section as usize].clone();
        let bytes = self.file.read(range)?;
        (!section.checked_whole() || hash_bytes(&bytes) == self.header.hashes[section as usize])
            .then_some(bytes)
    }

    /// A section of whole values of `T`, read and checked.
    fn column<T: bytemuck::Pod>(&self, section: Section) -> Option<Column<T>> {
        let column = Column::read(&self.file, self.header.sections[section as usize].clone())?;
        (hash_bytes(column.bytes()) == self.header.hashes[section as usize]).then_some(column)
    }

    /// Whether this run names the folder as the run that wrote the cache did (see the module comment).
    fn given_as_written(&self) -> bool {
        self.header.given == given_text(&self.dir)
    }

    /// Checks every file of the folder against the manifest: `Some(rewritten)` when the cache is fresh,
    /// where `rewritten` says that stamps confirmed by reading their files (or by listing the folder) were
    /// recorded as settled.
    ///
    /// The folder is listed only when its own stamp changed since the manifest was made, or was too
    /// recent then to be trusted (see [`Seen::is_racy`]): a name is added, removed or renamed only by
    /// changing the folder's modification time, so an unchanged folder holds the manifest's names, and
    /// each of them is stamped by name. Listing and sorting 100,000 names took a third of the check.
    pub fn check_fresh(&self, dir: &Path) -> Option<bool> {
        let folder = Seen::of_folder(dir);
        let names_kept =
            folder.stamp.is_some() && folder.stamp == self.folder.stamp && !self.folder.is_racy();
        let listing = if names_kept {
            use std::os::unix::ffi::OsStrExt;
            store::Listing::of_names(dir, self.manifest.iter().map(|f| std::ffi::OsStr::from_bytes(f.path)))
                .ok()?
        } else {
            store::Listing::read(dir).ok()?
        };
        if listing.len() != self.manifest.len() {
            return None;
        }
        let files: Vec<usize> = (0..self.manifest.len()).collect();
        // Per file, how it is seen now and its article when that differs from the manifest (a file whose
        // bytes were read again), boxed: nearly every file is as the manifest has it, and 100,000 pairs of
        // `Seen` would be 14 MB to write and zero. Paths are made only for the files to read.
        /// A file's and its article's stamps, as seen now.
        type Changed = Box<(Seen, Option<Seen>)>;
        let rechecked = store::parallel_map(&files, |&i| {
            let file = self.manifest.get(i)?;
            // The listing names the same files as the manifest, in the same order.
            if file.path != &*path_bytes(Path::new(listing.name(i))) {
                return None;
            }
            let seen = file.seen.recheck_stamp(listing.stamp(i), || self.dir.join(path_of(file.path)))?;
            let article = match file.article {
                Some((path, article)) => Some(article.recheck(&self.dir.join(path_of(path)))?),
                None => None,
            };
            let kept = seen == file.seen && article == file.article.map(|(_, a)| a);
            Some((!kept).then(|| Box::new((seen, article))))
        });
        let rechecked: Option<Vec<Option<Changed>>> = rechecked.into_iter().collect();
        let rechecked = rechecked?;
        let racy = |seen: &Seen, article: Option<&Seen>| seen.is_racy() || article.is_some_and(Seen::is_racy);
        let racy_before =
            (self.manifest.iter()).filter(|f| racy(&f.seen, f.article.as_ref().map(|(_, a)| a))).count();
        let racy_now = (self.manifest.iter().zip(&rechecked))
            .filter(|(file, now)| match now {
                Some(now) => racy(&now.0, now.1.as_ref()),
                None => racy(&file.seen, file.article.as_ref().map(|(_, a)| a)),
            })
            .count();
        // Stamps confirmed by reading the files long enough after their last change can be trusted alone
        // from now on: record that, so later runs need not read them; the same for the folder's stamp
        // confirmed by listing it.
        let folder_settled = !names_kept && folder.stamp.is_some() && !folder.is_racy();
        let settled = racy_now < racy_before || folder_settled;
        if settled {
            let manifest: Vec<ManifestFile> = (self.manifest.iter().zip(rechecked))
                .map(|(file, now)| ManifestFile {
                    path: path_of(file.path),
                    seen: now.as_ref().map_or(file.seen, |now| now.0),
                    article: file.article.map(|(path, seen)| {
                        (path_of(path), now.as_ref().and_then(|now| now.1).unwrap_or(seen))
                    }),
                })
                .collect();
            let _ = self.rewrite_manifest(if folder_settled { &folder } else { &self.folder }, &manifest);
        }
        Some(settled)
    }

    /// `work` on this snapshot while [`Snapshot::check_fresh`] runs on another thread: its result when
    /// the cache is fresh, `None` when it is not (then `work` was done for nothing, and must have had no
    /// effect outside).
    pub fn while_checking<T>(&self, dir: &Path, work: impl FnOnce() -> T) -> Option<T> {
        std::thread::scope(|scope| {
            let fresh = scope.spawn(|| self.check_fresh(dir));
            let value = work();
            match fresh.join() {
                Ok(fresh) => fresh.map(|_| value),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// The search index: its arrays read now, its posting lists when a query needs them.
    pub fn index(&self) -> Option<SearchIndex> {
        let (spellings, longest_spelling): (foldhash::HashMap<String, Vec<String>>, usize) =
            serde_json::from_slice(&self.section(Section::Spellings)?).ok()?;
        let index = SearchIndex {
            term_text: self.column(Section::TermText)?,
            term_ends: self.column(Section::TermEnds)?,
            postings: PostingLists::Stored {
                file: Arc::clone(&self.file),
                at: self.header.sections[Section::Postings as usize].clone(),
                ends: self.column(Section::PostingEnds)?,
                hashes: self.column(Section::PostingHashes)?,
            },
            documents: self.column(Section::Documents)?,
            slot_document: self.column(Section::SlotDocument)?,
            slot_class: self.column(Section::SlotClass)?,
            slot_norm: self.column(Section::SlotNorm)?,
            spellings,
            longest_spelling,
            ..SearchIndex::default()
        };
        index.is_consistent(self.entries.len()).then_some(index)
    }

    /// The search index ([`Snapshot::index`]) if this cache holds `store`'s briefings, in its order: what
    /// the reader searches when nothing changed since the cache was written, instead of building one.
    pub fn index_for(&self, store: &Store) -> Option<SearchIndex> {
        let rows = self.rows()?;
        let same = rows.len() == store.entries.len()
            && (rows.iter().zip(&store.entries))
                .all(|(row, e)| row.id == e.briefing.id && row.path == e.path);
        same.then(|| self.index())?
    }

    /// The cross-reference graph, its tables read a piece at a time as its questions need them.
    pub fn graph(&self) -> Option<CrossRef> {
        Some(CrossRef::from_tables(Box::new(graph::StoredTables::open(self)?)))
    }

    /// The position (in `Store::entries` order) of the briefing `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        find_id(&self.section(Section::Ids)?, id).filter(|&i| i < self.entries.len())
    }

    /// How many briefings the cache holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The load summary, if it holds for this run: its headlines quote paths as the writer gave them.
    /// The boards of the folder as the cache was written for it: every board's rows and the text they
    /// draw, no briefing decoded. `None` if the section is damaged or is not of these briefings.
    pub fn boards(&self) -> Option<Folder> {
        let folder = boards::decode(&self.section(Section::Boards)?)?;
        (folder.labels.len() == self.entries.len()).then_some(folder)
    }

    pub fn summary(&self) -> Option<Summary> {
        let summary: Summary = serde_json::from_slice(&self.section(Section::Summary)?).ok()?;
        (self.given_as_written() || (summary.failed == 0 && summary.errors.is_empty())).then_some(summary)
    }

    /// The briefing at `index` in `Store::entries` order, checked against its checksum.
    pub fn briefing(&self, index: usize) -> Option<Briefing> {
        let blob = self.blob_range(index)?;
        let start = self.header.sections[Section::Blobs as usize].start;
        let bytes = self.file.read(start + blob.start..start + blob.end)?;
        self.decode(index, &bytes, &mut self.decompressor()?)
    }

    /// The briefings at `positions`, each checked against its checksum (`None` if one fails), decoded on
    /// two threads when there are many.
    pub fn briefings(
        &self,
        positions: impl IntoIterator<Item = usize>,
    ) -> Option<std::collections::HashMap<usize, Briefing>> {
        let positions: Vec<usize> = positions.into_iter().collect();
        let chunks: Vec<&[usize]> = positions.chunks(512).collect();
        let start = self.header.sections[Section::Blobs as usize].start;
        let decoded = store::parallel_map(&chunks, |chunk| {
            let mut decompressor = self.decompressor()?;
            chunk
                .iter()
                .map(|&i| {
                    let blob = self.blob_range(i)?;
                    let bytes = self.file.read(start + blob.start..start + blob.end)?;
                    Some((i, self.decode(i, &bytes, &mut decompressor)?))
                })
                .collect::<Option<Vec<_>>>()
        });
        decoded.into_iter().try_fold(std::collections::HashMap::new(), |mut all, chunk| {
            all.extend(chunk?);
            Some(all)
        })
    }

    /// The briefing at `at` and, of each of its items (its `item` alone, when given), the briefings
    /// `shown` picks of the item's links ([`CrossRef::linked`] with the limit `inferred`): what a command
    /// about one briefing prints. The links are kept in `graph` ([`CrossRef::keep_linked`]) for the
    /// command to list. `None` if a briefing fails its checksum or the graph's tables were found damaged.
    pub fn briefings_around(
        &self,
        graph: &CrossRef,
        at: usize,
        item: Option<&str>,
        inferred: usize,
        shown: impl Fn(&[crate::xref::Link]) -> Vec<usize>,
    ) -> Option<std::collections::HashMap<usize, Briefing>> {
        let briefing = self.briefing(at)?;
        let items: Vec<ItemAt> = (briefing.items())
            .filter(|(id, _)| item.is_none_or(|wanted| wanted == *id))
            .map(|(_, item)| ItemAt { briefing: at, item })
            .collect();
        // On one thread: the freshness check takes the other core, and the claims walked together read
        // each term's list of claims once (split over two threads, the lists both halves use were read
        // and decoded twice: more work and more fresh memory for the same answer).
        let linked = graph.linked(&items, inferred);
        let positions: Vec<usize> = linked.iter().flat_map(|l| shown(&l.links)).collect();
        graph.keep_linked(&items, inferred, linked);
        if graph.found_corrupt() {
            return None;
        }
        let mut positions = positions;
        positions.sort_unstable();
        positions.dedup();
        let mut briefings = self.briefings(positions.into_iter().filter(|&p| p != at))?;
        briefings.insert(at, briefing);
        Some(briefings)
    }

    /// Every briefing, in `Store::entries` order (`None` for one that fails its checksum): the section
    /// read in one go, then decoded on two threads, each with one decompressor.
    fn all_briefings(&self) -> Vec<Option<Briefing>> {
        let count = self.entries.len();
        let Some(blobs) = self.file.read(self.header.sections[Section::Blobs as usize].clone()) else {
            return (0..count).map(|_| None).collect();
        };
        let chunks: Vec<Range<usize>> = (0..count).step_by(512).map(|s| s..(s + 512).min(count)).collect();
        let decoded = store::parallel_map(&chunks, |chunk| {
            let mut decompressor = self.decompressor();
            chunk
                .clone()
                .map(|i| {
                    let bytes = blobs.get(self.blob_range(i)?)?;
                    self.decode(i, bytes, decompressor.as_mut()?)
                })
                .collect::<Vec<_>>()
        });
        decoded.into_iter().flatten().collect()
    }

    /// Where the briefing at `index` is in the Blobs section.
    fn blob_range(&self, index: usize) -> Option<Range<usize>> {
        let &[_, offset, len, _, _] = self.entries.get(index)?;
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        (end <= self.header.sections[Section::Blobs as usize].len()).then_some(start..end)
    }

    fn decompressor(&self) -> Option<zstd::bulk::Decompressor<'_>> {
        let dictionary = self.dictionary.get_or_init(|| {
            let bytes = self.section(Section::Dictionary)?;
            Some(zstd::dict::DecoderDictionary::copy(&bytes))
        });
        zstd::bulk::Decompressor::with_prepared_dictionary(dictionary.as_ref()?).ok()
    }

    /// The briefing at `index` from its compressed bytes, checked against its checksum.
    fn decode(
        &self,
        index: usize,
        blob: &[u8],
        decompressor: &mut zstd::bulk::Decompressor<'_>,
    ) -> Option<Briefing> {
        let &[_, _, _, hash, raw_len] = self.entries.get(index)?;
        if hash_bytes(blob) != hash {
            return None;
        }
        let json = decompressor.decompress(blob, usize::try_from(raw_len).ok()?).ok()?;
        serde_json::from_slice(&json).ok()
    }

    /// The list of the briefings, their paths joined to the folder as given.
    fn rows(&self) -> Option<Vec<Row>> {
        let mut rows: Vec<Row> =
            serde_json::from_slice(&decompress(&self.section(Section::Catalog)?)?).ok()?;
        for row in &mut rows {
            row.path = self.dir.join(&row.path);
        }
        (rows.len() == self.entries.len()).then_some(rows)
    }

    /// The records of every file, with paths joined to the folder as given.
    fn records(&self) -> Option<Vec<FileRecord>> {
        let mut records: Vec<FileRecord> =
            serde_json::from_slice(&decompress(&self.section(Section::Records)?)?).ok()?;
        for record in &mut records {
            record.path = self.dir.join(&record.path);
            if let Some((article, _)) = &mut record.article {
                *article = self.dir.join(&*article);
            }
            for diagnostic in &mut record.diagnostics {
                diagnostic.path = record.path.clone();
            }
        }
        Some(records)
    }

    /// Writes the file again with a new manifest and every other section copied as it is.
    fn rewrite_manifest(&self, folder: &Seen, manifest: &[ManifestFile]) -> std::io::Result<()> {
        let mut sections: Vec<Piece<'_>> = SECTION_ORDER
            .iter()
            .map(|&s| Piece::Copied {
                from: &self.file,
                range: self.header.sections[s as usize].clone(),
                hash: self.header.hashes[s as usize],
            })
            .collect();
        sections[Section::Manifest as usize] = Piece::Bytes(Cow::Owned(encode_manifest(folder, manifest)));
        write_file(&self.path, &self.header.identity, &self.header.folder, &self.header.given, &sections)
    }
}

/// The list of `dir`'s briefings and the load summary, from the cache alone, if it is fresh.
pub fn catalog(dir: &Path) -> Option<(Vec<Row>, Summary)> {
    listed(dir).map(|listed| (listed.rows, listed.summary))
}

/// A fresh cache with its list read: what the reader opens on before the folder is loaded (the
/// briefings are decoded from `snapshot` one at a time, as they are shown).
pub struct Listed {
    pub snapshot: Snapshot,
    pub rows: Vec<Row>,
    pub summary: Summary,
}

/// The cache of `dir` and its list, if it is fresh (the list is read while the files are checked).
pub fn listed(dir: &Path) -> Option<Listed> {
    let snapshot = Snapshot::open(dir)?;
    let rows = snapshot.while_checking(dir, || snapshot.rows())??;
    let summary = snapshot.summary()?;
    Some(Listed { snapshot, rows, summary })
}

/// What [`load`] gives: the store, and the search index, cross-reference graph and boards when it had
/// to build them to write the cache.
pub struct Loaded {
    pub store: Store,
    pub index: Option<SearchIndex>,
    pub graph: Option<CrossRef>,
    pub folder: Option<Folder>,
}

/// Loads `dir`, taking every unchanged file from the cache and parsing only the others, then writes the
/// cache again if anything changed, or if `rewrite` (a part of it was found damaged). A cache that cannot
/// be read or written only makes this slower.
///
/// `progress` counts the files read as it goes, for a display on another thread.
pub fn load(dir: &Path, rewrite: bool, progress: &Progress) -> Result<Loaded, FolderError> {
    let Read { store, stale } = read(dir, rewrite, progress)?;
    let Some(stale) = stale else { return Ok(Loaded { store, index: None, graph: None, folder: None }) };
    progress.indexing.store(true, std::sync::atomic::Ordering::Relaxed);
    let (index, graph) = crate::engine::build(&store.briefings());
    let folder = Folder::build(&store.briefings(), &graph);
    stale.write(dir, &store, &index, &graph, &folder);
    Ok(Loaded { store, index: Some(index), graph: Some(graph), folder: Some(folder) })
}

/// The first half of [`load`]: the folder read (unchanged files from the cache, the others parsed), and
/// whether the cache must be written again. The reader shows the list from it while the index and graph
/// that writing needs are built.
pub struct Read {
    pub store: Store,
    /// `Some` when the cache must be written again (anything changed, or a part of it was damaged).
    pub stale: Option<Stale>,
}

/// What writing the cache of a folder again needs besides the store and its indexes: how the folder was
/// seen before it was listed.
#[derive(Debug)]
pub struct Stale {
    folder: Seen,
}

impl Stale {
    /// Writes the cache of `dir` for `store` (as [`read`] gave it) and its index, graph and boards;
    /// failing to write only costs the next run time.
    pub fn write(&self, dir: &Path, store: &Store, index: &SearchIndex, graph: &CrossRef, boards: &Folder) {
        if let Some(path) = location(dir) {
            let _ = write_at(&path, dir, &self.folder, store, (index, graph, boards));
        }
    }
}

/// Reads `dir` through its cache, as [`load`] does, without building or writing anything.
pub fn read(dir: &Path, rewrite: bool, progress: &Progress) -> Result<Read, FolderError> {
    // Seen before it is listed: a name added after this changes its stamp.
    let folder = Seen::of_folder(dir);
    let snapshot = Snapshot::open(dir);
    let records = snapshot.as_ref().and_then(Snapshot::records);
    let mut damaged = false;
    let mut reread = false;
    let (store, changes) = match (&snapshot, &records) {
        (Some(snapshot), Some(records)) => {
            let positions: std::collections::HashMap<&Path, usize> = (0..snapshot.entries.len())
                .filter_map(|i| {
                    let record = *snapshot.entries.get(i)?.first()? as usize;
                    Some((records.get(record)?.path.as_path(), i))
                })
                .collect();
            // Decoded on two threads up front: nearly every file is unchanged.
            let mut decoded = snapshot.all_briefings();
            let as_written = snapshot.given_as_written();
            Store::load_reusing(dir, records.clone(), progress, |record| {
                // Its diagnostics quote paths as another run gave the folder: read it again.
                if !as_written && !record.diagnostics.is_empty() {
                    reread = true;
                    return None;
                }
                match positions.get(record.path.as_path()) {
                    Some(&i) => {
                        let briefing = decoded.get_mut(i).and_then(Option::take);
                        // A briefing that fails its checksum is parsed again, and the cache written again.
                        damaged |= briefing.is_none();
                        let briefing = briefing?;
                        let article = record.article.as_ref().and_then(|(path, _)| store::article_text(path));
                        Some(Some(Entry { path: record.path.clone(), briefing, article }))
                    }
                    None => record.placed.is_none().then_some(None),
                }
            })?
        }
        _ => (Store::load_counted(dir, progress)?, Changes::default()),
    };
    // Stamps confirmed by reading their files long enough after their last change are worth recording
    // (see `Snapshot::check_fresh`).
    let racy = |files: &[FileRecord]| files.iter().filter(|f| f.is_racy()).count();
    let unchanged = changes.is_empty()
        && records
            .as_deref()
            .is_some_and(|r| r.len() == store.files().len() && racy(r) <= racy(store.files()));
    let stale = !(unchanged && !rewrite && !damaged && !reread);
    Ok(Read { store, stale: stale.then_some(Stale { folder }) })
}

/// zstd's fastest level: the cache is written on every first run, and with the dictionary the briefings
/// are a small part of it (at 10k, 4.1 MB at level 3 of a 23 MB file), so speed matters more than the
/// last bytes.
const LEVEL: i32 = 1;

/// The briefings as JSON, each compressed on its own (so one can be read alone) with a dictionary
/// trained on a sample of them: the dictionary, the blobs one after another, and the entry table.
type Compressed = (Vec<u8>, Vec<u8>, Vec<[u64; 5]>);

fn compress_briefings(
    store: &Store,
    record_of: &std::collections::HashMap<&Path, usize>,
) -> std::io::Result<Compressed> {
    let json = |entry: &Entry| serde_json::to_vec(&entry.briefing).map_err(std::io::Error::other);
    // Training takes about 0.1 s whatever the folder's size (it reads at most `SAMPLES` briefings), too
    // much for a small folder, which is small enough without a dictionary.
    const SAMPLES: usize = 2000;
    let step = store.entries.len().div_ceil(SAMPLES).max(1);
    // The samples' JSON is kept and used again below.
    let samples: Vec<Vec<u8>> = if store.entries.len() < 4 * SAMPLES {
        Vec::new()
    } else {
        let sampled: Vec<&Entry> = store.entries.iter().step_by(step).collect();
        store::parallel_map(&sampled, |entry| json(entry)).into_iter().collect::<Result<_, _>>()?
    };
    let dictionary = if samples.is_empty() {
        Vec::new()
    } else {
        zstd::dict::from_samples(&samples, 112 * 1024).unwrap_or_default()
    };
    let prepared = zstd::dict::EncoderDictionary::copy(&dictionary, LEVEL);
    // Each chunk's JSON is made, compressed and dropped on its worker: the JSON of every briefing at once
    // was a copy of the folder and more in memory (640 MB at 100k).
    const CHUNK: usize = 256;
    let chunks: Vec<(usize, &[Entry])> = store.entries.chunks(CHUNK).enumerate().collect();
    let compressed = store::parallel_map(&chunks, |&(c, chunk)| -> std::io::Result<Vec<(Vec<u8>, usize)>> {
        let mut compressor = zstd::bulk::Compressor::with_prepared_dictionary(&prepared)?;
        (c * CHUNK..)
            .zip(chunk)
            .map(|(i, entry)| {
                let made;
                let json = match samples.get(i / step).filter(|_| i % step == 0) {
                    Some(sample) => sample,
                    None => {
                        made = json(entry)?;
                        &made
                    }
                };
                Ok((compressor.compress(json)?, json.len()))
            })
            .collect()
    });
    let mut blobs = Vec::new();
    let mut entries: Vec<[u64; 5]> = Vec::with_capacity(store.entries.len());
    let mut paths = store.entries.iter().map(|e| e.path.as_path());
    for (blob, raw_len) in compressed.into_iter().collect::<std::io::Result<Vec<_>>>()?.into_iter().flatten()
    {
        let record = paths.next().and_then(|p| record_of.get(p)).copied().unwrap_or(usize::MAX);
        entries.push([
            record as u64,
            blobs.len() as u64,
            blob.len() as u64,
            hash_bytes(&blob),
            raw_len as u64,
        ]);
        blobs.extend_from_slice(&blob);
    }
    Ok((dictionary, blobs, entries))
}

/// A section compressed on its own, with its length ahead of it.
fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = (bytes.len() as u64).to_le_bytes().to_vec();
    out.extend_from_slice(&zstd::bulk::compress(bytes, LEVEL)?);
    Ok(out)
}

fn decompress(bytes: &[u8]) -> Option<Vec<u8>> {
    let (length, compressed) = bytes.split_first_chunk::<8>()?;
    let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
    // The length is checked by the section's checksum; this bounds what a damaged one could ask for.
    (length <= compressed.len().saturating_mul(64).max(1 << 16))
        .then(|| zstd::bulk::decompress(compressed, length).ok())
        .flatten()
}

/// `path` relative to the folder `dir` it is in (or below), for storing.
fn relative<'a>(path: &'a Path, dir: &Path) -> &'a Path {
    path.strip_prefix(dir).unwrap_or(path)
}

/// Writes the cache of `dir` for this store, its index and its cross-reference graph to the cache file
/// at `path`; `folder` is how the folder was seen before the store listed it.
fn write_at(
    path: &Path,
    dir: &Path,
    folder: &Seen,
    store: &Store,
    (index, graph, boards): (&SearchIndex, &CrossRef, &Folder),
) -> std::io::Result<()> {
    let unavailable = || std::io::Error::other("no cache location");
    let identity = build_identity().ok_or_else(unavailable)?;
    let canonical = fs::canonicalize(dir)?;
    let files = store.files();
    let manifest: Vec<ManifestFile> = files
        .iter()
        .map(|f| ManifestFile {
            path: relative(&f.path, dir).to_path_buf(),
            seen: f.seen,
            article: f.article.as_ref().map(|(path, seen)| (relative(path, dir).to_path_buf(), *seen)),
        })
        .collect();
    let stored_records: Vec<FileRecord> = files
        .iter()
        .map(|f| {
            let mut record = f.clone();
            record.path = relative(&f.path, dir).to_path_buf();
            if let Some((article, _)) = &mut record.article {
                *article = relative(article, dir).to_path_buf();
            }
            record
        })
        .collect();
    let record_of: std::collections::HashMap<&Path, usize> =
        files.iter().enumerate().map(|(i, f)| (f.path.as_path(), i)).collect();
    let (dictionary, blobs, entries) = compress_briefings(store, &record_of)?;
    let mut rows = crate::catalog::rows(store);
    for row in &mut rows {
        row.path = relative(&row.path, dir).to_path_buf();
    }
    let summary =
        Summary { failed: store.failed.len(), errors: store.errors().map(|e| e.headline()).collect() };
    let mut posting_ends: Vec<u64> = Vec::new();
    let mut posting_hashes: Vec<u64> = Vec::new();
    let mut postings: Vec<u8> = Vec::new();
    index.each_list(|list| {
        let start = postings.len();
        search::encode_postings(list, &mut postings);
        posting_ends.push(postings.len() as u64);
        posting_hashes.push(hash_bytes(&postings[start..]));
    });
    let owned = |bytes: Vec<u8>| Piece::Bytes(Cow::Owned(bytes));
    let column = |values: &[u32]| owned(bytemuck::cast_slice(values).to_vec());
    let tables = graph::write(graph, &store.briefings())?;
    let sections: Vec<Piece<'_>> = vec![
        owned(encode_manifest(folder, &manifest)),
        owned(compress(&serde_json::to_vec(&stored_records).map_err(std::io::Error::other)?)?),
        owned(bytemuck::cast_slice(&entries).to_vec()),
        owned(dictionary),
        owned(blobs),
        owned(compress(&serde_json::to_vec(&rows).map_err(std::io::Error::other)?)?),
        owned(serde_json::to_vec(&summary).map_err(std::io::Error::other)?),
        owned(encode_ids(store)),
        column(&tables.claim_first),
        owned(tables.stances),
        owned(bytemuck::cast_slice(&tables.norms).to_vec()),
        owned(bytemuck::cast_slice(&tables.sources).to_vec()),
        owned(compress(&serde_json::to_vec(&tables.source_names).map_err(std::io::Error::other)?)?),
        owned(bytemuck::cast_slice(&tables.term_facts).to_vec()),
        column(&tables.actor_first),
        owned(tables.briefings.bytes),
        owned(bytemuck::cast_slice(&tables.briefings.index).to_vec()),
        owned(tables.claims.bytes),
        owned(bytemuck::cast_slice(&tables.claims.index).to_vec()),
        owned(tables.groups.bytes),
        owned(bytemuck::cast_slice(&tables.groups.index).to_vec()),
        owned(tables.units.bytes),
        owned(bytemuck::cast_slice(&tables.units.index).to_vec()),
        column(&tables.unit_keys),
        Piece::Bytes(Cow::Borrowed(index.term_text.bytes())),
        Piece::Bytes(Cow::Borrowed(index.term_ends.bytes())),
        owned(bytemuck::cast_slice(&posting_ends).to_vec()),
        owned(postings),
        owned(bytemuck::cast_slice(&posting_hashes).to_vec()),
        Piece::Bytes(Cow::Borrowed(index.documents.bytes())),
        Piece::Bytes(Cow::Borrowed(index.slot_document.bytes())),
        Piece::Bytes(Cow::Borrowed(index.slot_class.bytes())),
        Piece::Bytes(Cow::Borrowed(index.slot_norm.bytes())),
        owned(boards::encode(boards)?),
        owned(
            serde_json::to_vec(&(&index.spellings, index.longest_spelling)).map_err(std::io::Error::other)?,
        ),
    ];
    write_file(path, &identity, &given_text(&canonical), &given_text(dir), &sections)
}

/// The ids of the store's briefings, sorted: their number, then per id its position in `Store::entries`
/// and where its text ends, then the text.
fn encode_ids(store: &Store) -> Vec<u8> {
    let mut sorted: Vec<(&str, u32)> =
        store.entries.iter().enumerate().map(|(i, e)| (e.briefing.id.as_str(), i as u32)).collect();
    sorted.sort_unstable();
    let mut out = (sorted.len() as u64).to_le_bytes().to_vec();
    let mut end = 0u32;
    for &(_, position) in &sorted {
        out.extend_from_slice(&position.to_le_bytes());
    }
    for &(id, _) in &sorted {
        end += id.len() as u32;
        out.extend_from_slice(&end.to_le_bytes());
    }
    for &(id, _) in &sorted {
        out.extend_from_slice(id.as_bytes());
    }
    out
}

/// The position of the briefing `id` in the ids [`encode_ids`] wrote, if it is there.
fn find_id(ids: &[u8], id: &str) -> Option<usize> {
    let (count, rest) = ids.split_first_chunk::<8>()?;
    let count = usize::try_from(u64::from_le_bytes(*count)).ok()?;
    let number = |at: usize| -> Option<usize> {
        let bytes = rest.get(at * 4..at * 4 + 4)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?) as usize)
    };
    let text = rest.get(count.checked_mul(8)?..)?;
    let id_at = |i: usize| -> Option<&[u8]> {
        let start = if i == 0 { 0 } else { number(count + i - 1)? };
        text.get(start..number(count + i)?)
    };
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = (low + high) / 2;
        match id_at(middle)?.cmp(id.as_bytes()) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return number(middle),
        }
    }
    None
}

const SECTION_ORDER: [Section; SECTIONS] = [
    Section::Manifest,
    Section::Records,
    Section::Entries,
    Section::Dictionary,
    Section::Blobs,
    Section::Catalog,
    Section::Summary,
    Section::Ids,
    Section::ClaimFirst,
    Section::ClaimStances,
    Section::ClaimNorms,
    Section::ClaimSources,
    Section::SourceNames,
    Section::TermFacts,
    Section::ActorFirst,
    Section::BriefingGraph,
    Section::BriefingGraphIndex,
    Section::ClaimsByTerm,
    Section::ClaimsByTermIndex,
    Section::Groups,
    Section::GroupsIndex,
    Section::Units,
    Section::UnitsIndex,
    Section::UnitKeys,
    Section::TermText,
    Section::TermEnds,
    Section::PostingEnds,
    Section::Postings,
    Section::PostingHashes,
    Section::Documents,
    Section::SlotDocument,
    Section::SlotClass,
    Section::SlotNorm,
    Section::Boards,
    Section::Spellings,
];

/// Magic, format and the length of the rest of the header.
const PREFIX: usize = MAGIC.len() + 4 + 8;

/// The header: who wrote the file for which folder (canonical, and as given), and where each section is
/// with its checksum. It ends with a checksum of itself.
struct Header {
    identity: String,
    folder: String,
    given: String,
    sections: [Range<usize>; SECTIONS],
    hashes: [u64; SECTIONS],
}

impl Header {
    /// The header from the file's first bytes `prefix`, reading the rest with `read`; `length` is the
    /// file's length, which the header must state.
    fn read(prefix: &[u8], read: impl Fn(Range<usize>) -> Option<Vec<u8>>, length: usize) -> Option<Header> {
        let mut r = Reader { data: prefix, at: 0 };
        if r.take(MAGIC.len())? != MAGIC || r.u32()? != FORMAT {
            return None;
        }
        let meta_len = usize::try_from(r.u64()?).ok()?;
        let end = PREFIX.checked_add(meta_len)?;
        if end > length {
            return None;
        }
        let file = read(0..end)?;
        let body = file.get(PREFIX..end.checked_sub(8)?)?;
        let mut r = Reader { data: &file, at: PREFIX };
        let identity = r.text()?;
        let folder = r.text()?;
        let given = r.text()?;
        if r.u64()? != length as u64 {
            return None;
        }
        let mut sections: [Range<usize>; SECTIONS] = std::array::from_fn(|_| 0..0);
        let mut hashes = [0; SECTIONS];
        for (range, hash) in sections.iter_mut().zip(&mut hashes) {
            let start = usize::try_from(r.u64()?).ok()?;
            let end = start.checked_add(usize::try_from(r.u64()?).ok()?)?;
            if end > length {
                return None;
            }
            *range = start..end;
            *hash = r.u64()?;
        }
        let expected = hash_bytes(&[&file[..PREFIX], body].concat());
        if r.at != PREFIX + body.len() || r.u64()? != expected {
            return None;
        }
        // The padding that aligns each section is covered by no checksum: it must be zeros, or a damaged
        // byte there would go unnoticed.
        let mut ranges: Vec<Range<usize>> = sections.to_vec();
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut at = end;
        for range in ranges {
            if range.start > at && (range.start - at > 7 || read(at..range.start)?.iter().any(|&b| b != 0)) {
                return None;
            }
            at = at.max(range.end);
        }
        Some(Header { identity, folder, given, sections, hashes })
    }
}

/// Bounds-checked little-endian reads.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let bytes = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn text(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }

    fn path(&mut self) -> Option<&'a [u8]> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        path_from_bytes(bytes)?;
        Some(bytes)
    }

    /// A file of the manifest (see [`encode_manifest`]).
    fn entry(&mut self) -> Option<ManifestEntry<'a>> {
        let path = self.path()?;
        let seen = self.seen()?;
        let article = match self.u8()? {
            0 => None,
            _ => Some((self.path()?, self.seen()?)),
        };
        Some(ManifestEntry { path, seen, article })
    }

    fn seen(&mut self) -> Option<Seen> {
        let stamp = match self.u8()? {
            0 => None,
            _ => Some(store::Stamp {
                device: self.u64()?,
                inode: self.u64()?,
                size: self.u64()?,
                modified_ns: self.i64()?,
                changed_ns: self.i64()?,
            }),
        };
        Some(Seen { stamp, at_ns: self.i64()?, hash: self.u64()? })
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Cow<'_, [u8]> {
    Cow::Owned(path.to_string_lossy().into_owned().into_bytes())
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

fn put_path(out: &mut Vec<u8>, path: &Path) {
    let bytes = path_bytes(path);
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&bytes);
}

fn put_seen(out: &mut Vec<u8>, seen: &Seen) {
    match seen.stamp {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            for value in [s.device, s.inode, s.size] {
                out.extend_from_slice(&value.to_le_bytes());
            }
            for value in [s.modified_ns, s.changed_ns] {
                out.extend_from_slice(&value.to_le_bytes());
            }
        }
    }
    out.extend_from_slice(&seen.at_ns.to_le_bytes());
    out.extend_from_slice(&seen.hash.to_le_bytes());
}

/// The manifest (its paths relative to the folder).
fn encode_manifest(folder: &Seen, files: &[ManifestFile]) -> Vec<u8> {
    let mut out = Vec::with_capacity(files.len() * 128);
    put_seen(&mut out, folder);
    out.extend_from_slice(&(files.len() as u64).to_le_bytes());
    for file in files {
        put_path(&mut out, &file.path);
        put_seen(&mut out, &file.seen);
        match &file.article {
            None => out.push(0),
            Some((path, seen)) => {
                out.push(1);
                put_path(&mut out, path);
                put_seen(&mut out, seen);
            }
        }
    }
    out
}

/// The manifest [`encode_manifest`] wrote, kept as it was read, each file decoded when it is looked at:
/// 100,000 files decoded into paths and records up front were 30 MB of fresh memory and 100,000
/// allocations for every command.
#[derive(Default)]
struct Manifest {
    bytes: Vec<u8>,
    /// Where each file's entry starts in `bytes`.
    starts: Vec<u32>,
}

/// A file as the manifest has it, its paths (relative to the folder) as bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ManifestEntry<'a> {
    path: &'a [u8],
    seen: Seen,
    article: Option<(&'a [u8], Seen)>,
}

impl Manifest {
    fn len(&self) -> usize {
        self.starts.len()
    }

    fn get(&self, i: usize) -> Option<ManifestEntry<'_>> {
        let mut r = Reader { data: &self.bytes, at: *self.starts.get(i)? as usize };
        r.entry()
    }

    fn iter(&self) -> impl Iterator<Item = ManifestEntry<'_>> {
        // Every entry was decoded once when the manifest was read.
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// The manifest [`encode_manifest`] wrote: the folder's stamp, and the manifest with every entry checked.
fn decode_manifest(bytes: Vec<u8>) -> Option<(Seen, Manifest)> {
    let mut r = Reader { data: &bytes, at: 0 };
    let folder = r.seen()?;
    let count = usize::try_from(r.u64()?).ok()?;
    let mut starts = Vec::with_capacity(count.min(bytes.len()));
    for _ in 0..count {
        starts.push(u32::try_from(r.at).ok()?);
        r.entry()?;
    }
    (r.at == bytes.len()).then_some((folder, Manifest { bytes, starts }))
}

/// A path of the manifest.
fn path_of(bytes: &[u8]) -> PathBuf {
    path_from_bytes(bytes).unwrap_or_default()
}

fn align(offset: usize) -> usize {
    offset.next_multiple_of(8)
}

/// Padding up to the next aligned offset.
const ZEROS: [u8; 8] = [0; 8];

/// A section to write: bytes at hand, or a range of the cache file being replaced, copied as it is.
enum Piece<'a> {
    Bytes(Cow<'a, [u8]>),
    Copied { from: &'a CacheFile, range: Range<usize>, hash: u64 },
}

impl Piece<'_> {
    fn len(&self) -> usize {
        match self {
            Piece::Bytes(bytes) => bytes.len(),
            Piece::Copied { range, .. } => range.len(),
        }
    }

    fn hash(&self) -> u64 {
        match self {
            Piece::Bytes(bytes) => hash_bytes(bytes),
            Piece::Copied { hash, .. } => *hash,
        }
    }

    fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        match self {
            Piece::Bytes(bytes) => out.write_all(bytes),
            Piece::Copied { from, range, .. } => {
                const CHUNK: usize = 1 << 20;
                let mut at = range.start;
                while at < range.end {
                    let end = (at + CHUNK).min(range.end);
                    let bytes =
                        from.read(at..end).ok_or_else(|| std::io::Error::other("cache file changed"))?;
                    out.write_all(&bytes)?;
                    at = end;
                }
                Ok(())
            }
        }
    }
}

/// What the name of a cache file being written starts with, until it is renamed into place.
const WRITING: &str = ".writing-";

/// How long since a file being written was last written to before it is taken for abandoned: a writer
/// stopped on the way (the reader quit while its first run wrote the cache, a command killed) leaves it
/// behind, as large as a cache. Writing the largest measured (a million briefings, 2.9 GB) takes well
/// under a minute, and a writer writes all along.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the files writers left in the cache directory `dir` (see [`ABANDONED_AFTER`]); nothing else.
fn remove_abandoned(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let abandoned = entry.file_name().as_encoded_bytes().starts_with(WRITING.as_bytes())
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|written| written.elapsed().ok())
                .is_some_and(|age| age > ABANDONED_AFTER);
        if abandoned {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes the whole file to a temporary file beside `path`, then renames it over `path`.
fn write_file(
    path: &Path,
    identity: &str,
    folder: &str,
    given: &str,
    sections: &[Piece<'_>],
) -> std::io::Result<()> {
    let texts = [identity, folder, given];
    let meta_len = texts.iter().map(|t| 4 + t.len()).sum::<usize>() + 8 + SECTIONS * 24 + 8;
    let mut offset = align(PREFIX + meta_len);
    let mut table = Vec::with_capacity(SECTIONS);
    for piece in sections {
        table.push((offset, piece.len(), piece.hash()));
        offset = align(offset + piece.len());
    }
    let total = table.last().map_or(offset, |&(start, len, _)| start + len);
    let mut out = Vec::with_capacity(PREFIX + meta_len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(meta_len as u64).to_le_bytes());
    for text in texts {
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    out.extend_from_slice(&(total as u64).to_le_bytes());
    for &(start, len, hash) in &table {
        for value in [start as u64, len as u64, hash] {
            out.extend_from_slice(&value.to_le_bytes());
        }
    }
    let header_hash = hash_bytes(&out);
    out.extend_from_slice(&header_hash.to_le_bytes());
    let folder_of_cache = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder_of_cache)?;
    remove_abandoned(folder_of_cache);
    let mut temporary = tempfile::Builder::new().prefix(WRITING).tempfile_in(folder_of_cache)?;
    let _registered = writing::Writes::of_process().register(temporary.path())?;
    // The sections are written where they are, not copied after the header first: the file is as large
    // as the folder, and one copy of it in memory is enough.
    let mut written = out.len();
    {
        let mut file = std::io::BufWriter::with_capacity(1 << 20, temporary.as_file_mut());
        file.write_all(&out)?;
        for (piece, &(start, _, _)) in sections.iter().zip(&table) {
            file.write_all(&ZEROS[..start - written])?;
            piece.write_to(&mut file)?;
            written = start + piece.len();
        }
        file.flush()?;
    }
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xref::{ItemAt, Link, LinkKind};

    fn seeds() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
    }

    /// A cache file of the seeds, written by this test binary, and the folder it is for.
    fn cache_of_seeds(cache: &Path) -> (PathBuf, Store) {
        let dir = seeds();
        let store = Store::load(&dir).unwrap();
        let (index, graph) = crate::engine::build(&store.briefings());
        let path = cache.join("seeds.cache");
        let boards = Folder::build(&store.briefings(), &graph);
        write_at(&path, &dir, &Seen::of_folder(&dir), &store, (&index, &graph, &boards)).unwrap();
        (path, store)
    }

    #[test]
    fn a_write_removes_what_a_stopped_writer_left_and_nothing_else() {
        let cache = tempfile::tempdir().unwrap();
        let abandoned = cache.path().join(format!("{WRITING}abandoned"));
        let running = cache.path().join(format!("{WRITING}running"));
        let other = cache.path().join("other.cache");
        for file in [&abandoned, &running, &other] {
            fs::write(file, b"half a cache").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - 2 * ABANDONED_AFTER;
        for file in [&abandoned, &other] {
            fs::File::options().write(true).open(file).unwrap().set_modified(long_ago).unwrap();
        }
        let (path, _) = cache_of_seeds(cache.path());
        let mut left: Vec<PathBuf> = fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).collect();
        left.sort();
        let mut expected = vec![running, other, path];
        expected.sort();
        assert_eq!(left, expected, "the abandoned file is gone, and this write left none of its own");
    }

    #[test]
    fn a_cache_file_truncated_or_rewritten_while_open_is_a_miss_not_a_crash() {
        let cache = tempfile::tempdir().unwrap();
        let (path, store) = cache_of_seeds(cache.path());
        let snapshot = Snapshot::open_file(path.clone(), &seeds()).unwrap();
        assert_eq!(snapshot.briefing(0).unwrap(), store.entries[0].briefing);
        let index = snapshot.index().unwrap();
        let briefings = store.briefings();
        assert!(index.query(&briefings, "shells", 5).unwrap().total > 0);
        // Another process truncates the file (the same file, not a new one renamed over it). Were it
        // mapped, touching any of its pages now would kill this process with SIGBUS.
        let whole = fs::read(&path).unwrap();
        fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(0).unwrap();
        assert_eq!(snapshot.briefing(1), None);
        assert!(snapshot.index().is_none());
        let results = index.query(&briefings, "sanctions", 5).unwrap();
        assert!(index.found_corrupt(), "a posting list that cannot be read makes the answer untrusted");
        assert_eq!(results.total, 0);
        // Rewritten in place with other bytes of the same length: checksums catch it.
        let mut other = whole.clone();
        let blobs = snapshot.header.sections[Section::Blobs as usize].start;
        other[blobs..].iter_mut().for_each(|b| *b = b.wrapping_add(1));
        fs::write(&path, &other).unwrap();
        assert!((0..store.entries.len()).any(|i| snapshot.briefing(i).is_none()));
    }

    #[test]
    fn the_boards_read_back_as_written_and_damaged_or_foreign_ones_are_not_served() {
        let cache = tempfile::tempdir().unwrap();
        let (path, store) = cache_of_seeds(cache.path());
        let built = Folder::build(&store.briefings(), &CrossRef::build(&store.briefings()));
        let snapshot = Snapshot::open_file(path.clone(), &seeds()).unwrap();
        assert_eq!(snapshot.boards().as_ref(), Some(&built));
        // A byte changed in the section: its checksum catches it.
        let mut damaged = fs::read(&path).unwrap();
        let range = snapshot.header.sections[Section::Boards as usize].clone();
        damaged[range.start + range.len() / 2] ^= 0x10;
        fs::write(&path, &damaged).unwrap();
        assert_eq!(snapshot.boards(), None);
        // Boards of other briefings (here none) are never served for these.
        let (index, graph) = crate::engine::build(&store.briefings());
        write_at(&path, &seeds(), &Seen::of_folder(&seeds()), &store, (&index, &graph, &Folder::default()))
            .unwrap();
        assert_eq!(Snapshot::open_file(path, &seeds()).unwrap().boards(), None);
        // What decodes but does not hang together (a row naming an item the labels lack) is refused.
        let mut wrong = built.clone();
        wrong.figures[0].values[0].briefing = store.entries.len();
        assert_eq!(boards::decode(&boards::encode(&wrong).unwrap()), None);
        assert_eq!(boards::decode(&boards::encode(&built).unwrap()).as_ref(), Some(&built));
    }

    #[test]
    fn a_large_folder_is_compressed_with_a_dictionary_and_reads_back_the_same() {
        let loaded = Store::load(&seeds()).unwrap();
        let mut store = Store::default();
        for i in 0..8000 {
            let mut entry = loaded.entries[i % loaded.entries.len()].clone();
            entry.briefing.id = format!("copy-{i}");
            entry.briefing.title = format!("{} ({i})", entry.briefing.title);
            store.entries.push(entry);
        }
        let cache = tempfile::tempdir().unwrap();
        let path = cache.path().join("large.cache");
        let graph = CrossRef::build(&store.briefings());
        write_at(
            &path,
            &seeds(),
            &Seen::of_folder(&seeds()),
            &store,
            (&SearchIndex::default(), &graph, &Folder::default()),
        )
        .unwrap();
        let snapshot = Snapshot::open_file(path.clone(), &seeds()).unwrap();
        assert!(!snapshot.section(Section::Dictionary).unwrap().is_empty());
        for i in [0, 1, 4321, 7999] {
            assert_eq!(snapshot.briefing(i).unwrap(), store.entries[i].briefing);
        }
        let json: usize = store.entries.iter().map(|e| serde_json::to_vec(&e.briefing).unwrap().len()).sum();
        assert!(snapshot.header.sections[Section::Blobs as usize].len() * 5 < json);
    }

    /// The seeds and `copies` copies of them (each with ids of its own), the copies' refs pointing at the
    /// seeds: a folder where every claim has similar claims elsewhere.
    fn seeds_and_copies(copies: usize) -> Store {
        let loaded = Store::load(&seeds()).unwrap();
        let mut store = Store::default();
        store.entries = loaded.entries.clone();
        for i in 0..copies {
            let mut entry = loaded.entries[i % loaded.entries.len()].clone();
            entry.briefing.id = format!("copy-{i}");
            entry.briefing.title = format!("{} ({i})", entry.briefing.title);
            entry.path = seeds().join(format!("copy-{i}.toml"));
            store.entries.push(entry);
        }
        store
    }

    /// A cache file of `store` written by this test binary, with the graph built for it.
    fn written(cache: &Path, store: &Store) -> (PathBuf, CrossRef) {
        let (index, graph) = crate::engine::build(&store.briefings());
        let path = cache.join("copies.cache");
        write_at(&path, &seeds(), &Seen::of_folder(&seeds()), store, (&index, &graph, &Folder::default()))
            .unwrap();
        (path, graph)
    }

    #[test]
    fn the_graph_read_from_the_cache_links_as_the_graph_built() {
        let store = seeds_and_copies(40);
        let cache = tempfile::tempdir().unwrap();
        let (path, built) = written(cache.path(), &store);
        let snapshot = Snapshot::open_file(path, &seeds()).unwrap();
        let stored = snapshot.graph().unwrap();
        let briefings = store.briefings();
        let mut items = 0;
        for (b, briefing) in briefings.iter().enumerate().filter(|(b, _)| b % 4 == 0) {
            let all: Vec<ItemAt> = briefing.items().map(|(_, item)| ItemAt { briefing: b, item }).collect();
            for limit in [0, 10, usize::MAX] {
                assert_eq!(stored.linked(&all, limit), built.linked(&all, limit), "{b} {limit}");
            }
            for (_, item) in briefing.items() {
                let at = ItemAt { briefing: b, item };
                let links = built.related(at);
                assert_eq!(stored.related(at), links, "{at:?}");
                assert_eq!(stored.corroboration_from(&links), built.corroboration_from(&links), "{at:?}");
                assert_eq!(stored.mentions(at), built.mentions(at), "{at:?}");
                let same_actor: Vec<&Link> = links.iter().filter(|l| l.kind == LinkKind::SameActor).collect();
                assert_eq!(stored.names_of(at, &same_actor), built.names_of(at, &same_actor), "{at:?}");
                items += 1;
            }
        }
        assert!(items > 100, "{items}");
        assert_eq!(stored.claim_count(), built.claim_count());
        for n in (0..built.claim_count()).step_by(7) {
            for m in (0..built.claim_count()).step_by(11) {
                assert_eq!(stored.claim_relation(n, m), built.claim_relation(n, m), "{n} {m}");
            }
        }
        assert_eq!(stored.figure_table(&briefings), built.figure_table(&briefings));
        let (s, b) = (stored.registry(), built.registry());
        assert_eq!(s.groups.len(), b.groups.len());
        for (sg, bg) in s.groups.iter().zip(&b.groups) {
            assert_eq!(
                (&sg.name, sg.kind, &sg.spellings, &sg.members, &sg.names),
                (&bg.name, bg.kind, &bg.spellings, &bg.members, &bg.names)
            );
            for spelling in &bg.spellings {
                assert_eq!(s.lookup(spelling), b.lookup(spelling), "{spelling}");
            }
        }
        for (i, briefing) in briefings.iter().enumerate() {
            for a in 0..briefing.actors.len() {
                assert_eq!(s.group_of((i, a)), b.group_of((i, a)));
            }
        }
        assert!(!stored.found_corrupt());
    }

    #[test]
    fn a_command_about_one_briefing_decodes_only_the_briefings_it_shows() {
        let store = seeds_and_copies(400);
        let cache = tempfile::tempdir().unwrap();
        let (path, built) = written(cache.path(), &store);
        let at = 2;
        let shown = |snapshot: &Snapshot, graph: &CrossRef| {
            snapshot.briefings_around(
                graph,
                at,
                None,
                crate::render::INFERRED_SHOWN,
                crate::render::briefings_shown,
            )
        };
        let snapshot = Snapshot::open_file(path.clone(), &seeds()).unwrap();
        let needed = shown(&snapshot, &snapshot.graph().unwrap()).unwrap();
        assert!(needed.len() < store.entries.len() / 2, "{} of {}", needed.len(), store.entries.len());
        // Every other briefing damaged: reading any of them would fail its checksum.
        let mut bytes = fs::read(&path).unwrap();
        let blobs = snapshot.header.sections[Section::Blobs as usize].start;
        for i in (0..store.entries.len()).filter(|i| !needed.contains_key(i)) {
            let range = snapshot.blob_range(i).unwrap();
            bytes[blobs + range.start] ^= 0x5a;
        }
        fs::write(&path, &bytes).unwrap();
        let snapshot = Snapshot::open_file(path, &seeds()).unwrap();
        let unshown = (0..store.entries.len()).find(|i| !needed.contains_key(i)).unwrap();
        assert!(snapshot.briefing(unshown).is_none(), "damaged");
        let graph = snapshot.graph().unwrap();
        let briefings = shown(&snapshot, &graph).expect("only the shown briefings are read");
        let width = 80;
        assert_eq!(
            crate::render::briefing_text(at, &briefings, &graph, width),
            crate::render::briefing_text(at, &store.briefings(), &built, width)
        );
        assert_eq!(
            crate::export::to_markdown(at, &briefings, &graph, &|_| true),
            crate::export::to_markdown(at, &store.briefings(), &built, &|_| true)
        );
    }

    /// A copy of the seeds in a folder of its own, and its cache file written with `folder` as the
    /// folder's stamp, settled (seen long after its last change).
    fn copy_of_seeds(root: &Path) -> (PathBuf, PathBuf, Store) {
        let dir = root.join("folder");
        fs::create_dir(&dir).unwrap();
        for entry in fs::read_dir(seeds()).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        (dir.clone(), root.join("folder.cache"), Store::load(&dir).unwrap())
    }

    fn settled(dir: &Path) -> Seen {
        Seen { at_ns: i64::MAX / 2, ..Seen::of_folder(dir) }
    }

    #[test]
    fn a_folder_whose_stamp_is_unchanged_is_not_listed_and_changes_are_still_seen() {
        let root = tempfile::tempdir().unwrap();
        let (dir, path, store) = copy_of_seeds(root.path());
        let (index, graph) = crate::engine::build(&store.briefings());
        let fresh = |folder: Option<Seen>| {
            let mut snapshot = Snapshot::open_file(path.clone(), &dir).unwrap();
            snapshot.folder = folder.unwrap_or(snapshot.folder);
            snapshot.check_fresh(&dir).is_some()
        };
        write_at(&path, &dir, &settled(&dir), &store, (&index, &graph, &Folder::default())).unwrap();
        assert!(fresh(None));
        // A name added changes the folder's stamp: the folder is listed again, and the new file seen.
        fs::write(dir.join("new.toml"), "x").unwrap();
        assert!(!fresh(None));
        fs::remove_file(dir.join("new.toml")).unwrap();
        // A file written in place leaves the folder's stamp as it was: each file is still stamped.
        write_at(&path, &dir, &settled(&dir), &store, (&index, &graph, &Folder::default())).unwrap();
        assert!(fresh(None));
        fs::OpenOptions::new().append(true).open(&store.entries[0].path).unwrap().write_all(b"\n").unwrap();
        assert!(!fresh(None));
        // What sparing the listing rests on: with a stamp that says the folder is unchanged, a name the
        // manifest lacks goes unseen (which is why `load` takes the stamp before the store lists the
        // folder, and why a stamp too recent to trust is not used).
        let store = Store::load(&dir).unwrap();
        write_at(&path, &dir, &settled(&dir), &store, (&index, &graph, &Folder::default())).unwrap();
        fs::write(dir.join("late.toml"), "x").unwrap();
        assert!(fresh(Some(settled(&dir))), "the folder is not listed");
        assert!(!fresh(Some(Seen::of_folder(&dir))), "a stamp changed within two seconds is not trusted");
        assert!(!fresh(None));
    }

    #[test]
    fn the_manifest_read_in_place_gives_back_every_file_and_refuses_a_cut_one() {
        let stamp =
            |n: u64| store::Stamp { device: 1, inode: n, size: n * 10, modified_ns: 5, changed_ns: 6 };
        let seen = |n: u64| Seen { stamp: Some(stamp(n)), at_ns: n as i64, hash: n * 7 };
        let files: Vec<ManifestFile> = (0..300)
            .map(|n| ManifestFile {
                path: PathBuf::from(format!("b-{n}-é.toml")),
                seen: if n % 5 == 0 { Seen { stamp: None, ..seen(n) } } else { seen(n) },
                article: (n % 3 == 0).then(|| (PathBuf::from(format!("a/{n}.txt")), seen(n + 1000))),
            })
            .collect();
        let bytes = encode_manifest(&seen(9), &files);
        let (folder, manifest) = decode_manifest(bytes.clone()).unwrap();
        assert_eq!(folder, seen(9));
        let back: Vec<ManifestFile> = manifest
            .iter()
            .map(|f| ManifestFile {
                path: path_of(f.path),
                seen: f.seen,
                article: f.article.map(|(p, s)| (path_of(p), s)),
            })
            .collect();
        assert_eq!(back, files);
        for cut in [1, 17, bytes.len() / 2] {
            assert!(decode_manifest(bytes[..bytes.len() - cut].to_vec()).is_none(), "{cut}");
        }
    }

    #[test]
    fn one_cache_per_folder_however_it_is_named() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("folder");
        fs::create_dir(&dir).unwrap();
        let ways = [dir.clone(), dir.join("."), root.path().join("folder/../folder/")];
        let places: Vec<PathBuf> = ways.iter().map(|d| location(d).unwrap()).collect();
        assert!(places.windows(2).all(|w| w[0] == w[1]), "{places:?}");
    }
}
