//! Starting and stopping a return plan (SPEC §14): the user's and the physio's rule, checked
//! before the journal is opened; the app applies it and shows it, never advises.

use chrono::NaiveDate;

use super::Done;
use super::Result;
use super::input::{date_or_today, text};
use crate::analysis::plan::Unit;
use crate::domain::InputError;
use crate::domain::limits::PLAN_RAMP;
use crate::domain::plan::{MAX_HOURS, MAX_TSS, Plan};
use crate::repo::{Kind, RecordId, Repo};

/// `plan start NAME --hours H | --tss T [--ramp 10%] [--from D]` as typed.
#[derive(Debug, Clone, Default)]
pub struct PlanDraft {
    pub name: String,
    pub hours: Option<String>,
    pub tss: Option<String>,
    pub ramp: Option<String>,
    pub from: Option<String>,
}

fn number(
    field: &str,
    t: &str,
    lo: f64,
    hi: f64,
    what: &str,
) -> std::result::Result<f64, InputError> {
    let v: f64 = t
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .unwrap_or(f64::NAN);
    if v.is_finite() && v > lo && v <= hi {
        Ok(v)
    } else {
        Err(InputError::new(
            field,
            format!("'{}' is not {what}", t.trim()),
        ))
    }
}

/// The plan the draft stands for, checked without the journal.
pub fn validate(d: &PlanDraft, today: NaiveDate) -> std::result::Result<Plan, InputError> {
    let name = text(&Some(d.name.clone())).ok_or_else(|| {
        InputError::new("name", "empty; allowed: a name, e.g. \"back on the bike\"")
    })?;
    // A name is one line: it heads `plan show`, the Week screen's plan line and Today.
    if name.chars().any(char::is_control) {
        return Err(InputError::new(
            "name",
            "holds a line break or control character; allowed: the name on one line",
        ));
    }
    let (unit, target) = match (&d.hours, &d.tss) {
        (Some(h), None) => (
            Unit::Hours,
            number(
                "hours",
                h,
                0.0,
                MAX_HOURS,
                &format!("a week's hours; allowed: more than 0, up to {MAX_HOURS}"),
            )?,
        ),
        (None, Some(t)) => (
            Unit::Tss,
            number(
                "tss",
                t,
                0.0,
                MAX_TSS,
                &format!("a week's TSS; allowed: more than 0, up to {MAX_TSS}"),
            )?,
        ),
        _ => {
            return Err(InputError::new(
                "target",
                "give week 1's target; allowed: --hours H or --tss T (one of them)",
            ));
        }
    };
    let ramp = match &d.ramp {
        Some(r) => {
            let t = r.trim();
            let v: f64 = t.trim_end_matches('%').trim().parse().unwrap_or(f64::NAN);
            if !PLAN_RAMP.contains(v / 100.0) {
                return Err(InputError::new(
                    "ramp",
                    format!("'{t}' is not a weekly ramp; allowed: 0%–50%, e.g. 10%"),
                ));
            }
            v / 100.0
        }
        None => 0.10,
    };
    let p = Plan {
        id: 0,
        uuid: String::new(),
        name,
        unit: unit.as_str().to_string(),
        target: unit.round(target),
        ramp,
        start_date: date_or_today("from", &d.from, today)?,
        stopped_on: None,
    };
    // As stored: 0.04 h rounds to 0 h, which no plan may have.
    crate::domain::plan::check_plan(&p)?;
    Ok(p)
}

pub fn start(repo: &mut Repo, d: &PlanDraft, today: NaiveDate) -> Result<Done<Plan>> {
    let p = validate(d, today)?;
    let saved = repo.start_plan(&p)?;
    let unit = Unit::parse(&saved.unit).unwrap_or(Unit::Hours);
    let summary = format!(
        "Started plan {} \"{}\" from {}: week 1 {}, ramp {}% a week after a week with your \
         criteria all met (your rule; `plan show` shows each week)",
        RecordId::new(Kind::Plan, saved.id),
        saved.name,
        saved.start_date,
        unit.show(saved.target),
        (saved.ramp * 100.0).round()
    );
    Ok(Done::new(saved, summary))
}

pub fn stop(repo: &mut Repo, today: NaiveDate) -> Result<Done<Option<Plan>>> {
    let p = repo.stop_plan(today)?;
    let summary = match &p {
        Some(p) => format!("Stopped plan \"{}\" on {today}", p.name),
        None => "No plan is running; nothing changed".to_string(),
    };
    Ok(Done::new(p, summary))
}
