//! Issue 20.9 in the app: an activity whose figure looks like a typo (NP 2000) asks before it
//! is stored, the question the command line answers with `--force`; no keeps the form open.

use chrono::NaiveDate;

use super::press;
use crate::repo::Repo;
use crate::tui::action::{Action, Screen};
use crate::tui::app::{App, Pending};
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn rides(a: &App) -> usize {
    a.repo.activities_between(day(), day()).unwrap().len()
}

#[test]
fn an_np_of_2000_asks_first_and_is_stored_only_on_yes() {
    let repo = Repo::open_in_memory().unwrap();
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Training);
    press(&mut a, "a1h");
    a.entry_mut().unwrap().entry.set_text("np", "2000");
    a.update(Action::Save);
    let c = a.confirm().expect("a question");
    assert_eq!(c.on_yes, Pending::Implausible);
    assert!(
        c.question.starts_with("np: 2000 W over a whole activity")
            && c.question.ends_with("Save it anyway? (y/n)"),
        "{}",
        c.question
    );
    press(&mut a, "n");
    assert_eq!(rides(&a), 0, "nothing stored on no");
    assert_eq!(a.entry().unwrap().entry.text("np"), "2000");
    a.update(Action::Save);
    press(&mut a, "y");
    assert_eq!(rides(&a), 1, "{:?}", a.status);
    let ride = &a.repo.activities_between(day(), day()).unwrap()[0];
    assert_eq!(ride.normalized_power_w, Some(2000.0));
    // A plausible ride is saved without a question.
    press(&mut a, "a45m");
    a.entry_mut().unwrap().entry.set_text("np", "210");
    a.update(Action::Save);
    assert!(
        a.confirm().is_none() && a.entry().is_none(),
        "{:?}",
        a.status
    );
}
