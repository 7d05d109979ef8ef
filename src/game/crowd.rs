//! The simulated crowd: it buys the same stock the player wants, minute by
//! clock minute, and its sales roll up the big-screen GMV counter.
//!
//! - A regular item: the crowd buys `crowd`% of the 00:00 stock by midnight,
//!   spread over the day like the level's hourly GMV weights.
//! - A flash-sale item opens at its event's time and the crowd buys all of it
//!   within `minutes` (+0–50%, drawn per item at the start; game invention)
//!   — "if a discount is released at 12:01 a.m., you might have until
//!   12:05 a.m. to get it" (TechNode 2020).
//! - A rush multiplies the regular crowd's pace by its factor until midnight.
//! - Presale stock is the reserved lots: the crowd does not touch it.
//! - Runway items sell only while on stage (see [`super::day::Show`]).

use serde::{Deserialize, Serialize};

use super::GameRng;
use crate::level::{DAY_MINUTES, EventKind, GmvSpec, Level};
use crate::money::Fen;

/// A flash sale's timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// Clock minute it opens.
    pub opens: u16,
    /// Clock minutes after opening by which the crowd has bought it all.
    pub sellout_minutes: u16,
}

/// One item's stock through the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stock {
    /// Units at 00:00.
    pub start: u32,
    /// Units left.
    pub left: u32,
    /// Units the crowd bought.
    pub crowd_sold: u32,
    /// Units the player bought.
    pub player_bought: u32,
    /// Clock minute it sold out, if it did.
    pub sold_out_at: Option<u16>,
    /// Flash-sale timing, for flash items.
    pub flash: Option<Flash>,
}

impl Stock {
    /// Percent of the 00:00 stock left (for the stock bar).
    pub fn percent_left(&self) -> u32 {
        (self.left * 100).checked_div(self.start).unwrap_or(0)
    }

    fn take(&mut self, n: u32, minute: u16) -> u32 {
        let n = n.min(self.left);
        self.left -= n;
        if self.left == 0 && n > 0 && self.sold_out_at.is_none() {
            self.sold_out_at = Some(minute);
        }
        n
    }

    /// The player buys `n` (checked against `left` by the checkout).
    pub fn player_buys(&mut self, n: u32, minute: u16) {
        let n = self.take(n, minute);
        self.player_bought += n;
    }

    /// The crowd buys up to `n`.
    pub fn crowd_buys(&mut self, n: u32, minute: u16) {
        let n = self.take(n, minute);
        self.crowd_sold += n;
    }
}

/// The stock of every item at 00:00 (flash sellout times drawn now).
pub fn opening_stock(level: &Level, rng: &mut GameRng) -> Vec<Stock> {
    let mut stock: Vec<Stock> = level
        .items
        .iter()
        .map(|it| Stock {
            start: it.stock,
            left: it.stock,
            crowd_sold: 0,
            player_bought: 0,
            sold_out_at: None,
            flash: None,
        })
        .collect();
    for e in &level.events {
        if e.kind != EventKind::FlashSale {
            continue;
        }
        for id in &e.items {
            if let Some(k) = level.item_index(id) {
                let extra = rng.below(u64::from(e.minutes / 2) + 1) as u16;
                stock[k].flash = Some(Flash {
                    opens: e.at.minutes(),
                    sellout_minutes: e.minutes.max(1) + extra,
                });
            }
        }
    }
    stock
}

/// Cumulative GMV weight at clock minute `m` (each minute of hour h weighs hourly[h]).
fn cum_weight(hourly: &[u32], m: u16) -> i128 {
    let m = m.min(DAY_MINUTES);
    let h = usize::from(m / 60);
    // At most 24 × 60 × u32::MAX: u64 holds it, and is faster than i128.
    let full: u64 = hourly.iter().take(h).map(|&w| u64::from(w)).sum::<u64>() * 60;
    let part = hourly
        .get(h)
        .map_or(0, |&w| u64::from(w) * u64::from(m % 60));
    i128::from(full + part)
}

