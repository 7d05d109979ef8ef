//! The [`Store`]: the save in memory, written through to disk.
//!
//! Every change is an operation (set the profile, unlock a level, record a
//! result) applied under the lock file to the save *as it is on disk now*
//! (another running double11 may have written since), then written
//! atomically. So two games at once never lose each other's scores or
//! stats. When the disk cannot be written, the change is kept in memory and
//! tried again with the next one; the player is told once, by a [`Notice`].

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::format::{self, FormatError, Parsed, Profile, Save, ScoreEntry, Stats};
use super::lock::{self, DirLock};
use super::paths::{self, SaveFiles};
use super::replay;
use super::suspend::Suspended;
use super::{Notice, SaveError, atomic, settings, table};
use crate::game::{GameState, Input};

/// Temporary files older than this are left over from a crash.
const STALE_TEMP: Duration = Duration::from_secs(600);

/// A change to the save, replayable on whatever is on disk.
#[derive(Debug, Clone)]
enum Op {
    Profile(Profile),
    Unlock(String),
    Record {
        level: String,
        entry: ScoreEntry,
        /// The replay file's text (`None`: it could not be serialized).
        replay: Option<String>,
        stats: Stats,
    },
}

/// What is on disk.
enum Disk {
    Missing,
    Parsed(Parsed),
    Unreadable(String),
}

/// The player's save: profile, high scores, stats, unlocked levels and the
/// suspended game. See the [module docs](self).
#[derive(Debug)]
pub struct Store {
    /// `None`: memory only.
    files: Option<SaveFiles>,
    /// False after a write failed (until one succeeds).
    saving: bool,
    /// The save on disk is from a newer build: never write it.
    blocked: bool,
    /// The save as last read from or written to disk.
    synced: Save,
    /// `synced` with `pending` applied: what the player sees.
    save: Save,
    /// Changes not yet on disk.
    pending: Vec<Op>,
    suspended: Option<Suspended>,
    notices: Vec<Notice>,
}

impl Store {
    /// Opens the save in `explicit` (from `--save-dir`), else
    /// `$DOUBLE11_SAVE_DIR`, else the platform data directory.
    ///
    /// Never fails over a bad or unwritable save: a corrupt file is moved
    /// aside and a fresh save started, an unwritable directory gives a store
    /// that keeps changes in memory; the returned notices say so in one line
    /// each. Fails only when the save was written by a newer double11
    /// (reading it would lose data, writing it would destroy it); then
    /// [`Store::open_or_memory`] plays on in memory.
    pub fn open(explicit: Option<PathBuf>) -> Result<(Store, Vec<Notice>), SaveError> {
        match paths::resolve(explicit) {
            Some((dir, _)) => Store::open_dir(&dir),
            None => Ok((
                Store::in_memory(),
                vec![Notice::new(format!(
                    "{}; playing on without saving",
                    SaveError::NoDirectory
                ))],
            )),
        }
    }

    /// [`Store::open`], or a memory-only store (with the reason as a notice)
    /// when even that fails.
    pub fn open_or_memory(explicit: Option<PathBuf>) -> (Store, Vec<Notice>) {
        Store::open(explicit).unwrap_or_else(|e| {
            (
                Store::in_memory(),
                vec![Notice::new(format!("{e}; playing on without saving"))],
            )
        })
    }

    /// A store that never touches the disk.
    pub fn in_memory() -> Store {
        Store {
            files: None,
            saving: false,
            blocked: false,
            synced: Save::default(),
            save: Save::default(),
            pending: Vec::new(),
            suspended: None,
            notices: Vec::new(),
        }
    }

