//! The cache of parsed briefings and search index, through the `brief` binary: answers are the same with
//! and without it, and it is never served stale, whatever happens to the folder or to the cache file.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const QUERIES: &[&str] = &[
    "shells",
    "DPRK",
    "\"artillery shells\" -grain",
    "figure:1.6 million",
    "sanction*",
    "kim jong-un",
    "id:synthetic-00001*",
    "actor:blinken",
    "1000000",
];

/// Runs brief on `dir` with its cache in `cache` (or with the cache turned off).
fn brief(dir: &Path, cache: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command.arg("--dir").arg(dir).args(args).env_remove("BRIEF_NO_CACHE");
    match cache {
        Some(cache) => command.env("BRIEF_CACHE_DIR", cache),
        // Pointing at a folder that does not exist proves nothing is written when the cache is off.
        None => command.env("BRIEF_CACHE_DIR", dir.join("no-cache-here")).env("BRIEF_NO_CACHE", "1"),
    };
    command.output().expect("run brief")
}

/// Status, stdout and stderr of a run, to compare runs.
#[derive(PartialEq)]
struct Outcome(Option<i32>, String, String);

impl std::fmt::Debug for Outcome {
    /// Short: the start of each stream is enough to see what differs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cut = |s: &str| s.chars().take(400).collect::<String>();
        write!(f, "exit {:?}\nstdout: {}\nstderr: {}", self.0, cut(&self.1), cut(&self.2))
    }
}

