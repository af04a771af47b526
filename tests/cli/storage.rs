//! Storage guarantees: file modes, newer schemas refused untouched, backups, and two
//! processes writing at once.

use std::os::unix::fs::PermissionsExt;
use std::process::Command as Std;

use backtrack::repo::Repo;

use super::common::{Journal, TODAY};

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn data_dir_is_0700_and_db_wal_shm_are_0600() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    assert_eq!(mode(j.db.parent().unwrap()), 0o700);
    assert_eq!(mode(&j.db), 0o600);
    // While a connection is open the -wal and -shm files exist: they must be private too.
    let mut repo = Repo::open(&j.db).unwrap();
    repo.set_plain("nsaid_streak_days", "9").unwrap();
    for suffix in ["-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", j.db.display()));
        assert!(p.exists(), "{suffix} missing while open");
        assert_eq!(mode(&p), 0o600, "{suffix} mode");
    }
}

#[test]
fn newer_schema_is_refused_and_the_file_is_unchanged() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    {
        let c = rusqlite::Connection::open(&j.db).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&j.db).unwrap();
    let err = j.fails(&["checkin", "5"], 1);
    assert!(
        err.contains("schema version 99") && err.contains("knows only up to 5"),
        "{err}"
    );
    assert_eq!(
        before,
        std::fs::read(&j.db).unwrap(),
        "the newer file was modified"
    );
}

#[test]
fn first_open_of_the_day_makes_a_verified_backup() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    // The first open made an empty journal: nothing to back up yet. The next open has data.
    j.ok(&["status"]);
    let b =
        j.db.parent()
            .unwrap()
            .join("backups")
            .join(format!("journal-{TODAY}.db"));
    assert!(b.exists(), "no daily backup at {}", b.display());
    assert_eq!(mode(&b), 0o600);
    let c = rusqlite::Connection::open(&b).unwrap();
    let pain: i64 = c
        .query_row("SELECT pain FROM checkins", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pain, 4);
    let manual = j.dir.path().join("manual.db");
    let v = j.json(&["backup", manual.to_str().unwrap()]);
    assert_eq!(v["verified"], true);
    let c = rusqlite::Connection::open(&manual).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let j = Journal::new();
    j.ok(&["med", "add", "ibuprofen", "--class", "nsaid", "--dose", "1"]);
    let bin = assert_cmd::cargo::cargo_bin("backtrack");
    // Each process writes 500 records through one shell loop, so the two overlap for real.
    let script_a = format!(
        "for i in $(seq 1 500); do d=$(date -d \"{TODAY} - $i days\" +%F); {bin} checkin $((i % 11)) --date $d >/dev/null || exit 1; done",
        bin = bin.display()
    );
    let script_b = format!(
        "for i in $(seq 1 500); do m=$((i % 60)); h=$((i / 60)); {bin} med take ibuprofen --force --at \"2026-11-$(printf %02d $((1 + i % 20))) $(printf %02d $h):$(printf %02d $m)\" >/dev/null || exit 1; done",
        bin = bin.display()
    );
    let spawn = |s: String| {
        Std::new("bash")
            .arg("-c")
            .arg(s)
            .env("BACKTRACK_DB", &j.db)
            .env("BACKTRACK_TODAY", TODAY)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn(script_a);
    let b = spawn(script_b);
    let (oa, ob) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(
        oa.status.success(),
        "writer A failed: {}",
        String::from_utf8_lossy(&oa.stderr)
    );
    assert!(
        ob.status.success(),
        "writer B failed: {}",
        String::from_utf8_lossy(&ob.stderr)
    );
    assert!(!String::from_utf8_lossy(&oa.stderr).contains("locked"));
    assert!(!String::from_utf8_lossy(&ob.stderr).contains("locked"));
    let repo = Repo::open(&j.db).unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(repo.checkins_between(from, to).unwrap().len(), 500);
    assert_eq!(repo.doses_between(from, to).unwrap().len(), 500);
}
