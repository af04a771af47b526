//! What a new user's first week still broke (issue 20, items 13–17, 20, 23): one period
//! grammar, a search of every kind, the report's days, criteria without data, the
//! catalogue's max, `--demo` beside `BACKTRACK_DB`, summaries that say what was stored.
//! What people reach for on day one (items 18, 19, 21, 22) is in `reach.rs`.

use super::common::Journal;

/// Item 20: `BACKTRACK_DB` in the environment does not clash with `--demo`; a `--db` typed
/// with it does (exit 2), and commands with `--demo` say it only opens the app.
#[test]
fn demo_is_not_refused_because_backtrack_db_is_set() {
    let j = Journal::new();
    // No terminal here: the app cannot start, but it must not be refused over `--db`.
    let out = j.cmd().arg("--demo").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("--db"), "{err}");
    assert!(!j.db.exists(), "the journal BACKTRACK_DB names was created");
    let err = j.fails(&["--demo", "--db", "other.db"], 2);
    assert!(err.contains("'--demo' cannot be used with '--db"), "{err}");
    let err = j.fails(&["--demo", "status"], 2);
    assert!(err.contains("--demo only opens the app"), "{err}");
}

pub(super) fn with_ibuprofen() -> Journal {
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
    j
}

/// Item 17: `med list` flags a drug whose day is over its max, as `status` does.
#[test]
fn med_list_flags_a_day_over_the_max() {
    let j = with_ibuprofen();
    j.ok(&["med", "take", "ibuprofen", "800", "--at", "08:00"]);
    assert!(!j.ok(&["med", "list"]).contains("over max"));
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "800",
        "--at",
        "12:00",
        "--force",
    ]);
    let out = j.ok(&["med", "list"]);
    assert!(out.contains("today 1600/1200 mg (over max)"), "{out}");
    let v = j.json(&["med", "list"]);
    assert_eq!(v[0]["over_max"], true, "{v}");
    assert_eq!(v[0]["today_total"], 1600.0, "{v}");
    assert!(j.ok(&["status"]).contains("over max"));
}

/// Item 13: `--since 12w|6m|1y|all|DATE` in `list` and `stats` as in `report` and `chart`.
#[test]
fn one_period_grammar_in_list_stats_chart_and_report() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "2025-01-10"]);
    j.ok(&["checkin", "4", "--date", "2026-08-01"]);
    j.ok(&["checkin", "5", "--date", "2026-11-20"]);
    let dates = |args: &[&str]| -> Vec<String> {
        let v = j.json(args);
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["date"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(dates(&["list", "--since", "12w"]), ["2026-11-20"]);
    assert_eq!(
        dates(&["list", "--since", "6m"]),
        ["2026-11-20", "2026-08-01"]
    );
    assert_eq!(
        dates(&["list", "--since", "1y"]),
        ["2026-11-20", "2026-08-01"]
    );
    assert_eq!(dates(&["list", "--since", "all"]).len(), 3);
    assert_eq!(dates(&["list", "--since", "2026-08-01"]).len(), 2);
    // A span counts back from --until, as in `report`.
    assert_eq!(
        dates(&["list", "--since", "1w", "--until", "2026-08-03"]),
        ["2026-08-01"]
    );
    for since in ["12w", "6m", "1y", "all", "2026-01-01"] {
        j.ok(&["stats", "--since", since]);
        j.ok(&["chart", "pain", "--since", since, "--width", "60"]);
        j.ok(&[
            "report",
            "--since",
            since,
            "-o",
            j.dir.path().to_str().unwrap(),
        ]);
        j.ok(&["med", "doses", "--since", since]);
    }
    let v = j.json(&["stats", "--since", "12w"]);
    assert_eq!(v["pain"]["days_logged"], 1, "{v}");
    let err = j.fails(&["list", "--since", "12x"], 2);
    assert!(
        err.contains("since") && err.contains("12w, 6m, 1y, or all"),
        "{err}"
    );
    // `report --since all` starts on the journal's first day.
    let v = j.json(&[
        "report",
        "--since",
        "all",
        "-o",
        j.dir.path().to_str().unwrap(),
    ]);
    assert_eq!(v["from"], "2025-01-10", "{v}");
}

/// Item 13: `list --until D` alone lists the 30 days up to D (it said "since … is after
/// --until").
#[test]
fn list_until_alone_lists_the_month_before_it() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "2026-09-20"]);
    j.ok(&["checkin", "4", "--date", "2026-10-01"]);
    j.ok(&["checkin", "5", "--date", "2026-11-20"]);
    let out = j.ok(&["list", "--until", "2026-10-01"]);
    assert!(
        out.contains("2026-10-01") && out.contains("2026-09-20"),
        "{out}"
    );
    assert!(!out.contains("2026-11-20"), "{out}");
}

/// Item 13: an event dated with a bare weekday says which day it took and names the other.
#[test]
fn an_event_on_a_bare_weekday_says_which_day_it_took() {
    let j = Journal::new(); // today is Monday 23 Nov 2026
    let out = j.ok(&["event", "add", "physio", "Session", "--date", "thu"]);
    assert!(
        out.contains("on 2026-11-19")
            && out.contains("thu taken as Thu 19 Nov, the last one")
            && out.contains("\"next thu\", Thu 26 Nov"),
        "{out}"
    );
    let out = j.ok(&["event", "add", "physio", "Next", "--date", "next thu"]);
    assert!(
        out.contains("on 2026-11-26") && !out.contains("taken as"),
        "{out}"
    );
}

