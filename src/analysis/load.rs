//! Training load of SPEC §7.2: daily load (sum of TSS), CTL/ATL/TSB/ramp, and the week's TSS
//! and hours. Per-activity TSS itself lives in `tss.rs`.

use chrono::NaiveDate;
use serde::Serialize;

use super::data::{DaySeries, week_start};
use crate::domain::records::Activity;

/// CTL time constant in days (Coggan).
pub const CTL_DAYS: f64 = 42.0;
/// ATL time constant in days (Coggan).
pub const ATL_DAYS: f64 = 7.0;

/// Daily load over `[start, end]`: the sum of TSS that day, 0 on days without activities (an
/// activity without a TSS adds nothing).
pub fn daily_load(activities: &[Activity], start: NaiveDate, end: NaiveDate) -> DaySeries<f64> {
    let mut s = DaySeries::filled(start, end, 0.0);
    for a in activities {
        if let Some(i) = s.index(a.date()) {
            s.values[i] += a.tss.unwrap_or(0.0);
        }
    }
    s
}

/// Daily load where it is known: None on a day with an activity that has no TSS (no FTP,
/// LTHR or RPE for it yet), whose load is missing, not 0 (issue 25 item 8); `load` is
/// [`daily_load`] of the same activities.
pub fn known_load(activities: &[Activity], load: &DaySeries<f64>) -> Vec<Option<f64>> {
    let mut out: Vec<Option<f64>> = load.values.iter().copied().map(Some).collect();
    for a in activities.iter().filter(|a| a.tss.is_none()) {
        if let Some(i) = load.index(a.date()) {
            out[i] = None;
        }
    }
    out
}

/// Fitness, fatigue and form on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Fitness {
    pub ctl: f64,
    pub atl: f64,
    /// Form: yesterday's CTL minus yesterday's ATL.
    pub tsb: f64,
    /// CTL today minus CTL 7 days ago.
    pub ramp: f64,
}

/// CTL/ATL/TSB/ramp for every day of `load`. Both start at 0 on the series' first day, so the
/// series should start on the first day with data (SPEC §7.2); days before it count as 0.
pub fn fitness(load: &DaySeries<f64>) -> DaySeries<Fitness> {
    fitness_from(load, None)
}

/// The training before a loaded window, reduced to what the window's figures need: the EWMA
/// state the day before `start` and the CTL of the 7 days before it (for the ramp). With it, a
/// screen that loads only its window gets the CTL/ATL/TSB that a pass over all history gives.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadHistory {
    pub start: NaiveDate,
    pub ctl: f64,
    pub atl: f64,
    /// CTL on the 7 days before `start`, oldest first.
    pub ctl_prev7: [f64; 7],
    /// Daily totals of the training days in the [`HARD_DAYS`] before `start`, so that a window
    /// gets the same hard-day threshold as all history.
    pub recent: Vec<(NaiveDate, f64)>,
}

/// Runs the EWMAs over `daily` (date, total TSS; any order, all history) up to the day before
/// `start`. Days without a row count as 0; both averages start at 0 on the first day.
pub fn load_history(daily: &[(NaiveDate, f64)], start: NaiveDate) -> LoadHistory {
    let mut h = LoadHistory {
        start,
        ..LoadHistory::default()
    };
    let Some(first) = daily.iter().map(|(d, _)| *d).min() else {
        return h;
    };
    if first >= start {
        return h;
    }
    let before = DaySeries::filled(first, start - chrono::Duration::days(1), 0.0);
    let mut before = before;
    for (d, l) in daily {
        if let Some(i) = before.index(*d) {
            before.values[i] += l;
        }
    }
    // Summed per day: the rows may be per activity.
    let floor = start - chrono::Duration::days(HARD_DAYS);
    let mut recent: Vec<(NaiveDate, f64)> = daily
        .iter()
        .filter(|(d, _)| *d >= floor && *d < start)
        .copied()
        .collect();
    recent.sort_by_key(|(d, _)| *d);
    for (d, l) in recent {
        match h.recent.last_mut() {
            Some(last) if last.0 == d => last.1 += l,
            _ => h.recent.push((d, l)),
        }
    }
    h.recent.retain(|(_, l)| *l > 0.0);
    let f = fitness(&before);
    let last = f.values[f.len() - 1];
    h.ctl = last.ctl;
    h.atl = last.atl;
    for k in 0..7 {
        let back = 7 - k;
        if f.len() >= back {
            h.ctl_prev7[k] = f.values[f.len() - back].ctl;
        }
    }
    h
}

