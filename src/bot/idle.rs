//! The idle bot: starts every rain and watches it without pressing, skips
//! the opening and never buys anything. The floor every score is measured
//! against: it catches nothing and spends nothing.

use super::Bot;
use super::catch::game_tick;
use super::shop::idle_wake;
use crate::game::{GameState, Input, Phase};

/// See the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdleBot;

impl Bot for IdleBot {
    fn name(&self) -> &'static str {
        "idle"
    }

    fn act(&mut self, state: &GameState) -> Option<Input> {
        match state.phase() {
            Phase::RainIntro | Phase::RainOver => Some(Input::Confirm),
            Phase::Opening => Some(Input::Skip),
            Phase::Rain | Phase::Day | Phase::Results => None,
        }
    }

    fn wake(&mut self, state: &GameState) -> Option<u64> {
        match (state.phase(), state.rain()) {
            // The rain runs out (or its pool dries) on its own.
            (Phase::Rain, Some(r)) => Some(game_tick(state, r, r.duration)),
            (Phase::Day, _) => idle_wake(state),
            (Phase::Results, _) => None,
            _ => Some(state.tick() + 1),
        }
    }
}
