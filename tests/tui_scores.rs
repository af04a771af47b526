//! Outcome scores in the app (issue 23, SPEC §14): Trends draws a line per instrument that has
//! scores in the range shown, at 80×24 with a fixed day.

use backtrack::domain::records::Checkin;
use backtrack::domain::scores::{Instrument, Score};
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

fn score(repo: &mut Repo, instrument: Instrument, days_ago: i64, value: f64) {
    repo.add_score(&Score {
        id: 0,
        uuid: String::new(),
        instrument,
        date: today() - Duration::days(days_ago),
        value,
        psych: None,
        note: None,
    })
    .unwrap();
}

/// Thirteen weeks of pain 3.
fn checkins() -> (tempfile::TempDir, Repo) {
    let dir = tempfile::tempdir().unwrap();
    let mut repo = Repo::open(&dir.path().join("j.db")).unwrap();
    let mut b = Batch::default();
    for i in 1..91i64 {
        b.checkins.push(Checkin {
            date: today() - Duration::days(i),
            pain: 3,
            ..Default::default()
        });
    }
    repo.insert_batch(&b).unwrap();
    (dir, repo)
}

/// The check-ins with an Oswestry falling 44 → 32 → 24 and a Roland-Morris 12 → 8 over the
/// last 20 days, and a PEG 60 days ago (inside 12 weeks, outside 4).
fn journal() -> (tempfile::TempDir, Repo) {
    let (dir, mut repo) = checkins();
    for (days, v) in [(20, 44.0), (10, 32.0), (1, 24.0)] {
        score(&mut repo, Instrument::Odi, days, v);
    }
    for (days, v) in [(20, 12.0), (1, 8.0)] {
        score(&mut repo, Instrument::Rmdq, days, v);
    }
    score(&mut repo, Instrument::Peg, 60, 6.0);
    (dir, repo)
}

#[test]
fn trends_draws_a_line_per_instrument_with_scores_in_range() {
    let (_dir, repo) = journal();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Trends);
    let s = shot(&app);
    assert!(s.contains("Last 12 weeks"), "{s}");
    assert!(s.contains("%    100"), "{s}");
    assert!(
        s.contains("• odi") && s.contains("█ rmdq") && s.contains("▄ peg"),
        "{s}"
    );
    insta::assert_snapshot!("trends_scores_80x24", s);
    // Over 4 weeks the PEG of 60 days ago is out of range: no line and no key for it.
    app.update(Action::Range(-1));
    let s = shot(&app);
    assert!(s.contains("Last 4 weeks") && !s.contains("▄ peg"), "{s}");
    let d = app.trends.data.as_ref().unwrap();
    let lines: Vec<_> = d.scores.iter().map(|(i, p)| (*i, p.len())).collect();
    assert_eq!(lines, vec![(Instrument::Odi, 3), (Instrument::Rmdq, 2)]);
}

#[test]
fn trends_without_scores_has_no_scores_strip() {
    let (_dir, repo) = checkins();
    let app = App::new(repo, today(), Theme::plain(), Screen::Trends);
    assert!(!shot(&app).contains("• odi"));
}

fn key(app: &mut App, c: char) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// The Scores view (`O`): every score newest first with its change from the one before, each
/// instrument's summary with what is due; `n` adds one through the score form and the list
/// shows it at once; Esc closes; `?` lists the view's keys from the keymap.
#[test]
fn the_scores_view_lists_newest_first_adds_and_closes() {
    use backtrack::tui::action::Edit;
    let (dir, mut repo) = journal();
    repo.set_schedule(Instrument::Peg, 14).unwrap();
    let mut app = App::new(repo, today(), Theme::plain(), Screen::Today);
    key(&mut app, 'O');
    let v = &app.scores().expect("O opens the scores").view;
    let rows: Vec<_> = v
        .rows
        .iter()
        .map(|r| (r.score.instrument, r.score.value, r.change))
        .collect();
    assert_eq!(rows[0], (Instrument::Rmdq, 8.0, Some(-4.0)));
    assert_eq!(rows[1], (Instrument::Odi, 24.0, Some(-8.0)));
    assert_eq!(rows.last().unwrap().0, Instrument::Peg);
    let s = shot(&app);
    assert!(s.contains("Outcome scores (6)"), "{s}");
    assert!(s.contains("down 12, a meaningful change"), "{s}");
    assert!(s.contains("Due by your schedule: peg · n adds"), "{s}");
    insta::assert_snapshot!("scores_view_80x24", s);

    key(&mut app, 'j');
    assert_eq!(app.scores().map(|s| s.sel), Some(1));
    key(&mut app, 'G');
    assert_eq!(app.scores().map(|s| s.sel), Some(5));

    // n opens the score form over the view; saving lists the new score first.
    key(&mut app, 'n');
    assert!(app.entry().is_some(), "{}", shot(&app));
    app.update(Action::NextField);
    for c in "4".chars() {
        app.update(Action::Text(Edit::Insert(c)));
    }
    app.update(Action::Save);
    assert!(app.entry().is_none(), "{}", shot(&app));
    let v = &app.scores().expect("the view stays open").view;
    // The form offers the instrument that is due: PEG 6 → 4, and nothing is due any more.
    let r = &v.rows[0];
    assert_eq!(
        (r.score.instrument, r.score.value, r.change),
        (Instrument::Peg, 4.0, Some(-2.0))
    );
    assert!(v.due.is_empty());
    assert_eq!(
        Repo::open(&dir.path().join("j.db"))
            .unwrap()
            .scores()
            .unwrap()
            .len(),
        7
    );

    key(&mut app, '?');
    let help = shot(&app);
    assert!(help.contains("Outcome scores"), "{help}");
    assert!(help.contains("add an outcome score"), "{help}");
    key(&mut app, '?');
    app.update(Action::Cancel);
    assert!(app.scores().is_none());
    assert!(!shot(&app).contains("Outcome scores ("));
}
