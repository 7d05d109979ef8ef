//! `double11 check FILE...`: validates level files. For each file: a syntax
//! error (the first one, with what was expected), else every semantic
//! problem at once, each as `FILE:LINE:COLUMN: message`; `FILE: ok` for a
//! good file. Exit 0 when every file is valid, 1 when one is not, 2 when a
//! file cannot be read.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED};
use crate::level::Level;

/// What checking one file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A valid level.
    Ok,
    /// Problems, one line each (`FILE:LINE:COL: message`).
    Invalid(Vec<String>),
    /// The file could not be read (why).
    Unreadable(String),
}

/// Checks one file.
pub fn check_file(path: &Path) -> Outcome {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Err(e) => Outcome::Unreadable(format!("{name}: cannot read: {e}")),
        Ok(text) => match Level::check_str(&text, &name) {
            Ok(_) => Outcome::Ok,
            Err(all) => Outcome::Invalid(all.iter().map(ToString::to_string).collect()),
        },
    }
}

/// Runs `double11 check FILES`; returns the exit code.
pub(super) fn run(files: &[PathBuf]) -> i32 {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut code = EXIT_OK;
    for path in files {
        match check_file(path) {
            Outcome::Ok => {
                let _ = writeln!(out, "{}: ok", path.display());
            }
            Outcome::Invalid(lines) => {
                for l in lines {
                    let _ = writeln!(out, "{l}");
                }
                code = code.max(EXIT_REFUSED);
            }
            Outcome::Unreadable(why) => {
                let _ = writeln!(err, "{why}");
                code = EXIT_BAD_INPUT;
            }
        }
    }
    code
}
