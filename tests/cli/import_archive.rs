//! Exports as downloaded (SPEC §10): Strava's zip and its unpacked folder, built here from
//! real GPX, TCX and FIT files (tests/fixtures/import, ../shared/fit); Garmin's zip of zips;
//! archives that must be refused (zip bombs, `../` names).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::common::Journal;
use super::import_csv::{import_json, strava_row};
use super::import_fit::fit_dir;

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Writes a zip of (name, bytes) members.
fn zip_of(path: &Path, members: &[(&str, Vec<u8>)]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

fn zip_bytes(members: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.zip");
    zip_of(&p, members);
    std::fs::read(p).unwrap()
}

/// Strava's export: activities.csv naming a GPX (gzipped), a TCX, a FIT (gzipped) and a
/// missing file, a row without a file, a file no row names, and things that are no rides.
fn strava_export(fit: &Path) -> Vec<(&'static str, Vec<u8>)> {
    let header = super::import_csv::STRAVA_HEADER;
    let rows = [
        strava_row(&[
            ("Activity ID", 0, "101"),
            ("Activity Date", 0, "Jul 29, 2017, 2:46:35 PM"),
            ("Activity Name", 0, "Morning run"),
            ("Activity Type", 0, "Run"),
            ("Activity Description", 0, "back tight after 2 h"),
            ("Activity Private Note", 0, "left side"),
            ("Elapsed Time", 0, "9999"),
            ("Distance", 0, "99.0"),
            ("Filename", 0, "activities/101.gpx.gz"),
            ("Perceived Exertion", 0, "6"),
        ]),
        strava_row(&[
            ("Activity ID", 0, "102"),
            ("Activity Date", 0, "Dec 26, 2012, 9:29:53 PM"),
            ("Activity Name", 0, "Track"),
            ("Activity Type", 0, "Run"),
            ("Elapsed Time", 0, "1992"),
            ("Filename", 0, "activities/102.tcx"),
        ]),
        strava_row(&[
            ("Activity ID", 0, "103"),
            ("Activity Date", 0, "Mar 1, 2011, 10:00:00 AM"),
            ("Activity Name", 0, "Hills"),
            ("Activity Type", 0, "Ride"),
            ("Activity Gear", 0, "Topstone"),
            ("Elapsed Time", 0, "60"),
            ("Filename", 0, "activities/103.fit.gz"),
        ]),
        strava_row(&[
            ("Activity ID", 0, "104"),
            ("Activity Date", 0, "Aug 1, 2017, 6:00:00 PM"),
            ("Activity Name", 0, "Gym"),
            ("Activity Type", 0, "Weight Training"),
            ("Elapsed Time", 0, "3600"),
        ]),
        strava_row(&[
            ("Activity ID", 0, "105"),
            ("Activity Date", 0, "Aug 2, 2017, 7:00:00 AM"),
            ("Activity Name", 0, "Commute"),
            ("Activity Type", 0, "Ride"),
            ("Elapsed Time", 0, "1800"),
            ("Distance", 0, "15.0"),
            ("Filename", 0, "activities/105.fit.gz"),
        ]),
    ];
    let csv = format!("{header}\r\n{}\r\n", rows.join("\r\n"));
    vec![
        ("activities/101.gpx.gz", gz(&fixture("garmin-activity.gpx"))),
        ("activities/102.tcx", fixture("tcxparser-test.tcx")),
        ("activities/103.fit.gz", gz(&std::fs::read(fit).unwrap())),
        ("activities/200.tcx", fixture("mapmyride_biking.tcx")),
        ("activities.csv", csv.into_bytes()),
        (
            "profile.csv",
            b"Email,First Name\nx@example.org,X\n".to_vec(),
        ),
        ("media/photo.jpg", vec![0xff, 0xd8, 0xff]),
    ]
}

fn activities(s: &Value) -> Vec<Value> {
    s["imported"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["activities"].as_array().unwrap().clone())
        .collect()
}

fn by_note<'a>(acts: &'a [Value], note: &str) -> &'a Value {
    acts.iter()
        .find(|a| a["note"].as_str().is_some_and(|n| n.starts_with(note)))
        .unwrap_or_else(|| panic!("no activity noted {note}: {acts:?}"))
}

