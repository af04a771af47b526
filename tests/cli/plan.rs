//! The return plan (issue 23, SPEC §14) from the command line: start, show week by week with
//! each decision's reason from the journal's own facts, stop; refusals; trash and export.

use serde_json::Value;

use super::common::Journal;

/// Five weeks of pain 2, then pain 6 in the week of 16 Nov (a flare); rides of 2 h, 2 h 30 m,
/// 1 h in the plan's first three weeks and 1 h today. The third default criterion is replaced
/// by one this journal can answer.
fn journal() -> Journal {
    let j = Journal::new();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    for i in 0..35 {
        let d = start + chrono::Duration::days(i);
        let ds = d.to_string();
        let pain = if ("2026-11-16".."2026-11-23").contains(&ds.as_str()) {
            "6"
        } else {
            "2"
        };
        j.ok(&["checkin", pain, "--date", &ds]);
    }
    for (dur, day) in [
        ("2h", "2026-11-04"),
        ("2h30m", "2026-11-11"),
        ("1h", "2026-11-18"),
        ("1h", "2026-11-23"),
    ] {
        j.ok(&["ride", dur, "--date", day]);
    }
    j.ok(&["criteria", "list"]);
    j.ok(&["criteria", "set", "k3", "pain <= 5"]);
    j
}

#[test]
fn plan_show_applies_the_rule_week_by_week_with_reasons() {
    let j = journal();
    let out = j.ok(&[
        "plan",
        "start",
        "back on the bike",
        "--hours",
        "2",
        "--from",
        "2026-11-04",
    ]);
    assert!(
        out.contains("Started plan l1 \"back on the bike\" from 2026-11-04: week 1 2 h, ramp 10%"),
        "{out}"
    );
    let v = j.json(&["plan", "show"]);
    let weeks = v["weeks"].as_array().unwrap();
    let col = |k: &str| weeks.iter().map(|w| w[k].clone()).collect::<Vec<Value>>();
    // Weeks run Monday to Sunday from the start's week.
    assert_eq!(weeks[0]["monday"], "2026-11-02");
    assert_eq!(
        col("target"),
        vec![2.0, 2.2, 2.4, 2.2]
            .into_iter()
            .map(Value::from)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        col("done"),
        vec![2.0, 2.5, 1.0, 1.0]
            .into_iter()
            .map(Value::from)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        col("decision"),
        vec![
            Value::from("ramp"),
            "ramp".into(),
            "step_back".into(),
            Value::Null
        ]
    );
    assert_eq!(weeks[0]["reason"], "criteria met: 2 h + 10% = 2.2 h");
    assert_eq!(
        weeks[2]["reason"],
        "stepped back: flare from 2026-11-16 (peak 6); next week 2.2 h"
    );
    let text = j.ok(&["plan", "show"]);
    assert!(
        text.contains("week 4  2026-11-23  1 of 2.2 h planned  under way"),
        "{text}"
    );
}

#[test]
fn a_criterion_not_met_holds_with_its_figure() {
    let j = journal();
    j.ok(&["criteria", "add", "mean7 <= 1.5"]);
    j.ok(&[
        "plan",
        "start",
        "base",
        "--tss",
        "150",
        "--from",
        "2026-11-09",
    ]);
    let v = j.json(&["plan", "show"]);
    assert_eq!(v["weeks"][0]["decision"], "hold");
    assert_eq!(v["weeks"][0]["reason"], "held: 7-day mean pain 2 > 1.5");
    assert_eq!(v["weeks"][1]["target"], 150.0);
}

#[test]
fn plan_input_is_refused_naming_the_field_and_nothing_is_written() {
    let j = journal();
    let before = j.export();
    for (args, field) in [
        (&["plan", "start", "x"][..], "target"),
        (&["plan", "start", "x", "--hours", "0"], "hours"),
        (&["plan", "start", "x", "--hours", "abc"], "hours"),
        (&["plan", "start", "x", "--tss", "9000"], "tss"),
        (
            &["plan", "start", "x", "--hours", "2", "--ramp", "60%"],
            "ramp",
        ),
        (&["plan", "start", " ", "--hours", "2"], "name"),
        (&["plan", "start", "a\nweek 9", "--hours", "2"], "name"),
        (&["plan", "start", "x", "--hours", "0.04"], "hours"),
        (
            &["plan", "start", "x", "--hours", "2", "--from", "2027-01-01"],
            "from",
        ),
    ] {
        let err = j.fails(args, 2);
        assert!(err.contains(field), "{args:?}: {err}");
    }
    assert_eq!(j.export(), before);
    j.ok(&["plan", "start", "a", "--hours", "2"]);
    let err = j.fails(&["plan", "start", "b", "--hours", "2"], 2);
    assert!(
        err.contains("'a' is running") && err.contains("plan stop"),
        "{err}"
    );
}

