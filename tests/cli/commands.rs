//! Every command's ordinary use, checked through its `--json` output.

use super::common::{Journal, TODAY};

#[test]
fn checkin_then_again_updates_the_day() {
    let j = Journal::new();
    let c = j.json(&[
        "checkin",
        "4",
        "--sleep",
        "6.5",
        "--where",
        "low-back,buttock-left",
        "--feels",
        "ache",
        "--tag",
        "Long Drive",
        "--workday",
        "--note",
        "stiff",
    ]);
    assert_eq!(c["pain"], 4);
    assert_eq!(c["date"], TODAY);
    assert_eq!(c["tags"][0], "long-drive");
    let again = j.json(&["checkin", "6", "--mood", "2"]);
    assert_eq!(again["ref"], c["ref"], "same day must update, not add");
    assert_eq!(again["sleep_hours"], 6.5, "fields not given are kept");
    assert_eq!(again["mood"], 2);
    let list = j.json(&["list", "checkins"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["pain"], 6);
}

#[test]
fn red_flag_prints_urgent_care_line() {
    let j = Journal::new();
    let out = j
        .cmd()
        .args(["checkin", "5", "--red-flag", "saddle-numbness"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("seek urgent medical care today"), "{err}");
    let status = j.ok(&["status"]);
    assert!(status.contains("RED FLAG"), "{status}");
}

#[test]
fn relative_dates_land_on_the_right_day() {
    let j = Journal::new();
    j.ok(&["checkin", "2", "--date", "yesterday"]);
    j.ok(&["checkin", "3", "--date", "-3"]);
    j.ok(&["checkin", "5", "--date", "sun"]);
    let list = j.json(&["list"]);
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    // 2026-11-23 is a Monday: yesterday and Sunday are the same day (updated), -3 is Friday.
    assert_eq!(dates, vec!["2026-11-22", "2026-11-20"]);
    assert_eq!(list[0]["pain"], 5);
}

#[test]
fn ride_gets_tss_from_ftp_hr_or_rpe() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250", "--from", "2026-01-01"]);
    j.ok(&["set", "lthr", "160"]);
    let p = j.json(&[
        "ride",
        "1h",
        "--np",
        "250",
        "--distance",
        "30km",
        "--pain-during",
        "6",
        "--stopped-for-pain",
    ]);
    assert_eq!(p["tss"], 100.0);
    assert_eq!(p["load_source"], "power");
    assert_eq!(p["distance_m"], 30000.0);
    assert_eq!(p["stopped_for_pain"], true);
    let h = j.json(&["activity", "add", "run", "2h", "--hr", "144"]);
    assert_eq!(h["tss"], 162.0);
    assert_eq!(h["load_source"], "hr");
    let r = j.json(&["activity", "add", "strength", "1:00", "--rpe", "7"]);
    assert_eq!(r["tss"], 77.4);
    assert_eq!(r["load_source"], "rpe");
    let m = j.json(&["ride", "90m", "--tss", "80", "--np", "300"]);
    assert_eq!(m["tss"], 80.0);
    assert_eq!(m["load_source"], "manual");
    assert_eq!(j.json(&["list", "activities"]).as_array().unwrap().len(), 4);
}

#[test]
fn ftp_in_force_on_the_activity_date_is_used() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "200", "--from", "2026-01-01"]);
    j.ok(&["set", "ftp", "250", "--from", "2026-11-01"]);
    let old = j.json(&["ride", "1h", "--np", "200", "--date", "2026-10-15"]);
    assert_eq!(old["tss"], 100.0);
    let new = j.json(&["ride", "1h", "--np", "200"]);
    assert_eq!(new["tss"], 64.0);
}

#[test]
fn meds_add_take_list_and_doses() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    j.ok(&[
        "med",
        "add",
        "cyclobenzaprine",
        "--class",
        "muscle-relaxant",
        "--dose",
        "5",
        "--times-a-day",
        "2",
    ]);
    let d = j.json(&["med", "take", "Ibuprofen", "--at", "07:30", "--pain", "6"]);
    assert_eq!(d["amount"], 400.0);
    assert_eq!(d["taken_at"], format!("{TODAY}T07:30:00"));
    assert_eq!(d["pain_before"], 6);
    let list = j.json(&["med", "list"]);
    let ibu = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "ibuprofen")
        .unwrap();
    assert_eq!(ibu["today_total"], 400.0);
    let cyc = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "cyclobenzaprine")
        .unwrap();
    assert_eq!(cyc["as_needed"], false);
    j.fails(
        &[
            "med",
            "add",
            "IBUPROFEN",
            "--class",
            "nsaid",
            "--dose",
            "200",
        ],
        2,
    );
}

