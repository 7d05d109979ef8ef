//! The planner bot: catches everything like the greedy bot, then shops
//! with the rules engine.
//!
//! - It waits for the wishlist's flash sales to open (regular stock never
//!   sells out: the crowd buys at most its share), so the whole wishlist
//!   pools its thresholds in one checkout; runway looks are bought on stage.
//! - Before checking out it follows the cart's hints (`rules::hints`): an
//!   item in a hinted store is added when, priced with `rules::best_plan`,
//!   it is worth more score than it costs.
//! - It always pays with the best plan (`ToggleCard` in the review).
//! - With the wishlist done, it spends leftover envelopes on further
//!   checkouts while that scores more than it costs.
//!
//! The worth of a cart is estimated in score points from its best-plan
//! receipt: savings (50/yuan), envelope value used instead of expiring
//! (20/yuan), minus spending past the budget (50/yuan) and what the
//! wishlist lines pay (the near-best-plan bonus, 50/yuan).

use super::greedy::{catching_wake, drop_given_up, handle_refusal, outside_shop};
use super::{Bot, shop};
use crate::game::{CartEntry, GameState, Input, Overlay, Phase};
use crate::money::Fen;
use crate::rules::{self, CouponTarget, HintKind};

/// Most extra checkouts for leftover envelopes.
const MAX_EXTRA: usize = 6;
/// Most items added on the hints' advice per checkout.
const MAX_FILLERS: usize = 3;

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub struct PlannerBot {
    given_up: Vec<usize>,
    tried_looks: Vec<usize>,
    /// The cart it means to check out (None: not planned yet).
    plan: Option<Vec<CartEntry>>,
    /// Extra checkouts made for leftover envelopes.
    extra: usize,
    /// The day minute it last found nothing worth buying.
    idle_minute: Option<u16>,
}

impl PlannerBot {
    /// A new planner.
    pub fn new() -> PlannerBot {
        PlannerBot::default()
    }

