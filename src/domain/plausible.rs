//! The one check of an activity, whichever way it comes in (issue 21.5, issue 20.9): the
//! command line, the app, FIT/GPX/TCX/CSV files and the JSON import all call it, so whatever
//! a journal holds, its export imports back. Two tiers:
//! - [`check_activity`]: the limits no stored activity passes (a real day, figures a body or
//!   a bike can give at all). Refused everywhere; `--force` does not pass them.
//! - [`implausible`]: figures that are possible in the data but almost surely a typo (NP 2000,
//!   NP under the average power, average HR over the maximum, 500 km in 10 minutes, 25 h).
//!   The command line refuses them unless `--force`, the app asks; files and the JSON import
//!   take them (a device recorded them; an export holds what was forced).

use chrono::{Datelike, NaiveDate};

use super::InputError;
use super::limits::{self, Limit};
use super::parse::MIN_YEAR;
use super::records::Activity;
use super::vocab::LoadSource;

/// A week: the longest activity (the command line's longest duration).
pub const MAX_ELAPSED_S: u32 = 7 * 24 * 3600;
/// 5,000 km: further than a week of riding takes anyone.
pub const MAX_DISTANCE_M: f64 = limits::DISTANCE.hi;
/// The highest climb an activity may have, in metres.
pub const MAX_ASCENT_M: f64 = limits::ASCENT.hi;
/// Average or normalized power, watts.
pub const MAX_POWER_W: f64 = limits::POWER.hi;
/// Average or maximum heart rate, bpm.
pub const MAX_HR_BPM: f64 = limits::HR.hi;
/// A TSS typed by hand.
pub const MAX_MANUAL_TSS: f64 = limits::MANUAL_TSS.hi;
/// The lowest FTP a setting takes (`set ftp`), watts.
pub const MIN_FTP_W: f64 = 50.0;
/// A computed TSS per hour: 100 × IF², IF at most the top power over the lowest FTP.
pub const MAX_TSS_PER_HOUR: f64 = 100.0 * (MAX_POWER_W / MIN_FTP_W) * (MAX_POWER_W / MIN_FTP_W);

/// Power held over a whole activity that nobody holds (the hour record is about 500 W).
pub const PLAUSIBLE_POWER_W: f64 = 1000.0;
/// An average speed no ride or run reaches, km/h.
pub const PLAUSIBLE_SPEED_KMH: f64 = 100.0;
/// A day: longer is an ultra event or a typo.
pub const PLAUSIBLE_ELAPSED_S: u32 = 24 * 3600;

/// Refuses what no stored activity may hold. `today` is the last day an activity may start.
pub fn check_activity(a: &Activity, today: NaiveDate) -> Result<(), InputError> {
    let d = a.date();
    if d.year() < MIN_YEAR {
        return bad(
            "date",
            format!("{d} is out of range; allowed: {MIN_YEAR}-01-01 or later"),
        );
    }
    if d > today {
        return bad(
            "date",
            format!("{d} is in the future (today is {today}); allowed: a day that has happened"),
        );
    }
    if !(1..=MAX_ELAPSED_S).contains(&a.elapsed_s) {
        return bad(
            "duration",
            format!(
                "{} s is out of range; allowed: 1 second to 7 days",
                a.elapsed_s
            ),
        );
    }
    if let Some(m) = a.moving_s
        && !(1..=a.elapsed_s).contains(&m)
    {
        return bad(
            "moving",
            format!(
                "{m} s is out of range; allowed: 1 second up to the duration ({} s)",
                a.elapsed_s
            ),
        );
    }
    for (limit, v) in measured(a) {
        within(limit, v)?;
    }
    for (field, limit, v) in scales(a) {
        scale(field, limit, v)?;
    }
    if let Some(t) = a.tss {
        let max = max_tss(a);
        // A computed TSS is rounded to a tenth: the bound allows that rounding.
        if !(t.is_finite() && (0.0..=max + 0.05).contains(&t)) {
            let why = match a.load_source {
                Some(LoadSource::Manual) | None => {
                    format!("allowed: 0–{MAX_MANUAL_TSS:.0} typed by hand")
                }
                Some(_) => format!(
                    "allowed: 0–{max:.0} for {} (check the FTP or LTHR in force)",
                    super::parse::format_duration(a.elapsed_s)
                ),
            };
            return bad("tss", format!("{} is out of range; {why}", short(t)));
        }
    }
    Ok(())
}

/// The highest TSS an activity may carry: typed by hand, 2000; computed, what its hours allow.
pub fn max_tss(a: &Activity) -> f64 {
    match a.load_source {
        Some(LoadSource::Manual) | None => MAX_MANUAL_TSS,
        Some(_) => (a.elapsed_s as f64 / 3600.0 * MAX_TSS_PER_HOUR).max(MAX_MANUAL_TSS),
    }
}

