//! Applying another device's versions (issue 24, SPEC §13): per uuid the higher (HLC, device
//! id) wins on every device; a concurrent loser goes to `sync_conflicts`; two live rows with
//! one natural key (one check-in per date, one medication per name) are settled the same way
//! everywhere, the loser put in the trash here (`shadowed`) and kept as a conflict. A segment
//! is applied in one transaction together with its watermark.

use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params, params_from_iter};
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::Result;
use super::sync_rows::{Version, row_json, set_watermark};
use super::transfer::{TABLES, columns, fk_name};

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

fn own<'a>(device: &'a str, me: &'a str) -> &'a str {
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

fn sql_of(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        other => SqlValue::Text(other.to_string()),
    }
}

/// The condition matching a natural key: medication names match in any case, as the
/// journal's unique index does.
pub(crate) fn key_cond(table: &str, col: &str, n: usize) -> String {
    match (table, col) {
        ("medications", "name") => format!("{col} = ?{n} COLLATE NOCASE"),
        _ => format!("{col} = ?{n}"),
    }
}

/// Writes the version's row (or removes it for a purge). Ok(true) when it went in shadowed
/// (another live row holds its natural key; `settle` decides which stays); Err(message) when
/// a parent it refers to is not here yet.
pub(crate) fn materialize(
    tx: &Transaction,
    v: &Version,
) -> Result<std::result::Result<bool, String>> {
    let (table, fks, natural) = *TABLES
        .iter()
        .find(|t| t.0 == v.table)
        .expect("checked by the caller");
    let Some(row) = v.row.as_ref().filter(|_| !v.purged) else {
        let sql = format!("DELETE FROM {table} WHERE uuid = ?1");
        if tx.execute(&sql, [&v.uuid]).is_err() {
            // Rows here still refer to it: keep it in the trash rather than break them.
            let sql = format!(
                "UPDATE {table} SET deleted_at = COALESCE(deleted_at, updated_at) WHERE uuid = ?1"
            );
            tx.execute(&sql, [&v.uuid])?;
        }
        return Ok(Ok(false));
    };
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (c, _) in columns(tx, table)? {
        if c == "id" {
            continue;
        }
        let value = match fks.iter().find(|(fc, _)| *fc == c) {
            Some((_, parent)) => match row.get(&fk_name(&c)) {
                Some(Value::String(pu)) => {
                    let id: Option<i64> = tx
                        .query_row(
                            &format!("SELECT id FROM {parent} WHERE uuid = ?1"),
                            [pu],
                            |r| r.get(0),
                        )
                        .optional()?;
                    match id {
                        Some(id) => SqlValue::Integer(id),
                        None => {
                            return Ok(Err(format!("{table} {} waits for {parent} {pu}", v.uuid)));
                        }
                    }
                }
                _ => SqlValue::Null,
            },
            None => match row.get(&c) {
                Some(x) => sql_of(x),
                None => continue,
            },
        };
        names.push(c);
        values.push(value);
    }
    let at = |n: &str| names.iter().position(|c| c == n);
    let live = at("deleted_at").is_none_or(|i| values[i] == SqlValue::Null);
    let mut shadowed = false;
    if live && !natural.is_empty() {
        let conds: Vec<String> = natural
            .iter()
            .enumerate()
            .map(|(i, n)| key_cond(table, n, i + 1))
            .collect();
        let sql = format!(
            "SELECT count(*) FROM {table} WHERE {} AND deleted_at IS NULL AND uuid <> ?{}",
            conds.join(" AND "),
            natural.len() + 1
        );
        let mut args: Vec<SqlValue> = natural
            .iter()
            .map(|n| at(n).map_or(SqlValue::Null, |i| values[i].clone()))
            .collect();
        args.push(SqlValue::Text(v.uuid.clone()));
        let clash: i64 = tx.query_row(&sql, params_from_iter(args), |r| r.get(0))?;
        if clash > 0
            && let Some(i) = at("deleted_at")
        {
            values[i] = shadow_stamp(row);
            shadowed = true;
        }
    }
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE uuid = ?1)"),
        [&v.uuid],
        |r| r.get(0),
    )?;
    let sql = match exists {
        true => {
            let sets: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{n} = ?{}", i + 1))
                .collect();
            values.push(SqlValue::Text(v.uuid.clone()));
            format!(
                "UPDATE {table} SET {} WHERE uuid = ?{}",
                sets.join(", "),
                names.len() + 1
            )
        }
        false => {
            let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            )
        }
    };
    tx.execute(&sql, params_from_iter(values))?;
    Ok(Ok(shadowed))
}

