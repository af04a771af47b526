//! Leg pain in the app (issue 23, SPEC §14): the check-in form's Leg field beside pain, and
//! the figure on Today, the pain log and Trends (its own line), at 80×24 with a fixed day.

use backtrack::domain::records::Checkin;
use backtrack::repo::Repo;
use backtrack::repo::bulk::Batch;
use backtrack::tui::{Action, App, Screen, Theme, render_buffer, screens::buffer_text};
use chrono::{Duration, NaiveDate};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn shot(app: &App) -> String {
    buffer_text(&render_buffer(app, 80, 24))
}

/// Three weeks of back pain 3 with leg pain rising 0…6 over the days that have it.
fn journal() -> (tempfile::TempDir, Repo) {
    let dir = tempfile::tempdir().unwrap();
    let mut repo = Repo::open(&dir.path().join("j.db")).unwrap();
    let mut b = Batch::default();
    for i in 1..21i64 {
        b.checkins.push(Checkin {
            date: today() - Duration::days(i),
            pain: 3,
            leg_pain: (i % 3 != 0).then_some(((20 - i) / 3) as u8),
            ..Default::default()
        });
    }
    repo.insert_batch(&b).unwrap();
    (dir, repo)
}

#[test]
fn the_form_takes_leg_pain_next_to_pain_and_today_shows_it() {
    let (dir, repo) = journal();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    app.update(Action::OpenCheckin);
    app.update(Action::SetValue(4));
    app.update(Action::NextField);
    app.update(Action::NextField);
    app.update(Action::SetValue(7));
    let form = shot(&app);
    assert!(form.contains("›Leg 7"), "{form}");
    insta::assert_snapshot!("form_leg_80x24", form);
    // The leg scale stops at 10.
    for _ in 0..5 {
        app.update(Action::Adjust(1));
    }
    assert!(shot(&app).contains("›Leg 10"));
    app.update(Action::SetValue(7));
    app.update(Action::Save);
    assert!(app.form().is_none(), "saved");
    let stored = Repo::open(&dir.path().join("j.db"))
        .unwrap()
        .checkin_on(today())
        .unwrap()
        .unwrap();
    assert_eq!((stored.pain, stored.leg_pain), (4, Some(7)));
    let s = shot(&app);
    assert!(s.contains("leg 7"), "{s}");
    insta::assert_snapshot!("today_leg_80x24", s);
}

#[test]
fn the_pain_log_and_trends_show_leg_pain() {
    let (_dir, repo) = journal();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Pain);
    let log = shot(&app);
    // Yesterday: leg (20 − 1) / 3 = 6.
    assert!(log.contains("leg 6"), "{log}");
    insta::assert_snapshot!("pain_log_leg_80x24", log);
    app.update(Action::GoTo(Screen::Trends));
    let t = shot(&app);
    assert!(t.contains("█ leg"), "{t}");
    insta::assert_snapshot!("trends_leg_80x24", t);
}

#[test]
fn a_journal_without_leg_pain_has_no_leg_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut repo = Repo::open(&dir.path().join("j.db")).unwrap();
    repo.save_checkin(&Checkin {
        date: today(),
        pain: 2,
        ..Default::default()
    })
    .unwrap();
    let app = App::new(repo, today(), Theme::plain(), Screen::Trends);
    assert!(!shot(&app).contains("leg"));
}

/// Issue 23: Today shows an outcome score due by the user's schedule, and not once it is taken.
#[test]
fn today_shows_a_score_that_is_due() {
    use backtrack::domain::scores::{Instrument, Score};
    let (dir, mut repo) = journal();
    repo.add_score(&Score {
        id: 0,
        uuid: String::new(),
        instrument: Instrument::Odi,
        date: today() - Duration::days(14),
        value: 30.0,
        psych: None,
        note: None,
    })
    .unwrap();
    repo.set_schedule(Instrument::Odi, 14).unwrap();
    let app = App::new(repo, today(), Theme::plain(), Screen::Today);
    let s = shot(&app);
    assert!(s.contains("Due by your schedule: odi"), "{s}");
    insta::assert_snapshot!("today_score_due_80x24", s);
    let mut repo = Repo::open(&dir.path().join("j.db")).unwrap();
    repo.add_score(&Score {
        id: 0,
        uuid: String::new(),
        instrument: Instrument::Odi,
        date: today(),
        value: 24.0,
        psych: None,
        note: None,
    })
    .unwrap();
    let app = App::new(repo, today(), Theme::plain(), Screen::Today);
    assert!(!shot(&app).contains("Due by your schedule"));
}

/// Issue 23: Trends ends its sentences with leg pain and the outcome scores of the range, and
/// `j` scrolls down to them.
#[test]
fn trends_sentences_include_leg_pain_and_scores() {
    use backtrack::domain::scores::{Instrument, Score};
    let (_dir, mut repo) = journal();
    for (days, v) in [(20, 40.0), (2, 28.0)] {
        repo.add_score(&Score {
            id: 0,
            uuid: String::new(),
            instrument: Instrument::Odi,
            date: today() - Duration::days(days),
            value: v,
            psych: None,
            note: None,
        })
        .unwrap();
    }
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Trends);
    // To the end of the sentences (the scores strip leaves them four lines at 80×24).
    for _ in 0..20 {
        app.update(Action::Move(1));
    }
    let s = shot(&app);
    assert!(s.contains("Oswestry Disability Index (odi): 28"), "{s}");
    assert!(s.contains("down 12: a meaningful change"), "{s}");
}

/// Issue 23: `o` opens the outcome-score form; a total out of range is refused in the status
/// line with the form kept; a good one is stored, said, and `u` takes it back.
#[test]
fn the_score_form_adds_refuses_and_undoes() {
    use backtrack::tui::action::Edit;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let repo = Repo::open(&db).unwrap();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    let typ = |app: &mut App, s: &str| {
        for c in s.chars() {
            app.update(Action::Text(Edit::Insert(c)));
        }
    };
    app.update(Action::OpenScore);
    app.update(Action::NextField);
    typ(&mut app, "101");
    app.update(Action::Save);
    let s = shot(&app);
    assert!(
        s.contains("Total: odi '101' is out of range; allowed:") && s.contains("0–100 (%"),
        "{s}"
    );
    insta::assert_snapshot!("score_form_refused_80x24", s);
    for _ in 0..3 {
        app.update(Action::Text(Edit::Backspace));
    }
    typ(&mut app, "32");
    app.update(Action::Save);
    let s = shot(&app);
    assert!(
        s.contains("Saved outcome score s1 for 2026-11-23: odi 32"),
        "{s}"
    );
    assert_eq!(Repo::open(&db).unwrap().scores().unwrap().len(), 1);
    app.update(Action::Undo);
    app.update(Action::Confirm);
    assert!(
        Repo::open(&db).unwrap().scores().unwrap().is_empty(),
        "{}",
        shot(&app)
    );
}

/// At 60×20 the first row of the check-in form still shows Pain, Worst and Leg (on two lines
/// when they do not fit one).
#[test]
fn the_leg_field_stays_visible_at_60x20() {
    let (_dir, repo) = journal();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    app.update(Action::OpenCheckin);
    let s = buffer_text(&render_buffer(&app, 60, 20));
    for label in ["Pain", "Worst", "Leg", "Where", "Red flags"] {
        assert!(s.contains(label), "{label}:\n{s}");
    }
}
