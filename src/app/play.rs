//! A festival in progress: the pure game state plus the clock that maps wall
//! time to game ticks. The clock only runs while the game is on screen and
//! unpaused; resuming re-anchors it, so paused time never reaches the game.
//! Every input the app applies is recorded, so every finished festival has
//! a replay.

use std::time::{Duration, Instant};

use super::cart_figures::CartFigures;
use super::name_entry::NameEntry;
use crate::game::{self, GameState, Input, Phase, TICKS_PER_SECOND};
use crate::replay::Recorder;
use crate::rules::BestPlan;

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

/// Where a festival's result stands once midnight has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    /// Not over yet (or the results not yet seen by the app).
    Playing,
    /// A new high score: the player is typing a name; not yet recorded.
    NameEntry(NameEntry),
    /// Recorded in the save (once); `place` on the table, if it made it.
    Recorded {
        /// 1 = best.
        place: Option<usize>,
    },
}

/// A festival being played.
#[derive(Debug, Clone)]
pub struct Play {
    /// The game.
    pub game: GameState,
    /// The level's menu name (file name): its high scores go under it.
    pub level_name: String,
    /// Wall time → ticks.
    pub clock: GameClock,
    /// Typing into the shop's search box.
    pub searching: bool,
    /// Every input applied so far, with its tick.
    pub recorder: Recorder,
    /// The result's progress into the save.
    pub finish: Finish,
    /// What the shop and the checkout show about the cart.
    pub cart: CartFigures,
    /// At midnight, the best plan for the wishlist (worked out when the
    /// player asks to see it).
    pub wishlist_plan: Option<BestPlan>,
}

impl Play {
    /// A new festival, clock stopped. `source` is the level's name for the
    /// replay (a shipped file name or a path).
    pub fn new(game: GameState, level_name: String, source: &str) -> Play {
        let recorder = Recorder::for_game(source, &game);
        Play {
            cart: CartFigures::of(&game),
            game,
            level_name,
            clock: GameClock::default(),
            searching: false,
            recorder,
            finish: Finish::Playing,
            wishlist_plan: None,
        }
    }

    /// A festival resumed from its saved state and the inputs it had so
    /// far (its replay goes on from there).
    pub fn resumed(
        game: GameState,
        level_name: String,
        source: &str,
        inputs: &[(u64, Input)],
    ) -> Play {
        let mut recorder = Recorder::new(source, game.level(), game.seed());
        for (tick, input) in inputs {
            recorder.record(*tick, input);
        }
        Play {
            recorder,
            ..Play::new(game, level_name, source)
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
        self.cart.refresh(&self.game);
        wake.is_some_and(|w| self.game.tick() >= w) || *self.game.phase() != phase
    }

    /// Applies an input that happened at `at`: ticks up to then, then the
    /// input, recorded with its tick.
    pub fn input(&mut self, input: Input, at: Instant) {
        self.advance_to(at);
        self.recorder.apply(&mut self.game, input);
        // An input that jumps ahead (skip to the next event) moves the game
        // past the wall clock: the clock goes on from the game's tick.
        if self
            .clock
            .tick_at(at)
            .is_some_and(|now| self.game.tick() > now)
        {
            self.clock.start(at, self.game.tick());
        }
        self.cart.refresh(&self.game);
    }

    /// Puts `game` in play as it stands (a festival built elsewhere, as
    /// tests do), its cart figures worked out.
    pub fn set_game(&mut self, game: GameState) {
        self.game = game;
        self.cart = CartFigures::of(&self.game);
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

    #[test]
    fn every_input_is_recorded_and_replays_to_the_same_state() {
        let level = crate::level::load_shipped("tutorial.toml")
            .expect("shipped")
            .expect("valid");
        let t0 = Instant::now();
        let mut p = Play::new(
            GameState::new(&level, 5),
            "tutorial.toml".into(),
            "tutorial.toml",
        );
        p.clock.start(t0, 0);
        p.input(Input::Confirm, t0);
        p.input(Input::Lane(2), t0 + Duration::from_secs(3));
        p.input(Input::Lane(1), t0 + Duration::from_secs(4));
        assert_eq!(p.recorder.inputs().len(), 3);
        assert_eq!(p.recorder.inputs()[1].0, 3 * TICKS_PER_SECOND);
        let replay = p.recorder.snapshot(&p.game);
        assert_eq!(replay.run(&level), p.game);
        let back = Play::resumed(
            p.game.clone(),
            "tutorial.toml".into(),
            "tutorial.toml",
            p.recorder.inputs(),
        );
        assert_eq!(back.recorder.inputs(), p.recorder.inputs());
    }
}
