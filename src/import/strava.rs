//! Strava's bulk-export `activities.csv` (SPEC §10), in every language and vintage. The
//! export's columns keep their order whatever the language: a display block (ID, date, name,
//! type, description, elapsed time, distance in the user's units, …, filename) and then a
//! machine block in SI units that starts with a second "Elapsed Time". The first header cell
//! says the language (`strava_lang`); the repeat of the sixth cell says where the machine
//! block starts, and so the vintage (with or without "Relative Effort" and "Activity Private
//! Note"). English headers are also read by name. The legacy export (2014–2018: `id,date,
//! name,type,description,elapsed_time,distance,commute,gear,filename`) is read by name.
//! Dates are UTC and become local time.

use chrono::TimeZone;
use csv::StringRecord;

use super::Candidate;
use super::rows::{Columns, cell, number_in, seconds_in};
use super::strava_lang::{Lang, by_first_cell, norm};
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Source};

/// Where each figure is in one export's rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub date: Option<usize>,
    pub name: Option<usize>,
    pub kind: Option<usize>,
    pub description: Option<usize>,
    pub elapsed: Option<usize>,
    /// In the user's units (km or miles): used only without the metres column.
    pub distance_display: Option<usize>,
    pub private_note: Option<usize>,
    pub gear: Option<usize>,
    pub filename: Option<usize>,
    pub elapsed_s: Option<usize>,
    pub moving_s: Option<usize>,
    pub distance_m: Option<usize>,
    pub ascent_m: Option<usize>,
    pub max_hr: Option<usize>,
    pub max_hr_display: Option<usize>,
    pub avg_hr: Option<usize>,
    pub avg_w: Option<usize>,
    pub rpe: Option<usize>,
    pub np_w: Option<usize>,
}

/// A Strava export: its language (None for the legacy export, which is English) and layout.
pub struct Export {
    pub lang: &'static Lang,
    pub legacy: bool,
    pub layout: Layout,
}

/// What a CSV header says it is.
pub enum Verdict {
    Strava(Box<Export>),
    /// Looks like Strava's export, in a language not known here (the first cell).
    UnknownLanguage(String),
    NotStrava,
}

/// Tells a Strava export by its header: the first cell in any known language, or the
/// legacy header; a header with Strava's shape but an unknown first cell is named as such.
pub fn detect(cols: &Columns) -> Verdict {
    let first = cols.name(0).unwrap_or("");
    if let Some(lang) = by_first_cell(first) {
        let layout = if lang.name == "English" && cols.nth("Activity Date", 0).is_some() {
            by_name(cols)
        } else {
            by_position(cols)
        };
        return Verdict::Strava(Box::new(Export {
            lang,
            legacy: false,
            layout,
        }));
    }
    if norm(first) == "id"
        && cols.nth("date", 0) == Some(1)
        && cols.nth("elapsed_time", 0).is_some()
        && cols.nth("filename", 0).is_some()
    {
        return Verdict::Strava(Box::new(Export {
            lang: &super::strava_lang::LANGS[0],
            legacy: true,
            layout: legacy(cols),
        }));
    }
    if machine_start(cols).is_some() && cols.len() >= 20 {
        return Verdict::UnknownLanguage(first.to_string());
    }
    Verdict::NotStrava
}

/// Where the machine block starts: the second cell named like the sixth ("Elapsed Time").
fn machine_start(cols: &Columns) -> Option<usize> {
    let elapsed = cols.name(5)?;
    (6..cols.len()).find(|&i| cols.name(i).is_some_and(|n| n == elapsed))
}

/// Columns by position within the layout of the export's vintage.
fn by_position(cols: &Columns) -> Layout {
    let m = machine_start(cols);
    // The display block is 15 columns today; 14 before "Activity Private Note"; 13 before
    // "Relative Effort" too.
    let display = m.unwrap_or(15);
    let (note, gear, file) = match display {
        d if d >= 15 => (Some(10), 11, 12),
        14 => (None, 10, 11),
        _ => (None, 9, 10),
    };
    let at = |i: usize| (i < cols.len()).then_some(i);
    let mach = |off: usize| m.and_then(|m| at(m + off));
    Layout {
        date: at(1),
        name: at(2),
        kind: at(3),
        description: at(4),
        elapsed: at(5),
        distance_display: at(6),
        max_hr_display: at(7),
        private_note: note.and_then(at),
        gear: at(gear),
        filename: at(file),
        elapsed_s: mach(0),
        moving_s: mach(1),
        distance_m: mach(2),
        ascent_m: mach(5),
        max_hr: mach(15),
        avg_hr: mach(16),
        avg_w: mach(18),
        rpe: mach(28),
        np_w: mach(31),
    }
}

