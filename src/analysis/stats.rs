//! `backtrack stats`: every figure of SPEC §7 in one struct whose JSON keys are the stable ones
//! of SPEC §7.4, plus the readable text form and the one most notable association.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::assoc::{HardVsRest, LagCorr, PushThrough, hard_vs_rest, load_pain_lags, push_through};
use super::criteria_eval::{CriteriaInput, CriterionResult, evaluate_all};
use super::data::{DayIndex, JournalData, round1};
use super::factors::{MedAssoc, SleepAssoc, TagAssoc, med_assocs, sleep_assoc, tag_assocs};
use super::flares::{Flare, flares};
use super::load::{hard_threshold, week_totals};
use super::meds::{MedCounters, med_counters};
use super::pain::{latest, pain_free_streak, trend14_slope};
use super::psfs::{PsfsSummary, psfs_summary};
use super::rehab::{RehabSummary, rehab_summary};
use super::series::Series;

/// Days of training the criteria's hard-day threshold is taken over (the 75th percentile of
/// the non-zero daily loads of the last 12 months).
pub const CRITERIA_HARD_DAYS: i64 = 365;

/// JSON keys (SPEC §7.4): latest, mean7, mean7_prev, baseline, trend14_slope,
/// pain_free_streak_days, days_logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PainStats {
    pub latest: Option<f64>,
    pub mean7: Option<f64>,
    /// mean7 as it was 7 days ago.
    pub mean7_prev: Option<f64>,
    pub baseline: Option<f64>,
    /// Points per day over the last 14 days (needs 7 check-ins).
    pub trend14_slope: Option<f64>,
    pub pain_free_streak_days: u32,
    /// Check-ins from `since` (or the start) to today.
    pub days_logged: u32,
}

/// JSON keys (SPEC §7.4): ctl, atl, tsb, ramp, week_tss, week_hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadStats {
    pub ctl: f64,
    pub atl: f64,
    pub tsb: f64,
    pub ramp: f64,
    pub week_tss: f64,
    pub week_hours: f64,
}

/// Everything `stats` reports. Serialises to exactly the top-level keys of SPEC §7.4; the
/// fields marked skip are for the text form, the TUI and the report.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub pain: PainStats,
    pub flares: Vec<Flare>,
    pub load: LoadStats,
    pub load_pain: Vec<LagCorr>,
    pub hard_vs_rest: HardVsRest,
    pub push_through: PushThrough,
    pub tags: Vec<TagAssoc>,
    pub meds: MedCounters,
    pub rehab: RehabSummary,
    pub psfs: PsfsSummary,
    pub criteria: Vec<CriterionResult>,
    pub red_flags_today: Vec<String>,
    #[serde(skip)]
    pub today: NaiveDate,
    #[serde(skip)]
    pub since: Option<NaiveDate>,
    #[serde(skip)]
    pub sleep: SleepAssoc,
    #[serde(skip)]
    pub med_classes: Vec<MedAssoc>,
}

