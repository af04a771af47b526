//! Outcome scores over time (SPEC §14): per instrument the first and latest score, the change
//! from the first and from the one before, "a meaningful change" only where the README cites a
//! minimal important change (Ostelo et al. 2008: Oswestry 10 points, Roland-Morris 5), the STarT
//! Back risk group by its published rule, and when the user's schedule says the next is due.
//! Pure functions; `stats`, the report and `score list` read the same summaries.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::domain::scores::{Instrument, Risk, Schedule, Score, startback_risk};
use crate::domain::text::plural;

/// One score as the summary shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorePoint {
    pub date: NaiveDate,
    pub value: f64,
    /// STarT Back only: the psychosocial subscore and the risk group.
    pub psych: Option<u8>,
    pub risk: Option<Risk>,
}

/// JSON keys: instrument, n, first, previous, latest, change_from_first, change_from_previous,
/// mic, meaningful_from_first, meaningful_from_previous, every_days, due_on, due.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreSummary {
    pub instrument: Instrument,
    /// Scores in the period.
    pub n: usize,
    pub first: Option<ScorePoint>,
    /// The one before the latest.
    pub previous: Option<ScorePoint>,
    pub latest: Option<ScorePoint>,
    /// latest − first, and latest − previous (None with one score).
    pub change_from_first: Option<f64>,
    pub change_from_previous: Option<f64>,
    /// The minimal important change cited in the README, or None (then nothing is called
    /// meaningful and the `meaningful_*` keys are null).
    pub mic: Option<f64>,
    pub meaningful_from_first: Option<bool>,
    pub meaningful_from_previous: Option<bool>,
    /// The user's schedule, the day the next is due and whether that is today or past.
    pub every_days: Option<u32>,
    pub due_on: Option<NaiveDate>,
    pub due: bool,
}

fn point(s: &Score) -> ScorePoint {
    ScorePoint {
        date: s.date,
        value: s.value,
        psych: s.psych,
        risk: s.psych.map(|p| startback_risk(s.value, p)),
    }
}

/// Whether a change reaches the minimal important change: at least the MIC either way (9 of
/// a 10-point MIC is not; 10 is). Compared in tenths, as values carry one decimal.
pub fn meaningful(change: f64, mic: f64) -> bool {
    (change.abs() * 10.0).round() >= (mic * 10.0).round()
}

/// One summary per instrument with a score in `[since, today]` or a schedule, in the
/// instruments' order. `scores` may be in any order.
pub fn score_summaries(
    scores: &[Score],
    schedules: &[Schedule],
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Vec<ScoreSummary> {
    let mut out = Vec::new();
    for inst in Instrument::ALL {
        let mut mine: Vec<&Score> = scores
            .iter()
            .filter(|s| s.instrument == inst && s.date <= today)
            .collect();
        mine.sort_by_key(|s| (s.date, s.id));
        // The schedule runs from the latest score ever, not only those in the period.
        let last_ever = mine.last().map(|s| s.date);
        mine.retain(|s| since.is_none_or(|d| s.date >= d));
        let every = schedules
            .iter()
            .find(|s| s.instrument == inst)
            .map(|s| s.every_days);
        if mine.is_empty() && every.is_none() {
            continue;
        }
        let first = mine.first().map(|s| point(s));
        let latest = mine.last().map(|s| point(s));
        let previous = (mine.len() >= 2).then(|| point(mine[mine.len() - 2]));
        let diff = |a: &Option<ScorePoint>| match (a, &latest, mine.len() >= 2) {
            (Some(a), Some(l), true) => Some(((l.value - a.value) * 10.0).round() / 10.0),
            _ => None,
        };
        let (from_first, from_prev) = (diff(&first), diff(&previous));
        let mic = inst.mic();
        let judge = |c: Option<f64>| Some(meaningful(c?, mic?));
        let due_on = every.map(|e| match last_ever {
            Some(d) => d + Duration::days(i64::from(e)),
            None => today,
        });
        out.push(ScoreSummary {
            instrument: inst,
            n: mine.len(),
            first,
            previous,
            latest,
            change_from_first: from_first,
            change_from_previous: from_prev,
            mic,
            meaningful_from_first: judge(from_first),
            meaningful_from_previous: judge(from_prev),
            every_days: every,
            due_on,
            due: due_on.is_some_and(|d| d <= today),
        });
    }
    out
}

/// The line Today shows when scores are due by the user's schedule: "Due by your schedule:
/// odi, rmdq (backtrack score add)"; None when none is.
pub fn due_text(sums: &[ScoreSummary]) -> Option<String> {
    let due: Vec<&str> = sums
        .iter()
        .filter(|s| s.due)
        .map(|s| s.instrument.as_str())
        .collect();
    (!due.is_empty()).then(|| {
        format!(
            "Due by your schedule: {} (backtrack score add)",
            due.join(", ")
        )
    })
}

/// A value as typed: `32`, `6.3`.
pub fn value_text(v: f64) -> String {
    format!("{v}")
}

/// A change in words: "up 4", "down 12", "no change".
pub fn direction(c: f64) -> String {
    let c0 = c + 0.0;
    if c0 > 0.0 {
        format!("up {}", value_text(c0))
    } else if c0 < 0.0 {
        format!("down {}", value_text(-c0))
    } else {
        "no change".to_string()
    }
}

fn change_text(c: f64, meaningful: Option<bool>, mic: Option<f64>) -> String {
    let dir = direction(c);
    match (meaningful, mic) {
        (Some(true), Some(m)) => format!("{dir}: a meaningful change (≥ {} points)", value_text(m)),
        (Some(false), Some(m)) => format!(
            "{dir}: below the minimal important change of {}",
            value_text(m)
        ),
        _ => dir,
    }
}

/// The summary in words: "Oswestry Disability Index (odi): 32 on 2026-11-20; from the first
/// (44 on 2026-10-01) down 12: a meaningful change (≥ 10 points); from the one before (36)
/// down 4: below the minimal important change of 10. Due 2026-12-04 (every 2 weeks)."
pub fn score_sentence(s: &ScoreSummary) -> String {
    let name = format!("{} ({})", s.instrument.title(), s.instrument.as_str());
    let mut out = match &s.latest {
        None => format!("{name}: no score yet"),
        Some(l) => {
            let mut t = format!("{name}: {} on {}", value_text(l.value), l.date);
            if let (Some(p), Some(r)) = (l.psych, l.risk) {
                t.push_str(&format!(
                    " (psychosocial {p}; {} risk by the published rule)",
                    r.as_str()
                ));
            }
            t
        }
    };
    if let (Some(f), Some(c)) = (&s.first, s.change_from_first) {
        out.push_str(&format!(
            "; from the first ({} on {}) {}",
            value_text(f.value),
            f.date,
            change_text(c, s.meaningful_from_first, s.mic)
        ));
    }
    if let (Some(p), Some(c)) = (&s.previous, s.change_from_previous)
        && s.n > 2
    {
        out.push_str(&format!(
            "; from the one before ({}) {}",
            value_text(p.value),
            change_text(c, s.meaningful_from_previous, s.mic)
        ));
    }
    out.push('.');
    if let (Some(e), Some(d)) = (s.every_days, s.due_on) {
        let every = if e % 7 == 0 {
            plural(e / 7, "week", "weeks")
        } else {
            plural(e, "day", "days")
        };
        let when = if s.due { "Due now" } else { "Next due" };
        out.push_str(&format!(" {when}: {d} (every {every})."));
    }
    out
}

#[cfg(test)]
#[path = "scores_tests.rs"]
mod tests;
