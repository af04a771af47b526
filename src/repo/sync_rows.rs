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

/// Another device's progress as applied here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Watermark {
    pub device: String,
    pub seq: i64,
    pub hlc: i64,
    pub applied_at: String,
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

    /// Every device's last segment applied here (this device's own: the last it wrote).
    pub fn sync_watermarks(&self) -> Result<Vec<Watermark>> {
        let mut st = self
            .conn
            .prepare("SELECT device, seq, hlc, applied_at FROM sync_watermarks ORDER BY device")?;
        let rows = st.query_map([], |r| {
            Ok(Watermark {
                device: r.get(0)?,
                seq: r.get(1)?,
                hlc: r.get(2)?,
                applied_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The last segment of `device` applied (or written) here; 0 for none.
    pub fn sync_watermark(&self, device: &str) -> Result<i64> {
        Ok(self
            .conn
            .query_row(
                "SELECT seq FROM sync_watermarks WHERE device = ?1",
                [device],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// The journal's hybrid logical clock: the highest stamp it has given or seen.
    pub fn sync_clock(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT hlc FROM sync_clock", [], |r| r.get(0))?)
    }

    /// Shifts this journal's wall clock by `ms`: simulated devices with clocks apart.
    pub fn sync_set_skew(&mut self, ms: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE sync_clock SET skew_ms = ?1", [ms])?;
            Ok(())
        })
    }

    /// Forgets every device's progress (`sync leave`): the stamps stay, so joining again
    /// publishes nothing twice that matters and loses nothing.
    pub fn sync_forget_devices(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sync_watermarks", [])?;
            tx.execute("UPDATE sync_stamps SET dirty = 1", [])?;
            Ok(())
        })
    }
}

pub(crate) fn set_watermark(conn: &Connection, device: &str, seq: i64, hlc: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_watermarks (device, seq, hlc, applied_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (device) DO UPDATE SET seq = MAX(seq, excluded.seq),
             hlc = MAX(hlc, excluded.hlc), applied_at = excluded.applied_at",
        params![device, seq, hlc, crate::domain::clock::utc_stamp()],
    )?;
    Ok(())
}

impl Repo {
    /// Days of `[from, to]` whose live doses were logged on more than one device, with how
    /// many (a dose written here and not yet published counts as `me`'s).
    pub fn dose_days_from_devices(
        &self,
        me: &str,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<(chrono::NaiveDate, i64)>> {
        let mut st = self.conn.prepare(
            "SELECT d.date, COUNT(DISTINCT CASE WHEN s.device = '' THEN ?3 ELSE s.device END)
             FROM doses d JOIN sync_stamps s ON s.tbl = 'doses' AND s.uuid = d.uuid
             WHERE d.deleted_at IS NULL AND d.date BETWEEN ?1 AND ?2
             GROUP BY d.date HAVING COUNT(DISTINCT CASE WHEN s.device = '' THEN ?3 ELSE s.device END) > 1",
        )?;
        let rows = st.query_map(params![from.to_string(), to.to_string(), me], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (d, n) = row?;
            if let Ok(day) = d.parse() {
                out.push((day, n));
            }
        }
        Ok(out)
    }
}

impl Repo {
    /// The stamp (HLC, device; '' for this journal's unpublished one) of one row's version.
    pub fn sync_stamp(&self, table: &str, uuid: &str) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT hlc, device FROM sync_stamps WHERE tbl = ?1 AND uuid = ?2",
                [table, uuid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

/// Every row's stamp and every tombstone, for the JSON export: `[{table, uuid, hlc, device,
/// base, purged}]`, this journal's unpublished versions under its journal id.
pub(crate) fn stamps_json(conn: &Connection) -> Result<Value> {
    let me: String = conn
        .query_row("SELECT id FROM journal_identity LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    let own = |d: String| if d.is_empty() { me.clone() } else { d };
    let mut st = conn.prepare(
        "SELECT tbl, uuid, hlc, device, base_hlc, base_device, purged FROM sync_stamps
         ORDER BY tbl, uuid",
    )?;
    let mut rows = st.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut o = Map::new();
        o.insert("table".into(), Value::from(r.get::<_, String>(0)?));
        o.insert("uuid".into(), Value::from(r.get::<_, String>(1)?));
        o.insert("hlc".into(), Value::from(r.get::<_, i64>(2)?));
        o.insert("device".into(), Value::from(own(r.get(3)?)));
        if let (Some(h), Some(d)) = (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<String>>(5)?) {
            o.insert("base".into(), serde_json::json!([h, own(d)]));
        }
        if r.get::<_, bool>(6)? {
            o.insert("purged".into(), Value::Bool(true));
        }
        out.push(Value::Object(o));
    }
    Ok(Value::Array(out))
}
