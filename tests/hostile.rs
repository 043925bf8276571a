//! The hostile catalogue: what a hostile (or unlucky) user can hand `brief`, as a table. Each case builds a
//! folder, runs the real binary, and checks
//! - the exit status and what the error says,
//! - that nothing was lost or overwritten: every file there before is there after with the same bytes,
//!   and only the files the case expects were added,
//! - that no control sequence reached stdout or stderr: no C0 control but newline, no DEL, no C1
//!   control, no bidirectional control, raw.
//!
//! A case may close stdout, stderr or both before `brief` writes a byte (a pipe whose reader is gone, as
//! in `brief check DIR 2>&1 | grep -m1 error` once grep has its line): the command must still end with
//! its own exit status, not a panic, and what it writes to files is still written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One case of the catalogue.
struct Case {
    name: &'static str,
    /// Writes the files of the case under the root (the briefing folder is `root/briefings`).
    setup: fn(&Path),
    /// The arguments; `{dir}` is the briefing folder, `{root}` the root.
    args: &'static [&'static str],
    stdin: &'static [u8],
    /// Extra environment; `{root}` is replaced.
    env: &'static [(&'static str, &'static str)],
    code: i32,
    /// What stdout and stderr together must say.
    says: &'static [&'static str],
    /// What they must not say.
    never: &'static [&'static str],
    /// Files (relative to the root) the case may add or change.
    writes: &'static [&'static str],
    /// Which output is a pipe already closed by its reader (`says` and `never` look at the other).
    closed: Closed,
}

#[derive(Clone, Copy, PartialEq)]
enum Closed {
    Neither,
    Stdout,
    Stderr,
    /// Both to the same closed pipe, as `2>&1 |` does.
    Both,
}

const DEFAULT: Case = Case {
    name: "",
    setup: seeds,
    args: &[],
    stdin: b"",
    env: &[],
    code: 0,
    says: &[],
    never: &[],
    writes: &[],
    closed: Closed::Neither,
};

const ESC_TITLE: &str = "Title \u{1b}]52;c;aGVsbG8=\u{7} with \u{1b}[2J a clipboard write";

fn crate_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// The seed briefings and their articles, as in the repository.
fn seeds(root: &Path) {
    copy_dir(&crate_path("briefings"), &root.join("briefings"));
    copy_dir(&crate_path("assets/articles"), &root.join("assets/articles"));
}

/// A valid briefing; `extra` is appended (more items), `title` and `summary` as given (TOML basic strings,
/// so escapes such as `\u001b` are the file's own).
fn briefing(id: &str, title: &str, summary: &str, extra: &str) -> String {
    format!(
        "schema = 1\nid = \"{id}\"\ntitle = \"{title}\"\nsummary = \"{summary}\"\nstatus = \"draft\"\n\n\
         [source]\noutlet = \"Wire\"\n\n[[actor]]\nid = \"w\"\nname = \"Wire\"\nkind = \"outlet\"\n{extra}"
    )
}

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// One broken fixture beside a valid briefing.
fn broken(root: &Path, name: &str) {
    write(
        root,
        "briefings/a-valid.toml",
        fs::read(crate_path("tests/fixtures/broken/a-valid.toml")).unwrap(),
    );
    let text = fs::read(crate_path(&format!("tests/fixtures/broken/{name}"))).unwrap();
    write(root, &format!("briefings/{name}"), text);
}

/// Escape sequences in a title, a summary, an actor and a claim, written as TOML escapes.
fn escapes(root: &Path) {
    let claim = "\n[[claim]]\nid = \"c\"\ntext = \"CSI \\u009b31m red and \\u202Eevil\\u202C\"\nclaimed_by = \"w\"\n\
                 stance = \"asserts\"\nquote = \"q \\u001b[5m\"\n";
    let text = briefing(
        "esc",
        "Title \\u001b]52;c;aGVsbG8=\\u0007 with \\u001b[2J a clipboard write",
        "Summary \\u001b[31mred\\u001b[0m \\u009b2J \\u202Ereversed",
        claim,
    );
    write(root, "briefings/esc.toml", text.replace("name = \"Wire\"", "name = \"Wire \\u202E\\u0007\""));
}

