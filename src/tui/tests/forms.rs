//! Action → state tests for the forms besides the check-in: validation keeps the input and
//! names the field, the dose max asks first, rehab ticks, events, PSFS, delete and undo.

use chrono::{Duration, NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::press;

use crate::domain::records::{Medication, Programme, ProgrammeItem};
use crate::domain::vocab::MedClass;
use crate::repo::{Kind, RecordId, Repo};
use crate::tui::action::{Action, Screen};
use crate::tui::app::App;
use crate::tui::forms::FormKind;
use crate::tui::keymap::{HelpFor, KeyContext, help_for, map};
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app_on(repo: Repo, screen: Screen) -> App {
    App::new(repo, day(), Theme::plain(), screen)
}

fn app() -> App {
    app_on(Repo::open_in_memory().unwrap(), Screen::Today)
}

fn status(app: &App) -> (bool, String) {
    let s = app.status.as_ref().expect("a status line");
    (s.error, s.text.clone())
}

fn focused_value(app: &App) -> String {
    let e = &app.entry().expect("form open").entry;
    e.focused().unwrap().value()
}

pub(super) fn ibuprofen(repo: &mut Repo) -> Medication {
    repo.add_medication(&Medication {
        id: 0,
        uuid: String::new(),
        name: "ibuprofen".into(),
        class: MedClass::Nsaid,
        unit: "mg".into(),
        usual_dose: 800.0,
        max_daily: Some(1200.0),
        as_needed: true,
        times_a_day: None,
        course_start: None,
        course_end: None,
        note: None,
    })
    .unwrap()
}

#[test]
fn new_keys_map_and_show_in_help() {
    let s = KeyContext::Screen(Screen::Today);
    let k = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(map(k('a'), s), Some(Action::OpenActivity));
    assert_eq!(map(k('r'), s), Some(Action::OpenRehab));
    assert_eq!(map(k('m'), s), Some(Action::OpenDose));
    assert_eq!(map(k('e'), s), Some(Action::OpenEvent));
    assert_eq!(map(k('p'), s), Some(Action::OpenPsfs));
    assert_eq!(map(k('t'), s), None, "t is the Medications screen's");
    let meds = KeyContext::Screen(Screen::Meds);
    assert_eq!(map(k('t'), meds), Some(Action::TakeSelected));
    let tl = KeyContext::Screen(Screen::Timeline);
    assert_eq!(map(k('/'), tl), Some(Action::JumpToDate));
    assert_eq!(
        map(k('f'), KeyContext::Screen(Screen::Training)),
        Some(Action::CycleFilter)
    );
    for (which, key) in [
        (HelpFor::Screen(Screen::Training), "f"),
        (HelpFor::Screen(Screen::Meds), "t"),
        (HelpFor::Screen(Screen::Timeline), "/"),
        (HelpFor::Screen(Screen::Today), "a r m e p"),
        (HelpFor::Entry, "Space"),
    ] {
        let keys: Vec<_> = help_for(which).into_iter().flat_map(|(_, v)| v).collect();
        assert!(keys.iter().any(|(l, _)| *l == key), "{which:?} lacks {key}");
    }
}

#[test]
fn activity_pain_11_is_refused_naming_the_field_and_keeps_input() {
    let mut a = app();
    press(&mut a, "a1h30m");
    // Duration is focused first; pain during is 13 fields on (past "Your FTP").
    press(&mut a, &"\t".repeat(13));
    press(&mut a, "11\n");
    let (err, text) = status(&a);
    assert!(
        err && text.contains("Pain during: ") && text.contains("0–10"),
        "{text}"
    );
    assert_eq!(focused_value(&a), "11", "the input is kept and focused");
    assert!(a.repo.activities_between(day(), day()).unwrap().is_empty());
    // Fixing it saves.
    a.update(Action::Text(crate::tui::action::Edit::Backspace));
    press(&mut a, "\n");
    assert!(a.entry().is_none(), "{:?}", a.status);
    let saved = a.repo.activities_between(day(), day()).unwrap();
    assert_eq!(saved[0].pain_during, Some(1));
    assert_eq!(saved[0].elapsed_s, 5400);
}

#[test]
fn activity_duration_abc_is_refused_and_tss_is_live() {
    let mut repo = Repo::open_in_memory().unwrap();
    repo.set_dated(
        "ftp_w",
        day() - Duration::days(10),
        250.0,
        crate::analysis::tss::load_with,
    )
    .unwrap();
    let mut a = app_on(repo, Screen::Training);
    press(&mut a, "aabc\n");
    let (err, text) = status(&a);
    assert!(err && text.contains("duration"), "{text}");
    assert_eq!(focused_value(&a), "abc");
    let f = a.entry().unwrap();
    assert!(f.info(day())[0].starts_with("TSS –"), "{:?}", f.info(day()));
    for _ in 0..3 {
        a.update(Action::Text(crate::tui::action::Edit::Backspace));
    }
    // 1 h at RPE 5 (IF 0.75): TSS ~56, an estimate; then NP 200 at FTP 250: 64 from power.
    press(&mut a, "1h\t\t\t\t\t\t\t\t5");
    let info = a.entry().unwrap().info(day());
    assert!(
        info[0].starts_with("TSS ~56 (estimate from rpe)"),
        "{info:?}"
    );
    press(&mut a, &format!("{}200", "\t".repeat(17)));
    let info = a.entry().unwrap().info(day());
    assert!(info[0].starts_with("TSS 64 (power)"), "{info:?}");
}

#[test]
fn dose_over_max_asks_and_no_stores_nothing() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen(&mut repo);
    let mut a = app_on(repo, Screen::Meds);
    a.time_of_day = NaiveTime::from_hms_opt(8, 0, 0);
    press(&mut a, "mibu\n");
    assert!(matches!(a.entry().unwrap().kind, FormKind::Dose { .. }));
    assert_eq!(
        focused_value(&a),
        "800",
        "amount pre-filled with the usual dose"
    );
    press(&mut a, "\n");
    assert!(a.entry().is_none());
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 800.0);
    // The second 800 would make 1600 of 1200: a question, nothing stored yet (taken hours
    // later, so only the max asks).
    a.time_of_day = NaiveTime::from_hms_opt(12, 0, 0);
    press(&mut a, "m\n\n");
    let q = a.confirm().expect("asks first").question.clone();
    assert!(q.contains("1600") && q.contains("1200"), "{q}");
    press(&mut a, "n");
    assert_eq!(
        a.repo.day_total(1, day()).unwrap(),
        800.0,
        "no stores nothing"
    );
    assert!(a.entry().is_some(), "the dose form stays open");
    press(&mut a, "\ny");
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 1600.0, "yes stores it");
    assert!(a.entry().is_none());
    // `t` on the catalogue goes through the same question.
    a.time_of_day = NaiveTime::from_hms_opt(16, 0, 0);
    press(&mut a, "t");
    let q = &a.confirm().expect("asks").question;
    assert!(q.contains("over your max"), "{q}");
    press(&mut a, "\x1b");
    assert_eq!(a.repo.day_total(1, day()).unwrap(), 1600.0);
}

