//! Leg pain (SPEC §14): its own 0–10 score beside back pain, for the sciatic picture. The
//! figures `stats` reports under `leg`: the latest, the 7-day mean (the same rule as back pain's
//! mean7: at least 4 days with leg pain among the 7) and how many days leg pain was above back
//! pain. The report reads the same struct, so its figures equal `stats`.

use chrono::NaiveDate;
use serde::Serialize;

use super::data::{DaySeries, round1};
use super::pain::latest;

/// JSON keys: latest, mean7, days_logged, days_above_back.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LegStats {
    /// The latest leg pain logged, today or before.
    pub latest: Option<f64>,
    /// The mean of the last 7 days' leg pain (None with fewer than 4 of them logged).
    pub mean7: Option<f64>,
    /// Days with leg pain logged, from `since` (or the first day) to today.
    pub days_logged: u32,
    /// Of those, the days whose leg pain was above the day's back pain.
    pub days_above_back: u32,
}

/// The leg figures as of `today`, counting days from `from`. `pain` and `leg` share a start;
/// `leg_mean7` is `pain::mean7(leg)`.
pub fn leg_stats(
    pain: &DaySeries<Option<f64>>,
    leg: &DaySeries<Option<f64>>,
    leg_mean7: &DaySeries<Option<f64>>,
    today: NaiveDate,
    from: NaiveDate,
) -> LegStats {
    let mut st = LegStats {
        latest: latest(leg, today).map(|(_, l)| l),
        mean7: leg_mean7.get(today).copied().flatten().map(round1),
        ..Default::default()
    };
    for (i, l) in leg.values.iter().enumerate() {
        let date = leg.date(i);
        let Some(l) = l else { continue };
        if date < from || date > today {
            continue;
        }
        st.days_logged += 1;
        if pain
            .values
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|p| *l > p)
        {
            st.days_above_back += 1;
        }
    }
    st
}

/// "Leg pain: latest 4, 7-day mean 3.1; above back pain on 5 of 12 days logged." — None when
/// no leg pain is logged, so a journal without it reads as before.
pub fn leg_sentence(l: &LegStats) -> Option<String> {
    if l.days_logged == 0 && l.latest.is_none() {
        return None;
    }
    let fig = |v: Option<f64>| v.map_or("not enough data".to_string(), |v| format!("{v}"));
    Some(format!(
        "Leg pain: latest {}, 7-day mean {}; above back pain on {} of {} logged.",
        fig(l.latest),
        fig(l.mean7),
        l.days_above_back,
        super::words::days(l.days_logged as usize)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pain::mean7;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn mean7_and_days_above_back_count_only_days_with_leg_pain_from_the_start() {
        let start = d("2024-03-01");
        // Back pain 3 every day; leg pain on days 2..=7: 2, 4, 3, 5, 1, 6.
        let pain = DaySeries {
            start,
            values: vec![Some(3.0); 7],
        };
        let leg = DaySeries {
            start,
            values: vec![
                None,
                Some(2.0),
                Some(4.0),
                Some(3.0),
                Some(5.0),
                Some(1.0),
                Some(6.0),
            ],
        };
        let m7 = mean7(&leg);
        let st = leg_stats(&pain, &leg, &m7, d("2024-03-07"), start);
        // 21 / 6 = 3.5; above 3 on the 4, 5 and 6 days (equal is not above).
        assert_eq!(st.mean7, Some(3.5));
        assert_eq!(st.latest, Some(6.0));
        assert_eq!((st.days_logged, st.days_above_back), (6, 3));
        // From the 5th: 5, 1, 6 → two above.
        let st = leg_stats(&pain, &leg, &m7, d("2024-03-07"), d("2024-03-05"));
        assert_eq!((st.days_logged, st.days_above_back), (3, 2));
        assert_eq!(
            leg_sentence(&st).unwrap(),
            "Leg pain: latest 6, 7-day mean 3.5; above back pain on 2 of 3 days logged."
        );
        // Three days only: no mean.
        let st = leg_stats(&pain, &leg, &m7, d("2024-03-04"), start);
        assert_eq!(st.mean7, None);
    }

    #[test]
    fn no_leg_pain_means_no_sentence() {
        assert_eq!(leg_sentence(&LegStats::default()), None);
    }
}
