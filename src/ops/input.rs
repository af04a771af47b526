//! Small validators the drafts share: optional scales, bounded numbers, dates defaulting to
//! today and trimmed text. Each error names the field and what is allowed.

use chrono::NaiveDate;

use crate::domain::limits::{Limit, SESSION_MINUTES};
use crate::domain::{InputError, parse};

pub fn date_or_today(
    field: &str,
    d: &Option<String>,
    today: NaiveDate,
) -> std::result::Result<NaiveDate, InputError> {
    match d {
        Some(t) => parse::parse_date(field, t, today),
        None => Ok(today),
    }
}

/// A scale typed as text, within its limit (pain 0–10, RPE 1–10, mood 1–5).
pub fn opt_scale(
    field: &str,
    v: &Option<String>,
    limit: Limit,
) -> std::result::Result<Option<u8>, InputError> {
    v.as_deref()
        .map(|t| limit.parse_scale(field, t))
        .transpose()
}

/// A figure within its limit from the one table (`domain::limits`).
pub fn opt_in(limit: Limit, v: Option<f64>) -> std::result::Result<Option<f64>, InputError> {
    v.map(|x| limit.check(x)).transpose()
}

/// Non-empty trimmed text, or None.
pub fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The most minutes a rehab session may last: a day, the bound an import of an export checks,
/// so every journal the command line writes can be imported again.
pub const MAX_SESSION_MINUTES: u32 = SESSION_MINUTES.hi_whole() as u32;

/// A rehab session's minutes, 0 up to [`MAX_SESSION_MINUTES`].
pub fn opt_minutes(v: Option<u32>) -> std::result::Result<Option<u32>, InputError> {
    match v {
        Some(m) if m > MAX_SESSION_MINUTES => Err(InputError::new(
            "minutes",
            format!("{m} is out of range; allowed: whole numbers 0–{MAX_SESSION_MINUTES}"),
        )),
        _ => Ok(v),
    }
}
