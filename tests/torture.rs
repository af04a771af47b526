//! The torture suite (issue 11): `kill -9` at random moments during every kind of write,
//! 16 writers at once with readers looping, a table of damaged files and a table of bad
//! input. Bounded for CI; `BACKTRACK_TORTURE_LONG=1` runs 500 kills instead of 50. Each test
//! prints its figures (runs, writes, cases) for the README's Reliability section.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rusqlite::{Connection, OpenFlags};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

#[path = "torture/archives.rs"]
mod archives;
#[path = "support/damage.rs"]
mod damage;
#[path = "torture/escapes.rs"]
mod escapes;
#[path = "torture/file_kill.rs"]
mod file_kill;
#[path = "torture/json_import.rs"]
mod json_import;
#[path = "torture/remind.rs"]
mod remind;
#[path = "torture/restore.rs"]
mod restore;
#[path = "torture/round_trip.rs"]
mod round_trip;
#[path = "torture/smaller.rs"]
mod smaller;
#[path = "torture/sync_kill.rs"]
mod sync_kill;
#[path = "torture/validation.rs"]
mod validation;

const BIN: &str = env!("CARGO_BIN_EXE_backtrack");
const TODAY: &str = "2026-11-23";

fn long_run() -> bool {
    std::env::var_os("BACKTRACK_TORTURE_LONG").is_some_and(|v| v != "0")
}

fn cmd(db: &Path, today: &str) -> Command {
    let mut c = Command::new(BIN);
    c.env("BACKTRACK_DB", db)
        .env("BACKTRACK_TODAY", today)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .env_remove("EDITOR")
        .stdin(Stdio::null());
    c
}

fn run(db: &Path, today: &str, args: &[&str]) -> Output {
    cmd(db, today).args(args).output().unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, TODAY, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sha(p: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(p).unwrap_or_default()))
}

fn integrity(db: &Path) -> String {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn count(db: &Path, sql: &str, arg: &str) -> i64 {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row(sql, [arg], |r| r.get(0)).unwrap()
}

fn fit_file() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fit/Activity.fit");
    p.exists().then_some(p)
}

/// A one-event export with a fresh uuid: what a JSON import run writes.
fn event_doc(dir: &Path, run: usize) -> (PathBuf, String) {
    let uuid = uuid::Uuid::new_v4().to_string();
    let stamp = "2026-01-01T00:00:00.000Z";
    let doc = json!({"format_version": 1, "tables": {"events": [{
        "uuid": uuid, "date": "2026-01-01", "kind": "other", "title": format!("run-{run}"),
        "note": null, "created_at": stamp, "updated_at": stamp, "deleted_at": null}]}});
    let p = dir.join(format!("event-{run}.json"));
    std::fs::write(&p, doc.to_string()).unwrap();
    (p, uuid)
}

#[derive(Default)]
struct KillFigures {
    runs: usize,
    killed: usize,
    acknowledged: usize,
}