#[test]
fn rehab_enter_logs_the_programme_and_space_unticks() {
    let mut repo = Repo::open_in_memory().unwrap();
    repo.ensure_exercise_library().unwrap();
    let lib = repo.exercises().unwrap();
    let item = |i: usize| ProgrammeItem {
        exercise_id: lib[i].id,
        exercise: lib[i].name.clone(),
        sets: Some(3),
        reps: Some(10),
        load_kg: None,
        hold_s: None,
    };
    repo.add_programme(&Programme {
        id: 0,
        uuid: String::new(),
        name: "physio".into(),
        active_from: day() - Duration::days(7),
        active_to: None,
        target_per_week: 3,
        note: None,
        items: vec![item(0), item(1)],
    })
    .unwrap();
    let mut a = app_on(repo, Screen::Training);
    press(&mut a, "r\n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!((s.len(), s[0].items.len()), (1, 2), "{:?}", a.status);
    assert_eq!(s[0].programme.as_deref(), Some("physio"));
    press(&mut a, "r \t20\t4\t3\n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(s[1].items.len(), 1, "space unticked the first");
    assert_eq!(
        (s[1].minutes, s[1].pain_before, s[1].pain_after),
        (Some(20), Some(4), Some(3))
    );
    assert!(a.training.rehab.as_ref().unwrap().summary.week_sessions >= 2);
    // j moves down the exercises: the second is unticked this time.
    press(&mut a, "rj \n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(s[2].items[0].exercise, lib[0].name);
    assert_eq!(s[2].items.len(), 1);
}

#[test]
fn event_psfs_and_jump() {
    let mut a = app();
    press(&mut a, "e  \t\tMRI\n");
    let ev = a.repo.events_between(day(), day()).unwrap();
    assert_eq!(
        (ev[0].kind.as_str(), ev[0].title.as_str()),
        ("imaging", "MRI")
    );
    assert!(a.psfs_due.is_some(), "asks for PSFS on a fresh journal");
    press(&mut a, "pride 3h\t11\n");
    assert!(status(&a).0, "11 is refused");
    a.update(Action::Text(crate::tui::action::Edit::Backspace));
    press(&mut a, "\n");
    assert_eq!(a.repo.psfs_items().unwrap()[0].ratings[0].score, 1);
    assert!(a.psfs_due.is_none(), "rated today");
    press(&mut a, "6/2026-13-45\n");
    assert!(
        status(&a).0 && a.entry().is_some(),
        "a bad date keeps the prompt"
    );
    press(&mut a, "\x1by6/2026-10-01\n");
    assert_eq!(a.timeline.to, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
    assert_eq!(a.timeline.data.as_ref().unwrap().to, Some(a.timeline.to));
}

#[test]
fn delete_undo_edit_filter_and_unsaved_questions() {
    let mut a = app_on(Repo::open_in_memory().unwrap(), Screen::Training);
    press(&mut a, "a45m\n");
    assert_eq!(a.rows(), 1);
    press(&mut a, "\n");
    assert_eq!(focused_value(&a), "ride", "Enter opens the entry to edit");
    press(&mut a, "\x1b");
    assert!(a.entry().is_none(), "unchanged: closes without asking");
    press(&mut a, "d");
    assert_eq!(a.rows(), 0);
    press(&mut a, "uy");
    assert_eq!(a.rows(), 1);
    press(&mut a, "f");
    assert_eq!(a.rows(), 1, "ride filter");
    press(&mut a, "f");
    assert_eq!(a.rows(), 0, "indoor-ride filter");
    press(&mut a, "e\t\tx");
    press(&mut a, "q");
    assert_eq!(focused_value(&a), "xq", "q is text in a text field");
    press(&mut a, "\x1b");
    assert!(a.confirm().unwrap().question.contains("event"));
    press(&mut a, "y");
    assert!(a.entry().is_none());
    assert_eq!(a.update(Action::Quit), crate::tui::action::Effect::Quit);
}

#[test]
fn medication_form_refuses_a_bad_dose_and_saves() {
    let mut a = app_on(Repo::open_in_memory().unwrap(), Screen::Meds);
    press(&mut a, "ntramadol\t ");
    press(&mut a, "\t\tabc\n");
    let (err, text) = status(&a);
    assert!(err && text.contains("dose"), "{text}");
    for _ in 0..3 {
        a.update(Action::Text(crate::tui::action::Edit::Backspace));
    }
    press(&mut a, "50\t200\n");
    let m = a.repo.medications().unwrap();
    assert_eq!(
        (m[0].name.as_str(), m[0].class),
        ("tramadol", MedClass::Opioid)
    );
    assert_eq!(m[0].max_daily, Some(200.0));
    press(&mut a, "t");
    assert_eq!(a.meds.data.as_ref().unwrap().counters.opioid_days_7, 1);
}

#[test]
fn enter_on_a_rehab_row_edits_the_session() {
    let mut a = app_on(Repo::open_in_memory().unwrap(), Screen::Training);
    // No programme: the library is offered unticked; tick the first and save.
    press(&mut a, "r \t15\n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!((s[0].items.len(), s[0].minutes), (1, Some(15)));
    press(&mut a, "\n\t");
    assert_eq!(focused_value(&a), "15", "the session's minutes");
    a.update(Action::Text(crate::tui::action::Edit::Backspace));
    press(&mut a, "0\n");
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!((s.len(), s[0].minutes), (1, Some(10)), "updated, not added");
}

#[test]
fn n_on_training_adds_a_programme_that_r_then_ticks_off() {
    let mut a = app_on(Repo::open_in_memory().unwrap(), Screen::Training);
    // "plank" is not in the library: offered as a new exercise, not refused.
    press(&mut a, "ncore\tbird dog:3x10, plank:3x40s\n");
    let q = a
        .confirm()
        .expect("asks to add the new exercise")
        .question
        .clone();
    assert!(
        q.starts_with("Add plank to the exercise library (strength)"),
        "{q}"
    );
    press(&mut a, "n");
    assert!(a.entry().is_some(), "no: the programme stays open");
    assert!(a.repo.programmes().unwrap().is_empty());
    assert_eq!(focused_value(&a), "bird dog:3x10, plank:3x40s");
    press(&mut a, "\t\t\t");
    a.update(Action::Text(crate::tui::action::Edit::Backspace));
    press(&mut a, "2\n");
    assert!(a.confirm().is_some());
    press(&mut a, "y");
    let (err, text) = status(&a);
    assert!(!err && text.starts_with("Saved programme"), "{text}");
    let p = a.repo.programmes().unwrap();
    assert_eq!((p[0].name.as_str(), p[0].target_per_week), ("core", 2));
    assert_eq!(p[0].items[1].exercise, "plank");
    assert_eq!(
        p[0].items[1].hold_s,
        Some(40),
        "prescriptions as on the CLI"
    );
    let plank = a.repo.exercise_by_name("plank").unwrap().unwrap();
    assert_eq!(plank.kind.as_str(), "strength");
    // r ticks it off; "As done" changes what was done without touching the programme.
    press(&mut a, "r");
    a.entry_mut().unwrap().entry.focus_key("as_done");
    for c in "bird dog:3x12@4kg".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(
        (s[0].programme.as_deref(), s[0].items.len()),
        (Some("core"), 2)
    );
    let bird = s[0]
        .items
        .iter()
        .find(|i| i.exercise == "bird dog")
        .unwrap();
    assert_eq!(
        (bird.sets, bird.reps, bird.load_kg),
        (Some(3), Some(12), Some(4.0))
    );
    assert_eq!(
        a.repo.programmes().unwrap()[0].items[0].reps,
        Some(10),
        "programme unchanged"
    );
    // A name not in the list is refused, naming the field and the names allowed.
    press(&mut a, "r");
    a.entry_mut().unwrap().entry.focus_key("as_done");
    for c in "dead bug:2x5".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    let (err, text) = status(&a);
    assert!(
        err && text.contains("As done: ") && text.contains("bird dog, plank"),
        "{text}"
    );
    assert_eq!(
        a.repo.rehab_sessions_between(day(), day()).unwrap().len(),
        1
    );
}

#[test]
fn esc_closes_the_picker_and_date_prompt_without_asking() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen(&mut repo);
    let mut a = app_on(repo, Screen::Timeline);
    press(&mut a, "mib\x1b");
    assert!(a.entry().is_none() && a.confirm().is_none());
    press(&mut a, "/-3\x1b");
    assert!(a.entry().is_none() && a.confirm().is_none());
    assert_eq!(a.timeline.to, day(), "nothing jumped");
}

#[test]
fn u_takes_back_a_dose_taken_by_mistake_and_an_added_event() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen(&mut repo);
    let mut a = app_on(repo, Screen::Meds);
    // `t` twice, yes to "already logged … Take another?" and to the max question: the
    // second was a slip of the finger.
    press(&mut a, "ttyy");
    let (err, text) = status(&a);
    assert!(!err && text.ends_with("u undoes"), "{text}");
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 2);
    press(&mut a, "u");
    let q = a.confirm().expect("u asks first").question.clone();
    assert!(q.starts_with("Take back ") && q.ends_with("(y/n)"), "{q}");
    assert_eq!(
        q,
        format!(
            "Take back {}? It goes to the trash (y/n)",
            a.repo.summary(RecordId::new(Kind::Dose, 2), false).unwrap()
        )
    );
    press(&mut a, "n");
    assert_eq!(status(&a).1, "Nothing was changed");
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 2);
    press(&mut a, "uy");
    let (_, text) = status(&a);
    assert!(
        text.starts_with("Took back ") && text.contains("trash"),
        "{text}"
    );
    assert_eq!(a.repo.doses_between(day(), day()).unwrap().len(), 1);
    // The taken-back dose is in the trash, not gone.
    assert!(a.repo.trash().unwrap().iter().any(|t| t.id == "d2"));
    // A new event added from Meds belongs to Meds; on the Timeline there is nothing to undo.
    press(&mut a, "e");
    a.update(Action::NextField);
    a.update(Action::NextField);
    for c in "MRI".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    let (err, text) = status(&a);
    assert!(!err && text.starts_with("Saved event e1"), "{text}");
    press(&mut a, "6u");
    assert!(a.confirm().is_none());
    assert!(
        status(&a).1.starts_with("Nothing to undo on Timeline"),
        "{}",
        status(&a).1
    );
    press(&mut a, "4u");
    assert!(a.confirm().unwrap().question.contains("MRI"));
    press(&mut a, "y");
    assert_eq!(a.repo.events_between(day(), day()).unwrap().len(), 0);
    // U brings the event back; u again takes it back; then the first dose; then nothing.
    press(&mut a, "U");
    assert!(a.confirm().unwrap().question.contains("MRI"));
    press(&mut a, "y");
    assert_eq!(a.repo.events_between(day(), day()).unwrap().len(), 1);
    press(&mut a, "uyuy");
    assert_eq!(a.repo.events_between(day(), day()).unwrap().len(), 0);
    assert!(a.repo.doses_between(day(), day()).unwrap().is_empty());
    press(&mut a, "u");
    assert_eq!(status(&a).1, "Nothing to undo on Meds");
}

#[test]
fn trash_view_lists_deleted_records_and_restores() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen(&mut repo);
    let mut a = app_on(repo, Screen::Timeline);
    press(&mut a, "e");
    a.update(Action::NextField);
    a.update(Action::NextField);
    for c in "physio".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    press(&mut a, "d");
    assert_eq!(a.rows(), 0);
    press(&mut a, "T");
    let items = &a.trash().expect("T opens the trash").items;
    assert_eq!(items.len(), 1);
    assert!(items[0].summary.contains("physio"), "{:?}", items[0]);
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(
        text.contains("Trash (1)") && text.contains("physio"),
        "{text}"
    );
    press(&mut a, "\n");
    assert!(
        a.trash().unwrap().items.is_empty(),
        "restored: gone from the trash"
    );
    assert_eq!(a.repo.events_between(day(), day()).unwrap().len(), 1);
    press(&mut a, "\x1b");
    assert!(a.trash().is_none());
    assert_eq!(a.rows(), 1, "the event is back on the Timeline");
    // The restore is a step of this screen: u deletes it again.
    press(&mut a, "uy");
    assert_eq!(a.rows(), 0);
}

