//! The shared text rules every front end writes with: plurals, amounts with their unit
//! (`1200 mg`, `45.0 km`), durations (`1h30m`), human dates (`13 Sep`), the TSS estimate
//! marker (`~116`) and the display units (metric or imperial; JSON stays metric).

use std::cell::Cell;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

pub use super::parse::format_duration as duration;

/// `1 day`, `2 days`, `0 days`.
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + Copy + TryInto<i64>,
{
    let word = if n.try_into().ok() == Some(1) {
        one
    } else {
        many
    };
    format!("{n} {word}")
}

/// A stored amount without a needless `.0`: `400`, `2.5`, `0.25`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// An amount with its unit, a space between: `1200 mg`.
pub fn amount(v: f64, unit: &str) -> String {
    format!("{} {unit}", number(v))
}

/// A dose as people say it: `400 mg ibuprofen at 20:13`, with the day when it is not `today`.
pub fn dose(amount_v: f64, unit: &str, name: &str, at: NaiveDateTime, today: NaiveDate) -> String {
    let mut s = format!(
        "{} {name} at {}",
        amount(amount_v, unit),
        at.format("%H:%M")
    );
    if at.date() != today {
        s.push_str(&format!(" on {}", date(at.date(), today)));
    }
    s
}

/// A day as people write it: `13 Sep`, with the year when it is not the current year.
pub fn date(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        d.format("%-d %b").to_string()
    } else {
        d.format("%-d %b %Y").to_string()
    }
}

/// A stored UTC stamp (`2026-11-30T20:13:21.075Z`) as people read it: the local day and time,
/// `30 Nov 20:13` (with the year when it is not the current year). Text that is not a stamp
/// is shown as it is.
pub fn stamp(utc: &str, today: NaiveDate) -> String {
    chrono::DateTime::parse_from_rfc3339(utc)
        .map(|d| {
            let local = d.with_timezone(&chrono::Local).naive_local();
            format!("{} {}", date(local.date(), today), local.format("%H:%M"))
        })
        .unwrap_or_else(|_| utc.to_string())
}

/// A span of days: `13 Sep–15 Sep`, or one day when they are the same.
pub fn date_span(a: NaiveDate, b: NaiveDate, today: NaiveDate) -> String {
    if a == b {
        date(a, today)
    } else {
        format!("{}–{}", date(a, today), date(b, today))
    }
}

/// A duration given in minutes: `3h59m`, `45m`.
pub fn minutes(m: i64) -> String {
    duration((m.max(0) as u32).saturating_mul(60))
}

/// A TSS figure; estimates (from HR or RPE) carry a leading `~`: `~116`.
pub fn tss(value: f64, estimated: bool) -> String {
    format!("{}{value:.0}", if estimated { "~" } else { "" })
}

/// Whether a load source is an estimate rather than measured power or a given figure.
pub fn tss_is_estimate(load_source: Option<super::vocab::LoadSource>) -> bool {
    load_source.is_some_and(super::vocab::LoadSource::is_estimate)
}

/// The units figures are shown in. Input accepts both; storage and JSON are metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Units {
    #[default]
    Metric,
    Imperial,
}

impl Units {
    pub fn parse(text: &str) -> Option<Units> {
        match text.trim().to_ascii_lowercase().as_str() {
            "metric" => Some(Units::Metric),
            "imperial" => Some(Units::Imperial),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Units::Metric => "metric",
            Units::Imperial => "imperial",
        }
    }
}

thread_local! {
    // The front end sets this once from the journal's settings; one thread draws all text.
    static UNITS: Cell<Units> = const { Cell::new(Units::Metric) };
}

/// Chooses the display units for this thread's text.
pub fn set_units(u: Units) {
    UNITS.with(|c| c.set(u));
}

pub fn units() -> Units {
    UNITS.with(|c| c.get())
}

use super::measure::{KG_PER_LB, M_PER_FT, M_PER_MI};

/// A distance in the display units: `45.0 km` or `28.0 mi`.
pub fn distance(metres: f64) -> String {
    match units() {
        Units::Metric => format!("{:.1} km", metres / 1000.0),
        Units::Imperial => format!("{:.1} mi", metres / M_PER_MI),
    }
}

