//! End-to-end: the real binary in a tmux pseudo-terminal. `c`, `7`, Enter, `q` stores pain 7
//! and leaves the alternate screen; SIGTERM with a form open exits with no key pressed and
//! restores the terminal; an edit is put back with `u`. Says SKIPPED when tmux is missing,
//! and fails instead in CI (`support/skip.rs`).

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod support;
#[path = "support/tmux.rs"]
mod tmux;

use support::{BIN, cli};
use tmux::{Tmux, app_cmd};

#[test]
fn check_in_with_three_keys_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = Tmux::start("checkin", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    assert_eq!(t.display("#{alternate_on}"), "1");
    t.keys(&["c"]);
    assert!(
        t.wait(3.0, |s| s.contains("Check-in · Mon 23 Nov 2026 (new)")),
        "{}",
        t.screen()
    );
    t.keys(&["7"]);
    t.keys(&["Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("Saved check-in")),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    assert_eq!(t.display("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor shown");
    let out = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "list", "checkins", "--json"])
        .env("BACKTRACK_TODAY", "2026-11-23")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let today = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["date"] == "2026-11-23")
        .expect("today's check-in listed");
    assert_eq!(today["pain"], 7);
}

#[test]
fn sigterm_with_a_form_open_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = Tmux::start("sigterm", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    t.keys(&["c", "5"]);
    assert!(
        t.wait(3.0, |s| s.contains("Check-in · Mon 23 Nov")),
        "{}",
        t.screen()
    );
    let child = t.app_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &child])
            .status()
            .unwrap()
            .success()
    );
    // The signal alone ends it (no key is pressed): how fast depends on the machine, so the
    // wait is only a bound against hanging. 143 is 128 + SIGTERM.
    assert!(
        t.wait(10.0, |s| s.contains("EXITED-143")),
        "did not exit on SIGTERM: {}",
        t.screen()
    );
    assert_eq!(t.display("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor shown");
}

#[test]
fn m_picks_a_medication_and_the_max_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(
        &db,
        &[
            "med",
            "add",
            "ibuprofen",
            "--class",
            "nsaid",
            "--unit",
            "mg",
            "--dose",
            "800",
            "--max-daily",
            "1200",
        ],
    );
    let Some(t) = Tmux::start("dose", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    t.keys(&["m"]);
    assert!(t.wait(3.0, |s| s.contains("Take a dose")), "{}", t.screen());
    t.keys(&["ibu", "Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("Dose of ibuprofen")
            && s.contains("800")),
        "{}",
        t.screen()
    );
    t.keys(&["Enter"]);
    assert!(t.wait(3.0, |s| s.contains("Saved dose")), "{}", t.screen());
    // A second 800 mg would make 1600 of 1200: asked, and "n" stores nothing.
    t.keys(&["m", "Enter", "Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("1600 mg")
            && s.contains("max of 1200 mg")),
        "{}",
        t.screen()
    );
    t.keys(&["n"]);
    assert!(
        t.wait(3.0, |s| s.contains("nothing was stored")),
        "{}",
        t.screen()
    );
    // Esc alone (a key right after it would read as Alt-key); the form is unchanged.
    t.keys(&["Escape"]);
    assert!(
        t.wait(3.0, |s| !s.contains("Dose of ibuprofen")),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    let doses = cli(&db, &["med", "doses", "--json"]);
    let doses = doses.as_array().unwrap();
    assert_eq!(doses.len(), 1, "{doses:?}");
    assert_eq!(doses[0]["medication"], "ibuprofen");
    assert_eq!(doses[0]["amount"], 800.0);
}

#[test]
fn closing_the_terminal_ends_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = Tmux::start("hangup", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    let child = t.app_pid();
    // The window goes away: the pty closes and the app gets SIGHUP with its input at EOF.
    drop(t);
    let gone = |pid: &str| {
        !Command::new("kill")
            .args(["-0", pid])
            .status()
            .unwrap()
            .success()
    };
    let start = Instant::now();
    while !gone(&child) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left = !gone(&child);
    if left {
        let _ = Command::new("kill").args(["-KILL", &child]).status();
    }
    assert!(!left, "the app kept running after its terminal closed");
}

#[test]
fn keys_wait_while_the_terminal_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db, &["activity", "add", "ride", "1h"]);
    let Some(t) = Tmux::start("small", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    t.keys(&["3"]);
    assert!(t.wait(3.0, |s| s.contains("ride")), "{}", t.screen());
    assert!(
        t.cmd(&["resize-window", "-t", "t", "-x", "40", "-y", "10"])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        t.wait(3.0, |s| s.contains("Terminal too small")),
        "{}",
        t.screen()
    );
    // Unseen, d would delete the ride and c open a form; both must wait.
    t.keys(&["d"]);
    t.keys(&["c"]);
    sleep(Duration::from_millis(300));
    assert!(
        t.cmd(&["resize-window", "-t", "t", "-x", "80", "-y", "24"])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        t.wait(3.0, |s| s.contains("ride")
            && !s.contains("Terminal too small")),
        "{}",
        t.screen()
    );
    assert!(!t.screen().contains("Check-in ·"), "{}", t.screen());
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    let acts = cli(&db, &["list", "activities", "--json"]);
    assert_eq!(acts.as_array().unwrap().len(), 1, "{acts:?}");
}

