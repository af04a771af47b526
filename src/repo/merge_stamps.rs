//! The sync's merge rule in the JSON import (issue 24.9): an export carries every row's stamp
//! (hybrid logical clock, device) and the tombstones of purged records; a row wins when its
//! stamp is higher, a purged record stays purged against an older copy, and a concurrent
//! loser (the file's or this journal's) is kept in `sync conflicts`. An older export without
//! stamps is ranked by its `updated_at`.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use super::error::{RepoError, Result};
use super::sync_apply::{CONCURRENT, content};
use super::sync_conflicts::record;
use super::sync_rows::{Version, row_json};
use crate::domain::InputError;

/// A version's place in the merge order: (HLC, device).
pub(super) type Rank = (i64, String);

/// The stamp the file gives one row.
#[derive(Debug, Clone)]
pub(super) struct FileStamp {
    pub rank: Rank,
    pub base: Option<Rank>,
    pub purged: bool,
}

pub(super) type FileStamps = HashMap<(String, String), FileStamp>;

/// How far ahead of this clock a stamp in a file may be: a day, as for `updated_at`.
const SLACK_MS: i64 = 24 * 3600 * 1000;

/// The file's `sync_stamps`, checked: a stamp more than a day ahead would win every later
/// merge, as a future `updated_at` would.
pub(super) fn read(doc: &Value) -> Result<FileStamps> {
    let mut out = FileStamps::new();
    let Some(list) = doc.get("sync_stamps") else {
        return Ok(out);
    };
    let bad = |m: &str| RepoError::Input(InputError::new("sync_stamps", m.to_string()));
    let latest = (chrono::Utc::now().timestamp_millis() + SLACK_MS) * 65536;
    for s in list.as_array().ok_or_else(|| bad("is not a list"))? {
        let text = |k: &str| s.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(table), Some(uuid), Some(hlc), Some(device)) = (
            text("table"),
            text("uuid"),
            s.get("hlc").and_then(Value::as_i64),
            text("device"),
        ) else {
            return Err(bad("has an entry without table, uuid, hlc or device"));
        };
        if hlc > latest || hlc < 0 {
            return Err(RepoError::Input(InputError::new(
                "sync_stamps.hlc",
                format!(
                    "{table} {uuid} is stamped in the future; allowed: a moment that has happened"
                ),
            )));
        }
        let base = s
            .get("base")
            .and_then(Value::as_array)
            .and_then(|b| Some((b.first()?.as_i64()?, b.get(1)?.as_str()?.to_string())));
        let purged = s.get("purged").and_then(Value::as_bool).unwrap_or(false);
        out.insert(
            (table, uuid),
            FileStamp {
                rank: (hlc, device),
                base,
                purged,
            },
        );
    }
    Ok(out)
}

/// The rank of a file's row without a stamp (an older export): its `updated_at`.
pub(super) fn rank_of_row(updated_at: &str) -> Rank {
    let ms = chrono::DateTime::parse_from_rfc3339(updated_at)
        .map(|d| d.timestamp_millis())
        .unwrap_or(0);
    (ms * 65536, "import".into())
}

