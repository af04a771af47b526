//! Every figure in the report equals `stats --since` for the same range (the HTML is parsed
//! and each marked figure looked up in `stats --json`), and the report's own figures equal
//! its `--json` and counts taken from `list`.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::common::Journal;
use super::doc::parse;

/// `stats` figures the report must show (paths in `stats --json`).
const REQUIRED: &[&str] = &[
    "pain.mean7",
    "pain.baseline",
    "pain.latest",
    "pain.days_logged",
    "flares.len",
    "load.ctl",
    "load.atl",
    "load.tsb",
    "meds.opioid_days_7",
    "meds.opioid_days_30",
    "meds.opioid_streak",
    "meds.nsaid_streak",
    "meds.injections_12m",
    "rehab.week_sessions",
    "rehab.week_target",
    "rehab.adherence_4w",
    "psfs.score",
    "criteria.0.met",
    "criteria.0.value",
    "criteria.2.met",
];

/// Follows a dotted path; `len` on an array is its length.
pub fn lookup(v: &Value, path: &str) -> Value {
    let mut cur = v.clone();
    for part in path.split('.') {
        cur = match (&cur, part.parse::<usize>()) {
            (Value::Array(a), _) if part == "len" => Value::from(a.len()),
            (Value::Array(a), Ok(i)) => a.get(i).cloned().unwrap_or(Value::Null),
            (Value::Object(o), _) => o.get(part).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        };
    }
    cur
}

/// Whether the text shown equals the JSON value at the precision shown.
pub fn same(text: &str, want: &Value) -> bool {
    let t = text.replace('−', "-").replace('±', "");
    match want {
        Value::Null => t == "—",
        Value::Bool(b) => t == if *b { "met" } else { "not met" },
        Value::Number(n) => {
            let w = n.as_f64().unwrap_or(f64::NAN);
            if let Some(pct) = t.strip_suffix('%') {
                pct.parse::<f64>()
                    .is_ok_and(|p| (p / 100.0 - w).abs() < 0.005 + 1e-9)
            } else {
                let decimals = t.split('.').nth(1).map_or(0, str::len) as i32;
                let tol = 0.5 * 10f64.powi(-decimals) + 1e-9;
                t.parse::<f64>().is_ok_and(|v| (v - w).abs() <= tol)
            }
        }
        Value::String(s) => t == *s,
        _ => false,
    }
}

/// Every `data-stat` figure of `doc` against `stats`; returns the keys seen.
fn check_stats(doc: &super::doc::Doc, stats: &Value, from: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    for (key, text) in doc.stats() {
        let want = lookup(stats, key);
        assert!(
            same(text, &want),
            "{key}: the report shows {text:?}, stats --since {from} has {want}"
        );
        seen.insert(key.to_string());
    }
    seen
}