#[test]
fn rehab_programme_log_and_exercises() {
    let j = Journal::new();
    let lib = j.json(&["rehab", "exercise", "list"]);
    let names: Vec<&str> = lib
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for n in [
        "bird dog",
        "dead bug",
        "glute bridge",
        "side plank",
        "swimming",
    ] {
        assert!(names.contains(&n), "fresh library lacks {n}: {names:?}");
    }
    j.ok(&[
        "rehab",
        "exercise",
        "add",
        "McGill curl-up",
        "--kind",
        "strength",
        "--prescription",
        "3x8",
    ]);
    let p = j.json(&[
        "rehab",
        "programme",
        "add",
        "Block 1",
        "--exercise",
        "bird dog:3x10",
        "--exercise",
        "side plank:3x30s",
        "--exercise",
        "McGill curl-up",
        "--target",
        "3",
    ]);
    assert_eq!(p["items"].as_array().unwrap().len(), 3);
    assert_eq!(
        p["items"][2]["reps"], 8,
        "bare name takes the exercise's default"
    );
    // One action: the whole programme as prescribed.
    let s = j.json(&["rehab", "log", "--pain-before", "4", "--pain-after", "3"]);
    assert_eq!(s["programme"], "Block 1");
    assert_eq!(s["items"].as_array().unwrap().len(), 3);
    assert_eq!(s["items"][1]["hold_s"], 30);
    let s2 = j.json(&[
        "rehab",
        "log",
        "--done",
        "glute bridge:2x15",
        "--date",
        "yesterday",
        "--minutes",
        "15",
    ]);
    assert_eq!(s2["items"][0]["reps"], 15);
    assert_eq!(j.json(&["list", "rehab"]).as_array().unwrap().len(), 2);
    let err = j.fails(&["rehab", "log", "--done", "levitation"], 2);
    assert!(
        err.contains("exercise:") && err.contains("bird dog"),
        "{err}"
    );
}

#[test]
fn events_psfs_and_settings() {
    let j = Journal::new();
    let e = j.json(&[
        "event",
        "add",
        "imaging",
        "MRI",
        "--date",
        "2026-10-02",
        "--note",
        "L4/L5",
    ]);
    assert_eq!(e["kind"], "imaging");
    assert_eq!(j.json(&["list", "events", "--all"])[0]["title"], "MRI");
    j.ok(&["psfs", "set", "ride 3h with climbing", "4"]);
    j.ok(&[
        "psfs",
        "set",
        "ride 3h with climbing",
        "6",
        "--date",
        "yesterday",
    ]);
    let p = j.json(&["psfs", "list"]);
    assert_eq!(p[0]["ratings"].as_array().unwrap().len(), 2);
    for n in 2..=5 {
        j.ok(&["psfs", "set", &format!("activity {n}"), "5"]);
    }
    let err = j.fails(&["psfs", "set", "a sixth one", "5"], 2);
    assert!(err.contains("at most 5"), "{err}");
    j.ok(&["set", "weight", "72.5"]);
    let s = j.json(&["settings"]);
    assert_eq!(s["dated"][0]["key"], "weight_kg");
    assert_eq!(s["thresholds"]["nsaid_streak_days"], 10.0);
}

#[test]
fn status_line_reports_pain_and_doses() {
    let j = Journal::new();
    // Read-only commands create no journal (issue 20): `init` starts the empty one.
    j.ok(&["init"]);
    assert!(j.ok(&["status"]).contains("no check-in yet"));
    j.ok(&["checkin", "4"]);
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    j.ok(&["med", "take", "ibuprofen"]);
    let s = j.ok(&["status"]);
    assert!(
        s.contains("pain 4") && s.contains("ibuprofen 400/1200 mg"),
        "{s}"
    );
    let v = j.json(&["status"]);
    assert_eq!(v["pain_today"], 4);
    assert!(v["mean7"].is_null(), "one check-in is not enough for mean7");
    // Week before: pains 2,2,2,2 (mean 2); this week 4,5,6 + today's 4 → mean 4.75, rising.
    for (d, p) in [
        ("-13", "2"),
        ("-12", "2"),
        ("-11", "2"),
        ("-10", "2"),
        ("-3", "4"),
        ("-2", "5"),
        ("-1", "6"),
    ] {
        j.ok(&["checkin", p, "--date", d]);
    }
    let v = j.json(&["status"]);
    assert_eq!(v["mean7"], 4.75);
    assert_eq!(v["mean7_prev"], 2.0);
    assert!(j.ok(&["status"]).contains("mean7 4.8↑"));
    assert!(!j.ok(&["status"]).contains("over max"));
    // Over the max (with --force): said in words, and in the JSON.
    let took = j.ok(&["med", "take", "ibuprofen", "1000", "--force"]);
    assert!(
        took.contains("1400 mg of max 1200 mg — OVER the daily max (forced)"),
        "the command line names its --force: {took}"
    );
    let s = j.ok(&["status"]);
    assert!(s.contains("ibuprofen 1400/1200 mg (over max)"), "{s}");
    assert_eq!(j.json(&["status"])["doses_today"][0]["over_max"], true);
}

#[test]
fn completions_and_man_page() {
    let j = Journal::new();
    assert!(j.ok(&["completions", "bash"]).contains("_backtrack"));
    assert!(j.ok(&["man"]).contains(".TH backtrack"));
}

#[test]
fn edit_flag_writes_the_note_in_editor() {
    let j = Journal::new();
    let script = j.dir.path().join("fake-editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'written in the editor\\nsecond line\\n' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = j
        .cmd()
        .args(["checkin", "3", "--edit", "--json"])
        .env("EDITOR", &script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["note"], "written in the editor\nsecond line");
    let fail = j
        .cmd()
        .args(["checkin", "5", "--edit"])
        .env("EDITOR", "false")
        .output()
        .unwrap();
    assert_eq!(fail.status.code(), Some(1));
    assert_eq!(
        j.json(&["list"])[0]["pain"],
        3,
        "a failed editor must not save"
    );
}