/// An English header read by name and occurrence (names repeat: the first Distance is km,
/// the second metres).
fn by_name(c: &Columns) -> Layout {
    Layout {
        date: c.nth("Activity Date", 0),
        name: c.nth("Activity Name", 0),
        kind: c.nth("Activity Type", 0),
        description: c.nth("Activity Description", 0),
        elapsed: c.nth("Elapsed Time", 0),
        distance_display: c.nth("Distance", 0),
        private_note: c.nth("Activity Private Note", 0),
        gear: c.nth("Activity Gear", 0),
        filename: c.nth("Filename", 0),
        elapsed_s: c.nth("Elapsed Time", 1),
        moving_s: c.nth("Moving Time", 0),
        distance_m: c.nth("Distance", 1),
        ascent_m: c.nth("Elevation Gain", 0),
        max_hr: c.nth("Max Heart Rate", 1),
        max_hr_display: c.nth("Max Heart Rate", 0),
        avg_hr: c.nth("Average Heart Rate", 0),
        avg_w: c.nth("Average Watts", 0),
        rpe: c.nth("Perceived Exertion", 0),
        np_w: c.nth("Weighted Average Power", 0),
    }
}

/// The legacy export: ISO dates (UTC), elapsed seconds and metres.
fn legacy(c: &Columns) -> Layout {
    Layout {
        date: c.nth("date", 0),
        name: c.nth("name", 0),
        kind: c.nth("type", 0),
        description: c.nth("description", 0),
        elapsed_s: c.nth("elapsed_time", 0),
        distance_m: c.nth("distance", 0),
        gear: c.nth("gear", 0),
        filename: c.nth("filename", 0),
        ..Default::default()
    }
}

/// One row as an activity (with the file it names, if any), or why it cannot be read.
pub fn row(x: &Export, rec: &StringRecord, hash: &str) -> Result<Candidate, String> {
    let l = &x.layout;
    let comma = x.lang.decimal_comma;
    let num = |col: Option<usize>, what: &str| number_in(rec, col, what, comma);
    let date_text = cell(rec, l.date).ok_or("no Activity Date")?;
    let utc = x.lang.parse_date(date_text).ok_or_else(|| {
        format!(
            "Activity Date '{date_text}' is not a date like '{}' ({} export)",
            example(x),
            if x.legacy { "legacy" } else { x.lang.name }
        )
    })?;
    let start = chrono::Local.from_utc_datetime(&utc).naive_local();
    let secs = |col: Option<usize>, what: &str| seconds_in(rec, col, what, comma);
    let elapsed = secs(l.elapsed_s, "Elapsed Time")?
        .or(secs(l.elapsed, "Elapsed Time")?)
        .ok_or("no elapsed time")?;
    let kind = x.lang.kind(cell(rec, l.kind).unwrap_or(""));
    let mut a = Activity::new(kind, start, elapsed);
    a.moving_s = secs(l.moving_s, "Moving Time")?;
    a.distance_m = match num(l.distance_m, "Distance")? {
        Some(m) => Some(m),
        // The display distance is km in metric exports; imperial users get miles there, but
        // every vintage that has them also has the metres column.
        None => num(l.distance_display, "Distance")?.map(|km| km * 1000.0),
    }
    .filter(|d| *d != 0.0);
    a.ascent_m = num(l.ascent_m, "Elevation Gain")?;
    a.max_hr = match num(l.max_hr, "Max Heart Rate")? {
        Some(h) => Some(h),
        None => num(l.max_hr_display, "Max Heart Rate")?,
    }
    .filter(|h| *h != 0.0);
    a.avg_hr = num(l.avg_hr, "Average Heart Rate")?.filter(|h| *h != 0.0);
    a.avg_power_w = num(l.avg_w, "Average Watts")?.filter(|w| *w != 0.0);
    a.normalized_power_w = num(l.np_w, "Weighted Average Power")?.filter(|w| *w != 0.0);
    a.rpe = num(l.rpe, "Perceived Exertion")?
        .map(|r| r.round())
        // Out of 1–10 it is left empty with a line in the summary (`drop_out_of_range`);
        // 0 (no rating given) stays silent.
        .filter(|r| *r != 0.0)
        .map(|r| r.clamp(0.0, 255.0) as u8);
    let parts: Vec<&str> = [l.name, l.description, l.private_note]
        .into_iter()
        .filter_map(|c| cell(rec, c))
        .collect();
    a.note = (!parts.is_empty()).then(|| parts.join("\n"));
    if is_ride(a.kind) {
        a.bike = cell(rec, l.gear).map(str::to_string);
    }
    a.source = Source::StravaCsv;
    a.source_hash = Some(hash.to_string());
    Ok(Candidate {
        activity: a,
        line: None,
        given_tss: None,
        file: cell(rec, l.filename).map(str::to_string),
    })
}

pub fn is_ride(k: ActivityKind) -> bool {
    matches!(
        k,
        ActivityKind::Ride | ActivityKind::IndoorRide | ActivityKind::VirtualRide
    )
}

fn example(x: &Export) -> &'static str {
    if x.legacy {
        return "2016-05-03 17:22:10";
    }
    match x.lang.name {
        "English" => "Oct 7, 2020, 2:43:11 PM",
        "German" => "07.10.2020, 14:43:11",
        "French" => "7 oct. 2020, 14:43:11",
        "Spanish" => "7 oct 2020, 14:43:11",
        "Italian" => "7 ott 2020, 14:43:11",
        "Dutch" => "7 okt. 2020 14:43:11",
        "Portuguese" => "7 de out. de 2020 14:43:11",
        "Russian" => "7 окт. 2020 г., 14:43:11",
        "Japanese" => "2020/10/07 14:43:11",
        "Chinese" => "2020年10月7日 14:43:11",
        _ => "2020. 10. 7. 오후 2:43:11",
    }
}
