//! Replays: a festival as its level, seed and time-stamped inputs.
//!
//! The game core is deterministic, so a [`Replay`] is all it takes to
//! rebuild a festival to the tick: `double11 replay FILE --verify` re-runs it
//! headless and checks the score it claims; the app plays it back on screen
//! with a [`Player`]; a saved high score keeps its replay so an edited score
//! without one that earns it can be refused.
//!
//! The file is JSON (`serde_json`), one object:
//!
//! ```json
//! { "version": 1, "level": "2017.toml", "level_hash": "9c1f…", "seed": 11,
//!   "inputs": [[0, "Confirm"], [95, {"Lane": 2}], …],
//!   "end_tick": 21731, "score": 48210 }
//! ```
//!
//! `level_hash` is [`level_hash`] of the parsed level (FNV-1a 64 over its
//! canonical JSON), so any change to the level that matters to the game is
//! detected, while comments and formatting in the level file are not.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::game::{self, Event, GameState, Input};
use crate::level::Level;

/// The replay format version this build writes and reads.
pub const REPLAY_VERSION: u32 = 1;

/// A whole festival, replayable to the tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replay {
    /// Format version ([`REPLAY_VERSION`]).
    pub version: u32,
    /// The level: a shipped level's file name (`"2017.toml"`) or a path.
    pub level: String,
    /// [`level_hash`] of the level it was recorded on.
    pub level_hash: String,
    /// The game's seed.
    pub seed: u64,
    /// Inputs with the tick they were applied at, in order (ties keep order).
    pub inputs: Vec<(u64, Input)>,
    /// The tick the recording ended at (the festival's end, or where the
    /// player left it).
    pub end_tick: u64,
    /// The score the recording claims at `end_tick` (`GameState::score().total`).
    pub score: i64,
}

/// Why a replay could not be read or run.
#[derive(Debug)]
pub enum ReplayError {
    /// The file could not be read.
    Io(String, std::io::Error),
    /// Not a replay (bad JSON or missing fields).
    Parse(String),
    /// A format version this build does not know.
    Version(u32),
    /// Inputs out of tick order, or after the end tick.
    Order {
        /// Index of the first bad input.
        index: usize,
    },
    /// The level is not shipped and no such file loads.
    UnknownLevel(String),
    /// The level changed since the replay was recorded.
    LevelChanged {
        /// The level.
        level: String,
        /// The hash in the replay.
        recorded: String,
        /// The level's hash now.
        now: String,
    },
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReplayError::Io(path, e) => write!(f, "{path}: {e}"),
            ReplayError::Parse(m) => write!(f, "not a double11 replay: {m}"),
            ReplayError::Version(v) => write!(
                f,
                "replay format version {v} is not supported (this build reads version {REPLAY_VERSION})"
            ),
            ReplayError::Order { index } => write!(
                f,
                "input {index} is out of tick order or after the end tick"
            ),
            ReplayError::UnknownLevel(l) => {
                write!(f, "level {l:?} is neither a shipped level nor a level file")
            }
            ReplayError::LevelChanged {
                level,
                recorded,
                now,
            } => write!(
                f,
                "level {level:?} changed since this replay was recorded (hash {recorded}, now {now})"
            ),
        }
    }
}

impl std::error::Error for ReplayError {}

/// What re-running a replay gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The score the replay claims.
    pub claimed: i64,
    /// The score re-running it gives.
    pub actual: i64,
    /// The festival reached the results.
    pub finished: bool,
}

impl Verified {
    /// The claim holds.
    pub fn ok(&self) -> bool {
        self.claimed == self.actual
    }
}

