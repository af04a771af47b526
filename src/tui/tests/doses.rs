//! The Medications screen's doses view: `v` lists the recent doses, Enter corrects one through
//! `ops::edit` (a day over the max asks first), `d` deletes it, and `u` takes either back.
//! Keys go through the keymap.

use chrono::NaiveDate;

use super::press;
use crate::domain::records::Medication;
use crate::domain::vocab::MedClass;
use crate::ops::meds::{DoseDraft, take_dose};
use crate::repo::{Kind, RecordId, Repo};
use crate::tui::action::{Action, Edit, Screen};
use crate::tui::app::{App, Pending};
use crate::tui::forms::FormKind;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Ibuprofen (max 1200 mg a day) with d1 800 mg at 08:00 and d2 400 mg at 14:00 today.
fn app() -> App {
    let mut repo = Repo::open_in_memory().unwrap();
    repo.add_medication(&Medication {
        id: 0,
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
    })
    .unwrap();
    let now = day().and_hms_opt(20, 0, 0).unwrap();
    for (amount, at) in [(800.0, "08:00"), (400.0, "14:00")] {
        let d = DoseDraft {
            medication: "ibuprofen".into(),
            amount: Some(amount),
            at: Some(at.into()),
            pain: None,
            note: None,
            force: false,
        };
        take_dose(&mut repo, &d, day(), now).unwrap();
    }
    App::new(repo, day(), Theme::plain(), Screen::Meds)
}

fn amount(a: &App, id: i64) -> Option<f64> {
    a.repo.dose_by_id(id).unwrap().map(|d| d.amount)
}

fn status(a: &App) -> (bool, String) {
    let s = a.status.as_ref().expect("a status line");
    (s.error, s.text.clone())
}

/// Opens d1's form: the doses view lists d2 (14:00) first, d1 below it.
fn open_d1(a: &mut App) {
    press(a, "vj\n");
    let f = a.entry().expect("the dose form");
    assert!(matches!(&f.kind, FormKind::DoseEdit { dose, .. } if dose.id == 1));
    assert_eq!(f.entry.text("at"), "2026-11-23 08:00");
    assert_eq!(f.entry.text("amount"), "800");
}

/// Replaces the focused field's text.
fn retype(a: &mut App, text: &str) {
    a.update(Action::Text(Edit::Clear));
    press(a, text);
}

#[test]
fn v_lists_the_doses_newest_first_and_selects_them() {
    let mut a = app();
    assert_eq!(
        a.selected_record(),
        Some(RecordId::new(Kind::Medication, 1))
    );
    press(&mut a, "v");
    assert!(a.meds.doses_view());
    assert_eq!(a.rows(), 2);
    assert_eq!(a.selected_record(), Some(RecordId::new(Kind::Dose, 2)));
    press(&mut a, "j");
    assert_eq!(a.selected_record(), Some(RecordId::new(Kind::Dose, 1)));
    // `t` takes from the catalogue, which is not shown: nothing is taken.
    press(&mut a, "t");
    assert!(status(&a).1.contains("v shows it"), "{:?}", a.status);
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 2);
    press(&mut a, "v");
    assert_eq!(
        a.selected_record(),
        Some(RecordId::new(Kind::Medication, 1))
    );
}

#[test]
fn an_amount_corrected_800_to_400_is_stored_and_u_puts_it_back() {
    let mut a = app();
    open_d1(&mut a);
    press(&mut a, "\t");
    retype(&mut a, "400");
    press(&mut a, "\n");
    assert!(a.entry().is_none(), "saved and closed");
    assert_eq!(amount(&a, 1), Some(400.0));
    let (err, text) = status(&a);
    assert!(!err, "{text}");
    assert!(
        text.starts_with("Updated dose d1: 400 mg ibuprofen at 2026-11-23 08:00"),
        "{text}"
    );
    assert!(
        text.contains("total on 2026-11-23: 800 mg of max 1200 mg"),
        "{text}"
    );
    assert!(text.ends_with("u undoes"), "{text}");
    press(&mut a, "u");
    let c = a.confirm().expect("the undo question");
    assert_eq!(c.on_yes, Pending::Undo(0));
    assert!(
        c.question.starts_with("Take back your edit of dose d1"),
        "{}",
        c.question
    );
    press(&mut a, "y");
    assert_eq!(amount(&a, 1), Some(800.0));
}