/// The trash time of a shadowed row: its own `updated_at`, the same on every device.
fn shadow_stamp(row: &Map<String, Value>) -> SqlValue {
    match row.get("updated_at") {
        Some(Value::String(s)) => SqlValue::Text(s.clone()),
        _ => SqlValue::Text("1970-01-01T00:00:00.000Z".into()),
    }
}

/// One row of a natural-key group: uuid, key, rank, shadowed, updated_at.
type Member = (String, String, i64, String, bool);

/// Every natural key held by more than one row whose own version is live: the highest
/// (HLC, device) stays live, the others are shadowed (and kept as conflicts); a shadowed row
/// whose rival went away comes back. Returns the conflicts it added.
pub(crate) fn settle(tx: &Transaction, me: &str) -> Result<usize> {
    let mut added = 0;
    for (table, _, natural) in TABLES.iter().filter(|t| !t.2.is_empty()) {
        let key = natural
            .iter()
            .map(|n| match (*table, *n) {
                ("medications", "name") => format!("lower(t.{n})"),
                _ => format!("COALESCE(t.{n}, '')"),
            })
            .collect::<Vec<_>>()
            .join(" || char(31) || ");
        let sql = format!(
            "SELECT t.uuid, {key}, s.hlc, s.device, s.shadowed FROM {table} t
             JOIN sync_stamps s ON s.tbl = ?1 AND s.uuid = t.uuid
             WHERE t.deleted_at IS NULL OR s.shadowed = 1 ORDER BY 2"
        );
        let mut st = tx.prepare(&sql)?;
        let members: Vec<Member> = st
            .query_map([table], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        drop(st);
        for group in members.chunk_by(|a, b| a.1 == b.1) {
            if group.len() == 1 && !group[0].4 {
                continue;
            }
            let winner = group
                .iter()
                .max_by(|a, b| (a.2, own(&a.3, me)).cmp(&(b.2, own(&b.3, me))))
                .expect("a group is never empty");
            for m in group.iter().filter(|m| m.0 != winner.0) {
                let mut row = row_json(tx, table, &m.0)?;
                if let Some(r) = row.as_mut() {
                    r.insert("deleted_at".into(), Value::Null);
                }
                let loser = Version {
                    table: table.to_string(),
                    uuid: m.0.clone(),
                    hlc: m.2,
                    device: own(&m.3, me).to_string(),
                    base: None,
                    purged: false,
                    row,
                };
                added += record(
                    tx,
                    &loser,
                    NATURAL_KEY,
                    (&winner.0, winner.2, own(&winner.3, me)),
                )?;
                if m.4 {
                    continue;
                }
                tx.execute(
                    &format!(
                        "UPDATE {table} SET deleted_at = COALESCE(updated_at, '1970-01-01T00:00:00.000Z') WHERE uuid = ?1"
                    ),
                    [&m.0],
                )?;
                tx.execute(
                    "UPDATE sync_stamps SET shadowed = 1 WHERE tbl = ?1 AND uuid = ?2",
                    [table, &m.0.as_str()],
                )?;
            }
            if winner.4 {
                tx.execute(
                    &format!("UPDATE {table} SET deleted_at = NULL WHERE uuid = ?1"),
                    [&winner.0],
                )?;
                tx.execute(
                    "UPDATE sync_stamps SET shadowed = 0 WHERE tbl = ?1 AND uuid = ?2",
                    [table, &winner.0.as_str()],
                )?;
                tx.execute(
                    "DELETE FROM sync_conflicts WHERE tbl = ?1 AND uuid = ?2 AND hlc = ?3 AND kept_at IS NULL",
                    params![table, winner.0, winner.2],
                )?;
            }
        }
    }
    Ok(added)
}