#[test]
fn today_marks_a_total_over_the_max_without_colour() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen(&mut repo);
    let mut a = app_on(repo, Screen::Meds);
    // 800 + 800 of a 1200 max, the second (hours later) confirmed.
    a.time_of_day = NaiveTime::from_hms_opt(8, 0, 0);
    press(&mut a, "t");
    a.time_of_day = NaiveTime::from_hms_opt(12, 0, 0);
    press(&mut a, "ty1");
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    let line = text
        .lines()
        .find(|l| l.contains("ibuprofen"))
        .unwrap_or_default();
    assert!(line.contains("! 1600 mg ibuprofen"), "{text}");
}

#[test]
fn slash_finds_words_in_the_lists_and_the_whole_pain_history() {
    let mut repo = Repo::open_in_memory().unwrap();
    let old = day() - Duration::days(900);
    for (date, note) in [
        (old, "long drive to the coast"),
        (day() - Duration::days(2), "easy day"),
    ] {
        repo.save_checkin(&crate::domain::records::Checkin {
            date,
            pain: 3,
            note: Some(note.into()),
            ..Default::default()
        })
        .unwrap();
    }
    ibuprofen(&mut repo);
    let mut a = app_on(repo, Screen::Pain);
    // Nine hundred days back, beyond the loaded list: found and selected.
    press(&mut a, "/DRIVE\n");
    assert_eq!(a.pain_selected(), old, "{:?}", a.status);
    assert!(status(&a).1.starts_with("Found 'DRIVE'"));
    // `/` Enter: the last words again; nothing older, so it wraps to the newest match.
    press(&mut a, "/\n");
    assert_eq!(a.pain_selected(), old);
    press(&mut a, "/zebra\n");
    assert!(status(&a).1.contains("No check-in has 'zebra'"));
    // Training: two rides, the one with the bike named is found.
    press(&mut a, "3a1h\n");
    press(&mut a, "a45m");
    a.entry_mut().unwrap().entry.focus_key("bike");
    for c in "gravel".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    press(&mut a, "g/gravel\n");
    let found = a.selected_record().unwrap();
    let acts = a.repo.activities_between(day(), day()).unwrap();
    let gravel = acts.iter().find(|x| x.bike.is_some()).unwrap();
    assert_eq!(found.id, gravel.id);
    // Medications and the timeline's events.
    press(&mut a, "4/ibu\n");
    assert_eq!(a.sel[Screen::Meds.index()], 0);
    assert!(status(&a).1.starts_with("Found"));
    press(&mut a, "e");
    a.update(Action::NextField);
    a.update(Action::NextField);
    for c in "MRI lumbar".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    press(&mut a, "6/lumbar\n");
    assert!(status(&a).1.starts_with("Found 'lumbar'"), "{:?}", a.status);
    assert_eq!(a.timeline.to, day(), "words are not a date: nothing jumped");
}

