//! Snapshots of every screen (and the form, calendar and help) at 80×24 and 120×40 on a small
//! deterministic journal with a fixed day, rendered by the same code as the app.

use backtrack::domain::records::*;
use backtrack::domain::vocab::*;
use backtrack::repo::Repo;
use backtrack::repo::bulk::Batch;
use backtrack::tui::action::Edit;
use backtrack::tui::{Action, App, Screen, Theme, render_buffer, screens::buffer_text};
use chrono::{Duration, NaiveDate, NaiveTime};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Six weeks of check-ins with a gap, a few rides, a rehab programme and sessions, two
/// medications with today's doses, and events. Everything is a fixed function of the day.
fn fixture(red_flag_today: bool) -> (tempfile::TempDir, Repo) {
    let dir = tempfile::tempdir().unwrap();
    let mut repo = Repo::open(&dir.path().join("j.db")).unwrap();
    let mut b = Batch::default();
    for i in 0..42i64 {
        if i % 9 == 4 {
            continue; // a missing day is missing, never zero
        }
        let date = today() - Duration::days(i);
        let pain = ((i * 7 + 3) % 11) as u8;
        b.checkins.push(Checkin {
            date,
            pain,
            worst_pain: (i % 3 == 0).then_some((pain + 1).min(10)),
            locations: if i % 2 == 0 {
                vec![Location::LowBack]
            } else {
                vec![Location::LowBack, Location::ButtockLeft]
            },
            character: vec![Character::Ache],
            sleep_hours: Some(6.0 + (i % 4) as f64 * 0.5),
            workday: Some(i % 7 < 5),
            tags: if i % 5 == 0 {
                vec!["long-drive".into()]
            } else {
                vec![]
            },
            note: (i % 4 == 0).then(|| format!("note for day {i}\nsecond line")),
            red_flags: if i == 0 && red_flag_today {
                vec![RedFlag::BothLegs]
            } else {
                vec![]
            },
            ..Default::default()
        });
    }
    for i in [1i64, 3, 6, 8, 13] {
        let start =
            (today() - Duration::days(i)).and_time(NaiveTime::from_hms_opt(7, 30, 0).unwrap());
        let mut a = Activity::new(ActivityKind::Ride, start, 3600 + i as u32 * 600);
        a.rpe = Some(5);
        a.pain_during = Some((i % 6) as u8);
        a.pain_after = Some((i % 5) as u8);
        a.stopped_for_pain = i == 6;
        backtrack::analysis::tss::compute_load(&mut a, None, None);
        b.activities.push(a);
    }
    b.exercises.push(Exercise {
        id: 0,
        uuid: String::new(),
        name: "bird dog".into(),
        kind: ExerciseKind::Strength,
        sets: Some(3),
        reps: Some(10),
        load_kg: None,
        hold_s: None,
        per_side: true,
        cues: None,
    });
    b.programmes.push(Programme {
        id: 0,
        uuid: String::new(),
        name: "physio core".into(),
        active_from: today() - Duration::days(30),
        active_to: None,
        target_per_week: 3,
        note: None,
        items: vec![ProgrammeItem {
            exercise_id: 0,
            exercise: "bird dog".into(),
            sets: Some(3),
            reps: Some(10),
            load_kg: None,
            hold_s: None,
        }],
    });
    for i in [0i64, 2, 9] {
        b.sessions.push(RehabSession {
            id: 0,
            uuid: String::new(),
            date: today() - Duration::days(i),
            programme_id: None,
            programme: Some("physio core".into()),
            minutes: Some(20),
            pain_before: Some(4),
            pain_after: Some(3),
            note: None,
            items: vec![SessionItem {
                exercise_id: 0,
                exercise: "bird dog".into(),
                sets: Some(3),
                reps: Some(10),
                load_kg: None,
                hold_s: None,
            }],
        });
    }
    for (name, class, dose, max) in [
        ("ibuprofen", MedClass::Nsaid, 400.0, Some(1200.0)),
        ("paracetamol", MedClass::Acetaminophen, 1000.0, Some(4000.0)),
    ] {
        b.medications.push(Medication {
            id: 0,
            uuid: String::new(),
            name: name.into(),
            class,
            unit: "mg".into(),
            usual_dose: dose,
            max_daily: max,
            as_needed: true,
            times_a_day: None,
            course_start: None,
            course_end: None,
            note: None,
        });
    }
    for (h, name, amount) in [
        (8, "ibuprofen", 400.0),
        (14, "ibuprofen", 400.0),
        (9, "paracetamol", 1000.0),
    ] {
        b.doses.push(Dose {
            id: 0,
            uuid: String::new(),
            taken_at: today().and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap()),
            medication_id: 0,
            medication: name.into(),
            class: MedClass::Other,
            unit: "mg".into(),
            amount,
            pain_before: None,
            note: None,
        });
    }
    for (i, kind, title) in [
        (20i64, EventKind::Imaging, "MRI L4/L5"),
        (5, EventKind::Physio, "started PT"),
        (2, EventKind::BikeFit, "new saddle"),
    ] {
        b.events.push(Event {
            id: 0,
            uuid: String::new(),
            date: today() - Duration::days(i),
            kind,
            title: title.into(),
            note: None,
        });
    }
    repo.insert_batch(&b).unwrap();
    (dir, repo)
}

