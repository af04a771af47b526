//! The pain series of SPEC §7.1: daily pain with gaps, mean7, the 28-day baseline, flare days,
//! the 14-day trend, the pain-free streak and meaningful change. Flares live in `flares.rs`.

use chrono::NaiveDate;

use super::data::{DaySeries, mean};
use crate::domain::records::Checkin;

/// Check-ins a mean7 window needs (SPEC §7.1).
pub const MEAN7_MIN: usize = 4;
/// Check-ins a baseline needs over its 28 days (SPEC §7.1).
pub const BASELINE_MIN: usize = 10;
/// Check-ins the 14-day trend needs: with fewer, one odd day decides the slope.
pub const TREND14_MIN: usize = 7;

/// Daily pain over `[start, end]`. A day without a check-in is None, never zero.
pub fn pain_series(
    checkins: &[Checkin],
    start: NaiveDate,
    end: NaiveDate,
) -> DaySeries<Option<f64>> {
    let mut s = DaySeries::filled(start, end, None);
    for c in checkins {
        if let Some(i) = s.index(c.date) {
            s.values[i] = Some(c.pain as f64);
        }
    }
    s
}

/// The rolling mean of the 7 days ending on each day; None unless ≥ 4 of them were logged.
/// Kept as running sums so ten years cost one pass.
pub fn mean7(pain: &DaySeries<Option<f64>>) -> DaySeries<Option<f64>> {
    let (mut sum, mut n) = (0.0, 0usize);
    let mut out = Vec::with_capacity(pain.len());
    for i in 0..pain.len() {
        if let Some(p) = pain.values[i] {
            sum += p;
            n += 1;
        }
        if i >= 7
            && let Some(p) = pain.values[i - 7]
        {
            sum -= p;
            n -= 1;
        }
        out.push((n >= MEAN7_MIN).then(|| sum / n as f64));
    }
    DaySeries {
        start: pain.start,
        values: out,
    }
}

/// The median pain of the 28 days before each day (the day itself excluded); None unless ≥ 10
/// were logged. Pain is a whole number 0–10, so a running histogram gives the median in O(11).
pub fn baseline(pain: &DaySeries<Option<f64>>) -> DaySeries<Option<f64>> {
    let mut hist = [0usize; 11];
    let mut n = 0usize;
    let bucket = |p: f64| (p.round().clamp(0.0, 10.0)) as usize;
    let mut out = Vec::with_capacity(pain.len());
    for i in 0..pain.len() {
        // The window for day i is [i-28, i-1]: add day i-1, drop day i-29.
        if i >= 1
            && let Some(p) = pain.values[i - 1]
        {
            hist[bucket(p)] += 1;
            n += 1;
        }
        if i >= 29
            && let Some(p) = pain.values[i - 29]
        {
            hist[bucket(p)] -= 1;
            n -= 1;
        }
        out.push((n >= BASELINE_MIN).then(|| hist_median(&hist, n)));
    }
    DaySeries {
        start: pain.start,
        values: out,
    }
}

/// The median of `n` values held as counts per pain point; the mean of the middle two when even.
fn hist_median(hist: &[usize; 11], n: usize) -> f64 {
    let nth = |k: usize| {
        let mut seen = 0;
        for (v, c) in hist.iter().enumerate() {
            seen += c;
            if seen > k {
                return v as f64;
            }
        }
        10.0
    };
    if n % 2 == 1 {
        nth(n / 2)
    } else {
        (nth(n / 2 - 1) + nth(n / 2)) / 2.0
    }
}

/// Whether a logged day is a flare day: pain ≥ max(baseline + 2, 4), or ≥ 7 with no baseline.
pub fn is_flare_day(pain: f64, baseline: Option<f64>) -> bool {
    match baseline {
        Some(b) => pain >= (b + 2.0).max(4.0),
        None => pain >= 7.0,
    }
}

/// Meaningful change (SPEC §7.1): at least 2 points, or at least 30% of the baseline.
pub fn meaningful_change(baseline: f64, value: f64) -> bool {
    let diff = (value - baseline).abs();
    diff >= 2.0 || (baseline > 0.0 && diff >= 0.3 * baseline - 1e-9)
}

/// The least-squares slope of pain over the 14 days ending `today`, in points per day; None
/// unless ≥ 7 of them were logged.
pub fn trend14_slope(pain: &DaySeries<Option<f64>>, today: NaiveDate) -> Option<f64> {
    let pts: Vec<(f64, f64)> = (0..14)
        .filter_map(|k| {
            let d = today - chrono::Duration::days(13 - k);
            pain.get(d).copied().flatten().map(|p| (k as f64, p))
        })
        .collect();
    if pts.len() < TREND14_MIN {
        return None;
    }
    let xs: Vec<f64> = pts.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = pts.iter().map(|p| p.1).collect();
    let (mx, my) = (mean(&xs)?, mean(&ys)?);
    let sxy: f64 = pts.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    Some(sxy / sxx)
}

/// Consecutive logged pain-free (0) days ending on the latest check-in on or before `today`.
/// A missing day ends the streak: an unlogged day is not known to be pain-free.
pub fn pain_free_streak(pain: &DaySeries<Option<f64>>, today: NaiveDate) -> u32 {
    let Some(mut i) = pain.index(today.min(pain.end())) else {
        return 0;
    };
    // Today may not be logged yet: start from the latest logged day.
    while pain.values[i].is_none() {
        if i == 0 {
            return 0;
        }
        i -= 1;
    }
    let mut streak = 0;
    loop {
        if pain.values[i] != Some(0.0) {
            return streak;
        }
        streak += 1;
        if i == 0 {
            return streak;
        }
        i -= 1;
    }
}