/// The GMV weight of clock minute `m` alone: `cum_weight(m + 1) - cum_weight(m)`.
fn minute_weight(hourly: &[u32], m: u16) -> i128 {
    if m >= DAY_MINUTES {
        return 0;
    }
    hourly
        .get(usize::from(m / 60))
        .map_or(0, |&w| i128::from(w))
}

/// The cumulative GMV weights by hour, to read [`cum_weight`] in O(1).
struct CumWeights<'a> {
    hourly: &'a [u32],
    /// `prefix[h]`: Σ of the first `h` hourly weights (h = 0..=24).
    prefix: [u64; 25],
}

impl CumWeights<'_> {
    fn new(hourly: &[u32]) -> CumWeights<'_> {
        let mut prefix = [0u64; 25];
        for h in 0..24 {
            prefix[h + 1] = prefix[h] + hourly.get(h).map_or(0, |&w| u64::from(w));
        }
        CumWeights { hourly, prefix }
    }

    /// Exactly `cum_weight(hourly, m)`.
    fn at(&self, m: u16) -> u128 {
        let m = m.min(DAY_MINUTES);
        let h = usize::from(m / 60);
        let part = self
            .hourly
            .get(h)
            .map_or(0, |&w| u64::from(w) * u64::from(m % 60));
        u128::from(self.prefix[h] * 60 + part)
    }
}

/// The crowd's purchases during clock minute `m` (from m to m + 1).
pub fn crowd_minute(level: &Level, stock: &mut [Stock], m: u16, rush: Option<u32>) {
    crowd_minutes(level, stock, m, m.saturating_add(1), rush);
}

/// The crowd's purchases during clock minutes `from..to`: exactly what
/// [`crowd_minute`] for each of those minutes in turn gives.
///
/// Items do not interact, so each item runs through the minutes on its own.
/// Nothing changes for a sold-out item (`left == 0`) or a flash sale the
/// crowd has bought all of. Without a rush, a regular item's crowd has
/// bought `next(m) = ⌊target × cum(m + 1) / total⌋` after minute `m` (never
/// going back, capped by the stock left), and `next` only grows: after the
/// stretch it has bought `next(to - 1)`, or sold out at the first minute
/// whose `next` reaches what it had plus what was left.
pub fn crowd_minutes(level: &Level, stock: &mut [Stock], from: u16, to: u16, rush: Option<u32>) {
    if from >= to {
        return;
    }
    let hourly = &level.gmv.hourly;
    let cum = CumWeights::new(hourly);
    let total = cum.at(DAY_MINUTES).max(1);
    for (k, it) in level.items.iter().enumerate() {
        let s = &mut stock[k];
        if s.left == 0 || it.runway || it.presale.is_some() {
            continue;
        }
        if let Some(f) = s.flash {
            for m in from.max(f.opens)..to {
                if s.left == 0 || s.crowd_sold >= s.start {
                    break;
                }
                let since = i64::from(m + 1 - f.opens);
                let expected = i64::from(s.start) * since.min(i64::from(f.sellout_minutes))
                    / i64::from(f.sellout_minutes);
                let due = expected - i64::from(s.crowd_sold);
                if due > 0 {
                    s.crowd_buys(due.min(i64::from(u32::MAX)) as u32, m);
                }
            }
            continue;
        }
        let target = u64::from(s.start) * u64::from(it.crowd) / 100;
        // ⌊target × cum / total⌋; all below 2^108, so the product fits.
        let share = |c: u128| (u128::from(target) * c / total) as i64;
        match rush {
            Some(f) => {
                for m in from..to {
                    if s.left == 0 {
                        break;
                    }
                    let cum_now = cum.at(m);
                    let cum_next = cum_now + minute_weight(hourly, m) as u128;
                    let (now, next) = (share(cum_now), share(cum_next));
                    let catch_up = next - i64::from(s.crowd_sold);
                    // The rush buys `factor` times the minute's share.
                    let due = catch_up.max((next - now) * i64::from(f));
                    if due > 0 {
                        s.crowd_buys(due.min(i64::from(u32::MAX)) as u32, m);
                    }
                }
            }
            None => {
                let sold = u64::from(s.crowd_sold);
                if target <= sold {
                    continue; // next ≤ target ≤ sold all day
                }
                let last = to - 1;
                let next_last = share(cum.at(last) + minute_weight(hourly, last) as u128) as u64;
                if next_last <= sold {
                    continue;
                }
                let cap = sold + u64::from(s.left);
                if next_last < cap {
                    s.crowd_buys((next_last - sold) as u32, last);
                    continue;
                }
                // Sells out at the first minute whose share reaches `cap`.
                let need = u128::from(cap) * total;
                let m = (from..to)
                    .find(|&m| {
                        u128::from(target) * (cum.at(m) + minute_weight(hourly, m) as u128) >= need
                    })
                    .unwrap_or(last);
                let left = s.left;
                s.crowd_buys(left, m);
            }
        }
    }
}

