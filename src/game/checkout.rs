//! Checking out through the rules engine: the cart (or the look on the
//! runway) becomes a [`rules::Order`] with the wallet, the unused coupons and
//! the envelopes held; `rules::checkout` prices it; an accepted checkout
//! pays cash first then credit, spends the envelopes (partly, if so), uses
//! the coupons and the allowance, takes the stock and is recorded at the
//! clock time. A refused one shows every reason and keeps the cart.

use super::GameState;
use super::day::{CartEntry, NoticeKind, Overlay, Purchase, PurchaseLine, Refused};
use crate::level::{ClockTime, Level, StoreSpec};
use crate::rules::{
    self, BestPlan, CartLine, Coupon, CrossStore, Envelope, Festival, Hint, Order, Plan, Presale,
    Receipt, Refusal, Store, Wallet,
};

/// Which held coupons and envelopes an order's tools are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderMap {
    /// Order coupon index → index into the held coupons.
    pub coupons: Vec<usize>,
    /// Order envelope index → index into the held envelopes.
    pub envelopes: Vec<usize>,
}

/// The festival rules of a level, with the allowance balance held (`None`:
/// the level's starting balance).
pub fn festival(level: &Level, allowance: Option<crate::money::Fen>) -> Festival {
    let mut festival = level.festival.clone();
    if let (CrossStore::Allowance { balance, .. }, Some(held)) =
        (&mut festival.cross_store, allowance)
    {
        *balance = held;
    }
    festival
}

/// The level's stores as the rules engine sees them (same order).
pub fn stores(level: &Level) -> Vec<Store> {
    level.stores.iter().map(StoreSpec::rules).collect()
}

/// A coupon of the level as the rules engine sees it.
pub fn coupon(level: &Level, spec: usize) -> Coupon {
    level.coupons[spec].clone()
}

impl GameState {
    /// An order for `entries` with everything the player holds now.
    pub fn order_for(&self, entries: &[CartEntry]) -> (Order, OrderMap) {
        let level = &self.level;
        let mut map = OrderMap::default();
        let lines = entries
            .iter()
            .map(|c| {
                let it = &level.items[c.item];
                let s = &self.day.stock[c.item];
                CartLine {
                    item: it.id.clone(),
                    store: level.store_index(&it.store).unwrap_or(0),
                    price: self.day.price_of(level, c.item),
                    qty: i64::from(c.qty),
                    flash_sale: s.flash.is_some(),
                    presale: it.presale.map(|p| Presale {
                        deposit: p.deposit,
                        counts_as: p.counts_as,
                    }),
                    stock: Some(i64::from(s.left)),
                    limit: it.limit.map(|l| i64::from(l) - i64::from(s.player_bought)),
                }
            })
            .collect();
        let mut coupons = Vec::new();
        for (i, h) in self.coupons.iter().enumerate() {
            if !h.used {
                coupons.push(coupon(level, h.spec));
                map.coupons.push(i);
            }
        }
        let mut envelopes = Vec::new();
        for (i, e) in self.envelopes.iter().enumerate() {
            if !e.expired && e.value.0 > 0 {
                envelopes.push(Envelope {
                    id: e.id.clone(),
                    value: e.value,
                    min_spend: e.min_spend,
                    expired: false,
                });
                map.envelopes.push(i);
            }
        }
        let order = Order {
            festival: festival(level, self.purse.allowance),
            stores: stores(level),
            lines,
            coupons,
            envelopes,
            wallet: Wallet {
                balance: self.purse.balance,
                credit: self.purse.credit_left(),
            },
        };
        (order, map)
    }

    /// The cart as an order.
    pub fn cart_order(&self) -> (Order, OrderMap) {
        self.order_for(&self.day.cart)
    }

    /// The cart priced with the default picks (the live totals).
    pub fn cart_quote(&self) -> Receipt {
        rules::quote(&self.cart_order().0)
    }

    /// The cart's best plan.
    pub fn cart_best(&self) -> BestPlan {
        rules::best_plan(&self.cart_order().0)
    }

    /// "Add ¥N more to save ¥M": the cart's hints.
    pub fn cart_hints(&self) -> Vec<Hint> {
        if self.day.cart.is_empty() {
            return Vec::new();
        }
        rules::hints(&self.cart_order().0)
    }

    /// Lines that are not on sale right now.
    fn not_on_sale(&self, entries: &[CartEntry]) -> Vec<Refused> {
        entries
            .iter()
            .filter(|c| !self.day.on_sale(&self.level, c.item))
            .map(|c| Refused::NotOnSale {
                item: self.level.items[c.item].id.clone(),
                opens: self.day.stock[c.item].flash.map(|f| ClockTime(f.opens)),
            })
            .collect()
    }

