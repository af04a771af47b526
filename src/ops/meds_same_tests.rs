//! One catalogue row per drug: adding, renaming onto and restoring a drug that has a row
//! already is refused with the row named, and nothing is written.

use chrono::NaiveDate;

use super::*;
use crate::domain::records::Medication;
use crate::domain::vocab::MedClass;
use crate::ops::edit::{EditDraft, apply};
use crate::ops::meds::{MedicationDraft, add_medication, replace_medication};
use crate::ops::records::restore;
use crate::repo::{Kind, RecordId, Repo};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn draft(name: &str, dose: f64, max: Option<f64>) -> MedicationDraft {
    MedicationDraft {
        name: name.into(),
        class: "nsaid".into(),
        unit: "mg".into(),
        dose,
        max_daily: max,
        ..Default::default()
    }
}

fn m(id: i64) -> RecordId {
    RecordId::new(Kind::Medication, id)
}

/// A journal with m1 ibuprofen 400 mg, max 1200 mg/day.
fn with_ibuprofen() -> Repo {
    let mut repo = Repo::open_in_memory().unwrap();
    add_medication(&mut repo, &draft("ibuprofen", 400.0, Some(1200.0)), day()).unwrap();
    repo
}

fn refused<T: std::fmt::Debug>(r: crate::ops::Result<T>) -> crate::domain::InputError {
    match r {
        Err(crate::ops::OpsError::Input(e)) => e,
        other => panic!("refused as input: {other:?}"),
    }
}

/// A row as a merge from another device stores it: past the ops checks.
fn merged_row(repo: &mut Repo, name: &str) -> Medication {
    let mut m = crate::ops::meds::build_medication(&draft("x", 200.0, Some(800.0)), day()).unwrap();
    m.name = name.into();
    repo.add_medication(&m).unwrap()
}

#[test]
fn adding_a_live_drug_again_names_the_row_and_the_commands_to_use_it() {
    let mut repo = with_ibuprofen();
    let e = refused(add_medication(
        &mut repo,
        &draft("  IBUprofen ", 200.0, Some(800.0)),
        day(),
    ));
    assert_eq!(e.field, "name");
    assert!(
        e.message.starts_with(
            "'IBUprofen' is already m1 ibuprofen (400 mg, max 1200 mg/day); nothing was saved"
        ),
        "{e}"
    );
    assert!(
        e.message
            .contains("Take it: `backtrack med take ibuprofen`"),
        "{e}"
    );
    assert!(
        e.message
            .contains("change it: `backtrack edit m1 --amount 200 --max-daily 800`"),
        "{e}"
    );
    assert_eq!(repo.medications().unwrap().len(), 1, "nothing written");
    // The same values typed again: nothing to change, so no edit command.
    let e = refused(add_medication(
        &mut repo,
        &draft("Ibuprofen", 400.0, Some(1200.0)),
        day(),
    ));
    assert!(!e.message.contains("backtrack edit"), "{e}");
}

#[test]
fn adding_a_trashed_drug_names_the_restore_command() {
    let mut repo = with_ibuprofen();
    repo.delete(m(1)).unwrap();
    let mut typed = draft("ibuprofen", 400.0, Some(1000.0));
    typed.class = "opioid".into();
    let e = refused(add_medication(&mut repo, &typed, day()));
    assert!(
        e.message.starts_with(
            "'ibuprofen' is m1 ibuprofen (400 mg, max 1200 mg/day) in the trash; nothing was saved. \
             Bring it back: `backtrack restore m1`, then change it: `backtrack edit m1 --kind opioid --max-daily 1000`"
        ),
        "{e}"
    );
    assert!(repo.medications().unwrap().is_empty(), "nothing written");
    assert_eq!(repo.trash().unwrap().len(), 1, "m1 stays in the trash");
}

#[test]
fn another_unit_leaves_the_amounts_to_convert_and_quotes_names_with_spaces() {
    let mut repo = Repo::open_in_memory().unwrap();
    let mut d = draft("vitamin d", 1.0, None);
    d.unit = "tablet".into();
    add_medication(&mut repo, &d, day()).unwrap();
    let e = refused(add_medication(
        &mut repo,
        &draft("Vitamin   D", 25.0, None),
        day(),
    ));
    assert!(
        e.message.contains("`backtrack med take 'vitamin d'`"),
        "{e}"
    );
    assert!(
        e.message
            .contains("`backtrack edit m1 --amount N --max-daily N` (N in tablet: its unit stays)"),
        "{e}"
    );
}