#[test]
fn u_puts_back_an_edit_but_not_the_adding_of_a_record_edited_since() {
    let mut a = app_on(Repo::open_in_memory().unwrap(), Screen::Timeline);
    press(&mut a, "e");
    a.update(Action::NextField);
    a.update(Action::NextField);
    for c in "MRI".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    // Enter edits it: the title gets a word more.
    press(&mut a, "\n");
    a.entry_mut().unwrap().entry.focus_key("title");
    for c in " lumbar".chars() {
        a.update(Action::Text(crate::tui::action::Edit::Insert(c)));
    }
    a.update(Action::Save);
    assert_eq!(
        a.repo.events_between(day(), day()).unwrap()[0].title,
        "MRI lumbar"
    );
    // u puts the edit back; the adding is no longer offered (taking it back would lose
    // the edit).
    press(&mut a, "u");
    let q = a.confirm().expect("the edit is offered").question.clone();
    assert!(q.starts_with("Take back your edit of event e1"), "{q}");
    press(&mut a, "y");
    assert_eq!(a.repo.events_between(day(), day()).unwrap()[0].title, "MRI");
    press(&mut a, "u");
    assert!(a.confirm().is_none(), "nothing to take back but the edit");
    assert!(
        status(&a).1.starts_with("Nothing to undo on Timeline"),
        "{:?}",
        a.status
    );
    assert_eq!(a.repo.events_between(day(), day()).unwrap().len(), 1);
}

