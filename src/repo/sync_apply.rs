//! Applying another device's versions (issue 24, SPEC §13): per uuid the higher (HLC, device
//! id) wins on every device; a concurrent loser goes to `sync_conflicts`; two live rows with
//! one natural key (one check-in per date, one medication per name) are settled the same way
//! everywhere, the loser put in the trash here (`shadowed`) and kept as a conflict. A segment
//! is applied in one transaction together with its watermark.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::Result;
use super::sync_rows::{Version, row_json};
use super::sync_settle::settle;
use super::sync_state::set_watermark;
use super::sync_write::materialize;
use super::transfer::TABLES;

/// What applying one segment did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Versions that won and were written here.
    pub written: usize,
    /// Versions already here, or older than the one here.
    pub skipped: usize,
    /// Versions that lost to a concurrent one (either side), now in `sync conflicts`.
    pub conflicts: usize,
    /// The highest stamp in the segment.
    pub max_hlc: i64,
}

/// The outcome of one segment: applied, or left for a later run because a row refers to a
/// parent this journal has not received yet (another device's segment will bring it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Applied(Applied),
    Waiting(String),
}

/// Why the loser of a conflict lost.
pub const CONCURRENT: &str = "concurrent";
pub const NATURAL_KEY: &str = "natural_key";

type Local = (i64, String, Option<i64>, Option<String>, bool, bool);

impl Repo {
    /// Applies `versions` from device `from` (its segment `seq`; 0 for none) in one
    /// transaction with the watermark; `me` is this journal's device id.
    pub fn sync_apply(
        &mut self,
        me: &str,
        from: &str,
        seq: i64,
        versions: &[Version],
    ) -> Result<Outcome> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("UPDATE sync_clock SET applying = 1", [])?;
        let mut done = Applied::default();
        for v in versions {
            if let Some(missing) = apply_one(&tx, me, v, &mut done)? {
                // Dropping the transaction rolls back everything of this segment.
                return Ok(Outcome::Waiting(missing));
            }
            done.max_hlc = done.max_hlc.max(v.hlc);
        }
        done.conflicts += settle(&tx, me)?;
        tx.execute(
            "UPDATE sync_clock SET applying = 0, hlc = MAX(hlc, ?1)",
            [done.max_hlc],
        )?;
        if seq > 0 {
            set_watermark(&tx, from, seq, done.max_hlc)?;
        }
        tx.commit()?;
        Ok(Outcome::Applied(done))
    }
}

pub(crate) fn own<'a>(device: &'a str, me: &'a str) -> &'a str {
    if device.is_empty() { me } else { device }
}

/// True when the writer of a version whose base is `base` never saw `loser`.
fn concurrent(loser: (i64, &str), base: Option<(i64, &str)>) -> bool {
    base.is_none_or(|b| loser > b)
}

/// The row without what every write changes: two devices that typed the same pain score
/// have no conflict.
pub(crate) fn content(row: Option<&Map<String, Value>>) -> Option<Map<String, Value>> {
    row.map(|r| {
        let mut r = r.clone();
        r.remove("updated_at");
        let deleted = r.get("deleted_at").is_some_and(|d| !d.is_null());
        r.insert("deleted_at".into(), Value::Bool(deleted));
        r
    })
}

fn local_stamp(tx: &Transaction, table: &str, uuid: &str) -> Result<Option<Local>> {
    Ok(tx
        .query_row(
            "SELECT hlc, device, base_hlc, base_device, purged, shadowed
             FROM sync_stamps WHERE tbl = ?1 AND uuid = ?2",
            [table, uuid],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?)
}

/// Applies one version; Some(message) when a parent it refers to is not here yet.
fn apply_one(
    tx: &Transaction,
    me: &str,
    v: &Version,
    done: &mut Applied,
) -> Result<Option<String>> {
    if !TABLES.iter().any(|t| t.0 == v.table) {
        return Ok(Some(format!("unknown table {}", v.table)));
    }
    let local = local_stamp(tx, &v.table, &v.uuid)?;
    let base = v.base.as_ref().map(|(h, d)| (*h, d.as_str()));
    if let Some((hlc, dev, bh, bd, _, shadowed)) = &local {
        let here = (*hlc, own(dev, me));
        if here == v.rank() {
            done.skipped += 1;
            return Ok(None);
        }
        if here > v.rank() {
            let here_base = bh.zip(bd.as_deref()).map(|(h, d)| (h, own(d, me)));
            let mine = row_json(tx, &v.table, &v.uuid)?.map(|mut r| {
                if *shadowed {
                    r.insert("deleted_at".into(), Value::Null);
                }
                r
            });
            if concurrent(v.rank(), here_base) && content(v.row.as_ref()) != content(mine.as_ref())
            {
                let winner = (v.uuid.as_str(), here.0, here.1);
                done.conflicts += record(tx, v, CONCURRENT, winner)?;
            }
            done.skipped += 1;
            return Ok(None);
        }
        // The incoming version wins: the one here is kept as a conflict if its writer's
        // version was never seen by the incoming one's writer.
        let mine = row_json(tx, &v.table, &v.uuid)?.map(|mut r| {
            if *shadowed {
                r.insert("deleted_at".into(), Value::Null);
            }
            r
        });
        if concurrent(here, base) && content(v.row.as_ref()) != content(mine.as_ref()) {
            let loser = Version {
                table: v.table.clone(),
                uuid: v.uuid.clone(),
                hlc: here.0,
                device: here.1.to_string(),
                base: None,
                purged: mine.is_none(),
                row: mine,
            };
            done.conflicts += record(tx, &loser, CONCURRENT, (&v.uuid, v.hlc, &v.device))?;
        }
    }
    let shadowed = match materialize(tx, v)? {
        Ok(s) => s,
        Err(missing) => return Ok(Some(missing)),
    };
    tx.execute(
        "INSERT INTO sync_stamps (tbl, uuid, hlc, device, base_hlc, base_device, purged, shadowed, dirty)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)
         ON CONFLICT (tbl, uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device,
             base_hlc = excluded.base_hlc, base_device = excluded.base_device,
             purged = excluded.purged, shadowed = excluded.shadowed, dirty = 0",
        params![
            v.table,
            v.uuid,
            v.hlc,
            v.device,
            v.base.as_ref().map(|b| b.0),
            v.base.as_ref().map(|b| b.1.clone()),
            v.purged || v.row.is_none(),
            shadowed
        ],
    )?;
    done.written += 1;
    Ok(None)
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
            crate::domain::clock::utc_stamp()
        ],
    )?)
}