/// FNV-1a 64 of the level's canonical JSON, as 16 hex digits.
pub fn level_hash(level: &Level) -> String {
    let bytes = serde_json::to_vec(level).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Loads a level by name: a shipped level's file name (`2017.toml`, or
/// `2017`), else a level file's path.
pub fn load_level(name: &str) -> Result<Level, ReplayError> {
    let shipped = crate::level::load_shipped(name)
        .or_else(|| crate::level::load_shipped(&format!("{name}.toml")));
    if let Some(loaded) = shipped {
        return loaded.map_err(|e| ReplayError::Parse(e.to_string()));
    }
    let text =
        std::fs::read_to_string(name).map_err(|_| ReplayError::UnknownLevel(name.to_string()))?;
    Level::from_toml_str(&text, name).map_err(|e| ReplayError::Parse(e.to_string()))
}

impl Replay {
    /// Reads and checks a replay file (version, input order).
    pub fn read(path: &Path) -> Result<Replay, ReplayError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ReplayError::Io(path.display().to_string(), e))?;
        Replay::from_json(&text)
    }

    /// Parses and checks a replay (version, input order).
    pub fn from_json(text: &str) -> Result<Replay, ReplayError> {
        let replay: Replay =
            serde_json::from_str(text).map_err(|e| ReplayError::Parse(e.to_string()))?;
        if replay.version != REPLAY_VERSION {
            return Err(ReplayError::Version(replay.version));
        }
        let mut last = 0;
        for (index, (t, _)) in replay.inputs.iter().enumerate() {
            if *t < last || *t > replay.end_tick {
                return Err(ReplayError::Order { index });
            }
            last = *t;
        }
        Ok(replay)
    }

    /// The replay as pretty JSON (one input per line).
    pub fn to_json(&self) -> String {
        let inputs: Vec<String> = self
            .inputs
            .iter()
            .map(|i| serde_json::to_string(i).unwrap_or_default())
            .collect();
        format!(
            "{{\n  \"version\": {},\n  \"level\": {},\n  \"level_hash\": {},\n  \"seed\": {},\n  \"inputs\": [{}{}],\n  \"end_tick\": {},\n  \"score\": {}\n}}\n",
            self.version,
            json_str(&self.level),
            json_str(&self.level_hash),
            self.seed,
            if inputs.is_empty() { "" } else { "\n    " },
            if inputs.is_empty() {
                String::new()
            } else {
                inputs.join(",\n    ") + "\n  "
            },
            self.end_tick,
            self.score,
        )
    }

    /// Writes the replay to `path`.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, self.to_json())
    }

    /// Loads the replay's level ([`load_level`]) and checks its hash.
    pub fn level(&self) -> Result<Level, ReplayError> {
        let level = load_level(&self.level)?;
        self.check_level(&level)?;
        Ok(level)
    }

    /// Checks that `level` is the one the replay was recorded on.
    pub fn check_level(&self, level: &Level) -> Result<(), ReplayError> {
        let now = level_hash(level);
        if now != self.level_hash {
            return Err(ReplayError::LevelChanged {
                level: self.level.clone(),
                recorded: self.level_hash.clone(),
                now,
            });
        }
        Ok(())
    }

    /// Re-runs the replay on `level` headless: the state at `end_tick`.
    pub fn run(&self, level: &Level) -> GameState {
        let mut player = Player::new(self.clone(), level);
        player.advance_to(self.end_tick);
        player.state
    }

    /// Re-runs the replay on `level` and compares the score with its claim.
    pub fn verify(&self, level: &Level) -> Result<Verified, ReplayError> {
        self.check_level(level)?;
        let state = self.run(level);
        Ok(Verified {
            claimed: self.score,
            actual: state.score().total,
            finished: state.is_over(),
        })
    }
}

/// Records a festival as it is played: call [`Recorder::record`] with every
/// input the app applies (with the tick it is applied at), then
/// [`Recorder::finish`].
#[derive(Debug, Clone)]
pub struct Recorder {
    replay: Replay,
}

impl Recorder {
    /// Starts recording a new festival of `level` (named `level_name`: a
    /// shipped level's file name or a level file's path) with `seed`.
    pub fn new(level_name: &str, level: &Level, seed: u64) -> Recorder {
        Recorder {
            replay: Replay {
                version: REPLAY_VERSION,
                level: level_name.to_string(),
                level_hash: level_hash(level),
                seed,
                inputs: Vec::new(),
                end_tick: 0,
                score: 0,
            },
        }
    }

    /// Starts recording the festival `state` (its level and seed; `state`
    /// should be new, at tick 0).
    pub fn for_game(level_name: &str, state: &GameState) -> Recorder {
        Recorder::new(level_name, state.level(), state.seed())
    }

    /// Records `input`, applied at `tick` (ticks never go back).
    pub fn record(&mut self, tick: u64, input: &Input) {
        self.replay.inputs.push((tick, input.clone()));
    }

    /// Applies `input` to `state` and records it: the one call the app needs.
    pub fn apply(&mut self, state: &mut GameState, input: Input) {
        self.record(state.tick(), &input);
        game::update(state, Event::Input(input));
    }

