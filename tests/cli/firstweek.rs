//! What a new user's first week broke (issue 20), on the command line: each test drives the
//! real binary the way the user did.

use super::common::Journal;

#[test]
fn a_mistyped_journal_path_is_named_and_nothing_is_created() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    let typo = j.db.with_file_name("jurnal.db");
    let typo_s = typo.to_str().unwrap();
    for args in [
        &["status"][..],
        &["list"],
        &["stats"],
        &["week"],
        &["info", "c1"],
        &["show", "today"],
        &["edit", "c1", "--pain", "3"],
        &["delete", "c1"],
        &["trash"],
        &["med", "list"],
        &["export", "--format", "json"],
        &["settings"],
    ] {
        let mut a = vec!["--db", typo_s];
        a.extend_from_slice(args);
        let err = j.fails(&a, 2);
        assert!(
            err.contains(&format!("no journal at {typo_s}")),
            "{args:?}: {err}"
        );
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
    // The folder holds only the real journal (and its files), no new one.
    let names: Vec<String> = std::fs::read_dir(j.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("jurnal"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    // A command that records something starts a journal there, as before.
    j.ok(&["--db", typo_s, "checkin", "2"]);
    assert!(typo.exists());
}

#[test]
fn restoring_a_dose_over_the_max_is_refused_unless_forced() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--dose",
        "800",
        "--max-daily",
        "1200",
    ]);
    j.ok(&["med", "take", "ibuprofen", "--at", "08:00"]);
    j.ok(&["delete", "d1"]);
    j.ok(&["med", "take", "ibuprofen", "--at", "09:00"]);
    let before = j.export();
    let err = j.fails(&["restore", "d1"], 2);
    assert!(
        err.contains("d1") && err.contains("1600 mg") && err.contains("stays in the trash"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(before, j.export(), "a refused restore wrote something");
    let out = j.ok(&["restore", "d1", "--force"]);
    assert!(out.contains("Restored dose d1"), "{out}");
    let doses = j.json(&["list", "doses"]);
    assert_eq!(doses.as_array().unwrap().len(), 2);
}

#[test]
fn emptying_the_trash_asks_backs_up_first_and_counts_what_it_listed() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    j.ok(&["rehab", "log", "--done", "bird dog:3x10", "--minutes", "15"]);
    j.ok(&["delete", "c1"]);
    j.ok(&["delete", "r1"]);
    assert_eq!(j.json(&["trash"]).as_array().unwrap().len(), 2);
    // No terminal to ask: refused, naming --yes, nothing purged.
    let err = j.fails(&["trash", "--empty"], 2);
    assert!(err.contains("--yes") && err.contains("2 records"), "{err}");
    assert_eq!(j.json(&["trash"]).as_array().unwrap().len(), 2);
    let out = j.ok(&["trash", "--empty", "--yes"]);
    assert!(
        out.contains("Purged 2 records, with 1 exercise row, for good"),
        "{out}"
    );
    assert!(j.json(&["trash"]).as_array().unwrap().is_empty());
    // The backup written first still holds what was purged.
    let backups = j.db.parent().unwrap().join("backups");
    let copy = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("journal-manual-"))
        .expect("a backup before the purge");
    assert!(out.contains(&copy.display().to_string()), "{out}");
    let c = rusqlite::Connection::open(&copy).unwrap();
    let trashed: i64 = c
        .query_row(
            "SELECT count(*) FROM checkins WHERE deleted_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(trashed, 1);
}

#[test]
fn a_dose_time_alone_keeps_the_dose_on_its_own_day() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "paracetamol",
        "--class",
        "other",
        "--dose",
        "500",
    ]);
    j.ok(&["med", "take", "paracetamol", "--at", "2026-11-20 21:00"]);
    let d = j.json(&["edit", "d1", "--at", "08:00"]);
    assert_eq!(d["taken_at"], "2026-11-20T08:00:00", "{d}");
    // A full date-time still moves it.
    let d = j.json(&["edit", "d1", "--at", "2026-11-21 09:30"]);
    assert_eq!(d["taken_at"], "2026-11-21T09:30:00", "{d}");
}

