//! Calibration of the insights on journals built the way real ones are (SPEC §7.5, issue 19):
//! pain steers training, riding through pain, sleep and pills, runs in flares with a slow
//! drift, and days go unlogged. Without effects almost nothing may be headlined; a planted
//! next-day load effect, and a planted drop after a bike fit, must be found. Built in memory,
//! without SQLite. Each test prints its counts.

use chrono::{Datelike, Duration, NaiveDate};

use super::{DemoSpec, Effects, generate_with};
use crate::analysis::stats::{Stats, verdicts};
use crate::analysis::{JournalData, stats};
use crate::domain::records::{Event, PsfsItem, PsfsRating};
use crate::domain::vocab::EventKind;
use crate::repo::bulk::Batch;

const SEEDS: u64 = 20;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

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

fn demo(seed: u64, effects: Effects) -> JournalData {
    journal(generate_with(
        DemoSpec {
            years: 2,
            seed,
            end: end(),
        },
        effects,
    ))
}

/// Whether the association named `what` is called unlikely to be chance.
fn unlikely(st: &Stats, what: &str) -> bool {
    verdicts(st)
        .into_iter()
        .any(|v| v.what == what && v.unlikely())
}

/// Counts over the null journals: notable lines, and each headline-able association called
/// unlikely to be chance.
const WATCHED: [&str; 6] = [
    "load_pain lag 1",
    "load_pain lag 2",
    "load_pain lag 3",
    "hard_vs_rest",
    "push_through",
    "sleep lag 1",
];

#[test]
fn null_journals_with_confounding_headline_nothing() {
    let mut alarms = Vec::new();
    let mut called = [0usize; WATCHED.len()];
    for seed in 1..=SEEDS {
        let st = stats(&demo(seed, Effects::None), end(), None);
        if let Some(n) = &st.notable {
            alarms.push(format!("seed {seed}: {}", n.sentence));
        }
        for (k, w) in WATCHED.iter().enumerate() {
            called[k] += usize::from(unlikely(&st, w));
        }
    }
    eprintln!(
        "null journals with a notable line: {} of {SEEDS}",
        alarms.len()
    );
    for (w, c) in WATCHED.iter().zip(called) {
        eprintln!("  {w} called unlikely to be chance: {c} of {SEEDS}");
    }
    assert!(alarms.len() <= 1, "false alarms: {alarms:#?}");
    for (w, c) in WATCHED.iter().zip(called) {
        assert!(c <= 2, "{w}: {c} of {SEEDS}");
    }
}

#[test]
fn a_planted_next_day_effect_is_found_through_the_confounding() {
    let mut found = 0;
    for seed in 1..=SEEDS {
        let st = stats(&demo(seed, Effects::Planted), end(), None);
        let lag1 = &st.load_pain[1];
        if lag1.verdict.unlikely() && lag1.partial.is_some_and(|r| r > 0.0) {
            found += 1;
        }
    }
    eprintln!("planted next-day load effect found: {found} of {SEEDS}");
    assert!(found >= 19, "found in only {found} of {SEEDS}");
}

/// Removes `share` of the check-ins at random (seeded).
fn thinned(mut data: JournalData, share: f64, seed: u64) -> JournalData {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    data.checkins.retain(|_| !rng.gen_bool(share));
    data
}

fn gapped(share: f64) {
    let (mut tested, mut small, mut alarms) = (0, 0, 0);
    for seed in 1..=SEEDS {
        let st = stats(
            &thinned(demo(seed, Effects::None), share, seed),
            end(),
            None,
        );
        for v in verdicts(&st) {
            if let Some(p) = v.p {
                tested += 1;
                small += usize::from(p <= 0.05);
            }
        }
        alarms += usize::from(st.notable.is_some());
    }
    eprintln!(
        "{:.0} % of check-ins removed: p ≤ 0.05 in {small} of {tested} associations; notable \
         line in {alarms} of {SEEDS}",
        share * 100.0
    );
    assert!(small as f64 <= 0.07 * tested as f64, "{small} of {tested}");
    assert!(alarms <= 1, "{alarms} of {SEEDS}");
}

#[test]
fn half_the_check_ins_missing_do_not_make_p_small() {
    gapped(0.5);
}

#[test]
fn most_check_ins_missing_do_not_make_p_small() {
    gapped(0.7);
}

