//! What the reader hands to the world outside the terminal window: the system's opener for a source URL,
//! the clipboard through the terminal (OSC 52), and when a status message has been shown long enough.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::app::App;
use crate::sanitize::neutralize;

/// How long a status message stays when nothing else happens.
pub const STATUS_SHOWN: Duration = Duration::from_secs(5);

/// The opener command (program and its arguments): `$BRIEF_OPENER` when set and not blank, split on
/// whitespace like `$EDITOR` (`BRIEF_OPENER="firefox --new-tab"`; tests point it at a script), else the
/// system's (`xdg-open`, `open` on macOS).
pub fn opener(brief_opener: Option<&str>) -> Vec<String> {
    let words: Vec<String> = brief_opener.unwrap_or("").split_whitespace().map(String::from).collect();
    if words.is_empty() {
        vec![if cfg!(target_os = "macos") { "open" } else { "xdg-open" }.to_string()]
    } else {
        words
    }
}

/// Starts the [`opener`] on an http(s) URL that [`crate::sanitize::http_url`] accepted, without waiting
/// for the browser: a thread reaps it. The URL is its last argument.
pub fn open(url: &str) -> Result<(), String> {
    let value = std::env::var_os("BRIEF_OPENER").map(|v| v.to_string_lossy().into_owned());
    let command = opener(value.as_deref());
    let shown = neutralize(&command.join(" ")).into_owned();
    let (program, args) = command.split_first().ok_or_else(|| "no opener".to_string())?;
    let mut child = Command::new(program)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{shown}: {e}"))?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The escape sequence that asks the terminal to put `text` on the system clipboard: OSC 52 with the text
/// in base64, so nothing in it can end the sequence or start another.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(DIGITS[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// When the shown status message expires: [`STATUS_SHOWN`] after it first appeared, kept while the same
/// message stays, never while a question waits for its answer or a box is being typed into.
#[derive(Debug, Default)]
pub struct StatusTimer {
    shown: Option<(String, Instant)>,
}

impl StatusTimer {
    /// Counts the shown message as new (the user acted, and it may have been said again).
    pub fn restart(&mut self) {
        self.shown = None;
    }

    pub fn deadline(&mut self, app: &App) -> Option<Instant> {
        if app.status.is_empty() || app.prompt.is_some() || app.typing() {
            self.shown = None;
            return None;
        }
        match &self.shown {
            Some((text, since)) if *text == app.status => Some(*since + STATUS_SHOWN),
            _ => {
                let now = Instant::now();
                self.shown = Some((app.status.clone(), now));
                Some(now + STATUS_SHOWN)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_expires_five_seconds_after_it_appeared_and_never_while_asking() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::new(crate::store::Store::load(dir.path()).unwrap());
        let mut timer = StatusTimer::default();
        app.status.clear();
        assert_eq!(timer.deadline(&app), None, "nothing shown, nothing to wait for");
        app.status = "exported".into();
        let before = Instant::now();
        let first = timer.deadline(&app).unwrap();
        assert!(first >= before + STATUS_SHOWN && first <= Instant::now() + STATUS_SHOWN);
        assert_eq!(timer.deadline(&app), Some(first), "the same message keeps its deadline");
        timer.restart();
        assert!(timer.deadline(&app).unwrap() >= first, "said again, it starts over");
        app.prompt = Some(super::super::app::Prompt::Overwrite { briefing: 0 });
        assert_eq!(timer.deadline(&app), None, "a question waits for its answer");
    }

    #[test]
    fn brief_opener_split_on_whitespace_else_the_system_opener() {
        let system = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        assert_eq!(opener(Some("firefox  --new-tab")), ["firefox", "--new-tab"]);
        assert_eq!(opener(Some(" \t")), [system], "a blank value is not an opener");
        assert_eq!(opener(None), [system]);
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("“Kim” 김정은".as_bytes()), "4oCcS2lt4oCdIOq5gOygleydgA==");
    }

    #[test]
    fn the_clipboard_sequence_carries_no_control_character_of_the_text() {
        let sequence = osc52("a\x07b\x1b]0;x");
        assert!(sequence.starts_with("\x1b]52;c;") && sequence.ends_with('\x07'));
        let payload = &sequence["\x1b]52;c;".len()..sequence.len() - 1];
        assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{payload}");
    }
}