/// The big screen's GMV after the clock has run `ticks` of a `day_ticks` day
/// (0 all day when the year's total was not disclosed).
pub fn gmv_at(gmv: &GmvSpec, ticks: u64, day_ticks: u64) -> Fen {
    let Some(total) = gmv.total else {
        return Fen::ZERO;
    };
    let total_w = cum_weight(&gmv.hourly, DAY_MINUTES).max(1);
    let day_ticks = i128::from(day_ticks.max(1));
    let t = i128::from(ticks).min(day_ticks);
    // Position in minutes × day_ticks, to interpolate inside a minute.
    let pos = t * i128::from(DAY_MINUTES);
    let m = (pos / day_ticks) as u16;
    let frac = pos % day_ticks;
    let w_minute = gmv
        .hourly
        .get(usize::from(m / 60))
        .map_or(0, |&w| i128::from(w));
    let cum = cum_weight(&gmv.hourly, m) * day_ticks + w_minute * frac;
    Fen((i128::from(total.0) * cum / (total_w * day_ticks)) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat() -> GmvSpec {
        GmvSpec {
            total: Some(Fen(2400000)),
            hourly: vec![1; 24],
            source: String::new(),
        }
    }

    #[test]
    fn minute_weights_are_the_steps_of_the_cumulative_weight() {
        let hourly: Vec<u32> = (1..=24).map(|h| h * 7 % 11).collect();
        for m in 0..=DAY_MINUTES + 2 {
            assert_eq!(
                cum_weight(&hourly, m) + minute_weight(&hourly, m),
                cum_weight(&hourly, m + 1),
                "minute {m}"
            );
        }
    }

    #[test]
    fn gmv_rolls_from_zero_to_the_total() {
        let g = flat();
        assert_eq!(gmv_at(&g, 0, 14_400), Fen::ZERO);
        assert_eq!(gmv_at(&g, 7_200, 14_400), Fen(1200000));
        assert_eq!(gmv_at(&g, 14_400, 14_400), Fen(2400000));
        let mut last = Fen::ZERO;
        for t in 0..=14_400 {
            let v = gmv_at(&g, t, 14_400);
            assert!(v >= last);
            last = v;
        }
    }

    /// `a * b / c` (c > 0, all ≥ 0), in 64 bits when it fits: the same result
    /// as the 128-bit division.
    fn mul_div(a: i128, b: i128, c: i128) -> i128 {
        if let (Ok(a), Ok(b), Ok(c)) = (u64::try_from(a), u64::try_from(b), u64::try_from(c))
            && let Some(p) = a.checked_mul(b)
        {
            return i128::from(p / c);
        }
        a * b / c
    }

    /// The per-minute computation before items were skipped early.
    fn crowd_minute_reference(level: &Level, stock: &mut [Stock], m: u16, rush: Option<u32>) {
        let total = cum_weight(&level.gmv.hourly, DAY_MINUTES).max(1);
        let cum_now = cum_weight(&level.gmv.hourly, m);
        let cum_next = cum_now + minute_weight(&level.gmv.hourly, m);
        for (k, it) in level.items.iter().enumerate() {
            let s = &mut stock[k];
            if it.runway || it.presale.is_some() {
                continue;
            }
            let due = match s.flash {
                Some(f) => {
                    if m < f.opens {
                        continue;
                    }
                    let since = i64::from(m + 1 - f.opens);
                    let expected = i64::from(s.start) * since.min(i64::from(f.sellout_minutes))
                        / i64::from(f.sellout_minutes);
                    expected - i64::from(s.crowd_sold)
                }
                None => {
                    let target = i128::from(u64::from(s.start) * u64::from(it.crowd) / 100);
                    let now = mul_div(target, cum_now, total);
                    let next = mul_div(target, cum_next, total);
                    let catch_up = next as i64 - i64::from(s.crowd_sold);
                    match rush {
                        Some(f) => catch_up.max((next - now) as i64 * i64::from(f)),
                        None => catch_up,
                    }
                }
            };
            if due > 0 {
                s.crowd_buys(due.min(i64::from(u32::MAX)) as u32, m);
            }
        }
    }

    #[test]
    fn cum_weights_read_the_same_as_summing_the_hours() {
        let mut rng = GameRng::new(5);
        for len in [0usize, 3, 24, 30] {
            let hourly: Vec<u32> = (0..len)
                .map(|_| rng.below(u64::from(u32::MAX)) as u32)
                .collect();
            let cum = CumWeights::new(&hourly);
            for m in 0..=DAY_MINUTES + 2 {
                assert_eq!(
                    cum.at(m) as i128,
                    cum_weight(&hourly, m),
                    "len {len} minute {m}"
                );
            }
        }
    }

    #[test]
    fn stretches_of_minutes_buy_exactly_what_minute_by_minute_buys() {
        let mut rng = GameRng::new(11);
        for (name, _) in crate::level::shipped() {
            let Some(Ok(base)) = crate::level::load_shipped(name) else {
                continue;
            };
            for round in 0..60u64 {
                let mut level = base.clone();
                if round % 2 == 1 {
                    level.gmv.hourly = (0..24).map(|_| rng.below(5000) as u32).collect();
                }
                for it in &mut level.items {
                    if round % 4 >= 2 {
                        it.stock = rng.below(3000) as u32;
                        it.crowd = rng.below(101) as u8;
                    }
                }
                let mut a = opening_stock(&level, &mut GameRng::new(round));
                let mut b = a.clone();
                let rush_at = rng.below(u64::from(DAY_MINUTES) + 200) as u16;
                let factor = rng.between(1, 6) as u32;
                let mut m = 0u16;
                while m < DAY_MINUTES + 3 {
                    if rng.below(3) == 0 && !a.is_empty() {
                        let k = rng.below(a.len() as u64) as usize;
                        let n = rng.below(u64::from(a[k].left) + 1) as u32;
                        a[k].player_buys(n, m);
                        b[k].player_buys(n, m);
                    }
                    let rush = (m >= rush_at).then_some(factor);
                    let mut to = m + 1 + rng.below(if round % 3 == 0 { 2 } else { 120 }) as u16;
                    if rush.is_none() && to > rush_at {
                        to = rush_at.max(m + 1);
                    }
                    crowd_minutes(&level, &mut a, m, to, rush);
                    for j in m..to {
                        crowd_minute_reference(&level, &mut b, j, rush);
                    }
                    assert_eq!(a, b, "{name} round {round} minutes {m}..{to}");
                    m = to;
                }
            }
        }
    }

    #[test]
    fn a_flash_sale_sells_out_on_time() {
        let mut s = Stock {
            start: 50,
            left: 50,
            crowd_sold: 0,
            player_bought: 0,
            sold_out_at: None,
            flash: Some(Flash {
                opens: 0,
                sellout_minutes: 3,
            }),
        };
        let level_items = 50;
        for m in 0..3u16 {
            let since = i64::from(m + 1);
            let expected = level_items * since / 3;
            s.crowd_buys((expected - i64::from(s.crowd_sold)) as u32, m);
        }
        assert_eq!(s.left, 0);
        assert_eq!(s.sold_out_at, Some(2));
    }
}
