//! Whose backup a file is (issue 20). Journals in one folder share `backups/`, so each copy is
//! named after its journal (`sam-2026-12-04.db`, `sam-manual-20261204-101500.db`) and carries
//! the journal's id inside (the `journal_identity` table). Copies made before the id existed
//! were all called `journal-…`; for those the records decide: a copy belongs to the journal
//! that holds most of its records.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::backup::open_immutable;

/// The prefix every copy made before backups were named after their journal.
pub const LEGACY_STEM: &str = "journal";

/// The tables whose rows a user made: their uuids tell one journal from another.
const RECORD_TABLES: &[&str] = &[
    "checkins",
    "activities",
    "doses",
    "events",
    "rehab_sessions",
    "medications",
];

/// The name the journal's copies start with: its file name without `.db` (`sam.sqlite`
/// keeps its extension, so it never shares names with `sam.db`).
pub fn stem(journal: &Path) -> String {
    let name = journal
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".db").unwrap_or(&name);
    match stem.is_empty() {
        true => LEGACY_STEM.to_string(),
        false => stem.to_string(),
    }
}

/// The day's automatic copy of `journal` in `dir`.
pub fn daily_name(journal: &Path, date: NaiveDate) -> String {
    format!("{}-{date}.db", stem(journal))
}

/// A copy made by `backup` / `backup now` without a path.
pub fn manual_name(journal: &Path, stamp: &str) -> String {
    format!("{}-manual-{stamp}.db", stem(journal))
}

/// The date of a copy named for `stem`, and whether it was a manual one; None for any other
/// file (another journal's copy, a temp file, a user's file).
pub fn parse_name(stem: &str, file_name: &str) -> Option<(NaiveDate, bool)> {
    let rest = file_name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".db")?;
    match rest.strip_prefix("manual-") {
        Some(m) => {
            let stamp = chrono::NaiveDateTime::parse_from_str(m, "%Y%m%d-%H%M%S").ok()?;
            Some((stamp.date(), true))
        }
        None if rest.len() == 10 => {
            Some((NaiveDate::parse_from_str(rest, "%Y-%m-%d").ok()?, false))
        }
        None => None,
    }
}

/// What a journal is: its id and its records' uuids (None when it could not be read).
#[derive(Debug, Default)]
pub struct Identity {
    pub id: Option<String>,
    records: Option<HashSet<String>>,
}

/// Whose copy a backup is, as far as can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Ours,
    Other,
    /// No id to compare and no records that decide (an unreadable or empty journal): the
    /// name alone says it is ours.
    Unknown,
}

impl Identity {
    /// Reads an open journal; a missing table (a journal not yet migrated) is no id.
    pub fn of(conn: &Connection) -> Identity {
        Identity {
            id: read_id(conn),
            records: record_uuids(conn),
        }
    }

    /// Reads the journal at `path` without writing anything; a file that cannot be read
    /// (damaged, empty, missing) has no identity.
    pub fn at(path: &Path) -> Identity {
        let plain = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        );
        let read = |c: &Connection| {
            let id = Identity::of(c);
            (id.id.is_some() || id.records.is_some()).then_some(id)
        };
        if !path.is_file() {
            return Identity::default();
        }
        plain
            .ok()
            .and_then(|c| read(&c))
            .or_else(|| open_immutable(path).ok().and_then(|c| read(&c)))
            .unwrap_or_default()
    }

    /// Whose copy the backup at `path` is. Same id: ours; another id: another journal's.
    /// Without an id on either side, the copy is ours when this journal holds at least half
    /// of its records.
    pub fn owner_of(&self, path: &Path) -> Owner {
        // A journal with no record at all (just started again with `init --force`) has
        // nothing to mix up and everything to get back: the name decides.
        if self.records.as_ref().is_some_and(|r| r.is_empty()) {
            return Owner::Unknown;
        }
        let Ok(copy) = open_immutable(path) else {
            return Owner::Unknown;
        };
        if let (Some(mine), Some(theirs)) = (&self.id, read_id(&copy)) {
            return if *mine == theirs {
                Owner::Ours
            } else {
                Owner::Other
            };
        }
        let (Some(mine), Some(theirs)) = (&self.records, record_uuids(&copy)) else {
            return Owner::Unknown;
        };
        if theirs.is_empty() {
            return Owner::Unknown;
        }
        let shared = theirs.iter().filter(|u| mine.contains(*u)).count();
        if shared * 2 >= theirs.len() {
            Owner::Ours
        } else {
            Owner::Other
        }
    }
}

