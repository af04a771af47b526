//! The JSON import's three silent losses of issue 24, each fixed by the sync's merge rule
//! (per uuid the higher (HLC, device) wins, tombstones kept, concurrent losers in conflicts).

use chrono::NaiveDate;
use serde_json::Value;

use crate::domain::records::Checkin;
use crate::repo::{Kind, RecordId, Repo};

const DAY_MS: i64 = 86_400_000;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

fn checkin(r: &mut Repo, pain: u8) -> Checkin {
    let c = Checkin {
        date: day(),
        pain,
        ..Default::default()
    };
    r.save_checkin(&c).unwrap().0
}

fn edit(r: &mut Repo, pain: u8) {
    let mut c = r.checkin_on(day()).unwrap().unwrap();
    c.pain = pain;
    r.update_checkin(&c).unwrap();
}

/// A and B holding the same check-in, as after one export and import.
fn pair() -> (Repo, Repo) {
    let mut a = Repo::open_in_memory().unwrap();
    let mut b = Repo::open_in_memory().unwrap();
    checkin(&mut a, 5);
    b.import_json(&a.export_json().unwrap()).unwrap();
    (a, b)
}

/// Moves every stamp of the export `days` ahead, as a computer whose clock runs fast writes it.
fn ahead(mut doc: Value, ms: i64) -> Value {
    let shift = |s: &str| {
        let t =
            chrono::DateTime::parse_from_rfc3339(s).unwrap() + chrono::Duration::milliseconds(ms);
        t.with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string()
    };
    for row in doc["tables"]["checkins"].as_array_mut().unwrap() {
        let u = shift(row["updated_at"].as_str().unwrap());
        row["updated_at"] = Value::from(u);
    }
    doc
}

#[test]
fn a_purged_checkin_does_not_come_back_with_an_older_export() {
    let (mut a, b) = pair();
    let id = a.checkin_on(day()).unwrap().unwrap().id;
    a.delete(RecordId::new(Kind::Checkin, id)).unwrap();
    a.empty_trash().unwrap();
    a.import_json(&b.export_json().unwrap()).unwrap();
    let doc = a.export_json().unwrap();
    assert_eq!(doc["tables"]["checkins"], serde_json::json!([]), "{doc}");
}

#[test]
fn with_a_clock_a_day_ahead_the_losing_edit_is_kept_as_a_conflict() {
    let (mut a, mut b) = pair();
    b.sync_set_skew(DAY_MS).unwrap();
    edit(&mut b, 8);
    edit(&mut a, 2);
    let from_b = ahead(b.export_json().unwrap(), DAY_MS);
    let from_a = a.export_json().unwrap();
    let ra = a.import_json(&from_b).unwrap();
    b.import_json(&from_a).unwrap();
    let pa = a.checkin_on(day()).unwrap().unwrap().pain;
    let pb = b.checkin_on(day()).unwrap().unwrap().pain;
    assert_eq!(pa, pb, "both journals agree");
    // The edit that lost is not gone: it is a conflict on A, and the report says so.
    let lost: Vec<_> = a.sync_conflicts().unwrap();
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert_eq!(lost[0].row.as_ref().unwrap()["pain"], 2);
    assert_eq!(ra.conflicts, 1);
}

#[test]
fn an_edit_after_a_delete_is_reported_with_the_delete_kept_as_a_conflict() {
    let (mut a, mut b) = pair();
    let id = a.checkin_on(day()).unwrap().unwrap().id;
    a.delete(RecordId::new(Kind::Checkin, id)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    edit(&mut b, 7);
    let r = a.import_json(&b.export_json().unwrap()).unwrap();
    assert_eq!(a.checkin_on(day()).unwrap().unwrap().pain, 7);
    assert_eq!(r.conflicts, 1, "the import names the delete it undid");
    let c = a.sync_conflicts().unwrap();
    assert!(!c[0].row.as_ref().unwrap()["deleted_at"].is_null());
}

#[test]
fn a_row_stamped_a_day_ahead_does_not_beat_later_edits_or_come_back_on_reimport() {
    let (mut a, mut b) = pair();
    b.sync_set_skew(DAY_MS).unwrap();
    edit(&mut b, 9);
    let file = ahead(b.export_json().unwrap(), DAY_MS);
    a.import_json(&file).unwrap();
    assert_eq!(a.checkin_on(day()).unwrap().unwrap().pain, 9);
    // A later edit here wins, and importing the same file again changes nothing.
    edit(&mut a, 3);
    let r = a.import_json(&file).unwrap();
    assert_eq!(a.checkin_on(day()).unwrap().unwrap().pain, 3);
    assert_eq!(r.total().updated, 0, "{r:?}");
    // A later delete stays too.
    let id = a.checkin_on(day()).unwrap().unwrap().id;
    a.delete(RecordId::new(Kind::Checkin, id)).unwrap();
    a.import_json(&file).unwrap();
    assert!(a.checkin_on(day()).unwrap().is_none());
}

#[test]
fn two_checkins_for_one_day_settle_by_the_stamps_as_a_sync_would() {
    // B's check-in is written first, but B's clock is a day ahead: its stamp is the later.
    let mut b = Repo::open_in_memory().unwrap();
    b.sync_set_skew(DAY_MS).unwrap();
    checkin(&mut b, 7);
    std::thread::sleep(std::time::Duration::from_millis(3));
    let mut a = Repo::open_in_memory().unwrap();
    checkin(&mut a, 3);
    let r = a.import_json(&b.export_json().unwrap()).unwrap();
    assert_eq!(a.checkin_on(day()).unwrap().unwrap().pain, 7, "{r:?}");
    assert_eq!(
        r.trashed.len(),
        1,
        "A's own check-in went to the trash, named"
    );
}
