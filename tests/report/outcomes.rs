//! Issue 23 in the report: leg pain, the outcome scores and the return plan are shown with the
//! figures `stats --json` and `plan --json` print for the same journal, and `report --json`
//! carries them unchanged.

use serde_json::Value;

use super::common::Journal;
use super::doc::parse;
use super::figures::{lookup, same};

/// Five weeks to 2026-11-23: back pain 2 (6 in the week of 16 Nov, a flare), leg pain 3 on
/// most days and 4 (above back pain) on every fifth; rides in the plan's weeks; an Oswestry
/// that falls 12 points (meaningful), a Roland-Morris that falls 4 (not) and one PEG.
fn journal() -> Journal {
    let j = Journal::new();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    for i in 0..35 {
        let ds = (start + chrono::Duration::days(i)).to_string();
        let pain = if ("2026-11-16".."2026-11-23").contains(&ds.as_str()) {
            "6"
        } else {
            "2"
        };
        let leg = if i % 5 == 0 { "4" } else { "1" };
        j.ok(&["checkin", pain, "--leg", leg, "--date", &ds]);
    }
    for (dur, day) in [
        ("2h", "2026-11-04"),
        ("2h30m", "2026-11-11"),
        ("1h", "2026-11-18"),
    ] {
        j.ok(&["ride", dur, "--date", day]);
    }
    j.ok(&["criteria", "list"]);
    j.ok(&["criteria", "set", "k3", "pain <= 5"]);
    let plan = ["plan", "start", "back on the bike", "--hours", "2"];
    j.ok(&[&plan[..], &["--from", "2026-11-04"]].concat());
    for (inst, v, d) in [
        ("odi", "44", "2026-10-25"),
        ("odi", "32", "2026-11-20"),
        ("rmdq", "12", "2026-10-25"),
        ("rmdq", "8", "2026-11-20"),
        ("peg", "6.3", "2026-11-01"),
    ] {
        j.ok(&["score", "add", inst, v, "--date", d]);
    }
    j
}

#[test]
fn leg_pain_scores_and_the_plan_in_the_report_equal_stats_and_plan_json() {
    let j = journal();
    let out = j.dir.path().join("r.html");
    let rep = j.json(&["report", "--since", "5w", "-o", out.to_str().unwrap()]);
    let from = rep["from"].as_str().unwrap().to_string();
    let stats = j.json(&["stats", "--since", &from]);
    let plan = j.json(&["plan", "show"]);
    let f = &rep["figures"];
    assert_eq!(f["leg"], stats["leg"]);
    assert_eq!(f["scores"], stats["scores"]);
    assert_eq!(f["plan"], plan);

    let html = std::fs::read_to_string(&out).unwrap();
    // A small chart for each instrument with two or more scores (odi, rmdq), none for the
    // lone PEG; each names its instrument for screen readers.
    assert_eq!(html.matches(r#"<figure class="score">"#).count(), 2);
    assert!(html.contains("<title>Oswestry Disability Index (odi) from"));
    assert!(html.contains("<title>Roland-Morris (rmdq) from"));
    assert!(!html.contains("<title>PEG (peg)"));
    let doc = parse(&html).unwrap();
    let mut seen = Vec::new();
    for (key, text) in doc.stats() {
        let want = lookup(&stats, key);
        assert!(same(text, &want), "{key}: shows {text:?}, stats has {want}");
        seen.push(key.to_string());
    }
    let mut figs = Vec::new();
    for (key, text) in doc.figs() {
        let want = lookup(f, key);
        assert!(
            same(text, &want),
            "{key}: shows {text:?}, --json has {want}"
        );
        figs.push(key.to_string());
    }
    for key in [
        "leg.latest",
        "leg.mean7",
        "leg.days_logged",
        "leg.days_above_back",
    ] {
        assert!(seen.iter().any(|k| k == key), "no {key} in the report");
    }
    let n_scores = stats["scores"].as_array().unwrap().len();
    assert_eq!(n_scores, 3);
    for i in 0..n_scores {
        for k in ["first.value", "latest.value"] {
            let key = format!("scores.{i}.{k}");
            assert!(seen.contains(&key), "no {key} in the report");
        }
    }
    // Every finished week shows planned, done and its reason.
    let weeks = plan["weeks"].as_array().unwrap();
    for (i, w) in weeks.iter().enumerate() {
        for k in ["target", "done"] {
            assert!(
                figs.contains(&format!("plan.weeks.{i}.{k}")),
                "week {i} {k}"
            );
        }
        if w["reason"].is_string() {
            assert!(figs.contains(&format!("plan.weeks.{i}.reason")), "week {i}");
        }
    }
    assert!(weeks.iter().any(|w| w["reason"].is_string()));

    // "a meaningful change" only where stats says so: once, for the Oswestry's 12 points.
    let meaningful = stats["scores"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["meaningful_from_first"] == Value::Bool(true))
        .count();
    assert_eq!(meaningful, 1);
    assert_eq!(doc.text.matches("a meaningful change").count(), meaningful);
    assert!(doc.text.contains("below the minimal important change of 5"));
}

#[test]
fn a_report_without_leg_pain_scores_or_plan_has_no_such_section() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let out = j.dir.path().join("r.html");
    let rep = j.json(&["report", "-o", out.to_str().unwrap()]);
    assert!(rep["figures"]["plan"].is_null());
    let doc = parse(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(!doc.has_id("outcomes"));
    assert!(!doc.text.contains("Leg pain (0–10"));
    assert!(!doc.text.contains("Outcome scores"));
}
