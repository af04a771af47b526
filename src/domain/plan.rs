//! A return plan as stored (SPEC §14): its name, what it counts (hours or TSS), week 1's
//! target, the ramp and its first day; `stopped_on` once ended. The weeks are derived.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    /// `hours` or `tss`.
    pub unit: String,
    /// Week 1's target.
    pub target: f64,
    /// The weekly ramp as a fraction (0.1 for 10 %).
    pub ramp: f64,
    pub start_date: NaiveDate,
    pub stopped_on: Option<NaiveDate>,
}

/// The most a week's target may be: hours, TSS.
pub const MAX_HOURS: f64 = super::limits::PLAN_HOURS.hi;
pub const MAX_TSS: f64 = super::limits::PLAN_TSS.hi;

/// The one check of a plan, whichever way it comes in (`plan start`, the JSON import, the
/// repo's insert): a one-line name, hours or TSS, a target above 0 up to a week's most, a ramp
/// of 0–50 %, and a stop on or after the start.
pub fn check_plan(p: &Plan) -> Result<(), super::InputError> {
    use super::InputError;
    if p.name.trim().is_empty() || p.name.chars().any(char::is_control) {
        return Err(InputError::new(
            "name",
            "empty, or holds a line break or control character; allowed: the name on one line",
        ));
    }
    let (field, max, what) = match p.unit.as_str() {
        "hours" => ("hours", MAX_HOURS, "a week's hours"),
        "tss" => ("tss", MAX_TSS, "a week's TSS"),
        u => {
            return Err(InputError::new(
                "unit",
                format!("'{u}' is not a unit; allowed: hours, tss"),
            ));
        }
    };
    if !(p.target.is_finite() && p.target > 0.0 && p.target <= max) {
        return Err(InputError::new(
            field,
            format!(
                "'{}' is not {what}; allowed: more than 0, up to {max}",
                p.target
            ),
        ));
    }
    if !super::limits::PLAN_RAMP.contains(p.ramp) {
        return Err(InputError::new(
            "ramp",
            format!(
                "{} is not a weekly ramp; allowed: 0%–50%, e.g. 10%",
                p.ramp * 100.0
            ),
        ));
    }
    if let Some(stop) = p.stopped_on
        && stop < p.start_date
    {
        return Err(InputError::new(
            "stopped_on",
            format!(
                "{stop} is before the start {}; allowed: on or after it",
                p.start_date
            ),
        ));
    }
    Ok(())
}
