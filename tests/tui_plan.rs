//! The return plan in the app (issue 23, SPEC §14): Today's "this week … planned" and the
//! Week screen's plan line, at 80×24 with a fixed day.

use backtrack::domain::plan::Plan;
use backtrack::domain::records::{Activity, Checkin};
use backtrack::domain::vocab::ActivityKind;
use backtrack::repo::Repo;
use backtrack::repo::bulk::Batch;
use backtrack::tui::{App, Screen, Theme, render_buffer, screens::buffer_text};
use chrono::{Duration, NaiveDate, NaiveTime};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn shot(app: &App) -> String {
    buffer_text(&render_buffer(app, 80, 24))
}

/// Three weeks of pain 2 with a 2 h ride each Wednesday and 1 h today, and a plan of 2 h a week
/// from Monday 2 Nov (criteria: only `mean7 <= 3`).
fn journal() -> (tempfile::TempDir, Repo) {
    let dir = tempfile::tempdir().unwrap();
    let mut repo = Repo::open(&dir.path().join("j.db")).unwrap();
    let mut b = Batch::default();
    for i in 0..40i64 {
        b.checkins.push(Checkin {
            date: today() - Duration::days(i),
            pain: 2,
            ..Default::default()
        });
    }
    let at = |d: NaiveDate| d.and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap());
    for d in ["2026-11-04", "2026-11-11", "2026-11-18"] {
        let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        b.activities
            .push(Activity::new(ActivityKind::Ride, at(d), 7200));
    }
    b.activities
        .push(Activity::new(ActivityKind::Ride, at(today()), 3600));
    repo.insert_batch(&b).unwrap();
    for c in repo.criteria(&["mean7 <= 3"]).unwrap() {
        assert_eq!(c.rule, "mean7 <= 3");
    }
    repo.start_plan(&Plan {
        id: 0,
        uuid: String::new(),
        name: "back on the bike".into(),
        unit: "hours".into(),
        target: 2.0,
        ramp: 0.1,
        start_date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        stopped_on: None,
    })
    .unwrap();
    (dir, repo)
}

#[test]
fn today_and_week_show_planned_against_done() {
    let (_dir, repo) = journal();
    let app = App::new(repo, today(), Theme::plain(), Screen::Today);
    let s = shot(&app);
    // 2 → 2.2 → 2.4 → capped at 2 h done + 10% = 2.2 h.
    assert!(s.contains("Plan: this week 1 of 2.2 h planned"), "{s}");
    insta::assert_snapshot!("today_plan_80x24", s);
    let (_dir, repo) = journal();
    let app = App::new(repo, today(), Theme::plain(), Screen::Week);
    let s = shot(&app);
    assert!(
        s.contains("plan     week 4 of \"back on the bike\": 1 of 2.2 h planned"),
        "{s}"
    );
    insta::assert_snapshot!("week_plan_80x24", s);
}
