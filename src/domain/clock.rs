//! The one clock. `BACKTRACK_TODAY=YYYY-MM-DD` fixes "today" for tests and demos; everything
//! that asks for the date or time goes through here.

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// Today's local date, or the date fixed by `BACKTRACK_TODAY`.
pub fn today() -> NaiveDate {
    fixed_today().unwrap_or_else(|| Local::now().date_naive())
}

/// The local date-time now. With `BACKTRACK_TODAY` set, today's fixed date at the real local
/// time of day, so doses taken "now" land on the fixed day.
pub fn now_local() -> NaiveDateTime {
    let real = Local::now().naive_local();
    match fixed_today() {
        Some(d) => d.and_time(real.time()),
        None => real,
    }
}

/// Noon on the given day: the start time used when only a date is known.
pub fn noon(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("valid time"))
}

/// A UTC timestamp for created_at/updated_at/deleted_at, with milliseconds so that "newer wins"
/// on import can tell quick successive edits apart.
pub fn utc_stamp() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn fixed_today() -> Option<NaiveDate> {
    let v = std::env::var("BACKTRACK_TODAY").ok()?;
    NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok()
}
