//! Issue 21.1–21.4: `backup restore` and `backup PATH` against a journal someone is using:
//! a restore never moves a journal another backtrack is writing to, every replaced journal
//! is kept under its own name, `backup PATH` never replaces what is not a backup, and a
//! restore never puts another program's file or a newer journal in place.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use serde_json::json;

use super::{cmd, count, ok, run, sha};

/// A journal with one check-in and a manual backup of it.
fn journal_with_backup(dir: &Path) -> PathBuf {
    let db = dir.join("journal.db");
    ok(&db, &["checkin", "3", "--date", "2026-11-01"]);
    ok(&db, &["backup"]);
    db
}

/// True once process `pid` has the file `db` open.
fn has_open(pid: u32, db: &Path) -> bool {
    let want = std::fs::canonicalize(db).unwrap();
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|fds| {
            fds.filter_map(|e| e.ok())
                .any(|e| std::fs::read_link(e.path()).is_ok_and(|l| l == want))
        })
        .unwrap_or(false)
}

/// A JSON export of `n` events: an import that keeps the journal open for a while.
fn big_import(dir: &Path, n: usize) -> (PathBuf, String) {
    let stamp = "2026-01-01T00:00:00.000Z";
    let last = uuid::Uuid::new_v4().to_string();
    let events: Vec<_> = (0..n)
        .map(|i| {
            let uuid = match i + 1 == n {
                true => last.clone(),
                false => uuid::Uuid::new_v4().to_string(),
            };
            json!({"uuid": uuid, "date": "2026-01-01", "kind": "other", "title": format!("e{i}"),
                "note": null, "created_at": stamp, "updated_at": stamp, "deleted_at": null})
        })
        .collect();
    let doc = json!({"format_version": 1, "tables": {"events": events}});
    let p = dir.join("big.json");
    std::fs::write(&p, doc.to_string()).unwrap();
    (p, last)
}

