//! Snapshots of one record for taking back an edit: its whole stored row (every column the
//! schema has) and the child rows an edit rewrites (a rehab session's exercises, a programme's
//! items), and putting one back in one transaction. A put-back is refused when the record was
//! deleted, or changed by anything but the step that expects it, since that step ran.

use rusqlite::types::Value;
use rusqlite::{Connection, ErrorCode, params_from_iter};

use super::connection::Repo;
use super::dose_rule::{DayOver, Ruled, within_max};
use super::error::{RepoError, Result};
use super::meds::{DOSE_SELECT, dose_from_row};
use super::records::{Kind, RecordId};
use super::transfer::columns;
use crate::domain::clock::utc_stamp;
use crate::domain::records::{Dose, drug_key};

/// One stored row: column names as the schema has them, with their values.
type Row = Vec<(String, Value)>;

/// A record as stored at one moment, with the child rows an edit of it rewrites.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    rid: RecordId,
    row: Row,
    children: Vec<Row>,
    summary: String,
}

/// The record and its child rows exactly as a step left them, `updated_at` included. A
/// put-back expects the record to be just so: a different `updated_at` (or, within the same
/// millisecond, different values) means something else wrote it since.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    row: Row,
    children: Vec<Row>,
}

/// The child table an edit of `kind` rewrites, and its column naming the parent.
fn child_table(kind: Kind) -> Option<(&'static str, &'static str)> {
    match kind {
        Kind::Rehab => Some(("rehab_session_items", "session_id")),
        Kind::Programme => Some(("programme_items", "programme_id")),
        _ => None,
    }
}

/// Columns whose change is bookkeeping, not content.
const BOOKKEEPING: [&str; 2] = ["updated_at", "deleted_at"];

fn get<'a>(row: &'a Row, col: &str) -> Option<&'a Value> {
    row.iter().find(|(c, _)| c == col).map(|(_, v)| v)
}

