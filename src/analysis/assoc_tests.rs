//! Spearman by hand, and hard days and pushing through on journals where pain steers them.

use super::*;
use crate::analysis::chance::judge;
use crate::analysis::permute::tests::Lcg;
use crate::domain::records::Activity;
use crate::domain::vocab::ActivityKind;

#[test]
fn ranks_average_ties() {
    assert_eq!(ranks(&[10.0, 20.0, 20.0, 5.0]), vec![2.0, 3.5, 3.5, 1.0]);
}

#[test]
fn spearman_worked_by_hand() {
    // x ranks 1..5; y = 5, 6, 7, 8, 7 ranks 1, 2, 3.5, 5, 3.5.
    // Σdxdy = 4 + 1 + 0 + 2 + 1 = 8, Σdx² = 10, Σdy² = 9.5 → 8 / √95 = 0.8208.
    let r = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 6.0, 7.0, 8.0, 7.0]).unwrap();
    assert!((r - 8.0 / 95f64.sqrt()).abs() < 1e-12);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
}

/// Two years where the rider goes hard on good days and rests on bad ones, pain reverts to
/// its mean, and a hard day adds `effect` to the next day's pain.
fn steered(effect: f64, seed: u64) -> (Vec<f64>, Vec<Option<f64>>) {
    let mut g = Lcg(seed);
    let (mut load, mut pain) = (Vec::new(), Vec::new());
    let mut level: f64 = 3.0;
    let mut prev_hard = false;
    for _ in 0..728 {
        level = 3.0 + 0.6 * (level - 3.0) + (g.next() - 0.5) * 3.0;
        let p = (level + if prev_hard { effect } else { 0.0 })
            .clamp(0.0, 10.0)
            .round();
        let u = g.next();
        let l = if p <= 2.0 && u < 0.6 {
            150.0
        } else if p >= 4.0 && u < 0.7 {
            0.0
        } else if u < 0.2 {
            150.0
        } else if u < 0.5 {
            0.0
        } else {
            60.0
        };
        prev_hard = l >= 150.0;
        load.push(l);
        pain.push(Some(p));
    }
    (load, pain)
}

fn hard(effect: f64, seed: u64) -> HardVsRest {
    let (load, pain) = steered(effect, seed);
    let mut fr = Frames::new(&pain, &load, 0, 0);
    let known: Vec<Option<f64>> = load.iter().copied().map(Some).collect();
    let mut h = hard_vs_rest(&mut fr, &known, Some(150.0), 14);
    judge(&mut [&mut h.verdict], 0);
    h
}

#[test]
fn going_hard_on_good_days_is_not_an_effect() {
    // Hard days start low and pain reverts: as logged, the day after a hard day rises far
    // more than after a rest day. Among days that started from the same pain it does not.
    let h = hard(0.0, 7);
    let raw = h.hard_delta.unwrap() - h.rest_delta.unwrap();
    assert!(raw > 0.5, "raw {raw}");
    assert!(h.adjusted.unwrap().abs() < 0.4, "{h:?}");
    assert!(!h.verdict.unlikely(), "{}", h.verdict.sentence);
    assert!(
        h.verdict.sentence.starts_with(
            "The day after one of the hardest 25 % of days (150 TSS or more), pain was"
        ) && h.verdict.sentence.contains(
            "the day after a rest day that started from the same pain (allowing for that day's pain"
        ),
        "{}",
        h.verdict.sentence
    );
}

#[test]
fn a_real_hard_day_effect_is_found() {
    let h = hard(1.5, 7);
    let a = h.adjusted.unwrap();
    assert!((1.0..2.0).contains(&a), "{h:?}");
    assert!(h.verdict.unlikely(), "{}", h.verdict.sentence);
    assert!(h.verdict.sentence.contains(&format!(
        "pain was {} points higher than",
        crate::analysis::words::one(a)
    )));
}

#[test]
fn hard_vs_rest_needs_five_of_each() {
    let load = vec![0.0; 30];
    let pain: Vec<Option<f64>> = (0..30).map(|i| Some(f64::from(i % 3))).collect();
    let mut fr = Frames::new(&pain, &load, 0, 0);
    let known: Vec<Option<f64>> = load.iter().copied().map(Some).collect();
    let h = hard_vs_rest(&mut fr, &known, Some(100.0), 14);
    assert_eq!((h.n_hard, h.n_rest, h.adjusted), (0, 29, None));
    assert_eq!(
        h.verdict.sentence,
        "Hard days vs rest days: not enough data (0 hard days and 29 rest days; needs 14 in all \
         and 5 of each)."
    );
}

