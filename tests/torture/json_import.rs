//! Issue 21.10: a JSON import that is tampered with or odd. An upper-case copy of a uuid is
//! the same record (not a new one that trashes the original); a uuid twice in one file, a
//! deletion or edit stamped in the future, a record created after its last update, a file over
//! 64 MiB or a named pipe are refused with the field, writing nothing; a byte-order mark is
//! skipped.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{TODAY, ok, run};

fn journal(dir: &Path) -> (PathBuf, Value) {
    let db = dir.join("journal.db");
    ok(
        &db,
        &["checkin", "4", "--date", "2026-11-20", "--note", "mine"],
    );
    let doc: Value = serde_json::from_str(&ok(&db, &["export"])).unwrap();
    (db, doc)
}

fn write(dir: &Path, name: &str, doc: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, doc.to_string()).unwrap();
    p
}

#[test]
fn an_upper_case_uuid_is_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut doc) = journal(dir.path());
    let row = &mut doc["tables"]["checkins"][0];
    row["uuid"] = json!(row["uuid"].as_str().unwrap().to_uppercase());
    row["note"] = json!("edited elsewhere");
    let later = chrono::Utc::now() + chrono::Duration::minutes(1);
    row["updated_at"] = json!(later.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
    let p = write(dir.path(), "upper.json", &doc);
    ok(&db, &["import", p.to_str().unwrap()]);
    let all: Value = serde_json::from_str(&ok(&db, &["--json", "list", "--all"])).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
    assert_eq!(all[0]["note"], "edited elsewhere");
    // One row of that day, live or trashed: no second record was made.
    let rows = super::count(
        &db,
        "SELECT count(*) FROM checkins WHERE date=?1",
        "2026-11-20",
    );
    assert_eq!(rows, 1, "a second record was made for the upper-case copy");
}

#[test]
fn tampered_stamps_and_duplicates_are_refused_with_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (db, doc) = journal(dir.path());
    let before = ok(&db, &["export"]);
    let stamp = "2026-11-20T08:00:00.000Z";
    let event = |uuid: &str, created: &str, updated: &str, deleted: Value| {
        json!({"uuid": uuid, "date": "2026-11-01", "kind": "other", "title": "t", "note": null,
            "created_at": created, "updated_at": updated, "deleted_at": deleted})
    };
    let u = "0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9e";
    let cases = [
        (
            json!([
                event(u, stamp, stamp, Value::Null),
                event(&u.to_uppercase(), stamp, stamp, Value::Null)
            ]),
            "events.uuid",
        ),
        (
            json!([event(u, stamp, stamp, json!("2099-01-01T00:00:00.000Z"))]),
            "events.deleted_at",
        ),
        (
            json!([event(u, stamp, "2099-01-01T00:00:00.000Z", Value::Null)]),
            "events.updated_at",
        ),
        (
            json!([event(u, "2026-11-23T08:00:00.000Z", stamp, Value::Null)]),
            "events.created_at",
        ),
    ];
    for (n, (events, field)) in cases.into_iter().enumerate() {
        let mut d = doc.clone();
        d["tables"]["events"] = events;
        let p = write(dir.path(), &format!("bad-{n}.json"), &d);
        let out = run(&db, TODAY, &["import", p.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{field}: {err}");
        assert!(err.contains(field), "{field}: {err}");
        assert_eq!(
            before,
            ok(&db, &["export"]),
            "{field}: something was written"
        );
    }
}

#[test]
fn a_huge_file_or_a_pipe_is_refused_at_once_and_a_bom_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (db, doc) = journal(dir.path());
    let before = ok(&db, &["export"]);
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let out = run(&db, TODAY, &["import", huge.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("file:") && err.contains("64 MiB"), "{err}");
    let pipe = dir.path().join("pipe.json");
    if std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success())
    {
        let start = Instant::now();
        let out = run(&db, TODAY, &["import", pipe.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
        assert!(start.elapsed() < Duration::from_secs(10));
    }
    assert_eq!(before, ok(&db, &["export"]));
    let mut d = doc.clone();
    d["tables"]["events"] = json!([{"uuid": "0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9f", "date": "2026-11-01",
        "kind": "other", "title": "from a BOM file", "note": null,
        "created_at": "2026-11-20T08:00:00.000Z", "updated_at": "2026-11-20T08:00:00.000Z", "deleted_at": null}]);
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, format!("\u{feff}{d}")).unwrap();
    ok(&db, &["import", bom.to_str().unwrap()]);
    assert!(ok(&db, &["list", "events", "--all"]).contains("from a BOM file"));
}
