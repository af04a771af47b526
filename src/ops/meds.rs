//! Medications and doses (SPEC §4.4): the catalogue entry (add/edit) and taking a dose, whose
//! check against the max daily total and insert happen in one transaction in the repo.

use chrono::{NaiveDate, NaiveDateTime};

use super::Result;
use super::dose_day::DoseDay;
use super::input::{opt_scale, text};
use super::{Done, meds_again, meds_same};
use crate::domain::InputError;
use crate::domain::limits::{self, PAIN};
use crate::domain::parse::parse_datetime;
use crate::domain::records::{Dose, Medication};
use crate::domain::vocab::MedClass;
use crate::repo::Repo;
use crate::repo::meds::{DoseWrite, MedWrite};

/// A catalogue entry as typed (the amounts already numbers).
#[derive(Debug, Clone, Default)]
pub struct MedicationDraft {
    pub name: String,
    pub class: String,
    pub unit: String,
    pub dose: f64,
    pub max_daily: Option<f64>,
    /// None: taken as needed.
    pub times_a_day: Option<u32>,
    pub course_start: Option<String>,
    pub course_end: Option<String>,
    pub note: Option<String>,
}

/// The validated catalogue entry.
pub fn build_medication(
    a: &MedicationDraft,
    today: NaiveDate,
) -> std::result::Result<Medication, InputError> {
    let name = text(&Some(a.name.clone()))
        .ok_or_else(|| InputError::new("name", "empty; allowed: the medication's name"))?;
    // A name is one line: it heads list rows, questions and the dose picker.
    if name.chars().any(char::is_control) {
        return Err(InputError::new(
            "name",
            "holds a line break or control character; allowed: the name on one line",
        ));
    }
    let unit = text(&Some(a.unit.clone()))
        .ok_or_else(|| InputError::new("unit", "empty; allowed: mg, ml, mcg, tablet…"))?;
    let m = Medication {
        id: 0,
        uuid: String::new(),
        name,
        class: MedClass::parse(&a.class)?,
        unit,
        usual_dose: limits::DOSE.check_as("dose", a.dose)?,
        max_daily: a
            .max_daily
            .map(|x| limits::MAX_DAILY.check(x))
            .transpose()?,
        as_needed: a.times_a_day.is_none(),
        times_a_day: a
            .times_a_day
            .map(|n| {
                if (1..=24).contains(&n) {
                    Ok(n)
                } else {
                    Err(InputError::new(
                        "times_a_day",
                        format!("{n} is out of range; allowed: 1–24"),
                    ))
                }
            })
            .transpose()?,
        course_start: a
            .course_start
            .as_ref()
            .map(|d| crate::domain::parse::parse_date("course_start", d, today))
            .transpose()?,
        course_end: a
            .course_end
            .as_ref()
            .map(|d| crate::domain::parse::parse_date_any("course_end", d, today))
            .transpose()?,
        note: text(&a.note),
    };
    if let (Some(max), true) = (m.max_daily, m.max_daily.is_some_and(|x| x < m.usual_dose)) {
        return Err(InputError::new(
            "max_daily",
            format!(
                "{max} is less than the usual dose {}; allowed: at least the usual dose",
                m.usual_dose
            ),
        ));
    }
    Ok(m)
}

/// "Saved medication m1: ibuprofen (nsaid), usual dose 400 mg, max 1200 mg/day".
pub fn medication_line(verb: &str, m: &Medication) -> String {
    let max = m
        .max_daily
        .map(|x| format!(", max {x} {}/day", m.unit))
        .unwrap_or_default();
    format!(
        "{verb} medication m{}: {} ({}), usual dose {} {}{max}",
        m.id, m.name, m.class, m.usual_dose, m.unit
    )
}

/// Adds a catalogue entry; a name that is a drug already in the catalogue or the trash
/// stores nothing and the refusal names the row and the commands to use or restore it (a
/// second row would split that drug's settings).
pub fn add_medication(
    repo: &mut Repo,
    a: &MedicationDraft,
    today: NaiveDate,
) -> Result<Done<Medication>> {
    let m = build_medication(a, today)?;
    match repo.add_medication_checked(&m)? {
        MedWrite::Saved(m) => {
            let summary = medication_line("Saved", &m);
            Ok(Done::new(m, summary))
        }
        MedWrite::SameDrug(other) => Err(meds_same::add_refusal(&m, &other).into()),
    }
}

/// Replaces a catalogue entry with the draft (the app's edit form holds every field). A new
/// name that is another row's drug is refused, naming that row.
pub fn replace_medication(
    repo: &mut Repo,
    old: &Medication,
    a: &MedicationDraft,
    today: NaiveDate,
) -> Result<Done<Medication>> {
    let mut m = build_medication(a, today)?;
    m.id = old.id;
    m.uuid = old.uuid.clone();
    match repo.update_medication_checked(&m)? {
        MedWrite::Saved(m) => {
            let summary = medication_line("Updated", &m);
            Ok(Done::new(m, summary))
        }
        MedWrite::SameDrug(other) => Err(meds_same::rename_refusal(&m.name, &other).into()),
    }
}

/// A dose as typed. `amount` None takes the usual dose; `at` None is now.
#[derive(Debug, Clone, Default)]
pub struct DoseDraft {
    pub medication: String,
    pub amount: Option<f64>,
    pub at: Option<String>,
    pub pain: Option<String>,
    pub note: Option<String>,
    /// Store it even over the max daily total.
    pub force: bool,
}

/// A dose's own fields validated without the journal.
#[derive(Debug, Clone)]
pub struct DoseInput {
    pub taken_at: NaiveDateTime,
    pub amount: Option<f64>,
    pub pain_before: Option<u8>,
    pub note: Option<String>,
}

