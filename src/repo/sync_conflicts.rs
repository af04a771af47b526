//! The versions that lost to a concurrent one during a sync: kept (`record`), listed
//! (`sync conflicts`), and taken back (`sync keep K`): written again as a new edit here, so
//! its fresh stamp wins on every device at the next sync.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::{RepoError, Result};
use super::sync_apply::NATURAL_KEY;
use super::sync_rows::{Version, row_json};
use super::sync_settle::key_cond;
use super::sync_write::{Written, materialize};
use super::transfer::TABLES;
use crate::domain::clock::utc_stamp;

/// A losing version kept for the user to see and take back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub id: i64,
    pub table: String,
    pub uuid: String,
    pub hlc: i64,
    pub device: String,
    /// The losing version was a purge (the record emptied from the trash).
    pub purged: bool,
    /// The losing version's row as the export writes it (None for a purge).
    pub row: Option<Map<String, Value>>,
    /// `concurrent` (edited on two computers) or `natural_key` (two rows for one date/name).
    pub reason: String,
    pub winner_uuid: String,
    pub winner_hlc: i64,
    pub winner_device: String,
    pub found_at: String,
}

type Raw = (
    i64,
    String,
    String,
    i64,
    String,
    bool,
    Option<String>,
    String,
    String,
    i64,
    String,
    String,
);

fn conflict(r: Raw) -> Conflict {
    Conflict {
        id: r.0,
        table: r.1,
        uuid: r.2,
        hlc: r.3,
        device: r.4,
        purged: r.5,
        row: r
            .6
            .and_then(|s| serde_json::from_str::<Value>(&s).ok())
            .and_then(|v| v.as_object().cloned()),
        reason: r.7,
        winner_uuid: r.8,
        winner_hlc: r.9,
        winner_device: r.10,
        found_at: r.11,
    }
}

const SELECT: &str = "SELECT id, tbl, uuid, hlc, device, purged, row_json, reason, winner_uuid,
    winner_hlc, winner_device, found_at FROM sync_conflicts";

impl Repo {
    /// Conflicts not taken back yet, oldest first.
    pub fn sync_conflicts(&self) -> Result<Vec<Conflict>> {
        let mut st = self
            .conn
            .prepare(&format!("{SELECT} WHERE kept_at IS NULL ORDER BY id"))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
            ))
        })?;
        Ok(rows
            .collect::<rusqlite::Result<Vec<Raw>>>()?
            .into_iter()
            .map(conflict)
            .collect())
    }

    /// Takes conflict `id` back: its version becomes the record again as a new edit here.
    /// The version it replaces becomes a conflict in turn, so nothing is lost either way.
    pub fn sync_keep(&mut self, id: i64) -> Result<Conflict> {
        let c = self
            .sync_conflicts()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| {
                RepoError::NotFound(format!(
                    "no conflict {id}; `backtrack sync conflicts` lists them"
                ))
            })?;
        self.write(|tx| take_back(tx, &c))?;
        Ok(c)
    }
}