/// A climb or height in the display units: `350 m` or `1148 ft`.
pub fn elevation(metres: f64) -> String {
    match units() {
        Units::Metric => format!("{metres:.0} m"),
        Units::Imperial => format!("{:.0} ft", metres / M_PER_FT),
    }
}

/// A body weight or a load in the display units: `72.5 kg` or `159.8 lb`.
pub fn weight(kg: f64) -> String {
    match units() {
        Units::Metric => format!("{} kg", number((kg * 10.0).round() / 10.0)),
        Units::Imperial => format!("{:.1} lb", kg / KG_PER_LB),
    }
}

/// A distance as the user would type it back into a form: `45km` or `28mi`.
pub fn distance_input(metres: f64) -> String {
    match units() {
        Units::Metric => format!("{}km", number((metres / 10.0).round() / 100.0)),
        Units::Imperial => format!("{}mi", number((metres / M_PER_MI * 100.0).round() / 100.0)),
    }
}

/// A tenth of the figure: what the forms show back, close enough that saving an edit
/// unchanged moves a climb by centimetres at most.
fn tenths(v: f64) -> String {
    number((v * 10.0).round() / 10.0)
}

/// A climb as the user would type it back into a form: `800m` or `2600ft`.
pub fn elevation_input(metres: f64) -> String {
    match units() {
        Units::Metric => format!("{}m", tenths(metres)),
        Units::Imperial => format!("{}ft", tenths(metres / M_PER_FT)),
    }
}

/// A body weight as the user would type it back into a form: `72.5kg` or `159.8lb`.
pub fn weight_input(kg: f64) -> String {
    match units() {
        Units::Metric => format!("{}kg", tenths(kg)),
        Units::Imperial => format!("{}lb", tenths(kg / KG_PER_LB)),
    }
}

/// A rehab load as in a prescription (`3x8@16kg`): kilograms to the hundredth (plates come in
/// 1.25 kg), pounds to the half pound (`35lb`, `35.5lb`).
pub fn load(kg: f64) -> String {
    match units() {
        Units::Metric => format!("{}kg", number((kg * 100.0).round() / 100.0)),
        Units::Imperial => format!("{}lb", number((kg / KG_PER_LB * 2.0).round() / 2.0)),
    }
}

/// What a bare number typed in one of the app's forms means: the display unit's suffix is
/// added, so an imperial user's `30` in the distance field is 30 miles, as the form's own
/// figures read. Text with a unit, and anything that is not a plain number, passes unchanged
/// (the parser names the field and the allowed forms). The command line does not use this:
/// there a bare number is always metric, so a script never changes meaning with the setting.
pub fn typed_in_form(text: &str, quantity: Quantity) -> String {
    let t = text.trim();
    if units() == Units::Metric || t.is_empty() || t.parse::<f64>().is_err() {
        return text.to_string();
    }
    let suffix = match quantity {
        Quantity::Distance => "mi",
        Quantity::Height => "ft",
        Quantity::Weight => "lb",
    };
    format!("{t}{suffix}")
}

/// The exercise part of a prescription typed in a form (`goblet squat:3x8@35`): a bare load
/// after `@` is in the display unit, as [`typed_in_form`] does for a single figure.
pub fn prescription_in_form(text: &str) -> String {
    match text.rsplit_once('@') {
        Some((body, load)) => format!("{body}@{}", typed_in_form(load, Quantity::Weight)),
        None => text.to_string(),
    }
}

