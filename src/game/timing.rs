//! How a press in the rain is judged: where an envelope is (in quarter rows,
//! so it moves smoothly), the perfect and good windows around the hit line,
//! and what an empty press costs. All numbers here are game inventions.
//!
//! - An envelope's position is measured in steps of a quarter row
//!   ([`STEPS_PER_ROW`]); a rain's speed is at most [`MAX_SPEED`] rows a
//!   second, so it moves at most one step a tick.
//! - **Good**: the envelope is in the CATCH band (the bottom `catch_rows`
//!   rows). **Perfect**: within [`PERFECT_STEPS`] steps of the hit line, the
//!   band's middle (at 8 rows/s, 3 of the band's 8 steps: about 90 ms of
//!   its 250 ms). A perfect catch scores [`PERFECT_BONUS_PERCENT`] more
//!   points; the money is the envelope's either way.
//! - **Miss**: a press with no envelope in the band of that lane (too early,
//!   too late, or nothing there). It breaks the combo, locks the lane for
//!   [`LOCK_TICKS`] (longer than an envelope stays in the band) and docks
//!   [`EMPTY_PRESS_PERCENT`] of the next envelope caught (four empty presses
//!   since the last catch leave it nothing; the docked money stays in the
//!   pool). A blind press wins an envelope far less often than one time in
//!   four, so an empty press costs more than it can win.

use serde::{Deserialize, Serialize};

use crate::money::Fen;

/// Position steps per row (a quarter row).
pub const STEPS_PER_ROW: u64 = 4;
/// The fastest a rain may fall, rows per second: one step a tick at most.
pub const MAX_SPEED: u32 = (super::TICKS_PER_SECOND / STEPS_PER_ROW) as u32;
/// A perfect catch: this many steps either side of the hit line.
pub const PERFECT_STEPS: u64 = 1;
/// Extra points for a perfect catch, percent.
pub const PERFECT_BONUS_PERCENT: i64 = 50;
/// How long an empty press locks its lane (0.5 s).
pub const LOCK_TICKS: u64 = 30;
/// What each empty press since the last catch docks from the next one, percent.
pub const EMPTY_PRESS_PERCENT: i64 = 25;

/// How well a catch was timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Grade {
    /// Near the hit line.
    Perfect,
    /// In the band.
    #[default]
    Good,
}

/// The grade of a catch at `step` with the hit line at `hit` (the caller
/// has checked the envelope is in the band).
pub fn grade(step: u64, hit: u64) -> Grade {
    if step.abs_diff(hit) <= PERFECT_STEPS {
        Grade::Perfect
    } else {
        Grade::Good
    }
}

/// Catch points with the timing bonus.
pub fn graded_points(points: i64, grade: Grade) -> i64 {
    match grade {
        Grade::Perfect => points * (100 + PERFECT_BONUS_PERCENT) / 100,
        Grade::Good => points,
    }
}

/// What `empty_presses` since the last catch dock from an envelope worth
/// `value` (never more than the value).
pub fn docked(value: Fen, empty_presses: u32) -> Fen {
    let pct = (i64::from(empty_presses) * EMPTY_PRESS_PERCENT).min(100);
    Fen(value.0 * pct / 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hit_line_and_one_step_either_side_are_perfect() {
        assert_eq!(grade(44, 44), Grade::Perfect);
        assert_eq!(grade(43, 44), Grade::Perfect);
        assert_eq!(grade(45, 44), Grade::Perfect);
        assert_eq!(grade(42, 44), Grade::Good);
        assert_eq!(grade(47, 44), Grade::Good);
    }

    #[test]
    fn empty_presses_dock_a_quarter_each_up_to_all() {
        let v = Fen(2_000);
        assert_eq!(docked(v, 0), Fen::ZERO);
        assert_eq!(docked(v, 1), Fen(500));
        assert_eq!(docked(v, 3), Fen(1_500));
        assert_eq!(docked(v, 4), v);
        assert_eq!(docked(v, 40), v);
        assert_eq!(graded_points(200, Grade::Perfect), 300);
        assert_eq!(graded_points(200, Grade::Good), 200);
    }

    #[test]
    fn the_fastest_rain_moves_one_step_a_tick() {
        assert_eq!(
            u64::from(MAX_SPEED) * STEPS_PER_ROW,
            super::super::TICKS_PER_SECOND
        );
    }
}
