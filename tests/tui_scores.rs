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
    let d = app.trends.as_ref().unwrap();
    let lines: Vec<_> = d.scores.iter().map(|(i, p)| (*i, p.len())).collect();
    assert_eq!(lines, vec![(Instrument::Odi, 3), (Instrument::Rmdq, 2)]);
}

#[test]
fn trends_without_scores_has_no_scores_strip() {
    let (_dir, repo) = checkins();
    let app = App::new(repo, today(), Theme::plain(), Screen::Trends);
    assert!(!shot(&app).contains("• odi"));
}
