//! The lock file: an exclusive advisory lock on `profile.lock`, held around
//! read-merge-write of the save so two running games never lose each
//! other's scores. The lock goes with the file handle (and with the process,
//! if it dies).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use super::SaveError;

/// How long to wait for another double11 to finish writing.
pub const WAIT: Duration = Duration::from_secs(5);

/// A held lock; released on drop.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

impl DirLock {
    /// Takes the exclusive lock on `path` (creating the file), waiting up
    /// to `wait` for another holder.
    pub fn acquire(path: &Path, wait: Duration) -> Result<DirLock, SaveError> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| SaveError::io("cannot write", path, e))?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => return Ok(DirLock { _file: file }),
                Err(fs4::TryLockError::WouldBlock) => {}
                Err(fs4::TryLockError::Error(e)) => {
                    return Err(SaveError::io("cannot lock", path, e));
                }
            }
            if start.elapsed() >= wait {
                return Err(SaveError::Busy {
                    dir: path.parent().map_or_else(PathBuf::new, Path::to_path_buf),
                    lock: path.to_path_buf(),
                });
            }
            thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("x.lock");
        let held = DirLock::acquire(&p, WAIT).expect("first");
        let busy = DirLock::acquire(&p, Duration::from_millis(30));
        assert!(matches!(busy, Err(SaveError::Busy { .. })), "{busy:?}");
        drop(held);
        DirLock::acquire(&p, Duration::ZERO).expect("free again");
    }
}
