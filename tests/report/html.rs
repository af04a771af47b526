//! The report file: well-formed, self-contained (no script, nothing fetched), written 0600
//! under its default name, a snapshot of a small journal, and refused input writes nothing.

use std::path::Path;

use super::common::Journal;
use super::doc::parse;

/// A small journal whose every section has something: pain with a flare and a red flag,
/// a ride stopped for pain, doses over the maximum, rehab, PSFS, events with notes.
fn small_journal() -> Journal {
    let j = Journal::new();
    let pains = [
        3, 3, 2, 4, 3, 3, 2, 3, 4, 3, 3, 2, 3, 3, 8, 7, 5, 4, 3, 3, 2,
    ];
    for (i, p) in pains.iter().enumerate() {
        let day = format!("-{}", pains.len() - 1 - i);
        let mut args = vec![
            "checkin".to_string(),
            p.to_string(),
            "--date".into(),
            day,
            "--sleep".into(),
            "7".into(),
        ];
        if *p >= 7 {
            args.extend([
                "--note".into(),
                format!("flare day {p}: could not sit <long>"),
            ]);
        }
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        j.ok(&a);
    }
    j.ok(&[
        "checkin",
        "5",
        "--date",
        "-4",
        "--red-flag",
        "both-legs",
        "--note",
        "tingling in both legs",
    ]);
    j.ok(&["set", "ftp", "250", "--from", "-30"]);
    j.ok(&["ride", "1h30m", "--np", "200", "--date", "-8"]);
    j.ok(&[
        "ride",
        "2h",
        "--np",
        "230",
        "--date",
        "-7",
        "--pain-during",
        "6",
        "--stopped-for-pain",
    ]);
    j.ok(&["ride", "45m", "--rpe", "4", "--date", "-2"]);
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
        "--as-needed",
    ]);
    // Four doses (1600 mg, over the 1200 mg max) on 11-17, one on 11-18.
    for (at, force) in [
        ("2026-11-17 08:00", false),
        ("2026-11-17 12:00", false),
        ("2026-11-17 16:00", false),
        ("2026-11-17 20:00", true),
        ("2026-11-18 08:00", false),
    ] {
        let mut a = vec!["med", "take", "ibuprofen", "--at", at];
        if force {
            a.push("--force");
        }
        j.ok(&a);
    }
    j.ok(&[
        "rehab",
        "programme",
        "add",
        "core",
        "--from",
        "-20",
        "--exercise",
        "bird dog:3x10",
    ]);
    j.ok(&["rehab", "log", "core", "--date", "-3", "--minutes", "20"]);
    j.ok(&[
        "event",
        "add",
        "imaging",
        "MRI L4/L5",
        "--date",
        "-5",
        "--note",
        "disc bulge & no nerve root compression",
    ]);
    j.ok(&["event", "add", "physio", "started PT", "--date", "-12"]);
    j.ok(&["psfs", "set", "ride 3h with climbing", "4"]);
    j
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn html_is_well_formed_and_references_nothing_outside_itself() {
    let j = small_journal();
    j.ok(&["set", "name", "Alex <script>alert(1)</script>"]);
    let out = j.dir.path().join("r.html");
    j.ok(&[
        "report",
        "--since",
        "3w",
        "--notes",
        "-o",
        out.to_str().unwrap(),
    ]);
    let html = read(&out);
    let doc = parse(&html).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    assert!(
        !doc.elements.iter().any(|e| matches!(
            e.as_str(),
            "script" | "link" | "img" | "iframe" | "object" | "embed" | "image" | "use"
        )),
        "{:?}",
        doc.elements
    );
    for (el, name, value) in &doc.attrs {
        assert!(!name.starts_with("on"), "event handler {name} on <{el}>");
        if matches!(
            name.as_str(),
            "src" | "href" | "xlink:href" | "srcset" | "action"
        ) {
            assert!(
                value.starts_with('#'),
                "<{el} {name}={value:?}> points outside the file"
            );
        }
    }
    assert!(!html.contains("://"), "a URL in the report");
    assert!(
        !html.contains("@import") && !html.contains("url("),
        "CSS that fetches"
    );
    // The name is shown escaped; it is text, not a script.
    assert!(doc.text.contains("Patient: Alex <script>alert(1)</script>"));
    for id in [
        "period",
        "red-flags",
        "summary",
        "pain",
        "medication",
        "training",
        "patterns",
        "criteria",
        "notes",
    ] {
        assert!(doc.has_id(id), "section {id} missing");
    }
    // Sections come in the clinician's reading order.
    let pos = |id: &str| html.find(&format!("id=\"{id}\"")).unwrap();
    let order = [
        "period",
        "red-flags",
        "summary",
        "current",
        "symptoms",
        "med-safety",
        "function",
        "pain",
        "medication",
        "training",
        "before-after",
        "patterns",
        "criteria",
        "notes",
    ];
    assert!(
        order.windows(2).all(|w| pos(w[0]) < pos(w[1])),
        "sections out of order"
    );
    assert!(doc.text.contains("Patterns in this journal — not causes"));
    assert!(
        doc.elements.iter().filter(|e| *e == "svg").count() >= 2,
        "charts missing"
    );
    // --notes: the event of 11-11, the flare days' notes of 11-17 and 11-18, the MRI's of
    // 11-18 (a day's check-in first), then the red-flag day's note of 11-19 (not a flare day:
    // left out before).
    let notes = &doc.text[doc.text.find("Notes in the period").unwrap()..];
    let at = |s: &str| {
        notes
            .find(s)
            .unwrap_or_else(|| panic!("{s} not in the notes"))
    };
    assert!(at("started PT") < at("flare day 8: could not sit <long>"));
    assert!(
        at("flare day 8") < at("flare day 7")
            && at("flare day 7") < at("disc bulge & no nerve root compression")
            && at("disc bulge & no nerve root compression") < at("tingling in both legs")
    );
}

