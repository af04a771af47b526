//! Turning a decoded FIT file into activities (SPEC §10): one per sport session, with every
//! figure taken from the session's records and the session message only as a fallback.

use chrono::{DateTime, NaiveDateTime};

use super::fit::{FitData, Sample, Session};
use crate::analysis::data::mean;
use crate::analysis::samples::{PAUSE_GAP_S, ascent, moving_seconds_within, power_series_1hz};
use crate::analysis::tss::normalized_power;
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Source};

/// The longest activity taken from a file: 7 days, as for one typed in.
const MAX_ELAPSED_S: f64 = 7.0 * 24.0 * 3600.0;

/// Records further than this from the rest of the file (a clock glitch: a device that
/// wrote a few timestamps from another day or year) are dropped when they are few.
const GLITCH_GAP_S: i64 = 6 * 3600;

/// Why a decoded file gives no activity: it is no activity file, or has no timed data.
pub type SkipReason = String;

/// A decoded file's activities, and how many records were dropped as clock glitches.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub activities: Vec<Activity>,
    pub dropped_records: usize,
}

/// The activities of a decoded FIT file whose bytes hash to `hash`, without their load (that
/// needs the FTP in force on the day). A multisport file's activities get `hash:N` (N the
/// session's position in the file) so each stays distinct; transitions are left out.
pub fn activities(data: &FitData, hash: &str) -> Result<Outcome, SkipReason> {
    match data.file_type.as_deref() {
        Some("activity") => {}
        Some(t) => return Err(format!("not an activity file (type: {t})")),
        None => return Err("not an activity file (no file_id message)".into()),
    }
    let mut samples = data.samples.clone();
    samples.sort_by_key(|s| s.t);
    let dropped_records = drop_clock_glitches(&mut samples);
    let mut sessions: Vec<(usize, Session)> = data.sessions.iter().cloned().enumerate().collect();
    if sessions.is_empty() {
        let (sport, sub_sport) = data.sport.clone().unwrap_or_default();
        let pseudo = Session {
            sport,
            sub_sport,
            ..Default::default()
        };
        sessions.push((0, pseudo));
    }
    sessions.sort_by_key(|(_, s)| s.start.unwrap_or(i64::MIN));
    let multi = sessions.len() > 1;
    let mut out = Vec::new();
    let mut from = 0usize;
    let mut prev_distance: Option<f64> = None;
    for (pos, (index, session)) in sessions.iter().enumerate() {
        // A session owns the records from its start up to the next session's start; the first
        // one also owns any records before it.
        let until = match sessions.get(pos + 1).and_then(|(_, s)| s.start) {
            Some(next) => from + samples[from..].partition_point(|s| s.t < next),
            None => samples.len(),
        };
        let slice = &samples[from..until];
        from = until;
        let baseline = prev_distance.take();
        prev_distance = slice.iter().rev().find_map(|s| s.distance).or(baseline);
        if session.sport.as_deref() == Some("transition") {
            continue;
        }
        let hash = if multi {
            format!("{hash}:{index}")
        } else {
            hash.to_string()
        };
        if let Some(a) = activity(session, slice, baseline, data.utc_offset_s, hash) {
            out.push(a);
        }
    }
    if out.is_empty() {
        return Err(
            "activity file without timed records or sessions (or none shorter than 7 days)".into(),
        );
    }
    Ok(Outcome {
        activities: out,
        dropped_records,
    })
}

/// Drops the records of a clock glitch from time-sorted samples: where the timeline breaks
/// into runs more than `GLITCH_GAP_S` apart and one run holds at least 90 % of the records,
/// the others are the glitch. Returns how many were dropped (0 when no run dominates: then
/// the file is left as it is, and a span over 7 days is refused as before).
fn drop_clock_glitches(samples: &mut Vec<Sample>) -> usize {
    let mut best = (0usize, 0usize);
    let mut start = 0usize;
    for i in 1..=samples.len() {
        if i == samples.len() || samples[i].t - samples[i - 1].t > GLITCH_GAP_S {
            if i - start > best.1 - best.0 {
                best = (start, i);
            }
            start = i;
        }
    }
    let kept = best.1 - best.0;
    if kept == samples.len() || kept * 10 < samples.len() * 9 {
        return 0;
    }
    let dropped = samples.len() - kept;
    samples.truncate(best.1);
    samples.drain(..best.0);
    dropped
}

