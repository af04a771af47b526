//! Verified backups (SPEC §6.2, §6.3): online copy to a temp file, `integrity_check`, then an
//! atomic rename. Daily automatic copies keep 7 daily and 4 weekly files.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::connection::{Repo, create_private_dir};
use super::error::{RepoError, Result};

/// Copies the live database to `dest`, verified. `dest` is replaced only once the copy passed
/// integrity_check, so a failed backup never destroys an older good one.
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
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
        fs::rename(&tmp, dest)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Opens a copy read-only and runs integrity_check on it.
pub fn verify(path: &Path) -> Result<()> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let status: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if status != "ok" {
        return Err(RepoError::Backup(format!(
            "{} failed integrity_check: {status}",
            path.display()
        )));
    }
    Ok(())
}

/// Before migrating from `version`, keep `journal.db.bak-v{N}-{date}` next to the file.
pub fn pre_migration_backup(
    conn: &Connection,
    path: &Path,
    version: i64,
    today: NaiveDate,
) -> Result<PathBuf> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".bak-v{version}-{today}"));
    let dest = PathBuf::from(name);
    backup_to(conn, &dest)?;
    Ok(dest)
}

impl Repo {
    /// `backup PATH`: a verified online copy.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        backup_to(&self.conn, dest)
    }

    /// The first open of each day copies the journal into `backups/` beside it, then prunes.
    /// Returns the new file, if one was written. An empty journal is not backed up.
    pub fn daily_backup(&self, today: NaiveDate) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("backups");
        let dest = dir.join(format!("journal-{today}.db"));
        if dest.exists() || self.is_empty()? {
            return Ok(None);
        }
        create_private_dir(&dir)?;
        backup_to(&self.conn, &dest)?;
        prune(&dir)?;
        Ok(Some(dest))
    }
}

/// Keeps the 7 newest daily files and, older than those, the newest file of each of the 4
/// most recent ISO weeks.
pub fn prune(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut dated: Vec<(NaiveDate, PathBuf)> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let date = name.strip_prefix("journal-")?.strip_suffix(".db")?;
            Some((NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?, e.path()))
        })
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
    fn prune_keeps_seven_daily_and_four_weekly() {
        let dir = tempfile::tempdir().unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        for i in 0..60 {
            let d = start + chrono::Duration::days(i);
            fs::write(dir.path().join(format!("journal-{d}.db")), b"x").unwrap();
        }
        fs::write(dir.path().join("unrelated.txt"), b"keep me").unwrap();
        prune(dir.path()).unwrap();
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
