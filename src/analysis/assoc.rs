//! Load and pain associations of SPEC §7.3: Spearman with tied ranks, hard-vs-rest next-day
//! change and pushing through (the lags are in `lags.rs`). Each comes with n and a one-line
//! sentence that states what the data was ("was", "on days after"), never why.

use chrono::NaiveDate;
use serde::Serialize;

use super::chance::{Verdict, diff_score};
use super::data::{DaySeries, JournalData, mean, round1};
use super::designs::comparison;
use super::words::{count, days, one, signed};

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

/// Fewest days in each group of hard-vs-rest and push-through (issue 12); in all they also
/// need the `min_pairs` setting (14).
pub const MIN_EACH: usize = 5;

fn enough(a: usize, b: usize, min_total: usize) -> bool {
    a >= MIN_EACH && b >= MIN_EACH && a + b >= min_total
}

/// Next-day pain change after hard days against after rest days. JSON keys (SPEC §7.4) and
/// p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardVsRest {
    /// Mean of pain(d+1) − pain(d) over hard days d.
    pub hard_delta: Option<f64>,
    pub rest_delta: Option<f64>,
    pub n_hard: usize,
    pub n_rest: usize,
    /// The hard-day threshold (see `load::hard_threshold_at`).
    #[serde(skip)]
    pub threshold: Option<f64>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Over days d from `since`: hard days have load ≥ `threshold` (the one definition of "hard",
/// `load::hard_threshold_at`), rest days load 0. Both d and d + 1 need a check-in. Needs
/// `min_total` days in all and [`MIN_EACH`] in each group, or the deltas are None.
pub fn hard_vs_rest(
    load: &DaySeries<f64>,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    threshold: Option<f64>,
    min_total: usize,
) -> HardVsRest {
    let from = first_index(load.start, since).min(load.len());
    let len = load.len() - from;
    let at = |i: usize| pain.values.get(from + i).copied().flatten();
    let mut hard = vec![0u32; len];
    let mut rest = vec![0u32; len];
    let mut change = vec![None; len];
    for i in 0..len {
        let l = load.values[from + i];
        rest[i] = u32::from(l == 0.0);
        hard[i] = u32::from(l > 0.0 && threshold.is_some_and(|t| l >= t));
        if let (Some(p0), Some(p1)) = (at(i), at(i + 1)) {
            change[i] = Some(p1 - p0);
        }
    }
    let c = comparison(&hard, &rest, &change);
    let (n_hard, n_rest) = (c.n_a, c.n_b);
    let what = "hard_vs_rest".to_string();
    let (Some(h), Some(r), true) = (c.mean_a, c.mean_b, enough(n_hard, n_rest, min_total)) else {
        let fact = format!(
            "Hard days vs rest days: not enough data ({} and {}; needs {min_total} in all and \
             {MIN_EACH} of each)",
            count(n_hard, "hard day"),
            count(n_rest, "rest day"),
        );
        return HardVsRest {
            hard_delta: None,
            rest_delta: None,
            n_hard,
            n_rest,
            threshold,
            verdict: Verdict::untested(what, fact),
        };
    };
    let diff = round1(h - r);
    let cmp = if diff.abs() < 0.05 {
        "the same as".to_string()
    } else if diff > 0.0 {
        format!("{} points more than", one(diff))
    } else {
        format!("{} points less than", one(-diff))
    };
    let fact = format!(
        "The day after one of your hardest 25 % of days ({:.0} TSS or more), pain had changed \
         {cmp} the day after a rest day ({} vs {}; {n_hard} vs {})",
        threshold.unwrap_or(0.0),
        signed(h),
        signed(r),
        days(n_rest),
    );
    HardVsRest {
        hard_delta: Some(round1(h)),
        rest_delta: Some(round1(r)),
        n_hard,
        n_rest,
        threshold,
        verdict: Verdict::tested(what, fact, diff_score(h - r), c.design),
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
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Sessions from `since` to the end of `pain`; needs `min_total` sessions in all and
/// [`MIN_EACH`] in each group.
pub fn push_through(
    data: &JournalData,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_total: usize,
) -> PushThrough {
    let from = first_index(pain.start, since).min(pain.len());
    let len = pain.len() - from;
    let at = |i: usize| pain.values.get(from + i).copied().flatten();
    let (mut pushed, mut easy) = (vec![0u32; len], vec![0u32; len]);
    for a in &data.activities {
        let Some(i) = pain.index(a.date()).and_then(|i| i.checked_sub(from)) else {
            continue;
        };
        let during = a.pain_during;
        if a.stopped_for_pain || during.is_some_and(|p| p >= 5) {
            pushed[i] += 1;
        } else if during.is_some_and(|p| p <= 3) {
            easy[i] += 1;
        }
    }
    let change: Vec<Option<f64>> = (0..len).map(|i| Some(at(i + 2)? - at(i)?)).collect();
    let c = comparison(&pushed, &easy, &change);
    let (n_pushed, n_easy) = (c.n_a, c.n_b);
    let what = "push_through".to_string();
    let (Some(p), Some(e), true) = (c.mean_a, c.mean_b, enough(n_pushed, n_easy, min_total)) else {
        let fact = format!(
            "Pushing through pain: not enough data ({} ridden through pain and {} with pain \
             during ≤ 3; needs {min_total} in all and {MIN_EACH} of each)",
            count(n_pushed, "session"),
            count(n_easy, "session"),
        );
        return PushThrough {
            pushed_delta: None,
            easy_delta: None,
            n_pushed,
            n_easy,
            verdict: Verdict::untested(what, fact),
        };
    };
    let fact = format!(
        "Two days after sessions ridden through pain (pain during ≥ 5 or stopped), pain had \
         changed {}, against {} after sessions with pain during ≤ 3 ({n_pushed} vs {})",
        signed(p),
        signed(e),
        count(n_easy, "session"),
    );
    PushThrough {
        pushed_delta: Some(round1(p)),
        easy_delta: Some(round1(e)),
        n_pushed,
        n_easy,
        verdict: Verdict::tested(what, fact, diff_score(p - e), c.design),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::chance::judge;
    use crate::domain::records::Activity;
    use crate::domain::vocab::ActivityKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn pain(vals: &[u8]) -> DaySeries<Option<f64>> {
        DaySeries {
            start: d("2024-01-01"),
            values: vals.iter().map(|v| Some(f64::from(*v))).collect(),
        }
    }

    fn load(vals: &[f64]) -> DaySeries<f64> {
        DaySeries {
            start: d("2024-01-01"),
            values: vals.to_vec(),
        }
    }

    fn judged(v: &mut Verdict) {
        judge(&mut [v], 0);
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
    fn hard_vs_rest_by_hand() {
        // Two weeks repeated: hard (100), rest, hard, rest, moderate (50), rest, rest.
        // Pain 3 on hard days and 5 the day after; 4 on other days.
        let week = [100.0, 0.0, 100.0, 0.0, 50.0, 0.0, 0.0];
        let l: Vec<f64> = week.iter().cycle().take(21).copied().collect();
        let p: Vec<u8> = l.iter().map(|&x| if x == 100.0 { 3 } else { 4 }).collect();
        let mut p = p;
        for i in 0..21 {
            if i > 0 && l[i - 1] == 100.0 {
                p[i] = 5;
            }
        }
        let (l, p) = (load(&l), pain(&p));
        let mut h = hard_vs_rest(&l, &p, None, Some(100.0), 14);
        // Hard days d: 3 → 5, +2 each (6 days). Rest days of a week: 5 → 3 (−2), 5 → 4 (−1),
        // 4 → 4 (0), 4 → 3 (−1), but the last day has no next day: −4, −4, −3 → −11 / 11.
        assert_eq!((h.n_hard, h.n_rest), (6, 11));
        assert_eq!((h.hard_delta, h.rest_delta), (Some(2.0), Some(-1.0)));
        judged(&mut h.verdict);
        assert!(
            h.verdict.sentence.starts_with(
                "The day after one of your hardest 25 % of days (100 TSS or more), pain had \
                 changed 3.0 points more than the day after a rest day (+2.0 vs -1.0; 6 vs 11 \
                 days); "
            ),
            "{}",
            h.verdict.sentence
        );
        // 3 weeks are too few to be sure: three shuffled weeks out of six orders match.
        assert!(h.verdict.p.unwrap() > 0.05, "{:?}", h.verdict);
        // Below 14 in all (or 5 of each): not enough data, with the counts.
        let h = hard_vs_rest(&l, &p, Some(d("2024-01-11")), Some(100.0), 14);
        assert_eq!(h.hard_delta, None);
        assert_eq!(
            h.verdict.sentence,
            "Hard days vs rest days: not enough data (2 hard days and 6 rest days; needs 14 in \
             all and 5 of each)."
        );
        assert_eq!(h.verdict.p, None);
    }

    #[test]
    fn pushing_through_compares_48h_change() {
        let mut data = JournalData::default();
        let session = |day: NaiveDate, during: u8, stopped: bool| {
            let mut a = Activity::new(ActivityKind::Ride, day.and_hms_opt(9, 0, 0).unwrap(), 3600);
            a.pain_during = Some(during);
            a.stopped_for_pain = stopped;
            a
        };
        // Four weeks. Mondays: ridden through pain (6, or 2 and stopped); Wednesdays and
        // Fridays: easy (2); Thursdays: pain during 4, in neither group.
        let start = d("2024-01-01");
        let mut vals = Vec::new();
        for w in 0..4 {
            let mon = start + chrono::Duration::days(7 * w);
            data.activities
                .push(session(mon, if w % 2 == 0 { 6 } else { 2 }, w % 2 == 1));
            for k in [2, 4] {
                data.activities
                    .push(session(mon + chrono::Duration::days(k), 2, false));
            }
            data.activities
                .push(session(mon + chrono::Duration::days(3), 4, false));
            // Pain: Mon 4, Tue 3, Wed 2 (Mon → Wed −2), Thu 2, Fri 2, Sat 3 (Wed → Fri 0,
            // Fri → Sun +1), Sun 3.
            vals.extend([4, 3, 2, 2, 2, 3, 3]);
        }
        let p = pain(&vals);
        let r = push_through(&data, &p, None, 10);
        // Pushed: 4 × −2. Easy: Wed → Fri 0 (4), Fri → Sun +1 (4) → +0.5.
        assert_eq!((r.n_pushed, r.n_easy), (4, 8));
        assert_eq!(r.pushed_delta, None, "4 pushed sessions are fewer than 5");
        assert!(
            r.verdict.sentence.contains(
                "not enough data (4 sessions ridden through pain and 8 sessions with pain \
                 during ≤ 3; needs 10 in all and 5 of each)"
            ),
            "{}",
            r.verdict.sentence
        );
        // A fifth week adds one more of each kind.
        let mon = start + chrono::Duration::days(28);
        data.activities.push(session(mon, 7, false));
        vals.extend([4, 3, 2, 2, 2, 3, 3]);
        let r = push_through(&data, &pain(&vals), None, 10);
        assert_eq!((r.n_pushed, r.n_easy), (5, 8));
        assert_eq!((r.pushed_delta, r.easy_delta), (Some(-2.0), Some(0.5)));
        assert!(
            r.verdict.fact.contains(
                "pain had changed -2.0, against +0.5 after sessions with pain \
                 during ≤ 3 (5 vs 8 sessions)"
            ),
            "{}",
            r.verdict.fact
        );
    }
}
