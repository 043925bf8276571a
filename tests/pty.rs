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
use brief::tui::app::{Action, App, Effect, update};
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

/// Everything the reader wrote, collected by a thread until the terminal closes.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    closed: bool,
}

struct Screen {
    output: Arc<(Mutex<Output>, Condvar)>,
}

impl Screen {
    fn read_from(master: File) -> Screen {
        let output = Arc::new((Mutex::new(Output::default()), Condvar::new()));
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
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; the screen:\n{}",
                contents(&output.bytes)
            );
            output = changed.wait_timeout(output, left).unwrap().0;
        }
    }

    /// Waits until the screen shows `text`.
    fn wait_for_text(&self, text: &str) {
        self.wait(&format!("{text:?} on the screen"), |output| contents(&output.bytes).contains(text));
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.0.lock().unwrap().bytes.clone()
    }
}

/// The screen the bytes draw, as a terminal would show it.
fn emulate(bytes: &[u8]) -> vt100::Parser {
    let mut parser = vt100::Parser::new(ROWS.try_into().unwrap(), COLUMNS.try_into().unwrap(), 0);
    parser.process(bytes);
    parser
}

fn contents(bytes: &[u8]) -> String {
    emulate(bytes).screen().contents()
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

#[test]
fn search_jump_export_and_quit_in_a_real_terminal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let temp = tempfile::tempdir().unwrap();
    // The briefings link their articles as ../assets/articles/...: keep that layout.
    let dir = temp.path().join("briefings");
    copy_folder(&root.join("briefings"), &dir);
    copy_folder(&root.join("assets/articles"), &temp.path().join("assets/articles"));
    let work = temp.path().join("work");
    std::fs::create_dir(&work).unwrap();

    // What the same keys do to the reader's state, and the Markdown `brief export` writes for it.
    let mut app = App::new(Store::load(&dir).unwrap());
    let mut keys = vec![Action::Search];
    keys.extend("shells".chars().map(Action::SearchInput));
    keys.push(Action::Open);
    for action in keys {
        update(&mut app, action);
    }
    let Some(Effect::Export { briefing }) = update(&mut app, Action::Export) else { panic!("e exports") };
    let id = app.briefings()[briefing].id.clone();
    let title = app.briefings()[briefing].title.clone();
    let expected = export::to_markdown(briefing, &app.briefings(), &app.xref, &|_| true);

    let (master, terminal) = open_pty();
    let before = rustix::termios::tcgetattr(&terminal).expect("tcgetattr");
    assert!(before.local_modes.contains(LocalModes::ICANON | LocalModes::ECHO), "a fresh terminal is cooked");
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .arg("--dir")
        .arg(&dir)
        .current_dir(&work)
        .env("TERM", "xterm-256color")
        .env("BRIEF_CACHE_DIR", temp.path().join("cache"))
        .env_remove("NO_COLOR")
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
    let mut child = command.spawn().expect("run brief");
    // The command holds its copies of the terminal side until dropped.
    drop(command);
    let screen = Screen::read_from(File::from(master.try_clone().unwrap()));
    let mut keyboard = File::from(master);
    let mut type_keys = |keys: &str| keyboard.write_all(keys.as_bytes()).expect("type");

    screen.wait_for_text("5 briefing(s)");
    screen.wait_for_text(" LIST ");
    type_keys("/");
    screen.wait_for_text("words (all must match)");
    type_keys("shells");
    screen.wait_for_text("/ shells");
    screen.wait_for_text("hit(s)");
    type_keys("\r");
    screen.wait_for_text("hit 1/");
    screen.wait_for_text(" READ ");
    type_keys("e");
    screen.wait_for_text(&format!("exported to ./{id}.md"));
    type_keys("q");
    let status = wait_for_exit(&mut child);
    assert!(status.success(), "{status:?}");

    // The terminal's settings are back: canonical mode and echo on, everything else as before.
    let after = rustix::termios::tcgetattr(&terminal).expect("tcgetattr");
    assert!(after.local_modes.contains(LocalModes::ICANON | LocalModes::ECHO));
    assert_eq!(settings(&after), settings(&before));
    // Closing the last holder of the terminal side ends the reading thread.
    drop(terminal);
    screen.wait("the terminal to close", |output| output.closed);

    // Each setting the reader took is given back after it was last taken.
    let bytes = screen.bytes();
    let last = |sequence: &[u8]| bytes.windows(sequence.len()).rposition(|w| w == sequence);
    let given_back = |taken: &[u8], restored: &[u8]| {
        let taken = last(taken).unwrap_or_else(|| panic!("{:?} was sent", String::from_utf8_lossy(taken)));
        last(restored).is_some_and(|at| at > taken)
    };
    assert!(given_back(b"\x1b[?1000h", b"\x1b[?1000l"), "the mouse is released");
    assert!(given_back(b"\x1b[?1049h", b"\x1b[?1049l"), "the alternate screen is left");
    assert!(given_back(b"\x1b[?25l", b"\x1b[?25h"), "the cursor is shown");
    let terminal = emulate(&bytes);
    assert!(!terminal.screen().alternate_screen());
    assert!(!terminal.screen().hide_cursor());
    assert_eq!(terminal.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None);

    let exported = std::fs::read_to_string(work.join(format!("{id}.md"))).expect("the exported file");
    assert_eq!(exported.lines().next(), Some(format!("# {}", export::escape(&title)).as_str()));
    assert_eq!(exported, expected, "the same Markdown as `brief export`");
}
