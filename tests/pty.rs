//! The reader end to end: the real `brief` binary in a pseudo-terminal. It opens the reader on a copy of
//! the seed folder, searches, jumps to a hit, exports the briefing and quits; the test reads the screen
//! through a terminal emulator (vt100), then checks the exported file, the exit status, the sequences
//! that give the terminal back, and that the terminal's settings are what they were before.
#![cfg(target_os = "linux")]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{BorrowedFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use brief::export;
use brief::store::Store;
use brief::tui::app::{Action, App, Effect, update, update_now};
use rustix::fs::{Mode, OFlags};
use rustix::pty::OpenptFlags;
use rustix::termios::{LocalModes, Termios, Winsize};

/// Long enough for a loaded two-core machine; the test normally takes well under a second.
const TIMEOUT: Duration = Duration::from_secs(20);
const ROWS: u16 = 40;
const COLUMNS: u16 = 120;

/// The pseudo-terminal: the side the test holds, and the side the reader gets as its terminal.
fn open_pty() -> (OwnedFd, OwnedFd) {
    let master = rustix::pty::openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("openpt");
    rustix::pty::grantpt(&master).expect("grantpt");
    rustix::pty::unlockpt(&master).expect("unlockpt");
    let name = rustix::pty::ptsname(&master, Vec::new()).expect("ptsname");
    let terminal =
        rustix::fs::open(name.as_c_str(), OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC, Mode::empty())
            .expect("open the terminal side");
    let size = Winsize { ws_row: ROWS, ws_col: COLUMNS, ws_xpixel: 0, ws_ypixel: 0 };
    rustix::termios::tcsetwinsize(&terminal, size).expect("set the window size");
    (master, terminal)
}

/// Everything the reader wrote, collected by a thread until the terminal closes, and the screen it
/// draws (emulated as the bytes come, so that waiting for text costs nothing however long the run).
struct Output {
    bytes: Vec<u8>,
    terminal: vt100::Parser,
    closed: bool,
}

impl Output {
    fn contents(&self) -> String {
        self.terminal.screen().contents()
    }
}

struct Screen {
    output: Arc<(Mutex<Output>, Condvar)>,
}

impl Screen {
    fn read_from(master: File) -> Screen {
        let output = Output { bytes: Vec::new(), terminal: emulate(b""), closed: false };
        let output = Arc::new((Mutex::new(output), Condvar::new()));
        let shared = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut master = master;
            let mut buffer = [0u8; 8192];
            loop {
                // Once every holder of the terminal side has closed it, Linux reports EIO: the end.
                let read = master.read(&mut buffer).unwrap_or(0);
                let (lock, changed) = &*shared;
                let mut output = lock.lock().unwrap();
                if read == 0 {
                    output.closed = true;
                } else {
                    output.bytes.extend_from_slice(&buffer[..read]);
                    output.terminal.process(&buffer[..read]);
                }
                changed.notify_all();
                if output.closed {
                    return;
                }
            }
        });
        Screen { output }
    }

    /// Waits until `done` holds for what was written so far, or fails after the timeout saying what it
    /// waited for and what the screen showed.
    fn wait(&self, what: &str, done: impl Fn(&Output) -> bool) {
        let (lock, changed) = &*self.output;
        let deadline = Instant::now() + TIMEOUT;
        let mut output = lock.lock().unwrap();
        while !done(&output) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "timed out waiting for {what}; the screen:\n{}", output.contents());
            output = changed.wait_timeout(output, left).unwrap().0;
        }
    }

    /// Waits until the screen shows `text`.
    fn wait_for_text(&self, text: &str) {
        self.wait(&format!("{text:?} on the screen"), |output| output.contents().contains(text));
    }
}

/// The screen the bytes draw, as a terminal would show it.
fn emulate(bytes: &[u8]) -> vt100::Parser {
    let mut parser = vt100::Parser::new(ROWS.try_into().unwrap(), COLUMNS.try_into().unwrap(), 0);
    parser.process(bytes);
    parser
}

