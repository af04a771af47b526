//! The demo journal (`backtrack demo`): a deterministic, realistic history of a rider with a
//! back injury and a slow recovery, with effects planted on purpose so the insights have
//! something true to find:
//! - pain the day after a session rises by about 1 point per 100 TSS above 50;
//! - a short night (under 7 h) adds 0.5 point per missing hour to the next day;
//! - shovelling snow adds 2 points the next day and 1 the day after;
//! - long sitting on work days adds 0.1 point per hour above 6.
//!
//! With [`Effects::None`] (`backtrack demo --effects none`) the journal has the same shape
//! (the same kinds and numbers of records, flares, doses, rehab and events) but pain is
//! independent of everything else in it: a steady level with flares at random times, while
//! training, sleep, sitting, tags and doses never look at it. Whatever the insights find there
//! is chance.
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

/// A pain level with flares at random times, for the journal without effects: its own
/// persistence (a flare lasts days) but no link to anything else.
struct Drift {
    flare_left: u32,
    flare_size: f64,
}

impl Drift {
    fn next(&mut self, rng: &mut ChaCha8Rng) -> u8 {
        if self.flare_left == 0 && rng.gen_bool(1.0 / 45.0) {
            self.flare_left = rng.gen_range(3..9);
            self.flare_size = rng.gen_range(2.5..4.5);
        }
        let flare = if self.flare_left > 0 {
            self.flare_left -= 1;
            self.flare_size
        } else {
            0.0
        };
        (2.0 + flare + rng.gen_range(-1.2..1.2_f64))
            .clamp(0.0, 10.0)
            .round() as u8
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
    let (mut own, mut other) = (
        Drift {
            flare_left: 0,
            flare_size: 0.0,
        },
        Drift {
            flare_left: 0,
            flare_size: 0.0,
        },
    );
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
    let mut d = start;
    while d <= spec.end {
        let base = plot.baseline(d);
        let workday = d.weekday().num_days_from_monday() < 5 && rng.gen_bool(0.95);
        let sitting = if workday {
            rng.gen_range(6.0..10.5_f64)
        } else {
            rng.gen_range(1.0..4.0_f64)
        };
        let winter = matches!(d.month(), 12 | 1 | 2);
        let shovel = winter && rng.gen_bool(0.07);
        let long_drive = rng.gen_bool(0.03);
        // The planted effects, each from the day before except sitting and driving.
        let mut pain = base
            + 0.010 * (prev.load - 50.0).max(0.0)
            + 0.5 * (7.0 - prev.sleep).max(0.0)
            + if prev.shovel_lag1 { 2.0 } else { 0.0 }
            + if prev.shovel_lag2 { 1.0 } else { 0.0 }
            + if workday {
                0.1 * (sitting - 6.0).max(0.0)
            } else {
                0.0
            }
            + if long_drive { 0.8 } else { 0.0 }
            + rng.gen_range(-0.8..0.8);
        pain = pain.clamp(0.0, 10.0);
        // Without effects, pain is its own drifting level, and the doses, rehab and training
        // follow another one, independent of it: as many doses on as bad days, none tied to
        // the pain logged.
        let (pain_u, acts_on) = if planted {
            (pain.round() as u8, pain.round() as u8)
        } else {
            (own.next(&mut rng), other.next(&mut rng))
        };
        let short_night = if planted && pain_u >= 6 { 1.0 } else { 0.0 };
        let sleep = (rng.gen_range(6.0..8.6_f64) - short_night).clamp(3.5, 10.0);
        let sleep = (sleep * 10.0).round() / 10.0;
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
            planted,
        };
        let load = training::day(&plot, d, ride, &mut rng, &mut b, &mut tags);
        story::meds_for_day(d, acts_on, &mut rng, &mut b);
        story::rehab_for_day(d, acts_on, &mut rng, &mut b);
        if !planted {
            // The doses and sessions record the pain logged that day, as a real one would.
            let today = d;
            for x in b
                .doses
                .iter_mut()
                .rev()
                .take_while(|x| x.taken_at.date() == today)
            {
                x.pain_before = Some(pain_u);
            }
            for r in b.sessions.iter_mut().rev().take_while(|r| r.date == today) {
                r.pain_before = Some(pain_u);
                r.pain_after = Some(pain_u.saturating_sub(1));
            }
        }
        if rng.gen_bool(0.99) {
            b.checkins
                .push(checkin(d, pain_u, sleep, workday, sitting, tags, &mut rng));
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