#[test]
fn rehab_counts_per_programme_and_week_and_stats_agree() {
    let j = Journal::new();
    // Thursday 26 Nov: a new programme began on Wednesday, the old one is still active.
    let run = |args: &[&str]| {
        let out = j
            .cmd()
            .env("BACKTRACK_TODAY", "2026-11-26")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let ex = ["--exercise", "bird dog:3x10"];
    run(&[
        &[
            "rehab",
            "programme",
            "add",
            "Old plan",
            "--from",
            "2026-11-01",
            "--target",
            "2",
        ][..],
        &ex,
    ]
    .concat());
    run(&[
        &[
            "rehab",
            "programme",
            "add",
            "Physio block 1",
            "--from",
            "2026-11-25",
            "--target",
            "3",
        ][..],
        &ex,
    ]
    .concat());
    run(&["rehab", "log", "Old plan", "--date", "2026-11-23"]);
    run(&["rehab", "log", "Physio block 1", "--date", "2026-11-25"]);
    run(&["rehab", "log", "Physio block 1", "--date", "2026-11-26"]);
    let stats: serde_json::Value = serde_json::from_str(&run(&["stats", "--json"])).unwrap();
    let r = &stats["rehab"];
    assert_eq!(
        (
            &r["week_sessions"],
            &r["week_target"],
            &r["week_other_sessions"]
        ),
        (&2.into(), &3.into(), &1.into()),
        "{r}"
    );
    assert_eq!(r["week_programme"], "Physio block 1");
    let week: serde_json::Value = serde_json::from_str(&run(&["week", "--json"])).unwrap();
    let w = &week["this_week"];
    assert_eq!(
        (
            &w["rehab_counted"],
            &w["rehab_target"],
            &w["rehab_sessions"]
        ),
        (&2.into(), &3.into(), &3.into()),
        "{w}"
    );
    let text = run(&["week"]);
    assert!(
        text.contains("rehab    2 of 3 sessions + 1 other"),
        "{text}"
    );
}

#[test]
fn a_ride_later_today_is_refused_and_one_without_start_is_not_put_ahead() {
    use chrono::Timelike;
    // The real clock: "later today" needs a now.
    let j = Journal::new();
    let real = |args: &[&str]| {
        j.cmd()
            .env_remove("BACKTRACK_TODAY")
            .args(args)
            .output()
            .unwrap()
    };
    let now = chrono::Local::now().naive_local();
    let out = real(&["ride", "30m", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let start =
        chrono::NaiveDateTime::parse_from_str(v["start"].as_str().unwrap(), "%Y-%m-%dT%H:%M:%S")
            .unwrap();
    assert!(
        start <= now + chrono::Duration::minutes(1),
        "{start} is after {now}"
    );
    // An hour and a half ahead, when that is still today.
    if now.hour() < 22 {
        let later = (now + chrono::Duration::minutes(90))
            .format("%H:%M")
            .to_string();
        let out = real(&["ride", "30m", "--start", &later]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("start:") && err.contains("is later than now"),
            "{err}"
        );
        let listed = real(&["list", "activities", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
        assert_eq!(
            v.as_array().unwrap().len(),
            1,
            "the refused ride was stored"
        );
    }
}

#[test]
fn a_manual_tss_goes_back_to_the_computed_one_with_tss_auto() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250"]);
    let a = j.json(&["ride", "1h", "--power", "200", "--np", "210"]);
    let computed = a["tss"].as_f64().unwrap();
    assert_eq!(a["load_source"], "power");
    let a = j.json(&["edit", "a1", "--tss", "95"]);
    assert_eq!(
        (a["tss"].as_f64(), &a["load_source"]),
        (Some(95.0), &"manual".into())
    );
    let a = j.json(&["edit", "a1", "--tss", "auto"]);
    assert_eq!(
        (a["tss"].as_f64(), &a["load_source"]),
        (Some(computed), &"power".into()),
        "{a}"
    );
    let err = j.fails(&["edit", "a1", "--tss", "lots"], 2);
    assert!(err.contains("tss") && err.contains("auto"), "{err}");
}