fn wait_for_exit(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(status) = child.try_wait().expect("wait for the reader") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the reader did not exit within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The settings that matter, comparable: `Termios` itself has no `PartialEq`.
fn settings(termios: &Termios) -> impl PartialEq + std::fmt::Debug {
    (
        termios.input_modes,
        termios.output_modes,
        termios.control_modes,
        termios.local_modes,
        termios.line_discipline,
        // Every control character (VINTR, VEOF, VMIN, ...), through its only public view.
        format!("{:?}", termios.special_codes),
        termios.input_speed(),
        termios.output_speed(),
    )
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

/// The reader running in a pseudo-terminal of its own, as a shell would start it.
struct Reader {
    child: Child,
    screen: Screen,
    keyboard: File,
    /// The terminal side, kept open to read its settings (until `finish` closes it).
    terminal: Option<OwnedFd>,
    /// Its settings before the reader started.
    before: Termios,
}

impl Reader {
    fn start(dir: &Path, work: &Path, cache: &Path) -> Reader {
        Reader::start_with(dir, work, cache, &[])
    }

    /// [`Reader::start`] with more environment variables (`BRIEF_OPENER`, `BRIEF_CONFIG`). Without
    /// them, no settings file and no opener of the machine's are used.
    fn start_with(dir: &Path, work: &Path, cache: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Reader {
        let (master, terminal) = open_pty();
        let before = rustix::termios::tcgetattr(&terminal).expect("tcgetattr");
        assert!(
            before.local_modes.contains(LocalModes::ICANON | LocalModes::ECHO),
            "a fresh terminal is cooked"
        );
        let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
        command
            .arg("--dir")
            .arg(dir)
            .current_dir(work)
            .env("TERM", "xterm-256color")
            .env("BRIEF_CACHE_DIR", cache)
            .env_remove("NO_COLOR")
            .env_remove("BRIEF_OPENER")
            .env("BRIEF_CONFIG", cache.join("no-settings.toml"))
            .envs(env.iter().copied())
            .stdin(Stdio::from(terminal.try_clone().unwrap()))
            .stdout(Stdio::from(terminal.try_clone().unwrap()))
            .stderr(Stdio::from(terminal.try_clone().unwrap()));
        // SAFETY: only system calls between fork and exec: a new session whose controlling terminal is the
        // pseudo-terminal, as a shell would give it.
        unsafe {
            command.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(BorrowedFd::borrow_raw(0))?;
                Ok(())
            });
        }
        let child = command.spawn().expect("run brief");
        // The command holds its copies of the terminal side until dropped.
        drop(command);
        let screen = Screen::read_from(File::from(master.try_clone().unwrap()));
        Reader { child, screen, keyboard: File::from(master), terminal: Some(terminal), before }
    }

    fn type_keys(&mut self, keys: &str) {
        self.keyboard.write_all(keys.as_bytes()).expect("type");
    }

    fn wait_for_text(&self, text: &str) {
        self.screen.wait_for_text(text);
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_for_no_text(&self, text: &str) {
        self.screen
            .wait(&format!("{text:?} gone from the screen"), |output| !output.contents().contains(text));
    }

    fn signal(&self, signal: rustix::process::Signal) {
        let pid = rustix::process::Pid::from_child(&self.child);
        rustix::process::kill_process(pid, signal).expect("signal the reader");
    }

    /// The process's state letter in /proc (`T` when stopped).
    fn state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        stat.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next()).unwrap_or('?')
    }

    fn wait_for_state(&self, wanted: char) {
        let deadline = Instant::now() + TIMEOUT;
        while self.state() != wanted {
            assert!(
                Instant::now() < deadline,
                "the reader's state stayed {:?}, not {wanted:?}",
                self.state()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The settings of the terminal now.
    fn settings_now(&self) -> Termios {
        rustix::termios::tcgetattr(self.terminal.as_ref().expect("the terminal is open")).expect("tcgetattr")
    }

    /// Waits until the terminal is as the reader found it: every setting it took (mouse, alternate
    /// screen, hidden cursor) given back after it was last taken, and the settings (termios) as before.
    fn wait_until_given_back(&self) {
        self.screen.wait("the terminal given back", |output| {
            let bytes = &output.bytes;
            let last = |sequence: &[u8]| bytes.windows(sequence.len()).rposition(|w| w == sequence);
            let given_back = |taken: &[u8], restored: &[u8]| {
                last(taken).is_some_and(|taken| last(restored).is_some_and(|at| at > taken))
            };
            let screen = output.terminal.screen();
            given_back(b"\x1b[?1000h", b"\x1b[?1000l")
                && given_back(b"\x1b[?1049h", b"\x1b[?1049l")
                && given_back(b"\x1b[?25l", b"\x1b[?25h")
                && !screen.alternate_screen()
                && !screen.hide_cursor()
                && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        });
        let after = self.settings_now();
        assert!(after.local_modes.contains(LocalModes::ICANON | LocalModes::ECHO), "cooked mode again");
        assert_eq!(settings(&after), settings(&self.before));
    }

    /// Waits for the reader to end, checks it gave the terminal back, and returns its exit status.
    fn finish(mut self) -> ExitStatus {
        let status = wait_for_exit(&mut self.child);
        self.wait_until_given_back();
        // Closing the last holder of the terminal side ends the reading thread.
        self.terminal = None;
        self.screen.wait("the terminal to close", |output| output.closed);
        status
    }
}

impl Drop for Reader {
    /// A test that failed leaves no reader behind (running, or stopped by Ctrl-Z).
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A copy of the seed folder with its articles, and a working directory, in a temporary directory.
fn seed_folder() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let temp = tempfile::tempdir().unwrap();
    // The briefings link their articles as ../assets/articles/...: keep that layout.
    let dir = temp.path().join("briefings");
    copy_folder(&root.join("briefings"), &dir);
    copy_folder(&root.join("assets/articles"), &temp.path().join("assets/articles"));
    let work = temp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    (temp, dir, work)
}

#[test]
fn terminating_signals_give_the_terminal_back() {
    use rustix::process::Signal;
    for (signal, number) in [(Signal::INT, 2), (Signal::TERM, 15), (Signal::HUP, 1), (Signal::QUIT, 3)] {
        let (temp, dir, work) = seed_folder();
        let mut reader = Reader::start(&dir, &work, &temp.path().join("cache"));
        reader.wait_for_text(" LIST ");
        // The search box open, the mouse captured: the reader holds everything it takes.
        reader.type_keys("/");
        reader.wait_for_text("words (all must match)");
        reader.signal(signal);
        let status = reader.finish();
        assert_eq!(status.code(), Some(128 + number), "{signal:?}: {status:?}");
    }
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    suspend_and_continue(|reader| reader.signal(rustix::process::Signal::TSTP));
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    // In raw mode the terminal sends no SIGTSTP for Ctrl-Z: the reader reads the key and stops itself.
    suspend_and_continue(|reader| reader.type_keys("\x1a"));
}

/// Suspends the reader with `stop`, checks the terminal is the shell's, continues it (as `fg` does) and
/// checks the reader has it again, in raw mode, and answers keys.
fn suspend_and_continue(stop: impl Fn(&mut Reader)) {
    let (temp, dir, work) = seed_folder();
    let mut reader = Reader::start(&dir, &work, &temp.path().join("cache"));
    reader.wait_for_text(" LIST ");
    let raw = reader.settings_now();
    assert!(!raw.local_modes.contains(LocalModes::ICANON), "the reader runs in raw mode");

    stop(&mut reader);
    reader.wait_for_state('T');
    reader.wait_until_given_back();

    let stopped_at = reader.screen.output.0.lock().unwrap().bytes.len();
    reader.signal(rustix::process::Signal::CONT);
    // Raw mode, the alternate screen and the mouse again, and every cell drawn anew.
    reader.screen.wait("the reader's screen again", |output| {
        let screen = output.terminal.screen();
        screen.alternate_screen()
            && screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && screen.contents().contains(" LIST ")
            && output.bytes.len() > stopped_at
    });
    assert_eq!(settings(&reader.settings_now()), settings(&raw), "raw mode as before the stop");
    // A key without Enter is read at once: raw mode indeed.
    reader.type_keys("j");
    reader.type_keys("q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");
}

#[test]
fn search_jump_export_and_quit_in_a_real_terminal() {
    let (temp, dir, work) = seed_folder();

    // What the same keys do to the reader's state, and the Markdown `brief export` writes for it.
    let mut app = App::new(Store::load(&dir).unwrap());
    let mut keys = vec![Action::Search];
    keys.extend("shells".chars().map(Action::SearchInput));
    keys.push(Action::Open);
    for action in keys {
        update_now(&mut app, action);
    }
    let Some(Effect::Export { briefing, force: false }) = update(&mut app, Action::Export) else {
        panic!("e exports")
    };
    let id = app.briefings()[briefing].id.clone();
    let title = app.briefings()[briefing].title.clone();
    let expected = export::to_markdown(briefing, &app.briefings(), &app.xref, &|_| true);

    let mut reader = Reader::start(&dir, &work, &temp.path().join("cache"));
    reader.wait_for_text("5 briefing(s)");
    reader.wait_for_text(" LIST ");
    reader.type_keys("/");
    reader.wait_for_text("words (all must match)");
    reader.type_keys("shells");
    reader.wait_for_text("/ shells");
    reader.wait_for_text("hit(s)");
    reader.type_keys("\r");
    reader.wait_for_text("hit 1/");
    reader.wait_for_text(" READ ");
    reader.type_keys("e");
    reader.wait_for_text(&format!("exported to ./{id}.md"));
    reader.type_keys("q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");

    let exported = std::fs::read_to_string(work.join(format!("{id}.md"))).expect("the exported file");
    assert_eq!(exported.lines().next(), Some(format!("# {}", export::escape(&title)).as_str()));
    assert_eq!(exported, expected, "the same Markdown as `brief export`");
}

#[test]
fn a_board_opens_filters_jumps_and_comes_back_by_keys_and_mouse() {
    let (temp, dir, work) = seed_folder();
    let mut reader = Reader::start(&dir, &work, &temp.path().join("cache"));
    reader.wait_for_text(" LIST ");
    // The boards open once the folder is indexed (off the loop: the list shows before).
    reader.wait_for_no_text("indexing…");
    reader.type_keys("Q");
    reader.wait_for_text("Questions 16 · 11 open");
    reader.type_keys("f");
    reader.type_keys("basis");
    reader.wait_for_text("filter: basis");
    reader.wait_for_text("Addressed later (l goes there)");
    // Enter keeps the filter, Enter again goes to the question, Esc comes back to the board.
    reader.type_keys("\r");
    reader.type_keys("\r");
    reader.wait_for_text(" READ ");
    reader.wait_for_text("Questions 3/3");
    reader.type_keys("\x1b");
    reader.wait_for_text("filter: basis");
    // A click on the name of the timeline in the title bar (SGR mouse report, 1-based cells).
    let (_, x, _) =
        brief::tui::boards::tabs(COLUMNS).into_iter().find(|(b, ..)| b.title() == "Timeline").unwrap();
    reader.type_keys(&format!("\x1b[<0;{};1M\x1b[<0;{};1m", x + 2, x + 2));
    reader.wait_for_text("Briefings and claims by month");
    reader.type_keys("q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");
}

/// Writes `count` briefings whose summaries hold `per` distinct words beginning with `z` each, every
/// one `times` times.
fn write_z_words(dir: &Path, count: usize, per: usize, times: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for b in 0..count {
        let words: Vec<String> = (0..per * times).map(|w| format!("z{:x}q", b * per + w % per)).collect();
        let text = format!(
            "schema = 1\nid = \"z-{b:05}\"\ntitle = \"Words {b}\"\nsummary = \"{}\"\nstatus = \"draft\"\n\n\
             [source]\noutlet = \"Wire\"\n",
            words.join(" ")
        );
        std::fs::write(dir.join(format!("z-{b:05}.toml")), text).unwrap();
    }
}

/// How long `brief search QUERY` takes with this build, every file read (no cache).
fn time_search(dir: &Path, query: &str) -> Duration {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--no-cache", "--dir"])
        .arg(dir)
        .args(["search", "-n", "1", "--", query])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    started.elapsed()
}

#[test]
fn esc_and_q_are_answered_while_a_long_search_runs() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("briefings");
    // 2,000 briefings holding 40,000 `z` words between them, each five times; each `z*` of the query
    // matches all of them, so the query below keeps a core busy for seconds.
    write_z_words(&dir, 2000, 20, 5);
    let query = ["z*"; 30].join(" ");
    // The search alone, on the same build: the cost the reader must not make the user wait for.
    let searching = time_search(&dir, &query).saturating_sub(time_search(&dir, "zone"));

    let mut reader = Reader::start(&dir, temp.path(), &temp.path().join("cache"));
    reader.wait_for_text(" LIST ");
    reader.type_keys("/");
    reader.wait_for_text("words (all must match)");
    reader.type_keys(&query);
    // Every key was taken (the whole query is in the box) and its search is running.
    reader.wait_for_text(&format!("/ {query}█"));
    reader.wait_for_text("searching…");
    let typed = Instant::now();
    reader.type_keys("\x1b");
    reader.screen.wait("the search box to close", |output| {
        let screen = output.contents();
        !screen.contains("searching…") && screen.contains(" LIST ")
    });
    let esc = typed.elapsed();
    let typed = Instant::now();
    reader.type_keys("q");
    let status = wait_for_exit(&mut reader.child);
    let q = typed.elapsed();
    assert!(status.success(), "{status:?}");
    reader.finish();
    eprintln!("the search alone: {searching:?}; Esc answered in {esc:?}, q in {q:?}");
    // Polling for the exit adds up to 10 ms; a reader that searched on its input path would answer only
    // once the search was done.
    assert!(esc + q < searching / 4, "Esc {esc:?} and q {q:?} against a search of {searching:?}");
    assert!(esc < Duration::from_millis(500) && q < Duration::from_millis(500), "Esc {esc:?}, q {q:?}");
}

/// The briefing the reader opens on, its file name in the export folder, and the Markdown `e` writes.
fn first_export(dir: &Path) -> (String, String) {
    let mut app = App::new(Store::load(dir).unwrap());
    let Some(Effect::Export { briefing, force: false }) = update(&mut app, Action::Export) else {
        panic!("e exports")
    };
    let name = export::file_name(&app.briefings()[briefing].id);
    (name, export::to_markdown(briefing, &app.briefings(), &app.xref, &|_| true))
}

#[test]
fn e_on_an_existing_file_asks_keeps_it_on_n_replaces_it_on_y_and_the_message_then_expires() {
    use std::os::unix::fs::PermissionsExt;
    let (temp, dir, work) = seed_folder();
    let (name, expected) = first_export(&dir);
    let existing = work.join(&name);
    std::fs::write(&existing, "the user's own notes\n").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o640)).unwrap();

    let mut reader = Reader::start(&dir, &work, &temp.path().join("cache"));
    reader.wait_for_text(" LIST ");
    // Export lists cross-references: it works once the folder is loaded and indexed.
    reader.wait_for_no_text("indexing…");
    let question = format!("./{name} exists: overwrite it? (y/n)");
    reader.type_keys("e");
    reader.wait_for_text(&question);
    reader.type_keys("n");
    reader.wait_for_text("not exported: the file is left as it was");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "the user's own notes\n", "n keeps the file");

    reader.type_keys("e");
    reader.wait_for_text(&question);
    reader.type_keys("y");
    let exported = format!("exported to ./{name}");
    reader.wait_for_text(&exported);
    let shown = Instant::now();
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), expected, "y replaces it with the export");
    let mode = std::fs::metadata(&existing).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the replaced file keeps its mode");

    // No key pressed: the running loop's timer takes the message away after a few seconds.
    reader.wait_for_no_text(&exported);
    let gone = shown.elapsed();
    assert!(gone >= Duration::from_secs(3), "the message went after {gone:?}, not when its time was up");
    reader.wait_for_text(" LIST ");
    reader.type_keys("q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");
    assert_eq!(std::fs::read_dir(&work).unwrap().count(), 1, "no temporary file left behind");
}

