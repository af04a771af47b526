//! The day series every view draws from (pain, mean7, baseline, load, CTL/ATL/TSB, sleep, doses
//! per day), built once over the whole history so charts, `stats` and the TUI agree.

use chrono::NaiveDate;

use super::data::{DayIndex, DaySeries, JournalData};
use super::load::{Fitness, daily_load, fitness_from};
use super::pain::{baseline, mean7, pain_series};

/// All day series from the journal's first day to `today`, on one shared axis (same `start`).
#[derive(Debug, Clone)]
pub struct Series {
    pub pain: DaySeries<Option<f64>>,
    pub mean7: DaySeries<Option<f64>>,
    pub baseline: DaySeries<Option<f64>>,
    pub load: DaySeries<f64>,
    /// Starts at 0 on the first day; before the first activity the load is 0, so CTL and ATL
    /// stay 0 until then, exactly as if they started on the first day with training.
    pub fitness: DaySeries<Fitness>,
    pub sleep: DaySeries<Option<f64>>,
    /// Leg pain (SPEC §14) on the days it was logged.
    pub leg: DaySeries<Option<f64>>,
    pub doses: DaySeries<u32>,
    /// Dates of events, for chart markers.
    pub events: Vec<NaiveDate>,
}

impl Series {
    pub fn new(data: &JournalData, ix: &DayIndex) -> Self {
        let pain = pain_series(&data.checkins, ix.start, ix.end);
        let m7 = mean7(&pain);
        let base = baseline(&pain);
        let load = daily_load(&data.activities, ix.start, ix.end);
        let fit = fitness_from(&load, data.history.as_ref());
        let mut sleep = DaySeries::filled(ix.start, ix.end, None);
        let mut leg = DaySeries::filled(ix.start, ix.end, None);
        for (i, c) in ix.checkin.iter().enumerate() {
            sleep.values[i] = c.and_then(|c| data.checkins[c].sleep_hours);
            leg.values[i] = c.and_then(|c| data.checkins[c].leg_pain.map(f64::from));
        }
        let doses = DaySeries {
            start: ix.start,
            values: ix.doses.iter().map(|d| d.len() as u32).collect(),
        };
        let mut events: Vec<NaiveDate> = data
            .events
            .iter()
            .map(|e| e.date)
            .filter(|d| *d >= ix.start && *d <= ix.end)
            .collect();
        events.sort();
        Series {
            pain,
            mean7: m7,
            baseline: base,
            load,
            fitness: fit,
            sleep,
            leg,
            doses,
            events,
        }
    }

    /// Convenience: index the journal as of `today` and build the series.
    pub fn build(data: &JournalData, today: NaiveDate) -> Self {
        Series::new(data, &DayIndex::new(data, today))
    }
}

/// The part of a series from `from` on (the whole series when `from` is earlier).
pub fn window<T: Clone>(s: &DaySeries<T>, from: NaiveDate) -> DaySeries<T> {
    let i = s
        .index(from)
        .unwrap_or(if from < s.start { 0 } else { s.len() });
    DaySeries {
        start: s.start.max(from),
        values: s.values[i..].to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{Activity, Checkin};
    use crate::domain::vocab::ActivityKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn shared_axis_from_first_record() {
        let mut data = JournalData::default();
        data.checkins.push(Checkin {
            date: d("2024-01-02"),
            pain: 3,
            sleep_hours: Some(7.5),
            ..Default::default()
        });
        let mut a = Activity::new(
            ActivityKind::Ride,
            d("2024-01-01").and_hms_opt(9, 0, 0).unwrap(),
            3600,
        );
        a.tss = Some(42.0);
        data.activities.push(a);
        let s = Series::build(&data, d("2024-01-03"));
        assert_eq!((s.pain.start, s.pain.len()), (d("2024-01-01"), 3));
        assert_eq!(s.pain.values, vec![None, Some(3.0), None]);
        assert_eq!(s.sleep.values, vec![None, Some(7.5), None]);
        assert_eq!(s.load.values, vec![42.0, 0.0, 0.0]);
        assert_eq!(s.fitness.values[0].ctl, 1.0); // 42 / 42
        let w = window(&s.load, d("2024-01-02"));
        assert_eq!(
            (w.start, w.values.clone()),
            (d("2024-01-02"), vec![0.0, 0.0])
        );
        assert_eq!(window(&s.load, d("2023-12-01")).len(), 3);
        assert!(window(&s.load, d("2024-02-01")).is_empty());
    }
}
