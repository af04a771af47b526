//! Verified backups (SPEC §6.2, §6.3): online copy to a temp file, `integrity_check`, then an
//! atomic rename. Daily automatic copies keep 7 daily and 4 weekly files. Temp files that a
//! killed backup left behind are removed by the next one.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::backup_owner as owner;
use super::connection::{Repo, create_private_dir};
use super::error::{RepoError, Result};

/// Copies the live database to `dest`, verified. `dest` is replaced only once the copy passed
/// integrity_check, so a failed backup never destroys an older good one.
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    remove_stale_temps(parent);
    let tmp = parent.join(format!(
        ".{}.tmp-{}",
        dest.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("backup"),
        std::process::id()
    ));
    let _ = fs::remove_file(&tmp);
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)?;
    let result = (|| {
        conn.backup(MAIN_DB, &tmp, None)?;
        verify(&tmp)?;
        fs::File::open(&tmp)?.sync_all()?;
        fs::rename(&tmp, dest)?;
        sync_dir(parent);
        Ok(())
    })();
    if result.is_err() {
        remove_with_sidecars(&tmp);
    }
    result
}

/// Removes `path` and the -journal/-wal/-shm files SQLite may have made beside it.
pub(crate) fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(path, suffix));
    }
}

pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Makes a rename durable: the directory entry is flushed too.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes the temp files (`.NAME.tmp-PID`, `.NAME.new-PID` and their -journal/-wal/-shm) of
/// processes that no longer run: a backup or a journal creation killed half-way. A temp file
/// of a process that is still running is its work in progress and stays.
pub fn remove_stale_temps(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return removed;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = temp_pid(&name) else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) && fs::remove_file(e.path()).is_ok() {
            removed.push(e.path());
        }
    }
    removed
}

/// The PID in `.journal-2026-11-23.db.tmp-4242` (or `-wal`/`-shm`/`-journal` after it).
fn temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, tail) = name
        .rsplit_once(".tmp-")
        .or_else(|| name.rsplit_once(".new-"))?;
    let digits = ["-journal", "-wal", "-shm"]
        .iter()
        .find_map(|s| tail.strip_suffix(s))
        .unwrap_or(tail);
    digits.parse().ok()
}

fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    // Without /proc we cannot tell; keeping a file is safer than removing a live one.
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Opens a copy read-only (immutable: no -wal/-shm files appear beside it) and runs
/// integrity_check on it.
pub fn verify(path: &Path) -> Result<()> {
    let c = open_immutable(path)?;
    let status: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| {
            RepoError::Corrupt(format!("{} failed integrity_check: {e}", path.display()))
        })?;
    if status != "ok" {
        let first = status.lines().next().unwrap_or_default();
        return Err(RepoError::Corrupt(format!(
            "{} failed integrity_check: {first}",
            path.display()
        )));
    }
    Ok(())
}

