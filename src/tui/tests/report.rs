//! Action → state tests for `w` on Trends: the care-team report for the range shown, written
//! to the app's report folder with its path in the status line, and a failure that only says so.

use chrono::{Duration, NaiveDate};

use super::press;
use crate::domain::records::Checkin;
use crate::repo::Repo;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::keymap::{KeyContext, help_sections, map};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A journal begun two years ago, with a check-in ten days ago, writing into `dir`.
fn app(dir: &std::path::Path) -> App {
    let mut repo = Repo::open_in_memory().unwrap();
    for (back, pain) in [(730, 2), (10, 6)] {
        repo.save_checkin(&Checkin {
            date: day() - Duration::days(back),
            pain,
            ..Default::default()
        })
        .unwrap();
    }
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Today);
    a.report_dir = dir.to_path_buf();
    a
}

fn html_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    v.sort();
    v
}

#[test]
fn w_on_trends_writes_the_report_for_the_range_shown_and_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path());
    // Only Trends has the key: elsewhere `w` is nothing and writes nothing.
    let w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE);
    assert_eq!(map(w, KeyContext::Screen(Screen::Today)), None);
    press(&mut a, "w");
    assert!(html_files(tmp.path()).is_empty());

    press(&mut a, "5w");
    let path = tmp
        .path()
        .join("backtrack-report-2026-09-01-2026-11-23.html");
    assert_eq!(
        html_files(tmp.path()),
        vec![path.clone()],
        "12 weeks to today"
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("backtrack report 2026-09-01 to 2026-11-23"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let status = a.status.clone().expect("a status line");
    assert!(!status.error, "{}", status.text);
    assert_eq!(
        status.text,
        format!(
            "Report written: {} (open it in a browser or print it)",
            path.display()
        )
    );

    // "all" starts at the journal's first day.
    press(&mut a, "]]w");
    let all = tmp
        .path()
        .join("backtrack-report-2024-11-23-2026-11-23.html");
    assert!(all.is_file(), "{:?}", html_files(tmp.path()));
    let html = std::fs::read_to_string(&all).unwrap();
    assert!(html.contains("backtrack report 2024-11-23 to 2026-11-23"));
    assert!(
        a.status
            .as_ref()
            .unwrap()
            .text
            .contains(&*all.to_string_lossy())
    );
    assert!(
        help_sections()
            .iter()
            .any(|(t, keys)| *t == "Trends" && keys.iter().any(|(k, _)| *k == "w"))
    );
}

#[test]
fn a_report_folder_that_does_not_exist_is_an_error_in_the_status_line() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("gone");
    let mut a = app(&missing);
    press(&mut a, "5w");
    let status = a.status.clone().expect("a status line");
    assert!(status.error);
    assert_eq!(
        status.text,
        format!(
            "Report not written: the folder {} does not exist",
            missing.display()
        )
    );
    // Nothing was written, not even a file named like the folder, and the app goes on.
    assert!(std::fs::read_dir(tmp.path()).unwrap().next().is_none());
    assert!(!a.should_quit);
    assert_eq!(a.screen, Screen::Trends);
    press(&mut a, "]");
    assert!(a.status.is_none());
    assert_eq!(a.trends.data.as_ref().map(|t| t.days()), Some(365));
}
