//! Action → state tests for importing from the app: `i` on Training, a refused path that
//! keeps the prompt, and a CSV imported through the event loop's steps with its summary.

use chrono::NaiveDate;

use super::press;
use crate::repo::Repo;
use crate::tui::action::{Action, Edit, Effect, Screen};
use crate::tui::app::App;
use crate::tui::forms::FormKind;
use crate::tui::keymap::{KeyContext, map};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const INTERVALS: &str = "\
id,start_date_local,type,name,moving_time,elapsed_time,distance,total_elevation_gain,icu_average_watts,icu_normalized_watts,average_heartrate,max_heartrate,icu_training_load,trainer
i1,2026-11-20T07:15:00,Ride,Turbo,3600,3700,30000,0,200,220,140,160,55,true
";

fn app() -> App {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    App::new(
        Repo::open_in_memory().unwrap(),
        today,
        Theme::plain(),
        Screen::Training,
    )
}

fn type_path(app: &mut App, path: &str) {
    for c in path.chars() {
        app.update(Action::Text(Edit::Insert(c)));
    }
}

fn status(app: &App) -> (bool, String) {
    let s = app.status.as_ref().expect("a status line");
    (s.error, s.text.clone())
}

#[test]
fn i_opens_the_prompt_on_training_only() {
    let i = KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE);
    assert_eq!(
        map(i, KeyContext::Screen(Screen::Training)),
        Some(Action::OpenImport)
    );
    assert_eq!(map(i, KeyContext::Screen(Screen::Today)), None);
    let mut a = app();
    press(&mut a, "i");
    assert!(matches!(a.entry().map(|e| &e.kind), Some(FormKind::Import)));
}

#[test]
fn a_missing_path_is_refused_in_the_prompt() {
    let mut a = app();
    press(&mut a, "i");
    type_path(&mut a, "/no/such/rides");
    assert_eq!(a.update(Action::Save), Effect::None);
    let (err, text) = status(&a);
    assert!(err && text.contains("Path: /no/such/rides"), "{text}");
    assert_eq!(a.entry().unwrap().entry.text("path"), "/no/such/rides");
    // Nothing typed at all names the field and what it takes.
    let mut a = app();
    press(&mut a, "i");
    a.update(Action::Save);
    assert!(status(&a).1.contains("no path given; allowed: a .fit file"));
}

#[test]
fn a_csv_imports_with_a_summary_and_twice_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("activities.csv");
    std::fs::write(&csv, INTERVALS).unwrap();
    let mut a = app();
    for round in 0..2 {
        press(&mut a, "i");
        type_path(&mut a, &csv.display().to_string());
        let Effect::Import(job) = a.update(Action::Save) else {
            panic!("Save hands the import to the event loop")
        };
        assert!(a.entry().is_none() && !job.dry_run);
        let mut seen = Vec::new();
        let result = a.run_import(&job, &mut |p| seen.push((p.done, p.total)));
        assert_eq!(seen, vec![(1, 1)], "progress after each file");
        a.update(Action::ImportDone(result));
        let report = a
            .import_summary()
            .map(str::to_string)
            .expect("the summary stays on screen");
        if round == 0 {
            assert!(
                report.starts_with("Imported 1 activity from 1 file;"),
                "{report}"
            );
        } else {
            assert!(report.starts_with("Imported 0 activities"), "{report}");
            // The reason comes right under the headline.
            let second = report.lines().nth(1).unwrap_or_default();
            assert!(second.trim_start().starts_with("skipped"), "{report}");
        }
        // Esc (ToggleHelp in the overlay) closes it.
        a.update(Action::ToggleHelp);
        assert!(a.import_summary().is_none());
    }
    let rows = a.training.rows.as_ref().expect("training reloaded");
    assert_eq!(rows.len(), 1, "one ride, imported once");
}
