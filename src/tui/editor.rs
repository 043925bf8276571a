//! Which editor `E` runs and how: `$VISUAL`, else `$EDITOR`, else `vi`, split on whitespace so that
//! values with arguments (`code --wait`, `emacsclient -t`) work. The event loop hands the terminal over
//! around [`run`].

use std::io;
use std::path::Path;
use std::process::Command;

use crate::sanitize::neutralize;

/// The editor command (program and its arguments) from the values of `$VISUAL` and `$EDITOR`: the first
/// that is set and not blank, else `vi`.
pub fn command(visual: Option<&str>, editor: Option<&str>) -> Vec<String> {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(|value| value.split_whitespace().map(String::from).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// [`command`] from this process's environment.
pub fn command_from_env() -> Vec<String> {
    let var = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    command(var("VISUAL").as_deref(), var("EDITOR").as_deref())
}

/// Runs the editor on `path` with this process's standard input and output, and waits for it.
/// `started` is told the editor's process id once it runs (so a signal can be passed on to it). The
/// error says what went wrong in words fit for the status bar.
pub fn run(command: &[String], path: &Path, started: impl FnOnce(u32)) -> Result<(), String> {
    let shown = neutralize(&command.join(" ")).into_owned();
    let Some((program, args)) = command.split_first() else {
        return Err("no editor: set $VISUAL or $EDITOR".into());
    };
    let mut child = Command::new(program).args(args).arg(path).spawn().map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => format!("editor `{shown}` not found: set $VISUAL or $EDITOR"),
        _ => format!("cannot start editor `{shown}`: {e}"),
    })?;
    started(child.id());
    let status = child.wait().map_err(|e| format!("lost the editor `{shown}`: {e}"))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(code) => Err(format!("editor `{shown}` exited with status {code}")),
        None => Err(format!("editor `{shown}` was ended by a signal")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_then_editor_then_vi_split_on_whitespace() {
        assert_eq!(command(Some("code --wait"), Some("nano")), ["code", "--wait"]);
        assert_eq!(command(None, Some("  emacsclient\t-t  ")), ["emacsclient", "-t"]);
        assert_eq!(command(Some("   "), Some("nano")), ["nano"], "a blank $VISUAL is skipped");
        assert_eq!(command(Some(""), None), ["vi"]);
        assert_eq!(command(None, None), ["vi"]);
    }

    #[test]
    fn a_missing_editor_or_a_failing_one_is_an_error_in_words() {
        let path = Path::new("x.toml");
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let mut pid = None;
        assert_eq!(run(&words("true --wait"), path, |id| pid = Some(id)), Ok(()));
        assert!(pid.is_some(), "told the editor's process id");
        assert_eq!(
            run(&words("/nonexistent/editor -w"), path, |_| ()),
            Err("editor `/nonexistent/editor -w` not found: set $VISUAL or $EDITOR".into())
        );
        assert_eq!(run(&words("false"), path, |_| ()), Err("editor `false` exited with status 1".into()));
        assert!(run(&[], path, |_| ()).is_err());
    }
}
