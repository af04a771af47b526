//! What sync reads from and keeps in the journal (issue 24, SPEC §13): the stamped versions of
//! rows as in the JSON export (foreign keys by uuid), the ones not yet published, the
//! per-device watermarks and the hybrid logical clock. The stamps themselves are written by the
//! triggers of migration 05 on every write, so no write path can forget one.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::Result;
use super::sync_state::set_watermark;
use super::transfer::{TABLES, columns, fk_name};

/// One version of one row: what a segment carries. `row` is the row as the export writes it
/// (None for a purge, a tombstone that is never dropped); `base` the version it replaced on
/// the device that wrote it, so a version that device never saw is known to be concurrent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub table: String,
    pub uuid: String,
    pub hlc: i64,
    pub device: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<(i64, String)>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub purged: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<Map<String, Value>>,
}

impl Version {
    /// The order every device settles on: the higher (HLC, device id) wins.
    pub fn rank(&self) -> (i64, &str) {
        (self.hlc, self.device.as_str())
    }
}

/// The SELECT list that reads a table's row as the export writes it, and the keys it gives.
pub(crate) fn row_select(conn: &Connection, table: &str) -> Result<(String, Vec<String>)> {
    let fks = TABLES
        .iter()
        .find(|t| t.0 == table)
        .map(|t| t.1)
        .unwrap_or(&[]);
    let mut select = Vec::new();
    let mut keys = Vec::new();
    for (c, _) in columns(conn, table)? {
        if c == "id" {
            continue;
        }
        match fks.iter().find(|(fc, _)| *fc == c) {
            Some((fc, parent)) => {
                select.push(format!(
                    "(SELECT p.uuid FROM {parent} p WHERE p.id = t.{fc})"
                ));
                keys.push(fk_name(fc));
            }
            None => {
                select.push(format!("t.{c}"));
                keys.push(c);
            }
        }
    }
    Ok((select.join(", "), keys))
}

pub(crate) fn json_of(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

/// The row `uuid` of `table` as the export writes it, if it is in the journal.
pub(crate) fn row_json(
    conn: &Connection,
    table: &str,
    uuid: &str,
) -> Result<Option<Map<String, Value>>> {
    let (select, keys) = row_select(conn, table)?;
    let sql = format!("SELECT {select} FROM {table} t WHERE t.uuid = ?1");
    let mut st = conn.prepare_cached(&sql)?;
    read_row(&mut st, &keys, uuid)
}

/// One row by uuid through a prepared `SELECT … WHERE t.uuid = ?1` of [`row_select`].
fn read_row(
    st: &mut rusqlite::Statement,
    keys: &[String],
    uuid: &str,
) -> Result<Option<Map<String, Value>>> {
    Ok(st
        .query_row([uuid], |r| {
            let mut obj = Map::new();
            for (i, k) in keys.iter().enumerate() {
                obj.insert(k.clone(), json_of(r.get_ref(i)?));
            }
            Ok(obj)
        })
        .optional()?)
}

/// A shadowed row (in the trash here only because another row won its date or name) is
/// published as its own version says: live.
fn true_row(mut row: Map<String, Value>, shadowed: bool) -> Map<String, Value> {
    if shadowed {
        row.insert("deleted_at".into(), Value::Null);
    }
    row
}

type StampRow = (
    String,
    String,
    i64,
    String,
    Option<i64>,
    Option<String>,
    bool,
    bool,
);

impl Repo {
    /// Versions in this journal: those not yet published (`only_dirty`) or all of them (a
    /// snapshot), this journal's own ones named by `me`. Parents before children, purges
    /// children first, so a device applying them in order keeps its foreign keys.
    pub fn sync_versions(&self, me: &str, only_dirty: bool) -> Result<Vec<Version>> {
        let mut live = Vec::new();
        let mut purges = Vec::new();
        let cond = if only_dirty { " AND dirty = 1" } else { "" };
        for (table, _, _) in TABLES {
            let (select, keys) = row_select(&self.conn, table)?;
            let mut rows = self
                .conn
                .prepare(&format!("SELECT {select} FROM {table} t WHERE t.uuid = ?1"))?;
            let mut st = self.conn.prepare(&format!(
                "SELECT tbl, uuid, hlc, device, base_hlc, base_device, purged, shadowed
                 FROM sync_stamps WHERE tbl = ?1{cond} ORDER BY uuid"
            ))?;
            let stamps: Vec<StampRow> = st
                .query_map([table], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (tbl, uuid, hlc, device, bh, bd, purged, shadowed) in stamps {
                let own = |d: String| if d.is_empty() { me.to_string() } else { d };
                let row = match purged {
                    true => None,
                    false => read_row(&mut rows, &keys, &uuid)?.map(|r| true_row(r, shadowed)),
                };
                let v = Version {
                    table: tbl,
                    uuid,
                    hlc,
                    device: own(device),
                    base: bh.zip(bd.map(own)),
                    purged: purged || row.is_none(),
                    row,
                };
                match v.purged {
                    true => purges.push(v),
                    false => live.push(v),
                }
            }
        }
        purges.reverse();
        live.extend(purges);
        Ok(live)
    }

    /// Rows received that wait for a record no segment has brought yet.
    pub fn sync_waiting(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM sync_parked", [], |r| r.get(0))?)
    }

    /// How many versions wait to be published.
    pub fn sync_pending(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM sync_stamps WHERE dirty = 1",
            [],
            |r| r.get(0),
        )?)
    }

    /// Marks `versions` published as segment `seq` of device `me`, in one transaction: a
    /// version edited again since it was read stays pending.
    pub fn sync_mark_published(&mut self, me: &str, seq: i64, versions: &[Version]) -> Result<()> {
        let max = versions.iter().map(|v| v.hlc).max().unwrap_or(0);
        self.write(|tx| {
            let mut st = tx.prepare(
                "UPDATE sync_stamps SET dirty = 0,
                     device = CASE WHEN device = '' THEN ?1 ELSE device END
                 WHERE tbl = ?2 AND uuid = ?3 AND hlc = ?4",
            )?;
            for v in versions {
                st.execute(params![me, v.table, v.uuid, v.hlc])?;
            }
            set_watermark(tx, me, seq, max)?;
            Ok(())
        })
    }
}