/// The (HLC, device) a row is stamped with, when it is stamped.
fn stamp_of(tx: &Transaction, table: &str, uuid: &str) -> Result<Option<(i64, String)>> {
    Ok(tx
        .query_row(
            "SELECT hlc, device FROM sync_stamps WHERE tbl = ?1 AND uuid = ?2",
            [table, uuid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Writes conflict `c`'s version as a new edit here; what it displaces (the version it
/// replaces, rows holding its date or name) is kept as conflicts in its turn.
fn take_back(tx: &Transaction, c: &Conflict) -> Result<()> {
    let current = row_json(tx, &c.table, &c.uuid)?;
    let (hlc, device) = stamp_of(tx, &c.table, &c.uuid)?.unwrap_or((0, String::new()));
    let now = utc_stamp();
    let mut row = c.row.clone();
    if let Some(r) = row.as_mut() {
        r.insert("updated_at".into(), Value::from(now.clone()));
        r.insert("deleted_at".into(), Value::Null);
    }
    let rivals = match &row {
        Some(r) => trash_rivals(tx, c, r, &now)?,
        None => Vec::new(),
    };
    let mut losers: Vec<(Version, &str)> = rivals.into_iter().map(|v| (v, NATURAL_KEY)).collect();
    // What it replaces is kept in its turn (a conflict the user can take back).
    if c.reason != NATURAL_KEY {
        let replaced = Version {
            table: c.table.clone(),
            uuid: c.uuid.clone(),
            hlc,
            device,
            base: None,
            purged: current.is_none(),
            row: current,
        };
        losers.push((replaced, c.reason.as_str()));
    }
    let v = Version {
        table: c.table.clone(),
        uuid: c.uuid.clone(),
        hlc: 0,
        device: String::new(),
        base: None,
        purged: c.purged,
        row,
    };
    if let Written::NoParent(missing) = materialize(tx, &v)? {
        return Err(RepoError::Conflict(format!(
            "conflict {} cannot be kept: {missing}, which is no longer in the journal",
            c.id
        )));
    }
    let (new_hlc, new_device) =
        stamp_of(tx, &c.table, &c.uuid)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    for (loser, reason) in &losers {
        record(tx, loser, reason, (&c.uuid, new_hlc, &new_device))?;
    }
    tx.execute(
        "UPDATE sync_conflicts SET kept_at = ?1 WHERE id = ?2",
        params![now, c.id],
    )?;
    Ok(())
}

/// Live rows that hold the date or name of the version taken back (`row`) go to the trash;
/// returns their versions, to be kept as conflicts.
fn trash_rivals(
    tx: &Transaction,
    c: &Conflict,
    row: &Map<String, Value>,
    now: &str,
) -> Result<Vec<Version>> {
    let rivals = rival_uuids(tx, c, row)?;
    let mut trashed = Vec::new();
    for rival in rivals {
        let (hlc, device) =
            stamp_of(tx, &c.table, &rival)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        trashed.push(Version {
            table: c.table.clone(),
            uuid: rival.clone(),
            hlc,
            device,
            base: None,
            purged: false,
            row: row_json(tx, &c.table, &rival)?,
        });
        tx.execute(
            &format!("UPDATE {} SET deleted_at = ?1 WHERE uuid = ?2", c.table),
            params![now, rival],
        )?;
    }
    Ok(trashed)
}

/// The live rows other than the conflict's own that hold the key `row` holds: its date or
/// name, or for a plan that runs, the plan running (one plan at a time).
fn rival_uuids(tx: &Transaction, c: &Conflict, row: &Map<String, Value>) -> Result<Vec<String>> {
    if c.table == "plans" {
        if row.get("stopped_on").is_some_and(|v| !v.is_null()) {
            return Ok(Vec::new());
        }
        return Ok(tx
            .prepare(
                "SELECT uuid FROM plans WHERE stopped_on IS NULL AND deleted_at IS NULL AND uuid <> ?1",
            )?
            .query_map([&c.uuid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?);
    }
    let Some((_, _, natural)) = TABLES
        .iter()
        .find(|t| t.0 == c.table)
        .filter(|t| !t.2.is_empty())
    else {
        return Ok(Vec::new());
    };
    let conds: Vec<String> = natural
        .iter()
        .enumerate()
        .map(|(i, n)| key_cond(&c.table, n, i + 1))
        .collect();
    let sql = format!(
        "SELECT uuid FROM {} WHERE {} AND deleted_at IS NULL AND uuid <> ?{}",
        c.table,
        conds.join(" AND "),
        natural.len() + 1
    );
    let mut args: Vec<String> = natural
        .iter()
        .map(|n| match row.get(*n) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        })
        .collect();
    args.push(c.uuid.clone());
    Ok(tx
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(args), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Keeps a losing version in `sync_conflicts`; 1 when it was not there yet.
pub(crate) fn record(
    tx: &Transaction,
    loser: &Version,
    reason: &str,
    winner: (&str, i64, &str),
) -> Result<usize> {
    let row = loser
        .row
        .as_ref()
        .map(|r| Value::Object(r.clone()).to_string());
    Ok(tx.execute(
        "INSERT OR IGNORE INTO sync_conflicts (tbl, uuid, hlc, device, purged, row_json, reason,
             winner_uuid, winner_hlc, winner_device, found_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            loser.table,
            loser.uuid,
            loser.hlc,
            loser.device,
            loser.row.is_none(),
            row,
            reason,
            winner.0,
            winner.1,
            winner.2,
            utc_stamp()
        ],
    )?)
}
