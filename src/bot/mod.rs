//! Bots that play whole festivals: for `double11 simulate`, the demo mode,
//! golden replays and the balance tests.
//!
//! A [`Bot`] looks at the game read-only (`&GameState`) and answers with one
//! [`Input`] at a time; it also says when it next wants to look
//! ([`Bot::wake`]), so the runner fast-forwards the game between decision
//! points instead of stepping every tick. Bots are deterministic: their only
//! randomness is a seeded [`GameRng`] (ChaCha8) of their own, and no
//! decision uses a float or a hash-map order.
//!
//! - [`random`]: random keys at a human-ish rate.
//! - [`greedy`]: catches everything it can, buys the wishlist in order and
//!   checks out with the default picks whenever it can.
//! - [`planner`]: catches everything, times the wishlist checkout to pool
//!   the thresholds, pays with the rules engine's best plan, adds items the
//!   hints say pay for themselves, and spends leftover envelopes.
//! - [`masher`]: presses every lane every 80 ms in the rain (shops like
//!   greedy): mashing must lose to aiming.
//! - [`idle`]: watches the rains and the day, catches and buys nothing.
//!
//! The catching bots aim: they press each envelope as it crosses the hit
//! line ([`catch`]), so their catches are perfect.
//!
//! [`run::run_festival`] plays one festival headless and returns the final
//! state with its [`crate::replay::Replay`]; [`demo::Demo`] plays festivals
//! back to back for the attract mode.

pub mod catch;
pub mod demo;
pub mod greedy;
pub mod idle;
pub mod masher;
pub mod planner;
pub mod random;
pub mod run;
pub mod shop;
pub mod stats;

use std::fmt;
use std::str::FromStr;

use crate::game::{GameRng, GameState, Input};

pub use demo::Demo;
pub use run::{run_festival, run_with};
pub use stats::{Stats, simulate};

/// A player that is not a person.
pub trait Bot {
    /// The bot's name (`"greedy"`).
    fn name(&self) -> &'static str;

    /// The next input to apply now, at `state.tick()`, or `None` when the
    /// bot has nothing (more) to do this tick. The runner applies the input
    /// and asks again.
    fn act(&mut self, state: &GameState) -> Option<Input>;

    /// The tick at which the bot next wants to look (after `state.tick()`),
    /// or `None` to be woken at the next change the game itself makes.
    fn wake(&mut self, state: &GameState) -> Option<u64>;
}

/// The bots there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BotKind {
    /// Random keys.
    Random,
    /// Catch everything, buy the wishlist in order, default picks.
    Greedy,
    /// Catch everything, plan the cart, best plan at checkout.
    Planner,
    /// Every lane every 80 ms in the rain; shops like greedy.
    Masher,
    /// Catches nothing, buys nothing.
    Idle,
}

impl BotKind {
    /// The playing bots, weakest first (the balance test ranks them).
    pub const ALL: [BotKind; 3] = [BotKind::Random, BotKind::Greedy, BotKind::Planner];

    /// Every bot there is, the rain tests' masher and idle included.
    pub const EVERY: [BotKind; 5] = [
        BotKind::Random,
        BotKind::Greedy,
        BotKind::Planner,
        BotKind::Masher,
        BotKind::Idle,
    ];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            BotKind::Random => "random",
            BotKind::Greedy => "greedy",
            BotKind::Planner => "planner",
            BotKind::Masher => "masher",
            BotKind::Idle => "idle",
        }
    }

    /// A new bot of this kind for a festival with `seed` (the random bot
    /// draws from its own stream derived from it).
    pub fn make(self, seed: u64) -> Box<dyn Bot> {
        match self {
            BotKind::Random => Box::new(random::RandomBot::new(seed)),
            BotKind::Greedy => Box::new(greedy::GreedyBot::new()),
            BotKind::Planner => Box::new(planner::PlannerBot::new()),
            BotKind::Masher => Box::new(masher::MasherBot::new()),
            BotKind::Idle => Box::new(idle::IdleBot),
        }
    }
}

impl fmt::Display for BotKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for BotKind {
    type Err = String;

    fn from_str(s: &str) -> Result<BotKind, String> {
        BotKind::EVERY
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("unknown bot {s:?} (random, greedy, planner, masher or idle)"))
    }
}

/// A bot's own random stream for a festival's seed (never the game's).
pub fn bot_rng(seed: u64) -> GameRng {
    GameRng::new(seed ^ 0x0b07_5eed_d0d0_1111)
}
