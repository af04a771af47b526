//! The checks a JSON import puts every row through: the same limits as a value typed on the
//! command line (real, non-future dates, an event's up to five years ahead; scales in range;
//! finite numbers within the CLI's bounds; uuids and UTC timestamps; vocabularies), so a
//! tampered export cannot store what a person could not type.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};

use super::settings::{DATED_KEYS, PLAIN_KEYS, check_value};
use crate::domain::InputError;
use crate::domain::parse::{AHEAD_DAYS, MIN_YEAR};
use crate::domain::vocab::*;

use crate::domain::limits::*;
use crate::domain::plausible::{MAX_ELAPSED_S, MAX_TSS_PER_HOUR};

enum Rule {
    Uuid,
    Stamp,
    /// A day that has happened (check-ins, doses, sessions…).
    PastDate,
    /// A day that may be ahead (course and programme ends, a setting from a date).
    AnyDate,
    /// A day up to five years ahead: an event may be an appointment, as `event add` takes.
    AheadDate,
    PastDateTime,
    Int(i64, i64),
    /// A finite number in `lo..=hi`; `above` means strictly above `lo`.
    Num {
        lo: f64,
        hi: f64,
        above: bool,
    },
    Bool,
    NonEmpty,
    OneOf(&'static [&'static str]),
    Free,
}

fn rule(table: &str, col: &str) -> Rule {
    use Rule::*;
    let num = |lo, hi| Num {
        lo,
        hi,
        above: false,
    };
    // As `check_positive` takes them: from a thousandth.
    let positive = |hi| Num {
        lo: crate::domain::error::MIN_POSITIVE,
        hi,
        above: false,
    };
    let whole = |l: Limit| Int(l.lo as i64, l.hi_whole());
    match (table, col) {
        (_, "uuid") => Uuid,
        ("events", "date") => AheadDate,
        (_, "created_at" | "updated_at" | "deleted_at") => Stamp,
        ("checkins", "pain" | "worst_pain" | "leg_pain")
        | ("activities", "pain_before" | "pain_during" | "pain_after")
        | ("rehab_sessions", "pain_before" | "pain_after")
        | ("doses", "pain_before")
        | ("psfs_ratings", "score") => whole(PAIN),
        ("checkins", "sleep_quality" | "mood" | "stress" | "energy") => whole(MOOD),
        ("checkins", "sleep_hours" | "sitting_hours") => num(0.0, 24.0),
        ("checkins", "workday")
        | ("activities", "stopped_for_pain")
        | ("exercises", "per_side")
        | ("medications", "as_needed")
        | ("criteria", "enabled") => Bool,
        ("scores" | "score_schedules", "instrument") => {
            OneOf(&["odi", "rmdq", "peg", "promis-pi", "startback"])
        }
        ("scores", "psych") => Int(0, 5),
        ("scores", "value") => num(0.0, 100.0),
        ("score_schedules", "every_days") => whole(EVERY_DAYS),
        ("plans", "unit") => OneOf(&["hours", "tss"]),
        ("plans", "target") => positive(PLAN_HOURS.hi.max(PLAN_TSS.hi)),
        ("plans", "ramp") => num(PLAN_RAMP.lo, PLAN_RAMP.hi),
        ("plans", "name") => NonEmpty,
        ("plans", "start_date" | "stopped_on") => PastDate,
        (
            "checkins" | "activities" | "rehab_sessions" | "psfs_ratings" | "doses" | "scores",
            "date",
        ) => PastDate,
        ("activities", "start_at") | ("doses", "taken_at") => PastDateTime,
        ("programmes", "active_from" | "active_to")
        | ("medications", "course_start" | "course_end")
        | ("dated_settings", "from_date") => AnyDate,
        // Each column's type and outer bound; the whole activity then goes through
        // `domain::plausible::check_activity`, the check every way in uses (merge.rs).
        ("activities", "elapsed_s" | "moving_s") => Int(1, MAX_ELAPSED_S as i64),
        ("activities", "distance_m") => num(0.0, DISTANCE.hi),
        ("activities", "ascent_m") => num(0.0, ASCENT.hi),
        ("activities", "avg_power_w") => num(0.0, POWER.hi),
        ("activities", "normalized_power_w") => num(0.0, NP.hi),
        ("activities", "avg_hr") => num(0.0, HR.hi),
        ("activities", "max_hr") => num(0.0, MAX_HR.hi),
        ("activities", "rpe") => whole(RPE),
        ("activities", "tss") => num(0.0, MAX_TSS_PER_HOUR * (MAX_ELAPSED_S / 3600) as f64),
        ("activities", "load_source") => OneOf(&["power", "hr", "rpe", "manual"]),
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
        ("medications" | "exercises" | "programmes" | "psfs_items", "name")
        | ("events", "title")
        | ("medications", "unit")
        | ("criteria", "rule")
        | ("settings", "key" | "value")
        | ("dated_settings", "key") => NonEmpty,
        ("dated_settings", "value") => num(f64::MIN, f64::MAX),
        _ => Free,
    }
}

