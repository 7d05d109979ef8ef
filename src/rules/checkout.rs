//! The checkout: one merged payment, priced step by step in the order of the
//! 2020 Tmall consumer rules. See the crate's `rules` module docs for the
//! decided fine points; every one of them is marked here where it applies.

use std::cmp::Reverse;

use super::model::{CouponKind, CouponTarget, CrossStore, Order, ThresholdBasis, Tier};
use super::receipt::{EnvelopeUse, LineReceipt, PoolReceipt, Receipt};
use super::refusal::{Refusal, Tool};
use super::split::split_into;
use crate::money::Fen;

/// Which tools a checkout uses. `None` in a field means the default pick of
/// the rules (what the real checkout page pre-selects).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Per cart line, the item coupon to apply (index into the coupons).
    pub item_coupons: Option<Vec<Option<usize>>>,
    /// Per store, the store coupon or store envelope to apply.
    pub store_cards: Option<Vec<Option<usize>>>,
    /// Per envelope, whether it may be used. Allowed envelopes still go in the
    /// one fixed order and still need their minimum.
    pub envelopes: Option<Vec<bool>>,
}

impl Plan {
    /// The default picks everywhere.
    pub fn default_picks() -> Plan {
        Plan::default()
    }
}

/// Prices `order` with the default picks.
pub fn quote(order: &Order) -> Receipt {
    checkout(order, &Plan::default())
}

/// Prices `order` with the tools `plan` chooses.
pub fn checkout(order: &Order, plan: &Plan) -> Receipt {
    checkout_in_order(order, plan, &envelope_order(order))
}

/// [`checkout`] with the envelopes' fixed order already worked out (the
/// best-plan search prices one order several times).
pub(crate) fn checkout_in_order(order: &Order, plan: &Plan, envelope_order: &[usize]) -> Receipt {
    let mut ledger = Ledger::new(order);
    ledger.refuse_stock_and_limits(order);
    ledger.item_coupons(order, plan.item_coupons.as_deref());
    ledger.store_discounts(order);
    ledger.store_cards(order, plan.store_cards.as_deref());
    ledger.cross_store(order);
    ledger.envelopes(order, plan.envelopes.as_deref(), envelope_order);
    ledger.finish(order)
}

/// The running state of one checkout: every line's amount and floor, and the
/// receipt being written.
#[derive(Debug, Clone)]
pub(crate) struct Ledger {
    /// What each line still costs, deposits included.
    pub(crate) amount: Vec<Fen>,
    /// Below this a line never goes: its presale deposits (else 0).
    pub(crate) floor: Vec<Fen>,
    /// Each line's amount after step 2 (the `after_item` threshold basis).
    after_item: Vec<Fen>,
    pub(crate) receipt: Receipt,
    scratch_weights: Vec<Fen>,
    scratch_floors: Vec<Fen>,
    scratch_shares: Vec<Fen>,
}

/// How step 4 picks a store's card.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CardPick {
    /// The rules' default: the larger saving, ties to file order.
    Default,
    /// This card (if its minimum is reached), or none.
    This(Option<usize>),
}

/// Which receipt column a step writes.
#[derive(Clone, Copy)]
enum Column {
    Store,
    StoreCard,
    CrossStore,
    Allowance,
    Envelopes,
}

impl Ledger {
    /// Step 1: festival price × quantity, less any presale bonus.
    pub(crate) fn new(order: &Order) -> Ledger {
        let n = order.lines.len();
        let mut amount = Vec::with_capacity(n);
        let mut floor = Vec::with_capacity(n);
        let mut lines = Vec::with_capacity(n);
        for line in &order.lines {
            let a = line.step1_amount();
            amount.push(a);
            floor.push(line.deposits().min(a));
            lines.push(LineReceipt {
                goods: line.goods(),
                presale_bonus: line.goods() - a,
                deposit: line.deposits().min(a),
                ..LineReceipt::default()
            });
        }
        Ledger {
            after_item: amount.clone(),
            amount,
            floor,
            receipt: Receipt {
                lines,
                ..Receipt::default()
            },
            scratch_weights: Vec::with_capacity(n),
            scratch_floors: Vec::with_capacity(n),
            scratch_shares: Vec::with_capacity(n),
        }
    }