fn shot(app: &App, w: u16, h: u16) -> String {
    buffer_text(&render_buffer(app, w, h))
}

#[test]
fn every_screen_at_both_sizes() {
    for screen in Screen::ALL {
        let (_dir, repo) = fixture(false);
        let app = App::new(repo, today(), Theme::plain(), screen);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{}_{w}x{h}", screen.name()), shot(&app, w, h));
        }
    }
}

/// Issue 20 item 23: at 60×20 the pain of each session and each medication's max stay whole;
/// the TSS's source and the class go first.
#[test]
fn pain_and_maxima_stay_whole_at_60x20() {
    for screen in [Screen::Training, Screen::Meds] {
        let (_dir, repo) = fixture(false);
        let app = App::new(repo, today(), Theme::plain(), screen);
        let s = shot(&app, 60, 20);
        insta::assert_snapshot!(format!("{}_60x20", screen.name()), s);
    }
}

#[test]
fn red_flag_banner_on_every_screen() {
    let (_dir, repo) = fixture(true);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    insta::assert_snapshot!("red_flag_today_80x24", shot(&app, 80, 24));
    for s in Screen::ALL {
        app.update(Action::GoTo(s));
        assert!(
            shot(&app, 80, 24).contains("seek urgent medical care today"),
            "{s:?}"
        );
    }
}

#[test]
fn checkin_form_new_and_edited() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repo::open(&dir.path().join("empty.db")).unwrap();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    insta::assert_snapshot!("today_empty_80x24", shot(&app, 80, 24));
    app.update(Action::OpenCheckin);
    insta::assert_snapshot!("form_new_80x24", shot(&app, 80, 24));

    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    app.update(Action::OpenCheckin);
    // Pain, worst, leg, then where.
    for _ in 0..3 {
        app.update(Action::NextField);
    }
    insta::assert_snapshot!("form_edit_locations_80x24", shot(&app, 80, 24));
    insta::assert_snapshot!("form_edit_locations_120x40", shot(&app, 120, 40));
    app.update(Action::SetValue(11));
    assert!(
        app.status.as_ref().is_some_and(|s| s.error),
        "11 is refused"
    );
    app.update(Action::Toggle);
    app.update(Action::Cancel);
    insta::assert_snapshot!("form_confirm_80x24", shot(&app, 80, 24));
}

#[test]
fn calendar_help_and_too_small() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Pain);
    app.update(Action::ToggleCalendar);
    app.update(Action::MoveDays(-2));
    insta::assert_snapshot!("pain_calendar_80x24", shot(&app, 80, 24));
    insta::assert_snapshot!("pain_calendar_120x40", shot(&app, 120, 40));
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!("help_80x24", shot(&app, 80, 24));
    let small = shot(&app, 59, 20);
    assert!(small.contains("Terminal too small"), "{small}");
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Text(Edit::Insert(c)));
    }
}

fn next(app: &mut App, n: usize) {
    for _ in 0..n {
        app.update(Action::NextField);
    }
}

