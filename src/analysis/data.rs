//! The analysis input: everything the journal holds as plain records, the user's thresholds, and
//! a day-indexed view of it so that every figure is computed in one pass over the days.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::records::{
    Activity, Checkin, Criterion, Dose, Event, Medication, Programme, PsfsItem, RehabSession,
};

/// The thresholds of SPEC §4.4 and §7 that the user may change (table `settings`). Each field's
/// settings key is its name; [`Thresholds::set`] applies one.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Consecutive NSAID days past which the streak is flagged (OTC label limit for pain).
    pub nsaid_streak_days: u32,
    /// Opioid days in the last 7 days at or past which the counter is flagged.
    pub opioid_days_7: u32,
    /// Opioid days in the last 30 days at or past which the counter is flagged.
    pub opioid_days_30: u32,
    /// Consecutive opioid days at or past which the streak is flagged.
    pub opioid_streak_days: u32,
    /// Steroid injections in 12 months at or past which the counter is flagged.
    pub injections_12m: u32,
    /// Fewest pairs a correlation rests on before it is shown (SPEC §7.3: 14).
    pub min_pairs: usize,
    /// Fewest days in each group of a with/without comparison (SPEC §7.3: 3).
    pub min_group: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            nsaid_streak_days: 10,
            opioid_days_7: 3,
            opioid_days_30: 10,
            opioid_streak_days: 3,
            injections_12m: 3,
            min_pairs: 14,
            min_group: 3,
        }
    }
}

/// A threshold's settings key. `Thresholds::set` matches every one, so a key added here
/// cannot compile until it sets its own field (a catch-all once set `min_group` instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdKey {
    NsaidStreakDays,
    OpioidDays7,
    OpioidDays30,
    OpioidStreakDays,
    Injections12m,
    MinPairs,
    MinGroup,
}

impl ThresholdKey {
    /// In the order the settings screen lists them.
    pub const ALL: [ThresholdKey; 7] = [
        ThresholdKey::NsaidStreakDays,
        ThresholdKey::OpioidDays7,
        ThresholdKey::OpioidDays30,
        ThresholdKey::OpioidStreakDays,
        ThresholdKey::Injections12m,
        ThresholdKey::MinPairs,
        ThresholdKey::MinGroup,
    ];

    /// The key as stored in the `settings` table.
    pub fn as_str(self) -> &'static str {
        match self {
            ThresholdKey::NsaidStreakDays => "nsaid_streak_days",
            ThresholdKey::OpioidDays7 => "opioid_days_7",
            ThresholdKey::OpioidDays30 => "opioid_days_30",
            ThresholdKey::OpioidStreakDays => "opioid_streak_days",
            ThresholdKey::Injections12m => "injections_12m",
            ThresholdKey::MinPairs => "min_pairs",
            ThresholdKey::MinGroup => "min_group",
        }
    }

    pub fn parse(key: &str) -> Option<ThresholdKey> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }
}

impl Thresholds {
    /// Applies one stored setting. Unknown keys are ignored (they belong to other modules);
    /// a known key with a bad value is refused so the user learns about it.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), crate::domain::InputError> {
        let Some(k) = ThresholdKey::parse(key) else {
            return Ok(());
        };
        let v: u32 = value.trim().parse().map_err(|_| {
            crate::domain::InputError::new(
                key,
                format!("'{value}' is not a number; allowed: a whole number of days, e.g. 10"),
            )
        })?;
        match k {
            ThresholdKey::NsaidStreakDays => self.nsaid_streak_days = v,
            ThresholdKey::OpioidDays7 => self.opioid_days_7 = v,
            ThresholdKey::OpioidDays30 => self.opioid_days_30 = v,
            ThresholdKey::OpioidStreakDays => self.opioid_streak_days = v,
            ThresholdKey::Injections12m => self.injections_12m = v,
            ThresholdKey::MinPairs => self.min_pairs = v as usize,
            ThresholdKey::MinGroup => self.min_group = v as usize,
        }
        Ok(())
    }
}