#[test]
fn thirty_day_windows_from_any_weekday_headline_nothing() {
    let mut runs = 0;
    let mut alarms = Vec::new();
    for seed in 1..=SEEDS {
        let data = demo(seed, Effects::None);
        for back in 0..7 {
            // Windows of 30 days ending a few days apart, so they start on each weekday.
            let today = end() - Duration::days(40 + back);
            let since = today - Duration::days(29);
            let st = stats(&data, today, Some(since));
            runs += 1;
            if let Some(n) = &st.notable {
                alarms.push(format!(
                    "seed {seed}, from a {}: {}",
                    since.weekday(),
                    n.sentence
                ));
            }
        }
    }
    eprintln!(
        "30-day windows with a notable line: {} of {runs}",
        alarms.len()
    );
    assert!(alarms.len() * 20 <= runs, "{alarms:#?}");
}

fn event(date: NaiveDate, kind: EventKind, title: &str) -> Event {
    Event {
        id: 0,
        uuid: String::new(),
        date,
        kind,
        title: title.into(),
        note: None,
    }
}

/// An injection on the worst day of a flare, with no effect, is called unlikely to be chance on
/// at most 1 of 20 (issue 19). The worst day of a year is the most extreme of the days it would
/// be compared with, so most such events are not tested at all: too few other days started as
/// high for the journal to say what follows such a day.
#[test]
fn an_injection_at_the_worst_peak_is_not_credited() {
    let (mut peak_called, mut untested) = (0, 0);
    for seed in 1..=SEEDS {
        let mut data = demo(seed, Effects::None);
        data.events.clear();
        data.programmes.clear();
        // The injection on the worst day (the highest 4-day mean) of a flare: away from the
        // first 60 days after either injury (days 10 and 450), when an epidural is not yet
        // on the table and the pain is still the injury's own rise.
        let start = end() - Duration::days(729);
        let pain = |d: NaiveDate| {
            data.checkins
                .iter()
                .find(|c| c.date == d)
                .map(|c| f64::from(c.pain))
        };
        let peak = (100..440)
            .chain(520..600)
            .map(|k| start + Duration::days(k))
            .max_by(|a, b| {
                let m = |d: NaiveDate| {
                    (0..4)
                        .filter_map(|j| pain(d - Duration::days(j)))
                        .sum::<f64>()
                };
                m(*a).total_cmp(&m(*b))
            })
            .unwrap();
        data.events
            .push(event(peak, EventKind::Injection, "epidural"));
        let st = stats(&data, end(), None);
        let e = st.events.iter().find(|e| e.kind == "injection").unwrap();
        peak_called += usize::from(e.verdict.unlikely());
        untested += usize::from(e.verdict.p.is_none());
    }
    eprintln!(
        "injection at a peak called unlikely to be chance: {peak_called} of {SEEDS} \
         ({untested} not tested: too few days alike)"
    );
    assert!(peak_called <= 1, "{peak_called} of {SEEDS}");
}

/// A bike fit after which pain is 2 points lower is found on at least 19 of 20 (issue 19).
#[test]
fn a_bike_fit_that_helped_is_found() {
    let mut fit_found = 0;
    for seed in 1..=SEEDS {
        let start = end() - Duration::days(729);
        // A bike fit after which pain is 2 points lower: every day before it 2 points higher
        // (so a low stretch cannot floor the drop at 0), on the first day from day 400 with
        // half the check-ins of the 28 days on each side.
        let mut data = demo(seed, Effects::None);
        data.events.clear();
        data.programmes.clear();
        let logged = |from: NaiveDate, to: NaiveDate| {
            data.checkins
                .iter()
                .filter(|c| c.date >= from && c.date <= to)
                .count()
        };
        let fit = (400..440)
            .map(|k| start + Duration::days(k))
            .find(|f| {
                logged(*f - Duration::days(28), *f - Duration::days(1)) >= 14
                    && logged(*f + Duration::days(1), *f + Duration::days(28)) >= 14
            })
            .unwrap();
        for c in &mut data.checkins {
            if c.date <= fit {
                c.pain = (c.pain + 2).min(10);
            }
        }
        data.events.push(event(fit, EventKind::BikeFit, "bike fit"));
        let st = stats(&data, end(), None);
        let e = st.events.iter().find(|e| e.kind == "bike-fit").unwrap();
        if e.verdict.unlikely() && e.windows.last().is_some_and(|w| w.change < 0.0) {
            fit_found += 1;
        }
    }
    eprintln!("planted 2-point drop after a bike fit found: {fit_found} of {SEEDS}");
    assert!(fit_found >= 19, "{fit_found} of {SEEDS}");
}
