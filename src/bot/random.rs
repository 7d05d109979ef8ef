//! The random bot: a key every 0.2–0.6 s of game time, drawn from the keys
//! that matter in the phase on screen (never pause). It starts every rain
//! after a moment on its card, mashes lanes, and wanders the shop adding,
//! removing and checking out at random.

use super::{Bot, bot_rng};
use crate::game::{GameRng, GameState, Input, Phase};

/// Ticks between keys: 12..=36 (0.2–0.6 s).
const GAP: (u64, u64) = (12, 36);

/// Shop keys and their weights.
const SHOP_KEYS: [(Input, u32); 11] = [
    (Input::Up, 6),
    (Input::Down, 8),
    (Input::NextTab, 3),
    (Input::PrevTab, 2),
    (Input::AddToCart, 6),
    (Input::RemoveFromCart, 2),
    (Input::Checkout, 2),
    (Input::Confirm, 3),
    (Input::Back, 2),
    (Input::ToggleCard, 1),
    (Input::BuyNow, 2),
];

/// See the module docs.
#[derive(Debug, Clone)]
pub struct RandomBot {
    rng: GameRng,
    /// The tick of its next key.
    next: u64,
}

impl RandomBot {
    /// A random bot whose stream is derived from the festival's seed.
    pub fn new(seed: u64) -> RandomBot {
        RandomBot {
            rng: bot_rng(seed),
            next: 0,
        }
    }

    fn key(&mut self, state: &GameState) -> Option<Input> {
        match state.phase() {
            Phase::RainIntro | Phase::RainOver => Some(Input::Confirm),
            Phase::Rain => {
                let lanes = state.rain().map_or(1, |r| u64::from(r.lanes.max(1)));
                Some(Input::Lane(self.rng.below(lanes) as u8))
            }
            Phase::Opening | Phase::Results => None,
            Phase::Day => {
                let k = self.rng.weighted(SHOP_KEYS.iter().map(|(_, w)| *w))?;
                Some(SHOP_KEYS[k].0.clone())
            }
        }
    }
}

impl Bot for RandomBot {
    fn name(&self) -> &'static str {
        "random"
    }

    fn act(&mut self, state: &GameState) -> Option<Input> {
        if state.tick() < self.next || state.is_over() {
            return None;
        }
        self.next = state.tick() + self.rng.between(GAP.0, GAP.1);
        self.key(state)
    }

    fn wake(&mut self, state: &GameState) -> Option<u64> {
        if state.is_over() {
            return None;
        }
        Some(self.next.max(state.tick() + 1))
    }
}
