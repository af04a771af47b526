//! Load → pain at lags 0–3 (SPEC §7.3, issue 12). Each lag has the plain Spearman ρ (kept in
//! `--json` for comparison) and the partial rank correlation that allows for the load on the
//! other lags 0–3 and for the mean pain of the week before. Training alternates hard and easy
//! days, so a real next-day effect would otherwise show up mirrored, as negative correlations
//! the same day and two days later; and after an injury pain is high for weeks while training
//! is held back, which without the week before's pain shows up at every lag as "less pain
//! with more training".

use chrono::NaiveDate;
use serde::Serialize;

use super::assoc::{first_index, ranks, spearman};
use super::chance::{Strength, Verdict, rho_score, strength};
use super::data::DaySeries;
use super::permute::Design;
use super::words::{days as days_words, two};

/// The lags reported, in days.
pub const LAGS: u32 = 3;

/// Daily load against pain `lag` days later. JSON keys: lag, spearman, partial, n, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LagCorr {
    pub lag: u32,
    /// Plain Spearman ρ; None when n is below the minimum or nothing varied.
    pub spearman: Option<f64>,
    /// Partial rank correlation allowing for the load on the other lags 0–3.
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

/// Removes from `v` its projection on the orthonormal `basis`.
fn residual(basis: &[Vec<f64>], v: &[f64]) -> Vec<f64> {
    let mut r = v.to_vec();
    for q in basis {
        let c: f64 = q.iter().zip(&r).map(|(a, b)| a * b).sum();
        for (x, qi) in r.iter_mut().zip(q) {
            *x -= c * qi;
        }
    }
    r
}

/// An orthonormal basis of the constant and `cols` (modified Gram–Schmidt); a column that
/// adds nothing new (constant, or a copy of another) is left out.
fn basis(n: usize, cols: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let mut out = vec![vec![1.0 / (n as f64).sqrt(); n]];
    for c in cols {
        let r = residual(&out, c);
        let norm = r.iter().map(|x| x * x).sum::<f64>().sqrt();
        let scale = c.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 1e-9 * scale.max(1.0) {
            out.push(r.iter().map(|x| x / norm).collect());
        }
    }
    out
}

/// For lags 0–3: over days d from `since` (or the start; in either case from the first
/// check-in on) whose day d + lag has a check-in,
/// load on d against pain on d + lag. Days without training count as load 0, and so do days
/// before the journal's first day. The partial correlation and its design use ranks computed
/// once over the window (load over the window and the 3 days before it, pain over its logged
/// days, the mean pain of the 7 days before each day) and residuals of those ranks on the
/// load ranks of the other lags and the rank of the week before's pain.
pub fn load_pain_lags(
    load: &DaySeries<f64>,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_pairs: usize,
) -> Vec<LagCorr> {
    let window = first_index(load.start, since).min(load.len());
    // From the window's first check-in: days before the journal began (a year's window on a
    // young journal) would otherwise enter the load ranks as a run of zeros.
    let from = (window..load.len())
        .find(|&s| pain.values.get(s).copied().flatten().is_some())
        .unwrap_or(window);
    let skip = from - window;
    let len = load.len() - from;
    let lead = LAGS as usize;
    // Load ranks over [from − 3, end]; index i + 3 is window day i.
    let ext: Vec<f64> = (0..len + lead)
        .map(|k| (from + k).checked_sub(lead).map_or(0.0, |s| load.values[s]))
        .collect();
    let rl = ranks(&ext);
    let logged: Vec<usize> = (0..len)
        .filter(|&i| pain.values.get(from + i).copied().flatten().is_some())
        .collect();
    let pr = ranks(
        &logged
            .iter()
            .filter_map(|&i| pain.values[from + i])
            .collect::<Vec<_>>(),
    );
    let mut rp: Vec<Option<f64>> = vec![None; len];
    for (k, &i) in logged.iter().enumerate() {
        rp[i] = Some(pr[k]);
    }
    let rw = ranks(&week_before(pain, from, len));
    (0..=LAGS)
        .map(|lag| {
            let k = lag as usize;
            let days: Vec<usize> = (0..len.saturating_sub(k))
                .filter(|&i| rp[i + k].is_some())
                .collect();
            let n = days.len();
            let when = lag_words(lag);
            let what = format!("load_pain lag {lag}");
            if n < min_pairs {
                let fact = format!(
                    "Training load and pain {when}: not enough data ({}; needs {min_pairs})",
                    days_words(n)
                );
                return untested(lag, n, Verdict::untested(what, fact));
            }
            let xs: Vec<f64> = days.iter().map(|&i| load.values[from + i]).collect();
            let ys: Vec<f64> = days
                .iter()
                .filter_map(|&i| pain.values[from + i + k])
                .collect();
            let rho = spearman(&xs, &ys);
            let x: Vec<f64> = days.iter().map(|&i| rl[i + lead]).collect();
            let y: Vec<f64> = days.iter().filter_map(|&i| rp[i + k]).collect();
            let mut others: Vec<Vec<f64>> = (0..=lead)
                .filter(|&j| j != k)
                .map(|j| days.iter().map(|&i| rl[i + k + lead - j]).collect())
                .collect();
            others.push(days.iter().map(|&i| rw[i]).collect());
            let q = basis(n, &others);
            let (rx, ry) = (residual(&q, &x), residual(&q, &y));
            let sxx: f64 = rx.iter().map(|v| v * v).sum();
            let syy: f64 = ry.iter().map(|v| v * v).sum();
            let sxy: f64 = rx.iter().zip(&ry).map(|(a, b)| a * b).sum();
            // Relative to the raw ranks' spread, so rounding noise is not mistaken for signal.
            let spread = (n as f64).powi(3) * 1e-12;
            let partial = (rho.is_some() && sxx > spread && syy > spread)
                .then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0));
            let Some(r) = partial else {
                let fact = format!(
                    "Training load and pain {when}: nothing varied ({})",
                    days_words(n)
                );
                return LagCorr {
                    spearman: rho.map(round2),
                    ..untested(lag, n, Verdict::untested(what, fact))
                };
            };
            let how = match strength(r) {
                Strength::None => "about the same whatever the",
                Strength::Slight if r > 0.0 => "slightly higher with more",
                Strength::Slight => "slightly lower with more",
                Strength::Clear if r > 0.0 => "higher with more",
                Strength::Clear => "lower with more",
            };
            let fact = format!(
                "Pain {when} was {how} training load (rank correlation {}, allowing for the \
                 load on the other days and the week before's pain; {})",
                two(r),
                days_words(n)
            );
            let mut design = Design {
                a: vec![0.0; skip + len],
                b: vec![0.0; skip + len],
            };
            for (j, &i) in days.iter().enumerate() {
                design.a[skip + i] = rx[j];
                design.b[skip + i] = ry[j];
            }
            LagCorr {
                lag,
                spearman: rho.map(round2),
                partial: Some(round2(r)),
                n,
                verdict: Verdict::tested(what, fact, rho_score(r), design),
            }
        })
        .collect()
}

