//! Export and import (SPEC §6.5): lossless JSON round trip, merge by uuid, CSV guard.

use super::common::Journal;

const NASTY: &str = "'); DROP TABLE checkins;--";
const FORMULA: &str = "=HYPERLINK(\"x\")";

fn filled() -> Journal {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250"]);
    j.ok(&[
        "checkin", "4", "--note", NASTY, "--tag", "snow", "--where", "low-back",
    ]);
    j.ok(&[
        "checkin",
        "6",
        "--date",
        "yesterday",
        "--note",
        FORMULA,
        "--sleep",
        "5.5",
    ]);
    j.ok(&["ride", "1h30m", "--np", "210", "--note", "-cramp @ 40km"]);
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    j.ok(&["med", "take", "ibuprofen"]);
    j.ok(&["event", "add", "imaging", "MRI"]);
    j.ok(&[
        "rehab",
        "programme",
        "add",
        "Block 1",
        "--exercise",
        "bird dog:3x10",
    ]);
    j.ok(&["rehab", "log"]);
    j.ok(&["psfs", "set", "ride 3h", "4"]);
    j.ok(&["checkin", "2", "--date", "-5"]);
    j.ok(&["delete", "c3"]);
    j
}

#[test]
fn json_round_trip_is_identical_and_keeps_nasty_text() {
    let a = filled();
    let first = a.export();
    let path = a.dir.path().join("export.json");
    std::fs::write(&path, &first).unwrap();
    let b = Journal::new();
    b.ok(&["import", path.to_str().unwrap()]);
    let second = b.export();
    assert_eq!(first, second, "export → import → export must be identical");
    let notes: Vec<String> = b
        .json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["note"].as_str().map(String::from))
        .collect();
    assert!(
        notes.contains(&NASTY.to_string()) && notes.contains(&FORMULA.to_string()),
        "{notes:?}"
    );
    // The trash came along too.
    assert_eq!(b.json(&["trash"])[0]["id"], "c3");
}

#[test]
fn import_merges_by_uuid_and_newer_wins() {
    let a = filled();
    let path = a.dir.path().join("export.json");
    std::fs::write(&path, a.export()).unwrap();
    let again = a.json(&["import", path.to_str().unwrap()]);
    let checkins = &again[0]["tables"]["checkins"];
    assert_eq!(checkins["inserted"], 0);
    assert_eq!(checkins["unchanged"], 3);
    // Edit after the export: the local (newer) edit survives a re-import of the old file.
    a.ok(&["edit", "c1", "--pain", "9"]);
    a.ok(&["import", path.to_str().unwrap()]);
    let today = a.json(&["list"]);
    assert_eq!(today[0]["pain"], 9);
}

#[test]
fn import_of_a_broken_file_changes_nothing() {
    let a = filled();
    let before = a.export();
    let bad = a.dir.path().join("bad.json");
    let mut doc: serde_json::Value = serde_json::from_str(&before).unwrap();
    // A new check-in and event (valid, imported first) and a new PSFS rating of 42 (invalid,
    // imported last): all or nothing.
    doc["tables"]["checkins"][0]["uuid"] =
        serde_json::json!("0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d01");
    doc["tables"]["checkins"][0]["date"] = serde_json::json!("2020-01-01");
    doc["tables"]["events"][0]["uuid"] = serde_json::json!("0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d02");
    doc["tables"]["psfs_ratings"][0]["uuid"] =
        serde_json::json!("0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d03");
    doc["tables"]["psfs_ratings"][0]["score"] = serde_json::json!(42);
    std::fs::write(&bad, serde_json::to_string(&doc).unwrap()).unwrap();
    let err = a.fails(&["import", bad.to_str().unwrap()], 2);
    assert!(err.contains("psfs_ratings"), "{err}");
    std::fs::write(&bad, "{ not json").unwrap();
    a.fails(&["import", bad.to_str().unwrap()], 2);
    assert_eq!(before, a.export());
}