    /// Opens the save in `dir` (see [`Store::open`]).
    pub fn open_dir(dir: &Path) -> Result<(Store, Vec<Notice>), SaveError> {
        let mut store = Store::in_memory();
        if let Err(e) = fs::create_dir_all(dir) {
            let e = SaveError::io("cannot create the save folder", dir, e);
            return Ok((
                store,
                vec![Notice::new(format!("{e}; playing on without saving"))],
            ));
        }
        let files = SaveFiles::new(dir);
        store.files = Some(files.clone());
        store.saving = true;
        atomic::remove_stale_temps(dir, STALE_TEMP);
        atomic::remove_stale_temps(&files.replays(), STALE_TEMP);

        let lock = match DirLock::acquire(&files.lock(), lock::WAIT) {
            Ok(lock) => Some(lock),
            Err(e @ SaveError::Busy { .. }) => {
                store.notices.push(Notice::new(e.to_string()));
                None
            }
            Err(e) => {
                store.saving = false;
                store
                    .notices
                    .push(Notice::new(format!("{e}; playing on without saving")));
                None
            }
        };
        // The lock file may be there from before in a folder that has since
        // turned read-only: try a real file.
        let mut writable = lock.is_some();
        if writable && let Err(e) = atomic::probe(dir) {
            writable = false;
            store.saving = false;
            let e = SaveError::io("cannot write in", dir, e);
            store
                .notices
                .push(Notice::new(format!("{e}; playing on without saving")));
        }
        match read_disk(&files.save())? {
            Disk::Parsed(parsed) => {
                store.synced = parsed.save;
                if parsed.from_version < format::CURRENT_VERSION && writable {
                    store.upgrade(&files, parsed.from_version);
                }
            }
            Disk::Missing => {
                if let Some(s) = settings::read_legacy(&files.legacy_settings()) {
                    store.synced.profile.settings = s;
                }
                if writable {
                    store.write_locked(&files);
                }
            }
            Disk::Unreadable(reason) => store.fresh_after_corrupt(&files, &reason, writable),
        }
        store.save = store.synced.clone();
        store.suspended = store.read_suspended(&files, writable);
        drop(lock);
        let notices = std::mem::take(&mut store.notices);
        Ok((store, notices))
    }

    /// Keeps the old-format file and writes the newest format.
    fn upgrade(&mut self, files: &SaveFiles, from: u32) {
        let path = files.save();
        let kept = paths::aside_path(&path, &format!("v{from}"), super::date::now_seconds());
        if let Err(e) = fs::copy(&path, &kept) {
            let e = SaveError::io("cannot keep a copy of", &path, e);
            self.fail(e);
            return;
        }
        if self.write_locked(files) {
            self.notices.push(Notice::new(format!(
                "your save was updated to format {}; the old one is kept as {}",
                format::CURRENT_VERSION,
                paths::file_name(&kept)
            )));
        }
    }

    /// The save is unreadable: move it aside and start fresh.
    fn fresh_after_corrupt(&mut self, files: &SaveFiles, reason: &str, writable: bool) {
        let path = files.save();
        let name = paths::file_name(&path);
        if !writable {
            self.saving = false;
            self.notices.push(Notice::new(format!(
                "your save {name} is unreadable ({reason}); it was left as it is and a fresh one started, without saving"
            )));
            return;
        }
        match paths::move_aside(&path, "corrupt") {
            Ok(aside) => {
                self.notices.push(Notice::new(format!(
                    "your save was unreadable; it was kept as {} and a fresh one started",
                    paths::file_name(&aside)
                )));
                self.write_locked(files);
            }
            Err(e) => {
                self.saving = false;
                self.notices.push(Notice::new(format!(
                    "your save {name} is unreadable ({reason}) and could not be moved aside ({e}); a fresh one started, without saving"
                )));
            }
        }
    }

