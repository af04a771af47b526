//! The operations on an in-memory journal: what each stores, refuses and says.

use chrono::{NaiveDate, NaiveDateTime};

use super::meds::{DoseDraft, MedicationDraft, Taken};
use super::{activity, meds, psfs, settings};
use crate::repo::Repo;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn at(h: u32) -> NaiveDateTime {
    day().and_hms_opt(h, 0, 0).unwrap()
}

fn with_ibuprofen() -> Repo {
    let mut repo = Repo::open_in_memory().unwrap();
    let draft = MedicationDraft {
        name: "ibuprofen".into(),
        class: "nsaid".into(),
        unit: "mg".into(),
        dose: 400.0,
        max_daily: Some(1200.0),
        ..Default::default()
    };
    meds::add_medication(&mut repo, &draft, day()).unwrap();
    repo
}

fn take(repo: &mut Repo, h: u32, force: bool) -> Taken {
    let d = DoseDraft {
        medication: "Ibuprofen".into(),
        force,
        ..Default::default()
    };
    meds::take_dose(repo, &d, day(), at(h)).unwrap()
}

#[test]
fn a_dose_over_the_daily_max_is_refused_unless_forced() {
    let mut repo = with_ibuprofen();
    for h in [8, 12, 16] {
        assert!(matches!(take(&mut repo, h, false), Taken::Saved(..)));
    }
    let Taken::OverMax(o) = take(&mut repo, 20, false) else {
        panic!("a fourth 400 mg passes 1200 mg");
    };
    assert_eq!((o.before, o.after, o.max), (1200.0, 1600.0, 1200.0));
    let refusal = o.refusal();
    assert_eq!(refusal.field, "amount");
    assert!(refusal.message.contains("nothing was saved"), "{refusal}");
    assert_eq!(repo.day_total(1, day()).unwrap(), 1200.0);
    let Taken::Saved(done, day) = take(&mut repo, 21, true) else {
        panic!("forced doses are stored");
    };
    // The facts, for each front end to word (the CLI's "(forced)", the app's plain "OVER").
    assert!(
        done.summary
            .ends_with("total on 2026-11-23: 1600 mg of max 1200 mg"),
        "{}",
        done.summary
    );
    assert!(day.over_max() && day.forced, "{day:?}");
    assert_eq!((day.total, day.max), (1600.0, Some(1200.0)));
}

/// Issue 20 item 18: a dose of a drug 20 minutes after another is not stored without
/// `force`; the refusal names the one already logged; an hour later is a new dose.
#[test]
fn a_second_dose_within_30_minutes_is_asked_about() {
    let mut repo = with_ibuprofen();
    let d = |at: &str, force: bool| DoseDraft {
        medication: "ibu".into(),
        amount: Some(200.0),
        at: Some(at.into()),
        force,
        ..Default::default()
    };
    let now = at(23);
    let take = |repo: &mut Repo, when: &str, force: bool| {
        meds::take_dose(repo, &d(when, force), day(), now).unwrap()
    };
    assert!(matches!(take(&mut repo, "08:00", false), Taken::Saved(..)));
    let Taken::Again(again) = take(&mut repo, "08:20", false) else {
        panic!("20 minutes after the first");
    };
    assert_eq!(again.last.id, 1);
    let r = again.refusal();
    assert_eq!(r.field, "medication");
    assert!(
        r.message
            .contains("already logged at 08:00 (d1), 20 min before"),
        "{r}"
    );
    assert_eq!(repo.day_total(1, day()).unwrap(), 200.0, "nothing stored");
    assert!(matches!(take(&mut repo, "08:20", true), Taken::Saved(..)));
    assert!(matches!(take(&mut repo, "09:30", false), Taken::Saved(..)));
}

