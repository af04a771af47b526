//! Rehab (SPEC §4.3): the exercise library (seeded with common names on first use),
//! programmes with their ordered prescriptions, and logged sessions.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::connection::Repo;
use super::error::{RepoError, Result};
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::{Exercise, Programme, ProgrammeItem, RehabSession, SessionItem};
use crate::domain::vocab::ExerciseKind;

/// (name, kind, sets, reps, hold seconds, per side).
pub type DefaultExercise = (
    &'static str,
    ExerciseKind,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    bool,
);

/// The names a fresh journal offers (SPEC §4.3), with a common starting prescription.
pub const DEFAULT_EXERCISES: &[DefaultExercise] = &[
    (
        "bird dog",
        ExerciseKind::Strength,
        Some(3),
        Some(10),
        None,
        true,
    ),
    (
        "dead bug",
        ExerciseKind::Strength,
        Some(3),
        Some(10),
        None,
        false,
    ),
    (
        "glute bridge",
        ExerciseKind::Strength,
        Some(3),
        Some(12),
        None,
        false,
    ),
    (
        "side plank",
        ExerciseKind::Strength,
        Some(3),
        None,
        Some(30),
        true,
    ),
    (
        "curl-up",
        ExerciseKind::Strength,
        Some(3),
        Some(10),
        None,
        false,
    ),
    (
        "cat-camel",
        ExerciseKind::Mobility,
        Some(1),
        Some(10),
        None,
        false,
    ),
    (
        "hip-flexor stretch",
        ExerciseKind::Stretch,
        Some(2),
        None,
        Some(30),
        true,
    ),
    (
        "hamstring stretch",
        ExerciseKind::Stretch,
        Some(2),
        None,
        Some(30),
        true,
    ),
    (
        "goblet squat",
        ExerciseKind::Strength,
        Some(3),
        Some(10),
        None,
        false,
    ),
    (
        "deadlift",
        ExerciseKind::Strength,
        Some(3),
        Some(8),
        None,
        false,
    ),
    (
        "single-leg squat",
        ExerciseKind::Strength,
        Some(3),
        Some(8),
        None,
        true,
    ),
    ("swimming", ExerciseKind::Cardio, None, None, None, false),
];

const EX_COLS: &str = "id, uuid, name, kind, sets, reps, hold_s, per_side, cues, load_kg";

fn exercise_from_row(r: &Row) -> rusqlite::Result<Exercise> {
    Ok(Exercise {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        kind: vocab_col(r, 3, ExerciseKind::parse)?,
        sets: r.get(4)?,
        reps: r.get(5)?,
        hold_s: r.get(6)?,
        per_side: r.get(7)?,
        cues: r.get(8)?,
        load_kg: r.get(9)?,
    })
}

impl Repo {
    /// Seeds the default library once, the first time rehab is used; a library the user has
    /// emptied on purpose stays empty (the marker is a setting).
    pub fn ensure_exercise_library(&mut self) -> Result<()> {
        self.seed_exercise_library().map(|_| ())
    }

    /// Seeds the library if it was never seeded; returns the uuids written (the exercises and
    /// the marker), empty when there was nothing to do.
    fn seed_exercise_library(&mut self) -> Result<Vec<String>> {
        if self.plain("exercise_library_seeded")?.is_some() {
            return Ok(Vec::new());
        }
        self.write(|tx| {
            let mut written = Vec::new();
            let n: i64 = tx.query_row("SELECT count(*) FROM exercises", [], |r| r.get(0))?;
            if n == 0 {
                for (name, kind, sets, reps, hold, per_side) in DEFAULT_EXERCISES {
                    let e = Exercise {
                        id: 0, uuid: String::new(), name: name.to_string(), kind: *kind,
                        sets: *sets, reps: *reps, load_kg: None, hold_s: *hold, per_side: *per_side, cues: None,
                    };
                    written.push(insert_exercise_tx(tx, &e)?.uuid);
                }
            }
            let marker = new_uuid();
            tx.execute(
                "INSERT INTO settings (uuid, key, value, created_at, updated_at) VALUES (?1, 'exercise_library_seeded', '1', ?2, ?2)",
                params![marker, utc_stamp()],
            )?;
            written.push(marker);
            Ok(written)
        })
    }