    /// The suspended game on disk, if readable; an unreadable one is moved
    /// aside.
    fn read_suspended(&mut self, files: &SaveFiles, writable: bool) -> Option<Suspended> {
        let path = files.suspended();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
            Err(e) => {
                self.notices
                    .push(SaveError::io("cannot read", &path, e).into());
                return None;
            }
        };
        let parsed = std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(Suspended::parse);
        match parsed {
            Ok(s) => Some(s),
            Err(reason) if writable => {
                let text = match paths::move_aside(&path, "corrupt") {
                    Ok(aside) => format!(
                        "the saved festival could not be resumed ({reason}); it was kept as {}",
                        paths::file_name(&aside)
                    ),
                    Err(e) => format!(
                        "the saved festival could not be resumed ({reason}) nor moved aside ({e})"
                    ),
                };
                self.notices.push(Notice::new(text));
                None
            }
            Err(reason) => {
                self.notices.push(Notice::new(format!(
                    "the saved festival could not be resumed ({reason})"
                )));
                None
            }
        }
    }

    // ---- reading ----------------------------------------------------------

    /// The save folder (`None`: memory only).
    pub fn dir(&self) -> Option<&Path> {
        self.files.as_ref().map(SaveFiles::dir)
    }

    /// True while changes reach the disk.
    pub fn is_saving(&self) -> bool {
        self.files.is_some() && self.saving && !self.blocked
    }

    /// Everything, as the player sees it.
    pub fn save(&self) -> &Save {
        &self.save
    }

    /// The player's profile.
    pub fn profile(&self) -> &Profile {
        &self.save.profile
    }

    /// Lifetime stats.
    pub fn stats(&self) -> &Stats {
        &self.save.stats
    }

    /// A level's high scores, best first (empty if none).
    pub fn high_scores(&self, level: &str) -> &[ScoreEntry] {
        self.save.scores.get(level).map_or(&[], Vec::as_slice)
    }

    /// Levels unlocked.
    pub fn unlocked(&self) -> &BTreeSet<String> {
        &self.save.unlocked
    }

    /// The path of a high-score entry's replay file, if it has one (the
    /// file may be gone).
    pub fn replay_path(&self, entry: &ScoreEntry) -> Option<PathBuf> {
        let name = entry
            .replay
            .as_deref()
            .filter(|n| paths::is_plain_file_name(n))?;
        Some(self.files.as_ref()?.replay(name))
    }

    /// Messages for the player since the last call (a write that failed,
    /// saving working again).
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    // ---- changing ---------------------------------------------------------

    /// Changes the profile (name, settings) and saves it.
    pub fn update_profile(&mut self, f: impl FnOnce(&mut Profile)) {
        let mut profile = self.save.profile.clone();
        f(&mut profile);
        if profile != self.save.profile {
            self.commit(Op::Profile(profile));
        }
    }

    /// Unlocks a level (saved; nothing happens if it already is).
    pub fn unlock(&mut self, level: &str) {
        if !self.save.unlocked.contains(level) {
            self.commit(Op::Unlock(level.to_string()));
        }
    }

    /// Records a finished festival: adds `stats` to the lifetime stats and
    /// `entry` to the level's table, with `replay` written (as JSON) to a
    /// replay file named in the entry if it makes the table. Returns its
    /// place (1 = best), or `None` if it did not make the table.
    ///
    /// `replay` is any serializable replay with a `version`, the entry's
    /// `seed` and `inputs` (see [`super::replay`]); [`super::Replay`] will do.
    pub fn record_result<R: serde::Serialize>(
        &mut self,
        level: &str,
        entry: ScoreEntry,
        replay: &R,
        stats: Stats,
    ) -> Option<usize> {
        self.commit(Op::Record {
            level: level.to_string(),
            entry: ScoreEntry {
                replay: None,
                ..entry
            },
            replay: serde_json::to_string(replay).ok(),
            stats,
        })
    }

    /// [`Store::record_result`] for a finished game: the profile's name,
    /// today, the game's seed and final score, stats from its results, and
    /// `replay` (a [`crate::replay::Replay`] from the app's recorder, or a
    /// [`Replay`](super::Replay)). `None` (and nothing recorded) if the game is not over.
    pub fn record_game<R: serde::Serialize>(
        &mut self,
        level: &str,
        game: &GameState,
        replay: &R,
    ) -> Option<usize> {
        let results = game.results()?;
        let entry = ScoreEntry::new(
            self.save.profile.name.clone(),
            results.score.total,
            game.seed(),
        );
        let stats = Stats::from_results(results);
        self.record_result(level, entry, replay, stats)
    }

    /// Saves a festival to resume later ("save and quit"). True if it
    /// reached the disk; if not, it is kept for this session and a notice
    /// says why.
    pub fn suspend(&mut self, level: &str, game: &GameState, inputs: &[(u64, Input)]) -> bool {
        let suspended = Suspended {
            level: level.to_string(),
            game: game.clone(),
            inputs: inputs.to_vec(),
        };
        let written = match &self.files {
            None => false,
            Some(files) => {
                let path = files.suspended();
                let result = suspended
                    .to_text()
                    .map_err(|e| SaveError::io("cannot write", &path, io::Error::other(e)))
                    .and_then(|text| {
                        atomic::write(&path, text.as_bytes())
                            .map_err(|e| SaveError::io("cannot write", &path, e))
                    });
                match result {
                    Ok(()) => true,
                    Err(e) => {
                        self.notices
                            .push(Notice::new(format!("the festival was not saved: {e}")));
                        false
                    }
                }
            }
        };
        self.suspended = Some(suspended);
        written
    }

    /// The suspended festival, if any, without taking it.
    pub fn suspended(&self) -> Option<&Suspended> {
        self.suspended.as_ref()
    }

    /// Takes the suspended festival to resume it; it is removed from disk
    /// (a festival resumes once).
    pub fn take_suspended(&mut self) -> Option<Suspended> {
        let s = self.suspended.take()?;
        self.remove_suspended_file();
        Some(s)
    }

    /// Drops the suspended festival (the player started a new one).
    pub fn clear_suspended(&mut self) {
        self.suspended = None;
        self.remove_suspended_file();
    }

    fn remove_suspended_file(&mut self) {
        if let Some(files) = &self.files {
            let path = files.suspended();
            if let Err(e) = atomic::remove(&path) {
                self.notices
                    .push(SaveError::io("cannot remove", &path, e).into());
            }
        }
    }

    // ---- writing ----------------------------------------------------------

    /// Applies `op` and writes it through; on failure keeps it pending.
    fn commit(&mut self, op: Op) -> Option<usize> {
        if let Some(files) = self.files.clone().filter(|_| !self.blocked) {
            let result = DirLock::acquire(&files.lock(), lock::WAIT)
                .and_then(|_lock| self.merge_and_write(&files, Some(&op)));
            match result {
                Ok(place) => return place,
                Err(e) => self.fail(e),
            }
        }
        let place = apply(&mut self.save, &op, None).unwrap_or(None);
        self.pending.push(op);
        place
    }

    /// Writes the save (lock already held); false (with a notice) on failure.
    fn write_locked(&mut self, files: &SaveFiles) -> bool {
        match self.merge_and_write(files, None) {
            Ok(_) => true,
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }

    /// With the lock held: reads the save on disk, applies the pending
    /// changes and `op`, writes the result. Returns `op`'s place.
    fn merge_and_write(
        &mut self,
        files: &SaveFiles,
        op: Option<&Op>,
    ) -> Result<Option<usize>, SaveError> {
        let mut base = self.read_base(files)?;
        let mut written = Vec::new();
        let mut dropped = Vec::new();
        let result = (|| {
            for pending in &self.pending {
                apply(
                    &mut base,
                    pending,
                    Some((files, &mut written, &mut dropped)),
                )?;
            }
            let place = match op {
                Some(op) => apply(&mut base, op, Some((files, &mut written, &mut dropped)))?,
                None => None,
            };
            let path = files.save();
            let text = format::to_text(&base)
                .map_err(|e| SaveError::io("cannot write", &path, io::Error::other(e)))?;
            atomic::write(&path, text.as_bytes())
                .map_err(|e| SaveError::io("cannot write", &path, e))?;
            Ok(place)
        })();
        let stale = if result.is_ok() { dropped } else { written };
        for name in stale {
            let _ = atomic::remove(&files.replay(&name));
        }
        let place = result?;
        self.synced = base.clone();
        self.save = base;
        self.pending.clear();
        if !self.saving {
            self.saving = true;
            self.notices
                .push(Notice::new("saving works again; everything is saved"));
        }
        Ok(place)
    }

    /// The save on disk now, as the base for a merge. A file that went
    /// missing or bad since is replaced by what this store last knew.
    fn read_base(&mut self, files: &SaveFiles) -> Result<Save, SaveError> {
        let path = files.save();
        match read_disk(&path) {
            Ok(Disk::Parsed(p)) => Ok(p.save),
            Ok(Disk::Missing) => Ok(self.synced.clone()),
            Ok(Disk::Unreadable(_)) => {
                let aside = paths::move_aside(&path, "corrupt")
                    .map_err(|e| SaveError::io("cannot move aside", &path, e))?;
                self.notices.push(Notice::new(format!(
                    "your save had become unreadable; it was kept as {} and saved again from this game",
                    paths::file_name(&aside)
                )));
                Ok(self.synced.clone())
            }
            Err(e) => {
                if matches!(e, SaveError::NewerVersion { .. }) {
                    self.blocked = true;
                }
                Err(e)
            }
        }
    }

    /// A write failed: tell the player once.
    fn fail(&mut self, e: SaveError) {
        if self.saving {
            self.notices.push(Notice::new(format!(
                "could not save: {e}; playing on without saving"
            )));
        }
        self.saving = false;
    }
}

