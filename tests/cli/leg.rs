//! Leg pain (issue 23, SPEC §14): `checkin --leg`, its range, `stats` figures that equal a
//! count from `list --all --json`, the criteria word and the export round trip.

use serde_json::Value;

use super::common::Journal;

/// A week of back pain 3 with leg pain 1, 4, 2, 5, 3 (and a day without leg pain).
fn week(j: &Journal) {
    for (d, pain, leg) in [
        ("2026-11-17", "3", Some("1")),
        ("2026-11-18", "3", Some("4")),
        ("2026-11-19", "3", None),
        ("2026-11-20", "3", Some("2")),
        ("2026-11-21", "3", Some("5")),
        ("2026-11-22", "3", Some("3")),
        ("2026-11-23", "4", Some("5")),
    ] {
        let mut a = vec!["checkin", pain, "--date", d];
        if let Some(l) = leg {
            a.extend(["--leg", l]);
        }
        j.ok(&a);
    }
}

#[test]
fn checkin_leg_is_stored_confirmed_and_listed() {
    let j = Journal::new();
    let out = j.ok(&["checkin", "3", "--leg", "6", "--worst", "5"]);
    assert!(out.contains("pain 3, worst 5, leg 6"), "{out}");
    let rows = j.json(&["list", "checkins", "--all"]);
    assert_eq!(rows[0]["leg_pain"], 6);
    // A second log for the day keeps the leg pain it did not give.
    j.ok(&["checkin", "2"]);
    assert_eq!(j.json(&["list", "checkins", "--all"])[0]["leg_pain"], 6);
    let info = j.ok(&["info", "c1"]);
    assert!(info.contains("leg pain           6"), "{info}");
    // `edit --leg` changes it.
    j.ok(&["edit", "c1", "--leg", "1"]);
    assert_eq!(j.json(&["list", "checkins", "--all"])[0]["leg_pain"], 1);
}

#[test]
fn leg_out_of_range_is_refused_naming_the_field_and_nothing_is_written() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let before = j.export();
    for bad in ["11", "-1", "2.5", "x"] {
        let err = j.fails(&["checkin", "3", "--leg", bad], 2);
        assert!(err.contains("leg") && err.contains("0–10"), "{bad}: {err}");
        let err = j.fails(&["edit", "c1", "--leg", bad], 2);
        assert!(err.contains("leg"), "{bad}: {err}");
    }
    assert_eq!(j.export(), before);
}

#[test]
fn stats_leg_figures_equal_a_count_from_the_list() {
    let j = Journal::new();
    week(&j);
    let rows = j.json(&["list", "checkins", "--all"]);
    let rows = rows.as_array().unwrap();
    let with_leg: Vec<&Value> = rows.iter().filter(|r| !r["leg_pain"].is_null()).collect();
    let above = with_leg
        .iter()
        .filter(|r| r["leg_pain"].as_i64() > r["pain"].as_i64())
        .count();
    let last7: Vec<f64> = with_leg
        .iter()
        .filter(|r| r["date"].as_str().unwrap() >= "2026-11-17")
        .map(|r| r["leg_pain"].as_f64().unwrap())
        .collect();
    let mean = last7.iter().sum::<f64>() / last7.len() as f64;
    let st = j.json(&["stats"]);
    let leg = &st["leg"];
    assert_eq!(leg["days_logged"], with_leg.len() as u64);
    assert_eq!(leg["days_above_back"], above as u64);
    assert_eq!((above, with_leg.len()), (3, 6), "4 > 3, 5 > 3, 5 > 4");
    assert_eq!(leg["mean7"].as_f64(), Some((mean * 10.0).round() / 10.0));
    assert_eq!(leg["latest"], 5.0);
    let text = j.ok(&["stats"]);
    assert!(
        text.contains("Leg pain: latest 5, 7-day mean 3.3; above back pain on 3 of 6 days logged."),
        "{text}"
    );
    // `--since` counts from that day.
    let st = j.json(&["stats", "--since", "2026-11-21"]);
    assert_eq!(st["leg"]["days_logged"], 3);
    assert_eq!(st["leg"]["days_above_back"], 2);
}

#[test]
fn leg_pain_mean7_is_a_criterion() {
    let j = Journal::new();
    week(&j);
    j.ok(&["criteria", "add", "leg pain mean7 <= 2"]);
    j.ok(&["criteria", "add", "leg pain <= 5"]);
    let list = j.ok(&["criteria", "list"]);
    assert!(list.contains("7-day mean leg pain ≤ 2"), "{list}");
    assert!(
        list.contains("7-day mean leg pain 3.3, 6 days logged"),
        "{list}"
    );
    let crit = j.json(&["stats"])["criteria"].clone();
    let find = |rule: &str| {
        crit.as_array()
            .unwrap()
            .iter()
            .find(|c| c["rule"] == rule)
            .cloned()
            .unwrap_or_else(|| panic!("{rule} in {crit}"))
    };
    assert_eq!(find("leg pain mean7 <= 2")["met"], false);
    assert_eq!(find("leg pain mean7 <= 2")["value"], 3.3);
    assert_eq!(find("leg pain <= 5")["met"], true);
    let err = j.fails(&["criteria", "add", "leg mean7 <= 2"], 2);
    assert!(err.contains("leg pain mean7 <= N"), "{err}");
}

#[test]
fn leg_pain_survives_export_and_import() {
    let j = Journal::new();
    week(&j);
    let out = j.dir.path().join("e.json");
    j.ok(&["export", "--format", "json", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"leg_pain\": 5"), "{text}");
    let k = Journal::new();
    k.ok(&["import", out.to_str().unwrap()]);
    assert_eq!(k.export(), j.export());
    // A tampered leg pain is refused by name.
    let bad = text.replacen("\"leg_pain\": 5", "\"leg_pain\": 12", 1);
    let path = j.dir.path().join("bad.json");
    std::fs::write(&path, bad).unwrap();
    let m = Journal::new();
    let err = m.fails(&["import", path.to_str().unwrap()], 2);
    assert!(err.contains("checkins.leg_pain"), "{err}");
}
