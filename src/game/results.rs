//! Midnight: what was bought and paid, what was saved, what expired, the
//! best plan for the wishlist, the spending chart and the score.

use serde::{Deserialize, Serialize};

use super::GameState;
use super::checkout::{coupon, festival, stores};
use super::score::{Rank, ScoreBreakdown, ScoreInputs};
use crate::money::Fen;
use crate::rules::Id;
use crate::rules::{self, CartLine, Envelope, Order, Presale, Wallet};

/// One item bought over the day (all checkouts added up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoughtLine {
    /// Item index.
    pub item: usize,
    /// Units.
    pub qty: u32,
    /// Festival price × qty.
    pub goods: Fen,
    /// Paid at checkouts.
    pub pay: Fen,
    /// Deposits paid in the warm-up.
    pub deposit: Fen,
    /// On the wishlist.
    pub wished: bool,
}

/// An envelope that expired unused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expired {
    /// Its id.
    pub id: Id,
    /// Value left.
    pub value: Fen,
    /// Minimum spend.
    pub min_spend: Fen,
    /// Won during the day at this clock minute (`None`: in the warm-up).
    pub won_minute: Option<u16>,
}

/// How a group of envelopes that expired is described in the results' notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiryReason {
    /// They had this minimum spend (not reached in a checkout that could
    /// still take them).
    MinimumNotReached(Fen),
    /// No minimum; won in the warm-up and never spent.
    WonInWarmUp,
    /// No minimum; won in a rain at this clock minute and never spent.
    WonAt(u16),
}

/// Envelopes that expired for the same reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiryGroup {
    /// Why.
    pub reason: ExpiryReason,
    /// Their values, largest first.
    pub values: Vec<Fen>,
}

impl ExpiryGroup {
    /// What the group was worth.
    pub fn total(&self) -> Fen {
        self.values.iter().copied().sum()
    }
}

/// The expired envelopes grouped by why they went unused: those with a
/// minimum by that minimum, the others by the rain they came from; the
/// groups worth most first (ties: the order they first appear).
pub fn expiry_groups(expired: &[Expired]) -> Vec<ExpiryGroup> {
    let mut groups: Vec<ExpiryGroup> = Vec::new();
    for e in expired {
        let reason = if e.min_spend > Fen::ZERO {
            ExpiryReason::MinimumNotReached(e.min_spend)
        } else {
            e.won_minute
                .map_or(ExpiryReason::WonInWarmUp, ExpiryReason::WonAt)
        };
        match groups.iter_mut().find(|g| g.reason == reason) {
            Some(g) => g.values.push(e.value),
            None => groups.push(ExpiryGroup {
                reason,
                values: vec![e.value],
            }),
        }
    }
    for g in &mut groups {
        g.values.sort_unstable_by(|a, b| b.cmp(a));
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.total()));
    groups
}

/// The festival's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Results {
    /// What was bought.
    pub bought: Vec<BoughtLine>,
    /// Checkouts (count).
    pub checkouts: usize,
    /// Clock minutes of the checkouts.
    pub checkout_minutes: Vec<u16>,
    /// Festival price of everything bought.
    pub goods: Fen,
    /// Saved at checkouts (discounts + presale bonus).
    pub saved: Fen,
    /// Paid at checkouts.
    pub paid: Fen,
    /// Of which cash.
    pub paid_cash: Fen,
    /// Of which credit (花呗).
    pub paid_credit: Fen,
    /// Presale deposits paid in the warm-up.
    pub deposits: Fen,
    /// Deposits lost: balances not paid by midnight.
    pub forfeited: Fen,
    /// Items whose deposit was lost.
    pub forfeited_items: Vec<usize>,
    /// Envelopes won over the whole festival (count, value).
    pub envelopes_won: (usize, Fen),
    /// Envelopes that expired unused.
    pub expired: Vec<Expired>,
    /// Their value.
    pub expired_value: Fen,
    /// Wishlist items bought.
    pub wishlist_bought: Vec<usize>,
    /// Wishlist items not bought.
    pub wishlist_missed: Vec<usize>,
    /// What the best plan pays for the whole wishlist at festival prices,
    /// with the wallet held when the day opened.
    pub best_plan_pay: Fen,
    /// What that plan saves.
    pub best_plan_saved: Fen,
    /// The best plan could not be paid with that wallet (over credit).
    pub best_plan_refused: bool,
    /// What the player paid at checkouts for wishlist items.
    pub wishlist_paid: Fen,
    /// Everything spent (deposits + checkouts), cumulative at the end of each
    /// clock hour 00 → 24 (24 values).
    pub spent_by_hour: Vec<Fen>,
    /// Spending past the budget.
    pub over_budget: Fen,
    /// The score.
    pub score: ScoreBreakdown,
    /// The rank.
    pub rank: Rank,
}

