//! Parsing what users type: dates (`today`, `-3`, `mon`, `MM-DD`…) and times here; durations
//! (`1h30m`, `1:30`) and distances (`42km`, `26mi`, `800m`) in `units.rs`. Each error names the
//! field and the accepted forms.

mod units;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::InputError;

pub use units::{format_duration, parse_distance, parse_duration};

/// The earliest year a date may have: a journal of a living person's health.
pub const MIN_YEAR: i32 = 1900;

const DATE_FORMS: &str =
    "allowed: today, yesterday, -3 or 3d (days ago), mon…sun, YYYY-MM-DD, MM-DD; not in the future";

/// Parses a date relative to `today`. Future dates are refused: a journal records what happened.
pub fn parse_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let Some(date) = day_as_typed(&text.trim().to_ascii_lowercase(), today) else {
        return Err(InputError::new(
            field,
            format!("'{text}' is not a date; {DATE_FORMS}"),
        ));
    };
    if date > today {
        return Err(InputError::new(
            field,
            format!("{date} is in the future (today is {today}); {DATE_FORMS}"),
        ));
    }
    check_year(field, date)
}

/// The day a lower-cased text names: `today`, `yesterday`, `-3`/`3d`, `mon`…`sun` (the last
/// one), `YYYY-MM-DD`, `MM-DD` (the last one); None when it names none. Nothing is checked.
pub(super) fn day_as_typed(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    match t {
        "today" | "now" | "0" => Some(today),
        "yesterday" => Some(today - Duration::days(1)),
        _ => {
            if let Some(days) = days_ago(t) {
                Some(today - Duration::days(days))
            } else if let Some(wd) = weekday(t) {
                let back =
                    (today.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                Some(today - Duration::days(back as i64))
            } else if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                Some(d)
            } else {
                month_day(t, today)
            }
        }
    }
}

/// Refuses days before [`MIN_YEAR`]: `0000-01-01` is a typo, not a day in a journal.
pub(super) fn check_year(field: &str, date: NaiveDate) -> Result<NaiveDate, InputError> {
    if date.year() < MIN_YEAR {
        return Err(InputError::new(
            field,
            format!("{date} is out of range; allowed: {MIN_YEAR}-01-01 or later"),
        ));
    }
    Ok(date)
}

/// The first day any journal can hold: `--since all` and `list --all` start here.
pub fn earliest_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// How far ahead an appointment may be dated.
pub const AHEAD_DAYS: i64 = 5 * 366;

pub use super::ahead::parse_date_ahead;

/// Like [`parse_date`] but allows future dates (course ends, programme end dates).
pub fn parse_date_any(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) => check_year(field, d),
        Err(_) => parse_date(field, text, today),
    }
}

fn days_ago(t: &str) -> Option<i64> {
    let digits = t.strip_prefix('-').or_else(|| t.strip_suffix('d'))?;
    let n: i64 = digits.parse().ok()?;
    (0..=36_500).contains(&n).then_some(n)
}

pub(super) fn weekday(t: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];
    if t.len() < 3 {
        return None;
    }
    NAMES.iter().find_map(|(short, wd)| {
        let full = format!("{wd:?}").to_ascii_lowercase();
        let long = match wd {
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
            Weekday::Sun => "sunday",
        };
        (t == *short || t == full || t == long).then_some(*wd)
    })
}

/// `MM-DD` means the most recent such day: this year, or last year if that is still to come.
pub(super) fn month_day(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (m, d) = t.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
    match this_year {
        Some(date) if date <= today => Some(date),
        _ => NaiveDate::from_ymd_opt(today.year() - 1, m, d),
    }
}

/// Parses `HH:MM` (24 h).
pub fn parse_time(field: &str, text: &str) -> Result<NaiveTime, InputError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text.trim(), "%H:%M:%S"))
        .map_err(|_| {
            InputError::new(
                field,
                format!("'{text}' is not a time; allowed: HH:MM (24-hour)"),
            )
        })
}

/// Parses `YYYY-MM-DD HH:MM` (or with a `T`), or a bare `HH:MM` meaning today.
pub fn parse_datetime(
    field: &str,
    text: &str,
    today: NaiveDate,
) -> Result<NaiveDateTime, InputError> {
    let t = text.trim();
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            check_year(field, dt.date())?;
            if dt.date() > today {
                return Err(InputError::new(
                    field,
                    format!("{dt} is in the future; allowed: a past date-time"),
                ));
            }
            return Ok(dt);
        }
    }
    if let Ok(time) = parse_time(field, t) {
        return Ok(today.and_time(time));
    }
    Err(InputError::new(
        field,
        format!("'{text}' is not a date-time; allowed: \"YYYY-MM-DD HH:MM\" or HH:MM for today"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn relative_dates() {
        let today = d("2026-11-23"); // a Monday
        assert_eq!(parse_date("date", "today", today).unwrap(), today);
        assert_eq!(
            parse_date("date", "yesterday", today).unwrap(),
            d("2026-11-22")
        );
        assert_eq!(parse_date("date", "-3", today).unwrap(), d("2026-11-20"));
        assert_eq!(parse_date("date", "3d", today).unwrap(), d("2026-11-20"));
        assert_eq!(parse_date("date", "mon", today).unwrap(), today);
        assert_eq!(parse_date("date", "sun", today).unwrap(), d("2026-11-22"));
        assert_eq!(
            parse_date("date", "Tuesday", today).unwrap(),
            d("2026-11-17")
        );
        assert_eq!(
            parse_date("date", "2026-01-02", today).unwrap(),
            d("2026-01-02")
        );
        assert_eq!(parse_date("date", "11-20", today).unwrap(), d("2026-11-20"));
        assert_eq!(parse_date("date", "12-25", today).unwrap(), d("2025-12-25"));
    }

    #[test]
    fn future_and_garbage_dates_refused() {
        let today = d("2026-11-23");
        let e = parse_date("date", "2026-11-24", today).unwrap_err();
        assert!(e.message.contains("future"), "{e}");
        assert_eq!(e.field, "date");
        assert!(parse_date("date", "someday", today).is_err());
        assert!(parse_date("date", "02-30", today).is_err());
        for old in ["0000-01-01", "1899-12-31"] {
            let e = parse_date("date", old, today).unwrap_err();
            assert!(e.message.contains("out of range"), "{old}: {e}");
            assert!(parse_date_any("to", old, today).is_err());
        }
        assert!(parse_datetime("at", "0001-01-01 08:00", today).is_err());
        assert_eq!(
            parse_date("date", "1900-01-01", today).unwrap(),
            d("1900-01-01")
        );
    }

    #[test]
    fn datetimes() {
        let today = d("2026-11-23");
        let dt = parse_datetime("at", "2026-11-22 08:15", today).unwrap();
        assert_eq!(dt.to_string(), "2026-11-22 08:15:00");
        assert_eq!(parse_datetime("at", "07:00", today).unwrap().date(), today);
        assert!(parse_datetime("at", "2027-01-01 08:00", today).is_err());
    }
}
