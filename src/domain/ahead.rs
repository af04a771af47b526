//! Days that may lie ahead (appointments, the end of a listing): what `parse_date` takes, plus
//! `tomorrow`, `+N`, `next mon…sun`, and an `MM-DD` read as its nearest occurrence.

use chrono::{Datelike, Duration, NaiveDate};

use super::InputError;
use super::parse::{AHEAD_DAYS, check_year, day_as_typed, month_day, weekday};

const AHEAD_FORMS: &str = "allowed: today, tomorrow, +8 (days ahead), next mon…sun, -3 or 3d \
     (days ago), mon…sun (the last one), YYYY-MM-DD, MM-DD (the nearest), up to five years ahead";

/// A day that may be ahead (an appointment). An `MM-DD` is the nearer of its last and its next
/// occurrence: on 1 Dec, `12-08` is next week, not eleven months ago, and `11-20` is last month.
pub fn parse_date_ahead(
    field: &str,
    text: &str,
    today: NaiveDate,
) -> Result<NaiveDate, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let ahead = if t == "tomorrow" {
        Some(1)
    } else if let Some(wd) = t.strip_prefix("next ").and_then(|w| weekday(w.trim())) {
        let on = (wd.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
        Some(if on == 0 { 7 } else { on as i64 })
    } else {
        t.strip_prefix('+').and_then(|n| n.parse::<i64>().ok())
    };
    let d = match ahead {
        Some(n) if (0..=AHEAD_DAYS).contains(&n) => today + Duration::days(n),
        Some(_) => {
            return Err(InputError::new(
                field,
                format!("'{text}' is out of range; allowed: +0 to +{AHEAD_DAYS} days ahead"),
            ));
        }
        None => {
            let day = nearest_month_day(&t, today).or_else(|| day_as_typed(&t, today));
            let day = day.ok_or_else(|| {
                InputError::new(field, format!("'{text}' is not a date; {AHEAD_FORMS}"))
            })?;
            check_year(field, day)?
        }
    };
    if d > today + Duration::days(AHEAD_DAYS) {
        return Err(InputError::new(
            field,
            format!(
                "{d} is more than five years ahead; allowed: up to {}",
                today + Duration::days(AHEAD_DAYS)
            ),
        ));
    }
    Ok(d)
}

/// When `text` is a bare weekday (`tue`, `Tuesday`), the day it was taken as (the last one,
/// today included) and the coming one `next tue` names: an appointment typed as `tue` may
/// have meant either, so the summary says which it took.
pub fn bare_weekday(text: &str, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let t = text.trim().to_ascii_lowercase();
    weekday(&t)?;
    let last = day_as_typed(&t, today)?;
    Some((last, last + Duration::days(7)))
}

/// `MM-DD` as its occurrence nearest to today (the past one on a tie).
fn nearest_month_day(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    if t.len() > 5 || t.matches('-').count() != 1 || t.starts_with('-') {
        return None;
    }
    let past = month_day(t, today)?;
    let (m, d) = (past.month(), past.day());
    let next = (1..=8)
        .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k - 1, m, d))
        .find(|x| *x > today);
    match next {
        Some(n) if (n - today) < (today - past) => Some(n),
        _ => Some(past),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_month_and_day_is_its_nearest_occurrence() {
        let today = d("2026-12-01"); // a Tuesday
        let p = |t: &str| parse_date_ahead("date", t, today).unwrap();
        assert_eq!(p("12-08"), d("2026-12-08"), "next week, not last December");
        assert_eq!(p("11-20"), d("2026-11-20"), "last month");
        assert_eq!(p("01-15"), d("2027-01-15"), "next month, across the year");
        // Half a year either way: 2 Jun was 182 days ago, next 2 Jun is 183 days ahead.
        assert_eq!(p("06-02"), d("2026-06-02"));
        assert_eq!(
            p("06-01"),
            d("2027-06-01"),
            "182 days ahead against 183 ago"
        );
        assert_eq!(p("12-01"), today);
        assert_eq!(p("2025-12-08"), d("2025-12-08"), "a full date is as typed");
    }

    #[test]
    fn next_weekday_is_strictly_ahead_and_the_bare_one_is_the_last() {
        let today = d("2026-12-01"); // Tuesday
        let p = |t: &str| parse_date_ahead("date", t, today).unwrap();
        assert_eq!(p("next tue"), d("2026-12-08"));
        assert_eq!(p("next wednesday"), d("2026-12-02"));
        assert_eq!(p("next mon"), d("2026-12-07"));
        assert_eq!(p("tue"), today);
        assert_eq!(p("mon"), d("2026-11-30"));
        assert_eq!(p("tomorrow"), d("2026-12-02"));
        assert_eq!(p("+8"), d("2026-12-09"));
    }

    #[test]
    fn a_bare_weekday_names_the_last_one_and_the_next() {
        let today = d("2026-12-01"); // Tuesday
        assert_eq!(
            bare_weekday("Thu", today),
            Some((d("2026-11-26"), d("2026-12-03")))
        );
        assert_eq!(
            bare_weekday("tuesday", today),
            Some((today, d("2026-12-08")))
        );
        assert_eq!(bare_weekday("next thu", today), None);
        assert_eq!(bare_weekday("12-03", today), None);
    }

    #[test]
    fn a_bad_day_lists_the_forms_that_may_be_ahead() {
        let e = parse_date_ahead("date", "someday", d("2026-12-01")).unwrap_err();
        assert_eq!(e.field, "date");
        assert!(
            e.message.contains("next mon…sun") && !e.message.contains("not in the future"),
            "{}",
            e.message
        );
        let e = parse_date_ahead("date", "13-45", d("2026-12-01")).unwrap_err();
        assert!(e.message.contains("not a date"), "{}", e.message);
    }
}
