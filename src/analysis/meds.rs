//! Medication safety counters of SPEC §4.4: today's total per medication against its max,
//! opioid days in 7 and 30 days, the opioid and NSAID runs, steroid injections in 12 months.
//! Facts against the user's thresholds; no advice.

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, Months, NaiveDate};
use serde::Serialize;

use super::data::{JournalData, Thresholds};
use crate::domain::records::{Dose, drug_key};
use crate::domain::vocab::MedClass;

/// One medication's total today.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedToday {
    pub medication: String,
    pub class: String,
    pub unit: String,
    pub total: f64,
    pub max_daily: Option<f64>,
    /// Above the max daily total (taken only with confirmation or --force).
    pub over_max: bool,
    /// How many doses make the total (for "800 mg (2×)").
    #[serde(skip)]
    pub doses: u32,
}

/// The counters. JSON keys (SPEC §7.4): today, opioid_days_7, opioid_days_30, opioid_streak,
/// nsaid_streak, injections_12m.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedCounters {
    pub today: Vec<MedToday>,
    pub opioid_days_7: u32,
    pub opioid_days_30: u32,
    pub opioid_streak: u32,
    pub nsaid_streak: u32,
    pub injections_12m: u32,
    /// The counters at or past their thresholds, as sentences (max daily totals included).
    #[serde(skip)]
    pub flags: Vec<String>,
}

/// Days with at least one dose of `class`.
fn class_days(doses: &[Dose], class: MedClass) -> HashSet<NaiveDate> {
    doses
        .iter()
        .filter(|d| d.class == class)
        .map(|d| d.taken_at.date())
        .collect()
}

/// Days in `[today − (window − 1), today]` that are in `days`.
pub fn days_in_window(days: &HashSet<NaiveDate>, today: NaiveDate, window: i64) -> u32 {
    (0..window)
        .filter(|k| days.contains(&(today - Duration::days(*k))))
        .count() as u32
}

/// The current run of consecutive days in `days`: the run ending today, or yesterday when
/// nothing is logged yet today (so the run does not read 0 before the day's first dose).
pub fn current_streak(days: &HashSet<NaiveDate>, today: NaiveDate) -> u32 {
    let mut d = if days.contains(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    let mut n = 0;
    while days.contains(&d) {
        n += 1;
        d -= Duration::days(1);
    }
    n
}

/// Today's totals per drug against the catalogue's max daily total (see [`day_totals`]).
pub fn today_totals(data: &JournalData, today: NaiveDate) -> Vec<MedToday> {
    day_totals(
        data,
        data.doses.iter().filter(|d| d.taken_at.date() == today),
    )
}

/// Every day of `[from, to]` on which a drug's total was over its max daily total, in date
/// order, each with that drug's total: the rule of [`day_totals`], so the report lists
/// exactly the days Today, `status` and `med take` count as over.
pub fn over_max_days(
    data: &JournalData,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, MedToday)> {
    let mut by_day: BTreeMap<NaiveDate, Vec<&Dose>> = BTreeMap::new();
    for d in &data.doses {
        let day = d.taken_at.date();
        if day >= from && day <= to {
            by_day.entry(day).or_default().push(d);
        }
    }
    by_day
        .into_iter()
        .flat_map(|(day, doses)| {
            day_totals(data, doses.into_iter())
                .into_iter()
                .filter(|m| m.over_max)
                .map(move |m| (day, m))
        })
        .collect()
}

/// One day's totals per drug against the catalogue's max daily total: doses of every row with
/// the same name (ignoring case and spaces) and unit add up, trashed rows' doses included,
/// and the max is the strictest among the live rows, as the repo's dose check counts them.
pub fn day_totals<'a>(data: &JournalData, doses: impl Iterator<Item = &'a Dose>) -> Vec<MedToday> {
    let key = |name: &str, unit: &str| (drug_key(name), unit.trim().to_lowercase());
    let mut by_drug: BTreeMap<(String, String), MedToday> = BTreeMap::new();
    for d in doses {
        let k = key(&d.medication, &d.unit);
        let live: Vec<_> = data
            .medications
            .iter()
            .filter(|m| key(&m.name, &m.unit) == k)
            .collect();
        let max_daily = live.iter().filter_map(|m| m.max_daily).reduce(f64::min);
        let e = by_drug.entry(k).or_insert_with(|| MedToday {
            medication: live
                .first()
                .map_or_else(|| d.medication.clone(), |m| m.name.clone()),
            class: d.class.as_str().to_string(),
            unit: d.unit.clone(),
            total: 0.0,
            max_daily,
            over_max: false,
            doses: 0,
        });
        e.total += d.amount;
        e.doses += 1;
    }
    let mut out: Vec<MedToday> = by_drug.into_values().collect();
    for m in &mut out {
        m.over_max = m.max_daily.is_some_and(|max| m.total > max + 1e-9);
    }
    out
}