/// A read-only connection that never writes or creates a file beside `path`.
pub(crate) fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    let mut uri = String::from("file:");
    for ch in path.to_string_lossy().chars() {
        match ch {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Before migrating from `version`, keep `journal.db.bak-v{N}-{date}` next to the file.
pub fn pre_migration_backup(
    conn: &Connection,
    path: &Path,
    version: i64,
    today: NaiveDate,
) -> Result<PathBuf> {
    let dest = with_suffix(path, &format!(".bak-v{version}-{today}"));
    backup_to(conn, &dest)?;
    Ok(dest)
}

/// The folder of the automatic copies: `backups/` beside the journal.
pub fn backups_dir(journal: &Path) -> PathBuf {
    journal
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// What the day's first open found when it copied the journal.
#[derive(Debug, Clone)]
pub enum Daily {
    /// Today's copy exists already, or the journal is empty or in memory.
    NotDue,
    Written(PathBuf),
    /// The copy failed integrity_check: the journal itself is damaged.
    Damaged(String),
    /// The copy could not be written (disk full, permissions); the journal may be fine.
    Failed(String),
}

/// The first open of each day copies the journal into `backups/` beside it (named after the
/// journal: `sam-DATE.db`), verifies the copy, then prunes this journal's copies. The copy is
/// read page by page from the journal, so a copy that fails integrity_check means the
/// journal is damaged.
pub(crate) fn daily(conn: &Connection, path: &Path, today: NaiveDate) -> Daily {
    let dir = backups_dir(path);
    let dest = dir.join(owner::daily_name(path, today));
    if dest.exists() {
        return Daily::NotDue;
    }
    match super::connection::is_empty(conn) {
        Ok(true) => return Daily::NotDue,
        Ok(false) => {}
        Err(e) if e.is_corruption() => return Daily::Damaged(e.to_string()),
        Err(e) => return Daily::Failed(e.to_string()),
    }
    let me = owner::Identity::of(conn);
    owner::claim_legacy(&dir, path, &me);
    let result = create_private_dir(&dir).and_then(|_| backup_to(conn, &dest));
    match result {
        Ok(()) => {
            let _ = prune(&dir, &owner::stem(path), |p| {
                me.owner_of(p) == owner::Owner::Other
            });
            Daily::Written(dest)
        }
        Err(e) if e.is_corruption() => Daily::Damaged(e.to_string()),
        Err(e) => Daily::Failed(e.to_string()),
    }
}

impl Repo {
    /// `backup PATH`: a verified online copy, to a new path or over an earlier backup.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if let Some(journal) = self.path() {
            super::restore_guard::check_backup_dest(journal, dest)?;
        }
        backup_to(&self.conn, dest)
    }

    /// The daily backup made when this journal was opened: the new file, if one was written.
    /// A copy that could not be written, or a journal found damaged, is an error (a warning
    /// for the caller: reads go on, writes are refused).
    pub fn daily_backup(&self, _today: NaiveDate) -> Result<Option<PathBuf>> {
        match &self.daily {
            Daily::Written(p) => Ok(Some(p.clone())),
            Daily::Failed(m) => Err(RepoError::Backup(m.clone())),
            Daily::Damaged(_) => self.writable().map(|_| None),
            Daily::NotDue => Ok(None),
        }
    }
}

/// Keeps the 7 newest daily files of the journal named `stem` and, older than those, the
/// newest file of each of the 4 most recent ISO weeks. Another journal's copies (by name, or
/// by `other` for the old shared names) are never touched.
pub fn prune(dir: &Path, stem: &str, other: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut dated: Vec<(NaiveDate, PathBuf)> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            match owner::parse_name(stem, &name)? {
                (date, false) => Some((date, e.path())),
                (_, true) => None,
            }
        })
        .filter(|(_, p)| !other(p))
        .collect();
    dated.sort_by_key(|d| std::cmp::Reverse(d.0));
    let mut keep = vec![false; dated.len()];
    for k in keep.iter_mut().take(7) {
        *k = true;
    }
    let mut weeks = Vec::new();
    for (i, (d, _)) in dated.iter().enumerate().skip(7) {
        let wk = (d.iso_week().year(), d.iso_week().week());
        if !weeks.contains(&wk) && weeks.len() < 4 {
            weeks.push(wk);
            keep[i] = true;
        }
    }
    let mut removed = Vec::new();
    for ((_, p), k) in dated.into_iter().zip(keep) {
        if !k {
            fs::remove_file(&p)?;
            removed.push(p);
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_migration_backup_is_named_by_version_and_date_and_verified() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let mut repo = Repo::open(&path).unwrap();
        repo.set_plain("nsaid_streak_days", "8").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let dest = pre_migration_backup(&repo.conn, &path, 1, day).unwrap();
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
        assert_eq!(
            dest.file_name().unwrap().to_string_lossy(),
            "journal.db.bak-v1-2026-11-23"
        );
        let copy = Connection::open(&dest).unwrap();
        let v: String = copy
            .query_row(
                "SELECT value FROM settings WHERE key='nsaid_streak_days'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(v, "8");
    }

    #[test]
    fn a_failed_verification_keeps_the_old_backup() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("garbage.db");
        fs::write(&bad, b"not a database at all, definitely not").unwrap();
        assert!(verify(&bad).is_err());
    }

    #[test]
    fn stale_temp_files_of_dead_processes_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // PID 4194304 is above Linux's pid_max: never a running process.
        let dead = [
            ".journal-2026-11-20.db.tmp-4194304",
            ".journal-2026-11-20.db.tmp-4194304-wal",
            ".journal-2026-11-20.db.tmp-4194304-shm",
            ".journal.db.new-4194304",
        ];
        let live = format!(".journal-2026-11-21.db.tmp-{}", std::process::id());
        let parent_live = format!(
            ".journal-2026-11-21.db.tmp-{}",
            std::os::unix::process::parent_id()
        );
        for n in dead.iter().chain([
            &live.as_str(),
            &parent_live.as_str(),
            &"journal-2026-11-20.db",
        ]) {
            fs::write(dir.path().join(n), b"x").unwrap();
        }
        let removed = remove_stale_temps(dir.path());
        assert_eq!(removed.len(), dead.len(), "{removed:?}");
        for n in dead {
            assert!(!dir.path().join(n).exists(), "{n} left behind");
        }
        assert!(
            dir.path().join(&parent_live).exists(),
            "a running process's temp file was removed"
        );
        assert!(dir.path().join("journal-2026-11-20.db").exists());
    }

    #[test]
    fn prune_keeps_seven_daily_and_four_weekly() {
        let dir = tempfile::tempdir().unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        for i in 0..60 {
            let d = start + chrono::Duration::days(i);
            fs::write(dir.path().join(format!("journal-{d}.db")), b"x").unwrap();
        }
        fs::write(dir.path().join("unrelated.txt"), b"keep me").unwrap();
        prune(dir.path(), "journal", |_| false).unwrap();
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        left.sort();
        assert_eq!(left.len(), 7 + 4 + 1, "{left:?}");
        assert!(left.contains(&"unrelated.txt".to_string()));
        // Newest is 2026-10-30; the 7 dailies run back to 10-24.
        assert!(left.contains(&"journal-2026-10-30.db".to_string()));
        assert!(left.contains(&"journal-2026-10-24.db".to_string()));
        assert!(!left.contains(&"journal-2026-09-01.db".to_string()));
    }
}
