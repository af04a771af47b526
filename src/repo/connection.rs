//! Opening a journal: what the path holds (see `filecheck`), pragmas, schema checks,
//! migrations, the day's first check and backup, and the pre-migration backup (SPEC §3, §6.1,
//! §6.2). A new journal is built beside its path and linked into place whole, so no kill ever
//! leaves an empty or half-made journal behind.

use std::fs::{self, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::Migrations;

use super::backup::{self, Daily, remove_stale_temps, remove_with_sidecars, sync_dir};
use super::error::{RepoError, Result};
use super::filecheck::{self as fc, APPLICATION_ID, Owner};
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

/// Why a journal that opened takes no writes.
#[derive(Debug, Clone)]
enum Refusal {
    Damaged(String),
    ReadOnly(String),
}

/// The journal: one SQLite connection. Only this module tree runs SQL.
pub struct Repo {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    refusal: Option<Refusal>,
    pub(crate) daily: Daily,
    /// The shared lock that tells `backup restore` this journal is open; declared after
    /// `conn` so it is released only once the connection is closed.
    _open_lock: Option<fs::File>,
}

impl Repo {
    /// Opens (creating if needed) the journal at `path`. Nothing is written to a file that is
    /// not a journal, is damaged, is empty, has a newer schema or sits in a read-only place;
    /// the last two still open for reading. Files 0600 (modes only tighten), a verified
    /// backup before any migration of a file that holds data.
    pub fn open(path: &Path) -> Result<Repo> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                create(path)?;
                fs::metadata(path)?
            }
            Err(e) => return Err(e.into()),
        };
        if meta.is_dir() {
            return Err(fc::is_directory(path));
        }
        // Held while open, so `backup restore` never moves this file from under us; waits for
        // a restore under way. A file we may not read opens without it, as before.
        let lock = super::lock::hold_shared(path)?;
        if meta.len() == 0 {
            return Err(fc::zero_bytes(path));
        }
        let header = fc::read_header(path)?.ok_or_else(|| fc::not_sqlite(path))?;
        if let Some(detail) = fc::truncated(path, &header) {
            return Err(fc::damaged(path, &detail));
        }
        let known = latest_version();
        let found = header.user_version;
        if found > known {
            return Err(RepoError::NewerSchema { found, known });
        }
        let marked = header.application_id == APPLICATION_ID
            || match fc::owner(path).map_err(|e| corrupt_or(path, e))? {
                Owner::Journal => true,
                Owner::Unmarked => false,
                Owner::Foreign => return Err(fc::foreign(path)),
            };
        let mut tries = 0;
        loop {
            match Self::open_journal(path, marked) {
                Err(RepoError::Sqlite(e)) if busy(&e) && tries < BUSY_RETRIES => tries += 1,
                Ok(mut repo) => {
                    repo._open_lock = lock;
                    return Ok(repo);
                }
                Err(e) => return Err(corrupt_or(path, e)),
            }
            std::thread::sleep(std::time::Duration::from_millis(20 * tries as u64));
        }
    }

    fn open_journal(path: &Path, marked: bool) -> Result<Repo> {
        let mut read_only = fc::read_only_reason(path);
        let (conn, found) = match &read_only {
            Some(_) => connect_read_only(path)?,
            None => match connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE) {
                Ok(c) => c,
                Err(e) if denied(&e) && !fc::dir_writable(&fc::parent(path)) => {
                    read_only = Some(format!(
                        "the directory {} is not writable",
                        fc::parent(path).display()
                    ));
                    connect_read_only(path)?
                }
                Err(e) => return Err(e),
            },
        };
        let known = latest_version();
        if found > known {
            return Err(RepoError::NewerSchema { found, known });
        }
        if found == 0 {
            fc::refuse_reset_version(&conn, path)?;
        }
        let mut repo = Repo {
            conn,
            path: Some(path.to_path_buf()),
            refusal: None,
            daily: Daily::NotDue,
            _open_lock: None,
        };
        if let Some(reason) = read_only {
            fc::tighten_modes(path);
            return repo.refuse(Refusal::ReadOnly(fc::read_only(&reason)));
        }
        // The day's first open copies and verifies the journal before anything may write.
        repo.daily = backup::daily(&repo.conn, path, clock::today());
        if let Daily::Damaged(detail) = &repo.daily {
            let detail = detail
                .split_once("integrity_check: ")
                .map_or(detail.as_str(), |d| d.1);
            let msg = fc::damaged(path, &format!("integrity_check: {detail}")).to_string();
            return repo.refuse(Refusal::Damaged(msg));
        }
        repo.apply_pragmas()?;
        if found < known && found > 0 {
            backup::pre_migration_backup(&repo.conn, path, found, clock::today())?;
        }
        repo.migrate()?;
        if !marked {
            repo.conn
                .pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        fc::tighten_modes(path);
        Ok(repo)
    }

    /// Keeps the journal open for reading only; SQLite itself refuses writes too.
    fn refuse(mut self, why: Refusal) -> Result<Repo> {
        self.conn
            .execute_batch("PRAGMA query_only=ON; PRAGMA foreign_keys=ON;")?;
        self.refusal = Some(why);
        Ok(self)
    }

    /// The journal as one that opened read-only: reads work, every write is refused.
    #[cfg(test)]
    pub(crate) fn refusing_writes(self, why: &str) -> Result<Repo> {
        self.refuse(Refusal::ReadOnly(why.to_string()))
    }

    /// An in-memory journal for tests and benches.
    pub fn open_in_memory() -> Result<Repo> {
        let conn = Connection::open_in_memory()?;
        let mut repo = Repo {
            conn,
            path: None,
            refusal: None,
            daily: Daily::NotDue,
            _open_lock: None,
        };
        repo.apply_pragmas()?;
        repo.migrate()?;
        Ok(repo)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the day's check found the journal damaged (writes are refused).
    pub fn is_damaged(&self) -> bool {
        matches!(self.refusal, Some(Refusal::Damaged(_)))
    }

    /// Ok when writes are allowed; otherwise the error every write gets.
    pub fn writable(&self) -> Result<()> {
        match &self.refusal {
            None => Ok(()),
            Some(Refusal::Damaged(m)) => Err(RepoError::Damaged(m.clone())),
            Some(Refusal::ReadOnly(m)) => Err(RepoError::ReadOnly(m.clone())),
        }
    }

    fn apply_pragmas(&mut self) -> Result<()> {
        set_pragmas(&self.conn)
    }

    fn migrate(&mut self) -> Result<()> {
        MIGRATIONS.to_latest(&mut self.conn)?;
        Ok(())
    }

    /// Runs `f` in an IMMEDIATE transaction: the write lock is taken up front, so concurrent
    /// writers wait on busy_timeout instead of failing with "database is locked".
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.writable()?;
        // busy_timeout covers the usual wait; SQLite answers some busy states at once
        // (recovering a WAL another process just closed), so taking the lock is retried.
        let conn = &mut self.conn;
        let mut tries = 0;
        let tx = loop {
            match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
                Err(e) if busy(&e) && tries < BUSY_RETRIES => tries += 1,
                other => break other?,
            }
            std::thread::sleep(std::time::Duration::from_millis(20 * tries as u64));
        };
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// True when no table holds a live or deleted record yet.
    pub fn is_empty(&self) -> Result<bool> {
        is_empty(&self.conn)
    }
}