#[test]
fn u_asks_and_takes_back_only_this_screens_last_step() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db, &["event", "add", "imaging", "MRI lumbar"]);
    let Some(t) = Tmux::start("undo", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    t.keys(&["6"]);
    assert!(t.wait(3.0, |s| s.contains("MRI lumbar")), "{}", t.screen());
    t.keys(&["d"]);
    assert!(
        t.wait(3.0, |s| s.contains("u undoes")
            && s.contains("Events, last 2 years (0)")),
        "{}",
        t.screen()
    );
    // Training has no step of its own: u there changes nothing.
    t.keys(&["3", "u"]);
    assert!(
        t.wait(3.0, |s| s.contains("Nothing to undo on Training")),
        "{}",
        t.screen()
    );
    t.keys(&["6", "u"]);
    assert!(
        t.wait(3.0, |s| s.contains("Bring back the deleted event")
            && s.contains("MRI lumbar")),
        "{}",
        t.screen()
    );
    t.keys(&["y"]);
    assert!(
        t.wait(3.0, |s| s.contains("Brought back")
            && s.contains("Events, last 2 years (1)")),
        "{}",
        t.screen()
    );
    // U does the delete again, after naming it.
    t.keys(&["U"]);
    assert!(
        t.wait(3.0, |s| s.contains("Take back") && s.contains("MRI lumbar")),
        "{}",
        t.screen()
    );
    t.keys(&["y"]);
    assert!(
        t.wait(3.0, |s| s.contains("Events, last 2 years (0)")),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    let events = cli(&db, &["list", "events", "--json"]);
    assert_eq!(events.as_array().map(Vec::len), Some(0), "{events:?}");
}

#[test]
fn u_puts_back_an_edited_check_in_after_a_one_line_question() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db, &["checkin", "4"]);
    let Some(t) = Tmux::start("undo-edit", &app_cmd(&db)) else {
        return;
    };
    assert!(t.wait(5.0, |s| s.contains("Today")), "{}", t.screen());
    t.keys(&["c"]);
    assert!(
        t.wait(3.0, |s| s.contains("Check-in · Mon 23 Nov 2026")),
        "{}",
        t.screen()
    );
    t.keys(&["7", "Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("Updated check-in c1")
            && s.contains("u undoes")),
        "{}",
        t.screen()
    );
    t.keys(&["u"]);
    let question = "Take back your edit of check-in c1, 23 Nov, pain (4 → 7)? (y/n)";
    assert!(
        t.wait(3.0, |s| s.lines().any(|l| l.trim_end() == question)),
        "the question on one line of 80 columns:\n{}",
        t.screen()
    );
    t.keys(&["y"]);
    assert!(
        t.wait(3.0, |s| s.contains("Put back check-in c1")
            && s.contains("U redoes")),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    let list = cli(&db, &["list", "checkins", "--json"]);
    assert_eq!(list[0]["pain"], 4, "{list}");
}

