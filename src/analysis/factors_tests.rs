//! Tests of the other factors: tags and workdays, sleep, sitting and medication classes, on
//! fixtures worked by hand.

use super::*;
use crate::analysis::pain::pain_series;
use crate::domain::records::{Checkin, Dose};
use chrono::Duration;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Days 1–8 of Jan 2024, pain 2, 6, 3, 7, 2, 6, 3, 2; days 2, 4, 6 tagged shoveling and
/// with an NSAID; days 1–5 workdays, 6–8 days off.
fn fixture() -> (JournalData, DayIndex, DaySeries<Option<f64>>) {
    let mut data = JournalData::default();
    for (k, p) in [2u8, 6, 3, 7, 2, 6, 3, 2].into_iter().enumerate() {
        let date = d("2024-01-01") + Duration::days(k as i64);
        let shovel = k % 2 == 1 && k < 6;
        data.checkins.push(Checkin {
            date,
            pain: p,
            tags: if shovel {
                vec!["shoveling".into()]
            } else {
                vec![]
            },
            workday: Some(k < 5),
            sleep_hours: None,
            ..Default::default()
        });
        if shovel {
            for _ in 0..2 {
                data.doses.push(Dose {
                    id: 0,
                    uuid: String::new(),
                    taken_at: date.and_hms_opt(8, 0, 0).unwrap(),
                    medication_id: 1,
                    medication: "ibuprofen".into(),
                    class: MedClass::Nsaid,
                    unit: "mg".into(),
                    amount: 400.0,
                    pain_before: None,
                    note: None,
                });
            }
        }
    }
    let ix = DayIndex::new(&data, d("2024-01-08"));
    let pain = pain_series(&data.checkins, ix.start, ix.end);
    (data, ix, pain)
}

#[test]
fn tags_and_workday_at_lag_0_and_1() {
    let (data, ix, pain) = fixture();
    let t = tag_assocs(&data, &ix, &pain, None, 3);
    let got: Vec<_> = t
        .iter()
        .map(|a| {
            (
                a.tag.as_str(),
                a.lag,
                a.with_mean,
                a.without_mean,
                a.n_with,
                a.n_without,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // 6, 7, 6 → 6.3 against 2, 3, 2, 3, 2 → 2.4.
            ("shoveling", 0, 6.3, 2.4, 3, 5),
            // Next days 3, 2, 3 → 2.7 against 6, 7, 6, 2 → 5.25 → 5.3.
            ("shoveling", 1, 2.7, 5.3, 3, 4),
            // Workdays 2, 6, 3, 7, 2 → 4.0 against 6, 3, 2 → 3.7. Lag 1 has 2 days off: left out.
            ("workday", 0, 4.0, 3.7, 5, 3),
        ]
    );
    assert_eq!(
        t[0].verdict.fact,
        "On days tagged shoveling, pain was 6.3 against 2.4 on other days (3 vs 5 days)"
    );
    assert_eq!(
        t[1].verdict.fact,
        "On days after shoveling, pain was 2.7 against 5.3 after other days (3 vs 4 days)"
    );
    // Needing 4 per group: 3 shoveling days and 3 days off are too few.
    assert!(tag_assocs(&data, &ix, &pain, None, 4).is_empty());
}

#[test]
fn medication_class_with_and_without() {
    let (data, ix, pain) = fixture();
    let m = med_assocs(&data, &ix, &pain, None, 3);
    assert_eq!(m.len(), 1);
    // Two doses a day count the day once: 3 days with, 5 without.
    assert_eq!(
        (
            m[0].with_mean,
            m[0].without_mean,
            m[0].n_with,
            m[0].n_without
        ),
        (6.3, 2.4, 3, 5)
    );
    assert_eq!(
        m[0].verdict.fact,
        "On days with any nsaid dose, pain was 6.3 against 2.4 on days without (3 vs 5 days)"
    );
    assert_eq!(m[0].verdict.caveat.as_deref(), Some(MED_CAVEAT));
}

#[test]
fn sleep_against_next_day_pain() {
    let mut data = JournalData::default();
    // 15 days: sleep falls 9.0, 8.8, ... while pain rises 0, 1, ... : 14 pairs, ρ = −1.
    for k in 0..15i64 {
        data.checkins.push(Checkin {
            date: d("2024-01-01") + Duration::days(k),
            pain: k.min(10) as u8,
            sleep_hours: Some(9.0 - 0.2 * k as f64),
            sitting_hours: Some(if k % 2 == 0 { 8.0 } else { 2.0 }),
            ..Default::default()
        });
    }
    let ix = DayIndex::new(&data, d("2024-01-15"));
    let pain = pain_series(&data.checkins, d("2024-01-01"), d("2024-01-15"));
    let s = sleep_assoc(&data, &ix, &pain, None, 14);
    assert_eq!(s.n, 14);
    // Pain ties at 10 for the last days, so ρ is just above −1.
    let r = s.spearman.unwrap();
    assert!((-1.0..-0.95).contains(&r), "{r}");
    assert!(
        s.verdict
            .fact
            .starts_with("Next-day pain was lower after more sleep (rank correlation -0.9")
    );
    let s = sleep_assoc(&data, &ix, &pain, Some(d("2024-01-02")), 14);
    assert_eq!((s.n, s.spearman), (13, None));
    assert_eq!(
        s.verdict.fact,
        "Sleep and next-day pain: not enough data (13 days; needs 14)"
    );
    // Sitting alternates 8 h and 2 h while pain climbs: about the same either way, in the
    // same form as sleep, the same day and the next.
    let s = sitting_assocs(&data, &ix, &pain, None, 14);
    assert_eq!((s[0].lag, s[0].n, s[1].lag, s[1].n), (0, 15, 1, 14));
    assert!(
        s[0].verdict
            .fact
            .starts_with("Same-day pain was about the same whatever the sitting (rank correlation"),
        "{}",
        s[0].verdict.fact
    );
    assert_eq!(s[1].verdict.what, "sitting lag 1");
}

#[test]
fn sitting_with_more_pain() {
    let mut data = JournalData::default();
    for k in 0..20i64 {
        data.checkins.push(Checkin {
            date: d("2024-01-01") + Duration::days(k),
            pain: (k % 5) as u8 + 2,
            sitting_hours: Some((k % 5) as f64 * 2.0),
            ..Default::default()
        });
    }
    let ix = DayIndex::new(&data, d("2024-01-20"));
    let pain = pain_series(&data.checkins, d("2024-01-01"), d("2024-01-20"));
    let s = sitting_assocs(&data, &ix, &pain, None, 14);
    assert_eq!(s[0].spearman, Some(1.0));
    assert_eq!(
        s[0].verdict.fact,
        "Same-day pain was higher with more sitting (rank correlation 1.00, 20 days)"
    );
    // The next day's pain is one step up the cycle (3, 4, 5, 6, then 2): slightly higher.
    assert_eq!(
        s[1].verdict.fact,
        "Next-day pain was slightly higher after more sitting (rank correlation 0.17, 19 days)"
    );
}
