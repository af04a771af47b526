//! Loading the journal as the analysis' plain input (`JournalData`), with the user's stored
//! thresholds and criteria.

use chrono::NaiveDate;

use super::connection::Repo;
use super::error::Result;
use crate::analysis::criteria::DEFAULT_CRITERIA;
use crate::analysis::{JournalData, Thresholds};

impl Repo {
    /// Everything from `from` to `today` (pass the first day you need: CTL and the baseline
    /// want history before the window they report).
    pub fn journal_data(&mut self, from: NaiveDate, today: NaiveDate) -> Result<JournalData> {
        let thresholds = self.thresholds()?;
        Ok(JournalData {
            checkins: self.checkins_between(from, today)?,
            activities: self.activities_between(from, today)?,
            doses: self.doses_between(from, today)?,
            events: self.events_between(from, today)?,
            rehab_sessions: self.rehab_sessions_between(from, today)?,
            programmes: self.programmes()?,
            psfs_items: self.psfs_items()?,
            criteria: self.criteria(DEFAULT_CRITERIA)?,
            medications: self.medications()?,
            thresholds,
        })
    }

    /// The user's thresholds (SPEC §4.4), defaults where none is stored.
    pub fn thresholds(&self) -> Result<Thresholds> {
        let mut thresholds = Thresholds::default();
        for key in Thresholds::KEYS {
            if let Some(v) = self.plain(key)? {
                thresholds.set(key, &v)?;
            }
        }
        Ok(thresholds)
    }

    /// The first day with any record, if any: where whole-history figures start.
    pub fn first_day(&self) -> Result<Option<NaiveDate>> {
        let s: Option<String> = self.conn.query_row(
            "SELECT min(d) FROM (SELECT min(date) d FROM checkins WHERE deleted_at IS NULL
             UNION ALL SELECT min(date) FROM activities WHERE deleted_at IS NULL
             UNION ALL SELECT min(date) FROM doses WHERE deleted_at IS NULL)",
            [],
            |r| r.get(0),
        )?;
        Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    }
}
