//! A briefing as CommonMark (with GitHub tables), and writing it to disk safely.
//!
//! All briefing text is untrusted: [`escape`] makes every piece of it literal text, so an article cannot
//! add headings, emphasis, links, HTML or table cells to the export.

pub mod index;

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::model::{Briefing, Briefings};
use crate::render::{INFERRED_SHOWN, SAME_ACTOR_SHOWN, attribution, format_value, grades, links_shown};
use crate::xref::{CrossRef, ItemAt, LinkKind, reason};

/// Escapes text so that, standing where text may stand in a Markdown document (a paragraph, a heading, a
/// table cell, a list item, a block quote, link text, emphasis), it renders as itself and adds no element:
/// the rendered text is `text` with each run of whitespace (line breaks included) folded to one space,
/// leading and trailing whitespace removed, and NUL (which CommonMark replaces) as U+FFFD. The text must
/// not be followed directly by `[` (a trailing `!` would make an image).
///
/// Only what would be read as markup where it stands gets a backslash, so the text stays readable:
/// everywhere `\` `` ` `` `*` `_` `~` `[` `]` `<` `|`, and `&` when it starts an entity (`&amp;`,
/// `&#60;`); at the start of the text (a line's start, for all the escaper knows) `>`, a word of only
/// `#`, `-`, `+` or `=` (heading, list, thematic break, setext underline) and the `.` or `)` of an
/// ordered-list marker (`1.`); and a last word of only `#` (a heading's closing sequence). Line
/// breaks and trailing spaces cannot occur once whitespace is folded.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut words = text.split_whitespace().peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        if !first {
            out.push(' ');
        }
        escape_word(word, first, words.peek().is_none(), &mut out);
        first = false;
    }
    out
}

fn escape_word(word: &str, first: bool, last: bool, out: &mut String) {
    let only = |c: char| word.chars().all(|w| w == c);
    // Where a block-starting marker stands: its first character, or the ordered list's delimiter.
    let starts_block = first && (word.starts_with('>') || "#-+=".chars().any(only));
    let marker = if starts_block || (last && only('#')) {
        Some(0)
    } else if first && is_list_number(word) {
        Some(word.len() - 1)
    } else {
        None
    };
    for (at, c) in word.char_indices() {
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '|' => true,
            '&' => starts_entity(&word[at + 1..]),
            _ => marker == Some(at),
        };
        if escaped {
            out.push('\\');
        }
        out.push(if c == '\0' { '\u{FFFD}' } else { c });
    }
}

/// `1.` or `12)`: digits and a delimiter, which start an ordered list item when followed by a space.
fn is_list_number(word: &str) -> bool {
    let digits = word.trim_end_matches(['.', ')']);
    word.len() == digits.len() + 1 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether text after an `&` would make it an entity or character reference: `amp;`, `#60;`, `#x3C;`.
fn starts_entity(rest: &str) -> bool {
    let name = rest.strip_prefix('#').unwrap_or(rest);
    let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && name[len..].starts_with(';')
}

/// The file name of a briefing's export. Ids are validated slugs, but the name is built defensively so that
/// it can never contain a path separator or `..`.
pub fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' })
        .collect();
    format!("{safe}.md")
}

