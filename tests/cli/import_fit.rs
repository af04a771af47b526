//! FIT import (SPEC §10) against real device files and the figures an independent decoder
//! (Python fitdecode) read from them (`reference.json`): always the few kept in
//! `tests/fixtures/fit`, and all of `../shared/fit` where it exists.
//!
//! Two files disagree with the reference for a genuine reason, checked as such below:
//! - `antfs-dump.63.fit` and `compressed-speed-distance.fit` are `ok: false` only because
//!   fitdecode itself crashed on them (`AttributeError: 'int' object has no attribute
//!   'total_seconds'`, a bug in its handling of these files); their CRCs are valid and they
//!   import like any other activity.
//! - `activity-settings.fit` is two FIT files chained: an activity, then a settings file.
//!   fitdecode reports the last part's type (settings); we read the first part's file_id
//!   (activity) and import its one session.

use std::path::{Path, PathBuf};

use backtrack::import::{Options, Summary, import_paths};
use backtrack::repo::Repo;
use serde_json::Value;

use super::common::Journal;

/// The real FIT files kept with the tests (with their licence): always there.
pub fn fixture_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fit");
    assert!(
        dir.join("reference.json").is_file(),
        "{} is missing",
        dir.display()
    );
    dir
}

/// `../shared/fit` beside the project, or None (with a note) outside CI when it is missing.
fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fit");
    if dir.join("reference.json").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but the FIT test files are missing at {}",
        dir.display()
    );
    eprintln!(
        "note: {} not found; the FIT tests run on tests/fixtures/fit only",
        dir.display()
    );
    None
}

/// The kept files first, then the full folder where it exists.
fn fit_dirs() -> Vec<PathBuf> {
    std::iter::once(fixture_dir()).chain(shared_dir()).collect()
}

/// The files the reference says are broken (and fitdecode did not merely crash on).
fn broken_count(dir: &Path) -> usize {
    reference(dir)
        .iter()
        .filter(|r| {
            r["ok"] == false
                && !r["error"]
                    .as_str()
                    .is_some_and(|e| e.starts_with("AttributeError"))
        })
        .count()
}

