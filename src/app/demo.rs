//! Attract mode (`double11 demo`): a bot plays the shipped levels on screen
//! in a loop, under a caption; any key hands the game to the person (the
//! title screen); a minute without input on the title or the menus (not
//! mid-game) returns to the demo. Ctrl-C and `q` quit at once.
//!
//! [`DemoApp`] is the whole state machine, without a terminal or a clock
//! read: every event comes with its `Instant`, so tests drive hours of it
//! with made-up times. Nothing in it grows from festival to festival: the
//! [`Demo`] starts each one fresh, and the [`App`] is the one the person
//! uses, left at the title whenever the demo takes over again.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::Frame;

use super::cart_figures::CartFigures;
use super::play::GameClock;
use super::screen_loop::Model;
use super::state::{App, Options, Screen};
use crate::bot::{BotKind, Demo};
use crate::game::TICKS_PER_SECOND;
use crate::ui::demo::{Caption, level_label};

/// A minute without input on the title or the menus returns to the demo.
pub const IDLE: Duration = Duration::from_secs(60);
/// The caption's stars change every half second (a 1 Hz pulse).
pub const PULSE: Duration = Duration::from_millis(500);
/// After a stall (a suspended laptop), the demo skips ahead at most this
/// many ticks instead of racing through the time it missed.
pub const MAX_CATCH_UP: u64 = 2 * TICKS_PER_SECOND;

/// How `double11 demo` was started.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// The bot on screen.
    pub bot: BotKind,
    /// The first festival's seed (each next one uses the next seed);
    /// `None` takes one from the wall clock.
    pub seed: Option<u64>,
    /// The game's options for the person (language, colour, save folder).
    pub game: Options,
}

/// Who has the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The bot plays under the caption.
    Demo,
    /// A person has the normal game.
    Person,
}

/// The attract mode: the bot's demo and the person's game.
pub struct DemoApp {
    /// The normal game, for the person (and the settings the views read).
    pub app: App,
    demo: Demo,
    /// What the shop shows of the bot's cart.
    cart: CartFigures,
    bot: BotKind,
    mode: Mode,
    /// Demo ticks ↔ wall time; runs only while the demo is on screen.
    clock: GameClock,
    /// Demo ticks played so far.
    ticks: u64,
    /// The demo tick at which the screen next changes.
    wake_at: u64,
    /// The last input (or the last moment of a festival in play).
    idle_since: Instant,
    pulse_from: Instant,
    /// The time of the last advance.
    now: Instant,
    bright: bool,
    dirty: bool,
    quit: bool,
    handovers: u64,
}

impl DemoApp {
    /// Starts the demo at `now`, with `app` (at its title) for the person.
    pub fn new(app: App, demo: Demo, bot: BotKind, now: Instant) -> DemoApp {
        let mut clock = GameClock::default();
        clock.start(now, 0);
        let wake_at = demo.next_wakeup();
        DemoApp {
            app,
            cart: CartFigures::of(demo.game()),
            demo,
            bot,
            mode: Mode::Demo,
            clock,
            ticks: 0,
            wake_at,
            idle_since: now,
            pulse_from: now,
            now,
            bright: true,
            dirty: true,
            quit: false,
            handovers: 0,
        }
    }

    /// Who has the screen.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The bot's festivals.
    pub fn demo(&self) -> &Demo {
        &self.demo
    }

    /// Demo ticks played so far (they stop while a person plays).
    pub fn ticks(&self) -> u64 {
        self.ticks
    }

    /// How many times a person took over.
    pub fn handovers(&self) -> u64 {
        self.handovers
    }

    /// The caption as it reads now.
    pub fn caption(&self) -> Caption {
        let game = self.demo.game();
        Caption {
            bot: self.bot,
            level: level_label(self.demo.level_name(), game.level()),
            bright: self.bright,
        }
    }

    /// A festival is in play (not over): the idle minute does not run.
    pub fn mid_game(&self) -> bool {
        self.app.screen == Screen::Playing
            && self.app.play.as_ref().is_some_and(|p| !p.game.is_over())
    }

