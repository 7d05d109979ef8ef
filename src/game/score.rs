//! The score. All of it is a game invention; the weights were chosen so one
//! yuan saved and one yuan overspent weigh the same.
//!
//! ```text
//! score = catches                 Σ per catch: (100 + min(value in fen ÷ 10, 1,000)
//!                                  + 500 for a jackpot) × combo bonus
//!                                  (an empty envelope: 50); bonus +10% per 5 combo, ≤ +50%
//!       + savings                 50 points per yuan saved at checkout (discounts and
//!                                  presale bonus, what the receipts say)
//!       + wishlist                3,000 points per wishlist item bought
//!       + near the best plan      all wishlist items bought: 10,000 − 50 per yuan paid for
//!                                  them above the best plan (never below 0)
//!       − expired envelopes       20 points per yuan of envelopes left to expire
//!       − forfeited deposits      50 points per yuan of presale deposit lost
//!       − 剁手 past budget          50 points per yuan spent past the player's budget
//! ```
//! Spending counts every yuan paid: deposits and checkouts, cash and credit.

use serde::{Deserialize, Serialize};

use super::GameState;
use crate::level::RankSpec;
use crate::money::Fen;

/// Points per yuan saved.
pub const SAVINGS_PER_YUAN: i64 = 50;
/// Points per wishlist item bought.
pub const WISHLIST_ITEM: i64 = 3_000;
/// The near-best-plan bonus at its best.
pub const NEAR_BEST_MAX: i64 = 10_000;
/// Points lost per yuan paid above the best plan.
pub const NEAR_BEST_PER_YUAN: i64 = 50;
/// Points lost per yuan of expired envelopes.
pub const EXPIRED_PER_YUAN: i64 = 20;
/// Points lost per yuan of forfeited deposits.
pub const FORFEIT_PER_YUAN: i64 = 50;
/// Points lost per yuan spent past the budget.
pub const OVER_BUDGET_PER_YUAN: i64 = 50;

/// The combo bonus in percent: +10% for every 5 in a row, at most +50%.
pub fn combo_bonus_percent(combo: u32) -> i64 {
    (i64::from(combo / 5) * 10).min(50)
}

/// Points for one catch at combo `combo` (after the catch).
pub fn catch_points(value: Fen, jackpot: bool, combo: u32) -> i64 {
    let base = if value == Fen::ZERO {
        50
    } else {
        100 + (value.0 / 10).min(1_000) + if jackpot { 500 } else { 0 }
    };
    base * (100 + combo_bonus_percent(combo)) / 100
}

/// Points for `f` at `per_yuan` points a yuan (rounded down).
fn per_yuan(f: Fen, per_yuan: i64) -> i64 {
    f.0.max(0) * per_yuan / 100
}

/// The score, term by term.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreBreakdown {
    /// Catch points.
    pub catches: i64,
    /// Savings points.
    pub savings: i64,
    /// Wishlist points.
    pub wishlist: i64,
    /// Near-the-best-plan bonus (only at midnight).
    pub near_best: i64,
    /// Expired envelopes (≤ 0; only at midnight).
    pub expired: i64,
    /// Forfeited deposits (≤ 0; only at midnight).
    pub forfeited: i64,
    /// Spending past the budget (≤ 0).
    pub over_budget: i64,
    /// The sum.
    pub total: i64,
}

/// What the score is computed from.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScoreInputs {
    /// Catch points.
    pub catches: i64,
    /// Saved at checkout.
    pub saved: Fen,
    /// Wishlist items bought.
    pub wishlist_bought: usize,
    /// Every wishlist item bought.
    pub wishlist_complete: bool,
    /// Paid for the wishlist items above the best plan (`None`: not scored).
    pub above_best: Option<Fen>,
    /// Envelopes expired.
    pub expired: Fen,
    /// Deposits forfeited.
    pub forfeited: Fen,
    /// Spent past the budget.
    pub over_budget: Fen,
}

