//! Correcting a dose (`edit dN`, the app's dose form): the dose as the correction would leave
//! it, checked as a typed value is, with its day's total of the drug against the max, so the
//! command line refuses and the app asks by the same figures.

use chrono::NaiveDate;

use super::edit::EditDraft;
use super::input::{opt_scale, text};
use crate::domain::InputError;
use crate::domain::parse::{parse_datetime, parse_time};
use crate::domain::records::Dose;
use crate::domain::text::number;
use crate::repo::meds::DoseWrite;
use crate::repo::{RecordId, Repo, RepoError, Result};

/// A checked correction; nothing is written until [`store`].
#[derive(Debug, Clone)]
pub struct DoseCorrection {
    pub old: Dose,
    pub new: Dose,
    /// The day's total of the drug with the corrected dose, and the strictest live max.
    pub after: f64,
    pub max: Option<f64>,
    /// The correction raises its day's total over the max (lowering a day already over it,
    /// or keeping it, is not).
    pub over_max: bool,
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
        d.amount = crate::domain::error::check_positive("amount", x, 100_000.0)?;
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
        d.pain_before = opt_scale("pain_before", &a.activity.pain_before, 0, 10)?;
    }
    if a.checkin.note.is_some() {
        d.note = text(&a.checkin.note);
    }
    let day = d.taken_at.date();
    let (total, max) = repo.drug_day(d.medication_id, day)?;
    let own = if old.taken_at.date() == day {
        old.amount
    } else {
        0.0
    };
    let after = total - own + d.amount;
    let over_max = max.is_some_and(|m| after > m + 1e-9 && after > total + 1e-9);
    Ok(DoseCorrection {
        old,
        new: d,
        after,
        max,
        over_max,
    })
}

/// Stores a correction; one over the max only with `force` (after a yes, or `--force`). The
/// max is checked again in the transaction that writes, against the day as it is then.
pub fn store(repo: &mut Repo, c: &DoseCorrection, force: bool) -> Result<String> {
    let (d, u) = (&c.new, &c.new.unit);
    let (after, max) = match repo.update_dose_checked(d, force)? {
        DoseWrite::OverMax { before, max } => {
            return Err(InputError::new(
                "amount",
                format!(
                    "{} {u} makes {} {u} of {} on {}, over the max of {} {u}/day; allowed: up to {} {u}, or --force to store it anyway",
                    number(d.amount),
                    number(before + d.amount),
                    d.medication,
                    d.taken_at.date(),
                    number(max),
                    number((max - before).max(0.0)),
                ),
            )
            .into());
        }
        DoseWrite::Saved { day_total, max, .. } => (day_total, max),
    };
    // The day's total as `med take` says it, and a correction stored over the max says so.
    let of_max = max
        .map(|m| format!(" of max {}", crate::domain::text::amount(m, u)))
        .unwrap_or_default();
    let over = if max.is_some_and(|m| after > m + 1e-9) {
        " — OVER the daily max (forced)"
    } else {
        ""
    };
    Ok(format!(
        "Updated dose d{}: {} {} {} at {}; total on {}: {} {}{of_max}{over}",
        d.id,
        d.amount,
        u,
        d.medication,
        d.taken_at.format("%Y-%m-%d %H:%M"),
        d.taken_at.date(),
        number(after),
        u
    ))
}
