//! Saves: the player's profile, high scores, lifetime stats, unlocked levels
//! and a suspended festival, on disk in the right place, versioned and
//! crash-safe.
//!
//! The app talks to one [`Store`]:
//!
//! ```no_run
//! use double11::save::Store;
//! let (mut store, notices) = Store::open_or_memory(None);
//! for n in &notices {
//!     eprintln!("{n}");
//! }
//! store.update_profile(|p| p.name = "Li Wei".into());
//! ```
//!
//! - [`paths`]: where saves live (`--save-dir`, `DOUBLE11_SAVE_DIR`, the
//!   platform data directory) and the file names in there.
//! - [`mod@format`]: the versioned file format, every version, and the
//!   migrations from each older one to the newest.
//! - [`table`]: a level's high-score table (order, size, place).
//! - [`atomic`]: write to a temporary file, fsync, rename, fsync the directory.
//! - [`lock`]: the exclusive lock file held around read-merge-write.
//! - [`replay`] and [`suspend`]: the replay files and the suspended game.
//! - [`store`]: the [`Store`] itself.
//! - [`date`]: days since the epoch, as dates and timestamps.
//!
//! `saves/README.md` in the repository documents the files field by field.

pub mod atomic;
pub mod date;
pub mod format;
pub mod lock;
pub mod paths;
pub mod replay;
pub mod settings;
pub mod store;
pub mod stress;
pub mod suspend;
pub mod table;

use std::fmt;
use std::path::PathBuf;

pub use format::{CURRENT_VERSION, Profile, Save, SavedSettings, ScoreEntry, Stats};
pub use replay::Replay;
pub use store::Store;
pub use suspend::Suspended;

/// One line for the player: something about their save they should know
/// (a corrupt file moved aside, saving switched off, a format upgrade).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

impl Notice {
    /// A notice with this text.
    pub fn new(text: impl Into<String>) -> Notice {
        Notice(text.into())
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<SaveError> for Notice {
    fn from(e: SaveError) -> Notice {
        Notice(e.to_string())
    }
}

/// Why a save could not be read or written. `Display` is one line for the
/// player.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// No save directory: no `--save-dir`, no `DOUBLE11_SAVE_DIR` and no home
    /// directory.
    #[error("no place to save: no home directory (use --save-dir DIR)")]
    NoDirectory,
    /// A file or directory could not be read or written.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What was being done ("cannot write", "cannot read", …).
        action: &'static str,
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a save this game can read.
    #[error("{} is not a readable save: {reason}", path.display())]
    Corrupt {
        /// The path.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The save was written by a newer double11.
    #[error(
        "{} was written by a newer double11 (save format {version}, this one reads up to {CURRENT_VERSION}); it was left untouched",
        path.display()
    )]
    NewerVersion {
        /// The path.
        path: PathBuf,
        /// Its format version.
        version: u64,
    },
    /// Another double11 held the save's lock for too long.
    #[error("the save in {} is busy (another double11 holds {})", dir.display(), lock.display())]
    Busy {
        /// The save directory.
        dir: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
}

impl SaveError {
    /// An I/O error while doing `action` on `path`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> SaveError {
        SaveError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