#[test]
fn a_strava_export_imports_each_activity_once_from_the_zip_or_the_folder() {
    let Some(dir) = fit_dir() else { return };
    let fit = dir.join("garmin-edge-500-activity.fit");
    let members = strava_export(&fit);
    let j = Journal::new();
    let zip = j.dir.path().join("export_1907198.zip");
    zip_of(&zip, &members);
    let s = import_json(&j, &[zip.to_str().unwrap()]);
    assert_eq!(s["failed"], Value::Array(vec![]), "{s}");
    let acts = activities(&s);
    assert_eq!(acts.len(), 6, "five rows and one file no row names: {s}");

    // Figures from the file, words from the row.
    let run = by_note(&acts, "Morning run");
    assert_eq!(run["note"], "Morning run\nback tight after 2 h\nleft side");
    assert_eq!(run["source"], "gpx");
    assert_eq!(run["kind"], "run");
    assert_eq!(run["start"], "2017-07-29T14:46:35");
    assert_eq!(run["elapsed_s"], 5498, "from the track, not the row's 9999");
    let d = run["distance_m"].as_f64().unwrap();
    assert!((d - 12_821.0).abs() < 30.0, "haversine over the track: {d}");
    assert_eq!(run["rpe"], 6);
    assert_eq!(run["max_hr"], 171.0);
    let track = by_note(&acts, "Track");
    assert_eq!(track["source"], "tcx");
    assert_eq!(track["distance_m"], 4686.31, "the TCX's own distance");
    assert_eq!(track["elapsed_s"], 1992);
    let ride = by_note(&acts, "Hills");
    assert_eq!(ride["source"], "fit");
    assert_eq!(ride["bike"], "Topstone");
    assert_ne!(ride["elapsed_s"], 60, "the FIT records, not the row");
    // Rows without a file (or whose file is not in the archive) come from the CSV alone.
    let gym = by_note(&acts, "Gym");
    assert_eq!(
        (gym["kind"].as_str(), gym["source"].as_str()),
        (Some("strength"), Some("strava-csv"))
    );
    let commute = by_note(&acts, "Commute");
    assert_eq!(commute["distance_m"], 15000.0);
    let alone: Vec<_> = acts.iter().filter(|a| a["note"].is_null()).collect();
    assert_eq!(alone.len(), 1, "the TCX no row names");
    assert_eq!(alone[0]["kind"], "ride");
    // Archive members are named inside the archive.
    let paths: Vec<&str> = s["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with("export_1907198.zip/activities/101.gpx.gz")),
        "{paths:?}"
    );

    // The same export unpacked, into a fresh journal: the same activities.
    let k = Journal::new();
    let folder = k.dir.path().join("export");
    for (name, bytes) in &members {
        let p = folder.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let unpacked = import_json(&k, &[folder.to_str().unwrap()]);
    let key = |a: &Value| {
        format!(
            "{} {} {} {}",
            a["start"], a["note"], a["distance_m"], a["kind"]
        )
    };
    let mut from_zip: Vec<String> = acts.iter().map(key).collect();
    let mut from_folder: Vec<String> = activities(&unpacked).iter().map(key).collect();
    from_zip.sort();
    from_folder.sort();
    assert_eq!(from_zip, from_folder, "{unpacked}");
    // And the zip again on top of the folder: nothing new.
    let again = import_json(&k, &[zip.to_str().unwrap()]);
    assert_eq!(activities(&again).len(), 0, "{again}");
}

#[test]
fn a_garmin_export_is_a_zip_of_zips() {
    let Some(dir) = fit_dir() else { return };
    let inner = zip_bytes(&[
        (
            "a.fit",
            std::fs::read(dir.join("garmin-fenix-5-run.fit")).unwrap(),
        ),
        (
            "b.fit",
            std::fs::read(dir.join("garmin-fenix-5-bike.fit")).unwrap(),
        ),
        (
            "Settings.fit",
            std::fs::read(dir.join("Settings.fit")).unwrap(),
        ),
    ]);
    let j = Journal::new();
    let zip = j.dir.path().join("garmin.zip");
    zip_of(
        &zip,
        &[(
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip",
            inner,
        )],
    );
    let s = import_json(&j, &[zip.to_str().unwrap()]);
    let mut kinds: Vec<String> = activities(&s)
        .iter()
        .map(|a| a["kind"].as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["ride", "run"], "{s}");
    assert!(
        s["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("not an activity file (type: settings)"),
        "{s}"
    );
    assert!(
        s["skipped"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("UploadedFiles_0-_Part1.zip/Settings.fit")
    );
}

#[test]
fn zip_bombs_and_paths_outside_the_archive_are_refused() {
    let j = Journal::new();
    let zip = j.dir.path().join("evil.zip");
    zip_of(
        &zip,
        &[
            ("../../escape.gpx", fixture("garmin-activity.gpx")),
            ("bomb.fit", vec![0u8; 16 << 20]),
            ("activities/ok.tcx", fixture("tcxparser-test.tcx")),
        ],
    );
    let s = import_json(&j, &[zip.to_str().unwrap()]);
    assert_eq!(activities(&s).len(), 1, "only the honest member: {s}");
    let reasons: Vec<String> = s["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["reason"].as_str().unwrap().to_string())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("'../../escape.gpx' names a path outside the archive")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("refused as a possible zip bomb")),
        "{reasons:?}"
    );
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    // A gzip that unpacks to more than any activity file could be is refused too.
    let big = j.dir.path().join("big.fit.gz");
    std::fs::write(&big, gz(&vec![0u8; 101 << 20])).unwrap();
    let out = j
        .cmd()
        .env("TZ", "UTC")
        .args(["import", big.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "every file failed");
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        s["failed"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("unpacks to more than 100 MiB"),
        "{s}"
    );
}

#[test]
fn a_clock_glitch_drops_its_records_and_keeps_the_ride() {
    // The real GPX with two points whose clock jumped years away.
    let text = String::from_utf8(fixture("garmin-activity.gpx")).unwrap();
    let glitched = text
        .replacen("<time>2017-07-29T15:00:", "<time>2031-01-01T15:00:", 1)
        .replacen("<time>2017-07-29T15:30:", "<time>1990-01-01T15:30:", 1);
    assert_ne!(glitched, text);
    let j = Journal::new();
    let p: PathBuf = j.dir.path().join("glitch.gpx");
    std::fs::write(&p, glitched).unwrap();
    let s = import_json(&j, &[p.to_str().unwrap()]);
    let acts = activities(&s);
    assert_eq!(acts.len(), 1, "{s}");
    assert_eq!(acts[0]["elapsed_s"], 5498);
    assert!(
        s["notes"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("2 record(s) with timestamps far"),
        "{s}"
    );
}

#[test]
fn damaged_archives_fail_cleanly() {
    let whole = zip_bytes(&[
        ("activities/a.tcx.gz", gz(&fixture("tcxparser-test.tcx"))),
        (
            "activities/b.gpx",
            fixture("garmin-activity.gpx")[..20_000].to_vec(),
        ),
        (
            "inner.zip",
            zip_bytes(&[("c.tcx", fixture("tcxparser-test.tcx"))]),
        ),
    ]);
    let j = Journal::new();
    let p = j.dir.path().join("broken.zip");
    let n = whole.len();
    let mut cases: Vec<Vec<u8>> = [7, n / 3, n / 2, n - 30, n - 1]
        .iter()
        .map(|&k| whole[..k].to_vec())
        .collect();
    for k in [40, n / 4, n / 2 + 7, n - 60] {
        let mut v = whole.clone();
        v[k] ^= 0x5a;
        cases.push(v);
    }
    for bytes in cases {
        std::fs::write(&p, &bytes).unwrap();
        let out = j
            .cmd()
            .args(["import", p.to_str().unwrap(), "--dry-run", "--json"])
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "exit {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let s: Value = serde_json::from_slice(&out.stdout).expect("a summary, whatever the damage");
        let said = activities(&s).len()
            + s["failed"].as_array().unwrap().len()
            + s["skipped"].as_array().unwrap().len();
        assert!(
            said > 0,
            "a damaged archive gave neither activities nor a reason: {s}"
        );
    }
}
