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

/// The latest moment a dose may be logged at, given `now` (from [`now_local`]): now, plus five
/// minutes for a clock or a typed minute that runs ahead. With `BACKTRACK_TODAY` set, the end of
/// the fixed day, since its time of day is the real one and a fixed-day test logs any hour.
pub fn latest_moment(now: NaiveDateTime) -> NaiveDateTime {
    latest_moment_with(now, fixed_today())
}

fn latest_moment_with(now: NaiveDateTime, fixed: Option<NaiveDate>) -> NaiveDateTime {
    match fixed {
        Some(d) => d.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time")),
        None => now + chrono::Duration::minutes(5),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dose_may_be_logged_up_to_five_minutes_ahead_or_the_fixed_days_end() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let now = d.and_hms_opt(3, 0, 0).unwrap();
        assert_eq!(
            latest_moment_with(now, None),
            d.and_hms_opt(3, 5, 0).unwrap()
        );
        assert_eq!(
            latest_moment_with(now, Some(d)),
            d.and_hms_opt(23, 59, 59).unwrap()
        );
    }
}
