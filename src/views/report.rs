//! The care-team report's view (SPEC §12): the period's journal read through the repo, with
//! the figures from the same analysis calls `backtrack stats` makes, so every figure matches
//! `stats --since`, and the return plan as `plan show` has it.

use chrono::NaiveDate;

use super::plan::{PlanView, load_plan};
use crate::analysis::series::Series;
use crate::analysis::{JournalData, Stats, stats};
use crate::domain::records::Event;
use crate::repo::{Repo, Result};

/// The settings key of the patient's name, printed in the header only when set.
pub const NAME_KEY: &str = "name";
/// The settings key of the date of birth (YYYY-MM-DD), printed in the header only when set.
pub const DOB_KEY: &str = "dob";

/// Everything the report shows for the period `[from, to]`, as of `to`.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the report is written (may be after `to`).
    pub today: NaiveDate,
    pub name: Option<String>,
    /// The date of birth, when set (a stored value that is not a date is left out).
    pub dob: Option<NaiveDate>,
    /// The whole history up to `to`: CTL and the baseline need the days before the period.
    pub journal: JournalData,
    /// `stats` as of `to`, limited to the period: what `stats --since FROM` prints when `to`
    /// is today.
    pub stats: Stats,
    /// The day series over the whole history as of `to` (the charts take the period's part).
    pub series: Series,
    /// The events of `[from, to]`, also those before the first check-in, activity or dose
    /// (an MRI logged before the journal began): `journal` starts at that first day.
    pub events: Vec<Event>,
    /// The return plan (running, else the latest stopped) as of `to`: what `plan show`
    /// prints on that day.
    pub plan: Option<PlanView>,
}

/// Loads the period exactly as `stats` does: all history from the journal's first day to `to`,
/// then `analysis::stats(data, to, Some(from))`.
pub fn load(
    repo: &mut Repo,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<ReportData> {
    let first = repo.first_day()?.unwrap_or(to).min(to);
    let journal = repo.journal_data(first, to)?;
    let name = repo
        .plain(NAME_KEY)?
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let mut data = ReportData::new(journal, from, to, today, name);
    data.dob = repo
        .plain(DOB_KEY)?
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
    data.plan = load_plan(repo, to)?;
    if from < first {
        data.events = repo.events_between(from, to)?;
    }
    Ok(data)
}

impl ReportData {
    /// The first day the period's figures count: the period's first day, or the journal's
    /// first check-in, activity or dose when it began later (days before it were not days
    /// without a check-in). None when nothing is logged up to `to`.
    pub fn counted_from(&self) -> Option<NaiveDate> {
        let began = self.journal_began()?;
        (began <= self.to).then_some(began.max(self.from))
    }

    /// The journal's first check-in, activity, dose or rehab session; None when empty.
    pub fn journal_began(&self) -> Option<NaiveDate> {
        let j = &self.journal;
        [
            j.checkins.iter().map(|c| c.date).min(),
            j.activities.iter().map(|a| a.date()).min(),
            j.doses.iter().map(|d| d.taken_at.date()).min(),
            j.rehab_sessions.iter().map(|s| s.date).min(),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// The figures of `journal` (all history up to `to`) for the period `[from, to]`.
    pub fn new(
        journal: JournalData,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
        name: Option<String>,
    ) -> ReportData {
        let stats = stats(&journal, to, Some(from));
        let series = Series::build(&journal, to);
        let events = journal
            .events
            .iter()
            .filter(|e| e.date >= from && e.date <= to)
            .cloned()
            .collect();
        ReportData {
            from,
            to,
            today,
            name,
            dob: None,
            journal,
            stats,
            series,
            events,
            plan: None,
        }
    }
}
