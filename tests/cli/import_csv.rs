//! CSV import (SPEC §10): Strava's bulk-export activities.csv (columns by position, names
//! repeat) and intervals.icu's activities CSV; dedup, bad rows by line, exit codes, dry run.

use serde_json::Value;

use super::common::Journal;

/// Strava's activities.csv header as exported (the first 54 columns; later ones are weather).
pub const STRAVA_HEADER: &str = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,Uphill Time,Downhill Time,Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,Power Count,Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,Grade Adjusted Distance";

/// A Strava row with `values` placed at the `nth` column of each name.
pub fn strava_row(values: &[(&str, usize, &str)]) -> String {
    let names: Vec<&str> = STRAVA_HEADER.split(',').collect();
    let mut cells = vec![String::new(); names.len()];
    for (name, nth, v) in values {
        let (i, _) = names
            .iter()
            .enumerate()
            .filter(|(_, n)| *n == name)
            .nth(*nth)
            .unwrap_or_else(|| panic!("no column {name} #{nth}"));
        cells[i] = format!("\"{v}\"");
    }
    cells.join(",")
}

fn strava_csv() -> String {
    let ride = strava_row(&[
        ("Activity ID", 0, "4170000001"),
        ("Activity Date", 0, "Oct 7, 2020, 2:43:11 PM"),
        ("Activity Name", 0, "Lunch Ride"),
        ("Activity Type", 0, "Ride"),
        ("Elapsed Time", 0, "3600"),
        ("Distance", 0, "42.51"),
        ("Max Heart Rate", 0, "180"),
        ("Activity Gear", 0, "Topstone"),
        ("Elapsed Time", 1, "3600.0"),
        ("Moving Time", 0, "3400.0"),
        ("Distance", 1, "42512.3"),
        ("Elevation Gain", 0, "320.0"),
        ("Max Heart Rate", 1, "181.0"),
        ("Average Heart Rate", 0, "150.0"),
        ("Average Watts", 0, "210.0"),
        ("Weighted Average Power", 0, "225.0"),
    ]);
    // An older export row: only the first (km) Distance is filled.
    let run = strava_row(&[
        ("Activity ID", 0, "4170000002"),
        ("Activity Date", 0, "Oct 8, 2020, 7:05:00 AM"),
        ("Activity Type", 0, "Run"),
        ("Elapsed Time", 0, "3000"),
        ("Distance", 0, "10.0"),
        ("Perceived Exertion", 0, "6"),
    ]);
    let bad = strava_row(&[
        ("Activity ID", 0, "4170000003"),
        ("Activity Date", 0, "yesterday"),
        ("Activity Type", 0, "Ride"),
        ("Elapsed Time", 0, "600"),
    ]);
    format!("{STRAVA_HEADER}\n{ride}\n{run}\n{bad}\n")
}

const INTERVALS_CSV: &str = "\
id,start_date_local,type,name,moving_time,elapsed_time,distance,total_elevation_gain,icu_average_watts,icu_normalized_watts,average_heartrate,max_heartrate,icu_training_load,trainer
i1,2024-03-01T07:15:00,Ride,Turbo,3600,3700,30000,0,200,220,140,160,55,true
i2,2024-03-02T08:00:00,Run,Easy run,2400,2500,7000,50,,,150,170,40,false
i3,2024-13-45T08:00:00,Ride,Bad date,600,600,,,,,,,,false
";

pub fn import_json(j: &Journal, args: &[&str]) -> Value {
    let out = j
        .cmd()
        .env("TZ", "UTC")
        .arg("import")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn strava_csv_reads_columns_by_position_and_reports_bad_rows() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250", "--from", "2020-01-01"]);
    let path = j.dir.path().join("activities.csv");
    std::fs::write(&path, strava_csv()).unwrap();
    let p = path.to_str().unwrap();
    let s = import_json(&j, &[p]);
    let acts = s["imported"][0]["activities"].as_array().unwrap();
    assert_eq!(acts.len(), 2, "{s}");
    let ride = &acts[0];
    assert_eq!(ride["kind"], "ride");
    assert_eq!(ride["source"], "strava-csv");
    assert_eq!(ride["start"], "2020-10-07T14:43:11");
    assert_eq!(ride["elapsed_s"], 3600);
    assert_eq!(ride["moving_s"], 3400);
    assert_eq!(ride["distance_m"], 42512.3, "the second Distance is metres");
    assert_eq!(ride["max_hr"], 181.0);
    assert_eq!(ride["avg_hr"], 150.0);
    assert_eq!(ride["normalized_power_w"], 225.0);
    assert_eq!(ride["bike"], "Topstone");
    assert_eq!(ride["note"], "Lunch Ride");
    // 3400 s at NP 225 / FTP 250: 0.944 h × 0.81 × 100 = 76.5.
    assert_eq!(ride["tss"], 76.5);
    assert_eq!(ride["load_source"], "power");
    let run = &acts[1];
    assert_eq!(run["kind"], "run");
    assert_eq!(run["distance_m"], 10000.0, "the first Distance is km");
    assert_eq!(run["rpe"], 6);
    assert_eq!(run["load_source"], "rpe");
    let failed = s["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{s}");
    assert_eq!(failed[0]["line"], 4);
    assert!(
        failed[0]["reason"]
            .as_str()
            .unwrap()
            .contains("Activity Date 'yesterday'")
    );

    let again = import_json(&j, &[p]);
    assert!(again["imported"].as_array().unwrap().is_empty(), "{again}");
    let skipped = again["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0]["line"], 2);
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .contains("already imported")
    );
}

