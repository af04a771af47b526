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
use std::time::{Duration, Instant};

use super::error::{RepoError, Result};

/// How long an open waits for a restore to finish (a restore takes well under a second).
const RESTORE_WAIT: Duration = Duration::from_secs(10);

/// A shared lock on the journal file at `path`, held until the returned file is dropped;
/// None when the file cannot be opened to lock (a mode that lets SQLite say why).
/// Waits while a restore holds the exclusive lock, then checks that `path` is still the file
/// it locked (a restore puts a new file there): if not, it locks the new one.
pub fn hold_shared(path: &Path) -> Result<Option<File>> {
    let start = Instant::now();
    while start.elapsed() < RESTORE_WAIT {
        let Ok(f) = File::open(path) else {
            return Ok(None);
        };
        match f.try_lock_shared() {
            Ok(()) if same_file(&f, path)? => return Ok(Some(f)),
            // Replaced by a restore while we opened it: lock the new file.
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(10)),
            Err(TryLockError::Error(_)) => return Ok(None),
        }
    }
    Err(RepoError::Conflict(format!(
        "{} is being replaced by `backtrack backup restore`, which has not finished in {} s; nothing was written; try again",
        path.display(),
        RESTORE_WAIT.as_secs()
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
        let held = hold_shared(&path).unwrap().expect("a lock");
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

    #[test]
    fn an_open_during_a_restore_waits_and_then_locks_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        fs::write(&path, b"old").unwrap();
        let restore = exclusive(&path, "backup restore").unwrap().unwrap();
        let opener = {
            let path = path.clone();
            std::thread::spawn(move || hold_shared(&path).unwrap().unwrap())
        };
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            !opener.is_finished(),
            "the open did not wait for the restore"
        );
        let new = dir.path().join(".journal.db.new");
        fs::write(&new, b"new").unwrap();
        fs::rename(&new, &path).unwrap();
        drop(restore);
        let held = opener.join().unwrap();
        let now = fs::metadata(&path).unwrap();
        assert_eq!(
            held.metadata().unwrap().ino(),
            now.ino(),
            "the old file was locked"
        );
    }
}