fn name(row: &Row) -> String {
    match get(row, "name") {
        Some(Value::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

fn id_of(row: &Row) -> i64 {
    match get(row, "id") {
        Some(Value::Integer(i)) => *i,
        _ => 0,
    }
}

/// True when two rows hold the same values apart from `skip`.
fn same_but(a: &Row, b: &Row, skip: &[&str]) -> bool {
    let keep = |r: &Row| -> Row {
        r.iter()
            .filter(|(c, _)| !skip.contains(&c.as_str()))
            .cloned()
            .collect()
    };
    keep(a) == keep(b)
}

impl Snapshot {
    pub fn rid(&self) -> RecordId {
        self.rid
    }

    /// The record's one-line description when the snapshot was taken.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// The stamp the record had when the snapshot was taken.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            row: self.row.clone(),
            children: self.children.clone(),
        }
    }

    /// True when both hold the same record content, whenever each was written: the child
    /// rows compare in full but for `updated_at`, since a dropped exercise is content.
    pub fn same_content(&self, other: &Snapshot) -> bool {
        self.rid == other.rid
            && same_but(&self.row, &other.row, &BOOKKEEPING)
            && self.children.len() == other.children.len()
            && self
                .children
                .iter()
                .zip(&other.children)
                .all(|(a, b)| same_but(a, b, &["updated_at"]))
    }
}

/// Every row of `table` matching `col = key`, oldest id first, every column.
fn read_rows(conn: &Connection, table: &str, col: &str, key: i64) -> Result<Vec<Row>> {
    let names: Vec<String> = columns(conn, table)?.into_iter().map(|c| c.0).collect();
    let sql = format!(
        "SELECT {} FROM {table} WHERE {col}=?1 ORDER BY id",
        names.join(", ")
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([key], |r| {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| Ok((n.clone(), r.get::<_, Value>(i)?)))
            .collect::<rusqlite::Result<Row>>()
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The record's stamp, or None when it is not live (deleted, or purged from the trash).
fn stamp_of(conn: &Connection, rid: RecordId) -> Result<Option<Stamp>> {
    let Some(row) = read_rows(conn, rid.kind.table(), "id", rid.id)?.pop() else {
        return Ok(None);
    };
    if !matches!(get(&row, "deleted_at"), Some(Value::Null)) {
        return Ok(None);
    }
    let children = match child_table(rid.kind) {
        Some((table, parent)) => read_rows(conn, table, parent, rid.id)?,
        None => Vec::new(),
    };
    Ok(Some(Stamp { row, children }))
}

/// `UPDATE table SET every column but id = the row's value, updated_at = now WHERE id`.
fn write_row(conn: &Connection, table: &str, row: &Row, now: &str) -> Result<()> {
    let cols: Vec<&(String, Value)> = row
        .iter()
        .filter(|(c, _)| c != "id" && c != "updated_at")
        .collect();
    let sets: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c}=?{}", i + 1))
        .collect();
    let n = cols.len();
    let sql = format!(
        "UPDATE {table} SET {}, updated_at=?{} WHERE id=?{}",
        sets.join(", "),
        n + 1,
        n + 2
    );
    let mut values: Vec<Value> = cols.into_iter().map(|(_, v)| v.clone()).collect();
    values.push(Value::Text(now.to_string()));
    values.push(Value::Integer(id_of(row)));
    conn.execute(&sql, params_from_iter(values))?;
    Ok(())
}

impl Repo {
    /// The live record as stored now, with its child rows (live and trashed).
    pub fn snapshot(&self, rid: RecordId) -> Result<Snapshot> {
        let summary = self.summary(rid, false)?;
        let Stamp { row, children } = stamp_of(&self.conn, rid)?.ok_or_else(|| gone(rid))?;
        Ok(Snapshot {
            rid,
            row,
            children,
            summary,
        })
    }

    /// Ok when the record is live with stamp `expect`; otherwise what happened, in words.
    pub fn check_stamp(&self, rid: RecordId, expect: &Stamp) -> Result<()> {
        match stamp_of(&self.conn, rid)? {
            None => Err(gone(rid)),
            Some(s) if s != *expect => Err(changed(rid)),
            Some(_) => Ok(()),
        }
    }

    /// Writes `snap` back over the record in one transaction, `updated_at` now (so it is the
    /// newest edit when journals merge), provided the record still has stamp `expect`.
    /// Child rows not in `snap` go to the trash; a child row already as `snap` has it keeps
    /// its `updated_at`. Returns the stamp the record has afterwards. A dose that would take
    /// its day over the max is refused as a conflict ([`Repo::put_back_ruled`] asks instead).
    pub fn put_back(&mut self, snap: &Snapshot, expect: &Stamp) -> Result<Stamp> {
        match self.put_back_ruled(snap, expect, false)? {
            PutBack::Done(stamp) => Ok(stamp),
            PutBack::DoseOver { over, .. } => Err(RepoError::Conflict(format!(
                "{} cannot be put back: it would bring {} on {} to {} {}, over the max of {} {}; nothing was written",
                snap.rid, over.drug, over.date, over.after, over.unit, over.max, over.unit
            ))),
        }
    }

    /// [`Repo::put_back`] under the daily-max rule of every dose write: a dose put back over
    /// its day's max is not written (`force`, after the app's question, writes it anyway).
    pub fn put_back_ruled(
        &mut self,
        snap: &Snapshot,
        expect: &Stamp,
        force: bool,
    ) -> Result<PutBack> {
        let rid = snap.rid;
        self.write(|tx| {
            if rid.kind != Kind::Dose {
                return write_back(tx, snap, expect).map(PutBack::Done);
            }
            let day = |row: &Row| match get(row, "date") {
                Some(Value::Text(d)) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
                _ => None,
            };
            let now = read_rows(tx, "doses", "id", rid.id)?;
            let dates: Vec<_> = now.iter().chain([&snap.row]).filter_map(day).collect();
            let ruled = within_max(tx, &dates, force, |tx| {
                let stamp = write_back(tx, snap, expect)?;
                let sql = format!("{DOSE_SELECT} WHERE d.id=?1");
                Ok((stamp, tx.query_row(&sql, [rid.id], dose_from_row)?))
            })?;
            Ok(match ruled {
                Ruled::Done((stamp, _)) => PutBack::Done(stamp),
                Ruled::Over((_, dose), over) => PutBack::DoseOver { dose, over },
            })
        })
    }
}

/// What a put-back did.
#[derive(Debug, Clone, PartialEq)]
pub enum PutBack {
    /// Written; the stamp the record has now.
    Done(Stamp),
    /// Nothing written: the dose as it would have been, and the day it takes over the max.
    DoseOver { dose: Dose, over: DayOver },
}

/// Writes `snap` back in the caller's transaction, provided the record has stamp `expect`.
fn write_back(tx: &rusqlite::Transaction, snap: &Snapshot, expect: &Stamp) -> Result<Stamp> {
    let rid = snap.rid;
    let stored = match stamp_of(tx, rid)? {
        None => return Err(gone(rid)),
        Some(s) if s != *expect => return Err(changed(rid)),
        Some(s) => s,
    };
    let now = utc_stamp();
    write_row(tx, rid.kind.table(), &snap.row, &now).map_err(|e| clash(rid, e))?;
    if let Some((table, parent)) = child_table(rid.kind) {
        let current = read_rows(tx, table, parent, rid.id)?;
        for want in &snap.children {
            match current.iter().find(|c| id_of(c) == id_of(want)) {
                Some(have) if same_but(have, want, &["updated_at"]) => {}
                Some(_) => write_row(tx, table, want, &now)?,
                // The stamp lists every child row, so none can be missing here.
                None => return Err(changed(rid)),
            }
        }
        for extra in current.iter().filter(|c| {
            !snap.children.iter().any(|w| id_of(w) == id_of(c))
                && matches!(get(c, "deleted_at"), Some(Value::Null))
        }) {
            let sql = format!("UPDATE {table} SET deleted_at=?1, updated_at=?1 WHERE id=?2");
            tx.execute(&sql, rusqlite::params![now, id_of(extra)])?;
        }
    }
    // Rows merged from two devices may share a drug already; only a rename back
    // onto another row's drug is refused, as the form refuses it.
    if rid.kind == Kind::Medication
        && drug_key(&name(&stored.row)) != drug_key(&name(&snap.row))
        && let Some(other) = super::meds::live_same_drug(tx, rid.id)?
    {
        return Err(RepoError::Conflict(format!(
            "{rid} cannot be put back: its old name is the drug of m{} {}; nothing was written",
            other.id, other.name
        )));
    }
    stamp_of(tx, rid)?.ok_or_else(|| gone(rid))
}

fn gone(rid: RecordId) -> RepoError {
    RepoError::NotFound(format!(
        "{} {rid} was deleted since; nothing was written",
        rid.kind.noun()
    ))
}

fn changed(rid: RecordId) -> RepoError {
    RepoError::Conflict(format!(
        "{} {rid} was changed since (by a later step, or outside the app); nothing was written",
        rid.kind.noun()
    ))
}

/// A unique index (one check-in a day, one live name) refusing the old values.
fn clash(rid: RecordId, e: RepoError) -> RepoError {
    match &e {
        RepoError::Sqlite(s) if s.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            RepoError::Conflict(format!(
                "{} {rid} cannot be put back: another record now holds its date or name; nothing was written",
                rid.kind.noun()
            ))
        }
        _ => e,
    }
}
