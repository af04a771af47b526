//! What a new user of the command line ran into: each test is a defect found by using the
//! binary as the README says, fixed, and kept fixed.

use super::common::Journal;

#[test]
fn the_report_lists_an_event_logged_before_the_first_check_in() {
    // A new user records the MRI from weeks ago, then starts checking in: the MRI is in the
    // report's period and the physio must see it.
    let j = Journal::new();
    j.ok(&[
        "event",
        "add",
        "imaging",
        "MRI L4/L5",
        "--date",
        "2026-10-02",
    ]);
    j.ok(&["checkin", "4", "--date", "2026-11-20"]);
    j.ok(&["checkin", "5"]);
    let out = j.dir.path().join("r.html");
    let v = j.json(&["report", "-o", out.to_str().unwrap()]);
    let events = v["figures"]["events"].as_array().expect("events");
    assert_eq!(events.len(), 1, "{v}");
    assert_eq!(events[0]["title"], "MRI L4/L5");
    assert_eq!(events[0]["date"], "2026-10-02");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("MRI L4/L5"),
        "the report's event list names the MRI"
    );
}

#[test]
fn rehab_minutes_past_a_day_are_refused_so_every_export_imports_again() {
    // 5000 minutes used to be stored, and then the journal's export was refused whole by
    // `import` (rehab_sessions.minutes allows 0–1440).
    let j = Journal::new();
    j.ok(&[
        "rehab",
        "programme",
        "add",
        "P",
        "--exercise",
        "bird dog:3x10",
    ]);
    let before = j.export();
    let err = j.fails(&["rehab", "log", "--minutes", "5000"], 2);
    assert!(err.contains("minutes") && err.contains("0–1440"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(j.export(), before, "nothing written");
    j.ok(&["rehab", "log", "--minutes", "1440"]);
    let before = j.export();
    let err = j.fails(&["edit", "r1", "--minutes", "1441"], 2);
    assert!(err.contains("minutes") && err.contains("0–1440"), "{err}");
    assert_eq!(j.export(), before, "nothing written");

    let file = j.dir.path().join("x.json");
    j.ok(&["export", "--format", "json", "-o", file.to_str().unwrap()]);
    let other = Journal::new();
    other.ok(&["import", file.to_str().unwrap()]);
}

#[test]
fn an_export_with_an_appointment_ahead_imports_again() {
    // `event add doctor GP --date +8` is documented; its export was refused whole by
    // `import` ("events.date: … is in the future"), so the journal could not be moved.
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    j.ok(&["event", "add", "doctor", "GP", "--date", "+8"]);
    let file = j.dir.path().join("x.json");
    j.ok(&["export", "--format", "json", "-o", file.to_str().unwrap()]);
    let other = Journal::new();
    other.ok(&["import", file.to_str().unwrap()]);
    let events = other.json(&["list", "events"]);
    assert_eq!(events[0]["title"], "GP", "{events}");
    assert_eq!(events[0]["date"], "2026-12-01", "{events}");

    // More than five years ahead is still refused, naming the field and the last day.
    let doc = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"2026-12-01\"", "\"2032-01-01\"");
    std::fs::write(&file, doc).unwrap();
    let third = Journal::new();
    let err = third.fails(&["import", file.to_str().unwrap()], 2);
    assert!(
        err.contains("events.date") && err.contains("five years"),
        "{err}"
    );
}

#[test]
fn settings_read_in_the_names_people_type_with_their_units() {
    // `set ftp 250` answered "Set ftp_w = 250", and `settings` listed ftp_w, lthr_bpm and
    // whole-number thresholds as 3.0.
    let j = Journal::new();
    let out = j.ok(&["set", "ftp", "250"]);
    assert_eq!(
        out.trim(),
        "Set ftp = 250 W from the journal's first day",
        "{out}"
    );
    let out = j.ok(&["set", "max_hr", "190"]);
    assert!(out.starts_with("Set max_hr = 190 bpm from "), "{out}");
    let out = j.ok(&["set", "nsaid_streak_days", "7"]);
    assert_eq!(out.trim(), "Set nsaid_streak_days = 7", "{out}");
    let out = j.ok(&["settings"]);
    assert!(out.contains("  ftp ") && out.contains("250 W"), "{out}");
    assert!(
        out.contains("  max_hr ") && out.contains("190 bpm"),
        "{out}"
    );
    for internal in ["ftp_w", "_bpm", ".0\n", ".0 "] {
        assert!(!out.contains(internal), "{internal:?} in {out}");
    }
    assert!(out.contains("nsaid_streak_days    7\n"), "{out}");
    // JSON keeps the stored keys.
    let v = j.json(&["settings"]);
    assert_eq!(v["dated"][0]["key"], "ftp_w", "{v}");
}

#[test]
fn numbers_clap_cannot_read_are_refused_naming_the_field_not_rusts_parser() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let before = j.export();
    let cases: &[(&[&str], &str)] = &[
        (
            &["checkin", "4", "--sleep", "7,5"],
            "error: sleep: '7,5' is not a number; allowed: a number with a decimal point (7.5, not 7,5)",
        ),
        (
            &["ride", "1h", "--np", "abc"],
            "error: np: 'abc' is not a number; allowed: a number, e.g. 7.5",
        ),
        (
            &["med", "take", "ibuprofen", "2,5"],
            "error: amount: '2,5' is not a number; allowed: a number with a decimal point (2.5, not 2,5)",
        ),
        (
            &["rehab", "log", "--minutes", "2.5"],
            "error: minutes: '2.5' is not a whole number; allowed: whole numbers, e.g. 20",
        ),
        (
            &["rehab", "log", "--minutes", "-3"],
            "error: minutes: -3 is out of range; allowed: whole numbers 0–1440",
        ),
        (
            &["rehab", "programme", "add", "X", "--target", "99999999999"],
            "error: target: 99999999999 is out of range; allowed: whole numbers 0–21",
        ),
        (
            &["chart", "pain", "--width", "99999"],
            "error: width: 99999 is out of range; allowed: whole numbers 30–1000",
        ),
        (
            &[
                "med",
                "add",
                "x",
                "--class",
                "other",
                "--unit",
                "mg",
                "--dose",
                "1",
                "--times-a-day",
                "-1",
            ],
            "error: times_a_day: -1 is out of range; allowed: whole numbers 1–24",
        ),
    ];
    for (args, want) in cases {
        let err = j.fails(args, 2);
        assert_eq!(err.trim_end(), *want, "{args:?}");
        for leak in ["literal", "digit", "4294967295", "..="] {
            assert!(!err.contains(leak), "{args:?}: {err}");
        }
    }
    assert_eq!(j.export(), before, "nothing written");
}

#[test]
fn a_typo_in_a_command_or_flag_names_the_likely_one() {
    let j = Journal::new();
    let err = j.fails(&["chekin", "4"], 2);
    assert!(
        err.contains("'chekin'") && err.contains("did you mean 'checkin'?"),
        "{err}"
    );
    let err = j.fails(&["checkin", "4", "--slep", "7"], 2);
    assert!(err.contains("did you mean '--sleep'?"), "{err}");
    assert!(err.lines().count() <= 2, "{err}");
    let err = j.fails(&["show", "todya"], 2);
    assert!(err.contains("did you mean 'today'?"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
