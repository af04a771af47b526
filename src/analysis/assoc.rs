//! Load and pain associations of SPEC §7.3: Spearman with tied ranks, load → pain at lags 0–3,
//! hard-vs-rest next-day change and pushing through. Each comes with n and a one-line sentence
//! that states what the data was ("was", "on days after"), never why.

use crate::domain::text::plural;
use chrono::NaiveDate;
use serde::Serialize;

use super::data::{DaySeries, JournalData, mean, round1};
use super::load::hard_threshold;

/// Average ranks (1-based): tied values share the mean of the ranks they span.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rank correlation: Pearson's r on average ranks, so ties are handled. None with
/// fewer than 2 pairs or when either side never varies.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let (rx, ry) = (ranks(xs), ranks(ys));
    let (mx, my) = (mean(&rx)?, mean(&ry)?);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// The index of `since` in a series starting at `start` (0 when absent or earlier).
pub fn first_index(start: NaiveDate, since: Option<NaiveDate>) -> usize {
    since.map_or(0, |s| (s - start).num_days().max(0) as usize)
}

/// Daily load against pain `lag` days later. JSON keys (SPEC §7.4): lag, spearman, n.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LagCorr {
    pub lag: u32,
    /// None when n is below the minimum ("not enough data") or nothing varied.
    pub spearman: Option<f64>,
    pub n: usize,
    #[serde(skip)]
    pub sentence: String,
}

fn lag_words(lag: u32) -> String {
    match lag {
        0 => "the same day".into(),
        1 => "the next day".into(),
        k => format!("{k} days later"),
    }
}

/// Spearman between daily load on day d and pain on day d + lag, for lags 0–3, over pairs
/// whose day d is on or after `since`. Days without training count as load 0.
pub fn load_pain_lags(
    load: &DaySeries<f64>,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_pairs: usize,
) -> Vec<LagCorr> {
    let from = first_index(load.start, since);
    (0..=3u32)
        .map(|lag| {
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            for i in from..load.len() {
                let day = load.date(i) + chrono::Duration::days(lag as i64);
                if let Some(Some(p)) = pain.get(day) {
                    xs.push(load.values[i]);
                    ys.push(*p);
                }
            }
            let n = xs.len();
            let rho = if n >= min_pairs {
                spearman(&xs, &ys)
            } else {
                None
            };
            let when = lag_words(lag);
            let sentence = match rho {
                _ if n < min_pairs => format!(
                    "Training load and pain {when}: not enough data ({}; needs {min_pairs}).",
                    plural(n, "day", "days")
                ),
                None => format!(
                    "Training load and pain {when}: nothing varied ({}).",
                    plural(n, "day", "days")
                ),
                Some(r) => {
                    // Rounded first, and −0 made 0, so the sentence never says "Spearman -0.00".
                    let r = (r * 100.0).round() / 100.0 + 0.0;
                    let how = if r.abs() < 0.1 {
                        "about the same whatever the".to_string()
                    } else if r > 0.0 {
                        "higher with more".to_string()
                    } else {
                        "lower with more".to_string()
                    };
                    format!("Pain {when} was {how} training load (Spearman {r:.2}, {n} days).",)
                }
            };
            LagCorr {
                lag,
                spearman: rho.map(|r| (r * 100.0).round() / 100.0 + 0.0),
                n,
                sentence,
            }
        })
        .collect()
}

/// Next-day pain change after hard days against after rest days. JSON keys (SPEC §7.4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardVsRest {
    /// Mean of pain(d+1) − pain(d) over hard days d.
    pub hard_delta: Option<f64>,
    pub rest_delta: Option<f64>,
    pub n_hard: usize,
    pub n_rest: usize,
    /// The hard-day threshold: the 75th percentile of non-zero daily loads.
    #[serde(skip)]
    pub threshold: Option<f64>,
    #[serde(skip)]
    pub sentence: String,
}

