//! Loading the journal as the analysis' plain input (`JournalData`), with the user's stored
//! thresholds and criteria.

use chrono::Duration;
use chrono::NaiveDate;

use super::connection::Repo;
use super::error::Result;
use super::util::date_str;
use crate::analysis::criteria::DEFAULT_CRITERIA;
use crate::analysis::load::load_history;
use crate::analysis::{JournalData, Thresholds};

/// How far back before a window the CTL/ATL pass starts: (41/42)^730 ≈ 2e-8.
const EWMA_HORIZON_DAYS: i64 = 730;

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
            scores: self.scores()?,
            score_schedules: self.schedules()?,
            thresholds,
            history: None,
        })
    }

    /// The journal from `from` to `today` for a screen's window, with the training before it
    /// folded into [`crate::analysis::load::LoadHistory`] so CTL/ATL/TSB match a pass over all history. Costs the
    /// window plus two years of daily totals before it (older training weighs under 1e-7 in
    /// CTL, far below the 0.1 shown).
    pub fn journal_window(&mut self, from: NaiveDate, today: NaiveDate) -> Result<JournalData> {
        let mut data = self.journal_data(from, today)?;
        let before = self.daily_tss(from - Duration::days(EWMA_HORIZON_DAYS), from)?;
        data.history = Some(load_history(&before, from));
        Ok(data)
    }

    /// Total TSS per day with training in `[from, until)`, oldest first.
    pub fn daily_tss(&self, from: NaiveDate, until: NaiveDate) -> Result<Vec<(NaiveDate, f64)>> {
        // Days since 1970 as integers: parsing thousands of date strings in Rust cost more than
        // the whole query (this runs on every first frame).
        let mut st = self.conn.prepare_cached(
            "SELECT unixepoch(date) / 86400, total(tss) FROM activities
             WHERE deleted_at IS NULL AND date >= ?1 AND date < ?2 GROUP BY date ORDER BY date",
        )?;
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let rows = st.query_map([date_str(from), date_str(until)], |r| {
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, f64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            if let (Some(days), l) = row? {
                out.push((epoch + chrono::Duration::days(days), l));
            }
        }
        Ok(out)
    }

    /// The user's thresholds (SPEC §4.4), defaults where none is stored.
    pub fn thresholds(&self) -> Result<Thresholds> {
        let mut thresholds = Thresholds::default();
        for key in crate::analysis::data::ThresholdKey::ALL.map(|k| k.as_str()) {
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
             UNION ALL SELECT min(date) FROM doses WHERE deleted_at IS NULL
             UNION ALL SELECT min(date) FROM rehab_sessions WHERE deleted_at IS NULL)",
            [],
            |r| r.get(0),
        )?;
        Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    }
}