/// Where a merge writes replay files, and what it records about them.
type Writing<'a> = (&'a SaveFiles, &'a mut Vec<String>, &'a mut Vec<String>);

/// Applies one change. With `writing`, a record that makes its table gets
/// its replay file written (the name is pushed to `written`; replays of
/// entries pushed off the table go to `dropped`). Returns a record's place.
fn apply(
    save: &mut Save,
    op: &Op,
    writing: Option<Writing<'_>>,
) -> Result<Option<usize>, SaveError> {
    match op {
        Op::Profile(p) => save.profile = p.clone(),
        Op::Unlock(level) => {
            save.unlocked.insert(level.clone());
        }
        Op::Record {
            level,
            entry,
            replay,
            stats,
        } => {
            save.stats.add(stats);
            let table = save.scores.entry(level.clone()).or_default();
            let mut entry = entry.clone();
            if table::place_of(table, &entry).is_none() {
                return Ok(None);
            }
            if let (Some((files, written, dropped)), Some(text)) = (writing, replay) {
                let name = write_replay(files, level, entry.seed, text)?;
                written.push(name.clone());
                entry.replay = Some(name);
                let (place, gone) = table::insert(table, entry);
                dropped.extend(gone.into_iter().filter_map(|e| e.replay));
                return Ok(place);
            }
            return Ok(table::insert(table, entry).0);
        }
    }
    Ok(None)
}

