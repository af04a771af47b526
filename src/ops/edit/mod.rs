//! Editing a stored record by typed ID with only the fields given (`edit c3 --pain 5`): the
//! record is read, the fields applied and validated, and the record written back.

use chrono::NaiveDate;

use super::Done;
use super::checkin::CheckinDraft;
use super::dose_day::DoseDay;
use crate::domain::InputError;
use crate::ops::Result;
use crate::repo::{Kind, RecordId, Repo, RepoError};

mod activity;
mod records;

/// The fields to change, as typed; None (or empty, false) leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EditDraft {
    pub pain: Option<String>,
    pub kind: Option<String>,
    pub duration: Option<String>,
    pub title: Option<String>,
    pub amount: Option<f64>,
    pub at: Option<String>,
    pub max_daily: Option<f64>,
    pub minutes: Option<u32>,
    pub to: Option<String>,
    pub target: Option<u32>,
    /// A dose: store a correction that takes its day over the max (after asking, or `--force`).
    pub force: bool,
    /// The check-in's fields; `date` and `note` also apply to other records.
    pub checkin: CheckinDraft,
    pub activity: ActivityPatch,
}

/// An activity's fields to change; `pain_before`/`pain_after` also apply to doses and rehab.
#[derive(Debug, Clone, Default)]
pub struct ActivityPatch {
    pub start: Option<String>,
    pub moving: Option<String>,
    pub distance: Option<String>,
    pub ascent: Option<String>,
    pub power: Option<f64>,
    pub np: Option<f64>,
    pub hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub rpe: Option<String>,
    /// A number (kept as given) or `auto` (computed again from the figures).
    pub tss: Option<String>,
    pub intensity: Option<String>,
    pub pain_before: Option<String>,
    pub pain_during: Option<String>,
    pub pain_after: Option<String>,
    pub stopped_for_pain: Option<bool>,
    pub bike: Option<String>,
}

fn missing(rid: RecordId) -> RepoError {
    RepoError::NotFound(format!(
        "no live {} {rid}; `backtrack list` shows IDs",
        rid.kind.noun()
    ))
}

/// What an edit changed: the record, and for a dose its day against the max (for the front
/// end to word a day left over it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edited {
    pub rid: RecordId,
    pub dose_day: Option<DoseDay>,
}

/// Applies the edit.
pub fn apply(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<Done<Edited>> {
    let line = match rid.kind {
        Kind::Checkin => records::checkin(repo, rid, a, today)?,
        Kind::Activity => activity::activity(repo, rid, a, today)?,
        Kind::Event => records::event(repo, rid, a, today)?,
        Kind::Dose => {
            let c = super::dose_edit::correct(repo, rid, a, today)?;
            let (line, day) = super::dose_edit::store(repo, &c, a.force)?;
            let edited = Edited {
                rid,
                dose_day: Some(day),
            };
            return Ok(Done::new(edited, line));
        }
        Kind::Medication => records::medication(repo, rid, a)?,
        Kind::Rehab => records::rehab(repo, rid, a, today)?,
        Kind::Programme => records::programme(repo, rid, a, today)?,
        Kind::Exercise => records::exercise(repo, rid, a)?,
        Kind::Psfs | Kind::Criterion | Kind::Score | Kind::Plan => {
            return Err(InputError::new("id", "this record cannot be edited here").into());
        }
    };
    let edited = Edited {
        rid,
        dose_day: None,
    };
    Ok(Done::new(edited, line))
}
