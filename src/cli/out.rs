//! Every byte the commands print goes through here. Neither stream may stop a command with a panic
//! (`println!` and `eprintln!` panic when a write fails):
//! - stdout closed early (`brief list | head -1`) is a normal end: the command stops writing and exits
//!   as it would have;
//! - stderr write errors are ignored (`brief check DIR 2>&1 | grep -m1 error` closes it while errors
//!   are still being told): stderr is where a failure would be reported, so there is nowhere left to say
//!   it, and the work (a conversion, an export) must not be cut short by a reader that went away.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use super::Failure;

/// A line on stderr, like `eprintln!`, but a failed write is ignored (see the module's comment).
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::out::to_stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Text on stderr as it is (a progress line ends with `\r`, not a newline); a failed write is ignored.
pub(super) fn to_stderr(text: fmt::Arguments) {
    let _ = io::stderr().lock().write_fmt(text);
}

/// Writes to stdout; a closed pipe (`brief list | head`) is a normal end, not an error.
pub(super) fn print_out(text: &str) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Data(format!("cannot write to standard output: {e}"))),
    }
}
