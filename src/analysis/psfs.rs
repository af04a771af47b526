//! The Patient-Specific Functional Scale (SPEC §4.6): the score is the mean of each activity's
//! latest rating; the change from the previous rating day is meaningful at ≥ 2 points.

use crate::domain::text::plural;
use chrono::NaiveDate;
use serde::Serialize;

use super::data::round1;
use crate::domain::records::PsfsItem;

/// A change of at least this many points is marked meaningful (SPEC §4.6).
pub const MEANINGFUL: f64 = 2.0;

/// JSON keys (SPEC §7.4): score, previous, change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PsfsSummary {
    pub score: Option<f64>,
    pub previous: Option<f64>,
    pub change: Option<f64>,
    #[serde(skip)]
    pub meaningful: bool,
    /// The activities the score rests on.
    #[serde(skip)]
    pub n: usize,
    #[serde(skip)]
    pub sentence: String,
}

/// The score as of `day`: the mean over items of each one's latest rating on or before it.
pub fn score_at(items: &[PsfsItem], day: NaiveDate) -> Option<(f64, usize)> {
    let latest: Vec<f64> = items
        .iter()
        .filter_map(|i| {
            i.ratings
                .iter()
                .filter(|r| r.date <= day)
                .max_by_key(|r| r.date)
                .map(|r| r.score as f64)
        })
        .collect();
    (!latest.is_empty()).then(|| {
        (
            latest.iter().sum::<f64>() / latest.len() as f64,
            latest.len(),
        )
    })
}

/// The score on the latest rating day up to `today`, and the score on the rating day before it.
pub fn psfs_summary(items: &[PsfsItem], today: NaiveDate) -> PsfsSummary {
    let mut days: Vec<NaiveDate> = items
        .iter()
        .flat_map(|i| i.ratings.iter().map(|r| r.date))
        .filter(|d| *d <= today)
        .collect();
    days.sort();
    days.dedup();
    let now = days.last().and_then(|d| score_at(items, *d));
    let before = days
        .len()
        .checked_sub(2)
        .and_then(|k| score_at(items, days[k]))
        .map(|s| s.0);
    let score = now.map(|s| s.0);
    let change = score.zip(before).map(|(a, b)| a - b);
    let meaningful = change.is_some_and(|c| c.abs() >= MEANINGFUL - 1e-9);
    let n = now.map_or(0, |s| s.1);
    let sentence = match (score, before, change) {
        (Some(s), Some(b), Some(c)) => format!(
            "PSFS {:.1} of 10 over {}, {:+.1} from {:.1}{}.",
            s,
            plural(n, "activity", "activities"),
            c,
            b,
            if meaningful {
                " (a meaningful change)"
            } else {
                ""
            }
        ),
        (Some(s), _, _) => format!(
            "PSFS {s:.1} of 10 over {} (first rating).",
            plural(n, "activity", "activities")
        ),
        _ => "PSFS: no ratings yet.".to_string(),
    };
    PsfsSummary {
        score: score.map(round1),
        previous: before.map(round1),
        change: change.map(round1),
        meaningful,
        n,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::PsfsRating;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(name: &str, ratings: &[(&str, u8)]) -> PsfsItem {
        PsfsItem {
            id: 0,
            uuid: String::new(),
            name: name.into(),
            ratings: ratings
                .iter()
                .map(|(day, score)| PsfsRating {
                    date: d(day),
                    score: *score,
                })
                .collect(),
        }
    }

    #[test]
    fn score_previous_and_change() {
        let items = vec![
            item("ride 3 h", &[("2024-01-01", 2), ("2024-02-01", 5)]),
            item(
                "play with the kids",
                &[("2024-01-01", 4), ("2024-02-01", 6)],
            ),
            // Rated only in January: its latest rating (7) still counts in February.
            item("stand 2 h", &[("2024-01-01", 7)]),
        ];
        let s = psfs_summary(&items, d("2024-02-10"));
        // Now (5 + 6 + 7) / 3 = 6.0; before (2 + 4 + 7) / 3 = 4.33; change +1.67.
        assert_eq!(
            (s.score, s.previous, s.change, s.n),
            (Some(6.0), Some(4.3), Some(1.7), 3)
        );
        assert!(!s.meaningful);
        assert_eq!(
            s.sentence,
            "PSFS 6.0 of 10 over 3 activities, +1.7 from 4.3."
        );
        // March 1 rates two activities again; the third keeps its January 7.
        let mut items = items;
        items[2].ratings.push(PsfsRating {
            date: d("2024-03-01"),
            score: 9,
        });
        items[0].ratings.push(PsfsRating {
            date: d("2024-03-01"),
            score: 9,
        });
        let s = psfs_summary(&items, d("2024-03-01"));
        // (9 + 6 + 9) / 3 = 8.0 against 6.0: +2.0, meaningful.
        assert_eq!(
            (s.score, s.previous, s.change),
            (Some(8.0), Some(6.0), Some(2.0))
        );
        assert!(s.meaningful);
        assert_eq!(
            psfs_summary(&[], d("2024-03-01")).sentence,
            "PSFS: no ratings yet."
        );
    }
}