#[test]
fn kill_nine_at_random_moments_loses_no_acknowledged_write() {
    let runs = if long_run() { 500 } else { 50 };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let base = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    ok(
        &db,
        &["med", "add", "ibuprofen", "--class", "nsaid", "--dose", "1"],
    );
    let fit = fit_file();
    if fit.is_none() {
        eprintln!(
            "note: ../shared/fit/Activity.fit missing; FIT imports are left out of the kills"
        );
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    let mut f = KillFigures::default();
    let kinds = if fit.is_some() { 6 } else { 5 };
    for r in 0..runs {
        // A new day every 5 runs, so daily backups and pruning are killed too.
        let today = base + chrono::Duration::days((r / 5) as i64);
        let day = today - chrono::Duration::days((r % 5) as i64);
        let (today_s, day_s, note) = (today.to_string(), day.to_string(), format!("run-{r}"));
        let at = format!("{day_s} {:02}:{:02}", r % 24, r % 60);
        let (json_path, event_uuid) = event_doc(dir.path(), r);
        let backup_path = dir.path().join(format!("manual-{r}.db"));
        let kind = rng.gen_range(0..kinds);
        let args: Vec<String> = match kind {
            0 => vec!["checkin", "4", "--date", &day_s, "--note", &note],
            1 => vec!["ride", "45m", "--date", &day_s, "--note", &note],
            2 => vec![
                "med",
                "take",
                "ibuprofen",
                "1",
                "--at",
                &at,
                "--note",
                &note,
            ],
            3 => vec!["import", json_path.to_str().unwrap()],
            4 => vec!["backup", backup_path.to_str().unwrap()],
            _ => vec!["import", fit.as_ref().unwrap().to_str().unwrap()],
        }
        .into_iter()
        .map(String::from)
        .collect();
        let mut child = cmd(&db, &today_s)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.gen_range(0..60_000)));
        let exited_ok = match child.try_wait().unwrap() {
            Some(status) => status.success(),
            None => {
                child.kill().unwrap();
                child.wait().unwrap();
                f.killed += 1;
                false
            }
        };
        f.runs += 1;
        assert_eq!(integrity(&db), "ok", "run {r} ({args:?}): integrity_check");
        if !exited_ok {
            continue;
        }
        f.acknowledged += 1;
        let present = match kind {
            0 => count(&db, "SELECT count(*) FROM checkins WHERE note=?1", &note),
            1 => count(&db, "SELECT count(*) FROM activities WHERE note=?1", &note),
            2 => count(&db, "SELECT count(*) FROM doses WHERE note=?1", &note),
            3 => count(
                &db,
                "SELECT count(*) FROM events WHERE uuid=?1",
                &event_uuid,
            ),
            4 => {
                let c = Connection::open_with_flags(&backup_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                    .unwrap();
                let s: String = c
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .unwrap();
                (s == "ok") as i64
            }
            _ => count(
                &db,
                "SELECT count(*) FROM activities WHERE source=?1",
                "fit",
            ),
        };
        assert_eq!(
            present, 1,
            "run {r} ({args:?}) exited 0 but its write is missing"
        );
    }
    // Whatever the kills left, the next backup leaves no temp file behind.
    ok(
        &db,
        &["backup", dir.path().join("final.db").to_str().unwrap()],
    );
    for d in [dir.path().to_path_buf(), dir.path().join("backups")] {
        let temps: Vec<String> = std::fs::read_dir(&d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-") || n.contains(".new-"))
            .collect();
        assert!(
            temps.is_empty(),
            "stale temp files in {}: {temps:?}",
            d.display()
        );
    }
    eprintln!(
        "kill -9 figures: {} runs, {} killed mid-write, {} acknowledged writes all present, integrity_check ok after each",
        f.runs, f.killed, f.acknowledged
    );
    assert!(
        f.killed > 0 && f.acknowledged > 0,
        "the delays never hit or never missed"
    );
}

#[test]
fn sixteen_writers_at_once_with_readers_lose_nothing() {
    const WRITERS: usize = 16;
    const EACH: usize = 50;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(
        &db,
        &["med", "add", "ibuprofen", "--class", "nsaid", "--dose", "1"],
    );
    ok(&db, &["checkin", "3"]);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let start = Instant::now();
    let readers: Vec<_> = (0..2)
        .map(|k| {
            let (db, done) = (db.clone(), done.clone());
            std::thread::spawn(move || {
                let mut reads = 0;
                let args: &[&str] = if k == 0 {
                    &["list", "activities", "--all", "--json"]
                } else {
                    &["stats", "--json"]
                };
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let out = run(&db, TODAY, args);
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(out.status.success(), "reader {args:?}: {err}");
                    assert!(!err.contains("locked"), "{err}");
                    let parsed: Result<Value, _> = serde_json::from_slice(&out.stdout);
                    assert!(parsed.is_ok(), "reader {args:?} got invalid JSON");
                    reads += 1;
                }
                reads
            })
        })
        .collect();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                for i in 0..EACH {
                    let n = w * EACH + i;
                    let note = format!("w{w}-{i}");
                    let day = (chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
                        - chrono::Duration::days(n as i64))
                    .to_string();
                    let at = format!("2026-11-{:02} {:02}:{:02}", 1 + w, i / 60, i % 60);
                    let args: Vec<&str> = match i % 3 {
                        0 => vec!["checkin", "5", "--date", &day, "--note", &note],
                        1 => vec!["ride", "30m", "--date", &day, "--note", &note],
                        _ => vec![
                            "med",
                            "take",
                            "ibuprofen",
                            "1",
                            "--at",
                            &at,
                            "--note",
                            &note,
                            // Minutes apart on purpose: no question about a second dose.
                            "--force",
                        ],
                    };
                    let out = run(&db, TODAY, &args);
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(out.status.success(), "writer {w} {args:?}: {err}");
                    assert!(!err.contains("locked"), "{err}");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("a writer failed");
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads: usize = readers
        .into_iter()
        .map(|r| r.join().expect("a reader failed"))
        .sum();
    let c = Connection::open(&db).unwrap();
    for (table, rem) in [("checkins", 0), ("activities", 1), ("doses", 2)] {
        for w in 0..WRITERS {
            for i in (0..EACH).filter(|i| i % 3 == rem) {
                let n: i64 = c
                    .query_row(
                        &format!("SELECT count(*) FROM {table} WHERE note=?1"),
                        [format!("w{w}-{i}")],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(n, 1, "{table} w{w}-{i} lost");
            }
        }
    }
    eprintln!(
        "concurrency figures: {WRITERS} writers x {EACH} writes = {} writes, {reads} reads, {:.1} s, none lost, no 'database is locked'",
        WRITERS * EACH,
        start.elapsed().as_secs_f64()
    );
}

/// A journal with enough pages to damage, a manual verified backup, closed.
fn fixture(dir: &Path) -> PathBuf {
    let db = dir.join("data").join("journal.db");
    for i in 1..=30 {
        let note = format!("{i} {}", "n".repeat(500));
        ok(
            &db,
            &[
                "checkin",
                &(i % 11).to_string(),
                "--date",
                &format!("-{i}"),
                "--note",
                &note,
            ],
        );
    }
    ok(&db, &["backup"]);
    db
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
}

/// When tests run as root, file modes do not stop root; `setpriv` runs the binary as nobody
/// so the kernel's refusal is what is tested.
fn as_nobody() -> Option<&'static str> {
    let ok = is_root()
        && Command::new("setpriv")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    ok.then_some("setpriv")
}

fn chown_nobody(p: &Path) {
    for e in walk(p) {
        std::os::unix::fs::chown(&e, Some(65534), Some(65534)).unwrap();
    }
}

fn walk(p: &Path) -> Vec<PathBuf> {
    let mut out = vec![p.to_path_buf()];
    if p.is_dir() {
        for e in std::fs::read_dir(p).unwrap() {
            out.extend(walk(&e.unwrap().path()));
        }
    }
    out
}

#[test]
fn damaged_files_are_refused_with_their_message_and_left_unchanged() {
    type Damage = fn(&Path);
    let cases: &[(&str, Damage, i32, &str)] = &[
        (
            "truncated to 50 bytes",
            |p| damage::truncate(p, 50),
            1,
            "not a backtrack journal",
        ),
        (
            "truncated to 2 pages",
            |p| damage::truncate(p, 8192),
            1,
            "cut short",
        ),
        (
            "truncated by one page",
            |p| {
                let len = std::fs::metadata(p).unwrap().len();
                damage::truncate(p, len - 4096)
            },
            1,
            "is damaged",
        ),
        (
            "truncated mid-page",
            |p| {
                let len = std::fs::metadata(p).unwrap().len();
                damage::truncate(p, len / 2 + 100)
            },
            1,
            "is damaged",
        ),
        (
            "b-tree pages flipped",
            damage::flip_btree_pages,
            1,
            "is damaged",
        ),
        (
            "header flipped",
            damage::flip_header,
            1,
            "not a backtrack journal",
        ),
        (
            "zero bytes",
            |p| damage::truncate(p, 0),
            1,
            "empty (0 bytes)",
        ),
        (
            "another program's SQLite file",
            |p| {
                std::fs::remove_file(p).unwrap();
                let c = Connection::open(p).unwrap();
                c.execute_batch("CREATE TABLE checkins(id INTEGER PRIMARY KEY, pain INT); PRAGMA journal_mode=DELETE;").unwrap();
            },
            1,
            "another program's SQLite database",
        ),
        (
            "a newer schema",
            |p| {
                let c = Connection::open(p).unwrap();
                c.pragma_update(None, "user_version", 99).unwrap();
                c.pragma_update(None, "journal_mode", "DELETE").unwrap();
            },
            1,
            "schema version 99",
        ),
        (
            "read-only file",
            |p| std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o400)).unwrap(),
            1,
            "is read-only",
        ),
        (
            "read-only directory",
            |p| {
                std::fs::set_permissions(
                    p.parent().unwrap(),
                    std::fs::Permissions::from_mode(0o500),
                )
                .unwrap()
            },
            1,
            "directory",
        ),
    ];
    let nobody = as_nobody();
    let mut checked = 0;
    for (name, hurt, code, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = fixture(dir.path());
        hurt(&db);
        let before = sha(&db);
        let read_only = name.starts_with("read-only");
        let mut runners: Vec<Option<&str>> = vec![None];
        if read_only {
            match nobody {
                Some(_) => {
                    chown_nobody(dir.path());
                    runners.push(nobody);
                }
                None if is_root() => eprintln!(
                    "note: {name}: as root without setpriv, only the owner's mode bits are tested"
                ),
                None => {}
            }
        }
        for runner in runners {
            // The next day: its first open runs the check.
            let mut c = match runner {
                Some(p) => {
                    let mut c = Command::new(p);
                    c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
                    c.env("BACKTRACK_DB", &db)
                        .env("BACKTRACK_TODAY", "2026-11-24");
                    c
                }
                None => cmd(&db, "2026-11-24"),
            };
            let out = c.args(["checkin", "4"]).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            let who = runner.map_or("", |_| " (as nobody)");
            assert_eq!(out.status.code(), Some(*code), "{name}{who}: {err}");
            assert!(
                err.contains(message),
                "{name}{who}: expected '{message}' in: {err}"
            );
            assert!(
                !err.contains("panicked") && err.trim_end().lines().count() <= 2,
                "{name}{who}: {err}"
            );
            assert_eq!(before, sha(&db), "{name}{who}: the file changed");
            if read_only {
                // Reads work in a read-only place.
                let mut c = match runner {
                    Some(p) => {
                        let mut c = Command::new(p);
                        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
                        c.env("BACKTRACK_DB", &db)
                            .env("BACKTRACK_TODAY", "2026-11-24");
                        c
                    }
                    None => cmd(&db, "2026-11-24"),
                };
                let out = c.args(["list", "--all", "--json"]).output().unwrap();
                let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
                assert_eq!(
                    v.as_array().map(Vec::len),
                    Some(30),
                    "{name}{who}: reads: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(before, sha(&db), "{name}{who}: a read changed the file");
            }
            checked += 1;
        }
        let _ =
            std::fs::set_permissions(db.parent().unwrap(), std::fs::Permissions::from_mode(0o700));
    }
    // A path that is a directory.
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), "2026-11-24", &["checkin", "4"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is a directory"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something was written in the directory"
    );
    checked += 1;
    eprintln!(
        "damaged-file figures: {} cases, {checked} runs (exit code, message, SHA-256 unchanged)",
        cases.len() + 1
    );
}

