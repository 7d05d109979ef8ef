//! `double11 replay FILE`: a replay played back on screen, exactly. The
//! [`Player`] applies each recorded input at its tick; the ticks follow the
//! wall clock at 1×, 2×, 4× or 8×; space pauses, `+`/`-` change the speed,
//! `q` quits. A banner in place of the footer names the level and seed and
//! says whether the score the file claims holds; at the end the festival's
//! last screen (the results) stays up.
//!
//! [`ReplayView`] reads no clock: events and `advance` bring their own
//! `Instant`, so tests play a replay to its end without sleeping.

use std::time::Instant;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;

use super::cart_figures::CartFigures;
use super::play::GameClock;
use super::screen_loop::Model;
use super::state::App;
use crate::level::Level;
use crate::replay::{Player, Replay, Verified};
use crate::ui::demo::{Banner, level_label};

/// The playback speeds, slowest first.
pub const SPEEDS: [u32; 4] = [1, 2, 4, 8];

/// A replay on screen.
pub struct ReplayView {
    /// The app whose settings and theme the views read (it plays nothing).
    pub app: App,
    player: Player,
    /// What the shop shows of the replayed cart.
    cart: CartFigures,
    label: String,
    verified: Verified,
    speed: usize,
    paused: bool,
    /// Wall time → ticks at 1×, counted from the last re-anchor.
    clock: GameClock,
    /// The replay's tick at the last re-anchor.
    base: u64,
    done_seen: bool,
    dirty: bool,
    quit: bool,
}

impl ReplayView {
    /// Starts playing `replay` on `level` at `now`, at 1×. The level must be
    /// the replay's ([`Replay::level`] checks it); the claim is verified up
    /// front by re-running it headless.
    pub fn new(app: App, replay: Replay, level: &Level, now: Instant) -> ReplayView {
        let state = replay.run(level);
        let verified = Verified {
            claimed: replay.score,
            actual: state.score().total,
            finished: state.is_over(),
        };
        let file = std::path::Path::new(&replay.level)
            .file_name()
            .map_or(replay.level.clone(), |f| f.to_string_lossy().into_owned());
        let label = level_label(&file, level);
        let mut clock = GameClock::default();
        clock.start(now, 0);
        let player = Player::new(replay, level);
        ReplayView {
            app,
            cart: CartFigures::of(player.state()),
            player,
            label,
            verified,
            speed: 0,
            paused: false,
            clock,
            base: 0,
            done_seen: false,
            dirty: true,
            quit: false,
        }
    }

    /// The player (its state is what is on screen).
    pub fn player(&self) -> &Player {
        &self.player
    }

    /// The claimed score against re-running the replay.
    pub fn verified(&self) -> &Verified {
        &self.verified
    }

    /// The playback speed (1, 2, 4 or 8).
    pub fn speed(&self) -> u32 {
        SPEEDS[self.speed]
    }

    /// Whether playback is paused.
    pub fn paused(&self) -> bool {
        self.paused
    }

    /// The banner as it reads now.
    pub fn banner(&self) -> Banner {
        Banner {
            level: self.label.clone(),
            seed: self.player.replay().seed,
            score: self.player.state().score().total,
            claimed: self.verified.claimed,
            verified: self.verified.ok(),
            speed: self.speed(),
            paused: self.paused,
            done: self.player.is_done(),
        }
    }

    /// The replay tick at wall time `now`, if playing.
    fn tick_at(&self, now: Instant) -> Option<u64> {
        let k = self.clock.tick_at(now)?;
        Some(self.base + k.saturating_mul(u64::from(self.speed())))
    }

    /// Plays up to `now`; marks a frame due when the screen changed.
    fn play_to(&mut self, now: Instant) {
        let Some(target) = self.tick_at(now) else {
            return;
        };
        let due = self.player.next_wakeup();
        self.player.advance_to(target);
        self.cart.refresh(self.player.state());
        if due.is_some_and(|w| self.player.state().tick() >= w) {
            self.dirty = true;
        }
        if self.player.is_done() && !self.done_seen {
            self.done_seen = true;
            self.dirty = true;
        }
    }

    /// Re-anchors the clock at `now` on the tick reached (for a new speed,
    /// a pause or a resume: call [`ReplayView::play_to`] first, at the old
    /// speed).
    fn reanchor(&mut self, now: Instant) {
        self.base = self.player.state().tick();
        if self.paused {
            self.clock.stop();
        } else {
            self.clock.start(now, 0);
        }
        self.dirty = true;
    }

