//! Tests of the other factors: tags and workdays, sleep, sitting and medication classes, as
//! logged (worked by hand) and among days that started from the same pain.

use chrono::{Datelike, Duration, NaiveDate};

use super::*;
use crate::analysis::adjust::Frames;
use crate::analysis::chance::judge;
use crate::analysis::data::DayIndex;
use crate::analysis::load::daily_load;
use crate::analysis::pain::pain_series;
use crate::analysis::permute::tests::Lcg;
use crate::domain::records::{Checkin, Dose};
use crate::domain::vocab::MedClass;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The frames of `data` as of `today` over its whole history.
fn frames(data: &JournalData, today: NaiveDate) -> (DayIndex, Frames) {
    let ix = DayIndex::new(data, today);
    let pain = pain_series(&data.checkins, ix.start, ix.end);
    let load = daily_load(&data.activities, ix.start, ix.end);
    let dow = ix.start.weekday().num_days_from_monday() as usize;
    let fr = Frames::new(&pain.values, &load.values, 0, dow);
    (ix, fr)
}

/// Days 1–8 of Jan 2024, pain 2, 6, 3, 7, 2, 6, 3, 2; days 2, 4, 6 tagged shoveling and
/// with an NSAID; days 1–5 workdays, 6–8 days off.
fn fixture() -> JournalData {
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
            ..Default::default()
        });
        if shovel {
            for _ in 0..2 {
                data.doses.push(dose(date));
            }
        }
    }
    data
}

fn dose(date: NaiveDate) -> Dose {
    Dose {
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
    }
}

#[test]
fn tags_and_workday_as_logged() {
    let data = fixture();
    let (ix, mut fr) = frames(&data, d("2024-01-08"));
    let t = tag_assocs(&mut fr, &data, &ix, 0, 3);
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
    // Three days are shown but too few to test.
    assert_eq!(
        t[1].verdict.fact,
        "On days after shoveling, pain was 2.7 against 5.3 after other days (3 vs 4 days); too \
         few days to tell from chance (needs 8 with and without)"
    );
    assert_eq!((t[1].verdict.design.is_none(), t[1].adjusted), (true, None));
    // Needing 4 per group: 3 shoveling days and 3 days off are too few to show.
    assert!(tag_assocs(&mut fr, &data, &ix, 0, 4).is_empty());
    let m = med_assocs(&mut fr, &data, &ix, 0, 3);
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
        "On days with any NSAID dose, pain was 6.3 against 2.4 on days without (3 vs 5 days)"
    );
    assert_eq!(m[0].verdict.caveat.as_deref(), Some(MED_CAVEAT));
}

/// Two years from Monday 1 Jan 2024. Pain runs in spells; on bad days the rider tags "rest",
/// sleeps less and takes ibuprofen (none of which changes anything); shoveling (at random)
/// adds `shovel` points the next day; workdays are Monday to Friday exactly.
fn steered(shovel: f64) -> JournalData {
    let mut g = Lcg(99);
    let mut data = JournalData::default();
    let (mut level, mut extra): (f64, f64) = (3.0, 0.0);
    for k in 0..728 {
        let date = d("2024-01-01") + Duration::days(k);
        level = 3.0 + 0.7 * (level - 3.0) + (g.next() - 0.5) * 3.0;
        let pain = (level + extra).clamp(0.0, 10.0).round() as u8;
        let shovelled = g.next() < 0.08;
        extra = if shovelled { shovel } else { 0.0 };
        let mut tags = Vec::new();
        if shovelled {
            tags.push("shoveling".to_string());
        }
        if pain >= 5 && g.next() < 0.7 {
            tags.push("rest".to_string());
            data.doses.push(dose(date));
        }
        data.checkins.push(Checkin {
            date,
            pain,
            tags,
            workday: Some(date.weekday().num_days_from_monday() < 5),
            sleep_hours: Some(8.0 - 0.4 * f64::from(pain) + g.next()),
            ..Default::default()
        });
    }
    data
}

