//! "What's missing": for a cart, the cheapest next steps that would save more
//! ("add ¥N more in pool X to save ¥M more"), for the shop's live hints.
//!
//! Each candidate (the next cross-store step of a pool, a store's own tier,
//! a store card or an envelope whose minimum is not reached) is checked by
//! pricing the cart again with that much more in the right store, so the
//! saving shown is what the engine would really give, interactions included.

use std::fmt;

use serde::Serialize;

use super::checkout::{Plan, checkout};
use super::model::{CartLine, CouponTarget, Id, Order, StoreDiscount, Tier};
use super::receipt::Receipt;
use super::refusal::{Refusal, Tool};
use crate::money::Fen;

/// What a hint would unlock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HintKind {
    /// The next step of a cross-store pool (or allowance pool).
    Pool {
        /// The pool's tier.
        tier: Tier,
        /// The pool's stores, by id.
        stores: Vec<Id>,
    },
    /// A store's own discount tier.
    StoreDiscount {
        /// The store's id.
        store: Id,
    },
    /// A store coupon or store envelope below its minimum.
    StoreCard {
        /// The coupon's id.
        coupon: Id,
    },
    /// A platform envelope below its minimum spend.
    Envelope {
        /// The envelope's id.
        envelope: Id,
    },
}

/// One way to save more by buying more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hint {
    /// What it unlocks.
    #[serde(flatten)]
    pub kind: HintKind,
    /// How much more to add (in the store or pool named).
    pub add: Fen,
    /// How much more the checkout would then take off.
    pub saves: Fen,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (add, saves) = (self.add, self.saves);
        match &self.kind {
            HintKind::Pool { tier, stores } => write!(
                f,
                "add {add} more in {} (every {} −{}) to save {saves} more",
                stores.join("+"),
                tier.every,
                tier.off
            ),
            HintKind::StoreDiscount { store } => {
                write!(f, "add {add} more in {store} to save {saves} more")
            }
            HintKind::StoreCard { coupon } => {
                write!(
                    f,
                    "add {add} more to use coupon {coupon} and save {saves} more"
                )
            }
            HintKind::Envelope { envelope } => {
                write!(
                    f,
                    "add {add} more to use envelope {envelope} and save {saves} more"
                )
            }
        }
    }
}

/// The hints for `order` with the default picks, cheapest first (then the
/// larger saving). Only steps that really save money are listed.
pub fn hints(order: &Order) -> Vec<Hint> {
    if order.lines.is_empty() {
        return Vec::new();
    }
    let receipt = checkout(order, &Plan::default());
    let mut candidates: Vec<(HintKind, usize)> = Vec::new();
    for pool in &receipt.pools {
        let stores = pool
            .stores
            .iter()
            .map(|&s| order.stores[s].id.clone())
            .collect();
        candidates.push((
            HintKind::Pool {
                tier: pool.tier,
                stores,
            },
            pool.stores[0],
        ));
    }
    for (s, store) in order.stores.iter().enumerate() {
        if store.discount.is_some() && order.lines.iter().any(|l| l.store == s) {
            candidates.push((
                HintKind::StoreDiscount {
                    store: store.id.clone(),
                },
                s,
            ));
        }
    }
    let first_plain_store = order
        .lines
        .iter()
        .find(|l| !l.flash_sale)
        .map_or(order.lines[0].store, |l| l.store);
    for refusal in &receipt.refused {
        let Refusal::BelowMinimum { tool, .. } = refusal else {
            continue;
        };
        match tool {
            Tool::Coupon(id) => {
                let target = order.coupons.iter().find(|c| c.id == id).map(|c| &c.target);
                if let Some(&CouponTarget::Store(s)) = target {
                    candidates.push((HintKind::StoreCard { coupon: id.clone() }, s));
                }
            }
            Tool::Envelope(id) => candidates.push((
                HintKind::Envelope {
                    envelope: id.clone(),
                },
                first_plain_store,
            )),
        }
    }
    let mut out: Vec<Hint> = candidates
        .into_iter()
        .filter_map(|(kind, store)| reach(order, &receipt, kind, store))
        .collect();
    out.sort_by(|a, b| a.add.cmp(&b.add).then(b.saves.cmp(&a.saves)));
    out
}

/// Most rounds of "add what is still missing" before a goal is given up:
/// each round can unlock a discount that lowers the amount again.
const MAX_ROUNDS: usize = 8;

/// Finds how much more in `store` reaches the goal `kind` names, and what
/// that saves, by pricing the cart again with more goods until it is met.
fn reach(order: &Order, now: &Receipt, kind: HintKind, store: usize) -> Option<Hint> {
    let mut add = missing(&kind, order, now, now, None)?;
    for _ in 0..MAX_ROUNDS {
        if add <= Fen::ZERO {
            return None;
        }
        let mut more = order.clone();
        more.lines.push(CartLine::new("\u{0}more", store, add, 1));
        let after = checkout(&more, &Plan::default());
        match missing(&kind, &more, now, &after, Some(order.lines.len())) {
            Some(still) => add += still,
            None => {
                let saves = (now.pay + add - after.pay).at_least_zero();
                return (saves > Fen::ZERO).then_some(Hint { kind, add, saves });
            }
        }
    }
    None
}

/// What is still missing for the goal `kind` in receipt `r` (of `order`),
/// compared with the receipt `base` without extra goods; `None` when the
/// goal is met. `phantom` is the index of the extra line, if any.
fn missing(
    kind: &HintKind,
    order: &Order,
    base: &Receipt,
    r: &Receipt,
    phantom: Option<usize>,
) -> Option<Fen> {
    match kind {
        HintKind::Pool { tier, .. } => {
            let before = base.pools.iter().find(|p| p.tier == *tier)?.earned;
            let pool = r.pools.iter().find(|p| p.tier == *tier)?;
            if phantom.is_some() && pool.earned > before {
                return None;
            }
            Some(tier.to_next_step(pool.threshold_amount))
        }
        HintKind::StoreDiscount { store } => {
            let s = order.stores.iter().position(|st| st.id == store)?;
            let discount = order.stores[s].discount?;
            let lines = || (0..order.lines.len()).filter(move |&i| order.lines[i].store == s);
            let taken = |rec: &Receipt| -> Fen {
                lines()
                    .filter(|&i| i < rec.lines.len())
                    .map(|i| rec.lines[i].store)
                    .sum()
            };
            if phantom.is_some() && taken(r) > taken(base) {
                return None;
            }
            let have: Fen = lines()
                .map(|i| r.lines[i].goods - r.lines[i].presale_bonus - r.lines[i].item_coupon)
                .sum();
            match discount {
                StoreDiscount::Once { min, .. } if have < min => Some(min - have),
                StoreDiscount::Once { .. } => None,
                StoreDiscount::Every(tier) => Some(tier.to_next_step(have)),
            }
        }
        HintKind::StoreCard { coupon: id } | HintKind::Envelope { envelope: id } => {
            r.refused.iter().find_map(|x| match x {
                Refusal::BelowMinimum { tool, short_by, .. } if tool.id() == &**id => {
                    Some(*short_by)
                }
                _ => None,
            })
        }
    }
}
