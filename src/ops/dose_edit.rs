//! Correcting a dose (`edit dN`, the app's dose form): the dose as the correction would leave
//! it, checked as a typed value is; its day's total of the drug is checked against the max in
//! the transaction that writes it, so the command line refuses and the app asks by the same
//! figures, read at the moment of writing.

use chrono::NaiveDate;

use super::Result;
use super::dose_day::DoseDay;
use super::edit::EditDraft;
use super::input::{opt_scale, text};
use crate::domain::InputError;
use crate::domain::limits::PAIN;
use crate::domain::parse::{parse_datetime, parse_time};
use crate::domain::records::Dose;
use crate::domain::text::number;
use crate::repo::meds::DoseWrite;
use crate::repo::{RecordId, Repo, RepoError};

/// A checked correction; nothing is written until [`store`].
#[derive(Debug, Clone)]
pub struct DoseCorrection {
    pub old: Dose,
    pub new: Dose,
}

/// What storing a correction did.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Written: the line saying so, with the day's total, and that total against the max.
    Done(String, DoseDay),
    /// Nothing written: the correction raises its day's total to `after`, over `max` (a
    /// correction that lowers a day already over it, or keeps its total, is not refused).
    OverMax { after: f64, max: f64 },
}

/// Reads dose `rid` and applies the draft's time, amount, pain and note to it.
pub fn correct(
    repo: &Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<DoseCorrection> {
    let old = repo.dose_by_id(rid.id)?.ok_or_else(|| {
        RepoError::NotFound(format!("no live dose {rid}; `backtrack list` shows IDs"))
    })?;
    let mut d = old.clone();
    if let Some(x) = a.amount {
        d.amount = crate::domain::limits::DOSE.check(x)?;
    }
    if let Some(t) = &a.at {
        // A time alone corrects the time of the dose's own day, not of today.
        let at = match parse_time("at", t) {
            Ok(time) => old.taken_at.date().and_time(time),
            Err(_) => parse_datetime("at", t, today)?,
        };
        d.taken_at = super::meds::not_ahead(at, crate::domain::clock::now_local())?;
    }
    if a.activity.pain_before.is_some() {
        d.pain_before = opt_scale("pain_before", &a.activity.pain_before, PAIN)?;
    }
    if a.checkin.note.is_some() {
        d.note = text(&a.checkin.note);
    }
    Ok(DoseCorrection { old, new: d })
}

/// Stores a correction as `backtrack edit dN` does: one over the max is refused naming
/// `--force`, unless `force`.
pub fn store(repo: &mut Repo, c: &DoseCorrection, force: bool) -> Result<(String, DoseDay)> {
    let (d, u) = (&c.new, &c.new.unit);
    match store_checked(repo, c, force)? {
        Stored::Done(line, day) => Ok((line, day)),
        Stored::OverMax { after, max } => Err(InputError::new(
            "amount",
            format!(
                "{} {u} makes {} {u} of {} on {}, over the max of {} {u}/day; allowed: up to {} {u}, or --force to store it anyway",
                number(d.amount),
                number(after),
                d.medication,
                d.taken_at.date(),
                number(max),
                number((max - (after - d.amount)).max(0.0)),
            ),
        )
        .into()),
    }
}

/// Stores a correction unless it takes its day over the max (`force` stores it anyway, after
/// a yes or `--force`); the max is checked in the transaction that writes, against the day as
/// it is then, and each front end words a refusal itself.
pub fn store_checked(repo: &mut Repo, c: &DoseCorrection, force: bool) -> Result<Stored> {
    let (d, u) = (&c.new, &c.new.unit);
    let (after, max) = match repo.update_dose_checked(d, force)? {
        DoseWrite::OverMax { before, max } => {
            return Ok(Stored::OverMax {
                after: before + d.amount,
                max,
            });
        }
        DoseWrite::Saved { day_total, max, .. } => (day_total, max),
    };
    // The day's total as `med take` says it; a day over the max is the front end's to word.
    let of_max = max
        .map(|m| format!(" of max {}", crate::domain::text::amount(m, u)))
        .unwrap_or_default();
    let day = DoseDay {
        total: after,
        max,
        forced: force,
    };
    Ok(Stored::Done(
        format!(
            "Updated dose d{}: {} {} {} at {}; total on {}: {} {}{of_max}",
            d.id,
            d.amount,
            u,
            d.medication,
            d.taken_at.format("%Y-%m-%d %H:%M"),
            d.taken_at.date(),
            number(after),
            u
        ),
        day,
    ))
}