/// A file whose name holds an escape sequence, a C1 control and a bidi override.
fn escape_in_file_name(root: &Path) {
    seeds(root);
    write(root, "briefings/\u{1b}]52;c;aGk=\u{7}\u{9b}31m\u{202e}x.toml", briefing("named", "N", "S", ""));
}

fn broken_file_with_escape_in_name(root: &Path) {
    seeds(root);
    write(root, "briefings/\u{1b}[2Jbad\u{9b}.toml", "id = \u{1b}[31m\n");
}

fn duplicate_ids(root: &Path) {
    write(root, "briefings/a.toml", briefing("same", "First", "Reviewed one.", ""));
    write(root, "briefings/b.toml", briefing("same", "Second", "A copy.", ""));
}

fn article_at(root: &Path, article: &str) {
    let claim =
        "\n[[claim]]\nid = \"c\"\ntext = \"x\"\nclaimed_by = \"w\"\nstance = \"asserts\"\nquote = \"root\"\n";
    let text = briefing("art", "A", "S", claim)
        .replace("outlet = \"Wire\"", &format!("outlet = \"Wire\"\narticle = \"{article}\""));
    write(root, "briefings/art.toml", text);
    write(root, "outside.txt", "root");
    write(root, "project-secret/.hidden/key.txt", "root");
}

fn absolute_article(root: &Path) {
    article_at(root, "/etc/passwd");
}

fn climbing_article(root: &Path) {
    article_at(root, "../../../../../../../../../../etc/passwd");
}

fn hidden_article(root: &Path) {
    article_at(root, "../project-secret/.hidden/key.txt");
}

fn linked_article(root: &Path) {
    write(root, "assets/secret.txt", "root");
    article_at(root, "../assets/link.txt");
    std::os::unix::fs::symlink("/etc/passwd", root.join("assets/link.txt")).unwrap();
}

fn huge_file(root: &Path) {
    seeds(root);
    let mut text = briefing("huge", "H", "S", "");
    text.push_str(&format!("\n# {}\n", "x".repeat(17 * 1024 * 1024)));
    write(root, "briefings/huge.toml", text);
}

fn deeply_nested(root: &Path) {
    seeds(root);
    let depth = 100_000;
    write(root, "briefings/nested.toml", format!("tags = {}{}\n", "[".repeat(depth), "]".repeat(depth)));
}

fn long_line(root: &Path) {
    seeds(root);
    write(root, "briefings/long.toml", briefing("long", "L", &"word ".repeat(400_000), ""));
}

fn nul_and_garbage(root: &Path) {
    seeds(root);
    write(root, "briefings/nul.toml", b"schema = 1\0\0\0id = \"x\"\n\xff\xfe".as_slice());
}

fn directory_named_toml(root: &Path) {
    seeds(root);
    fs::create_dir_all(root.join("briefings/folder.toml")).unwrap();
}

fn unknown_key_with_escape(root: &Path) {
    write(root, "briefings/k.toml", briefing("k", "K", "S", "\"\\u001b[2J\" = 1\n"));
}

fn many_items(root: &Path) {
    let mut extra = String::new();
    for i in 0..5000 {
        extra.push_str(&format!(
            "\n[[claim]]\nid = \"c{i}\"\ntext = \"The army fired {i} shells.\"\nclaimed_by = \"w\"\n\
             stance = \"asserts\"\nquote = \"It fired {i} shells.\"\n"
        ));
    }
    write(root, "briefings/many.toml", briefing("many", "Many", "Many claims.", &extra));
}

fn garbage_cache(root: &Path) {
    seeds(root);
    fs::create_dir_all(root.join("cache")).unwrap();
    // Whatever file names the cache uses, every file in the folder is garbage.
    for name in ["a", "b", "c"] {
        write(root, &format!("cache/{name}"), b"\xde\xad\xbe\xef garbage".repeat(1000));
    }
}

