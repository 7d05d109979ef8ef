//! `double11 simulate`: many festivals headless, score statistics.

use std::time::{Duration, Instant};

use serde::Serialize;

use super::BotKind;
use super::run::run_with;
use crate::game::GameState;
use crate::level::Level;

/// What a batch of festivals scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The bot.
    pub bot: String,
    /// Festivals played.
    pub runs: u64,
    /// The first seed (then seed + 1, …).
    pub seed: u64,
    /// Mean score (rounded toward zero).
    pub mean: i64,
    /// 10th percentile (nearest rank).
    pub p10: i64,
    /// Median (nearest rank).
    pub p50: i64,
    /// 90th percentile (nearest rank).
    pub p90: i64,
    /// Lowest score.
    pub min: i64,
    /// Highest score.
    pub max: i64,
    /// Festivals won: every wishlist item bought without spending past the budget.
    pub wins: u64,
    /// Festivals where the whole wishlist was bought (budget or not).
    pub wishlist_complete: u64,
    /// Wall time taken, in microseconds.
    pub micros: u64,
}

impl Stats {
    /// Wins per hundred festivals (for display).
    pub fn win_percent(&self) -> f64 {
        if self.runs == 0 {
            0.0
        } else {
            self.wins as f64 * 100.0 / self.runs as f64
        }
    }

    /// The time taken.
    pub fn elapsed(&self) -> Duration {
        Duration::from_micros(self.micros)
    }
}

/// A festival is won when every wishlist item was bought and the spending
/// (deposits and checkouts, cash and credit) stayed within the budget.
pub fn is_win(state: &GameState) -> bool {
    wishlist_complete(state) && state.over_budget().0 == 0
}

/// Every wishlist item was bought.
pub fn wishlist_complete(state: &GameState) -> bool {
    let level = state.level();
    let wanted = level
        .wishlist
        .iter()
        .filter(|id| level.item_index(id).is_some())
        .count();
    state.wishlist_bought().len() == wanted
}

/// The score of `sorted` at percentile `p` (nearest rank).
fn percentile(sorted: &[i64], p: usize) -> i64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

/// Plays `runs` festivals of `level` with `bot`, seeds `seed`, `seed + 1`, ….
pub fn simulate(level: &Level, bot: BotKind, seed: u64, runs: u64) -> Stats {
    let start = Instant::now();
    let mut scores = Vec::with_capacity(usize::try_from(runs).unwrap_or(0));
    let (mut wins, mut complete) = (0, 0);
    for i in 0..runs {
        let s = seed.wrapping_add(i);
        let mut b = bot.make(s);
        let state = run_with(level, s, b.as_mut(), |_, _| {});
        scores.push(state.score().total);
        wins += u64::from(is_win(&state));
        complete += u64::from(wishlist_complete(&state));
    }
    let micros = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
    let sum: i128 = scores.iter().map(|&s| i128::from(s)).sum();
    let mean = if runs == 0 {
        0
    } else {
        (sum / i128::from(runs)) as i64
    };
    scores.sort_unstable();
    Stats {
        bot: bot.name().to_string(),
        runs,
        seed,
        mean,
        p10: percentile(&scores, 10),
        p50: percentile(&scores, 50),
        p90: percentile(&scores, 90),
        min: scores.first().copied().unwrap_or(0),
        max: scores.last().copied().unwrap_or(0),
        wins,
        wishlist_complete: complete,
        micros,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let s: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&s, 10), 1);
        assert_eq!(percentile(&s, 50), 5);
        assert_eq!(percentile(&s, 90), 9);
        assert_eq!(percentile(&[7], 90), 7);
        assert_eq!(percentile(&[], 50), 0);
    }
}
