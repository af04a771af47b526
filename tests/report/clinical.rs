//! Page 1's clinical figures against counts taken from `list --all --json` on a built journal
//! (leg, below-knee, neuro and night days, worst pain, PSFS activities), every note in the
//! `--notes` appendix, and criteria with no data; the journal is shared with `meds`.

use serde_json::Value;

use super::common::Journal;
use super::doc::parse;

/// 28 days ending today (2026-11-23): leg symptoms in the middle, a 12-day NSAID run with one
/// day over its limit, a 3-day opioid run, a 4,000 mg acetaminophen day, PSFS activities, a
/// night note and notes on a ride, a dose and an event.
pub fn clinical_journal() -> Journal {
    let j = Journal::new();
    for k in 0..28 {
        let day = format!("-{}", 27 - k);
        let pain = if (10..16).contains(&k) { 7 } else { 3 };
        let mut a: Vec<String> = vec!["checkin".into(), pain.to_string(), "--date".into(), day];
        a.extend(["--worst".into(), (pain + 1).to_string()]);
        match k {
            10..=13 => a.extend(["--where".into(), "low-back,below-knee-left".into()]),
            14 | 15 => a.extend(["--where".into(), "thigh-right".into()]),
            _ => a.extend(["--where".into(), "low-back".into()]),
        }
        if (11..=14).contains(&k) {
            a.extend(["--feels".into(), "sharp,tingling".into()]);
        }
        if k == 20 {
            a.extend(["--feels".into(), "numbness".into()]);
        }
        if k == 12 {
            a.extend(["--note".into(), "woke up at 4 with it".into()]);
        }
        if k == 18 {
            a.extend(["--tag".into(), "night-pain".into()]);
        }
        if k == 5 {
            a.extend(["--note".into(), "knightly duties, no pain".into()]);
        }
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        j.ok(&a);
    }
    let add = |name: &str, class: &str, dose: &str, max: &str| {
        j.ok(&[
            "med",
            "add",
            name,
            "--class",
            class,
            "--dose",
            dose,
            "--max-daily",
            max,
        ]);
    };
    add("ibuprofen", "nsaid", "400", "1200");
    add("paracetamol", "acetaminophen", "1000", "3000");
    add("tramadol", "opioid", "50", "400");
    let take = |name: &str, at: &str, amount: &str, force: bool, note: Option<&str>| {
        let mut a = vec!["med", "take", name, amount, "--at", at];
        if force {
            a.push("--force");
        }
        if let Some(n) = note {
            a.extend(["--note", n]);
        }
        j.ok(&a);
    };
    // Ibuprofen every day 2026-11-01..12 (12 days, past the default alert of 10), 1600 mg on
    // 11-05.
    for d in 1..=12 {
        take(
            "ibuprofen",
            &format!("2026-11-{d:02} 08:00"),
            "400",
            false,
            None,
        );
    }
    for h in ["12:00", "16:00"] {
        take("ibuprofen", &format!("2026-11-05 {h}"), "400", false, None);
    }
    take(
        "ibuprofen",
        "2026-11-05 20:00",
        "400",
        true,
        Some("bad night"),
    );
    // Paracetamol 4 × 1000 mg on 11-15, once on 11-16.
    for h in ["06:00", "10:00", "14:00"] {
        take(
            "paracetamol",
            &format!("2026-11-15 {h}"),
            "1000",
            false,
            None,
        );
    }
    take("paracetamol", "2026-11-15 22:00", "1000", true, None);
    take("paracetamol", "2026-11-16 08:00", "1000", false, None);
    // Tramadol three days running (the default opioid run alert is 3).
    for d in 17..=19 {
        take("tramadol", &format!("2026-11-{d} 21:00"), "50", false, None);
    }
    j.ok(&["psfs", "set", "lift my kid", "2", "--date", "-20"]);
    j.ok(&["psfs", "set", "lift my kid", "5", "--date", "-2"]);
    j.ok(&["psfs", "set", "sit through a meeting", "4", "--date", "-2"]);
    j.ok(&[
        "ride",
        "1h",
        "--rpe",
        "5",
        "--date",
        "-6",
        "--pain-during",
        "6",
        "--note",
        "hurt on the climbs",
    ]);
    j.ok(&[
        "event",
        "add",
        "doctor",
        "GP visit",
        "--date",
        "-3",
        "--note",
        "referred to physio",
    ]);
    j.ok(&["criteria", "add", "hard-next-day 3 <= 1"]);
    j
}

