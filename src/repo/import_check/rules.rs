//! Which rule each imported column is checked by, one function per field group: the record's
//! identity and stamps, its days, its scales and switches, the activity's figures, the
//! exercise and medication amounts, and the text that must not be empty. Every bound comes
//! from `domain::limits`, the one table the command line checks by too.

use super::Rule::{self, *};
use crate::domain::limits::*;
use crate::domain::plausible::{MAX_ELAPSED_S, MAX_TSS_PER_HOUR};

fn num(lo: f64, hi: f64) -> Rule {
    Num {
        lo,
        hi,
        above: false,
    }
}

/// As `check_positive` takes them: from a thousandth.
fn positive(hi: f64) -> Rule {
    num(crate::domain::error::MIN_POSITIVE, hi)
}

fn whole(l: Limit) -> Rule {
    Int(l.lo as i64, l.hi_whole())
}

/// The rule of `table.col`; a column no group names is free (a vocabulary at most).
pub(super) fn rule(table: &str, col: &str) -> Rule {
    [identity, days, scales, activity, amounts, texts]
        .iter()
        .find_map(|group| group(table, col))
        .unwrap_or(Free)
}

/// The uuid and the UTC stamps every record carries.
fn identity(_table: &str, col: &str) -> Option<Rule> {
    Some(match col {
        "uuid" => Uuid,
        "created_at" | "updated_at" | "deleted_at" => Stamp,
        _ => return None,
    })
}

fn days(table: &str, col: &str) -> Option<Rule> {
    Some(match (table, col) {
        ("events", "date") => AheadDate,
        ("plans", "start_date" | "stopped_on") => PastDate,
        (
            "checkins" | "activities" | "rehab_sessions" | "psfs_ratings" | "doses" | "scores",
            "date",
        ) => PastDate,
        ("activities", "start_at") | ("doses", "taken_at") => PastDateTime,
        ("programmes", "active_from" | "active_to")
        | ("medications", "course_start" | "course_end")
        | ("dated_settings", "from_date") => AnyDate,
        _ => return None,
    })
}

/// Pain, mood and the other scales, the yes/no switches, the questionnaires and the plans.
fn scales(table: &str, col: &str) -> Option<Rule> {
    Some(match (table, col) {
        ("checkins", "pain" | "worst_pain" | "leg_pain")
        | ("activities", "pain_before" | "pain_during" | "pain_after")
        | ("rehab_sessions", "pain_before" | "pain_after")
        | ("doses", "pain_before")
        | ("psfs_ratings", "score") => whole(PAIN),
        ("checkins", "sleep_quality" | "mood" | "stress" | "energy") => whole(MOOD),
        ("checkins", "sleep_hours" | "sitting_hours") => num(DAY_HOURS.lo, DAY_HOURS.hi),
        ("checkins", "workday")
        | ("activities", "stopped_for_pain")
        | ("exercises", "per_side")
        | ("medications", "as_needed")
        | ("criteria", "enabled") => Bool,
        ("scores" | "score_schedules", "instrument") => {
            OneOf(&["odi", "rmdq", "peg", "promis-pi", "startback"])
        }
        ("scores", "psych") => whole(PSYCH),
        ("scores", "value") => num(0.0, 100.0),
        ("score_schedules", "every_days") => whole(EVERY_DAYS),
        ("plans", "unit") => OneOf(&["hours", "tss"]),
        ("plans", "target") => positive(PLAN_HOURS.hi.max(PLAN_TSS.hi)),
        ("plans", "ramp") => num(PLAN_RAMP.lo, PLAN_RAMP.hi),
        ("dated_settings", "value") => num(f64::MIN, f64::MAX),
        _ => return None,
    })
}

/// Each column's type and outer bound; the whole activity then goes through
/// `domain::plausible::check_activity`, the check every way in uses (merge.rs).
fn activity(table: &str, col: &str) -> Option<Rule> {
    if table != "activities" {
        return None;
    }
    Some(match col {
        "elapsed_s" | "moving_s" => Int(1, MAX_ELAPSED_S as i64),
        "distance_m" => num(0.0, DISTANCE.hi),
        "ascent_m" => num(0.0, ASCENT.hi),
        "avg_power_w" => num(0.0, POWER.hi),
        "normalized_power_w" => num(0.0, NP.hi),
        "avg_hr" => num(0.0, HR.hi),
        "max_hr" => num(0.0, MAX_HR.hi),
        "rpe" => whole(RPE),
        "tss" => num(0.0, MAX_TSS_PER_HOUR * (MAX_ELAPSED_S / 3600) as f64),
        "load_source" => OneOf(&["power", "hr", "rpe", "manual"]),
        _ => return None,
    })
}

/// Rehab prescriptions and sessions, and medication doses.
fn amounts(table: &str, col: &str) -> Option<Rule> {
    Some(match (table, col) {
        ("exercises" | "programme_items" | "rehab_session_items", "sets") => whole(SETS),
        ("exercises" | "programme_items" | "rehab_session_items", "reps") => whole(REPS),
        ("exercises" | "programme_items" | "rehab_session_items", "hold_s") => whole(HOLD_S),
        ("exercises" | "programme_items" | "rehab_session_items", "load_kg") => {
            num(LOAD_KG.lo, LOAD_KG.hi)
        }
        ("programme_items" | "criteria", "position") => Int(0, 10_000),
        ("programmes", "target_per_week") => whole(TARGET_PER_WEEK),
        ("rehab_sessions", "minutes") => whole(SESSION_MINUTES),
        ("medications", "usual_dose") | ("doses", "amount") => positive(DOSE.hi),
        ("medications", "max_daily") => positive(MAX_DAILY.hi),
        ("medications", "times_a_day") => whole(TIMES_A_DAY),
        _ => return None,
    })
}

/// Names, titles and keys: text that must say something.
fn texts(table: &str, col: &str) -> Option<Rule> {
    Some(match (table, col) {
        ("plans" | "medications" | "exercises" | "programmes" | "psfs_items", "name")
        | ("events", "title")
        | ("medications", "unit")
        | ("criteria", "rule")
        | ("settings", "key" | "value")
        | ("dated_settings", "key") => NonEmpty,
        _ => return None,
    })
}