fn reference(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join("reference.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Imports one file into a fresh in-memory journal.
fn import_one(path: &Path) -> (Repo, Summary) {
    let mut repo = Repo::open_in_memory().unwrap();
    let s = import_paths(
        &mut repo,
        &[path.to_path_buf()],
        Options::default(),
        &mut |_| {},
    )
    .unwrap();
    (repo, s)
}

fn within(got: f64, want: f64, tolerance: f64) -> bool {
    (got - want).abs() <= want.abs() * tolerance
}

#[test]
fn every_reference_file_imports_as_the_reference_says() {
    for dir in fit_dirs() {
        let checked = check_reference(&dir);
        let want = if dir == fixture_dir() { 8 } else { 40 };
        assert!(
            checked >= want,
            "only {checked} reference files in {}",
            dir.display()
        );
    }
}

/// Imports each file of `dir` alone and compares with its reference; returns how many.
fn check_reference(dir: &Path) -> usize {
    let mut checked = 0;
    for r in reference(dir) {
        let name = r["file"].as_str().unwrap();
        let (repo, s) = import_one(&dir.join(name));
        let acts: Vec<_> = s.imported.iter().flat_map(|f| &f.activities).collect();
        let stored = repo.last_activity().unwrap();
        let file_type = r["file_type"].as_str().unwrap_or("");
        let sessions = r["sessions"].as_array().map_or(&[][..], Vec::as_slice);
        let fitdecode_crashed = r["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("AttributeError"));
        if r["ok"] == false && !fitdecode_crashed {
            // Broken: reported, nothing stored.
            assert_eq!(s.failed.len(), 1, "{name}: {s:?}");
            assert!(!s.failed[0].reason.is_empty());
            assert!(
                acts.is_empty() && stored.is_none(),
                "{name} stored something"
            );
        } else if fitdecode_crashed {
            assert_eq!(acts.len(), 1, "{name}: {s:?}");
        } else if file_type != "activity" && name != "activity-settings.fit" {
            assert!(acts.is_empty() && stored.is_none(), "{name}");
            let want = format!("not an activity file (type: {file_type})");
            assert_eq!(s.skipped.len(), 1, "{name}: {s:?}");
            assert_eq!(s.skipped[0].reason, want, "{name}");
        } else if sessions.is_empty() {
            // DeveloperData.fit: three records without a timestamp, no session.
            assert!(acts.is_empty(), "{name}");
            assert!(
                s.skipped[0].reason.contains("without timed records"),
                "{name}"
            );
        } else if sessions.len() > 1 {
            let sports = sessions
                .iter()
                .filter(|x| x["sport"] != "transition")
                .count();
            assert_eq!(acts.len(), sports, "{name}: one activity per sport session");
            let total: u32 = acts.iter().map(|a| a.elapsed_s).sum();
            let span = r["from_records"]["elapsed_s"].as_f64().unwrap();
            assert!(total as f64 <= span + 1.0, "{name}: sessions overlap");
        } else {
            assert_eq!(acts.len(), 1, "{name}: {s:?}");
            let a = acts[0];
            let fr = &r["from_records"];
            let elapsed = fr["elapsed_s"].as_f64().unwrap();
            assert!(
                within(a.elapsed_s as f64, elapsed, 0.01),
                "{name}: elapsed {} vs {elapsed}",
                a.elapsed_s
            );
            match fr["distance_m"].as_f64().filter(|d| *d > 0.0) {
                Some(d) => {
                    let got = a.distance_m.unwrap_or(0.0);
                    assert!(within(got, d, 0.01), "{name}: distance {got} vs {d}");
                }
                None => assert!(a.distance_m.is_none(), "{name}: {:?}", a.distance_m),
            }
            match fr["avg_power_w"].as_f64() {
                Some(p) => {
                    let got = a.avg_power_w.unwrap_or(0.0);
                    assert!(within(got, p, 0.02), "{name}: power {got} vs {p}");
                    assert!(
                        a.normalized_power_w.unwrap() >= got,
                        "{name}: NP below average"
                    );
                }
                None => assert!(a.avg_power_w.is_none(), "{name}"),
            }
            if let Some(hr) = fr["avg_hr_bpm"].as_f64().filter(|h| *h > 0.0) {
                let got = a.avg_hr.unwrap();
                assert!((got - hr).abs() <= 0.5, "{name}: HR {got} vs {hr}");
                assert_eq!(a.max_hr, fr["max_hr_bpm"].as_f64(), "{name}");
            }
            assert!(
                a.moving_s.unwrap() <= a.elapsed_s,
                "{name}: moving > elapsed"
            );
            assert_eq!(a.source_hash.as_ref().map(String::len), Some(64));
        }
        checked += 1;
    }
    checked
}

#[test]
fn damaged_copies_of_a_real_file_fail_cleanly() {
    use backtrack::import::{FileFormat, read_file};
    let bytes = std::fs::read(fixture_dir().join("garmin-fenix-5-bike.fit")).unwrap();
    assert_eq!(read_file(&bytes, FileFormat::Fit).candidates.len(), 1);
    // Cut anywhere: truncated. One byte changed anywhere: a CRC (or header) error.
    for cut in (0..bytes.len()).step_by(31) {
        let r = read_file(&bytes[..cut], FileFormat::Fit);
        assert!(r.fail.is_some(), "cut at {cut}: {r:?}");
    }
    for i in (0..bytes.len()).step_by(23) {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        let r = read_file(&b, FileFormat::Fit);
        assert!(
            r.candidates.is_empty(),
            "byte {i} changed but imported: {r:?}"
        );
    }
}

/// The kept power ride: NP from the records, TSS from the FTP in force.
fn kept_power_file_gets_np_and_tss_from_the_ftp() {
    let mut repo = Repo::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    repo.set_dated("ftp_w", day, 250.0, backtrack::analysis::tss::load_with)
        .unwrap();
    let path = fixture_dir().join("elemnt-bolt-no-application-id-inside-developer-data-id.fit");
    let s = import_paths(&mut repo, &[path], Options::default(), &mut |_| {}).unwrap();
    let a = &s.imported[0].activities[0];
    let (avg, np) = (a.avg_power_w.unwrap(), a.normalized_power_w.unwrap());
    assert!(within(avg, 213.6, 0.02), "average power {avg}");
    assert!(np >= avg, "NP {np} below the average {avg}");
    assert_eq!(a.load_source.map(|s| s.as_str()), Some("power"));
    let want = a.moving_s.unwrap() as f64 / 3600.0 * (np / 250.0).powi(2) * 100.0;
    assert!(
        (a.tss.unwrap() - want).abs() < 0.1,
        "TSS {:?} vs {want}",
        a.tss
    );
}

#[test]
fn power_files_get_np_and_tss_from_the_ftp_of_their_day() {
    kept_power_file_gets_np_and_tss_from_the_ftp();
    // The full folder adds a long power ride whose device NP is known.
    let Some(dir) = shared_dir() else { return };
    let mut repo = Repo::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2013, 1, 1).unwrap();
    repo.set_dated("ftp_w", day, 300.0, backtrack::analysis::tss::load_with)
        .unwrap();
    let path = dir.join("Edge810-Vector-2013-08-16-15-35-10.fit");
    let s = import_paths(&mut repo, &[path], Options::default(), &mut |_| {}).unwrap();
    let a = &s.imported[0].activities[0];
    // The device's own session says NP 301 W; ours comes from the records.
    let np = a.normalized_power_w.unwrap();
    assert!(within(np, 301.0, 0.02), "NP {np}");
    assert_eq!(a.load_source.map(|s| s.as_str()), Some("power"));
    let hours = a.moving_s.unwrap() as f64 / 3600.0;
    let want = hours * (np / 300.0).powi(2) * 100.0;
    assert!(
        (a.tss.unwrap() - want).abs() < 0.1,
        "TSS {:?} vs {want}",
        a.tss
    );
}

#[test]
fn the_folder_imports_once_and_broken_files_change_nothing() {
    for dir in fit_dirs() {
        folder_imports_once(&dir);
    }
}

fn folder_imports_once(path: &Path) {
    let j = Journal::new();
    let broken = broken_count(path);
    let full = path != fixture_dir();
    let dir = path.to_str().unwrap();
    let first = j.json(&["import", dir]);
    let imported = first["imported"].as_array().unwrap();
    assert!(imported.len() >= if full { 20 } else { 6 }, "{first}");
    let failed = first["failed"].as_array().unwrap();
    assert_eq!(failed.len(), broken, "the broken files: {first}");
    assert_eq!(broken, if full { 8 } else { 1 });
    for f in failed {
        assert!(f["reason"].as_str().unwrap().len() > 5);
    }
    let before = j.export();
    let again = j.json(&["import", dir]);
    assert_eq!(again["imported"].as_array().unwrap().len(), 0, "{again}");
    assert_eq!(j.export(), before, "a second import changed the journal");
    // A broken file alone: every file failed, so exit 1; reported, the journal unchanged.
    let name = if full {
        "nick.fit"
    } else {
        "activity-unexpected-eof.fit"
    };
    let out = j
        .cmd()
        .args(["import", &format!("{dir}/{name}")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("failed: ") && out.contains("truncated"),
        "{out}"
    );
    assert_eq!(j.export(), before);
}
