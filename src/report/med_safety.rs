//! Medication safety for page 1 and the medication table: each day's total per medication,
//! every day over the catalogue's daily limit with its amount, NSAID and opioid runs with
//! their dates flagged against the patient's own thresholds, and each medication's regimen
//! in words. Facts from the doses logged; nothing here advises.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::words::count;
use crate::domain::records::Medication;
use crate::domain::vocab::MedClass;
use crate::views::report::ReportData;

/// Per medication name: per day, (doses, total amount).
pub type DailyTotals<'a> = BTreeMap<&'a str, BTreeMap<NaiveDate, (u32, f64)>>;

/// A day whose total of one medication was above its daily limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverMaxDay {
    pub date: NaiveDate,
    pub medication: String,
    pub amount: f64,
    pub limit: f64,
    pub unit: String,
}

/// Consecutive days with a dose of a class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    pub class: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    /// The patient's own alert setting for this class's runs.
    pub threshold: u32,
    /// Past the threshold (NSAIDs: longer than it; opioids: at or past it, as `stats` flags).
    pub flagged: bool,
}

/// The doses of the period grouped by medication and day.
pub fn daily_totals(r: &ReportData) -> DailyTotals<'_> {
    let mut by_med: DailyTotals = BTreeMap::new();
    for d in &r.journal.doses {
        let day = d.taken_at.date();
        if day < r.from || day > r.to {
            continue;
        }
        let e = by_med
            .entry(&d.medication)
            .or_default()
            .entry(day)
            .or_default();
        e.0 += 1;
        e.1 += d.amount;
    }
    by_med
}

/// The catalogue entry of a medication name, if it is still there.
pub fn catalogue<'a>(r: &'a ReportData, name: &str) -> Option<&'a Medication> {
    let dose = r.journal.doses.iter().find(|d| d.medication == name);
    r.journal
        .medications
        .iter()
        .find(|m| dose.is_some_and(|d| d.medication_id == m.id) || m.name == name)
}

/// Every over-limit day of the period, by date then medication: the analysis's per-drug rule
/// (every catalogue row of one drug adds up, against the strictest limit), the one Today,
/// `status` and `med take` use.
pub fn over_max_days(r: &ReportData) -> Vec<OverMaxDay> {
    crate::analysis::meds::over_max_days(&r.journal, r.from, r.to)
        .into_iter()
        .map(|(date, m)| OverMaxDay {
            date,
            amount: m.total,
            limit: m.max_daily.unwrap_or(0.0),
            unit: m.unit,
            medication: m.medication,
        })
        .collect()
}

/// Runs of consecutive days in a sorted set, as (first, last, days).
pub fn runs_of(days: &BTreeSet<NaiveDate>) -> Vec<(NaiveDate, NaiveDate, u32)> {
    let mut out: Vec<(NaiveDate, NaiveDate, u32)> = Vec::new();
    for d in days {
        match out.last_mut() {
            Some(run) if *d - run.1 == Duration::days(1) => {
                run.1 = *d;
                run.2 += 1;
            }
            _ => out.push((*d, *d, 1)),
        }
    }
    out
}

/// Days of the period with a dose of `class`.
pub fn class_days(r: &ReportData, class: MedClass) -> BTreeSet<NaiveDate> {
    r.journal
        .doses
        .iter()
        .filter(|d| d.class == class)
        .map(|d| d.taken_at.date())
        .filter(|d| *d >= r.from && *d <= r.to)
        .collect()
}

/// NSAID and opioid runs of two days or more, in date order.
pub fn runs(r: &ReportData) -> Vec<Run> {
    let t = &r.journal.thresholds;
    let mut out = Vec::new();
    for (class, threshold) in [
        (MedClass::Nsaid, t.nsaid_streak_days),
        (MedClass::Opioid, t.opioid_streak_days),
    ] {
        for (from, to, days) in runs_of(&class_days(r, class)) {
            if days < 2 {
                continue;
            }
            let flagged = match class {
                MedClass::Nsaid => days > threshold,
                _ => days >= threshold,
            };
            out.push(Run {
                class: class.as_str().to_string(),
                from,
                to,
                days,
                threshold,
                flagged,
            });
        }
    }
    out.sort_by_key(|x| x.from);
    out
}

/// A number without a needless ".0".
pub fn amount(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The regimen in words: "400 mg as needed, up to 3 a day; course 2026-01-05 to 2026-01-20".
pub fn regimen(m: &Medication) -> String {
    let mut s = format!("{} {}", amount(m.usual_dose), m.unit);
    s.push_str(if m.as_needed {
        " as needed"
    } else {
        " scheduled"
    });
    if let Some(n) = m.times_a_day {
        let times = count(n, "time", "times");
        s.push_str(&if m.as_needed {
            format!(", up to {times} a day")
        } else {
            format!(", {times} a day")
        });
    }
    match (m.course_start, m.course_end) {
        (Some(a), Some(b)) => s.push_str(&format!("; course {a} to {b}")),
        (Some(a), None) => s.push_str(&format!("; course from {a}")),
        (None, Some(b)) => s.push_str(&format!("; course until {b}")),
        (None, None) => {}
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_gaps() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let days: BTreeSet<NaiveDate> = ["2025-03-01", "2025-03-02", "2025-03-04"]
            .iter()
            .map(|s| d(s))
            .collect();
        assert_eq!(
            runs_of(&days),
            vec![
                (d("2025-03-01"), d("2025-03-02"), 2),
                (d("2025-03-04"), d("2025-03-04"), 1)
            ]
        );
        assert_eq!(amount(400.0), "400");
        let m = Medication {
            id: 1,
            uuid: String::new(),
            name: "tramadol".into(),
            class: MedClass::Opioid,
            unit: "mg".into(),
            usual_dose: 50.0,
            max_daily: None,
            as_needed: false,
            times_a_day: Some(2),
            course_start: Some(d("2026-01-05")),
            course_end: Some(d("2026-01-20")),
            note: None,
        };
        assert_eq!(
            regimen(&m),
            "50 mg scheduled, 2 times a day; course 2026-01-05 to 2026-01-20"
        );
        assert_eq!(amount(2.5), "2.5");
    }
}
