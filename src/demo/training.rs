//! The demo rider's training: a weekly pattern of rides and strength work, held back when
//! today or yesterday hurt and during the weeks after an injury.

use chrono::{Datelike, NaiveDate, NaiveTime};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::story::Plot;
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Intensity};
use crate::repo::bulk::Batch;

/// What the day's training looks at: the pain he woke up with and yesterday's. Pain steers
/// training in every demo, with or without effects (SPEC §7.5).
#[derive(Debug, Clone, Copy)]
pub struct Ride {
    pub prev_pain: u8,
    pub pain: u8,
}

/// The ride planned for day `d` by its weekday (intensity, minutes, intensity factor): easy
/// or none in the `acute` weeks after an injury, milder while `careful`.
fn plan_for(
    d: NaiveDate,
    acute: bool,
    careful: bool,
    rng: &mut ChaCha8Rng,
) -> Option<(Intensity, u32, f64)> {
    match d.weekday().num_days_from_monday() {
        _ if acute => rng.gen_bool(0.3).then_some((Intensity::Recovery, 40, 0.55)),
        0 => None,
        1 => Some(if careful {
            (Intensity::Endurance, 60, 0.68)
        } else {
            (Intensity::Vo2max, 75, rng.gen_range(0.92..1.0))
        }),
        2 => Some((
            Intensity::Endurance,
            rng.gen_range(60..120),
            rng.gen_range(0.64..0.72),
        )),
        3 => Some(if careful {
            (Intensity::Recovery, 45, 0.58)
        } else {
            (Intensity::SweetSpot, 90, rng.gen_range(0.84..0.9))
        }),
        4 => rng.gen_bool(0.3).then_some((Intensity::Recovery, 45, 0.56)),
        5 => Some(if careful {
            (Intensity::Endurance, 90, 0.68)
        } else {
            (
                Intensity::Endurance,
                rng.gen_range(150..260),
                rng.gen_range(0.7..0.78),
            )
        }),
        _ => rng.gen_bool(0.8).then_some((
            Intensity::Endurance,
            rng.gen_range(60..150),
            rng.gen_range(0.64..0.72),
        )),
    }
}

/// The ride as done: indoors on some winter days, its power from the FTP, and pain during that
/// follows the day's `pain` (more on hard efforts; stopped early now and then when high).
fn ride(
    d: NaiveDate,
    (intensity, minutes, iff): (Intensity, u32, f64),
    ftp: f64,
    pain: u8,
    winter: bool,
    rng: &mut ChaCha8Rng,
) -> Activity {
    let kind = if winter {
        if rng.gen_bool(0.3) {
            ActivityKind::VirtualRide
        } else {
            ActivityKind::IndoorRide
        }
    } else {
        ActivityKind::Ride
    };
    let start = d.and_time(
        NaiveTime::from_hms_opt(
            if d.weekday().num_days_from_monday() >= 5 {
                9
            } else {
                18
            },
            0,
            0,
        )
        .unwrap_or_default(),
    );
    let mut a = Activity::new(kind, start, minutes * 60);
    a.moving_s = Some(minutes * 60 - rng.gen_range(0..120).min(minutes * 60 - 60));
    a.intensity = Some(intensity);
    let np = (ftp * iff).round();
    a.normalized_power_w = Some(np);
    a.avg_power_w = Some((np * rng.gen_range(0.88..0.96)).round());
    a.avg_hr = Some((165.0 * (0.62 + 0.3 * iff)).round());
    a.max_hr = Some((a.avg_hr.unwrap_or(140.0) + rng.gen_range(10.0..30.0)).round());
    if kind == ActivityKind::Ride {
        a.distance_m = Some((minutes as f64 / 60.0 * rng.gen_range(26.0..32.0) * 1000.0).round());
        a.ascent_m = Some((minutes as f64 * rng.gen_range(3.0..9.0)).round());
    }
    a.pain_before = Some(pain);
    // Pain during follows the day's pain, give or take, and more on hard efforts.
    let felt = (i32::from(pain) + rng.gen_range(-1..=1)).clamp(0, 10) as u8;
    let during = (felt + if iff > 0.85 { rng.gen_range(1..3) } else { 0 }).min(10);
    a.pain_during = Some(during);
    a.pain_after = Some(during.saturating_sub(1));
    a.stopped_for_pain = during >= 7 && rng.gen_bool(0.5);
    if a.stopped_for_pain {
        a.elapsed_s = (a.elapsed_s * 2 / 3).max(1200);
        a.moving_s = Some(a.elapsed_s - 60);
    }
    a
}

/// Plans and records day `d`'s training; returns the day's load (TSS).
pub fn day(
    plot: &Plot,
    d: NaiveDate,
    r: Ride,
    rng: &mut ChaCha8Rng,
    b: &mut Batch,
    tags: &mut Vec<String>,
) -> f64 {
    let Ride {
        prev_pain, pain, ..
    } = r;
    let since_injury = (d - plot.last_injury(d)).num_days();
    let acute = (0..21).contains(&since_injury);
    let careful = (0..60).contains(&since_injury) || prev_pain >= 6 || pain >= 6;
    let winter = matches!(d.month(), 11 | 12 | 1 | 2 | 3);
    let plan = plan_for(d, acute, careful, rng);
    let ftp = b
        .dated_settings
        .iter()
        .filter(|s| s.key == "ftp_w" && s.from <= d)
        .map(|s| s.value)
        .next_back()
        .unwrap_or(230.0);
    let mut load = 0.0;
    if let Some((intensity, minutes, iff)) = plan {
        // Skip a planned day now and then, as people do; a bad day is mostly skipped.
        let go = if pain >= 7 { 0.35 } else { 0.9 };
        if rng.gen_bool(go) {
            let mut a = ride(d, (intensity, minutes, iff), ftp, pain, winter, rng);
            crate::analysis::tss::compute_load(&mut a, Some(ftp), Some(165.0));
            load += a.tss.unwrap_or(0.0);
            b.activities.push(a);
        }
    }
    // Strength on Mondays and Thursdays once past the acute weeks.
    let wd = d.weekday().num_days_from_monday();
    if !acute && (wd == 0 || wd == 3) && rng.gen_bool(0.6) {
        let mut s = Activity::new(
            ActivityKind::Strength,
            d.and_time(NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default()),
            45 * 60,
        );
        s.rpe = Some(if careful { 4 } else { 6 });
        s.pain_before = Some(pain);
        s.pain_after = Some(pain);
        crate::analysis::tss::compute_load(&mut s, None, None);
        load += s.tss.unwrap_or(0.0);
        b.activities.push(s);
        tags.push("deadlifts".into());
    }
    load
}
