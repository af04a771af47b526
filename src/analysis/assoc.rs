//! Load and pain associations of SPEC §7.3: Spearman with tied ranks, hard days against rest
//! days and pushing through (the lags are in `lags.rs`). Both compare with days that started
//! from the same pain (SPEC §7.5, `adjust.rs`): hard sessions and riding through pain come
//! mostly on days that are already good or already bad, and a bad day is usually followed by a
//! better one. Each comes with n and a one-line sentence that states what the data was ("was",
//! "on days after"), never why.

use chrono::NaiveDate;
use serde::Serialize;

use super::adjust::{Frames, allows};
use super::chance::{Verdict, diff_score};
use super::data::{JournalData, mean, round1};
use super::words::{count as count_words, days, one};

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

/// Next-day pain after hard days against after rest days. JSON keys (SPEC §7.4) and
/// `adjusted`, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardVsRest {
    /// Mean of pain(d+1) − pain(d) over hard days d (both logged), as logged.
    pub hard_delta: Option<f64>,
    pub rest_delta: Option<f64>,
    /// Hard and rest days whose next day was logged.
    pub n_hard: usize,
    pub n_rest: usize,
    /// Next-day pain after hard days less after rest days, among days that started from the
    /// same pain (see `adjust.rs`): the figure the sentence and the test rest on.
    pub adjusted: Option<f64>,
    /// The hard-day threshold (see `load::hard_threshold_at`).
    #[serde(skip)]
    pub threshold: Option<f64>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Mean change `pain[i + k] − pain[i]` over the days where `group` holds and both exist.
fn mean_change(
    y0: &[Option<f64>],
    yk: &[Option<f64>],
    group: impl Fn(usize) -> bool,
) -> Option<f64> {
    let v: Vec<f64> = (0..y0.len())
        .filter(|&i| group(i))
        .filter_map(|i| Some(yk[i]? - y0[i]?))
        .collect();
    mean(&v)
}

/// "0.8 points higher than", "the same as", "0.3 points lower than".
fn points_than(diff: f64) -> String {
    let diff = round1(diff);
    if diff.abs() < 0.05 {
        "the same as".to_string()
    } else if diff > 0.0 {
        format!("{} points higher than", one(diff))
    } else {
        format!("{} points lower than", one(-diff))
    }
}

/// Over the window days of `fr` (`load` by window day, `load::known_load`): hard days have
/// load ≥ `threshold` (the one definition of "hard", `load::hard_threshold_at`), rest days
/// load 0. A day whose load is unknown (an activity without a TSS) is in neither group. Needs
/// `min_total` days in all and [`MIN_EACH`] in each group whose next day was logged.
pub fn hard_vs_rest(
    fr: &mut Frames,
    load: &[Option<f64>],
    threshold: Option<f64>,
    min_total: usize,
) -> HardVsRest {
    let x: Vec<Option<f64>> = (0..fr.len())
        .map(|i| {
            // Past the series' end there was no activity: a rest day.
            let l = load.get(i).copied().unwrap_or(Some(0.0))?;
            if l == 0.0 {
                Some(0.0)
            } else if threshold.is_some_and(|t| l >= t) {
                Some(1.0)
            } else {
                None
            }
        })
        .collect();
    let (y0, y1) = (fr.outcome(0).raw.clone(), fr.outcome(1).raw.clone());
    let count = |v: f64| {
        (0..x.len())
            .filter(|&i| x[i] == Some(v) && y1[i].is_some())
            .count()
    };
    let (n_hard, n_rest) = (count(1.0), count(0.0));
    let hard_delta = mean_change(&y0, &y1, |i| x[i] == Some(1.0));
    let rest_delta = mean_change(&y0, &y1, |i| x[i] == Some(0.0));
    let what = "hard_vs_rest".to_string();
    let ok = enough(n_hard, n_rest, min_total);
    let adj = ok.then(|| fr.adjust(1, &x));
    let Some((adj, diff)) = adj.and_then(|a| Some((a.clone(), a.slope?))) else {
        let counts = format!(
            "{} and {}",
            count_words(n_hard, "hard day"),
            count_words(n_rest, "rest day")
        );
        let fact = if ok {
            format!(
                "Hard days vs rest days: the hard days and the rest days never started from the \
                 same pain, so they cannot be compared ({counts})"
            )
        } else {
            format!(
                "Hard days vs rest days: not enough data ({counts}; needs {min_total} in all \
                 and {MIN_EACH} of each)"
            )
        };
        return HardVsRest {
            hard_delta: hard_delta.map(round1),
            rest_delta: rest_delta.map(round1),
            n_hard,
            n_rest,
            adjusted: None,
            threshold,
            verdict: Verdict::untested(what, fact),
        };
    };
    let fact = format!(
        "The day after one of the hardest 25 % of days ({:.0} TSS or more), pain was {} the day \
         after a rest day that started from the same pain ({}; {n_hard} vs {})",
        threshold.unwrap_or(0.0),
        points_than(diff),
        allows(1),
        days(n_rest),
    );
    HardVsRest {
        hard_delta: hard_delta.map(round1),
        rest_delta: rest_delta.map(round1),
        n_hard,
        n_rest,
        adjusted: Some(round1(diff)),
        threshold,
        verdict: Verdict::tested(what, fact, diff_score(diff), adj.design),
    }
}