#[test]
fn default_name_in_the_current_folder_private_and_reported() {
    let j = small_journal();
    let cwd = tempfile::tempdir().unwrap();
    let out = j
        .cmd()
        .current_dir(cwd.path())
        .args(["report"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let name = "backtrack-report-2026-09-01-2026-11-23.html";
    assert!(stdout.contains(name), "{stdout}");
    let path = cwd.path().join(name);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "report mode {mode:o}");
    }
    let doc = parse(&read(&path)).unwrap();
    assert!(!doc.has_id("notes"), "notes only with --notes");
    assert!(!doc.text.contains("Patient:"), "no name unless set");
    // Only the report is left in the folder (no temporary files).
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 1);
    // -o a folder: the default name inside it.
    let v = j.json(&[
        "report",
        "--since",
        "2026-11-01",
        "-o",
        cwd.path().to_str().unwrap(),
    ]);
    assert_eq!(
        v["path"].as_str().unwrap(),
        cwd.path()
            .join("backtrack-report-2026-11-01-2026-11-23.html")
            .to_str()
            .unwrap()
    );
}

#[test]
fn snapshot_of_a_small_journal() {
    let j = small_journal();
    let out = j.dir.path().join("r.html");
    j.ok(&[
        "report",
        "--since",
        "3w",
        "--notes",
        "-o",
        out.to_str().unwrap(),
    ]);
    insta::assert_snapshot!("report_small_3w", one_block_a_line(&read(&out)));
}

/// The document with a line break before each block element, so a review diff shows which
/// part of the layout changed (the file itself has maud's single line).
fn one_block_a_line(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "<head", "<body", "<header", "<section", "<div", "<p", "<h1", "<h2", "<h3", "<table",
        "<thead", "<tbody", "<tr", "<ol", "<ul", "<li", "<figure", "<svg", "<footer", "<style",
        "</body",
    ];
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    while let Some(i) = rest[1..].find('<').map(|i| i + 1) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let starts_block = BLOCKS
            .iter()
            .any(|b| rest.starts_with(b) && rest[b.len()..].starts_with([' ', '>', '\n']));
        if starts_block && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn refused_input_writes_nothing() {
    let j = small_journal();
    let cwd = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["report", "--since", "soon"], "since"),
        (&["report", "--since", "0w"], "since"),
        (&["report", "--until", "2030-01-01"], "until"),
        (
            &["report", "--since", "2026-11-20", "--until", "2026-11-10"],
            "since",
        ),
        (&["report", "-o", "missing/dir/r.html"], "output"),
    ];
    for (args, field) in cases {
        let out = j
            .cmd()
            .current_dir(cwd.path())
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(field) && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_dir(cwd.path()).unwrap().count(),
        0,
        "a refused report wrote a file"
    );
}

#[test]
fn pdf_without_a_browser_says_so_and_keeps_the_html() {
    let j = small_journal();
    let cwd = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = j
        .cmd()
        .current_dir(cwd.path())
        .env("PATH", empty.path())
        .args(["report", "--pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no Chromium or Chrome found on PATH"), "{err}");
    let files: Vec<_> = std::fs::read_dir(cwd.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].to_string_lossy().ends_with(".html"));
}

#[test]
fn the_name_is_a_checked_one_line_setting_that_can_be_cleared() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let err = j.fails(&["set", "name", "Alex\nDoe"], 2);
    assert!(err.contains("name") && err.contains("one line"), "{err}");
    let long = "x".repeat(81);
    j.fails(&["set", "name", &long], 2);
    j.fails(&["set", "name", "Alex", "--from", "-3"], 2);
    assert_eq!(j.json(&["settings"])["name"], serde_json::Value::Null);
    j.ok(&["set", "name", "  Alex Doe  "]);
    assert_eq!(j.json(&["settings"])["name"], "Alex Doe");
    let out = j.dir.path().join("r.html");
    j.ok(&["report", "-o", out.to_str().unwrap()]);
    assert!(
        parse(&read(&out))
            .unwrap()
            .text
            .contains("Patient: Alex Doe")
    );
    j.ok(&["set", "name", ""]);
    j.ok(&["report", "-o", out.to_str().unwrap()]);
    assert!(!parse(&read(&out)).unwrap().text.contains("Patient:"));
}