/// The id inside a journal or a copy (None before the journal_identity table existed).
pub fn read_id(conn: &Connection) -> Option<String> {
    conn.query_row("SELECT id FROM journal_identity LIMIT 1", [], |r| r.get(0))
        .ok()
}

fn record_uuids(conn: &Connection) -> Option<HashSet<String>> {
    let mut out = HashSet::new();
    for table in RECORD_TABLES {
        let mut st = conn.prepare(&format!("SELECT uuid FROM {table}")).ok()?;
        let rows = st.query_map([], |r| r.get::<_, String>(0)).ok()?;
        for u in rows {
            out.insert(u.ok()?);
        }
    }
    Some(out)
}

/// On the day's first open: copies made before backups were named after their journal
/// (`journal-DATE.db` for every journal in the folder) are given this journal's name when
/// they hold its records. Nothing is deleted; another journal's copies stay as they are for
/// that journal to claim. Returns the files renamed.
pub fn claim_legacy(dir: &Path, journal: &Path, me: &Identity) -> Vec<PathBuf> {
    let stem = stem(journal);
    let mut claimed = Vec::new();
    if stem == LEGACY_STEM {
        return claimed;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return claimed;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if parse_name(LEGACY_STEM, &name).is_none() {
            continue;
        }
        let has_id = open_immutable(&e.path()).ok().and_then(|c| read_id(&c));
        if has_id.is_some() || me.owner_of(&e.path()) != Owner::Ours {
            continue;
        }
        let rest = &name[LEGACY_STEM.len()..];
        let to = dir.join(format!("{stem}{rest}"));
        if !to.exists() && fs::rename(e.path(), &to).is_ok() {
            claimed.push(to);
        }
    }
    if !claimed.is_empty() {
        super::backup::sync_dir(dir);
    }
    claimed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_belong_to_their_journal_only() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let sam = Path::new("/x/sam.db");
        assert_eq!(daily_name(sam, d), "sam-2026-12-04.db");
        assert_eq!(
            daily_name(Path::new("/x/sam.sqlite"), d),
            "sam.sqlite-2026-12-04.db"
        );
        assert_eq!(parse_name("sam", "sam-2026-12-04.db"), Some((d, false)));
        assert_eq!(
            parse_name("sam", &manual_name(sam, "20261204-101500")),
            Some((d, true))
        );
        // Another journal's copies, and a journal whose name starts like this one.
        assert_eq!(parse_name("sam", "alex-2026-12-04.db"), None);
        assert_eq!(parse_name("sam", "sam-old-2026-12-04.db"), None);
        assert_eq!(parse_name("journal", "journal-manual-2026-12-04.db"), None);
        assert_eq!(
            parse_name("journal", "journal-2026-12-04.db"),
            Some((d, false))
        );
    }

    #[test]
    fn a_journal_started_again_empty_gets_its_backup_back_and_another_journal_does_not() {
        use crate::domain::records::Checkin;
        use crate::repo::Repo;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let backups = super::super::backup::backups_dir(&path);
        fs::create_dir_all(&backups).unwrap();
        let copy = backups.join("journal-2026-11-20.db");
        let mut repo = Repo::open(&path).unwrap();
        let pain4 = Checkin {
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            pain: 4,
            ..Default::default()
        };
        repo.save_checkin(&pain4).unwrap();
        repo.backup(&copy).unwrap();
        drop(repo);
        // Started again (a new, empty journal with a new id): the copy is restorable.
        fs::remove_file(&path).unwrap();
        let mut fresh = Repo::open(&path).unwrap();
        assert_eq!(Identity::at(&path).owner_of(&copy), Owner::Unknown);
        // Once it holds a record of its own, another journal's copy is refused.
        fresh.save_checkin(&pain4).unwrap();
        drop(fresh);
        assert_eq!(Identity::at(&path).owner_of(&copy), Owner::Other);
        let err = super::super::restore::restore(&path, None).unwrap_err();
        assert!(err.to_string().contains("holds another journal"), "{err}");
    }
}