/// A figure that is possible but almost surely a typo: the field and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Implausible {
    pub field: &'static str,
    pub what: String,
}

impl Implausible {
    /// The command line's refusal: the field, why, and how to store it anyway.
    pub fn refusal(&self) -> InputError {
        InputError::new(
            self.field,
            format!(
                "{}; allowed: fix the figure, or add --force to store it as typed",
                self.what
            ),
        )
    }
}

/// The first implausible figure of `a`, if any (the command line refuses it unless
/// `--force`; the app asks).
pub fn implausible(a: &Activity) -> Option<Implausible> {
    every_implausible(a).into_iter().next()
}

/// Every implausible figure of `a`, in the order they are asked about.
pub fn every_implausible(a: &Activity) -> Vec<Implausible> {
    let mut out = Vec::new();
    let mut say = |field, what: String| out.push(Implausible { field, what });
    for (field, v) in [("np", a.normalized_power_w), ("power", a.avg_power_w)] {
        if let Some(w) = v.filter(|w| *w > PLAUSIBLE_POWER_W) {
            say(
                field,
                format!(
                    "{w:.0} W over a whole activity is more than anyone holds (plausible: up to {PLAUSIBLE_POWER_W:.0} W)"
                ),
            );
        }
    }
    if let (Some(np), Some(avg)) = (a.normalized_power_w, a.avg_power_w)
        && np + 0.5 < avg
    {
        say(
            "np",
            format!("NP {np:.0} W is below the average power {avg:.0} W (NP is never lower)"),
        );
    }
    if let (Some(hr), Some(max)) = (a.avg_hr, a.max_hr)
        && hr > max + 0.5
    {
        say(
            "hr",
            format!("average HR {hr:.0} bpm is above the maximum HR {max:.0} bpm"),
        );
    }
    let seconds = a.moving_s.unwrap_or(a.elapsed_s).max(1) as f64;
    if let Some(m) = a.distance_m {
        let kmh = m / 1000.0 / (seconds / 3600.0);
        if kmh > PLAUSIBLE_SPEED_KMH {
            say(
                "distance",
                format!(
                    "{:.1} km in {} is {kmh:.0} km/h on average (plausible: up to {PLAUSIBLE_SPEED_KMH:.0} km/h)",
                    m / 1000.0,
                    super::parse::format_duration(seconds as u32)
                ),
            );
        }
    }
    if a.elapsed_s > PLAUSIBLE_ELAPSED_S {
        say(
            "duration",
            format!(
                "{} is longer than a day (plausible: up to 24h)",
                super::parse::format_duration(a.elapsed_s)
            ),
        );
    }
    out
}

fn bad(field: &str, message: String) -> Result<(), InputError> {
    Err(InputError::new(field, message))
}

/// 1e300 printed as `1e300`, not 300 digits.
pub(super) fn short(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e9 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// The measured figures of an activity with their limits.
fn measured(a: &Activity) -> [(Limit, Option<f64>); 6] {
    use limits::*;
    [
        (DISTANCE, a.distance_m),
        (ASCENT, a.ascent_m),
        (POWER, a.avg_power_w),
        (NP, a.normalized_power_w),
        (HR, a.avg_hr),
        (MAX_HR, a.max_hr),
    ]
}

/// The scales of an activity: the field, its limit and its value.
fn scales(a: &Activity) -> [(&'static str, Limit, Option<u8>); 4] {
    use limits::*;
    [
        ("rpe", RPE, a.rpe),
        ("pain_before", PAIN, a.pain_before),
        ("pain_during", PAIN, a.pain_during),
        ("pain_after", PAIN, a.pain_after),
    ]
}

/// A stored figure may be 0 (nothing measured); the top is the limit's.
pub(super) fn in_stored_range(limit: &Limit, x: f64) -> bool {
    x.is_finite() && (0.0..=limit.hi).contains(&x)
}

fn within(limit: Limit, v: Option<f64>) -> Result<(), InputError> {
    match v {
        Some(x) if !in_stored_range(&limit, x) => bad(
            limit.field,
            format!(
                "{} {u} is out of range; allowed: 0 to {} {u}",
                short(x),
                limit.hi,
                u = limit.unit
            ),
        ),
        _ => Ok(()),
    }
}

fn scale(field: &str, limit: Limit, v: Option<u8>) -> Result<(), InputError> {
    match v {
        Some(x) if !limit.contains(x as f64) => bad(
            field,
            format!(
                "{x} is out of range; allowed: whole numbers {}–{}",
                limit.lo, limit.hi
            ),
        ),
        _ => Ok(()),
    }
}

#[cfg(test)]
#[path = "plausible_tests.rs"]
mod tests;