/// The standard base64 alphabet, decoded (the test's own, to check the reader's encoder).
fn base64_decode(text: &str) -> Vec<u8> {
    const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> = text
        .bytes()
        .filter(|&b| b != b'=')
        .map(|b| DIGITS.iter().position(|&d| d == b).expect("a base64 digit") as u32)
        .collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        out.extend(n.to_be_bytes()[1..chunk.len()].iter().copied());
    }
    out
}

/// The texts the reader has put on the clipboard so far (OSC 52 sequences in its output), decoded.
fn clipboard_writes(bytes: &[u8]) -> Vec<String> {
    const START: &[u8] = b"\x1b]52;c;";
    let mut writes = Vec::new();
    let mut rest = bytes;
    while let Some(at) = rest.windows(START.len()).position(|w| w == START) {
        rest = &rest[at + START.len()..];
        // A sequence not ended (with BEL) yet is still arriving.
        let Some(end) = rest.iter().position(|&b| b == b'\x07') else { break };
        let payload = std::str::from_utf8(&rest[..end]).expect("base64 is ASCII");
        writes.push(String::from_utf8(base64_decode(payload)).expect("the quote is UTF-8"));
        rest = &rest[end..];
    }
    writes
}

/// The hostile fixture alone in a folder: a `javascript:` source URL, quotes with escape sequences and
/// line breaks.
fn hostile_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("briefings");
    copy_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile"), &dir);
    (temp, dir)
}