    /// What line `i` can still lose before reaching its floor.
    fn reducible(&self, i: usize) -> Fen {
        self.amount[i] - self.floor[i]
    }

    fn lines_amount(&self, lines: &[usize]) -> Fen {
        lines.iter().map(|&i| self.amount[i]).sum()
    }

    /// Stock and purchase limits refuse the whole checkout.
    pub(crate) fn refuse_stock_and_limits(&mut self, order: &Order) {
        for line in &order.lines {
            if let Some(left) = line.stock
                && line.qty > left
            {
                self.receipt.refused.push(Refusal::OutOfStock {
                    item: line.item.clone(),
                    wanted: line.qty,
                    left: left.max(0),
                });
            }
            if let Some(limit) = line.limit
                && line.qty > limit
            {
                self.receipt.refused.push(Refusal::OverLimit {
                    item: line.item.clone(),
                    wanted: line.qty,
                    limit,
                });
            }
        }
    }

    /// Takes `discount` off `lines` (fine points 4 and 5): capped at what the
    /// lines have left above their floors, split in proportion to their
    /// amounts by largest remainder; a share that would push a line below its
    /// floor is lost. Returns what actually came off.
    fn take(&mut self, lines: &[usize], discount: Fen, column: Column) -> Fen {
        self.scratch_weights.clear();
        self.scratch_weights
            .extend(lines.iter().map(|&i| self.amount[i]));
        let mut floors = std::mem::take(&mut self.scratch_floors);
        floors.clear();
        floors.extend(lines.iter().map(|&i| self.floor[i]));
        let mut shares = std::mem::take(&mut self.scratch_shares);
        let taken = capped_shares(discount, &self.scratch_weights, &floors, &mut shares);
        for (&i, &share) in lines.iter().zip(&shares) {
            self.amount[i] -= share;
            let rec = &mut self.receipt.lines[i];
            match column {
                Column::Store => rec.store += share,
                Column::StoreCard => rec.store_card += share,
                Column::CrossStore => rec.cross_store += share,
                Column::Allowance => rec.allowance += share,
                Column::Envelopes => rec.envelopes += share,
            }
        }
        self.scratch_shares = shares;
        self.scratch_floors = floors;
        taken
    }

    /// Step 2: at most one item coupon per line, `min` against the line's
    /// step-1 amount, `off` once (fine point 3).
    pub(crate) fn item_coupons(&mut self, order: &Order, chosen: Option<&[Option<usize>]>) {
        let mut used = vec![false; order.coupons.len()];
        for i in 0..order.lines.len() {
            let pick = match chosen {
                Some(choice) => choice.get(i).copied().flatten(),
                None => {
                    let mut best: Option<(usize, Fen)> = None;
                    for (c, &taken) in used.iter().enumerate() {
                        if taken || !self.item_coupon_fits(order, i, c) {
                            continue;
                        }
                        let saving = order.coupons[c].off.min(self.reducible(i));
                        if best.is_none_or(|(_, b)| saving > b) {
                            best = Some((c, saving));
                        }
                    }
                    best.map(|(c, _)| c)
                }
            };
            if let Some(c) = pick
                && !used[c]
                && self.apply_item_coupon(order, i, c)
            {
                used[c] = true;
            }
        }
        // An item coupon whose item is in the cart but whose minimum no line
        // of that item reaches is refused with what is missing.
        for (c, coupon) in order.coupons.iter().enumerate() {
            let CouponTarget::Item(item) = &coupon.target else {
                continue;
            };
            if used[c] {
                continue;
            }
            let best_line = order
                .lines
                .iter()
                .filter(|l| l.item == item)
                .map(|l| l.step1_amount())
                .max();
            if let Some(have) = best_line
                && have < coupon.min
            {
                self.receipt.refused.push(Refusal::BelowMinimum {
                    tool: Tool::Coupon(coupon.id.clone()),
                    min: coupon.min,
                    have,
                    short_by: coupon.min - have,
                });
            }
        }
        self.mark_after_item();
    }