    fn shop(&mut self, state: &GameState) -> Option<Input> {
        let day = state.day();
        match &day.overlay {
            Overlay::Review { best: false, .. } => return Some(Input::ToggleCard),
            Overlay::Review { best: true, .. } => {
                self.plan = None;
                return Some(Input::Confirm);
            }
            Overlay::Refused(_) => {
                self.plan = None;
                return Some(handle_refusal(state, &mut self.given_up));
            }
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
        if self.plan.is_none() {
            self.plan = self.make_plan(state, &wish);
        }
        let plan = self.plan.as_ref()?;
        // Take out what is not in the plan, then add what is missing.
        for c in &day.cart {
            let want = plan.iter().find(|p| p.item == c.item).map_or(0, |p| p.qty);
            if c.qty > want {
                return shop::remove(state, c.item);
            }
        }
        for p in plan {
            if day.in_cart(p.item) < p.qty {
                if !shop::addable(state, p.item) {
                    self.plan = None;
                    return None;
                }
                return shop::add(state, p.item);
            }
        }
        if day.cart.is_empty() {
            self.plan = None;
            return None;
        }
        Some(Input::Checkout)
    }

    /// The cart to check out now, if any.
    fn make_plan(&mut self, state: &GameState, wish: &[usize]) -> Option<Vec<CartEntry>> {
        let want = |k: usize| !shop::bought(state, k) && !self.given_up.contains(&k);
        let ready: Vec<usize> = wish
            .iter()
            .copied()
            .filter(|&k| want(k) && shop::addable(state, k))
            .collect();
        let waiting = wish.iter().any(|&k| want(k) && shop::opens_later(state, k));
        let day = state.day();
        let urgent = ready.iter().any(|&k| day.stock[k].flash.is_some());
        if !ready.is_empty() && (!waiting || urgent) {
            let mut cart: Vec<CartEntry> = ready.iter().map(|&k| entry(state, k)).collect();
            self.add_fillers(state, &mut cart);
            return Some(cart);
        }
        if !ready.is_empty() || waiting || self.extra >= MAX_EXTRA {
            return None;
        }
        if self.idle_minute == Some(day.minute) {
            return None;
        }
        // The wishlist is done: spend leftover envelopes if it pays.
        let mut cart = Vec::new();
        self.add_fillers(state, &mut cart);
        if cart.is_empty() {
            self.idle_minute = Some(day.minute);
            return None;
        }
        self.extra += 1;
        Some(cart)
    }

    /// Adds items while one is worth more than it costs (hinted stores first).
    fn add_fillers(&self, state: &GameState, cart: &mut Vec<CartEntry>) {
        let wish = shop::wishlist(state);
        for _ in 0..MAX_FILLERS {
            let base = worth(state, cart, &wish);
            let mut best: Option<(i64, usize)> = None;
            for k in self.candidates(state, cart, &wish) {
                let mut with = cart.clone();
                with.push(entry(state, k));
                let w = worth(state, &with, &wish);
                if w > base && best.is_none_or(|(b, _)| w > b) {
                    best = Some((w, k));
                }
            }
            let Some((_, k)) = best else { return };
            cart.push(entry(state, k));
        }
    }

    /// Items worth trying: those in the stores the hints name, or every
    /// buyable item when the cart is empty or an envelope is hinted.
    fn candidates(&self, state: &GameState, cart: &[CartEntry], wish: &[usize]) -> Vec<usize> {
        let level = state.level();
        let mut stores: Vec<usize> = Vec::new();
        let mut any = cart.is_empty();
        if !cart.is_empty() {
            let (order, _) = state.order_for(cart);
            for h in rules::hints(&order) {
                match &h.kind {
                    HintKind::Pool { stores: ids, .. } => {
                        stores.extend(ids.iter().filter_map(|id| level.store_index(id)));
                    }
                    HintKind::StoreDiscount { store } => stores.extend(level.store_index(store)),
                    HintKind::StoreCard { coupon } => {
                        let spec = level.coupons.iter().find(|c| c.id == coupon);
                        if let Some(CouponTarget::Store(s)) = spec.map(|c| &c.target) {
                            stores.push(*s);
                        }
                    }
                    HintKind::Envelope { .. } => any = true,
                }
            }
        }
        (0..level.items.len())
            .filter(|&k| !wish.contains(&k) && !self.given_up.contains(&k))
            .filter(|&k| !cart.iter().any(|c| c.item == k))
            .filter(|&k| shop::addable(state, k))
            .filter(|&k| {
                any || level
                    .store_index(&level.items[k].store)
                    .is_some_and(|s| stores.contains(&s))
            })
            .collect()
    }
}

/// One cart line for item `k`: its reserved lot, or one unit.
fn entry(state: &GameState, k: usize) -> CartEntry {
    let qty = state
        .reservations()
        .iter()
        .find(|r| r.item == k && !r.paid)
        .map_or(1, |r| r.qty);
    CartEntry { item: k, qty }
}

/// Points per yuan, in fen.
fn points(f: Fen, per_yuan: i64) -> i64 {
    f.0 * per_yuan / 100
}

/// What checking out `cart` with the best plan is worth, in score points
/// (see the module docs); refused carts are worth nothing.
fn worth(state: &GameState, cart: &[CartEntry], wish: &[usize]) -> i64 {
    if cart.is_empty() {
        return 0;
    }
    let (order, _) = state.order_for(cart);
    let r = rules::best_plan(&order).receipt;
    if r.is_refused() {
        return i64::MIN / 2;
    }
    let budget = state.level().wallet.budget;
    let before = (state.spent() - budget).at_least_zero();
    let after = (state.spent() + r.pay - budget).at_least_zero();
    let wish_pay: Fen = cart
        .iter()
        .zip(&r.lines)
        .filter(|(c, _)| wish.contains(&c.item))
        .map(|(_, l)| l.pay)
        .sum();
    points(r.saved(), 50) + points(r.envelope_value_used(), 20)
        - points(after - before, 50)
        - points(wish_pay, 50)
}

impl Bot for PlannerBot {
    fn name(&self) -> &'static str {
        "planner"
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
