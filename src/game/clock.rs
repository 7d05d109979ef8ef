//! The 11.11 clock: 00:00 → 24:00 compressed into the level's `day_seconds`.
//! Pure integer mapping between the ticks the clock has run and its minute.

use super::TICKS_PER_SECOND;
use crate::level::{ClockTime, DAY_MINUTES};

/// The mapping for one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Ticks the whole day takes.
    pub day_ticks: u64,
}

impl Clock {
    /// A clock whose day takes `day_seconds` real seconds.
    pub fn new(day_seconds: u32) -> Clock {
        Clock {
            day_ticks: u64::from(day_seconds.max(1)) * TICKS_PER_SECOND,
        }
    }

    /// The clock minute (0..=1440) after the clock has run `ticks`.
    pub fn minute_at(self, ticks: u64) -> u16 {
        let m = ticks.min(self.day_ticks) * u64::from(DAY_MINUTES) / self.day_ticks;
        m as u16
    }

    /// The clock time after `ticks` (`24:00` at the end).
    pub fn time_at(self, ticks: u64) -> ClockTime {
        ClockTime(self.minute_at(ticks))
    }

    /// The first tick count at which the clock shows `minute`.
    pub fn ticks_for(self, minute: u16) -> u64 {
        let num = u64::from(minute) * self.day_ticks;
        num.div_ceil(u64::from(DAY_MINUTES))
    }

    /// Whole real seconds left to midnight after `ticks` (rounded up).
    pub fn seconds_left(self, ticks: u64) -> u64 {
        self.day_ticks
            .saturating_sub(ticks)
            .div_ceil(TICKS_PER_SECOND)
    }
}

/// `HH:MM` for a clock minute (1440 → `24:00`).
pub fn hhmm(minute: u16) -> String {
    ClockTime(minute).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_minutes_make_a_day() {
        let c = Clock::new(240); // 14,400 ticks, 10 per clock minute
        assert_eq!(c.minute_at(0), 0);
        assert_eq!(c.minute_at(9), 0);
        assert_eq!(c.minute_at(10), 1);
        assert_eq!(hhmm(c.minute_at(c.ticks_for(21 * 60 + 38))), "21:38");
        assert_eq!(c.minute_at(14_399), 1439);
        assert_eq!(hhmm(c.minute_at(14_400)), "24:00");
        assert_eq!(c.minute_at(99_999), 1440);
        assert_eq!(c.seconds_left(0), 240);
        assert_eq!(c.seconds_left(14_341), 1);
    }

    #[test]
    fn ticks_for_is_the_first_tick_of_a_minute() {
        for secs in [37, 90, 240, 301] {
            let c = Clock::new(secs);
            for m in 0..=1440u16 {
                let t = c.ticks_for(m);
                assert_eq!(c.minute_at(t), m, "day {secs}s minute {m}");
                if t > 0 {
                    assert!(c.minute_at(t - 1) < m);
                }
            }
        }
    }
}