    /// Whether item coupon `c` may go on line `i` and would take money off:
    /// its item, its minimum on the line's step-1 amount, room left.
    pub(crate) fn item_coupon_fits(&self, order: &Order, i: usize, c: usize) -> bool {
        let coupon = &order.coupons[c];
        coupon.kind == CouponKind::ItemCoupon
            && matches!(&coupon.target, CouponTarget::Item(it) if *it == order.lines[i].item)
            && coupon.min <= order.lines[i].step1_amount()
            && coupon.off > Fen::ZERO
            && self.reducible(i) > Fen::ZERO
            && self.receipt.lines[i].item_coupon_used.is_none()
    }

    /// Puts item coupon `c` on line `i` if it fits; returns whether it did.
    pub(crate) fn apply_item_coupon(&mut self, order: &Order, i: usize, c: usize) -> bool {
        if !self.item_coupon_fits(order, i, c) {
            return false;
        }
        let saving = order.coupons[c].off.min(self.reducible(i));
        self.amount[i] -= saving;
        self.receipt.lines[i].item_coupon = saving;
        self.receipt.lines[i].item_coupon_used = Some(c);
        self.receipt.discounts.item_coupons += saving;
        self.receipt.coupons_used.push(c);
        true
    }

    /// Line `i`'s amount after step 2.
    pub(crate) fn after_item_of(&self, i: usize) -> Fen {
        self.after_item[i]
    }

    /// Marks the end of step 2: the amounts now are the `after_item` basis.
    pub(crate) fn mark_after_item(&mut self) {
        self.after_item.clone_from(&self.amount);
    }

    /// A ledger whose steps 1–4 are already done: `after_item` and `amount`
    /// per line (used by the best-plan search, which prices stores apart).
    pub(crate) fn with_amounts(order: &Order, after_item: &[Fen], amount: &[Fen]) -> Ledger {
        let mut ledger = Ledger::new(order);
        ledger.after_item.copy_from_slice(after_item);
        ledger.amount.copy_from_slice(amount);
        ledger
    }

    /// The indices of store `s`'s lines.
    pub(crate) fn store_lines(order: &Order, s: usize) -> Vec<usize> {
        (0..order.lines.len())
            .filter(|&i| order.lines[i].store == s)
            .collect()
    }

    /// Every store's lines, by store index.
    fn lines_by_store(order: &Order) -> Vec<Vec<usize>> {
        let mut by_store = vec![Vec::new(); order.stores.len()];
        for (i, line) in order.lines.iter().enumerate() {
            by_store[line.store].push(i);
        }
        by_store
    }

    /// Step 3: each store's own discount, measured on its lines after step 2.
    pub(crate) fn store_discounts(&mut self, order: &Order) {
        for (s, lines) in Self::lines_by_store(order).iter().enumerate() {
            self.store_discount(order, s, lines);
        }
    }

    /// Step 3 for store `s`, whose lines are `lines`.
    pub(crate) fn store_discount(&mut self, order: &Order, s: usize, lines: &[usize]) {
        let Some(discount) = order.stores[s].discount else {
            return;
        };
        if lines.is_empty() {
            return;
        }
        let earned = discount.discount(self.lines_amount(lines));
        let taken = self.take(lines, earned, Column::Store);
        self.receipt.discounts.store += taken;
    }

    /// Step 4: per store one store coupon or one store envelope, its `min`
    /// on the store after step 3 (fine point 2). Default: the larger saving.
    pub(crate) fn store_cards(&mut self, order: &Order, chosen: Option<&[Option<usize>]>) {
        for (s, lines) in Self::lines_by_store(order).iter().enumerate() {
            let pick = match chosen {
                Some(choice) => CardPick::This(choice.get(s).copied().flatten()),
                None => CardPick::Default,
            };
            self.store_card(order, s, lines, pick, true);
        }
    }

