//! The rules engine: an 11.11 checkout that follows the real festival's
//! spending rules to the cent. Pure: no I/O, no clock, no terminal.
//!
//! A checkout pays one cart at once (a merged payment), lines grouped by store,
//! in the order of the 2020 Tmall consumer rules:
//!
//! 1. **Price**: festival price × quantity; a presale line less its deposit
//!    inflation bonus (`deposit 100 counts as 150` on 1000 → 950, balance 850).
//! 2. **Item coupons**: at most one per line, `min` on the line's step-1 amount.
//! 3. **Store discount**: each store's own tier, once per store.
//! 4. **Store card**: per store one store coupon *or* one store envelope.
//! 5. **Cross-store 满减** pooled by identical tier (or the **allowance**,
//!    limited by the balance held), on the basis the festival sets.
//! 6. **Apportioning** with the zero floor: a share that would push a line
//!    below its floor is lost, not moved.
//! 7. **Platform envelopes**: ≤ the festival's limit (10), largest first, each
//!    with its own minimum spend on the non-flash lines; used in part.
//! 8. **Payment** against balance + credit line; nothing is half-paid.
//!
//! The game's decisions where two readings of the sources differ ("Fine
//! points, decided" in the mechanics reference) are, in short:
//! minimums are "reaches or exceeds"; each minimum is checked on what its
//! lines have left after the steps before it; item coupons apply once per
//! line; every step is capped at what its lines have left; steps 3, 4, 5
//! and 7 split over their lines by largest remainder in proportion to each
//! line's amount before that step (a presale line weighs its full amount,
//! deposit included, but never goes below its deposit); envelopes go in one
//! fixed order (value, then minimum spend, both descending, then file order)
//! and only an envelope that takes money off counts toward the limit; in
//! allowance years every pool draws on the one balance in order of its first
//! cart line; tiers pool by value; flash-sale lines take every discount but
//! platform envelopes.
//!
//! Choices the reference leaves open, made here as the real checkout page does:
//! a tool whose saving would be zero (its lines are already at their floor)
//! is not used and stays in the wallet; a store that writes its own
//! cross-store tier keeps it even in a festival without one; a tool that is
//! simply not chosen (another card of the same store was better) is unused,
//! not refused.

pub mod best;
pub mod best_split;
pub mod checkout;
pub mod hint;
pub mod model;
pub mod receipt;
pub mod refusal;
pub mod split;

pub use best::{BestPlan, best_plan};
pub use best_split::{PlannedOrder, SplitPlan, Timing, best_split, best_split_timed};
pub use checkout::{Plan, checkout, envelope_order, pools, quote};
pub use hint::{Hint, HintKind, hints};
pub use model::{
    CartLine, Coupon, CouponKind, CouponTarget, CrossStore, Envelope, Festival, Id, Order, Presale,
    Store, StoreDiscount, ThresholdBasis, Tier, Wallet,
};
pub use receipt::{Discounts, EnvelopeUse, LineReceipt, PoolReceipt, Receipt};
pub use refusal::{Refusal, Tool};

#[cfg(test)]
mod tests;