fn cache_is_a_file(root: &Path) {
    seeds(root);
    write(root, "cache", "not a folder");
}

fn article_file(root: &Path) {
    write(root, "briefings/.keep", "");
    write(root, "in/story.txt", fs::read(crate_path("assets/articles/2023-11-blinken-seoul.txt")).unwrap());
    write(root, "in/other.txt", fs::read(crate_path("assets/articles/2023-11-blinken-seoul.txt")).unwrap());
}

/// A reviewed briefing whose id a draft of `in/story.txt` would take, in a file of another name.
fn id_taken(root: &Path) {
    article_file(root);
    write(root, "briefings/reviewed.toml", briefing("story", "Reviewed", "Reviewed by hand.", ""));
}

fn id_taken_same_file(root: &Path) {
    article_file(root);
    write(root, "briefings/story.toml", briefing("story", "Reviewed", "Reviewed by hand.", ""));
}

fn escape_article_name(root: &Path) {
    write(root, "briefings/.keep", "");
    write(
        root,
        "in/\u{1b}]52;c;aGk=\u{7}.txt",
        "SEOUL (Wire) — The ministry said it sent 40 trucks on Monday.",
    );
}

fn export_exists(root: &Path) {
    seeds(root);
    write(root, "out/blinken-seoul-2023-11.md", "my own notes");
}

/// The seeds and 200 files that fail to load, each a located error on stderr.
fn many_errors(root: &Path) {
    seeds(root);
    for i in 0..200 {
        write(root, &format!("briefings/bad-{i:03}.toml"), "id = \n");
    }
}

/// A settings file with an error in it: told on stderr by every command.
fn bad_settings(root: &Path) {
    seeds(root);
    write(root, "settings.toml", "theme = 7\n");
}

