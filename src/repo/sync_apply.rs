//! Applying another device's versions (issue 24, SPEC §13): per uuid the higher (HLC, device
//! id) wins on every device; a concurrent loser goes to `sync_conflicts`; two live rows with
//! one natural key (one check-in per date, one medication per name) are settled the same way
//! everywhere, the loser put in the trash here (`shadowed`) and kept as a conflict. A segment
//! is applied in one transaction together with its watermark.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::Result;
use super::sync_conflicts::record;
use super::sync_rows::{Version, row_json};
use super::sync_settle::settle;
use super::sync_state::set_watermark;
use super::sync_write::{Written, materialize};
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
    /// Versions of this segment kept until a record they refer to arrives.
    pub parked: usize,
    /// Versions waiting for their parent in all, after this segment.
    pub still_parked: i64,
}

/// The outcome of one segment: applied (rows whose parent has not arrived parked inside it),
/// or left for a later run (the engine's word for a segment the journal refused).
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
            apply_one(&tx, me, v, &mut done)?;
            done.max_hlc = done.max_hlc.max(v.hlc);
        }
        retry_parked(&tx, me, &mut done)?;
        done.still_parked = tx.query_row("SELECT count(*) FROM sync_parked", [], |r| r.get(0))?;
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

/// Applies one version. A version that refers to a parent not here yet is parked (applied
/// when the parent comes); true when it was.
fn apply_one(tx: &Transaction, me: &str, v: &Version, done: &mut Applied) -> Result<bool> {
    if !TABLES.iter().any(|t| t.0 == v.table) {
        done.skipped += 1;
        return Ok(false);
    }
    let Verdict::Wins(loser) = weigh(tx, me, v, done)? else {
        done.skipped += 1;
        return Ok(false);
    };
    let shadowed = match materialize(tx, v)? {
        Written::Row(s) => s,
        Written::NoParent(why) => {
            park(tx, v, &why)?;
            done.parked += 1;
            return Ok(true);
        }
        Written::KeptForChildren => {
            done.written += 1;
            return Ok(false);
        }
    };
    if let Some(l) = &loser {
        done.conflicts += record(tx, l, CONCURRENT, (&v.uuid, v.hlc, &v.device))?;
    }
    stamp_applied(tx, v, shadowed)?;
    done.written += 1;
    Ok(false)
}

/// How an incoming version compares with the one here.
enum Verdict {
    /// Already here, or older than the one here (kept as a conflict when concurrent).
    Skip,
    /// It wins; the version it replaces, when that one is a conflict to keep.
    Wins(Option<Version>),
}

/// Decides which of the incoming version and the one here wins: the higher (HLC, device).
/// The loser is a conflict only when its writer's version was never seen by the other's.
fn weigh(tx: &Transaction, me: &str, v: &Version, done: &mut Applied) -> Result<Verdict> {
    let Some((hlc, dev, bh, bd, _, shadowed)) = local_stamp(tx, &v.table, &v.uuid)? else {
        return Ok(Verdict::Wins(None));
    };
    let here = (hlc, own(&dev, me));
    if here == v.rank() {
        return Ok(Verdict::Skip);
    }
    let mine = row_json(tx, &v.table, &v.uuid)?.map(|mut r| {
        if shadowed {
            r.insert("deleted_at".into(), Value::Null);
        }
        r
    });
    let differs = content(v.row.as_ref()) != content(mine.as_ref());
    if here > v.rank() {
        let here_base = bh.zip(bd.as_deref()).map(|(h, d)| (h, own(d, me)));
        if concurrent(v.rank(), here_base) && differs {
            let winner = (v.uuid.as_str(), here.0, here.1);
            done.conflicts += record(tx, v, CONCURRENT, winner)?;
        }
        return Ok(Verdict::Skip);
    }
    let base = v.base.as_ref().map(|(h, d)| (*h, d.as_str()));
    if !(concurrent(here, base) && differs) {
        return Ok(Verdict::Wins(None));
    }
    Ok(Verdict::Wins(Some(Version {
        table: v.table.clone(),
        uuid: v.uuid.clone(),
        hlc: here.0,
        device: here.1.to_string(),
        base: None,
        purged: mine.is_none(),
        row: mine,
    })))
}

/// Stamps the row with the version written; an older parked version of it has been overtaken.
fn stamp_applied(tx: &Transaction, v: &Version, shadowed: bool) -> Result<()> {
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
    tx.execute(
        "DELETE FROM sync_parked WHERE tbl = ?1 AND uuid = ?2 AND (hlc < ?3 OR (hlc = ?3 AND device <= ?4))",
        params![v.table, v.uuid, v.hlc, v.device],
    )?;
    Ok(())
}

/// Keeps a version whose parent has not arrived (only the highest of a row's versions).
fn park(tx: &Transaction, v: &Version, why: &str) -> Result<()> {
    let json = serde_json::to_string(v).map_err(|e| {
        super::error::RepoError::Input(crate::domain::InputError::new("segment", e.to_string()))
    })?;
    tx.execute(
        "INSERT INTO sync_parked (tbl, uuid, hlc, device, version_json, waits_for)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (tbl, uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device,
             version_json = excluded.version_json, waits_for = excluded.waits_for
         WHERE excluded.hlc > hlc OR (excluded.hlc = hlc AND excluded.device > device)",
        params![v.table, v.uuid, v.hlc, v.device, json, why],
    )?;
    Ok(())
}

/// Applies parked versions whose parent has come, parents' tables first, until none moves.
fn retry_parked(tx: &Transaction, me: &str, done: &mut Applied) -> Result<()> {
    loop {
        let mut st = tx.prepare("SELECT tbl, uuid, version_json FROM sync_parked")?;
        let mut parked: Vec<(String, String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        drop(st);
        parked.sort_by_key(|(t, u, _)| (TABLES.iter().position(|x| x.0 == t), u.clone()));
        let mut moved = false;
        for (table, uuid, json) in parked {
            tx.execute(
                "DELETE FROM sync_parked WHERE tbl = ?1 AND uuid = ?2",
                [&table, &uuid],
            )?;
            let Ok(v) = serde_json::from_str::<Version>(&json) else {
                continue;
            };
            let mut again = Applied::default();
            if !apply_one(tx, me, &v, &mut again)? {
                moved = true;
                done.written += again.written;
                done.conflicts += again.conflicts;
            }
        }
        if !moved {
            return Ok(());
        }
    }
}
