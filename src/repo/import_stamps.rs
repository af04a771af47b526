//! The timestamps of a row a JSON import brings (issue 21.10): none ahead of this machine's
//! clock (a record stamped in the future would win every later merge), and none updated
//! before it was created, each give or take a day for clocks that disagree.

use chrono::DateTime;
use serde_json::{Map, Value};

use crate::domain::InputError;

/// How far ahead of this machine's clock a stamp may be (another device's clock may run a
/// little fast): a record stamped later would win every future merge.
const STAMP_SLACK_HOURS: i64 = 24;

/// created_at, updated_at and deleted_at: none ahead of now, and a record not updated before
/// it was created (each give or take a clock's slack).
pub fn check_stamps(table: &str, obj: &Map<String, Value>) -> Result<(), InputError> {
    let stamp = |c: &str| {
        obj.get(c)
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.with_timezone(&chrono::Utc))
    };
    let latest = chrono::Utc::now() + chrono::Duration::hours(STAMP_SLACK_HOURS);
    for c in ["created_at", "updated_at", "deleted_at"] {
        if let Some(d) = stamp(c).filter(|d| *d > latest) {
            return Err(InputError::new(
                format!("{table}.{c}"),
                format!(
                    "{} is in the future; allowed: a moment that has happened",
                    d.format("%Y-%m-%dT%H:%M:%SZ")
                ),
            ));
        }
    }
    // Two devices' clocks may disagree by as much as the slack: an edit on the slower one.
    if let (Some(c), Some(u)) = (stamp("created_at"), stamp("updated_at"))
        && c > u + chrono::Duration::hours(STAMP_SLACK_HOURS)
    {
        return Err(InputError::new(
            format!("{table}.created_at"),
            format!(
                "{} is after updated_at {}; allowed: on or before it (a day's clock difference aside)",
                c.format("%Y-%m-%dT%H:%M:%S%.3fZ"),
                u.format("%Y-%m-%dT%H:%M:%S%.3fZ")
            ),
        ));
    }
    Ok(())
}
