//! Command-line interface: argument parsing and the commands that print or write.
//!
//! Exit status: 0 success, 1 invalid data or a failed operation, 2 usage error.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use std::collections::HashMap;

use crate::actors::Registry;
use crate::cache;
use crate::export::{self, ExportTarget};
use crate::model::Date;
use crate::model::{Briefing, ItemRef};
use crate::render;
use crate::sanitize::neutralize;
use crate::search::{self, Hit, Results, SearchIndex, Target};
use crate::store::Store;
use crate::tui;
use crate::xref::{CrossRef, ItemAt, Link, LinkKind, compare_figures, figure_date};

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "Read, check and export structured news briefings.")]
#[command(after_help = "Exit status: 0 success, 1 invalid data or failed operation, 2 usage error.")]
pub struct Cli {
    /// Folder of briefing files.
    #[arg(long, global = true, env = "BRIEF_DIR", default_value = "briefings", value_name = "DIR")]
    dir: PathBuf,
    /// Read every briefing file instead of the cache of parsed briefings and search index (see
    /// README.md); `check` never uses the cache.
    #[arg(long, global = true, env = "BRIEF_NO_CACHE", value_parser = clap::builder::BoolishValueParser::new())]
    no_cache: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Open the reader (the default when no command is given).
    Read {
        /// Briefing to open (see `brief list`); the list's first when not given.
        id: Option<String>,
    },
    /// Validate every briefing of the folder; report all errors and warnings.
    Check {
        /// Folder to check (overrides --dir).
        #[arg(value_name = "DIR")]
        folder: Option<PathBuf>,
    },
    /// One line per briefing: id, date, outlet, counts of figures/actors/claims/questions, title.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a whole briefing as readable text, wrapped to the terminal width.
    Show {
        /// Briefing id (see `brief list`).
        id: String,
    },
    /// Ranked search across every briefing: words (all must match), "phrases", -excluded, prefix*, and
    /// scopes actor: claim: figure: question: tag: outlet: id:. Actor aliases expand (DPRK finds North
    /// Korea); numbers match by value ("1.6 million" finds 1600000).
    ///
    /// Options may come anywhere on the line (`brief search shells -russia --limit 3 --json`); any other
    /// word starting with `-` is an exclusion, and everything after `--` is query text.
    Search {
        /// The query; several arguments are joined with spaces.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON (byte ranges of every match) instead of text.
        #[arg(long)]
        json: bool,
        /// Show at most this many hits.
        #[arg(short = 'n', long, value_name = "N", default_value_t = 20)]
        limit: usize,
    },
    /// Items of other briefings related to one item, or to every item of a briefing.
    Xref {
        /// `BRIEFING-ID` or `BRIEFING-ID#ITEM-ID`.
        target: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The reconciliation table: each counted thing with every value given for it across the folder.
    Figures {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draft a briefing from plain-text articles (status = "draft", to review before use).
    Convert(ConvertArgs),
    /// Export a briefing to Markdown.
    Export {
        /// Briefing id (see `brief list`).
        id: String,
        /// Output file, folder (ID.md inside it), or `-` for standard output [default: ./ID.md].
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// Article files, folders of articles (.txt, .md), or `-` for standard input.
    #[arg(required = true, value_name = "ARTICLE")]
    inputs: Vec<PathBuf>,
    /// Output file, folder, or `-` for standard output [default: ID.toml in the briefing folder, --dir].
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Briefing id, for one article [default: from the file name, or the headline].
    #[arg(long)]
    id: Option<String>,
    /// Overwrite existing briefing files.
    #[arg(long)]
    force: bool,
    /// The outlet that published the article (source.outlet) [default: unknown].
    #[arg(long)]
    outlet: Option<String>,
    /// Publication date, YYYY-MM-DD, YYYY-MM or YYYY [default: a date in the file name].
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
}

/// Why a command failed, which decides the exit status.
#[derive(Debug)]
enum Failure {
    /// Bad data or an operation that could not be completed: exit 1.
    Data(String),
    /// The command line asked for something that does not exist: exit 2.
    Usage(String),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(search_options_first(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, everything else to stderr with 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Failure::Data(message)) => {
            eprintln!("brief: {}", neutralize(&message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("brief: {}", neutralize(&message));
            ExitCode::from(2)
        }
    }
}

/// `brief search` takes its options anywhere on the line, but its query words may start with `-`
/// (exclusions), which clap would take for unknown options. So the arguments after `search` are put in
/// the order clap reads without doubt: the options of `search` and the global ones first (with their
/// values), then `--`, then the query words in their order. A word is an option only if it is one of
/// those exactly (`-n 5`, `-n5`, `--limit 5`, `--json`, `--dir D`, `--no-cache`, `-h`) or starts with
/// `--` (`--limit=5`; an unknown one is clap's error to report); after a `--` of the user's, every word
/// is query text.
fn search_options_first(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    // Global options may come before the command; `--dir` takes a value.
    let mut at = 1;
    while let Some(arg) = args.get(at).and_then(|a| a.to_str()) {
        match arg {
            "--dir" => at += 2,
            _ if arg.starts_with("--dir=") || arg == "--no-cache" => at += 1,
            _ => break,
        }
    }
    if args.get(at).and_then(|a| a.to_str()) != Some("search") {
        return args;
    }
    let (mut options, mut words) = (Vec::new(), Vec::new());
    let mut rest = args[at + 1..].iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_str().unwrap_or("");
        let short_limit =
            text.strip_prefix("-n").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        match text {
            "--" => {
                words.extend(rest.by_ref().cloned());
                break;
            }
            "-n" | "--limit" | "--dir" => {
                options.push(arg.clone());
                options.extend(rest.next().cloned());
            }
            "-h" => options.push(arg.clone()),
            // An exclusion has one `-`: a word with two is an option, unknown ones an error from clap.
            _ if short_limit || text.starts_with("--") => options.push(arg.clone()),
            _ => words.push(arg.clone()),
        }
    }
    let mut out = args[..=at].to_vec();
    out.extend(options);
    if !words.is_empty() {
        out.push("--".into());
        out.extend(words);
    }
    out
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let cached = !cli.no_cache;
    let load = |dir: &Path| load(dir, cached).map(|loaded| loaded.store);
    match cli.command {
        Some(Command::Check { folder }) => check(folder.as_deref().unwrap_or(&cli.dir)),
        Some(Command::List { json }) => list(&load(&cli.dir)?, json),
        Some(Command::Show { id }) => {
            let store = load(&cli.dir)?;
            let at = find(&store, &id)?;
            let briefings = store.briefings();
            print_out(&render::briefing_text(
                at,
                &briefings,
                &CrossRef::build(&briefings),
                tui::output_width(),
            ))
        }
        Some(Command::Export { id, output, force }) => {
            let store = load(&cli.dir)?;
            let at = find(&store, &id)?;
            let briefings = store.briefings();
            let markdown = export::to_markdown(at, &briefings, &CrossRef::build(&briefings));
            match ExportTarget::from_arg(output.as_deref(), &id) {
                ExportTarget::Stdout => print_out(&markdown),
                ExportTarget::File(path) => {
                    let written = export::write_file(&path, &markdown, force)
                        .map_err(|e| Failure::Data(e.to_string()))?;
                    eprintln!("wrote {}", neutralize(&written.display().to_string()));
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
        Some(Command::Convert(args)) => convert(args, &cli.dir),
        Some(Command::Search { query, json, limit }) => {
            search(&cli.dir, cached, &query.join(" "), json, limit)
        }
        Some(Command::Xref { target, json }) => xref(&load(&cli.dir)?, &target, json),
        Some(Command::Figures { json }) => figures(&load(&cli.dir)?, json),
        command @ (Some(Command::Read { .. }) | None) => {
            let store = load(&cli.dir)?;
            // An unknown id is a usage error, told before the terminal is touched.
            let selected = match command {
                Some(Command::Read { id: Some(id) }) => Some(find(&store, &id)?),
                _ => None,
            };
            tui::run(store, selected).map_err(|e| Failure::Data(format!("reader: {e}")))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `brief convert`: drafts from articles, several at once on worker threads, with progress on a terminal
/// and a summary of what failed. One bad article never stops the others.
fn convert(args: ConvertArgs, dir: &Path) -> Result<ExitCode, Failure> {
    use crate::convert::batch::{self, Outcome};
    let published = args
        .published
        .as_deref()
        .map(|d| Date::parse(d).map_err(|e| Failure::Usage(format!("--published: {e}"))))
        .transpose()?;
    if let Some(id) = args.id.as_deref().filter(|id| !crate::model::is_slug(id)) {
        return Err(Failure::Usage(format!(
            "--id `{id}` is not a slug (use a-z, 0-9 and -, at most 64 characters)"
        )));
    }
    let options =
        crate::convert::Options { id: args.id, outlet: args.outlet, published, ..Default::default() };
    let (inputs, from_folder) = batch::expand_inputs(&args.inputs).map_err(Failure::Usage)?;
    let many = from_folder || inputs.len() > 1;
    let jobs = batch::plan(inputs, many, args.output.as_deref(), dir, &options).map_err(Failure::Usage)?;
    let show_progress = many && io::stderr().is_terminal();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let outcomes = batch::run_all(&jobs, args.force, threads, |done, total| {
        if show_progress {
            eprint!("\rconverting {done}/{total} ");
        }
    });
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let mut failed = Vec::new();
    let mut written = 0;
    for (job, outcome) in jobs.iter().zip(outcomes) {
        match outcome {
            Outcome::Printed(toml) => {
                print_out(&toml)?;
            }
            Outcome::Written(path) => {
                written += 1;
                if !many {
                    eprintln!("wrote {}", neutralize(&path.display().to_string()));
                }
            }
            Outcome::Failed(message) => failed.push(format!("{}: {message}", job.input.describe())),
        }
    }
    if !many {
        return match failed.pop() {
            Some(message) => Err(Failure::Data(message)),
            None => Ok(ExitCode::SUCCESS),
        };
    }
    let into = match &jobs[0].output {
        batch::Output::Folder(d) | batch::Output::File(d) => d.display().to_string(),
        batch::Output::Stdout => "standard output".into(),
    };
    eprintln!("{}", neutralize(&format!("converted {written} of {} article(s) into {into}", jobs.len())));
    if !failed.is_empty() {
        eprintln!("{} failed:", failed.len());
        for line in &failed {
            eprintln!("  {}", neutralize(line));
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads the folder (through the cache unless told not to) and reports, on stderr, the files that did
/// not load, so nothing fails silently.
fn load(dir: &Path, cached: bool) -> Result<cache::Loaded, Failure> {
    load_and_report(dir, cached, false)
}

/// [`load`], writing the cache again when `rewrite` (it was found damaged).
fn load_and_report(dir: &Path, cached: bool, rewrite: bool) -> Result<cache::Loaded, Failure> {
    let loaded = if cached {
        cache::load(dir, rewrite)
    } else {
        Store::load(dir).map(|store| cache::Loaded { store, index: None })
    };
    let loaded = loaded.map_err(|e| Failure::Data(e.to_string()))?;
    let errors: Vec<String> = loaded.store.errors().map(|e| e.headline()).collect();
    report_load_errors(&errors, loaded.store.failed.len());
    Ok(loaded)
}

fn report_load_errors(headlines: &[String], failed: usize) {
    // Headlines are neutralised when made; again here, as these may come from the cache file.
    for headline in headlines {
        eprintln!("{}", neutralize(headline));
    }
    if failed > 0 {
        eprintln!("brief: {failed} file(s) failed to load; `brief check` shows the details");
    }
}

/// The position of a briefing in the store, or a usage error naming the unknown id.
fn find(store: &Store, id: &str) -> Result<usize, Failure> {
    store.position(id).ok_or_else(|| {
        Failure::Usage(format!("no briefing with id `{id}` in {} (see `brief list`)", store.dir.display()))
    })
}

fn check(dir: &Path) -> Result<ExitCode, Failure> {
    let store = Store::load(dir).map_err(|e| Failure::Data(e.to_string()))?;
    let total = store.entries.len() + store.failed.len();
    for error in store.errors() {
        eprintln!("{error}\n");
    }
    let warnings: Vec<_> = store.warnings().collect();
    if !warnings.is_empty() {
        eprintln!("warnings:");
        for warning in &warnings {
            eprintln!("{warning}\n");
        }
    }
    let errors = store.errors().count();
    let summary = format!(
        "checked {total} file(s) in {}: {} loaded, {errors} error(s), {} warning(s)",
        store.dir.display(),
        total - store.failed.len(),
        warnings.len()
    );
    println!("{}", neutralize(&summary));
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    published: Option<Date>,
    status: crate::model::Status,
    path: String,
    figures: usize,
    actors: usize,
    claims: usize,
    questions: usize,
}

fn list(store: &Store, json: bool) -> Result<ExitCode, Failure> {
    let rows: Vec<ListRow> = store
        .entries
        .iter()
        .map(|e| {
            let b = &e.briefing;
            ListRow {
                id: &b.id,
                title: &b.title,
                outlet: &b.source.outlet,
                published: b.source.published,
                status: b.status,
                path: e.path.display().to_string(),
                figures: b.figures.len(),
                actors: b.actors.len(),
                claims: b.claims.len(),
                questions: b.questions.len(),
            }
        })
        .collect();
    if json {
        let text = serde_json::to_string_pretty(&rows).map_err(|e| Failure::Data(e.to_string()))?;
        return print_out(&format!("{text}\n"));
    }
    let id_width = rows.iter().map(|r| r.id.width()).max().unwrap_or(2).max(2);
    let outlet_width = rows.iter().map(|r| r.outlet.width()).max().unwrap_or(6).clamp(6, 24);
    let mut out = format!(
        "{:id_width$}  {:10}  {:outlet_width$}  {:>3} {:>3} {:>3} {:>3}  TITLE\n",
        "ID", "DATE", "OUTLET", "FIG", "ACT", "CLM", "QST"
    );
    for r in &rows {
        let date = r.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let draft = if r.status == crate::model::Status::Draft { "[draft] " } else { "" };
        out.push_str(&format!(
            "{}  {date:10}  {}  {:>3} {:>3} {:>3} {:>3}  {draft}{}\n",
            pad(r.id, id_width),
            pad(&truncate(r.outlet, outlet_width), outlet_width),
            r.figures,
            r.actors,
            r.claims,
            r.questions,
            r.title
        ));
    }
    print_out(&out)
}

/// Pads to a display width (format's `{:w}` counts chars, which misaligns wide characters).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out + "…"
}

/// Writes to stdout; a closed pipe (`brief list | head`) is a normal end, not an error.
fn print_out(text: &str) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Data(format!("cannot write to standard output: {e}"))),
    }
}

/// `briefing#item` for an item anywhere in the folder.
fn item_address(briefings: &[&Briefing], at: ItemAt) -> String {
    let b = briefings[at.briefing];
    let id = b.items().find(|(_, item)| *item == at.item).map_or("", |(id, _)| id);
    format!("{}#{id}", b.id)
}

#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    total: usize,
    hits: Vec<HitJson<'a>>,
}

#[derive(Serialize)]
struct HitJson<'a> {
    briefing: &'a str,
    /// The item id, absent for a hit on the briefing's title, summary, tags or source.
    item: Option<&'a str>,
    section: &'static str,
    score: f32,
    matches: Vec<MatchJson>,
}

#[derive(Serialize)]
struct MatchJson {
    field: &'static str,
    text: String,
    /// Byte ranges of the matches in `text`, end exclusive.
    ranges: Vec<[usize; 2]>,
}

/// `brief search`: from the cache when it is fresh, reading only the briefings of the hits shown;
/// otherwise after loading the folder (which writes the cache again).
fn search(dir: &Path, cached: bool, query: &str, json: bool, limit: usize) -> Result<ExitCode, Failure> {
    let unparsable = |e: search::QueryError| {
        Failure::Usage(format!("cannot parse the query `{}`: {e}", neutralize(query)))
    };
    let mut damaged = false;
    if cached
        && let Some(snapshot) = cache::Snapshot::open(dir)
        && snapshot.check_fresh(dir).is_some()
        && let (Some(index), Some(summary)) = (snapshot.index(), snapshot.summary())
    {
        let parsed = index.parse(query).map_err(|e| {
            report_load_errors(&summary.errors, summary.failed);
            unparsable(e)
        })?;
        let ranking = index.rank(&parsed, limit);
        let mut briefings: HashMap<usize, Briefing> = HashMap::new();
        for hit in &ranking.hits {
            if let Some(b) = snapshot.briefing(hit.briefing) {
                briefings.insert(hit.briefing, b);
            }
        }
        if !index.found_corrupt() && ranking.hits.iter().all(|h| briefings.contains_key(&h.briefing)) {
            report_load_errors(&summary.errors, summary.failed);
            let hits = ranking.hits.into_iter().map(|h| index.resolve(&briefings[&h.briefing], h)).collect();
            let results = Results { hits, total: ranking.total };
            return print_results(query, &results, json, |i| &briefings[&i]);
        }
        damaged = true;
    }
    let loaded = load_and_report(dir, cached, damaged)?;
    let briefings = loaded.store.briefings();
    let index = loaded
        .index
        .unwrap_or_else(|| SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied())));
    let results = index.query(&briefings, query, limit).map_err(unparsable)?;
    print_results(query, &results, json, |i| briefings[i])
}

/// Prints ranked hits; `briefing` gives the briefing of a hit.
fn print_results<'b>(
    query: &str,
    results: &Results,
    json: bool,
    briefing: impl Fn(usize) -> &'b Briefing,
) -> Result<ExitCode, Failure> {
    let item_id = |hit: &Hit| match hit.target {
        Target::Overview => None,
        Target::Item(item) => briefing(hit.briefing).items().find(|(_, i)| *i == item).map(|(id, _)| id),
    };
    if json {
        let hits = results
            .hits
            .iter()
            .map(|hit| HitJson {
                briefing: &briefing(hit.briefing).id,
                item: item_id(hit),
                section: hit.section(),
                score: hit.score,
                matches: hit
                    .matches
                    .iter()
                    .map(|m| MatchJson {
                        field: m.field.name(),
                        text: search::fields(briefing(hit.briefing), hit.target)
                            .into_iter()
                            .find(|(f, _)| *f == m.field)
                            .map(|(_, text)| text.into_owned())
                            .unwrap_or_default(),
                        ranges: m.ranges.iter().map(|r| [r.start, r.end]).collect(),
                    })
                    .collect(),
            })
            .collect();
        let out = SearchJson { query, total: results.total, hits };
        return print_out(&(serde_json::to_string_pretty(&out).expect("search results serialise") + "\n"));
    }
    let width = tui::output_width();
    let highlight = io::stdout().is_terminal().then(|| {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) { "\x1b[1;4m" } else { "\x1b[1;33m" }
    });
    let mut out = String::new();
    for (rank, hit) in results.hits.iter().enumerate() {
        let b = briefing(hit.briefing);
        let address = match item_id(hit) {
            Some(item) => format!("{}#{item}", b.id),
            None => b.id.clone(),
        };
        out.push_str(&format!("{:>3}. {address}  {}  {:.2}\n", rank + 1, hit.section(), hit.score));
        if let Some((snippet, ranges)) = hit.snippet(b, width.saturating_sub(5)) {
            out.push_str("     ");
            out.push_str(&mark(&snippet, &ranges, highlight));
            out.push('\n');
        }
    }
    if results.total > results.hits.len() {
        out.push_str(&format!("{} of {} hits (--limit to see more)\n", results.hits.len(), results.total));
    } else if results.total == 0 {
        eprintln!("no hits for `{}`", neutralize(query));
    }
    print_out(&out)
}

/// The text with its ranges wrapped in an ANSI highlight, or as it is when there is no highlight.
fn mark(text: &str, ranges: &[std::ops::Range<usize>], highlight: Option<&str>) -> String {
    let Some(on) = highlight else { return text.to_string() };
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        out.push_str(&text[at..r.start]);
        out.push_str(on);
        out.push_str(&text[r.clone()]);
        out.push_str("\x1b[0m");
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// One item of `brief xref --json`. Fields are in alphabetical order, as they were when this was built
/// with `serde_json::json!` (whose maps sort their keys), so the output stays the same.
#[derive(Serialize)]
struct XrefItemJson<'a> {
    corroboration: Option<CorroborationJson<'a>>,
    item: String,
    label: String,
    related: Vec<XrefLinkJson<'a>>,
}

#[derive(Serialize)]
struct CorroborationJson<'a> {
    claimants: &'a std::collections::BTreeSet<String>,
    outlets: &'a std::collections::BTreeSet<String>,
}

#[derive(Serialize)]
struct XrefLinkJson<'a> {
    briefing_title: &'a str,
    explicit: bool,
    item: String,
    label: String,
    outlet: &'a str,
    published: Option<Date>,
    reason: &'a str,
    relation: &'static str,
    /// Widened as `json!` widened it, so scores print the same.
    score: f64,
}

fn xref(store: &Store, target: &str, json: bool) -> Result<ExitCode, Failure> {
    let (briefing_id, item_id) = match target.split_once('#') {
        Some((b, i)) => (b, Some(i)),
        None => (target, None),
    };
    let at = find(store, briefing_id)?;
    let briefings = store.briefings();
    let b = briefings[at];
    let items: Vec<ItemRef> = match item_id {
        Some(id) => vec![
            b.item(id)
                .ok_or_else(|| Failure::Usage(format!("briefing `{briefing_id}` has no item `{id}`")))?,
        ],
        None => b.items().map(|(_, item)| item).collect(),
    };
    let graph = CrossRef::build(&briefings);
    let mut report = Vec::new();
    for item in items {
        let from = ItemAt { briefing: at, item };
        let links = graph.related(&briefings, from);
        if links.is_empty() && item_id.is_none() {
            continue;
        }
        let support = matches!(item, ItemRef::Claim(_)).then(|| graph.corroboration_from(&briefings, &links));
        report.push((from, links, support));
    }
    if json {
        let value: Vec<XrefItemJson<'_>> = report
            .iter()
            .map(|(from, links, support)| XrefItemJson {
                corroboration: support
                    .as_ref()
                    .map(|s| CorroborationJson { claimants: &s.claimants, outlets: &s.outlets }),
                item: item_address(&briefings, *from),
                label: b.item_label(from.item),
                related: links
                    .iter()
                    .map(|l| {
                        let other = briefings[l.to.briefing];
                        XrefLinkJson {
                            briefing_title: &other.title,
                            explicit: l.kind.is_explicit(),
                            item: item_address(&briefings, l.to),
                            label: other.item_label(l.to.item),
                            outlet: &other.source.outlet,
                            published: other.source.published,
                            reason: &l.reason,
                            relation: l.kind.label(),
                            score: f64::from(l.score),
                        }
                    })
                    .collect(),
            })
            .collect();
        let text = serde_json::to_string_pretty(&value).map_err(|e| Failure::Data(e.to_string()))?;
        return print_out(&format!("{text}\n"));
    }
    let width = tui::output_width();
    let mut out = String::new();
    let arrow = || textwrap::Options::new(width).initial_indent("  → ").subsequent_indent("      ");
    for (from, links, support) in &report {
        let head = format!("{}: {}", item_address(&briefings, *from), b.item_label(from.item));
        out.push_str(&textwrap::fill(&head, width));
        out.push('\n');
        if let Some(s) = support {
            let line = format!(
                "supported in other briefings by {} claimant(s) in {} outlet(s)",
                s.claimants.len(),
                s.outlets.len()
            );
            out.push_str(&textwrap::fill(
                &line,
                textwrap::Options::new(width).initial_indent("  ").subsequent_indent("  "),
            ));
            out.push('\n');
        }
        if links.is_empty() {
            out.push_str("  (no related items)\n");
        }
        // An actor named in thousands of briefings would otherwise take thousands of lines: its
        // appearances elsewhere share one (`--json` lists every one).
        let (same_actor, links): (Vec<&Link>, Vec<&Link>) =
            links.iter().partition(|l| l.kind == LinkKind::SameActor);
        if !same_actor.is_empty() {
            // Addresses are not split at their hyphens.
            let options = arrow().word_splitter(textwrap::WordSplitter::NoHyphenation);
            out.push_str(&textwrap::fill(&same_actor_line(&briefings, &same_actor), options));
            out.push('\n');
        }
        let shown = render::links_shown(&links);
        for l in &links[..shown] {
            let source = if l.kind.is_explicit() { "ref".to_string() } else { l.reason.clone() };
            let line = format!(
                "{} {}: {} [{source}]",
                l.kind.label(),
                item_address(&briefings, l.to),
                render::link_target(l, &briefings)
            );
            out.push_str(&textwrap::fill(&line, arrow()));
            out.push('\n');
        }
        if shown < links.len() {
            out.push_str(&format!("  … and {} more (--json lists every one)\n", links.len() - shown));
        }
        out.push('\n');
    }
    if report.is_empty() {
        out.push_str("no related items in other briefings\n");
    }
    print_out(&out)
}

/// "same actor in N other briefings (as …): a#x, b#y, … and M more": the first few in folder order, and
/// every name they go by there.
fn same_actor_line(briefings: &[&Briefing], links: &[&Link]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for l in links {
        if let ItemRef::Actor(a) = l.to.item {
            let name = briefings[l.to.briefing].actors[a].name.as_str();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let mut places: Vec<usize> = links.iter().map(|l| l.to.briefing).collect();
    places.sort_unstable();
    places.dedup();
    let shown: Vec<String> =
        links.iter().take(render::SAME_ACTOR_SHOWN).map(|l| item_address(briefings, l.to)).collect();
    let more = links.len() - shown.len();
    let rest = if more > 0 { format!(" and {more} more") } else { String::new() };
    let plural = if places.len() == 1 { "" } else { "s" };
    format!(
        "same actor in {} other briefing{plural} (as {}): {}{rest}",
        places.len(),
        names.join(", "),
        shown.join(", ")
    )
}

fn figures(store: &Store, json: bool) -> Result<ExitCode, Failure> {
    let briefings = store.briefings();
    let graph = CrossRef::build(&briefings);
    let table = graph.figure_table(&briefings);
    let row = |at: ItemAt| {
        let b = briefings[at.briefing];
        let ItemRef::Figure(i) = at.item else { unreachable!("the figure table holds figures") };
        (b, &b.figures[i])
    };
    if json {
        let value: Vec<serde_json::Value> = table
            .iter()
            .map(|group| {
                let (_, first) = row(group[0]);
                serde_json::json!({
                    "unit": first.unit,
                    "subject": first.subject,
                    "values_differ": group.windows(2).any(|w| compare_figures(&briefings, w[0], w[1]).values_differ),
                    "values": group.iter().map(|&at| {
                        let (b, f) = row(at);
                        serde_json::json!({
                            "item": item_address(&briefings, at),
                            "value": f.value, "qualifier": f.qualifier, "text": f.text,
                            "claimed_by": f.claimed_by.as_deref().map(|id| b.actor_name(id)),
                            "outlet": b.source.outlet,
                            "date": figure_date(&briefings, at),
                        })
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&value).map_err(|e| Failure::Data(e.to_string()))?;
        return print_out(&format!("{text}\n"));
    }
    let mut out = String::new();
    for group in &table {
        let (_, first) = row(group[0]);
        let subject = first.subject.as_deref().map_or(String::new(), |s| format!(" ({s})"));
        out.push_str(&format!("{}{subject}\n", first.unit));
        for &at in group {
            let (b, f) = row(at);
            let date = figure_date(&briefings, at).map_or("-".to_string(), |d| d.to_string());
            let by = f.claimed_by.as_deref().map_or(b.source.outlet.as_str(), |id| b.actor_name(id));
            out.push_str(&format!(
                "  {date:10}  {:>14}  {:10}  {}  per {by}, in {} [{}]\n",
                render::format_value(f.value),
                f.qualifier.to_string(),
                f.text,
                b.source.outlet,
                item_address(&briefings, at)
            ));
        }
        if group.windows(2).any(|w| compare_figures(&briefings, w[0], w[1]).values_differ) {
            out.push_str("  ! the values differ\n");
        }
        out.push('\n');
    }
    print_out(&out)
}
