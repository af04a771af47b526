//! What the Medications and Timeline screens and the rehab view list, loaded through the
//! repo for their windows only; figures come from `analysis` (counters, adherence, PSFS).

use chrono::{Duration, NaiveDate};

use super::journal::TIMELINE_DAYS;
use crate::analysis::data::week_start;
use crate::analysis::meds::{MedCounters, med_counters};
use crate::analysis::rehab::{RehabSummary, rehab_summary};
use crate::analysis::{JournalData, Thresholds};
use crate::domain::parse::format_duration;
use crate::domain::records::{Dose, Event, Exercise, Medication, Programme};
use crate::domain::text;
use crate::repo::{Repo, Result};

/// Days of dose history the Medications screen lists.
pub const DOSE_DAYS: i64 = 30;
/// PSFS asks again when the last rating is older than this (SPEC §4.6: weekly).
pub const PSFS_EVERY_DAYS: i64 = 7;

/// The medications screen: today's doses, the safety counters with their thresholds (today's
/// totals among them), the catalogue, and the doses of the last 30 days by day (newest first).
#[derive(Debug, Clone)]
pub struct MedsData {
    pub doses: Vec<Dose>,
    pub catalogue: Vec<Medication>,
    pub counters: MedCounters,
    pub thresholds: Thresholds,
    pub history: Vec<(NaiveDate, Vec<Dose>)>,
    /// Days whose doses from two synced computers pass a drug's max together (issue 24).
    pub over_max_after_sync: Vec<crate::sync::meds::OverMaxAfterSync>,
}

pub fn load_meds(repo: &Repo, today: NaiveDate) -> Result<MedsData> {
    let catalogue = repo.medications()?;
    // 12 months back is the longest counter window (steroid injections).
    let year = repo.doses_between(today - Duration::days(366), today)?;
    let thresholds = repo.thresholds()?;
    let data = JournalData {
        doses: year,
        medications: catalogue.clone(),
        thresholds: thresholds.clone(),
        ..Default::default()
    };
    let counters = med_counters(&data, today);
    let doses: Vec<Dose> = data
        .doses
        .iter()
        .filter(|d| d.taken_at.date() == today)
        .cloned()
        .collect();
    let from = today - Duration::days(DOSE_DAYS - 1);
    let mut history: Vec<(NaiveDate, Vec<Dose>)> = Vec::new();
    for d in data
        .doses
        .iter()
        .filter(|d| d.taken_at.date() >= from)
        .rev()
    {
        match history.last_mut() {
            Some((day, v)) if *day == d.taken_at.date() => v.push(d.clone()),
            _ => history.push((d.taken_at.date(), vec![d.clone()])),
        }
    }
    Ok(MedsData {
        doses,
        catalogue,
        counters,
        thresholds,
        history,
        over_max_after_sync: crate::sync::meds::for_journal(repo, today)?,
    })
}

/// The rehab view of the Training screen: programmes, the library, adherence.
#[derive(Debug, Clone)]
pub struct RehabData {
    pub programmes: Vec<Programme>,
    pub active: Option<Programme>,
    pub library: Vec<Exercise>,
    pub summary: RehabSummary,
}

pub fn load_rehab(repo: &Repo, today: NaiveDate) -> Result<RehabData> {
    let programmes = repo.programmes()?;
    let sessions = repo.rehab_sessions_between(week_start(today) - Duration::days(28), today)?;
    Ok(RehabData {
        summary: rehab_summary(&programmes, &sessions, today),
        active: repo.active_programmes(today)?.into_iter().next(),
        library: repo.exercises()?,
        programmes,
    })
}

/// "PSFS last rated 9 days ago…" when a rating is due, else None.
pub fn psfs_due(repo: &Repo, today: NaiveDate) -> Result<Option<String>> {
    let items = repo.psfs_items()?;
    let last = items
        .iter()
        .flat_map(|i| i.ratings.iter().map(|r| r.date))
        .max();
    Ok(match last {
        _ if items.is_empty() => Some("PSFS: press p to name and rate activities".into()),
        Some(d) if (today - d).num_days() <= PSFS_EVERY_DAYS => None,
        Some(d) => Some(format!(
            "PSFS last rated {} ago: press p",
            text::plural((today - d).num_days(), "day", "days")
        )),
        None => Some("PSFS not rated yet: press p".into()),
    })
}

