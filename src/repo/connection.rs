//! Opening a journal: file modes, pragmas, schema checks, migrations and the pre-migration
//! backup (SPEC §3, §6.1, §6.2).

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::Migrations;

use super::backup;
use super::error::{RepoError, Result};
use crate::domain::clock;

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");

/// The schema migrations, embedded from `migrations/NN-name/up.sql`.
pub static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::from_directory(&MIGRATIONS_DIR)
        .expect("migrations directory is embedded at build time")
});

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS_DIR.dirs().count() as i64
}

/// The journal: one SQLite connection. Only this module tree runs SQL.
pub struct Repo {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl Repo {
    /// Opens (creating if needed) the journal at `path`: parent dir 0700 when we create it,
    /// files 0600, a newer schema refused untouched, a verified backup before any migration of
    /// a file that holds data.
    pub fn open(path: &Path) -> Result<Repo> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_private_dir(parent)?;
        }
        let existed = path.exists();
        if !existed {
            // Create the file ourselves so it is 0600 from the first byte; SQLite gives the
            // -wal and -shm files the same mode as the database file.
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_millis(5000))?;
        // Read the version before any pragma that could write to the file.
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not_a_journal(path, e))?;
        let known = latest_version();
        if found > known {
            return Err(RepoError::NewerSchema { found, known });
        }
        let mut repo = Repo {
            conn,
            path: Some(path.to_path_buf()),
        };
        repo.apply_pragmas()?;
        if found < known && found > 0 {
            backup::pre_migration_backup(&repo.conn, path, found, clock::today())?;
        }
        repo.migrate()?;
        tighten_modes(path);
        Ok(repo)
    }

    /// An in-memory journal for tests and benches.
    pub fn open_in_memory() -> Result<Repo> {
        let conn = Connection::open_in_memory()?;
        let mut repo = Repo { conn, path: None };
        repo.apply_pragmas()?;
        repo.migrate()?;
        Ok(repo)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn apply_pragmas(&mut self) -> Result<()> {
        // journal_mode returns a row, so it is queried rather than executed.
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        self.conn.execute_batch(
            "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        )?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        MIGRATIONS.to_latest(&mut self.conn)?;
        Ok(())
    }

    /// Runs `f` in an IMMEDIATE transaction: the write lock is taken up front, so concurrent
    /// writers wait on busy_timeout instead of failing with "database is locked".
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// True when no table holds a live or deleted record yet.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM checkins) + (SELECT count(*) FROM activities)
                  + (SELECT count(*) FROM doses) + (SELECT count(*) FROM events)
                  + (SELECT count(*) FROM rehab_sessions) + (SELECT count(*) FROM medications)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }
}

fn not_a_journal(path: &Path, e: rusqlite::Error) -> RepoError {
    RepoError::NotAJournal(format!(
        "{} is not a backtrack journal or is damaged ({e}); it was not changed",
        path.display()
    ))
}

/// Creates `dir` (and parents) as 0700. An existing directory is left as it is, unless it is
/// empty of anything but our files: we never chmod a shared folder such as /tmp.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    Ok(())
}

/// Makes the database and its -wal/-shm files 0600 (they may predate us or come from a copy).
fn tighten_modes(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if let Ok(meta) = fs::metadata(&p)
            && meta.permissions().mode() & 0o777 != 0o600
        {
            let _ = fs::set_permissions(&p, fs::Permissions::from_mode(0o600));
        }
    }
}

/// Whether the path lies on a network or sync filesystem where WAL is unsafe.
pub fn risky_location(path: &Path) -> Option<String> {
    let abs = fs::canonicalize(path.parent().unwrap_or(path)).ok()?;
    let s = abs.to_string_lossy();
    for marker in [
        "Dropbox",
        "OneDrive",
        "iCloud",
        "Mobile Documents",
        "Google Drive",
        "pCloud",
    ] {
        if s.contains(marker) {
            return Some(format!("{marker} folder"));
        }
    }
    let mounts = fs::read_to_string("/proc/mounts").ok()?;
    let mut best: Option<(usize, String)> = None;
    for line in mounts.lines() {
        let mut f = line.split_whitespace();
        let (_, mnt, fstype) = (f.next()?, f.next()?, f.next()?);
        if s.starts_with(mnt) && best.as_ref().is_none_or(|(l, _)| mnt.len() > *l) {
            best = Some((mnt.len(), fstype.to_string()));
        }
    }
    let (_, fstype) = best?;
    [
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smbfs",
        "smb3",
        "fuse.sshfs",
        "9p",
    ]
    .contains(&fstype.as_str())
    .then(|| format!("{fstype} network filesystem"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_folders_are_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let sync = dir.path().join("Dropbox").join("health");
        fs::create_dir_all(&sync).unwrap();
        let risk = risky_location(&sync.join("journal.db")).expect("Dropbox flagged");
        assert!(risk.contains("Dropbox"), "{risk}");
        assert!(risky_location(&dir.path().join("journal.db")).is_none());
    }

    #[test]
    fn migrations_validate() {
        MIGRATIONS.validate().expect("migrations are valid");
        assert_eq!(latest_version(), 1);
    }
}