impl Results {
    /// Draws up the results (envelopes already marked expired, deposits forfeited).
    pub fn build(state: &GameState) -> Results {
        let level = state.level();
        let day = state.day();
        let mut bought: Vec<BoughtLine> = Vec::new();
        for p in &day.purchases {
            for l in &p.lines {
                match bought.iter_mut().find(|b| b.item == l.item) {
                    Some(b) => {
                        b.qty += l.qty;
                        b.goods += l.goods;
                        b.pay += l.pay;
                        b.deposit += l.deposit;
                    }
                    None => bought.push(BoughtLine {
                        item: l.item,
                        qty: l.qty,
                        goods: l.goods,
                        pay: l.pay,
                        deposit: l.deposit,
                        wished: level.is_wished(&level.items[l.item].id),
                    }),
                }
            }
        }
        let expired: Vec<Expired> = state
            .envelopes()
            .iter()
            .filter(|e| e.value.0 > 0)
            .map(|e| Expired {
                id: e.id.clone(),
                value: e.value,
                min_spend: e.min_spend,
                won_minute: e.won.minute,
            })
            .collect();
        let expired_value = expired.iter().map(|e| e.value).sum();
        let forfeited_items: Vec<usize> = state
            .reservations()
            .iter()
            .filter(|r| r.forfeited)
            .map(|r| r.item)
            .collect();
        let forfeited = state
            .reservations()
            .iter()
            .filter(|r| r.forfeited)
            .map(|r| r.deposit)
            .sum();
        let wishlist_bought = state.wishlist_bought();
        let wishlist = wishlist_items(level);
        let wishlist_missed = wishlist
            .iter()
            .copied()
            .filter(|k| !wishlist_bought.contains(k))
            .collect();
        let wishlist_paid: Fen = bought.iter().filter(|b| b.wished).map(|b| b.pay).sum();
        let best = wishlist_best_plan(state).receipt;
        let deposits = state.purse().deposits_paid;
        let mut spent_by_hour = Vec::with_capacity(24);
        for h in 1..=24u16 {
            let by = deposits
                + day
                    .purchases
                    .iter()
                    .filter(|p| p.minute < h * 60)
                    .map(|p| p.pay)
                    .sum();
            spent_by_hour.push(by);
        }
        let saved = day.saved_total();
        let over_budget = state.over_budget();
        let complete = !wishlist.is_empty() && wishlist_bought.len() == wishlist.len();
        let score = ScoreBreakdown::from_inputs(ScoreInputs {
            catches: state.catch_points(),
            saved,
            wishlist_bought: wishlist_bought.len(),
            wishlist_complete: complete,
            above_best: Some((wishlist_paid - best.pay).at_least_zero()),
            expired: expired_value,
            forfeited,
            over_budget,
        });
        let won: Vec<_> = state.rains_played().iter().map(|r| r.won).collect();
        let won_count = state
            .rains_played()
            .iter()
            .map(|r| (r.caught - r.empty) as usize)
            .sum();
        Results {
            checkouts: day.purchases.len(),
            checkout_minutes: day.purchases.iter().map(|p| p.minute).collect(),
            goods: bought.iter().map(|b| b.goods).sum(),
            bought,
            saved,
            paid: day.paid_total(),
            paid_cash: day.purchases.iter().map(|p| p.cash).sum(),
            paid_credit: day.purchases.iter().map(|p| p.credit).sum(),
            deposits,
            forfeited,
            forfeited_items,
            envelopes_won: (won_count, won.iter().copied().sum()),
            expired,
            expired_value,
            wishlist_bought,
            wishlist_missed,
            best_plan_pay: best.pay,
            best_plan_saved: best.saved(),
            best_plan_refused: best.is_refused(),
            wishlist_paid,
            spent_by_hour,
            over_budget,
            rank: Rank::of(score.total, &level.ranks),
            score,
        }
    }
}

