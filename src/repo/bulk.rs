//! Writing many records in one transaction (the demo journal, benchmarks): all or nothing,
//! with medications, exercises and programmes referred to by name.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Transaction, params};

use super::activities::insert_activity_tx;
use super::checkins::save_checkin_tx;
use super::connection::Repo;
use super::error::{RepoError, Result};
use super::rehab::{insert_exercise_tx, insert_session_tx};
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::*;

/// Records to write together. Doses name their medication, sessions and programme items their
/// exercises, sessions their programme; ids are filled in on the way.
#[derive(Debug, Default)]
pub struct Batch {
    pub dated_settings: Vec<DatedSetting>,
    pub checkins: Vec<Checkin>,
    pub activities: Vec<Activity>,
    pub medications: Vec<Medication>,
    pub doses: Vec<Dose>,
    pub events: Vec<Event>,
    pub exercises: Vec<Exercise>,
    pub programmes: Vec<Programme>,
    pub sessions: Vec<RehabSession>,
    pub psfs: Vec<(String, NaiveDate, u8)>,
}

impl Batch {
    /// Records in the batch, for progress messages.
    pub fn len(&self) -> usize {
        self.checkins.len()
            + self.activities.len()
            + self.doses.len()
            + self.events.len()
            + self.sessions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Repo {
    /// Writes the whole batch in one IMMEDIATE transaction.
    pub fn insert_batch(&mut self, b: &Batch) -> Result<()> {
        self.write(|tx| {
            let now = utc_stamp();
            for d in &b.dated_settings {
                tx.execute(
                    "INSERT INTO dated_settings (uuid, key, from_date, value, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?5)",
                    params![new_uuid(), d.key, date_str(d.from), d.value, now],
                )?;
            }
            for c in &b.checkins {
                save_checkin_tx(tx, c)?;
            }
            for a in &b.activities {
                insert_activity_tx(tx, a)?;
            }
            medications_and_doses(tx, b, &now)?;
            for e in &b.events {
                tx.execute(
                    "INSERT INTO events (uuid, date, kind, title, note, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?6)",
                    params![new_uuid(), date_str(e.date), e.kind.as_str(), e.title, e.note, now],
                )?;
            }
            let mut exercises = HashMap::new();
            for e in &b.exercises {
                exercises.insert(e.name.clone(), insert_exercise_tx(tx, e)?.id);
            }
            tx.execute(
                "INSERT INTO settings (uuid, key, value, created_at, updated_at) VALUES (?1,'exercise_library_seeded','1',?2,?2)",
                params![new_uuid(), now],
            )?;
            rehab(tx, b, &exercises, &now)?;
            psfs(tx, b, &now)?;
            Ok(())
        })
    }
}

/// The medications, then their doses by medication name.
fn medications_and_doses(tx: &Transaction, b: &Batch, now: &str) -> Result<()> {
    let mut meds = HashMap::new();
    for m in &b.medications {
        tx.execute(
            "INSERT INTO medications (uuid, name, class, unit, usual_dose, max_daily, as_needed, times_a_day,
             course_start, course_end, note, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?12)",
            params![new_uuid(), m.name, m.class.as_str(), m.unit, m.usual_dose, m.max_daily, m.as_needed, m.times_a_day,
                m.course_start.map(date_str), m.course_end.map(date_str), m.note, now],
        )?;
        meds.insert(m.name.clone(), tx.last_insert_rowid());
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO doses (uuid, medication_id, taken_at, date, amount, pain_before, note, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?8)",
    )?;
    for d in &b.doses {
        let mid = meds.get(&d.medication).ok_or_else(|| {
            RepoError::NotFound(format!(
                "batch dose names unknown medication {}",
                d.medication
            ))
        })?;
        st.execute(params![
            new_uuid(),
            mid,
            datetime_str(d.taken_at),
            date_str(d.taken_at.date()),
            d.amount,
            d.pain_before,
            d.note,
            now
        ])?;
    }
    Ok(())
}

/// The programmes (their items by exercise name), then the sessions by programme name.
fn rehab(tx: &Transaction, b: &Batch, exercises: &HashMap<String, i64>, now: &str) -> Result<()> {
    let ex_id = |name: &str| {
        exercises
            .get(name)
            .copied()
            .ok_or_else(|| RepoError::NotFound(format!("batch names unknown exercise {name}")))
    };
    let mut programmes = HashMap::new();
    for p in &b.programmes {
        tx.execute(
            "INSERT INTO programmes (uuid, name, active_from, active_to, target_per_week, note, created_at, updated_at)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?7)",
            params![new_uuid(), p.name, date_str(p.active_from), p.active_to.map(date_str), p.target_per_week, p.note, now],
        )?;
        let pid = tx.last_insert_rowid();
        programmes.insert(p.name.clone(), pid);
        for (pos, it) in p.items.iter().enumerate() {
            tx.execute(
                "INSERT INTO programme_items (uuid, programme_id, exercise_id, position, sets, reps, hold_s, load_kg, created_at, updated_at)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?9)",
                params![new_uuid(), pid, ex_id(&it.exercise)?, pos as i64, it.sets, it.reps, it.hold_s, it.load_kg, now],
            )?;
        }
    }
    for s in &b.sessions {
        let mut s = s.clone();
        s.programme_id = s
            .programme
            .as_ref()
            .and_then(|n| programmes.get(n).copied());
        for it in &mut s.items {
            it.exercise_id = ex_id(&it.exercise)?;
        }
        insert_session_tx(tx, &s)?;
    }
    Ok(())
}

/// The PSFS items by name, each with its ratings.
fn psfs(tx: &Transaction, b: &Batch, now: &str) -> Result<()> {
    let mut items = HashMap::new();
    for (name, date, score) in &b.psfs {
        let item = match items.get(name) {
            Some(id) => *id,
            None => {
                tx.execute("INSERT INTO psfs_items (uuid, name, created_at, updated_at) VALUES (?1,?2,?3,?3)", params![new_uuid(), name, now])?;
                let id = tx.last_insert_rowid();
                items.insert(name.clone(), id);
                id
            }
        };
        tx.execute(
            "INSERT INTO psfs_ratings (uuid, item_id, date, score, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?5)",
            params![new_uuid(), item, date_str(*date), score, now],
        )?;
    }
    Ok(())
}
