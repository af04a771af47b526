//! The checks that hold between the columns of one incoming row, one function per record
//! kind: an activity's or dose's day against its start, a score against its instrument, a
//! plan as `plan add` checks it, a programme's dates in order, and a setting's value for its
//! key. The stamps' order is `import_stamps`'s.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::domain::InputError;
use crate::repo::settings::{DATED_KEYS, PLAIN_KEYS, check_value};

/// One incoming row, read by column.
struct Row<'a> {
    table: &'a str,
    obj: &'a Map<String, Value>,
}

impl Row<'_> {
    fn s(&self, c: &str) -> Option<&str> {
        self.obj.get(c).and_then(Value::as_str)
    }

    fn f(&self, c: &str) -> Option<f64> {
        self.obj.get(c).and_then(Value::as_f64)
    }

    fn err(&self, c: &str, m: String) -> Result<(), InputError> {
        Err(InputError::new(format!("{}.{c}", self.table), m))
    }
}

/// Checks that hold between the columns of one row.
pub fn check_row(table: &str, obj: &Map<String, Value>) -> Result<(), InputError> {
    crate::repo::import_stamps::check_stamps(table, obj)?;
    let row = Row { table, obj };
    match table {
        "activities" => same_day(&row, "start_at"),
        "doses" => same_day(&row, "taken_at"),
        "scores" => score(&row),
        "plans" => plan(&row),
        "programmes" => programme(&row),
        "dated_settings" => dated_setting(&row),
        "settings" => setting(&row),
        _ => Ok(()),
    }
}

/// The day is the day of the start (`at`). moving_s against elapsed_s and the TSS against its
/// source: the whole-activity check after the merge.
fn same_day(row: &Row, at: &str) -> Result<(), InputError> {
    if let (Some(d), Some(t)) = (row.s("date"), row.s(at))
        && !t.starts_with(d)
    {
        return row.err(
            "date",
            format!("'{d}' is not the day of {at} '{t}'; allowed: the same day"),
        );
    }
    Ok(())
}

/// The value and subscore as `score add` checks them for the row's instrument.
fn score(row: &Row) -> Result<(), InputError> {
    let inst = crate::domain::scores::Instrument::parse(row.s("instrument").unwrap_or_default())
        .map_err(|e| InputError::new("scores.instrument", e.message))?;
    let value = row.f("value").unwrap_or(f64::NAN);
    // The column checks ran first: a psych present is a whole number 0–5.
    let psych = row
        .obj
        .get("psych")
        .and_then(Value::as_u64)
        .map(|p| p.min(99) as u8);
    crate::domain::scores::check_score(inst, value, psych).map_err(|e| {
        let col = if e.field == "psych" { "psych" } else { "value" };
        InputError::new(format!("scores.{col}"), e.message)
    })
}

/// The plan as `plan add` checks it.
fn plan(row: &Row) -> Result<(), InputError> {
    let day = |c: &str| {
        row.s(c)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let plan = crate::domain::plan::Plan {
        id: 0,
        uuid: String::new(),
        name: row.s("name").unwrap_or_default().to_string(),
        unit: row.s("unit").unwrap_or_default().to_string(),
        target: row.f("target").unwrap_or(f64::NAN),
        ramp: row.f("ramp").unwrap_or(f64::NAN),
        start_date: day("start_date").unwrap_or(NaiveDate::MIN),
        stopped_on: day("stopped_on"),
    };
    crate::domain::plan::check_plan(&plan)
        .map_err(|e| InputError::new(format!("plans.{}", e.field), e.message))
}

fn programme(row: &Row) -> Result<(), InputError> {
    if let (Some(from), Some(to)) = (row.s("active_from"), row.s("active_to"))
        && to < from
    {
        return row.err(
            "active_to",
            format!("'{to}' is before active_from '{from}'; allowed: on or after it"),
        );
    }
    Ok(())
}

/// A known dated key with a value in its range.
fn dated_setting(row: &Row) -> Result<(), InputError> {
    let key = row.s("key").unwrap_or_default();
    if !DATED_KEYS.iter().any(|k| k.0 == key) {
        let keys: Vec<&str> = DATED_KEYS.iter().map(|k| k.0).collect();
        return row.err(
            "key",
            format!("'{key}' is not known; allowed: {}", keys.join(", ")),
        );
    }
    let value = row.f("value").unwrap_or(f64::NAN);
    check_value(key, value)
        .map(|_| ())
        .map_err(|e| InputError::new("dated_settings.value", e.to_string()))
}

fn setting(row: &Row) -> Result<(), InputError> {
    let key = row.s("key").unwrap_or_default();
    // A units value this build cannot show would silently read as metric.
    if key == "units" {
        let v = row.s("value").unwrap_or_default();
        if crate::domain::text::Units::parse(v).is_none() {
            return row.err(
                "value",
                format!("units '{v}' is not a unit system; allowed: metric, imperial"),
            );
        }
    }
    if PLAIN_KEYS.iter().any(|k| k.0 == key) {
        let text = row.s("value").unwrap_or_default();
        let value: f64 = text.trim().parse().unwrap_or(f64::NAN);
        check_value(key, value).map_err(|e| InputError::new("settings.value", e.to_string()))?;
    }
    Ok(())
}
