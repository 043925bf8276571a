//! The user's settings: `config.toml` in the XDG config folder (`$XDG_CONFIG_HOME/brief/`, usually
//! `~/.config/brief/`), or the file `$BRIEF_CONFIG` names. Every setting is optional; a file that does not
//! parse or holds a bad value is reported with `path:line:col` like a briefing, and the defaults are used.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;

/// What `brief config` prints: every setting, commented out at its default.
pub const COMMENTED_DEFAULT: &str = r##"# brief's settings. Every line is optional; remove the "# " to change one.

# The folder of briefings when neither --dir nor BRIEF_DIR is given.
# folder = "briefings"

# Where the reader's `e` writes ID.md, and `brief export` without -o.
# export_folder = "."

[theme]
# "dark" (for dark terminals), "light", or "custom" with the colours below. NO_COLOR turns colour off.
# name = "dark"
# Colours: a name (black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred,
# lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white) or "#rrggbb".
# accent = "cyan"     # titles, the focused pane
# warn = "red"        # files that failed to load, errors
# matched = "yellow"  # words a search matched

[keys]
# An action's keys instead of its own; the help (?) ends each line with the action's name.
# Keys: x, E, Ctrl-x, F2, Tab, Shift-Tab, Enter, Esc, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End.
# The search box and filters follow them too (and search-delete, search-clear), but there typed
# characters stay text and Backspace deletes.
# quit = "q"
# cross-reference = ["x", "Ctrl-x"]
"##;

/// The settings, each `None` when not set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub folder: Option<PathBuf>,
    pub export_folder: Option<PathBuf>,
    pub theme: Theme,
    /// The reader's keys the user chose, checked against the actions when the reader starts.
    pub keys: Vec<KeySetting>,
    /// The file and its text, to locate a problem found later (in `keys`).
    pub source: Option<(PathBuf, String)>,
}

/// `action = "key"` or `action = ["key", ...]` in the `[keys]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct KeySetting {
    pub action: String,
    pub keys: Vec<String>,
    /// Where the value is in the settings file.
    pub span: std::ops::Range<usize>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// The reader's colours: a named theme, with custom colours over it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Theme {
    pub light: bool,
    pub accent: Option<String>,
    pub warn: Option<String>,
    pub matched: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    folder: Option<PathBuf>,
    export_folder: Option<PathBuf>,
    #[serde(default)]
    theme: ThemeFile,
    #[serde(default)]
    keys: std::collections::BTreeMap<String, Spanned<Keys>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    warn: Option<Spanned<String>>,
    matched: Option<Spanned<String>>,
}

