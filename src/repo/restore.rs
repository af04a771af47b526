//! The backups a journal can come back from: listing them (`backup list`), naming the newest
//! one that passes integrity_check (for every "damaged" message), and `backup restore`, which
//! keeps the file it replaces. Works on paths alone: a damaged journal may not open at all.

use std::fs;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::backup::{backups_dir, remove_with_sidecars, sync_dir};
use super::error::{RepoError, Result};
use super::restore_guard::{keep_aside, restorable};

/// One backup file: a daily copy (`journal-2026-11-23.db`) or a manual one
/// (`journal-manual-20261123-101500.db`).
#[derive(Debug, Clone, Serialize)]
pub struct BackupFile {
    pub date: NaiveDate,
    pub path: PathBuf,
    pub bytes: u64,
    pub manual: bool,
}

/// The backups beside `journal`, newest first (by date, then by file time).
pub fn list(journal: &Path) -> Vec<BackupFile> {
    let Ok(entries) = fs::read_dir(backups_dir(journal)) else {
        return Vec::new();
    };
    let mut out: Vec<(BackupFile, std::time::SystemTime)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_prefix("journal-")?.strip_suffix(".db")?;
            let (date, manual) = match stem.strip_prefix("manual-") {
                Some(m) => (NaiveDate::parse_from_str(m.get(..8)?, "%Y%m%d").ok()?, true),
                None => (NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()?, false),
            };
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
    out.sort_by_key(|b| std::cmp::Reverse((b.0.date, b.1)));
    out.into_iter().map(|(f, _)| f).collect()
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
    let Some(b) = newest_verified(journal, date) else {
        let which = date.map(|d| format!(" from {d}")).unwrap_or_default();
        // Why the newest candidate was passed over, when there was one.
        let why = list(journal)
            .into_iter()
            .find(|b| date.is_none_or(|d| b.date == d))
            .and_then(|b| restorable(&b.path).err())
            .map(|e| format!(" (newest: {e})"))
            .unwrap_or_default();
        return Err(RepoError::NotFound(format!(
            "backup: no verified backup{which} in {}{why}; `backtrack backup list` shows what there is",
            backups_dir(journal).display()
        )));
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
    let copy = (|| -> Result<()> {
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        std::io::copy(&mut fs::File::open(&b.path)?, &mut out)?;
        out.sync_all()?;
        restorable(&tmp)
    })();
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
    sync_dir(dir);
    drop(lock);
    Ok(Restored {
        from: b.path,
        date: b.date,
        journal: journal.to_path_buf(),
        kept,
    })
}
