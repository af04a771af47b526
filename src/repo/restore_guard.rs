//! What `backup` and `backup restore` check before they put a file anywhere (issue 21.2–21.4):
//! a restore only puts in place a backtrack journal this build can read, keeps the file it
//! replaces under a name no other restore uses, and `backup PATH` only writes to a new path
//! or over an earlier backtrack backup (never a device, the journal or its -wal).

use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::backup::{open_immutable, verify, with_suffix};
use super::connection::latest_version;
use super::error::{RepoError, Result};
use super::filecheck::{APPLICATION_ID, read_header};
use crate::domain::clock;

/// Tables every journal has had since the first schema (a file made before the mark).
const JOURNAL_TABLES: [&str; 3] = ["checkins", "activities", "doses"];

/// Ok when `path` passes integrity_check, is a backtrack journal (marked, or an unmarked one
/// with the journal's tables) and has a schema this build reads. Nothing is written beside it.
pub fn restorable(path: &Path) -> Result<()> {
    verify(path)?;
    let header = read_header(path)?.ok_or_else(|| not_ours(path))?;
    if header.application_id != APPLICATION_ID {
        let c = open_immutable(path)?;
        let has = |t: &str| -> bool {
            c.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?1",
                [t],
                |r| r.get::<_, i64>(0),
            )
            .is_ok_and(|n| n == 1)
        };
        if header.application_id != 0 || !JOURNAL_TABLES.iter().all(|t| has(t)) {
            return Err(not_ours(path));
        }
    }
    let known = latest_version();
    if header.user_version > known || header.user_version < 1 {
        return Err(RepoError::NotAJournal(format!(
            "{} has schema version {}, but this build of backtrack reads 1 to {known}",
            path.display(),
            header.user_version
        )));
    }
    Ok(())
}

fn not_ours(path: &Path) -> RepoError {
    RepoError::NotAJournal(format!(
        "{} is not a backtrack journal (another program's file)",
        path.display()
    ))
}

/// Keeps the journal under `journal.db.before-restore-STAMP` (then `-2`, `-3`, … when a
/// restore in the same second took that name), as a new link: the journal path is never
/// empty, and no earlier kept file is ever overwritten. The -wal and -shm go with it.
pub fn keep_aside(journal: &Path) -> Result<PathBuf> {
    let stamp = clock::now_local().format("%Y%m%d-%H%M%S").to_string();
    for n in 1..1000 {
        let suffix = match n {
            1 => format!(".before-restore-{stamp}"),
            n => format!(".before-restore-{stamp}-{n}"),
        };
        let aside = with_suffix(journal, &suffix);
        let taken = ["", "-wal", "-shm"]
            .iter()
            .any(|s| fs::symlink_metadata(with_suffix(&aside, s)).is_ok());
        if taken {
            continue;
        }
        let linked = match fs::hard_link(journal, &aside) {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(_) => copy_new(journal, &aside),
            ok => ok,
        };
        match linked {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            other => other?,
        }
        for side in ["-wal", "-shm"] {
            let from = with_suffix(journal, side);
            if from.exists() {
                fs::rename(&from, with_suffix(&aside, side))?;
            }
        }
        return Ok(aside);
    }
    Err(RepoError::Conflict(format!(
        "backup restore: 999 files named {}.before-restore-{stamp}* exist already; nothing was changed",
        journal.display()
    )))
}

/// A copy that never replaces a file (for filesystems without hard links).
fn copy_new(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut out = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(to)?;
    std::io::copy(&mut fs::File::open(from)?, &mut out)?;
    out.sync_all()
}

/// `backup PATH` writes only to a new path or over an earlier backtrack backup: never over
/// the journal itself, its -wal/-shm, a device, a folder, a link or another program's file.
pub fn check_backup_dest(journal: &Path, dest: &Path) -> Result<()> {
    let meta = match fs::symlink_metadata(dest) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
        Ok(m) => m,
    };
    let refuse = |what: &str| {
        Err(RepoError::Input(crate::domain::InputError::new(
            "path",
            format!(
                "{} {what}; allowed: a new file's path, or an earlier backtrack backup to replace",
                dest.display()
            ),
        )))
    };
    if !meta.file_type().is_file() {
        return refuse("exists and is not a regular file (a folder, link or device)");
    }
    for side in ["", "-wal", "-shm", "-journal"] {
        if let Ok(j) = fs::metadata(with_suffix(journal, side))
            && j.dev() == meta.dev()
            && j.ino() == meta.ino()
        {
            return refuse("is the journal itself (or one of its files)");
        }
    }
    match restorable(dest) {
        Ok(()) => Ok(()),
        Err(_) => refuse("exists and is not a backtrack backup"),
    }
}
