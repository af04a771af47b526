//! What a new user's first week still broke (issue 20, items 13–22): one period grammar, a
//! search of every kind, the report's days, criteria without data, the catalogue's max, a
//! drug by its prefix and a second dose within 30 minutes, activity kinds people name,
//! `--demo` beside `BACKTRACK_DB`, units in lists, `info` in order, a PDF that leaves home alone.

use super::common::Journal;

/// Item 20: `BACKTRACK_DB` in the environment does not clash with `--demo`; a `--db` typed
/// with it does (exit 2), and commands with `--demo` say it only opens the app.
#[test]
fn demo_is_not_refused_because_backtrack_db_is_set() {
    let j = Journal::new();
    // No terminal here: the app cannot start, but it must not be refused over `--db`.
    let out = j.cmd().arg("--demo").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("--db"), "{err}");
    assert!(!j.db.exists(), "the journal BACKTRACK_DB names was created");
    let err = j.fails(&["--demo", "--db", "other.db"], 2);
    assert!(err.contains("'--demo' cannot be used with '--db"), "{err}");
    let err = j.fails(&["--demo", "status"], 2);
    assert!(err.contains("--demo only opens the app"), "{err}");
}

fn with_ibuprofen() -> Journal {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    j
}

/// Item 17: `med list` flags a drug whose day is over its max, as `status` does.
#[test]
fn med_list_flags_a_day_over_the_max() {
    let j = with_ibuprofen();
    j.ok(&["med", "take", "ibuprofen", "800", "--at", "08:00"]);
    assert!(!j.ok(&["med", "list"]).contains("over max"));
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "800",
        "--at",
        "12:00",
        "--force",
    ]);
    let out = j.ok(&["med", "list"]);
    assert!(out.contains("today 1600/1200 mg (over max)"), "{out}");
    let v = j.json(&["med", "list"]);
    assert_eq!(v[0]["over_max"], true, "{v}");
    assert_eq!(v[0]["today_total"], 1600.0, "{v}");
    assert!(j.ok(&["status"]).contains("over max"));
}