/// Days with a session ridden through pain (pain during ≥ 5 or stopped for pain) against days
/// whose sessions all had pain during ≤ 3: the pain two days later. JSON keys: pushed_delta,
/// easy_delta (the mean change pain(d+2) − pain(d) as logged), n_pushed, n_easy (days whose
/// day + 2 was logged), adjusted, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PushThrough {
    pub pushed_delta: Option<f64>,
    pub easy_delta: Option<f64>,
    pub n_pushed: usize,
    pub n_easy: usize,
    /// Pain two days later after pushing through less after easy sessions, among days that
    /// started from the same pain.
    pub adjusted: Option<f64>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Sessions on the window days of `fr` (window day 0 is `start`); needs `min_total` days in all
/// and [`MIN_EACH`] in each group.
pub fn push_through(
    fr: &mut Frames,
    data: &JournalData,
    start: NaiveDate,
    min_total: usize,
) -> PushThrough {
    let len = fr.len();
    let x = pushed_or_easy(data, start, len);
    let (y0, y2) = (fr.outcome(0).raw.clone(), fr.outcome(2).raw.clone());
    let count = |v: f64| {
        (0..len)
            .filter(|&i| x[i] == Some(v) && y2[i].is_some())
            .count()
    };
    let (n_pushed, n_easy) = (count(1.0), count(0.0));
    let pushed_delta = mean_change(&y0, &y2, |i| x[i] == Some(1.0)).map(round1);
    let easy_delta = mean_change(&y0, &y2, |i| x[i] == Some(0.0)).map(round1);
    let what = "push_through".to_string();
    let ok = enough(n_pushed, n_easy, min_total);
    let adj = ok.then(|| fr.adjust(2, &x));
    let Some((adj, diff)) = adj.and_then(|a| Some((a.clone(), a.slope?))) else {
        let counts = format!(
            "{} with a session ridden through pain and {} with sessions at pain during ≤ 3",
            days(n_pushed),
            days(n_easy),
        );
        let fact = if ok {
            format!(
                "Pushing through pain: the sessions ridden through pain and the easy ones never \
                 started from the same pain, so they cannot be compared ({counts})"
            )
        } else {
            format!(
                "Pushing through pain: not enough data ({counts}; needs {min_total} in all and \
                 {MIN_EACH} of each)"
            )
        };
        return PushThrough {
            pushed_delta,
            easy_delta,
            n_pushed,
            n_easy,
            adjusted: None,
            verdict: Verdict::untested(what, fact),
        };
    };
    let fact = format!(
        "Two days after riding through pain (pain during ≥ 5 or stopped), pain was {} two days \
         after sessions with pain during ≤ 3 that started from the same pain ({}; {n_pushed} vs \
         {})",
        points_than(diff),
        allows(2),
        days(n_easy),
    );
    PushThrough {
        pushed_delta,
        easy_delta,
        n_pushed,
        n_easy,
        adjusted: Some(round1(diff)),
        verdict: Verdict::tested(what, fact, diff_score(diff), adj.design),
    }
}

/// Each of `len` days from `start`: 1 when a session was ridden through pain (pain during
/// ≥ 5, or stopped for pain), 0 when sessions were easy (pain during ≤ 3), None otherwise.
fn pushed_or_easy(data: &JournalData, start: NaiveDate, len: usize) -> Vec<Option<f64>> {
    let (mut pushed, mut easy) = (vec![false; len], vec![false; len]);
    for a in &data.activities {
        let i = (a.date() - start).num_days();
        if i < 0 || i as usize >= len {
            continue;
        }
        let during = a.pain_during;
        if a.stopped_for_pain || during.is_some_and(|p| p >= 5) {
            pushed[i as usize] = true;
        } else if during.is_some_and(|p| p <= 3) {
            easy[i as usize] = true;
        }
    }
    (0..len)
        .map(|i| {
            if pushed[i] {
                Some(1.0)
            } else if easy[i] {
                Some(0.0)
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "assoc_tests.rs"]
mod tests;
