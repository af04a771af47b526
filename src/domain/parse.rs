//! Parsing what users type: dates (`today`, `-3`, `mon`, `MM-DD`…), durations (`1h30m`, `1:30`)
//! and distances (`42km`, `26mi`, `800m`). Each error names the field and the accepted forms.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::InputError;

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

const DURATION_FORMS: &str = "allowed: 1h30m, 90m, 45s, 1:30 (h:mm), 1:30:00 (h:mm:ss)";

/// Parses a duration into whole seconds. Zero and over 7 days are refused.
pub fn parse_duration(field: &str, text: &str) -> Result<u32, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        InputError::new(
            field,
            format!("'{text}' is not a duration; {DURATION_FORMS}"),
        )
    };
    let secs: u64 = if t.contains(':') {
        let parts: Vec<&str> = t.split(':').collect();
        let nums: Option<Vec<u64>> = parts.iter().map(|p| p.parse().ok()).collect();
        let nums = nums.ok_or_else(bad)?;
        let over = || {
            InputError::new(
                field,
                format!(
                    "'{text}' is out of range: minutes and seconds go up to 59; {DURATION_FORMS}"
                ),
            )
        };
        match nums.as_slice() {
            [h, m] if *m < 60 && *h <= 10_000 => h * 3600 + m * 60,
            [h, m, s] if *m < 60 && *s < 60 && *h <= 10_000 => h * 3600 + m * 60 + s,
            [_, _] | [_, _, _] => return Err(over()),
            _ => return Err(bad()),
        }
    } else {
        let mut total = 0u64;
        let mut num = String::new();
        let mut any_unit = false;
        // The previous unit: minutes after hours (and seconds after minutes) must be under 60,
        // or "1h99m" would quietly mean 2h39m.
        let mut larger = 0.0;
        for ch in t.chars() {
            if ch.is_ascii_digit() || ch == '.' {
                num.push(ch);
                continue;
            }
            let value: f64 = num.parse().map_err(|_| bad())?;
            let unit = match ch {
                'h' => 3600.0,
                'm' => 60.0,
                's' => 1.0,
                _ => return Err(bad()),
            };
            if larger > 0.0 && unit >= larger {
                return Err(bad());
            }
            if larger > 0.0 && value >= 60.0 {
                let name = if unit == 60.0 { "minutes" } else { "seconds" };
                return Err(InputError::new(
                    field,
                    format!(
                        "'{text}' is out of range: {name} after a larger unit go up to 59; {DURATION_FORMS}"
                    ),
                ));
            }
            if !value.is_finite() || value > 1e7 {
                return Err(bad());
            }
            total += (value * unit).round() as u64;
            larger = unit;
            num.clear();
            any_unit = true;
        }
        if !num.is_empty() {
            let value: f64 = num.parse().map_err(|_| bad())?;
            // A bare number is minutes: "90" reads as 90 minutes, the common case. After a
            // unit it is the next smaller one, by the same rule as typed out: "1h30" is
            // 1h30m and "1m30" 1 min 30 s, while "1h90" is refused, never read as 2h30m.
            let (unit, name) = match larger {
                0.0 => (60.0, ""),
                3600.0 => (60.0, "minutes"),
                60.0 => (1.0, "seconds"),
                _ => {
                    return Err(InputError::new(
                        field,
                        format!("'{text}' has a number after the seconds; {DURATION_FORMS}"),
                    ));
                }
            };
            if larger > 0.0 && (value >= 60.0 || value.fract() != 0.0) {
                return Err(InputError::new(
                    field,
                    format!(
                        "'{text}' is out of range: {name} after a larger unit are whole numbers up to 59; {DURATION_FORMS}"
                    ),
                ));
            }
            if !value.is_finite() || value > 1e7 {
                return Err(bad());
            }
            total += (value * unit).round() as u64;
        } else if !any_unit {
            return Err(bad());
        }
        total
    };
    if secs == 0 || secs > 7 * 24 * 3600 {
        return Err(InputError::new(
            field,
            format!(
                "'{text}' is out of range; allowed: more than 0 and at most 7 days ({DURATION_FORMS})"
            ),
        ));
    }
    Ok(secs as u32)
}

