//! Snapshots: each kind the app edits goes back as it was before an edit and forward again
//! (a rehab session with its exercise rows), the put-back is the newest edit for a merge, and
//! nothing is written when the record was deleted or changed since.

use chrono::NaiveDate;

use super::{Kind, RecordId, Repo, RepoError};
use crate::domain::records::{
    Activity, Checkin, Event, Medication, Programme, RehabSession, SessionItem,
};
use crate::domain::vocab::{ActivityKind, EventKind, MedClass};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn updated_at(r: &Repo, rid: RecordId) -> String {
    let sql = format!("SELECT updated_at FROM {} WHERE id=?1", rid.kind.table());
    r.conn.query_row(&sql, [rid.id], |row| row.get(0)).unwrap()
}

/// Takes the snapshot before `edit`, runs it, puts the record back and then forward again;
/// `check` reads what the journal holds at each point.
fn round_trip<T: PartialEq + std::fmt::Debug>(
    r: &mut Repo,
    rid: RecordId,
    edit: impl FnOnce(&mut Repo),
    check: impl Fn(&Repo) -> T,
) -> (T, T) {
    let before = r.snapshot(rid).unwrap();
    let was = check(r);
    edit(r);
    let after = r.snapshot(rid).unwrap();
    let edited = check(r);
    assert_ne!(was, edited, "the edit changed something");
    assert!(!after.same_content(&before));
    let edited_at = updated_at(r, rid);
    let stamp = r.put_back(&before, &after.stamp()).unwrap();
    assert_eq!(check(r), was, "put back as before the edit");
    assert!(
        updated_at(r, rid) >= edited_at,
        "the put-back is the newest edit"
    );
    r.put_back(&after, &stamp).unwrap();
    assert_eq!(check(r), edited, "the edit again");
    (was, edited)
}

fn checkin(r: &mut Repo, pain: u8) -> Checkin {
    r.save_checkin(&Checkin {
        date: day(),
        pain,
        note: Some("desk day".into()),
        ..Default::default()
    })
    .unwrap()
    .0
}

#[test]
fn a_check_in_goes_back_and_forth_whole() {
    let mut r = Repo::open_in_memory().unwrap();
    let c = checkin(&mut r, 4);
    let rid = RecordId::new(Kind::Checkin, c.id);
    let (was, edited) = round_trip(
        &mut r,
        rid,
        |r| {
            let mut c = r.checkin_by_id(c.id).unwrap().unwrap();
            (c.pain, c.note, c.sleep_hours) = (7, None, Some(6.5));
            r.update_checkin(&c).unwrap();
        },
        |r| {
            let c = r.checkin_by_id(c.id).unwrap().unwrap();
            (c.pain, c.note, c.sleep_hours, c.uuid)
        },
    );
    assert_eq!((was.0, edited.0), (4, 7));
    assert_eq!(
        was.1.as_deref(),
        Some("desk day"),
        "every column comes back"
    );
}

#[test]
fn an_activity_an_event_and_a_medication_go_back_and_forth() {
    let mut r = Repo::open_in_memory().unwrap();
    let start = day().and_hms_opt(9, 0, 0).unwrap();
    let mut ride = Activity::new(ActivityKind::Ride, start, 5400);
    ride.tss = Some(80.0);
    let a = r.add_activity(&ride).unwrap();
    round_trip(
        &mut r,
        RecordId::new(Kind::Activity, a.id),
        |r| {
            let mut a = a.clone();
            (a.elapsed_s, a.tss, a.pain_after) = (7200, Some(104.0), Some(5));
            r.update_activity(&a).unwrap();
        },
        |r| {
            let a = r.activity_by_id(a.id).unwrap().unwrap();
            (a.elapsed_s, a.tss, a.pain_after)
        },
    );

    let e = r
        .add_event(&Event {
            id: 0,
            uuid: String::new(),
            date: day(),
            kind: EventKind::Imaging,
            title: "MRI".into(),
            note: None,
        })
        .unwrap();
    round_trip(
        &mut r,
        RecordId::new(Kind::Event, e.id),
        |r| {
            let mut e = e.clone();
            (e.title, e.kind) = ("MRI lumbar".into(), EventKind::Physio);
            r.update_event(&e).unwrap();
        },
        |r| {
            let e = r.event_by_id(e.id).unwrap().unwrap();
            (e.title, e.kind)
        },
    );

    let m = r.add_medication(&med("ibuprofen")).unwrap();
    round_trip(
        &mut r,
        RecordId::new(Kind::Medication, m.id),
        |r| {
            let mut m = m.clone();
            (m.usual_dose, m.max_daily) = (200.0, None);
            r.update_medication(&m).unwrap();
        },
        |r| {
            let m = r.medication_by_id(m.id).unwrap().unwrap();
            (m.usual_dose, m.max_daily)
        },
    );
}

