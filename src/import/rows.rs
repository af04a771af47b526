//! Activity CSVs (SPEC §10): telling Strava's export from intervals.icu's by the header,
//! reading every row into a candidate activity, and the cell parsers both formats share.
//! A row that cannot be read is reported with its line number (counted from the bytes, so
//! Windows line endings and quoted line breaks count right); the other rows go on. Rows that
//! start at the same time keep the one with the most figures.

use csv::StringRecord;

use super::strava::Verdict;
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

    /// The name of column `i`.
    pub fn name(&self, i: usize) -> Option<&str> {
        self.names.get(i).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
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
/// error naming the column. A negative number is given back: a figure out of range is left
/// empty with a line in the summary by the one table of limits (`out_of_range::drop_out_of_range`).
pub fn number(rec: &StringRecord, col: Option<usize>, what: &str) -> Result<Option<f64>, String> {
    number_in(rec, col, what, false)
}

/// A number cell written with a decimal comma (`42,5`) when `comma`; with both marks the
/// last one is the decimal mark (`1.234,5`, `1,234.5`), and spaces group thousands.
pub fn number_in(
    rec: &StringRecord,
    col: Option<usize>,
    what: &str,
    comma: bool,
) -> Result<Option<f64>, String> {
    match cell(rec, col) {
        None => Ok(None),
        Some(t) => match parse_decimal(t, comma) {
            Some(x) if x.is_finite() => Ok(Some(x)),
            Some(_) => Err(format!(
                "{what} '{t}' is out of range; allowed: a finite number"
            )),
            None => Err(format!("{what} '{t}' is not a number")),
        },
    }
}

pub fn parse_decimal(text: &str, comma: bool) -> Option<f64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let s = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) if comma => t.replace(',', "."),
        (Some(_), None) => t.replace(',', ""),
        _ => t,
    };
    s.parse().ok()
}

/// A duration cell in seconds (`3600`, `3600.0`) or as `h:mm:ss`.
pub fn seconds(rec: &StringRecord, col: Option<usize>, what: &str) -> Result<Option<u32>, String> {
    seconds_in(rec, col, what, false)
}

/// A duration cell in seconds written with a decimal comma (`3600,0`) when `comma`.
pub fn seconds_in(
    rec: &StringRecord,
    col: Option<usize>,
    what: &str,
    comma: bool,
) -> Result<Option<u32>, String> {
    match cell(rec, col) {
        Some(t) if t.contains(':') => crate::domain::parse::parse_duration(what, t)
            .map(Some)
            .map_err(|e| e.message),
        // A duration makes the activity: one below 0 fails the row, naming it.
        _ => match number_in(rec, col, what, comma)? {
            Some(s) if s < 0.0 => Err(format!(
                "{what} '{}' is out of range; allowed: a number from 0",
                cell(rec, col).unwrap_or_default()
            )),
            s => Ok(s
                .map(|s| s.round().min(u32::MAX as f64) as u32)
                .filter(|s| *s > 0)),
        },
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

/// Reads one row of a known format, given the row's hash.
type RowFn<'a> = dyn Fn(&StringRecord, &str) -> Result<Candidate, String> + 'a;

/// Reads a CSV file's rows as activities, choosing the format from the header. A CSV that is
/// not understood fails, saying what it looks like.
pub fn read_csv(bytes: &[u8]) -> FileResult {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return failed(format!("cannot read the CSV header: {e}")),
    };
    let cols = Columns::new(&header);
    let export;
    let (source, read_row): (&str, Box<RowFn>) = match strava::detect(&cols) {
        Verdict::Strava(x) => {
            export = x;
            ("strava", Box::new(|r, h| strava::row(&export, r, h)))
        }
        Verdict::UnknownLanguage(first) => {
            let known: Vec<&str> = super::strava_lang::LANGS.iter().map(|l| l.name).collect();
            return failed(format!(
                "a Strava export in an unknown language: its first column is '{first}' ({} columns); languages read: {}",
                cols.len(),
                known.join(", ")
            ));
        }
        Verdict::NotStrava if intervals::is_intervals(&cols) => {
            ("intervals", Box::new(|r, h| intervals::row(&cols, r, h)))
        }
        Verdict::NotStrava => return failed(not_understood(&cols)),
    };
    let lines = LineIndex::new(bytes);
    let mut out = FileResult::default();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                out.bad_lines
                    .push((line, format!("unreadable CSV row: {e}")));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| lines.line_at(p.byte()));
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let hash = row_hash(source, &rec);
        match read_row(&rec, &hash) {
            Ok(mut c) => {
                c.line = Some(line);
                out.candidates.push(c);
            }
            Err(reason) => out.bad_lines.push((line, reason)),
        }
    }
    keep_fullest_per_start(&mut out);
    out
}

