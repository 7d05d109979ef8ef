//! "Skip ahead": the day jumps to its next event — the next scheduled
//! event's minute (a flash sale, a rain, a show, the last hour, a notice)
//! or midnight — or, while a show is on the runway, to the end of the show.
//! It is the fast-forward ([`super::fast_forward_to`]) up to the tick where
//! that happens, so the state is exactly what ticking there one by one
//! gives: the crowd buys, notices fade, stock sells out on the way.

use super::{GameState, Overlay, Phase, fast_forward_to};
use crate::level::DAY_MINUTES;

impl GameState {
    /// Ticks from now to the tick at which the day's next event happens
    /// (its `update(Tick)` fires it): the end of the show on the runway, the
    /// next scheduled event's minute, or midnight. `None` outside the day,
    /// while paused or while an overlay covers the shop.
    pub fn ticks_to_next_event(&self) -> Option<u64> {
        if self.phase != Phase::Day || self.paused || self.day.overlay != Overlay::None {
            return None;
        }
        let d = &self.day;
        if let Some(show) = &d.show {
            let walk = show.look_ticks * show.looks.len() as u64;
            return Some(walk.saturating_sub(show.elapsed).max(1));
        }
        let minute = d
            .schedule
            .get(d.fired)
            .map_or(DAY_MINUTES, |&i| self.level.events[i].at.minutes())
            .min(DAY_MINUTES);
        // An event already due fires on the next tick; otherwise the tick
        // whose step brings the clock to the event's minute.
        let at = self.clock().ticks_for(minute);
        Some(at.saturating_sub(d.ticks).max(1))
    }

    /// Jumps to the next event (see [`GameState::ticks_to_next_event`]).
    pub(super) fn jump_to_next_event(&mut self) {
        if let Some(n) = self.ticks_to_next_event() {
            let to = self.tick + n;
            fast_forward_to(self, to);
        }
    }
}
