//! Crash-safe writes: the new content goes to a temporary file in the same
//! directory, is flushed to disk, then renamed over the target (an atomic
//! replace), and the directory is flushed so the rename itself is durable.
//! A crash at any moment leaves either the old file or the new one.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::paths::TEMP_PREFIX;

/// Replaces `path` with `bytes` atomically and durably.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Checks that a file can be created in `dir` (it is removed at once).
pub fn probe(dir: &Path) -> io::Result<()> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map(drop)
}

/// Removes `path` (if there) and flushes its directory.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Ok(()) => sync_dir(parent(path)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Flushes a directory's entries (a no-op where directories cannot be
/// opened, as on Windows).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}

/// Deletes temporary files left in `dir` by a writer that died, if older
/// than `age` (younger ones may belong to a writer still at work).
pub fn remove_stale_temps(dir: &Path, age: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d >= age);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("a.json");
        write(&p, b"one").expect("first write");
        write(&p, b"two").expect("second write");
        assert_eq!(fs::read(&p).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["a.json"]);
        remove(&p).expect("remove");
        remove(&p).expect("remove twice");
        assert!(!p.exists());
    }

    #[test]
    fn stale_temps_go_young_ones_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = dir.path().join(format!("{TEMP_PREFIX}x.tmp"));
        fs::write(&t, "half").expect("write");
        remove_stale_temps(dir.path(), Duration::from_secs(3600));
        assert!(t.exists());
        remove_stale_temps(dir.path(), Duration::ZERO);
        assert!(!t.exists());
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("no/such/dir/a.json");
        assert!(write(&p, b"x").is_err());
    }
}