/// This journal's own id, standing for its unpublished versions in a file or a comparison.
pub(super) fn identity(tx: &Transaction) -> Result<String> {
    Ok(tx
        .query_row("SELECT id FROM journal_identity LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// The journal's stamp of a row: rank, base, purged.
pub(super) fn local(
    tx: &Transaction,
    me: &str,
    table: &str,
    uuid: &str,
) -> Result<Option<(Rank, Option<Rank>, bool)>> {
    let own = |d: String| if d.is_empty() { me.to_string() } else { d };
    Ok(tx
        .query_row(
            "SELECT hlc, device, base_hlc, base_device, purged FROM sync_stamps
             WHERE tbl = ?1 AND uuid = ?2",
            [table, uuid],
            |r| {
                let base: Option<(i64, String)> = r.get::<_, Option<i64>>(2)?.zip(r.get(3)?);
                Ok((
                    (r.get::<_, i64>(0)?, own(r.get(1)?)),
                    base.map(|(h, d)| (h, own(d))),
                    r.get::<_, bool>(4)?,
                ))
            },
        )
        .optional()?)
}

/// Whether `loser` is a version the winner's writer never saw (its base is older).
pub(super) fn concurrent(loser: &Rank, winner_base: &Option<Rank>) -> bool {
    winner_base.as_ref().is_none_or(|b| loser > b)
}

/// Keeps the losing version of a row (the file's `row`, or this journal's before it is
/// replaced) when it differs from the winner; 1 when it was added.
pub(super) fn keep_loser(
    tx: &Transaction,
    table: &str,
    uuid: &str,
    loser: (&Rank, Option<Map<String, Value>>),
    winner: (&Rank, Option<Map<String, Value>>),
) -> Result<usize> {
    if content(loser.1.as_ref()) == content(winner.1.as_ref()) {
        return Ok(0);
    }
    let v = Version {
        table: table.into(),
        uuid: uuid.into(),
        hlc: loser.0.0,
        device: loser.0.1.clone(),
        base: None,
        purged: loser.1.is_none(),
        row: loser.1,
    };
    record(tx, &v, CONCURRENT, (uuid, winner.0.0, &winner.0.1))
}

/// The row as the journal holds it now (export form).
pub(super) fn current(
    tx: &Transaction,
    table: &str,
    uuid: &str,
) -> Result<Option<Map<String, Value>>> {
    row_json(tx, table, uuid)
}

/// Stamps a row the import wrote with the version it came with (published at the next sync).
pub(super) fn stamp(tx: &Transaction, table: &str, uuid: &str, s: &FileStamp) -> Result<()> {
    tx.execute(
        "INSERT INTO sync_stamps (tbl, uuid, hlc, device, base_hlc, base_device, purged, shadowed, dirty)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 1)
         ON CONFLICT (tbl, uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device,
             base_hlc = excluded.base_hlc, base_device = excluded.base_device,
             purged = excluded.purged, shadowed = 0, dirty = 1",
        params![
            table,
            uuid,
            s.rank.0,
            s.rank.1,
            s.base.as_ref().map(|b| b.0),
            s.base.as_ref().map(|b| b.1.clone()),
            s.purged
        ],
    )?;
    Ok(())
}

/// Runs `f` as a local edit: the triggers stamp what it writes with this journal's clock.
pub(super) fn as_local_edit<T>(tx: &Transaction, f: impl FnOnce() -> Result<T>) -> Result<T> {
    tx.execute("UPDATE sync_clock SET applying = 0", [])?;
    let out = f();
    tx.execute("UPDATE sync_clock SET applying = 1", [])?;
    out
}

/// The file's tombstones: a record purged on the other journal later than this journal's
/// version goes here too (the version it replaces kept as a conflict when concurrent).
/// Returns how many rows it removed and the conflicts it added.
pub(super) fn apply_tombstones(
    tx: &Transaction,
    me: &str,
    stamps: &FileStamps,
) -> Result<(usize, usize)> {
    let (mut removed, mut conflicts) = (0, 0);
    let mut purges: Vec<_> = stamps.iter().filter(|(_, s)| s.purged).collect();
    // Children before parents, as `trash --empty` removes them.
    purges.sort_by_key(|((t, u), _)| {
        let order = super::transfer::TABLES
            .iter()
            .position(|x| x.0 == t)
            .unwrap_or(0);
        (std::cmp::Reverse(order), u.clone())
    });
    for ((table, uuid), s) in purges {
        if !super::transfer::TABLES.iter().any(|x| x.0 == table) {
            continue;
        }
        let here = local(tx, me, table, uuid)?;
        if here.as_ref().is_some_and(|(rank, ..)| *rank >= s.rank) {
            continue;
        }
        let row = current(tx, table, uuid)?;
        if let (Some((rank, ..)), Some(_)) = (&here, &row)
            && concurrent(rank, &s.base)
        {
            conflicts += keep_loser(tx, table, uuid, (rank, row.clone()), (&s.rank, None))?;
        }
        if row.is_some() {
            let sql = format!("DELETE FROM {table} WHERE uuid = ?1");
            if tx.execute(&sql, [uuid]).is_err() {
                let sql = format!(
                    "UPDATE {table} SET deleted_at = COALESCE(deleted_at, updated_at) WHERE uuid = ?1"
                );
                tx.execute(&sql, [uuid])?;
            }
            removed += 1;
        }
        stamp(tx, table, uuid, s)?;
    }
    Ok((removed, conflicts))
}
