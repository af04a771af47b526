//! `kill -9` at random moments of `backtrack sync` on two journals sharing a folder (issue
//! 24): after a rerun of each, both hold the same rows and pass integrity_check, and nothing
//! that was killed left the folder unreadable.

use std::path::Path;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use serde_json::Value;

use super::{TODAY, cmd, integrity, ok};

fn tables(db: &Path) -> Value {
    let doc: Value = serde_json::from_str(&ok(db, &["export", "--format", "json"])).unwrap();
    doc["tables"].clone()
}

#[test]
fn kill_nine_during_sync_then_a_rerun_gives_the_same_rows_everywhere() {
    let runs = if super::long_run() { 200 } else { 16 };
    let dir = tempfile::tempdir().unwrap();
    let (a, b, folder) = (
        dir.path().join("a/journal.db"),
        dir.path().join("b/journal.db"),
        dir.path().join("shared"),
    );
    let init: Value = serde_json::from_str(&ok(
        &a,
        &["--json", "sync", "init", folder.to_str().unwrap()],
    ))
    .unwrap();
    let key = init["key"].as_str().unwrap();
    ok(
        &b,
        &["sync", "join", folder.to_str().unwrap(), "--key", key],
    );
    // A year on A and a few days on B, none of it synced yet: the syncs below carry it.
    ok(&a, &["demo", "--years", "1"]);
    for d in ["2025-03-01", "2025-03-02", "2026-11-20"] {
        ok(&b, &["checkin", "5", "--date", d]);
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(24);
    let (mut killed, mut finished) = (0, 0);
    for r in 0..runs {
        let db = if r % 2 == 0 { &a } else { &b };
        if r % 4 == 3 {
            ok(
                db,
                &["checkin", "3", "--date", &format!("2026-10-{:02}", 1 + r)],
            );
        }
        let mut child = cmd(db, TODAY).args(["sync", "--quiet"]).spawn().unwrap();
        let wait = Duration::from_millis(rng.gen_range(0..400));
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                finished += 1;
                break;
            }
            if start.elapsed() >= wait {
                child.kill().unwrap();
                child.wait().unwrap();
                killed += 1;
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    for db in [&a, &b, &a, &b] {
        ok(db, &["sync"]);
    }
    assert_eq!(integrity(&a), "ok");
    assert_eq!(integrity(&b), "ok");
    assert_eq!(tables(&a), tables(&b), "the same rows on both");
    let status: Value = serde_json::from_str(&ok(&a, &["--json", "sync", "status"])).unwrap();
    assert_eq!(status["pending"], 0, "{status}");
    eprintln!("sync kills: {runs} runs, {killed} killed, {finished} finished");
}
