//! `double11 replay FILE [--verify]`: play a replay on screen, or re-run it
//! headless and check its score.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::replay::{Replay, ReplayError};

/// Exit code: the replay does not give the score it claims (or its level changed).
pub const EXIT_MISMATCH: i32 = 1;

/// Options of `double11 replay`.
#[derive(Debug, Clone, Args)]
pub struct ReplayArgs {
    /// The replay file (JSON).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Re-run it headless and check the score it claims (exit 1 if it
    /// differs); without it the replay plays on screen.
    #[arg(long)]
    pub verify: bool,
}

/// Runs `double11 replay`; returns the exit code.
pub(super) fn run(args: &ReplayArgs, global: &super::GlobalArgs) -> i32 {
    let replay = match Replay::read(&args.file) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("double11 replay: {}: {e}", args.file.display());
            return EXIT_BAD_INPUT;
        }
    };
    if args.verify {
        return verify(&args.file.display().to_string(), &replay);
    }
    crate::app::run_replay(
        replay,
        crate::app::Options {
            lang: global.lang,
            mono: global.no_color,
            ..crate::app::Options::default()
        },
    )
}

/// Re-runs `replay` and prints the result; returns the exit code.
fn verify(file: &str, replay: &Replay) -> i32 {
    let level = match replay.level() {
        Ok(l) => l,
        Err(e @ ReplayError::LevelChanged { .. }) => {
            eprintln!("double11 replay: {file}: {e}; it cannot be verified");
            return EXIT_MISMATCH;
        }
        Err(e) => {
            eprintln!("double11 replay: {file}: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let v = match replay.verify(&level) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("double11 replay: {file}: {e}");
            return EXIT_MISMATCH;
        }
    };
    let state = if v.finished { "finished" } else { "unfinished" };
    if v.ok() {
        println!(
            "{file}: {} seed {} · {} inputs · {state} at tick {} · score {} (verified)",
            replay.level,
            replay.seed,
            replay.inputs.len(),
            replay.end_tick,
            v.actual
        );
        EXIT_OK
    } else {
        println!("{file}: score {}", v.actual);
        eprintln!(
            "double11 replay: {file}: the replay claims {} but re-running it scores {}: \
             the score was not earned by these inputs",
            v.claimed, v.actual
        );
        EXIT_MISMATCH
    }
}