/// The latest logged pain on or before `today`, with its date.
pub fn latest(pain: &DaySeries<Option<f64>>, today: NaiveDate) -> Option<(NaiveDate, f64)> {
    let end = pain.index(today.min(pain.end()))?;
    (0..=end)
        .rev()
        .find_map(|i| pain.values[i].map(|p| (pain.date(i), p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn series(vals: &[Option<u8>]) -> DaySeries<Option<f64>> {
        DaySeries {
            start: d("2024-01-01"),
            values: vals.iter().map(|v| v.map(f64::from)).collect(),
        }
    }

    #[test]
    fn missing_days_stay_missing() {
        let c = |date: &str, pain| Checkin {
            date: d(date),
            pain,
            ..Default::default()
        };
        let s = pain_series(
            &[c("2024-01-01", 3), c("2024-01-03", 0)],
            d("2024-01-01"),
            d("2024-01-04"),
        );
        assert_eq!(s.values, vec![Some(3.0), None, Some(0.0), None]);
    }

    #[test]
    fn mean7_needs_four_checkins() {
        // Days 1..=8: 2, 4, -, 6, -, -, -, 8. On day 4 the window holds 2,4,6: only 3 → None.
        let s = series(&[Some(2), Some(4), None, Some(6), None, None, None, Some(8)]);
        let m = mean7(&s);
        assert_eq!(m.values[3], None);
        // Day 7 window (days 1–7): still 3 check-ins.
        assert_eq!(m.values[6], None);
        // Day 8 window (days 2–8): 4, 6, 8 → 3 check-ins → None; add one more and it appears.
        assert_eq!(m.values[7], None);
        let s = series(&[
            Some(2),
            Some(4),
            Some(3),
            Some(6),
            None,
            None,
            None,
            Some(8),
        ]);
        let m = mean7(&s);
        assert_eq!(m.values[3], Some(3.75)); // (2+4+3+6)/4
        assert_eq!(m.values[7], Some(5.25)); // days 2–8: (4+3+6+8)/4
    }

    #[test]
    fn baseline_is_median_of_28_days_before() {
        // 9 logged days of 2 then one of 6: the 10th check-in makes a baseline on day 11.
        let mut v: Vec<Option<u8>> = vec![Some(2); 9];
        v.push(Some(6));
        v.push(Some(9));
        let b = baseline(&series(&v));
        assert_eq!(b.values[9], None); // only 9 days before day 10
        assert_eq!(b.values[10], Some(2.0)); // median of nine 2s and one 6
        // Even count: 5 × 1 and 5 × 4 → (1 + 4) / 2 = 2.5.
        let mut v: Vec<Option<u8>> = vec![Some(1); 5];
        v.extend(vec![Some(4); 5]);
        v.push(None);
        assert_eq!(baseline(&series(&v)).values[10], Some(2.5));
        // Days older than 28 drop out: 30 days of 5, then 28 of 1 → day 59's baseline is 1.
        let mut v: Vec<Option<u8>> = vec![Some(5); 30];
        v.extend(vec![Some(1); 28]);
        v.push(None);
        assert_eq!(baseline(&series(&v)).values[58], Some(1.0));
    }

    #[test]
    fn flare_day_rule() {
        assert!(is_flare_day(4.0, Some(1.0))); // max(3, 4) = 4
        assert!(!is_flare_day(4.0, Some(2.5))); // needs 4.5
        assert!(is_flare_day(5.0, Some(3.0)));
        assert!(!is_flare_day(6.0, None));
        assert!(is_flare_day(7.0, None));
    }

    #[test]
    fn meaningful_change_two_points_or_thirty_percent() {
        assert!(meaningful_change(3.0, 1.0)); // 2 points
        assert!(meaningful_change(3.0, 2.0)); // 1 point ≥ 0.9, which is 30% of 3
        assert!(!meaningful_change(0.0, 1.0)); // no percentage of a zero baseline
        assert!(meaningful_change(6.0, 4.0));
        assert!(meaningful_change(5.0, 3.5)); // 1.5 = 30% of 5
        assert!(!meaningful_change(6.0, 5.0)); // 1 < 1.8
    }

    #[test]
    fn trend_and_streak() {
        // Pain falling by 0.5 a day over 14 logged days: 7, 6.5, ... → slope −0.5.
        let s = DaySeries {
            start: d("2024-01-01"),
            values: (0..14).map(|k| Some(7.0 - 0.5 * k as f64)).collect(),
        };
        let slope = trend14_slope(&s, d("2024-01-14")).unwrap();
        assert!((slope + 0.5).abs() < 1e-12);
        // Only 6 logged days → no trend.
        let s = series(&[Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]);
        assert_eq!(trend14_slope(&s, d("2024-01-06")), None);

        // 3, 0, 0, -, 0, 0, (today unlogged) → streak 2: the missing day ends it.
        let s = series(&[Some(3), Some(0), Some(0), None, Some(0), Some(0), None]);
        assert_eq!(pain_free_streak(&s, d("2024-01-07")), 2);
        let s = series(&[Some(3), Some(0), Some(0)]);
        assert_eq!(pain_free_streak(&s, d("2024-01-03")), 2);
        assert_eq!(latest(&s, d("2024-01-03")), Some((d("2024-01-03"), 0.0)));
    }
}