/// Formats seconds as `1h30m` / `45m` / `50s`.
pub fn format_duration(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s}s"),
        (0, m, _) => format!("{m}m"),
        (h, 0, _) => format!("{h}h"),
        (h, m, _) => format!("{h}h{m:02}m"),
    }
}

/// Parses a distance into metres: `42km`, `42.2` (km), `26mi`, `800m`.
pub fn parse_distance(field: &str, text: &str) -> Result<f64, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        InputError::new(
            field,
            format!("'{text}' is not a distance; allowed: 42km, 42.2 (km), 26mi, 800m"),
        )
    };
    let (num, factor) = if let Some(n) = t.strip_suffix("km") {
        (n, 1000.0)
    } else if let Some(n) = t.strip_suffix("mi") {
        (n, 1609.344)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 1.0)
    } else {
        (t.as_str(), 1000.0)
    };
    let v: f64 = num.trim().parse().map_err(|_| bad())?;
    if !v.is_finite() {
        return Err(bad());
    }
    if v < 0.0 || v * factor > 5_000_000.0 {
        return Err(InputError::new(
            field,
            format!("'{text}' is out of range; allowed: 0 to 5000 km (3107 mi)"),
        ));
    }
    Ok(v * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distance_past_the_limit_says_out_of_range() {
        let e = parse_distance("distance", "5001km")
            .unwrap_err()
            .to_string();
        assert!(e.contains("out of range") && e.contains("5000 km"), "{e}");
        let e = parse_distance("distance", "far").unwrap_err().to_string();
        assert!(e.contains("not a distance"), "{e}");
        assert_eq!(parse_distance("distance", "26mi").unwrap(), 26.0 * 1609.344);
    }

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
    fn durations() {
        assert_eq!(parse_duration("duration", "1h30m").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "90m").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "1:30").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "1:30:00").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "45").unwrap(), 2700);
        assert_eq!(parse_duration("duration", "2h").unwrap(), 7200);
        assert!(parse_duration("duration", "1:75").is_err());
        for over in ["1h99m", "1h60m", "1m75s", "2h30m60s", "1:60:00", "0:10:99"] {
            let e = parse_duration("duration", over).unwrap_err();
            assert!(e.message.contains("out of range"), "{over}: {e}");
        }
        assert_eq!(parse_duration("duration", "1h59m").unwrap(), 7140);
        assert_eq!(parse_duration("duration", "75s").unwrap(), 75);
        assert_eq!(parse_duration("duration", "1h0m30s").unwrap(), 3630);
        assert!(parse_duration("duration", "0m").is_err());
        assert!(parse_duration("duration", "abc").is_err());
        assert_eq!(format_duration(5400), "1h30m");
        assert_eq!(format_duration(2700), "45m");
    }

    /// Issue 25 item 2: a bare number after a unit is the next smaller unit, by the same
    /// under-60 rule, never added on as minutes ("1h90" was 2h30m, "1m30" 31 minutes).
    #[test]
    fn a_bare_number_after_a_unit_is_the_next_smaller_unit() {
        assert_eq!(parse_duration("duration", "1h30").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "1m30").unwrap(), 90);
        assert_eq!(parse_duration("duration", "2h5").unwrap(), 7500);
        for bad in ["1h90", "1m60", "1m75", "1h30.5"] {
            let e = parse_duration("duration", bad).unwrap_err();
            assert_eq!(e.field, "duration");
            assert!(e.message.contains("up to 59"), "{bad}: {e}");
        }
        let e = parse_duration("duration", "1m30s5").unwrap_err();
        assert!(e.message.contains("after the seconds"), "{e}");
    }

    #[test]
    fn distances() {
        assert_eq!(parse_distance("distance", "42km").unwrap(), 42_000.0);
        assert_eq!(parse_distance("distance", "42.2").unwrap(), 42_200.0);
        assert!((parse_distance("distance", "26mi").unwrap() - 41_842.944).abs() < 1e-6);
        assert_eq!(parse_distance("distance", "800m").unwrap(), 800.0);
        assert!(parse_distance("distance", "far").is_err());
        assert!(parse_distance("distance", "-5km").is_err());
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