/// Item 14: `list --grep` without a kind searches every kind, newest first.
#[test]
fn grep_without_a_kind_searches_every_kind() {
    let j = with_ibuprofen();
    j.ok(&[
        "checkin",
        "3",
        "--date",
        "2026-11-20",
        "--note",
        "sore after the hill",
    ]);
    j.ok(&[
        "ride",
        "1h",
        "--date",
        "2026-11-21",
        "--note",
        "Hill repeats",
    ]);
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "--at",
        "2026-11-22 08:00",
        "--note",
        "for the hill",
    ]);
    j.ok(&["event", "add", "physio", "Hill talk", "--date", "+3"]);
    j.ok(&["checkin", "2", "--date", "2026-11-22", "--note", "flat"]);
    let v = j.json(&["list", "--grep", "HILL"]);
    let refs: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["e1", "d1", "a1", "c1"], "{v}");
    let out = j.ok(&["list", "--grep", "hill"]);
    assert_eq!(out.lines().count(), 4, "{out}");
    let out = j.ok(&["list", "--grep", "mountain"]);
    assert_eq!(
        out.trim(),
        "Nothing from 2026-10-24 on has 'mountain' in its note, title or tags."
    );
    // Without --grep the default is still the check-ins.
    assert_eq!(j.json(&["list"]).as_array().unwrap().len(), 2);
    assert_eq!(
        j.json(&["list", "checkins", "--grep", "hill"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Item 15: the report on a new journal counts the days since it began, not the 84 of the
/// default 12 weeks.
#[test]
fn the_report_on_a_new_journal_counts_days_since_it_began() {
    let j = Journal::new();
    j.ok(&["checkin", "4", "--date", "yesterday"]);
    j.ok(&["checkin", "3"]);
    let out_dir = j.dir.path().to_str().unwrap();
    let out = j.ok(&["report", "-o", out_dir]);
    assert!(
        out.contains("2 of 2 days logged since the journal began on 2026-11-22"),
        "{out}"
    );
    let v = j.json(&["report", "-o", out_dir]);
    let p = &v["figures"]["period"];
    assert_eq!(
        (p["days"].as_u64(), p["days_logged"].as_u64()),
        (Some(2), Some(2)),
        "{v}"
    );
    assert_eq!(p["journal_began"], "2026-11-22");
    let html = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(html.contains("Journal began "), "header");
    assert!(!html.contains("of 84 days"), "header");
    // A journal older than the period: every day of it counts, as before.
    j.ok(&["checkin", "5", "--date", "2026-01-05"]);
    let v = j.json(&["report", "-o", out_dir]);
    assert_eq!(v["figures"]["period"]["days"], 84);
    assert_eq!(v["figures"]["period"]["journal_began"], "2026-01-05");
}

/// Item 16: a rule with no figure behind it says "not enough data", not "not met", in
/// `criteria list`, `stats` and the report; a rule with its figure is met or not met.
#[test]
fn criteria_without_data_say_not_enough_data() {
    let j = Journal::new();
    j.ok(&["checkin", "5"]);
    let out = j.ok(&["criteria", "list"]);
    assert!(!out.contains("not met"), "{out}");
    assert_eq!(out.matches("[not enough data]").count(), 3, "{out}");
    let out = j.ok(&["stats"]);
    assert!(out.contains("[not enough data] 7-day mean pain"), "{out}");
    assert!(!out.contains("not met"), "{out}");
    let v = j.json(&["report", "-o", j.dir.path().to_str().unwrap()]);
    let html = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(html.contains("not enough data") && !html.contains("not met"));
    // With the figure there, the verdict is met or not met.
    j.ok(&["criteria", "add", "pain <= 2"]);
    let out = j.ok(&["criteria", "list"]);
    let line = out.lines().find(|l| l.contains("Latest pain")).unwrap();
    assert!(line.contains("[not met]"), "{out}");
}

/// Item 23: one-line summaries echo everything stored (where, feels, sitting, workday…),
/// what an update cleared, and a dose correction forced over the max.
#[test]
fn summaries_echo_what_was_stored_cleared_or_forced() {
    let j = with_ibuprofen();
    let out = j.ok(&[
        "checkin",
        "6",
        "--worst",
        "8",
        "--where",
        "low-back,buttock-left",
        "--feels",
        "ache",
        "--sleep",
        "6.5",
        "--mood",
        "2",
        "--sitting",
        "9",
        "--workday",
        "--tag",
        "drive",
        "--note",
        "long day",
    ]);
    for part in [
        "pain 6",
        "worst 8",
        "where low-back,buttock-left",
        "feels ache",
        "sleep 6.5 h",
        "mood 2/5",
        "sitting 9 h",
        "workday",
        "tags drive",
        "note",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    let out = j.ok(&["checkin", "5", "--no-workday", "--note", ""]);
    assert!(
        out.contains("no workday") && out.contains("note cleared"),
        "{out}"
    );
    // A correction forced over the max says so, with the day's total.
    j.ok(&["med", "take", "ibuprofen", "800", "--at", "08:00"]);
    j.ok(&["med", "take", "ibuprofen", "400", "--at", "12:00"]);
    let out = j.ok(&["edit", "d1", "--amount", "1000", "--force"]);
    assert!(
        out.contains("total on 2026-11-23: 1400 mg of max 1200 mg — OVER the daily max (forced)"),
        "{out}"
    );
    let out = j.ok(&["edit", "d1", "--amount", "400"]);
    assert!(
        out.ends_with("total on 2026-11-23: 800 mg of max 1200 mg\n"),
        "{out}"
    );
}