    fn on_key(&mut self, code: KeyCode, mods: KeyModifiers, at: Instant) {
        match code {
            KeyCode::Char('c' | 'C') if mods.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char('q' | 'Q') | KeyCode::Esc => self.quit = true,
            KeyCode::Enter if self.player.is_done() => self.quit = true,
            KeyCode::Char(' ') => {
                self.play_to(at);
                self.paused = !self.paused;
                self.reanchor(at);
            }
            KeyCode::Char('+' | '=') => {
                self.play_to(at);
                self.speed = (self.speed + 1).min(SPEEDS.len() - 1);
                self.reanchor(at);
            }
            KeyCode::Char('-' | '_') => {
                self.play_to(at);
                self.speed = self.speed.saturating_sub(1);
                self.reanchor(at);
            }
            _ => {}
        }
    }
}

impl Model for ReplayView {
    fn handle(&mut self, event: &Event, at: Instant) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.on_key(key.code, key.modifiers, at);
            }
            Event::Resize(..) => {
                self.app.handle(event, at);
                self.dirty = true;
            }
            _ => {}
        }
    }

    fn terminate(&mut self, _now: Instant) {
        self.quit = true;
    }

    fn advance(&mut self, now: Instant) {
        self.play_to(now);
    }

    fn deadline(&self) -> Option<Instant> {
        if self.paused {
            return None;
        }
        let wake = self.player.next_wakeup()?;
        let speed = u64::from(self.speed());
        let k = wake.saturating_sub(self.base).div_ceil(speed);
        self.clock.instant_of(k)
    }

    fn take_frame(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let banner = self.banner();
        crate::ui::demo::render_replay(
            &self.app,
            self.player.state(),
            &self.cart,
            &banner,
            area,
            frame.buffer_mut(),
        );
    }

    fn quit(&self) -> bool {
        self.quit
    }
}

/// Plays `replay` on screen; returns the exit code: 0 when its claimed
/// score holds, 1 when it does not or its level changed (one line on
/// stderr), 2 when its level cannot be found.
pub fn run(replay: Replay, mut options: super::Options) -> i32 {
    use crate::replay::ReplayError;
    options.mono |= std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let level = match replay.level() {
        Ok(l) => l,
        Err(e @ ReplayError::LevelChanged { .. }) => {
            eprintln!("double11 replay: {e}; it cannot be played back");
            return 1;
        }
        Err(e) => {
            eprintln!("double11 replay: {e}");
            return 2;
        }
    };
    let settings = super::settings::Settings::default();
    let made = super::screen_loop::run(|size, now| {
        let app = App::new(settings, &options, size);
        ReplayView::new(app, replay, &level, now)
    });
    match made {
        Ok(view) if view.verified.ok() => 0,
        Ok(view) => {
            eprintln!(
                "double11 replay: the replay claims {} but re-running it scores {}: \
                 the score was not earned by these inputs",
                view.verified.claimed, view.verified.actual
            );
            1
        }
        Err(message) => {
            eprintln!("{message}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::settings::Settings;
    use crate::bot::{BotKind, run_festival};

    fn view(t0: Instant) -> ReplayView {
        let level = crate::replay::load_level("tutorial.toml").expect("tutorial");
        let mut bot = BotKind::Greedy.make(5);
        let (_, replay) = run_festival("tutorial.toml", &level, 5, bot.as_mut());
        let app = App::new(
            Settings::default(),
            &super::super::Options::default(),
            (80, 24),
        );
        ReplayView::new(app, replay, &level, t0)
    }

    fn press(v: &mut ReplayView, c: char, at: Instant) {
        v.on_key(KeyCode::Char(c), KeyModifiers::NONE, at);
    }

    #[test]
    fn speeds_stop_at_1x_and_8x() {
        let t0 = Instant::now();
        let mut v = view(t0);
        press(&mut v, '-', t0);
        assert_eq!(v.speed(), 1);
        for _ in 0..5 {
            press(&mut v, '+', t0);
        }
        assert_eq!(v.speed(), 8);
    }

    #[test]
    fn the_deadline_is_the_next_change_at_the_speed() {
        let t0 = Instant::now();
        let mut v = view(t0);
        press(&mut v, '+', t0);
        press(&mut v, '+', t0);
        for _ in 0..50 {
            let want = v.player().next_wakeup().expect("not done");
            let at = v.deadline().expect("playing");
            v.advance(at);
            assert!(v.player().state().tick() >= want);
            assert!(
                v.player().state().tick() < want + 4,
                "at most one wall tick late at 4×"
            );
            assert!(v.take_frame(), "every wake shows a change");
        }
    }

    #[test]
    fn a_speed_change_keeps_the_tick_reached() {
        let t0 = Instant::now();
        let mut v = view(t0);
        let t1 = t0 + std::time::Duration::from_secs(2);
        v.advance(t1);
        let reached = v.player().state().tick();
        assert_eq!(reached, 120);
        press(&mut v, '+', t1);
        assert_eq!(v.player().state().tick(), reached);
        v.advance(t1 + std::time::Duration::from_secs(1));
        assert_eq!(v.player().state().tick(), reached + 120);
    }
}
