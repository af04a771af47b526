//! The backups a journal can come back from: listing them (`backup list`), naming the newest
//! one that passes integrity_check (for every "damaged" message), and `backup restore`, which
//! keeps the file it replaces. Works on paths alone: a damaged journal may not open at all.

use std::fs;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::backup::{backups_dir, remove_with_sidecars, sync_dir};
use super::backup_owner as owner;
use super::error::{RepoError, Result};
use super::restore_guard::{keep_aside, restorable};

/// One backup file of this journal: a daily copy (`sam-2026-11-23.db`) or a manual one
/// (`sam-manual-20261123-101500.db`).
#[derive(Debug, Clone, Serialize)]
pub struct BackupFile {
    pub date: NaiveDate,
    pub path: PathBuf,
    pub bytes: u64,
    pub manual: bool,
}

/// The copies in the journal's `backups/` folder, sorted into its own (newest first, by date
/// then by file time) and the ones named like its own that hold another journal.
#[derive(Debug, Default)]
pub struct Found {
    pub own: Vec<BackupFile>,
    pub others: Vec<BackupFile>,
    /// The id inside the journal, when it could be read.
    pub journal_id: Option<String>,
}

/// The backups of `journal`, newest first (by date, then by file time).
pub fn list(journal: &Path) -> Vec<BackupFile> {
    find(journal).own
}

/// Every copy named for `journal`, sorted by whose it is (see `backup_owner`).
pub fn find(journal: &Path) -> Found {
    let Ok(entries) = fs::read_dir(backups_dir(journal)) else {
        return Found::default();
    };
    let stem = owner::stem(journal);
    let me = owner::Identity::at(journal);
    let mut named: Vec<(BackupFile, std::time::SystemTime)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // A copy from before copies were named after their journal, not yet claimed
            // (the journal has not been opened since): listed when its records are ours.
            let legacy = || {
                let found = owner::parse_name(owner::LEGACY_STEM, &name)?;
                (me.owner_of(&e.path()) == owner::Owner::Ours).then_some(found)
            };
            let (date, manual) = owner::parse_name(&stem, &name).or_else(legacy)?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            let time = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            let file = BackupFile {
                date,
                path: e.path(),
                bytes: meta.len(),
                manual,
            };
            Some((file, time))
        })
        .collect();
    named.sort_by_key(|b| std::cmp::Reverse((b.0.date, b.1)));
    let mut found = Found {
        journal_id: me.id.clone(),
        ..Found::default()
    };
    for (f, _) in named {
        match me.owner_of(&f.path) {
            owner::Owner::Other => found.others.push(f),
            _ => found.own.push(f),
        }
    }
    found
}

/// The newest backup (of `date`, if given) that passes integrity_check and is a journal of
/// a schema this build reads (another program's file or a newer journal is passed over).
pub fn newest_verified(journal: &Path, date: Option<NaiveDate>) -> Option<BackupFile> {
    list(journal)
        .into_iter()
        .filter(|b| date.is_none_or(|d| b.date == d))
        .find(|b| restorable(&b.path).is_ok())
}

/// The end of every message about a journal that cannot be used: which backup can replace
/// it and the command that does it.
pub fn recovery_hint(journal: &Path) -> String {
    match newest_verified(journal, None) {
        Some(b) => format!(
            "newest verified backup: {} ({}); `backtrack backup restore` puts it in place and keeps this file",
            b.path.display(),
            b.date
        ),
        None => format!("no verified backup in {}", backups_dir(journal).display()),
    }
}

/// What `backup restore` did.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub from: PathBuf,
    pub date: NaiveDate,
    pub journal: PathBuf,
    /// Where the replaced journal now is (None when there was no file).
    pub kept: Option<PathBuf>,
}

