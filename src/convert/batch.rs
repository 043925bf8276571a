//! Converting article files: which files a command line names, where each draft goes, the article path
//! the draft links to, and running the conversions on worker threads. No terminal I/O: progress is
//! reported through a callback, so the CLI decides what to show.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{ConvertError, MAX_ARTICLE_BYTES, Options, convert, decode, slug, to_toml};
use crate::export::write_file;
use crate::model::Date;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn describe(&self) -> String {
        match self {
            Input::Stdin => "standard input".into(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Where a draft goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    Stdout,
    File(PathBuf),
    /// `ID.toml` in this folder, the id known once converted.
    Folder(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Job {
    pub input: Input,
    pub output: Output,
    pub options: Options,
}

/// File extensions taken from a folder (and files without one).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// The articles a command line names: files as given, the article files of a folder (sorted, not
/// recursing, dot-files skipped), or `-` for standard input.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<(Vec<Input>, bool), String> {
    let mut out = Vec::new();
    let mut from_folder = false;
    for input in inputs {
        if input == Path::new("-") {
            out.push(Input::Stdin);
        } else if input.is_dir() {
            from_folder = true;
            let entries =
                fs::read_dir(input).map_err(|e| format!("cannot read folder {}: {e}", input.display()))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_article_name(p))
                .collect();
            if files.is_empty() {
                return Err(format!("no article files (.txt, .md or no extension) in {}", input.display()));
            }
            files.sort();
            out.extend(files.into_iter().map(Input::File));
        } else {
            out.push(Input::File(input.clone()));
        }
    }
    if out.iter().filter(|i| **i == Input::Stdin).count() > 0 && out.len() > 1 {
        return Err("standard input (-) can only be converted on its own".into());
    }
    Ok((out, from_folder))
}

fn is_article_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.')
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_none_or(|e| ARTICLE_EXTENSIONS.contains(&e.to_lowercase().as_str()))
}

/// The jobs for the inputs: one output per input, ids unique in the batch (a second `report.txt` from
/// another folder becomes `report-2`).
pub fn plan(
    inputs: Vec<Input>,
    many: bool,
    output: Option<&Path>,
    default_dir: &Path,
    base: &Options,
) -> Result<Vec<Job>, String> {
    if many && base.id.is_some() {
        return Err("--id names one briefing; it cannot be used with several articles".into());
    }
    let target = match output {
        Some(p) if p == Path::new("-") => {
            if many {
                return Err("-o - writes one briefing; give a folder to convert several articles".into());
            }
            Output::Stdout
        }
        Some(p) if many || p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') => {
            Output::Folder(p.to_path_buf())
        }
        Some(p) => Output::File(p.to_path_buf()),
        None => Output::Folder(default_dir.to_path_buf()),
    };
    let mut used: Vec<String> = Vec::new();
    let mut jobs = Vec::new();
    for input in inputs {
        let mut options = base.clone();
        if let Input::File(path) = &input {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            options.name = Some(stem.clone());
            if options.published.is_none() {
                options.published = date_in_name(&stem);
            }
            if options.id.is_none() && many {
                let base_id =
                    Some(slug(&stem, 8)).filter(|s| !s.is_empty()).unwrap_or_else(|| "article".into());
                let mut id = base_id.clone();
                let mut n = 2;
                while used.contains(&id) {
                    id = format!("{base_id}-{n}");
                    n += 1;
                }
                used.push(id.clone());
                options.id = Some(id);
            }
        }
        jobs.push(Job { input, output: target.clone(), options });
    }
    Ok(jobs)
}