fn empty_folder(root: &Path) {
    fs::create_dir_all(root.join("briefings")).unwrap();
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        // Malformed files: `check` names file:line:col, exits 1; the valid file still loads.
        Case {
            name: "syntax error",
            setup: |r| broken(r, "syntax-error.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["syntax-error.toml:2:13: error:"],
            ..DEFAULT
        },
        Case {
            name: "unknown key",
            setup: |r| broken(r, "unknown-key.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["unknown-key.toml:18:1: error:", "unknown field `claimed-by`"],
            ..DEFAULT
        },
        Case {
            name: "missing field",
            setup: |r| broken(r, "missing-field.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["missing field `quote`"],
            ..DEFAULT
        },
        Case {
            name: "wrong type",
            setup: |r| broken(r, "wrong-type.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["wrong-type.toml:12:9: error:"],
            ..DEFAULT
        },
        Case {
            name: "bad slug",
            setup: |r| broken(r, "bad-slug.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["bad-slug.toml:2:6: error:", "not a slug"],
            ..DEFAULT
        },
        Case {
            name: "bad date",
            setup: |r| broken(r, "bad-date.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["day 29 does not exist"],
            ..DEFAULT
        },
        Case {
            name: "bad enum",
            setup: |r| broken(r, "bad-enum.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["unknown variant `human`"],
            ..DEFAULT
        },
        Case {
            name: "grade out of range",
            setup: |r| broken(r, "bad-grade.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["credibility must be 1 to 6"],
            ..DEFAULT
        },
        Case {
            name: "dangling ref",
            setup: |r| broken(r, "dangling-ref.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["dangling-ref.toml:21:16: error:"],
            ..DEFAULT
        },
        Case {
            name: "duplicate item id",
            setup: |r| broken(r, "duplicate-item-id.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["used twice"],
            ..DEFAULT
        },
        Case {
            name: "empty file",
            setup: |r| broken(r, "empty.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["empty.toml: error: file is empty"],
            ..DEFAULT
        },
        Case {
            name: "future schema",
            setup: |r| broken(r, "future-schema.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["unsupported schema version"],
            ..DEFAULT
        },
        Case {
            name: "not UTF-8",
            setup: |r| broken(r, "not-utf8.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["not UTF-8 text: invalid byte at line 2, column 10"],
            ..DEFAULT
        },
        Case {
            name: "unknown actor",
            setup: |r| broken(r, "unknown-actor.toml"),
            args: &["check", "{dir}"],
            code: 1,
            says: &["names no actor"],
            ..DEFAULT
        },
        Case {
            name: "a broken file does not hide the others",
            setup: |r| broken(r, "syntax-error.toml"),
            args: &["--dir", "{dir}", "list"],
            code: 0,
            says: &["valid-one", "1 file(s) failed to load"],
            ..DEFAULT
        },
        Case {
            name: "over 16 MiB",
            setup: huge_file,
            args: &["check", "{dir}"],
            code: 1,
            says: &["huge.toml: error: file is", "over the 16777216-byte limit"],
            ..DEFAULT
        },
        Case {
            name: "100,000 nested arrays",
            setup: deeply_nested,
            args: &["check", "{dir}"],
            code: 1,
            says: &["nested.toml"],
            ..DEFAULT
        },
        Case {
            name: "a 2 MB line",
            setup: long_line,
            args: &["--dir", "{dir}", "show", "long"],
            code: 0,
            says: &["word word"],
            ..DEFAULT
        },
        Case {
            name: "NUL bytes and garbage",
            setup: nul_and_garbage,
            args: &["check", "{dir}"],
            code: 1,
            says: &["nul.toml"],
            ..DEFAULT
        },
        Case {
            name: "a folder named x.toml",
            setup: directory_named_toml,
            args: &["check", "{dir}"],
            code: 1,
            says: &["folder.toml: error: is a directory"],
            ..DEFAULT
        },
        Case {
            name: "5,000 claims in one file",
            setup: many_items,
            args: &["--dir", "{dir}", "xref", "many"],
            code: 0,
            says: &["no related items in other briefings"],
            ..DEFAULT
        },
        Case {
            name: "an empty folder",
            setup: empty_folder,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            ..DEFAULT
        },
        Case {
            name: "a folder that does not exist",
            setup: empty_folder,
            args: &["--dir", "{root}/nowhere", "list"],
            code: 1,
            says: &["nowhere"],
            ..DEFAULT
        },
        Case {
            name: "a file as the folder",
            setup: seeds,
            args: &["--dir", "{dir}/blinken-seoul-2023-11.toml", "list"],
            code: 1,
            says: &["blinken-seoul-2023-11.toml"],
            ..DEFAULT
        },
        // Escape sequences in every field: shown as visible stand-ins, never raw.
        Case {
            name: "escapes in fields: list",
            setup: escapes,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            says: &["␛]52;c;aGVsbG8=␇"],
            never: &[ESC_TITLE],
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: show",
            setup: escapes,
            args: &["--dir", "{dir}", "show", "esc"],
            code: 0,
            says: &["␛[31mred␛[0m", "Wire �␇"],
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: search",
            setup: escapes,
            args: &["--dir", "{dir}", "search", "red"],
            code: 0,
            says: &["CSI �31m red and �evil�"],
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: search --json",
            setup: escapes,
            args: &["--dir", "{dir}", "search", "red", "--json"],
            code: 0,
            says: &["\"text\": \"CSI �31m red and �evil�\""],
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: xref",
            setup: escapes,
            args: &["--dir", "{dir}", "xref", "esc"],
            code: 0,
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: figures --json",
            setup: escapes,
            args: &["--dir", "{dir}", "figures", "--json"],
            code: 0,
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: export to stdout",
            setup: escapes,
            args: &["--dir", "{dir}", "export", "esc", "-o", "-"],
            code: 0,
            says: &["Summary ␛\\[31mred"],
            ..DEFAULT
        },
        Case {
            name: "escapes in fields: export to a file",
            setup: escapes,
            args: &["--dir", "{dir}", "export", "esc", "-o", "{root}/esc.md"],
            code: 0,
            says: &["wrote"],
            writes: &["esc.md"],
            ..DEFAULT
        },
        Case {
            name: "escape in an unknown key's name",
            setup: unknown_key_with_escape,
            args: &["check", "{dir}"],
            code: 1,
            says: &["k.toml:"],
            ..DEFAULT
        },
        Case {
            name: "escape in a file name: list",
            setup: escape_in_file_name,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            says: &["named"],
            ..DEFAULT
        },
        Case {
            name: "escape in a file name: list --json",
            setup: escape_in_file_name,
            args: &["--dir", "{dir}", "list", "--json"],
            code: 0,
            says: &["\\u001b]52;c;aGk=\\u0007\\u009b31m\\u202ex.toml"],
            ..DEFAULT
        },
        Case {
            name: "escape in a file name: check",
            setup: broken_file_with_escape_in_name,
            args: &["check", "{dir}"],
            code: 1,
            says: &["␛[2Jbad"],
            ..DEFAULT
        },
        Case {
            name: "escape in a broken file's name: search",
            setup: broken_file_with_escape_in_name,
            args: &["--dir", "{dir}", "search", "shells"],
            code: 0,
            says: &["1 file(s) failed to load"],
            ..DEFAULT
        },
        // Arguments: what the user typed is echoed neutralised, JSON escapes what it carries.
        Case {
            name: "OSC 52 in an unexpected argument",
            setup: seeds,
            args: &["--dir", "{dir}", "list", "\u{1b}]52;c;aGVsbG8=\u{7}"],
            code: 2,
            says: &["unexpected argument", "␛]52;c;aGVsbG8=␇"],
            ..DEFAULT
        },
        Case {
            name: "escape in an unknown command",
            setup: seeds,
            args: &["\u{1b}[2Jlist"],
            code: 2,
            says: &["␛[2Jlist"],
            ..DEFAULT
        },
        Case {
            name: "escape in an invalid --limit",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "shells", "--limit", "\u{9b}9\u{1b}[2J"],
            code: 2,
            says: &["invalid value"],
            ..DEFAULT
        },
        Case {
            name: "escape in an unknown id",
            setup: seeds,
            args: &["--dir", "{dir}", "show", "\u{1b}]0;pwned\u{7}"],
            code: 2,
            says: &["␛]0;pwned␇"],
            ..DEFAULT
        },
        Case {
            name: "escape in a query: no hits",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "zz\u{1b}[2Jqq"],
            code: 0,
            says: &["no hits for `zz␛[2Jqq`"],
            ..DEFAULT
        },
        Case {
            name: "C1 and bidi in a --json query",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "shells\u{9b}31m\u{202e}", "--json"],
            code: 0,
            says: &["\"query\": \"shells\\u009b31m\\u202e\""],
            ..DEFAULT
        },
        Case {
            name: "escape in an unknown scope",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "who:x\u{1b}[2J"],
            code: 2,
            says: &["unknown scope `who:`"],
            ..DEFAULT
        },
        Case {
            name: "only exclusions",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "--", "-shells"],
            code: 2,
            says: &["not only -exclusions"],
            ..DEFAULT
        },
        Case {
            name: "an unclosed quote",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "\"shells"],
            code: 2,
            says: &["never closed"],
            ..DEFAULT
        },
        Case {
            name: "a prefix of one letter",
            setup: seeds,
            args: &["--dir", "{dir}", "search", "s*", "-n", "3"],
            code: 0,
            says: &["hits"],
            ..DEFAULT
        },
        Case {
            name: "an unknown item",
            setup: seeds,
            args: &["--dir", "{dir}", "xref", "blinken-seoul-2023-11#nope"],
            code: 2,
            says: &["nope"],
            ..DEFAULT
        },
        Case {
            name: "the reader without a terminal",
            setup: seeds,
            args: &["--dir", "{dir}", "read"],
            code: 1,
            says: &["needs a terminal"],
            ..DEFAULT
        },
        // Duplicate ids: both named, one dropped, nothing silent.
        Case {
            name: "duplicate briefing ids: check",
            setup: duplicate_ids,
            args: &["check", "{dir}"],
            code: 1,
            says: &["b.toml", "a.toml", "same"],
            ..DEFAULT
        },
        Case {
            name: "duplicate briefing ids: list",
            setup: duplicate_ids,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            says: &["1 file(s) failed to load"],
            ..DEFAULT
        },
        // Article paths: outside the folder's parent tree is an error at the key, the file is not read.
        Case {
            name: "an absolute article path",
            setup: absolute_article,
            args: &["check", "{dir}"],
            code: 1,
            says: &["art.toml:9:11: error: article /etc/passwd: an absolute path"],
            never: &["quote not found"],
            ..DEFAULT
        },
        Case {
            name: "an article path climbing out",
            setup: climbing_article,
            args: &["check", "{dir}"],
            code: 1,
            says: &["outside"],
            never: &["quote not found"],
            ..DEFAULT
        },
        Case {
            name: "an article in a hidden folder",
            setup: hidden_article,
            args: &["check", "{dir}"],
            code: 1,
            says: &["hidden"],
            never: &["quote not found"],
            ..DEFAULT
        },
        Case {
            name: "an article link pointing out",
            setup: linked_article,
            args: &["check", "{dir}"],
            code: 1,
            says: &["outside"],
            never: &["quote not found"],
            ..DEFAULT
        },
        // Damaged caches: ignored and replaced; a cache that cannot be written only costs time.
        Case {
            name: "a garbage cache",
            setup: garbage_cache,
            args: &["--dir", "{dir}", "search", "shells"],
            env: &[("BRIEF_CACHE_DIR", "{root}/cache")],
            code: 0,
            says: &["blinken-seoul-2023-11"],
            writes: &["cache/*"],
            ..DEFAULT
        },
        Case {
            name: "a cache folder that is a file",
            setup: cache_is_a_file,
            args: &["--dir", "{dir}", "search", "shells"],
            env: &[("BRIEF_CACHE_DIR", "{root}/cache")],
            code: 0,
            says: &["blinken-seoul-2023-11"],
            ..DEFAULT
        },
        Case {
            name: "a cache folder that cannot be made",
            setup: seeds,
            args: &["--dir", "{dir}", "list"],
            env: &[("BRIEF_CACHE_DIR", "/proc/brief-cache")],
            code: 0,
            says: &["blinken-seoul-2023-11"],
            ..DEFAULT
        },
        // Writing: never over a file without --force, nothing half-written where it cannot write.
        Case {
            name: "export onto an existing file",
            setup: export_exists,
            args: &["--dir", "{dir}", "export", "blinken-seoul-2023-11", "-o", "{root}/out/"],
            code: 1,
            says: &["exists"],
            ..DEFAULT
        },
        Case {
            name: "export into a folder that cannot be written",
            setup: seeds,
            args: &["--dir", "{dir}", "export", "blinken-seoul-2023-11", "-o", "/proc/brief.md"],
            code: 1,
            says: &["/proc/brief.md"],
            ..DEFAULT
        },
        Case {
            name: "export under a file",
            setup: seeds,
            args: &[
                "--dir",
                "{dir}",
                "export",
                "blinken-seoul-2023-11",
                "-o",
                "{dir}/blinken-seoul-2023-11.toml/x.md",
            ],
            code: 1,
            says: &["x.md"],
            ..DEFAULT
        },
        Case {
            name: "convert: the id of a reviewed briefing in another file",
            setup: id_taken,
            args: &["--dir", "{dir}", "convert", "{root}/in/story.txt"],
            code: 1,
            says: &["`story` is already the id of", "reviewed.toml", "story.toml", "--id", "--force"],
            ..DEFAULT
        },
        Case {
            name: "convert: the id of a briefing in its own file",
            setup: id_taken_same_file,
            args: &["--dir", "{dir}", "convert", "{root}/in/story.txt"],
            code: 1,
            says: &["`story` is already the id of"],
            ..DEFAULT
        },
        Case {
            name: "convert: --id chooses another",
            setup: id_taken,
            args: &["--dir", "{dir}", "convert", "{root}/in/story.txt", "--id", "story-draft"],
            code: 0,
            writes: &["briefings/story-draft.toml"],
            ..DEFAULT
        },
        Case {
            name: "convert: --force writes it anyway",
            setup: id_taken,
            args: &["--dir", "{dir}", "convert", "{root}/in/story.txt", "--force"],
            code: 0,
            writes: &["briefings/story.toml"],
            ..DEFAULT
        },
        Case {
            name: "convert: a batch refuses the taken id only",
            setup: id_taken,
            args: &["--dir", "{dir}", "convert", "{root}/in"],
            code: 1,
            says: &["converted 1 of 2", "`story` is already the id of"],
            writes: &["briefings/other.toml"],
            ..DEFAULT
        },
        Case {
            name: "convert: an article name with an escape",
            setup: escape_article_name,
            args: &["--dir", "{dir}", "convert", "{root}/in/\u{1b}]52;c;aGk=\u{7}.txt", "-o", "-"],
            code: 0,
            says: &["␛]52;c;aGk=␇"],
            ..DEFAULT
        },
        Case {
            name: "convert: binary on stdin",
            setup: empty_folder,
            args: &["--dir", "{dir}", "convert", "-", "-o", "-"],
            stdin: b"\xff\xfe\x00\x1b[2J\x9b",
            code: 1,
            ..DEFAULT
        },
        Case {
            name: "convert: escapes on stdin",
            setup: empty_folder,
            args: &["--dir", "{dir}", "convert", "-", "-o", "-"],
            stdin: "SEOUL (Wire) — The minister \u{1b}]52;c;aGk=\u{7} said on Monday that it sent 40 trucks."
                .as_bytes(),
            code: 0,
            says: &["status = \"draft\""],
            ..DEFAULT
        },
        // Closed pipes: a reader that went away ends nothing but the output; never a panic (exit 101).
        Case {
            name: "closed stderr: check with many errors",
            setup: many_errors,
            args: &["check", "{dir}"],
            code: 1,
            says: &["200 error(s)"],
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case {
            name: "closed stdout: check with many errors",
            setup: many_errors,
            args: &["check", "{dir}"],
            code: 1,
            says: &["bad-199.toml:1:"],
            closed: Closed::Stdout,
            ..DEFAULT
        },
        Case {
            name: "closed stdout and stderr: check with many errors (2>&1 | grep -m1)",
            setup: many_errors,
            args: &["check", "{dir}"],
            code: 1,
            closed: Closed::Both,
            ..DEFAULT
        },
        Case {
            name: "closed stdout and stderr: list with many errors (2>&1 | head -1)",
            setup: many_errors,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            closed: Closed::Both,
            ..DEFAULT
        },
        Case {
            name: "closed stdout: list with many errors",
            setup: many_errors,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            says: &["200 file(s) failed to load"],
            closed: Closed::Stdout,
            ..DEFAULT
        },
        Case {
            name: "closed stderr: list with many errors",
            setup: many_errors,
            args: &["--dir", "{dir}", "list"],
            code: 0,
            says: &["blinken-seoul-2023-11"],
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case {
            name: "closed stderr: search with no hits",
            args: &["--dir", "{dir}", "search", "zzqq"],
            code: 0,
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case {
            name: "closed stdout: search --json",
            args: &["--dir", "{dir}", "search", "shells", "--json"],
            code: 0,
            closed: Closed::Stdout,
            ..DEFAULT
        },
        Case {
            name: "closed stderr: an unknown id",
            args: &["--dir", "{dir}", "show", "nope"],
            code: 2,
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case {
            name: "closed stderr: an unknown argument",
            args: &["--dir", "{dir}", "list", "--bogus"],
            code: 2,
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case { name: "closed stdout: --help", args: &["--help"], code: 0, closed: Closed::Stdout, ..DEFAULT },
        Case {
            name: "closed stderr: settings with an error",
            setup: bad_settings,
            args: &["--dir", "{dir}", "show", "blinken-seoul-2023-11"],
            env: &[("BRIEF_CONFIG", "{root}/settings.toml")],
            code: 0,
            says: &["Blinken"],
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case {
            name: "closed stderr: convert still writes its file",
            setup: article_file,
            args: &["--dir", "{dir}", "convert", "{root}/in/story.txt"],
            code: 0,
            writes: &["briefings/story.toml"],
            closed: Closed::Stderr,
            ..DEFAULT
        },
        Case {
            name: "closed stdout and stderr: convert a batch",
            setup: article_file,
            args: &["--dir", "{dir}", "convert", "{root}/in"],
            code: 0,
            writes: &["briefings/story.toml", "briefings/other.toml"],
            closed: Closed::Both,
            ..DEFAULT
        },
        Case {
            name: "closed stderr: export every briefing to a folder",
            args: &["--dir", "{dir}", "export", "--all", "-o", "{root}/out/"],
            code: 0,
            writes: &["out/*"],
            closed: Closed::Stderr,
            ..DEFAULT
        },
    ];
    cases.sort_by_key(|c| c.name);
    cases
}

/// Every file under `root`, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                files.insert(path.strip_prefix(root).unwrap().to_path_buf(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// A control or bidirectional character that reached the output raw, if any.
fn raw_control(output: &str) -> Option<char> {
    output.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

fn allowed(writes: &[&str], path: &Path) -> bool {
    let path = path.to_string_lossy();
    writes.iter().any(|w| match w.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => path == *w,
    })
}

fn run(case: &Case) -> Result<(), String> {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path();
    (case.setup)(root);
    let fill = |s: &str| {
        s.replace("{dir}", &root.join("briefings").to_string_lossy())
            .replace("{root}", &root.to_string_lossy())
    };
    let before = snapshot(root);
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .args(case.args.iter().map(|a| fill(a)))
        .current_dir(root)
        .env("BRIEF_CACHE_DIR", root.join(".test-cache"))
        .env_remove("BRIEF_DIR")
        .env_remove("BRIEF_NO_CACHE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A pipe whose reader is gone: every write to it fails with EPIPE.
    let closed_pipe = || std::io::pipe().unwrap().1;
    match case.closed {
        Closed::Neither => {}
        Closed::Stdout => {
            command.stdout(closed_pipe());
        }
        Closed::Stderr => {
            command.stderr(closed_pipe());
        }
        Closed::Both => {
            let pipe = closed_pipe();
            command.stderr(pipe.try_clone().unwrap()).stdout(pipe);
        }
    }
    for (key, value) in case.env {
        command.env(key, fill(value));
    }
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(case.stdin);
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let both = format!("{stdout}{stderr}");
    let mut problems = Vec::new();
    if out.status.code() != Some(case.code) {
        problems.push(format!("exit {:?}, expected {}", out.status.code(), case.code));
    }
    for said in case.says {
        if !both.contains(&fill(said)) {
            problems.push(format!("does not say {said:?}"));
        }
    }
    for never in case.never.iter().chain(&["panicked"]) {
        if both.contains(&fill(never)) {
            problems.push(format!("says {never:?}"));
        }
    }
    if let Some(c) = raw_control(&stdout) {
        problems.push(format!("stdout carries {c:?} raw"));
    }
    if let Some(c) = raw_control(&stderr) {
        problems.push(format!("stderr carries {c:?} raw"));
    }
    let after = snapshot(root);
    for (path, bytes) in &before {
        match after.get(path) {
            None => problems.push(format!("{} was lost", path.display())),
            Some(now) if now != bytes && !allowed(case.writes, path) => {
                problems.push(format!("{} was changed", path.display()))
            }
            _ => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        if !allowed(case.writes, path) && !path.starts_with(".test-cache") {
            problems.push(format!("{} was written", path.display()));
        }
    }
    for written in case.writes.iter().filter(|w| !w.ends_with('*')) {
        if !after.contains_key(Path::new(written)) {
            problems.push(format!("{written} was not written"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}: {}\n--- stdout:\n{stdout}\n--- stderr:\n{stderr}", case.name, problems.join("; ")))
    }
}

#[test]
fn the_hostile_catalogue() {
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|case| run(case).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
