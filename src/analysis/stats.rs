//! `backtrack stats`: every figure of SPEC §7 in one struct whose JSON keys are the stable ones
//! of SPEC §7.4 (plus `sleep`, `sitting`, `med_days`, `notable` and each association's `p`
//! and `p_holm`), and the one most notable association, chosen among those unlikely to be
//! chance.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::adjust::Frames;
use super::assoc::{HardVsRest, PushThrough, first_index, hard_vs_rest, push_through};
use super::before_after::{EventChange, before_after};
use super::chance::{Notable, Verdict, judge, notable};
use super::criteria_eval::{CriteriaInput, CriterionResult, evaluate_all};
use super::data::{DayIndex, JournalData, round1};
use super::factors::{
    HoursAssoc, MedAssoc, TagAssoc, med_assocs, sitting_assocs, sleep_assoc, tag_assocs,
};
use super::flares::{Flare, flares};
use super::lags::{LagCorr, load_pain_lags};
use super::load::{hard_threshold_at, known_load, week_totals};
use super::meds::{MedCounters, med_counters};
use super::pain::{latest, meaningful_change, pain_free_streak, trend14_slope};
use super::psfs::{PsfsSummary, psfs_summary};
use super::rehab::{RehabSummary, rehab_summary};
use super::series::Series;
use super::words::days;

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
    /// mean7 − baseline when that is a meaningful change (SPEC §7.1), from the unrounded
    /// figures: 15/7 = 2.14 against 3.0 is 29 %, not meaningful, although 2.1 would be.
    #[serde(skip)]
    pub change: Option<f64>,
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
    /// Sleep hours against next-day pain.
    pub sleep: HoursAssoc,
    /// Sitting hours against same-day (lag 0) and next-day (lag 1) pain.
    pub sitting: Vec<HoursAssoc>,
    /// Mean pain on days with and without a dose of each medication class.
    pub med_days: Vec<MedAssoc>,
    /// The most notable association, or null when none survives Holm's correction.
    pub notable: Option<Notable>,
    /// Pain before and after each bike fit, injection, procedure, equipment change, other
    /// event and programme start (judged among themselves; never the headline).
    pub events: Vec<EventChange>,
    /// Leg pain (SPEC §14): latest, mean7, days logged and days above back pain.
    pub leg: super::leg::LegStats,
    /// Outcome scores per instrument (SPEC §14), from `since`.
    pub scores: Vec<super::scores::ScoreSummary>,
    #[serde(skip)]
    pub today: NaiveDate,
    #[serde(skip)]
    pub since: Option<NaiveDate>,
    /// Associations tested in this run (the size of Holm's family).
    #[serde(skip)]
    pub tested: usize,
}

/// All figures as of `today`. Series run over the whole history (CTL and the baseline need
/// it); `since` limits the flares, associations and `days_logged` to days from that date.
pub fn stats(data: &JournalData, today: NaiveDate, since: Option<NaiveDate>) -> Stats {
    let ix = DayIndex::new(data, today);
    let s = Series::new(data, &ix);
    let t = &data.thresholds;
    let from = since.unwrap_or(ix.start);
    let pain = pain_stats(&s, today, from);
    let load = load_stats(data, &s, today);
    let hard = hard_threshold_at(&s.load, data.history.as_ref(), today);
    let leg_m7 = super::pain::mean7(&s.leg);
    let x = CriteriaInput {
        pain: &s.pain,
        mean7: &s.mean7,
        leg: &s.leg,
        leg_mean7: &leg_m7,
        baseline: &s.baseline,
        load: &s.load,
        hard_threshold: hard,
    };
    let red_flags_today = red_flags_on(data, &ix, today);
    // Every association covers the window's days from its first day; weeks start on Monday.
    let wfrom = first_index(ix.start, since).min(ix.len());
    let first = ix.start + Duration::days(wfrom as i64);
    let offset = first.weekday().num_days_from_monday() as usize;
    let hints = pain_hints(data, &ix);
    let mut fr = Frames::with_hints(&s.pain.values, &hints, &s.load.values, wfrom, offset);
    let wload = &s.load.values[wfrom.min(s.load.len())..];
    let known = known_load(&data.activities, &s.load);
    let wknown = &known[wfrom.min(known.len())..];
    let mut st = Stats {
        pain,
        flares: flares(data, &ix, &s.pain, &s.baseline)
            .into_iter()
            .filter(|f| f.start >= from)
            .collect(),
        load,
        load_pain: load_pain_lags(&mut fr, wload, t.min_pairs),
        hard_vs_rest: hard_vs_rest(&mut fr, wknown, hard, t.min_pairs),
        push_through: push_through(&mut fr, data, first, t.min_pairs),
        tags: tag_assocs(&mut fr, data, &ix, wfrom, t.min_group),
        meds: med_counters(data, today),
        rehab: rehab_summary(&data.programmes, &data.rehab_sessions, today),
        psfs: psfs_summary(&data.psfs_items, today),
        criteria: evaluate_all(&data.criteria, &x, today),
        red_flags_today,
        sleep: sleep_assoc(&mut fr, data, &ix, wfrom, t.min_pairs),
        sitting: sitting_assocs(&mut fr, data, &ix, wfrom, t.min_pairs),
        med_days: med_assocs(&mut fr, data, &ix, wfrom, t.min_group),
        notable: None,
        events: before_after(data, &s.pain.values, ix.start, wfrom, today),
        leg: super::leg::leg_stats(&s.pain, &s.leg, &leg_m7, today, from),
        scores: super::scores::score_summaries(&data.scores, &data.score_schedules, today, since),
        today,
        since,
        tested: 0,
    };
    st.tested = verdicts_mut(&mut st)
        .iter()
        .filter(|v| v.design.is_some())
        .count();
    judge(&mut verdicts_mut(&mut st), offset);
    st.notable = notable(verdicts(&st));
    st
}

