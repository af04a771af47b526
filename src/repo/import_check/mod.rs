//! The checks a JSON import puts every row through: the same limits as a value typed on the
//! command line (real, non-future dates, an event's up to five years ahead; scales in range;
//! finite numbers within the CLI's bounds; uuids and UTC timestamps; vocabularies), so a
//! tampered export cannot store what a person could not type. This file checks one column by
//! its rule (`rules.rs` says which); `row.rs` checks what holds between a row's columns.

mod row;
mod rules;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::Value;

use crate::domain::InputError;
use crate::domain::parse::{AHEAD_DAYS, MIN_YEAR};
use crate::domain::vocab::*;

pub use row::check_row;

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

/// One incoming value and what an error about it names: `table.column` and the value as
/// shown (text quoted and cut at 40 characters).
struct Cell<'a> {
    table: &'a str,
    col: &'a str,
    field: String,
    shown: String,
    v: &'a Value,
}

impl Cell<'_> {
    fn bad(&self, msg: String) -> Result<(), InputError> {
        Err(InputError::new(self.field.clone(), msg))
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
    if v.is_null() {
        return Ok(());
    }
    let shown = match v {
        Value::String(s) => format!("'{}'", s.chars().take(40).collect::<String>()),
        other => other.to_string(),
    };
    let cell = Cell {
        table,
        col,
        field: format!("{table}.{col}"),
        shown,
        v,
    };
    let shown = &cell.shown;
    match rules::rule(table, col) {
        Rule::Uuid => match v.as_str().map(uuid::Uuid::parse_str) {
            Some(Ok(_)) => Ok(()),
            _ => cell.bad(format!(
                "{shown} is not a uuid; allowed: a uuid such as 0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9e"
            )),
        },
        Rule::Stamp => match v.as_str() {
            Some(s) if s.ends_with('Z') && DateTime::parse_from_rfc3339(s).is_ok() => Ok(()),
            _ => cell.bad(format!(
                "{shown} is not a timestamp; allowed: UTC as 2026-11-23T08:15:00.000Z"
            )),
        },
        Rule::PastDate => check_date(&cell, today, Some(today)),
        Rule::AheadDate => check_date(
            &cell,
            today,
            Some(today + chrono::Duration::days(AHEAD_DAYS)),
        ),
        Rule::AnyDate => check_date(&cell, today, None),
        Rule::PastDateTime => check_date_time(&cell, today),
        Rule::Int(lo, hi) => check_int(&cell, lo, hi),
        Rule::Num { lo, hi, above } => check_num(&cell, lo, hi, above),
        Rule::Bool => match v {
            Value::Bool(_) => Ok(()),
            _ if matches!(v.as_i64(), Some(0 | 1)) => Ok(()),
            _ => cell.bad(format!(
                "{shown} is not a yes/no value; allowed: 0, 1, true, false"
            )),
        },
        Rule::NonEmpty => check_text(&cell),
        Rule::OneOf(allowed) => match v.as_str() {
            Some(s) if allowed.contains(&s) => Ok(()),
            _ => cell.bad(format!(
                "{shown} is not known; allowed: {}",
                allowed.join(", ")
            )),
        },
        Rule::Free => match v {
            Value::String(s) => vocab_check(table, col, s),
            Value::Number(_) | Value::Bool(_) => Ok(()),
            _ => cell.bad("must be text, a number or null".into()),
        },
    }
}

/// A day as YYYY-MM-DD, no later than `last` (None: any day).
fn check_date(cell: &Cell, today: NaiveDate, last: Option<NaiveDate>) -> Result<(), InputError> {
    match cell
        .v
        .as_str()
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
    {
        Some(Ok(d)) => check_day(&cell.field, d, today, last),
        _ => cell.bad(format!(
            "{} is not a date; allowed: a real day as YYYY-MM-DD",
            cell.shown
        )),
    }
}

/// A moment that has happened, as YYYY-MM-DDTHH:MM:SS.
fn check_date_time(cell: &Cell, today: NaiveDate) -> Result<(), InputError> {
    match cell
        .v
        .as_str()
        .map(|s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
    {
        Some(Ok(dt)) => check_day(&cell.field, dt.date(), today, Some(today)),
        _ => cell.bad(format!(
            "{} is not a date-time; allowed: YYYY-MM-DDTHH:MM:SS",
            cell.shown
        )),
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

fn check_int(cell: &Cell, lo: i64, hi: i64) -> Result<(), InputError> {
    let shown = &cell.shown;
    match cell.v.as_i64() {
        Some(n) if (lo..=hi).contains(&n) => Ok(()),
        // A fraction or a number past i64 is a number all the same: out of range.
        _ if cell.v.is_number() => cell.bad(format!(
            "{shown} is out of range; allowed: whole numbers {lo}–{hi}"
        )),
        _ => cell.bad(format!("{shown} is not a whole number; allowed: {lo}–{hi}")),
    }
}

fn check_num(cell: &Cell, lo: f64, hi: f64, above: bool) -> Result<(), InputError> {
    match cell.v.as_f64() {
        Some(x) if x.is_finite() && x <= hi && (x > lo || (!above && x == lo)) => Ok(()),
        Some(_) => {
            let from = if above {
                format!("above {lo}")
            } else {
                format!("from {lo}")
            };
            cell.bad(format!(
                "{} is out of range; allowed: a number {from} to {hi}",
                cell.shown
            ))
        }
        None => cell.bad(format!("{} is not a number", cell.shown)),
    }
}

/// Text that says something; a medication's or plan's name is one line, as `med add` and
/// `plan add` take it.
fn check_text(cell: &Cell) -> Result<(), InputError> {
    let one_line = matches!((cell.table, cell.col), ("medications" | "plans", "name"));
    match cell.v {
        Value::String(s) if one_line && s.chars().any(char::is_control) => cell.bad(format!(
            "{} holds a line break or control character; allowed: text on one line",
            cell.shown
        )),
        Value::String(s) if !s.trim().is_empty() => Ok(()),
        Value::String(_) => cell.bad("is empty; allowed: any text".into()),
        _ => cell.bad(format!("{} is not text", cell.shown)),
    }
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