    /// Inputs recorded so far.
    pub fn inputs(&self) -> &[(u64, Input)] {
        &self.replay.inputs
    }

    /// The replay so far, ending at `state` (its tick and score).
    pub fn snapshot(&self, state: &GameState) -> Replay {
        let mut r = self.replay.clone();
        r.end_tick = state.tick();
        r.score = state.score().total;
        r
    }

    /// Ends the recording at `state` (its tick and score).
    pub fn finish(mut self, state: &GameState) -> Replay {
        self.replay.end_tick = state.tick();
        self.replay.score = state.score().total;
        self.replay
    }
}

/// Plays a replay back: the app (or a test) asks for the state at a tick;
/// recorded inputs are applied when their tick comes.
#[derive(Debug, Clone)]
pub struct Player {
    replay: Replay,
    state: GameState,
    next: usize,
}

impl Player {
    /// A player at tick 0 (check the level first: [`Replay::check_level`]).
    pub fn new(replay: Replay, level: &Level) -> Player {
        let state = GameState::new(level, replay.seed);
        Player {
            replay,
            state,
            next: 0,
        }
    }

    /// The state now.
    pub fn state(&self) -> &GameState {
        &self.state
    }

    /// The replay being played.
    pub fn replay(&self) -> &Replay {
        &self.replay
    }

    /// The tick the replay ends at.
    pub fn end_tick(&self) -> u64 {
        self.replay.end_tick
    }

    /// Every input applied and the end tick reached.
    pub fn is_done(&self) -> bool {
        self.next >= self.replay.inputs.len() && self.state.tick() >= self.replay.end_tick
    }

    /// The tick of the next recorded input, if any is left.
    pub fn next_input_tick(&self) -> Option<u64> {
        self.replay.inputs.get(self.next).map(|(t, _)| *t)
    }

    /// The next tick at which anything changes on screen (an input or the
    /// game's own next change), capped at the end tick; `None` when done.
    pub fn next_wakeup(&self) -> Option<u64> {
        if self.is_done() {
            return None;
        }
        let game = self.state.next_wakeup().unwrap_or(u64::MAX);
        let input = self.next_input_tick().unwrap_or(u64::MAX);
        Some(game.min(input).min(self.replay.end_tick))
    }

    /// Runs to `tick` (never past the end tick), applying every recorded
    /// input due by then; returns the state.
    pub fn advance_to(&mut self, tick: u64) -> &GameState {
        let tick = tick.min(self.replay.end_tick);
        while let Some((t, input)) = self.replay.inputs.get(self.next) {
            if *t > tick {
                break;
            }
            game::fast_forward_to(&mut self.state, *t);
            game::update(&mut self.state, Event::Input(input.clone()));
            self.next += 1;
        }
        game::fast_forward_to(&mut self.state, tick);
        &self.state
    }

    /// Ends playback, keeping the state reached.
    pub fn into_state(self) -> GameState {
        self.state
    }
}

/// A string as a JSON string literal.
fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tutorial() -> Level {
        crate::level::load_shipped("tutorial.toml")
            .expect("shipped")
            .expect("valid")
    }

    #[test]
    fn a_recorded_game_replays_to_the_same_state() {
        let level = tutorial();
        let mut state = GameState::new(&level, 9);
        let mut rec = Recorder::for_game("tutorial.toml", &state);
        rec.apply(&mut state, Input::Confirm);
        game::advance_to(&mut state, 200);
        rec.apply(&mut state, Input::Lane(1));
        game::advance_to(&mut state, 5_000);
        let replay = rec.finish(&state);
        let json = replay.to_json();
        let back = Replay::from_json(&json).expect("parses");
        assert_eq!(back, replay);
        assert_eq!(back.run(&level), state);
        assert!(back.verify(&level).expect("same level").ok());
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(matches!(
            Replay::from_json("{}"),
            Err(ReplayError::Parse(_))
        ));
        let level = tutorial();
        let mut r = Recorder::new("tutorial.toml", &level, 1).finish(&GameState::new(&level, 1));
        r.version = 99;
        assert!(matches!(
            Replay::from_json(&r.to_json()),
            Err(ReplayError::Version(99))
        ));
        r.version = REPLAY_VERSION;
        r.inputs = vec![(5, Input::Confirm), (3, Input::Confirm)];
        r.end_tick = 10;
        assert!(matches!(
            Replay::from_json(&r.to_json()),
            Err(ReplayError::Order { index: 1 })
        ));
    }
}