/// The briefing at index `at` of `briefings` as Markdown; `xref` must be built over the same `briefings`.
/// Another briefing is a link to its export (`ID.md` beside this one) when `linked(index)` says it is
/// written there too, else its title in plain text.
pub fn to_markdown<B: Briefings + ?Sized>(
    at: usize,
    briefings: &B,
    xref: &CrossRef,
    linked: &dyn Fn(usize) -> bool,
) -> String {
    let b = briefings.briefing(at);
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escape(&b.title));
    let _ = writeln!(md, "{}\n", source_paragraph(b));

    let _ = writeln!(md, "## Summary\n");
    for paragraph in b.summary.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(md, "{}\n", escape(paragraph));
    }

    if !b.figures.is_empty() {
        let _ = writeln!(md, "## Key figures\n");
        let _ = writeln!(
            md,
            "| Figure | Value | Counts | Claimed by | As of |\n| --- | ---: | --- | --- | --- |"
        );
        for f in &b.figures {
            let subject = f.subject.as_deref().map_or(String::new(), |s| format!(" ({})", escape(s)));
            let claimant = f
                .claimed_by
                .as_deref()
                .map_or_else(|| escape(&b.source.outlet), |id| escape(b.actor_name(id)));
            let as_of = f.as_of.map_or(String::new(), |d| d.to_string());
            let _ = writeln!(
                md,
                "| {} | {} {} | {}{subject} | {claimant} | {as_of} |",
                escape(&f.text),
                escape(&f.qualifier.to_string()),
                escape(&format_value(f.value)),
                escape(&f.unit)
            );
        }
        md.push('\n');
    }

    if !b.actors.is_empty() {
        let _ = writeln!(md, "## Actors\n");
        let _ = writeln!(md, "| Name | Kind | Role | Also known as |\n| --- | --- | --- | --- |");
        for a in &b.actors {
            let role = a.role.as_deref().map_or(String::new(), escape);
            let aliases: Vec<String> = a.aliases.iter().map(|s| escape(s)).collect();
            let _ = writeln!(md, "| {} | {} | {role} | {} |", escape(&a.name), a.kind, aliases.join(", "));
        }
        md.push('\n');
    }

    if !b.claims.is_empty() {
        let _ = writeln!(md, "## Claims\n");
        for (n, c) in b.claims.iter().enumerate() {
            let _ = writeln!(md, "### {}. {}\n", n + 1, escape(&c.text));
            let grade = grades(c).map_or(String::new(), |g| format!("; grade {}", escape(&g)));
            let _ = writeln!(md, "*{}, {}{grade}*\n", c.stance, escape(&attribution(b, c)));
            let _ = writeln!(md, "> {}\n", escape(&c.quote));
        }
    }

    if !b.questions.is_empty() {
        let _ = writeln!(md, "## Open questions\n");
        for q in &b.questions {
            let _ = writeln!(md, "- {}", escape(&q.text));
            if let Some(source) = &q.source {
                let _ = writeln!(md, "\n  > {}\n", escape(source));
            }
        }
        md.push('\n');
    }

    let links = cross_references(at, briefings, xref, linked);
    if !links.is_empty() {
        let _ = writeln!(md, "## Cross-references\n");
        for line in links {
            let _ = writeln!(md, "- {line}");
        }
        md.push('\n');
    }
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}

fn source_paragraph(b: &Briefing) -> String {
    let s = &b.source;
    let mut line = format!("**Source:** {}", escape(&s.outlet));
    if let Some(date) = s.published {
        let _ = write!(line, ", {date}");
    }
    if let Some(author) = &s.author {
        let _ = write!(line, ", by {}", escape(author));
    }
    match s.url.as_deref().map(|u| (u, crate::sanitize::http_url(u))) {
        Some((_, Some(url))) => {
            let _ = write!(line, ", <{url}>");
        }
        Some((raw, None)) => {
            let _ = write!(line, ", {}", escape(raw));
        }
        None => {}
    }
    if let Some(note) = &s.note {
        let _ = write!(line, ". {}", escape(note));
    }
    let _ = write!(line, " (status: {})", b.status);
    line
}