/// Hard days have load ≥ the 75th percentile of non-zero days (over the whole window); rest
/// days have load 0. Both the day and the next day need a check-in. Each group needs
/// `min_group` days or its mean is None.
pub fn hard_vs_rest(
    load: &DaySeries<f64>,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_group: usize,
) -> HardVsRest {
    let from = first_index(load.start, since).min(load.len());
    let threshold = hard_threshold(&load.values[from..]);
    let (mut hard, mut rest) = (Vec::new(), Vec::new());
    for i in from..load.len() {
        let d = load.date(i);
        let (Some(Some(p0)), Some(Some(p1))) =
            (pain.get(d), pain.get(d + chrono::Duration::days(1)))
        else {
            continue;
        };
        let l = load.values[i];
        if l == 0.0 {
            rest.push(p1 - p0);
        } else if threshold.is_some_and(|t| l >= t) {
            hard.push(p1 - p0);
        }
    }
    let (n_hard, n_rest) = (hard.len(), rest.len());
    let enough = n_hard >= min_group && n_rest >= min_group;
    let hard_raw = mean(&hard).filter(|_| enough);
    let rest_raw = mean(&rest).filter(|_| enough);
    let sentence = match (hard_raw, rest_raw) {
        (Some(h), Some(r)) => {
            let diff = round1(h - r);
            let cmp = if diff.abs() < 0.05 {
                "the same as".to_string()
            } else if diff > 0.0 {
                format!("{diff:.1} points more than")
            } else {
                format!("{:.1} points less than", -diff)
            };
            format!(
                "On days after your hardest 25% of sessions, pain changed {cmp} after rest days \
                 ({:+.1} vs {:+.1}; {n_hard} vs {n_rest} days).",
                round1(h),
                round1(r)
            )
        }
        _ => format!(
            "Hard days vs rest days: not enough data ({n_hard} hard, {n_rest} rest days; \
             needs {min_group} each)."
        ),
    };
    HardVsRest {
        hard_delta: hard_raw.map(round1),
        rest_delta: rest_raw.map(round1),
        n_hard,
        n_rest,
        threshold,
        sentence,
    }
}

/// Sessions with pain during ≥ 5 or stopped for pain, against sessions with pain during ≤ 3:
/// the mean pain change over the next 48 h, pain(d+2) − pain(d), from the check-ins.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PushThrough {
    pub pushed_delta: Option<f64>,
    pub easy_delta: Option<f64>,
    pub n_pushed: usize,
    pub n_easy: usize,
    #[serde(skip)]
    pub sentence: String,
}

