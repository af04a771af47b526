//! Issue 21.7: stored text never drives the terminal. An OSC (rename the terminal), a CSI
//! (clear the screen), BEL and a C1 control in a note, an event title, a medication's unit or an
//! activity note come out of every listing command as visible `\uXXXX`; a zip member whose
//! name holds a line break cannot forge a line of the import summary.

use std::io::Write;

use super::{TODAY, ok, run};

/// What must never reach a terminal from stored text: ESC, BEL, CSI (C1) and a bare CR.
fn raw_controls(out: &[u8]) -> bool {
    let text = String::from_utf8_lossy(out);
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

const PAYLOAD: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\r";

#[test]
fn stored_escape_sequences_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["checkin", "4", "--note", PAYLOAD]);
    ok(&db, &["ride", "1h", "--note", PAYLOAD, "--bike", PAYLOAD]);
    ok(&db, &["event", "add", "other", PAYLOAD]);
    ok(
        &db,
        &[
            "med", "add", "pill", "--class", "other", "--dose", "1", "--unit", PAYLOAD, "--note",
            PAYLOAD,
        ],
    );
    let commands: &[&[&str]] = &[
        &["list", "--all"],
        &["list", "activities", "--all"],
        &["list", "events", "--all"],
        &["info", "c1"],
        &["info", "a1"],
        &["info", "e1"],
        &["status"],
        &["stats"],
        &["med", "list"],
        &["week"],
        &["list", "--all", "--json"],
        &["export"],
    ];
    for args in commands {
        let out = run(&db, TODAY, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !raw_controls(&out.stdout),
            "{args:?} sent a control character: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(!raw_controls(&out.stderr), "{args:?} (stderr)");
    }
    // A line break in stored text cannot forge a row of a listing or a field of `info`.
    ok(
        &db,
        &[
            "event",
            "add",
            "other",
            "MRI\ne99 2026-11-01  other  forged",
        ],
    );
    ok(
        &db,
        &[
            "checkin",
            "2",
            "--date",
            "2026-11-20",
            "--note",
            "fine\n  pain 0",
        ],
    );
    let events = ok(&db, &["list", "events", "--all"]);
    assert!(!events.lines().any(|l| l.starts_with("e99")), "{events}");
    let info = ok(&db, &["info", "c2"]);
    assert!(!info.lines().any(|l| l.starts_with("  pain 0")), "{info}");
    assert!(info.contains("fine\n                       "), "{info}");
    let shown = ok(&db, &["info", "c1"]);
    assert!(shown.contains("\\u001b]0;pwned"), "{shown}");
    // A refusal that echoes the typed name escapes it too.
    let out = run(&db, TODAY, &["med", "take", "no\u{1b}]0;x\u{7}such"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !raw_controls(&out.stderr),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The JSON export still holds the note as stored.
    let v: serde_json::Value = serde_json::from_str(&ok(&db, &["export"])).unwrap();
    let note = v["tables"]["checkins"][0]["note"].as_str().unwrap();
    assert!(note.contains("\u{1b}]0;pwned\u{7}"), "{note:?}");
}

#[test]
fn a_member_name_with_a_line_break_cannot_forge_a_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let zip = dir.path().join("export.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    z.start_file(
        "a.gpx\n  + forged.gpx 2026-11-01 08:00 ride 9h\u{1b}]0;x\u{7}.gpx",
        opts,
    )
    .unwrap();
    z.write_all(b"not a gpx").unwrap();
    z.finish().unwrap();
    let out = run(&db, TODAY, &["import", zip.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!raw_controls(&out.stdout), "{text}");
    assert!(
        !text.lines().any(|l| l.starts_with("  + forged")),
        "a forged line: {text}"
    );
}
