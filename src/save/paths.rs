//! Where saves live and what the files in there are called.
//!
//! The directory is, first that applies: the `--save-dir DIR` option, the
//! `DOUBLE11_SAVE_DIR` environment variable (if not empty), the platform
//! data directory (`~/.local/share/double11` on Linux,
//! `~/Library/Application Support/double11` on macOS,
//! `%APPDATA%\double11\data` on Windows).

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::date;

/// The environment variable that overrides the save directory.
pub const ENV_VAR: &str = "DOUBLE11_SAVE_DIR";
/// The save: profile, high scores, stats, unlocked levels.
pub const SAVE_FILE: &str = "profile.json";
/// The lock file held around read-merge-write of the save.
pub const LOCK_FILE: &str = "profile.lock";
/// The suspended festival ("save and quit").
pub const SUSPENDED_FILE: &str = "suspended.json";
/// The folder of replay files.
pub const REPLAY_DIR: &str = "replays";
/// The settings file of builds before the save existed (imported once).
pub const LEGACY_SETTINGS_FILE: &str = "settings.json";
/// Temporary files start with this (and end in `.tmp`).
pub const TEMP_PREFIX: &str = ".double11-";

/// Which rule chose the save directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--save-dir`.
    Flag,
    /// `DOUBLE11_SAVE_DIR`.
    Env,
    /// The platform data directory.
    DataDir,
}

/// The platform data directory for double11, if there is a home directory.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "double11").map(|d| d.data_dir().to_path_buf())
}

/// The save directory: `explicit` (from `--save-dir`), else
/// `$DOUBLE11_SAVE_DIR`, else the platform data directory.
pub fn resolve(explicit: Option<PathBuf>) -> Option<(PathBuf, Source)> {
    resolve_with(explicit, std::env::var_os(ENV_VAR), data_dir)
}

/// [`resolve`] with the environment and the data directory given.
pub fn resolve_with(
    explicit: Option<PathBuf>,
    env: Option<OsString>,
    data_dir: impl FnOnce() -> Option<PathBuf>,
) -> Option<(PathBuf, Source)> {
    if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
        return Some((dir, Source::Flag));
    }
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Some((PathBuf::from(dir), Source::Env));
    }
    data_dir().map(|d| (d, Source::DataDir))
}

/// The files of one save directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveFiles {
    dir: PathBuf,
}

impl SaveFiles {
    /// The files in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> SaveFiles {
        SaveFiles { dir: dir.into() }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `profile.json`.
    pub fn save(&self) -> PathBuf {
        self.dir.join(SAVE_FILE)
    }

    /// `profile.lock`.
    pub fn lock(&self) -> PathBuf {
        self.dir.join(LOCK_FILE)
    }

    /// `suspended.json`.
    pub fn suspended(&self) -> PathBuf {
        self.dir.join(SUSPENDED_FILE)
    }

    /// `replays/`.
    pub fn replays(&self) -> PathBuf {
        self.dir.join(REPLAY_DIR)
    }

    /// `replays/NAME` (`name` must be a plain file name, see
    /// [`is_plain_file_name`]).
    pub fn replay(&self, name: &str) -> PathBuf {
        self.replays().join(name)
    }

    /// `settings.json` of older builds.
    pub fn legacy_settings(&self) -> PathBuf {
        self.dir.join(LEGACY_SETTINGS_FILE)
    }
}

/// True for a name that stays inside its folder: no separators, not `.`/`..`.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !name.starts_with('.')
}

/// `NAME.TAG-YYYYMMDDTHHMMSS` beside `path`, with `-2`, `-3`, … added when
/// that name is taken.
pub fn aside_path(path: &Path, tag: &str, seconds: i64) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
    let stamp = date::timestamp(seconds);
    let base = path.with_file_name(format!("{name}.{tag}-{stamp}"));
    let mut candidate = base.clone();
    let mut n = 2;
    while candidate.symlink_metadata().is_ok() {
        candidate = path.with_file_name(format!("{name}.{tag}-{stamp}-{n}"));
        n += 1;
    }
    candidate
}

/// Moves `path` aside to `NAME.TAG-TIMESTAMP` without replacing anything;
/// returns the new path.
pub fn move_aside(path: &Path, tag: &str) -> io::Result<PathBuf> {
    let aside = aside_path(path, tag, date::now_seconds());
    // A hard link never replaces an existing file; fall back to rename where
    // the file system has no hard links.
    match fs::hard_link(path, &aside) {
        Ok(()) => fs::remove_file(path)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
        Err(_) => fs::rename(path, &aside)?,
    }
    Ok(aside)
}

/// The last component of a path, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_data_dir() {
        let data = || Some(PathBuf::from("/data"));
        let env = Some(OsString::from("/env"));
        assert_eq!(
            resolve_with(Some("/flag".into()), env.clone(), data),
            Some((PathBuf::from("/flag"), Source::Flag))
        );
        assert_eq!(
            resolve_with(None, env, data),
            Some((PathBuf::from("/env"), Source::Env))
        );
        assert_eq!(
            resolve_with(None, Some(OsString::new()), data),
            Some((PathBuf::from("/data"), Source::DataDir))
        );
        assert_eq!(resolve_with(None, None, || None), None);
    }

    #[test]
    fn plain_names_stay_in_their_folder() {
        assert!(is_plain_file_name("2020-42-1.json"));
        for bad in ["", ".", "..", "../x", "a/b", "a\\b", ".hidden"] {
            assert!(!is_plain_file_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn aside_names_never_collide() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("profile.json");
        let first = aside_path(&p, "corrupt", 0);
        assert_eq!(file_name(&first), "profile.json.corrupt-19700101T000000");
        fs::write(&first, "x").expect("write");
        let second = aside_path(&p, "corrupt", 0);
        assert_eq!(file_name(&second), "profile.json.corrupt-19700101T000000-2");
    }
}