    /// Runs `f` with the default library in place (seeding it the first time rehab is used);
    /// when `f` fails, a library seeded for it is taken out again, so a refused command leaves
    /// the journal as it found it. Only the rows this call wrote are removed, and only while
    /// nothing refers to them.
    pub fn with_exercise_library<T, E: From<RepoError>>(
        &mut self,
        f: impl FnOnce(&mut Repo) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let seeded = self.seed_exercise_library()?;
        let out = f(self);
        if out.is_err() && !seeded.is_empty() {
            self.write(|tx| {
                for uuid in &seeded {
                    tx.execute(
                        "DELETE FROM exercises WHERE uuid=?1
                           AND id NOT IN (SELECT exercise_id FROM programme_items)
                           AND id NOT IN (SELECT exercise_id FROM rehab_session_items)",
                        [uuid],
                    )?;
                    tx.execute(
                        "DELETE FROM settings WHERE uuid=?1 AND key='exercise_library_seeded'",
                        [uuid],
                    )?;
                    // Rows this call wrote and took out again were never anywhere else: no
                    // tombstone for a sync or an export to carry.
                    tx.execute(
                        "DELETE FROM sync_stamps WHERE uuid=?1 AND purged=1 AND device='' AND dirty=1
                           AND base_hlc IS NULL AND tbl IN ('exercises', 'settings')",
                        [uuid],
                    )?;
                }
                Ok(())
            })?;
        }
        out
    }

    pub fn exercises(&self) -> Result<Vec<Exercise>> {
        let sql = format!("SELECT {EX_COLS} FROM exercises WHERE deleted_at IS NULL ORDER BY name");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], exercise_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn exercise_by_name(&self, name: &str) -> Result<Option<Exercise>> {
        let sql = format!(
            "SELECT {EX_COLS} FROM exercises WHERE name=?1 COLLATE NOCASE AND deleted_at IS NULL"
        );
        Ok(self
            .conn
            .query_row(&sql, [name.trim()], exercise_from_row)
            .optional()?)
    }

    pub fn exercise_by_id(&self, id: i64) -> Result<Option<Exercise>> {
        let sql = format!("SELECT {EX_COLS} FROM exercises WHERE id=?1 AND deleted_at IS NULL");
        Ok(self
            .conn
            .query_row(&sql, [id], exercise_from_row)
            .optional()?)
    }

    pub fn add_exercise(&mut self, e: &Exercise) -> Result<Exercise> {
        if self.exercise_by_name(&e.name)?.is_some() {
            return Err(RepoError::Conflict(format!(
                "an exercise named '{}' exists already",
                e.name
            )));
        }
        self.write(|tx| insert_exercise_tx(tx, e))
    }

