//! The `brief` binary run as a real process: exit codes, output, files written.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    brief_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn brief_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(cwd)
        .env_remove("BRIEF_DIR")
        .env("BRIEF_CACHE_DIR", cache_dir())
        .env("BRIEF_CONFIG", no_settings())
        .output()
        .expect("run brief")
}

/// A settings file that does not exist: these runs do not read the user's.
fn no_settings() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-settings.toml")
}

/// `brief` in `cwd` with the settings file `settings`.
fn brief_with_settings(cwd: &Path, settings: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(cwd)
        .env_remove("BRIEF_DIR")
        .env("BRIEF_CACHE_DIR", cache_dir())
        .env("BRIEF_CONFIG", settings)
        .output()
        .expect("run brief")
}

/// The cache of these runs stays under target/, away from the user's cache.
fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cache")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings").display().to_string()
}

/// Each broken fixture has one problem; `check` must report each with its exact text and place.
#[test]
fn check_reports_every_error_of_every_broken_file() {
    let out = brief(&["check", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let d = "tests/fixtures/broken";
    let expected = [
        format!(
            "{d}/bad-date.toml:9:13: error: invalid date \"2023-02-29\": day 29 does not exist (month 2 of 2023 has 28 days)"
        ),
        format!(
            "{d}/bad-enum.toml:13:8: error: [[actor]] #1: unknown variant `human`, expected one of `person`, `state`, `organisation`, `outlet`, `place`, `group`"
        ),
        format!("{d}/bad-grade.toml:21:15: error: [[claim]] #1: credibility must be 1 to 6, found 7"),
        format!(
            "{d}/bad-slug.toml:2:6: error: briefing id `Bad_Slug` is not a slug (use a-z, 0-9 and -, at most 64 characters)"
        ),
        format!(
            "{d}/dangling-ref.toml:21:16: error: ref `valid-one#c9`: briefing `valid-one` has no item `c9`"
        ),
        format!(
            "{d}/duplicate-briefing-id.toml:2:6: error: briefing id `valid-one` is already used by {d}/a-valid.toml"
        ),
        format!("{d}/duplicate-item-id.toml:16:6: error: item id `kim` is used twice in this briefing"),
        format!("{d}/empty.toml: error: file is empty"),
        format!("{d}/future-schema.toml:1:10: error: unsupported schema version (this build reads schema 1)"),
        format!("{d}/missing-field.toml:15:1: error: [[claim]] #1: missing field `quote`"),
        format!("{d}/not-utf8.toml: error: not UTF-8 text: invalid byte at line 2, column 10"),
        format!("{d}/syntax-error.toml:2:13: error: invalid basic string, expected `\"`"),
        format!("{d}/unknown-actor.toml:18:14: error: `claimed_by` names no actor of this briefing: `putin`"),
        format!(
            "{d}/unknown-key.toml:18:1: error: [[claim]] #1: unknown field `claimed-by`, expected one of `id`, `text`, `claimed_by`, `reported_by`, `stance`, `quote`, `reliability`, `credibility`, `refs`"
        ),
        format!(
            "{d}/wrong-type.toml:12:9: error: [[figure]] #1: invalid type: string \"a million\", expected a number"
        ),
    ];
    let headlines: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(headlines, expected, "full stderr:\n{err}");
    // The offending line is shown with a caret under the problem.
    assert!(err.contains(" 18 | claimed_by = \"putin\"\n    |              ^^^^^^^\n"), "{err}");
    assert_eq!(
        stdout(&out).trim(),
        "checked 16 file(s) in tests/fixtures/broken: 2 loaded, 15 error(s), 0 warning(s)"
    );
}

#[test]
fn broken_files_never_hide_the_valid_ones() {
    let out = brief(&["list", "--json", "--dir", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows["version"], 1);
    let ids: Vec<&str> =
        rows["briefings"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["dangling-ref", "valid-one"]);
    assert!(stderr(&out).contains("14 file(s) failed to load; `brief check` shows the details"));
}

#[test]
fn odd_files_get_clear_messages_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("broken/a-valid.toml"), dir.path().join("a-valid.toml")).unwrap();
    fs::create_dir(dir.path().join("folder.toml")).unwrap();
    let big = fs::File::create(dir.path().join("huge.toml")).unwrap();
    big.set_len(16 * 1024 * 1024 + 1).unwrap();
    let fifo = dir.path().join("pipe.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    fs::write(dir.path().join(".hidden.toml"), "not toml at all [").unwrap();

    let path = dir.path().display().to_string();
    let out = brief(&["check", &path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("folder.toml: error: is a directory, not a briefing file"), "{err}");
    assert!(err.contains("huge.toml: error: file is 16777217 bytes, over the 16777216-byte limit"), "{err}");
    assert!(err.contains("pipe.toml: error: is not a regular file"), "{err}");
    assert!(!err.contains(".hidden.toml"), "dot-files are skipped: {err}");
    assert!(stdout(&out).contains("checked 4 file(s)") && stdout(&out).contains("1 loaded"));
}

#[test]
fn missing_folder_is_a_clear_error() {
    let out = brief(&["list", "--dir", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .starts_with("brief: the briefing folder no/such/folder does not exist. Name another with"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let out = brief(&["show", "no-such-briefing", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no briefing with id `no-such-briefing`"));
    assert_eq!(brief(&["list", "--bogus"]).status.code(), Some(2));
    let help = brief(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    for command in ["check", "list", "show", "export"] {
        assert!(stdout(&help).contains(command), "help lists {command}");
    }
    assert!(
        stdout(&help).contains("Exit status: 0 success, 1 invalid data or failed operation, 2 usage error")
    );
}

#[test]
fn brief_dir_environment_variable_selects_the_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["list", "--json"])
        .env("BRIEF_DIR", fixture("hostile"))
        .env("BRIEF_CACHE_DIR", cache_dir())
        .output()
        .unwrap();
    assert!(stdout(&out).contains("\"id\": \"hostile\""), "{}", stderr(&out));
}

/// Nothing a briefing holds reaches the terminal raw: no ESC, BEL, C1 or bidi controls in any output.
#[test]
fn hostile_text_is_neutralised_in_all_cli_output() {
    let dir = fixture("hostile").display().to_string();
    for args in [
        vec!["show", "hostile", "--dir", &dir],
        vec!["list", "--dir", &dir],
        vec!["list", "--json", "--dir", &dir],
        vec!["export", "hostile", "-o", "-", "--dir", &dir],
        vec!["check", &dir],
    ] {
        let out = brief(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        for text in [stdout(&out), stderr(&out)] {
            let bad = text.chars().find(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            });
            assert_eq!(bad, None, "{args:?} printed a control character:\n{text}");
        }
    }
    let shown = stdout(&brief(&["show", "hostile", "--dir", &dir]));
    assert!(shown.contains("“Twelve␛[31m red␛[0m shells.”"), "{shown}");
}

#[test]
fn show_wraps_to_80_columns_when_piped() {
    let out = brief(&["show", "blinken-seoul-2023-11", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for heading in ["SUMMARY", "KEY FIGURES", "ACTORS", "CLAIMS", "OPEN QUESTIONS"] {
        assert!(text.lines().any(|l| l == heading), "missing {heading}");
    }
    let widest = text.lines().map(unicode_width::UnicodeWidthStr::width).max().unwrap();
    assert!(widest <= 80, "a line is {widest} columns wide");
}

#[test]
fn export_writes_never_clobbers_and_forces_only_when_asked() {
    let work = tempfile::tempdir().unwrap();
    let id = "blinken-seoul-2023-11";
    let out = brief_in(work.path(), &["export", id, "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = work.path().join(format!("{id}.md"));
    let first = fs::read_to_string(&written).unwrap();
    assert!(first.starts_with("# "));

    fs::write(&written, "my notes").unwrap();
    let again = brief_in(work.path(), &["export", id, "--dir", &seeds()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains(&format!("{id}.md already exists; use --force to overwrite it")));
    assert_eq!(fs::read_to_string(&written).unwrap(), "my notes", "the existing file is untouched");

    let forced = brief_in(work.path(), &["export", id, "--force", "--dir", &seeds()]);
    assert_eq!(forced.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&written).unwrap(), first);

    fs::create_dir(work.path().join("out")).unwrap();
    let into_dir = brief_in(work.path(), &["export", id, "-o", "out", "--dir", &seeds()]);
    assert_eq!(into_dir.status.code(), Some(0));
    assert_eq!(fs::read_to_string(work.path().join("out").join(format!("{id}.md"))).unwrap(), first);

    let to_stdout = brief_in(work.path(), &["export", id, "-o", "-", "--dir", &seeds()]);
    assert_eq!(stdout(&to_stdout), first);

    let leftovers: Vec<_> = fs::read_dir(work.path().join("out")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
}

/// `brief` run in `cwd` under a shell's `umask`.
fn brief_under_umask(cwd: &Path, umask: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(cwd)
        .env_remove("BRIEF_DIR")
        .env("BRIEF_CACHE_DIR", cache_dir())
        .output()
        .expect("run brief")
}

#[test]
fn exported_and_converted_files_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/2023-11-blinken-seoul.txt");
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let work = tempfile::tempdir().unwrap();
        let out =
            brief_under_umask(work.path(), umask, &["export", "blinken-seoul-2023-11", "--dir", &seeds()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(mode(&work.path().join("blinken-seoul-2023-11.md")), expected, "export under {umask}");
        let out = brief_under_umask(
            work.path(),
            umask,
            &["convert", article.to_str().unwrap(), "-o", "draft.toml"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(mode(&work.path().join("draft.toml")), expected, "convert under {umask}");
    }
}

/// The relative link targets of a Markdown file, as a CommonMark parser reads them.
fn links_in(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(markdown, Options::ENABLE_TABLES)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.contains("://") => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn export_all_writes_every_briefing_and_an_index_whose_links_resolve() {
    let work = tempfile::tempdir().unwrap();
    let out = brief_in(work.path(), &["export", "--all", "-o", "set", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote 5 briefing(s) and index.md to set"), "{}", stderr(&out));
    let set = work.path().join("set");
    let mut names: Vec<String> =
        fs::read_dir(&set).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let ids: Vec<String> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut expected: Vec<String> =
        ids.iter().map(|id| format!("{id}.md")).chain(["index.md".into()]).collect();
    expected.sort();
    assert_eq!(names, expected, "one file per briefing and the index, nothing else");

    let index = fs::read_to_string(set.join("index.md")).unwrap();
    let from_index = links_in(&index);
    for id in &ids {
        assert!(from_index.contains(&format!("{id}.md")), "the index links {id}");
    }
    assert!(index.contains("## Figures") && index.contains("**The values differ.**"), "{index}");
    let mut cross_links = 0;
    for name in &names {
        let text = fs::read_to_string(set.join(name)).unwrap();
        for link in links_in(&text) {
            assert!(set.join(&link).is_file(), "{name} links {link}, which is not there");
            cross_links += 1;
        }
    }
    assert!(cross_links > from_index.len(), "the briefings link each other too");

    // Again without --force: refused, nothing touched; with it, rewritten.
    fs::write(set.join("index.md"), "my index").unwrap();
    let again = brief_in(work.path(), &["export", "--all", "-o", "set", "--dir", &seeds()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("6 file(s) already exist in set"), "{}", stderr(&again));
    assert!(stderr(&again).contains("nothing was written"), "{}", stderr(&again));
    assert_eq!(fs::read_to_string(set.join("index.md")).unwrap(), "my index");
    let forced = brief_in(work.path(), &["export", "--all", "-o", "set", "--force", "--dir", &seeds()]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(fs::read_to_string(set.join("index.md")).unwrap(), index);
}

#[test]
fn export_of_some_briefings_links_only_within_the_set() {
    let work = tempfile::tempdir().unwrap();
    let (a, b) = ("blinken-seoul-2023-11", "trilateral-nsa-seoul-2023-12");
    let out = brief_in(work.path(), &["export", a, b, a, "-o", "two", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let two = work.path().join("two");
    assert_eq!(fs::read_dir(&two).unwrap().count(), 3, "two briefings and the index");
    let text = fs::read_to_string(two.join(format!("{a}.md"))).unwrap();
    let links = links_in(&text);
    assert!(links.contains(&format!("{b}.md")), "{links:?}");
    assert!(links.iter().all(|l| two.join(l).is_file()), "{links:?}");
    assert!(text.contains("U.S., South Korea and Japan condemn"), "a briefing left out is named, not linked");

    let to_stdout = brief_in(work.path(), &["export", a, b, "-o", "-", "--dir", &seeds()]);
    assert_eq!(to_stdout.status.code(), Some(2));
    assert!(stderr(&to_stdout).contains("several briefings are written to a folder"));
    let unknown = brief_in(work.path(), &["export", a, "nope", "-o", "three", "--dir", &seeds()]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(!work.path().join("three").exists(), "nothing is written for an unknown id");
    let neither = brief_in(work.path(), &["export", "--dir", &seeds()]);
    assert_eq!(neither.status.code(), Some(2), "an id or --all is required");
}

#[test]
fn show_says_each_unit_once_and_lists_what_a_question_is_about_line_by_line() {
    let show = |id: &str| stdout(&brief(&["show", id, "--dir", &seeds()]));
    let blinken = show("blinken-seoul-2023-11");
    assert!(blinken.contains("  • only 200 kilometers [exact 200]"), "{blinken}");
    assert!(blinken.contains("  • roughly two months’ worth (months of supply) [about 2]"), "{blinken}");
    assert!(blinken.contains("    about: Virtually all weapons transactions"), "{blinken}");
    for id in fs::read_dir(seeds()).unwrap().map(|e| e.unwrap().path().file_stem().unwrap().to_owned()) {
        let text = show(id.to_str().unwrap());
        let words: Vec<&str> = text.split_whitespace().collect();
        let doubled = words.windows(2).find(|w| w[0] == w[1] && w[0].chars().all(char::is_alphabetic));
        assert_eq!(doubled, None, "{id:?}");
        assert!(!text.contains(".;"), "{id:?}: items joined as 'Council.; Virtually'");
    }
}

#[test]
fn figures_say_unattributed_instead_of_unknown() {
    let out = brief(&["figures", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains("unknown"), "{text}");
    assert!(
        text.contains("only 200 kilometers  unattributed [blinken-seoul-2023-11#depot-distance]"),
        "{text}"
    );
    assert!(text.contains("more than a million  per National Intelligence Service [blinken"), "{text}");
    assert!(text.contains("per The Washington Post, in RFE/RL"), "{text}");
}

#[test]
fn export_into_a_missing_folder_fails_cleanly() {
    let work = tempfile::tempdir().unwrap();
    let out =
        brief_in(work.path(), &["export", "blinken-seoul-2023-11", "-o", "nope/x.md", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("brief: cannot write nope/x.md: No such file or directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn search_prints_ranked_hits_plainly_when_piped() {
    let out = brief(&["search", "-n", "3", "Kim", "Jong-Un"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no highlighting into a pipe: {text:?}");
    let first = text.lines().next().unwrap();
    assert!(first.trim_start().starts_with("1. ") && first.contains("#kim-jong-un  actor"), "{text}");
    assert!(text.lines().last().unwrap().starts_with("3 of "), "{text}");
}

#[test]
fn every_json_output_is_an_object_with_the_schema_version() {
    for args in [
        &["list", "--json"][..],
        &["search", "shells", "--json"],
        &["xref", "blinken-seoul-2023-11", "--json"],
        &["figures", "--json"],
        &["questions", "--json"],
        &["actors", "--json"],
        &["timeline", "--json"],
    ] {
        let mut args = args.to_vec();
        let dir = seeds();
        args.extend(["--dir", &dir]);
        let out = brief(&args);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(json["version"], 1, "{args:?}");
        let key = ["briefings", "hits", "items", "groups", "questions", "actors", "months"]
            .into_iter()
            .find(|k| json[k].is_array());
        assert!(key.is_some(), "{args:?}: {json}");
        // docs/json.md describes every output.
        let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md")).unwrap();
        assert!(doc.contains(&format!("## `brief {}", args[0])), "docs/json.md lacks {}", args[0]);
        assert!(doc.contains(&format!("`{}`", key.unwrap())), "docs/json.md lacks {key:?}");
    }
}

#[test]
fn search_json_carries_byte_ranges_of_the_matches() {
    let out = brief(&["search", "--json", "\"artillery shells\""]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hits = json["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert_eq!(json["total"].as_u64().unwrap() as usize, hits.len());
    for hit in hits {
        for m in hit["matches"].as_array().unwrap() {
            let text = m["text"].as_str().unwrap();
            for r in m["ranges"].as_array().unwrap() {
                let (s, e) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
                assert_eq!(text[s..e].to_lowercase().replace('-', " "), "artillery shells");
            }
        }
    }
}

#[test]
fn a_bad_query_is_a_usage_error_that_says_why() {
    let out = brief(&["search", "shells", "who:kim"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("column 8: unknown scope `who:`"), "{}", stderr(&out));
    let none = brief(&["search", "zanzibar"]);
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), "");
    assert!(stderr(&none).contains("no hits for `zanzibar`"));
}

#[test]
fn read_an_unknown_id_is_a_usage_error_told_before_the_terminal_is_touched() {
    let out = brief(&["--dir", &seeds(), "read", "no-such-briefing"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("no briefing with id `no-such-briefing`"), "{err}");
    assert!(err.contains("see `brief list`"), "{err}");
    // Nothing switched the terminal: no escape sequence was written anywhere.
    assert!(!err.contains('\u{1b}') && out.stdout.is_empty(), "{err}");
    // A known id gets as far as asking for a terminal.
    let out = brief(&["--dir", &seeds(), "read", "blinken-seoul-2023-11"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the reader needs a terminal"), "{}", stderr(&out));
}

#[test]
fn search_options_work_anywhere_and_exclusions_still_exclude() {
    let json = |out: &Output| -> serde_json::Value {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
        serde_json::from_str(&stdout(out)).unwrap()
    };
    // Options after the words, between them, glued (-n3, --limit=3), long and short.
    let all = json(&brief(&["search", "--json", "shells"]));
    let without_russia = json(&brief(&["search", "shells", "-russia", "--json"]));
    assert_eq!(without_russia["query"], "shells -russia");
    assert!(without_russia["total"].as_u64() < all["total"].as_u64(), "the exclusion excludes");
    for args in [
        &["search", "shells", "-russia", "-n", "2", "--json"][..],
        &["search", "shells", "--limit", "2", "-russia", "--json"],
        &["search", "--json", "-n2", "shells", "-russia"],
        &["search", "shells", "-russia", "--limit=2", "--json"],
    ] {
        let out = json(&brief(args));
        assert_eq!(out["query"], "shells -russia", "{args:?}");
        assert_eq!(out["total"], without_russia["total"], "{args:?}");
        assert_eq!(out["hits"].as_array().unwrap().len(), 2, "{args:?}");
    }
    // A word that only starts like an option is an exclusion.
    let nuclear = brief(&["search", "shells", "-nuclear", "--limit", "1"]);
    assert_eq!(nuclear.status.code(), Some(0), "{}", stderr(&nuclear));
    assert!(stdout(&nuclear).lines().last().unwrap().starts_with("1 of "), "{}", stdout(&nuclear));
    // After `--`, everything is query text.
    let literal = json(&brief(&["search", "--json", "--", "-n", "shells"]));
    assert_eq!(literal["query"], "-n shells");
    let only = brief(&["search", "--", "--json"]);
    assert_eq!(only.status.code(), Some(2));
    assert!(stderr(&only).contains("cannot parse the query `--json`"), "{}", stderr(&only));
    // Unknown options and missing values are usage errors, not query words.
    for args in
        [&["search", "shells", "--bogus"][..], &["search", "shells", "--limit"], &["search", "-n", "3"]]
    {
        let out = brief(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    }
}

#[test]
fn xref_text_shares_one_line_per_actor_and_json_lists_every_link() {
    let dir = seeds();
    let text = stdout(&brief(&["--dir", &dir, "xref", "arms-talks-advancing-2023-08"]));
    let json: serde_json::Value = serde_json::from_str(&stdout(&brief(&[
        "--dir",
        &dir,
        "xref",
        "--json",
        "arms-talks-advancing-2023-08",
    ])))
    .unwrap();
    let items = json["items"].as_array().unwrap();
    let north_korea = items.iter().find(|i| i["item"] == "arms-talks-advancing-2023-08#north-korea").unwrap();
    let same_actor: Vec<&serde_json::Value> =
        north_korea["related"].as_array().unwrap().iter().filter(|l| l["relation"] == "same actor").collect();
    assert_eq!(same_actor.len(), 4, "every appearance is in the JSON");
    assert!(
        text.contains("  → same actor in 4 other briefings (as North Korea):\n      allies-condemn-pact-2024-06#north-korea,"),
        "{text}"
    );
    assert_eq!(
        text.matches("→ same actor").count(),
        items
            .iter()
            .filter(|i| { i["related"].as_array().unwrap().iter().any(|l| l["relation"] == "same actor") })
            .count(),
        "one line per actor: {text}"
    );
    // Every other link has its own line, and nothing is cut on the seeds.
    let others: usize = items
        .iter()
        .map(|i| i["related"].as_array().unwrap().iter().filter(|l| l["relation"] != "same actor").count())
        .sum();
    assert_eq!(text.matches("  → ").count() - text.matches("→ same actor").count(), others);
    assert!(!text.contains("more (--json lists every one)"));
}

#[test]
fn xref_text_shows_the_best_inferred_links_and_counts_the_rest() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-xref-generated");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for b in corpus::corpus(300) {
        fs::write(dir.join(format!("{}.toml", b.id)), toml::to_string(&b).unwrap()).unwrap();
    }
    let dir = dir.display().to_string();
    let id = "synthetic-000007";
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&brief(&["--dir", &dir, "xref", "--json", id]))).unwrap();
    let text = stdout(&brief(&["--dir", &dir, "xref", id]));
    let mut cut = 0;
    for item in json["items"].as_array().unwrap() {
        let related = item["related"].as_array().unwrap();
        let shown_apart = related.iter().filter(|l| l["relation"] != "same actor").count();
        let explicit = related.iter().filter(|l| l["explicit"] == true).count();
        let block =
            text.split("\n\n").find(|b| b.starts_with(&format!("{}:", item["item"].as_str().unwrap())));
        let block = block.unwrap_or_else(|| panic!("{} is in the text", item["item"]));
        if shown_apart > explicit + 10 {
            cut += 1;
            let more = format!("  … and {} more (--json lists every one)", shown_apart - explicit - 10);
            assert!(block.contains(&more), "{block}");
        } else {
            assert!(!block.contains("more (--json"), "{block}");
        }
    }
    assert!(cut > 0, "some item of {id} has more than 10 inferred links: {text}");
}

#[test]
fn completions_are_valid_scripts_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = brief(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for command in
            ["read", "check", "list", "show", "search", "xref", "figures", "convert", "export", "man"]
        {
            assert!(script.contains(command), "{shell}: {command} missing");
        }
    }
    // bash itself parses the bash script, and completing `brief ex` offers `export`.
    let script = stdout(&brief(&["completions", "bash"]));
    let check = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "{script}\nCOMP_WORDS=(brief ex); COMP_CWORD=1; _brief brief ex brief; echo \"${{COMPREPLY[@]}}\""
        ))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_eq!(stdout(&check).trim(), "export", "{}", stderr(&check));
    assert_eq!(brief(&["completions", "tcsh"]).status.code(), Some(2), "an unknown shell is a usage error");
}

#[test]
fn man_prints_the_page_and_writes_one_per_command() {
    let page = stdout(&brief(&["man"]));
    assert!(page.contains(".TH brief 1"), "{page}");
    assert!(page.contains("brief\\-export(1)"), "the page refers to the command pages");
    let work = tempfile::tempdir().unwrap();
    let out = brief_in(work.path(), &["man", "--out", "man1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in ["brief.1", "brief-export.1", "brief-search.1", "brief-completions.1"] {
        let text = fs::read_to_string(work.path().join("man1").join(name)).unwrap();
        assert!(text.starts_with(".ie"), "{name}: {text}");
    }
    let export = fs::read_to_string(work.path().join("man1/brief-export.1")).unwrap();
    assert!(export.contains("\\fB\\-\\-all\\fR") && export.contains("index.md"), "{export}");
}

#[test]
fn settings_name_the_folder_and_the_export_folder() {
    let work = tempfile::tempdir().unwrap();
    let settings = work.path().join("config.toml");
    fs::write(
        &settings,
        format!("folder = {:?}\nexport_folder = \"out\"\n[theme]\nname = \"light\"\n", seeds()),
    )
    .unwrap();
    let list = brief_with_settings(work.path(), &settings, &["list"]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    assert_eq!(stdout(&list).lines().count(), 6, "the folder from the settings: {}", stdout(&list));
    let export = brief_with_settings(work.path(), &settings, &["export", "blinken-seoul-2023-11"]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    assert!(work.path().join("out/blinken-seoul-2023-11.md").is_file(), "into the folder, made for it");
    // --dir and BRIEF_DIR still come first.
    let elsewhere = brief_with_settings(work.path(), &settings, &["list", "--dir", "out"]);
    assert_eq!(stdout(&elsewhere).lines().count(), 1, "{}", stdout(&elsewhere));
}

#[test]
fn bad_settings_are_located_and_the_defaults_serve() {
    let work = tempfile::tempdir().unwrap();
    let settings = work.path().join("config.toml");
    fs::write(&settings, "[theme]\nname = \"neon\"\n").unwrap();
    let out = brief_with_settings(work.path(), &settings, &["list", "--dir", &seeds()]);
    assert_eq!(out.status.code(), Some(0), "the command still runs");
    assert_eq!(stdout(&out).lines().count(), 6);
    let err = stderr(&out);
    assert!(err.contains("config.toml:2:8: error: unknown theme `neon`"), "{err}");
    assert!(err.contains("name = \"neon\""), "the line is shown: {err}");
    assert!(err.contains("using the default settings"), "{err}");
    fs::write(&settings, "[keys]\nquit = \"Q\"\nfly = \"z\"\n").unwrap();
    let err = stderr(&brief_with_settings(work.path(), &settings, &["list", "--dir", &seeds()]));
    assert!(err.contains("config.toml:3:7: error: no action `fly`"), "{err}");
    fs::write(&settings, "folder = [\n").unwrap();
    let err = stderr(&brief_with_settings(work.path(), &settings, &["list", "--dir", &seeds()]));
    assert!(err.contains("config.toml:1:"), "{err}");
}

#[test]
fn brief_config_prints_the_path_and_every_setting_commented() {
    let work = tempfile::tempdir().unwrap();
    let settings = work.path().join("config.toml");
    let shown = stdout(&brief_with_settings(work.path(), &settings, &["config"]));
    assert!(
        shown.starts_with(&format!("# settings file: {} (not created yet)\n", settings.display())),
        "{shown}"
    );
    assert!(
        shown.lines().skip(1).all(|l| l.is_empty() || l.starts_with('#') || l.starts_with('[')),
        "{shown}"
    );
    for key in ["folder", "export_folder", "name", "accent", "warn", "matched"] {
        assert!(shown.contains(&format!("# {key} = ")), "{key}: {shown}");
    }
    // What it prints is a valid settings file.
    fs::write(&settings, &shown).unwrap();
    let again = stdout(&brief_with_settings(work.path(), &settings, &["config"]));
    assert!(again.starts_with(&format!("# settings file: {} (in use)", settings.display())), "{again}");
    fs::write(&settings, "colour = 1\n").unwrap();
    let bad = stdout(&brief_with_settings(work.path(), &settings, &["config"]));
    assert!(bad.contains("(has errors"), "{bad}");
}

#[test]
fn a_missing_folder_says_how_to_name_one() {
    let work = tempfile::tempdir().unwrap();
    for args in [&["list"][..], &["search", "shells"], &["check"], &["show", "x"]] {
        let out = brief_in(work.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("the briefing folder briefings does not exist"), "{args:?}: {err}");
        for way in
            ["--dir DIR", "BRIEF_DIR", "no-such-settings.toml", "brief --dir briefings convert ARTICLE"]
        {
            assert!(err.contains(way), "{args:?} lacks {way}: {err}");
        }
    }
}

#[test]
fn an_export_of_a_set_stopped_by_a_signal_leaves_nothing_behind() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-export-interrupted");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for b in corpus::corpus(1500) {
        fs::write(dir.join(format!("{}.toml", b.id)), toml::to_string(&b).unwrap()).unwrap();
    }
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("set");
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["export", "--all", "--no-cache", "-o"])
            .arg(&out)
            .arg("--dir")
            .arg(&dir)
            .env("BRIEF_CONFIG", no_settings())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Once files are being staged, stop it.
        let started = std::time::Instant::now();
        while fs::read_dir(&out).map_or(0, |d| d.count()) < 3 {
            assert!(started.elapsed().as_secs() < 120, "no file staged");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // SAFETY: kill(2) takes plain integers.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "signal {signal}: stopped with an error, not killed");
        let left: Vec<_> = fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, Vec::<std::ffi::OsString>::new(), "signal {signal}: nothing left behind");
    }
}