/// Checks one column of an incoming row. The error names `table.column`, the value and what
/// is allowed.
pub fn check_value_of(
    table: &str,
    col: &str,
    v: &Value,
    today: NaiveDate,
) -> Result<(), InputError> {
    let field = format!("{table}.{col}");
    let bad = |msg: String| Err(InputError::new(field.clone(), msg));
    if v.is_null() {
        return Ok(());
    }
    let shown = match v {
        Value::String(s) => format!("'{}'", s.chars().take(40).collect::<String>()),
        other => other.to_string(),
    };
    match rule(table, col) {
        Rule::Uuid => match v.as_str().map(uuid::Uuid::parse_str) {
            Some(Ok(_)) => Ok(()),
            _ => bad(format!(
                "{shown} is not a uuid; allowed: a uuid such as 0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9e"
            )),
        },
        Rule::Stamp => match v.as_str() {
            Some(s) if s.ends_with('Z') && DateTime::parse_from_rfc3339(s).is_ok() => Ok(()),
            _ => bad(format!(
                "{shown} is not a timestamp; allowed: UTC as 2026-11-23T08:15:00.000Z"
            )),
        },
        r @ (Rule::PastDate | Rule::AnyDate | Rule::AheadDate) => {
            let last = match r {
                Rule::PastDate => Some(today),
                Rule::AheadDate => Some(today + chrono::Duration::days(AHEAD_DAYS)),
                _ => None,
            };
            match v.as_str().map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d")) {
                Some(Ok(d)) => check_day(&field, d, today, last),
                _ => bad(format!(
                    "{shown} is not a date; allowed: a real day as YYYY-MM-DD"
                )),
            }
        }
        Rule::PastDateTime => {
            match v
                .as_str()
                .map(|s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
            {
                Some(Ok(dt)) => check_day(&field, dt.date(), today, Some(today)),
                _ => bad(format!(
                    "{shown} is not a date-time; allowed: YYYY-MM-DDTHH:MM:SS"
                )),
            }
        }
        Rule::Int(lo, hi) => match v.as_i64() {
            Some(n) if (lo..=hi).contains(&n) => Ok(()),
            Some(_) => bad(format!(
                "{shown} is out of range; allowed: whole numbers {lo}–{hi}"
            )),
            None if v.is_number() => bad(format!(
                "{shown} is out of range; allowed: whole numbers {lo}–{hi}"
            )),
            None => bad(format!("{shown} is not a whole number; allowed: {lo}–{hi}")),
        },
        Rule::Num { lo, hi, above } => match v.as_f64() {
            Some(x) if x.is_finite() && x <= hi && (x > lo || (!above && x == lo)) => Ok(()),
            Some(_) => {
                let from = if above {
                    format!("above {lo}")
                } else {
                    format!("from {lo}")
                };
                bad(format!(
                    "{shown} is out of range; allowed: a number {from} to {hi}"
                ))
            }
            None => bad(format!("{shown} is not a number")),
        },
        Rule::Bool => match v {
            Value::Bool(_) => Ok(()),
            _ if matches!(v.as_i64(), Some(0 | 1)) => Ok(()),
            _ => bad(format!(
                "{shown} is not a yes/no value; allowed: 0, 1, true, false"
            )),
        },
        Rule::NonEmpty => match v {
            // A medication's name is one line, as `med add` takes it.
            Value::String(s)
                if matches!((table, col), ("medications" | "plans", "name"))
                    && s.chars().any(char::is_control) =>
            {
                bad(format!(
                    "{shown} holds a line break or control character; allowed: text on one line"
                ))
            }
            Value::String(s) if !s.trim().is_empty() => Ok(()),
            Value::String(_) => bad("is empty; allowed: any text".into()),
            _ => bad(format!("{shown} is not text")),
        },
        Rule::OneOf(allowed) => match v.as_str() {
            Some(s) if allowed.contains(&s) => Ok(()),
            _ => bad(format!(
                "{shown} is not known; allowed: {}",
                allowed.join(", ")
            )),
        },
        Rule::Free => match v {
            Value::String(s) => vocab_check(table, col, s),
            Value::Number(_) | Value::Bool(_) => Ok(()),
            _ => bad("must be text, a number or null".into()),
        },
    }
}

/// `last`: the latest day allowed (today for what has happened), None for any.
fn check_day(
    field: &str,
    d: NaiveDate,
    today: NaiveDate,
    last: Option<NaiveDate>,
) -> Result<(), InputError> {
    use chrono::Datelike;
    if d.year() < MIN_YEAR {
        return Err(InputError::new(
            field,
            format!("{d} is out of range; allowed: {MIN_YEAR}-01-01 or later"),
        ));
    }
    match last {
        Some(l) if d > l && l == today => Err(InputError::new(
            field,
            format!("{d} is in the future (today is {today}); allowed: a day that has happened"),
        )),
        Some(l) if d > l => Err(InputError::new(
            field,
            format!("{d} is more than five years ahead; allowed: up to {l}"),
        )),
        _ => Ok(()),
    }
}