#[test]
fn an_unknown_medication_names_the_known_ones() {
    let mut repo = with_ibuprofen();
    let d = DoseDraft {
        medication: "aspirin".into(),
        ..Default::default()
    };
    match meds::take_dose(&mut repo, &d, day(), at(8)) {
        Err(crate::ops::OpsError::Input(e)) => {
            assert_eq!(e.field, "medication");
            assert!(e.message.contains("allowed: ibuprofen"), "{e}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn psfs_ratings_of_a_form_are_stored_all_or_none() {
    let mut repo = Repo::open_in_memory().unwrap();
    let six: Vec<(String, u8)> = (0..6).map(|i| (format!("activity {i}"), 5)).collect();
    assert!(
        psfs::rate_all(&mut repo, &six, day()).is_err(),
        "PSFS keeps five"
    );
    assert!(
        repo.psfs_items().unwrap().is_empty(),
        "nothing of the failed form stays"
    );
    let done = psfs::rate_all(&mut repo, &six[..2], day()).unwrap();
    assert_eq!(done.summary, "Saved 2 PSFS ratings for 2026-11-23");
    assert_eq!(repo.psfs_items().unwrap().len(), 2);
}

#[test]
fn an_activity_stores_the_load_of_the_ftp_in_force_on_its_date() {
    let mut repo = Repo::open_in_memory().unwrap();
    let ftp = settings::SettingDraft {
        key: "ftp".into(),
        value: "250".into(),
        from: Some("2026-11-01".into()),
    };
    settings::set(&mut repo, &ftp, day()).unwrap();
    let draft = activity::ActivityDraft {
        kind: "ride".into(),
        duration: "1h".into(),
        np: Some(250.0),
        ..Default::default()
    };
    let done = activity::add(&mut repo, &draft, day()).unwrap();
    assert_eq!(done.record.tss, Some(100.0));
    assert_eq!(
        done.record.load_source,
        Some(crate::domain::vocab::LoadSource::Power)
    );
    assert!(
        done.summary
            .starts_with("Saved activity a1: ride on 2026-11-23")
            && done.summary.ends_with("TSS 100 (power)"),
        "{}",
        done.summary
    );
    // A lower FTP from before the ride recomputes its stored TSS.
    let lower = settings::SettingDraft {
        value: "200".into(),
        ..ftp
    };
    let set = settings::set(&mut repo, &lower, day()).unwrap();
    assert_eq!(set.record.recomputed, 1);
    assert!(
        repo.activity_by_id(done.record.id)
            .unwrap()
            .unwrap()
            .tss
            .unwrap()
            > 150.0
    );
}

/// A catalogue row as stored by a merge from another device, which skips the ops refusal.
fn stored_row(repo: &mut Repo, name: &str, max: f64) -> i64 {
    let m = meds::build_medication(
        &MedicationDraft {
            name: name.into(),
            class: "nsaid".into(),
            unit: "mg".into(),
            dose: 400.0,
            max_daily: Some(max),
            ..Default::default()
        },
        day(),
    )
    .unwrap();
    let mut m = repo.add_medication(&m).unwrap();
    m.name = name.into(); // the repo trims; a merged row may keep its spaces
    repo.update_medication(&m).unwrap();
    m.id
}

fn take_of(repo: &mut Repo, med_id: i64, h: u32) -> Taken {
    let m = repo.medication_by_id(med_id).unwrap().unwrap();
    let dose = crate::domain::records::Dose {
        id: 0,
        uuid: String::new(),
        taken_at: at(h),
        medication_id: m.id,
        medication: m.name,
        class: m.class,
        unit: m.unit,
        amount: 400.0,
        pain_before: None,
        note: None,
    };
    meds::store_dose(repo, dose, false).unwrap()
}

#[test]
fn the_daily_max_counts_every_row_of_the_same_drug_trashed_included() {
    use crate::repo::{Kind, RecordId};
    let mut repo = Repo::open_in_memory().unwrap();
    // The trashed row's own max is retired with it; its doses still count.
    let old = stored_row(&mut repo, " ibuprofen ", 1000.0);
    for h in [7, 9] {
        assert!(matches!(take_of(&mut repo, old, h), Taken::Saved(..)));
    }
    repo.delete(RecordId {
        kind: Kind::Medication,
        id: old,
    })
    .unwrap();
    let new = stored_row(&mut repo, "Ibuprofen", 1800.0);
    assert!(matches!(take_of(&mut repo, new, 12), Taken::Saved(..)));
    let Taken::Saved(done, _) = take_of(&mut repo, new, 14) else {
        panic!("1600 mg is under 1800 mg");
    };
    assert!(
        done.summary.ends_with("1600 mg of max 1800 mg"),
        "{}",
        done.summary
    );
    let Taken::OverMax(o) = take_of(&mut repo, new, 18) else {
        panic!("800 mg under the trashed row and 800 mg under the new one make 1600 mg");
    };
    assert_eq!((o.before, o.after, o.max), (1600.0, 2000.0, 1800.0));
    assert_eq!(
        repo.day_total(new, day()).unwrap(),
        1600.0,
        "nothing stored"
    );
    let data = repo.journal_data(day(), day()).unwrap();
    let totals = crate::analysis::meds::today_totals(&data, day());
    assert_eq!(totals.len(), 1, "one drug, one panel row: {totals:?}");
    assert_eq!(
        (totals[0].total, totals[0].max_daily, totals[0].doses),
        (1600.0, Some(1800.0), 4)
    );
}

#[test]
fn restoring_a_dose_passes_the_same_max_check_as_taking_it() {
    use super::records::{self, Restore};
    use crate::repo::{Kind, RecordId};
    let mut repo = with_ibuprofen();
    let Taken::Saved(first, _) = take(&mut repo, 8, false) else {
        panic!("the first dose is stored");
    };
    let rid = RecordId::new(Kind::Dose, first.record.id);
    records::delete(&mut repo, rid).unwrap();
    for h in [12, 16, 20] {
        assert!(matches!(take(&mut repo, h, false), Taken::Saved(..)));
    }
    // 1200 mg live; bringing back the 08:00 dose would make 1600 mg.
    let Restore::OverMax(o) = records::restore(&mut repo, rid, false).unwrap() else {
        panic!("a restore over the max is refused");
    };
    assert_eq!((o.before, o.after, o.max), (1200.0, 1600.0, 1200.0));
    let refusal = o.restore_refusal();
    assert_eq!(refusal.field, format!("d{}", rid.id));
    assert!(
        refusal.message.contains("stays in the trash") && refusal.message.contains("--force"),
        "{refusal}"
    );
    assert_eq!(
        repo.day_total(1, day()).unwrap(),
        1200.0,
        "nothing restored"
    );
    let Restore::Done(done) = records::restore(&mut repo, rid, true).unwrap() else {
        panic!("a forced restore brings it back");
    };
    assert!(
        done.summary.starts_with("Restored dose"),
        "{}",
        done.summary
    );
    assert_eq!(repo.day_total(1, day()).unwrap(), 1600.0);
}

#[test]
fn a_ride_later_today_is_refused_like_a_dose_and_one_without_start_ends_by_now() {
    // Without BACKTRACK_TODAY (as the unit tests run), "now" is the one given.
    if std::env::var_os("BACKTRACK_TODAY").is_some() {
        return;
    }
    use super::activity::{ActivityDraft, build_activity};
    let now = at(9) + chrono::Duration::minutes(30);
    let ride = |start: Option<&str>| ActivityDraft {
        kind: "ride".into(),
        duration: "1h".into(),
        start: start.map(String::from),
        ..Default::default()
    };
    let e = build_activity(&ride(Some("18:00")), day(), now).unwrap_err();
    assert_eq!(e.field, "start");
    assert!(
        e.message
            .contains("2026-11-23 18:00 is later than now (09:30)"),
        "{e}"
    );
    // The same words as a dose's refusal: one rule.
    let dose = meds::not_ahead(at(18), now).unwrap_err();
    assert_eq!(dose.message, e.message);
    let a = build_activity(&ride(None), day(), now).unwrap();
    assert_eq!(a.start, at(8) + chrono::Duration::minutes(30), "not noon");
    let a = build_activity(&ride(Some("07:00")), day(), now).unwrap();
    assert_eq!(a.start, at(7));
}
