//! Load → pain lags on hand-made series: the minimum, a real next-day effect under a hard-easy
//! rhythm, and training that only follows the pain.

use super::*;
use crate::analysis::adjust::Frames;
use crate::analysis::chance::{Verdict, judge};
use crate::analysis::permute::tests::Lcg;

fn judged(mut lags: Vec<LagCorr>) -> Vec<LagCorr> {
    let mut v: Vec<&mut Verdict> = lags.iter_mut().map(|l| &mut l.verdict).collect();
    judge(&mut v, 0);
    lags
}

fn lags(load: &[f64], pain: &[Option<f64>], from: usize) -> Vec<LagCorr> {
    let mut fr = Frames::new(pain, load, from, from % 7);
    judged(load_pain_lags(&mut fr, &load[from..], 14))
}

#[test]
fn not_enough_data_below_14_pairs() {
    let load: Vec<f64> = (0..13).map(|k| k as f64 * 10.0).collect();
    let pain: Vec<Option<f64>> = (0..13).map(|k| Some((k % 11) as f64)).collect();
    let l = lags(&load, &pain, 0);
    assert_eq!((l[0].n, l[0].spearman, l[0].verdict.p), (13, None, None));
    assert_eq!(
        l[0].verdict.sentence,
        "Training load and pain the same day: not enough data (13 days; needs 14)."
    );
    assert_eq!(l[1].n, 12); // the last day has no next day
    // A window from day 4 drops the early pairs.
    let pain: Vec<Option<f64>> = (0..30).map(|k| Some((k % 4) as f64)).collect();
    assert_eq!(lags(&[1.0; 30], &pain, 4)[0].n, 26);
}

#[test]
fn a_next_day_effect_under_a_hard_easy_rhythm_shows_at_lag_1_only() {
    // A year of hard/easy alternation with noise; pain follows yesterday's load only.
    let mut g = Lcg(11);
    let n = 364;
    let load: Vec<f64> = (0..n)
        .map(|i| if i % 2 == 0 { 150.0 } else { 30.0 } + g.next() * 60.0)
        .collect();
    let pain: Vec<Option<f64>> = (0..n)
        .map(|i| {
            let y = if i > 0 { load[i - 1] } else { 90.0 };
            Some((2.0 + y / 60.0 + g.next() * 3.0).round())
        })
        .collect();
    let l = lags(&load, &pain, 0);
    // Plain Spearman mirrors the effect; the partial does not.
    assert!(l[0].spearman.unwrap() < -0.3, "{:?}", l[0]);
    assert!(l[2].spearman.unwrap() < -0.3, "{:?}", l[2]);
    assert!(l[1].partial.unwrap() > 0.3, "{:?}", l[1]);
    for k in [0, 2, 3] {
        assert!(l[k].partial.unwrap().abs() < 0.15, "{:?}", l[k]);
    }
    assert!(l[1].verdict.unlikely(), "{:?}", l[1].verdict);
    let s = &l[1].verdict.sentence;
    assert!(
        s.starts_with("Pain the next day was higher with more training load (correlation 0.")
            && s.contains(
                "allowing for that day's pain, the pain and training of the days before, the 4 \
                 weeks before and the weekday; 363 days); unlikely to be chance (adjusted p = "
            ),
        "{s}"
    );
    assert_eq!(l[1].verdict.what, "load_pain lag 1");
    // The same day is put without a direction and never headlined.
    assert!(
        l[0].verdict
            .sentence
            .contains("or the other way round: a bad day can hold the training back"),
        "{}",
        l[0].verdict.sentence
    );
    assert_eq!((l[0].verdict.score, l[0].verdict.p), (None, None));
}

#[test]
fn training_that_follows_the_pain_is_no_effect() {
    // Pain in spells (a flare now and then, decaying), training cut on bad days and the day
    // after: the raw next-day correlation is clearly negative; allowing for the pain before,
    // nothing is left.
    let mut g = Lcg(17);
    let n = 728;
    let (mut pain, mut load) = (Vec::new(), Vec::new());
    let mut flare = 0.0;
    for i in 0..n {
        if g.next() < 1.0 / 30.0 {
            flare = 4.0;
        }
        flare *= 0.8;
        let p: f64 = (2.0 + flare + g.next() * 1.5).round();
        let prev = if i > 0 { pain[i - 1] } else { 2.0 };
        let hold = if p >= 4.0 || prev >= 5.0 { 0.2 } else { 1.0 };
        load.push(hold * (40.0 + 100.0 * g.next()));
        pain.push(p);
    }
    let pain: Vec<Option<f64>> = pain.into_iter().map(Some).collect();
    let l = lags(&load, &pain, 0);
    assert!(l[1].spearman.unwrap() < -0.2, "{:?}", l[1]);
    assert!(l[1].partial.unwrap().abs() < 0.1, "{:?}", l[1]);
    assert!(!l[1].verdict.unlikely(), "{}", l[1].verdict.sentence);
}
