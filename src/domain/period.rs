//! The one period grammar of `--since` (`list`, `stats`, `chart`, `report`, `med doses`): a
//! span back from the period's last day (`12w`, `6m`, `1y`), `all`, or any day `parse_date`
//! takes. One grammar, so a form that works in one command works in every one.

use chrono::{Duration, Months, NaiveDate};

use super::InputError;
use super::parse::parse_date;

/// Where a period starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// From the journal's first day.
    All,
    From(NaiveDate),
}

impl Since {
    /// The first day, with `all` as `first` (the journal's first day, or any day before it).
    pub fn or_first(self, first: NaiveDate) -> NaiveDate {
        match self {
            Since::All => first,
            Since::From(d) => d,
        }
    }

    /// The first day, None for `all`.
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            Since::All => None,
            Since::From(d) => Some(d),
        }
    }
}

/// Parses `--since`: `Nw`, `Nm` and `Ny` (1–1000) count back from `end`, the period's last
/// day, and include it (`1w` ending on a Sunday starts on the Monday before);
/// `all`; or a day (`2026-01-05`, `mon`, `30d`…), never in the future.
pub fn parse_since(
    field: &str,
    text: &str,
    end: NaiveDate,
    today: NaiveDate,
) -> Result<Since, InputError> {
    let t = text.trim().to_ascii_lowercase();
    if t == "all" {
        return Ok(Since::All);
    }
    let span = |suffix: char| {
        t.strip_suffix(suffix)
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| (1..=1000).contains(n))
    };
    let back = if let Some(w) = span('w') {
        Some(end - Duration::weeks(w as i64))
    } else if let Some(m) = span('m') {
        end.checked_sub_months(Months::new(m))
    } else if let Some(y) = span('y') {
        end.checked_sub_months(Months::new(y * 12))
    } else {
        None
    };
    match back {
        Some(d) => Ok(Since::From(d + Duration::days(1))),
        None => parse_date(field, text, today)
            .map(Since::From)
            .map_err(|e| InputError::new(field, format!("{}; or {SPANS}", e.message))),
    }
}

/// The spans `--since` takes besides a day, for messages and help.
pub const SPANS: &str = "a span back from the last day such as 12w, 6m, 1y, or all";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn spans_count_back_from_the_last_day_and_include_it() {
        let today = d("2026-12-04");
        let p = |t: &str, end: &str| parse_since("since", t, d(end), today).unwrap();
        assert_eq!(p("12w", "2026-12-04"), Since::From(d("2026-09-12")));
        assert_eq!(p("1W", "2026-12-04"), Since::From(d("2026-11-28")));
        assert_eq!(p("6m", "2026-12-04"), Since::From(d("2026-06-05")));
        assert_eq!(p("1y", "2026-10-31"), Since::From(d("2025-11-01")));
        assert_eq!(p("all", "2026-12-04"), Since::All);
        assert_eq!(p("2026-01-05", "2026-12-04"), Since::From(d("2026-01-05")));
        assert_eq!(p("30d", "2026-12-04"), Since::From(d("2026-11-04")));
        assert_eq!(Since::All.or_first(d("2025-01-01")), d("2025-01-01"));
    }

    #[test]
    fn a_bad_since_names_the_field_and_every_form() {
        let e = parse_since("since", "12x", d("2026-12-04"), d("2026-12-04")).unwrap_err();
        assert_eq!(e.field, "since");
        assert!(
            e.message.contains("12w, 6m, 1y, or all") && e.message.contains("YYYY-MM-DD"),
            "{}",
            e.message
        );
        assert!(parse_since("since", "0w", d("2026-12-04"), d("2026-12-04")).is_err());
        assert!(parse_since("since", "2027-01-01", d("2026-12-04"), d("2026-12-04")).is_err());
    }
}
