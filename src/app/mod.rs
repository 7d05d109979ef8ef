//! The terminal, the input thread and the calm main loop.
//!
//! - [`terminal`]: the guard that turns raw mode, the alternate screen,
//!   keyboard enhancement and mouse capture on, and always off again.
//! - [`input`]: the input thread (events stamped with `Instant::now()`) and
//!   the SIGTERM/SIGHUP thread.
//! - [`keymap`]: keys as data, per context.
//! - [`state`]: the app state machine; [`menus`] its menu screens,
//!   [`saves`] its save (high scores, resume, settings), [`levels`] the
//!   levels on offer and their locks.
//! - [`run`]: the loop that only draws when something changed.

pub mod cart_figures;
pub mod demo;
pub mod handle;
pub mod input;
pub mod keymap;
pub mod levels;
pub mod menus;
pub mod mouse;
pub mod name_entry;
pub mod play;
pub mod replay_view;
pub mod resolve;
pub mod run;
pub mod saves;
pub mod scores;
pub mod screen_loop;
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
        && let Err(e) = resolve::resolve(&state::catalog_levels(), name)
    {
        eprintln!("double11: {e}");
        return 2;
    }
    run::run(&options)
}

/// Attract mode (`double11 demo`): a bot plays on screen until a person
/// takes over; returns the exit code. See [`demo`].
pub fn run_demo(options: demo::DemoOptions) -> i32 {
    demo::run(options)
}

/// Plays a replay on screen (`double11 replay FILE`); returns the exit
/// code. See [`replay_view`].
pub fn run_replay(replay: crate::replay::Replay, options: Options) -> i32 {
    replay_view::run(replay, options)
}