#[test]
fn a_time_corrected_moves_the_dose() {
    let mut a = app();
    open_d1(&mut a);
    retype(&mut a, "07:15");
    press(&mut a, "\n");
    let d = a.repo.dose_by_id(1).unwrap().unwrap();
    assert_eq!(d.taken_at, day().and_hms_opt(7, 15, 0).unwrap());
    assert_eq!(d.amount, 800.0);
}

#[test]
fn a_bad_or_later_time_is_refused_naming_the_field_and_keeps_the_input() {
    let mut a = app();
    open_d1(&mut a);
    for bad in ["8:7x", "2099-01-01 08:00"] {
        retype(&mut a, bad);
        press(&mut a, "\n");
        let (err, text) = status(&a);
        assert!(err, "{text}");
        assert!(
            text.starts_with("Not saved (your input is kept): At: "),
            "{text}"
        );
        let e = &a.entry().expect("still open").entry;
        assert_eq!(e.text("at"), bad);
        assert_eq!(e.focused().unwrap().key, "at");
    }
    assert!(status(&a).1.contains("in the future"), "{:?}", a.status);
    let d = a.repo.dose_by_id(1).unwrap().unwrap();
    assert_eq!(d.taken_at, day().and_hms_opt(8, 0, 0).unwrap());
}

#[test]
fn a_correction_over_the_max_asks_and_stores_only_on_yes() {
    let mut a = app();
    open_d1(&mut a);
    press(&mut a, "\t");
    retype(&mut a, "1200");
    press(&mut a, "\n");
    let q = &a.confirm().expect("a question").question;
    assert_eq!(
        q,
        "ibuprofen: 1200 mg makes 1600 mg on 23 Nov, over your max of 1200 mg/day. Save it? (y/n)"
    );
    press(&mut a, "n");
    assert_eq!(amount(&a, 1), Some(800.0), "nothing stored on no");
    assert_eq!(a.entry().unwrap().entry.text("amount"), "1200");
    press(&mut a, "\n");
    press(&mut a, "y");
    assert_eq!(amount(&a, 1), Some(1200.0));
    let text = status(&a).1;
    assert!(text.contains("OVER the daily max"), "{text}");
    // The app words the facts itself: the person said yes, no command line was forced.
    assert!(!text.contains("forced"), "{text}");
}

#[test]
fn d_deletes_the_selected_dose_and_u_restores_it() {
    let mut a = app();
    press(&mut a, "vjd");
    assert_eq!(amount(&a, 1), None, "in the trash");
    assert_eq!(amount(&a, 2), Some(400.0), "the other dose stays");
    assert!(status(&a).1.ends_with("u undoes"));
    assert_eq!(a.rows(), 1);
    press(&mut a, "uy");
    assert_eq!(amount(&a, 1), Some(800.0));
    assert_eq!(a.rows(), 2);
}

#[test]
fn a_dose_row_never_ends_in_a_cut_pain_or_note() {
    let mut a = app();
    let d = DoseDraft {
        medication: "ibuprofen".into(),
        amount: Some(200.0),
        at: Some("15:00".into()),
        pain: Some("4".into()),
        note: Some("after the long drive home".into()),
        force: true,
    };
    take_dose(&mut a.repo, &d, day(), day().and_hms_opt(20, 0, 0).unwrap()).unwrap();
    a.refresh();
    press(&mut a, "v");
    let row = |w, h| {
        let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, w, h));
        let line = shown
            .lines()
            .find(|l| l.contains(" d3 "))
            .map(str::to_string);
        line.unwrap_or_else(|| panic!("no d3 row at {w}: {shown}"))
    };
    let wide = row(80, 24);
    assert!(
        wide.contains("pain 4") && wide.contains("after the"),
        "{wide}"
    );
    let narrow = row(60, 20);
    assert!(narrow.contains("200 mg ibuprofen"), "{narrow}");
    assert!(
        !narrow.contains("pain") || narrow.contains("pain 4"),
        "{narrow}"
    );
}

