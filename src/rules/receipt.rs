//! What a checkout charged, line by line and step by step.

use serde::Serialize;

use super::model::Tier;
use super::refusal::Refusal;
use crate::money::Fen;

/// One cart line's way through the checkout: what each step took off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LineReceipt {
    /// Festival price × quantity.
    pub goods: Fen,
    /// Presale deposit-inflation bonus (step 1).
    pub presale_bonus: Fen,
    /// Item coupon (step 2).
    pub item_coupon: Fen,
    /// The item coupon used, as an index into the order's coupons.
    pub item_coupon_used: Option<usize>,
    /// Store-level discount share (step 3).
    pub store: Fen,
    /// Store coupon or store envelope share (step 4).
    pub store_card: Fen,
    /// Cross-store share (step 5, not an allowance year).
    pub cross_store: Fen,
    /// Allowance share (step 5, an allowance year).
    pub allowance: Fen,
    /// Platform envelopes' share (step 7).
    pub envelopes: Fen,
    /// Presale deposits paid in the warm-up.
    pub deposit: Fen,
    /// What this checkout charges for the line now.
    pub pay: Fen,
}

impl LineReceipt {
    /// Everything the discount steps took off this line (not the presale bonus).
    pub fn discounts(&self) -> Fen {
        self.item_coupon
            + self.store
            + self.store_card
            + self.cross_store
            + self.allowance
            + self.envelopes
    }
}

/// The discounts of the whole checkout, per step: what actually came off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Discounts {
    /// Step 2.
    pub item_coupons: Fen,
    /// Step 3.
    pub store: Fen,
    /// Step 4.
    pub store_cards: Fen,
    /// Step 5, cross-store years.
    pub cross_store: Fen,
    /// Step 5, allowance years.
    pub allowance: Fen,
    /// Step 7.
    pub envelopes: Fen,
}

impl Discounts {
    /// All discounts added up.
    pub fn total(&self) -> Fen {
        self.item_coupons
            + self.store
            + self.store_cards
            + self.cross_store
            + self.allowance
            + self.envelopes
    }
}

/// One cross-store pool: the stores sharing a tier, what they reached and earned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolReceipt {
    /// The pooled tier.
    pub tier: Tier,
    /// The pool's stores, as indices, in order of their first cart line.
    pub stores: Vec<usize>,
    /// The amount that met the threshold.
    pub threshold_amount: Fen,
    /// What the tier earned on it (floor(amount ÷ every) × off).
    pub earned: Fen,
    /// What actually came off (after the allowance balance, the caps and the zero floor).
    pub taken: Fen,
    /// Whether the pool drew on the allowance.
    pub allowance: bool,
}

/// An envelope used in the checkout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EnvelopeUse {
    /// Index into the order's envelopes.
    pub envelope: usize,
    /// What it took off (the rest of its value stays in the wallet).
    pub used: Fen,
}

/// The result of one checkout.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// Per cart line, in cart order.
    pub lines: Vec<LineReceipt>,
    /// Festival price × quantity, summed.
    pub goods: Fen,
    /// The discount steps' totals.
    pub discounts: Discounts,
    /// Presale inflation bonuses, summed.
    pub presale_bonus: Fen,
    /// Presale deposits paid in the warm-up, summed.
    pub deposits_paid: Fen,
    /// What this checkout charges now.
    pub pay: Fen,
    /// Cross-store pools, in order of their first cart line.
    pub pools: Vec<PoolReceipt>,
    /// Coupons used (indices), in the order the steps used them.
    pub coupons_used: Vec<usize>,
    /// Envelopes used, in the order they were taken.
    pub envelopes_used: Vec<EnvelopeUse>,
    /// What was refused: the whole checkout (stock, limit, credit) or single tools.
    pub refused: Vec<Refusal>,
}

impl Receipt {
    /// True when the checkout cannot go through (stock, limit or credit).
    pub fn is_refused(&self) -> bool {
        self.refused.iter().any(Refusal::blocks_checkout)
    }

    /// The envelope value the checkout consumes.
    pub fn envelope_value_used(&self) -> Fen {
        self.envelopes_used.iter().map(|u| u.used).sum()
    }

    /// How many coupons and envelopes the checkout uses.
    pub fn tools_used(&self) -> usize {
        self.coupons_used.len() + self.envelopes_used.len()
    }

    /// Everything the player saved against the goods (discounts + presale bonus).
    pub fn saved(&self) -> Fen {
        self.discounts.total() + self.presale_bonus
    }
}
