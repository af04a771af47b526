//! Action → state tests of rehab in the app: editing a session stores its exercises (changed
//! with "As done", or unticked), and a programme's loads reach the sessions logged from it.

use chrono::NaiveDate;

use super::press;
use crate::repo::Repo;
use crate::tui::action::{Action, Edit, Screen};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn type_in(a: &mut App, key: &str, text: &str) {
    a.entry_mut().expect("form open").entry.focus_key(key);
    for c in text.chars() {
        a.update(Action::Text(Edit::Insert(c)));
    }
}

fn status(a: &App) -> (bool, String) {
    let s = a.status.as_ref().expect("a status line");
    (s.error, s.text.clone())
}

/// The app on Training with programme "core" (bird dog 3x10, goblet squat 3x8@16kg) added
/// through its form, and one session logged from it with `r` Enter.
fn logged() -> App {
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Training,
    );
    press(&mut a, "ncore\tbird dog:3x10, goblet squat:3x8@16kg\n");
    let (err, text) = status(&a);
    assert!(!err && text.contains("goblet squat 3x8@16kg"), "{text}");
    press(&mut a, "r\n");
    a
}

#[test]
fn a_programmes_load_is_kept_and_logged_as_prescribed() {
    let a = logged();
    let p = a.repo.programmes().unwrap();
    assert_eq!(p[0].items[1].load_kg, Some(16.0));
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    let loads: Vec<Option<f64>> = s[0].items.iter().map(|i| i.load_kg).collect();
    assert_eq!(loads, vec![None, Some(16.0)]);
}

#[test]
fn editing_a_session_with_as_done_stores_the_exercise() {
    let mut a = logged();
    let before = a.repo.rehab_sessions_between(day(), day()).unwrap();
    let uuid = before[0].uuid.clone();
    // Enter on the session's row opens it; "As done" changes bird dog.
    press(&mut a, "\n");
    type_in(&mut a, "as_done", "bird dog:3x12@4kg");
    a.update(Action::Save);
    let (err, text) = status(&a);
    assert!(
        !err && text.starts_with("Updated rehab session r1"),
        "{text}"
    );
    assert!(text.contains("bird dog 3x12@4kg"), "{text}");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!((s.len(), s[0].uuid.as_str()), (1, uuid.as_str()));
    let bird = &s[0].items[0];
    assert_eq!(
        (bird.exercise.as_str(), bird.sets, bird.reps, bird.load_kg),
        ("bird dog", Some(3), Some(12), Some(4.0))
    );
    assert_eq!(s[0].items[1], before[0].items[1], "goblet squat unchanged");

    // Opened again, the form shows what was stored; unticking goblet squat drops it.
    press(&mut a, "\n");
    let form = a.entry().expect("form open");
    let crate::tui::forms::FormKind::Rehab { exercises, .. } = &form.kind else {
        panic!("not the rehab form");
    };
    assert_eq!(
        (exercises[0].reps, exercises[0].load_kg),
        (Some(12), Some(4.0))
    );
    a.entry_mut().unwrap().entry.focus_key("done");
    press(&mut a, "j \n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    let names: Vec<&str> = s[0].items.iter().map(|i| i.exercise.as_str()).collect();
    assert_eq!(names, vec!["bird dog"]);
    assert_eq!(s[0].items[0].load_kg, Some(4.0));

    // u offers the newest edit (tests_undo takes edits back); n keeps it.
    press(&mut a, "u");
    let q = &a.confirm().expect("asks").question;
    assert!(
        q.starts_with("Take back your edit of rehab session r1"),
        "{q}"
    );
    press(&mut a, "n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!((s.len(), s[0].items.len()), (1, 1));
}

#[test]
fn a_sessions_minutes_take_the_command_lines_limits() {
    let mut a = logged();
    // Enter opens the session; 900 minutes (a long day of rehab) is within 0–1440.
    press(&mut a, "\n");
    type_in(&mut a, "minutes", "900");
    a.update(Action::Save);
    let (err, text) = status(&a);
    assert!(!err, "{text}");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(s[0].minutes, Some(900));
    // A 0 typed after the stored 900 makes 9000, past a day: refused naming the field, and
    // the form stays open with the input.
    press(&mut a, "\n");
    type_in(&mut a, "minutes", "0");
    a.update(Action::Save);
    let (err, text) = status(&a);
    assert!(
        err && text.contains("out of range") && text.contains("1440"),
        "{text}"
    );
    assert!(a.entry().is_some(), "the form keeps the input");
}
