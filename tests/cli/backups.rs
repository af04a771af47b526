//! Backups belong to their journal (issue 20): journals sharing a folder keep apart copies,
//! `backup list` shows a journal's own, a restore never puts another journal in place, and
//! the copies made before this (all called `journal-DATE.db`) are sorted out on upgrade.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use super::common::{Journal, TODAY};

/// A `backtrack` command on the journal `name` beside the test's journal.
fn on(j: &Journal, name: &str) -> (Command, PathBuf) {
    let db = j.db.with_file_name(name);
    let mut c = j.cmd();
    c.arg("--db").arg(&db);
    (c, db)
}

fn run(j: &Journal, name: &str, args: &[&str]) -> std::process::Output {
    let (mut c, _) = on(j, name);
    c.args(args).output().unwrap()
}

fn ok(j: &Journal, name: &str, args: &[&str]) -> String {
    let out = run(j, name, args);
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pain(db: &Path) -> Vec<i64> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut st = c
        .prepare("SELECT pain FROM checkins WHERE deleted_at IS NULL ORDER BY date")
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn backups(j: &Journal) -> PathBuf {
    j.db.parent().unwrap().join("backups")
}

/// A copy as the builds before journal ids made it: no id inside, the shared name.
fn legacy_copy(db: &Path, dest: &Path) {
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute("VACUUM INTO ?1", [dest.to_str().unwrap()])
        .unwrap();
    let copy = rusqlite::Connection::open(dest).unwrap();
    copy.execute_batch("DROP TABLE journal_identity; PRAGMA user_version=2;")
        .unwrap();
}

#[test]
fn journals_in_one_folder_keep_their_own_daily_backups() {
    let j = Journal::new();
    ok(&j, "sam.db", &["checkin", "3"]);
    ok(&j, "alex.db", &["checkin", "7"]);
    // The next open of each is the first with data: each writes its own copy.
    ok(&j, "sam.db", &["status"]);
    ok(&j, "alex.db", &["status"]);
    let dir = backups(&j);
    assert!(dir.join(format!("sam-{TODAY}.db")).exists());
    assert!(dir.join(format!("alex-{TODAY}.db")).exists());
    let listed = ok(&j, "alex.db", &["backup", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].ends_with(&format!("alex-{TODAY}.db")), "{paths:?}");
    // A manual copy is named after its journal too.
    let made = ok(&j, "sam.db", &["backup", "now", "--json"]);
    assert!(made.contains("sam-manual-"), "{made}");
    // alex changes its check-in, then restores: alex's own 7 comes back, not sam's 3.
    ok(&j, "alex.db", &["edit", "c1", "--pain", "5"]);
    ok(&j, "alex.db", &["backup", "restore"]);
    assert_eq!(pain(&j.db.with_file_name("alex.db")), vec![7]);
}

#[test]
fn old_shared_backups_are_sorted_out_and_a_restore_refuses_another_journal() {
    let j = Journal::new();
    ok(&j, "sam.db", &["checkin", "3"]);
    ok(&j, "alex.db", &["checkin", "7"]);
    ok(&j, "journal.db", &["checkin", "1"]);
    let dir = backups(&j);
    let sams = dir.join("journal-2026-11-20.db");
    let alexs = dir.join("journal-2026-11-21.db");
    legacy_copy(&j.db.with_file_name("sam.db"), &sams);
    legacy_copy(&j.db.with_file_name("alex.db"), &alexs);

    // journal.db is named like the old copies but holds neither: it lists and restores none.
    let listed = ok(&j, "journal.db", &["backup", "list"]);
    assert!(
        !listed.contains("2026-11-20") && !listed.contains("2026-11-21"),
        "{listed}"
    );
    assert!(listed.contains("hold another journal"), "{listed}");
    let out = run(&j, "journal.db", &["backup", "restore", "2026-11-21"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("another journal"), "{err}");
    assert_eq!(pain(&j.db.with_file_name("journal.db")), vec![1]);

    // alex has not opened since: its old copy is listed already (its records are alex's).
    let listed = ok(&j, "alex.db", &["backup", "list"]);
    assert!(listed.contains("journal-2026-11-21.db"), "{listed}");
    assert!(!listed.contains("2026-11-20"), "{listed}");
    // The day's first open of sam claims sam's old copy and leaves alex's alone.
    ok(&j, "sam.db", &["status"]);
    assert!(dir.join("sam-2026-11-20.db").exists());
    assert!(!sams.exists());
    assert!(alexs.exists(), "alex's old copy was touched by sam");
    ok(&j, "alex.db", &["status"]);
    assert!(dir.join("alex-2026-11-21.db").exists());

    // Restoring an old copy (no id inside) keeps the journal's id: today's copy stays its own.
    ok(&j, "alex.db", &["edit", "c1", "--pain", "5"]);
    ok(&j, "alex.db", &["backup", "restore", "2026-11-21"]);
    assert_eq!(pain(&j.db.with_file_name("alex.db")), vec![7]);
    let listed = ok(&j, "alex.db", &["backup", "list"]);
    assert!(
        listed.contains(&format!("alex-{TODAY}.db")) && listed.contains("alex-2026-11-21.db"),
        "{listed}"
    );
    let leftovers: Vec<String> = std::fs::read_dir(j.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
