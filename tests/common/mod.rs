//! Helpers shared by the integration tests. Each test binary that says
//! `mod common;` uses only some of them, hence `dead_code` is allowed.
#![allow(dead_code)]

pub mod app;
pub mod game;
pub mod orders;
#[cfg(unix)]
pub mod pty;

use std::process::{Command, Stdio};

/// The double11 binary under test, as a command to run.
pub fn double11() -> Command {
    Command::new(env!("CARGO_BIN_EXE_double11"))
}

/// Runs `cmd` with no terminal on stdin: it must exit with 1 and say one
/// line on stderr, which contains `says`.
pub fn fails_in_one_line(cmd: &mut Command, says: &str) {
    let out = cmd.stdin(Stdio::null()).output().expect("run double11");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(says), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