/// All counters as of `today`.
pub fn med_counters(data: &JournalData, today: NaiveDate) -> MedCounters {
    let t: &Thresholds = &data.thresholds;
    let opioid = class_days(&data.doses, MedClass::Opioid);
    let nsaid = class_days(&data.doses, MedClass::Nsaid);
    // Calendar months, so a leap day does not shift the window.
    let year_ago = today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let injections_12m = data
        .doses
        .iter()
        .filter(|d| d.class == MedClass::SteroidInjection)
        .filter(|d| d.taken_at.date() > year_ago && d.taken_at.date() <= today)
        .count() as u32;
    let c = MedCounters {
        today: today_totals(data, today),
        opioid_days_7: days_in_window(&opioid, today, 7),
        opioid_days_30: days_in_window(&opioid, today, 30),
        opioid_streak: current_streak(&opioid, today),
        nsaid_streak: current_streak(&nsaid, today),
        injections_12m,
        flags: Vec::new(),
    };
    let flags = flags(&c, t);
    MedCounters { flags, ..c }
}

/// One safety counter beside its threshold (SPEC §4.4), flagged or not, with its sentence:
/// the Medications screen lists these and `flags` keeps the flagged ones.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterRow {
    pub label: &'static str,
    pub value: u32,
    /// "flag at 3", "flag past 10".
    pub limit: String,
    pub flagged: bool,
    pub sentence: String,
}

/// The counters with their thresholds, in a fixed order. NSAID runs are flagged *past* the
/// threshold (the label limit); the others at it. A zero is never flagged.
pub fn counter_rows(c: &MedCounters, t: &Thresholds) -> Vec<CounterRow> {
    let at = |v: u32, limit: u32| v > 0 && v >= limit;
    let row = |label, value, limit: String, flagged, sentence: String| CounterRow {
        label,
        value,
        limit,
        flagged,
        sentence,
    };
    vec![
        row(
            "NSAID run, days",
            c.nsaid_streak,
            format!("flag past {}", t.nsaid_streak_days),
            c.nsaid_streak > t.nsaid_streak_days,
            format!(
                "NSAIDs on {} days in a row, past the {}-day threshold (the over-the-counter \
                 label limit for pain).",
                c.nsaid_streak, t.nsaid_streak_days
            ),
        ),
        row(
            "Opioid run, days",
            c.opioid_streak,
            format!("flag at {}", t.opioid_streak_days),
            at(c.opioid_streak, t.opioid_streak_days),
            format!(
                "Opioids on {} days in a row (threshold {}).",
                c.opioid_streak, t.opioid_streak_days
            ),
        ),
        row(
            "Opioid days, 7 d",
            c.opioid_days_7,
            format!("flag at {}", t.opioid_days_7),
            at(c.opioid_days_7, t.opioid_days_7),
            format!(
                "Opioids on {} of the last 7 days (threshold {}).",
                c.opioid_days_7, t.opioid_days_7
            ),
        ),
        row(
            "Opioid days, 30 d",
            c.opioid_days_30,
            format!("flag at {}", t.opioid_days_30),
            at(c.opioid_days_30, t.opioid_days_30),
            format!(
                "Opioids on {} of the last 30 days (threshold {}).",
                c.opioid_days_30, t.opioid_days_30
            ),
        ),
        row(
            "Injections, 12 mo",
            c.injections_12m,
            format!("flag at {}", t.injections_12m),
            at(c.injections_12m, t.injections_12m),
            format!(
                "{} steroid injections in the last 12 months (threshold {}).",
                c.injections_12m, t.injections_12m
            ),
        ),
    ]
}