#[test]
fn a_long_note_scrolls_and_the_cursor_stays_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let Some(t) = Tmux::start("note", &app_cmd(&db)) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    // Pain 5, then Shift-Tab twice: past the red flags to the note.
    t.keys(&["c", "5", "BTab", "BTab"]);
    assert!(t.wait(3.0, |s| s.contains("›Note")), "{}", t.screen());
    // Lines enough to scroll, then one line far wider than the form.
    for i in 0..8 {
        t.keys(&["-l", &format!("row{i}")]);
        t.keys(&["Enter"]);
    }
    let long = "sat in the car for three hours then walked the dog twice ".repeat(3);
    t.keys(&["-l", &format!("{long}ZEND")]);
    assert!(t.wait(3.0, |s| s.contains("ZEND")), "{}", t.screen());
    let (x, y): (usize, usize) = (
        t.display("#{cursor_x}").parse().unwrap(),
        t.display("#{cursor_y}").parse().unwrap(),
    );
    assert!(
        x < 79,
        "cursor on or past the border: x={x}\n{}",
        t.screen()
    );
    let screen = t.screen();
    let row: Vec<char> = screen.lines().nth(y).unwrap_or("").chars().collect();
    let before: String = row[x.saturating_sub(4)..x].iter().collect();
    assert_eq!(before, "ZEND", "the cursor follows the text\n{screen}");
    t.keys(&["C-s"]);
    assert!(
        t.wait(3.0, |s| s.contains("Saved check-in")),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    let v = cli(&db, &["list", "checkins", "--json"]);
    let note = v[0]["note"].as_str().unwrap_or_default().to_string();
    assert!(
        note.starts_with("row0\nrow1") && note.ends_with("dog twice ZEND"),
        "{note:?}"
    );
}

/// `--demo` with its temporary folder under `tmp`; the app's pid once it shows Today.
fn demo_in(name: &str, tmp: &Path) -> Option<(Tmux, String)> {
    let cmd = format!(
        "TMPDIR={} BACKTRACK_TODAY=2026-11-23 TERM=xterm-256color {BIN} --demo; echo EXITED-$?",
        tmp.display()
    );
    let t = Tmux::start(name, &cmd)?;
    assert!(t.wait(10.0, |s| s.contains("1 Today")), "{}", t.screen());
    let demo_dirs = std::fs::read_dir(tmp).unwrap().count();
    assert_eq!(
        demo_dirs, 1,
        "the demo journal's folder exists while it runs"
    );
    let pid = t.app_pid();
    Some((t, pid))
}

fn demo_dirs(tmp: &Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("backtrack-demo-"))
        .collect()
}

#[test]
fn demo_folder_goes_on_quit_sigterm_and_a_closed_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    // q: the normal way out.
    let Some((t, _)) = demo_in("demo-q", tmp.path()) else {
        return;
    };
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    assert_eq!(demo_dirs(tmp.path()), Vec::<String>::new(), "after q");
    drop(t);
    // SIGTERM.
    let (t, pid) = demo_in("demo-term", tmp.path()).unwrap();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert!(t.wait(3.0, |s| s.contains("EXITED-")), "{}", t.screen());
    assert_eq!(demo_dirs(tmp.path()), Vec::<String>::new(), "after SIGTERM");
    drop(t);
    // The terminal window closes (SIGHUP, input at end of file).
    let (t, pid) = demo_in("demo-hup", tmp.path()).unwrap();
    drop(t);
    let start = Instant::now();
    while !demo_dirs(tmp.path()).is_empty() && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill").args(["-KILL", &pid]).status();
    assert_eq!(demo_dirs(tmp.path()), Vec::<String>::new(), "after SIGHUP");
}

/// Issue 20 item 20: with `BACKTRACK_DB` set (as in a shell profile), `--demo` still opens the
/// demo app, and the journal the variable names is neither used nor created.
#[test]
fn demo_opens_with_backtrack_db_set_and_leaves_that_journal_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mine = tmp.path().join("mine.db");
    let cmd = format!(
        "BACKTRACK_DB={} TMPDIR={} BACKTRACK_TODAY=2026-11-23 TERM=xterm-256color {BIN} --demo; echo EXITED-$?",
        mine.display(),
        tmp.path().display()
    );
    let Some(t) = Tmux::start("demo-env", &cmd) else {
        return;
    };
    assert!(t.wait(10.0, |s| s.contains("1 Today")), "{}", t.screen());
    t.keys(&["q"]);
    assert!(t.wait(3.0, |s| s.contains("EXITED-0")), "{}", t.screen());
    assert!(!mine.exists(), "the journal BACKTRACK_DB names was created");
    assert_eq!(demo_dirs(tmp.path()), Vec::<String>::new());
}
