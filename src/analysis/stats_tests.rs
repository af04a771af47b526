//! Tests of `stats` as a whole: the stable JSON keys of SPEC §7.4, figures on a small journal
//! worked by hand, and ten years of data in one pass.

use chrono::{Duration, NaiveDate};
use serde_json::Value;

use super::criteria::DEFAULT_CRITERIA;
use super::data::JournalData;
use super::stats::{most_notable, stats};
use super::stats_text::stats_text;
use crate::domain::records::{Activity, Checkin, Criterion, Dose};
use crate::domain::vocab::{ActivityKind, MedClass, RedFlag};

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

/// A small deterministic pseudo-random stream (no dependency needed for fixtures).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `days` days ending `today`: a check-in most days, a ride on ~70% of days with 40–160 TSS,
/// and pain the day after a ride above 120 TSS two points higher (planted), a dose at 8 and
/// at 20 each on 60 % of days.
pub(super) fn journal(days: i64, today: NaiveDate) -> JournalData {
    let mut r = Lcg(7);
    let mut data = JournalData::default();
    let start = today - Duration::days(days - 1);
    let mut hard_yesterday = false;
    for k in 0..days {
        let date = start + Duration::days(k);
        let pain = (2.0 + r.next() * 2.0 + if hard_yesterday { 2.0 } else { 0.0 }).round() as u8;
        if r.next() < 0.95 {
            data.checkins.push(Checkin {
                date,
                pain,
                sleep_hours: Some(6.0 + (r.next() * 20.0).round() / 10.0),
                sitting_hours: Some((r.next() * 100.0).round() / 10.0),
                workday: Some(k % 7 < 5),
                tags: if r.next() < 0.05 {
                    vec!["shoveling".into()]
                } else {
                    vec![]
                },
                ..Default::default()
            });
        }
        hard_yesterday = false;
        if r.next() < 0.7 {
            let tss = 40.0 + (r.next() * 120.0).round();
            let mut a = Activity::new(
                ActivityKind::Ride,
                date.and_hms_opt(17, 0, 0).unwrap(),
                3600 + (tss as u32) * 30,
            );
            a.tss = Some(tss);
            a.pain_during = Some((r.next() * 7.0) as u8);
            data.activities.push(a);
            hard_yesterday = tss > 120.0;
        }
        for h in [8, 20] {
            if r.next() < 0.6 {
                data.doses.push(Dose {
                    id: 0,
                    uuid: String::new(),
                    taken_at: date.and_hms_opt(h, 0, 0).unwrap(),
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
    for (i, rule) in DEFAULT_CRITERIA.iter().enumerate() {
        data.criteria.push(Criterion {
            id: 0,
            uuid: String::new(),
            position: i as i64,
            rule: rule.to_string(),
            enabled: true,
        });
    }
    data
}

#[test]
fn json_has_exactly_the_stable_keys() {
    let today = d("2024-06-30");
    let st = stats(&journal(200, today), today, None);
    let v = serde_json::to_value(&st).unwrap();
    assert_eq!(
        keys(&v),
        vec![
            "criteria",
            "events",
            "flares",
            "hard_vs_rest",
            "leg",
            "load",
            "load_pain",
            "med_days",
            "meds",
            "notable",
            "pain",
            "psfs",
            "push_through",
            "red_flags_today",
            "rehab",
            "scores",
            "sitting",
            "sleep",
            "tags"
        ]
    );
    assert_eq!(
        keys(&v["pain"]),
        vec![
            "baseline",
            "days_logged",
            "latest",
            "mean7",
            "mean7_prev",
            "pain_free_streak_days",
            "trend14_slope"
        ]
    );
    assert_eq!(
        keys(&v["load"]),
        vec!["atl", "ctl", "ramp", "tsb", "week_hours", "week_tss"]
    );
    assert_eq!(
        keys(&v["load_pain"][0]),
        vec!["lag", "n", "p", "p_holm", "partial", "spearman"]
    );
    assert_eq!(
        keys(&v["hard_vs_rest"]),
        vec![
            "adjusted",
            "hard_delta",
            "n_hard",
            "n_rest",
            "p",
            "p_holm",
            "rest_delta"
        ]
    );
    assert_eq!(
        keys(&v["push_through"]),
        vec![
            "adjusted",
            "easy_delta",
            "n_easy",
            "n_pushed",
            "p",
            "p_holm",
            "pushed_delta"
        ]
    );
    assert_eq!(
        keys(&v["sleep"]),
        vec!["lag", "n", "p", "p_holm", "partial", "spearman"]
    );
    assert_eq!(
        keys(&v["sitting"][1]),
        vec!["lag", "n", "p", "p_holm", "partial", "spearman"]
    );
    assert_eq!(
        keys(&v["med_days"][0]),
        vec![
            "adjusted",
            "class",
            "n_with",
            "n_without",
            "p",
            "p_holm",
            "with_mean",
            "without_mean"
        ]
    );
    // The planted next-day effect is the notable one here.
    assert_eq!(keys(&v["notable"]), vec!["p", "p_holm", "sentence", "what"]);
    assert_eq!(
        keys(&v["tags"][0]),
        vec![
            "adjusted",
            "lag",
            "n_with",
            "n_without",
            "p",
            "p_holm",
            "tag",
            "with_mean",
            "without_mean"
        ]
    );
    assert_eq!(
        keys(&v["meds"]),
        vec![
            "injections_12m",
            "nsaid_streak",
            "opioid_days_30",
            "opioid_days_7",
            "opioid_streak",
            "today"
        ]
    );
    assert_eq!(
        keys(&v["rehab"]),
        vec![
            "adherence_4w",
            "week_other_sessions",
            "week_programme",
            "week_sessions",
            "week_target"
        ]
    );
    assert_eq!(keys(&v["psfs"]), vec!["change", "previous", "score"]);
    assert_eq!(keys(&v["criteria"][0]), vec!["met", "rule", "value"]);
    assert_eq!(
        keys(&v["flares"][0]),
        vec!["before", "days", "peak", "start"]
    );
    assert_eq!(
        keys(&v["flares"][0]["before"]),
        vec!["activities", "events", "tags"]
    );
    assert!(v["red_flags_today"].as_array().unwrap().is_empty());
}

#[test]
fn planted_effect_is_found() {
    // Pain is 2 points higher the day after rides above 120 TSS (the top quarter is ≥ 130).
    let today = d("2024-06-30");
    let st = stats(&journal(365, today), today, None);
    let lag1 = &st.load_pain[1];
    assert!(lag1.n > 300 && lag1.spearman.unwrap() > 0.3, "{lag1:?}");
    assert!(
        st.load_pain[3].spearman.unwrap().abs() < 0.2,
        "{:?}",
        st.load_pain[3]
    );
    let h = &st.hard_vs_rest;
    let diff = h.hard_delta.unwrap() - h.rest_delta.unwrap();
    assert!((1.0..3.5).contains(&diff), "{h:?}");
    assert!(most_notable(&st).is_some());
}

#[test]
fn small_journal_by_hand() {
    // 42 days of 100 TSS and pain 3; today a red flag and pain 5.
    let today = d("2024-02-11");
    let mut data = JournalData::default();
    for k in 0..42 {
        let date = today - Duration::days(41 - k);
        let mut a = Activity::new(ActivityKind::Ride, date.and_hms_opt(9, 0, 0).unwrap(), 3600);
        a.tss = Some(100.0);
        data.activities.push(a);
        data.checkins.push(Checkin {
            date,
            pain: if k == 41 { 5 } else { 3 },
            ..Default::default()
        });
    }
    data.checkins[41].red_flags = vec![RedFlag::SaddleNumbness];
    let st = stats(&data, today, None);
    assert_eq!((st.load.ctl, st.load.atl), (63.7, 99.8));
    // Sunday Feb 11: the week from Monday Feb 5 holds 7 rides of 1 h.
    assert_eq!((st.load.week_tss, st.load.week_hours), (700.0, 7.0));
    // mean7 = (6 × 3 + 5) / 7 = 3.29; baseline 3; 5 ≥ max(3 + 2, 4) → a one-day flare.
    assert_eq!(
        (st.pain.latest, st.pain.mean7, st.pain.baseline),
        (Some(5.0), Some(3.3), Some(3.0))
    );
    assert_eq!((st.pain.mean7_prev, st.pain.days_logged), (Some(3.0), 42));
    assert_eq!(
        (st.flares.len(), st.flares[0].days, st.flares[0].peak),
        (1, 1, 5)
    );
    assert_eq!(st.red_flags_today, vec!["saddle-numbness"]);
    let text = stats_text(&st);
    assert!(
        text.starts_with("RED FLAG: seek urgent medical care today."),
        "{text}"
    );
    assert!(
        text.contains("fitness (CTL) 63.7, fatigue (ATL) 99.8"),
        "{text}"
    );
    assert!(
        text.contains("7-day mean 3.3 (a week ago 3.0), baseline 3.0"),
        "{text}"
    );
    // `since` keeps series whole but narrows counts.
    let st = stats(&data, today, Some(d("2024-02-05")));
    assert_eq!((st.pain.days_logged, st.load.ctl), (7, 63.7));
}

#[test]
fn ten_years_in_one_pass() {
    let today = d("2024-12-31");
    let data = journal(3650, today);
    assert!(data.checkins.len() > 3400 && data.doses.len() > 4000);
    let t = std::time::Instant::now();
    let st = stats(&data, today, None);
    let took = t.elapsed();
    assert!(st.pain.days_logged > 3400);
    // A debug build is ~10× slower than release; this only guards against O(n²) creeping in.
    assert!(took.as_millis() < 2000, "stats took {took:?}");
    eprintln!("stats over 10 years: {took:?}");
}

#[test]
fn empty_journal_says_so() {
    let st = stats(&JournalData::default(), d("2024-01-01"), None);
    assert_eq!(
        (st.pain.latest, st.pain.days_logged, st.load.ctl),
        (None, 0, 0.0)
    );
    assert!(st.flares.is_empty() && st.tags.is_empty() && st.criteria.is_empty());
    assert_eq!((st.load_pain[0].n, st.load_pain[0].spearman), (0, None));
    assert_eq!(most_notable(&st), None);
    let text = stats_text(&st);
    assert!(
        text.contains("latest none, 7-day mean not enough data"),
        "{text}"
    );
    assert!(text.contains("PSFS: no ratings yet."), "{text}");
}

/// The journal from `from` on, as a screen loads it, with the training before folded into
/// its `LoadHistory`.
fn window(data: &JournalData, from: NaiveDate) -> JournalData {
    let daily: Vec<(NaiveDate, f64)> = data
        .activities
        .iter()
        .map(|a| (a.date(), a.tss.unwrap_or(0.0)))
        .collect();
    JournalData {
        checkins: data
            .checkins
            .iter()
            .filter(|c| c.date >= from)
            .cloned()
            .collect(),
        activities: data
            .activities
            .iter()
            .filter(|a| a.date() >= from)
            .cloned()
            .collect(),
        doses: data
            .doses
            .iter()
            .filter(|x| x.taken_at.date() >= from)
            .cloned()
            .collect(),
        history: Some(super::load::load_history(&daily, from)),
        ..data.clone()
    }
}

#[test]
fn a_window_with_its_history_gives_the_figures_of_all_history() {
    let today = d("2024-12-31");
    let data = journal(1500, today);
    let since = today - Duration::days(365);
    let full = serde_json::to_value(stats(&data, today, Some(since))).unwrap();
    // Screens load from 28 days before what they report, for the baseline.
    let win = window(&data, since - Duration::days(28));
    let part = serde_json::to_value(stats(&win, today, Some(since))).unwrap();
    assert_eq!(part, full);
    // A short window still gets the whole-history CTL from its history; without the history
    // CTL would start from 0 twenty days ago.
    let short = window(&data, today - Duration::days(20));
    let with = serde_json::to_value(stats(&short, today, None)).unwrap();
    assert_eq!(with["load"], full["load"]);
    let cold = JournalData {
        history: None,
        ..short
    };
    let cold = serde_json::to_value(stats(&cold, today, None)).unwrap();
    assert_ne!(cold["load"]["ctl"], full["load"]["ctl"]);
}

#[test]
fn hard_days_are_judged_against_the_last_12_months_everywhere() {
    // Two years ago: 100 days of 300 TSS. The last 60 days: 50 and 100 TSS alternating, pain
    // 2 on the day and 3 the day after a 100. Against all history nothing recent is "hard";
    // against the last 12 months the 100s are (75th percentile of 50/100 days = 100).
    let today = d("2024-12-31");
    let mut data = JournalData::default();
    let ride = |date: NaiveDate, tss: f64| {
        let mut a = Activity::new(ActivityKind::Ride, date.and_hms_opt(9, 0, 0).unwrap(), 3600);
        a.tss = Some(tss);
        a
    };
    for k in 0..100 {
        data.activities
            .push(ride(today - Duration::days(800 - k), 300.0));
    }
    for k in 0..60 {
        let date = today - Duration::days(60 - k);
        let hard = k % 2 == 0;
        data.activities
            .push(ride(date, if hard { 100.0 } else { 50.0 }));
        data.checkins.push(Checkin {
            date,
            pain: if hard { 2 } else { 3 },
            ..Default::default()
        });
    }
    data.criteria.push(Criterion {
        id: 0,
        uuid: String::new(),
        position: 0,
        rule: "hard-next-day 3 <= 1".into(),
        enabled: true,
    });
    let st = stats(&data, today, None);
    let c = &st.criteria[0];
    assert_eq!((c.met, c.value, c.n), (true, Some(1.0), 3), "{c:?}");
    // One definition: hard-vs-rest over all history uses the same 12-month threshold.
    assert_eq!(st.hard_vs_rest.threshold, Some(100.0));
    // And a window that starts after the year began gets it from its history.
    let win = window(&data, today - Duration::days(20));
    assert_eq!(stats(&win, today, None).hard_vs_rest.threshold, Some(100.0));
}