/// What an unknown CSV looks like, for the failure reason.
fn not_understood(cols: &Columns) -> String {
    let head: Vec<&str> = (0..cols.len().min(4))
        .filter_map(|i| cols.name(i))
        .collect();
    format!(
        "not an activity CSV: its header starts '{}' ({} columns); expected Strava's activities.csv (any language, or the legacy id,date,name,… export) or intervals.icu's activities export",
        head.join(","),
        cols.len()
    )
}

/// Line numbers from byte offsets: 1 + the line breaks up to the offset. (With CRLF the csv
/// reader puts a record's start on the `\n` that ends the line before: it counts as passed.)
struct LineIndex(Vec<u64>);

impl LineIndex {
    fn new(bytes: &[u8]) -> LineIndex {
        LineIndex(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i as u64)
                .collect(),
        )
    }

    fn line_at(&self, byte: u64) -> u64 {
        self.0.partition_point(|&nl| nl <= byte) as u64 + 1
    }
}

/// How many figures a row gives: at the same start, the fullest row is kept.
fn figures(c: &Candidate) -> usize {
    let a = &c.activity;
    [
        a.moving_s.is_some(),
        a.distance_m.is_some(),
        a.ascent_m.is_some(),
        a.avg_hr.is_some(),
        a.max_hr.is_some(),
        a.avg_power_w.is_some(),
        a.normalized_power_w.is_some(),
        a.rpe.is_some(),
        c.given_tss.is_some(),
        a.note.is_some(),
        a.bike.is_some(),
        c.file.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count()
}

/// Of rows with the same start (a double upload), keeps the one with the most figures (the
/// first among equals) and records each dropped line with the line it gave way to.
fn keep_fullest_per_start(out: &mut FileResult) {
    let mut best: std::collections::HashMap<chrono::NaiveDateTime, usize> = Default::default();
    for (i, c) in out.candidates.iter().enumerate() {
        let e = best.entry(c.activity.start).or_insert(i);
        if figures(c) > figures(&out.candidates[*e]) {
            *e = i;
        }
    }
    if best.len() == out.candidates.len() {
        return;
    }
    let winner_line: std::collections::HashMap<chrono::NaiveDateTime, u64> = best
        .iter()
        .map(|(start, i)| (*start, out.candidates[*i].line.unwrap_or(0)))
        .collect();
    let mut kept = Vec::with_capacity(best.len());
    for (i, c) in std::mem::take(&mut out.candidates).into_iter().enumerate() {
        let start = c.activity.start;
        if best[&start] == i {
            kept.push(c);
        } else {
            out.dropped.push((
                c.line.unwrap_or(0),
                format!(
                    "starts at {} like line {}, which has more figures and is kept",
                    start.format("%Y-%m-%d %H:%M:%S"),
                    winner_line[&start]
                ),
            ));
        }
    }
    out.candidates = kept;
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
    fn an_unknown_csv_fails_saying_what_it_looks_like() {
        let r = read_csv(b"a,b\n1,2\n");
        let reason = r.fail.unwrap();
        assert!(
            reason.contains("not an activity CSV: its header starts 'a,b' (2 columns)"),
            "{reason}"
        );
    }

    #[test]
    fn decimals_with_commas_and_points() {
        assert_eq!(parse_decimal("42,5", true), Some(42.5));
        assert_eq!(parse_decimal("1.234,5", true), Some(1234.5));
        assert_eq!(parse_decimal("1,234.5", false), Some(1234.5));
        assert_eq!(parse_decimal("1\u{202f}234,5", true), Some(1234.5));
        assert_eq!(parse_decimal("12.5", true), Some(12.5));
        assert_eq!(parse_decimal("abc", true), None);
    }

    #[test]
    fn line_numbers_count_crlf_and_quoted_breaks() {
        let idx = LineIndex::new(b"h\r\nrow1\r\n\"a\r\nb\"\r\nrow3\r\n");
        assert_eq!(idx.line_at(0), 1);
        assert_eq!(idx.line_at(2), 2, "the record starts on the CRLF's \\n");
        assert_eq!(idx.line_at(3), 2);
        assert_eq!(idx.line_at(9), 3);
        assert_eq!(idx.line_at(20), 5);
    }
}
