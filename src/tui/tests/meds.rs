//! The medication form and a drug that has a row already: the question it asks (Enter opens
//! the live row or restores the trashed one, Esc goes back to the form as typed), and the
//! edit form's refusal of another row's name. Keys go through the keymap.

use chrono::NaiveDate;

use super::press;
use crate::domain::records::Medication;
use crate::domain::vocab::MedClass;
use crate::repo::{Kind, RecordId, Repo};
use crate::tui::action::{Action, Edit, Screen};
use crate::tui::app::{App, Pending};
use crate::tui::forms::FormKind;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn med(name: &str, dose: f64) -> Medication {
    Medication {
        id: 0,
        uuid: String::new(),
        name: name.into(),
        class: MedClass::Nsaid,
        unit: "mg".into(),
        usual_dose: dose,
        max_daily: Some(1200.0),
        as_needed: true,
        times_a_day: None,
        course_start: None,
        course_end: None,
        note: None,
    }
}

/// The app on Medications with m1 ibuprofen 400 mg (max 1200), in the trash if `trashed`.
fn meds_app(trashed: bool) -> App {
    let mut repo = Repo::open_in_memory().unwrap();
    repo.add_medication(&med("ibuprofen", 400.0)).unwrap();
    if trashed {
        repo.delete(RecordId::new(Kind::Medication, 1)).unwrap();
    }
    App::new(repo, day(), Theme::plain(), Screen::Meds)
}

fn question(a: &App) -> String {
    a.confirm().expect("a question").question.clone()
}

fn status(a: &App) -> (bool, String) {
    let s = a.status.as_ref().expect("a status line");
    (s.error, s.text.clone())
}

/// The open form's (title, name, usual dose, focused field).
fn form(a: &App) -> (String, String, String, &'static str) {
    let e = &a.entry().expect("a form").entry;
    let focused = e.focused().unwrap().key;
    (e.title.clone(), e.text("name"), e.text("dose"), focused)
}

fn live_count(a: &App) -> usize {
    a.repo.medications().unwrap().len()
}

#[test]
fn a_new_medication_of_a_live_drug_offers_its_row_and_esc_keeps_the_input() {
    let mut a = meds_app(false);
    // Name, class, unit, usual dose; Enter saves.
    press(&mut a, "n Ibuprofen\t\t\t200\n");
    assert_eq!(
        question(&a),
        "'Ibuprofen' is already m1 ibuprofen (400 mg, max 1200 mg/day). Enter: open m1 to edit · Esc: back to the form"
    );
    assert_eq!(a.confirm().unwrap().on_yes, Pending::OpenMed(1));
    assert_eq!(live_count(&a), 1, "nothing stored");
    // A stray key keeps the question.
    press(&mut a, "x");
    assert!(a.confirm().is_some());
    press(&mut a, "\x1b");
    assert!(a.confirm().is_none());
    assert_eq!(
        form(&a),
        (
            "New medication".into(),
            "Ibuprofen".into(),
            "200".into(),
            "name"
        ),
        "the typed form is back, at its name"
    );
    assert!(status(&a).1.starts_with("Not saved"), "{:?}", a.status);
    // A name of its own adds it.
    for _ in 0.."Ibuprofen".len() {
        a.update(Action::Text(Edit::Backspace));
    }
    press(&mut a, "naproxen\n");
    assert!(a.entry().is_none(), "{:?}", a.status);
    assert_eq!(live_count(&a), 2);
}

#[test]
fn enter_opens_the_live_row_in_its_edit_form() {
    let mut a = meds_app(false);
    press(&mut a, "nIBUPROFEN\t\t\t200\n\n");
    assert!(a.confirm().is_none());
    assert!(matches!(
        a.entry().unwrap().kind,
        FormKind::Medication { editing: Some(ref m) } if m.id == 1
    ));
    assert_eq!(
        form(&a),
        (
            "Medication m1 (editing)".into(),
            "ibuprofen".into(),
            "400".into(),
            "name"
        ),
        "m1 as stored, to change or keep"
    );
    assert_eq!(
        status(&a),
        (
            false,
            "Editing m1 ibuprofen; the new entry was not saved".into()
        )
    );
    assert_eq!(live_count(&a), 1);
}