impl ScoreBreakdown {
    /// Adds the terms up.
    pub fn from_inputs(i: ScoreInputs) -> ScoreBreakdown {
        let near_best = match i.above_best {
            Some(above) if i.wishlist_complete => {
                (NEAR_BEST_MAX - per_yuan(above, NEAR_BEST_PER_YUAN)).max(0)
            }
            _ => 0,
        };
        let mut s = ScoreBreakdown {
            catches: i.catches,
            savings: per_yuan(i.saved, SAVINGS_PER_YUAN),
            wishlist: i.wishlist_bought as i64 * WISHLIST_ITEM,
            near_best,
            expired: -per_yuan(i.expired, EXPIRED_PER_YUAN),
            forfeited: -per_yuan(i.forfeited, FORFEIT_PER_YUAN),
            over_budget: -per_yuan(i.over_budget, OVER_BUDGET_PER_YUAN),
            total: 0,
        };
        s.total = s.catches
            + s.savings
            + s.wishlist
            + s.near_best
            + s.expired
            + s.forfeited
            + s.over_budget;
        s
    }
}

/// The HUD's running score (no midnight terms yet).
pub fn running(state: &GameState) -> ScoreBreakdown {
    let day = state.day();
    ScoreBreakdown::from_inputs(ScoreInputs {
        catches: state.catch_points(),
        saved: day.saved_total(),
        wishlist_bought: state.wishlist_bought().len(),
        over_budget: state.over_budget(),
        ..ScoreInputs::default()
    })
}

/// The rank at midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rank {
    /// Master of 11.11.
    S,
    /// Savvy shopper.
    A,
    /// Bargain hunter.
    B,
    /// Impulse buyer.
    C,
    /// 剁手党.
    D,
}

impl Rank {
    /// The rank a score earns on a level.
    pub fn of(score: i64, ranks: &RankSpec) -> Rank {
        if score >= ranks.s {
            Rank::S
        } else if score >= ranks.a {
            Rank::A
        } else if score >= ranks.b {
            Rank::B
        } else if score >= ranks.c {
            Rank::C
        } else {
            Rank::D
        }
    }

    /// Its letter.
    pub fn letter(self) -> &'static str {
        match self {
            Rank::S => "S",
            Rank::A => "A",
            Rank::B => "B",
            Rank::C => "C",
            Rank::D => "D",
        }
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Rank::S => "Master of 11.11",
            Rank::A => "Savvy shopper",
            Rank::B => "Bargain hunter",
            Rank::C => "Impulse buyer",
            Rank::D => "剁手党",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combo_multiplies_points_not_money() {
        assert_eq!(catch_points(Fen(888), false, 1), 188);
        assert_eq!(catch_points(Fen(888), false, 12), 188 * 120 / 100);
        assert_eq!(catch_points(Fen::ZERO, false, 30), 75);
        assert_eq!(combo_bonus_percent(100), 50);
    }

    #[test]
    fn the_mockup_terms_add_up() {
        let s = ScoreBreakdown::from_inputs(ScoreInputs {
            catches: 6_150,
            saved: Fen(35699),
            wishlist_bought: 5,
            wishlist_complete: false,
            above_best: Some(Fen(7841)),
            expired: Fen(6240),
            forfeited: Fen::ZERO,
            over_budget: Fen(8301),
        });
        assert_eq!(s.savings, 17_849);
        assert_eq!(s.wishlist, 15_000);
        assert_eq!(s.near_best, 0);
        assert_eq!(s.expired, -1_248);
        assert_eq!(s.over_budget, -4_150);
        assert_eq!(s.total, 6_150 + 17_849 + 15_000 - 1_248 - 4_150);
    }

    #[test]
    fn ranks_follow_the_level() {
        let r = RankSpec::default();
        assert_eq!(Rank::of(r.s, &r), Rank::S);
        assert_eq!(Rank::of(r.a - 1, &r), Rank::B);
        assert_eq!(Rank::of(-5, &r), Rank::D);
    }
}
