//! The demo loop: a bot plays the levels one after another, for the attract
//! mode. The app owns the screen and the wall clock; it calls
//! [`Demo::advance`] with the ticks that passed and draws [`Demo::game`].
//!
//! Nothing grows from festival to festival: each one is a fresh
//! [`GameState`], bot and [`Recorder`]; only a counter survives.

use super::{Bot, BotKind};
use crate::game::{self, Event, GameState, Phase, TICKS_PER_SECOND};
use crate::level::Level;
use crate::replay::Recorder;

/// Ticks between two keys outside the rain (so a person can follow).
pub const DEFAULT_PACE: u64 = 4;
/// How long the results stay on screen before the next festival.
pub const DEFAULT_HOLD: u64 = 8 * TICKS_PER_SECOND;

/// Festivals played back to back by a bot.
pub struct Demo {
    levels: Vec<(String, Level)>,
    kind: BotKind,
    seed: u64,
    index: usize,
    game: GameState,
    bot: Box<dyn Bot>,
    recorder: Recorder,
    next_act: u64,
    pace: u64,
    hold: u64,
    over_at: Option<u64>,
    played: u64,
}

impl Demo {
    /// A demo over `levels` (name, level), in order, starting with `seed`
    /// (each next festival uses the next seed). `None` without levels.
    pub fn new(levels: Vec<(String, Level)>, kind: BotKind, seed: u64) -> Option<Demo> {
        let (name, level) = levels.first()?;
        let game = GameState::new(level, seed);
        let recorder = Recorder::new(name, level, seed);
        Some(Demo {
            kind,
            seed,
            index: 0,
            game,
            bot: kind.make(seed),
            recorder,
            next_act: 0,
            pace: DEFAULT_PACE,
            hold: DEFAULT_HOLD,
            over_at: None,
            played: 0,
            levels,
        })
    }

    /// The shipped levels, in menu order (those that load).
    pub fn shipped_levels() -> Vec<(String, Level)> {
        crate::level::shipped()
            .into_iter()
            .filter_map(|(n, text)| Some((n.to_string(), Level::from_toml_str(text, n).ok()?)))
            .collect()
    }

    /// Sets the ticks between keys outside the rain (0: as fast as the bot goes).
    pub fn with_pace(mut self, ticks: u64) -> Demo {
        self.pace = ticks;
        self
    }

    /// Sets how many ticks the results stay up.
    pub fn with_hold(mut self, ticks: u64) -> Demo {
        self.hold = ticks;
        self
    }

    /// The festival on screen.
    pub fn game(&self) -> &GameState {
        &self.game
    }

    /// Its level's name (file name).
    pub fn level_name(&self) -> &str {
        &self.levels[self.index].0
    }

    /// Festivals finished so far.
    pub fn festivals_played(&self) -> u64 {
        self.played
    }

    /// The current festival's recording so far.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    /// Ticks until something changes on screen (the game or the bot's next key).
    pub fn next_wakeup(&self) -> u64 {
        let now = self.game.tick();
        let mut at = self.next_act.max(now + 1);
        if let Some(w) = self.game.next_wakeup() {
            at = at.min(w);
        }
        if let Some(t) = self.over_at {
            at = at.min(t + self.hold);
        }
        at.saturating_sub(now).max(1)
    }

    /// Runs `ticks` ticks of game time: the bot plays, festivals follow one
    /// another (the results stay up for the hold time).
    pub fn advance(&mut self, mut ticks: u64) {
        while ticks > 0 {
            let now = self.game.tick();
            if self.game.is_over() {
                let over = *self.over_at.get_or_insert(now);
                let until = over + self.hold;
                if now >= until {
                    self.next_festival();
                    continue;
                }
                let step = ticks.min(until - now);
                game::fast_forward_to(&mut self.game, now + step);
                ticks -= step;
                continue;
            }
            if now >= self.next_act {
                self.act();
                if self.game.is_over() {
                    continue;
                }
            }
            let now = self.game.tick();
            let step = ticks.min(self.next_act.max(now + 1) - now);
            game::fast_forward_to(&mut self.game, now + step);
            ticks -= step;
        }
    }

    /// The bot's keys for this tick (one, outside the rain, when paced).
    fn act(&mut self) {
        let now = self.game.tick();
        let paced = self.pace > 0 && self.game.phase() != &Phase::Rain;
        let mut sent = 0;
        while sent < super::run::MAX_INPUTS_PER_TICK {
            let Some(input) = self.bot.act(&self.game) else {
                break;
            };
            self.recorder.record(now, &input);
            game::update(&mut self.game, Event::Input(input));
            sent += 1;
            if paced || self.game.is_over() {
                break;
            }
        }
        self.next_act = if sent > 0 && paced {
            now + self.pace
        } else {
            self.bot
                .wake(&self.game)
                .or_else(|| self.game.next_wakeup())
                .unwrap_or(now + TICKS_PER_SECOND)
        }
        .max(now + 1);
    }

    fn next_festival(&mut self) {
        self.played += 1;
        self.index = (self.index + 1) % self.levels.len();
        self.seed = self.seed.wrapping_add(1);
        let (name, level) = &self.levels[self.index];
        self.game = GameState::new(level, self.seed);
        self.recorder = Recorder::new(name, level, self.seed);
        self.bot = self.kind.make(self.seed);
        self.next_act = 0;
        self.over_at = None;
    }
}
