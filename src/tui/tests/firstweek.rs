//! Action → state tests for what a new user's first week broke in the app (issue 20).

use chrono::NaiveDate;

use super::press;
use crate::repo::Repo;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::theme::Theme;

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
    let f = a.form_mut().unwrap();
    f.focus = crate::tui::forms::checkin::Field::SleepQuality;
    press(&mut a, "+");
    assert_eq!(a.form().unwrap().sleep_quality, Some(1));
}

#[test]
fn a_paste_is_text_for_the_field_and_never_keys() {
    use crate::tui::action::Action;
    let mut a = app();
    // The event form, on its title: a pasted line break is a space, and the "m" after it
    // is a letter of the title, not the dose picker.
    press(&mut a, "e\t\t");
    a.update(Action::Paste("MRI at\r\nthe clinic m".into()));
    let e = a.entry().expect("the form is still open");
    assert_eq!(e.entry.text("title"), "MRI at the clinic m");
    assert!(a.repo.events_between(day(), day()).unwrap().is_empty());
    // The note keeps its lines.
    press(&mut a, "\t");
    a.update(Action::Paste("line one\nline two".into()));
    assert_eq!(a.entry().unwrap().entry.text("note"), "line one\nline two");
    // On a screen a paste is not keys: "q" does not quit, "c" opens nothing.
    press(&mut a, "\x1by");
    assert!(a.entry().is_none());
    a.update(Action::Paste("cq".into()));
    assert!(a.form().is_none() && a.entry().is_none() && !a.should_quit);
    // On a scale it changes nothing either.
    press(&mut a, "c");
    a.update(Action::Paste("7".into()));
    assert_eq!(a.form().unwrap().pain, None);
}

fn ibuprofen_dose(repo: &mut Repo, hour: u32) -> i64 {
    ibuprofen_dose_at(repo, day().and_hms_opt(hour, 0, 0).unwrap())
}

fn ibuprofen_dose_at(repo: &mut Repo, at: chrono::NaiveDateTime) -> i64 {
    use crate::domain::records::Dose;
    let m = match repo.medication_by_name("ibuprofen").unwrap() {
        Some(m) => m,
        None => super::forms::ibuprofen(repo),
    };
    repo.add_dose(&Dose {
        id: 0,
        uuid: String::new(),
        taken_at: at,
        medication_id: m.id,
        medication: m.name.clone(),
        class: m.class,
        unit: m.unit.clone(),
        amount: 800.0,
        pain_before: None,
        note: None,
    })
    .unwrap()
    .id
}

#[test]
fn bringing_a_dose_back_from_the_trash_asks_over_the_max() {
    use crate::repo::{Kind, RecordId};
    let mut repo = Repo::open_in_memory().unwrap();
    let early = ibuprofen_dose(&mut repo, 8);
    repo.delete(RecordId::new(Kind::Dose, early)).unwrap();
    ibuprofen_dose(&mut repo, 12);
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Meds);
    press(&mut a, "T\n");
    let q = a.confirm().expect("asked first").question.clone();
    assert!(
        q.contains("1600 mg") && q.contains("max of 1200 mg/day") && q.contains("Bring it back?"),
        "{q}"
    );
    press(&mut a, "n");
    assert_eq!(
        a.repo.day_total(1, day()).unwrap(),
        800.0,
        "n restores nothing"
    );
    assert_eq!(a.trash().unwrap().items.len(), 1);
    press(&mut a, "\ny");
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 1600.0);
    assert!(a.trash().unwrap().items.is_empty());
}

#[test]
fn undoing_a_dose_delete_asks_over_the_max() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen_dose(&mut repo, 8);
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Meds);
    // The doses view, the 08:00 dose deleted here; another dose taken elsewhere since.
    press(&mut a, "vdy");
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 0.0, "deleted");
    ibuprofen_dose(&mut a.repo, 12);
    press(&mut a, "uy");
    let q = a.confirm().expect("asked about the max").question.clone();
    assert!(q.contains("1600 mg") && q.contains("Bring it back?"), "{q}");
    press(&mut a, "n");
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 800.0);
    press(&mut a, "uyy");
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 1600.0);
}

