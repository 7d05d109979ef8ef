//! Where levels come from: the shipped ones (embedded), the player's own
//! (`*.toml` in the user level folder) and any file named by path.

use std::fmt;
use std::path::{Path, PathBuf};

use super::load::LevelError;
use super::schema::Level;

/// The environment variable that overrides the user level folder.
pub const LEVEL_DIR_ENV: &str = "DOUBLE11_LEVEL_DIR";

/// Where a level came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Shipped with the game (`levels/<file>`).
    Shipped(&'static str),
    /// A file on disk (the user level folder or a path).
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Shipped(file) => write!(f, "{file}"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One level of the catalog: where it is, and the level or its problem.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Where it came from.
    pub source: Source,
    /// The level, or the first problem that keeps it from starting.
    pub level: Result<Level, LevelError>,
}

/// The user level folder: `$DOUBLE11_LEVEL_DIR` if set, else `levels/` in
/// the config directory (`~/.config/double11/levels` on Linux).
pub fn user_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LEVEL_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "double11").map(|d| d.config_dir().join("levels"))
}

/// Loads a level file; an unreadable file is an error without a place.
pub fn load_file(path: &Path) -> Result<Level, LevelError> {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Level::from_toml_str(&text, &name),
        Err(e) => Err(LevelError {
            file: name,
            line: 0,
            column: 0,
            message: format!("cannot read the level file: {e}"),
            more: 0,
        }),
    }
}

/// The `*.toml` files of the user level folder, by file name, each loaded.
/// A missing folder has no levels.
pub fn user_levels() -> Vec<Entry> {
    let Some(dir) = user_dir() else {
        return Vec::new();
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| Entry {
            level: load_file(&p),
            source: Source::File(p),
        })
        .collect()
}

/// Every level: the shipped ones in menu order, then the user's.
pub fn catalog() -> Vec<Entry> {
    let mut all: Vec<Entry> = super::shipped()
        .into_iter()
        .map(|(file, text)| Entry {
            source: Source::Shipped(file),
            level: Level::from_toml_str(text, file),
        })
        .collect();
    all.extend(user_levels());
    all
}

/// Finds a level by name or path: a shipped level (`2017` or `2017.toml`),
/// then a user level by file name, then `name_or_path` as a path.
pub fn resolve(name_or_path: &str) -> Result<(Level, Source), LevelError> {
    let bare = name_or_path.trim_end_matches(".toml");
    if let Some((file, text)) = super::shipped()
        .into_iter()
        .find(|(file, _)| file.trim_end_matches(".toml") == bare)
    {
        return Level::from_toml_str(text, file).map(|l| (l, Source::Shipped(file)));
    }
    if let Some(dir) = user_dir() {
        let path = dir.join(format!("{bare}.toml"));
        if !name_or_path.contains(['/', '\\']) && path.is_file() {
            return load_file(&path).map(|l| (l, Source::File(path)));
        }
    }
    let path = PathBuf::from(name_or_path);
    load_file(&path).map(|l| (l, Source::File(path)))
}
