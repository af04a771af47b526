//! Rehab storage: an edited session's exercises are stored (rows keep their uuids, dropped
//! ones go to the trash and stay dropped through an export and import), loads on programmes
//! and exercises are kept, and a journal from before the load column opens and migrates.

use chrono::NaiveDate;
use rusqlite::params;

use super::Repo;
use crate::domain::records::{Exercise, Programme, ProgrammeItem, RehabSession, SessionItem};
use crate::domain::vocab::ExerciseKind;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn repo() -> Repo {
    let mut r = Repo::open_in_memory().unwrap();
    r.ensure_exercise_library().unwrap();
    r
}

fn item(r: &Repo, name: &str, sets: u32, reps: u32, load: Option<f64>) -> SessionItem {
    let e = r.exercise_by_name(name).unwrap().unwrap();
    SessionItem {
        exercise_id: e.id,
        exercise: e.name,
        sets: Some(sets),
        reps: Some(reps),
        load_kg: load,
        hold_s: None,
    }
}

fn session(items: Vec<SessionItem>) -> RehabSession {
    RehabSession {
        id: 0,
        uuid: String::new(),
        date: day(),
        programme_id: None,
        programme: None,
        minutes: Some(20),
        pain_before: Some(4),
        pain_after: Some(3),
        note: None,
        items,
    }
}

