//! Strava's bulk-export `activities.csv` (SPEC §10). Its header repeats names ("Elapsed
//! Time", "Distance", "Max Heart Rate" twice; the first Distance is km, the second metres), so
//! columns are found by name and occurrence. Dates are UTC (`Oct 7, 2020, 2:43:11 PM`) and
//! become local time.

use chrono::{NaiveDateTime, TimeZone};
use csv::StringRecord;

use super::Candidate;
use super::rows::{Columns, cell, kind_of, number, seconds};
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Source};

/// Strava's export starts with `Activity ID` and has an `Activity Date` column.
pub fn is_strava(cols: &Columns) -> bool {
    cols.nth("Activity ID", 0) == Some(0) && cols.nth("Activity Date", 0).is_some()
}

/// Parses Strava's English date format, e.g. `Oct 7, 2020, 2:43:11 PM`.
pub fn parse_date(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), "%b %d, %Y, %I:%M:%S %p").ok()
}

/// One row as an activity, or why it cannot be read.
pub fn row(cols: &Columns, rec: &StringRecord, hash: &str) -> Result<Candidate, String> {
    let date_text = cell(rec, cols.nth("Activity Date", 0)).ok_or("no Activity Date")?;
    let utc = parse_date(date_text).ok_or_else(|| {
        format!("Activity Date '{date_text}' is not a date like 'Oct 7, 2020, 2:43:11 PM'")
    })?;
    let start = chrono::Local.from_utc_datetime(&utc).naive_local();
    let elapsed = seconds(rec, cols.nth("Elapsed Time", 0), "Elapsed Time")?
        .or(seconds(rec, cols.nth("Elapsed Time", 1), "Elapsed Time")?)
        .ok_or("no Elapsed Time")?;
    let activity_type = cell(rec, cols.nth("Activity Type", 0)).unwrap_or("");
    let mut a = Activity::new(kind_of(activity_type, false), start, elapsed);
    a.moving_s = seconds(rec, cols.nth("Moving Time", 0), "Moving Time")?;
    a.distance_m = match number(rec, cols.nth("Distance", 1), "Distance")? {
        Some(m) => Some(m),
        None => number(rec, cols.nth("Distance", 0), "Distance")?.map(|km| km * 1000.0),
    }
    .filter(|d| *d > 0.0);
    a.ascent_m = number(rec, cols.nth("Elevation Gain", 0), "Elevation Gain")?;
    a.max_hr = match number(rec, cols.nth("Max Heart Rate", 1), "Max Heart Rate")? {
        Some(h) => Some(h),
        None => number(rec, cols.nth("Max Heart Rate", 0), "Max Heart Rate")?,
    }
    .filter(|h| *h > 0.0);
    a.avg_hr =
        number(rec, cols.nth("Average Heart Rate", 0), "Average Heart Rate")?.filter(|h| *h > 0.0);
    a.avg_power_w =
        number(rec, cols.nth("Average Watts", 0), "Average Watts")?.filter(|w| *w > 0.0);
    a.normalized_power_w = number(
        rec,
        cols.nth("Weighted Average Power", 0),
        "Weighted Average Power",
    )?
    .filter(|w| *w > 0.0);
    a.rpe = number(rec, cols.nth("Perceived Exertion", 0), "Perceived Exertion")?
        .map(|r| r.round())
        .filter(|r| (1.0..=10.0).contains(r))
        .map(|r| r as u8);
    a.note = cell(rec, cols.nth("Activity Name", 0)).map(str::to_string);
    if matches!(
        a.kind,
        ActivityKind::Ride | ActivityKind::IndoorRide | ActivityKind::VirtualRide
    ) {
        a.bike = cell(rec, cols.nth("Activity Gear", 0)).map(str::to_string);
    }
    a.source = Source::StravaCsv;
    a.source_hash = Some(hash.to_string());
    Ok(Candidate {
        activity: a,
        line: None,
        given_tss: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_with_and_without_padding() {
        let d = parse_date("Oct 7, 2020, 2:43:11 PM").unwrap();
        assert_eq!(d.to_string(), "2020-10-07 14:43:11");
        assert_eq!(
            parse_date("Dec 12, 2021, 12:05:00 AM").unwrap().to_string(),
            "2021-12-12 00:05:00"
        );
        assert!(parse_date("2020-10-07").is_none());
    }
}