#[test]
fn stop_undo_and_export_round_trip() {
    let j = journal();
    j.ok(&["plan", "start", "a", "--hours", "2", "--from", "2026-11-02"]);
    let out = j.ok(&["plan", "stop"]);
    assert!(out.contains("Stopped plan \"a\" on 2026-11-23"), "{out}");
    let v = j.json(&["plan", "show"]);
    assert_eq!(v["plan"]["stopped_on"], "2026-11-23");
    assert!(
        v["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| !w["decision"].is_null())
    );
    // Export → import → export is identical, the plan included.
    let first = j.export();
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["tables"]["plans"][0]["name"], "a");
    let path = j.dir.path().join("e.json");
    std::fs::write(&path, &first).unwrap();
    let k = Journal::new();
    k.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(k.export(), first);
    // A tampered plan is refused by the same check as `plan start`.
    for (from, to, field) in [
        ("\"target\": 2.0", "\"target\": 500.0", "plans.hours"),
        (
            "\"stopped_on\": \"2026-11-23\"",
            "\"stopped_on\": \"2026-10-01\"",
            "plans.stopped_on",
        ),
    ] {
        assert!(first.contains(from), "{from}");
        std::fs::write(&path, first.replacen(from, to, 1)).unwrap();
        let err = Journal::new().fails(&["import", path.to_str().unwrap()], 2);
        assert!(err.contains(field), "{field}: {err}");
    }
    // Delete and restore (undo) the plan.
    j.ok(&["delete", "l1"]);
    assert!(j.ok(&["plan", "show"]).contains("No plan"));
    assert!(j.ok(&["trash"]).contains("l1"));
    j.ok(&["restore", "l1"]);
    assert_eq!(j.json(&["plan", "show"])["plan"]["name"], "a");
}

#[test]
fn a_running_plan_is_not_restored_beside_another() {
    let j = journal();
    j.ok(&["plan", "start", "a", "--hours", "2"]);
    j.ok(&["delete", "l1"]);
    j.ok(&["plan", "start", "b", "--hours", "3"]);
    let err = j.fails(&["restore", "l1"], 2);
    assert!(
        err.contains("the plan 'b' is running") && err.contains("plan stop"),
        "{err}"
    );
    assert_eq!(j.json(&["plan", "show"])["plan"]["name"], "b");
    j.ok(&["plan", "stop"]);
    j.ok(&["restore", "l1"]);
    assert_eq!(j.json(&["plan", "show"])["plan"]["name"], "a");
}

#[test]
fn week_carries_the_plan_week() {
    let j = journal();
    assert_eq!(j.json(&["week"])["plan"], Value::Null, "no plan yet");
    assert_eq!(
        j.json(&["plan"]),
        Value::Null,
        "`plan` alone is `plan show`"
    );
    j.ok(&[
        "plan",
        "start",
        "back on the bike",
        "--hours",
        "2",
        "--from",
        "2026-11-02",
    ]);
    let w = j.json(&["week", "2026-11-18"]);
    assert_eq!(w["plan"]["week"], 3);
    assert_eq!(w["plan"]["target"], 2.4);
    assert_eq!(w["plan"]["done"], 1.0);
    assert_eq!(w["plan"]["decision"], "step_back");
    let text = j.ok(&["week"]);
    assert!(
        text.contains("plan     week 4 of \"back on the bike\": 1 of 2.2 h planned (under way)"),
        "{text}"
    );
}

#[test]
fn a_week_without_training_reads_0_not_minus_0() {
    let j = Journal::new();
    j.ok(&["checkin", "2"]);
    j.ok(&["plan", "start", "a", "--hours", "2"]);
    let text = j.ok(&["plan", "show"]);
    assert!(text.contains("  0 of 2 h planned  under way"), "{text}");
    assert!(!text.contains("-0"), "{text}");
}

#[test]
fn an_import_never_leaves_two_plans_running() {
    // Two journals each with a running plan: importing one into the other would make two run
    // at once, which `plan start` refuses. The import is refused whole and writes nothing.
    let a = Journal::new();
    a.ok(&["checkin", "2"]);
    a.ok(&["plan", "start", "laptop plan", "--hours", "2"]);
    let b = Journal::new();
    b.ok(&["checkin", "3"]);
    b.ok(&["plan", "start", "desktop plan", "--hours", "3"]);
    let path = b.dir.path().join("b.json");
    std::fs::write(&path, b.export()).unwrap();
    let before = a.export();
    let err = a.fails(&["import", path.to_str().unwrap()], 2);
    assert!(
        err.contains("plans.stopped_on") && err.contains("'laptop plan', 'desktop plan'"),
        "{err}"
    );
    assert_eq!(a.export(), before, "nothing was imported");
    // With one of them stopped first, the import goes through.
    a.ok(&["plan", "stop"]);
    a.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(a.json(&["plan", "show"])["plan"]["name"], "desktop plan");
}