/// Checks that hold between the columns of one row.
pub fn check_row(table: &str, obj: &Map<String, Value>) -> Result<(), InputError> {
    let s = |c: &str| obj.get(c).and_then(Value::as_str);
    let f = |c: &str| obj.get(c).and_then(Value::as_f64);
    let err = |c: &str, m: String| Err(InputError::new(format!("{table}.{c}"), m));
    super::import_stamps::check_stamps(table, obj)?;
    match table {
        "activities" | "doses" => {
            let at = if table == "doses" {
                "taken_at"
            } else {
                "start_at"
            };
            if let (Some(d), Some(t)) = (s("date"), s(at))
                && !t.starts_with(d)
            {
                return err(
                    "date",
                    format!("'{d}' is not the day of {at} '{t}'; allowed: the same day"),
                );
            }
            // moving_s against elapsed_s and the TSS against its source: the whole-activity
            // check after the merge.
        }
        "scores" => {
            // The value and subscore as `score add` checks them for the row's instrument.
            let inst =
                crate::domain::scores::Instrument::parse(s("instrument").unwrap_or_default())
                    .map_err(|e| InputError::new("scores.instrument", e.message))?;
            let value = f("value").unwrap_or(f64::NAN);
            // The column checks ran first: a psych present is a whole number 0–5.
            let psych = obj
                .get("psych")
                .and_then(Value::as_u64)
                .map(|p| p.min(99) as u8);
            crate::domain::scores::check_score(inst, value, psych).map_err(|e| {
                let col = if e.field == "psych" { "psych" } else { "value" };
                InputError::new(format!("scores.{col}"), e.message)
            })?;
        }
        "plans" => {
            let day = |c: &str| s(c).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let plan = crate::domain::plan::Plan {
                id: 0,
                uuid: String::new(),
                name: s("name").unwrap_or_default().to_string(),
                unit: s("unit").unwrap_or_default().to_string(),
                target: f("target").unwrap_or(f64::NAN),
                ramp: f("ramp").unwrap_or(f64::NAN),
                start_date: day("start_date").unwrap_or(NaiveDate::MIN),
                stopped_on: day("stopped_on"),
            };
            crate::domain::plan::check_plan(&plan)
                .map_err(|e| InputError::new(format!("plans.{}", e.field), e.message))?;
        }
        "programmes" => {
            if let (Some(from), Some(to)) = (s("active_from"), s("active_to"))
                && to < from
            {
                return err(
                    "active_to",
                    format!("'{to}' is before active_from '{from}'; allowed: on or after it"),
                );
            }
        }
        "dated_settings" => {
            let key = s("key").unwrap_or_default();
            if !DATED_KEYS.iter().any(|k| k.0 == key) {
                let keys: Vec<&str> = DATED_KEYS.iter().map(|k| k.0).collect();
                return err(
                    "key",
                    format!("'{key}' is not known; allowed: {}", keys.join(", ")),
                );
            }
            let value = f("value").unwrap_or(f64::NAN);
            check_value(key, value)
                .map_err(|e| InputError::new("dated_settings.value", e.to_string()))?;
        }
        "settings" => {
            let key = s("key").unwrap_or_default();
            // A units value this build cannot show would silently read as metric.
            if key == "units" {
                let v = s("value").unwrap_or_default();
                if crate::domain::text::Units::parse(v).is_none() {
                    return err(
                        "value",
                        format!("units '{v}' is not a unit system; allowed: metric, imperial"),
                    );
                }
            }
            if PLAIN_KEYS.iter().any(|k| k.0 == key) {
                let text = s("value").unwrap_or_default();
                let value: f64 = text.trim().parse().unwrap_or(f64::NAN);
                check_value(key, value)
                    .map_err(|e| InputError::new("settings.value", e.to_string()))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Columns whose text must belong to a vocabulary.
fn vocab_check(table: &str, col: &str, v: &str) -> Result<(), InputError> {
    let field = format!("{table}.{col}");
    let wrap = |e: InputError| InputError::new(field.clone(), e.message);
    let sets = |parse: fn(&str) -> Result<(), InputError>| {
        v.split(',').filter(|s| !s.is_empty()).try_for_each(parse)
    };
    match (table, col) {
        ("checkins", "locations") => sets(|s| Location::parse(s).map(|_| ())),
        ("checkins", "character") => sets(|s| Character::parse(s).map(|_| ())),
        ("checkins", "red_flags") => sets(|s| RedFlag::parse(s).map(|_| ())),
        ("activities", "kind") => ActivityKind::parse_named(v).map(|_| ()),
        ("activities", "intensity") => Intensity::parse(v).map(|_| ()),
        ("activities", "source") => Source::parse(v).map(|_| ()),
        ("medications", "class") => MedClass::parse(v).map(|_| ()),
        ("events", "kind") => EventKind::parse(v).map(|_| ()),
        ("exercises", "kind") => ExerciseKind::parse(v).map(|_| ()),
        _ => Ok(()),
    }
    .map_err(wrap)
}