#[test]
fn a_time_alone_in_the_dose_form_keeps_the_dose_on_its_own_day() {
    use crate::tui::action::{Action, Edit};
    let mut repo = Repo::open_in_memory().unwrap();
    let yesterday = day().pred_opt().unwrap();
    let id = ibuprofen_dose_at(&mut repo, yesterday.and_hms_opt(20, 0, 0).unwrap());
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Meds);
    press(&mut a, "v\n");
    assert!(a.entry().is_some(), "the dose form");
    a.update(Action::Text(Edit::Clear));
    press(&mut a, "08:00\n");
    assert!(a.entry().is_none(), "saved: {:?}", a.status);
    let d = a.repo.dose_by_id(id).unwrap().unwrap();
    assert_eq!(d.taken_at, yesterday.and_hms_opt(8, 0, 0).unwrap());
}

#[test]
fn training_counts_the_programmes_own_sessions_and_rounds_the_percent() {
    use crate::ops::rehab::{ProgrammeDraft, RehabLogDraft, add_programme, log};
    // Wednesday 25 Nov; "core" (target 3) began on Tuesday. Monday's 20 minutes had no
    // programme: counted apart, not toward core's target.
    let wed = day() + chrono::Duration::days(2);
    let mut repo = Repo::open_in_memory().unwrap();
    let at = |d: &str, programme: Option<&str>, minutes| RehabLogDraft {
        programme: programme.map(String::from),
        date: Some(d.into()),
        minutes,
        ..Default::default()
    };
    log(&mut repo, &at("2026-11-23", None, Some(20)), wed).unwrap();
    let core = ProgrammeDraft {
        name: "core".into(),
        exercises: vec!["bird dog:3x10".into()],
        from: Some("2026-11-24".into()),
        target: 3,
        ..Default::default()
    };
    add_programme(&mut repo, &core, wed).unwrap();
    for d in ["2026-11-24", "2026-11-25"] {
        log(&mut repo, &at(d, Some("core"), None), wed).unwrap();
    }
    let mut a = App::new(repo, wed, Theme::plain(), Screen::Training);
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(
        text.contains("core: 2 of 3 sessions (67%) + 1 other"),
        "{text}"
    );
    a.update(crate::tui::action::Action::GoTo(Screen::Today));
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 120, 40));
    assert!(text.contains("2 of 3 sessions (67%) + 1 other"), "{text}");
}

#[test]
fn a_first_ftp_in_settings_applies_from_the_journals_first_day() {
    use crate::domain::records::Activity;
    use crate::domain::vocab::ActivityKind;
    use crate::tui::action::{Action, Edit};
    let mut repo = Repo::open_in_memory().unwrap();
    let ten_days_ago = day() - chrono::Duration::days(10);
    let mut ride = Activity::new(
        ActivityKind::Ride,
        ten_days_ago.and_hms_opt(9, 0, 0).unwrap(),
        3600,
    );
    ride.normalized_power_w = Some(200.0);
    repo.add_activity(&ride).unwrap();
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Today);
    press(&mut a, "S");
    a.entry_mut().unwrap().entry.focus_key("ftp_w");
    for c in "250".chars() {
        a.update(Action::Text(Edit::Insert(c)));
    }
    a.update(Action::Save);
    let said = a.status.as_ref().unwrap().text.clone();
    assert!(said.contains("from the journal's first day"), "{said}");
    assert_eq!(a.repo.dated_on("ftp_w", ten_days_ago).unwrap(), Some(250.0));
    let acts = a
        .repo
        .activities_between(ten_days_ago, ten_days_ago)
        .unwrap();
    assert_eq!(
        acts[0].tss.map(f64::round),
        Some(64.0),
        "the old ride got its TSS"
    );
}
