//! Issue 25 item 2: one table of limits (`backtrack::domain::limits::ALL`). For every limit,
//! the value just past its top is refused where a person types it (exit 2), refused by the
//! JSON import (exit 2, nothing written), and, where a file can carry it (intervals.icu's
//! CSV), dropped from the activity with a line in the summary and never stored.

use backtrack::domain::limits::{self, Limit};
use serde_json::{Value, json};

use super::common::Journal;

/// How each path meets one limit: the command that types the value, the export column that
/// holds it, and the CSV column a file gives it in (None: no file reader carries it).
struct Case {
    limit: Limit,
    cli: fn(&str) -> Vec<String>,
    column: (&'static str, &'static str),
    csv: Option<&'static str>,
}

fn args(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn cases() -> Vec<Case> {
    use limits::*;
    let c = |limit, cli, column, csv| Case {
        limit,
        cli,
        column,
        csv,
    };
    vec![
        c(
            POWER,
            |v| args(&["ride", "1h", "--power", v]),
            ("activities", "avg_power_w"),
            Some("icu_average_watts"),
        ),
        c(
            NP,
            |v| args(&["ride", "1h", "--np", v]),
            ("activities", "normalized_power_w"),
            Some("icu_normalized_watts"),
        ),
        c(
            HR,
            |v| args(&["ride", "1h", "--hr", v]),
            ("activities", "avg_hr"),
            Some("average_heartrate"),
        ),
        c(
            MAX_HR,
            |v| args(&["ride", "1h", "--max-hr", v]),
            ("activities", "max_hr"),
            Some("max_heartrate"),
        ),
        c(
            DISTANCE,
            |v| {
                vec![
                    "ride".into(),
                    "1h".into(),
                    "--distance".into(),
                    format!("{v}m"),
                ]
            },
            ("activities", "distance_m"),
            Some("distance"),
        ),
        c(
            ASCENT,
            |v| args(&["ride", "1h", "--ascent", v]),
            ("activities", "ascent_m"),
            Some("total_elevation_gain"),
        ),
        c(
            MANUAL_TSS,
            |v| args(&["ride", "1h", "--tss", v]),
            ("activities", "tss"),
            Some("icu_training_load"),
        ),
        c(
            RPE,
            |v| args(&["ride", "1h", "--rpe", v]),
            ("activities", "rpe"),
            Some("icu_rpe"),
        ),
        c(PAIN, |v| args(&["checkin", v]), ("checkins", "pain"), None),
        c(
            MOOD,
            |v| args(&["checkin", "3", "--mood", v]),
            ("checkins", "mood"),
            None,
        ),
        c(
            DOSE,
            |v| args(&["med", "add", "x", "--class", "nsaid", "--dose", v]),
            ("doses", "amount"),
            None,
        ),
        c(
            MAX_DAILY,
            |v| {
                args(&[
                    "med",
                    "add",
                    "x",
                    "--class",
                    "nsaid",
                    "--dose",
                    "400",
                    "--max-daily",
                    v,
                ])
            },
            ("medications", "max_daily"),
            None,
        ),
        c(
            TIMES_A_DAY,
            |v| {
                args(&[
                    "med",
                    "add",
                    "x",
                    "--class",
                    "nsaid",
                    "--dose",
                    "400",
                    "--times-a-day",
                    v,
                ])
            },
            ("medications", "times_a_day"),
            None,
        ),
        c(
            TARGET_PER_WEEK,
            |v| {
                args(&[
                    "rehab",
                    "programme",
                    "add",
                    "B",
                    "--exercise",
                    "bird dog:3x10",
                    "--target",
                    v,
                ])
            },
            ("programmes", "target_per_week"),
            None,
        ),
        c(
            SETS,
            |v| {
                vec![
                    "rehab".into(),
                    "programme".into(),
                    "add".into(),
                    "B".into(),
                    "--exercise".into(),
                    format!("bird dog:{v}x10"),
                ]
            },
            ("programme_items", "sets"),
            None,
        ),
        c(
            REPS,
            |v| {
                vec![
                    "rehab".into(),
                    "programme".into(),
                    "add".into(),
                    "B".into(),
                    "--exercise".into(),
                    format!("bird dog:3x{v}"),
                ]
            },
            ("programme_items", "reps"),
            None,
        ),
        c(
            HOLD_S,
            |v| {
                vec![
                    "rehab".into(),
                    "programme".into(),
                    "add".into(),
                    "B".into(),
                    "--exercise".into(),
                    format!("plank:3x{v}s"),
                ]
            },
            ("programme_items", "hold_s"),
            None,
        ),
        c(
            LOAD_KG,
            |v| {
                vec![
                    "rehab".into(),
                    "programme".into(),
                    "add".into(),
                    "B".into(),
                    "--exercise".into(),
                    format!("squat:3x8@{v}kg"),
                ]
            },
            ("programme_items", "load_kg"),
            None,
        ),
        c(
            PLAN_HOURS,
            |v| args(&["plan", "start", "p", "--hours", v]),
            ("plans", "target"),
            None,
        ),
        c(
            PLAN_TSS,
            |v| args(&["plan", "start", "p", "--tss", v]),
            ("plans", "target"),
            None,
        ),
        c(
            PLAN_RAMP,
            |v| {
                let pct = v.parse::<f64>().unwrap() * 100.0;
                vec![
                    "plan".into(),
                    "start".into(),
                    "p".into(),
                    "--hours".into(),
                    "2".into(),
                    "--ramp".into(),
                    format!("{pct}%"),
                ]
            },
            ("plans", "ramp"),
            None,
        ),
        c(
            EVERY_DAYS,
            |v| {
                vec![
                    "score".into(),
                    "every".into(),
                    "odi".into(),
                    format!("{v}d"),
                ]
            },
            ("score_schedules", "every_days"),
            None,
        ),
        c(
            SESSION_MINUTES,
            |v| args(&["rehab", "log", "--minutes", v]),
            ("rehab_sessions", "minutes"),
            None,
        ),
        c(
            DAY_HOURS,
            |v| args(&["checkin", "3", "--sleep", v]),
            ("checkins", "sleep_hours"),
            None,
        ),
        c(
            PSYCH,
            |v| args(&["score", "add", "startback", "9", "--psych", v]),
            ("scores", "psych"),
            None,
        ),
    ]
}

/// A journal with one record of each kind the limits bound, as exported.
fn export_of_everything() -> Value {
    let j = Journal::new();
    j.ok(&["checkin", "4", "--mood", "3", "--sleep", "7"]);
    j.ok(&[
        "ride",
        "1h",
        "--date",
        "-2",
        "--power",
        "200",
        "--np",
        "210",
        "--hr",
        "140",
        "--max-hr",
        "170",
        "--distance",
        "30km",
        "--ascent",
        "300",
        "--rpe",
        "5",
        "--tss",
        "60",
    ]);
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
        "--times-a-day",
        "3",
    ]);
    j.ok(&["med", "take", "ibuprofen", "--at", "2026-11-22 08:00"]);
    j.ok(&[
        "rehab",
        "programme",
        "add",
        "Block 1",
        "--exercise",
        "bird dog:3x10",
        "--target",
        "3",
    ]);
    j.ok(&["rehab", "log", "--minutes", "30"]);
    j.ok(&["plan", "start", "back on the bike", "--hours", "2"]);
    j.ok(&["score", "every", "odi", "2w"]);
    j.ok(&["score", "add", "startback", "5", "--psych", "2"]);
    serde_json::from_str(&j.export()).unwrap()
}