#[test]
fn renaming_onto_another_drug_is_refused_in_the_form_and_by_edit() {
    let mut repo = with_ibuprofen();
    let para = add_medication(&mut repo, &draft("paracetamol", 500.0, None), day())
        .unwrap()
        .record;
    let e = refused(replace_medication(
        &mut repo,
        &para,
        &draft("Ibuprofen", 500.0, None),
        day(),
    ));
    assert_eq!(e.field, "name");
    assert!(
        e.message
            .starts_with("'Ibuprofen' is already m1 ibuprofen (400 mg, max 1200 mg/day)"),
        "{e}"
    );
    let edit = EditDraft {
        title: Some("IBUPROFEN".into()),
        ..Default::default()
    };
    repo.delete(m(1)).unwrap();
    let e = refused(apply(&mut repo, m(para.id), &edit, day()));
    assert!(e.message.contains("in the trash"), "{e}");
    assert!(e.message.contains("`backtrack restore m1`"), "{e}");
    assert_eq!(
        repo.medication_by_id(para.id).unwrap().unwrap().name,
        "paracetamol",
        "nothing written"
    );
    // Its own name in other letters is no clash.
    apply(
        &mut repo,
        m(para.id),
        &EditDraft {
            title: Some("Paracetamol".into()),
            ..Default::default()
        },
        day(),
    )
    .unwrap();
    assert_eq!(
        repo.medication_by_id(para.id).unwrap().unwrap().name,
        "Paracetamol"
    );
}

#[test]
fn rows_already_of_one_drug_can_still_be_edited() {
    let mut repo = Repo::open_in_memory().unwrap();
    merged_row(&mut repo, "vitamin d");
    // Merged in from another device: the drug key matches, the stored name does not.
    let other = merged_row(&mut repo, "vitamin  d");
    let done = replace_medication(
        &mut repo,
        &other,
        &draft("Vitamin  D", 200.0, Some(600.0)),
        day(),
    )
    .unwrap();
    assert_eq!(done.record.max_daily, Some(600.0));
    assert_eq!(
        repo.medication_by_id(other.id).unwrap().unwrap().max_daily,
        Some(600.0)
    );
}

#[test]
fn restoring_a_drug_that_has_a_live_row_is_refused_naming_it() {
    let mut repo = with_ibuprofen();
    repo.delete(m(1)).unwrap();
    let live = merged_row(&mut repo, "IBUPROFEN");
    let err = restore(&mut repo, m(1), false).unwrap_err();
    // A conflict with a live row: the input names a record the journal refuses.
    assert!(matches!(err, crate::ops::OpsError::Refused(_)), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!(
            "m1 cannot be restored: m{} IBUPROFEN is the same drug",
            live.id
        )),
        "{msg}"
    );
    assert!(
        msg.contains(&format!("`backtrack delete m{}`", live.id)),
        "{msg}"
    );
    assert!(
        repo.medication_by_id(1).unwrap().is_none(),
        "m1 stays in the trash"
    );
    repo.delete(m(live.id)).unwrap();
    restore(&mut repo, m(1), false).unwrap();
    assert_eq!(repo.medication_by_id(1).unwrap().unwrap().name, "ibuprofen");
}

#[test]
fn the_offer_describes_the_row_in_one_short_phrase() {
    let m = Medication {
        id: 3,
        uuid: String::new(),
        name: "ibuprofen".into(),
        class: MedClass::Nsaid,
        unit: "mg".into(),
        usual_dose: 400.0,
        max_daily: Some(1200.0),
        as_needed: true,
        times_a_day: None,
        course_start: None,
        course_end: None,
        note: None,
    };
    assert_eq!(describe(&m), "m3 ibuprofen (400 mg, max 1200 mg/day)");
    let no_max = Medication {
        max_daily: None,
        ..m
    };
    assert_eq!(describe(&no_max), "m3 ibuprofen (400 mg)");
    assert_eq!(shell_word("o'brien mix"), r"'o'\''brien mix'");
}

#[test]
fn a_dose_later_than_now_is_refused_naming_the_time() {
    // Without BACKTRACK_TODAY (as the unit tests run), "now" is the real one.
    if std::env::var_os("BACKTRACK_TODAY").is_some() {
        return;
    }
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(3, 0, 0)
        .unwrap();
    let later = now + chrono::Duration::hours(20);
    let e = crate::ops::meds::not_ahead(later, now).unwrap_err();
    assert_eq!(e.field, "at");
    assert!(
        e.message.contains("2026-12-01 23:00") && e.message.contains("03:00"),
        "{}",
        e.message
    );
    let just = now + chrono::Duration::minutes(4);
    assert_eq!(crate::ops::meds::not_ahead(just, now).unwrap(), just);
}
