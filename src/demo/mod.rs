//! The demo journal (`backtrack demo`): a deterministic, realistic history of a rider with a
//! back injury and a slow recovery. It is built the way a real journal is (SPEC §7.5): pain
//! runs in spells with flares and a slow healing drift, and it steers what the rider does — he
//! trains less and easier on bad days and the day after, rides through pain mostly on days
//! that are already bad, sleeps worse after a bad day, takes pills on bad days — and now and
//! then a day or a few go unlogged. On top of that, effects are planted so the insights have
//! something true to find:
//! - pain the day after a session rises by 1.5 points per 100 TSS above the usual (the mean
//!   daily load of the 4 weeks before);
//! - a short night (under 7 h) adds 0.5 point per missing hour to the next day;
//! - shovelling snow adds 2 points the next day and 1 the day after;
//! - long sitting on work days adds 0.1 point per hour above 6; a long drive 0.8 the same day.
//!
//! With [`Effects::None`] (`backtrack demo --effects none`) the journal is the same in every
//! other way — the same spells, the same steering, the same gaps — but nothing in it changes
//! the pain. Whatever the insights find there is chance or the steering, and they must not
//! headline it.
//!
//! The same seed, effects and end date always give the same journal.

mod story;
mod training;

use chrono::{Datelike, Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::records::Checkin;
use crate::domain::vocab::{Character, Location};
use crate::repo::bulk::Batch;

/// How much history to write, and from which seed.
#[derive(Debug, Clone, Copy)]
pub struct DemoSpec {
    pub years: u32,
    pub seed: u64,
    pub end: NaiveDate,
}

/// Whether the demo's pain follows the planted effects or nothing at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Effects {
    #[default]
    Planted,
    None,
}

impl Effects {
    /// `planted` or `none`, as `demo --effects` takes them.
    pub fn parse(text: &str) -> Option<Effects> {
        match text.trim() {
            "planted" => Some(Effects::Planted),
            "none" => Some(Effects::None),
            _ => None,
        }
    }
}

/// Flares at random times on top of the healing drift: a flare builds for a day or two, holds
/// and fades, and lasts 3–9 days.
struct Flares {
    left: u32,
    size: f64,
}

impl Flares {
    fn next(&mut self, rng: &mut ChaCha8Rng) -> f64 {
        if self.left == 0 && rng.gen_bool(1.0 / 40.0) {
            self.left = rng.gen_range(3..10);
            self.size = rng.gen_range(2.0..4.0);
        }
        if self.left == 0 {
            return 0.0;
        }
        self.left -= 1;
        self.size * if self.left <= 1 { 0.5 } else { 1.0 }
    }
}

/// Days the rider does not log: now and then one, and a few runs of several (travel, a bad
/// week, forgetting).
struct Gaps {
    left: u32,
}

impl Gaps {
    fn skip(&mut self, rng: &mut ChaCha8Rng) -> bool {
        if self.left == 0 && rng.gen_bool(1.0 / 90.0) {
            self.left = rng.gen_range(3..9);
        }
        if self.left > 0 {
            self.left -= 1;
            return true;
        }
        rng.gen_bool(0.05)
    }
}

/// Day-by-day state the generator carries forward.
struct Day {
    load: f64,
    sleep: f64,
    shovel_lag1: bool,
    shovel_lag2: bool,
    pain: u8,
}

/// Builds the whole journal with the planted effects; write it with `Repo::insert_batch`.
pub fn generate(spec: DemoSpec) -> Batch {
    generate_with(spec, Effects::Planted)
}

/// Drops what the demo would log later than `moment` on its last day (a dose at 21:15 when
/// it is 03:00), as a real journal cannot hold it: see `clock::latest_moment`.
pub fn up_to(batch: &mut Batch, moment: chrono::NaiveDateTime) {
    batch.doses.retain(|d| d.taken_at <= moment);
    batch.activities.retain(|a| a.start <= moment);
}

