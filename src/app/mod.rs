//! The terminal, the input thread and the calm main loop.
//!
//! - [`terminal`]: the guard that turns raw mode, the alternate screen,
//!   keyboard enhancement and mouse capture on, and always off again.
//! - [`input`]: the input thread (events stamped with `Instant::now()`) and
//!   the SIGTERM/SIGHUP thread.
//! - [`keymap`]: keys as data, per context.
//! - [`state`]: the pure app state machine.
//! - [`run`]: the loop that only draws when something changed.

pub mod input;
pub mod keymap;
pub mod mouse;
pub mod play;
pub mod resolve;
pub mod run;
pub mod settings;
pub mod state;
pub mod terminal;

pub use state::{App, Options};

/// Plays the game in this terminal; returns the process exit code.
///
/// `level` starts that level at once; `seed` fixes the RNG. For the other
/// start-up options (`--lang`, `--no-color`) see [`run_with`].
pub fn run_play(level: Option<String>, seed: Option<u64>) -> i32 {
    run_with(Options {
        level,
        seed,
        ..Options::default()
    })
}

/// Plays the game with all start-up options. `NO_COLOR` is read here.
/// A `--level` that names no shipped level and no loadable file is refused
/// here, before the terminal is touched: one line on stderr, exit code 2.
pub fn run_with(mut options: Options) -> i32 {
    options.mono |= std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if let Some(name) = &options.level
        && let Err(e) = resolve::resolve(&state::shipped_levels(), name)
    {
        eprintln!("double11: {e}");
        return 2;
    }
    run::run(&options)
}