/// Issue 25 item 8: a day with a ride but no TSS (no FTP, LTHR or RPE yet) is missing load,
/// not a rest day: it is in neither group.
#[test]
fn a_day_with_an_activity_but_no_tss_is_neither_hard_nor_rest() {
    let load = vec![0.0; 30];
    let pain: Vec<Option<f64>> = (0..30).map(|i| Some(f64::from(i % 3))).collect();
    // Odd days had a ride without a TSS; even days nothing.
    let known: Vec<Option<f64>> = (0..30).map(|i| (i % 2 == 0).then_some(0.0)).collect();
    let mut fr = Frames::new(&pain, &load, 0, 0);
    let h = hard_vs_rest(&mut fr, &known, Some(100.0), 14);
    assert_eq!(
        (h.n_hard, h.n_rest),
        (0, 15),
        "only the 15 days without any activity rest"
    );
}

#[test]
fn riding_through_pain_on_bad_days_is_not_an_effect() {
    // Sessions on bad days are ridden through pain, on good days easily; pain reverts. Two
    // days later pain has fallen far more after pushing through — as logged. Allowing for
    // the pain the sessions started from, there is nothing left.
    let (_, pain) = steered(0.0, 21);
    let start: NaiveDate = "2024-01-01".parse().unwrap();
    let mut data = JournalData::default();
    let mut g = Lcg(4);
    for (i, p) in pain.iter().enumerate() {
        if g.next() < 0.5 {
            continue;
        }
        let day = start + chrono::Duration::days(i as i64);
        let mut a = Activity::new(ActivityKind::Ride, day.and_hms_opt(9, 0, 0).unwrap(), 3600);
        // Pain during follows the day's pain, give or take two points.
        let during = p.unwrap_or(0.0) + (g.next() * 5.0).floor() - 2.0;
        a.pain_during = Some(during.clamp(0.0, 10.0) as u8);
        data.activities.push(a);
    }
    let load = vec![0.0; pain.len()];
    let mut fr = Frames::new(&pain, &load, 0, 0);
    let mut r = push_through(&mut fr, &data, start, 14);
    judge(&mut [&mut r.verdict], 0);
    let raw = r.pushed_delta.unwrap() - r.easy_delta.unwrap();
    assert!(raw < -0.5, "raw {raw}: {r:?}");
    assert!(r.adjusted.unwrap().abs() < 0.4, "{r:?}");
    assert!(!r.verdict.unlikely(), "{}", r.verdict.sentence);
    assert!(
        r.verdict.sentence.starts_with(
            "Two days after riding through pain (pain during ≥ 5 or stopped), pain was"
        ),
        "{}",
        r.verdict.sentence
    );
}

#[test]
fn pushing_through_only_on_bad_days_cannot_be_compared() {
    // Every session on a day at 4 or more is ridden through pain and every other is easy: the
    // two groups never started from the same pain.
    let (_, pain) = steered(0.0, 21);
    let start: NaiveDate = "2024-01-01".parse().unwrap();
    let mut data = JournalData::default();
    for (i, p) in pain.iter().enumerate() {
        let day = start + chrono::Duration::days(i as i64);
        let mut a = Activity::new(ActivityKind::Ride, day.and_hms_opt(9, 0, 0).unwrap(), 3600);
        a.pain_during = Some(if p.unwrap_or(0.0) >= 4.0 { 6 } else { 2 });
        data.activities.push(a);
    }
    let load = vec![0.0; pain.len()];
    let mut fr = Frames::new(&pain, &load, 0, 0);
    let r = push_through(&mut fr, &data, start, 14);
    assert_eq!((r.adjusted, r.verdict.p), (None, None));
    assert!(
        r.verdict.sentence.starts_with(
            "Pushing through pain: the sessions ridden through pain and the easy ones never \
             started from the same pain, so they cannot be compared ("
        ),
        "{}",
        r.verdict.sentence
    );
}