pub(crate) fn is_empty(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM checkins) + (SELECT count(*) FROM activities)
              + (SELECT count(*) FROM doses) + (SELECT count(*) FROM events)
              + (SELECT count(*) FROM rehab_sessions) + (SELECT count(*) FROM medications)",
        [],
        |r| r.get(0),
    )?;
    Ok(n == 0)
}

fn set_pragmas(conn: &Connection) -> Result<()> {
    // journal_mode returns a row, so it is queried rather than executed.
    let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
    )?;
    Ok(())
}

/// A connection and the file's schema version (read before any pragma that could write).
fn connect(path: &Path, mode: OpenFlags) -> Result<(Connection, i64)> {
    let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(std::time::Duration::from_millis(5000))?;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((conn, found))
}

/// Read-only, and when the directory lets SQLite make no -shm file, the main file as it is.
fn connect_read_only(path: &Path) -> Result<(Connection, i64)> {
    match connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Err(e) if denied(&e) => {
            let conn = backup::open_immutable(path)?;
            let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            Ok((conn, found))
        }
        other => other,
    }
}

/// Retries after a busy answer that did not wait for busy_timeout.
const BUSY_RETRIES: u32 = 20;

fn busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// SQLite could not open or write a file beside the journal (permissions, read-only mount).
fn denied(e: &RepoError) -> bool {
    match e {
        RepoError::Sqlite(s) => matches!(
            s.sqlite_error_code(),
            Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
        ),
        RepoError::Io(io) => io.kind() == ErrorKind::PermissionDenied,
        _ => false,
    }
}

