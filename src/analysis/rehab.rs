//! Rehab adherence (SPEC §4.3): sessions done against the programme's weekly target, per
//! Monday-to-Sunday week, this week and over the last 4 complete weeks.

use crate::domain::text::plural;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::data::week_start;
use crate::domain::records::{Programme, RehabSession};

/// The weekly target in force in the week starting `monday`: the programme active for any part
/// of that week that started last (a new plan replaces the old one). None without a programme.
pub fn week_target(programmes: &[Programme], monday: NaiveDate) -> Option<u32> {
    let sunday = monday + Duration::days(6);
    programmes
        .iter()
        .filter(|p| p.active_from <= sunday && p.active_to.is_none_or(|to| to >= monday))
        .filter(|p| p.target_per_week > 0)
        .max_by_key(|p| p.active_from)
        .map(|p| p.target_per_week)
}

/// Sessions in the week starting `monday`.
pub fn week_sessions(sessions: &[RehabSession], monday: NaiveDate) -> u32 {
    let sunday = monday + Duration::days(6);
    sessions
        .iter()
        .filter(|s| s.date >= monday && s.date <= sunday)
        .count() as u32
}

/// One week's adherence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekAdherence {
    pub week: NaiveDate,
    pub sessions: u32,
    pub target: Option<u32>,
    /// sessions / target; None without a programme that week.
    pub adherence: Option<f64>,
}

/// Adherence for every week from `from`'s week to `to`'s week.
pub fn weekly_adherence(
    programmes: &[Programme],
    sessions: &[RehabSession],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<WeekAdherence> {
    let mut out = Vec::new();
    let mut monday = week_start(from);
    while monday <= to {
        let target = week_target(programmes, monday);
        let done = week_sessions(sessions, monday);
        out.push(WeekAdherence {
            week: monday,
            sessions: done,
            target,
            adherence: target.map(|t| done as f64 / t as f64),
        });
        monday += Duration::days(7);
    }
    out
}

/// JSON keys (SPEC §7.4): week_sessions, week_target, adherence_4w.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RehabSummary {
    pub week_sessions: u32,
    pub week_target: Option<u32>,
    /// Sessions over targets in the 4 complete weeks before this one, counting only weeks with
    /// a programme; this week is left out because it is not over yet.
    pub adherence_4w: Option<f64>,
    #[serde(skip)]
    pub sentence: String,
}

pub fn rehab_summary(
    programmes: &[Programme],
    sessions: &[RehabSession],
    today: NaiveDate,
) -> RehabSummary {
    let this = week_start(today);
    let week_target = week_target(programmes, this);
    let week_sessions = week_sessions(sessions, this);
    let weeks = weekly_adherence(
        programmes,
        sessions,
        this - Duration::days(28),
        this - Duration::days(1),
    );
    let (done, target) = weeks
        .iter()
        .filter_map(|w| w.target.map(|t| (w.sessions, t)))
        .fold((0, 0), |(a, b), (s, t)| (a + s, b + t));
    let adherence_4w =
        (target > 0).then(|| (done as f64 / target as f64 * 1000.0).round() / 1000.0);
    let sentence = match (week_target, adherence_4w) {
        (Some(t), Some(a)) => format!(
            "Rehab this week: {week_sessions} of {}; last 4 weeks: {:.0}% ({done} of {target}).",
            plural(t, "session", "sessions"),
            a * 100.0
        ),
        (Some(t), None) => format!(
            "Rehab this week: {week_sessions} of {}.",
            plural(t, "session", "sessions")
        ),
        (None, _) => format!(
            "Rehab this week: {} (no programme active).",
            plural(week_sessions, "session", "sessions")
        ),
    };
    RehabSummary {
        week_sessions,
        week_target,
        adherence_4w,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn programme(from: &str, to: Option<&str>, target: u32) -> Programme {
        Programme {
            id: 0,
            uuid: String::new(),
            name: "core".into(),
            active_from: d(from),
            active_to: to.map(d),
            target_per_week: target,
            note: None,
            items: vec![],
        }
    }

    fn session(day: &str) -> RehabSession {
        RehabSession {
            id: 0,
            uuid: String::new(),
            date: d(day),
            programme_id: None,
            programme: None,
            minutes: Some(20),
            pain_before: None,
            pain_after: None,
            note: None,
            items: vec![],
        }
    }

    #[test]
    fn adherence_by_week() {
        // Target 3 from Mon Feb 5; a new plan with target 4 from Mon Feb 26.
        let progs = vec![
            programme("2024-02-05", Some("2024-02-25"), 3),
            programme("2024-02-26", None, 4),
        ];
        // Weeks of Feb 5, 12, 19, 26: 3, 1, 2, 4 sessions; this week (Mar 4): 2 so far.
        let days = [
            "2024-02-05",
            "2024-02-07",
            "2024-02-09",
            "2024-02-14",
            "2024-02-20",
            "2024-02-22",
            "2024-02-26",
            "2024-02-27",
            "2024-02-29",
            "2024-03-02",
            "2024-03-04",
            "2024-03-05",
        ];
        let sessions: Vec<_> = days.iter().map(|s| session(s)).collect();
        let w = weekly_adherence(&progs, &sessions, d("2024-02-01"), d("2024-03-05"));
        let got: Vec<_> = w.iter().map(|w| (w.sessions, w.target)).collect();
        assert_eq!(
            got,
            vec![
                (0, None),
                (3, Some(3)),
                (1, Some(3)),
                (2, Some(3)),
                (4, Some(4)),
                (2, Some(4))
            ]
        );
        let s = rehab_summary(&progs, &sessions, d("2024-03-06"));
        // (3 + 1 + 2 + 4) / (3 + 3 + 3 + 4) = 10 / 13 = 76.9%.
        assert_eq!(
            (s.week_sessions, s.week_target, s.adherence_4w),
            (2, Some(4), Some(0.769))
        );
        assert_eq!(
            s.sentence,
            "Rehab this week: 2 of 4 sessions; last 4 weeks: 77% (10 of 13)."
        );
    }

    #[test]
    fn no_programme_means_no_target() {
        let s = rehab_summary(&[], &[session("2024-03-05")], d("2024-03-06"));
        assert_eq!(
            (s.week_sessions, s.week_target, s.adherence_4w),
            (1, None, None)
        );
    }
}