/// The kinds of figure [`typed_in_form`] completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    Distance,
    Height,
    Weight,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_bare_number_in_a_form_takes_the_display_unit() {
        set_units(Units::Imperial);
        let imperial = (
            typed_in_form("30", Quantity::Distance),
            typed_in_form(" 2600 ", Quantity::Height),
            typed_in_form("42km", Quantity::Distance),
            typed_in_form("abc", Quantity::Height),
            prescription_in_form("goblet squat:3x8@35"),
            prescription_in_form("goblet squat:3x8@16kg"),
            prescription_in_form("bird dog:3x10"),
        );
        set_units(Units::Metric);
        assert_eq!(
            imperial,
            (
                "30mi".to_string(),
                "2600ft".to_string(),
                "42km".to_string(),
                "abc".to_string(),
                "goblet squat:3x8@35lb".to_string(),
                "goblet squat:3x8@16kg".to_string(),
                "bird dog:3x10".to_string(),
            )
        );
        // Metric: unchanged, so the parsers' bare-number rule (km, m, kg) applies.
        assert_eq!(typed_in_form("30", Quantity::Distance), "30");
        assert_eq!(prescription_in_form("squat:3x8@35"), "squat:3x8@35");
    }

    #[test]
    fn a_stamp_reads_as_a_local_day_and_time() {
        let utc = "2026-11-30T20:13:21.075Z";
        let local = chrono::DateTime::parse_from_rfc3339(utc)
            .unwrap()
            .with_timezone(&chrono::Local)
            .naive_local();
        let shown = stamp(utc, d("2026-12-01"));
        assert_eq!(shown, local.format("%-d %b %H:%M").to_string());
        assert!(!shown.contains('T') && !shown.contains('Z'), "{shown}");
        assert!(stamp(utc, d("2027-01-05")).contains("2026"));
        assert_eq!(stamp("zzz", d("2026-12-01")), "zzz");
    }

    #[test]
    fn plurals_take_the_singular_only_for_one() {
        assert_eq!(plural(1usize, "day", "days"), "1 day");
        assert_eq!(plural(0u32, "day", "days"), "0 days");
        assert_eq!(plural(2i64, "activity", "activities"), "2 activities");
    }

    #[test]
    fn amounts_and_doses_read_as_people_say_them() {
        assert_eq!(amount(1200.0, "mg"), "1200 mg");
        assert_eq!(amount(2.5, "ml"), "2.5 ml");
        let at = d("2026-11-30").and_hms_opt(20, 13, 21).unwrap();
        assert_eq!(
            dose(400.0, "mg", "ibuprofen", at, d("2026-11-30")),
            "400 mg ibuprofen at 20:13"
        );
        assert_eq!(
            dose(400.0, "mg", "ibuprofen", at, d("2026-12-02")),
            "400 mg ibuprofen at 20:13 on 30 Nov"
        );
    }

    #[test]
    fn dates_durations_and_tss() {
        assert_eq!(date(d("2026-09-13"), d("2026-11-30")), "13 Sep");
        assert_eq!(date(d("2025-09-13"), d("2026-11-30")), "13 Sep 2025");
        assert_eq!(duration(5400), "1h30m");
        assert_eq!(minutes(239), "3h59m");
        assert_eq!(tss(116.4, true), "~116");
        assert_eq!(tss(116.4, false), "116");
    }

    #[test]
    fn units_follow_the_setting() {
        assert_eq!(distance(45_000.0), "45.0 km");
        assert_eq!(weight(72.5), "72.5 kg");
        set_units(Units::Imperial);
        assert_eq!(distance(45_000.0), "28.0 mi");
        assert_eq!(elevation(350.0), "1148 ft");
        assert_eq!(weight(72.5), "159.8 lb");
        set_units(Units::Metric);
        assert_eq!(elevation(350.0), "350 m");
    }

    #[test]
    fn form_values_and_loads_follow_the_setting() {
        assert_eq!(elevation_input(792.48), "792.5m");
        assert_eq!(weight_input(72.5), "72.5kg");
        assert_eq!(load(16.0), "16kg");
        assert_eq!(load(1.25), "1.25kg");
        assert_eq!(load(15.876), "15.88kg");
        set_units(Units::Imperial);
        // 792.48 m / 0.3048 = 2600 ft; 350 m = 1148.29 ft.
        assert_eq!(elevation_input(792.48), "2600ft");
        assert_eq!(elevation_input(350.0), "1148.3ft");
        // 72.5 kg / 0.45359237 = 159.84 lb.
        assert_eq!(weight_input(72.5), "159.8lb");
        // 15.876 kg = 35.0004 lb; 16 kg = 35.27 lb, to the half pound 35.5.
        assert_eq!(load(15.876), "35lb");
        assert_eq!(load(16.0), "35.5lb");
        assert_eq!(load(4.0), "9lb");
        set_units(Units::Metric);
    }
}
