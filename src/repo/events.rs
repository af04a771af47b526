//! Events (SPEC §4.5): timeline markers such as "MRI" or "new saddle".

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::connection::Repo;
use super::error::Result;
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::Event;
use crate::domain::vocab::EventKind;

const COLS: &str = "id, uuid, date, kind, title, note";

fn from_row(r: &Row) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        uuid: r.get(1)?,
        date: parse_date_col(2, &r.get::<_, String>(2)?)?,
        kind: vocab_col(r, 3, EventKind::parse)?,
        title: r.get(4)?,
        note: r.get(5)?,
    })
}

impl Repo {
    pub fn add_event(&mut self, e: &Event) -> Result<Event> {
        self.write(|tx| {
            let uuid = if e.uuid.is_empty() {
                new_uuid()
            } else {
                e.uuid.clone()
            };
            tx.execute(
                "INSERT INTO events (uuid, date, kind, title, note, created_at, updated_at)
                 VALUES (?1,?2,?3,?4,?5,?6,?6)",
                params![
                    uuid,
                    date_str(e.date),
                    e.kind.as_str(),
                    e.title,
                    e.note,
                    utc_stamp()
                ],
            )?;
            Ok(Event {
                id: tx.last_insert_rowid(),
                uuid,
                ..e.clone()
            })
        })
    }

    pub fn update_event(&mut self, e: &Event) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE events SET date=?1, kind=?2, title=?3, note=?4, updated_at=?5
                 WHERE id=?6 AND deleted_at IS NULL",
                params![
                    date_str(e.date),
                    e.kind.as_str(),
                    e.title,
                    e.note,
                    utc_stamp(),
                    e.id
                ],
            )?;
            Ok(())
        })
    }

    pub fn event_by_id(&self, id: i64) -> Result<Option<Event>> {
        let sql = format!("SELECT {COLS} FROM events WHERE id=?1 AND deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], from_row).optional()?)
    }

    /// Live events in [from, to], oldest first.
    pub fn events_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Event>> {
        let sql = format!(
            "SELECT {COLS} FROM events WHERE date BETWEEN ?1 AND ?2 AND deleted_at IS NULL ORDER BY date, id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![date_str(from), date_str(to)], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