#[test]
fn a_new_medication_of_a_trashed_drug_offers_to_restore_it() {
    let mut a = meds_app(true);
    // The offer comes before the rest of the form is checked (the dose is empty here).
    press(&mut a, "n ibuprofen \n");
    assert_eq!(
        question(&a),
        "'ibuprofen' is m1 ibuprofen (400 mg, max 1200 mg/day) in the trash. Enter: restore m1 · Esc: back to the form"
    );
    press(&mut a, "n");
    assert_eq!(form(&a).1, "ibuprofen", "n answers no: the form is back");
    assert_eq!(live_count(&a), 0);
    press(&mut a, "\n\n");
    assert!(a.entry().is_none(), "the new form closes");
    assert_eq!(live_count(&a), 1, "m1 is back");
    assert_eq!(a.rows(), 1, "on the list");
    let (err, text) = status(&a);
    assert!(!err && text.starts_with("Restored medication m1"), "{text}");
    assert!(text.ends_with("u undoes"), "{text}");
    // Undoable like any restore.
    press(&mut a, "uy");
    assert_eq!(live_count(&a), 0);
}

#[test]
fn a_live_row_is_offered_before_a_trashed_one_and_restore_refuses_beside_it() {
    let mut a = meds_app(true);
    // Another device's row of the drug, merged in while m1 was in the trash.
    a.repo.add_medication(&med("Ibuprofen ", 200.0)).unwrap();
    a.refresh();
    press(&mut a, "nibuprofen\n");
    assert_eq!(a.confirm().unwrap().on_yes, Pending::OpenMed(2));
    press(&mut a, "\x1b\x1b");
    assert!(
        a.confirm().is_some(),
        "Esc on a changed form asks to discard"
    );
    press(&mut a, "y");
    // The Trash view's restore of m1 is refused, naming m2.
    press(&mut a, "T\n");
    let (err, text) = status(&a);
    assert!(err, "{text}");
    assert!(
        text.contains("m1 cannot be restored: m2 Ibuprofen  is the same drug"),
        "{text}"
    );
    assert_eq!(a.trash().unwrap().items.len(), 1, "m1 stays in the trash");
}

#[test]
fn renaming_in_the_edit_form_to_another_rows_drug_is_refused_naming_it() {
    let mut a = meds_app(false);
    a.repo.add_medication(&med("paracetamol", 500.0)).unwrap();
    a.refresh();
    // The catalogue is by name: paracetamol is the second row.
    press(&mut a, "j\n");
    assert_eq!(form(&a).0, "Medication m2 (editing)");
    for _ in 0.."paracetamol".len() {
        a.update(Action::Text(Edit::Backspace));
    }
    press(&mut a, "Ibuprofen\n");
    let (err, text) = status(&a);
    assert!(err, "{text}");
    assert!(
        text.starts_with(
            "Not saved (your input is kept): Name: 'Ibuprofen' is already m1 ibuprofen"
        ),
        "{text}"
    );
    assert!(a.confirm().is_none(), "an edit is refused, not offered");
    assert_eq!(form(&a).1, "Ibuprofen");
    assert_eq!(
        a.repo.medication_by_id(2).unwrap().unwrap().name,
        "paracetamol"
    );
}

#[test]
fn a_dose_over_the_max_asks_with_units_and_says_so_in_the_apps_words() {
    let mut a = meds_app(false);
    // Hours apart: doses within 30 minutes of each other ask about that first.
    for h in [6, 9, 12, 15] {
        a.time_of_day = chrono::NaiveTime::from_hms_opt(h, 0, 0);
        press(&mut a, "t");
    }
    assert_eq!(
        question(&a),
        "ibuprofen: 400 mg makes 1600 mg on 23 Nov, over your max of 1200 mg/day. Take it? (y/n)"
    );
    press(&mut a, "y");
    let (err, text) = status(&a);
    assert!(!err && text.contains("OVER the daily max"), "{text}");
    // "forced" is the CLI's --force; here the person answered y.
    assert!(!text.contains("forced"), "{text}");
}

#[test]
fn an_activity_without_tss_says_what_gives_one_in_the_apps_words() {
    let mut a = meds_app(false);
    press(&mut a, "a45m");
    a.update(Action::Save);
    let (err, text) = status(&a);
    assert!(!err && text.contains("no TSS"), "{text}");
    assert!(!text.contains("--"), "no CLI flags in the app: {text}");
    assert!(
        text.contains("Settings (S)") && text.contains("RPE"),
        "{text}"
    );
}

/// Issue 25: a Japanese medication name keeps the catalogue's columns: its usual dose stands
/// at the same terminal column as an ASCII name's (padding by characters pushed it right).
#[test]
fn a_japanese_name_keeps_the_catalogues_columns() {
    let mut a = meds_app(false);
    a.repo.add_medication(&med("ロキソニン", 60.0)).unwrap();
    a.refresh();
    a.ensure_loaded();
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    let col = |name: &str| {
        let line = text
            .lines()
            .find(|l| l.contains(name) && l.contains(" mg "))
            .unwrap_or_else(|| panic!("{name} in the catalogue:\n{text}"));
        let at = line.find(" mg ").unwrap();
        crate::tui::text::cells(&line[..at])
    };
    assert_eq!(col("ロキソニン"), col("ibuprofen"), "{text}");
}
