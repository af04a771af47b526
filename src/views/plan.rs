//! The return plan as shown (SPEC §14): the plan, each finished week's target, what was done
//! and the decision with its reason, and the week under way — the rule in `analysis::plan`
//! applied to the journal's own facts (hours or TSS done, the user's criteria on the week's
//! Sunday, flares in the week).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::analysis::criteria_eval::{CriteriaInput, evaluate_all};
use crate::analysis::data::{DayIndex, week_start};
use crate::analysis::flares::flares;
use crate::analysis::load::hard_threshold_at;
use crate::analysis::pain::mean7;
use crate::analysis::plan::{PlanWeek, Rule, Unit, WeekFacts, plan_weeks, unmet_reason};
use crate::analysis::series::Series;
use crate::domain::plan::Plan;
use crate::repo::{Repo, Result};

/// JSON keys: plan {id, uuid, name, unit, target, ramp, start_date, stopped_on}, weeks
/// [{week, monday, target, done, decision, reason}] (the last, under way, has null decision).
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub plan: Plan,
    pub weeks: Vec<PlanWeek>,
}

impl PlanView {
    pub fn unit(&self) -> Unit {
        Unit::parse(&self.plan.unit).unwrap_or(Unit::Hours)
    }

    /// The week under way, if the plan runs.
    pub fn current(&self) -> Option<&PlanWeek> {
        self.weeks.last().filter(|w| w.decision.is_none())
    }

    /// "this week 1.4 of 2.2 h planned" (Today and Week).
    pub fn this_week_text(&self) -> Option<String> {
        let w = self.current()?;
        Some(format!(
            "this week {} of {} planned",
            w.done,
            self.unit().show(w.target)
        ))
    }
}

/// The plan's week as `week` and the Week screen show it. JSON keys: name, unit, week,
/// target, done, decision, reason (the decision at the week's end, null while under way).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekPlan {
    pub name: String,
    pub unit: Unit,
    pub week: u32,
    pub target: f64,
    pub done: f64,
    pub decision: Option<crate::analysis::plan::Decision>,
    pub reason: Option<String>,
}

/// "plan     week 4 of "back on the bike": 1 of 2.2 h planned (under way)".
pub fn week_plan_line(p: &WeekPlan) -> String {
    let end = p.reason.as_deref().unwrap_or("under way");
    format!(
        "plan     week {} of \"{}\": {} of {} planned ({end})",
        p.week,
        p.name,
        p.done,
        p.unit.show(p.target)
    )
}

/// The week holding `day` with its plan week, when the current plan covers it.
pub fn load_week_with_plan(
    repo: &mut Repo,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<crate::views::week::WeekView> {
    let mut w = crate::views::week::load_week(repo, day, today)?;
    if let Some(v) = load_plan(repo, today)? {
        let unit = v.unit();
        w.plan = v
            .weeks
            .iter()
            .find(|pw| pw.monday == w.this_week.from)
            .map(|pw| WeekPlan {
                name: v.plan.name.clone(),
                unit,
                week: pw.week,
                target: pw.target,
                done: pw.done,
                decision: pw.decision,
                reason: pw.reason.clone(),
            });
    }
    Ok(w)
}

/// The current plan (running, else the latest stopped one) with its weeks as of `today`.
pub fn load_plan(repo: &mut Repo, today: NaiveDate) -> Result<Option<PlanView>> {
    let Some(plan) = repo.current_plan()? else {
        return Ok(None);
    };
    let unit = Unit::parse(&plan.unit).unwrap_or(Unit::Hours);
    let rule = Rule {
        unit,
        start: plan.target,
        ramp: plan.ramp,
    };
    let first_monday = week_start(plan.start_date);
    // The last day the plan covers: today, or the day it was stopped.
    let end = plan.stopped_on.unwrap_or(today).min(today);
    // A year before the plan: the hard-day threshold and baseline need history.
    let data = repo.journal_window(first_monday - Duration::days(365), end)?;
    let ix = DayIndex::new(&data, end);
    let s = Series::new(&data, &ix);
    let leg_m7 = mean7(&s.leg);
    let all_flares = flares(&data, &ix, &s.pain, &s.baseline);
    let done_in = |from: NaiveDate, to: NaiveDate| -> f64 {
        data.activities
            .iter()
            .filter(|a| a.date() >= from && a.date() <= to)
            .map(|a| match unit {
                Unit::Hours => f64::from(a.moving_s.unwrap_or(a.elapsed_s)) / 3600.0,
                Unit::Tss => a.tss.unwrap_or(0.0),
            })
            // `+ 0.0`: an empty f64 sum is -0.0, which would print as "-0".
            .sum::<f64>()
            + 0.0
    };
    let mut finished = Vec::new();
    let mut monday = first_monday;
    while monday + Duration::days(6) < end {
        let sunday = monday + Duration::days(6);
        let x = CriteriaInput {
            pain: &s.pain,
            mean7: &s.mean7,
            leg: &s.leg,
            leg_mean7: &leg_m7,
            baseline: &s.baseline,
            load: &s.load,
            hard_threshold: hard_threshold_at(&s.load, data.history.as_ref(), sunday),
        };
        let unmet = evaluate_all(&data.criteria, &x, sunday)
            .iter()
            .find(|c| !c.met)
            .map(unmet_reason);
        let flare = all_flares
            .iter()
            .find(|f| f.start <= sunday && f.end >= monday)
            .map(|f| format!("flare from {} (peak {})", f.start, f.peak));
        finished.push(WeekFacts {
            done: done_in(monday, sunday),
            unmet,
            flare,
        });
        monday += Duration::days(7);
    }
    let current = plan.stopped_on.is_none().then(|| done_in(monday, end));
    Ok(Some(PlanView {
        weeks: plan_weeks(&rule, first_monday, &finished, current),
        plan,
    }))
}
