//! The report's period figures that `stats` has no key for (worst and best week, pain-free
//! days, PSFS against the period's first rating, red-flag days, events; page 1's clinical
//! figures from `clinical`), computed from the loaded journal and series; the figures `stats`
//! has are taken from it unchanged.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::clinical::{
    CurrentState, PsfsActivity, RidePain, Symptoms, current_state, psfs_activities, ride_pain,
    symptoms,
};
use super::figures_load::{MedFigures, TrainingFigures, med_figures, training_figures};
use crate::analysis::data::{DaySeries, mean, round1, week_start};
use crate::analysis::leg::LegStats;
use crate::analysis::pain::{MEAN7_MIN, meaningful_change};
use crate::analysis::psfs::{MEANINGFUL, score_at};
use crate::analysis::scores::ScoreSummary;
use crate::views::plan::PlanView;
use crate::views::report::ReportData;

/// Every figure of the report (`report --json` prints it under `figures`).
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub period: Period,
    pub pain: PainFigures,
    pub flares: FlareFigures,
    pub psfs: PsfsFigures,
    pub meds: MedFigures,
    pub training: TrainingFigures,
    pub red_flag_days: Vec<RedFlagDay>,
    pub events: Vec<EventMark>,
    pub current: CurrentState,
    pub symptoms: Symptoms,
    pub ride_pain: RidePain,
    /// `stats`' `leg` and `scores` unchanged, and the return plan as `plan --json` has it.
    pub leg: LegStats,
    pub scores: Vec<ScoreSummary>,
    pub plan: Option<PlanView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Days of the period since the journal began (a new journal's report does not count
    /// the days before its first entry).
    pub days: u32,
    pub days_logged: u32,
    /// The journal's first entry; None for an empty journal.
    pub journal_began: Option<NaiveDate>,
    /// Check-in days from the journal's first entry to the period's end.
    pub days_logged_since_began: u32,
}

/// A figure with the day it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Dated {
    pub date: NaiveDate,
    pub value: f64,
}

