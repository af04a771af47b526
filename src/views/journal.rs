//! What the Today, Pain and Training screens list, loaded through the repo for the screen's
//! visible window only (never all history), so front ends never touch SQL.

use chrono::{Duration, NaiveDate};

use crate::domain::records::{Activity, Checkin, RehabSession};

use crate::repo::{Repo, Result};

/// Days of pain the dashboard sparkline shows.
pub const SPARK_DAYS: i64 = 14;
/// Days the pain log loads at a time; scrolling past the end loads the next batch.
pub const PAIN_BATCH: i64 = 92;
/// Days the training list covers.
pub const TRAINING_DAYS: i64 = 60;
/// Days of merged history on the timeline.
pub const TIMELINE_DAYS: i64 = 30;

/// The dashboard: the last two weeks' check-ins for the bars, the last activity, and every
/// figure it shows from `analysis::stats` over the last 12 months (`views::insights`).
#[derive(Debug, Clone)]
pub struct TodayData {
    /// Check-ins of the `SPARK_DAYS` ending today, oldest first.
    pub recent: Vec<Checkin>,
    pub last_activity: Option<Activity>,
    /// mean7, today's medication totals, load, rehab this week, criteria, associations.
    pub stats: crate::analysis::Stats,
    /// The next event dated after today (an appointment), if any.
    pub next_event: Option<crate::domain::records::Event>,
    /// Days whose doses from two synced computers pass a drug's max together (issue 24).
    pub over_max_after_sync: Vec<crate::sync::meds::OverMaxAfterSync>,
}

/// The next event after `today`: `MRI (imaging), Tue 8 Dec, in 8 days`.
pub fn next_event_text(e: &crate::domain::records::Event, today: NaiveDate) -> String {
    let days = (e.date - today).num_days();
    let when = match days {
        1 => "tomorrow".to_string(),
        n => format!("in {}", crate::domain::text::plural(n, "day", "days")),
    };
    format!(
        "{} ({}), {} {}, {when}",
        e.title,
        e.kind,
        e.date.format("%a"),
        crate::domain::text::date(e.date, today)
    )
}

/// Today's check-in: it decides the red-flag banner on every screen.
pub fn load_today_checkin(repo: &Repo, today: NaiveDate) -> Result<Option<Checkin>> {
    repo.checkin_on(today)
}

/// The pain log: every day from `from` to today, newest first, with its check-in if any.
#[derive(Debug, Clone, Default)]
pub struct PainLog {
    pub from: Option<NaiveDate>,
    pub days: Vec<(NaiveDate, Option<Checkin>)>,
}

pub fn load_pain_log(repo: &Repo, today: NaiveDate, days: i64) -> Result<PainLog> {
    let from = today - Duration::days(days - 1);
    Ok(PainLog {
        from: Some(from),
        days: day_rows(repo, from, today)?,
    })
}

/// The pain heat-map's data: the pain of every day from the first check-in to today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PainMap {
    /// The first day with a check-in; None on a journal without any.
    pub first: Option<NaiveDate>,
    /// Pain by day, index 0 = `first`; None where no check-in was logged.
    pub pain: Vec<Option<u8>>,
}

impl PainMap {
    pub fn get(&self, d: NaiveDate) -> Option<u8> {
        let i = (d - self.first?).num_days();
        usize::try_from(i)
            .ok()
            .and_then(|i| self.pain.get(i).copied().flatten())
    }
}

/// The whole history's pain, one query of two columns (10 years load in a few milliseconds).
pub fn load_pain_map(repo: &Repo, today: NaiveDate) -> Result<PainMap> {
    let rows = repo.daily_pain(today)?;
    let Some(first) = rows.first().map(|(d, _)| *d) else {
        return Ok(PainMap::default());
    };
    let mut pain = vec![None; (today - first).num_days().max(0) as usize + 1];
    for (d, p) in rows {
        if let Some(slot) = pain.get_mut((d - first).num_days() as usize) {
            *slot = Some(p);
        }
    }
    Ok(PainMap {
        first: Some(first),
        pain,
    })
}

/// The newest day before `before` whose check-in's note or tags contain `needle` (lower
/// case), over the whole history.
pub fn find_checkin(repo: &Repo, before: NaiveDate, needle: &str) -> Result<Option<NaiveDate>> {
    repo.find_checkin_words(before, needle)
}

/// Appends older days so the log covers `days` days back from today; only the new range is
/// queried, so scrolling back through years stays as fast as the first screen.
pub fn extend_pain_log(repo: &Repo, log: &mut PainLog, today: NaiveDate, days: i64) -> Result<()> {
    let from = today - Duration::days(days - 1);
    let old_from = log.from.unwrap_or(today + Duration::days(1));
    if from < old_from {
        log.days
            .extend(day_rows(repo, from, old_from - Duration::days(1))?);
        log.from = Some(from);
    }
    Ok(())
}

/// Every day of [from, to], newest first, with its check-in.
fn day_rows(
    repo: &Repo,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, Option<Checkin>)>> {
    let today = to;
    let list = repo.checkins_between(from, today)?;
    let mut by_day = list.into_iter().peekable();
    let mut rows = Vec::with_capacity((to - from).num_days().max(0) as usize + 1);
    let mut d = from;
    while d <= today {
        let c = by_day.next_if(|c| c.date == d);
        rows.push((d, c));
        d += Duration::days(1);
    }
    rows.reverse();
    Ok(rows)
}

/// A row of the training list: an activity or a rehab session.
#[derive(Debug, Clone)]
pub enum TrainingRow {
    Activity(Activity),
    Rehab(RehabSession),
}

impl TrainingRow {
    pub fn date(&self) -> NaiveDate {
        match self {
            TrainingRow::Activity(a) => a.date(),
            TrainingRow::Rehab(r) => r.date,
        }
    }
}

pub fn load_training(repo: &Repo, today: NaiveDate) -> Result<Vec<TrainingRow>> {
    let from = today - Duration::days(TRAINING_DAYS - 1);
    let mut rows: Vec<TrainingRow> = repo
        .activities_between(from, today)?
        .into_iter()
        .map(TrainingRow::Activity)
        .collect();
    rows.extend(
        repo.rehab_sessions_between(from, today)?
            .into_iter()
            .map(TrainingRow::Rehab),
    );
    // Newest first; a rehab session has no time, so it sorts at the start of its day.
    rows.sort_by_key(|r| {
        std::cmp::Reverse(match r {
            TrainingRow::Activity(a) => a.start,
            TrainingRow::Rehab(s) => s.date.and_time(chrono::NaiveTime::MIN),
        })
    });
    Ok(rows)
}

pub fn tag_text(tags: &[String]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        format!("  #{}", tags.join(" #"))
    }
}
