//! The save file's format: every version ever written, and the migrations
//! from each older one to the newest. Only the newest is ever written.
//!
//! - Version 1: a flat record: the player's name, language and colours,
//!   unlocked levels and one flat list of scores, each naming its level,
//!   with no replay.
//! - Version 2 (current): the profile (name and every setting), scores kept
//!   per level in rank order with a replay reference, lifetime stats,
//!   unlocked levels.
//!
//! Every version is a JSON object with a numeric `version` field.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::table;
use crate::money::Fen;

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 2;

/// The player's settings, as stored. Strings rather than the app's enums so
/// an unknown value (from a newer build) falls back instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSettings {
    /// Interface language: `en` or `zh`.
    pub lang: String,
    /// The lane key preset: `dfjk`, `arrows` or `digits`.
    pub lane_keys: String,
    /// Colours on.
    pub colour: bool,
    /// Plain text instead of pops and roll-ups.
    pub reduce_motion: bool,
}

impl Default for SavedSettings {
    fn default() -> Self {
        SavedSettings {
            lang: "en".into(),
            lane_keys: "dfjk".into(),
            colour: true,
            reduce_motion: false,
        }
    }
}

/// Who is playing and how they like it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The name put on high scores.
    pub name: String,
    /// The settings.
    pub settings: SavedSettings,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: "Player".into(),
            settings: SavedSettings::default(),
        }
    }
}

/// One line of a level's high-score table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreEntry {
    /// The player's name.
    pub name: String,
    /// The final score.
    pub score: i64,
    /// The day it was played, in days since 1970-01-01 (UTC).
    pub date: i64,
    /// The game's seed.
    pub seed: u64,
    /// The replay's file name in `replays/` (`None`: no replay kept).
    #[serde(default)]
    pub replay: Option<String>,
}

impl ScoreEntry {
    /// An entry played today, without a replay yet (the store adds it).
    pub fn new(name: impl Into<String>, score: i64, seed: u64) -> ScoreEntry {
        ScoreEntry {
            name: name.into(),
            score,
            date: super::date::today(),
            seed,
            replay: None,
        }
    }
}

/// Lifetime totals (also used as the change one festival makes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stats {
    /// Red envelopes caught (empty ones not counted).
    pub envelopes_caught: u64,
    /// Saved at checkouts, in fen.
    pub saved: Fen,
    /// Envelopes left to expire unused.
    pub envelopes_wasted: u64,
    /// Festivals played to midnight.
    pub festivals_played: u64,
}

impl Stats {
    /// Adds `delta` (saturating).
    pub fn add(&mut self, delta: &Stats) {
        self.envelopes_caught = self.envelopes_caught.saturating_add(delta.envelopes_caught);
        self.saved = Fen(self.saved.0.saturating_add(delta.saved.0));
        self.envelopes_wasted = self.envelopes_wasted.saturating_add(delta.envelopes_wasted);
        self.festivals_played = self.festivals_played.saturating_add(delta.festivals_played);
    }

    /// What one finished festival adds.
    pub fn from_results(results: &crate::game::Results) -> Stats {
        Stats {
            envelopes_caught: results.envelopes_won.0 as u64,
            saved: results.saved,
            envelopes_wasted: results.expired.len() as u64,
            festivals_played: 1,
        }
    }
}

/// The save, newest version (2). Written with `"version": 2` first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Save {
    /// The player.
    pub profile: Profile,
    /// High scores per level name, best first, at most
    /// [`table::TABLE_SIZE`] each.
    pub scores: BTreeMap<String, Vec<ScoreEntry>>,
    /// Lifetime stats.
    pub stats: Stats,
    /// Levels unlocked beyond the first.
    pub unlocked: BTreeSet<String>,
}

/// Version 1 of the save, as it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveV1 {
    /// The player's name.
    pub name: String,
    /// `en` or `zh`.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// Colours on.
    #[serde(default = "default_true")]
    pub colour: bool,
    /// Unlocked levels.
    #[serde(default)]
    pub unlocked: Vec<String>,
    /// Every score, any level, in no order.
    #[serde(default)]
    pub scores: Vec<ScoreV1>,
}

/// A version-1 score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreV1 {
    /// The level's name.
    pub level: String,
    /// The player's name.
    pub name: String,
    /// The score.
    pub score: i64,
    /// Days since 1970-01-01.
    pub date: i64,
    /// The seed.
    pub seed: u64,
}

fn default_lang() -> String {
    "en".into()
}

fn default_true() -> bool {
    true
}

/// Version 1 → 2: settings move into the profile (lane keys and reduce
/// motion take their defaults), the flat score list is split per level,
/// ranked and cut to the table size (no replays: the entries keep
/// `replay: null`), stats start at zero, unlocked levels are kept.
pub fn migrate_v1(v1: SaveV1) -> Save {
    let mut scores: BTreeMap<String, Vec<ScoreEntry>> = BTreeMap::new();
    for s in v1.scores {
        scores.entry(s.level).or_default().push(ScoreEntry {
            name: s.name,
            score: s.score,
            date: s.date,
            seed: s.seed,
            replay: None,
        });
    }
    for table in scores.values_mut() {
        table::normalize(table);
    }
    Save {
        profile: Profile {
            name: v1.name,
            settings: SavedSettings {
                lang: v1.lang,
                colour: v1.colour,
                ..SavedSettings::default()
            },
        },
        scores,
        stats: Stats::default(),
        unlocked: v1.unlocked.into_iter().collect(),
    }
}