/// A date written in a file name: `2023-11-blinken` → 2023-11, `report-2024-06-22` → 2024-06-22.
pub fn date_in_name(name: &str) -> Option<Date> {
    let bytes = name.as_bytes();
    (0..bytes.len()).find_map(|i| {
        // A date starts with an ASCII digit, so `i` is a character boundary ("é-2024-06" has none at 1).
        let boundary = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit());
        if !boundary {
            return None;
        }
        let rest = &name[i..];
        let digits = |s: &str, n: usize| s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit);
        if !(digits(rest, 4) && rest[4..].starts_with('-') && digits(&rest[5..], 2)) {
            return None;
        }
        let full = rest.len() >= 10 && rest[7..].starts_with('-') && digits(&rest[8..], 2);
        let end = if full { 10 } else { 7 };
        if rest.as_bytes().get(end).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Date::parse(&rest[..end]).ok()
    })
}

/// The path of `target` relative to the folder `from`, both made absolute first ("../assets/a.txt").
pub fn relative_path(from: &Path, target: &Path) -> Option<String> {
    let from = fs::canonicalize(from).ok()?;
    let target = fs::canonicalize(target).ok()?;
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = target.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for c in &to[common..] {
        out.push(c.as_os_str());
    }
    out.to_str().map(|s| s.replace(std::path::MAIN_SEPARATOR, "/"))
}

/// What became of one job.
#[derive(Debug)]
pub enum Outcome {
    /// The draft's TOML for standard output.
    Printed(String),
    Written(PathBuf),
    Failed(String),
}

/// Reads one article, refusing what is not a bounded, readable text.
pub fn read_article(input: &Input) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = match input {
        Input::Stdin => std::io::stdin().lock().take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes),
        Input::File(path) => {
            let metadata = fs::metadata(path).map_err(|e| format!("cannot read file: {e}"))?;
            if metadata.is_dir() {
                return Err("is a directory, not an article".into());
            }
            if metadata.len() > MAX_ARTICLE_BYTES {
                return Err(ConvertError::TooLarge(metadata.len()).to_string());
            }
            fs::File::open(path).and_then(|f| f.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes))
        }
    };
    read.map_err(|e| format!("cannot read: {e}"))?;
    decode(bytes).map_err(|e| e.to_string())
}

/// Runs one job: read, convert, write.
/// The ids of the briefings already in a folder, each with its file: a draft written there must not take
/// one, or the reviewed briefing would lose the duplicate-id contest and drop out of every command. Files
/// that do not parse are left out (they hold no briefing to hide).
pub fn ids_in(folder: &Path) -> std::collections::HashMap<String, PathBuf> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: String,
    }
    let Ok(entries) = fs::read_dir(folder) else { return Default::default() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')))
        .collect();
    files.sort();
    let mut ids = std::collections::HashMap::new();
    for path in files {
        let mut text = String::new();
        let read = fs::File::open(&path)
            .and_then(|f| f.take(crate::store::MAX_FILE_SIZE).read_to_string(&mut text))
            .is_ok();
        if let Some(found) = read.then(|| toml::from_str::<IdOnly>(&text).ok()).flatten() {
            ids.entry(found.id).or_insert(path);
        }
    }
    ids
}

/// Converts one article and writes its draft. `taken` holds the ids already in the draft's folder
/// ([`ids_in`]): a draft whose id is one of them is refused, naming both files, unless `force`.
pub fn run_job(job: &Job, force: bool, taken: &std::collections::HashMap<String, PathBuf>) -> Outcome {
    let text = match read_article(&job.input) {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(e),
    };
    let mut options = job.options.clone();
    let destination = |id: &str| match &job.output {
        Output::Stdout => None,
        Output::File(p) => Some(p.clone()),
        Output::Folder(dir) => Some(dir.join(format!("{id}.toml"))),
    };
    // The link to the article, relative to where the draft goes (or to here when printed).
    if let Input::File(path) = &job.input {
        let folder = match &job.output {
            Output::Stdout => PathBuf::from("."),
            Output::File(p) => {
                p.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
            }
            Output::Folder(dir) => dir.clone(),
        };
        if let Err(e) = fs::create_dir_all(&folder) {
            return Outcome::Failed(format!("cannot create folder {}: {e}", folder.display()));
        }
        // Only an article a briefing there may link (`store::article_allowed`: inside the folder's parent
        // tree); the draft links none otherwise, rather than a link `brief check` would reject.
        options.article =
            relative_path(&folder, path).filter(|link| crate::store::article_allowed(&folder, link).is_ok());
    }
    let briefing = match convert(&text, &options) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    if let (Some(path), Some(existing), false) = (destination(&briefing.id), taken.get(&briefing.id), force) {
        return Outcome::Failed(format!(
            "the draft's id `{}` is already the id of {}; the draft would be {}: choose another id with \
             --id, or write it anyway with --force",
            briefing.id,
            existing.display(),
            path.display()
        ));
    }
    let toml = to_toml(&briefing, &job.input.describe());
    match destination(&briefing.id) {
        None => Outcome::Printed(toml),
        Some(path) => match write_file(&path, &toml, force) {
            Ok(written) => Outcome::Written(written),
            Err(e) => Outcome::Failed(e.to_string()),
        },
    }
}

