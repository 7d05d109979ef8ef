//! What the player holds: cash, credit (花呗), the allowance, platform
//! envelopes won in rains, coupons and presale reservations.

use serde::{Deserialize, Serialize};

use crate::level::Level;
use crate::money::Fen;
use crate::rules::CrossStore;
use crate::rules::Id;

/// Cash, credit and the allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purse {
    /// Cash on hand.
    pub balance: Fen,
    /// The credit line (including any festival raise).
    pub credit_limit: Fen,
    /// Credit used so far.
    pub credit_used: Fen,
    /// Allowance (购物津贴) left, in allowance years.
    pub allowance: Option<Fen>,
    /// Presale deposits paid in the warm-up.
    pub deposits_paid: Fen,
}

impl Purse {
    /// Credit still available.
    pub fn credit_left(&self) -> Fen {
        (self.credit_limit - self.credit_used).at_least_zero()
    }

    /// Cash + credit left.
    pub fn spendable(&self) -> Fen {
        self.balance + self.credit_left()
    }

    /// Pays `amount`: cash first, then credit. Returns (cash, credit) used.
    /// The caller has checked it fits.
    pub fn pay(&mut self, amount: Fen) -> (Fen, Fen) {
        let cash = amount.min(self.balance).at_least_zero();
        let credit = amount - cash;
        self.balance -= cash;
        self.credit_used += credit;
        (cash, credit)
    }
}

/// Where an envelope was won.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WonAt {
    /// The rain's number in the game (1-based, counting all rains).
    pub rain: u32,
    /// The 11.11 clock minute if won during the day, `None` in the warm-up.
    pub minute: Option<u16>,
}

/// A platform red envelope (双11红包) held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEnvelope {
    /// Its id (`e1`, `e2`, … in the order won).
    pub id: Id,
    /// What it can still take off (partial use leaves the rest).
    pub value: Fen,
    /// Its value when won.
    pub face: Fen,
    /// Minimum spend.
    pub min_spend: Fen,
    /// Drawn from a jackpot row.
    pub jackpot: bool,
    /// When it was won.
    pub won: WonAt,
    /// Expired at midnight.
    pub expired: bool,
}

/// A coupon from the level, held from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCoupon {
    /// Index into the level's coupons.
    pub spec: usize,
    /// Used in a checkout (coupons are used whole).
    pub used: bool,
}

/// A presale reservation: the deposit was paid in the warm-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    /// Index into the level's items.
    pub item: usize,
    /// Units reserved.
    pub qty: u32,
    /// Deposits paid (deposit × qty).
    pub deposit: Fen,
    /// The balance was paid on 11.11.
    pub paid: bool,
    /// Not paid by midnight: the deposit is lost.
    pub forfeited: bool,
}

/// What the player held when the day opened (for the best plan at midnight).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayStart {
    /// The purse.
    pub purse: Purse,
    /// Envelopes held.
    pub envelopes: Vec<HeldEnvelope>,
}

/// The purse at tick 0 and the reservations whose deposits it paid. A
/// deposit the cash cannot cover is paid on credit; one neither covers is
/// not reserved.
pub fn opening_purse(level: &Level) -> (Purse, Vec<Reservation>) {
    let w = &level.wallet;
    let mut purse = Purse {
        balance: w.balance,
        credit_limit: w.credit + w.credit_raise,
        credit_used: Fen::ZERO,
        allowance: match level.festival.cross_store {
            CrossStore::Allowance { balance, .. } => Some(balance),
            _ => None,
        },
        deposits_paid: Fen::ZERO,
    };
    let mut reservations = Vec::new();
    for (item, spec) in level.items.iter().enumerate() {
        let Some(p) = spec.presale else { continue };
        if p.reserved == 0 {
            continue;
        }
        let deposit = p.deposit * i64::from(p.reserved);
        if deposit > purse.spendable() {
            continue;
        }
        purse.pay(deposit);
        purse.deposits_paid += deposit;
        reservations.push(Reservation {
            item,
            qty: p.reserved,
            deposit,
            paid: false,
            forfeited: false,
        });
    }
    (purse, reservations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_takes_cash_first_then_credit() {
        let mut p = Purse {
            balance: Fen(80000),
            credit_limit: Fen(200000),
            credit_used: Fen::ZERO,
            allowance: None,
            deposits_paid: Fen::ZERO,
        };
        assert_eq!(p.pay(Fen(88301)), (Fen(80000), Fen(8301)));
        assert_eq!(p.balance, Fen::ZERO);
        assert_eq!(p.credit_left(), Fen(191699));
    }
}
