//! Replays: the seed and every input with the tick it was applied at. The
//! game core is deterministic, so that is the whole game again
//! ([`crate::game::simulate_inputs`]). One file per high score, in
//! `replays/`, named in the score's entry.
//!
//! The store writes whatever serializable replay it is given, as JSON: the
//! app's [`crate::replay::Replay`] (with level hash and claimed score, which
//! `double11 replay --verify` checks), or the minimal [`Replay`] here. A
//! replay file counts for a score when it is a JSON object with a numeric
//! `version`, the score's `seed` and an `inputs` array ([`ReplayHeader`]);
//! any other fields are the writer's business.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::SaveError;
use crate::game::Input;

/// The minimal replay format's version.
pub const REPLAY_VERSION: u32 = 1;

/// One game: level, seed and the time-stamped inputs. Written as
/// `{"version": 1, "level": …, "seed": …, "inputs": [[tick, input], …]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replay {
    /// The format version ([`REPLAY_VERSION`]).
    pub version: u32,
    /// The level's name.
    pub level: String,
    /// The seed.
    pub seed: u64,
    /// `(tick, input)`, in the order applied.
    pub inputs: Vec<(u64, Input)>,
}

impl Replay {
    /// A replay in the current version.
    pub fn new(level: impl Into<String>, seed: u64, inputs: Vec<(u64, Input)>) -> Replay {
        Replay {
            version: REPLAY_VERSION,
            level: level.into(),
            seed,
            inputs,
        }
    }

    /// Reads a replay file's text.
    pub fn parse(text: &str) -> Result<Replay, String> {
        let replay: Replay = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if replay.version != REPLAY_VERSION {
            return Err(format!("unknown replay version {}", replay.version));
        }
        Ok(replay)
    }

    /// Reads the replay at `path`.
    pub fn read(path: &Path) -> Result<Replay, SaveError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| SaveError::io("cannot read", path, e))?;
        Replay::parse(&text).map_err(|reason| SaveError::Corrupt {
            path: path.to_path_buf(),
            reason,
        })
    }
}

/// The fields every replay file has, whoever wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReplayHeader {
    /// The file format's version.
    pub version: u32,
    /// The game's seed.
    pub seed: u64,
    /// `(tick, input)` pairs.
    pub inputs: Vec<serde_json::Value>,
}

impl ReplayHeader {
    /// Reads the common fields of the replay file at `path`.
    pub fn read(path: &Path) -> Result<ReplayHeader, SaveError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| SaveError::io("cannot read", path, e))?;
        serde_json::from_str(&text).map_err(|e| SaveError::Corrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
    }
}

/// A fresh file name for a replay of `level` and `seed`:
/// `LEVEL-SEED-MILLISECONDS-PID.json` (the level reduced to letters,
/// digits, `-` and `_`).
pub fn file_name(level: &str, seed: u64) -> String {
    let level: String = level
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!(
        "{}-{seed}-{millis}-{}.json",
        if level.is_empty() { "level" } else { &level },
        std::process::id()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::save::paths::is_plain_file_name;

    #[test]
    fn round_trips() {
        let r = Replay::new(
            "2020",
            99,
            vec![
                (0, Input::Confirm),
                (12, Input::Lane(2)),
                (30, Input::Search('手')),
            ],
        );
        let text = serde_json::to_string(&r).expect("serializes");
        assert!(text.starts_with(r#"{"version":1,"#), "{text}");
        assert_eq!(Replay::parse(&text), Ok(r));
        assert!(Replay::parse(r#"{"version":9,"level":"a","seed":1,"inputs":[]}"#).is_err());
        let header: ReplayHeader = serde_json::from_str(&text).expect("header");
        assert_eq!(header.seed, 99);
        assert_eq!(header.inputs.len(), 3);
    }

    #[test]
    fn file_names_are_plain() {
        let name = file_name("../../etc/双十一 2020", 0);
        assert!(is_plain_file_name(&name), "{name}");
        assert!(name.starts_with("______etc_____2020-0-"), "{name}");
    }
}