const CSV_HEAD: [&str; 12] = [
    "start_date_local",
    "type",
    "moving_time",
    "elapsed_time",
    "distance",
    "total_elevation_gain",
    "icu_average_watts",
    "icu_normalized_watts",
    "average_heartrate",
    "max_heartrate",
    "icu_rpe",
    "icu_training_load",
];
const CSV_ROW: [&str; 12] = [
    "2026-11-20T08:00:00",
    "Ride",
    "3600",
    "3600",
    "30000",
    "300",
    "",
    "",
    "140",
    "170",
    "5",
    "60",
];

#[test]
fn every_limit_is_refused_or_dropped_alike_by_the_cli_the_json_import_and_the_files() {
    let cases = cases();
    for l in limits::ALL {
        assert_eq!(
            cases.iter().filter(|c| c.limit == l).count(),
            1,
            "limit {} needs exactly one case here",
            l.field
        );
    }
    let base = export_of_everything();
    for case in &cases {
        let l = case.limit;
        let over = l.hi + 1.0;
        let shown = format!("{over}");
        // Typed: refused with exit 2.
        let j = Journal::new();
        let cli = (case.cli)(&shown);
        let cli: Vec<&str> = cli.iter().map(String::as_str).collect();
        let err = j.fails(&cli, 2);
        assert!(
            err.contains(&shown) || err.contains(l.field),
            "{}: {err}",
            l.field
        );
        // The JSON import: the same value in the column is refused, nothing written.
        let (table, col) = case.column;
        let mut doc = base.clone();
        let row = &mut doc["tables"][table][0];
        assert!(row.get(col).is_some(), "{table}.{col} is exported");
        row[col] = if l.whole {
            json!(over as i64)
        } else {
            json!(over)
        };
        let path = j.dir.path().join("bad.json");
        std::fs::write(&path, doc.to_string()).unwrap();
        let fresh = Journal::new();
        let err = fresh.fails(&["import", path.to_str().unwrap()], 2);
        // Named by its column, or by the field the plan's own check names (`plans.hours`).
        assert!(
            err.contains(&format!("{table}.{col}"))
                || err.contains(&format!("{table}.{}", l.field)),
            "{}: {err}",
            l.field
        );
        if fresh.db.exists() {
            let after: Value = serde_json::from_str(&fresh.export()).unwrap();
            let rows: usize = after["tables"]
                .as_object()
                .unwrap()
                .values()
                .map(|t| t.as_array().map_or(0, Vec::len))
                .sum();
            assert_eq!(rows, 0, "{}: nothing imported", l.field);
        }
        // A file: the activity is stored without the figure, and the summary says so.
        if let Some(column) = case.csv {
            let at = CSV_HEAD.iter().position(|h| *h == column).unwrap();
            let mut row = CSV_ROW.map(str::to_string);
            row[at] = shown.clone();
            let csv = format!("{}\n{}\n", CSV_HEAD.join(","), row.join(","));
            let path = j.dir.path().join("activities.csv");
            std::fs::write(&path, csv).unwrap();
            let files = Journal::new();
            let v = files.json(&["import", path.to_str().unwrap()]);
            let notes = v["notes"].to_string();
            assert!(
                notes.contains(l.field) && notes.contains("left empty"),
                "{}: {v}",
                l.field
            );
            let stored: Value = serde_json::from_str(&files.export()).unwrap();
            let a = &stored["tables"]["activities"][0];
            assert!(!a.is_null(), "{}: the activity is stored", l.field);
            // Left empty (a TSS is then the one computed from the RPE, not the file's).
            assert!(
                a[col].as_f64() != Some(over),
                "{}: {col} not stored: {a}",
                l.field
            );
            assert!(
                a[col].is_null() || col == "tss",
                "{}: {col} left empty: {a}",
                l.field
            );
        }
    }
}