/// For each window day, the mean pain of the 7 days before it (the days logged; the series
/// holds the days before the window too). With none logged, the window's mean pain stands in.
fn week_before(pain: &DaySeries<Option<f64>>, from: usize, len: usize) -> Vec<f64> {
    let all: Vec<f64> = pain.values[from..from + len]
        .iter()
        .flatten()
        .copied()
        .collect();
    let fill = if all.is_empty() {
        0.0
    } else {
        all.iter().sum::<f64>() / all.len() as f64
    };
    (0..len)
        .map(|i| {
            let s = from + i;
            let w: Vec<f64> = pain.values[s.saturating_sub(7)..s]
                .iter()
                .flatten()
                .copied()
                .collect();
            if w.is_empty() {
                fill
            } else {
                w.iter().sum::<f64>() / w.len() as f64
            }
        })
        .collect()
}

fn untested(lag: u32, n: usize, verdict: Verdict) -> LagCorr {
    LagCorr {
        lag,
        spearman: None,
        partial: None,
        n,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::chance::judge;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn series(load: Vec<f64>, pain: Vec<Option<f64>>) -> (DaySeries<f64>, DaySeries<Option<f64>>) {
        let start = d("2024-01-01"); // a Monday
        (
            DaySeries {
                start,
                values: load,
            },
            DaySeries {
                start,
                values: pain,
            },
        )
    }

    fn judged(mut lags: Vec<LagCorr>) -> Vec<LagCorr> {
        let mut v: Vec<&mut Verdict> = lags.iter_mut().map(|l| &mut l.verdict).collect();
        judge(&mut v, 0);
        lags
    }

    #[test]
    fn not_enough_data_below_14_pairs() {
        let (l, p) = series(
            (0..13).map(|k| k as f64 * 10.0).collect(),
            (0..13).map(|k| Some((k % 11) as f64)).collect(),
        );
        let lags = judged(load_pain_lags(&l, &p, None, 14));
        assert_eq!(
            (lags[0].n, lags[0].spearman, lags[0].verdict.p),
            (13, None, None)
        );
        assert_eq!(
            lags[0].verdict.sentence,
            "Training load and pain the same day: not enough data (13 days; needs 14)."
        );
        assert_eq!(lags[1].n, 12); // the last day has no next day
        // `since` drops the early pairs.
        let (l, p) = series(vec![1.0; 30], vec![Some(2.0); 30]);
        assert_eq!(load_pain_lags(&l, &p, Some(d("2024-01-05")), 14)[0].n, 26);
    }

    #[test]
    fn alternating_load_leaves_no_mirror_at_lags_0_and_2() {
        // A year of hard/easy alternation with noise; pain follows yesterday's load only.
        let mut seed = 11u64;
        let mut noise = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let n = 364;
        let load: Vec<f64> = (0..n)
            .map(|i| if i % 2 == 0 { 150.0 } else { 30.0 } + noise() * 60.0)
            .collect();
        let pain: Vec<Option<f64>> = (0..n)
            .map(|i| {
                let y = if i > 0 { load[i - 1] } else { 90.0 };
                Some((2.0 + y / 60.0 + noise() * 3.0).round())
            })
            .collect();
        let (l, p) = series(load, pain);
        let lags = judged(load_pain_lags(&l, &p, None, 14));
        // Plain Spearman mirrors the effect; the partial does not.
        assert!(lags[0].spearman.unwrap() < -0.3, "{:?}", lags[0]);
        assert!(lags[2].spearman.unwrap() < -0.3, "{:?}", lags[2]);
        assert!(lags[1].partial.unwrap() > 0.3, "{:?}", lags[1]);
        for k in [0, 2, 3] {
            assert!(lags[k].partial.unwrap().abs() < 0.15, "{:?}", lags[k]);
        }
        assert!(lags[1].verdict.unlikely(), "{:?}", lags[1].verdict);
        assert!(
            lags[1].verdict.sentence.starts_with(
                "Pain the next day was higher with more training load (rank correlation 0."
            ) && lags[1]
                .verdict
                .sentence
                .ends_with("allowing for the load on the other days and the week before's pain; 363 days); unlikely to be chance (p < 0.001)."),
            "{}",
            lags[1].verdict.sentence
        );
        assert_eq!(lags[1].verdict.what, "load_pain lag 1");
    }
}