/// Everything the analysis reads. The repo fills it (live records only, any order).
#[derive(Debug, Clone, Default)]
pub struct JournalData {
    pub checkins: Vec<Checkin>,
    pub activities: Vec<Activity>,
    pub doses: Vec<Dose>,
    pub events: Vec<Event>,
    pub rehab_sessions: Vec<RehabSession>,
    pub programmes: Vec<Programme>,
    pub psfs_items: Vec<PsfsItem>,
    pub criteria: Vec<Criterion>,
    /// The catalogue: needed for each medication's max daily total.
    pub medications: Vec<Medication>,
    /// Outcome scores and their schedules (SPEC §14), the whole history.
    pub scores: Vec<crate::domain::scores::Score>,
    pub score_schedules: Vec<crate::domain::scores::Schedule>,
    pub thresholds: Thresholds,
    /// Set when the records hold only a window of the journal: the window's first day and
    /// the training before it (CTL/ATL and the hard-day threshold stay exact). None means the
    /// records are the whole history.
    pub history: Option<super::load::LoadHistory>,
}

/// Values for consecutive days from `start`: index 0 is `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySeries<T> {
    pub start: NaiveDate,
    pub values: Vec<T>,
}

impl<T: Clone> DaySeries<T> {
    pub fn filled(start: NaiveDate, end: NaiveDate, value: T) -> Self {
        let n = (end - start).num_days() + 1;
        DaySeries {
            start,
            values: vec![value; n.max(0) as usize],
        }
    }
}

impl<T> DaySeries<T> {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The last day covered (the day before `start` when empty).
    pub fn end(&self) -> NaiveDate {
        self.start + Duration::days(self.values.len() as i64 - 1)
    }

    pub fn date(&self, i: usize) -> NaiveDate {
        self.start + Duration::days(i as i64)
    }

    /// The index of `d`, or None when outside the series.
    pub fn index(&self, d: NaiveDate) -> Option<usize> {
        let i = (d - self.start).num_days();
        (i >= 0 && (i as usize) < self.values.len()).then_some(i as usize)
    }

    pub fn get(&self, d: NaiveDate) -> Option<&T> {
        self.index(d).map(|i| &self.values[i])
    }
}

/// The journal indexed by day over `[start, end]`: which check-in, activities, doses and events
/// fall on each day. Building it is one pass; every later lookup is O(1), which keeps `stats`
/// over ten years well inside its budget.
#[derive(Debug, Clone)]
pub struct DayIndex {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub checkin: Vec<Option<usize>>,
    pub activities: Vec<Vec<usize>>,
    pub doses: Vec<Vec<usize>>,
    pub events: Vec<Vec<usize>>,
}

impl DayIndex {
    /// Indexes `data` from its first record (or `today`) to `today`. Records after `today` are
    /// left out: figures are "as of today".
    pub fn new(data: &JournalData, today: NaiveDate) -> Self {
        let start = match &data.history {
            Some(h) => h.start,
            None => first_date(data).unwrap_or(today),
        }
        .min(today);
        let n = ((today - start).num_days() + 1) as usize;
        let mut ix = DayIndex {
            start,
            end: today,
            checkin: vec![None; n],
            activities: vec![Vec::new(); n],
            doses: vec![Vec::new(); n],
            events: vec![Vec::new(); n],
        };
        for (i, c) in data.checkins.iter().enumerate() {
            if let Some(d) = ix.pos(c.date) {
                ix.checkin[d] = Some(i);
            }
        }
        for (i, a) in data.activities.iter().enumerate() {
            if let Some(d) = ix.pos(a.date()) {
                ix.activities[d].push(i);
            }
        }
        for (i, x) in data.doses.iter().enumerate() {
            if let Some(d) = ix.pos(x.taken_at.date()) {
                ix.doses[d].push(i);
            }
        }
        for (i, e) in data.events.iter().enumerate() {
            if let Some(d) = ix.pos(e.date) {
                ix.events[d].push(i);
            }
        }
        ix
    }

    pub fn len(&self) -> usize {
        self.checkin.len()
    }