fn activity(
    s: &Session,
    samples: &[Sample],
    distance_baseline: Option<f64>,
    utc_offset_s: Option<i32>,
    hash: String,
) -> Option<Activity> {
    let first = samples.first().map(|x| x.t).or(s.start)?;
    let span = samples.last().map_or(0, |l| l.t - first);
    let elapsed = if span > 0 {
        span as f64
    } else {
        s.elapsed_s.filter(|e| *e > 0.0)?
    };
    // Longer than the journal allows for any activity: a clock glitch, not a ride.
    if elapsed > MAX_ELAPSED_S {
        return None;
    }
    let elapsed_s = elapsed.round() as u32;

    let powers: Vec<f64> = samples.iter().filter_map(|x| x.power).collect();
    let hrs: Vec<f64> = samples.iter().filter_map(|x| x.hr).collect();
    let alts: Vec<f64> = samples.iter().filter_map(|x| x.altitude).collect();
    let distance = distance(samples, distance_baseline)
        .or(s.distance_m)
        .filter(|d| *d > 0.0);
    let np = if powers.is_empty() {
        s.np_w
    } else {
        let timed: Vec<(i64, f64)> = samples
            .iter()
            .filter_map(|x| x.power.map(|p| (x.t, p)))
            .collect();
        normalized_power(&power_series_1hz(&timed))
    };

    let kind = kind(s, distance.is_none());
    let mut a = Activity::new(kind, local_start(first, utc_offset_s)?, elapsed_s);
    a.moving_s = moving(samples, kind).or(s.timer_s.map(|t| t.round() as u32));
    a.distance_m = distance.map(|d| (d * 100.0).round() / 100.0);
    a.ascent_m = if alts.len() > 1 {
        Some(ascent(&alts).round())
    } else {
        s.ascent_m
    };
    a.avg_power_w = mean(&powers).or(s.avg_power_w).map(round1);
    a.normalized_power_w = np.map(round1);
    a.avg_hr = mean(&hrs).or(s.avg_hr).map(round1);
    a.max_hr = hrs.iter().copied().reduce(f64::max).or(s.max_hr);
    a.source = Source::Fit;
    a.source_hash = Some(hash);
    Some(a)
}

/// The distance covered within the records: the greatest value less the previous session's
/// last one (when the device counts on across sessions rather than starting again from 0).
fn distance(samples: &[Sample], baseline: Option<f64>) -> Option<f64> {
    let first = samples.iter().find_map(|x| x.distance)?;
    let max = samples
        .iter()
        .filter_map(|x| x.distance)
        .fold(first, f64::max);
    let base = baseline.filter(|b| first >= b - 1.0).unwrap_or(0.0);
    Some((max - base).max(0.0))
}

/// Moving time from the records: a step counts when it is no pause and the rider moved
/// (distance grew, or speed above 0.3 m/s). Only a signal that comes alive in the session is
/// evidence (an erg writes distance 0 throughout); with none (a trainer without a speed
/// sensor), or in a swim (records only between lengths), every step outside a pause counts.
fn moving(samples: &[Sample], kind: ActivityKind) -> Option<u32> {
    if samples.len() < 2 {
        return None;
    }
    let first_d = samples.iter().find_map(|x| x.distance);
    let live_distance = samples
        .iter()
        .any(|x| x.distance.is_some_and(|d| Some(d) > first_d));
    let live_speed = samples.iter().any(|x| x.speed.is_some_and(|v| v > 0.3));
    let by_time_only = !(live_distance || live_speed) || kind == ActivityKind::Swim;
    let mut prev_dist: Option<f64> = None;
    let steps: Vec<(i64, bool)> = samples
        .iter()
        .map(|x| {
            let grew = matches!((prev_dist, x.distance), (Some(p), Some(d)) if d > p);
            if x.distance.is_some() {
                prev_dist = x.distance;
            }
            let moved = by_time_only
                || (live_distance && grew)
                || (live_speed && x.speed.is_some_and(|v| v > 0.3));
            (x.t, moved)
        })
        .collect();
    Some(moving_seconds_within(&steps, pause_gap(samples)))
}

/// The gap that is a pause in this recording: [`PAUSE_GAP_S`], or three times the usual
/// (median) time between samples when the file was recorded sparsely (a GPX or TCX written
/// every 11–30 s, issue 21.6), so its steps count as moving time instead of pauses.
fn pause_gap(samples: &[Sample]) -> i64 {
    let mut steps: Vec<i64> = samples
        .windows(2)
        .map(|w| w[1].t - w[0].t)
        .filter(|dt| *dt > 0)
        .collect();
    if steps.is_empty() {
        return PAUSE_GAP_S;
    }
    let mid = steps.len() / 2;
    let (_, median, _) = steps.select_nth_unstable(mid);
    PAUSE_GAP_S.max(*median * 3)
}

/// The start as local wall-clock time: the device's own offset when the file has one,
/// else this machine's time zone.
fn local_start(unix: i64, utc_offset_s: Option<i32>) -> Option<NaiveDateTime> {
    let utc = DateTime::from_timestamp(unix, 0)?;
    Some(match utc_offset_s {
        Some(off) => utc.naive_utc() + chrono::Duration::seconds(off as i64),
        None => utc.with_timezone(&chrono::Local).naive_local(),
    })
}

