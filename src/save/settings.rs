//! The bridge between the stored settings and the app's
//! [`crate::app::settings::Settings`], and the one-time import
//! of the `settings.json` that builds before the save wrote.

use std::path::Path;

use serde::Deserialize;

use super::format::SavedSettings;
use crate::app::keymap::LanePreset;
use crate::app::settings::Settings;
use crate::ui::text::Lang;

impl From<&Settings> for SavedSettings {
    fn from(s: &Settings) -> SavedSettings {
        SavedSettings {
            lang: match s.lang {
                Lang::En => "en".into(),
                Lang::Zh => "zh".into(),
            },
            lane_keys: s.preset.id().into(),
            colour: s.colour,
            reduce_motion: s.reduce_motion,
        }
    }
}

impl SavedSettings {
    /// The app's settings; an unknown language or preset takes the default.
    pub fn to_settings(&self) -> Settings {
        Settings {
            lang: Lang::parse(&self.lang).unwrap_or_default(),
            colour: self.colour,
            reduce_motion: self.reduce_motion,
            preset: LanePreset::from_id(&self.lane_keys).unwrap_or_default(),
        }
    }
}

#[derive(Deserialize)]
struct LegacyFile {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    colour: Option<bool>,
    #[serde(default)]
    reduce_motion: Option<bool>,
    #[serde(default)]
    lane_keys: Option<String>,
}

/// The settings in an old `settings.json`, if it is there and readable.
pub fn read_legacy(path: &Path) -> Option<SavedSettings> {
    let text = std::fs::read_to_string(path).ok()?;
    let file: LegacyFile = serde_json::from_str(&text).ok()?;
    let mut s = SavedSettings::default();
    if let Some(lang) = file.lang.filter(|l| Lang::parse(l).is_some()) {
        s.lang = lang;
    }
    if let Some(keys) = file.lane_keys.filter(|k| LanePreset::from_id(k).is_some()) {
        s.lane_keys = keys;
    }
    s.colour = file.colour.unwrap_or(s.colour);
    s.reduce_motion = file.reduce_motion.unwrap_or(s.reduce_motion);
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_settings_round_trip() {
        let s = Settings {
            lang: Lang::Zh,
            colour: false,
            reduce_motion: true,
            preset: LanePreset::Digits,
        };
        let saved = SavedSettings::from(&s);
        assert_eq!(saved.lang, "zh");
        assert_eq!(saved.lane_keys, "digits");
        assert_eq!(saved.to_settings(), s);
    }

    #[test]
    fn unknown_values_fall_back() {
        let saved = SavedSettings {
            lang: "klingon".into(),
            lane_keys: "wasd".into(),
            ..SavedSettings::default()
        };
        assert_eq!(saved.to_settings(), Settings::default());
    }

    #[test]
    fn legacy_settings_are_imported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("settings.json");
        std::fs::write(
            &p,
            r#"{"version":1,"lang":"zh","colour":false,"reduce_motion":true,"lane_keys":"arrows"}"#,
        )
        .expect("write");
        let s = read_legacy(&p).expect("read");
        assert_eq!(
            s,
            SavedSettings {
                lang: "zh".into(),
                lane_keys: "arrows".into(),
                colour: false,
                reduce_motion: true
            }
        );
        assert_eq!(read_legacy(&dir.path().join("none.json")), None);
    }
}
