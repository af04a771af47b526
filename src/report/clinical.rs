//! Page 1's clinical figures: the current state on the report's last day, the symptoms the
//! check-ins record (leg and below-knee pain, neuro words, worst pain, night pain) and each
//! PSFS activity with its first and latest score. Counts of days, with first and last dates,
//! taken from the loaded journal; nothing here interprets them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::data::round1;
use crate::domain::records::Checkin;
use crate::domain::vocab::{Character, Location};
use crate::views::report::ReportData;

/// Words in a note that mark pain at night (matched as whole words, any case).
pub const NIGHT_WORDS: &[&str] = &["night", "nights", "overnight", "woke", "waking", "wakes"];

/// Days in the period on which something was logged, with the first and the last.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DaySet {
    pub days: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    #[serde(skip)]
    pub dates: Vec<NaiveDate>,
}

impl DaySet {
    fn add(&mut self, d: NaiveDate) {
        if self.dates.last() != Some(&d) {
            self.dates.push(d);
            self.days += 1;
            self.first = self.first.or(Some(d));
            self.last = Some(d);
        }
    }
}

/// Where the patient is on the report's last day.
#[derive(Debug, Clone, Serialize)]
pub struct CurrentState {
    pub date: NaiveDate,
    /// Pain and worst pain logged on that day (None when not logged).
    pub pain: Option<u8>,
    pub worst: Option<u8>,
    /// The latest check-in on or before that day, when it is not that day.
    pub last_checkin: Option<NaiveDate>,
    /// Days into the flare that includes the last day (1 = it started that day).
    pub flare_day: Option<u32>,
    /// `stats`' 14-day slope in points a day.
    pub trend14_slope: Option<f64>,
    pub mean7: Option<f64>,
    pub baseline: Option<f64>,
}

/// What the check-ins of the period record about the symptoms.
#[derive(Debug, Clone, Serialize)]
pub struct Symptoms {
    pub checkins: u32,
    /// Thigh or below-knee pain, either side.
    pub leg_days: DaySet,
    pub below_knee_days: DaySet,
    /// Numbness, tingling or weakness.
    pub neuro_days: DaySet,
    /// Days with each neuro word, in the vocabulary's order.
    pub neuro_words: Vec<(String, u32)>,
    /// The highest worst pain (or pain, when worst was not logged) and its first day.
    pub worst_pain: Option<u8>,
    pub worst_pain_date: Option<NaiveDate>,
    pub days_pain_7: u32,
    pub days_worst_7: u32,
    /// Check-ins whose note names the night (see [`NIGHT_WORDS`]) or tagged with "night".
    pub night_days: DaySet,
}

/// One PSFS activity: its first rating in the period and its latest up to the period's end.
#[derive(Debug, Clone, Serialize)]
pub struct PsfsActivity {
    pub name: String,
    pub first: Option<(NaiveDate, u8)>,
    pub latest: Option<(NaiveDate, u8)>,
}

fn in_period(r: &ReportData) -> impl Iterator<Item = &Checkin> {
    let mut v: Vec<&Checkin> = r
        .journal
        .checkins
        .iter()
        .filter(|c| c.date >= r.from && c.date <= r.to)
        .collect();
    v.sort_by_key(|c| c.date);
    v.into_iter()
}

pub fn current_state(r: &ReportData) -> CurrentState {
    let today = r.journal.checkins.iter().find(|c| c.date == r.to);
    let last = r
        .journal
        .checkins
        .iter()
        .filter(|c| c.date <= r.to)
        .map(|c| c.date)
        .max();
    let flare = r
        .stats
        .flares
        .iter()
        .find(|f| f.start <= r.to && f.end >= r.to);
    let p = &r.stats.pain;
    CurrentState {
        date: r.to,
        pain: today.map(|c| c.pain),
        worst: today.and_then(|c| c.worst_pain),
        last_checkin: last.filter(|d| *d != r.to),
        flare_day: flare.map(|f| ((r.to - f.start).num_days() + 1) as u32),
        trend14_slope: p.trend14_slope,
        mean7: p.mean7,
        baseline: p.baseline,
    }
}

