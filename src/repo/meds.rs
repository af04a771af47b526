//! Medications and doses (SPEC §4.4): the catalogue, doses taken, and the day's totals the
//! daily-max refusal rests on.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::connection::Repo;
use super::dose_rule::{Drugs, Ruled, within_max};
use super::error::{RepoError, Result};
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::{Dose, Medication, drug_key};
use crate::domain::vocab::MedClass;

const MED_COLS: &str = "id, uuid, name, class, unit, usual_dose, max_daily, as_needed, \
    times_a_day, course_start, course_end, note";

fn med_from_row(r: &Row) -> rusqlite::Result<Medication> {
    Ok(Medication {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        class: vocab_col(r, 3, MedClass::parse)?,
        unit: r.get(4)?,
        usual_dose: r.get(5)?,
        max_daily: r.get(6)?,
        as_needed: r.get(7)?,
        times_a_day: r.get(8)?,
        course_start: opt_date(r, 9)?,
        course_end: opt_date(r, 10)?,
        note: r.get(11)?,
    })
}

pub(super) const DOSE_SELECT: &str = "SELECT d.id, d.uuid, d.taken_at, d.medication_id, m.name, m.class, \
    m.unit, d.amount, d.pain_before, d.note FROM doses d JOIN medications m ON m.id = d.medication_id";

pub(super) fn dose_from_row(r: &Row) -> rusqlite::Result<Dose> {
    Ok(Dose {
        id: r.get(0)?,
        uuid: r.get(1)?,
        taken_at: parse_datetime_col(2, &r.get::<_, String>(2)?)?,
        medication_id: r.get(3)?,
        medication: r.get(4)?,
        class: vocab_col(r, 5, MedClass::parse)?,
        unit: r.get(6)?,
        amount: r.get(7)?,
        pain_before: r.get(8)?,
        note: r.get(9)?,
    })
}

impl Repo {
    /// Adds a medication; names are unique (case-insensitive) among live ones. Rows of the
    /// same drug in the trash are not checked here: [`Repo::add_medication_checked`] is the
    /// front ends' way in; this one stands for a row arriving as it was (a merge).
    pub fn add_medication(&mut self, m: &Medication) -> Result<Medication> {
        if self.medication_by_name(&m.name)?.is_some() {
            return Err(RepoError::Conflict(format!(
                "a medication named '{}' exists already; use `backtrack edit` to change it",
                m.name
            )));
        }
        self.write(|tx| insert_medication(tx, m))
    }

    /// Adds a medication unless a row of the same drug ([`drug_key`]) is in the catalogue or
    /// the trash; the check and the insert are one IMMEDIATE transaction, so two adds at once
    /// cannot both pass.
    pub fn add_medication_checked(&mut self, m: &Medication) -> Result<MedWrite> {
        self.write(|tx| match same_drug(tx, &m.name, None)? {
            Some(other) => Ok(MedWrite::SameDrug(other)),
            None => Ok(MedWrite::Saved(insert_medication(tx, m)?)),
        })
    }

    pub fn update_medication(&mut self, m: &Medication) -> Result<()> {
        self.write(|tx| update_row(tx, m).map(|_| ()))
    }