    /// The person takes the game: the title screen, the demo stopped.
    fn hand_over(&mut self, at: Instant) {
        self.advance_demo(at);
        self.clock.stop();
        self.mode = Mode::Person;
        self.handovers += 1;
        self.idle_since = at;
        self.app.dirty = true;
    }

    /// Back to the demo: a finished festival's result is recorded, the app
    /// goes back to its title, the demo goes on from where it stopped.
    fn back_to_demo(&mut self, now: Instant) {
        if self.app.play.is_some() {
            self.app.leave_play();
        }
        self.app.overlays.clear();
        self.app.notices.clear();
        self.app.title_sel = 0;
        self.app.back_to_title();
        self.mode = Mode::Demo;
        self.clock.start(now, self.ticks);
        self.pulse_from = now;
        self.now = now;
        self.bright = true;
        self.dirty = true;
    }

    /// Plays the demo up to `now` (at most [`MAX_CATCH_UP`] at once) and
    /// turns the caption's stars.
    fn advance_demo(&mut self, now: Instant) {
        self.now = self.now.max(now);
        let Some(target) = self.clock.tick_at(now) else {
            return;
        };
        if target > self.ticks {
            let mut step = target - self.ticks;
            if step > MAX_CATCH_UP {
                step = MAX_CATCH_UP;
                self.clock.start(now, self.ticks + step);
            }
            self.demo.advance(step);
            self.ticks += step;
            self.cart.refresh(self.demo.game());
        }
        if self.ticks >= self.wake_at {
            self.dirty = true;
            self.wake_at = self.ticks + self.demo.next_wakeup();
        }
        let bright = self.app.settings.reduce_motion || self.pulse_index(now) % 2 == 0;
        self.dirty |= bright != self.bright;
        self.bright = bright;
    }

    fn pulse_index(&self, now: Instant) -> u128 {
        now.saturating_duration_since(self.pulse_from).as_nanos() / PULSE.as_nanos()
    }

    fn on_demo_event(&mut self, event: &Event, at: Instant) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(key.code, KeyCode::Char('c' | 'C'));
                let q = matches!(key.code, KeyCode::Char('q' | 'Q'))
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                if ctrl_c || q {
                    self.quit = true;
                } else {
                    self.hand_over(at);
                }
            }
            Event::Mouse(m) if matches!(m.kind, MouseEventKind::Down(_)) => self.hand_over(at),
            Event::Resize(..) => {
                self.app.handle(event, at);
                self.dirty = true;
            }
            _ => {}
        }
    }
}

impl Model for DemoApp {
    fn handle(&mut self, event: &Event, at: Instant) {
        match self.mode {
            Mode::Demo => self.on_demo_event(event, at),
            Mode::Person => {
                if matches!(event, Event::Key(_) | Event::Mouse(_) | Event::Paste(_)) {
                    self.idle_since = self.idle_since.max(at);
                }
                self.app.handle(event, at);
            }
        }
    }

    fn terminate(&mut self, now: Instant) {
        match self.mode {
            Mode::Demo => self.quit = true,
            Mode::Person => {
                self.app.advance(now);
                self.app.terminate();
            }
        }
    }

    fn advance(&mut self, now: Instant) {
        match self.mode {
            Mode::Demo => self.advance_demo(now),
            Mode::Person => {
                self.app.advance(now);
                if self.mid_game() {
                    self.idle_since = self.idle_since.max(now);
                } else if now >= self.idle_since + IDLE && !self.app.quit {
                    self.back_to_demo(now);
                }
            }
        }
    }

    fn deadline(&self) -> Option<Instant> {
        match self.mode {
            Mode::Demo => {
                let wake = self.clock.instant_of(self.wake_at);
                if self.app.settings.reduce_motion {
                    return wake;
                }
                let pulse = self.next_pulse();
                Some(wake.map_or(pulse, |w| w.min(pulse)))
            }
            Mode::Person => {
                let idle = (!self.mid_game()).then(|| self.idle_since + IDLE);
                match (self.app.deadline(), idle) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            }
        }
    }

    fn take_frame(&mut self) -> bool {
        match self.mode {
            Mode::Demo => std::mem::take(&mut self.dirty),
            Mode::Person => self.app.take_frame(),
        }
    }

