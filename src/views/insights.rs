//! The insight data the Trends screen and the dashboard show: the chosen range, the journal
//! window behind it, its day series and the `analysis::stats` figures over it, and the figures
//! of `stats --since` that the report shows too. Loaded through the repo; front ends only read it.
//!
//! Screens load their window, not all history (SPEC §9): the window starts 180 days before the
//! first day shown (the baseline and the events' before/after need them) and the training before it comes in as one
//! aggregate, so CTL/ATL/TSB equal a pass over all history. The associations and flares are
//! those of `backtrack stats --since FIRST_SHOWN_DAY`.

use chrono::{Duration, NaiveDate};

use super::journal::{SPARK_DAYS, TodayData};
use crate::analysis::data::DayIndex;
use crate::analysis::series::{Series, window};
use crate::analysis::{JournalData, Stats, stats};
use crate::domain::records::Checkin;
use crate::domain::scores::Instrument;
use crate::repo::{Repo, Result};

/// Days before the first shown day that a window loads: the 28-day baseline needs 28, and the
/// before/after of an event on the window's first day compares it with the days up to 120
/// before it, each with its own 8 weeks before (`analysis::before_after`): 180 in all, so a
/// window's figures are those of the whole history.
pub const LEAD_DAYS: i64 = 180;
/// The dashboard's associations and criteria look back this far (`stats --since 365d`).
pub const DASHBOARD_DAYS: i64 = 365;

/// Events named in the sentence under the charts (the Timeline lists them all).
pub const EVENTS_LISTED: usize = 6;

/// The Trends screen's time range, switched with `[` and `]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Range {
    Weeks4,
    #[default]
    Weeks12,
    Year,
    All,
}

impl Range {
    pub const ALL: [Range; 4] = [Range::Weeks4, Range::Weeks12, Range::Year, Range::All];

    pub fn label(self) -> &'static str {
        match self {
            Range::Weeks4 => "4 weeks",
            Range::Weeks12 => "12 weeks",
            Range::Year => "1 year",
            Range::All => "all",
        }
    }

    /// `4w`, `12w`, `1y` or `all`, as `show trends --range` takes them.
    pub fn parse(text: &str) -> Option<Range> {
        match text.trim() {
            "4w" => Some(Range::Weeks4),
            "12w" => Some(Range::Weeks12),
            "1y" => Some(Range::Year),
            "all" => Some(Range::All),
            _ => None,
        }
    }

    /// The header's words: "Last 12 weeks", "All history".
    pub fn title(self) -> String {
        match self {
            Range::All => "All history".to_string(),
            r => format!("Last {}", r.label()),
        }
    }

    /// Days shown, or None for the whole journal.
    pub fn days(self) -> Option<i64> {
        match self {
            Range::Weeks4 => Some(28),
            Range::Weeks12 => Some(84),
            Range::Year => Some(365),
            Range::All => None,
        }
    }

    /// The range `step` places away, stopping at either end.
    pub fn step(self, step: i32) -> Range {
        let i = Range::ALL.iter().position(|r| *r == self).unwrap_or(1) as i32;
        Range::ALL[(i + step).clamp(0, Range::ALL.len() as i32 - 1) as usize]
    }
}

/// Everything the Trends screen draws.
#[derive(Debug, Clone)]
pub struct TrendsData {
    pub range: Range,
    /// First and last day shown (the last is today).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day series from `from` to `to`, one shared axis.
    pub series: Series,
    /// Events in the range, oldest first, with their titles for the markers' legend.
    pub events: Vec<(NaiveDate, String)>,
    pub stats: Stats,
    /// Each instrument with a score in the range, in `Instrument::ALL` order, with its scores
    /// (date, value) oldest first: Trends draws a line per instrument.
    pub scores: Vec<(Instrument, Vec<(NaiveDate, f64)>)>,
}

impl TrendsData {
    pub fn days(&self) -> usize {
        ((self.to - self.from).num_days() + 1).max(1) as usize
    }

