//! Who has a journal open (issue 21.1). Every open journal holds a shared `flock` on its file
//! for as long as it is open; `backup restore` takes the exclusive lock before it moves the
//! file aside, so it never renames a journal that another backtrack is still writing to (that
//! process's later writes would go to the renamed file and be lost to the live journal).
//!
//! `flock` locks are separate from the POSIX locks SQLite takes on the same file, so the two
//! never interfere. The descriptor must stay open until the SQLite connection is closed:
//! closing any descriptor of a file drops the process's POSIX locks on it.

use std::fs::{self, File, TryLockError};
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::error::{RepoError, Result};

/// Tries before giving up when the file keeps being replaced under us.
const REPLACED_RETRIES: u32 = 20;

/// A shared lock on the journal file at `path`, held until the returned file is dropped.
/// Waits while a restore holds the exclusive lock, then checks that `path` is still the file
/// it locked (a restore puts a new file there): if not, it locks the new one.
pub fn hold_shared(path: &Path) -> Result<File> {
    for _ in 0..REPLACED_RETRIES {
        let f = File::open(path)?;
        f.lock_shared()?;
        if same_file(&f, path)? {
            return Ok(f);
        }
    }
    Err(RepoError::Conflict(format!(
        "{} kept being replaced while it was opened; try again",
        path.display()
    )))
}

/// The exclusive lock on the journal at `path`, or a refusal naming why: another backtrack
/// (the app, an import, any command) has it open. `None` when there is no file.
pub fn exclusive(path: &Path, what: &str) -> Result<Option<File>> {
    let f = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    match f.try_lock() {
        Ok(()) => Ok(Some(f)),
        Err(TryLockError::WouldBlock) => Err(RepoError::Conflict(format!(
            "{what}: {} is open in another backtrack (the app, an import or another command); close it and run this again; nothing was changed",
            path.display()
        ))),
        Err(TryLockError::Error(e)) => Err(e.into()),
    }
}

fn same_file(f: &File, path: &Path) -> Result<bool> {
    let held = f.metadata()?;
    Ok(match fs::metadata(path) {
        Ok(now) => now.dev() == held.dev() && now.ino() == held.ino(),
        Err(e) if e.kind() == ErrorKind::NotFound => false,
        Err(e) => return Err(e.into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_journal_refuses_the_exclusive_lock_until_closed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        fs::write(&path, b"x").unwrap();
        let held = hold_shared(&path).unwrap();
        let err = exclusive(&path, "backup restore").unwrap_err().to_string();
        assert!(err.contains("open in another backtrack"), "{err}");
        drop(held);
        assert!(exclusive(&path, "backup restore").unwrap().is_some());
        assert!(
            exclusive(&dir.path().join("none.db"), "x")
                .unwrap()
                .is_none()
        );
    }
}
