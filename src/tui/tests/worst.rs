//! Issue 21.11 in the app: a higher pain over the worst pre-filled from the stored check-in
//! raises the worst, as `backtrack checkin` does, instead of refusing the form; a worst the
//! person typed below the pain is still refused.

use chrono::NaiveDate;

use super::press;
use crate::domain::records::Checkin;
use crate::repo::Repo;
use crate::tui::action::{Action, Screen};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app() -> App {
    let mut repo = Repo::open_in_memory().unwrap();
    let c = Checkin {
        date: day(),
        pain: 3,
        worst_pain: Some(5),
        ..Default::default()
    };
    repo.save_checkin(&c).unwrap();
    App::new(repo, day(), Theme::plain(), Screen::Today)
}

fn stored(a: &App) -> (u8, Option<u8>) {
    let c = a.repo.checkin_on(day()).unwrap().unwrap();
    (c.pain, c.worst_pain)
}

#[test]
fn a_higher_pain_raises_the_prefilled_worst() {
    let mut a = app();
    press(&mut a, "c");
    let form = a.form_mut().expect("the check-in form");
    assert_eq!(form.worst, Some(5), "pre-filled from the stored check-in");
    form.pain = Some(7);
    a.update(Action::Save);
    assert!(a.form().is_none(), "{:?}", a.status);
    assert_eq!(stored(&a), (7, Some(7)));
    let said = &a.status.as_ref().unwrap().text;
    assert!(said.contains("worst raised from 5 to 7"), "{said}");
}

#[test]
fn a_typed_worst_below_the_pain_is_still_refused() {
    let mut a = app();
    press(&mut a, "c");
    let form = a.form_mut().unwrap();
    form.pain = Some(7);
    form.worst = Some(6);
    a.update(Action::Save);
    assert!(a.form().is_some(), "the form stays open");
    assert_eq!(stored(&a), (3, Some(5)));
    assert!(a.status.as_ref().unwrap().error);
}
