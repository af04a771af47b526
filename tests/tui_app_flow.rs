//! From the app alone (keys through the one keymap into `update`, on a journal file): log a
//! ride with pain during it, add the physio programme and tick it off, add two medications
//! and take a dose of each, see the opioid and NSAID counters, add "MRI" to the timeline;
//! then every one of those is visible through the CLI's `--json` lists and `show`.

mod support;

use std::path::Path;
use std::process::Command;

use backtrack::repo::Repo;
use backtrack::tui::{App, Screen, Theme, render_buffer, screens::buffer_text};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::{BIN, cli};

/// Keys as typed: `\n` Enter, `\t` Tab, anything else a character; the status must not be an
/// error afterwards.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    assert!(
        !app.status.as_ref().is_some_and(|s| s.error),
        "{keys:?}: {:?}",
        app.status
    );
}

#[test]
fn everything_logged_in_the_app_is_listed_by_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut app = App::new(
        Repo::open(&db).unwrap(),
        today,
        Theme::plain(),
        Screen::Today,
    );
    // Training screen: n, a programme with its exercises typed as on the CLI.
    press(&mut app, "3nphysio\tbird dog:3x10, glute bridge:3x12\n");
    // Medications screen: n, name, Tab, Space (nsaid → opioid), unit, dose, max, Enter.
    press(&mut app, "4ntramadol\t \t\t50\t200\n");
    press(&mut app, "nibuprofen\t\t\t400\t1200\n");
    press(&mut app, "mtram\n\n");
    press(&mut app, "mibu\n\n");
    // A ride of 1h30m with pain 5 during it (pain during is 13 fields after duration, past
    // the FTP the form offers while none is set).
    press(&mut app, "a1h30m\t\t\t\t\t\t\t\t\t\t\t\t\t5\n");
    // The physio programme as prescribed: r, Enter.
    press(&mut app, "r\n");
    // Event kind doctor → physio → imaging, then the title.
    press(&mut app, "e  \t\tMRI\n");
    press(&mut app, "4");
    let meds = buffer_text(&render_buffer(&app, 80, 24));
    assert!(meds.contains("Opioid days, 7 d    1"), "{meds}");
    assert!(meds.contains("NSAID run, days     1"), "{meds}");
    drop(app);

    let acts = cli(&db, &["list", "activities", "--json"]);
    assert_eq!(acts[0]["kind"], "ride");
    assert_eq!(acts[0]["pain_during"], 5);
    assert_eq!(acts[0]["elapsed_s"], 5400);
    let rehab = cli(&db, &["list", "rehab", "--json"]);
    assert_eq!(rehab[0]["programme"], "physio");
    assert_eq!(rehab[0]["items"].as_array().unwrap().len(), 2);
    let doses = cli(&db, &["med", "doses", "--json"]);
    let names: Vec<&str> = doses
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["medication"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{doses}");
    assert!(names.contains(&"tramadol") && names.contains(&"ibuprofen"));
    let events = cli(&db, &["list", "events", "--json"]);
    assert_eq!(events[0]["title"], "MRI");
    assert_eq!(events[0]["kind"], "imaging");
    // `show` draws the same screens headlessly.
    assert!(show(&db, "meds").contains("Opioid days, 7 d    1"));
    let training = show(&db, "training");
    assert!(
        training.contains("ride") && training.contains("pain -/5/-"),
        "{training}"
    );
    assert!(show(&db, "timeline").contains("imaging    MRI"));
    let stats = cli(&db, &["stats", "--json"]);
    assert_eq!(stats["meds"]["opioid_days_7"], 1);
    assert_eq!(stats["meds"]["nsaid_streak"], 1);
}

/// `backtrack --db DB show SCREEN` at 80×24 on 2026-11-23, as text.
pub fn show(db: &Path, screen: &str) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["show", screen, "--width", "80", "--height", "24"])
        .env("BACKTRACK_TODAY", "2026-11-23")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}
