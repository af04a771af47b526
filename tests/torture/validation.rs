//! Issue 21.5, 21.6 and 20.9: one check of an activity for every way in. The command line
//! refuses a typo (NP 2000, NP under the average, HR over the maximum, 500 km in 10 minutes,
//! 25 h) unless `--force`; files cannot bring in what a JSON import refuses (a day in 1899 or
//! ahead, a 10,000 km GPS jump, negative power, 1e300), and a point at 0,0 (no fix) is left
//! out; whatever a journal holds, its export imports back. A sparse GPX or TCX has its moving
//! time.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{TODAY, ok, run};

/// A track of `n` points `step` seconds apart from `start` (UTC), walking north; the point
/// `glitch.0` is at `glitch.1` (a GPS glitch).
fn gpx(start: &str, n: usize, step: i64, glitch: Option<(usize, (f64, f64))>) -> String {
    let t0 = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M:%S").unwrap();
    let pts: String = (0..n)
        .map(|i| {
            let (lat, lon) = match glitch {
                Some((at, pos)) if at == i => pos,
                _ => (47.0 + i as f64 * 0.0001, 8.0),
            };
            let t = t0 + chrono::Duration::seconds(i as i64 * step);
            format!(
                r#"<trkpt lat="{lat:.5}" lon="{lon:.5}"><ele>400</ele><time>{}</time></trkpt>"#,
                t.format("%Y-%m-%dT%H:%M:%SZ")
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>w</name><type>hiking</type><trkseg>{pts}</trkseg></trk></gpx>"#
    )
}

/// The same walk as a TCX.
fn tcx(start: &str, n: usize, step: i64) -> String {
    let t0 = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M:%S").unwrap();
    let stamp = |i: usize| {
        (t0 + chrono::Duration::seconds(i as i64 * step))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    let pts: String = (0..n)
        .map(|i| {
            format!(
                "<Trackpoint><Time>{}</Time><Position><LatitudeDegrees>{:.5}</LatitudeDegrees><LongitudeDegrees>8.0</LongitudeDegrees></Position><DistanceMeters>{}</DistanceMeters></Trackpoint>",
                stamp(i),
                47.0 + i as f64 * 0.0001,
                i as f64 * 11.1
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>{}</Id><Lap StartTime="{}"><Track>{pts}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"#,
        stamp(0),
        stamp(0)
    )
}

const INTERVALS_HEADER: &str = "id,start_date_local,type,name,moving_time,elapsed_time,distance,total_elevation_gain,icu_average_watts,icu_normalized_watts,average_heartrate,max_heartrate,icu_training_load,trainer";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn import(db: &Path, files: &[&PathBuf]) -> Value {
    let mut args = vec!["--json", "import"];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    let out = run(db, TODAY, &args);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("import --json: {}", String::from_utf8_lossy(&out.stderr)))
}

/// The journal's export, imported into an empty journal, exports the same.
pub fn assert_round_trip(db: &Path) {
    let export = ok(db, &["export"]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "export.json", &export);
    let empty = dir.path().join("empty.db");
    let out = run(&empty, TODAY, &["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "the journal's own export was refused: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        export,
        ok(&empty, &["export"]),
        "the export changed on the way back"
    );
}

#[test]
fn implausible_rides_are_refused_with_the_field_unless_forced_and_export_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["set", "ftp", "250", "--from", "2026-01-01"]);
    ok(&db, &["ride", "1h", "--np", "230", "--date", "2026-11-20"]);
    let cases: &[(&[&str], &str)] = &[
        (&["ride", "1h", "--np", "2000"], "np"),
        (&["ride", "1h", "--power", "250", "--np", "200"], "np"),
        (&["ride", "1h", "--hr", "180", "--max-hr", "150"], "hr"),
        (&["ride", "10m", "--distance", "500km"], "distance"),
        (&["ride", "25h"], "duration"),
        (&["ride", "167h", "--np", "2500"], "np"),
        (&["edit", "a1", "--np", "2000"], "np"),
    ];
    for (args, field) in cases {
        let before = ok(&db, &["export"]);
        let out = run(&db, TODAY, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&format!("{field}:")),
            "{args:?} names {field}: {err}"
        );
        assert!(err.contains("--force"), "{args:?}: {err}");
        assert_eq!(before, ok(&db, &["export"]), "{args:?} wrote something");
    }
    // With --force each is stored as typed, and the journal still exports back whole.
    for (args, _) in cases {
        let mut forced = args.to_vec();
        forced.push("--force");
        ok(&db, &forced);
    }
    let rides: Value =
        serde_json::from_str(&ok(&db, &["--json", "list", "activities", "--all"])).unwrap();
    assert_eq!(rides.as_array().unwrap().len(), 7, "{rides}");
    // A note added to a ride stored with --force needs no second --force; a new typo does.
    ok(&db, &["edit", "a1", "--note", "felt strong"]);
    let out = run(
        &db,
        TODAY,
        &["edit", "a1", "--hr", "190", "--max-hr", "150"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_round_trip(&db);
}

#[test]
fn files_cannot_bring_in_what_the_json_import_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    ok(&db, &["checkin", "3"]);
    let d = dir.path();
    let files = [
        (
            write(d, "old.gpx", &gpx("1899-11-20 08:00:00", 60, 1, None)),
            "date",
        ),
        (
            write(d, "ahead.gpx", &gpx("2027-01-02 08:00:00", 60, 1, None)),
            "date",
        ),
        (
            write(d, "far.gpx", &gpx("9999-01-02 08:00:00", 60, 1, None)),
            "date",
        ),
        (
            write(d, "ahead.tcx", &tcx("2027-01-02 08:00:00", 60, 1)),
            "date",
        ),
        (
            write(d, "old.tcx", &tcx("1899-01-02 08:00:00", 60, 1)),
            "date",
        ),
    ];
    let csv = write(
        d,
        "i1_activities.csv",
        &format!(
            "{INTERVALS_HEADER}\n\
             i1,2026-11-01T07:00:00,Ride,Negative,3600,3600,30000,0,-200,,,,,false\n\
             i2,2026-11-02T07:00:00,Ride,Huge,3600,3600,30000,0,200,1e300,,,,false\n\
             i3,1899-11-02T07:00:00,Ride,Old,3600,3600,30000,0,200,,,,,false\n\
             i4,2026-11-03T07:00:00,Ride,Fine,3600,3600,30000,0,200,210,,,,false\n"
        ),
    );
    let before = ok(&db, &["export"]);
    for (file, field) in &files {
        let s = import(&db, &[file]);
        let reason = s["failed"][0]["reason"].as_str().unwrap_or_default();
        assert!(
            reason.starts_with(&format!("{field}:")),
            "{}: {s}",
            file.display()
        );
        assert_eq!(
            before,
            ok(&db, &["export"]),
            "{} was stored",
            file.display()
        );
    }
    // A figure out of range is left empty with a line in the summary (issue 25 item 2): a
    // 20,000 km GPS jump stores the walk without its distance, never the jump.
    let antipode = write(
        d,
        "antipode.gpx",
        &gpx("2026-11-19 08:00:00", 120, 1, Some((60, (-47.0, -172.0)))),
    );
    let s = import(&db, &[&antipode]);
    let a = &s["imported"][0]["activities"][0];
    assert!(a["distance_m"].is_null(), "{s}");
    let note = s["notes"][0]["reason"].as_str().unwrap_or_default();
    assert!(
        note.contains("distance 40030195.53 m is out of range") && note.contains("left empty"),
        "{s}"
    );
    // A point at 0,0 is a receiver without a fix: left out, the ride imports whole.
    let island = write(
        d,
        "island.gpx",
        &gpx("2026-11-18 08:00:00", 120, 1, Some((60, (0.0, 0.0)))),
    );
    let s = import(&db, &[&island]);
    let km = s["imported"][0]["activities"][0]["distance_m"]
        .as_f64()
        .unwrap_or(0.0)
        / 1000.0;
    assert!(km > 1.0 && km < 2.0, "{km} km: {s}");
    let s = import(&db, &[&csv]);
    let failed: Vec<(i64, String)> = s["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_i64().unwrap(),
                f["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(failed.len(), 1, "{s}");
    assert!(failed[0].1.starts_with("date:"), "{failed:?}");
    // Power -200 and NP 1e300 are left empty, each ride stored without it, with a line each.
    let notes = s["notes"].to_string();
    assert!(notes.contains("power -200 W is out of range"), "{s}");
    assert!(notes.contains("np 1e300 W is out of range"), "{s}");
    let rides = s["imported"][0]["activities"].as_array().unwrap();
    assert_eq!(rides.len(), 3, "{s}");
    assert!(rides[0]["avg_power_w"].is_null(), "{s}");
    assert!(
        rides.iter().all(|a| a["normalized_power_w"] != 1e300),
        "{s}"
    );
    assert_round_trip(&db);
}

#[test]
fn a_sparse_gpx_or_tcx_has_its_moving_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    for (step, name) in [(11, "a"), (30, "b")] {
        // An hour's walk sampled every `step` seconds.
        let n = 3600 / step as usize + 1;
        let day = if step == 11 {
            "2026-11-18"
        } else {
            "2026-11-19"
        };
        let g = write(
            dir.path(),
            &format!("{name}.gpx"),
            &gpx(&format!("{day} 08:00:00"), n, step, None),
        );
        let t = write(
            dir.path(),
            &format!("{name}.tcx"),
            &tcx(&format!("{day} 10:00:00"), n, step),
        );
        for f in [g, t] {
            let s = import(&db, &[&f]);
            let a = &s["imported"][0]["activities"][0];
            let moving = a["moving_s"].as_i64().unwrap_or(0);
            assert!(
                moving >= 3500,
                "{}: moving {moving} s of an hour's walk: {s}",
                f.display()
            );
        }
    }
}
