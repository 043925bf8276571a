//! The command line as clap reads it, and the reordering `brief search` needs first.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "Read, check and export structured news briefings.")]
#[command(after_help = "Exit status: 0 success, 1 invalid data or failed operation, 2 usage error.")]
// No styling: clap's messages quote arguments, and they are printed through the neutraliser, which would
// show clap's own escape sequences as text.
#[command(styles = clap::builder::Styles::plain())]
pub struct Cli {
    /// Folder of briefing files [default: `folder` in the settings (see `brief config`), else briefings].
    #[arg(long, global = true, env = "BRIEF_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Read every briefing file instead of the cache of parsed briefings and search index (see
    /// README.md); `check` never uses the cache.
    #[arg(long, global = true, env = "BRIEF_NO_CACHE", value_parser = clap::builder::BoolishValueParser::new())]
    pub no_cache: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Every question of the folder, newest first, and whether a later briefing addresses it (and why)
    /// or it is still open.
    Questions {
        /// Only the questions still open.
        #[arg(long)]
        open: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Every actor of the folder once (its spellings joined), with kind, roles over time, the briefings
    /// it appears in, its claims by stance and the claims of others that name it.
    Actors {
        /// Only actors whose name or an alias holds every word (case and accents ignored).
        words: Vec<String>,
        /// Only actors of this kind: person, state, organisation, outlet, place, group.
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Briefings and their claims month by month, oldest first: the whole folder, one actor's
    /// appearances and claims (--actor), or the hits of a search query.
    Timeline {
        /// A search query (the language of `brief search`): only its hits.
        query: Vec<String>,
        /// Only this actor (any of its names or aliases): the briefings it appears in, the claims it
        /// makes and the claims that name it.
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Only claims of this stance (asserts, denies, warns, urges, estimates); may be repeated.
        #[arg(long, value_name = "STANCE")]
        stance: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draft a briefing from plain-text articles (status = "draft", to review before use).
    Convert(ConvertArgs),
    /// Print where the settings file is and every setting, commented out at its default
    /// (`brief config > FILE` starts one).
    Config,
    /// Print a completion script for a shell, e.g. `brief completions bash >
    /// ~/.local/share/bash-completion/completions/brief` (see README.md for zsh and fish).
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or with --out write it and a page per command (brief-export.1, …).
    Man {
        /// Folder for every page, e.g. ~/.local/share/man/man1 (created if missing; pages replaced).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Export briefings to Markdown: one to a file, several (or --all) to a folder with an index.md.
    Export {
        /// Briefing ids (see `brief list`); with several, each is written to `ID.md` in the folder.
        #[arg(value_name = "ID", required_unless_present = "all", conflicts_with = "all")]
        ids: Vec<String>,
        /// Export every briefing of the folder.
        #[arg(long)]
        all: bool,
        /// Output file, folder (ID.md inside it), or `-` for standard output, for one briefing; the folder
        /// for several (created if missing) [default: the current folder].
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Article files, folders of articles (.txt, .md), or `-` for standard input.
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// Output file, folder, or `-` for standard output [default: ID.toml in the briefing folder, --dir].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Briefing id, for one article [default: from the file name, or the headline].
    #[arg(long)]
    pub id: Option<String>,
    /// Overwrite existing briefing files.
    #[arg(long)]
    pub force: bool,
    /// The outlet that published the article (source.outlet) [default: unknown].
    #[arg(long)]
    pub outlet: Option<String>,
    /// Publication date, YYYY-MM-DD, YYYY-MM or YYYY [default: a date in the file name].
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
}

/// `brief search` takes its options anywhere on the line, but its query words may start with `-`
/// (exclusions), which clap would take for unknown options. So the arguments after `search` are put in
/// the order clap reads without doubt: the options of `search` and the global ones first (with their
/// values), then `--`, then the query words in their order. A word is an option only if it is one of
/// those exactly (`-n 5`, `-n5`, `--limit 5`, `--json`, `--dir D`, `--no-cache`, `-h`) or starts with
/// `--` (`--limit=5`; an unknown one is clap's error to report); after a `--` of the user's, every word
/// is query text.
pub fn search_options_first(args: Vec<OsString>) -> Vec<OsString> {
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