    fn draw(&self, frame: &mut Frame) {
        match self.mode {
            Mode::Demo => {
                let area = frame.area();
                let caption = self.caption();
                crate::ui::demo::render_demo(
                    &self.app,
                    self.demo.game(),
                    &self.cart,
                    &caption,
                    area,
                    frame.buffer_mut(),
                );
            }
            Mode::Person => crate::ui::draw(frame, &self.app),
        }
    }

    fn quit(&self) -> bool {
        self.quit || self.app.quit
    }
}

impl DemoApp {
    /// When the caption's stars next change (after the last advance).
    fn next_pulse(&self) -> Instant {
        let n = u32::try_from(self.pulse_index(self.now) + 1).unwrap_or(u32::MAX);
        self.pulse_from + PULSE.saturating_mul(n)
    }
}

/// Runs the attract mode in this terminal; returns the exit code.
pub fn run(mut options: DemoOptions) -> i32 {
    let game = &mut options.game;
    game.mono |= std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let seed = options.seed.unwrap_or_else(wall_clock_seed);
    let Some(demo) = Demo::new(Demo::shipped_levels(), options.bot, seed) else {
        eprintln!("double11 demo: no shipped level loads");
        return 1;
    };
    let bot = options.bot;
    let game = &options.game;
    match super::screen_loop::run(|size, now| DemoApp::new(App::open(game, size), demo, bot, now)) {
        Ok(_) => 0,
        Err(message) => {
            eprintln!("{message}");
            1
        }
    }
}

/// A seed from the wall clock, so each start shows other festivals.
fn wall_clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(1111)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::settings::Settings;

    fn demo_app(settings: Settings, t0: Instant) -> DemoApp {
        let app = App::new(settings, &Options::default(), (120, 36));
        let demo = Demo::new(Demo::shipped_levels(), BotKind::Greedy, 7).expect("levels");
        DemoApp::new(app, demo, BotKind::Greedy, t0)
    }

    #[test]
    fn a_stall_is_skipped_not_raced() {
        let t0 = Instant::now();
        let mut d = demo_app(Settings::default(), t0);
        d.advance(t0 + Duration::from_secs(3_600));
        assert_eq!(d.ticks(), MAX_CATCH_UP);
        d.advance(t0 + Duration::from_secs(3_601));
        assert_eq!(d.ticks(), MAX_CATCH_UP + TICKS_PER_SECOND);
    }

    #[test]
    fn the_stars_pulse_at_1_hz_unless_motion_is_reduced() {
        let t0 = Instant::now();
        let mut d = demo_app(Settings::default(), t0);
        assert!(d.deadline().is_some_and(|at| at <= t0 + PULSE));
        d.advance(t0 + PULSE);
        assert!(!d.caption().bright);
        d.advance(t0 + 2 * PULSE);
        assert!(d.caption().bright);
        let calm = Settings {
            reduce_motion: true,
            ..Settings::default()
        };
        let mut d = demo_app(calm, t0);
        d.advance(t0 + PULSE);
        assert!(d.caption().bright);
    }

    #[test]
    fn a_resize_in_the_demo_is_drawn_at_the_new_size() {
        let t0 = Instant::now();
        let mut d = demo_app(Settings::default(), t0);
        assert!(d.take_frame());
        d.handle(&Event::Resize(80, 24), t0);
        assert_eq!(d.mode(), Mode::Demo);
        assert_eq!(d.app.size, (80, 24));
        assert!(d.take_frame());
        assert!(!d.take_frame(), "one frame per change");
    }

    #[test]
    fn key_releases_do_not_hand_over() {
        use crossterm::event::{KeyEvent, KeyEventState};
        let t0 = Instant::now();
        let mut d = demo_app(Settings::default(), t0);
        let release = Event::Key(KeyEvent {
            code: KeyCode::Char('x'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        d.handle(&release, t0);
        assert_eq!(d.mode(), Mode::Demo);
        d.handle(&Event::FocusLost, t0);
        assert_eq!(d.mode(), Mode::Demo);
    }
}
