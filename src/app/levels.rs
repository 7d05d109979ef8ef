//! The levels on offer — the shipped festivals and the player's own (from
//! [`crate::level::catalog`]) — and which of them are unlocked.
//!
//! Unlocking, as a player finds fair: the tutorial and the first festival
//! (2009) are open from the start; playing a shipped festival to midnight
//! (any score) opens the next one in the list. A festival is also open when
//! the save says so, or when the one before it already has a score on its
//! table (so an older save loses nothing). The player's own levels are
//! always open, and `--level` starts any level it names.

use std::collections::BTreeSet;
use std::path::Path;

use crate::level::{Level, Source};

/// Shipped levels open from the start (the tutorial and the first festival).
pub const OPEN_FROM_START: usize = 2;

/// One entry of level select.
#[derive(Debug, Clone)]
pub struct LevelEntry {
    /// The name its high scores are kept under: the file name (`2017.toml`;
    /// see [`user_table`] for the player's own).
    pub file: String,
    /// The name a replay finds it by: a shipped file name, or the file's path.
    pub source: String,
    /// One of the player's own level files (always unlocked).
    pub user: bool,
    /// The level, or its first problem (it then cannot start).
    pub level: Result<Level, String>,
}

impl LevelEntry {
    /// A short name for menus and lock hints: `Tutorial`, `2017`, or the
    /// file name of a level that does not load.
    pub fn short_name(&self) -> String {
        match &self.level {
            Ok(l) if self.file.starts_with("tutorial") => {
                l.name.split(" · ").next().unwrap_or(&l.name).to_string()
            }
            Ok(l) if !self.user => l.year.to_string(),
            Ok(l) => l.name.clone(),
            Err(_) => self.file.clone(),
        }
    }
}

/// Every level: shipped ones in menu order, then the player's own.
pub fn catalog_levels() -> Vec<LevelEntry> {
    crate::level::catalog()
        .into_iter()
        .map(|e| {
            let (file, source, user) = match &e.source {
                Source::Shipped(f) => (f.to_string(), f.to_string(), false),
                Source::File(p) => (user_table(file_name(p)), p.display().to_string(), true),
            };
            LevelEntry {
                file,
                source,
                user,
                level: e.level.map_err(|err| first_line(&err.to_string())),
            }
        })
        .collect()
}

/// Only the shipped levels (tests and `--level` checks).
pub fn shipped_levels() -> Vec<LevelEntry> {
    catalog_levels().into_iter().filter(|e| !e.user).collect()
}

/// The table a player's own level keeps its scores under: its file name,
/// or `mine/` and the file name when a shipped festival has that name (so a
/// home-made `2017.toml` never mixes its scores with the real 2017's).
pub fn user_table(file: String) -> String {
    if crate::level::shipped()
        .iter()
        .any(|(name, _)| *name == file)
    {
        format!("mine/{file}")
    } else {
        file
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    )
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
}

/// The shipped level before `i` in the list, if `i` is shipped and not first.
fn previous_shipped(levels: &[LevelEntry], i: usize) -> Option<usize> {
    let e = levels.get(i)?;
    if e.user {
        return None;
    }
    levels[..i].iter().rposition(|p| !p.user)
}

/// The shipped level after `i` (what finishing `i` unlocks).
pub fn next_shipped(levels: &[LevelEntry], i: usize) -> Option<usize> {
    if levels.get(i)?.user {
        return None;
    }
    (i + 1..levels.len()).find(|&j| !levels[j].user)
}

/// `None` when level `i` can be played; else the index of the level to
/// finish first. `has_score(file)` says whether a level's table has an entry.
pub fn locked_by(
    levels: &[LevelEntry],
    i: usize,
    unlocked: &BTreeSet<String>,
    has_score: impl Fn(&str) -> bool,
) -> Option<usize> {
    let e = levels.get(i)?;
    if e.user || unlocked.contains(&e.file) {
        return None;
    }
    let rank = levels[..i].iter().filter(|p| !p.user).count();
    if rank < OPEN_FROM_START {
        return None;
    }
    let prev = previous_shipped(levels, i)?;
    if has_score(&levels[prev].file) {
        return None;
    }
    Some(prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, user: bool) -> LevelEntry {
        LevelEntry {
            file: file.into(),
            source: file.into(),
            user,
            level: Err("x".into()),
        }
    }

    fn list() -> Vec<LevelEntry> {
        vec![
            entry("tutorial.toml", false),
            entry("2009.toml", false),
            entry("2017.toml", false),
            entry("2018.toml", false),
            entry("mine.toml", true),
        ]
    }

    #[test]
    fn a_home_made_level_named_like_a_festival_keeps_its_own_table() {
        assert_eq!(user_table("2017.toml".into()), "mine/2017.toml");
        assert_eq!(user_table("tutorial.toml".into()), "mine/tutorial.toml");
        assert_eq!(user_table("my-fest.toml".into()), "my-fest.toml");
    }

    #[test]
    fn tutorial_and_2009_open_the_rest_in_order() {
        let l = list();
        let none = BTreeSet::new();
        let no = |_: &str| false;
        assert_eq!(locked_by(&l, 0, &none, no), None);
        assert_eq!(locked_by(&l, 1, &none, no), None);
        assert_eq!(locked_by(&l, 2, &none, no), Some(1));
        assert_eq!(locked_by(&l, 3, &none, no), Some(2));
        assert_eq!(locked_by(&l, 4, &none, no), None, "own levels are open");
        let open: BTreeSet<String> = ["2017.toml".to_string()].into();
        assert_eq!(locked_by(&l, 2, &open, no), None);
        assert_eq!(locked_by(&l, 3, &none, |f| f == "2017.toml"), None);
        assert_eq!(next_shipped(&l, 1), Some(2));
        assert_eq!(next_shipped(&l, 3), None);
        assert_eq!(next_shipped(&l, 4), None);
    }

    #[test]
    fn the_catalog_has_the_shipped_levels_first() {
        let l = shipped_levels();
        assert_eq!(l[0].file, "tutorial.toml");
        assert_eq!(l[0].short_name(), "Tutorial");
        assert_eq!(l[1].short_name(), "2009");
        assert!(l.iter().all(|e| e.level.is_ok()));
    }
}
