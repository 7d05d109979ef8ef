//! Fast-forward: jump over the ticks where nothing happens.
//!
//! A tick usually only moves counters (`tick`, the running ticks, the rain's
//! or the day's own timer). [`fast_forward_to`] adds those up in one go and
//! sends a real [`Event::Tick`] only where a tick does more: a spawn, an
//! envelope falling past, a pop or notice fading, the crowd's grab each
//! second, a new clock minute (the crowd buys, events fire), a look leaving
//! the runway, the end of the opening. Stretches that only let the crowd buy
//! (whole clock minutes, a look's walk) are bought in one go. The result is
//! exactly the state that as many single ticks give (`tests/bots.rs`
//! compares states over whole festivals with random inputs, and every tick
//! of a runway show).

use super::day::show_share;
use super::{Event, GameState, Phase, TICKS_PER_SECOND, crowd, update};
use crate::level::DAY_MINUTES;

/// Advances to `tick` (no-op if already there), exactly as sending
/// `tick - state.tick()` single [`Event::Tick`]s would.
pub fn fast_forward_to(state: &mut GameState, tick: u64) {
    while state.tick < tick {
        state.skip_day_minutes(tick);
        state.skip_show_ticks(tick);
        if state.tick >= tick {
            break;
        }
        let quiet = state.quiet_ticks().min(tick - state.tick);
        if quiet > 0 {
            state.skip_quiet(quiet);
        }
        if state.tick < tick {
            update(state, Event::Tick);
        }
    }
}

impl GameState {
    /// How many of the next ticks only move counters (`u64::MAX`: all of them).
    fn quiet_ticks(&self) -> u64 {
        if self.paused {
            return u64::MAX;
        }
        match self.phase {
            Phase::RainIntro | Phase::RainOver | Phase::Results => u64::MAX,
            // The step that reaches the length changes the phase.
            Phase::Opening => self
                .opening_length()
                .saturating_sub(self.opening_ticks)
                .saturating_sub(1),
            Phase::Rain => self.rain_quiet_ticks(),
            Phase::Day => self.day_quiet_ticks(),
        }
    }

    /// Quiet rain ticks: before the next second (the crowd grabs), spawn,
    /// envelope falling past, pop fading or the end.
    fn rain_quiet_ticks(&self) -> u64 {
        let Some(r) = self.rain.as_ref() else {
            return 0;
        };
        if r.end.is_some() || r.pool_left.0 == 0 {
            return 0;
        }
        let now = r.elapsed;
        // The first rain tick whose step does something.
        let mut busy = (now / TICKS_PER_SECOND + 1) * TICKS_PER_SECOND;
        busy = busy.min(r.duration).min(r.next_spawn);
        let rows = u64::from(r.rows);
        for f in &r.falling {
            busy = busy.min(r.tick_of_row(f.spawn, rows));
        }
        for p in &r.pops {
            busy = busy.min(p.until);
        }
        busy.saturating_sub(now + 1)
    }

    /// Quiet day ticks: before the next clock minute (the crowd buys, events
    /// fire, midnight) or a notice fading; none while a show runs or an
    /// event is due.
    fn day_quiet_ticks(&self) -> u64 {
        let d = &self.day;
        if d.show.is_some() {
            return 0;
        }
        if let Some(&i) = d.schedule.get(d.fired)
            && self.level.events[i].at.minutes() <= d.minute
        {
            return 0;
        }
        let clock = self.clock();
        if clock.minute_at(d.ticks) != d.minute || d.minute >= crate::level::DAY_MINUTES {
            return 0;
        }
        // Step j (1-based) sets the clock to ticks + j: quiet while the minute stays.
        let mut quiet = clock.ticks_for(d.minute + 1).saturating_sub(d.ticks + 1);
        if let Some(n) = &d.notice {
            // Step j sees running tick active + j: the notice goes when until <= that.
            quiet = quiet.min(n.until.saturating_sub(self.active + 1));
        }
        quiet
    }

    /// Runs the day's clock over whole minutes at once, up to `tick` and
    /// short of the next event's minute and midnight: a tick that starts a
    /// new minute then only lets the crowd buy (events come at their minute,
    /// shows and rains stop the clock), so the stretch is the crowd's
    /// purchases over those minutes ([`crowd::crowd_minutes`]) and the
    /// counters moved to the tick the last minute starts. A notice due to
    /// fade by then is gone, as the tick at its fading would have cleared it.
    fn skip_day_minutes(&mut self, tick: u64) {
        if self.paused || self.phase != Phase::Day || self.tick >= tick {
            return;
        }
        let d = &self.day;
        if d.show.is_some() {
            return;
        }
        let clock = self.clock();
        if clock.minute_at(d.ticks) != d.minute {
            return;
        }
        let next_event = d
            .schedule
            .get(d.fired)
            .map_or(DAY_MINUTES, |&i| self.level.events[i].at.minutes())
            .min(DAY_MINUTES);
        if next_event <= d.minute {
            return;
        }
        // The last minute to start: before the next event (or midnight),
        // and one whose first tick is not past `tick`.
        let reach = clock.minute_at(d.ticks + (tick - self.tick));
        let last = reach.min(next_event - 1);
        if last <= d.minute {
            return;
        }
        let (from, rush) = (d.minute, d.rush);
        let n = clock.ticks_for(last) - d.ticks;
        crowd::crowd_minutes(&self.level, &mut self.day.stock, from, last, rush);
        self.tick += n;
        self.active += n;
        self.day.ticks += n;
        self.day.minute = last;
        self.fade_notice();
    }

    /// Runs a show on the runway over many ticks at once, up to `tick` and
    /// short of the tick that ends the look on stage: the clock stands still
    /// while a show runs, and each of those ticks only lets the crowd buy up
    /// to its share of the look so far, so the stretch is one purchase up
    /// to the share at its last tick (the minute, and so a sell-out's time,
    /// is the same for all). A notice due to fade by then is gone.
    fn skip_show_ticks(&mut self, tick: u64) {
        if self.paused || self.phase != Phase::Day || self.tick >= tick {
            return;
        }
        let Some(show) = self.day.show.as_mut() else {
            return;
        };
        let Some(item) = show.on_stage() else {
            return;
        };
        let n = (tick - self.tick).min(show.look_left() - 1);
        if n == 0 {
            return;
        }
        // The stretch's last tick is `n` ticks into what is left of the look.
        let into = show.elapsed % show.look_ticks + n;
        let stock = &mut self.day.stock[item];
        let due = show_share(
            stock.start,
            self.level.items[item].crowd,
            into,
            show.look_ticks,
        )
        .saturating_sub(stock.crowd_sold);
        stock.crowd_buys(due, self.day.minute);
        show.elapsed += n;
        self.tick += n;
        self.active += n;
        self.fade_notice();
    }

    /// Applies `n` quiet ticks at once (see [`GameState::quiet_ticks`]).
    fn skip_quiet(&mut self, n: u64) {
        self.tick += n;
        if self.paused {
            return;
        }
        self.active += n;
        match self.phase {
            Phase::Opening => self.opening_ticks += n,
            Phase::Rain => {
                if let Some(r) = self.rain.as_mut() {
                    r.elapsed += n;
                }
            }
            Phase::Day => self.day.ticks += n,
            Phase::RainIntro | Phase::RainOver | Phase::Results => {}
        }
    }
}