    pub fn is_empty(&self) -> bool {
        self.checkin.is_empty()
    }

    /// The position of `d`, or None outside `[start, end]`.
    pub fn pos(&self, d: NaiveDate) -> Option<usize> {
        let i = (d - self.start).num_days();
        (i >= 0 && (i as usize) < self.checkin.len()).then_some(i as usize)
    }

    pub fn date(&self, i: usize) -> NaiveDate {
        self.start + Duration::days(i as i64)
    }
}

/// The earliest date of any dated record, the day the journal's history starts.
pub fn first_date(data: &JournalData) -> Option<NaiveDate> {
    let c = data.checkins.iter().map(|c| c.date);
    let a = data.activities.iter().map(|a| a.date());
    let d = data.doses.iter().map(|d| d.taken_at.date());
    let e = data.events.iter().map(|e| e.date);
    let r = data.rehab_sessions.iter().map(|r| r.date);
    c.chain(a).chain(d).chain(e).chain(r).min()
}

/// The Monday of the week holding `d`: weeks run Monday to Sunday everywhere in the analysis.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Mean of a slice, None when empty.
pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Rounds to one decimal: the precision every figure is shown with.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn series_dates_and_indexes() {
        let s = DaySeries::filled(d("2024-02-27"), d("2024-03-02"), 0.0);
        assert_eq!(s.len(), 5); // 27, 28, 29 (leap), 1, 2
        assert_eq!(s.end(), d("2024-03-02"));
        assert_eq!(s.index(d("2024-03-01")), Some(3));
        assert_eq!(s.index(d("2024-03-03")), None);
        assert_eq!(s.index(d("2024-02-26")), None);
    }

    #[test]
    fn thresholds_apply_settings() {
        let mut t = Thresholds::default();
        assert_eq!(t.nsaid_streak_days, 10);
        t.set("nsaid_streak_days", "14").unwrap();
        t.set("theme", "dark").unwrap();
        assert_eq!(t.nsaid_streak_days, 14);
        let e = t.set("opioid_days_7", "three").unwrap_err();
        assert_eq!(e.field, "opioid_days_7");
    }

    /// Issue 25: each key sets its own field and no other (a catch-all arm once sent any key
    /// it did not name to `min_group`); a key of another module changes nothing.
    #[test]
    fn each_threshold_key_sets_its_own_field_and_no_other() {
        let d = Thresholds::default();
        let cases = [
            (
                "nsaid_streak_days",
                Thresholds {
                    nsaid_streak_days: 99,
                    ..d.clone()
                },
            ),
            (
                "opioid_days_7",
                Thresholds {
                    opioid_days_7: 99,
                    ..d.clone()
                },
            ),
            (
                "opioid_days_30",
                Thresholds {
                    opioid_days_30: 99,
                    ..d.clone()
                },
            ),
            (
                "opioid_streak_days",
                Thresholds {
                    opioid_streak_days: 99,
                    ..d.clone()
                },
            ),
            (
                "injections_12m",
                Thresholds {
                    injections_12m: 99,
                    ..d.clone()
                },
            ),
            (
                "min_pairs",
                Thresholds {
                    min_pairs: 99,
                    ..d.clone()
                },
            ),
            (
                "min_group",
                Thresholds {
                    min_group: 99,
                    ..d.clone()
                },
            ),
        ];
        let keys: Vec<&str> = ThresholdKey::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            cases.clone().map(|c| c.0),
            "every key, in the settings order"
        );
        for (key, want) in cases {
            let mut t = d.clone();
            t.set(key, "99").unwrap();
            assert_eq!(t, want, "{key}");
        }
        for other in ["min_groups", "psfs_interval_days", "name", ""] {
            let mut t = d.clone();
            t.set(other, "99").unwrap();
            assert_eq!(t, d, "{other:?} sets nothing");
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d("2024-03-10")), d("2024-03-04")); // Sunday → Monday
        assert_eq!(week_start(d("2024-03-04")), d("2024-03-04"));
    }
}
