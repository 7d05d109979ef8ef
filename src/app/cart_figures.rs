//! What the shop and the checkout review show about the cart (or, while `B`
//! reviews a runway look, about that look) — its price
//! with the default picks, the "add ¥N more" hints and, while the review is
//! open, the best plan — worked out by the rules engine when the cart or
//! what the player holds changes, never while drawing.

use crate::game::{GameState, Overlay, Phase};
use crate::rules::{self, BestPlan, Hint, Order, Receipt};

/// The cart's figures, with the order they were worked out for.
#[derive(Debug, Clone, Default)]
pub struct CartFigures {
    order: Order,
    quote: Receipt,
    hints: Vec<Hint>,
    best: Option<BestPlan>,
}

impl CartFigures {
    /// Figures for `game` as it stands.
    pub fn of(game: &GameState) -> CartFigures {
        let mut figures = CartFigures::default();
        figures.refresh(game);
        figures
    }

    /// Brings the figures up to date with `game`: priced again only when the
    /// order the cart makes (lines, stock, limits, coupons, envelopes,
    /// wallet) has changed; the best plan only while the review is open.
    pub fn refresh(&mut self, game: &GameState) {
        if *game.phase() != Phase::Day {
            return;
        }
        let (order, _) = game.review_order();
        if order != self.order {
            self.quote = rules::quote(&order);
            self.hints = if order.lines.is_empty() {
                Vec::new()
            } else {
                rules::hints(&order)
            };
            self.best = None;
            self.order = order;
        }
        let review = matches!(game.day().overlay, Overlay::Review { .. });
        if review && self.best.is_none() {
            self.best = Some(rules::best_plan(&self.order));
        }
    }

    /// The cart priced with the default picks.
    pub fn quote(&self) -> &Receipt {
        &self.quote
    }

    /// The cart's "add ¥N more to save ¥M" hints, best first.
    pub fn hints(&self) -> &[Hint] {
        &self.hints
    }

    /// The cart's best plan (worked out while the review is open).
    pub fn best(&self) -> Option<&BestPlan> {
        self.best.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Event, Input, update};

    #[test]
    fn figures_follow_the_cart_and_the_best_plan_waits_for_the_review() {
        let mut g = crate::game::testing::in_the_shop("tutorial.toml", 3);
        let mut f = CartFigures::of(&g);
        assert_eq!(f.quote().pay.get(), 0);
        assert!(f.hints().is_empty() && f.best().is_none());
        for _ in 0..2 {
            update(&mut g, Event::Input(Input::AddToCart));
            update(&mut g, Event::Input(Input::Right));
        }
        f.refresh(&g);
        assert_eq!(*f.quote(), g.cart_quote());
        assert_eq!(f.hints(), g.cart_hints().as_slice());
        assert!(f.best().is_none(), "no best plan until the review opens");
        update(&mut g, Event::Input(Input::Checkout));
        f.refresh(&g);
        let best = f.best().expect("the review is open");
        assert_eq!(best.receipt, g.cart_best().receipt);
        // As the clock runs on (the crowd buying stock), they keep up.
        for _ in 0..600 {
            update(&mut g, Event::Tick);
            f.refresh(&g);
            assert_eq!(*f.quote(), g.cart_quote());
            assert_eq!(f.best().map(|b| &b.receipt), Some(&g.cart_best().receipt));
        }
    }
}
