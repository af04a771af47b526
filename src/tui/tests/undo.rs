//! Action → state tests of taking back an edit: `u` asks naming the edit, a yes stores the
//! record as it was, `U` stores the edit again; edits stack, and an undo over a change made
//! outside the step is refused in words with nothing written.

use chrono::NaiveDate;

use super::press;
use crate::domain::records::Checkin;
use crate::repo::Repo;
use crate::tui::action::{Action, Edit, Screen};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The test day as record descriptions write it (with its year once the clock has moved on).
fn on() -> String {
    crate::domain::text::date(day(), crate::domain::clock::today())
}

fn app_on(screen: Screen) -> App {
    App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        screen,
    )
}

/// Replaces the text of field `key` in the open form.
fn set(a: &mut App, key: &str, text: &str) {
    a.entry_mut().expect("form open").entry.focus_key(key);
    for _ in 0..40 {
        a.update(Action::Text(Edit::Backspace));
    }
    for c in text.chars() {
        a.update(Action::Text(Edit::Insert(c)));
    }
}

fn status(a: &App) -> (bool, String) {
    let s = a.status.as_ref().expect("a status line");
    (s.error, s.text.clone())
}

/// `u` (or `U`): the question it asks, which must fit one 80-column line.
fn ask(a: &mut App, key: &str) -> String {
    press(a, key);
    let q = a.confirm().expect("asks first").question.clone();
    assert!(q.chars().count() <= 80, "longer than a line: {q}");
    q
}

fn pain(a: &App) -> u8 {
    a.repo.checkin_on(day()).unwrap().expect("a check-in").pain
}

#[test]
fn a_check_in_edit_is_taken_back_and_redone() {
    let mut a = app_on(Screen::Today);
    press(&mut a, "c4\n");
    press(&mut a, "c7\n");
    assert_eq!(pain(&a), 7);
    let (err, text) = status(&a);
    assert!(!err && text.ends_with("u undoes"), "{text}");

    let q = ask(&mut a, "u");
    assert_eq!(
        q,
        format!(
            "Take back your edit of check-in c1, {}, pain (4 → 7)? (y/n)",
            on()
        )
    );
    assert_eq!(pain(&a), 7, "nothing happens before yes");
    press(&mut a, "y");
    assert_eq!(pain(&a), 4);
    assert_eq!(a.today_checkin.as_ref().map(|c| c.pain), Some(4), "shown");
    let (err, text) = status(&a);
    assert!(
        !err && text.starts_with(&format!(
            "Put back check-in c1 as before your edit: {}, pain 4",
            on()
        )),
        "{text}"
    );
    assert!(text.ends_with("U redoes"), "{text}");

    let q = ask(&mut a, "U");
    assert!(
        q.starts_with(&format!(
            "Redo your edit of check-in c1, {}, pain (4 → 7)",
            on()
        )),
        "{q}"
    );
    press(&mut a, "y");
    assert_eq!(pain(&a), 7);
    // And back once more: the step can go round as often as wanted.
    ask(&mut a, "u");
    press(&mut a, "y");
    assert_eq!(pain(&a), 4);
}

#[test]
fn edits_of_one_record_stack_and_unwind_in_order() {
    let mut a = app_on(Screen::Today);
    press(&mut a, "c4\nc5\nc6\n");
    assert_eq!(pain(&a), 6);
    for want in [5, 4] {
        ask(&mut a, "u");
        press(&mut a, "y");
        assert_eq!(pain(&a), want);
    }
    // The adding was dropped at the first edit: nothing older to take back.
    press(&mut a, "u");
    assert!(a.confirm().is_none());
    for want in [5, 6] {
        ask(&mut a, "U");
        press(&mut a, "y");
        assert_eq!(pain(&a), want);
    }
    // A new edit after an undo ends the redo of the older one.
    ask(&mut a, "u");
    press(&mut a, "y");
    press(&mut a, "c9\n");
    press(&mut a, "U");
    assert!(a.confirm().is_none(), "nothing to redo after a new edit");
    assert_eq!(pain(&a), 9);
}

#[test]
fn an_activity_edit_is_taken_back_and_redone() {
    let mut a = app_on(Screen::Training);
    press(&mut a, "a1h30m\n");
    press(&mut a, "\n");
    set(&mut a, "duration", "2h");
    a.update(Action::Save);
    let elapsed = |a: &App| a.repo.activities_between(day(), day()).unwrap()[0].elapsed_s;
    assert_eq!(elapsed(&a), 7200);

    let q = ask(&mut a, "u");
    assert!(
        q.starts_with(&format!(
            "Take back your edit of activity a1, ride (1h30m → 2h) on {}",
            on()
        )),
        "{q}"
    );
    press(&mut a, "y");
    assert_eq!(elapsed(&a), 5400);
    assert_eq!(a.rows(), 1, "still one activity");
    ask(&mut a, "U");
    press(&mut a, "y");
    assert_eq!(elapsed(&a), 7200);
}

#[test]
fn a_rehab_sessions_exercise_change_is_taken_back_and_redone() {
    let mut a = app_on(Screen::Training);
    press(&mut a, "ncore\tbird dog:3x10, dead bug:3x8\n");
    press(&mut a, "r\n");
    let items = |a: &App| -> Vec<(String, Option<u32>)> {
        let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
        s[0].items
            .iter()
            .map(|i| (i.exercise.clone(), i.reps))
            .collect()
    };
    let logged = items(&a);
    assert_eq!(logged.len(), 2);
    // Enter edits the session; "As done" changes bird dog.
    press(&mut a, "\n");
    set(&mut a, "as_done", "bird dog:3x12");
    a.update(Action::Save);
    let edited = items(&a);
    assert_eq!(edited[0], ("bird dog".to_string(), Some(12)));

    let q = ask(&mut a, "u");
    assert!(
        q.starts_with(&format!(
            "Take back your edit of rehab session r1, core on {}",
            on()
        )),
        "{q}"
    );
    press(&mut a, "y");
    assert_eq!(items(&a), logged);
    ask(&mut a, "U");
    press(&mut a, "y");
    assert_eq!(items(&a), edited);
}

