//! Hand-made series for each adjustment of `adjust.rs`.

use super::*;
use crate::analysis::permute::tests::Lcg;

#[test]
fn the_days_allowed_for_depend_on_the_lag() {
    // Pain 0, 1, 2, …; day 6 not logged (carried from day 5), window from day 2 (a Wednesday
    // when day 0 is a Monday).
    let mut pain: Vec<Option<f64>> = (0..10).map(|i| Some(f64::from(i))).collect();
    pain[6] = None;
    let load = vec![10.0; 10];
    let f = Frames::new(&pain, &load, 2, 2);
    assert_eq!(f.len(), 8);
    assert_eq!(f.dow(0), 2);
    // Window day 5 is series day 7. Lag 1: that day (7) and the day before (6, carried 5).
    let r = f.row(5, 1);
    assert_eq!((r[0], r[1], r[2]), (1.0, 7.0, 5.0));
    assert_eq!((r[4], r[5]), (0.0, 1.0), "day 6 was not logged");
    // The 4 weeks before day 7: days 0–6 logged except 6 → (0+1+2+3+4+5) / 6 = 2.5.
    assert_eq!(r[3], 2.5);
    assert_eq!(r[6], 10.0, "usual load");
    assert_eq!(
        (r[7], r[8]),
        (10.0, 10.0),
        "the training of the 2 days before"
    );
    // Lag 0: the 2 days before (6 carried, 5).
    let r = f.row(5, 0);
    assert_eq!((r[1], r[2], r[4], r[5]), (5.0, 5.0, 1.0, 0.0));
    // The outcome's weekday: window day 5 is series day 7 (a Monday) → no weekday flag at lag
    // 0; at lag 1 the outcome is a Tuesday (the first flag).
    assert_eq!(&f.row(5, 0)[9..15], &[0.0; 6]);
    assert_eq!(f.row(5, 1)[9], 1.0);
}

/// A pain series that steers the exposure: rides on good days (with exceptions), and the next
/// day's pain is 2 + 0.5 × today's + `effect` × ridden.
fn steered(effect: f64, days: usize) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    let mut g = Lcg(5);
    let mut pain = vec![Some(4.0)];
    let mut x = Vec::new();
    for i in 0..days {
        let p = pain[i].unwrap_or(0.0);
        let ride = (p < 4.5) ^ (g.next() < 0.25);
        x.push(Some(f64::from(u8::from(ride))));
        let shock = if g.next() < 0.2 { 3.0 } else { 0.0 };
        pain.push(Some(
            2.0 + 0.5 * p + effect * f64::from(u8::from(ride)) + shock,
        ));
    }
    pain.pop();
    (pain, x)
}

#[test]
fn a_planted_effect_is_recovered_exactly_among_steered_days() {
    // With no noise beyond the shocks the fit allows for, the slope is the planted effect…
    // except the shocks, which are independent of riding: the slope is within noise of 1.5.
    let (pain, x) = steered(1.5, 400);
    let load = vec![0.0; pain.len()];
    let mut f = Frames::new(&pain, &load, 0, 0);
    let a = f.adjust(1, &x);
    assert_eq!(a.n, 399, "the last day has no next day");
    let s = a.slope.unwrap();
    assert!((s - 1.5).abs() < 0.3, "slope {s}");
}

#[test]
fn riding_on_good_days_is_no_effect_once_the_pain_before_is_allowed_for() {
    // No effect: riding follows the pain and pain persists, so next-day pain is much lower
    // after rides — by raw means — and about the same once the day's pain is allowed for.
    let (pain, x) = steered(0.0, 700);
    let raw = |v: f64| {
        let ys: Vec<f64> = (0..699)
            .filter(|&i| x[i] == Some(v))
            .filter_map(|i| pain[i + 1])
            .collect();
        ys.iter().sum::<f64>() / ys.len() as f64
    };
    assert!(
        raw(1.0) - raw(0.0) < -0.5,
        "raw difference {}",
        raw(1.0) - raw(0.0)
    );
    let load = vec![0.0; pain.len()];
    let mut f = Frames::new(&pain, &load, 0, 0);
    let a = f.adjust(1, &x);
    assert!(a.slope.unwrap().abs() < 0.3, "adjusted {:?}", a.slope);
}

#[test]
fn an_exposure_set_by_the_weekday_is_locked() {
    // Monday to Friday exactly (day 0 is a Monday): the weekday explains all of it.
    let pain: Vec<Option<f64>> = (0..70).map(|i| Some(f64::from(i % 3))).collect();
    let load = vec![0.0; 70];
    let work: Vec<Option<f64>> = (0..70)
        .map(|i| Some(f64::from(u8::from(i % 7 < 5))))
        .collect();
    let mut f = Frames::new(&pain, &load, 0, 0);
    let a = f.adjust(0, &work);
    assert!(a.locked);
    assert_eq!((a.r, a.slope), (None, None));
    // One Friday off in ten weeks is still locked (the weekday explains 94 %); nine days off
    // on Wednesdays and Thursdays are not (66 %).
    let mut w2 = work.clone();
    w2[4] = Some(0.0);
    assert!(f.adjust(0, &w2).locked);
    for i in (2..70).step_by(21) {
        w2[i] = Some(0.0);
        w2[i + 1] = Some(0.0);
    }
    assert!(!f.adjust(0, &w2).locked);
}

#[test]
fn few_days_use_few_covariates() {
    // 20 days: 3 covariates (a constant, the day's pain, the day before's), so the fit cannot
    // soak up the whole outcome.
    let pain: Vec<Option<f64>> = (0..20).map(|i| Some(f64::from((i * 7) % 5))).collect();
    let load = vec![0.0; 20];
    let x: Vec<Option<f64>> = (0..20).map(|i| Some(f64::from((i * 3) % 4))).collect();
    let mut f = Frames::new(&pain, &load, 0, 0);
    let a = f.adjust(1, &x);
    assert_eq!(a.n, 19);
    assert!(f.fits.iter().all(|(_, _, fit)| fit.kept.len() <= 3));
    assert!(a.r.is_some());
}

#[test]
fn ranks_keep_gaps() {
    assert_eq!(
        ranked(&[Some(5.0), None, Some(1.0), Some(5.0)]),
        vec![Some(2.5), None, Some(1.0), Some(2.5)]
    );
}
