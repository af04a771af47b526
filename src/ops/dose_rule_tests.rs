//! Issue 25 item 1: every path that writes a dose (take, correct, restore, the app's undo
//! and redo of a correction, the JSON import) holds the same daily max.

use chrono::{NaiveDate, NaiveDateTime};

use super::dose_edit;
use super::edit::EditDraft;
use super::meds::{self, DoseDraft, MedicationDraft, Taken};
use super::records::{self, Restore};
use crate::repo::{Kind, RecordId, Repo};

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

/// Takes `amount` mg at hour `h`; the dose's ID.
fn take(repo: &mut Repo, h: u32, amount: f64, force: bool) -> i64 {
    let d = DoseDraft {
        medication: "ibuprofen".into(),
        amount: Some(amount),
        at: Some(format!("{h:02}:00")),
        force,
        ..Default::default()
    };
    match meds::take_dose(repo, &d, day(), at(23)).unwrap() {
        Taken::Saved(done, _) => done.record.id,
        other => panic!("{amount} mg at {h}:00 is stored: {other:?}"),
    }
}

/// Corrects dose `id` to `amount` as the app's form does, and the step `u` takes back.
fn correct(repo: &mut Repo, id: i64, amount: f64) -> records::EditStep {
    let rid = RecordId::new(Kind::Dose, id);
    let before = records::before_edit(repo, rid).unwrap();
    let draft = EditDraft {
        amount: Some(amount),
        ..Default::default()
    };
    let c = dose_edit::correct(repo, rid, &draft, day()).unwrap();
    dose_edit::store(repo, &c, false).unwrap();
    records::edited(repo, before)
        .unwrap()
        .expect("the amount changed")
}

fn total(repo: &Repo) -> f64 {
    repo.day_total(1, day()).unwrap()
}

#[test]
fn undoing_a_correction_that_would_pass_the_max_is_refused_unless_forced() {
    let mut repo = with_ibuprofen();
    let first = take(&mut repo, 8, 400.0, false);
    let mut step = correct(&mut repo, first, 200.0);
    take(&mut repo, 12, 400.0, false);
    take(&mut repo, 16, 600.0, false);
    assert_eq!(total(&repo), 1200.0);
    // Putting the 08:00 dose back to 400 mg would make 1400 mg.
    let Restore::OverMax(o) = records::undo_edit(&mut repo, &mut step, false).unwrap() else {
        panic!("an undo over the max is refused");
    };
    assert_eq!((o.before, o.after, o.max), (1000.0, 1400.0, 1200.0));
    assert_eq!(total(&repo), 1200.0, "nothing written");
    let Restore::Done(done) = records::undo_edit(&mut repo, &mut step, true).unwrap() else {
        panic!("after the app's yes it is put back");
    };
    assert!(
        done.summary.starts_with("Put back dose"),
        "{}",
        done.summary
    );
    assert_eq!(total(&repo), 1400.0);
}

#[test]
fn redoing_a_correction_that_would_pass_the_max_is_refused_unless_forced() {
    let mut repo = with_ibuprofen();
    let first = take(&mut repo, 8, 400.0, false);
    take(&mut repo, 12, 400.0, false);
    let mut step = correct(&mut repo, first, 800.0);
    assert_eq!(total(&repo), 1200.0);
    let Restore::Done(_) = records::undo_edit(&mut repo, &mut step, false).unwrap() else {
        panic!("lowering the day is never refused");
    };
    take(&mut repo, 16, 400.0, false);
    // The edit again would make 400 + 400 + 800 = 1600 mg.
    let Restore::OverMax(o) = records::redo_edit(&mut repo, &mut step, false).unwrap() else {
        panic!("a redo over the max is refused");
    };
    assert_eq!((o.before, o.after, o.max), (800.0, 1600.0, 1200.0));
    assert_eq!(total(&repo), 1200.0, "nothing written");
    let Restore::Done(_) = records::redo_edit(&mut repo, &mut step, true).unwrap() else {
        panic!("after the app's yes it is done again");
    };
    assert_eq!(total(&repo), 1600.0);
}

#[test]
fn an_import_whose_doses_join_a_day_past_the_max_is_refused_unless_forced() {
    let mut phone = with_ibuprofen();
    take(&mut phone, 8, 800.0, false);
    let mut laptop = Repo::open_in_memory().unwrap();
    laptop.import_json(&phone.export_json().unwrap()).unwrap();
    // Each device stays within 1200 mg; together they make 1600 mg.
    take(&mut laptop, 12, 400.0, false);
    take(&mut phone, 16, 400.0, false);
    let doc = phone.export_json().unwrap();
    let before = laptop.export_json().unwrap();
    let err = laptop.import_json(&doc).unwrap_err().to_string();
    assert!(
        err.contains("ibuprofen on 2026-11-23 to 1600 mg")
            && err.contains("max daily total of 1200 mg")
            && err.contains("import --force"),
        "{err}"
    );
    assert_eq!(laptop.export_json().unwrap(), before, "nothing imported");
    laptop.import_json_with(&doc, true, true).unwrap();
    assert_eq!(total(&laptop), 1600.0);
}

#[test]
fn a_day_the_file_itself_has_over_the_max_imports_as_it_is() {
    let mut phone = with_ibuprofen();
    take(&mut phone, 8, 800.0, false);
    take(&mut phone, 12, 800.0, true);
    let mut laptop = Repo::open_in_memory().unwrap();
    laptop.import_json(&phone.export_json().unwrap()).unwrap();
    assert_eq!(
        total(&laptop),
        1600.0,
        "forced on the phone, kept as it was"
    );
}