#[test]
fn training_forms_and_rehab_view_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Training);
    app.update(Action::ToggleCalendar);
    insta::assert_snapshot!("training_rehab_view_80x24", shot(&app, 80, 24));
    app.update(Action::ToggleCalendar);
    app.update(Action::CycleFilter);
    insta::assert_snapshot!("training_rides_80x24", shot(&app, 80, 24));
    app.update(Action::OpenSelected);
    insta::assert_snapshot!("activity_edit_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    app.update(Action::OpenActivity);
    typ(&mut app, "1h30m");
    // Past "Your FTP", offered while no FTP is set.
    next(&mut app, 9);
    typ(&mut app, "6");
    next(&mut app, 4);
    typ(&mut app, "3");
    insta::assert_snapshot!("activity_form_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    app.update(Action::OpenRehab);
    insta::assert_snapshot!("rehab_form_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    app.update(Action::New);
    typ(&mut app, "core");
    next(&mut app, 1);
    typ(&mut app, "bird dog:3x10, side plank:3x30s");
    insta::assert_snapshot!("programme_form_80x24", shot(&app, 80, 24));
    // Exercises not in the library are offered as new ones; the whole question shows,
    // wrapped at word boundaries.
    typ(
        &mut app,
        ", cat cow, dead hang:3x20s, wall sit:3x45s, pallof press:3x10",
    );
    app.update(Action::Save);
    let shot_q = shot(&app, 80, 24);
    assert!(shot_q.contains("and save the programme? (y/n)"), "{shot_q}");
    insta::assert_snapshot!("programme_unknown_exercise_80x24", shot_q);
    app.update(Action::Deny);
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!("help_training_80x24", shot(&app, 80, 24));
}

#[test]
fn medication_forms_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Meds);
    app.update(Action::New);
    typ(&mut app, "tramadol");
    insta::assert_snapshot!("med_form_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    // "last dose 2 h ago" is the same on every run: the clock stops at 16:00.
    app.time_of_day = NaiveTime::from_hms_opt(16, 0, 0);
    app.update(Action::OpenDose);
    insta::assert_snapshot!("dose_picker_all_80x24", shot(&app, 80, 24));
    insta::assert_snapshot!("dose_picker_all_60x20", shot(&app, 60, 20));
    typ(&mut app, "i");
    insta::assert_snapshot!("dose_picker_80x24", shot(&app, 80, 24));
    app.update(Action::Save);
    insta::assert_snapshot!("dose_form_80x24", shot(&app, 80, 24));
    for _ in 0..3 {
        app.update(Action::Text(Edit::Backspace));
    }
    typ(&mut app, "600");
    app.update(Action::Save);
    insta::assert_snapshot!("dose_over_max_80x24", shot(&app, 80, 24));
    app.update(Action::ToggleHelp);
    app.update(Action::Deny);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!("help_form_80x24", shot(&app, 80, 24));
}

#[test]
fn meds_doses_view_and_dose_edit_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Meds);
    app.update(Action::ToggleCalendar);
    app.update(Action::Move(1));
    insta::assert_snapshot!("meds_doses_80x24", shot(&app, 80, 24));
    app.update(Action::OpenSelected);
    insta::assert_snapshot!("dose_edit_80x24", shot(&app, 80, 24));
}

#[test]
fn timeline_forms_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Timeline);
    app.update(Action::OpenEvent);
    next(&mut app, 2);
    typ(&mut app, "MRI");
    insta::assert_snapshot!("event_form_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    app.update(Action::OpenPsfs);
    typ(&mut app, "ride 3h with climbing");
    insta::assert_snapshot!("psfs_form_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    app.update(Action::Confirm);
    app.update(Action::JumpToDate);
    typ(&mut app, "11-01");
    insta::assert_snapshot!("timeline_jump_prompt_80x24", shot(&app, 80, 24));
    app.update(Action::Save);
    insta::assert_snapshot!("timeline_jumped_80x24", shot(&app, 80, 24));
}

#[test]
fn import_prompt_progress_and_summary_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Training);
    app.update(Action::OpenImport);
    typ(&mut app, "~/rides");
    insta::assert_snapshot!("import_prompt_80x24", shot(&app, 80, 24));
    app.update(Action::Cancel);
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24));
    let area = buf.area;
    backtrack::tui::screens::import::progress(
        Theme::plain(),
        3,
        12,
        std::path::Path::new("/rides/2026-11-20-morning.fit"),
        area,
        &mut buf,
    );
    let progress = buffer_text(&buf);
    assert!(progress.contains("3 of 12 files") && progress.contains("2026-11-20-morning.fit"));
    insta::assert_snapshot!("import_progress_80x24", progress);
    app.update(Action::ImportDone(Ok((
        "Imported 1 activities from 1 files; skipped 1, failed 1.".into(),
        "Imported 1 activities from 1 files; skipped 1, failed 1.\n  + a.fit 2026-11-20 07:15 ride 1h\n  skipped: settings.fit: not an activity file (type: settings)\n  failed: broken.fit: bad CRC".into(),
    ))));
    insta::assert_snapshot!("import_summary_80x24", shot(&app, 80, 24));
}