/// One line of the merged history: a date, what kind of record, and its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub text: String,
}

/// The timeline: events of the two years before today, and a merged history of the 30 days
/// ending `to` (today, or the day jumped to).
#[derive(Debug, Clone, Default)]
pub struct TimelineData {
    pub events: Vec<Event>,
    /// For each event, its before/after in a few words (bike fits, injections, procedures,
    /// equipment, `other`; see `analysis::before_after`), or None for visits.
    pub changes: Vec<Option<String>>,
    pub to: Option<NaiveDate>,
    pub history: Vec<HistoryLine>,
}

/// The before/after of each listed event: exactly what `stats --since 730d` says of it (the
/// same days loaded, the same events and programme starts judged together), in a few words.
fn event_changes(repo: &Repo, today: NaiveDate, events: &[Event]) -> Result<Vec<Option<String>>> {
    use crate::analysis::before_after::{before_after, compared, short};
    if !events.iter().any(|e| compared(e.kind)) {
        return Ok(vec![None; events.len()]);
    }
    let lead = super::insights::LEAD_DAYS;
    let start = today - Duration::days(TIMELINE_EVENT_DAYS + lead);
    let checkins = repo.checkins_between(start, today)?;
    let pain = crate::analysis::pain::pain_series(&checkins, start, today);
    let data = crate::analysis::JournalData {
        events: repo.events_between(start, today)?,
        programmes: repo.programmes()?,
        ..Default::default()
    };
    let found = before_after(&data, &pain.values, start, lead as usize, today);
    Ok(events
        .iter()
        .map(|e| {
            compared(e.kind)
                .then(|| {
                    found
                        .iter()
                        .find(|c| c.date == e.date && c.title == e.title)
                })
                .flatten()
                .map(short)
        })
        .collect())
}

/// The Timeline lists the events of this many days before today.
pub const TIMELINE_EVENT_DAYS: i64 = 730;

pub fn load_timeline(repo: &Repo, today: NaiveDate, to: NaiveDate) -> Result<TimelineData> {
    // Appointments ahead list first, above the last two years.
    let ahead = today + Duration::days(crate::domain::parse::AHEAD_DAYS);
    let mut events = repo.events_between(today - Duration::days(TIMELINE_EVENT_DAYS), ahead)?;
    events.reverse();
    let from = to - Duration::days(TIMELINE_DAYS - 1);
    let mut h = Vec::new();
    let mut push = |date, kind, text| h.push(HistoryLine { date, kind, text });
    for c in repo.checkins_between(from, to)? {
        let tags = super::journal::tag_text(&c.tags);
        push(c.date, "check-in", format!("pain {}{tags}", c.pain));
    }
    for a in repo.activities_between(from, to)? {
        let mut t = format!("{} {}", a.kind_name(), format_duration(a.elapsed_s));
        if let Some(p) = a.pain_during {
            t.push_str(&format!(", pain during {p}"));
        }
        if a.stopped_for_pain {
            t.push_str(", stopped for pain");
        }
        push(a.date(), "activity", t);
    }
    for r in repo.rehab_sessions_between(from, to)? {
        let p = r.programme.as_deref().unwrap_or("session");
        push(
            r.date,
            "rehab",
            format!(
                "{p} ({})",
                text::plural(r.items.len(), "exercise", "exercises")
            ),
        );
    }
    for d in repo.doses_between(from, to)? {
        let at = d.taken_at.format("%H:%M");
        let t = format!(
            "{} {} at {at}",
            text::amount(d.amount, &d.unit),
            d.medication
        );
        push(d.taken_at.date(), "dose", t);
    }
    for e in repo.events_between(from, to)? {
        push(e.date, "event", format!("{}: {}", e.kind, e.title));
    }
    // Stable: within a day, check-in, activities, rehab, doses, events.
    h.sort_by_key(|l| std::cmp::Reverse(l.date));
    let changes = event_changes(repo, today, &events)?;
    Ok(TimelineData {
        events,
        changes,
        to: Some(to),
        history: h,
    })
}
