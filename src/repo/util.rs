//! Small conversions shared by the aggregate files: sets as comma text, new uuids, dates.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Type;

use crate::domain::InputError;

/// A new record identity: v7 sorts by creation time, which keeps exports readable.
pub fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn join_set<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Splits a stored comma set back into values; a value this build does not know is a
/// conversion error rather than a silent drop.
pub fn split_set<T>(
    col: usize,
    text: &str,
    parse: fn(&str) -> Result<T, InputError>,
) -> rusqlite::Result<Vec<T>> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| parse(s).map_err(|e| conv_err(col, e)))
        .collect()
}

pub fn split_tags(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn conv_err(col: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, Type::Text, Box::new(e))
}

pub fn date_str(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn datetime_str(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub fn parse_date_col(col: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| conv_err(col, e))
}

pub fn parse_datetime_col(col: usize, s: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").map_err(|e| conv_err(col, e))
}

/// Reads an optional date column.
pub fn opt_date(row: &rusqlite::Row, col: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(col)?;
    s.map(|s| parse_date_col(col, &s)).transpose()
}

/// Reads a parsed vocabulary column.
pub fn vocab_col<T>(
    row: &rusqlite::Row,
    col: usize,
    parse: fn(&str) -> Result<T, InputError>,
) -> rusqlite::Result<T> {
    let s: String = row.get(col)?;
    parse(&s).map_err(|e| conv_err(col, e))
}