    /// Replaces a live catalogue row, refusing a rename onto another row's drug (live or
    /// trashed). Rows that already share a drug (merged from another device) can still be
    /// edited as long as the name keeps its drug.
    pub fn update_medication_checked(&mut self, m: &Medication) -> Result<MedWrite> {
        self.write(|tx| {
            let old: Option<String> = tx
                .query_row(
                    "SELECT name FROM medications WHERE id=?1 AND deleted_at IS NULL",
                    [m.id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(old) = old else {
                return Err(RepoError::NotFound(format!(
                    "no live medication m{}; `backtrack list` shows IDs",
                    m.id
                )));
            };
            if drug_key(&old) != drug_key(&m.name)
                && let Some(other) = same_drug(tx, &m.name, Some(m.id))?
            {
                return Ok(MedWrite::SameDrug(other));
            }
            update_row(tx, m)?;
            Ok(MedWrite::Saved(m.clone()))
        })
    }

    pub fn medications(&self) -> Result<Vec<Medication>> {
        let sql = format!(
            "SELECT {MED_COLS} FROM medications WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], med_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn medication_by_name(&self, name: &str) -> Result<Option<Medication>> {
        let sql = format!(
            "SELECT {MED_COLS} FROM medications WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL"
        );
        Ok(self
            .conn
            .query_row(&sql, [name.trim()], med_from_row)
            .optional()?)
    }

    pub fn medication_by_id(&self, id: i64) -> Result<Option<Medication>> {
        let sql =
            format!("SELECT {MED_COLS} FROM medications WHERE id = ?1 AND deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], med_from_row).optional()?)
    }

    /// Total amount of a medication's drug taken on a date: live doses of every catalogue row
    /// with the same drug name and unit, trashed rows included (see [`drug_rows`]).
    pub fn day_total(&self, medication_id: i64, date: NaiveDate) -> Result<f64> {
        let (ids, _) = drug_rows(&self.conn, medication_id)?;
        drug_day_total(&self.conn, &ids, date)
    }

    /// The day's total of a medication's drug and the max in force for it (the strictest
    /// among the live rows of that drug), as [`Repo::add_dose_checked`] counts them.
    pub fn drug_day(&self, medication_id: i64, date: NaiveDate) -> Result<(f64, Option<f64>)> {
        let (ids, max) = drug_rows(&self.conn, medication_id)?;
        Ok((drug_day_total(&self.conn, &ids, date)?, max))
    }

    /// A catalogue row other than `except`, live or in the trash, whose drug name matches
    /// `name` (case- and space-insensitive). Live rows come first.
    pub fn medication_same_drug(
        &self,
        name: &str,
        except: Option<i64>,
    ) -> Result<Option<SameDrug>> {
        same_drug(&self.conn, name, except)
    }

    /// A dose stored as it is, past the daily-max rule: for tests that build a day over it.
    /// Every front end writes through [`Repo::add_dose_checked`].
    #[cfg(test)]
    pub(crate) fn add_dose(&mut self, d: &Dose) -> Result<Dose> {
        self.write(|tx| insert_dose(tx, d))
    }

    /// Adds a dose unless it takes the day's total of its drug (every catalogue row with the
    /// same name and unit, see [`drug_rows`]) over the max daily total (`force` stores it
    /// anyway). The total is read and the dose inserted in one
    /// IMMEDIATE transaction, so two takes at once cannot both pass the max.
    pub fn add_dose_checked(&mut self, d: &Dose, force: bool) -> Result<DoseWrite> {
        self.write(|tx| {
            let ruled = within_max(tx, &[d.taken_at.date()], force, |tx| insert_dose(tx, d))?;
            dose_write(tx, ruled)
        })
    }

    pub fn dose_by_id(&self, id: i64) -> Result<Option<Dose>> {
        let sql = format!("{DOSE_SELECT} WHERE d.id=?1 AND d.deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], dose_from_row).optional()?)
    }

    /// Live doses with a date in [from, to], oldest first.
    pub fn doses_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Dose>> {
        let sql = format!(
            "{DOSE_SELECT} WHERE d.date BETWEEN ?1 AND ?2 AND d.deleted_at IS NULL ORDER BY d.taken_at, d.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![date_str(from), date_str(to)], dose_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A catalogue row of the same drug as a name being added or renamed to.
#[derive(Debug, Clone, PartialEq)]
pub struct SameDrug {
    pub med: Medication,
    pub trashed: bool,
}

/// What a checked catalogue write did.
#[derive(Debug, Clone, PartialEq)]
pub enum MedWrite {
    Saved(Medication),
    /// Refused, nothing written: this row is the same drug already.
    SameDrug(SameDrug),
}

fn same_drug(
    conn: &rusqlite::Connection,
    name: &str,
    except: Option<i64>,
) -> Result<Option<SameDrug>> {
    let key = drug_key(name);
    if key.is_empty() {
        return Ok(None);
    }
    let sql = format!(
        "SELECT {MED_COLS}, deleted_at IS NOT NULL FROM medications
         ORDER BY deleted_at IS NOT NULL, id"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([], |r| {
        Ok(SameDrug {
            med: med_from_row(r)?,
            trashed: r.get(12)?,
        })
    })?;
    for row in rows {
        let row = row?;
        if Some(row.med.id) != except && drug_key(&row.med.name) == key {
            return Ok(Some(row));
        }
    }
    Ok(None)
}

/// The live row of the same drug as trashed medication `id`, which restoring `id` would
/// duplicate (see `Repo::restore`).
pub(super) fn live_same_drug(conn: &rusqlite::Connection, id: i64) -> Result<Option<Medication>> {
    let name: Option<String> = conn
        .query_row("SELECT name FROM medications WHERE id=?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(name) = name else { return Ok(None) };
    Ok(same_drug(conn, &name, Some(id))?
        .filter(|s| !s.trashed)
        .map(|s| s.med))
}

fn insert_medication(tx: &rusqlite::Transaction, m: &Medication) -> Result<Medication> {
    let uuid = if m.uuid.is_empty() {
        new_uuid()
    } else {
        m.uuid.clone()
    };
    tx.execute(
        "INSERT INTO medications (uuid, name, class, unit, usual_dose, max_daily, as_needed,
         times_a_day, course_start, course_end, note, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?12)",
        params![
            uuid,
            m.name,
            m.class.as_str(),
            m.unit,
            m.usual_dose,
            m.max_daily,
            m.as_needed,
            m.times_a_day,
            m.course_start.map(date_str),
            m.course_end.map(date_str),
            m.note,
            utc_stamp()
        ],
    )?;
    Ok(Medication {
        id: tx.last_insert_rowid(),
        uuid,
        ..m.clone()
    })
}

fn update_row(tx: &rusqlite::Transaction, m: &Medication) -> Result<usize> {
    Ok(tx.execute(
        "UPDATE medications SET name=?1, class=?2, unit=?3, usual_dose=?4, max_daily=?5,
         as_needed=?6, times_a_day=?7, course_start=?8, course_end=?9, note=?10, updated_at=?11
         WHERE id=?12 AND deleted_at IS NULL",
        params![
            m.name,
            m.class.as_str(),
            m.unit,
            m.usual_dose,
            m.max_daily,
            m.as_needed,
            m.times_a_day,
            m.course_start.map(date_str),
            m.course_end.map(date_str),
            m.note,
            utc_stamp(),
            m.id
        ],
    )?)
}

/// What [`Repo::add_dose_checked`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum DoseWrite {
    /// Stored; the day's total with it, and the max in force.
    Saved {
        dose: Dose,
        day_total: f64,
        max: Option<f64>,
    },
    /// Refused, nothing written: the day's total before it would pass `max`.
    OverMax { before: f64, max: f64 },
}

/// The catalogue rows that are the same drug as `medication_id` and the max in force for
/// it, as the daily-max rule counts them (see [`super::dose_rule`]).
pub(super) fn drug_rows(
    conn: &rusqlite::Connection,
    medication_id: i64,
) -> Result<(Vec<i64>, Option<f64>)> {
    Ok(Drugs::read(conn)?.rows_of(medication_id))
}

/// A dose write's outcome under the daily-max rule, with the day's total of its drug as the
/// write left it.
pub(super) fn dose_write(tx: &rusqlite::Transaction, r: Ruled<Dose>) -> Result<DoseWrite> {
    Ok(match r {
        Ruled::Done(dose) => {
            let (ids, max) = drug_rows(tx, dose.medication_id)?;
            let day_total = drug_day_total(tx, &ids, dose.taken_at.date())?;
            DoseWrite::Saved {
                dose,
                day_total,
                max,
            }
        }
        Ruled::Over(dose, over) => DoseWrite::OverMax {
            before: over.after - dose.amount,
            max: over.max,
        },
    })
}

/// Brings dose `id` back from the trash by the same rule as taking it: refused when it
/// takes its day's total over the max (`force` restores it anyway), read and restored in
/// the caller's transaction. Ok(None) when no dose `id` is in the trash.
pub(super) fn restore_dose(
    tx: &rusqlite::Transaction,
    id: i64,
    force: bool,
) -> Result<Option<(Dose, DoseWrite)>> {
    let sql = format!("{DOSE_SELECT} WHERE d.id=?1 AND d.deleted_at IS NOT NULL");
    let Some(dose) = tx.query_row(&sql, [id], dose_from_row).optional()? else {
        return Ok(None);
    };
    let ruled = within_max(tx, &[dose.taken_at.date()], force, |tx| {
        tx.execute(
            "UPDATE doses SET deleted_at=NULL, updated_at=?1 WHERE id=?2",
            params![utc_stamp(), dose.id],
        )?;
        Ok(dose.clone())
    })?;
    Ok(Some((dose, dose_write(tx, ruled)?)))
}

/// Live doses of `ids` on `date`, summed.
pub(super) fn drug_day_total(
    conn: &rusqlite::Connection,
    ids: &[i64],
    date: NaiveDate,
) -> Result<f64> {
    let mut st = conn.prepare_cached(
        "SELECT medication_id, amount FROM doses WHERE date=?1 AND deleted_at IS NULL",
    )?;
    let rows = st.query_map([date_str(date)], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
    })?;
    let mut total = 0.0;
    for row in rows {
        let (id, amount) = row?;
        if ids.contains(&id) {
            total += amount;
        }
    }
    Ok(total)
}

fn insert_dose(tx: &rusqlite::Transaction, d: &Dose) -> Result<Dose> {
    let uuid = if d.uuid.is_empty() {
        new_uuid()
    } else {
        d.uuid.clone()
    };
    tx.prepare_cached(
        "INSERT INTO doses (uuid, medication_id, taken_at, date, amount, pain_before, note,
         created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?8)",
    )?
    .execute(params![
        uuid,
        d.medication_id,
        datetime_str(d.taken_at),
        date_str(d.taken_at.date()),
        d.amount,
        d.pain_before,
        d.note,
        utc_stamp()
    ])?;
    Ok(Dose {
        id: tx.last_insert_rowid(),
        uuid,
        ..d.clone()
    })
}
