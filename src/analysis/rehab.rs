//! Rehab adherence (SPEC §4.3): sessions done against the programme's weekly target, per
//! Monday-to-Sunday week, this week and over the last 4 complete weeks. Counted per programme
//! (issue 20): a week's target is its programme's, so only that programme's sessions count
//! toward it; sessions of another programme or of none are counted apart.

use crate::domain::text::plural;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::data::week_start;
use crate::domain::records::{Programme, RehabSession};

/// The programme in force in the week starting `monday`: the one active for any part of that
/// week that started last (a new plan replaces the old one), among those with a target.
pub fn week_programme(programmes: &[Programme], monday: NaiveDate) -> Option<&Programme> {
    let sunday = monday + Duration::days(6);
    programmes
        .iter()
        .filter(|p| p.active_from <= sunday && p.active_to.is_none_or(|to| to >= monday))
        .filter(|p| p.target_per_week > 0)
        .max_by_key(|p| (p.active_from, p.id))
}

/// The weekly target in force in the week starting `monday` (see [`week_programme`]). None
/// without a programme.
pub fn week_target(programmes: &[Programme], monday: NaiveDate) -> Option<u32> {
    week_programme(programmes, monday).map(|p| p.target_per_week)
}

/// Sessions in the week starting `monday`.
pub fn week_sessions(sessions: &[RehabSession], monday: NaiveDate) -> u32 {
    let sunday = monday + Duration::days(6);
    sessions
        .iter()
        .filter(|s| s.date >= monday && s.date <= sunday)
        .count() as u32
}

/// The week's sessions that count toward its target (those of the programme in force; every
/// session when none is) and the others (another programme's, or none).
pub fn week_counted(
    programmes: &[Programme],
    sessions: &[RehabSession],
    monday: NaiveDate,
) -> (u32, u32) {
    let all = week_sessions(sessions, monday);
    let Some(p) = week_programme(programmes, monday) else {
        return (all, 0);
    };
    let sunday = monday + Duration::days(6);
    let own = sessions
        .iter()
        .filter(|s| s.date >= monday && s.date <= sunday && s.programme_id == Some(p.id))
        .count() as u32;
    (own, all - own)
}

/// Sessions done as a whole percentage of the target, rounded: 2 of 3 is 67 %.
pub fn percent(done: u32, target: u32) -> u32 {
    match target {
        0 => 0,
        t => (f64::from(done) * 100.0 / f64::from(t)).round() as u32,
    }
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
        let (done, _) = week_counted(programmes, sessions, monday);
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

/// JSON keys (SPEC §7.4): week_sessions, week_target, adherence_4w; and week_programme (the
/// programme the target is of) and week_other_sessions (sessions of another programme or of
/// none, not counted toward the target).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RehabSummary {
    pub week_sessions: u32,
    pub week_target: Option<u32>,
    pub week_programme: Option<String>,
    pub week_other_sessions: u32,
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
    let week_programme = week_programme(programmes, this).map(|p| p.name.clone());
    let (week_sessions, week_other_sessions) = week_counted(programmes, sessions, this);
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
    let other = match week_other_sessions {
        0 => String::new(),
        n => format!(
            " (and {} apart)",
            plural(n, "other session", "other sessions")
        ),
    };
    let sentence = match (week_target, adherence_4w) {
        (Some(t), Some(a)) => format!(
            "Rehab this week: {week_sessions} of {}{other}; last 4 weeks: {:.0}% ({done} of {target}).",
            plural(t, "session", "sessions"),
            a * 100.0
        ),
        (Some(t), None) => format!(
            "Rehab this week: {week_sessions} of {}{other}.",
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
        week_programme,
        week_other_sessions,
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

    fn programme(id: i64, from: &str, to: Option<&str>, target: u32) -> Programme {
        Programme {
            id,
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
        of(None, day)
    }

    fn of(programme_id: Option<i64>, day: &str) -> RehabSession {
        RehabSession {
            id: 0,
            uuid: String::new(),
            date: d(day),
            programme_id,
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
            programme(1, "2024-02-05", Some("2024-02-25"), 3),
            programme(2, "2024-02-26", None, 4),
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
        let sessions: Vec<_> = days
            .iter()
            .map(|s| of(Some(if *s < "2024-02-26" { 1 } else { 2 }), s))
            .collect();
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

    #[test]
    fn each_programme_counts_its_own_sessions_and_rounds_to_the_nearest_percent() {
        // Physio block 1 (target 2) in force; 8 sessions of another programme and 1 of none.
        let mut physio = programme(1, "2024-03-04", None, 2);
        physio.name = "Physio block 1".into();
        let old = programme(2, "2024-01-01", None, 5);
        let mut sessions = vec![of(Some(1), "2024-03-04")];
        sessions.extend((0..8).map(|_| of(Some(2), "2024-03-05")));
        sessions.push(session("2024-03-06"));
        let s = rehab_summary(&[old, physio], &sessions, d("2024-03-06"));
        assert_eq!(
            (s.week_sessions, s.week_target, s.week_other_sessions),
            (1, Some(2), 9),
            "not 10 of 2"
        );
        assert_eq!(s.week_programme.as_deref(), Some("Physio block 1"));
        assert!(
            s.sentence
                .starts_with("Rehab this week: 1 of 2 sessions (and 9 other sessions apart)"),
            "{}",
            s.sentence
        );
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(8, 2), 400);
    }
}
