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
