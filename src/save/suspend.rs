//! The suspended festival ("save and quit"): `suspended.json` holds the
//! level's name, the whole [`GameState`] and the inputs so far (so a
//! resumed game still yields a complete replay).
//!
//! It is its own file, not part of the save: it is written at most once per
//! game and is large (the level travels with the state), and a state that a
//! newer build can no longer read is set aside without touching the
//! player's scores.

use serde::{Deserialize, Serialize};

use crate::game::{GameState, Input};

/// The suspended file format's version.
pub const SUSPENDED_VERSION: u32 = 1;

/// A festival put aside mid-game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suspended {
    /// The level's menu name.
    pub level: String,
    /// The game, exactly as it stood.
    pub game: GameState,
    /// The inputs so far, `(tick, input)`.
    #[serde(default)]
    pub inputs: Vec<(u64, Input)>,
}

#[derive(Deserialize)]
struct SuspendedFile {
    version: u32,
    level: String,
    game: GameState,
    #[serde(default)]
    inputs: Vec<(u64, Input)>,
}

impl Suspended {
    /// The file's text.
    pub fn to_text(&self) -> Result<String, serde_json::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            version: u32,
            level: &'a str,
            game: &'a GameState,
            inputs: &'a [(u64, Input)],
        }
        serde_json::to_string(&Out {
            version: SUSPENDED_VERSION,
            level: &self.level,
            game: &self.game,
            inputs: &self.inputs,
        })
    }

    /// Reads the file's text.
    pub fn parse(text: &str) -> Result<Suspended, String> {
        let file: SuspendedFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.version != SUSPENDED_VERSION {
            return Err(format!("unknown suspended-game version {}", file.version));
        }
        Ok(Suspended {
            level: file.level,
            game: file.game,
            inputs: file.inputs,
        })
    }
}