/// The journal's activity kind for a FIT sport and sub-sport. A ride without any distance
/// (a trainer with no speed sensor) counts as an indoor ride.
pub fn kind(s: &Session, no_distance: bool) -> ActivityKind {
    let sport = s.sport.as_deref().unwrap_or("");
    let sub = s.sub_sport.as_deref().unwrap_or("");
    match (sport, sub) {
        ("cycling" | "e_biking" | "training" | "fitness_equipment", "virtual_activity") => {
            ActivityKind::VirtualRide
        }
        ("cycling" | "training" | "fitness_equipment", "indoor_cycling" | "spin") => {
            ActivityKind::IndoorRide
        }
        ("cycling" | "e_biking", _) if no_distance => ActivityKind::IndoorRide,
        ("cycling" | "e_biking", _) => ActivityKind::Ride,
        ("running", _) => ActivityKind::Run,
        ("walking" | "hiking", _) => ActivityKind::Walk,
        ("swimming", _) => ActivityKind::Swim,
        (_, "strength_training") => ActivityKind::Strength,
        _ => ActivityKind::Other,
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(sport: &str, sub: &str) -> Session {
        Session {
            sport: Some(sport.into()),
            sub_sport: Some(sub.into()),
            ..Default::default()
        }
    }

    #[test]
    fn sports_map_to_kinds() {
        let k = |a, b| kind(&session(a, b), false);
        assert_eq!(k("cycling", "generic"), ActivityKind::Ride);
        assert_eq!(k("cycling", "indoor_cycling"), ActivityKind::IndoorRide);
        assert_eq!(k("cycling", "virtual_activity"), ActivityKind::VirtualRide);
        assert_eq!(k("running", "treadmill"), ActivityKind::Run);
        assert_eq!(k("hiking", "generic"), ActivityKind::Walk);
        assert_eq!(k("swimming", "open_water"), ActivityKind::Swim);
        assert_eq!(k("training", "strength_training"), ActivityKind::Strength);
        assert_eq!(k("fitness_equipment", "indoor_rowing"), ActivityKind::Other);
        assert_eq!(
            kind(&session("cycling", "generic"), true),
            ActivityKind::IndoorRide
        );
    }

    #[test]
    fn multisport_splits_records_and_distance_by_session() {
        let start = |t| Session {
            start: Some(t),
            ..session("running", "generic")
        };
        let sample = |t, d| Sample {
            t,
            distance: Some(d),
            ..Default::default()
        };
        let data = FitData {
            file_type: Some("activity".into()),
            sessions: vec![
                start(100),
                Session {
                    start: Some(200),
                    ..session("transition", "")
                },
                start(300),
            ],
            // The device counts distance on across sessions.
            samples: vec![
                sample(100, 0.0),
                sample(199, 500.0),
                sample(250, 520.0),
                sample(300, 530.0),
                sample(400, 1530.0),
            ],
            ..Default::default()
        };
        let acts = activities(&data, "h").unwrap().activities;
        assert_eq!(acts.len(), 2, "the transition is left out");
        assert_eq!(acts[0].elapsed_s, 99);
        assert_eq!(acts[0].distance_m, Some(500.0));
        // 1530 m less the 520 m the transition ended on.
        assert_eq!(acts[1].distance_m, Some(1010.0));
        assert_eq!(acts[0].source_hash.as_deref(), Some("h:0"));
        assert_eq!(acts[1].source_hash.as_deref(), Some("h:2"));
        // A clock jump of 8 days between two halves of a session is no ride.
        let glitch = FitData {
            file_type: Some("activity".into()),
            sessions: vec![start(100)],
            samples: vec![sample(100, 0.0), sample(100 + 8 * 86_400, 10.0)],
            ..Default::default()
        };
        assert!(activities(&glitch, "h").is_err());
        // A few records years away from 1,800 good ones are dropped and counted.
        let mut good: Vec<Sample> = (0..1800)
            .map(|i| sample(1_000_000 + i * 4, i as f64))
            .collect();
        good.insert(700, sample(50, 0.0));
        good.insert(900, sample(900_000_000, 0.0));
        good.push(sample(2_000_000_000, 0.0));
        let ride = FitData {
            file_type: Some("activity".into()),
            sessions: vec![start(1_000_000)],
            samples: good,
            ..Default::default()
        };
        let out = activities(&ride, "h").unwrap();
        assert_eq!(out.dropped_records, 3);
        assert_eq!(out.activities[0].elapsed_s, 1799 * 4);
        assert_eq!(out.activities[0].distance_m, Some(1799.0));
        let settings = FitData {
            file_type: Some("settings".into()),
            ..Default::default()
        };
        assert_eq!(
            activities(&settings, "h").unwrap_err(),
            "not an activity file (type: settings)"
        );
    }
}
