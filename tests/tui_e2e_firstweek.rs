//! End-to-end, in tmux: what a new user's first week broke in the app (issue 20). Pain 10
//! from the keys the screen names, and pasting into a form. Says SKIPPED when tmux is
//! missing, and fails instead in CI (`support/skip.rs`).

use std::path::Path;

mod support;
#[path = "support/tmux.rs"]
mod tmux;

use support::cli;
use tmux::{Tmux, app_cmd};

fn today_pain(db: &Path) -> Option<i64> {
    let v = cli(db, &["list", "checkins", "--json"]);
    v.as_array()?.iter().find(|c| c["date"] == "2026-11-23")?["pain"].as_i64()
}

fn open(name: &str, db: &Path) -> Option<Tmux> {
    let t = Tmux::start(name, &app_cmd(db))?;
    assert!(
        t.wait(5.0, |s| s.contains("Check-in") || s.contains("check-in")),
        "{}",
        t.screen()
    );
    Some(t)
}

#[test]
fn plus_and_one_zero_save_pain_ten() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = open("ten", &db) else {
        return;
    };
    assert!(t.screen().contains("+ for 10"), "{}", t.screen());
    t.keys(&["c"]);
    assert!(t.wait(3.0, |s| s.contains("(new)")), "{}", t.screen());
    t.keys(&["+"]);
    t.keys(&["Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("Saved check-in")),
        "{}",
        t.screen()
    );
    assert_eq!(today_pain(&db), Some(10), "c + Enter");
    // Pain 4, then 1 and 0 typed as two keys: 10.
    cli(&db, &["edit", "c1", "--pain", "4"]);
    t.keys(&["c"]);
    assert!(t.wait(3.0, |s| s.contains("Check-in ·")), "{}", t.screen());
    t.keys(&["1"]);
    t.keys(&["0"]);
    t.keys(&["Enter"]);
    assert!(
        t.wait(3.0, |_| today_pain(&db) == Some(10)),
        "1 then 0 saved {:?}: {}",
        today_pain(&db),
        t.screen()
    );
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
}

#[test]
fn a_paste_goes_into_the_field_whole_and_never_acts_as_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = open("paste", &db) else {
        return;
    };
    t.keys(&["e"]);
    assert!(t.wait(3.0, |s| s.contains("New event")), "{}", t.screen());
    t.keys(&["Tab", "Tab"]);
    // Before: the line break saved the form and "m" opened "Take a dose".
    t.paste("MRI at\nthe clinic m");
    assert!(
        t.wait(3.0, |s| s.contains("MRI at the clinic m")),
        "{}",
        t.screen()
    );
    assert!(!t.screen().contains("Take a dose"), "{}", t.screen());
    // A long paste into the note arrives whole, with no key pressed after it.
    t.keys(&["Tab"]);
    let long = format!("{}END", "word ".repeat(600));
    t.paste(&long);
    assert!(t.wait(3.0, |s| s.contains("END")), "{}", t.screen());
    t.keys(&["C-s"]);
    assert!(t.wait(3.0, |s| s.contains("Saved")), "{}", t.screen());
    let v = cli(&db, &["list", "events", "--json"]);
    let ev = &v.as_array().unwrap()[0];
    assert_eq!(ev["title"], "MRI at the clinic m");
    assert!(ev["note"].as_str().unwrap().ends_with("word END"), "{ev}");
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
}

#[test]
fn trash_empty_asks_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db, &["checkin", "4"]);
    cli(&db, &["delete", "c1"]);
    let cmd = format!(
        "BACKTRACK_TODAY=2026-11-23 {} --db {} trash --empty; echo EXITED-$?",
        support::BIN,
        db.display()
    );
    let Some(t) = Tmux::start("trash", &cmd) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s
            .contains("Purge the 1 record in the trash for good?")),
        "{}",
        t.screen()
    );
    t.keys(&["n", "Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("Nothing was purged")
            && s.contains("EXITED-0")),
        "{}",
        t.screen()
    );
    assert_eq!(cli(&db, &["trash", "--json"]).as_array().unwrap().len(), 1);
    t.keys(&[&cmd, "Enter"]);
    assert!(
        t.wait(5.0, |s| s.matches("Purge the 1 record").count() == 2),
        "{}",
        t.screen()
    );
    t.keys(&["y", "Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("Purged 1 record for good")),
        "{}",
        t.screen()
    );
    assert!(
        cli(&db, &["trash", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_burst_of_typed_keys_shows_whole_without_another_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = open("burst", &db) else {
        return;
    };
    t.keys(&["e"]);
    assert!(t.wait(3.0, |s| s.contains("New event")), "{}", t.screen());
    t.keys(&["Tab", "Tab", "Tab"]);
    // Sent as keys (a terminal without bracketed paste), no key after them.
    let long = format!("{}END", "word ".repeat(400));
    t.keys(&["-l", &long]);
    assert!(t.wait(5.0, |s| s.contains("END")), "{}", t.screen());
}