/// Builds the whole journal in memory, with or without the planted effects.
pub fn generate_with(spec: DemoSpec, effects: Effects) -> Batch {
    let planted = effects == Effects::Planted;
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let mut flares = Flares { left: 0, size: 0.0 };
    let mut gaps = Gaps { left: 0 };
    let days = (spec.years.max(1) as i64) * 365;
    let start = spec.end - Duration::days(days - 1);
    let plot = story::Plot::new(start, spec.end);
    let mut b = Batch::default();
    story::settings(&plot, &mut b);
    story::medications(&mut b);
    story::rehab_library(&plot, &mut b);
    let mut prev = Day {
        load: 0.0,
        sleep: 7.5,
        shovel_lag1: false,
        shovel_lag2: false,
        pain: 2,
    };
    // The last 28 days' loads, for "the usual".
    let mut recent: std::collections::VecDeque<f64> = std::collections::VecDeque::new();
    let mut noise = 0.0;
    let mut d = start;
    while d <= spec.end {
        let usual = recent.iter().sum::<f64>() / recent.len().max(1) as f64;
        let workday = d.weekday().num_days_from_monday() < 5 && rng.gen_bool(0.95);
        let sitting = if workday {
            rng.gen_range(6.0..10.5_f64)
        } else {
            rng.gen_range(1.0..4.0_f64)
        };
        let winter = matches!(d.month(), 12 | 1 | 2);
        let shovel = winter && rng.gen_bool(0.07);
        let long_drive = rng.gen_bool(0.03);
        // Pain of its own: the healing drift, flares, and day-to-day noise that lingers.
        noise = 0.4 * noise + rng.gen_range(-0.9..0.9);
        let mut pain = plot.baseline(d) + flares.next(&mut rng) + noise;
        if planted {
            let sat = if workday { sitting } else { 0.0 };
            pain += planted_pain(&prev, usual, sat, long_drive);
        }
        let pain_u = pain.clamp(0.0, 10.0).round() as u8;
        // A bad day costs sleep the night after, with or without effects.
        let sleep = rng.gen_range(6.2..8.8_f64) - 0.3 * (f64::from(pain_u) - 3.0).max(0.0);
        let sleep = (sleep.clamp(3.5, 10.0) * 10.0).round() / 10.0;
        let mut tags = Vec::new();
        if shovel {
            tags.push("shoveling".to_string());
        }
        if long_drive {
            tags.push("long-drive".to_string());
        }
        let ride = training::Ride {
            prev_pain: prev.pain,
            pain: pain_u,
        };
        let load = training::day(&plot, d, ride, &mut rng, &mut b, &mut tags);
        story::meds_for_day(d, pain_u, &mut rng, &mut b);
        story::rehab_for_day(d, pain_u, &mut rng, &mut b);
        if !gaps.skip(&mut rng) {
            b.checkins
                .push(checkin(d, pain_u, sleep, workday, sitting, tags, &mut rng));
        }
        recent.push_back(load);
        if recent.len() > 28 {
            recent.pop_front();
        }
        prev = Day {
            load,
            sleep,
            shovel_lag1: shovel,
            shovel_lag2: prev.shovel_lag1,
            pain: pain_u,
        };
        d += Duration::days(1);
    }
    story::events(&plot, &mut rng, &mut b);
    story::psfs(&plot, &mut b);
    b
}

/// The planted effects on a day's pain, each from the day before except sitting (the hours
/// sat on a workday, else 0) and driving: load above `usual`, short sleep, shovelling one and
/// two days before, long sitting and a long drive.
fn planted_pain(prev: &Day, usual: f64, sitting: f64, long_drive: bool) -> f64 {
    0.015 * (prev.load - usual).max(0.0)
        + 0.5 * (7.0 - prev.sleep).max(0.0)
        + if prev.shovel_lag1 { 2.0 } else { 0.0 }
        + if prev.shovel_lag2 { 1.0 } else { 0.0 }
        + 0.1 * (sitting - 6.0).max(0.0)
        + if long_drive { 0.8 } else { 0.0 }
}

fn checkin(
    d: NaiveDate,
    pain: u8,
    sleep: f64,
    workday: bool,
    sitting: f64,
    mut tags: Vec<String>,
    rng: &mut ChaCha8Rng,
) -> Checkin {
    let mut locations = vec![Location::LowBack];
    if pain >= 5 {
        locations.push(Location::ButtockLeft);
    }
    if pain >= 7 {
        locations.push(Location::BelowKneeLeft);
    }
    let mut character = vec![Character::Ache, Character::Stiffness];
    if pain >= 6 {
        character.push(Character::Sharp);
    }
    if pain >= 7 {
        character.push(Character::Tingling);
    }
    tags.sort();
    tags.dedup();
    let notes = [
        "stiff getting out of bed",
        "better after a walk",
        "long meeting, sat too much",
        "felt fine on the bike",
        "woke up at 4 with it",
    ];
    Checkin {
        date: d,
        pain,
        worst_pain: Some((pain + rng.gen_range(0..3)).min(10)),
        locations,
        character,
        sleep_hours: Some(sleep),
        sleep_quality: Some(((sleep - 3.0) / 1.3).round().clamp(1.0, 5.0) as u8),
        mood: Some((5 - pain.min(8) / 2).clamp(1, 5)),
        stress: Some(rng.gen_range(1..=if workday { 5 } else { 3 })),
        energy: Some(rng.gen_range(2..=5)),
        sitting_hours: Some((sitting * 10.0).round() / 10.0),
        workday: Some(workday),
        tags,
        note: rng
            .gen_bool(0.08)
            .then(|| notes[rng.gen_range(0..notes.len())].to_string()),
        ..Default::default()
    }
}

#[cfg(test)]
mod seeds_tests;

#[cfg(test)]
mod up_to_tests {
    use super::*;

    #[test]
    fn nothing_is_left_after_the_moment_and_everything_before_stays() {
        let end = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut batch = generate(DemoSpec {
            years: 1,
            seed: 1,
            end,
        });
        let (doses, rides) = (batch.doses.len(), batch.activities.len());
        let moment = end.and_hms_opt(3, 0, 0).unwrap();
        let later = batch.doses.iter().filter(|d| d.taken_at > moment).count();
        assert!(later > 0, "the demo logs doses later on its last day");
        up_to(&mut batch, moment);
        assert_eq!(batch.doses.len(), doses - later);
        assert!(batch.doses.iter().all(|d| d.taken_at <= moment));
        assert!(batch.activities.iter().all(|a| a.start <= moment));
        assert!(batch.activities.len() <= rides);
    }
}