/// Whether `note` names the night as a whole word.
pub fn mentions_night(note: &str) -> bool {
    note.split(|c: char| !c.is_alphanumeric())
        .any(|w| NIGHT_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

pub fn symptoms(r: &ReportData) -> Symptoms {
    use Character::{Numbness, Tingling, Weakness};
    use Location::{BelowKneeLeft, BelowKneeRight, ThighLeft, ThighRight};
    let neuro = [Numbness, Tingling, Weakness];
    let mut s = Symptoms {
        checkins: 0,
        leg_days: DaySet::default(),
        below_knee_days: DaySet::default(),
        neuro_days: DaySet::default(),
        neuro_words: neuro.iter().map(|c| (c.as_str().to_string(), 0)).collect(),
        worst_pain: None,
        worst_pain_date: None,
        days_pain_7: 0,
        days_worst_7: 0,
        night_days: DaySet::default(),
    };
    for c in in_period(r) {
        s.checkins += 1;
        let has = |l: &[Location]| c.locations.iter().any(|x| l.contains(x));
        if has(&[ThighLeft, ThighRight, BelowKneeLeft, BelowKneeRight]) {
            s.leg_days.add(c.date);
        }
        if has(&[BelowKneeLeft, BelowKneeRight]) {
            s.below_knee_days.add(c.date);
        }
        for (i, w) in neuro.iter().enumerate() {
            if c.character.contains(w) {
                s.neuro_words[i].1 += 1;
            }
        }
        if c.character.iter().any(|x| neuro.contains(x)) {
            s.neuro_days.add(c.date);
        }
        let worst = c.worst_pain.unwrap_or(c.pain).max(c.pain);
        if s.worst_pain.is_none_or(|w| worst > w) {
            s.worst_pain = Some(worst);
            s.worst_pain_date = Some(c.date);
        }
        s.days_pain_7 += u32::from(c.pain >= 7);
        s.days_worst_7 += u32::from(worst >= 7);
        let tagged = c.tags.iter().any(|t| t.split('-').any(|w| w == "night"));
        if tagged || c.note.as_deref().is_some_and(mentions_night) {
            s.night_days.add(c.date);
        }
    }
    s
}

pub fn psfs_activities(r: &ReportData) -> Vec<PsfsActivity> {
    r.journal
        .psfs_items
        .iter()
        .map(|i| {
            let mut rs: Vec<_> = i.ratings.iter().filter(|x| x.date <= r.to).collect();
            rs.sort_by_key(|x| x.date);
            PsfsActivity {
                name: i.name.clone(),
                first: rs
                    .iter()
                    .find(|x| x.date >= r.from)
                    .map(|x| (x.date, x.score)),
                latest: rs.last().map(|x| (x.date, x.score)),
            }
        })
        .filter(|a| a.latest.is_some())
        .collect()
}

/// Rides of the period in one band of pain during the ride.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RideBand {
    /// "0–3", "4–6", "7–10" or "not logged".
    pub pain_during: String,
    pub rides: u32,
    pub stopped_for_pain: u32,
}

/// The period's rides grouped by the pain logged during them, and the mean pain before,
/// during and after over the rides with all three logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RidePain {
    pub bands: Vec<RideBand>,
    pub rides_with_all_three: u32,
    pub mean_before: Option<f64>,
    pub mean_during: Option<f64>,
    pub mean_after: Option<f64>,
}

pub fn ride_pain(r: &ReportData) -> RidePain {
    use crate::domain::vocab::ActivityKind::{IndoorRide, Ride, VirtualRide};
    let names = ["0–3", "4–6", "7–10", "not logged"];
    let mut bands: Vec<RideBand> = names
        .iter()
        .map(|n| RideBand {
            pain_during: n.to_string(),
            rides: 0,
            stopped_for_pain: 0,
        })
        .collect();
    let mut three: Vec<[f64; 3]> = Vec::new();
    for a in r.journal.activities.iter().filter(|a| {
        matches!(a.kind, Ride | IndoorRide | VirtualRide) && a.date() >= r.from && a.date() <= r.to
    }) {
        let i = match a.pain_during {
            Some(0..=3) => 0,
            Some(4..=6) => 1,
            Some(_) => 2,
            None => 3,
        };
        bands[i].rides += 1;
        bands[i].stopped_for_pain += u32::from(a.stopped_for_pain);
        if let (Some(b), Some(d), Some(f)) = (a.pain_before, a.pain_during, a.pain_after) {
            three.push([b as f64, d as f64, f as f64]);
        }
    }
    let n = three.len();
    let m = |k: usize| (n > 0).then(|| round1(three.iter().map(|x| x[k]).sum::<f64>() / n as f64));
    RidePain {
        bands,
        rides_with_all_three: n as u32,
        mean_before: m(0),
        mean_during: m(1),
        mean_after: m(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn night_is_a_whole_word() {
        assert!(mentions_night("woke up at 4 with it"));
        assert!(mentions_night("Bad NIGHT."));
        assert!(!mentions_night("knightly duties"));
        assert!(!mentions_night("awoken"));
    }

    #[test]
    fn a_day_counts_once() {
        let mut s = DaySet::default();
        let d: NaiveDate = "2026-01-02".parse().unwrap();
        s.add(d);
        s.add(d);
        s.add(d.succ_opt().unwrap());
        assert_eq!(s.days, 2);
        assert_eq!(s.first, Some(d));
        assert_eq!(s.last, d.succ_opt());
    }
}