#[test]
fn a_restore_while_another_backtrack_writes_is_refused_and_the_write_lands_in_the_live_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_backup(dir.path());
    let (doc, last) = big_import(dir.path(), 60_000);
    let mut import = cmd(&db, super::TODAY)
        .args(["import", doc.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !has_open(import.id(), &db) {
        assert!(
            import.try_wait().unwrap().is_none(),
            "the import ended before it was seen holding the journal"
        );
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "import never opened the journal"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let restore = run(&db, super::TODAY, &["backup", "restore"]);
    let err = String::from_utf8_lossy(&restore.stderr);
    let imported = import.wait_with_output().unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert_eq!(
        restore.status.code(),
        Some(2),
        "restore was not refused: {err}"
    );
    assert!(err.contains("open in another backtrack"), "{err}");
    assert_eq!(
        count(&db, "SELECT count(*) FROM events WHERE uuid=?1", &last),
        1,
        "the import's write is not in the live journal"
    );
    // Once nobody has it open, the restore goes ahead.
    let out = ok(&db, &["backup", "restore"]);
    assert!(out.contains("Restored"), "{out}");
}

#[test]
fn kill_nine_during_restores_and_writes_keeps_every_check_in_in_some_file() {
    let runs = if super::long_run() { 200 } else { 25 };
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_backup(dir.path());
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(21);
    let mut acknowledged = Vec::new();
    // Restores that put a backup in place, were refused (the journal open), were killed.
    let (mut restored, mut refused, mut killed) = (0, 0, 0);
    for r in 0..runs {
        let note = format!("run-{r}");
        // A day of its own: a second check-in on one day would replace the first's note.
        let day = (chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
            + chrono::Duration::days(r as i64))
        .to_string();
        let writer = cmd(&db, super::TODAY)
            .args(["checkin", "4", "--date", &day, "--note", &note])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut restore = cmd(&db, super::TODAY)
            .args(["backup", "restore"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rand::Rng::gen_range(
            &mut rng,
            0..40_000,
        )));
        if restore.try_wait().unwrap().is_none() {
            restore.kill().unwrap();
        }
        match restore.wait().unwrap().code() {
            Some(0) => restored += 1,
            Some(2) => refused += 1,
            Some(c) => panic!("run {r}: restore exited {c}"),
            None => killed += 1,
        }
        let written = writer.wait_with_output().unwrap();
        assert_eq!(super::integrity(&db), "ok", "run {r}: the live journal");
        if written.status.success() {
            acknowledged.push(note);
        }
    }
    // Every acknowledged check-in is in the live journal or in a kept journal.
    let files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n == "journal.db"
                || (n.contains(".before-restore-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        })
        .collect();
    for note in &acknowledged {
        let found = files.iter().any(|f| {
            let c = Connection::open(f).unwrap();
            c.query_row("SELECT count(*) FROM checkins WHERE note=?1", [note], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_or(0)
                > 0
        });
        assert!(found, "{note} was acknowledged but is in no file");
    }
    eprintln!(
        "restore-race figures: {runs} restores beside a writer ({restored} done, {refused} refused while the journal was open, {killed} killed mid-way), {} acknowledged check-ins all in the live or a kept journal ({} files)",
        acknowledged.len(),
        files.len()
    );
}

#[test]
fn restores_in_one_second_keep_every_replaced_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_backup(dir.path());
    let notes: Vec<String> = (0..5).map(|i| format!("between-{i}")).collect();
    for note in &notes {
        ok(
            &db,
            &["checkin", "5", "--date", "2026-11-02", "--note", note],
        );
        ok(&db, &["backup", "restore"]);
    }
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.contains(".before-restore-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), notes.len(), "{kept:?}");
    for note in &notes {
        let n: usize = kept
            .iter()
            .map(|k| {
                Connection::open(k)
                    .unwrap()
                    .query_row("SELECT count(*) FROM checkins WHERE note=?1", [note], |r| {
                        r.get::<_, i64>(0)
                    })
                    .unwrap() as usize
            })
            .sum();
        assert_eq!(n, 1, "{note} is kept in {n} files");
    }
}

#[test]
fn backup_to_a_path_replaces_only_a_new_path_or_an_earlier_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_backup(dir.path());
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "precious").unwrap();
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&text, &link).unwrap();
    let fifo = dir.path().join("pipe.db");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let folder = dir.path().join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    let foreign = dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    let mut refused = vec![&text, &link, &folder, &foreign, &db];
    if made.is_ok_and(|s| s.success()) {
        refused.push(&fifo);
    }
    let journal_before = sha(&db);
    for p in refused {
        let before = std::fs::symlink_metadata(p).map(|m| (m.len(), m.file_type()));
        let out = run(&db, super::TODAY, &["backup", p.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", p.display());
        assert!(err.contains("path") && err.contains("allowed"), "{err}");
        let after = std::fs::symlink_metadata(p).map(|m| (m.len(), m.file_type()));
        assert_eq!(before.ok(), after.ok(), "{} changed", p.display());
    }
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "precious");
    assert_eq!(journal_before, sha(&db), "the journal changed");
    // A new path, then the same path again (an earlier backup), both work.
    let dest = dir.path().join("copy.db");
    ok(&db, &["backup", dest.to_str().unwrap()]);
    ok(&db, &["checkin", "6", "--date", "2026-11-03"]);
    ok(&db, &["backup", dest.to_str().unwrap()]);
    assert_eq!(
        count(
            &dest,
            "SELECT count(*) FROM checkins WHERE date=?1",
            "2026-11-03"
        ),
        1
    );
}

#[test]
fn a_restore_passes_over_another_programs_file_and_a_newer_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = journal_with_backup(dir.path());
    ok(&db, &["checkin", "7", "--date", "2026-11-05"]);
    let backups = dir.path().join("backups");
    let real = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("manual-2"))
        .unwrap();
    let foreign_file = |p: &Path| {
        Connection::open(p)
            .unwrap()
            .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap()
    };
    // Newer than the real backup: same day, written after it.
    foreign_file(&backups.join("journal-manual-20261123-235959.db"));
    foreign_file(&backups.join("journal-2026-11-20.db"));
    let newer = backups.join("journal-2026-11-21.db");
    std::fs::copy(&real, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let listed = ok(&db, &["backup", "list"]);
    assert!(
        listed.contains("another program") && listed.contains("schema version 99"),
        "{listed}"
    );
    for (date, why) in [
        ("2026-11-20", "another program"),
        ("2026-11-21", "schema version 99"),
    ] {
        let before = sha(&db);
        let out = run(&db, super::TODAY, &["backup", "restore", date]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{date}: {err}");
        assert!(err.contains(why), "{date}: {err}");
        assert_eq!(before, sha(&db), "{date}: the journal changed");
    }
    // Without a date, the newest real backup is the one put in place.
    let out = ok(&db, &["backup", "restore"]);
    assert!(out.contains(real.to_str().unwrap()), "{out}");
    let n = count(
        &db,
        "SELECT count(*) FROM checkins WHERE date=?1",
        "2026-11-01",
    );
    assert_eq!(n, 1, "the journal's own backup was not the one restored");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM checkins WHERE date=?1",
            "2026-11-05"
        ),
        0
    );
}