fn outcome(o: Output) -> Outcome {
    Outcome(o.status.code(), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

fn search(dir: &Path, cache: Option<&Path>, query: &str) -> Outcome {
    outcome(brief(dir, cache, &["search", "--json", "-n", "30", query]))
}

fn cache_files(cache: &Path) -> Vec<PathBuf> {
    fs::read_dir(cache).map_or(Vec::new(), |d| d.map(|e| e.unwrap().path()).collect())
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

/// A small generated folder (a few hundred briefings, shared actors and figures, non-ASCII names).
fn generated(dir: &Path, count: usize) {
    for b in corpus::corpus(count) {
        fs::write(dir.join(format!("{}.toml", b.id)), toml::to_string(&b).unwrap()).unwrap();
    }
}

/// Every read command answers the same without the cache, with a cold one and with a warm one.
/// `items` are `briefing#item` addresses of some of the briefings of `ids`.
fn assert_same_with_and_without_cache(dir: &Path, ids: &[&str], items: &[&str]) {
    let cache = tempfile::tempdir().unwrap();
    let mut runs: Vec<Vec<&str>> = QUERIES.iter().map(|q| vec!["search", "--json", "-n", "30", q]).collect();
    runs.extend([vec!["list", "--json"], vec!["figures", "--json"]]);
    for id in ids {
        runs.push(vec!["xref", "--json", id]);
        runs.push(vec!["xref", id]);
        runs.push(vec!["show", id]);
        runs.push(vec!["export", id, "-o", "-"]);
    }
    for item in items {
        runs.push(vec!["xref", item]);
    }
    for args in runs {
        let uncached = outcome(brief(dir, None, &args));
        assert_eq!(uncached.0, Some(0), "{args:?}: {}", uncached.2);
        let cold = outcome(brief(dir, Some(cache.path()), &args));
        let warm = outcome(brief(dir, Some(cache.path()), &args));
        assert_eq!(cold, uncached, "{args:?}: cold cache");
        assert_eq!(warm, uncached, "{args:?}: warm cache");
    }
    // Ids and items that are not there are the same usage errors, warm or not.
    let missing: Vec<String> = ids.iter().map(|id| format!("{id}#no-such-item")).collect();
    let mut wrong =
        vec![vec!["show", "no-such-id"], vec!["xref", "no-such-id"], vec!["export", "no-such-id", "-o", "-"]];
    wrong.extend(missing.iter().map(|item| vec!["xref", "--json", item]));
    for args in wrong {
        let uncached = outcome(brief(dir, None, &args));
        assert_eq!(uncached.0, Some(2), "{args:?}: {}", uncached.2);
        assert_eq!(outcome(brief(dir, Some(cache.path()), &args)), uncached, "{args:?}: warm cache");
    }
    assert_eq!(cache_files(cache.path()).len(), 1, "one cache file per folder");
    assert!(cache_files(&dir.join("no-cache-here")).is_empty(), "nothing written with the cache off");
}

#[test]
fn the_seeds_answer_the_same_with_and_without_the_cache() {
    assert_same_with_and_without_cache(
        &seeds(),
        &["blinken-seoul-2023-11", "allies-condemn-pact-2024-06"],
        &[
            "blinken-seoul-2023-11#north-korea",
            "blinken-seoul-2023-11#cooperation-growing-dangerous",
            "allies-condemn-pact-2024-06#kim-jong-un",
        ],
    );
}

#[test]
fn a_generated_folder_answers_the_same_with_and_without_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    generated(dir.path(), 300);
    assert_same_with_and_without_cache(
        dir.path(),
        &["synthetic-000007", "synthetic-000250"],
        &["synthetic-000007#claim-1", "synthetic-000250#claim-0"],
    );
}

#[test]
fn changed_added_and_removed_files_are_never_served_stale() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    generated(dir.path(), 80);
    let file = |id: &str| dir.path().join(format!("{id}.toml"));
    let fresh = |query: &str| search(dir.path(), None, query);
    let cached = |query: &str| search(dir.path(), Some(cache.path()), query);
    // A briefing and the links of another, which names it (its title) where they lead to it.
    let links = |cache: Option<&Path>| {
        let run = |args: &[&str]| outcome(brief(dir.path(), cache, args));
        (run(&["show", "synthetic-000003"]), run(&["xref", "synthetic-000012"]))
    };
    assert_eq!(links(Some(cache.path())), links(None));
    assert_eq!(cached("shells"), fresh("shells"));
    assert_eq!(cached("shells"), fresh("shells"), "warm");

    // Rewritten in place, at once, with the same size: the stamp may not change, the bytes do.
    let text = fs::read_to_string(file("synthetic-000003")).unwrap();
    let title = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    let renamed = format!(
        "title = \"{}\"",
        "Zanzibar".repeat(title.len()).chars().take(title.len() - 10).collect::<String>()
    );
    assert_eq!(renamed.len(), title.len());
    fs::write(file("synthetic-000003"), text.replace(title, &renamed)).unwrap();
    let found = cached("zanzibar*");
    assert_eq!(found, fresh("zanzibar*"));
    assert!(found.1.contains("synthetic-000003"), "{}", found.1);
    assert_eq!(links(Some(cache.path())), links(None), "a title changed");

    // A new file, and one gone.
    fs::write(dir.path().join("extra.toml"), text.replace("synthetic-000003", "extra-one")).unwrap();
    fs::remove_file(file("synthetic-000010")).unwrap();
    for query in ["zanzibar*", "id:extra*", "id:synthetic-00001*", "shells"] {
        assert_eq!(cached(query), fresh(query), "{query}");
    }
    assert_eq!(links(Some(cache.path())), links(None), "a file added, one removed");
    // A file that stops parsing is reported as failed, from the cache as without it.
    fs::write(file("synthetic-000004"), "id = [").unwrap();
    let broken = cached("shells");
    assert!(broken.2.contains("1 file(s) failed to load"), "{}", broken.2);
    assert_eq!(broken, fresh("shells"));
    assert_eq!(cached("shells"), fresh("shells"), "warm, with a failed file");
    assert_eq!(links(Some(cache.path())), links(None), "a file failed");
    assert_eq!(links(Some(cache.path())), links(None), "a file failed, warm");
    // `list` answers from the cache's list of briefings alone, failed file included.
    let list = |cache: Option<&Path>| outcome(brief(dir.path(), cache, &["list"]));
    assert!(list(None).2.contains("1 file(s) failed to load"));
    assert_eq!(list(Some(cache.path())), list(None));
    assert_eq!(list(Some(cache.path())), list(None), "warm");
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_file_is_ignored_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    generated(dir.path(), 60);
    let expected = search(dir.path(), None, "shells");
    let shown = |cache| outcome(brief(dir.path(), cache, &["xref", "synthetic-000007"]));
    let expected_links = shown(None);
    assert_eq!(search(dir.path(), Some(cache.path()), "shells"), expected);
    // A search without a cache writes none; `list` does.
    assert!(cache_files(cache.path()).is_empty());
    brief(dir.path(), Some(cache.path()), &["list"]);
    let [cache_file] = cache_files(cache.path()).try_into().unwrap();
    let good = fs::read(&cache_file).unwrap();
    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("foreign", b"not a cache at all".repeat(1000)),
        ("header flipped", flip(&good, 40)),
        ("middle flipped", flip(&good, good.len() / 2)),
        ("end flipped", flip(&good, good.len() - 3)),
    ];
    for (what, bytes) in damages {
        fs::write(&cache_file, &bytes).unwrap();
        assert_eq!(search(dir.path(), Some(cache.path()), "shells"), expected, "{what}");
        if what != "middle flipped" {
            assert_ne!(fs::read(&cache_file).unwrap(), bytes, "{what}: written again");
        }
        // Every byte of the file is covered by a checksum checked before it is used (a posting list or a
        // briefing when it is read), and a damaged file is written again whole.
        assert_eq!(
            search(dir.path(), Some(cache.path()), "sanction*"),
            search(dir.path(), None, "sanction*")
        );
        // So is every part of the cross-reference graph a command about one briefing reads.
        fs::write(&cache_file, &bytes).unwrap();
        assert_eq!(shown(Some(cache.path())), expected_links, "{what}");
        assert_eq!(shown(Some(cache.path())), expected_links, "{what}, then warm");
    }
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out[at] ^= 0x5a;
    out
}