#[test]
fn csv_export_guards_formulas_and_quotes() {
    let a = filled();
    let dir = a.dir.path().join("csv");
    a.ok(&["export", "--format", "csv", "-o", dir.to_str().unwrap()]);
    let checkins = std::fs::read_to_string(dir.join("checkins.csv")).unwrap();
    assert!(
        checkins.contains("'=HYPERLINK(\"\"x\"\")"),
        "formula not guarded or quoted: {checkins}"
    );
    assert!(checkins.contains(NASTY), "{checkins}");
    let acts = std::fs::read_to_string(dir.join("activities.csv")).unwrap();
    assert!(acts.contains("'-cramp @ 40km"), "{acts}");
    let mut rdr = csv::Reader::from_path(dir.join("checkins.csv")).unwrap();
    assert_eq!(rdr.records().count(), 3);
}

/// Issue 25: an export over an earlier one (left 0644 by a copy or an older backtrack) is
/// replaced whole, readable by its owner only; the CSV files too.
#[test]
fn an_export_over_a_0644_file_replaces_it_whole_at_0600() {
    use std::os::unix::fs::PermissionsExt;
    let a = filled();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let open = std::fs::Permissions::from_mode(0o644);
    let json = a.dir.path().join("export.json");
    std::fs::write(&json, "x".repeat(1 << 20)).unwrap();
    std::fs::set_permissions(&json, open.clone()).unwrap();
    a.ok(&["export", "-o", json.to_str().unwrap()]);
    assert_eq!(mode(&json), 0o600);
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(
        text.starts_with('{') && text.trim_end() == a.export().trim_end(),
        "the old, longer file is gone whole"
    );
    let dir = a.dir.path().join("csv");
    std::fs::create_dir(&dir).unwrap();
    let csv = dir.join("checkins.csv");
    std::fs::write(&csv, "old").unwrap();
    std::fs::set_permissions(&csv, open).unwrap();
    a.ok(&["export", "--format", "csv", "-o", dir.to_str().unwrap()]);
    assert_eq!(mode(&csv), 0o600);
    assert!(std::fs::read_to_string(&csv).unwrap().contains(NASTY));
}

/// Issue 25 item 1: doses from another device that join this journal's day over the max are
/// refused (exit 2, nothing written) as taking them would be; `import --force` takes them.
#[test]
fn an_import_past_the_daily_max_is_refused_unless_forced() {
    let phone = Journal::new();
    phone.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    phone.ok(&[
        "med",
        "take",
        "ibuprofen",
        "800",
        "--at",
        "2026-01-10 08:00",
    ]);
    let path = phone.dir.path().join("phone.json");
    std::fs::write(&path, phone.export()).unwrap();
    let laptop = Journal::new();
    laptop.ok(&["import", path.to_str().unwrap()]);
    laptop.ok(&[
        "med",
        "take",
        "ibuprofen",
        "400",
        "--at",
        "2026-01-10 12:00",
    ]);
    phone.ok(&[
        "med",
        "take",
        "ibuprofen",
        "400",
        "--at",
        "2026-01-10 16:00",
    ]);
    std::fs::write(&path, phone.export()).unwrap();
    let before = laptop.export();
    let err = laptop.fails(&["import", path.to_str().unwrap()], 2);
    assert!(
        err.contains("to 1600 mg, over your max daily total of 1200 mg") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(laptop.export(), before, "nothing imported");
    laptop.ok(&["import", path.to_str().unwrap(), "--force"]);
    let v: serde_json::Value = serde_json::from_str(&laptop.export()).unwrap();
    assert_eq!(v["tables"]["doses"].as_array().map(Vec::len), Some(3));
}

/// Issue 25 item 3: the report goes through the same private, atomic writer as the exports:
/// a report over an older, longer 0644 file replaces it whole, readable by its owner only, and
/// leaves no temporary file beside it.
#[test]
fn a_report_over_a_0644_file_replaces_it_whole_at_0600() {
    use std::os::unix::fs::PermissionsExt;
    let a = filled();
    let dir = a.dir.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    let html = dir.join("report.html");
    std::fs::write(&html, "x".repeat(1 << 22)).unwrap();
    std::fs::set_permissions(&html, std::fs::Permissions::from_mode(0o644)).unwrap();
    a.ok(&["report", "-o", html.to_str().unwrap()]);
    let mode = std::fs::metadata(&html).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        text.starts_with("<!DOCTYPE html>") && !text.contains("xxxx"),
        "replaced whole"
    );
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
}