/// One line per related item in other briefings (explicit refs first, then inferred links), each naming
/// the other briefing (a link to its export when `linked`). An actor's appearances elsewhere share one line.
fn cross_references<B: Briefings + ?Sized>(
    at: usize,
    briefings: &B,
    xref: &CrossRef,
    linked: &dyn Fn(usize) -> bool,
) -> Vec<String> {
    let b = briefings.briefing(at);
    let link_to = |other: usize| briefing_link(briefings.briefing(other), linked(other));
    let mut lines = Vec::new();
    // Every item's links at once: a briefing's claims are compared with the folder's together.
    let items: Vec<ItemAt> = b.items().map(|(_, item)| ItemAt { briefing: at, item }).collect();
    for (&ItemAt { item, .. }, linked) in items.iter().zip(xref.linked(&items, INFERRED_SHOWN)) {
        let label = escape(&b.item_label(item));
        let (same_actor, links): (Vec<_>, Vec<_>) =
            linked.links.into_iter().partition(|link| link.kind == LinkKind::SameActor);
        if !same_actor.is_empty() {
            // An actor of a large folder may appear in thousands of briefings: the first few, then a count.
            let places: Vec<String> =
                same_actor.iter().take(SAME_ACTOR_SHOWN).map(|l| link_to(l.to.briefing)).collect();
            let more = same_actor.len() - places.len();
            let rest = if more > 0 { format!(" and {more} more") } else { String::new() };
            lines.push(format!("**{label}** also appears in {}{rest}", places.join(", ")));
        }
        // `links` may hold the best few of many: `linked.total` counts them all.
        let (shown, total) = (links_shown(&links), linked.total - same_actor.len());
        for link in links.into_iter().take(shown) {
            let other = briefings.briefing(link.to.briefing);
            let inferred = if link.kind.is_explicit() {
                String::new()
            } else {
                format!(" ({})", escape(&reason(briefings, ItemAt { briefing: at, item }, &link)))
            };
            lines.push(format!(
                "**{label}** {} {}: {}{inferred}",
                link.kind.label(),
                link_to(link.to.briefing),
                escape(&other.item_label(link.to.item)),
            ));
        }
        if shown < total {
            let command = format!("brief xref {}#{}", b.id, b.item_id(item));
            lines.push(format!(
                "**{label}**: {} more inferred links ({} lists every one)",
                total - shown,
                escape(&command)
            ));
        }
    }
    lines
}

/// A briefing's title, as a link to its export beside this one when `linked`.
pub fn briefing_link(b: &Briefing, linked: bool) -> String {
    if linked { format!("[{}]({})", escape(&b.title), file_name(&b.id)) } else { escape(&b.title) }
}

/// Where `brief export` writes.
#[derive(Debug, PartialEq)]
pub enum ExportTarget {
    Stdout,
    File(PathBuf),
}