fn flags(c: &MedCounters, t: &Thresholds) -> Vec<String> {
    let over = c.today.iter().filter(|m| m.over_max).map(|m| {
        format!(
            "{} today: {} {} taken, above the max daily total of {} {}.",
            m.medication,
            m.total,
            m.unit,
            m.max_daily.unwrap_or(0.0),
            m.unit
        )
    });
    let rows = counter_rows(c, t).into_iter().filter(|r| r.flagged);
    over.chain(rows.map(|r| r.sentence)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::Medication;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn dose(day: &str, hour: u32, name: &str, class: MedClass, amount: f64) -> Dose {
        Dose {
            id: 0,
            uuid: String::new(),
            taken_at: d(day).and_hms_opt(hour, 0, 0).unwrap(),
            medication_id: 0,
            medication: name.into(),
            class,
            unit: "mg".into(),
            amount,
            pain_before: None,
            note: None,
        }
    }

    #[test]
    fn over_max_days_count_a_drug_across_its_catalogue_rows() {
        // Two rows of one drug (an import from another device spelled it "Ibuprofen "): 800 mg
        // under each on 2 Mar is 1600 mg of ibuprofen against the strictest max, 1200 mg.
        let mut data = JournalData::default();
        for (id, name, max) in [(1, "ibuprofen", 1200.0), (2, "Ibuprofen ", 1600.0)] {
            data.medications.push(Medication {
                id,
                uuid: String::new(),
                name: name.into(),
                class: MedClass::Nsaid,
                unit: "mg".into(),
                usual_dose: 400.0,
                max_daily: Some(max),
                as_needed: true,
                times_a_day: None,
                course_start: None,
                course_end: None,
                note: None,
            });
        }
        data.doses
            .push(dose("2025-03-02", 8, "ibuprofen", MedClass::Nsaid, 800.0));
        data.doses
            .push(dose("2025-03-02", 14, "Ibuprofen ", MedClass::Nsaid, 800.0));
        data.doses
            .push(dose("2025-03-03", 8, "ibuprofen", MedClass::Nsaid, 800.0));
        let over = over_max_days(&data, d("2025-03-01"), d("2025-03-31"));
        assert_eq!(over.len(), 1, "{over:?}");
        let (day, m) = &over[0];
        assert_eq!(
            (*day, m.total, m.max_daily),
            (d("2025-03-02"), 1600.0, Some(1200.0))
        );
        assert!(over_max_days(&data, d("2025-03-03"), d("2025-03-31")).is_empty());
    }

    #[test]
    fn counters_by_hand() {
        let today = d("2024-03-31");
        let mut data = JournalData::default();
        data.medications.push(Medication {
            id: 7,
            uuid: String::new(),
            name: "ibuprofen".into(),
            class: MedClass::Nsaid,
            unit: "mg".into(),
            usual_dose: 400.0,
            max_daily: Some(1200.0),
            as_needed: true,
            times_a_day: None,
            course_start: None,
            course_end: None,
            note: None,
        });
        // Ibuprofen every day Mar 20–31 (12 days), three times today: 1600 mg > 1200.
        for k in 20..=31 {
            data.doses.push(dose(
                &format!("2024-03-{k}"),
                8,
                "ibuprofen",
                MedClass::Nsaid,
                400.0,
            ));
        }
        for h in [12, 18, 22] {
            data.doses
                .push(dose("2024-03-31", h, "ibuprofen", MedClass::Nsaid, 400.0));
        }
        // Opioid on Mar 3, 10, 28, 29, 30 (not today): 3 in 7 days, 5 in 30, run of 3 to yesterday.
        for day in [
            "2024-03-03",
            "2024-03-10",
            "2024-03-28",
            "2024-03-29",
            "2024-03-30",
        ] {
            data.doses
                .push(dose(day, 21, "tramadol", MedClass::Opioid, 50.0));
        }
        // Mar 3 is 28 days back: inside 30. Feb 28 is 32 days back: outside.
        data.doses
            .push(dose("2024-02-28", 21, "tramadol", MedClass::Opioid, 50.0));
        // Injections: 2023-04-01 (inside 12 months) and 2023-03-31 (12 months to the day: outside).
        for day in ["2023-04-01", "2023-03-31"] {
            data.doses
                .push(dose(day, 9, "epidural", MedClass::SteroidInjection, 1.0));
        }
        let c = med_counters(&data, today);
        assert_eq!(c.today.len(), 1);
        assert_eq!(
            (c.today[0].total, c.today[0].max_daily, c.today[0].over_max),
            (1600.0, Some(1200.0), true)
        );
        assert_eq!(
            (c.opioid_days_7, c.opioid_days_30, c.opioid_streak),
            (3, 5, 3)
        );
        assert_eq!((c.nsaid_streak, c.injections_12m), (12, 1));
        assert_eq!(
            c.flags[0],
            "ibuprofen today: 1600 mg taken, above the max daily total of 1200 mg."
        );
        assert!(c.flags[1].starts_with("NSAIDs on 12 days in a row, past the 10-day threshold"));
        assert!(
            c.flags
                .contains(&"Opioids on 3 days in a row (threshold 3).".to_string())
        );
    }

    #[test]
    fn counter_rows_flag_what_the_flags_say() {
        // Opioid on 3 of the last 7 days (a run of 3), and two doses of ibuprofen today.
        let today = d("2024-03-31");
        let mut data = JournalData::default();
        for day in ["2024-03-29", "2024-03-30", "2024-03-31"] {
            data.doses
                .push(dose(day, 21, "tramadol", MedClass::Opioid, 50.0));
        }
        for h in [8, 14] {
            data.doses
                .push(dose("2024-03-31", h, "ibuprofen", MedClass::Nsaid, 400.0));
        }
        let c = med_counters(&data, today);
        let ibu = c
            .today
            .iter()
            .find(|m| m.medication == "ibuprofen")
            .unwrap();
        assert_eq!((ibu.total, ibu.doses), (800.0, 2));
        let rows = counter_rows(&c, &data.thresholds);
        let flagged: Vec<(&str, u32)> = rows
            .iter()
            .filter(|r| r.flagged)
            .map(|r| (r.label, r.value))
            .collect();
        assert_eq!(
            flagged,
            vec![("Opioid run, days", 3), ("Opioid days, 7 d", 3)]
        );
        assert_eq!(rows[0].limit, "flag past 10");
        let sentences: Vec<String> = rows
            .into_iter()
            .filter(|r| r.flagged)
            .map(|r| r.sentence)
            .collect();
        assert_eq!(c.flags, sentences);
    }

    #[test]
    fn nsaid_streak_flag_only_past_threshold() {
        let mut data = JournalData::default();
        for k in 1..=10 {
            data.doses.push(dose(
                &format!("2024-01-{k:02}"),
                8,
                "naproxen",
                MedClass::Nsaid,
                250.0,
            ));
        }
        let c = med_counters(&data, d("2024-01-10"));
        assert_eq!(c.nsaid_streak, 10);
        assert!(c.flags.is_empty(), "{:?}", c.flags); // 10 is not past 10
        // A missed day breaks the run: Jan 12 alone is a run of 1.
        data.doses
            .push(dose("2024-01-12", 8, "naproxen", MedClass::Nsaid, 250.0));
        assert_eq!(med_counters(&data, d("2024-01-12")).nsaid_streak, 1);
        assert_eq!(med_counters(&data, d("2024-01-14")).nsaid_streak, 0);
    }
}
