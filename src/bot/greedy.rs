//! The greedy bot: plays every rain and catches everything it can; in the
//! shop buys the wishlist in order as items come on sale (the runway looks
//! with "buy now"), and checks out with the default picks as soon as the
//! cart holds something. No planning: thresholds are met by chance.

use super::shop::{self, idle_wake};
use super::{Bot, catch};
use crate::game::{GameState, Input, Overlay, Phase};

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub struct GreedyBot {
    /// Items it stopped trying to buy (refused over the credit line).
    given_up: Vec<usize>,
    /// Runway looks it already pressed "buy now" for.
    tried_looks: Vec<usize>,
}

impl GreedyBot {
    /// A new greedy bot.
    pub fn new() -> GreedyBot {
        GreedyBot::default()
    }

    fn shop(&mut self, state: &GameState) -> Option<Input> {
        let day = state.day();
        match &day.overlay {
            Overlay::Review { .. } => return Some(Input::Confirm),
            Overlay::Refused(_) => return Some(handle_refusal(state, &mut self.given_up)),
            Overlay::None => {}
        }
        let wish = shop::wishlist(state);
        if let Some(k) = shop::on_stage(state)
            && wish.contains(&k)
            && !shop::bought(state, k)
            && !self.tried_looks.contains(&k)
        {
            self.tried_looks.push(k);
            return Some(Input::BuyNow);
        }
        if let Some(i) = drop_given_up(state, &self.given_up) {
            return Some(i);
        }
        for &k in &wish {
            if shop::bought(state, k) || self.given_up.contains(&k) || day.in_cart(k) > 0 {
                continue;
            }
            if shop::addable(state, k)
                && let Some(i) = shop::add(state, k)
            {
                return Some(i);
            }
        }
        (!day.cart.is_empty()).then_some(Input::Checkout)
    }
}

/// On the refusal card: give up the items it names (or, over the credit
/// line, the last cart line) and close it.
pub(super) fn handle_refusal(state: &GameState, given_up: &mut Vec<usize>) -> Input {
    if let Some((items, over_credit)) = shop::refusal(state) {
        for k in items {
            if !given_up.contains(&k) {
                given_up.push(k);
            }
        }
        if over_credit {
            let last = state.day().cart.last().map(|c| c.item);
            let look = shop::on_stage(state);
            for k in last.into_iter().chain(look) {
                if !given_up.contains(&k) {
                    given_up.push(k);
                }
            }
        }
    }
    Input::Back
}

/// The next key that takes a given-up item out of the cart.
pub(super) fn drop_given_up(state: &GameState, given_up: &[usize]) -> Option<Input> {
    state
        .day()
        .cart
        .iter()
        .find(|c| given_up.contains(&c.item))
        .and_then(|c| shop::remove(state, c.item))
}

/// What every catching bot does outside the shop.
pub(super) fn outside_shop(state: &GameState) -> Option<Input> {
    match state.phase() {
        Phase::RainIntro | Phase::RainOver => Some(Input::Confirm),
        Phase::Rain => catch::catch_input(state),
        Phase::Opening => Some(Input::Skip),
        Phase::Day | Phase::Results => None,
    }
}

/// When a catching bot looks next.
pub(super) fn catching_wake(state: &GameState) -> Option<u64> {
    match state.phase() {
        Phase::Rain => catch::catch_wake(state),
        Phase::Day => idle_wake(state),
        Phase::Results => None,
        Phase::RainIntro | Phase::RainOver | Phase::Opening => Some(state.tick() + 1),
    }
}

impl Bot for GreedyBot {
    fn name(&self) -> &'static str {
        "greedy"
    }

    fn act(&mut self, state: &GameState) -> Option<Input> {
        match state.phase() {
            Phase::Day => self.shop(state),
            _ => outside_shop(state),
        }
    }

    fn wake(&mut self, state: &GameState) -> Option<u64> {
        catching_wake(state)
    }
}