#[test]
fn bad_input_everywhere_exits_2_names_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["checkin", "3"]);
    ok(&db, &["ride", "1h"]);
    ok(
        &db,
        &[
            "med",
            "add",
            "ibuprofen",
            "--class",
            "nsaid",
            "--dose",
            "400",
            "--max-daily",
            "1200",
        ],
    );
    ok(
        &db,
        &["med", "take", "ibuprofen", "--at", "2026-11-23 08:00"],
    );
    ok(&db, &["event", "add", "imaging", "MRI"]);
    ok(&db, &["psfs", "set", "ride 3h", "4"]);
    ok(
        &db,
        &[
            "rehab",
            "programme",
            "add",
            "Block 1",
            "--exercise",
            "bird dog:3x10",
        ],
    );
    let before = ok(&db, &["export"]);
    let bad_json = dir.path().join("bad.json");
    let mut doc: Value = serde_json::from_str(&before).unwrap();
    doc["tables"]["checkins"][0]["pain"] = json!(11);
    std::fs::write(&bad_json, doc.to_string()).unwrap();
    let bad_json = bad_json.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["checkin", "11"], "pain"),
        (&["checkin", "-1"], "pain"),
        (&["checkin", "four"], "pain"),
        (&["checkin", "4.5"], "pain"),
        (&["checkin", "99999999999999999999"], "pain"),
        (&["checkin", "4", "--worst", "12"], "worst"),
        (&["checkin", "4", "--worst", "-3"], "worst"),
        (&["checkin", "4", "--sleep", "25"], "sleep"),
        (&["checkin", "4", "--sleep", "-1"], "sleep"),
        (&["checkin", "4", "--sleep", "abc"], "sleep"),
        (&["checkin", "4", "--sitting", "-1"], "sitting"),
        (&["checkin", "4", "--sitting", "30"], "sitting"),
        (&["checkin", "4", "--sleep-quality", "0"], "sleep_quality"),
        (&["checkin", "4", "--mood", "6"], "mood"),
        (&["checkin", "4", "--mood", "-2"], "mood"),
        (&["checkin", "4", "--stress", "9"], "stress"),
        (&["checkin", "4", "--energy", "x"], "energy"),
        (&["checkin", "4", "--date", "2026-11-24"], "date"),
        (&["checkin", "4", "--date", "0000-01-01"], "date"),
        (&["checkin", "4", "--date", "1899-12-31"], "date"),
        (&["checkin", "4", "--date", "2026-02-30"], "date"),
        (&["checkin", "4", "--date", "someday"], "date"),
        (&["checkin", "4", "--where", "knee"], "location"),
        (&["checkin", "4", "--feels", "itchy"], "character"),
        (&["checkin", "4", "--red-flag", "headache"], "red_flag"),
        (&["ride", "1h99m"], "duration"),
        (&["ride", "1:75"], "duration"),
        (&["ride", "1m75s"], "duration"),
        (&["ride", "0m"], "duration"),
        (&["ride", "8d"], "duration"),
        (&["ride", "forever"], "duration"),
        (&["ride", "1h", "--np", "-200"], "np"),
        (&["ride", "1h", "--np", "9000"], "np"),
        (&["ride", "1h", "--power", "-5"], "power"),
        (&["ride", "1h", "--hr", "400"], "hr"),
        (&["ride", "1h", "--max-hr", "-1"], "max_hr"),
        (&["ride", "1h", "--ascent", "-10"], "ascent"),
        (&["ride", "1h", "--distance", "far"], "distance"),
        (&["ride", "1h", "--distance", "-5km"], "distance"),
        (&["ride", "1h", "--rpe", "11"], "rpe"),
        (&["ride", "1h", "--rpe", "-1"], "rpe"),
        (&["ride", "1h", "--tss", "-1"], "tss"),
        (&["ride", "1h", "--tss", "1e300"], "tss"),
        (&["ride", "1h", "--intensity", "max"], "intensity"),
        (&["ride", "1h", "--pain-before", "11"], "pain_before"),
        (&["ride", "1h", "--pain-during", "-4"], "pain_during"),
        (&["ride", "1h", "--pain-after", "x"], "pain_after"),
        (&["ride", "1h", "--start", "25:00"], "start"),
        (&["ride", "1h", "--moving", "2h"], "moving"),
        (&["ride", "1h", "--date", "tomorrow"], "date"),
        (&["activity", "add", "rdie", "1h"], "kind"),
        (
            &["med", "add", "x", "--class", "candy", "--dose", "1"],
            "class",
        ),
        (
            &["med", "add", "x", "--class", "nsaid", "--dose", "-400"],
            "dose",
        ),
        (
            &["med", "add", "x", "--class", "nsaid", "--dose", "0"],
            "dose",
        ),
        (
            &[
                "med",
                "add",
                "x",
                "--class",
                "nsaid",
                "--dose",
                "400",
                "--max-daily",
                "-1",
            ],
            "max_daily",
        ),
        (
            &[
                "med",
                "add",
                "x",
                "--class",
                "nsaid",
                "--dose",
                "400",
                "--times-a-day",
                "30",
            ],
            "times_a_day",
        ),
        (&["med", "take", "tylenol"], "medication"),
        (&["med", "take", "ibuprofen", "-400"], "amount"),
        (&["med", "take", "ibuprofen", "0"], "amount"),
        (&["med", "take", "ibuprofen", "900"], "amount"),
        (
            &["med", "take", "ibuprofen", "--at", "2027-01-01 08:00"],
            "at",
        ),
        (
            &["med", "take", "ibuprofen", "--at", "0001-01-01 08:00"],
            "at",
        ),
        (&["med", "take", "ibuprofen", "--pain", "12"], "pain"),
        (&["event", "add", "party", "x"], "kind"),
        (
            &["event", "add", "imaging", "MRI", "--date", "2040-01-01"],
            "date",
        ),
        (&["psfs", "set", "ride 3h", "12"], "score"),
        (&["psfs", "set", "ride 3h", "-1"], "score"),
        (&["rehab", "log", "--pain-before", "11"], "pain_before"),
        (&["rehab", "log", "--pain-after", "-1"], "pain_after"),
        (&["rehab", "log", "--done", "unicorn:3x10"], "exercise"),
        (&["rehab", "log", "--date", "2030-01-01"], "date"),
        (
            &[
                "rehab",
                "programme",
                "add",
                "B2",
                "--exercise",
                "bird dog:3x10",
                "--target",
                "30",
            ],
            "target",
        ),
        (&["set", "ftp", "-5"], "ftp_w"),
        (&["set", "ftp", "9000"], "ftp_w"),
        (&["set", "ftp", "abc"], "ftp_w"),
        (&["set", "weight", "-70"], "weight_kg"),
        (&["set", "cadence", "90"], "setting"),
        (&["set", "nsaid_streak_days", "7.5"], "nsaid_streak_days"),
        (&["set", "ftp", "250", "--from", "0000-01-01"], "from"),
        (&["delete", "zz9"], "id"),
        (&["restore", "c999"], "c999"),
        (&["edit", "c1", "--pain", "11"], "pain"),
        (&["edit", "a1", "--np", "-200"], "np"),
        (&["edit", "a1", "--duration", "1h99m"], "duration"),
        (&["list", "--since", "0000-01-01"], "since"),
        (&["list", "--since", "2030-01-01"], "since"),
        (&["stats", "--since", "nope"], "since"),
        (&["chart", "pain", "--since", "1800-01-01"], "since"),
        (&["import", "/nonexistent/ride.fit"], "path"),
        (&["import", bad_json], "checkins.pain"),
        (&["backup", "restore", "2030-01-01"], "date"),
        (&["show", "trends", "--width", "0"], "width"),
    ];
    assert!(cases.len() >= 80, "{} cases", cases.len());
    for (args, field) in cases {
        let out = run(&db, TODAY, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(field), "{args:?} should name {field}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            err.trim_end().lines().count() <= 2,
            "{args:?}: more than one line and a cause: {err}"
        );
    }
    assert_eq!(
        before,
        ok(&db, &["export"]),
        "bad input changed the journal"
    );
    eprintln!(
        "bad-input figures: {} cases, exit 2, field named, export identical",
        cases.len()
    );
}