    /// Step 4 for store `s`. Refuses the cards whose minimum is not reached
    /// (when `report`), then applies the picked one. Returns what came off.
    pub(crate) fn store_card(
        &mut self,
        order: &Order,
        s: usize,
        lines: &[usize],
        pick: CardPick,
        report: bool,
    ) -> Fen {
        if lines.is_empty() {
            return Fen::ZERO;
        }
        let have = self.lines_amount(lines);
        let room: Fen = lines.iter().map(|&i| self.reducible(i)).sum();
        let mut best: Option<(usize, Fen)> = None;
        for (c, coupon) in order.coupons.iter().enumerate() {
            if !coupon.kind.is_store_card() || coupon.target != CouponTarget::Store(s) {
                continue;
            }
            if coupon.min > have {
                if report {
                    self.receipt.refused.push(Refusal::BelowMinimum {
                        tool: Tool::Coupon(coupon.id.clone()),
                        min: coupon.min,
                        have,
                        short_by: coupon.min - have,
                    });
                }
                continue;
            }
            let saving = coupon.off.min(room);
            if saving > Fen::ZERO && best.is_none_or(|(_, b)| saving > b) {
                best = Some((c, saving));
            }
        }
        let pick = match pick {
            CardPick::This(c) => c.filter(|&c| {
                let coupon = &order.coupons[c];
                coupon.kind.is_store_card()
                    && coupon.target == CouponTarget::Store(s)
                    && coupon.min <= have
            }),
            CardPick::Default => best.map(|(c, _)| c),
        };
        let Some(c) = pick else {
            return Fen::ZERO;
        };
        let taken = self.take(lines, order.coupons[c].off, Column::StoreCard);
        if taken > Fen::ZERO {
            self.receipt.discounts.store_cards += taken;
            self.receipt.coupons_used.push(c);
        }
        taken
    }

    /// Step 5 and 6: cross-store 满减 (or the allowance), pooled by identical
    /// tier, apportioned with the zero floor.
    pub(crate) fn cross_store(&mut self, order: &Order) {
        let pools = pools(order);
        let mut allowance_left = match order.festival.cross_store {
            CrossStore::Allowance { balance, .. } => Some(balance),
            _ => None,
        };
        let mut members = Vec::new();
        for (tier, stores) in pools {
            members.clear();
            members
                .extend((0..order.lines.len()).filter(|&i| stores.contains(&order.lines[i].store)));
            let basis = match order.festival.threshold_basis {
                ThresholdBasis::AfterItem => &self.after_item,
                ThresholdBasis::AfterCards => &self.amount,
            };
            let threshold_amount: Fen = members.iter().map(|&i| basis[i]).sum();
            let earned = tier.discount(threshold_amount);
            let (taken, allowance) = match allowance_left.as_mut() {
                Some(left) => {
                    let taken = self.take(&members, earned.min(*left), Column::Allowance);
                    *left -= taken;
                    self.receipt.discounts.allowance += taken;
                    (taken, true)
                }
                None => {
                    let taken = self.take(&members, earned, Column::CrossStore);
                    self.receipt.discounts.cross_store += taken;
                    (taken, false)
                }
            };
            self.receipt.pools.push(PoolReceipt {
                tier,
                stores,
                threshold_amount,
                earned,
                taken,
                allowance,
            });
        }
    }

    /// Step 7: platform envelopes in their fixed order (fine point 6, as
    /// [`envelope_order`] gives it), each with its `min_spend` on what the
    /// non-flash lines still have to pay.
    pub(crate) fn envelopes(
        &mut self,
        order: &Order,
        allowed: Option<&[bool]>,
        envelope_order: &[usize],
    ) {
        let eligible: Vec<usize> = (0..order.lines.len())
            .filter(|&i| !order.lines[i].flash_sale)
            .collect();
        let limit = order.festival.envelope_limit;
        // What the eligible lines still have to pay; each envelope lowers it
        // by what it took.
        let mut left: Fen = eligible.iter().map(|&i| self.reducible(i)).sum();
        // Most envelopes of a big wallet end up refused: one allocation.
        self.receipt.refused.reserve(envelope_order.len());
        for &e in envelope_order {
            let envelope = &order.envelopes[e];
            let tool = || Tool::Envelope(envelope.id.clone());
            if envelope.expired {
                self.receipt.refused.push(Refusal::Expired { tool: tool() });
                continue;
            }
            if left < envelope.min_spend {
                self.receipt.refused.push(Refusal::BelowMinimum {
                    tool: tool(),
                    min: envelope.min_spend,
                    have: left,
                    short_by: envelope.min_spend - left,
                });
                continue;
            }
            let may_use = allowed.is_none_or(|a| a.get(e).copied().unwrap_or(false));
            if !may_use || left <= Fen::ZERO || envelope.value <= Fen::ZERO {
                continue;
            }
            if self.receipt.envelopes_used.len() >= limit {
                self.receipt.refused.push(Refusal::EnvelopeLimit {
                    tool: tool(),
                    limit,
                });
                continue;
            }
            let used = self.take(&eligible, envelope.value, Column::Envelopes);
            left -= used;
            if used > Fen::ZERO {
                self.receipt.discounts.envelopes += used;
                self.receipt
                    .envelopes_used
                    .push(EnvelopeUse { envelope: e, used });
            }
        }
    }