/// Writes a replay file; returns its name.
fn write_replay(
    files: &SaveFiles,
    level: &str,
    seed: u64,
    text: &str,
) -> Result<String, SaveError> {
    let dir = files.replays();
    fs::create_dir_all(&dir).map_err(|e| SaveError::io("cannot create", &dir, e))?;
    let name = replay::file_name(level, seed);
    let path = files.replay(&name);
    atomic::write(&path, text.as_bytes()).map_err(|e| SaveError::io("cannot write", &path, e))?;
    Ok(name)
}

/// Reads and parses the save at `path`.
fn read_disk(path: &Path) -> Result<Disk, SaveError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Disk::Missing),
        Err(e) => return Ok(Disk::Unreadable(e.to_string())),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(Disk::Unreadable("not UTF-8 text".into()));
    };
    match format::parse(text) {
        Ok(parsed) => Ok(Disk::Parsed(parsed)),
        Err(FormatError::Corrupt(reason)) => Ok(Disk::Unreadable(reason)),
        Err(FormatError::Newer(version)) => Err(SaveError::NewerVersion {
            path: path.to_path_buf(),
            version,
        }),
    }
}

/// Reads the save in `dir` without changing anything (for `double11
/// scores`): `None` if there is none yet.
pub fn read_only(dir: &Path) -> Result<Option<Save>, SaveError> {
    let path = SaveFiles::new(dir).save();
    match read_disk(&path)? {
        Disk::Missing => Ok(None),
        Disk::Parsed(p) => Ok(Some(p.save)),
        Disk::Unreadable(reason) => Err(SaveError::Corrupt { path, reason }),
    }
}
