//! The return plan's weekly rule (SPEC §14), the user's and the physio's, applied and shown,
//! never advice. Week 1's target is what was given. At the end of each week (Monday–Sunday):
//! - a flare in the week steps back one week: next week's target is the target of the week
//!   before this one (week 1's own after week 1);
//! - else, a criterion not met holds the target;
//! - else the target grows by the ramp, capped at what was actually done plus the ramp, so
//!   weeks skipped do not pile up, and never below week 1's target.
//!
//! Targets are rounded to 0.1 h or a whole TSS. Pure: the facts of each week come in.

use chrono::NaiveDate;
use serde::Serialize;

use super::criteria_eval::CriterionResult;

/// What the plan counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Hours,
    Tss,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Hours => "hours",
            Unit::Tss => "tss",
        }
    }

    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "hours" => Some(Unit::Hours),
            "tss" => Some(Unit::Tss),
            _ => None,
        }
    }

    pub fn round(self, v: f64) -> f64 {
        match self {
            Unit::Hours => (v * 10.0).round() / 10.0,
            Unit::Tss => v.round(),
        }
    }

    /// "2.2 h", "180 TSS".
    pub fn show(self, v: f64) -> String {
        match self {
            Unit::Hours => format!("{} h", self.round(v)),
            Unit::Tss => format!("{} TSS", self.round(v)),
        }
    }
}

/// What happened at the end of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Ramp,
    Capped,
    Hold,
    StepBack,
}

/// The facts of one finished week.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekFacts {
    /// Hours or TSS done in the week.
    pub done: f64,
    /// Why the criteria were not all met ("7-day mean pain 3.4 > 3"), None when they were.
    pub unmet: Option<String>,
    /// The flare in the week ("flare from 2026-11-18, peak 7"), if any.
    pub flare: Option<String>,
}

/// The rule's parameters: week 1's target and the ramp as a fraction (0.1 for 10 %).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub unit: Unit,
    pub start: f64,
    pub ramp: f64,
}

/// Next week's target from the targets so far (the last is this week's) and this week's facts,
/// with the decision and its reason.
pub fn next_target(rule: &Rule, targets: &[f64], f: &WeekFacts) -> (f64, Decision, String) {
    let u = rule.unit;
    let t = targets.last().copied().unwrap_or(rule.start);
    if let Some(flare) = &f.flare {
        let n = targets.len();
        let back = if n >= 2 { targets[n - 2] } else { t };
        return (
            back,
            Decision::StepBack,
            format!("stepped back: {flare}; next week {}", u.show(back)),
        );
    }
    if let Some(why) = &f.unmet {
        return (t, Decision::Hold, format!("held: {why}"));
    }
    let pct = (rule.ramp * 100.0).round();
    let grown = u.round(t * (1.0 + rule.ramp));
    let cap = u.round(f.done * (1.0 + rule.ramp));
    if cap < grown {
        let next = cap.max(rule.start);
        let floor = if next > cap {
            format!(", not below week 1's {}", u.show(rule.start))
        } else {
            String::new()
        };
        return (
            next,
            Decision::Capped,
            format!(
                "criteria met; capped at {} done + {pct}% = {}{floor}",
                u.show(f.done),
                u.show(cap)
            ),
        );
    }
    (
        grown,
        Decision::Ramp,
        format!("criteria met: {} + {pct}% = {}", u.show(t), u.show(grown)),
    )
}

/// One week of the plan as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanWeek {
    pub week: u32,
    pub monday: NaiveDate,
    pub target: f64,
    pub done: f64,
    /// The end-of-week decision; None for the week under way.
    pub decision: Option<Decision>,
    pub reason: Option<String>,
}

/// Applies the rule over the finished weeks' facts (oldest first) and adds the week under way
/// with `current_done`. Week k starts `first_monday` + 7(k − 1) days.
pub fn plan_weeks(
    rule: &Rule,
    first_monday: NaiveDate,
    finished: &[WeekFacts],
    current_done: Option<f64>,
) -> Vec<PlanWeek> {
    let mut targets = vec![rule.unit.round(rule.start)];
    let mut out = Vec::new();
    for (i, f) in finished.iter().enumerate() {
        let (next, d, why) = next_target(rule, &targets, f);
        out.push(PlanWeek {
            week: i as u32 + 1,
            monday: first_monday + chrono::Duration::weeks(i as i64),
            target: targets[i],
            done: rule.unit.round(f.done),
            decision: Some(d),
            reason: Some(why),
        });
        targets.push(next);
    }
    if let Some(done) = current_done {
        let i = finished.len();
        out.push(PlanWeek {
            week: i as u32 + 1,
            monday: first_monday + chrono::Duration::weeks(i as i64),
            target: targets[i],
            done: rule.unit.round(done),
            decision: None,
            reason: None,
        });
    }
    out
}

/// Why a criterion was not met, in the words of the rule: "7-day mean pain 3.4 > 3", or
/// "7-day mean pain ≤ 3: not enough data".
pub fn unmet_reason(c: &CriterionResult) -> String {
    let Some(v) = c.value else {
        return format!("{}: not enough data", c.label);
    };
    for (sym, not) in [(" ≤ ", ">"), (" ≥ ", "<"), (" < ", "≥"), (" > ", "≤")] {
        if c.label.contains(sym) {
            return c.label.replacen(sym, &format!(" {v} {not} "), 1);
        }
    }
    format!("{}: {}", c.label, c.detail)
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