#[test]
fn the_cache_can_be_bypassed_and_its_failures_never_fail_a_command() {
    let dir = tempfile::tempdir().unwrap();
    generated(dir.path(), 40);
    let expected = search(dir.path(), None, "shells");
    // --no-cache writes nothing.
    let cache = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--no-cache", "--dir"])
        .arg(dir.path())
        .args(["search", "--json", "-n", "30", "shells"])
        .env("BRIEF_CACHE_DIR", cache.path())
        .env_remove("BRIEF_NO_CACHE")
        .output()
        .unwrap();
    assert_eq!(outcome(out), expected);
    assert!(cache_files(cache.path()).is_empty());
    // `check` validates every file itself and writes no cache.
    assert_eq!(brief(dir.path(), Some(cache.path()), &["check"]).status.code(), Some(0));
    assert!(cache_files(cache.path()).is_empty());
    // A cache location that cannot be written (a file stands where its folder should be).
    let blocked = cache.path().join("blocked");
    fs::write(&blocked, "").unwrap();
    assert_eq!(search(dir.path(), Some(&blocked), "shells"), expected);
}

/// Issue 14, item 6: searches died with SIGBUS (13 of 60) while another process truncated and restored
/// the cache file, which was mapped. It is read now, never mapped: a short read is a miss.
#[test]
fn searches_survive_another_process_truncating_and_restoring_the_cache() {
    use std::os::unix::process::ExitStatusExt;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    generated(dir.path(), 200);
    let expected = search(dir.path(), None, "shells");
    brief(dir.path(), Some(cache.path()), &["list"]);
    assert_eq!(search(dir.path(), Some(cache.path()), "shells"), expected);
    let [cache_file] = cache_files(cache.path()).try_into().unwrap();
    let whole = fs::read(&cache_file).unwrap();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                // The same file cut short and written again, as `truncate` and `cat >` would.
                if let Ok(file) = fs::OpenOptions::new().write(true).open(&cache_file) {
                    let _ = file.set_len(0);
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
                let _ = fs::write(&cache_file, &whole);
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        });
        for run in 0..30 {
            let out = brief(dir.path(), Some(cache.path()), &["search", "--json", "-n", "30", "shells"]);
            assert_eq!(out.status.signal(), None, "run {run} was killed");
            assert_eq!(outcome(out), expected, "run {run}");
        }
        stop.store(true, Ordering::Relaxed);
    });
}
