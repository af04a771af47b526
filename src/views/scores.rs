//! The app's Scores view (SPEC §14): every outcome score newest first with its change from the
//! one before of the same instrument (called meaningful only where the instrument has a cited
//! minimal important change), and the per-instrument summaries with what is due — the same
//! `analysis::scores` summaries `score list` and `stats` print.

use chrono::NaiveDate;

use crate::analysis::scores::{ScoreSummary, meaningful, score_summaries};
use crate::domain::scores::{Instrument, Score};
use crate::repo::{Repo, Result};

/// One score as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub score: Score,
    /// value − the previous score of the same instrument; None for its first.
    pub change: Option<f64>,
    /// Whether that change reaches the instrument's minimal important change; None when the
    /// instrument has none cited or there is no change to judge.
    pub meaningful: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoresView {
    /// Newest first (by date, then the order entered).
    pub rows: Vec<ScoreRow>,
    pub summaries: Vec<ScoreSummary>,
    /// The instruments due by the user's schedule (today or past), in `Instrument::ALL` order.
    pub due: Vec<Instrument>,
}

/// The rows of `scores` (any order), newest first, each with its change from the one before.
pub fn score_rows(scores: &[Score]) -> Vec<ScoreRow> {
    let mut sorted: Vec<&Score> = scores.iter().collect();
    sorted.sort_by_key(|s| (s.date, s.id));
    let mut rows: Vec<ScoreRow> = sorted
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let prev = sorted[..i]
                .iter()
                .rev()
                .find(|p| p.instrument == s.instrument);
            let change = prev.map(|p| ((s.value - p.value) * 10.0).round() / 10.0 + 0.0);
            let mic = s.instrument.mic();
            ScoreRow {
                score: (*s).clone(),
                change,
                meaningful: change.zip(mic).map(|(c, m)| meaningful(c, m)),
            }
        })
        .collect();
    rows.reverse();
    rows
}

pub fn load_scores(repo: &Repo, today: NaiveDate) -> Result<ScoresView> {
    let all = repo.scores()?;
    let summaries = score_summaries(&all, &repo.schedules()?, today, None);
    Ok(ScoresView {
        rows: score_rows(&all),
        due: summaries
            .iter()
            .filter(|s| s.due)
            .map(|s| s.instrument)
            .collect(),
        summaries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: i64, instrument: Instrument, date: &str, value: f64) -> Score {
        Score {
            id,
            uuid: String::new(),
            instrument,
            date: date.parse().unwrap(),
            value,
            psych: None,
            note: None,
        }
    }

    #[test]
    fn rows_are_newest_first_with_the_change_from_the_same_instruments_last() {
        let rows = score_rows(&[
            s(1, Instrument::Odi, "2026-10-01", 44.0),
            s(3, Instrument::Odi, "2026-11-20", 35.0),
            s(2, Instrument::Peg, "2026-10-15", 6.0),
            s(4, Instrument::Odi, "2026-11-01", 45.0),
            s(5, Instrument::Peg, "2026-11-21", 4.3),
        ]);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.score.id, r.change, r.meaningful))
            .collect();
        // ODI 45 → 35 is 10 points, the Oswestry's minimal important change; 44 → 45 is not.
        // PEG has none cited, so its change is never called meaningful.
        assert_eq!(
            got,
            vec![
                (5, Some(-1.7), None),
                (3, Some(-10.0), Some(true)),
                (4, Some(1.0), Some(false)),
                (2, None, None),
                (1, None, None),
            ]
        );
    }
}