/// A stand-in for the system's opener: it writes the arguments it was given, one a line, to the file
/// returned. Run through `/bin/sh`, so the fresh script is never executed itself.
fn recording_opener(temp: &Path) -> (std::ffi::OsString, std::path::PathBuf) {
    let script = temp.join("opener.sh");
    let record = temp.join("opened");
    let text = format!("printf '%s\\n' \"$@\" > '{0}.part' && mv '{0}.part' '{0}'\n", record.display());
    std::fs::write(&script, text).unwrap();
    (format!("/bin/sh {}", script.display()).into(), record)
}

#[test]
fn y_puts_the_neutralised_quote_on_the_clipboard_through_osc_52() {
    let (temp, dir) = hostile_folder();
    let mut reader = Reader::start(&dir, temp.path(), &temp.path().join("cache"));
    reader.wait_for_text(" LIST ");
    let copied = |screen: &Screen, count: usize| {
        screen.wait(&format!("{count} clipboard write(s)"), |output| {
            clipboard_writes(&output.bytes).len() == count
        });
        clipboard_writes(&screen.output.0.lock().unwrap().bytes)
    };
    // The figure: its quote holds ESC [31m and ESC [0m.
    reader.type_keys("l2y");
    let writes = copied(&reader.screen, 1);
    reader.wait_for_text("copied the quote (27 characters) to the clipboard");
    assert_eq!(writes, ["Twelve\u{241b}[31m red\u{241b}[0m shells."]);
    // The claim: its quote holds line breaks, which would end a one-line paste.
    reader.type_keys("4y");
    let writes = copied(&reader.screen, 2);
    assert_eq!(writes[1], "``` code fence ``` <img src=x onerror=alert(1)>");
    reader.type_keys("q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");
}

