//! Natural keys across devices (issue 24): one live check-in per date, one medication per
//! name, and one running return plan (issue 23: one plan at a time; the JSON import refuses a
//! journal with two). Among rows whose own version is live, the highest (HLC, device) stays live on every
//! device; the others are shadowed (in the trash here, their version untouched) and kept in
//! `sync conflicts`, and come back when their rival goes.

use rusqlite::{Transaction, params};
use serde_json::Value;

use super::error::Result;
use super::sync_apply::{NATURAL_KEY, own};
use super::sync_conflicts::record;
use super::sync_rows::{Version, row_json};
use super::transfer::TABLES;

/// The condition matching a natural key: medication names match in any case, as the
/// journal's unique index does.
pub(crate) fn key_cond(table: &str, col: &str, n: usize) -> String {
    match (table, col) {
        ("medications", "name") => format!("{col} = ?{n} COLLATE NOCASE"),
        _ => format!("{col} = ?{n}"),
    }
}

/// One row of a natural-key group: uuid, key, rank, shadowed, updated_at.
type Member = (String, String, i64, String, bool);

/// Every natural key held by more than one row whose own version is live: the highest
/// (HLC, device) stays live, the others are shadowed (and kept as conflicts); a shadowed row
/// whose rival went away comes back. Returns the conflicts it added.
pub(crate) fn settle(tx: &Transaction, me: &str) -> Result<usize> {
    let mut added = 0;
    for (table, key) in keys() {
        let members = members(tx, table, &key)?;
        for group in members.chunk_by(|a, b| a.1 == b.1) {
            if group.len() == 1 && !group[0].4 {
                continue;
            }
            let winner = group
                .iter()
                .max_by(|a, b| (a.2, own(&a.3, me)).cmp(&(b.2, own(&b.3, me))))
                .expect("a group is never empty");
            for m in group.iter().filter(|m| m.0 != winner.0) {
                added += shadow(tx, table, m, winner, me)?;
            }
            if winner.4 {
                bring_back(tx, table, winner)?;
            }
        }
    }
    Ok(added)
}

/// Each table whose live rows hold a key only one of them may hold, with that key in SQL over
/// the row `t`: the natural keys of `TABLES`, and a plan's "running" (a stopped plan is its
/// own key).
pub(crate) fn keys() -> Vec<(&'static str, String)> {
    let mut keys: Vec<(&'static str, String)> = TABLES
        .iter()
        .filter(|t| !t.2.is_empty())
        .map(|(table, _, natural)| {
            let key = natural
                .iter()
                .map(|n| match (*table, *n) {
                    ("medications", "name") => format!("lower(t.{n})"),
                    _ => format!("COALESCE(t.{n}, '')"),
                })
                .collect::<Vec<_>>()
                .join(" || char(31) || ");
            (*table, key)
        })
        .collect();
    keys.push((
        "plans",
        "CASE WHEN t.stopped_on IS NULL THEN 'running' ELSE t.uuid END".into(),
    ));
    keys
}

/// The table's rows that may hold a key (live, or shadowed by a rival), ordered by key so that
/// the rows of one key come together.
fn members(tx: &Transaction, table: &str, key: &str) -> Result<Vec<Member>> {
    let sql = format!(
        "SELECT t.uuid, {key}, s.hlc, s.device, s.shadowed FROM {table} t
         JOIN sync_stamps s ON s.tbl = ?1 AND s.uuid = t.uuid
         WHERE t.deleted_at IS NULL OR s.shadowed = 1 ORDER BY 2"
    );
    let mut st = tx.prepare(&sql)?;
    let members = st
        .query_map([table], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(members)
}

/// Keeps the loser `m` of its key as a conflict (a twin needs none) and puts it in the
/// trash here, unless it is there already. Returns the conflicts it added.
fn shadow(tx: &Transaction, table: &str, m: &Member, winner: &Member, me: &str) -> Result<usize> {
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
    let mut added = 0;
    // A twin (the same exercise library seeded on both computers) is put away without a
    // conflict to read: nothing of it differs from the one kept.
    if !same_record(tx, table, &loser, &winner.0)? {
        added = record(
            tx,
            &loser,
            NATURAL_KEY,
            (&winner.0, winner.2, own(&winner.3, me)),
        )?;
    }
    if m.4 {
        return Ok(added);
    }
    tx.execute(
        &format!(
            "UPDATE {table} SET deleted_at = COALESCE(updated_at, '1970-01-01T00:00:00.000Z') WHERE uuid = ?1"
        ),
        [&m.0],
    )?;
    tx.execute(
        "UPDATE sync_stamps SET shadowed = 1 WHERE tbl = ?1 AND uuid = ?2",
        [table, m.0.as_str()],
    )?;
    Ok(added)
}

/// A shadowed row that now wins its key comes back from the trash, and its own conflict
/// entry (from when it lost) goes.
fn bring_back(tx: &Transaction, table: &str, winner: &Member) -> Result<()> {
    tx.execute(
        &format!("UPDATE {table} SET deleted_at = NULL WHERE uuid = ?1"),
        [&winner.0],
    )?;
    tx.execute(
        "UPDATE sync_stamps SET shadowed = 0 WHERE tbl = ?1 AND uuid = ?2",
        [table, winner.0.as_str()],
    )?;
    tx.execute(
        "DELETE FROM sync_conflicts WHERE tbl = ?1 AND uuid = ?2 AND hlc = ?3 AND kept_at IS NULL",
        params![table, winner.0, winner.2],
    )?;
    Ok(())
}

/// Whether `loser` holds what the row `winner` holds, apart from its identity and times.
fn same_record(tx: &Transaction, table: &str, loser: &Version, winner: &str) -> Result<bool> {
    let strip = |r: Option<serde_json::Map<String, Value>>| {
        r.map(|mut r| {
            for k in ["uuid", "created_at", "updated_at", "deleted_at"] {
                r.remove(k);
            }
            r
        })
    };
    let won = strip(row_json(tx, table, winner)?);
    Ok(won.is_some() && won == strip(loser.row.clone()))
}
