//! What a journal path holds, read before SQLite may write a byte: a directory, a zero-byte
//! file, something that is not SQLite, another program's database, a truncated file, or a
//! backtrack journal (marked with `PRAGMA application_id`). Also the file modes: they only
//! ever tighten, and a read-only file or directory keeps the journal readable.

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::backup::{open_immutable, with_suffix};
use super::error::{RepoError, Result};
use super::restore::{list, recovery_hint};

/// `PRAGMA application_id` of every backtrack journal: "BTRK".
pub const APPLICATION_ID: i32 = 0x4254_524B;

/// Tables every journal has had since the first schema; a file without the mark but with all
/// of them is a journal made before the mark existed.
const JOURNAL_TABLES: &[&str] = &[
    "checkins",
    "activities",
    "medications",
    "doses",
    "events",
    "settings",
    "dated_settings",
];

/// The fields of the 100-byte SQLite header that we act on.
#[derive(Debug, Clone, Copy)]
pub struct Header {
    pub user_version: i64,
    pub application_id: i32,
    page_size: u64,
    /// Pages in the file, when the header says this count is current.
    page_count: Option<u64>,
}

/// Reads the header; `None` when the file does not start like an SQLite database.
pub fn read_header(path: &Path) -> Result<Option<Header>> {
    let mut buf = [0u8; 100];
    let mut f = fs::File::open(path)?;
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    if n < 100 || &buf[..16] != b"SQLite format 3\0" {
        return Ok(None);
    }
    let be32 = |at: usize| u32::from_be_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]);
    let page_size = match u16::from_be_bytes([buf[16], buf[17]]) {
        1 => 65_536,
        p => p as u64,
    };
    // The in-header size is valid only when "version-valid-for" matches the change counter.
    let page_count = (be32(24) == be32(92) && be32(28) > 0).then_some(be32(28) as u64);
    Ok(Some(Header {
        user_version: be32(60) as i32 as i64,
        application_id: be32(68) as i32,
        page_size,
        page_count,
    }))
}

/// A file shorter than its header says has lost pages. With a non-empty -wal the header may
/// be ahead of a checkpoint that SQLite will finish, so the check waits for that. The length
/// is read after the header and the -wal: a checkpoint by another process in between only
/// makes the file longer, never shorter.
pub fn truncated(path: &Path, h: &Header) -> Option<String> {
    let wal = fs::metadata(with_suffix(path, "-wal")).map_or(0, |m| m.len());
    let len = fs::metadata(path).ok()?.len();
    let expected = h.page_count? * h.page_size;
    (wal == 0 && len < expected).then(|| {
        format!("the file has {len} bytes but its header says {expected}: it was cut short")
    })
}

/// Whose file this is, asked through SQLite (which also reads a -wal the header may lag).
pub enum Owner {
    Journal,
    /// A journal made before the mark: it gets the mark on this open.
    Unmarked,
    Foreign,
}

pub fn owner(path: &Path) -> Result<Owner> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let probe = |c: &Connection| -> rusqlite::Result<(i32, Vec<String>)> {
        let app: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let mut st = c.prepare("SELECT name FROM sqlite_master WHERE type='table'")?;
        let names = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok((app, names))
    };
    let (app, tables) = match probe(&conn) {
        Ok(found) => found,
        // A read-only directory without a -shm file: read the main file as it is.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {
            probe(&open_immutable(path)?)?
        }
        Err(e) => return Err(e.into()),
    };
    Ok(match app {
        APPLICATION_ID => Owner::Journal,
        0 if JOURNAL_TABLES.iter().all(|t| tables.iter().any(|n| n == t)) => Owner::Unmarked,
        _ => Owner::Foreign,
    })
}

pub fn is_directory(path: &Path) -> RepoError {
    RepoError::NotAJournal(format!(
        "{} is a directory, not a journal file; pass --db with a file's path",
        path.display()
    ))
}

pub fn zero_bytes(path: &Path) -> RepoError {
    RepoError::NotAJournal(format!(
        "{} is empty (0 bytes), so it was not opened as a new journal; {}; or `backtrack init --force` starts an empty journal there",
        path.display(),
        recovery_hint(path)
    ))
}

pub fn not_sqlite(path: &Path) -> RepoError {
    let hint = if list(path).is_empty() {
        String::new()
    } else {
        format!("; if it was your journal, {}", recovery_hint(path))
    };
    RepoError::NotAJournal(format!(
        "{} is not a backtrack journal (not an SQLite database, or its first page is damaged); it was not changed{hint}",
        path.display()
    ))
}

pub fn foreign(path: &Path) -> RepoError {
    RepoError::NotAJournal(format!(
        "{} is another program's SQLite database (it has no backtrack mark), not a journal; it was not changed",
        path.display()
    ))
}

pub fn damaged(path: &Path, detail: &str) -> RepoError {
    RepoError::Damaged(format!(
        "{} is damaged ({detail}); nothing was written, and writes are refused until it is replaced; {}",
        path.display(),
        recovery_hint(path)
    ))
}

pub fn parent(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// Why this journal can be read but not written, judged from the owner's write bits: a user
/// who made the file or its folder read-only meant it, whoever runs backtrack (even root).
pub fn read_only_reason(path: &Path) -> Option<String> {
    let mode = |p: &Path| fs::metadata(p).map(|m| m.permissions().mode()).ok();
    let dir = parent(path);
    if mode(&dir).is_some_and(|m| m & 0o200 == 0) {
        return Some(format!("the directory {} is read-only", dir.display()));
    }
    if let Some(m) = mode(path).filter(|m| m & 0o200 == 0) {
        return Some(format!(
            "{} is read-only (mode {:o})",
            path.display(),
            m & 0o777
        ));
    }
    None
}

/// Whether a file can be created in `dir` (the write bits can say yes while an ACL, a
/// read-only mount or another owner says no). Leaves no file behind.
pub fn dir_writable(dir: &Path) -> bool {
    tempfile::tempfile_in(dir).is_ok()
}

/// The message of every refused write in a read-only place.
pub fn read_only(reason: &str) -> String {
    format!("{reason}: backtrack can read the journal but not write to it; nothing was written")
}

/// Takes group and other bits off the database and its -wal/-shm files. Never adds a bit: a
/// journal its owner made read-only stays read-only.
pub fn tighten_modes(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let p = with_suffix(path, suffix);
        if let Ok(meta) = fs::metadata(&p) {
            let mode = meta.permissions().mode() & 0o7777;
            if mode & 0o077 != 0 {
                let _ = fs::set_permissions(&p, fs::Permissions::from_mode(mode & !0o077));
            }
        }
    }
}

/// A file whose schema version reads 0 but that holds the journal's tables had its version
/// reset (by another tool): migrating would replay the first schema over them (an 18 KB SQL
/// error). Refused, unchanged, with the backup that can replace it.
pub fn refuse_reset_version(conn: &Connection, path: &Path) -> Result<()> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='checkins'",
        [],
        |r| r.get(0),
    )?;
    if n == 0 {
        return Ok(());
    }
    Err(RepoError::NotAJournal(format!(
        "{} holds a journal's tables but its schema version reads 0 (reset by another tool?), so it cannot be migrated; it was not changed; {}",
        path.display(),
        recovery_hint(path)
    )))
}