pub fn push_through(
    data: &JournalData,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_group: usize,
) -> PushThrough {
    let (mut pushed, mut easy) = (Vec::new(), Vec::new());
    for a in &data.activities {
        let d = a.date();
        if since.is_some_and(|s| d < s) {
            continue;
        }
        let (Some(Some(p0)), Some(Some(p2))) =
            (pain.get(d), pain.get(d + chrono::Duration::days(2)))
        else {
            continue;
        };
        let during = a.pain_during;
        if a.stopped_for_pain || during.is_some_and(|p| p >= 5) {
            pushed.push(p2 - p0);
        } else if during.is_some_and(|p| p <= 3) {
            easy.push(p2 - p0);
        }
    }
    let (n_pushed, n_easy) = (pushed.len(), easy.len());
    let enough = n_pushed >= min_group && n_easy >= min_group;
    let pushed_delta = mean(&pushed).filter(|_| enough).map(round1);
    let easy_delta = mean(&easy).filter(|_| enough).map(round1);
    let sentence = match (pushed_delta, easy_delta) {
        (Some(p), Some(e)) => format!(
            "Two days after sessions ridden through pain (pain during ≥ 5 or stopped), pain had \
             changed {p:+.1}, against {e:+.1} after sessions with pain during ≤ 3 \
             ({n_pushed} vs {n_easy} sessions)."
        ),
        _ => format!(
            "Pushing through pain: not enough data ({n_pushed} vs {}; needs \
             {min_group} each).",
            plural(n_easy, "session", "sessions")
        ),
    };
    PushThrough {
        pushed_delta,
        easy_delta,
        n_pushed,
        n_easy,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::Activity;
    use crate::domain::vocab::ActivityKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn pain(vals: &[Option<u8>]) -> DaySeries<Option<f64>> {
        DaySeries {
            start: d("2024-01-01"),
            values: vals.iter().map(|v| v.map(f64::from)).collect(),
        }
    }

    fn load(vals: &[f64]) -> DaySeries<f64> {
        DaySeries {
            start: d("2024-01-01"),
            values: vals.to_vec(),
        }
    }

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
        assert_eq!((r * 10000.0).round() / 10000.0, 0.8208);
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
    }

    #[test]
    fn lags_say_not_enough_data_below_14_pairs() {
        // 13 logged days with load rising and pain rising the same day.
        let l = load(&(0..13).map(|k| k as f64 * 10.0).collect::<Vec<_>>());
        let p = pain(&(0..13).map(|k| Some((k % 11) as u8)).collect::<Vec<_>>());
        let lags = load_pain_lags(&l, &p, None, 14);
        assert_eq!((lags[0].n, lags[0].spearman), (13, None));
        assert_eq!(
            lags[0].sentence,
            "Training load and pain the same day: not enough data (13 days; needs 14)."
        );
        assert_eq!(lags[1].n, 12); // the last day has no next day
        // 14 days: pain 0..=10 then 10, 10, 10 ties; load strictly rising → ρ > 0.
        let l = load(&(0..14).map(|k| k as f64 * 10.0).collect::<Vec<_>>());
        let p = pain(&(0..14).map(|k| Some(k.min(10) as u8)).collect::<Vec<_>>());
        let lags = load_pain_lags(&l, &p, None, 14);
        let r = lags[0].spearman.unwrap();
        assert!(r > 0.95 && r < 1.0, "{r}");
        assert!(
            lags[0]
                .sentence
                .starts_with("Pain the same day was higher with more training")
        );
        // `since` drops the early pairs.
        assert_eq!(load_pain_lags(&l, &p, Some(d("2024-01-05")), 14)[0].n, 10);
    }

    #[test]
    fn hard_vs_rest_by_hand() {
        // Non-zero loads 100, 100, 100, 50 → 75th percentile 100: days 1, 3, 5 are hard.
        let l = load(&[100.0, 0.0, 100.0, 0.0, 100.0, 0.0, 50.0, 0.0, 0.0]);
        let p = pain(&[
            Some(3),
            Some(5),
            Some(3),
            Some(5),
            Some(3),
            Some(4),
            Some(3),
            Some(3),
            Some(3),
        ]);
        let h = hard_vs_rest(&l, &p, None, 3);
        // Hard: +2, +2, +1 → 1.67. Rest: −2, −2, −1, 0 → −1.25 (the last day has no next day).
        assert_eq!(h.threshold, Some(100.0));
        assert_eq!((h.n_hard, h.n_rest), (3, 4));
        assert_eq!((h.hard_delta, h.rest_delta), (Some(1.7), Some(-1.3)));
        assert_eq!(
            h.sentence,
            "On days after your hardest 25% of sessions, pain changed 2.9 points more than after \
             rest days (+1.7 vs -1.3; 3 vs 4 days)."
        );
        let h = hard_vs_rest(&l, &p, None, 4);
        assert_eq!(h.hard_delta, None);
        assert!(
            h.sentence
                .contains("not enough data (3 hard, 4 rest days; needs 4 each)")
        );
    }

    #[test]
    fn pushing_through_compares_48h_change() {
        let mut data = JournalData::default();
        let session = |day: &str, during: u8, stopped: bool| {
            let mut a = Activity::new(
                ActivityKind::Ride,
                d(day).and_hms_opt(9, 0, 0).unwrap(),
                3600,
            );
            a.pain_during = Some(during);
            a.stopped_for_pain = stopped;
            a
        };
        // Pushed on days 1, 2 (stopped), 3; easy on days 6, 7, 8; day 4 (pain 4) is neither.
        for (day, during, stopped) in [
            ("2024-01-01", 6, false),
            ("2024-01-02", 2, true),
            ("2024-01-03", 5, false),
            ("2024-01-04", 4, false),
            ("2024-01-06", 2, false),
            ("2024-01-07", 3, false),
            ("2024-01-08", 1, false),
        ] {
            data.activities.push(session(day, during, stopped));
        }
        let p = pain(&[
            Some(2),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(3),
            Some(3),
            Some(3),
            Some(2),
            Some(3),
        ]);
        let r = push_through(&data, &p, None, 3);
        // Pushed: 3−2, 5−2... day1: p3 − p1 = 3 − 2 = +1; day2: 4 − 2 = +2; day3: 5 − 3 = +2 → 1.67.
        // Easy: day6: p8 − p6 = 3 − 3 = 0; day7: 2 − 3 = −1; day8: 3 − 3 = 0 → −0.33.
        assert_eq!((r.n_pushed, r.n_easy), (3, 3));
        assert_eq!((r.pushed_delta, r.easy_delta), (Some(1.7), Some(-0.3)));
        assert!(
            r.sentence.contains("pain had changed +1.7, against -0.3"),
            "{}",
            r.sentence
        );
    }
}
