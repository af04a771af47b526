//! Medication safety and rides on the clinical journal: over-limit days with amounts, NSAID
//! and opioid runs with their dates and the medication table against `list doses --all`, and
//! rides grouped by the pain during them against `list activities --all`.

use std::collections::BTreeSet;

use serde_json::Value;

use super::clinical::{clinical_journal, report};

#[test]
fn medication_safety_equals_the_listed_doses_with_dates_and_amounts() {
    let j = clinical_journal();
    let (v, doc) = report(&j, &[]);
    let m = &v["figures"]["meds"];
    let doses = j.json(&["list", "doses", "--all"]);
    // Each medication's daily totals from the list, against its limit.
    let mut want: Vec<(String, String, f64)> = Vec::new();
    for (name, limit) in [("ibuprofen", 1200.0), ("paracetamol", 3000.0)] {
        let mut by_day = std::collections::BTreeMap::<String, f64>::new();
        for d in doses
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["medication"] == name)
        {
            *by_day
                .entry(d["taken_at"].as_str().unwrap()[..10].to_string())
                .or_default() += d["amount"].as_f64().unwrap();
        }
        want.extend(
            by_day
                .into_iter()
                .filter(|(_, t)| *t > limit)
                .map(|(d, t)| (d, name.to_string(), t)),
        );
    }
    want.sort_by(|a, b| a.0.cmp(&b.0));
    let got: Vec<(String, String, f64)> = m["over_max_days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["date"].as_str().unwrap().to_string(),
                o["medication"].as_str().unwrap().to_string(),
                o["amount"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(got.len(), 2);
    // Runs: the NSAID days and the opioid days from the list, as consecutive stretches.
    let class_days = |class: &str| -> BTreeSet<String> {
        doses
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["class"] == class)
            .map(|d| d["taken_at"].as_str().unwrap()[..10].to_string())
            .collect()
    };
    let nsaid = class_days("nsaid");
    let runs = m["runs"].as_array().unwrap();
    let run = |class: &str| runs.iter().find(|r| r["class"] == class).unwrap();
    let n = run("nsaid");
    assert_eq!(n["days"], Value::from(nsaid.len()));
    assert_eq!(n["from"].as_str(), nsaid.first().map(String::as_str));
    assert_eq!(n["to"].as_str(), nsaid.last().map(String::as_str));
    assert_eq!(n["flagged"], true, "12 days is past the alert of 10");
    let o = run("opioid");
    assert_eq!(
        (o["days"].as_u64(), o["flagged"].as_bool()),
        (Some(3), Some(true))
    );
    assert_eq!(m["flagged_runs"], 2);
    assert_eq!(
        m["acetaminophen_days"],
        Value::from(class_days("acetaminophen").len())
    );
    // Page 1 names each over-limit day with its amount, and each flagged run with its dates.
    assert!(
        doc.text
            .contains("2026-11-05 ibuprofen 1600 mg (limit 1200)"),
        "{}",
        doc.text
    );
    assert!(
        doc.text
            .contains("2026-11-15 paracetamol 4000 mg (limit 3000)")
    );
    assert!(
        doc.text
            .contains("NSAID 12 days 2026-11-01 to 2026-11-12 (alert at 10)")
    );
    // The table: the limit beside the most taken in a day and the mean on days used.
    let ibu = m["medications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["medication"] == "ibuprofen")
        .unwrap();
    assert_eq!(ibu["most_in_a_day"], 1600.0);
    assert_eq!(ibu["most_in_a_day_date"], "2026-11-05");
    // 12 days: 11 × 400 + 1600 = 6000 mg, 500 a day.
    assert_eq!(ibu["mean_per_day_used"], 500.0);
    assert_eq!(ibu["regimen"], "400 mg as needed");
    assert!(doc.text.contains("Daily limit") && doc.text.contains("Most taken in a day"));
    assert!(!doc.text.contains("Max daily total"));
}

#[test]
fn rides_are_grouped_by_the_pain_during_them() {
    let j = clinical_journal();
    j.ok(&[
        "ride",
        "2h",
        "--rpe",
        "6",
        "--date",
        "-9",
        "--pain-during",
        "8",
        "--stopped-for-pain",
    ]);
    j.ok(&["ride", "45m", "--rpe", "3", "--date", "-4"]);
    let (v, doc) = report(&j, &[]);
    let acts = j.json(&["list", "activities", "--all"]);
    let bands = v["figures"]["ride_pain"]["bands"].as_array().unwrap();
    let band = |lo: u64, hi: u64| {
        acts.as_array()
            .unwrap()
            .iter()
            .filter(|a| {
                a["pain_during"]
                    .as_u64()
                    .is_some_and(|p| (lo..=hi).contains(&p))
            })
            .count()
    };
    assert_eq!(bands[0]["rides"], Value::from(band(0, 3)));
    assert_eq!(bands[1]["rides"], Value::from(band(4, 6)));
    assert_eq!(bands[2]["rides"], Value::from(band(7, 10)));
    assert_eq!(
        (
            bands[2]["rides"].as_u64(),
            bands[2]["stopped_for_pain"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(bands[3]["rides"], 1, "the ride without pain logged");
    assert!(
        doc.text.contains("Rides in the period: 3 rides."),
        "{}",
        doc.text
    );
}
