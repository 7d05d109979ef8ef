//! Player settings. They live in the save's profile
//! ([`crate::save::SavedSettings`]); the app writes them through its
//! [`crate::save::Store`] the moment one changes.

use super::keymap::LanePreset;
use crate::ui::text::Lang;

/// What the player can change in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Interface language.
    pub lang: Lang,
    /// Colours on (still off under NO_COLOR).
    pub colour: bool,
    /// Plain text instead of pops and roll-ups.
    pub reduce_motion: bool,
    /// Which keys catch in the lanes.
    pub preset: LanePreset,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            colour: true,
            reduce_motion: false,
            preset: LanePreset::Dfjk,
        }
    }
}
