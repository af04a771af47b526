//! Rating PSFS activities (SPEC §4.6): up to five activities the back limits, 0–10.

use chrono::NaiveDate;

use super::Done;
use super::Result;
use super::input::{date_or_today, text};
use crate::domain::InputError;
use crate::repo::Repo;

/// A rating as typed: `psfs set "ride 3h with climbing" 4`.
#[derive(Debug, Clone, Default)]
pub struct PsfsDraft {
    pub activity: String,
    pub score: String,
    pub date: Option<String>,
}

/// A stored rating; `new_activity` when the activity was added by it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated {
    pub activity: String,
    pub date: NaiveDate,
    pub score: u8,
    pub new_activity: bool,
}

pub fn validate(
    a: &PsfsDraft,
    today: NaiveDate,
) -> std::result::Result<(String, NaiveDate, u8), InputError> {
    let score = crate::domain::limits::PAIN.parse_scale("score", &a.score)?;
    let date = date_or_today("date", &a.date, today)?;
    let name = text(&Some(a.activity.clone())).ok_or_else(|| {
        InputError::new(
            "activity",
            "empty; allowed: a short description, e.g. \"ride 3h with climbing\"",
        )
    })?;
    Ok((name, date, score))
}

pub fn rate(repo: &mut Repo, a: &PsfsDraft, today: NaiveDate) -> Result<Done<Rated>> {
    let (name, date, score) = validate(a, today)?;
    let created = repo.psfs_rate(&name, date, score)?;
    let summary = format!(
        "Saved PSFS rating for \"{name}\" on {date}: {score}/10{}",
        if created { " (new activity)" } else { "" }
    );
    Ok(Done::new(
        Rated {
            activity: name,
            date,
            score,
            new_activity: created,
        },
        summary,
    ))
}

/// Rates several activities on one day (the app's PSFS form) in one transaction.
pub fn rate_all(repo: &mut Repo, scores: &[(String, u8)], date: NaiveDate) -> Result<Done<usize>> {
    repo.psfs_rate_all(scores, date)?;
    let n = scores.len();
    Ok(Done::new(
        n,
        format!(
            "Saved {} for {date}",
            crate::domain::text::plural(n, "PSFS rating", "PSFS ratings")
        ),
    ))
}