/// Refuses a dose time later than now: the one rule of [`clock::not_ahead`], on `at`.
pub fn not_ahead(
    at: NaiveDateTime,
    now: NaiveDateTime,
) -> std::result::Result<NaiveDateTime, InputError> {
    crate::domain::clock::not_ahead("at", at, now)
}

pub fn validate_dose(
    d: &DoseDraft,
    today: NaiveDate,
    now: NaiveDateTime,
) -> std::result::Result<DoseInput, InputError> {
    let taken_at = match &d.at {
        Some(t) => not_ahead(parse_datetime("at", t, today)?, now)?,
        None => now,
    };
    let pain_before = opt_scale("pain", &d.pain, PAIN)?;
    if let Some(x) = d.amount {
        limits::DOSE.check(x)?;
    }
    Ok(DoseInput {
        taken_at,
        amount: d.amount,
        pain_before,
        note: text(&d.note),
    })
}

/// What taking a dose did: stored, or refused because it passes the max daily total.
#[derive(Debug, Clone)]
pub enum Taken {
    /// Stored: the dose with its line, and its day's total against the max.
    Saved(Done<Dose>, DoseDay),
    OverMax(OverMax),
    /// Another dose of the drug is logged within 30 minutes: asked, or refused without --force.
    Again(meds_again::Again),
}

/// A dose refused (nothing written): the day's total before it and after, and the max.
#[derive(Debug, Clone)]
pub struct OverMax {
    pub dose: Dose,
    pub before: f64,
    pub after: f64,
    pub max: f64,
}

impl OverMax {
    /// The refusal of `restore dN` as an input error on the dose's ID: it stays in the trash.
    pub fn restore_refusal(&self) -> InputError {
        InputError::new(
            format!("d{}", self.dose.id),
            self.words("it stays in the trash. Use --force to restore it anyway"),
        )
    }

    /// The refusal as an input error on `amount` (SPEC §5).
    pub fn refusal(&self) -> InputError {
        InputError::new(
            "amount",
            self.words("nothing was saved. Use --force to log it anyway"),
        )
    }

    /// "400 mg would bring ibuprofen on 2026-11-23 to 1600 mg, over your max daily total of
    /// 1200 mg; " and what happened.
    fn words(&self, outcome: &str) -> String {
        let d = &self.dose;
        format!(
            "{amount} {u} would bring {} on {} to {after} {u}, over your max daily total of {max} {u}; {outcome}",
            d.medication,
            d.taken_at.date(),
            amount = d.amount,
            after = self.after,
            max = self.max,
            u = d.unit
        )
    }
}

/// Takes a dose of the named medication: checked against its max daily total and stored in
/// one transaction.
pub fn take_dose(
    repo: &mut Repo,
    d: &DoseDraft,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Taken> {
    let input = validate_dose(d, today, now)?;
    let meds = repo.medications()?;
    let Some(m) = meds_again::resolve(&meds, &d.medication)? else {
        let known: Vec<String> = meds.into_iter().map(|m| m.name).collect();
        let allowed = if known.is_empty() {
            "none yet; add one with `backtrack med add`".to_string()
        } else {
            known.join(", ")
        };
        return Err(InputError::new(
            "medication",
            format!("unknown medication '{}'; allowed: {allowed}", d.medication),
        )
        .into());
    };
    let dose = Dose {
        id: 0,
        uuid: String::new(),
        taken_at: input.taken_at,
        medication_id: m.id,
        medication: m.name.clone(),
        class: m.class,
        unit: m.unit.clone(),
        amount: input.amount.unwrap_or(m.usual_dose),
        pain_before: input.pain_before,
        note: input.note,
    };
    store_dose(repo, dose, d.force)
}

/// Stores a built dose unless another dose of its drug is logged within 30 minutes of it or
/// it passes the max (`force` stores it anyway, as after the app's "(y/n)" questions).
pub fn store_dose(repo: &mut Repo, dose: Dose, force: bool) -> Result<Taken> {
    store_dose_with(repo, dose, !force, force)
}

/// Stores a built dose: `check_again` refuses one within 30 minutes of another of its drug
/// (the app asks that first, then the max), `force_max` stores it over the max.
pub fn store_dose_with(
    repo: &mut Repo,
    dose: Dose,
    check_again: bool,
    force_max: bool,
) -> Result<Taken> {
    if check_again && let Some(last) = meds_again::recent_same(repo, &dose)? {
        return Ok(Taken::Again(meds_again::Again { dose, last }));
    }
    Ok(match repo.add_dose_checked(&dose, force_max)? {
        DoseWrite::Saved {
            dose,
            day_total,
            max,
        } => {
            let summary = dose_line(&dose, day_total, max);
            let day = DoseDay {
                total: day_total,
                max,
                forced: force_max,
            };
            Taken::Saved(Done::new(dose, summary), day)
        }
        DoseWrite::OverMax { before, max } => Taken::OverMax(OverMax {
            after: before + dose.amount,
            dose,
            before,
            max,
        }),
    })
}

/// "Saved dose d4: 400 mg ibuprofen at 2026-11-23 08:00; total on 2026-11-23: 800 mg of max 1200"
/// (a day over the max is the front end's to word, from `DoseDay`).
pub fn dose_line(d: &Dose, after: f64, max: Option<f64>) -> String {
    let max_text = max
        .map(|x| format!(" of max {}", crate::domain::text::amount(x, &d.unit)))
        .unwrap_or_default();
    format!(
        "Saved dose d{}: {} {} {} at {}; total on {}: {after} {}{max_text}",
        d.id,
        d.amount,
        d.unit,
        d.medication,
        d.taken_at.format("%Y-%m-%d %H:%M"),
        d.taken_at.date(),
        d.unit
    )
}