pub fn report(j: &Journal, extra: &[&str]) -> (Value, super::doc::Doc) {
    let out = j.dir.path().join("c.html");
    let mut a = vec!["report", "--since", "4w", "-o", out.to_str().unwrap()];
    a.extend(extra);
    let v = j.json(&a);
    let doc = parse(&std::fs::read_to_string(&out).unwrap()).unwrap();
    (v, doc)
}

/// Dates of the listed check-ins for which `pick` holds.
fn days(checkins: &[Value], pick: impl Fn(&Value) -> bool) -> Vec<String> {
    let mut d: Vec<String> = checkins
        .iter()
        .filter(|c| pick(c))
        .map(|c| c["date"].as_str().unwrap().to_string())
        .collect();
    d.sort();
    d
}

fn has(c: &Value, key: &str, words: &[&str]) -> bool {
    c[key]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| words.contains(&w.as_str().unwrap()))
}

fn same_days(set: &Value, want: &[String]) {
    assert_eq!(set["days"], Value::from(want.len()), "{set}");
    assert_eq!(set["first"].as_str(), want.first().map(String::as_str));
    assert_eq!(set["last"].as_str(), want.last().map(String::as_str));
}

#[test]
fn symptom_figures_equal_counts_from_the_listed_check_ins() {
    let j = clinical_journal();
    let (v, doc) = report(&j, &[]);
    let s = &v["figures"]["symptoms"];
    let all = j.json(&["list", "checkins", "--all"]);
    let c = all.as_array().unwrap();
    let legs = [
        "thigh-left",
        "thigh-right",
        "below-knee-left",
        "below-knee-right",
    ];
    same_days(&s["leg_days"], &days(c, |c| has(c, "locations", &legs)));
    same_days(
        &s["below_knee_days"],
        &days(c, |c| has(c, "locations", &legs[2..])),
    );
    let neuro = ["numbness", "tingling", "weakness"];
    same_days(&s["neuro_days"], &days(c, |c| has(c, "character", &neuro)));
    let night = days(c, |c| {
        c["note"].as_str().is_some_and(|n| n.contains("woke"))
            || c["tags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t == "night-pain")
    });
    assert_eq!(night.len(), 2, "the note and the tag; not 'knightly'");
    same_days(&s["night_days"], &night);
    let worst = c.iter().map(|c| c["worst_pain"].as_u64().unwrap()).max();
    assert_eq!(s["worst_pain"].as_u64(), worst);
    let p7 = c.iter().filter(|c| c["pain"].as_u64() >= Some(7)).count();
    assert_eq!(s["days_pain_7"], Value::from(p7));
    // Page 1 says it in words, with the dates.
    // (The parsed text puts a space where an element ends.)
    let text = doc.text.replace(" )", ")");
    assert!(
        text.contains("Below the knee: 4 days (2026-11-06 to 2026-11-09)"),
        "{text}"
    );
    assert!(text.contains("— numbness 1, tingling 4"), "{text}");
    assert!(text.contains("Night pain (notes or tags naming the night): 2 days"));
}

#[test]
fn psfs_activities_are_named_with_first_and_latest_scores() {
    let j = clinical_journal();
    let (v, doc) = report(&j, &[]);
    let items = v["figures"]["psfs"]["items"].as_array().unwrap();
    let listed = j.json(&["psfs", "list"]);
    assert_eq!(items.len(), listed.as_array().unwrap().len());
    for (item, l) in items.iter().zip(listed.as_array().unwrap()) {
        assert_eq!(item["name"], l["name"]);
        let r = l["ratings"].as_array().unwrap();
        let first = &r[0];
        let last = &r[r.len() - 1];
        assert_eq!(
            item["first"],
            serde_json::json!([first["date"], first["score"]])
        );
        assert_eq!(
            item["latest"],
            serde_json::json!([last["date"], last["score"]])
        );
    }
    assert!(
        doc.text.contains("lift my kid 2 2026-11-03 5 2026-11-21"),
        "{}",
        doc.text
    );
}

#[test]
fn notes_appendix_holds_every_note_in_date_order() {
    let j = clinical_journal();
    let (_, doc) = report(&j, &["--notes"]);
    let text = &doc.text[doc.text.find("Notes in the period").expect("appendix")..];
    let order = [
        "knightly duties, no pain",
        "bad night",
        "woke up at 4 with it",
        "hurt on the climbs",
        "referred to physio",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("{n} missing")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn criteria_without_data_say_not_enough_data() {
    let j = clinical_journal();
    let (_, doc) = report(&j, &[]);
    let crit = &doc.text[doc.text.find("return-to-training criteria").unwrap()..];
    // The rule with no figure: a dash for the value and "not enough data" as the result.
    assert!(crit.contains("— not enough data"), "{crit}");
    assert!(!crit.contains("— not met"), "{crit}");
}