/// The wishlist's items (indices into the level's items), in its order.
pub fn wishlist_items(level: &crate::level::Level) -> Vec<usize> {
    level
        .wishlist
        .iter()
        .filter_map(|id| level.item_index(id))
        .collect()
}

/// The wishlist as one order at festival prices with what the player held
/// when the day opened (all coupons, those envelopes, that wallet), its
/// lines in [`wishlist_items`] order.
pub fn wishlist_order(state: &GameState) -> Order {
    let level = state.level();
    let wishlist = wishlist_items(level);
    let (purse, envelopes) = match &state.start_of_day {
        Some(s) => (s.purse, s.envelopes.as_slice()),
        None => (*state.purse(), state.envelopes()),
    };
    let lines = wishlist
        .iter()
        .map(|&k| {
            let it = &level.items[k];
            let qty = it.presale.map_or(1, |p| p.reserved.max(1));
            CartLine {
                presale: it.presale.filter(|p| p.reserved > 0).map(|p| Presale {
                    deposit: p.deposit,
                    counts_as: p.counts_as,
                }),
                flash_sale: state.day().stock[k].flash.is_some(),
                ..CartLine::new(
                    it.id.clone(),
                    level.store_index(&it.store).unwrap_or(0),
                    it.festival_price,
                    i64::from(qty),
                )
            }
        })
        .collect();
    Order {
        festival: festival(level, purse.allowance),
        stores: stores(level),
        lines,
        coupons: (0..level.coupons.len()).map(|c| coupon(level, c)).collect(),
        envelopes: envelopes
            .iter()
            .map(|e| Envelope {
                id: e.id.clone(),
                value: e.value,
                min_spend: e.min_spend,
                expired: false,
            })
            .collect(),
        wallet: Wallet {
            balance: purse.balance,
            credit: purse.credit_left(),
        },
    }
}

/// The best plan for the wishlist as one merged checkout of
/// [`wishlist_order`].
pub fn wishlist_best_plan(state: &GameState) -> rules::BestPlan {
    rules::best_plan(&wishlist_order(state))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expired(value: i64, min: i64, won_minute: Option<u16>) -> Expired {
        Expired {
            id: "e".into(),
            value: Fen::yuan(value),
            min_spend: Fen::yuan(min),
            won_minute,
        }
    }

    #[test]
    fn expired_envelopes_group_by_minimum_then_by_rain() {
        let groups = expiry_groups(&[
            expired(2, 0, None),
            expired(50, 1000, None),
            expired(5, 0, Some(1320)),
            expired(1, 0, None),
            expired(20, 200, Some(1320)),
            expired(7, 0, Some(1320)),
            expired(20, 200, None),
        ]);
        let seen: Vec<(ExpiryReason, Vec<i64>)> = groups
            .iter()
            .map(|g| (g.reason, g.values.iter().map(|v| v.get() / 100).collect()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (ExpiryReason::MinimumNotReached(Fen::yuan(1000)), vec![50]),
                (
                    ExpiryReason::MinimumNotReached(Fen::yuan(200)),
                    vec![20, 20]
                ),
                (ExpiryReason::WonAt(1320), vec![7, 5]),
                (ExpiryReason::WonInWarmUp, vec![2, 1]),
            ]
        );
        assert_eq!(groups[1].total(), Fen::yuan(40));
        assert!(expiry_groups(&[]).is_empty());
    }
}