    pub fn update_exercise(&mut self, e: &Exercise) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE exercises SET name=?1, kind=?2, sets=?3, reps=?4, hold_s=?5, per_side=?6, cues=?7,
                 updated_at=?8, load_kg=?10 WHERE id=?9 AND deleted_at IS NULL",
                params![e.name, e.kind.as_str(), e.sets, e.reps, e.hold_s, e.per_side, e.cues, utc_stamp(), e.id, e.load_kg],
            )?;
            Ok(())
        })
    }

    /// Adds a programme with its ordered items.
    pub fn add_programme(&mut self, p: &Programme) -> Result<Programme> {
        self.write(|tx| {
            let uuid = if p.uuid.is_empty() { new_uuid() } else { p.uuid.clone() };
            let now = utc_stamp();
            tx.execute(
                "INSERT INTO programmes (uuid, name, active_from, active_to, target_per_week, note, created_at, updated_at)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?7)",
                params![uuid, p.name, date_str(p.active_from), p.active_to.map(date_str), p.target_per_week, p.note, now],
            )?;
            let id = tx.last_insert_rowid();
            for (pos, it) in p.items.iter().enumerate() {
                tx.execute(
                    "INSERT INTO programme_items (uuid, programme_id, exercise_id, position, sets, reps, hold_s, load_kg, created_at, updated_at)
                     VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?9)",
                    params![new_uuid(), id, it.exercise_id, pos as i64, it.sets, it.reps, it.hold_s, it.load_kg, now],
                )?;
            }
            Ok(Programme { id, uuid, ..p.clone() })
        })
    }

    /// Updates a programme's dates, target and note (its items stay).
    pub fn update_programme(&mut self, p: &Programme) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE programmes SET name=?1, active_from=?2, active_to=?3, target_per_week=?4, note=?5, updated_at=?6
                 WHERE id=?7 AND deleted_at IS NULL",
                params![p.name, date_str(p.active_from), p.active_to.map(date_str), p.target_per_week, p.note, utc_stamp(), p.id],
            )?;
            Ok(())
        })
    }

    pub fn programmes(&self) -> Result<Vec<Programme>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uuid, name, active_from, active_to, target_per_week, note FROM programmes
             WHERE deleted_at IS NULL ORDER BY active_from, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Programme {
                id: r.get(0)?,
                uuid: r.get(1)?,
                name: r.get(2)?,
                active_from: parse_date_col(3, &r.get::<_, String>(3)?)?,
                active_to: opt_date(r, 4)?,
                target_per_week: r.get(5)?,
                note: r.get(6)?,
                items: Vec::new(),
            })
        })?;
        let mut list: Vec<Programme> = rows.collect::<rusqlite::Result<_>>()?;
        let mut items = self.conn.prepare_cached(
            "SELECT pi.exercise_id, e.name, pi.sets, pi.reps, pi.hold_s, pi.load_kg FROM programme_items pi
             JOIN exercises e ON e.id = pi.exercise_id
             WHERE pi.programme_id=?1 AND pi.deleted_at IS NULL ORDER BY pi.position",
        )?;
        for p in &mut list {
            let rows = items.query_map([p.id], |r| {
                Ok(ProgrammeItem {
                    exercise_id: r.get(0)?,
                    exercise: r.get(1)?,
                    sets: r.get(2)?,
                    reps: r.get(3)?,
                    hold_s: r.get(4)?,
                    load_kg: r.get(5)?,
                })
            })?;
            p.items = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(list)
    }

    /// The programmes active on `date`.
    pub fn active_programmes(&self, date: NaiveDate) -> Result<Vec<Programme>> {
        Ok(self
            .programmes()?
            .into_iter()
            .filter(|p| p.active_from <= date && p.active_to.is_none_or(|t| t >= date))
            .collect())
    }

    pub fn add_rehab_session(&mut self, s: &RehabSession) -> Result<RehabSession> {
        self.write(|tx| insert_session_tx(tx, s))
    }

    pub fn rehab_session_by_id(&self, id: i64) -> Result<Option<RehabSession>> {
        let mut v = self.sessions_where("s.id = ?1", params![id])?;
        Ok(v.pop())
    }

    /// Stores an edited session whole: its own fields and its exercises, in one transaction
    /// (see `rehab_items` for how the exercise rows keep their uuids).
    pub fn update_rehab_session(&mut self, s: &RehabSession) -> Result<()> {
        self.write(|tx| {
            let now = utc_stamp();
            let n = tx.execute(
                "UPDATE rehab_sessions SET date=?1, minutes=?2, pain_before=?3, pain_after=?4, note=?5, updated_at=?6
                 WHERE id=?7 AND deleted_at IS NULL",
                params![date_str(s.date), s.minutes, s.pain_before, s.pain_after, s.note, now, s.id],
            )?;
            if n == 0 {
                return Err(RepoError::NotFound(format!(
                    "no rehab session r{} live (deleted elsewhere?); nothing was saved; `backtrack trash` lists deleted records",
                    s.id
                )));
            }
            super::rehab_items::replace_items_tx(tx, s.id, &s.items, &now)
        })
    }

    /// Live rehab sessions in [from, to], oldest first, with their exercises.
    pub fn rehab_sessions_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<RehabSession>> {
        self.sessions_where(
            "s.date BETWEEN ?1 AND ?2",
            params![date_str(from), date_str(to)],
        )
    }

    fn sessions_where(&self, cond: &str, p: &[&dyn rusqlite::ToSql]) -> Result<Vec<RehabSession>> {
        let sql = format!(
            "SELECT s.id, s.uuid, s.date, s.programme_id, p.name, s.minutes, s.pain_before, s.pain_after, s.note
             FROM rehab_sessions s LEFT JOIN programmes p ON p.id = s.programme_id
             WHERE {cond} AND s.deleted_at IS NULL ORDER BY s.date, s.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(p, |r| {
            Ok(RehabSession {
                id: r.get(0)?,
                uuid: r.get(1)?,
                date: parse_date_col(2, &r.get::<_, String>(2)?)?,
                programme_id: r.get(3)?,
                programme: r.get(4)?,
                minutes: r.get(5)?,
                pain_before: r.get(6)?,
                pain_after: r.get(7)?,
                note: r.get(8)?,
                items: Vec::new(),
            })
        })?;
        let mut list: Vec<RehabSession> = rows.collect::<rusqlite::Result<_>>()?;
        let mut items = self.conn.prepare_cached(
            "SELECT si.exercise_id, e.name, si.sets, si.reps, si.load_kg, si.hold_s FROM rehab_session_items si
             JOIN exercises e ON e.id = si.exercise_id WHERE si.session_id=?1 AND si.deleted_at IS NULL ORDER BY si.id",
        )?;
        for s in &mut list {
            let rows = items.query_map([s.id], |r| {
                Ok(SessionItem {
                    exercise_id: r.get(0)?,
                    exercise: r.get(1)?,
                    sets: r.get(2)?,
                    reps: r.get(3)?,
                    load_kg: r.get(4)?,
                    hold_s: r.get(5)?,
                })
            })?;
            s.items = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(list)
    }
}

pub(crate) fn insert_exercise_tx(tx: &Transaction, e: &Exercise) -> Result<Exercise> {
    let uuid = if e.uuid.is_empty() {
        new_uuid()
    } else {
        e.uuid.clone()
    };
    tx.execute(
        "INSERT INTO exercises (uuid, name, kind, sets, reps, hold_s, per_side, cues, load_kg, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?10)",
        params![uuid, e.name, e.kind.as_str(), e.sets, e.reps, e.hold_s, e.per_side, e.cues, e.load_kg, utc_stamp()],
    )?;
    Ok(Exercise {
        id: tx.last_insert_rowid(),
        uuid,
        ..e.clone()
    })
}

pub(crate) fn insert_session_tx(tx: &Transaction, s: &RehabSession) -> Result<RehabSession> {
    let uuid = if s.uuid.is_empty() {
        new_uuid()
    } else {
        s.uuid.clone()
    };
    let now = utc_stamp();
    tx.prepare_cached(
        "INSERT INTO rehab_sessions (uuid, date, programme_id, minutes, pain_before, pain_after, note, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?8)",
    )?
    .execute(params![uuid, date_str(s.date), s.programme_id, s.minutes, s.pain_before, s.pain_after, s.note, now])?;
    let id = tx.last_insert_rowid();
    for it in &s.items {
        super::rehab_items::insert_item_tx(tx, id, it, &now)?;
    }
    Ok(RehabSession {
        id,
        uuid,
        ..s.clone()
    })
}