/// [`fitness`], continuing from `history` when the series starts at `history.start`.
pub fn fitness_from(load: &DaySeries<f64>, history: Option<&LoadHistory>) -> DaySeries<Fitness> {
    let seed = history.filter(|h| h.start == load.start);
    let mut out: Vec<Fitness> = Vec::with_capacity(load.len());
    let (mut ctl, mut atl) = seed.map_or((0.0, 0.0), |h| (h.ctl, h.atl));
    for (i, &l) in load.values.iter().enumerate() {
        let tsb = ctl - atl;
        ctl += (l - ctl) / CTL_DAYS;
        atl += (l - atl) / ATL_DAYS;
        let ctl_7 = match (i >= 7, seed) {
            (true, _) => out[i - 7].ctl,
            (false, Some(h)) => h.ctl_prev7[i],
            (false, None) => 0.0,
        };
        out.push(Fitness {
            ctl,
            atl,
            tsb,
            ramp: ctl - ctl_7,
        });
    }
    DaySeries {
        start: load.start,
        values: out,
    }
}

/// TSS and hours of the calendar week (Monday to `today`) holding `today`.
pub fn week_totals(activities: &[Activity], today: NaiveDate) -> (f64, f64) {
    let from = week_start(today);
    let (mut tss, mut secs) = (0.0, 0u64);
    for a in activities {
        let d = a.date();
        if d >= from && d <= today {
            tss += a.tss.unwrap_or(0.0);
            secs += a.moving_s.unwrap_or(a.elapsed_s) as u64;
        }
    }
    (tss, secs as f64 / 3600.0)
}

/// "Hard" is judged against the training of the days from today − 365 to today: the days of
/// `stats --since 365d` and of the dashboard, what the rider does now rather than years ago.
pub const HARD_DAYS: i64 = 365;

/// The one definition of a hard day (SPEC §7.3, issue 12), used by hard-vs-rest, the criteria
/// and every screen: daily load at or above the 75th percentile of the daily totals of the
/// training days from `today` − [`HARD_DAYS`] to `today`. `history` supplies the days before
/// a window's first day. None without training in those days.
pub fn hard_threshold_at(
    load: &DaySeries<f64>,
    history: Option<&LoadHistory>,
    today: NaiveDate,
) -> Option<f64> {
    let floor = today - chrono::Duration::days(HARD_DAYS);
    let mut days: Vec<f64> = history
        .filter(|h| h.start == load.start)
        .map(|h| {
            h.recent
                .iter()
                .filter(|(d, _)| *d >= floor)
                .map(|(_, l)| *l)
                .collect()
        })
        .unwrap_or_default();
    days.extend(
        load.values
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                let d = load.date(*i);
                d >= floor && d <= today
            })
            .map(|(_, l)| *l),
    );
    hard_threshold(&days)
}

/// The 75th percentile of the non-zero daily loads (linear interpolation between ranks). None
/// when there is no training at all.
pub fn hard_threshold(load: &[f64]) -> Option<f64> {
    let mut nz: Vec<f64> = load.iter().copied().filter(|l| *l > 0.0).collect();
    if nz.is_empty() {
        return None;
    }
    nz.sort_by(f64::total_cmp);
    Some(percentile_sorted(&nz, 0.75))
}