fn judged(mut t: Vec<TagAssoc>) -> Vec<TagAssoc> {
    let mut v: Vec<&mut Verdict> = t.iter_mut().map(|a| &mut a.verdict).collect();
    judge(&mut v, 0);
    t
}

#[test]
fn tags_are_judged_among_days_that_started_from_the_same_pain() {
    let data = steered(2.0);
    let (ix, mut fr) = frames(&data, d("2025-12-28"));
    let t = judged(tag_assocs(&mut fr, &data, &ix, 0, 3));
    let find = |tag: &str, lag: u32| t.iter().find(|a| a.tag == tag && a.lag == lag).unwrap();
    // Shoveling: +2 the next day, found.
    let s = find("shoveling", 1);
    assert!((1.5..2.5).contains(&s.adjusted.unwrap()), "{s:?}");
    assert!(s.verdict.unlikely(), "{}", s.verdict.sentence);
    assert!(
        s.verdict.sentence.contains(
            "points higher among days that started from the same pain (allowing for that day's pain"
        ),
        "{}",
        s.verdict.sentence
    );
    // "rest" follows bad days: as logged the next day is far worse, but not once the day's
    // own pain is allowed for.
    let r = find("rest", 1);
    assert!(r.with_mean - r.without_mean > 1.0, "{r:?}");
    assert!(r.adjusted.unwrap().abs() < 0.5, "{r:?}");
    assert!(!r.verdict.unlikely(), "{}", r.verdict.sentence);
    // The same day: no direction, never headlined.
    let r0 = find("rest", 0);
    assert!(
        r0.verdict
            .fact
            .contains("or the other way round: pain can steer the day as well")
    );
    assert_eq!(r0.verdict.score, None);
    // Monday to Friday exactly: told apart from nothing, so no p.
    let w = find("workday", 0);
    assert_eq!(w.verdict.p, None);
    assert!(
        w.verdict.sentence.ends_with(
            "the workdays fall on the same weekdays every week, so this cannot be told apart \
             from the weekly rhythm."
        ),
        "{}",
        w.verdict.sentence
    );
}

#[test]
fn sleep_after_bad_days_is_not_an_effect() {
    // Sleep is shorter after bad days and pain persists: next-day pain is clearly lower after
    // more sleep as logged, and about the same once that day's pain is allowed for.
    let data = steered(0.0);
    let (ix, mut fr) = frames(&data, d("2025-12-28"));
    let mut s = sleep_assoc(&mut fr, &data, &ix, 0, 14);
    judge(&mut [&mut s.verdict], 0);
    assert!(s.spearman.unwrap() < -0.3, "{s:?}");
    assert!(s.partial.unwrap().abs() < 0.1, "{s:?}");
    assert!(!s.verdict.unlikely(), "{}", s.verdict.sentence);
    assert!(
        s.verdict.fact.starts_with("Next-day pain was"),
        "{}",
        s.verdict.fact
    );
    // Not enough pairs: said with the count.
    let (ix, mut fr) = frames(&fixture(), d("2024-01-08"));
    let s = sleep_assoc(&mut fr, &fixture(), &ix, 0, 14);
    assert_eq!(
        s.verdict.fact,
        "Sleep and next-day pain: not enough data (0 days; needs 14)"
    );
}

#[test]
fn same_day_sitting_has_no_direction() {
    let mut data = steered(0.0);
    let mut g = Lcg(8);
    for c in &mut data.checkins {
        c.sitting_hours = Some((f64::from(c.pain) + 4.0 * g.next()).round());
    }
    let (ix, mut fr) = frames(&data, d("2025-12-28"));
    let s = sitting_assocs(&mut fr, &data, &ix, 0, 14);
    assert_eq!((s[0].lag, s[1].lag), (0, 1));
    assert!(
        s[0].verdict
            .fact
            .starts_with("Same-day pain was higher with more sitting, or the other way round"),
        "{}",
        s[0].verdict.fact
    );
    assert_eq!(s[0].verdict.score, None);
    assert_eq!(s[1].verdict.what, "sitting lag 1");
}
