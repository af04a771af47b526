//! `kill -9` at random moments of the files backtrack writes for the user (issue 25: one
//! private, atomic writer): the JSON export and the care-team report. After every kill the
//! file at the path is the old file or the whole new one, byte for byte, never half of one,
//! and it stays mode 0600.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};

use super::{TODAY, cmd, ok};

/// Runs `args` (which write `out`) `runs` times, each killed after a random wait up to a
/// little past how long a whole run takes; returns (killed, finished).
fn kill_while_writing(
    db: &Path,
    out: &Path,
    args: &[&str],
    runs: usize,
    seed: u64,
) -> (usize, usize) {
    // What a whole run writes: the file every finished run must match.
    let start = Instant::now();
    ok(db, args);
    let whole = start.elapsed();
    let new = std::fs::read(out).unwrap();
    assert!(!new.is_empty());
    let old = b"an older file the user kept".to_vec();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut killed, mut finished) = (0, 0);
    for _ in 0..runs {
        std::fs::write(out, &old).unwrap();
        std::fs::set_permissions(out, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut child = cmd(db, TODAY).args(args).spawn().unwrap();
        let wait = whole.mul_f64(rng.gen_range(0.0..1.3));
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
            std::thread::sleep(Duration::from_micros(200));
        }
        let now = std::fs::read(out).unwrap();
        assert!(
            now == old || now == new,
            "{args:?}: after a kill the file is {} bytes, neither the old ({}) nor the new ({})",
            now.len(),
            old.len(),
            new.len()
        );
        if now == new {
            let mode = std::fs::metadata(out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{args:?}: the new file is private");
        }
    }
    (killed, finished)
}

#[test]
fn kill_nine_during_an_export_or_a_report_leaves_the_old_file_or_the_new_one() {
    let runs = if super::long_run() { 200 } else { 24 };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["demo", "--years", "2"]);
    let json = dir.path().join("export.json");
    let (k1, f1) = kill_while_writing(
        &db,
        &json,
        &["export", "--format", "json", "-o", json.to_str().unwrap()],
        runs,
        25,
    );
    let html = dir.path().join("report.html");
    let (k2, f2) = kill_while_writing(
        &db,
        &html,
        &["report", "--since", "1y", "-o", html.to_str().unwrap()],
        runs,
        26,
    );
    // Both sides were reached: some runs killed midway, some finished.
    assert!(
        k1 + k2 > 0 && f1 + f2 > 0,
        "killed {k1}+{k2}, finished {f1}+{f2}"
    );
    eprintln!(
        "file kills: export {runs} runs ({k1} killed, {f1} finished), report {runs} runs ({k2} killed, {f2} finished)"
    );
}