/// The `q` quantile of sorted values, interpolating linearly between neighbouring ranks.
pub fn percentile_sorted(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::ActivityKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ride(date: &str, mins: u32, tss: Option<f64>) -> Activity {
        let mut a = Activity::new(
            ActivityKind::Ride,
            d(date).and_hms_opt(10, 0, 0).unwrap(),
            mins * 60,
        );
        a.tss = tss;
        a
    }

    #[test]
    fn forty_two_days_of_100_tss_give_ctl_63_7() {
        let load = DaySeries {
            start: d("2024-01-01"),
            values: vec![100.0; 42],
        };
        let f = fitness(&load);
        let last = f.values[41];
        assert_eq!((last.ctl * 10.0).round() / 10.0, 63.7);
        // ATL after 42 days of 100: 100 × (1 − (6/7)^42) = 99.8.
        assert_eq!((last.atl * 10.0).round() / 10.0, 99.8);
        // Day 1: CTL 100/42 = 2.38, ATL 100/7 = 14.29, TSB uses yesterday's (0, 0) → 0.
        assert!((f.values[0].ctl - 100.0 / 42.0).abs() < 1e-12);
        assert!((f.values[0].atl - 100.0 / 7.0).abs() < 1e-12);
        assert_eq!(f.values[0].tsb, 0.0);
        // Day 2: TSB = 2.381 − 14.286 = −11.9.
        assert_eq!((f.values[1].tsb * 10.0).round() / 10.0, -11.9);
        // Ramp on day 42: CTL(42) − CTL(35) = 63.66 − 56.99... computed from the closed form.
        let ctl = |n: i32| 100.0 * (1.0 - (41.0f64 / 42.0).powi(n));
        assert!((last.ramp - (ctl(42) - ctl(35))).abs() < 1e-9);
    }

    #[test]
    fn history_seed_continues_the_whole_pass_exactly() {
        // 60 days: 100 TSS on even days, 40 on days divisible by 3, else rest.
        let start = d("2024-01-01");
        let all: Vec<f64> = (0..60)
            .map(|i| match i {
                i if i % 2 == 0 => 100.0,
                i if i % 3 == 0 => 40.0,
                _ => 0.0,
            })
            .collect();
        let whole = fitness(&DaySeries {
            start,
            values: all.clone(),
        });
        let daily: Vec<(NaiveDate, f64)> = all
            .iter()
            .enumerate()
            .filter(|(_, l)| **l > 0.0)
            .map(|(i, l)| (start + chrono::Duration::days(i as i64), *l))
            .collect();
        let cut = start + chrono::Duration::days(30);
        let h = load_history(&daily, cut);
        let window = fitness_from(
            &DaySeries {
                start: cut,
                values: all[30..].to_vec(),
            },
            Some(&h),
        );
        for (i, f) in window.values.iter().enumerate() {
            let w = whole.values[30 + i];
            assert!((f.ctl - w.ctl).abs() < 1e-9, "ctl day {i}");
            assert!((f.atl - w.atl).abs() < 1e-9, "atl day {i}");
            assert!((f.tsb - w.tsb).abs() < 1e-9, "tsb day {i}");
            assert!((f.ramp - w.ramp).abs() < 1e-9, "ramp day {i}");
        }
        // Without earlier training the seed is all zeros.
        let empty = load_history(&daily, start);
        assert_eq!(
            (empty.ctl, empty.atl, empty.ctl_prev7),
            (0.0, 0.0, [0.0; 7])
        );
    }

    #[test]
    fn daily_load_sums_and_zero_fills() {
        let acts = vec![
            ride("2024-01-01", 60, Some(50.0)),
            ride("2024-01-01", 30, Some(20.0)),
            ride("2024-01-03", 30, None),
        ];
        let l = daily_load(&acts, d("2024-01-01"), d("2024-01-03"));
        assert_eq!(l.values, vec![70.0, 0.0, 0.0]);
        // The ride without a TSS leaves its day's load unknown, not a rest day.
        assert_eq!(known_load(&acts, &l), vec![Some(70.0), Some(0.0), None]);
    }

    #[test]
    fn week_totals_from_monday() {
        // 2024-03-04 is a Monday; Sunday 03-03 belongs to the week before.
        let acts = vec![
            ride("2024-03-03", 60, Some(80.0)),
            ride("2024-03-04", 90, Some(60.0)),
            ride("2024-03-06", 45, Some(40.0)),
        ];
        assert_eq!(week_totals(&acts, d("2024-03-06")), (100.0, 2.25));
    }

    #[test]
    fn hard_threshold_is_75th_percentile_of_training_days() {
        // Non-zero loads 10, 20, 30, 40, 50: position 0.75 × 4 = 3 → 40.
        assert_eq!(
            hard_threshold(&[0.0, 10.0, 20.0, 0.0, 30.0, 40.0, 50.0]),
            Some(40.0)
        );
        // 10, 20, 30, 40: position 2.25 → 30 + 0.25 × 10 = 32.5.
        assert_eq!(hard_threshold(&[10.0, 20.0, 30.0, 40.0]), Some(32.5));
        assert_eq!(hard_threshold(&[0.0, 0.0]), None);
    }
}
