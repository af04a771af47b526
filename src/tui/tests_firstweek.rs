//! Action → state tests for what a new user's first week broke in the app (issue 20).

use chrono::NaiveDate;

use super::action::Screen;
use super::app::App;
use super::tests::press;
use super::theme::Theme;
use crate::repo::Repo;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app() -> App {
    App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Today,
    )
}

fn saved_pain(a: &App) -> u8 {
    a.today_checkin.as_ref().expect("a check-in was saved").pain
}

#[test]
fn plus_on_an_empty_pain_saves_ten() {
    let mut a = app();
    press(&mut a, "c+\n");
    assert_eq!(saved_pain(&a), 10);
}

#[test]
fn one_then_zero_is_ten_and_a_later_zero_is_zero() {
    let mut a = app();
    press(&mut a, "c10\n");
    assert_eq!(saved_pain(&a), 10);
    // A correction typed after it: 0 again, and a digit after another key starts afresh.
    press(&mut a, "c100\n");
    assert_eq!(saved_pain(&a), 0);
    press(&mut a, "c1-0\n");
    assert_eq!(saved_pain(&a), 0, "1, -, 0 is the 0 typed last");
}

#[test]
fn plus_on_an_empty_one_to_five_scale_still_starts_at_one() {
    let mut a = app();
    // Pain, worst, where, feels, red flags, sleep, sitting, sleep quality.
    press(&mut a, "c4");
    let f = a.form.as_mut().unwrap();
    f.focus = super::forms::checkin::Field::SleepQuality;
    press(&mut a, "+");
    assert_eq!(a.form.as_ref().unwrap().sleep_quality, Some(1));
}

#[test]
fn a_paste_is_text_for_the_field_and_never_keys() {
    use super::action::Action;
    let mut a = app();
    // The event form, on its title: a pasted line break is a space, and the "m" after it
    // is a letter of the title, not the dose picker.
    press(&mut a, "e\t\t");
    a.update(Action::Paste("MRI at\r\nthe clinic m".into()));
    let e = a.entry.as_ref().expect("the form is still open");
    assert_eq!(e.entry.text("title"), "MRI at the clinic m");
    assert!(a.repo.events_between(day(), day()).unwrap().is_empty());
    // The note keeps its lines.
    press(&mut a, "\t");
    a.update(Action::Paste("line one\nline two".into()));
    assert_eq!(
        a.entry.as_ref().unwrap().entry.text("note"),
        "line one\nline two"
    );
    // On a screen a paste is not keys: "q" does not quit, "c" opens nothing.
    press(&mut a, "\x1by");
    assert!(a.entry.is_none());
    a.update(Action::Paste("cq".into()));
    assert!(a.form.is_none() && a.entry.is_none() && !a.should_quit);
    // On a scale it changes nothing either.
    press(&mut a, "c");
    a.update(Action::Paste("7".into()));
    assert_eq!(a.form.as_ref().unwrap().pain, None);
}