#[test]
fn o_refuses_a_source_url_that_is_not_http() {
    let (temp, dir) = hostile_folder();
    let (opener, record) = recording_opener(temp.path());
    let mut reader =
        Reader::start_with(&dir, temp.path(), &temp.path().join("cache"), &[("BRIEF_OPENER", &opener)]);
    reader.wait_for_text(" LIST ");
    reader.type_keys("O");
    reader.wait_for_text("the source URL is not a plain http(s) address: not opened");
    reader.type_keys("q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");
    assert!(!record.exists(), "the opener was run: {:?}", std::fs::read_to_string(&record));
}

#[test]
fn o_hands_the_source_url_to_the_opener_and_says_when_it_cannot_start() {
    let (temp, dir, work) = seed_folder();
    let app = App::new(Store::load(&dir).unwrap());
    let url = app.current_briefing().unwrap().source.url.clone().expect("the first seed has a source URL");
    let (opener, record) = recording_opener(temp.path());
    let mut reader =
        Reader::start_with(&dir, &work, &temp.path().join("cache"), &[("BRIEF_OPENER", &opener)]);
    reader.wait_for_text(" LIST ");
    reader.type_keys("O");
    reader.wait_for_text(&format!("opened {url}"));
    // The opener runs on its own; its record appears whole (renamed into place) when it is done.
    let deadline = Instant::now() + TIMEOUT;
    while !record.exists() {
        assert!(Instant::now() < deadline, "the opener never ran");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(std::fs::read_to_string(&record).unwrap(), format!("{url}\n"), "the URL, and only it");
    reader.type_keys("q");
    assert!(reader.finish().success());

    let missing = std::ffi::OsString::from("/nonexistent/opener --new-tab");
    let mut reader =
        Reader::start_with(&dir, &work, &temp.path().join("cache"), &[("BRIEF_OPENER", &missing)]);
    reader.wait_for_text(" LIST ");
    reader.type_keys("O");
    reader.wait_for_text("cannot open the source: /nonexistent/opener --new-tab: No such file");
    reader.type_keys("q");
    assert!(reader.finish().success());
}

#[test]
fn keys_from_the_settings_work_in_the_search_box_and_typed_letters_stay_text() {
    let (temp, dir, work) = seed_folder();
    let settings = temp.path().join("config.toml");
    std::fs::write(
        &settings,
        "[keys]\nquit = \"Q\"\nback = [\"Ctrl-g\", \"Esc\"]\nopen = [\"Ctrl-j\", \"Enter\"]\n",
    )
    .unwrap();
    let mut reader = Reader::start_with(
        &dir,
        &work,
        &temp.path().join("cache"),
        &[("BRIEF_CONFIG", settings.as_os_str())],
    );
    reader.wait_for_text(" LIST ");
    reader.type_keys("/");
    reader.wait_for_text("words (all must match)");
    // The box's hints show the keys in force.
    reader.wait_for_text("Ctrl-j/Enter jump to the hit · Ctrl-g/Esc cancel");
    reader.type_keys("Quiet");
    reader.wait_for_text("/ Quiet█");
    // Ctrl-g (back) cancels the search.
    reader.type_keys("\x07");
    reader.wait_for_no_text("/ Quiet");
    reader.type_keys("f");
    reader.wait_for_text("type to filter the list; Ctrl-j keeps it, Ctrl-g clears it");
    reader.type_keys("Q\x07Q");
    let status = reader.finish();
    assert!(status.success(), "{status:?}");
}

/// A first run (no cache) of a command with stderr on a terminal says how far it has got, on one line
/// it clears when done; stdout (a pipe) gets the list alone.
#[test]
fn a_first_run_shows_its_progress_on_a_terminal_and_clears_it() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("briefings");
    std::fs::create_dir(&dir).unwrap();
    let seeds: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings"))
        .unwrap()
        .map(|seed| std::fs::read_to_string(seed.unwrap().path()).unwrap())
        .collect();
    // Enough files that reading them lasts well past the moment the progress shows (60 ms).
    const COPIES: usize = 300;
    for n in 0..COPIES {
        let copy: String = seeds[n % seeds.len()]
            .lines()
            // No article, and no refs (they name the seeds' ids, which the copies do not keep).
            .filter(|line| !line.starts_with("article = ") && !line.starts_with("refs = "))
            .map(|line| format!("{line}\n"))
            .collect::<String>()
            .replacen("id = \"", &format!("id = \"copy-{n}-"), 1);
        std::fs::write(dir.join(format!("copy-{n:03}.toml")), copy).unwrap();
    }
    let (master, terminal) = open_pty();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["list", "--dir"])
        .arg(&dir)
        .env("BRIEF_CACHE_DIR", temp.path().join("cache"))
        .env("BRIEF_CONFIG", temp.path().join("no-settings.toml"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(terminal))
        .spawn()
        .expect("run brief");
    let screen = Screen::read_from(File::from(master));
    let mut listed = String::new();
    child.stdout.take().unwrap().read_to_string(&mut listed).unwrap();
    assert!(wait_for_exit(&mut child).success());
    screen.wait("stderr to close", |output| output.closed);
    assert_eq!(listed.lines().count(), COPIES + 1, "a header and a line per briefing: {listed}");
    let said = String::from_utf8(screen.output.0.lock().unwrap().bytes.clone()).unwrap();
    assert!(
        said.contains(&format!(" of {COPIES} files [")) || said.contains("building the search index"),
        "progress on the terminal: {said:?}"
    );
    assert!(said.starts_with("\r\u{1b}[2Kbrief: "), "{said:?}");
    assert!(said.ends_with("\r\u{1b}[2K"), "the line is cleared at the end: {said:?}");
}