    /// Every sentence below the charts, in reading order: associations, flares, PSFS.
    pub fn sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.events.is_empty() {
            out.push("No events in this range.".to_string());
        } else {
            let n = self.events.len();
            let list: Vec<String> = self.events[n.saturating_sub(EVENTS_LISTED)..]
                .iter()
                .map(|(d, title)| format!("{} {title}", d.format("%-d %b %Y")))
                .collect();
            let head = if n > EVENTS_LISTED {
                format!("Events (▲): {n} in range; the latest {EVENTS_LISTED}")
            } else {
                "Events (▲)".to_string()
            };
            out.push(format!("{head}: {}.", list.join(" · ")));
        }
        out.extend(crate::analysis::stats::sentences(&self.stats));
        if self.stats.flares.is_empty() {
            out.push("No flares in this range.".to_string());
        }
        out.extend(
            self.stats
                .flares
                .iter()
                .map(|f| crate::analysis::flares::flare_sentence(f, self.stats.today)),
        );
        out.push(self.stats.psfs.sentence.clone());
        out
    }
}

/// The whole journal up to `today`: CTL and the baseline need all of it.
pub fn load_history(repo: &mut Repo, today: NaiveDate) -> Result<JournalData> {
    load_window(repo, today, None)
}

/// What figures over `[since, today]` need: from [`LEAD_DAYS`] before `since` (the baseline),
/// never before the journal's first day, with older training folded into the load history
/// (None: the whole journal). Trends, the dashboard and `stats --since` all load through
/// here, so on a sparse or young journal they count the same days: a window reaching back
/// before day one would add days of "no training" that the whole history does not have.
pub fn load_window(
    repo: &mut Repo,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Result<JournalData> {
    let first = repo.first_day()?.unwrap_or(today).min(today);
    match since {
        Some(since) if since - Duration::days(LEAD_DAYS) > first => {
            repo.journal_window(since - Duration::days(LEAD_DAYS), today)
        }
        _ => repo.journal_data(first, today),
    }
}

/// The journal and the figures of `backtrack stats --since SINCE` (None: all history).
#[derive(Debug, Clone)]
pub struct StatsView {
    pub data: JournalData,
    pub stats: Stats,
}

/// Loads what `stats --since` prints: every figure over the whole history with the window
/// starting `since`. The clinician report takes its figures from here, so they equal
/// `stats --since` for the same range. (Trends loads a shorter window for speed; a test
/// holds its figures to these.)
pub fn load_stats(
    repo: &mut Repo,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Result<StatsView> {
    let data = load_window(repo, today, since)?;
    let stats = stats(&data, today, since);
    Ok(StatsView { data, stats })
}

/// Loads the range ending `today`.
pub fn load_trends(repo: &mut Repo, today: NaiveDate, range: Range) -> Result<TrendsData> {
    // A range longer than the journal starts at its first day, as `stats --since` does.
    let first = repo.first_day()?.unwrap_or(today).min(today);
    let from = match range.days() {
        Some(n) => (today - Duration::days(n - 1)).max(first),
        None => first,
    };
    let data = load_window(repo, today, Some(from))?;
    let ix = DayIndex::new(&data, today);
    let all = Series::new(&data, &ix);
    let series = Series {
        pain: window(&all.pain, from),
        mean7: window(&all.mean7, from),
        baseline: window(&all.baseline, from),
        load: window(&all.load, from),
        fitness: window(&all.fitness, from),
        sleep: window(&all.sleep, from),
        leg: window(&all.leg, from),
        doses: window(&all.doses, from),
        events: all.events.into_iter().filter(|d| *d >= from).collect(),
    };
    let mut events: Vec<(NaiveDate, String)> = data
        .events
        .iter()
        .filter(|e| e.date >= from && e.date <= today)
        .map(|e| (e.date, e.title.clone()))
        .collect();
    events.sort();
    let scores = Instrument::ALL
        .into_iter()
        .filter_map(|i| {
            let mut pts: Vec<(NaiveDate, f64)> = data
                .scores
                .iter()
                .filter(|s| s.instrument == i && s.date >= from && s.date <= today)
                .map(|s| (s.date, s.value))
                .collect();
            pts.sort_by_key(|p| p.0);
            (!pts.is_empty()).then_some((i, pts))
        })
        .collect();
    Ok(TrendsData {
        range,
        from,
        to: today,
        series,
        events,
        stats: stats(&data, today, Some(from)),
        scores,
    })
}

/// The dashboard from one window: its check-ins give the bars, and `stats` over the last
/// [`DASHBOARD_DAYS`] every figure (the same as `stats --since 365d`).
pub fn load_dashboard(repo: &mut Repo, today: NaiveDate) -> Result<TodayData> {
    let since = today - Duration::days(DASHBOARD_DAYS);
    let data = load_window(repo, today, Some(since))?;
    let bars_from = today - Duration::days(SPARK_DAYS - 1);
    let mut recent: Vec<Checkin> = data
        .checkins
        .iter()
        .filter(|c| c.date >= bars_from && c.date <= today)
        .cloned()
        .collect();
    recent.sort_by_key(|c| c.date);
    Ok(TodayData {
        recent,
        last_activity: repo.last_activity()?,
        stats: stats(&data, today, Some(since)),
        next_event: repo
            .events_between(
                today + Duration::days(1),
                today + Duration::days(crate::domain::parse::AHEAD_DAYS),
            )?
            .into_iter()
            .next(),
        over_max_after_sync: crate::sync::meds::for_journal(repo, today)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoSpec, generate};

    fn demo(years: u32, today: NaiveDate) -> Repo {
        let mut repo = Repo::open_in_memory().unwrap();
        let batch = generate(DemoSpec {
            years,
            seed: 3,
            end: today,
        });
        repo.insert_batch(&batch).unwrap();
        repo
    }

    fn whole(repo: &mut Repo, today: NaiveDate, since: NaiveDate) -> serde_json::Value {
        serde_json::to_value(load_stats(repo, today, Some(since)).unwrap().stats).unwrap()
    }

    #[test]
    fn the_dashboard_window_gives_the_figures_of_stats_since_365d() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut repo = demo(3, today);
        // The very date `stats --since 365d` reads.
        let since = crate::domain::parse::parse_date("since", "365d", today).unwrap();
        let win = serde_json::to_value(load_dashboard(&mut repo, today).unwrap().stats).unwrap();
        assert_eq!(win, whole(&mut repo, today, since));
        // There is something to agree on: training, criteria and associations.
        assert!(
            win["load"]["ctl"].as_f64().unwrap() > 10.0,
            "{}",
            win["load"]
        );
        assert_eq!(win["criteria"].as_array().unwrap().len(), 3);
        assert!(win["load_pain"][1]["n"].as_u64().unwrap() > 300);
    }

    #[test]
    fn a_window_judges_events_as_the_whole_history_does() {
        // The report reads the whole history, `stats --since 12w` a window with its lead:
        // each event's before/after and its chance words are the same in both.
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut repo = demo(3, today);
        let since = today - Duration::days(84);
        let all = repo
            .journal_data(today - Duration::days(3 * 365), today)
            .unwrap();
        let full = crate::analysis::stats(&all, today, Some(since));
        let win = load_stats(&mut repo, today, Some(since)).unwrap().stats;
        assert!(
            !full.events.is_empty(),
            "the demo has events in its last 12 weeks"
        );
        assert!(full.events.iter().any(|e| e.verdict.p.is_some()));
        assert_eq!(
            serde_json::to_value(&win.events).unwrap(),
            serde_json::to_value(&full.events).unwrap()
        );
    }

    #[test]
    fn the_timeline_says_of_each_event_what_stats_since_730d_says() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut repo = demo(3, today);
        let since = today - Duration::days(super::super::logs::TIMELINE_EVENT_DAYS);
        let st = load_stats(&mut repo, today, Some(since)).unwrap().stats;
        let t = super::super::logs::load_timeline(&repo, today, today).unwrap();
        let mut compared = 0;
        for (e, change) in t.events.iter().zip(&t.changes) {
            let Some(change) = change else { continue };
            let s = st
                .events
                .iter()
                .find(|x| x.date == e.date && x.title == e.title)
                .expect("stats judges every event the Timeline does");
            assert_eq!(change, &crate::analysis::before_after::short(s));
            compared += 1;
        }
        assert!(compared > 3, "{compared} events compared");
    }

    #[test]
    fn every_trends_range_agrees_with_stats_over_the_same_days() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut repo = demo(3, today);
        for range in Range::ALL {
            let t = load_trends(&mut repo, today, range).unwrap();
            let full = whole(&mut repo, today, t.from);
            let got = serde_json::to_value(&t.stats).unwrap();
            // Criteria are not on this screen (their hard-day threshold is the window's).
            for key in [
                "pain",
                "flares",
                "load",
                "load_pain",
                "hard_vs_rest",
                "tags",
                "psfs",
            ] {
                assert_eq!(got[key], full[key], "{key} over {}", range.label());
            }
            assert_eq!(t.days(), t.series.pain.len(), "{}", range.label());
            assert_eq!(t.series.load.start, t.from);
        }
        let all = load_trends(&mut repo, today, Range::All).unwrap();
        assert_eq!(Some(all.from), repo.first_day().unwrap());
    }

    #[test]
    fn a_young_sparse_journal_counts_the_same_days_in_trends_and_stats() {
        use crate::domain::records::Activity;
        use crate::domain::vocab::ActivityKind;
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut repo = Repo::open_in_memory().unwrap();
        for (i, pain) in [(0, 4), (1, 5), (2, 3)] {
            let date = today - Duration::days(i);
            repo.save_checkin(&Checkin {
                date,
                pain,
                ..Default::default()
            })
            .unwrap();
        }
        for i in [1i64, 2] {
            let start = (today - Duration::days(i)).and_hms_opt(8, 0, 0).unwrap();
            let mut a = Activity::new(ActivityKind::Ride, start, 3600);
            a.rpe = Some(6);
            crate::ops::activity::with_load(&repo, &mut a).unwrap();
            repo.add_activity(&a).unwrap();
        }
        let first = repo.first_day().unwrap();
        let cli = load_stats(&mut repo, today, first).unwrap().stats;
        let cli = crate::analysis::stats::sentences(&cli);
        // "the next day": 2 pairs (the day before the first has no training logged, not 0).
        assert!(
            cli.iter()
                .any(|s| s.contains("the next day: not enough data (2 days")),
            "{cli:?}"
        );
        for range in Range::ALL {
            let t = load_trends(&mut repo, today, range).unwrap();
            assert_eq!(Some(t.from), first, "{}", range.label());
            assert_eq!(
                crate::analysis::stats::sentences(&t.stats),
                cli,
                "{}",
                range.label()
            );
        }
    }

    #[test]
    fn an_empty_journal_loads_every_range() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut repo = Repo::open_in_memory().unwrap();
        for range in Range::ALL {
            let t = load_trends(&mut repo, today, range).unwrap();
            assert!(t.events.is_empty() && t.stats.flares.is_empty());
            assert_eq!(t.sentences()[0], "No events in this range.");
        }
    }

    #[test]
    fn ranges_step_and_stop_at_the_ends() {
        assert_eq!(Range::default(), Range::Weeks12);
        assert_eq!(Range::Weeks12.step(1), Range::Year);
        assert_eq!(Range::Year.step(1), Range::All);
        assert_eq!(Range::All.step(1), Range::All);
        assert_eq!(Range::Weeks4.step(-1), Range::Weeks4);
        assert_eq!(Range::Weeks12.step(-1), Range::Weeks4);
        assert_eq!(Range::Year.days(), Some(365));
        assert_eq!(Range::All.days(), None);
    }
}
