//! Trust on the worst day (issue 11): tampered imports refused whole, older rows kept and
//! counted, trash moves named, damaged/empty/foreign files untouched, backups restored,
//! modes that only tighten, read-only places, stale temp files, huge stored figures.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde_json::{Value, json};

use super::common::Journal;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn filled() -> Journal {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "2026-11-20", "--note", "stiff"]);
    j.ok(&["ride", "1h30m", "--np", "200", "--date", "2026-11-21"]);
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--dose",
        "400",
    ]);
    j.ok(&["med", "take", "ibuprofen", "--at", "2026-11-22 08:00"]);
    j
}

fn write_doc(j: &Journal, name: &str, doc: &Value) -> String {
    let p = j.dir.path().join(name);
    std::fs::write(&p, serde_json::to_string(doc).unwrap()).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn tampered_exports_are_refused_whole_naming_table_uuid_and_field() {
    let a = filled();
    let doc: Value = serde_json::from_str(&a.export()).unwrap();
    let b = Journal::new();
    b.ok(&["checkin", "5", "--date", "2026-11-01"]);
    let before = b.export();
    let cases: &[(&str, &str, Value)] = &[
        ("checkins", "date", json!("2026-02-30")),
        ("checkins", "date", json!("2026-12-01")),
        ("checkins", "date", json!("0000-01-01")),
        ("checkins", "pain", json!(11)),
        ("checkins", "pain", json!(-1)),
        ("checkins", "mood", json!(9)),
        ("checkins", "sleep_hours", json!(1e300)),
        ("checkins", "uuid", json!("not-a-uuid")),
        ("checkins", "updated_at", json!("zzz")),
        ("checkins", "created_at", json!(null)),
        ("checkins", "locations", json!("knee")),
        ("activities", "tss", json!(1e300)),
        ("activities", "elapsed_s", json!(0)),
        ("activities", "avg_power_w", json!(-5)),
        ("activities", "start_at", json!("yesterday")),
        ("activities", "date", json!("2026-11-19")),
        (
            "doses",
            "medication_uuid",
            json!("0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9e"),
        ),
        ("doses", "amount", json!(0)),
        ("medications", "max_daily", json!(-1)),
        ("medications", "class", json!("candy")),
    ];
    for (table, field, value) in cases {
        let mut d = doc.clone();
        let row = &mut d["tables"][*table][0];
        let uuid = row["uuid"].as_str().unwrap().to_string();
        row[*field] = value.clone();
        let p = write_doc(&b, "tampered.json", &d);
        let err = b.fails(&["import", &p], 2);
        assert!(
            err.contains(&format!("{table}.{field}")),
            "{table}.{field}={value}: field not named: {err}"
        );
        if *field != "uuid" {
            assert!(
                err.contains(&uuid),
                "{table}.{field}: uuid not named: {err}"
            );
        }
        assert!(
            err.lines().count() <= 2,
            "more than one line and one cause: {err}"
        );
        assert_eq!(
            before,
            b.export(),
            "{table}.{field}={value} wrote something"
        );
    }
}

#[test]
fn identical_rows_are_unchanged_and_older_different_ones_are_kept() {
    let a = filled();
    let old = a.export();
    let p = write_doc(&a, "old.json", &serde_json::from_str(&old).unwrap());
    let v = a.json(&["import", &p]);
    let t = &v[0]["tables"];
    assert_eq!(t["checkins"]["unchanged"], 1, "{v}");
    assert_eq!(t["checkins"]["kept_yours"], 0, "{v}");
    // Edit here (newer), then import the older copy: it differs, so it is not "unchanged".
    a.ok(&["checkin", "6", "--date", "2026-11-20"]);
    let v = a.json(&["import", &p]);
    assert_eq!(v[0]["tables"]["checkins"]["kept_yours"], 1, "{v}");
    assert_eq!(v[0]["tables"]["checkins"]["unchanged"], 0, "{v}");
    let text = a.ok(&["import", &p]);
    assert!(text.contains("1 older (kept yours)"), "{text}");
    let list = a.json(&["list", "checkins", "--all"]);
    assert_eq!(list[0]["pain"], 6, "the newer local edit was kept");
}

#[test]
fn an_import_that_trashes_says_which_and_how_to_restore() {
    let a = Journal::new();
    a.ok(&["checkin", "3", "--date", "2026-11-20", "--note", "mine"]);
    let b = Journal::new();
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.ok(&[
        "checkin",
        "7",
        "--date",
        "2026-11-20",
        "--note",
        "other device",
    ]);
    let p = write_doc(&a, "b.json", &serde_json::from_str(&b.export()).unwrap());
    let v = a.json(&["import", "--dry-run", &p]);
    assert_eq!(v[0]["trashed"][0]["id"], "c1", "{v}");
    let text = a.ok(&["import", &p]);
    assert!(
        text.contains("moved 1 to the trash") && text.contains("c1 (20 Nov, pain 3)"),
        "{text}"
    );
    assert!(text.contains("backtrack restore ID"), "{text}");
    let trash = a.json(&["trash"]);
    assert_eq!(trash[0]["id"], "c1", "{trash}");
}

#[test]
fn a_damaged_journal_refuses_writes_and_restore_brings_back_the_backup() {
    let j = Journal::new();
    for i in 1..=40 {
        let note = "x".repeat(400);
        j.ok(&[
            "checkin",
            &(i % 10).to_string(),
            "--date",
            &format!("-{i}"),
            "--note",
            &note,
        ]);
    }
    j.ok(&["backup"]); // a verified copy of all 40 (the daily one has the first only)
    super::torture_support::flip_btree_pages(&j.db);
    let sha = std::fs::read(&j.db).unwrap();
    // The next day's first open finds the damage.
    let next = |args: &[&str]| {
        j.cmd()
            .env("BACKTRACK_TODAY", "2026-11-24")
            .args(args)
            .output()
            .unwrap()
    };
    let out = next(&["checkin", "4"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("is damaged") && err.contains("journal-manual-2026"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert_eq!(
        sha,
        std::fs::read(&j.db).unwrap(),
        "a damaged journal was written"
    );
    let listed = next(&["backup", "list", "--json"]);
    let v: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(v[0]["verified"], true, "{v}");
    let out = next(&["backup", "restore", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kept = r["kept"].as_str().unwrap();
    assert_eq!(
        std::fs::read(kept).unwrap(),
        sha,
        "the damaged file was not kept as it was"
    );
    assert!(next(&["checkin", "4"]).status.success());
    let out = next(&["list", "checkins", "--all", "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 41);
}

#[test]
fn a_zero_byte_journal_is_refused_until_init_force() {
    let j = Journal::new();
    j.ok(&["checkin", "4", "--date", "yesterday"]);
    j.ok(&["status"]);
    std::fs::write(&j.db, b"").unwrap();
    let err = j.fails(&["checkin", "5"], 1);
    assert!(
        err.contains("empty (0 bytes)") && err.contains("journal-2026-11-23.db"),
        "{err}"
    );
    assert!(err.contains("init --force"), "{err}");
    assert_eq!(
        std::fs::metadata(&j.db).unwrap().len(),
        0,
        "the file was changed"
    );
    j.ok(&["init", "--force"]);
    j.ok(&["checkin", "5"]);
    // --force never replaces a file that holds data.
    let err = j.fails(&["init", "--force"], 2);
    assert!(err.contains("only replaces an empty"), "{err}");
}

#[test]
fn another_programs_database_is_refused_unchanged_in_one_line() {
    let j = Journal::new();
    std::fs::create_dir_all(j.db.parent().unwrap()).unwrap();
    for schema in [
        "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('mine');",
        "CREATE TABLE checkins(id INTEGER PRIMARY KEY, date TEXT, pain INT); INSERT INTO checkins VALUES (1, '2026-01-01', 3);",
    ] {
        let _ = std::fs::remove_file(&j.db);
        let c = rusqlite::Connection::open(&j.db).unwrap();
        c.execute_batch(schema).unwrap();
        drop(c);
        let before = std::fs::read(&j.db).unwrap();
        for args in [
            &["checkin", "4"][..],
            &["list"],
            &["export"],
            &["import", "/nonexistent.json"],
        ] {
            let out = j.cmd().args(args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_ne!(out.status.code(), Some(0), "{args:?}");
            assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        }
        let err = j.fails(&["checkin", "4"], 1);
        assert!(err.contains("another program's SQLite database"), "{err}");
        assert_eq!(
            before,
            std::fs::read(&j.db).unwrap(),
            "the foreign file changed"
        );
        let wal = j.db.with_file_name("journal.db-wal");
        assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    }
}

#[test]
fn modes_only_tighten_and_csv_exports_are_private() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    std::fs::set_permissions(&j.db, std::fs::Permissions::from_mode(0o664)).unwrap();
    j.ok(&["status"]);
    assert_eq!(mode(&j.db), 0o600);
    // The owner made it read-only: it stays so, reads work and writes say why.
    std::fs::set_permissions(&j.db, std::fs::Permissions::from_mode(0o400)).unwrap();
    j.ok(&["list"]);
    let err = j.fails(&["checkin", "5"], 1);
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(mode(&j.db), 0o400, "a bit was added");
    std::fs::set_permissions(&j.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    let dir = j.dir.path().join("csv");
    j.ok(&["export", "--format", "csv", "-o", dir.to_str().unwrap()]);
    assert_eq!(mode(&dir), 0o700);
    for f in std::fs::read_dir(&dir).unwrap() {
        let p = f.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}

#[test]
fn a_read_only_directory_reads_and_names_itself_on_writes() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    j.ok(&["status"]);
    let dir = j.db.parent().unwrap().to_path_buf();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let list = j.json(&["list"]);
    assert_eq!(list[0]["pain"], 4);
    let before = std::fs::read(&j.db).unwrap();
    let err = j.fails(&["checkin", "5"], 1);
    assert!(
        err.contains("directory") && err.contains("read-only"),
        "{err}"
    );
    assert!(!err.contains("not a backtrack journal"), "{err}");
    assert_eq!(before, std::fs::read(&j.db).unwrap());
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn the_next_backup_removes_what_killed_backups_left() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    let backups = j.db.parent().unwrap().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    // PID 4194304 is above Linux's pid_max: no such process runs.
    let stale = [
        ".journal-2026-11-22.db.tmp-4194304",
        ".journal-2026-11-22.db.tmp-4194304-wal",
        ".journal-2026-11-22.db.tmp-4194304-shm",
        ".journal-manual-20261122-080000.db.tmp-4194303",
    ];
    for s in stale {
        std::fs::write(backups.join(s), vec![0u8; 4096]).unwrap();
    }
    j.ok(&["backup"]);
    let left: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn huge_stored_figures_do_not_panic_any_screen() {
    let j = filled();
    {
        let c = rusqlite::Connection::open(&j.db).unwrap();
        c.execute_batch(
            "UPDATE activities SET tss=1e300, distance_m=1e300, avg_power_w=1e300, normalized_power_w=1e300;
             UPDATE doses SET amount=1e300; UPDATE medications SET max_daily=1e300;",
        )
        .unwrap();
    }
    for screen in ["today", "pain", "training", "meds", "trends", "timeline"] {
        for w in ["60", "80", "200"] {
            j.ok(&["show", screen, "--width", w, "--height", "30"]);
        }
        // Narrower than any screen draws: refused as input, not drawn.
        j.fails(&["show", screen, "--width", "40", "--height", "30"], 2);
    }
    for range in ["4w", "12w", "1y", "all"] {
        j.ok(&["show", "trends", "--range", range]);
    }
    for chart in ["load", "pain", "sleep"] {
        j.ok(&["chart", chart]);
    }
    j.ok(&["stats"]);
}

#[test]
fn a_delete_and_a_restore_travel_to_the_other_device_through_export() {
    // Two devices with the same journal: b starts as a copy of a's export.
    let a = filled();
    let b = Journal::new();
    let first = write_doc(
        &b,
        "first.json",
        &serde_json::from_str(&a.export()).unwrap(),
    );
    b.ok(&["import", &first]);
    assert_eq!(
        b.json(&["list", "checkins", "--all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    std::thread::sleep(std::time::Duration::from_millis(5));
    a.ok(&["delete", "c1"]);
    let deleted = write_doc(
        &b,
        "deleted.json",
        &serde_json::from_str(&a.export()).unwrap(),
    );
    let v = b.json(&["import", &deleted]);
    assert_eq!(v[0]["tables"]["checkins"]["updated"], 1, "{v}");
    assert_eq!(
        v[0]["trashed"][0]["id"], "c1",
        "the import names what it trashed: {v}"
    );
    assert!(
        b.json(&["list", "checkins", "--all"])
            .as_array()
            .unwrap()
            .is_empty(),
        "the delete made on a is in b's trash too"
    );

    std::thread::sleep(std::time::Duration::from_millis(5));
    a.ok(&["restore", "c1"]);
    let restored = write_doc(
        &b,
        "restored.json",
        &serde_json::from_str(&a.export()).unwrap(),
    );
    b.ok(&["import", &restored]);
    let list = b.json(&["list", "checkins", "--all"]);
    assert_eq!(
        list[0]["note"], "stiff",
        "the restore on a brings it back on b: {list}"
    );
}
