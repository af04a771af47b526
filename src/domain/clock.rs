//! The one clock. `BACKTRACK_TODAY=YYYY-MM-DD` fixes "today" for tests and demos; everything
//! that asks for the date or time goes through here.

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

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

/// The one rule for what happened "later": a dose taken, or an activity started, after
/// [`latest_moment`] is refused naming `field` (a dose at 23:30 logged at 03:00 would count
/// toward today's maximum before it is taken; a ride at 18:00 logged at 09:00 has not begun).
pub fn not_ahead(
    field: &str,
    at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<NaiveDateTime, crate::domain::InputError> {
    if at > latest_moment(now) {
        return Err(crate::domain::InputError::new(
            field,
            format!(
                "{} is later than now ({}); allowed: a time up to now",
                at.format("%Y-%m-%d %H:%M"),
                now.format("%H:%M")
            ),
        ));
    }
    Ok(at)
}

/// Where an activity of `elapsed_s` seconds with no start time goes on `date`: noon, unless
/// that is later than now; then it ends now (not before the day began), so it is never put
/// in the future. With `BACKTRACK_TODAY` set the fixed day has no "now": noon.
pub fn default_start(date: NaiveDate, elapsed_s: u32, now: NaiveDateTime) -> NaiveDateTime {
    default_start_with(date, elapsed_s, now, fixed_today())
}

fn default_start_with(
    date: NaiveDate,
    elapsed_s: u32,
    now: NaiveDateTime,
    fixed: Option<NaiveDate>,
) -> NaiveDateTime {
    let ends = match fixed {
        Some(_) => latest_moment_with(now, fixed),
        None => now,
    };
    let start =
        (ends - chrono::Duration::seconds(i64::from(elapsed_s))).max(date.and_time(NaiveTime::MIN));
    // A start is a time of day to the minute, as one is typed (`--start 08:30`); the clock's
    // seconds and nanoseconds would be stored and shown otherwise. Rounded down, so it still
    // ends by now.
    let start = start
        .date()
        .and_hms_opt(start.hour(), start.minute(), 0)
        .unwrap_or(start);
    noon(date).min(start)
}

/// A UTC timestamp for created_at/updated_at/deleted_at, with milliseconds so that "newer wins"
/// on import can tell quick successive edits apart.
pub fn utc_stamp() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A stamp of `utc_stamp` as this computer's local date and time to the minute ("2026-12-05
/// 09:04"), for people: the stamp itself stays UTC in files and `--json`. None when `stamp` is
/// not one.
pub fn local_minute(stamp: &str) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(stamp).ok()?;
    Some(t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
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

    #[test]
    fn a_utc_stamp_reads_in_local_time_to_the_minute() {
        use chrono::TimeZone;
        let utc = Utc.with_ymd_and_hms(2026, 12, 5, 0, 4, 37).unwrap();
        let local = utc
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        assert_eq!(local_minute("2026-12-05T00:04:37.875Z"), Some(local));
        assert_eq!(local_minute("yesterday"), None);
    }

    #[test]
    fn an_activity_without_a_start_is_never_put_in_the_future() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let at = |h, m| d.and_hms_opt(h, m, 0).unwrap();
        // Logged at 09:30 after a 1 h ride: it ended now, not at 13:00.
        assert_eq!(default_start_with(d, 3600, at(9, 30), None), at(8, 30));
        // Logged in the evening: noon, as before.
        assert_eq!(default_start_with(d, 3600, at(19, 0), None), at(12, 0));
        // A yesterday's ride: noon of its day.
        let y = d.pred_opt().unwrap();
        assert_eq!(default_start_with(y, 3600, at(9, 30), None), noon(y));
        // Logged at 00:20 after a 2 h ride: the start of the day, not yesterday.
        assert_eq!(default_start_with(d, 7200, at(0, 20), None), at(0, 0));
        // A fixed day has no "now": noon.
        assert_eq!(default_start_with(d, 3600, at(9, 30), Some(d)), at(12, 0));
        // The real clock's seconds and nanoseconds are not stored: 09:30:21.4 less 30 min
        // starts at 09:00, as `--start 09:00` would.
        let ragged = d.and_hms_nano_opt(9, 30, 21, 415_112_969).unwrap();
        assert_eq!(default_start_with(d, 1800, ragged, None), at(9, 0));
    }
}
