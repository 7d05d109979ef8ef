//! double11: a terminal game about China's 11.11 shopping festival.
//!
//! One module per concept:
//! - [`money`]: integer fen, never floats.
//! - [`rules`]: the pure checkout engine, the best-plan solver and hints.
//! - [`scenario`]: `quote` scenario files, with file:line:column errors.
//! - [`level`]: festival level files.
//! - [`game`]: the pure, deterministic game core (`update(state, event)`).
//! - [`ui`]: views that only draw.
//! - [`save`]: the profile, high scores, stats and suspended game on disk.
//! - [`app`]: the terminal, the input thread and the calm main loop.
//! - [`bot`]: bots that play whole festivals (simulate, demo, balance).
//! - [`replay`]: replays (seed + time-stamped inputs), recording and playback.
//! - [`cli`]: the command line.

pub mod app;
pub mod bot;
pub mod cli;
pub mod game;
pub mod level;
pub mod money;
pub mod replay;
pub mod rules;
pub mod save;
pub mod scenario;
pub mod ui;
