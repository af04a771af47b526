//! Issue 21.11: the smaller breakages. A journal whose schema version reads 0 gets one short
//! line (not 18 KB of SQL) and is left unchanged; `ride -5m` and a non-UTF-8 argument name
//! their field; 1e-300 is refused instead of printed with 300 zeros; a medication name holds
//! no line break; without a terminal the app says so instead of "os error 6".

use std::os::unix::ffi::OsStrExt;

use rusqlite::Connection;
use serde_json::json;

use super::{TODAY, cmd, ok, run, sha};

#[test]
fn a_schema_version_reset_to_0_gets_one_short_line_and_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["checkin", "3"]);
    let c = Connection::open(&db).unwrap();
    c.pragma_update(None, "user_version", 0).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(c);
    let before = sha(&db);
    let out = run(&db, TODAY, &["checkin", "4"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.len() < 800 && err.trim_end().lines().count() <= 2,
        "{} bytes: {err}",
        err.len()
    );
    assert!(err.contains("schema version reads 0"), "{err}");
    assert_eq!(before, sha(&db), "the journal changed");
}

#[test]
fn odd_arguments_name_their_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["checkin", "3"]);
    let cases: &[(&[&str], &str)] = &[
        (&["ride", "-5m"], "duration:"),
        (&["activity", "add", "run", "-1h"], "duration:"),
        (&["ride", "1h", "--power", "1e-300"], "power:"),
        (
            &["med", "add", "x", "--class", "other", "--dose", "1e-300"],
            "dose:",
        ),
        (
            &[
                "med",
                "add",
                "ibu\nprofen",
                "--class",
                "nsaid",
                "--dose",
                "400",
            ],
            "name:",
        ),
    ];
    for (args, field) in cases {
        let out = run(&db, TODAY, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("error: {field}")),
            "{args:?}: {err}"
        );
        assert!(err.len() < 300, "{args:?}: {err}");
    }
    let bad = std::ffi::OsStr::from_bytes(b"a\xffb");
    let out = cmd(&db, TODAY)
        .args(["checkin", "3", "--note"])
        .arg(bad)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: note:"), "{err}");
    // A medication name with a line break cannot come in by JSON either.
    let mut doc: serde_json::Value = serde_json::from_str(&ok(&db, &["export"])).unwrap();
    let stamp = "2026-11-20T08:00:00.000Z";
    doc["tables"]["medications"] = json!([{"uuid": "0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d90",
        "name": "ibu\n", "class": "nsaid", "unit": "mg", "usual_dose": 400, "max_daily": null,
        "as_needed": 1, "times_a_day": null, "course_start": null, "course_end": null,
        "note": null, "created_at": stamp, "updated_at": stamp, "deleted_at": null}]);
    let p = dir.path().join("med.json");
    std::fs::write(&p, doc.to_string()).unwrap();
    let out = run(&db, TODAY, &["import", p.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("medications.name"), "{err}");
}

#[test]
fn without_a_terminal_the_app_says_so_and_sends_no_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["checkin", "3"]);
    let out = run(&db, TODAY, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("needs a terminal") && !err.contains("os error"),
        "{err}"
    );
    assert!(
        !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
        "escape sequences sent"
    );
}
