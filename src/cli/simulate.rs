//! `double11 simulate`: N festivals headless with a bot, score statistics.

use std::io::Write;

use clap::Args;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::bot::{self, BotKind, Stats};
use crate::replay;

/// Options of `double11 simulate`.
#[derive(Debug, Clone, Args)]
pub struct SimulateArgs {
    /// The level: a shipped level (`2017` or `2017.toml`) or a level file.
    #[arg(long)]
    pub level: String,
    /// The bot: random, greedy, planner, masher (every lane every 80 ms) or
    /// idle (catches and buys nothing).
    #[arg(long, default_value = "greedy")]
    pub bot: BotKind,
    /// How many festivals (seeds S, S+1, …).
    #[arg(long, default_value_t = 100)]
    pub runs: u64,
    /// The first seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `double11 simulate`; returns the exit code.
pub(super) fn run(args: &SimulateArgs) -> i32 {
    let level = match replay::load_level(&args.level) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("double11 simulate: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let stats = bot::simulate(&level, args.bot, args.seed, args.runs);
    let out = if args.json {
        serde_json::to_string(&stats).unwrap_or_default() + "\n"
    } else {
        text(&args.level, &stats)
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    EXIT_OK
}

/// The statistics as a few lines of text.
fn text(level: &str, s: &Stats) -> String {
    let secs = s.elapsed().as_secs_f64();
    let rate = if secs > 0.0 {
        s.runs as f64 / secs
    } else {
        0.0
    };
    format!(
        "{level} · bot {bot} · {runs} festivals from seed {seed}\n\
         score   mean {mean}   p10 {p10}   p50 {p50}   p90 {p90}   (min {min}, max {max})\n\
         wins    {wins}/{runs} ({pct:.1}%): whole wishlist within budget; wishlist bought {wl}/{runs}\n\
         time    {secs:.3} s ({rate:.0} festivals/s)\n",
        bot = s.bot,
        runs = s.runs,
        seed = s.seed,
        mean = s.mean,
        p10 = s.p10,
        p50 = s.p50,
        p90 = s.p90,
        min = s.min,
        max = s.max,
        wins = s.wins,
        pct = s.win_percent(),
        wl = s.wishlist_complete,
    )
}
