//! Scheduled events firing at their clock times: flash sales opening, extra
//! rains (the clock stops while they fall), the "see now, buy now" show (the
//! clock stops while it runs), the last-hour rush and notices.

use super::day::{NoticeKind, Show};
use super::{GameState, TICKS_PER_SECOND};
use crate::level::EventKind;

impl GameState {
    /// Fires every event whose time has come, in time order. Returns true
    /// when one took over the screen (a rain card or a show): the clock does
    /// not move this tick, the rest wait for the next.
    pub(super) fn fire_due_events(&mut self) -> bool {
        while let Some(&i) = self.day.schedule.get(self.day.fired) {
            let event = &self.level.events[i];
            if event.at.minutes() > self.day.minute {
                return false;
            }
            self.day.fired += 1;
            self.day.news.push((i, self.day.minute));
            match event.kind {
                EventKind::FlashSale | EventKind::Notice => {
                    self.notify(NoticeKind::Event { event: i });
                }
                EventKind::Rush => {
                    self.day.rush = Some(event.factor);
                    self.notify(NoticeKind::Event { event: i });
                }
                EventKind::Rain => {
                    let spec = event.rain.as_deref().and_then(|r| self.level.rain_index(r));
                    if self.draws.day_used >= self.draws.per_day {
                        self.notify(NoticeKind::NoDrawsLeft);
                    } else if let Some(spec) = spec {
                        self.day.overlay = super::Overlay::None;
                        self.day_rain(spec);
                        if self.rain.is_some() {
                            return true;
                        }
                    }
                }
                EventKind::Show => {
                    let looks = event
                        .looks
                        .iter()
                        .filter_map(|id| self.level.item_index(id))
                        .collect::<Vec<_>>();
                    if !looks.is_empty() {
                        let look_ticks = u64::from(event.look_seconds.max(1)) * TICKS_PER_SECOND;
                        self.day.show = Some(Show {
                            event: i,
                            looks,
                            look_ticks,
                            elapsed: 0,
                        });
                        self.notify(NoticeKind::Event { event: i });
                        return true;
                    }
                }
            }
        }
        false
    }
}
