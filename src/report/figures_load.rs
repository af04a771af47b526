//! The report's medication and training figures for the period: per medication the days used,
//! doses a day, the most taken in a day beside the daily limit and the regimen; over-limit
//! days, runs, opioid and acetaminophen days (from `med_safety`); weekly hours, TSS and rehab
//! sessions against the programme's target; sessions stopped for pain.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::med_safety::{
    OverMaxDay, Run, catalogue, class_days, daily_totals, over_max_days, regimen, runs, runs_of,
};
use crate::analysis::data::{round1, week_start};
use crate::analysis::rehab::week_target;
use crate::domain::vocab::MedClass;
use crate::views::report::ReportData;

#[derive(Debug, Clone, Serialize)]
pub struct MedUse {
    pub medication: String,
    pub class: String,
    pub unit: String,
    pub days_used: u32,
    pub doses: u32,
    /// Doses a day over the days it was used.
    pub doses_per_day_median: f64,
    pub doses_per_day_max: u32,
    /// The catalogue's daily limit (not what was taken).
    pub max_daily: Option<f64>,
    /// Days whose total was above the daily limit.
    pub days_over_max: u32,
    /// The most taken in one day and the first day it was taken.
    pub most_in_a_day: f64,
    pub most_in_a_day_date: NaiveDate,
    /// The mean total a day over the days it was used.
    pub mean_per_day_used: f64,
    /// The catalogue's regimen in words; None once the medication is deleted.
    pub regimen: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MedFigures {
    pub medications: Vec<MedUse>,
    /// Days in the period with any opioid dose.
    pub opioid_days: u32,
    /// The longest run of consecutive NSAID days in the period.
    pub longest_nsaid_run: u32,
    /// Steroid injections in the 12 months to the period's end (`stats`' `meds.injections_12m`).
    pub injections_12m: u32,
    /// Every day over a daily limit, with its amount.
    pub over_max_days: Vec<OverMaxDay>,
    /// NSAID and opioid runs of two days or more, with their dates.
    pub runs: Vec<Run>,
    /// Runs past the patient's own alert settings.
    pub flagged_runs: u32,
    pub acetaminophen_days: u32,
}

/// One Monday-to-Sunday week, clipped to the period (`days` says how many of its days are in).
#[derive(Debug, Clone, Serialize)]
pub struct WeekTraining {
    pub week: NaiveDate,
    pub days: u32,
    pub hours: f64,
    pub tss: f64,
    pub sessions: u32,
    pub stopped_for_pain: u32,
    pub rehab_sessions: u32,
    /// The programme's weekly target in force that week.
    pub rehab_target: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoppedSession {
    pub date: NaiveDate,
    pub kind: String,
    pub minutes: u32,
    pub pain_during: Option<u8>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainingFigures {
    pub weeks: Vec<WeekTraining>,
    pub hours: f64,
    pub tss: f64,
    pub sessions: u32,
    pub stopped_for_pain: Vec<StoppedSession>,
    /// At the period's end (`stats`' `load`).
    pub ctl: f64,
    pub atl: f64,
    pub tsb: f64,
    pub rehab_sessions: u32,
    pub rehab_per_week: f64,
    /// The targets of the period's weeks, prorated for partial weeks, per 7 days; None
    /// without a programme in the period.
    pub rehab_target_per_week: Option<f64>,
}

/// The median of a non-empty list (the mean of the middle two when even).
fn median(mut xs: Vec<u32>) -> f64 {
    xs.sort_unstable();
    let n = xs.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => xs[n / 2] as f64,
        _ => (xs[n / 2 - 1] + xs[n / 2]) as f64 / 2.0,
    }
}

/// The longest run of consecutive days in a sorted set.
fn longest_run(days: &BTreeSet<NaiveDate>) -> u32 {
    runs_of(days).iter().map(|r| r.2).max().unwrap_or(0)
}

pub fn med_figures(r: &ReportData) -> MedFigures {
    let totals = daily_totals(r);
    let medications = totals
        .iter()
        .filter_map(|(name, days)| {
            let dose = r.journal.doses.iter().find(|d| d.medication == *name);
            let cat = catalogue(r, name);
            let max_daily = cat.and_then(|m| m.max_daily);
            let (most_date, most) = days
                .iter()
                .map(|(d, v)| (*d, v.1))
                .reduce(|a, b| if b.1 > a.1 + 1e-9 { b } else { a })?;
            let total: f64 = days.values().map(|v| v.1).sum();
            Some(MedUse {
                medication: name.to_string(),
                class: dose.map_or("other", |d| d.class.as_str()).to_string(),
                unit: dose.map_or(String::new(), |d| d.unit.clone()),
                days_used: days.len() as u32,
                doses: days.values().map(|v| v.0).sum(),
                doses_per_day_median: median(days.values().map(|v| v.0).collect()),
                doses_per_day_max: days.values().map(|v| v.0).max().unwrap_or(0),
                max_daily,
                days_over_max: max_daily.map_or(0, |m| {
                    days.values().filter(|v| v.1 > m + 1e-9).count() as u32
                }),
                most_in_a_day: most,
                most_in_a_day_date: most_date,
                mean_per_day_used: round1(total / days.len() as f64),
                regimen: cat.map(regimen),
            })
        })
        .collect();
    let runs = runs(r);
    MedFigures {
        medications,
        opioid_days: class_days(r, MedClass::Opioid).len() as u32,
        longest_nsaid_run: longest_run(&class_days(r, MedClass::Nsaid)),
        injections_12m: r.stats.meds.injections_12m,
        over_max_days: over_max_days(r),
        flagged_runs: runs.iter().filter(|x| x.flagged).count() as u32,
        runs,
        acetaminophen_days: class_days(r, MedClass::Acetaminophen).len() as u32,
    }
}

pub fn training_figures(r: &ReportData) -> TrainingFigures {
    let mut weeks = empty_weeks(r);
    let stopped = add_sessions(r, &mut weeks);
    let (hours, tss) = weeks
        .iter()
        .fold((0.0, 0.0), |a, w| (a.0 + w.hours, a.1 + w.tss));
    for w in &mut weeks {
        w.hours = round1(w.hours);
        w.tss = round1(w.tss);
    }
    let days: u32 = weeks.iter().map(|w| w.days).sum();
    let rehab_sessions: u32 = weeks.iter().map(|w| w.rehab_sessions).sum();
    let targeted: Vec<_> = weeks
        .iter()
        .filter_map(|w| w.rehab_target.map(|t| (t, w.days)))
        .collect();
    let target_sessions: f64 = targeted
        .iter()
        .map(|(t, d)| *t as f64 * *d as f64 / 7.0)
        .sum();
    let target_days: u32 = targeted.iter().map(|(_, d)| d).sum();
    let per_week = |n: f64, days: u32| {
        if days == 0 {
            0.0
        } else {
            round1(n * 7.0 / days as f64)
        }
    };
    let l = &r.stats.load;
    TrainingFigures {
        sessions: weeks.iter().map(|w| w.sessions).sum(),
        weeks,
        hours: round1(hours),
        tss: round1(tss),
        stopped_for_pain: stopped,
        ctl: l.ctl,
        atl: l.atl,
        tsb: l.tsb,
        rehab_sessions,
        rehab_per_week: per_week(rehab_sessions as f64, days),
        rehab_target_per_week: (target_days > 0).then(|| per_week(target_sessions, target_days)),
    }
}

/// A row for each week of the period from its Monday, with the days it counts (from the
/// journal's first day) and the rehab target in force, its sums still zero.
fn empty_weeks(r: &ReportData) -> Vec<WeekTraining> {
    let mut weeks: Vec<WeekTraining> = Vec::new();
    let mut monday = week_start(r.from);
    // Weekly rates count the days from the journal's first day on.
    let counted = r.counted_from().unwrap_or(r.to + Duration::days(1));
    while monday <= r.to {
        let first = monday.max(counted);
        let last = (monday + Duration::days(6)).min(r.to);
        weeks.push(WeekTraining {
            week: monday,
            days: ((last - first).num_days() + 1).max(0) as u32,
            hours: 0.0,
            tss: 0.0,
            sessions: 0,
            stopped_for_pain: 0,
            rehab_sessions: 0,
            rehab_target: week_target(&r.journal.programmes, monday),
        });
        monday += Duration::days(7);
    }
    weeks
}

/// Adds each activity and rehab session of the period to its week; the sessions stopped for
/// pain, in date order.
fn add_sessions(r: &ReportData, weeks: &mut [WeekTraining]) -> Vec<StoppedSession> {
    let slot = |d: NaiveDate| {
        (d >= r.from && d <= r.to)
            .then(|| ((week_start(d) - week_start(r.from)).num_days() / 7) as usize)
    };
    let mut stopped = Vec::new();
    for a in &r.journal.activities {
        let Some(w) = slot(a.date()) else { continue };
        let secs = a.moving_s.unwrap_or(a.elapsed_s);
        let wk = &mut weeks[w];
        wk.hours += secs as f64 / 3600.0;
        wk.tss += a.tss.unwrap_or(0.0);
        wk.sessions += 1;
        if a.stopped_for_pain {
            wk.stopped_for_pain += 1;
            stopped.push(StoppedSession {
                date: a.date(),
                kind: a.kind_name().to_string(),
                minutes: secs / 60,
                pain_during: a.pain_during,
            });
        }
    }
    stopped.sort_by_key(|s| s.date);
    for s in &r.journal.rehab_sessions {
        if let Some(w) = slot(s.date) {
            weeks[w].rehab_sessions += 1;
        }
    }
    stopped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn runs_and_medians() {
        let days: BTreeSet<NaiveDate> = [
            "2025-03-01",
            "2025-03-02",
            "2025-03-04",
            "2025-03-05",
            "2025-03-06",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        assert_eq!(longest_run(&days), 3);
        assert_eq!(longest_run(&BTreeSet::new()), 0);
        assert_eq!(median(vec![3, 1, 2]), 2.0);
        assert_eq!(median(vec![1, 2, 2, 4]), 2.0);
        assert_eq!(median(vec![1, 2]), 1.5);
    }
}