#[test]
fn an_earlier_until_equals_stats_as_of_that_day() {
    let j = Journal::new();
    j.ok(&["demo"]);
    let out = j.dir.path().join("r.html");
    let (from, until) = ("2026-03-02", "2026-05-24");
    let rep = j.json(&[
        "report",
        "--since",
        from,
        "--until",
        until,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        (rep["from"].as_str(), rep["to"].as_str()),
        (Some(from), Some(until))
    );
    let o = j
        .cmd()
        .env("BACKTRACK_TODAY", until)
        .args(["stats", "--since", from, "--json"])
        .output()
        .unwrap();
    let stats: Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc = parse(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let seen = check_stats(&doc, &stats, from);
    assert!(seen.len() >= REQUIRED.len(), "{seen:?}");
    // 12 weeks ending on --until.
    let r = j.json(&[
        "report",
        "--since",
        "12w",
        "--until",
        until,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r["from"], "2026-03-02");
    assert_eq!(r["figures"]["period"]["days"], 84);
}

fn demo_with_red_flag() -> Journal {
    let j = Journal::new();
    j.ok(&["demo"]);
    j.ok(&[
        "checkin",
        "7",
        "--date",
        "-9",
        "--red-flag",
        "saddle-numbness",
        "--note",
        "numb on the saddle",
    ]);
    j.ok(&["set", "name", "Alex Doe"]);
    j
}

#[test]
fn every_figure_equals_stats_since_for_the_same_range() {
    let j = demo_with_red_flag();
    let out = j.dir.path().join("r.html");
    let rep = j.json(&[
        "report",
        "--since",
        "12w",
        "--notes",
        "-o",
        out.to_str().unwrap(),
    ]);
    let from = rep["from"].as_str().unwrap().to_string();
    assert_eq!(rep["to"], super::common::TODAY);
    assert_eq!(rep["path"].as_str().unwrap(), out.to_str().unwrap());
    let stats = j.json(&["stats", "--since", &from]);
    let html = std::fs::read_to_string(&out).unwrap();
    let doc = parse(&html).unwrap();

    let mut seen = HashSet::new();
    for (key, text) in doc.stats() {
        let want = lookup(&stats, key);
        assert!(
            same(text, &want),
            "{key}: the report shows {text:?}, stats --since {from} has {want}"
        );
        seen.insert(key.to_string());
    }
    for key in REQUIRED {
        assert!(seen.contains(*key), "the report does not show {key}");
    }
    // All criteria are shown, each with its result.
    // A criterion with no figure says "not enough data", never "not met".
    let criteria = stats["criteria"].as_array().unwrap();
    for (i, c) in criteria.iter().enumerate() {
        assert_eq!(
            seen.contains(&format!("criteria.{i}.met")),
            !c["value"].is_null(),
            "criterion {i}"
        );
    }
    let no_data = criteria.iter().filter(|c| c["value"].is_null()).count();
    assert!(doc.text.matches("not enough data").count() >= no_data);

    // The report's own figures are its --json's.
    let figures = &rep["figures"];
    let mut n_figs = 0;
    for (key, text) in doc.figs() {
        let want = lookup(figures, key);
        assert!(
            same(text, &want),
            "{key}: the HTML shows {text:?}, --json has {want}"
        );
        n_figs += 1;
    }
    assert!(n_figs >= 15, "only {n_figs} report figures are marked");
    assert_eq!(figures["pain"]["mean7"], stats["pain"]["mean7"]);
    assert_eq!(
        figures["flares"]["count"],
        Value::from(stats["flares"].as_array().unwrap().len())
    );

    // Every association sentence of `stats --since` is in the report, word for word.
    let text = j.ok(&["stats", "--since", &from]);
    let assoc: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Associations"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim().trim_start_matches("Most notable: "))
        .collect();
    assert!(assoc.len() >= 5, "{text}");
    // Word for word as `stats` words them (SPEC §12), chance words whole.
    for s in assoc {
        assert!(
            doc.text.contains(s),
            "association missing from the report: {s}"
        );
    }
    // Each event's before and after, word for word as `stats` says it, chance words whole.
    let events: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Before and after events"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    assert!(!events.is_empty(), "{text}");
    let section = &doc.text[doc.text.find("Before and after events").unwrap()..];
    // (`stats --since` on 12 weeks leaves an event's chance words off where the report, from
    // the whole history, has them: the facts before them must match.)
    for s in events {
        let fact = s.split(';').next().unwrap().trim_end_matches('.');
        assert!(section.contains(fact), "event missing from the report: {s}");
    }

    // The push-through comparison is shown only with its adjustment.
    assert_eq!(
        doc.text.contains("Pushing through: "),
        !stats["push_through"]["adjusted"].is_null()
    );
    // The key to the training figures states the day-before convention.
    assert!(
        doc.text
            .contains("TSB (form) = CTL − ATL of the day before")
    );
}

#[test]
fn report_figures_match_the_listed_records() {
    let j = demo_with_red_flag();
    let out = j.dir.path().join("r.html");
    let rep = j.json(&["report", "--since", "12w", "-o", out.to_str().unwrap()]);
    let f = &rep["figures"];
    let from = rep["from"].as_str().unwrap();
    let checkins = j.json(&["list", "checkins", "--since", from]);
    let checkins = checkins.as_array().unwrap();
    assert_eq!(f["period"]["days_logged"], Value::from(checkins.len()));
    let pain_free = checkins.iter().filter(|c| c["pain"] == 0).count();
    assert_eq!(f["pain"]["pain_free_days"], Value::from(pain_free));
    let flagged: Vec<&str> = checkins
        .iter()
        .filter(|c| !c["red_flags"].as_array().unwrap().is_empty())
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    let reported: Vec<&str> = f["red_flag_days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(reported, flagged);

    let doses = j.json(&["list", "doses", "--since", from]);
    for m in f["meds"]["medications"].as_array().unwrap() {
        let name = m["medication"].as_str().unwrap();
        let days: BTreeSet<&str> = doses
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["medication"] == name)
            .map(|d| &d["taken_at"].as_str().unwrap()[..10])
            .collect();
        assert_eq!(m["days_used"], Value::from(days.len()), "{name}");
    }
    let acts = j.json(&["list", "activities", "--since", from]);
    let stopped = acts
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["stopped_for_pain"] == true)
        .count();
    assert_eq!(
        f["training"]["stopped_for_pain"].as_array().unwrap().len(),
        stopped
    );
    assert_eq!(
        f["training"]["sessions"],
        Value::from(acts.as_array().unwrap().len())
    );
}