/// The colour names a theme may use (ratatui's, as `Color::from_str` reads them).
const COLOUR_NAMES: &[&str] = &[
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl Config {
    /// Where the settings are read from: `$BRIEF_CONFIG`, else `config.toml` in the user's config folder.
    pub fn path() -> Option<PathBuf> {
        if let Some(path) = std::env::var_os("BRIEF_CONFIG").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(path));
        }
        use etcetera::BaseStrategy;
        Some(etcetera::choose_base_strategy().ok()?.config_dir().join("brief").join("config.toml"))
    }

    /// The settings at [`Config::path`]; no file means the defaults. Problems come back as diagnostics,
    /// with the defaults: one bad setting never keeps brief from starting.
    pub fn load() -> (Config, Vec<Diagnostic>) {
        match Config::path() {
            Some(path) => Config::load_from(&path),
            None => (Config::default(), Vec::new()),
        }
    }

    pub fn load_from(path: &Path) -> (Config, Vec<Diagnostic>) {
        match std::fs::read(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => {
                (Config::default(), vec![Diagnostic::error(path, format!("cannot read the settings: {e}"))])
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse(path, &text),
                Err(_) => {
                    (Config::default(), vec![Diagnostic::error(path, "the settings file is not UTF-8")])
                }
            },
        }
    }

    /// Reads settings from `text` (the content of `path`); any problem gives the defaults.
    pub fn parse(path: &Path, text: &str) -> (Config, Vec<Diagnostic>) {
        let error = |message: String, span| vec![Diagnostic::error(path, message).at(text, span)];
        let file: File = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => return (Config::default(), error(e.message().trim().to_string(), e.span())),
        };
        let mut problems = Vec::new();
        let mut theme = Theme::default();
        if let Some(name) = &file.theme.name {
            match name.get_ref().as_str() {
                "dark" | "custom" => {}
                "light" => theme.light = true,
                other => problems.extend(error(
                    format!("unknown theme `{other}`: use \"dark\", \"light\" or \"custom\""),
                    Some(name.span()),
                )),
            }
        }
        for (slot, colour) in [
            (&mut theme.accent, &file.theme.accent),
            (&mut theme.warn, &file.theme.warn),
            (&mut theme.matched, &file.theme.matched),
        ] {
            let Some(colour) = colour else { continue };
            let value = colour.get_ref().trim().to_ascii_lowercase();
            let hex = value
                .strip_prefix('#')
                .is_some_and(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()));
            if hex || COLOUR_NAMES.contains(&value.as_str()) {
                *slot = Some(value);
            } else {
                problems.extend(error(
                    format!("unknown colour `{}`: use a colour name or \"#rrggbb\"", colour.get_ref()),
                    Some(colour.span()),
                ));
            }
        }
        if !problems.is_empty() {
            return (Config::default(), problems);
        }
        let keys = file
            .keys
            .into_iter()
            .map(|(action, keys)| {
                let span = keys.span();
                let keys = match keys.into_inner() {
                    Keys::One(key) => vec![key],
                    Keys::Many(keys) => keys,
                };
                KeySetting { action, keys, span }
            })
            .collect();
        let config = Config {
            folder: file.folder.map(expand_home),
            export_folder: file.export_folder.map(expand_home),
            theme,
            keys,
            source: Some((path.to_path_buf(), text.to_string())),
        };
        (config, problems)
    }
}

/// `~/x` as the home folder's `x`, as a shell would write it.
fn expand_home(path: PathBuf) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Config, Vec<String>) {
        let (config, problems) = Config::parse(Path::new("config.toml"), text);
        (config, problems.iter().map(|d| d.headline()).collect())
    }

    #[test]
    fn the_commented_default_is_the_default() {
        let (config, problems) = parse(COMMENTED_DEFAULT);
        assert_eq!((Config { source: None, ..config }, problems), (Config::default(), vec![]));
        let uncommented: String = COMMENTED_DEFAULT
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = "))
                    .map_or(l.to_string(), |l| l.split("  #").next().unwrap().to_string())
            })
            .collect::<Vec<_>>()
            .join("\n");
        let (config, problems) = parse(&uncommented);
        assert_eq!(problems, Vec::<String>::new(), "{uncommented}");
        assert_eq!(config.folder, Some(PathBuf::from("briefings")));
        assert_eq!(config.theme.accent.as_deref(), Some("cyan"));
    }

    #[test]
    fn settings_are_read_and_bad_ones_located() {
        let (config, problems) =
            parse("export_folder = \"out\"\n[theme]\nname = \"light\"\nmatched = \"#FFaa00\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.export_folder, Some(PathBuf::from("out")));
        assert!(config.theme.light);
        assert_eq!(config.theme.matched.as_deref(), Some("#ffaa00"));

        let (config, problems) = parse("[theme]\nname = \"neon\"\naccent = \"sparkly\"\n");
        assert_eq!(config, Config::default(), "a bad file gives the defaults");
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("config.toml:2:8: error: unknown theme `neon`"), "{problems:?}");
        assert!(problems[1].starts_with("config.toml:3:10: error: unknown colour `sparkly`"), "{problems:?}");

        let (_, problems) = parse("folder = \"a\"\nfolders = 3\n");
        assert!(problems[0].starts_with("config.toml:2:1: error: unknown field `folders`"), "{problems:?}");
        let (_, problems) = parse("folder = [\n");
        assert!(problems[0].starts_with("config.toml:"), "{problems:?}");
    }
}
