//! A festival in progress: the pure game state plus the clock that maps wall
//! time to game ticks. The clock only runs while the game is on screen and
//! unpaused; resuming re-anchors it, so paused time never reaches the game.

use std::time::{Duration, Instant};

use crate::game::{self, Event, GameState, Input, Phase, TICKS_PER_SECOND};

/// Wall time ↔ game ticks, anchored at the last (re)start.
#[derive(Debug, Clone, Copy, Default)]
pub struct GameClock {
    anchor: Option<(Instant, u64)>,
}

impl GameClock {
    /// Starts (or restarts) the clock at `now`, at game tick `tick`.
    pub fn start(&mut self, now: Instant, tick: u64) {
        self.anchor = Some((now, tick));
    }

    /// Stops the clock.
    pub fn stop(&mut self) {
        self.anchor = None;
    }

    /// Whether the clock runs.
    pub fn running(&self) -> bool {
        self.anchor.is_some()
    }

    /// The game tick at wall time `at` (never before the anchor).
    pub fn tick_at(&self, at: Instant) -> Option<u64> {
        let (t0, k0) = self.anchor?;
        let dt = at.saturating_duration_since(t0);
        let ticks = dt.as_nanos() * u128::from(TICKS_PER_SECOND) / 1_000_000_000;
        Some(k0 + u64::try_from(ticks).unwrap_or(u64::MAX / 2))
    }

    /// The wall time game tick `tick` falls due.
    pub fn instant_of(&self, tick: u64) -> Option<Instant> {
        let (t0, k0) = self.anchor?;
        let d = tick.saturating_sub(k0);
        let nanos = u128::from(d) * 1_000_000_000 / u128::from(TICKS_PER_SECOND);
        // Round up so the tick has certainly passed when we wake.
        let nanos = u64::try_from(nanos + 1).unwrap_or(u64::MAX);
        t0.checked_add(Duration::from_nanos(nanos))
    }
}

/// A festival being played.
#[derive(Debug, Clone)]
pub struct Play {
    /// The game.
    pub game: GameState,
    /// The level's menu name (file name).
    pub level_name: String,
    /// Wall time → ticks.
    pub clock: GameClock,
    /// Typing into the shop's search box.
    pub searching: bool,
}

impl Play {
    /// A new festival, clock stopped.
    pub fn new(game: GameState, level_name: String) -> Play {
        Play {
            game,
            level_name,
            clock: GameClock::default(),
            searching: false,
        }
    }

    /// Sends ticks up to wall time `at`; true when something visible changed.
    pub fn advance_to(&mut self, at: Instant) -> bool {
        let Some(target) = self.clock.tick_at(at) else {
            return false;
        };
        let wake = self.game.next_wakeup();
        let phase = *self.game.phase();
        game::advance_to(&mut self.game, target);
        wake.is_some_and(|w| self.game.tick() >= w) || *self.game.phase() != phase
    }

    /// Applies an input that happened at `at`: ticks up to then, then the input.
    pub fn input(&mut self, input: Input, at: Instant) {
        self.advance_to(at);
        game::update(&mut self.game, Event::Input(input));
    }

    /// When the loop must wake next, if the clock runs.
    pub fn deadline(&self) -> Option<Instant> {
        self.clock.instant_of(self.game.next_wakeup()?)
    }

    /// The phase.
    pub fn phase(&self) -> Phase {
        *self.game.phase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_maps_both_ways_and_stops() {
        let t0 = Instant::now();
        let mut c = GameClock::default();
        assert_eq!(c.tick_at(t0), None);
        c.start(t0, 100);
        assert_eq!(c.tick_at(t0 + Duration::from_millis(500)), Some(130));
        let due = c.instant_of(160).expect("running");
        assert_eq!(c.tick_at(due), Some(160));
        assert_eq!(c.tick_at(t0 - Duration::from_secs(1)), Some(100));
        c.stop();
        assert!(!c.running());
    }
}