/// Puts the newest verified backup (of `date`, if given) in place of `journal`. The file it
/// replaces, with its -wal and -shm, is renamed aside (`journal.db.before-restore-STAMP`,
/// a name no other restore uses), never deleted. Each step leaves either the old or the new
/// journal at `journal`. Refused while another backtrack has the journal open.
pub fn restore(journal: &Path, date: Option<NaiveDate>) -> Result<Restored> {
    let found = find(journal);
    let of_date = |b: &&BackupFile| date.is_none_or(|d| b.date == d);
    let Some(b) = found
        .own
        .iter()
        .filter(of_date)
        .find(|b| restorable(&b.path).is_ok())
    else {
        return Err(no_backup(journal, date, &found));
    };
    let dir = journal
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.new-{}",
        journal
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("journal.db"),
        std::process::id()
    ));
    remove_with_sidecars(&tmp);
    let copy = copy_verified(&b.path, &tmp, found.journal_id.as_deref());
    // Held until the new file is in place: an open elsewhere waits, then opens the new one.
    let lock = copy.and_then(|_| super::lock::exclusive(journal, "backup restore"));
    let lock = match lock {
        Ok(lock) => lock,
        Err(e) => {
            remove_with_sidecars(&tmp);
            return Err(e);
        }
    };
    // A link, not a rename: the journal path is never empty, even if we are killed here.
    let kept = match lock.as_ref().map(|_| keep_aside(journal)).transpose() {
        Ok(kept) => kept,
        Err(e) => {
            remove_with_sidecars(&tmp);
            return Err(e);
        }
    };
    fs::rename(&tmp, journal)?;
    // Any -wal/-shm that giving an old copy its id left beside the temp name.
    remove_with_sidecars(&tmp);
    sync_dir(dir);
    drop(lock);
    Ok(Restored {
        from: b.path.clone(),
        date: b.date,
        journal: journal.to_path_buf(),
        kept,
    })
}

/// Why no backup can be restored: another journal's copies only, or none verified (with why
/// the newest was passed over).
fn no_backup(journal: &Path, date: Option<NaiveDate>, found: &Found) -> RepoError {
    let of_date = |b: &&BackupFile| date.is_none_or(|d| b.date == d);
    let which = date.map(|d| format!(" from {d}")).unwrap_or_default();
    let others: Vec<String> = found
        .others
        .iter()
        .filter(of_date)
        .map(|b| b.path.display().to_string())
        .collect();
    if !others.is_empty() {
        return RepoError::Conflict(format!(
            "backup: {} holds another journal, not {}; a restore never puts another journal in place (`backtrack --db OTHER.db backup restore` restores that one)",
            others.join(", "),
            journal.display()
        ));
    }
    // Why the newest candidate was passed over, when there was one.
    let why = list(journal)
        .into_iter()
        .find(|b| date.is_none_or(|d| b.date == d))
        .and_then(|b| restorable(&b.path).err())
        .map(|e| format!(" (newest: {e})"))
        .unwrap_or_default();
    RepoError::NotFound(format!(
        "backup: no verified backup{which} in {}{why}; `backtrack backup list` shows what there is",
        backups_dir(journal).display()
    ))
}

/// The backup copied to `tmp` (0600, fsynced, created new), given the journal's id when it
/// had none, and checked again.
fn copy_verified(from: &Path, tmp: &Path, journal_id: Option<&str>) -> Result<()> {
    let mut out = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(tmp)?;
    std::io::copy(&mut fs::File::open(from)?, &mut out)?;
    out.sync_all()?;
    drop(out);
    if let Some(id) = journal_id {
        keep_identity(tmp, id)?;
    }
    restorable(tmp)
}

/// A copy made before journals had an id gets the id of the journal it replaces, so the
/// copies made since stay this journal's. A copy with an id keeps it (it is this journal's:
/// `find` put it among its own).
fn keep_identity(copy: &Path, id: &str) -> Result<()> {
    let conn = rusqlite::Connection::open(copy)?;
    if owner::read_id(&conn).is_none() {
        conn.execute_batch("CREATE TABLE IF NOT EXISTS journal_identity (id TEXT NOT NULL)")?;
        conn.execute("INSERT INTO journal_identity (id) VALUES (?1)", [id])?;
    }
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}