    /// Step 8: the totals, and payment against balance + credit.
    pub(crate) fn finish(mut self, order: &Order) -> Receipt {
        let mut pay = Fen::ZERO;
        for (i, rec) in self.receipt.lines.iter_mut().enumerate() {
            rec.pay = self.amount[i] - self.floor[i];
            pay += rec.pay;
        }
        let r = &mut self.receipt;
        r.goods = r.lines.iter().map(|l| l.goods).sum();
        r.presale_bonus = r.lines.iter().map(|l| l.presale_bonus).sum();
        r.deposits_paid = r.lines.iter().map(|l| l.deposit).sum();
        r.pay = pay;
        let available = order.wallet.spendable();
        if pay > available {
            // Checkout-blocking refusals first, tool refusals after, each in
            // the order they arose: the stock and limit refusals came first,
            // so the credit refusal goes right after them.
            let at = r.refused.partition_point(Refusal::blocks_checkout);
            r.refused.insert(
                at,
                Refusal::OverCredit {
                    total: pay,
                    available,
                    short_by: pay - available,
                },
            );
        }
        debug_assert!(r.refused.is_sorted_by_key(|x| !x.blocks_checkout()));
        self.receipt
    }
}

/// The shares of `discount` that lines with these `amounts` and `floors`
/// take (fine points 4 and 5): the discount is capped at what the lines have
/// left above their floors, split in proportion to their amounts by largest
/// remainder, and a share that would push a line below its floor is lost.
/// Writes the shares to `out` and returns their sum: what actually came off.
pub(crate) fn capped_shares(
    discount: Fen,
    amounts: &[Fen],
    floors: &[Fen],
    out: &mut Vec<Fen>,
) -> Fen {
    let room: Fen = amounts.iter().zip(floors).map(|(&a, &f)| a - f).sum();
    let discount = discount.min(room);
    split_into(discount.at_least_zero(), amounts, out);
    let mut taken = Fen::ZERO;
    for ((share, &a), &f) in out.iter_mut().zip(amounts).zip(floors) {
        *share = (*share).min(a - f);
        taken += *share;
    }
    taken
}

/// The cross-store pools of an order: stores with identical tiers (by value,
/// fine point 9), in order of their first cart line, each with its stores in
/// that order.
pub fn pools(order: &Order) -> Vec<(Tier, Vec<usize>)> {
    let mut pools: Vec<(Tier, Vec<usize>)> = Vec::new();
    for line in &order.lines {
        let Some(tier) = order.store_tier(line.store) else {
            continue;
        };
        match pools.iter_mut().find(|(t, _)| *t == tier) {
            Some((_, stores)) => {
                if !stores.contains(&line.store) {
                    stores.push(line.store);
                }
            }
            None => pools.push((tier, vec![line.store])),
        }
    }
    pools
}

/// The one fixed order envelopes go in: larger value first, then the higher
/// minimum spend, then file order.
pub fn envelope_order(order: &Order) -> Vec<usize> {
    // Sort plain keys (value and minimum descending, then the index, which
    // makes the order total, so an unstable sort is exact).
    let mut keys: Vec<(Reverse<Fen>, Reverse<Fen>, usize)> = order
        .envelopes
        .iter()
        .enumerate()
        .map(|(i, e)| (Reverse(e.value), Reverse(e.min_spend), i))
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|(_, _, i)| i).collect()
}