#[test]
fn an_undo_over_a_change_made_elsewhere_is_refused() {
    let mut a = app_on(Screen::Today);
    press(&mut a, "c4\nc7\n");
    // The CLI (or an import) writes the check-in after the app's edit.
    let mut c: Checkin = a.repo.checkin_on(day()).unwrap().unwrap();
    c.pain = 9;
    a.repo.update_checkin(&c).unwrap();
    press(&mut a, "u");
    assert!(a.confirm().is_none(), "not asked: the step is stale");
    let (err, text) = status(&a);
    assert!(err, "{text}");
    assert_eq!(
        text,
        "Cannot undo: check-in c1 was changed since (by a later step, or outside the app); nothing was written"
    );
    assert_eq!(pain(&a), 9, "the newer value stays");
    press(&mut a, "u");
    assert!(a.confirm().is_none(), "the stale step is gone");

    // Changed between the question and the yes: refused the same way, nothing written.
    press(&mut a, "c3\n");
    ask(&mut a, "u");
    c.pain = 8;
    a.repo.update_checkin(&c).unwrap();
    press(&mut a, "y");
    let (err, text) = status(&a);
    assert!(
        err && text.starts_with("Undo failed: check-in c1 was changed since"),
        "{text}"
    );
    assert_eq!(pain(&a), 8);
}

#[test]
fn an_edit_of_a_record_deleted_since_is_not_put_back() {
    let mut a = app_on(Screen::Timeline);
    press(&mut a, "e\t\tMRI\n");
    press(&mut a, "\n");
    set(&mut a, "title", "MRI lumbar");
    a.update(Action::Save);
    // Deleted on another screen's list… here from the repo, as the CLI would.
    let rid = crate::repo::RecordId::new(crate::repo::Kind::Event, 1);
    a.repo.delete(rid).unwrap();
    press(&mut a, "u");
    let (err, text) = status(&a);
    assert!(
        err && text == "Cannot undo: event e1 was deleted since; nothing was written",
        "{text}"
    );
    assert!(a.repo.events_between(day(), day()).unwrap().is_empty());
}

#[test]
fn a_delete_after_an_edit_unwinds_through_both() {
    let mut a = app_on(Screen::Pain);
    press(&mut a, "\n4\n");
    press(&mut a, "\n7\n");
    press(&mut a, "d");
    assert!(a.repo.checkin_on(day()).unwrap().is_none());
    let q = ask(&mut a, "u");
    assert!(q.starts_with("Bring back the deleted check-in"), "{q}");
    press(&mut a, "y");
    assert_eq!(pain(&a), 7);
    // The restore left the edit as it was: the edit beneath can still be taken back.
    ask(&mut a, "u");
    press(&mut a, "y");
    assert_eq!(pain(&a), 4);
}

#[test]
fn a_form_saved_unchanged_adds_no_step() {
    let mut a = app_on(Screen::Today);
    press(&mut a, "c4\n");
    press(&mut a, "c\n");
    assert!(!status(&a).1.ends_with("u undoes"), "{:?}", a.status);
    // u still offers the adding, the only step there is.
    let q = ask(&mut a, "u");
    assert!(
        q.starts_with(&format!("Take back {}, pain 4?", on())),
        "{q}"
    );
}

/// Issue 20 item 19: an activity of the person's own kind (`yoga`) shows by its name on
/// Training and keeps it through the app's edit form.
#[test]
fn an_activity_of_ones_own_kind_keeps_it_through_the_form() {
    let mut a = app_on(Screen::Training);
    let draft = crate::ops::activity::ActivityDraft {
        kind: "yoga".into(),
        duration: "45m".into(),
        ..Default::default()
    };
    crate::ops::activity::add(&mut a.repo, &draft, day()).unwrap();
    a.refresh();
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(shown.contains(" yoga "), "{shown}");
    press(&mut a, "\n");
    let form = &a.entry().expect("the edit form").entry;
    assert_eq!(form.text("kind"), "yoga");
    set(&mut a, "duration", "1h");
    a.update(Action::Save);
    let x = &a.repo.activities_between(day(), day()).unwrap()[0];
    assert_eq!((x.kind_name(), x.elapsed_s), ("yoga", 3600));
    // A new activity is offered the journal's own kinds after the built-in ones.
    a.update(Action::OpenActivity);
    let f = a.entry_mut().expect("the new activity form");
    f.entry.focus_key("kind");
    let mut seen = Vec::new();
    for _ in 0..12 {
        seen.push(f.entry.text("kind"));
        f.entry.move_item(1);
    }
    assert!(seen.contains(&"yoga".to_string()), "{seen:?}");
    while f.entry.text("kind") != "yoga" {
        f.entry.move_item(1);
    }
    f.entry.focus_key("duration");
    press(&mut a, "30m");
    a.update(Action::Save);
    let kinds: Vec<String> = a
        .repo
        .activities_between(day(), day())
        .unwrap()
        .iter()
        .map(|x| x.kind_name().to_string())
        .collect();
    assert_eq!(kinds, ["yoga", "yoga"]);
}
