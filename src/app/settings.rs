//! Player settings, saved at once on change (atomic write: temp + rename) in
//! `$DOUBLE11_SAVE_DIR` or the platform data directory.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

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

#[derive(Serialize, Deserialize)]
struct SettingsFile {
    version: u32,
    #[serde(default)]
    lang: String,
    #[serde(default = "yes")]
    colour: bool,
    #[serde(default)]
    reduce_motion: bool,
    #[serde(default)]
    lane_keys: String,
}

fn yes() -> bool {
    true
}

/// The directory saves go to: `$DOUBLE11_SAVE_DIR`, else the data dir.
pub fn save_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DOUBLE11_SAVE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "double11").map(|d| d.data_dir().to_path_buf())
}

fn path() -> Option<PathBuf> {
    save_dir().map(|d| d.join("settings.json"))
}

impl Settings {
    /// Loads saved settings; anything missing or unreadable falls back to the
    /// defaults (a bad file never stops the game).
    pub fn load() -> Settings {
        let mut s = Settings::default();
        let Some(text) = path().and_then(|p| fs::read_to_string(p).ok()) else {
            return s;
        };
        let Ok(file) = serde_json::from_str::<SettingsFile>(&text) else {
            return s;
        };
        s.lang = Lang::parse(&file.lang).unwrap_or_default();
        s.colour = file.colour;
        s.reduce_motion = file.reduce_motion;
        s.preset = LanePreset::from_id(&file.lane_keys).unwrap_or_default();
        s
    }

    /// Saves atomically; errors are returned for the caller to ignore or show.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(path) = path() else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let file = SettingsFile {
            version: 1,
            lang: match self.lang {
                Lang::En => "en".into(),
                Lang::Zh => "zh".into(),
            },
            colour: self.colour,
            reduce_motion: self.reduce_motion,
            lane_keys: self.preset.id().into(),
        };
        let json = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
        let tmp = path.with_extension("json.tmp");
        {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(json.as_bytes())?;
            f.sync_all()?;
        }
        fs::rename(&tmp, &path)
    }
}
