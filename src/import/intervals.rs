//! intervals.icu's activities CSV (SPEC §10): columns named like its API fields
//! (`start_date_local`, `type`, `moving_time`, `icu_training_load`, `icu_average_watts`,
//! `icu_normalized_watts`, …), found by name. Its dates are already local time.

use chrono::NaiveDateTime;
use csv::StringRecord;

use super::Candidate;
use super::rows::{Columns, cell, kind_of, number, seconds};
use crate::domain::records::Activity;
use crate::domain::vocab::Source;

/// intervals.icu's export has a `start_date_local` column.
pub fn is_intervals(cols: &Columns) -> bool {
    cols.nth("start_date_local", 0).is_some()
}

/// `2024-03-01T07:15:00`, with or without seconds, or with a space instead of `T`.
pub fn parse_date(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
}

/// One row as an activity, or why it cannot be read.
pub fn row(cols: &Columns, rec: &StringRecord, hash: &str) -> Result<Candidate, String> {
    let date_text = cell(rec, cols.nth("start_date_local", 0)).ok_or("no start_date_local")?;
    let start = parse_date(date_text).ok_or_else(|| {
        format!("start_date_local '{date_text}' is not a date like 2024-03-01T07:15:00")
    })?;
    let moving = seconds(rec, cols.nth("moving_time", 0), "moving_time")?;
    let elapsed = seconds(rec, cols.nth("elapsed_time", 0), "elapsed_time")?
        .or(moving)
        .ok_or("no elapsed_time or moving_time")?;
    let indoor = cell(rec, cols.nth("trainer", 0)).is_some_and(|t| t.eq_ignore_ascii_case("true"));
    let activity_type = cell(rec, cols.nth("type", 0)).unwrap_or("");
    let mut a = Activity::new(kind_of(activity_type, indoor), start, elapsed);
    a.moving_s = moving;
    a.distance_m = number(rec, cols.nth("distance", 0), "distance")?.filter(|d| *d != 0.0);
    a.ascent_m = number(
        rec,
        cols.any(&["total_elevation_gain", "elevation_gain"]),
        "total_elevation_gain",
    )?;
    let watts =
        |names: &[&str]| number(rec, cols.any(names), names[0]).map(|w| w.filter(|w| *w != 0.0));
    a.avg_power_w = watts(&["icu_average_watts", "average_watts"])?;
    a.normalized_power_w = watts(&[
        "icu_normalized_watts",
        "icu_weighted_avg_watts",
        "weighted_average_watts",
    ])?;
    a.avg_hr = number(
        rec,
        cols.any(&["average_heartrate", "average_hr"]),
        "average_heartrate",
    )?
    .filter(|h| *h != 0.0);
    a.max_hr =
        number(rec, cols.any(&["max_heartrate", "max_hr"]), "max_heartrate")?.filter(|h| *h != 0.0);
    a.rpe = number(rec, cols.any(&["icu_rpe", "perceived_exertion"]), "icu_rpe")?
        .map(|r| r.round())
        // Out of 1–10 it is left empty with a line in the summary (`drop_out_of_range`);
        // 0 (no rating given) stays silent.
        .filter(|r| *r != 0.0)
        .map(|r| r.clamp(0.0, 255.0) as u8);
    a.note = cell(rec, cols.nth("name", 0)).map(str::to_string);
    a.source = Source::IntervalsCsv;
    a.source_hash = Some(hash.to_string());
    let given_tss = number(rec, cols.nth("icu_training_load", 0), "icu_training_load")?;
    Ok(Candidate {
        activity: a,
        line: None,
        given_tss,
        file: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_dates_parse() {
        assert_eq!(
            parse_date("2024-03-01T07:15:00").unwrap().to_string(),
            "2024-03-01 07:15:00"
        );
        assert_eq!(
            parse_date("2024-03-01 07:15").unwrap().to_string(),
            "2024-03-01 07:15:00"
        );
        assert!(parse_date("Mar 1, 2024").is_none());
    }
}