fn med(name: &str) -> Medication {
    Medication {
        id: 0,
        uuid: String::new(),
        name: name.into(),
        class: MedClass::Nsaid,
        unit: "mg".into(),
        usual_dose: 400.0,
        max_daily: Some(1200.0),
        as_needed: true,
        times_a_day: None,
        course_start: None,
        course_end: None,
        note: None,
    }
}

fn item(r: &Repo, name: &str, reps: u32) -> SessionItem {
    let e = r.exercise_by_name(name).unwrap().unwrap();
    SessionItem {
        exercise_id: e.id,
        exercise: e.name,
        sets: Some(3),
        reps: Some(reps),
        load_kg: None,
        hold_s: None,
    }
}

/// (exercise, reps, uuid, in the trash) of every row of session `id`.
fn rows(r: &Repo, id: i64) -> Vec<(String, Option<u32>, String, bool)> {
    let mut st = r
        .conn
        .prepare(
            "SELECT e.name, si.reps, si.uuid, si.deleted_at IS NOT NULL FROM rehab_session_items si
             JOIN exercises e ON e.id = si.exercise_id WHERE si.session_id=?1 ORDER BY si.id",
        )
        .unwrap();
    st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_rehab_session_goes_back_with_its_exercises() {
    let mut r = Repo::open_in_memory().unwrap();
    r.ensure_exercise_library().unwrap();
    let s = r
        .add_rehab_session(&RehabSession {
            id: 0,
            uuid: String::new(),
            date: day(),
            programme_id: None,
            programme: None,
            minutes: Some(20),
            pain_before: Some(4),
            pain_after: Some(3),
            note: None,
            items: vec![item(&r, "bird dog", 10), item(&r, "dead bug", 8)],
        })
        .unwrap();
    let rid = RecordId::new(Kind::Rehab, s.id);
    let first = rows(&r, s.id);
    let before = r.snapshot(rid).unwrap();
    // Bird dog changed, dead bug dropped, plank added.
    let mut e = s.clone();
    e.minutes = Some(30);
    e.items = vec![item(&r, "bird dog", 12), item(&r, "side plank", 1)];
    r.update_rehab_session(&e).unwrap();
    let after = r.snapshot(rid).unwrap();
    let edited = rows(&r, s.id);
    let live = |rows: &[(String, Option<u32>, String, bool)]| -> Vec<(String, Option<u32>)> {
        rows.iter()
            .filter(|r| !r.3)
            .map(|r| (r.0.clone(), r.1))
            .collect()
    };
    let ex = |n: &str, reps: u32| (n.to_string(), Some(reps));
    assert_eq!(live(&edited), vec![ex("bird dog", 12), ex("side plank", 1)]);

    let stamp = r.put_back(&before, &after.stamp()).unwrap();
    let back = rows(&r, s.id);
    assert_eq!(live(&back), vec![ex("bird dog", 10), ex("dead bug", 8)]);
    assert_eq!(
        r.rehab_session_by_id(s.id).unwrap().unwrap().minutes,
        Some(20)
    );
    // Every row keeps its uuid; plank, added by the edit, goes to the trash (so a merge
    // carries its removal) rather than away.
    assert_eq!(
        (back[0].2.as_str(), back[1].2.as_str()),
        (first[0].2.as_str(), first[1].2.as_str())
    );
    assert_eq!(
        (back.len(), back[2].0.as_str(), back[2].3),
        (3, "side plank", true)
    );

    r.put_back(&after, &stamp).unwrap();
    let again = rows(&r, s.id);
    assert_eq!(live(&again), live(&edited));
    assert_eq!(
        again.len(),
        3,
        "no row added by going back and forth: {again:?}"
    );
    assert_eq!(
        again[2].2, edited[2].2,
        "plank's row is live again under its uuid"
    );
    assert_eq!(
        r.rehab_session_by_id(s.id).unwrap().unwrap().minutes,
        Some(30)
    );
}

#[test]
fn a_programme_goes_back_and_forth() {
    let mut r = Repo::open_in_memory().unwrap();
    let p = r
        .add_programme(&Programme {
            id: 0,
            uuid: String::new(),
            name: "core".into(),
            active_from: day(),
            active_to: None,
            target_per_week: 3,
            note: None,
            items: Vec::new(),
        })
        .unwrap();
    round_trip(
        &mut r,
        RecordId::new(Kind::Programme, p.id),
        |r| {
            let mut p = p.clone();
            (p.name, p.target_per_week) = ("core 2".into(), 5);
            r.update_programme(&p).unwrap();
        },
        |r| {
            let p = r.programmes().unwrap().remove(0);
            (p.name, p.target_per_week)
        },
    );
}

#[test]
fn nothing_is_put_back_over_a_delete_or_a_change_made_since() {
    let mut r = Repo::open_in_memory().unwrap();
    let c = checkin(&mut r, 4);
    let rid = RecordId::new(Kind::Checkin, c.id);
    let before = r.snapshot(rid).unwrap();
    let mut c7 = c.clone();
    c7.pain = 7;
    r.update_checkin(&c7).unwrap();
    let after = r.snapshot(rid).unwrap();

    // Changed since (the CLI, say): refused in words, the newer value kept.
    let mut c9 = c.clone();
    c9.pain = 9;
    r.update_checkin(&c9).unwrap();
    let e = r.put_back(&before, &after.stamp()).unwrap_err();
    assert!(matches!(e, RepoError::Conflict(_)), "{e:?}");
    assert!(
        e.to_string().contains("check-in c1 was changed since"),
        "{e}"
    );
    assert_eq!(r.checkin_by_id(c.id).unwrap().unwrap().pain, 9);
    assert!(r.check_stamp(rid, &after.stamp()).is_err());

    // Deleted since: refused, still in the trash.
    let now = r.snapshot(rid).unwrap();
    r.delete(rid).unwrap();
    let e = r.put_back(&before, &now.stamp()).unwrap_err();
    assert!(matches!(e, RepoError::NotFound(_)), "{e:?}");
    assert!(e.to_string().contains("was deleted since"), "{e}");
    assert!(r.checkin_by_id(c.id).unwrap().is_none());
    assert_eq!(r.trash().unwrap().len(), 1);
}

#[test]
fn a_rename_is_not_put_back_onto_another_rows_drug() {
    let mut r = Repo::open_in_memory().unwrap();
    let m = r.add_medication(&med("ibuprofen")).unwrap();
    let rid = RecordId::new(Kind::Medication, m.id);
    let before = r.snapshot(rid).unwrap();
    let mut renamed = m.clone();
    renamed.name = "naproxen".into();
    r.update_medication(&renamed).unwrap();
    let after = r.snapshot(rid).unwrap();
    // A new row took the old drug meanwhile (its own step): m1 cannot go back to it.
    r.add_medication(&med("Ibuprofen ")).unwrap();
    let e = r.put_back(&before, &after.stamp()).unwrap_err();
    assert!(matches!(e, RepoError::Conflict(_)), "{e:?}");
    assert!(e.to_string().contains("m2"), "{e}");
    assert_eq!(r.medication_by_id(m.id).unwrap().unwrap().name, "naproxen");
}

#[test]
fn a_put_back_wins_the_merge_over_the_edit_it_takes_back() {
    let mut a = Repo::open_in_memory().unwrap();
    let c = checkin(&mut a, 4);
    let rid = RecordId::new(Kind::Checkin, c.id);
    let before = a.snapshot(rid).unwrap();
    let mut c7 = c.clone();
    c7.pain = 7;
    a.update_checkin(&c7).unwrap();
    let after = a.snapshot(rid).unwrap();
    // The other journal has the edit.
    let mut b = Repo::open_in_memory().unwrap();
    b.import_json(&a.export_json().unwrap()).unwrap();
    assert_eq!(b.checkin_on(day()).unwrap().unwrap().pain, 7);
    a.put_back(&before, &after.stamp()).unwrap();
    b.import_json(&a.export_json().unwrap()).unwrap();
    assert_eq!(b.checkin_on(day()).unwrap().unwrap().pain, 4);
}
