//! The sync's bookkeeping in the journal (issue 24): how far each device's segments are
//! applied (the watermarks), the hybrid logical clock, a row's stamp, the days whose doses
//! came from several devices, and the stamps the JSON export carries.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::Result;

/// Another device's progress as applied here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Watermark {
    pub device: String,
    pub seq: i64,
    pub hlc: i64,
    pub applied_at: String,
}

impl Repo {
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