#[test]
fn trends_over_a_year_and_scrolled() {
    let (_dir, mut repo) = fixture(false);
    // One check-in 500 days back, so the journal is older than the year shown.
    repo.save_checkin(&Checkin {
        date: today() - Duration::days(500),
        pain: 2,
        ..Default::default()
    })
    .unwrap();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Trends);
    app.update(Action::Range(1));
    let year = shot(&app, 80, 24);
    assert!(year.contains("Last 1 year"), "{year}");
    insta::assert_snapshot!("trends_year_80x24", year);
    // j moves the sentences up by one: the events line leaves, the first association leads.
    app.update(Action::Move(1));
    let scrolled = shot(&app, 80, 24);
    assert!(!scrolled.contains("• Events"), "{scrolled}");
    assert!(
        scrolled.contains("• Training load and pain the same day"),
        "{scrolled}"
    );
}

/// Issue 20 item 18: a dose of a drug logged 10 minutes after another asks before it is
/// stored, naming the one already logged.
#[test]
fn a_second_dose_within_30_minutes_asks_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Meds);
    app.time_of_day = NaiveTime::from_hms_opt(14, 10, 0);
    app.update(Action::OpenDose);
    typ(&mut app, "ibu");
    app.update(Action::Save);
    app.update(Action::Save);
    insta::assert_snapshot!("dose_again_80x24", shot(&app, 80, 24));
}

/// Issue 20 item 23: the line after a save echoes what the check-in holds (where, feels,
/// sleep, workday, note…) and says what was cleared: here the red flag, unticked.
#[test]
fn a_saved_checkin_says_what_it_holds_and_what_was_cleared_at_80x24() {
    let (_dir, repo) = fixture(true);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    app.update(Action::OpenCheckin);
    app.update(Action::PrevField);
    app.update(Action::ItemCursor(3));
    app.update(Action::Toggle);
    app.update(Action::Save);
    let s = shot(&app, 80, 24);
    assert!(s.contains("red flag cleared"), "{s}");
    insta::assert_snapshot!("checkin_saved_summary_80x24", s);
}

/// Issue 20 item 23: `u` after logging a rehab session names the session, not the programme.
#[test]
fn undo_names_the_rehab_session_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Training);
    app.update(Action::OpenRehab);
    app.update(Action::Save);
    app.update(Action::Undo);
    // The question dates the session against the real clock: the same on any later year.
    let s = shot(&app, 80, 24).replace("23 Nov 2026?", "23 Nov?");
    assert!(
        s.contains("Take back the rehab session of physio core on"),
        "{s}"
    );
    insta::assert_snapshot!("undo_rehab_session_80x24", s);
}

/// Issue 20 item 23: `/` shows what the words find while they are typed, before Enter.
#[test]
fn search_shows_its_matches_while_typing_at_80x24() {
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Timeline);
    app.update(Action::Search);
    typ(&mut app, "p");
    let s = shot(&app, 80, 24);
    assert!(
        s.contains("1 match · Enter selects it") && s.contains("physio started PT"),
        "{s}"
    );
    insta::assert_snapshot!("search_typing_80x24", s);
    let (_dir, repo) = fixture(false);
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Pain);
    app.update(Action::Search);
    typ(&mut app, "long-dr");
    let s = shot(&app, 80, 24);
    insta::assert_snapshot!("search_typing_pain_80x24", s);
}

/// Issue 20 item 16: criteria without data are a dim dot and a dash, not ✗, with the legend
/// whole in the panel's title also at 60×20.
#[test]
fn criteria_without_data_at_60x20() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repo::open(&dir.path().join("empty.db")).unwrap();
    let app = App::new(repo, today(), Theme::plain(), Screen::Today);
    let s = shot(&app, 60, 20);
    assert!(s.contains("(· not enough data)") && !s.contains('✗'), "{s}");
    insta::assert_snapshot!("today_empty_60x20", s);
}
