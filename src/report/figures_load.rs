//! The report's medication and training figures for the period: per medication the days used,
//! doses a day and days over the maximum; opioid days and the longest NSAID run; weekly hours,
//! TSS and rehab sessions against the programme's target; sessions stopped for pain.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::data::ReportData;
use crate::analysis::data::{round1, week_start};
use crate::analysis::rehab::week_target;
use crate::domain::vocab::MedClass;

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
    pub max_daily: Option<f64>,
    /// Days whose total was above the catalogue's max daily total.
    pub days_over_max: u32,
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
    let (mut best, mut run, mut prev) = (0, 0, None::<NaiveDate>);
    for d in days {
        run = if prev.is_some_and(|p| *d - p == Duration::days(1)) {
            run + 1
        } else {
            1
        };
        best = best.max(run);
        prev = Some(*d);
    }
    best
}

pub fn med_figures(r: &ReportData) -> MedFigures {
    let in_period = |d: NaiveDate| d >= r.from && d <= r.to;
    // medication -> day -> (doses, total amount)
    let mut by_med: BTreeMap<&str, BTreeMap<NaiveDate, (u32, f64)>> = BTreeMap::new();
    let mut opioid = BTreeSet::new();
    let mut nsaid = BTreeSet::new();
    for d in r
        .journal
        .doses
        .iter()
        .filter(|d| in_period(d.taken_at.date()))
    {
        let day = d.taken_at.date();
        let e = by_med
            .entry(&d.medication)
            .or_default()
            .entry(day)
            .or_default();
        e.0 += 1;
        e.1 += d.amount;
        match d.class {
            MedClass::Opioid => opioid.insert(day),
            MedClass::Nsaid => nsaid.insert(day),
            _ => false,
        };
    }
    let medications = by_med
        .into_iter()
        .map(|(name, days)| {
            let dose = r.journal.doses.iter().find(|d| d.medication == name);
            let cat = r
                .journal
                .medications
                .iter()
                .find(|m| dose.is_some_and(|d| d.medication_id == m.id) || m.name == name);
            let max_daily = cat.and_then(|m| m.max_daily);
            MedUse {
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
            }
        })
        .collect();
    MedFigures {
        medications,
        opioid_days: opioid.len() as u32,
        longest_nsaid_run: longest_run(&nsaid),
        injections_12m: r.stats.meds.injections_12m,
    }
}

pub fn training_figures(r: &ReportData) -> TrainingFigures {
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