#[test]
fn the_timeline_title_counts_appointments_ahead() {
    let mut repo = Repo::open_in_memory().unwrap();
    for (date, title) in [("2026-11-20", "physio"), ("2026-12-01", "MRI")] {
        let draft = crate::ops::events::EventDraft {
            kind: "imaging".into(),
            title: title.into(),
            date: Some(date.into()),
            note: None,
        };
        crate::ops::events::add_event(&mut repo, &draft, day()).unwrap();
    }
    let a = app_on(repo, Screen::Timeline);
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(
        text.contains("Events: 1 ahead, 1 in the last 2 years"),
        "{text}"
    );
}

/// Issue 25 item 7: a journal that takes no writes is said as it is in the status line,
/// never as bad input on a field called "journal".
#[test]
fn a_read_only_journal_is_said_in_the_status_line_not_as_a_field() {
    let mut repo = Repo::open_in_memory().unwrap();
    ibuprofen(&mut repo);
    let why =
        "the journal is read-only (the folder takes no writes); reads work, writes are refused";
    let mut app = app_on(repo.refusing_writes(why).unwrap(), Screen::Meds);
    let d = crate::ops::meds::DoseDraft {
        medication: "ibuprofen".into(),
        ..Default::default()
    };
    let result = app.take_dose(&d);
    assert!(
        matches!(result, Err(crate::ops::error::OpsError::Storage(_))),
        "{result:?}"
    );
    app.finish(result);
    let (error, text) = status(&app);
    assert!(error, "{text}");
    assert_eq!(text, format!("Not saved: {why}"));
}
