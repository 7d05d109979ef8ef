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
use super::model::{CartLine, CouponTarget, Order, StoreDiscount, Tier};
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
        stores: Vec<String>,
    },
    /// A store's own discount tier.
    StoreDiscount {
        /// The store's id.
        store: String,
    },
    /// A store coupon or store envelope below its minimum.
    StoreCard {
        /// The coupon's id.
        coupon: String,
    },
    /// A platform envelope below its minimum spend.
    Envelope {
        /// The envelope's id.
        envelope: String,
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
    let mut candidates: Vec<(HintKind, usize, Fen)> = Vec::new();
    for pool in &receipt.pools {
        let add = pool.tier.to_next_step(pool.threshold_amount);
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
            add,
        ));
    }
    for (s, store) in order.stores.iter().enumerate() {
        let Some(discount) = store.discount else {
            continue;
        };
        let lines: Vec<usize> = (0..order.lines.len())
            .filter(|&i| order.lines[i].store == s)
            .collect();
        if lines.is_empty() {
            continue;
        }
        let have: Fen = lines
            .iter()
            .map(|&i| {
                receipt.lines[i].goods
                    - receipt.lines[i].presale_bonus
                    - receipt.lines[i].item_coupon
            })
            .sum();
        let add = match discount {
            StoreDiscount::Once { min, .. } if have < min => min - have,
            StoreDiscount::Once { .. } => continue,
            StoreDiscount::Every(tier) => tier.to_next_step(have),
        };
        candidates.push((
            HintKind::StoreDiscount {
                store: store.id.clone(),
            },
            s,
            add,
        ));
    }
    let first_plain_store = order
        .lines
        .iter()
        .find(|l| !l.flash_sale)
        .map_or(order.lines[0].store, |l| l.store);
    for refusal in &receipt.refused {
        let Refusal::BelowMinimum { tool, short_by, .. } = refusal else {
            continue;
        };
        match tool {
            Tool::Coupon(id) => {
                let Some(coupon) = order.coupons.iter().find(|c| &c.id == id) else {
                    continue;
                };
                if let CouponTarget::Store(s) = coupon.target {
                    candidates.push((HintKind::StoreCard { coupon: id.clone() }, s, *short_by));
                }
            }
            Tool::Envelope(id) => candidates.push((
                HintKind::Envelope {
                    envelope: id.clone(),
                },
                first_plain_store,
                *short_by,
            )),
        }
    }
    let mut out: Vec<Hint> = candidates
        .into_iter()
        .filter_map(|(kind, store, add)| {
            let saves = extra_saving(order, receipt.pay, store, add);
            (saves > Fen::ZERO).then_some(Hint { kind, add, saves })
        })
        .collect();
    out.sort_by(|a, b| a.add.cmp(&b.add).then(b.saves.cmp(&a.saves)));
    out.dedup_by(|a, b| a.kind == b.kind);
    out
}

/// What adding `add` of goods in store `store` takes off beyond itself.
fn extra_saving(order: &Order, pay_now: Fen, store: usize, add: Fen) -> Fen {
    if add <= Fen::ZERO {
        return Fen::ZERO;
    }
    let mut more = order.clone();
    more.lines.push(CartLine::new("\u{0}more", store, add, 1));
    let after = checkout(&more, &Plan::default());
    (pay_now + add - after.pay).at_least_zero()
}
