//! Tests of the words of `stats`: exact sentences of the text form, and the chance words and
//! notable line in the text and the JSON.

use chrono::Duration;

use super::data::JournalData;
use super::stats::stats;
use super::stats_tests::{d, journal};
use super::stats_text::stats_text;
use crate::domain::records::Checkin;

#[test]
fn text_words_are_exact() {
    // 28 days of pain 3, then a week of 3, 3, 3, 2, 2, 2, 0: mean7 = 15 / 7 = 2.14 against a
    // baseline of 3.0 is 0.86 points (29 %), not a meaningful change, although the rounded
    // 2.1 would be 0.9 (30 %). No training: form and ramp are 0.0, not "+0.0".
    let today = d("2024-03-31");
    let mut data = JournalData::default();
    let week = [3, 3, 3, 2, 2, 2, 0];
    for k in 0..35 {
        data.checkins.push(Checkin {
            date: today - Duration::days(34 - k),
            pain: if k < 28 { 3 } else { week[k as usize - 28] },
            ..Default::default()
        });
    }
    let st = stats(&data, today, None);
    assert_eq!((st.pain.mean7, st.pain.baseline), (Some(2.1), Some(3.0)));
    assert_eq!(st.pain.change, None);
    let text = stats_text(&st);
    assert!(!text.contains("meaningful"), "{text}");
    assert!(
        text.contains("pain-free streak 1 day; 35 days logged"),
        "{text}"
    );
    assert!(
        text.contains("form (TSB) 0.0, ramp 0.0 in 7 days"),
        "{text}"
    );
    assert!(
        text.contains(
            "  Nothing stands out yet (35 days logged): no pattern is both large enough and \
             unlikely to be chance.\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("opioid run 0 days; NSAID run 0 days"),
        "{text}"
    );
    assert!(!text.contains("-0.0") && !text.contains("+0.0"), "{text}");
    // One point lower on the last day: 14 / 7 = 2.0 is 1.0 below 3.0 (33 %): meaningful.
    data.checkins[33].pain = 1;
    let st = stats(&data, today, None);
    assert!((st.pain.change.unwrap() + 1.0).abs() < 1e-12);
    assert!(
        stats_text(&st)
            .contains("the 7-day mean is 1.0 points below baseline: a meaningful change"),
        "{}",
        stats_text(&st)
    );
}

#[test]
fn notable_and_chance_words_in_the_text_and_json() {
    // A year with next-day pain 2 points higher after rides above 120 TSS (planted).
    let today = d("2024-06-30");
    let st = stats(&journal(365, today), today, None);
    let v = serde_json::to_value(&st).unwrap();
    let text = stats_text(&st);
    let notable = st.notable.as_ref().expect("the planted effect stands out");
    assert!(notable.p_holm <= 0.05, "{notable:?}");
    assert_eq!(v["notable"]["sentence"], notable.sentence);
    assert!(
        text.contains(&format!("  Most notable: {}\n", notable.sentence)),
        "{text}"
    );
    // Each association has p beside its n in JSON, and the words in its sentence.
    let lag1 = &v["load_pain"][1];
    assert!(lag1["p_holm"].as_f64().unwrap() <= 0.05, "{lag1}");
    assert!(
        lag1["p"].as_f64().unwrap() <= lag1["p_holm"].as_f64().unwrap(),
        "{lag1}"
    );
    assert!(
        st.load_pain[1].verdict.sentence.ends_with(&format!(
            "unlikely to be chance (adjusted {}).",
            crate::analysis::chance::p_text(lag1["p_holm"].as_f64().unwrap())
        )),
        "{}",
        st.load_pain[1].verdict.sentence
    );
    assert!(
        text.contains("could well be chance (adjusted p = "),
        "{text}"
    );
    // Medication days carry the confounding caveat.
    let med = &st.med_days[0];
    assert!(
        med.verdict
            .sentence
            .ends_with("Doses tend to be taken on worse days, so a difference here is not the medicine's effect."),
        "{}",
        med.verdict.sentence
    );
    // Doses follow the day's pain: shown, never tested for chance.
    assert!(v["med_days"][0]["p"].is_null());
    // The family: every tested association, and Holm never lowers a p.
    let tested: Vec<_> = super::stats::verdicts(&st)
        .into_iter()
        .filter(|x| x.p.is_some())
        .collect();
    assert_eq!(tested.len(), st.tested);
    assert!(tested.iter().all(|x| x.p_holm.unwrap() >= x.p.unwrap()));
}
