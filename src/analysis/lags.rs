//! Load → pain at lags 0–3 (SPEC §7.3, §7.5). Each lag has the plain Spearman ρ (kept in
//! `--json` for comparison) and the partial correlation of the load's rank with the pain k days
//! later, allowing for the pain before the training (see `adjust.rs`): on bad days the rider
//! trains less, and a bad day is usually followed by a better one, so without it "more training,
//! less pain the next day" shows up with nothing behind it. The same day (lag 0) has no
//! direction — a bad day holds the training back as much as training may hurt — so its sentence
//! says so and it is never headlined.

use serde::Serialize;

use super::adjust::{Frames, allows, ranked};
use super::assoc::spearman;
use super::chance::{Strength, Verdict, rho_score, strength};
use super::words::{days as days_words, two};

/// The lags reported, in days.
pub const LAGS: u32 = 3;

/// Daily load against pain `lag` days later. JSON keys: lag, spearman, partial, n, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LagCorr {
    pub lag: u32,
    /// Plain Spearman ρ; None when n is below the minimum or nothing varied.
    pub spearman: Option<f64>,
    /// Partial correlation allowing for the pain before the training.
    pub partial: Option<f64>,
    pub n: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
}

fn lag_words(lag: u32) -> String {
    match lag {
        0 => "the same day".into(),
        1 => "the next day".into(),
        k => format!("{k} days later"),
    }
}

fn round2(r: f64) -> f64 {
    (r * 100.0).round() / 100.0 + 0.0
}

/// For lags 0–3, over the window of `fr`: the load on day d (`load`, by window day; 0 without
/// training) against the pain on d + lag, on days from the window's first check-in.
pub fn load_pain_lags(fr: &mut Frames, load: &[f64], min_pairs: usize) -> Vec<LagCorr> {
    let first = fr.outcome(0).raw.iter().position(Option::is_some);
    // Days before the journal's first check-in (a year's window on a young journal) would
    // otherwise enter as a run of rest days.
    let x: Vec<Option<f64>> = (0..fr.len())
        .map(|i| first.is_some_and(|f| i >= f).then(|| load[i]))
        .collect();
    let xr = ranked(&x);
    (0..=LAGS)
        .map(|lag| one_lag(fr, &x, &xr, lag, min_pairs))
        .collect()
}

fn one_lag(
    fr: &mut Frames,
    x: &[Option<f64>],
    xr: &[Option<f64>],
    lag: u32,
    min_pairs: usize,
) -> LagCorr {
    let k = lag as usize;
    let y = fr.outcome(k).raw.clone();
    let pairs: Vec<(f64, f64)> = (0..x.len()).filter_map(|i| Some((x[i]?, y[i]?))).collect();
    let n = pairs.len();
    let when = lag_words(lag);
    let what = format!("load_pain lag {lag}");
    let untested = |fact: String, rho: Option<f64>| LagCorr {
        lag,
        spearman: rho,
        partial: None,
        n,
        verdict: Verdict::untested(what.clone(), fact),
    };
    if n < min_pairs {
        return untested(
            format!(
                "Training load and pain {when}: not enough data ({}; needs {min_pairs})",
                days_words(n)
            ),
            None,
        );
    }
    let (xs, ys): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
    let rho = spearman(&xs, &ys).map(round2);
    let adj = fr.adjust(k, xr);
    if adj.locked {
        return untested(
            format!(
                "Training load and pain {when} ({}): the training falls on the same weekdays \
                 every week, so this cannot be told apart from the weekly rhythm",
                days_words(n)
            ),
            rho,
        );
    }
    let Some(r) = adj.r.filter(|_| rho.is_some()) else {
        return untested(
            format!(
                "Training load and pain {when}: too little varied once the pain before was allowed \
                 for ({})",
                days_words(n)
            ),
            rho,
        );
    };
    let fact = lag_fact(r, lag, &when, n);
    // The same day has no direction: pain steers that day's training, so a pattern there is
    // expected with nothing behind it. It is shown, never tested for chance or headlined.
    let verdict = if lag == 0 {
        Verdict::untested(what, fact)
    } else {
        Verdict::tested(what, fact, rho_score(r), adj.design)
    };
    LagCorr {
        lag,
        spearman: rho,
        partial: Some(round2(r)),
        n,
        verdict,
    }
}

/// The sentence for a partial correlation `r` of load and pain `lag` days later (`when` in
/// words) over `n` days: the same day reads both ways, later days as load before pain.
fn lag_fact(r: f64, lag: u32, when: &str, n: usize) -> String {
    let dir = if r > 0.0 { "higher" } else { "lower" };
    if lag == 0 {
        let how = match strength(r) {
            Strength::None => "about the same whatever the training".to_string(),
            Strength::Slight => format!("slightly {dir} on days with more training"),
            Strength::Clear => format!("{dir} on days with more training"),
        };
        format!(
            "Same-day pain was {how}, or the other way round: a bad day can hold the training \
             back (correlation {}, {}; {})",
            two(r),
            allows(0),
            days_words(n)
        )
    } else {
        let how = match strength(r) {
            Strength::None => "about the same whatever the".to_string(),
            Strength::Slight => format!("slightly {dir} with more"),
            Strength::Clear => format!("{dir} with more"),
        };
        format!(
            "Pain {when} was {how} training load (correlation {}, {}; {})",
            two(r),
            allows(lag as usize),
            days_words(n)
        )
    }
}

#[cfg(test)]
#[path = "lags_tests.rs"]
mod tests;