/// (exercise, uuid, updated_at, in the trash) of every row of the session, oldest first.
fn rows(r: &Repo, session: i64) -> Vec<(String, String, String, bool)> {
    let mut st = r
        .conn
        .prepare(
            "SELECT e.name, si.uuid, si.updated_at, si.deleted_at IS NOT NULL
             FROM rehab_session_items si JOIN exercises e ON e.id = si.exercise_id
             WHERE si.session_id=?1 ORDER BY si.id",
        )
        .unwrap();
    st.query_map([session], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Makes every stored `updated_at` of the session's rows an hour old, so an edit's stamp is
/// later whatever the clock's resolution.
fn age_rows(r: &Repo, session: i64) {
    r.conn
        .execute(
            "UPDATE rehab_session_items SET created_at='2026-11-23T08:00:00Z', updated_at='2026-11-23T08:00:00Z' WHERE session_id=?1",
            [session],
        )
        .unwrap();
}

#[test]
fn an_edit_stores_the_exercises_and_keeps_each_rows_uuid() {
    let mut r = repo();
    let s = r
        .add_rehab_session(&session(vec![
            item(&r, "bird dog", 3, 10, None),
            item(&r, "dead bug", 3, 10, None),
            item(&r, "glute bridge", 3, 12, None),
        ]))
        .unwrap();
    age_rows(&r, s.id);
    let before = rows(&r, s.id);
    let mut edited = r.rehab_session_by_id(s.id).unwrap().unwrap();
    edited.items = vec![
        item(&r, "bird dog", 3, 12, Some(4.0)),
        item(&r, "glute bridge", 3, 12, None),
        item(&r, "side plank", 2, 5, None),
    ];
    edited.minutes = Some(25);
    r.update_rehab_session(&edited).unwrap();

    let back = r.rehab_session_by_id(s.id).unwrap().unwrap();
    assert_eq!(back.minutes, Some(25));
    let got: Vec<(&str, Option<u32>, Option<f64>)> = back
        .items
        .iter()
        .map(|i| (i.exercise.as_str(), i.reps, i.load_kg))
        .collect();
    assert_eq!(
        got,
        vec![
            ("bird dog", Some(12), Some(4.0)),
            ("glute bridge", Some(12), None),
            ("side plank", Some(5), None),
        ]
    );
    let after = rows(&r, s.id);
    assert_eq!(after.len(), 4, "dead bug's row is kept in the trash");
    assert_eq!(after[0].1, before[0].1, "bird dog keeps its uuid");
    assert!(after[0].2 > before[0].2, "and gets the edit's time");
    assert_eq!(
        (after[1].0.as_str(), &after[1].1, after[1].3),
        ("dead bug", &before[1].1, true)
    );
    assert!(
        after[1].2 > before[1].2,
        "the drop is an edit a merge carries"
    );
    assert_eq!(after[2], before[2], "glute bridge as it was, time included");
    assert!(!after[3].3 && !before.iter().any(|b| b.1 == after[3].1));

    // Ticking dead bug again brings its row back under the same uuid.
    let mut again = back.clone();
    again.items.push(item(&r, "dead bug", 2, 8, None));
    r.update_rehab_session(&again).unwrap();
    let rows3 = rows(&r, s.id);
    assert_eq!(rows3.len(), 4, "no new row for dead bug");
    assert_eq!((&rows3[1].1, rows3[1].3), (&before[1].1, false));
    let back = r.rehab_session_by_id(s.id).unwrap().unwrap();
    assert_eq!(back.items.len(), 4);
    assert_eq!(back.items[1].reps, Some(8));
}

#[test]
fn an_edit_of_a_session_deleted_meanwhile_stores_nothing() {
    let mut r = repo();
    let s = r
        .add_rehab_session(&session(vec![item(&r, "bird dog", 3, 10, None)]))
        .unwrap();
    let mut edited = r.rehab_session_by_id(s.id).unwrap().unwrap();
    r.delete(super::RecordId::new(super::Kind::Rehab, s.id))
        .unwrap();
    edited.items[0].reps = Some(12);
    let err = r.update_rehab_session(&edited).unwrap_err();
    assert!(err.is_input() && err.to_string().contains("r1"), "{err}");
    let reps: u32 = r
        .conn
        .query_row("SELECT reps FROM rehab_session_items", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reps, 10);
}

#[test]
fn an_edit_travels_through_export_and_import_and_an_older_export_does_not_undo_it() {
    let mut a = repo();
    let s = a
        .add_rehab_session(&session(vec![
            item(&a, "bird dog", 3, 10, None),
            item(&a, "dead bug", 3, 10, None),
        ]))
        .unwrap();
    age_rows(&a, s.id);
    a.conn
        .execute(
            "UPDATE rehab_sessions SET created_at='2026-11-23T08:00:00Z', updated_at='2026-11-23T08:00:00Z'",
            [],
        )
        .unwrap();
    let old = a.export_json().unwrap();
    // Another device holds the session as it was.
    let mut b = Repo::open_in_memory().unwrap();
    b.import_json(&old).unwrap();
    let mut edited = a.rehab_session_by_id(s.id).unwrap().unwrap();
    edited.items = vec![item(&a, "bird dog", 3, 12, Some(4.0))];
    a.update_rehab_session(&edited).unwrap();
    let new = a.export_json().unwrap();

    let report = b.import_json(&new).unwrap();
    assert_eq!(report.tables["rehab_session_items"].updated, 2);
    assert!(report.trashed.is_empty(), "{:?}", report.trashed);
    let on_b = b.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(on_b, a.rehab_sessions_between(day(), day()).unwrap());
    assert_eq!(on_b[0].items.len(), 1);
    assert_eq!(b.export_json().unwrap(), new, "identical journals");
    // Into a fresh journal too, dropped row and all.
    let mut c = Repo::open_in_memory().unwrap();
    c.import_json(&new).unwrap();
    assert_eq!(c.export_json().unwrap(), new);
    assert_eq!(c.rehab_sessions_between(day(), day()).unwrap(), on_b);

    // The old export again: the newer edit wins, dead bug stays dropped.
    let report = a.import_json(&old).unwrap();
    assert_eq!(report.tables["rehab_session_items"].kept_yours, 2);
    let items = &a.rehab_session_by_id(s.id).unwrap().unwrap().items;
    assert_eq!(
        (items.len(), items[0].reps, items[0].load_kg),
        (1, Some(12), Some(4.0))
    );
}

#[test]
fn loads_on_exercises_and_programmes_are_stored() {
    let mut r = repo();
    let mut e = r
        .add_exercise(&Exercise {
            id: 0,
            uuid: String::new(),
            name: "kettlebell swing".into(),
            kind: ExerciseKind::Strength,
            sets: Some(3),
            reps: Some(15),
            load_kg: Some(12.0),
            hold_s: None,
            per_side: false,
            cues: None,
        })
        .unwrap();
    assert_eq!(r.exercise_by_id(e.id).unwrap().unwrap().load_kg, Some(12.0));
    e.load_kg = Some(16.0);
    r.update_exercise(&e).unwrap();
    assert_eq!(
        r.exercise_by_name("kettlebell swing")
            .unwrap()
            .unwrap()
            .load_kg,
        Some(16.0)
    );
    let squat = r.exercise_by_name("goblet squat").unwrap().unwrap();
    let p = r
        .add_programme(&Programme {
            id: 0,
            uuid: String::new(),
            name: "legs".into(),
            active_from: day(),
            active_to: None,
            target_per_week: 2,
            note: None,
            items: vec![ProgrammeItem {
                exercise_id: squat.id,
                exercise: squat.name.clone(),
                sets: Some(3),
                reps: Some(8),
                load_kg: Some(16.0),
                hold_s: None,
            }],
        })
        .unwrap();
    let stored = r.programmes().unwrap();
    assert_eq!(stored[0].items[0].load_kg, Some(16.0));
    assert_eq!(stored[0], p);
}

#[test]
fn a_journal_from_before_the_load_column_migrates_and_keeps_its_programmes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        super::MIGRATIONS.to_version(&mut c, 1).unwrap();
        c.pragma_update(None, "application_id", super::filecheck::APPLICATION_ID)
            .unwrap();
        let now = "2026-11-20T08:00:00Z";
        c.execute(
            "INSERT INTO exercises (id, uuid, name, kind, sets, reps, created_at, updated_at)
             VALUES (1, '0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d01', 'goblet squat', 'strength', 3, 8, ?1, ?1)",
            [now],
        )
        .unwrap();
        c.execute(
            "INSERT INTO programmes (id, uuid, name, active_from, target_per_week, created_at, updated_at)
             VALUES (1, '0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d02', 'legs', '2026-11-01', 2, ?1, ?1)",
            [now],
        )
        .unwrap();
        c.execute(
            "INSERT INTO programme_items (uuid, programme_id, exercise_id, position, sets, reps, created_at, updated_at)
             VALUES ('0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d03', 1, 1, 0, 3, 8, ?1, ?1)",
            params![now],
        )
        .unwrap();
        c.execute(
            "INSERT INTO rehab_sessions (uuid, date, programme_id, created_at, updated_at)
             VALUES ('0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d04', '2026-11-20', 1, ?1, ?1)",
            params![now],
        )
        .unwrap();
    }
    let mut r = Repo::open(&path).unwrap();
    let version: i64 = r
        .conn
        .query_row("PRAGMA user_version", [], |x| x.get(0))
        .unwrap();
    assert_eq!(version, super::connection::latest_version());
    let p = r.programmes().unwrap();
    assert_eq!(
        (
            p[0].name.as_str(),
            p[0].items[0].reps,
            p[0].items[0].load_kg
        ),
        ("legs", Some(8), None)
    );
    // The file before the migration is kept beside it, at its old version.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".bak-v1-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let old = rusqlite::Connection::open(&kept[0]).unwrap();
    let v: i64 = old
        .query_row("PRAGMA user_version", [], |x| x.get(0))
        .unwrap();
    assert_eq!(v, 1);
    // And the migrated journal takes a load.
    let mut squat = r.exercise_by_name("goblet squat").unwrap().unwrap();
    squat.load_kg = Some(20.0);
    r.update_exercise(&squat).unwrap();
    assert_eq!(r.exercises().unwrap()[0].load_kg, Some(20.0));
}