#[test]
fn intervals_csv_uses_power_tss_else_the_given_load() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250", "--from", "2024-01-01"]);
    let path = j.dir.path().join("i12345_activities.csv");
    std::fs::write(&path, INTERVALS_CSV).unwrap();
    let s = import_json(&j, &[path.to_str().unwrap()]);
    let acts = s["imported"][0]["activities"].as_array().unwrap();
    assert_eq!(acts.len(), 2, "{s}");
    let turbo = &acts[0];
    assert_eq!(turbo["kind"], "indoor-ride");
    assert_eq!(turbo["source"], "intervals-csv");
    assert_eq!(turbo["start"], "2024-03-01T07:15:00");
    assert_eq!(turbo["elapsed_s"], 3700);
    // 1 h at NP 220 / FTP 250: 0.88² × 100 = 77.4, computed here rather than the given 55.
    assert_eq!(turbo["tss"], 77.4);
    assert_eq!(turbo["load_source"], "power");
    let run = &acts[1];
    assert_eq!(run["ascent_m"], 50.0);
    assert_eq!(run["tss"], 40.0, "no power: intervals.icu's own load");
    assert_eq!(run["load_source"], "manual");
    assert_eq!(s["failed"][0]["line"], 4);
    assert!(
        s["failed"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("start_date_local")
    );
}

#[test]
fn dry_run_and_bad_paths_write_nothing() {
    let j = Journal::new();
    let path = j.dir.path().join("activities.csv");
    std::fs::write(&path, strava_csv()).unwrap();
    let p = path.to_str().unwrap();
    j.ok(&["checkin", "3"]);
    let before = j.export();
    let s = import_json(&j, &["--dry-run", p]);
    assert_eq!(s["dry_run"], true);
    assert_eq!(s["imported"][0]["activities"].as_array().unwrap().len(), 2);
    assert_eq!(j.export(), before, "a dry run wrote");

    let missing = j.dir.path().join("nope.fit");
    let err = j.fails(&["import", p, missing.to_str().unwrap()], 2);
    assert!(err.contains("nope.fit"), "{err}");
    let txt = j.dir.path().join("notes.txt");
    std::fs::write(&txt, "hello").unwrap();
    let err = j.fails(&["import", txt.to_str().unwrap()], 2);
    assert!(err.contains("unsupported type"), "{err}");
    let json = j.dir.path().join("export.json");
    std::fs::write(&json, &before).unwrap();
    j.fails(&["import", json.to_str().unwrap(), p], 2);
    assert_eq!(j.export(), before, "a refused import wrote");

    let other = j.dir.path().join("other.csv");
    std::fs::write(&other, "a,b\n1,2\n").unwrap();
    // A CSV that is not understood fails (it is not skipped), and an import where every file
    // failed does not exit 0.
    let out = j
        .cmd()
        .args(["import", other.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("failed: ")
            && stdout.contains("not an activity CSV: its header starts 'a,b'"),
        "{stdout}"
    );
}

#[test]
fn a_deleted_import_stays_deleted_when_the_file_comes_again() {
    let j = Journal::new();
    let path = j.dir.path().join("activities.csv");
    std::fs::write(&path, INTERVALS_CSV).unwrap();
    let s = import_json(&j, &[path.to_str().unwrap()]);
    let ids: Vec<i64> = s["imported"][0]["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{s}");
    j.ok(&["delete", &format!("a{}", ids[0])]);
    let again = import_json(&j, &[path.to_str().unwrap()]);
    assert!(again["imported"].as_array().unwrap().is_empty(), "{again}");
    let reasons: Vec<&str> = again["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("in the trash") && r.contains(&format!("restore a{}", ids[0]))),
        "{reasons:?}"
    );
    let live = j.json(&["list", "activities", "--all"]);
    assert_eq!(live.as_array().unwrap().len(), 1, "{live}");
}
