//! Outcome scores and their schedules (SPEC §14): one row per score as entered, one live
//! schedule per instrument. Deleting a score is the soft delete of `records`.

use rusqlite::{OptionalExtension, Row, params};

use super::connection::Repo;
use super::error::Result;
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::scores::{Instrument, Schedule, Score};

const COLS: &str = "id, uuid, instrument, date, value, psych, note";

fn instrument_col(col: usize, s: &str) -> rusqlite::Result<Instrument> {
    Instrument::parse(s).map_err(|e| conv_err(col, e))
}

fn from_row(r: &Row) -> rusqlite::Result<Score> {
    Ok(Score {
        id: r.get(0)?,
        uuid: r.get(1)?,
        instrument: instrument_col(2, &r.get::<_, String>(2)?)?,
        date: parse_date_col(3, &r.get::<_, String>(3)?)?,
        value: r.get(4)?,
        psych: r.get(5)?,
        note: r.get(6)?,
    })
}

impl Repo {
    /// Stores a score (already checked against its instrument); returns it with id and uuid.
    pub fn add_score(&mut self, s: &Score) -> Result<Score> {
        // The one check every way in passes (`domain::scores::check_score`).
        crate::domain::scores::check_score(s.instrument, s.value, s.psych)?;
        self.write(|tx| {
            let now = utc_stamp();
            let uuid = if s.uuid.is_empty() {
                new_uuid()
            } else {
                s.uuid.clone()
            };
            tx.execute(
                "INSERT INTO scores (uuid, instrument, date, value, psych, note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![uuid, s.instrument.as_str(), date_str(s.date), s.value, s.psych, s.note, now],
            )?;
            Ok(Score {
                id: tx.last_insert_rowid(),
                uuid,
                ..s.clone()
            })
        })
    }

    pub fn score_by_id(&self, id: i64) -> Result<Option<Score>> {
        let sql = format!("SELECT {COLS} FROM scores WHERE id = ?1 AND deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], from_row).optional()?)
    }

    /// Every live score, oldest first (by date, then as entered).
    pub fn scores(&self) -> Result<Vec<Score>> {
        let sql = format!("SELECT {COLS} FROM scores WHERE deleted_at IS NULL ORDER BY date, id");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets how often an instrument is due: updates the live schedule or starts one.
    pub fn set_schedule(&mut self, instrument: Instrument, every_days: u32) -> Result<Schedule> {
        self.write(|tx| {
            let now = utc_stamp();
            let live: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, uuid FROM score_schedules WHERE instrument = ?1 AND deleted_at IS NULL",
                    [instrument.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (id, uuid) = match live {
                Some((id, uuid)) => {
                    tx.execute(
                        "UPDATE score_schedules SET every_days = ?1, updated_at = ?2 WHERE id = ?3",
                        params![every_days, now, id],
                    )?;
                    (id, uuid)
                }
                None => {
                    let uuid = new_uuid();
                    tx.execute(
                        "INSERT INTO score_schedules (uuid, instrument, every_days, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?4)",
                        params![uuid, instrument.as_str(), every_days, now],
                    )?;
                    (tx.last_insert_rowid(), uuid)
                }
            };
            Ok(Schedule {
                id,
                uuid,
                instrument,
                every_days,
            })
        })
    }

    /// Ends an instrument's schedule (kept as a deleted row, so an export still carries it);
    /// false when it had none.
    pub fn stop_schedule(&mut self, instrument: Instrument) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE score_schedules SET deleted_at = ?1, updated_at = ?1
                 WHERE instrument = ?2 AND deleted_at IS NULL",
                params![utc_stamp(), instrument.as_str()],
            )?;
            Ok(n > 0)
        })
    }

    /// The live schedules, in the instruments' order.
    pub fn schedules(&self) -> Result<Vec<Schedule>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uuid, instrument, every_days FROM score_schedules WHERE deleted_at IS NULL",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Schedule {
                id: r.get(0)?,
                uuid: r.get(1)?,
                instrument: instrument_col(2, &r.get::<_, String>(2)?)?,
                every_days: r.get(3)?,
            })
        })?;
        let mut v: Vec<Schedule> = rows.collect::<rusqlite::Result<_>>()?;
        v.sort_by_key(|s| s.instrument);
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::RepoError;

    fn score(instrument: Instrument, value: f64, psych: Option<u8>) -> Score {
        Score {
            id: 0,
            uuid: String::new(),
            instrument,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            value,
            psych,
            note: None,
        }
    }

    #[test]
    fn the_insert_itself_refuses_what_score_add_refuses() {
        let mut r = Repo::open_in_memory().unwrap();
        for (s, field) in [
            (score(Instrument::Rmdq, 30.0, None), "rmdq value"),
            (score(Instrument::Rmdq, 7.5, None), "rmdq value"),
            (score(Instrument::Odi, f64::NAN, None), "odi value"),
            (score(Instrument::Startback, 5.0, None), "psych"),
            (score(Instrument::Startback, 5.0, Some(9)), "psych"),
            (score(Instrument::Peg, 5.0, Some(2)), "psych"),
        ] {
            match r.add_score(&s) {
                Err(RepoError::Input(e)) => assert_eq!(e.field, field, "{s:?}"),
                other => panic!("{s:?} stored: {other:?}"),
            }
        }
        assert!(r.scores().unwrap().is_empty());
        let ok = r
            .add_score(&score(Instrument::Startback, 5.0, Some(4)))
            .unwrap();
        assert_eq!((ok.id, r.scores().unwrap().len()), (1, 1));
    }
}