    /// What the checkout review prices: the runway look bought now (one
    /// unit), or the cart.
    pub fn review_entries(&self) -> Vec<CartEntry> {
        match self.day.overlay {
            Overlay::Review {
                look: Some(item), ..
            } => vec![CartEntry { item, qty: 1 }],
            _ => self.day.cart.clone(),
        }
    }

    /// The order the checkout review prices (see [`GameState::review_entries`]).
    pub fn review_order(&self) -> (Order, OrderMap) {
        self.order_for(&self.review_entries())
    }

    /// Pays what the review shows: the look bought now, or the cart.
    pub(super) fn pay_review(&mut self, best: bool, look: Option<usize>) {
        let entries = self.review_entries();
        if entries.is_empty() {
            self.day.overlay = Overlay::None;
            return self.notify(NoticeKind::CartEmpty);
        }
        if self.buy(&entries, best, look.is_some()) && look.is_none() {
            self.day.cart.clear();
            self.day.cart_row = 0;
        }
    }

    /// "See now, buy now": opens the checkout review for one unit of the look
    /// on the runway (the same review, and the same checkout, as the cart's).
    pub(super) fn buy_now(&mut self) {
        let Some(item) = self.day.show.as_ref().and_then(|s| s.on_stage()) else {
            return;
        };
        self.day.overlay = Overlay::Review {
            best: false,
            look: Some(item),
        };
    }

    /// Checks out `entries`; true when it went through.
    fn buy(&mut self, entries: &[CartEntry], best: bool, runway: bool) -> bool {
        let mut refused = self.not_on_sale(entries);
        let (order, map) = self.order_for(entries);
        let plan = if best {
            rules::best_plan(&order).plan
        } else {
            Plan::default()
        };
        let receipt = rules::checkout(&order, &plan);
        refused.extend(receipt.refused.iter().filter_map(|r| match r {
            Refusal::OutOfStock { item, wanted, left } => Some(Refused::OutOfStock {
                item: item.clone(),
                wanted: *wanted,
                left: *left,
            }),
            Refusal::OverLimit {
                item,
                wanted,
                limit,
            } => Some(Refused::OverLimit {
                item: item.clone(),
                wanted: *wanted,
                limit: *limit,
            }),
            Refusal::OverCredit {
                total,
                available,
                short_by,
            } => Some(Refused::OverCredit {
                total: *total,
                available: *available,
                short_by: *short_by,
            }),
            _ => None,
        }));
        if !refused.is_empty() {
            self.day.overlay = Overlay::Refused(refused);
            return false;
        }
        self.apply_receipt(entries, &map, &receipt, runway);
        self.day.overlay = Overlay::None;
        true
    }

    fn apply_receipt(&mut self, entries: &[CartEntry], map: &OrderMap, r: &Receipt, runway: bool) {
        let minute = self.day.minute;
        let (cash, credit) = self.purse.pay(r.pay);
        for u in &r.envelopes_used {
            if let Some(&held) = map.envelopes.get(u.envelope) {
                let e = &mut self.envelopes[held];
                e.value = (e.value - u.used).at_least_zero();
            }
        }
        self.envelopes.retain(|e| e.value.0 > 0);
        for &c in &r.coupons_used {
            if let Some(&held) = map.coupons.get(c) {
                self.coupons[held].used = true;
            }
        }
        if let Some(a) = self.purse.allowance.as_mut() {
            *a = (*a - r.discounts.allowance).at_least_zero();
        }
        let mut lines = Vec::new();
        for (c, lr) in entries.iter().zip(&r.lines) {
            self.day.stock[c.item].player_buys(c.qty, minute);
            if let Some(res) = self
                .reservations
                .iter_mut()
                .find(|res| res.item == c.item && !res.paid)
            {
                res.paid = true;
            }
            lines.push(PurchaseLine {
                item: c.item,
                qty: c.qty,
                goods: lr.goods,
                pay: lr.pay,
                deposit: lr.deposit,
            });
        }
        self.day.purchases.push(Purchase {
            minute,
            lines,
            goods: r.goods,
            saved: r.saved(),
            pay: r.pay,
            cash,
            credit,
            envelopes_used: r.envelope_value_used(),
            runway,
        });
        self.notify(NoticeKind::Paid {
            pay: r.pay,
            saved: r.saved(),
        });
    }
}
