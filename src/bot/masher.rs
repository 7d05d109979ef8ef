//! The masher: presses every lane every 80 ms through each rain, never
//! aiming, and shops like the greedy bot. It shows that mashing loses: the
//! balance test holds its caught money to at most half the aimed
//! catcher's.

use super::greedy::{GreedyBot, catching_wake};
use super::{Bot, catch};
use crate::game::{GameState, Input, Phase, TICKS_PER_SECOND};

/// Milliseconds between rounds of presses.
pub const EVERY_MS: u64 = 80;

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub struct MasherBot {
    shop: GreedyBot,
    /// The round of presses due next (round k at k × 80 ms of the rain).
    round: u64,
    /// The lane to press next in this round.
    lane: u8,
    /// The rain (by rains played) the rounds count in.
    rain: usize,
}

impl MasherBot {
    /// A new masher.
    pub fn new() -> MasherBot {
        MasherBot::default()
    }

    /// The rain tick of round `k` (rounded up to a whole tick).
    fn round_tick(k: u64) -> u64 {
        (k * EVERY_MS * TICKS_PER_SECOND).div_ceil(1000)
    }

    fn mash(&mut self, state: &GameState) -> Option<Input> {
        let r = state.rain()?;
        let rain = state.rains_played().len();
        if rain != self.rain {
            (self.rain, self.round, self.lane) = (rain, 0, 0);
        }
        while Self::round_tick(self.round + 1) <= r.elapsed {
            (self.round, self.lane) = (self.round + 1, 0);
        }
        if Self::round_tick(self.round) > r.elapsed || self.lane >= r.lanes {
            return None;
        }
        self.lane += 1;
        Some(Input::Lane(self.lane - 1))
    }
}

impl Bot for MasherBot {
    fn name(&self) -> &'static str {
        "masher"
    }

    fn act(&mut self, state: &GameState) -> Option<Input> {
        match state.phase() {
            Phase::Rain => self.mash(state),
            _ => self.shop.act(state),
        }
    }

    fn wake(&mut self, state: &GameState) -> Option<u64> {
        match (state.phase(), state.rain()) {
            (Phase::Rain, Some(r)) => {
                let due = if self.lane < r.lanes && Self::round_tick(self.round) > r.elapsed {
                    Self::round_tick(self.round)
                } else {
                    Self::round_tick(self.round + 1)
                };
                Some(catch::game_tick(state, r, due))
            }
            _ => catching_wake(state),
        }
    }
}