impl ExportTarget {
    /// `-` is stdout; an existing folder (or a path ending in `/`) gets `ID.md` inside it; no argument means
    /// `ID.md` in the current folder.
    pub fn from_arg(output: Option<&Path>, id: &str) -> ExportTarget {
        match output {
            Some(p) if p == Path::new("-") => ExportTarget::Stdout,
            Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') => {
                ExportTarget::File(p.join(file_name(id)))
            }
            Some(p) => ExportTarget::File(p.to_path_buf()),
            None => ExportTarget::File(PathBuf::from(file_name(id))),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; use --force to overwrite it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{} is not a regular file; not replacing it", .0.display())]
    NotRegular(PathBuf),
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, synced, then renamed over
/// the target; on any failure the temporary file is removed. Without `force` an existing file is never
/// replaced, even one created meanwhile. A new file gets the mode the umask gives (0644 under 022, not
/// the temporary file's 0600); a file replaced with `force` keeps its mode.
pub fn write_file(path: &Path, contents: &str, force: bool) -> Result<PathBuf, WriteError> {
    stage(path, contents, force, true)?.commit()
}

/// A file written under a temporary name beside its destination, not yet in place; dropped, it is
/// removed. Many files are staged unsynced, then made durable with one [`sync_file_system`] before
/// each is committed, which saves a disk flush per file.
pub struct Staged {
    temp: tempfile::TempPath,
    path: PathBuf,
    force: bool,
}

/// The first half of [`write_file`]: every check, the temporary file written (and synced if `sync`).
pub fn stage(path: &Path, contents: &str, force: bool, sync: bool) -> Result<Staged, WriteError> {
    let io_error = |source| WriteError::Io { path: path.to_path_buf(), source };
    let mut mode = std::fs::Permissions::from_mode(0o666);
    let mut kept = false;
    if let Ok(existing) = path.symlink_metadata() {
        if !force {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
        // Renaming over a device ("-o /dev/null --force"), a folder or a pipe would replace it with a file.
        let kind = existing.file_type();
        if !(kind.is_file() || kind.is_symlink()) {
            return Err(WriteError::NotRegular(path.to_path_buf()));
        }
        if kind.is_file() {
            (mode, kept) = (existing.permissions(), true);
        }
    }
    // Created with `mode` less the umask; a kept mode is set again, as the umask may have narrowed it.
    let mut temp =
        tempfile::Builder::new().permissions(mode.clone()).tempfile_in(folder_of(path)).map_err(io_error)?;
    if kept {
        temp.as_file().set_permissions(mode).map_err(io_error)?;
    }
    temp.write_all(contents.as_bytes()).map_err(io_error)?;
    if sync {
        temp.as_file().sync_all().map_err(io_error)?;
    }
    Ok(Staged { temp: temp.into_temp_path(), path: path.to_path_buf(), force })
}

impl Staged {
    /// Renames the file into place (without `force`, only if nothing is there).
    pub fn commit(self) -> Result<PathBuf, WriteError> {
        let Staged { temp, path, force } = self;
        let persisted = if force { temp.persist(&path) } else { temp.persist_noclobber(&path) };
        persisted.map_err(|e| match e.error.kind() {
            io::ErrorKind::AlreadyExists => WriteError::Exists(path.clone()),
            _ => WriteError::Io { path: path.clone(), source: e.error },
        })?;
        Ok(path)
    }
}

/// Flushes to disk everything written to the file system that holds `folder`.
pub fn sync_file_system(folder: &Path) -> Result<(), WriteError> {
    let io_error = |source| WriteError::Io { path: folder.to_path_buf(), source };
    let handle = std::fs::File::open(folder).map_err(io_error)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd as _;
        // SAFETY: syncfs only reads the descriptor, which `handle` keeps open for the call.
        if unsafe { libc::syncfs(handle.as_raw_fd()) } != 0 {
            return Err(io_error(io::Error::last_os_error()));
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        drop(handle);
        // SAFETY: sync takes no arguments and cannot fail.
        unsafe { libc::sync() };
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_markup_literal_and_folds_lines() {
        assert_eq!(escape("# Head\n\n- *x* [a](b) <b>|"), r"\# Head - \*x\* \[a\](b) \<b>\|");
        assert_eq!(escape("  > quote #"), r"\> quote \#");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("=== --- +"), r"\=== --- +");
        assert_eq!(escape("1. first 2) second"), r"1\. first 2) second");
        assert_eq!(escape("12) x"), r"12\) x");
        assert_eq!(escape("AT&T &amp; &#60; &#x3C; R&D;"), r"AT&T \&amp; \&#60; \&#x3C; R\&D;");
        assert_eq!(escape("a\\b `c` ~d~ snake_case"), r"a\\b \`c\` \~d\~ snake\_case");
        assert_eq!(escape("nul\0"), "nul\u{FFFD}");
    }

    #[test]
    fn running_text_keeps_its_punctuation_bare() {
        let text = "Seoul: the U.S. said 'growing' (2023-11-09); Kim Jong-Un’s 1.6 million, -5 #1!";
        assert_eq!(escape(text), text);
    }

    #[test]
    fn force_never_replaces_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_file(dir.path(), "x", true).unwrap_err();
        assert!(matches!(err, WriteError::NotRegular(_)), "{err}");
        assert!(dir.path().is_dir());
        assert!(matches!(write_file(Path::new("/dev/null"), "x", true), Err(WriteError::NotRegular(_))));
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The temporary file is made and written; only the rename to a too-long name fails.
        let err = write_file(&dir.path().join("x".repeat(300)), "text", false).unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }), "{err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left in the folder");
    }

    #[test]
    fn a_staged_file_is_in_place_only_once_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        drop(stage(&path, "dropped", false, false).unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "a dropped file leaves nothing");
        let staged = stage(&path, "kept", false, false).unwrap();
        assert!(!path.exists());
        sync_file_system(dir.path()).unwrap();
        assert_eq!(staged.commit().unwrap(), path);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&path, "new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(path.metadata().unwrap().permissions().mode() & 0o7777, 0o640);
    }

    #[test]
    fn file_names_stay_in_their_folder() {
        assert_eq!(file_name("../../etc/passwd"), "------etc-passwd.md");
        assert_eq!(file_name("blinken-seoul"), "blinken-seoul.md");
    }

    #[test]
    fn targets() {
        assert_eq!(ExportTarget::from_arg(Some(Path::new("-")), "a"), ExportTarget::Stdout);
        assert_eq!(ExportTarget::from_arg(None, "a"), ExportTarget::File("a.md".into()));
        assert_eq!(
            ExportTarget::from_arg(Some(Path::new("out/")), "a"),
            ExportTarget::File("out/a.md".into())
        );
    }
}
