//! Activity CSVs (SPEC §10): telling Strava's export from intervals.icu's by the header,
//! reading every row into a candidate activity, and the cell parsers both formats share.
//! A row that cannot be read is reported with its line number; the other rows go on.

use csv::StringRecord;

use super::{Candidate, FileResult, intervals, strava};
use crate::domain::vocab::ActivityKind;

/// The header's columns, found by name and occurrence (Strava repeats names, so the n-th
/// "Distance" is a different column from the first).
pub struct Columns {
    names: Vec<String>,
}

impl Columns {
    pub fn new(header: &StringRecord) -> Columns {
        Columns {
            // A spreadsheet may have saved the file with a byte-order mark.
            names: header
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
                .collect(),
        }
    }

    /// The position of the `nth` (0-based) column called `name`.
    pub fn nth(&self, name: &str, nth: usize) -> Option<usize> {
        self.names
            .iter()
            .enumerate()
            .filter(|(_, n)| n.eq_ignore_ascii_case(name))
            .map(|(i, _)| i)
            .nth(nth)
    }

    /// The position of the first of `names` that the header has.
    pub fn any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.nth(n, 0))
    }
}

/// A row's cell at `col`, trimmed; None when the column is missing or the cell empty.
pub fn cell(rec: &StringRecord, col: Option<usize>) -> Option<&str> {
    col.and_then(|c| rec.get(c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A number cell (`1234.5`); empty is None, anything else that is not a finite number is an
/// error naming the column.
pub fn number(rec: &StringRecord, col: Option<usize>, what: &str) -> Result<Option<f64>, String> {
    match cell(rec, col) {
        None => Ok(None),
        Some(t) => t
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0)
            .map(Some)
            .ok_or_else(|| format!("{what} '{t}' is not a number")),
    }
}

/// A duration cell in seconds (`3600`, `3600.0`) or as `h:mm:ss`.
pub fn seconds(rec: &StringRecord, col: Option<usize>, what: &str) -> Result<Option<u32>, String> {
    match cell(rec, col) {
        Some(t) if t.contains(':') => crate::domain::parse::parse_duration(what, t)
            .map(Some)
            .map_err(|e| e.message),
        _ => Ok(number(rec, col, what)?
            .map(|s| s.round().min(u32::MAX as f64) as u32)
            .filter(|s| *s > 0)),
    }
}

/// The journal's kind for a Strava / intervals.icu activity type (`Ride`, `VirtualRide`,
/// `Virtual Ride`, `Run`, `Weight Training`, …).
pub fn kind_of(activity_type: &str, indoor: bool) -> ActivityKind {
    let t: String = activity_type
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    match t.as_str() {
        "virtualride" => ActivityKind::VirtualRide,
        "ride" | "ebikeride" | "mountainbikeride" | "gravelride" | "emountainbikeride"
        | "velomobile" | "handcycle" => {
            if indoor {
                ActivityKind::IndoorRide
            } else {
                ActivityKind::Ride
            }
        }
        "run" | "trailrun" | "virtualrun" => ActivityKind::Run,
        "walk" | "hike" => ActivityKind::Walk,
        "swim" | "openwaterswim" => ActivityKind::Swim,
        "weighttraining" => ActivityKind::Strength,
        _ => ActivityKind::Other,
    }
}

/// Reads a CSV file's rows as activities, choosing the format from the header.
pub fn read_csv(bytes: &[u8]) -> FileResult {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return failed(format!("cannot read the CSV header: {e}")),
    };
    let cols = Columns::new(&header);
    type RowFn = fn(&Columns, &StringRecord, &str) -> Result<Candidate, String>;
    let (source, read_row): (&str, RowFn) = if strava::is_strava(&cols) {
        ("strava", strava::row)
    } else if intervals::is_intervals(&cols) {
        ("intervals", intervals::row)
    } else {
        return FileResult {
            skip: Some(
                "not an activity CSV (expected Strava's activities.csv or intervals.icu's activities export)"
                    .into(),
            ),
            ..Default::default()
        };
    };
    let mut out = FileResult::default();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.bad_lines
                    .push((line, format!("unreadable CSV row: {e}")));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let hash = row_hash(source, &rec);
        match read_row(&cols, &rec, &hash) {
            Ok(mut c) => {
                c.line = Some(line);
                out.candidates.push(c);
            }
            Err(reason) => out.bad_lines.push((line, reason)),
        }
    }
    out
}

fn failed(reason: String) -> FileResult {
    FileResult {
        fail: Some(reason),
        ..Default::default()
    }
}

/// The dedup key of a row: the hash of its format and its cells.
fn row_hash(source: &str, rec: &StringRecord) -> String {
    let mut text = String::from(source);
    for c in rec.iter() {
        text.push('\u{1f}');
        text.push_str(c);
    }
    super::sha256_hex(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_are_told_apart_by_occurrence() {
        let h = StringRecord::from(vec!["Distance", "Elapsed Time", "distance"]);
        let c = Columns::new(&h);
        assert_eq!(c.nth("Distance", 0), Some(0));
        assert_eq!(c.nth("Distance", 1), Some(2));
        assert_eq!(c.nth("Distance", 2), None);
        assert_eq!(c.any(&["nope", "Elapsed Time"]), Some(1));
        let bom = Columns::new(&StringRecord::from(vec!["\u{feff}Activity ID"]));
        assert_eq!(bom.nth("Activity ID", 0), Some(0));
    }

    #[test]
    fn types_map_to_kinds() {
        assert_eq!(kind_of("Virtual Ride", false), ActivityKind::VirtualRide);
        assert_eq!(kind_of("VirtualRide", false), ActivityKind::VirtualRide);
        assert_eq!(kind_of("Ride", true), ActivityKind::IndoorRide);
        assert_eq!(kind_of("E-Bike Ride", false), ActivityKind::Ride);
        assert_eq!(kind_of("Weight Training", false), ActivityKind::Strength);
        assert_eq!(kind_of("Yoga", false), ActivityKind::Other);
    }

    #[test]
    fn an_unknown_csv_is_skipped() {
        let r = read_csv(b"a,b\n1,2\n");
        assert!(r.skip.unwrap().contains("not an activity CSV"));
    }
}