/// One calendar week's mean pain (weeks run Monday to Sunday, clipped to the period).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekMean {
    pub week: NaiveDate,
    pub mean: f64,
    pub days_logged: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PainFigures {
    /// The 7-day mean at the period's end (`stats`' `pain.mean7`).
    pub mean7: Option<f64>,
    /// The first 7-day mean inside the period.
    pub start_mean7: Option<Dated>,
    pub baseline: Option<f64>,
    pub latest: Option<f64>,
    /// mean7 − start_mean7, and whether it is a meaningful change (SPEC §7.1).
    pub change_from_start: Option<f64>,
    pub meaningful_from_start: bool,
    /// mean7 − baseline.
    pub change_from_baseline: Option<f64>,
    pub meaningful_from_baseline: bool,
    /// Weeks with at least 4 check-ins in the period.
    pub worst_week: Option<WeekMean>,
    pub best_week: Option<WeekMean>,
    pub pain_free_days: u32,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlareFigures {
    pub count: usize,
    pub longest_days: Option<u32>,
    pub peak: Option<u8>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PsfsFigures {
    /// The latest score (`stats`' `psfs.score`).
    pub now: Option<Dated>,
    /// The score on the first rating day inside the period.
    pub first: Option<Dated>,
    pub change: Option<f64>,
    /// |change| ≥ the minimal important change.
    pub meaningful: bool,
    pub minimal_important_change: f64,
    pub activities: usize,
    /// Each activity with its first score in the period and its latest.
    pub items: Vec<PsfsActivity>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RedFlagDay {
    pub date: NaiveDate,
    pub flags: Vec<String>,
    pub pain: u8,
    pub note: Option<String>,
}

/// An event in the period, numbered as its marker on the pain chart.
#[derive(Debug, Clone, Serialize)]
pub struct EventMark {
    pub n: usize,
    pub date: NaiveDate,
    pub kind: String,
    pub title: String,
    #[serde(skip)]
    pub note: Option<String>,
}

/// A note for `--notes`: what it was written on, and its text.
#[derive(Debug, Clone, Serialize)]
pub struct NoteEntry {
    pub date: NaiveDate,
    pub what: String,
    pub text: String,
}

/// Days of `[from, to]` in `s`, with their dates.
pub fn period_days<T: Copy>(
    s: &DaySeries<T>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, T)> {
    let mut out = Vec::new();
    let mut d = from.max(s.start);
    while d <= to.min(s.end()) {
        if let Some(v) = s.get(d) {
            out.push((d, *v));
        }
        d += Duration::days(1);
    }
    out
}

pub fn figures(r: &ReportData) -> Figures {
    let st = &r.stats;
    let flares = FlareFigures {
        count: st.flares.len(),
        longest_days: st.flares.iter().map(|f| f.days).max(),
        peak: st.flares.iter().map(|f| f.peak).max(),
    };
    let began = r.journal_began();
    let start = began.map_or(r.to + Duration::days(1), |b| b.max(r.from));
    Figures {
        period: Period {
            from: r.from,
            to: r.to,
            days: ((r.to - start).num_days() + 1).max(0) as u32,
            days_logged: st.pain.days_logged,
            journal_began: began,
            days_logged_since_began: r.series.pain.values.iter().flatten().count() as u32,
        },
        pain: pain_figures(r),
        flares,
        psfs: psfs_figures(r),
        meds: med_figures(r),
        training: training_figures(r),
        red_flag_days: red_flag_days(r),
        events: events(r),
        current: current_state(r),
        symptoms: symptoms(r),
        ride_pain: ride_pain(r),
        leg: st.leg.clone(),
        scores: st.scores.clone(),
        plan: r.plan.clone(),
    }
}

fn pain_figures(r: &ReportData) -> PainFigures {
    let st = &r.stats.pain;
    let pain = period_days(&r.series.pain, r.from, r.to);
    let start_mean7 = period_days(&r.series.mean7, r.from, r.to)
        .into_iter()
        .find_map(|(date, v)| {
            v.map(|v| Dated {
                date,
                value: round1(v),
            })
        });
    let mut weeks: Vec<WeekMean> = Vec::new();
    let mut week: Vec<f64> = Vec::new();
    let mut monday = week_start(r.from);
    let mut close = |monday: NaiveDate, week: &mut Vec<f64>| {
        if week.len() >= MEAN7_MIN
            && let Some(m) = mean(week)
        {
            weeks.push(WeekMean {
                week: monday,
                mean: round1(m),
                days_logged: week.len(),
            });
        }
        week.clear();
    };
    for (d, p) in &pain {
        if week_start(*d) != monday {
            close(monday, &mut week);
            monday = week_start(*d);
        }
        week.extend(*p);
    }
    close(monday, &mut week);
    let logged: Vec<f64> = pain.iter().filter_map(|(_, p)| *p).collect();
    let change = st.mean7.zip(start_mean7).map(|(m, s)| round1(m - s.value));
    PainFigures {
        mean7: st.mean7,
        start_mean7,
        baseline: st.baseline,
        latest: st.latest,
        change_from_start: change,
        change_from_baseline: st.mean7.zip(st.baseline).map(|(m, b)| round1(m - b)),
        meaningful_from_start: st
            .mean7
            .zip(start_mean7)
            .is_some_and(|(m, s)| meaningful_change(s.value, m)),
        meaningful_from_baseline: st
            .mean7
            .zip(st.baseline)
            .is_some_and(|(m, b)| meaningful_change(b, m)),
        // The first of equal weeks wins: the earlier one.
        worst_week: weeks
            .iter()
            .copied()
            .reduce(|a, b| if b.mean > a.mean { b } else { a }),
        best_week: weeks
            .iter()
            .copied()
            .reduce(|a, b| if b.mean < a.mean { b } else { a }),
        pain_free_days: logged.iter().filter(|p| **p == 0.0).count() as u32,
        mean: mean(&logged).map(round1),
    }
}

fn psfs_figures(r: &ReportData) -> PsfsFigures {
    let items = &r.journal.psfs_items;
    let mut days: Vec<NaiveDate> = items
        .iter()
        .flat_map(|i| i.ratings.iter().map(|x| x.date))
        .filter(|d| *d <= r.to)
        .collect();
    days.sort();
    days.dedup();
    let at = |d: NaiveDate| {
        score_at(items, d).map(|(s, n)| {
            (
                Dated {
                    date: d,
                    value: round1(s),
                },
                n,
            )
        })
    };
    let now = days.last().and_then(|d| at(*d));
    let first = days.iter().find(|d| **d >= r.from).and_then(|d| at(*d));
    let first = first.filter(|f| now.is_some_and(|n| n.0.date != f.0.date));
    let change = now.zip(first).map(|(n, f)| round1(n.0.value - f.0.value));
    PsfsFigures {
        now: now.map(|n| n.0),
        first: first.map(|f| f.0),
        change,
        meaningful: change.is_some_and(|c| c.abs() >= MEANINGFUL - 1e-9),
        minimal_important_change: MEANINGFUL,
        activities: now.map_or(0, |n| n.1),
        items: psfs_activities(r),
    }
}

fn red_flag_days(r: &ReportData) -> Vec<RedFlagDay> {
    let mut out: Vec<RedFlagDay> = r
        .journal
        .checkins
        .iter()
        .filter(|c| c.date >= r.from && c.date <= r.to && !c.red_flags.is_empty())
        .map(|c| RedFlagDay {
            date: c.date,
            flags: c.red_flags.iter().map(|f| f.as_str().to_string()).collect(),
            pain: c.pain,
            note: c.note.clone(),
        })
        .collect();
    out.sort_by_key(|d| d.date);
    out
}

fn events(r: &ReportData) -> Vec<EventMark> {
    let mut ev: Vec<_> = r.events.iter().collect();
    ev.sort_by_key(|e| (e.date, e.id));
    ev.iter()
        .enumerate()
        .map(|(i, e)| EventMark {
            n: i + 1,
            date: e.date,
            kind: e.kind.as_str().to_string(),
            title: e.title.clone(),
            note: e.note.clone(),
        })
        .collect()
}