/// Pain as of `today`: the latest, the means, the trend and streak, the days logged since
/// `from`, and a meaningful change against baseline.
fn pain_stats(s: &Series, today: NaiveDate, from: NaiveDate) -> PainStats {
    let at = |x: &super::data::DaySeries<Option<f64>>, d: NaiveDate| x.get(d).copied().flatten();
    let (m7, base) = (at(&s.mean7, today), at(&s.baseline, today));
    PainStats {
        latest: latest(&s.pain, today).map(|(_, p)| p),
        mean7: m7.map(round1),
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
        change: match (m7, base) {
            (Some(m), Some(b)) if meaningful_change(b, m) => Some(m - b),
            _ => None,
        },
    }
}

/// The training load as of `today`, and this week's totals.
fn load_stats(data: &JournalData, s: &Series, today: NaiveDate) -> LoadStats {
    let f = s.fitness.get(today).copied().unwrap_or_default();
    let (week_tss, week_hours) = week_totals(&data.activities, today);
    LoadStats {
        ctl: round1(f.ctl),
        atl: round1(f.atl),
        tsb: round1(f.tsb),
        ramp: round1(f.ramp),
        week_tss: round1(week_tss),
        week_hours: round1(week_hours),
    }
}

/// The red flags logged in `today`'s check-in.
fn red_flags_on(data: &JournalData, ix: &DayIndex, today: NaiveDate) -> Vec<String> {
    ix.pos(today)
        .and_then(|i| ix.checkin[i])
        .map(|c| {
            data.checkins[c]
                .red_flags
                .iter()
                .map(|f| f.as_str().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The highest pain logged before a session or a dose on each day (see `Frames::with_hints`).
fn pain_hints(data: &JournalData, ix: &DayIndex) -> Vec<Option<f64>> {
    (0..ix.len())
        .map(|i| {
            let a = ix.activities[i]
                .iter()
                .filter_map(|&k| data.activities[k].pain_before);
            let d = ix.doses[i]
                .iter()
                .filter_map(|&k| data.doses[k].pain_before);
            a.chain(d).max().map(f64::from)
        })
        .collect()
}

/// Every association's verdict in the fixed order of [`sentences`]: load → pain by lag, hard
/// vs rest, pushing through, tags and workdays, sleep, sitting, medication classes.
pub fn verdicts(st: &Stats) -> Vec<&Verdict> {
    let mut out: Vec<&Verdict> = st.load_pain.iter().map(|l| &l.verdict).collect();
    out.push(&st.hard_vs_rest.verdict);
    out.push(&st.push_through.verdict);
    out.extend(st.tags.iter().map(|t| &t.verdict));
    out.push(&st.sleep.verdict);
    out.extend(st.sitting.iter().map(|s| &s.verdict));
    out.extend(st.med_days.iter().map(|m| &m.verdict));
    out
}

fn verdicts_mut(st: &mut Stats) -> Vec<&mut Verdict> {
    let mut out: Vec<&mut Verdict> = st.load_pain.iter_mut().map(|l| &mut l.verdict).collect();
    out.push(&mut st.hard_vs_rest.verdict);
    out.push(&mut st.push_through.verdict);
    out.extend(st.tags.iter_mut().map(|t| &mut t.verdict));
    out.push(&mut st.sleep.verdict);
    out.extend(st.sitting.iter_mut().map(|s| &mut s.verdict));
    out.extend(st.med_days.iter_mut().map(|m| &mut m.verdict));
    out
}

/// All association sentences, each with its n and whether it could be chance, in the order
/// of [`verdicts`].
pub fn sentences(st: &Stats) -> Vec<String> {
    verdicts(st).iter().map(|v| v.sentence.clone()).collect()
}

/// The sentence of the most notable association: the largest of those that survive Holm's
/// correction over every association of the run (differences of at least half a point, or
/// correlations of at least 0.2). Medication classes are never chosen: doses follow pain.
pub fn most_notable(st: &Stats) -> Option<String> {
    st.notable.as_ref().map(|n| n.sentence.clone())
}

/// The notable line as the dashboard and `stats` show it: the association, or that nothing
/// stands out yet and how many days the journal has.
pub fn notable_text(st: &Stats) -> String {
    most_notable(st).unwrap_or_else(|| {
        format!(
            "Nothing stands out yet ({} logged): no pattern is both large enough and unlikely \
             to be chance.",
            days(st.pain.days_logged as usize)
        )
    })
}