/// SQLite's "malformed" becomes the message that names the newest verified backup.
fn corrupt_or(path: &Path, e: RepoError) -> RepoError {
    match &e {
        RepoError::Sqlite(s) if e.is_corruption() => fc::damaged(path, &s.to_string()),
        RepoError::Sqlite(s) => RepoError::NotAJournal(format!(
            "{} could not be opened as a journal ({s}); it was not changed",
            path.display()
        )),
        _ => e,
    }
}

/// Builds a new journal in `.NAME.new-PID` beside `path` (schema, WAL, mark) and links it
/// into place. Losing a race to another process is fine: its journal is the one we open.
fn create(path: &Path) -> Result<()> {
    let dir = fc::parent(path);
    let ro = |e: std::io::Error| match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => RepoError::ReadOnly(
            fc::read_only(&format!("the directory {} is read-only", dir.display())),
        ),
        _ => RepoError::Io(e),
    };
    create_private_dir(&dir).map_err(|e| match e {
        RepoError::Io(io) => ro(io),
        other => other,
    })?;
    remove_stale_temps(&dir);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("journal.db");
    let tmp = dir.join(format!(".{name}.new-{}", std::process::id()));
    remove_with_sidecars(&tmp);
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(ro)?;
    let result = (|| -> Result<()> {
        let mut conn = Connection::open(&tmp)?;
        set_pragmas(&conn)?;
        MIGRATIONS.to_latest(&mut conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.close().map_err(|(_, e)| e)?;
        fs::File::open(&tmp)?.sync_all()?;
        match fs::hard_link(&tmp, path) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            // A filesystem without hard links: rename, unless someone was faster.
            Err(_) if !path.exists() => fs::rename(&tmp, path)?,
            Err(_) => {}
        }
        sync_dir(&dir);
        Ok(())
    })();
    remove_with_sidecars(&tmp);
    result
}

/// Starts an empty journal in place of a zero-byte file (`init --force`). A file with any
/// byte in it is refused: this never replaces data.
pub fn init_fresh(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(fc::is_directory(path)),
        Ok(m) if m.len() > 0 => {
            return Err(RepoError::Conflict(format!(
                "init: {} already holds {} bytes; --force only replaces an empty (0-byte) file; allowed: `backtrack backup restore` for a damaged journal",
                path.display(),
                m.len()
            )));
        }
        Ok(_) => {
            // Leftover -wal/-shm belonged to the lost file: kept aside, not deleted.
            let stamp = clock::now_local().format("%Y%m%d-%H%M%S");
            for suffix in ["-wal", "-shm"] {
                let side = backup::with_suffix(path, suffix);
                if side.exists() {
                    let aside = backup::with_suffix(path, &format!(".empty-{stamp}{suffix}"));
                    fs::rename(&side, aside)?;
                }
            }
            fs::remove_file(path)?;
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    create(path)
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
    fn modes_only_tighten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        drop(Repo::open(&path).unwrap());
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        drop(Repo::open(&path).unwrap());
        assert_eq!(mode(&path), 0o600, "group/other bits removed");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o440)).unwrap();
        let repo = Repo::open(&path).unwrap();
        assert_eq!(mode(&path), 0o400, "owner write bit never added");
        let err = repo.writable().unwrap_err().to_string();
        assert!(err.contains("read-only"), "{err}");
    }

    #[test]
    fn new_journals_carry_the_mark_and_unmarked_old_ones_get_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let repo = Repo::open(&path).unwrap();
        let app: i32 = repo
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        repo.conn.pragma_update(None, "application_id", 0).unwrap();
        drop(repo);
        let repo = Repo::open(&path).unwrap();
        let app: i32 = repo
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID, "an old journal is marked on open");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn migrations_validate() {
        MIGRATIONS.validate().expect("migrations are valid");
        assert_eq!(latest_version(), 5);
    }
}