/// Issue 20 item 18: a dose of ibuprofen 10 minutes after the 14:00 one asks first; n stores
/// nothing, y stores it (and the max is still checked after).
#[test]
fn a_second_dose_within_30_minutes_asks_and_n_stores_nothing() {
    let mut a = app();
    a.time_of_day = chrono::NaiveTime::from_hms_opt(14, 10, 0);
    a.update(Action::OpenDose);
    if let Some(FormKind::PickMed { last, .. }) = a.entry().map(|e| &e.kind) {
        assert_eq!(
            last.get(&1).map(String::as_str),
            Some("last dose 10 min ago")
        );
    } else {
        panic!("the picker is open");
    }
    press(&mut a, "ibu\n");
    retype(&mut a, "200");
    press(&mut a, "\n");
    let c = a.confirm().expect("the question");
    assert!(
        c.question
            .starts_with("ibuprofen: 400 mg is already logged at 14:00 (d2), 10 min before"),
        "{}",
        c.question
    );
    assert!(matches!(c.on_yes, Pending::Again(_)));
    press(&mut a, "n");
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 2);
    assert!(status(&a).1.contains("Not taken"), "{:?}", a.status);
    assert!(a.entry().is_some(), "the dose stays open");
    press(&mut a, "\n");
    press(&mut a, "y");
    // The day already holds 1200 mg: yes to the 30 minutes, then the max asks.
    let c = a.confirm().expect("the max's question");
    assert!(c.question.contains("over your max"), "{}", c.question);
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 2);
    press(&mut a, "y");
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 3);
    assert!(a.entry().is_none());
}

/// Issue 25: the app left open past midnight follows the clock. The day holds its 1200 mg
/// max; at 00:30 the next day a 400 mg dose lands on the new day without the over-max
/// question (it was stored on the old day and counted against its max).
#[test]
fn a_dose_after_midnight_with_the_app_open_lands_on_the_new_day() {
    use std::cell::Cell;
    use std::rc::Rc;
    let mut a = app();
    let next = day().succ_opt().unwrap();
    let now = Rc::new(Cell::new(day().and_hms_opt(23, 50, 0).unwrap()));
    let read = Rc::clone(&now);
    a.clock = Some(Box::new(move || read.get()));
    a.update(Action::Tick);
    assert_eq!(a.today, day());
    now.set(next.and_hms_opt(0, 30, 0).unwrap());
    a.update(Action::Tick);
    assert_eq!(a.today, next, "a tick moves the app to the new day");
    // A tick with no new day leaves the status line alone (one comes every 100 ms).
    a.info("Saved");
    let shown = a.status.clone();
    a.update(Action::Tick);
    assert_eq!(a.status, shown, "a tick clears nothing");
    a.update(Action::OpenDose);
    press(&mut a, "ibu\n");
    retype(&mut a, "400");
    press(&mut a, "\n");
    assert!(
        a.confirm().is_none(),
        "{:?}",
        a.confirm().map(|c| &c.question)
    );
    assert!(a.entry().is_none(), "the dose is stored");
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 2);
    let new_day = a.repo.doses_between(next, next).unwrap();
    assert_eq!(new_day.len(), 1);
    assert_eq!(
        new_day[0].taken_at,
        next.and_hms_opt(0, 30, 0).unwrap(),
        "stored at 00:30 of the new day"
    );
}

/// Issue 25 item 1: `u` on a dose correction that would now take its day over the max asks
/// first, as taking it does, and writes only on yes.
#[test]
fn undoing_a_correction_over_the_max_asks_first() {
    let mut a = app();
    open_d1(&mut a);
    press(&mut a, "\t");
    retype(&mut a, "400");
    press(&mut a, "\n");
    assert_eq!(amount(&a, 1), Some(400.0));
    // 400 mg more at 18:00 makes 1200 mg: putting d1 back to 800 mg would make 1600 mg.
    let d = DoseDraft {
        medication: "ibuprofen".into(),
        amount: Some(400.0),
        at: Some("18:00".into()),
        pain: None,
        note: None,
        force: false,
    };
    take_dose(&mut a.repo, &d, day(), day().and_hms_opt(20, 0, 0).unwrap()).unwrap();
    press(&mut a, "uy");
    let c = a.confirm().expect("the max question");
    assert!(
        c.question
            .starts_with("ibuprofen: 800 mg makes 1600 mg on 23 Nov, over your max of 1200 mg/day"),
        "{}",
        c.question
    );
    assert_eq!(
        amount(&a, 1),
        Some(400.0),
        "nothing written before the answer"
    );
    press(&mut a, "y");
    assert_eq!(amount(&a, 1), Some(800.0));
}