/// Runs the jobs on up to `threads` threads; `progress(done, total)` is called on the calling thread after
/// each job. Outcomes come back in job order, whatever order the threads finish in.
pub fn run_all(
    jobs: &[Job],
    force: bool,
    threads: usize,
    mut progress: impl FnMut(usize, usize),
) -> Vec<Outcome> {
    // Every job of a batch writes into the same folder.
    let folder = jobs.first().and_then(|job| match &job.output {
        Output::Stdout => None,
        Output::File(p) => Some(p.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))),
        Output::Folder(dir) => Some(dir.as_path()),
    });
    let taken = folder.map(ids_in).unwrap_or_default();
    let taken = &taken;
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Outcome>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, jobs.len().max(1)) {
            let done_tx = done_tx.clone();
            let (next, results) = (&next, &results);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    // A panic in one conversion is that article's failure, not the batch's.
                    let outcome =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_job(job, force, taken)))
                            .unwrap_or_else(|_| {
                                Outcome::Failed("internal error while converting (please report it)".into())
                            });
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
                    let _ = done_tx.send(());
                }
            });
        }
        drop(done_tx);
        for (done, ()) in done_rx.iter().enumerate() {
            progress(done + 1, jobs.len());
        }
    });
    results
        .into_iter()
        .map(|m| {
            m.into_inner().unwrap_or_else(|e| e.into_inner()).unwrap_or(Outcome::Failed("not run".into()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(date_in_name("2023-11-blinken-seoul").map(|d| d.to_string()).as_deref(), Some("2023-11"));
        assert_eq!(date_in_name("report-2024-06-22").map(|d| d.to_string()).as_deref(), Some("2024-06-22"));
        assert_eq!(date_in_name("2023-13-x"), None);
        assert_eq!(date_in_name("12023-11"), None);
        assert_eq!(date_in_name("quake"), None);
        assert_eq!(date_in_name("é-article"), None, "no panic inside a multi-byte character");
        assert_eq!(date_in_name("서울-2024-06").map(|d| d.to_string()).as_deref(), Some("2024-06"));
    }

    #[test]
    fn relative_paths_climb_out_of_the_briefing_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(
            relative_path(&root.join("briefings"), &root.join("assets/articles/2023-11-blinken-seoul.txt"))
                .as_deref(),
            Some("../assets/articles/2023-11-blinken-seoul.txt")
        );
    }

    #[test]
    fn batches_get_unique_ids_and_refuse_an_id_or_stdout() {
        let inputs = vec![Input::File("a/report.txt".into()), Input::File("b/report.txt".into())];
        let jobs = plan(inputs.clone(), true, None, Path::new("out"), &Options::default()).unwrap();
        let ids: Vec<_> = jobs.iter().map(|j| j.options.id.clone().unwrap()).collect();
        assert_eq!(ids, ["report", "report-2"]);
        assert!(
            plan(inputs.clone(), true, Some(Path::new("-")), Path::new("out"), &Options::default()).is_err()
        );
        let with_id = Options { id: Some("x".into()), ..Options::default() };
        assert!(plan(inputs, true, None, Path::new("out"), &with_id).is_err());
    }
}
