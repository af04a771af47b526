//! False alarms and power of the chance wording (issue 12), over seeds: the demo without
//! effects should almost never headline anything, and the planted next-day load effect should
//! almost always be called unlikely to be chance. Built in memory, without SQLite, so forty
//! two-year journals take seconds.

use chrono::NaiveDate;

use super::{DemoSpec, Effects, generate_with};
use crate::analysis::{JournalData, stats};
use crate::domain::records::{PsfsItem, PsfsRating};
use crate::repo::bulk::Batch;

/// The journal the repo would load after `insert_batch`, for the analysis.
fn journal(b: Batch) -> JournalData {
    let mut psfs: Vec<PsfsItem> = Vec::new();
    for (name, date, score) in b.psfs {
        let i = match psfs.iter().position(|p| p.name == name) {
            Some(i) => i,
            None => {
                psfs.push(PsfsItem {
                    id: psfs.len() as i64 + 1,
                    uuid: String::new(),
                    name,
                    ratings: Vec::new(),
                });
                psfs.len() - 1
            }
        };
        psfs[i].ratings.push(PsfsRating { date, score });
    }
    JournalData {
        checkins: b.checkins,
        activities: b.activities,
        doses: b.doses,
        events: b.events,
        rehab_sessions: b.sessions,
        programmes: b.programmes,
        psfs_items: psfs,
        medications: b.medications,
        ..JournalData::default()
    }
}

#[test]
fn false_alarms_and_power_over_twenty_seeds() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let run = |seed: u64, effects: Effects| {
        let data = journal(generate_with(
            DemoSpec {
                years: 2,
                seed,
                end,
            },
            effects,
        ));
        stats(&data, end, None)
    };
    let mut alarms = Vec::new();
    let mut found = 0;
    let (mut tested, mut small) = (0, 0);
    for seed in 1..=20 {
        let null = run(seed, Effects::None);
        for v in crate::analysis::stats::verdicts(&null) {
            if let Some(p) = v.p {
                tested += 1;
                small += usize::from(p <= 0.05);
            }
        }
        if let Some(n) = &null.notable {
            alarms.push(format!("seed {seed}: {}", n.sentence));
        }
        let planted = run(seed, Effects::Planted);
        let lag1 = &planted.load_pain[1];
        if lag1.verdict.unlikely() && lag1.partial.is_some_and(|r| r > 0.0) {
            found += 1;
            assert!(
                lag1.verdict.sentence.contains("unlikely to be chance (p "),
                "{}",
                lag1.verdict.sentence
            );
        }
    }
    eprintln!(
        "journals without effects with a notable line: {} of 20; planted next-day load effect \
         called unlikely to be chance: {found} of 20",
        alarms.len()
    );
    eprintln!("raw p ≤ 0.05 in {small} of {tested} associations without effects");
    // Calibrated: about 5 % of the p-values of associations with nothing behind them are
    // ≤ 0.05 (2–10 % allows for the spread of a few hundred tests).
    let share = small as f64 / tested as f64;
    assert!((0.02..=0.10).contains(&share), "{small} of {tested}");
    assert!(alarms.len() <= 1, "false alarms: {alarms:#?}");
    assert!(
        found >= 19,
        "the planted effect was found in only {found} of 20"
    );
}