/// Why text is not a save this build can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON, no version, or fields of the wrong shape.
    Corrupt(String),
    /// A version newer than [`CURRENT_VERSION`].
    Newer(u64),
}

/// A save read from text, migrated to the newest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The save, newest version.
    pub save: Save,
    /// The version the text was in.
    pub from_version: u32,
}

/// Reads a save of any version and migrates it to the newest.
pub fn parse(text: &str) -> Result<Parsed, FormatError> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| FormatError::Corrupt(e.to_string()))?;
    let Some(object) = value.as_object_mut() else {
        return Err(FormatError::Corrupt("not a JSON object".into()));
    };
    let version = match object.remove("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| FormatError::Corrupt(format!("bad version {n}")))?,
        Some(other) => return Err(FormatError::Corrupt(format!("bad version {other}"))),
        None => return Err(FormatError::Corrupt("no version field".into())),
    };
    let shape = |e: serde_json::Error| FormatError::Corrupt(format!("version {version}: {e}"));
    let (mut save, from_version) = match version {
        1 => (migrate_v1(serde_json::from_value(value).map_err(shape)?), 1),
        2 => (serde_json::from_value::<Save>(value).map_err(shape)?, 2),
        v if v > u64::from(CURRENT_VERSION) => return Err(FormatError::Newer(v)),
        v => return Err(FormatError::Corrupt(format!("unknown version {v}"))),
    };
    // A hand-edited file may hold tables out of order or too long.
    for table in save.scores.values_mut() {
        table::normalize(table);
    }
    save.scores.retain(|_, t| !t.is_empty());
    Ok(Parsed { save, from_version })
}

/// The save as text in the newest version, `version` first.
pub fn to_text(save: &Save) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Versioned<'a> {
        version: u32,
        #[serde(flatten)]
        save: &'a Save,
    }
    let mut text = serde_json::to_string_pretty(&Versioned {
        version: CURRENT_VERSION,
        save,
    })?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_round_trips() {
        let mut save = Save::default();
        save.profile.name = "李伟".into();
        save.profile.settings.lane_keys = "arrows".into();
        save.scores.insert(
            "2020".into(),
            vec![ScoreEntry {
                name: "李伟".into(),
                score: 42_000,
                date: 20_403,
                seed: 7,
                replay: Some("r.json".into()),
            }],
        );
        save.stats.saved = Fen(12_345);
        save.unlocked.insert("2017".into());
        let text = to_text(&save).expect("serializes");
        assert!(text.starts_with("{\n  \"version\": 2,"), "{text}");
        let parsed = parse(&text).expect("parses");
        assert_eq!(parsed.from_version, 2);
        assert_eq!(parsed.save, save);
    }

    #[test]
    fn v1_is_migrated() {
        let text = r#"{"version": 1, "name": "Wang", "lang": "zh", "colour": false,
            "unlocked": ["2017"],
            "scores": [
              {"level": "tutorial", "name": "Wang", "score": 10, "date": 1, "seed": 1},
              {"level": "2017", "name": "Wang", "score": 5, "date": 2, "seed": 2},
              {"level": "tutorial", "name": "Wang", "score": 30, "date": 3, "seed": 3}
            ]}"#;
        let parsed = parse(text).expect("parses");
        assert_eq!(parsed.from_version, 1);
        let s = parsed.save;
        assert_eq!(s.profile.name, "Wang");
        assert_eq!(s.profile.settings.lang, "zh");
        assert!(!s.profile.settings.colour);
        assert_eq!(s.profile.settings.lane_keys, "dfjk");
        let tutorial: Vec<i64> = s.scores["tutorial"].iter().map(|e| e.score).collect();
        assert_eq!(tutorial, [30, 10]);
        assert_eq!(s.scores["2017"].len(), 1);
        assert!(s.scores.values().flatten().all(|e| e.replay.is_none()));
        assert_eq!(s.stats, Stats::default());
        assert!(s.unlocked.contains("2017"));
    }

    #[test]
    fn bad_text_is_corrupt_and_new_versions_are_newer() {
        for bad in [
            "",
            "{",
            "[]",
            "{}",
            r#"{"version": "2"}"#,
            r#"{"version": 0}"#,
            r#"{"version": 2, "scores": 7}"#,
            r#"{"version": 1}"#,
        ] {
            assert!(
                matches!(parse(bad), Err(FormatError::Corrupt(_))),
                "{bad:?} → {:?}",
                parse(bad)
            );
        }
        assert_eq!(parse(r#"{"version": 3}"#), Err(FormatError::Newer(3)));
    }

    #[test]
    fn missing_v2_fields_take_defaults() {
        let parsed = parse(r#"{"version": 2}"#).expect("parses");
        assert_eq!(parsed.save, Save::default());
    }
}