/// All figures as of `today`. Series run over the whole history (CTL and the baseline need
/// it); `since` limits the flares, associations and `days_logged` to days from that date.
pub fn stats(data: &JournalData, today: NaiveDate, since: Option<NaiveDate>) -> Stats {
    let ix = DayIndex::new(data, today);
    let s = Series::new(data, &ix);
    let t = &data.thresholds;
    let from = since.unwrap_or(ix.start);
    let at = |x: &super::data::DaySeries<Option<f64>>, d: NaiveDate| x.get(d).copied().flatten();
    let pain = PainStats {
        latest: latest(&s.pain, today).map(|(_, p)| p),
        mean7: at(&s.mean7, today).map(round1),
        mean7_prev: at(&s.mean7, today - Duration::days(7)).map(round1),
        baseline: at(&s.baseline, today),
        trend14_slope: trend14_slope(&s.pain, today).map(|v| (v * 100.0).round() / 100.0),
        pain_free_streak_days: pain_free_streak(&s.pain, today),
        days_logged: s
            .pain
            .values
            .iter()
            .enumerate()
            .filter(|(i, p)| p.is_some() && s.pain.date(*i) >= from)
            .count() as u32,
    };
    let f = s.fitness.get(today).copied().unwrap_or_default();
    let (week_tss, week_hours) = week_totals(&data.activities, today);
    let load = LoadStats {
        ctl: round1(f.ctl),
        atl: round1(f.atl),
        tsb: round1(f.tsb),
        ramp: round1(f.ramp),
        week_tss: round1(week_tss),
        week_hours: round1(week_hours),
    };
    let x = CriteriaInput {
        pain: &s.pain,
        mean7: &s.mean7,
        baseline: &s.baseline,
        load: &s.load,
        // "Hard" for the criteria is relative to the last 12 months of training: what the
        // rider does now, not years ago (and a screen's one-year window holds all of it).
        hard_threshold: hard_threshold(
            &super::series::window(&s.load, today - Duration::days(CRITERIA_HARD_DAYS - 1)).values,
        ),
    };
    let red_flags_today = ix
        .pos(today)
        .and_then(|i| ix.checkin[i])
        .map(|c| {
            data.checkins[c]
                .red_flags
                .iter()
                .map(|f| f.as_str().to_string())
                .collect()
        })
        .unwrap_or_default();
    Stats {
        pain,
        flares: flares(data, &ix, &s.pain, &s.baseline)
            .into_iter()
            .filter(|f| f.start >= from)
            .collect(),
        load,
        load_pain: load_pain_lags(&s.load, &s.pain, since, t.min_pairs),
        hard_vs_rest: hard_vs_rest(&s.load, &s.pain, since, t.min_group),
        push_through: push_through(data, &s.pain, since, t.min_group),
        tags: tag_assocs(data, &ix, &s.pain, since, t.min_group),
        meds: med_counters(data, today),
        rehab: rehab_summary(&data.programmes, &data.rehab_sessions, today),
        psfs: psfs_summary(&data.psfs_items, today),
        criteria: evaluate_all(&data.criteria, &x, today),
        red_flags_today,
        today,
        since,
        sleep: sleep_assoc(data, &s.pain, since, t.min_pairs),
        med_classes: med_assocs(data, &ix, &s.pain, since, t.min_group),
    }
}

/// All association sentences in a fixed order: load → pain by lag, hard vs rest, pushing
/// through, tags and workdays, sleep, medication classes.
pub fn sentences(st: &Stats) -> Vec<String> {
    let mut out: Vec<String> = st.load_pain.iter().map(|l| l.sentence.clone()).collect();
    out.push(st.hard_vs_rest.sentence.clone());
    out.push(st.push_through.sentence.clone());
    out.extend(st.tags.iter().map(|t| t.sentence.clone()));
    out.push(st.sleep.sentence.clone());
    out.extend(st.med_classes.iter().map(|m| m.sentence.clone()));
    out
}

/// The single most notable association for the dashboard, or None when nothing stands out.
/// Differences of means count by size (2 points, the meaningful change, scores 1.0; under 0.5
/// points is not notable); correlations by |ρ| (0.5 scores 1.0; under 0.2 is not notable).
/// Medication classes are left out: a dose is mostly taken because of that day's pain, so the
/// comparison restates the pain rather than adding to it.
pub fn most_notable(st: &Stats) -> Option<String> {
    let diff = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if (a - b).abs() >= 0.5 => Some((a - b).abs() / 2.0),
        _ => None,
    };
    let corr = |r: Option<f64>| r.filter(|r| r.abs() >= 0.2).map(|r| r.abs() / 0.5);
    let mut cands: Vec<(f64, &str)> = Vec::new();
    for l in &st.load_pain {
        cands.extend(corr(l.spearman).map(|s| (s, l.sentence.as_str())));
    }
    let h = &st.hard_vs_rest;
    cands.extend(diff(h.hard_delta, h.rest_delta).map(|s| (s, h.sentence.as_str())));
    let p = &st.push_through;
    cands.extend(diff(p.pushed_delta, p.easy_delta).map(|s| (s, p.sentence.as_str())));
    for t in &st.tags {
        cands.extend(
            diff(Some(t.with_mean), Some(t.without_mean)).map(|s| (s, t.sentence.as_str())),
        );
    }
    cands.extend(corr(st.sleep.spearman).map(|s| (s, st.sleep.sentence.as_str())));
    // The first of equals wins, so the order of `sentences` breaks ties.
    let mut best: Option<(f64, &str)> = None;
    for c in cands {
        if best.is_none_or(|b| c.0 > b.0) {
            best = Some(c);
        }
    }
    best.map(|b| b.1.to_string())
}
