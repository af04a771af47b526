//! Adding and editing an activity (SPEC §4.2): the fields as typed, validated alike for the
//! CLI and the app's form, with the TSS computed by the analysis from the FTP/LTHR in force on
//! the activity's date before it is stored.

use chrono::{NaiveDate, NaiveDateTime};

use super::Done;
use super::Result;
use super::input::{date_or_today, opt_in, opt_scale, text};
use crate::analysis::tss::load_with;
use crate::domain::limits::{HR, MAX_HR, NP, PAIN, POWER, RPE};
use crate::domain::measure::parse_height;
use crate::domain::parse::{format_duration, parse_distance, parse_duration, parse_time};
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Intensity};
use crate::domain::{InputError, clock};
use crate::repo::Repo;

/// An activity as typed; `kind` and `duration` are required.
#[derive(Debug, Clone, Default)]
pub struct ActivityDraft {
    pub kind: String,
    pub duration: String,
    pub date: Option<String>,
    pub start: Option<String>,
    pub moving: Option<String>,
    pub distance: Option<String>,
    /// `800`, `800m`, `2600ft`: a bare number is metres.
    pub ascent: Option<String>,
    pub power: Option<f64>,
    pub np: Option<f64>,
    pub hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub rpe: Option<String>,
    pub tss: Option<f64>,
    pub intensity: Option<String>,
    pub pain_before: Option<String>,
    pub pain_during: Option<String>,
    pub pain_after: Option<String>,
    pub stopped_for_pain: bool,
    pub bike: Option<String>,
    pub note: Option<String>,
    /// Store figures that look like a typo (`--force`, or a yes in the app).
    pub force: bool,
}

pub use crate::domain::plausible::MAX_ASCENT_M;
use crate::domain::plausible::{MAX_MANUAL_TSS, check_activity, every_implausible};

/// The validated activity (its load not yet computed). A start later than `now` is refused
/// by the rule doses follow (`clock::not_ahead`); without a start the activity goes at noon,
/// or, before noon today, so that it ends by now (`clock::default_start`).
pub fn build_activity(
    f: &ActivityDraft,
    today: NaiveDate,
    now: NaiveDateTime,
) -> std::result::Result<Activity, InputError> {
    let kind = ActivityKind::parse_named(&f.kind)?;
    let elapsed = parse_duration("duration", &f.duration)?;
    let date = date_or_today("date", &f.date, today)?;
    let start = match &f.start {
        Some(t) => clock::not_ahead("start", date.and_time(parse_time("start", t)?), now)?,
        None => clock::default_start(date, elapsed, now),
    };
    let mut a = Activity::new(kind.0, start, elapsed);
    a.set_kind(kind);
    if let Some(m) = &f.moving {
        let moving = parse_duration("moving", m)?;
        if moving > elapsed {
            return Err(InputError::new(
                "moving",
                format!(
                    "{} is longer than the elapsed {}; allowed: at most the duration",
                    format_duration(moving),
                    format_duration(elapsed)
                ),
            ));
        }
        a.moving_s = Some(moving);
    }
    a.distance_m = f
        .distance
        .as_deref()
        .map(|d| parse_distance("distance", d))
        .transpose()?;
    a.ascent_m = f
        .ascent
        .as_deref()
        .map(|t| parse_height("ascent", t, MAX_ASCENT_M))
        .transpose()?;
    a.avg_power_w = opt_in(POWER, f.power)?;
    a.normalized_power_w = opt_in(NP, f.np)?;
    a.avg_hr = opt_in(HR, f.hr)?;
    a.max_hr = opt_in(MAX_HR, f.max_hr)?;
    a.rpe = opt_scale("rpe", &f.rpe, RPE)?;
    a.intensity = f.intensity.as_deref().map(Intensity::parse).transpose()?;
    a.pain_before = opt_scale("pain_before", &f.pain_before, PAIN)?;
    a.pain_during = opt_scale("pain_during", &f.pain_during, PAIN)?;
    a.pain_after = opt_scale("pain_after", &f.pain_after, PAIN)?;
    a.stopped_for_pain = f.stopped_for_pain;
    a.bike = text(&f.bike);
    a.note = text(&f.note);
    if let Some(t) = f.tss {
        a.set_manual_tss(checked_tss(t)?);
    }
    Ok(a)
}

/// A TSS typed by hand: 0–2000.
pub fn checked_tss(t: f64) -> std::result::Result<f64, InputError> {
    if (0.0..=MAX_MANUAL_TSS).contains(&t) {
        Ok(t)
    } else {
        let shown = if t.is_finite() && t.abs() < 1e9 {
            format!("{t}")
        } else {
            format!("{t:e}")
        };
        Err(InputError::new(
            "tss",
            format!("{shown} is out of range; allowed: 0–{MAX_MANUAL_TSS:.0}"),
        ))
    }
}

/// The one check before an activity is stored (with its load computed): the limits no
/// activity passes, then, unless `force`, the figures that look like a typo. An edit of an
/// activity (`before`) is asked about only when it brings the typo-like figure in: a note
/// added to a ride stored with `--force` needs no second `--force`.
pub fn check_to_store(
    a: &Activity,
    before: Option<&Activity>,
    today: NaiveDate,
    force: bool,
) -> std::result::Result<(), InputError> {
    check_activity(a, today)?;
    match new_implausible(a, before) {
        Some(i) if !force => Err(i.refusal()),
        _ => Ok(()),
    }
}

/// The first typo-like figure of `a` that `before` (the stored activity, when editing) did
/// not have.
fn new_implausible(
    a: &Activity,
    before: Option<&Activity>,
) -> Option<crate::domain::plausible::Implausible> {
    let had = before.map(every_implausible).unwrap_or_default();
    every_implausible(a).into_iter().find(|i| !had.contains(i))
}

/// The figure of the draft that looks like a typo, once the rest is valid (the app asks
/// about it; the command line refuses it unless `--force`).
pub fn first_implausible(
    repo: &Repo,
    f: &ActivityDraft,
    before: Option<&Activity>,
    today: NaiveDate,
) -> std::result::Result<Option<crate::domain::plausible::Implausible>, InputError> {
    let mut a = build_activity(f, today, clock::now_local())?;
    with_load(repo, &mut a).map_err(|e| InputError::new("activity", e.to_string()))?;
    check_activity(&a, today)?;
    Ok(new_implausible(&a, before))
}

/// Computes the activity's load with the FTP and LTHR in force on its date.
pub fn with_load(repo: &Repo, a: &mut Activity) -> Result<()> {
    load_with(a, &repo.load_thresholds(a.date())?);
    Ok(())
}

/// Adds the activity.
pub fn add(repo: &mut Repo, f: &ActivityDraft, today: NaiveDate) -> Result<Done<Activity>> {
    let mut a = build_activity(f, today, clock::now_local())?;
    with_load(repo, &mut a)?;
    check_to_store(&a, None, today, f.force)?;
    let saved = repo.add_activity(&a)?;
    let summary = activity_line("Saved", &saved);
    Ok(Done::new(saved, summary))
}

/// Replaces a stored activity with the draft (the app's edit form holds every field); where
/// it came from (a file, its hash) stays.
pub fn replace(
    repo: &mut Repo,
    old: &Activity,
    f: &ActivityDraft,
    today: NaiveDate,
) -> Result<Done<Activity>> {
    let mut a = build_activity(f, today, clock::now_local())?;
    a.id = old.id;
    a.uuid = old.uuid.clone();
    a.source = old.source;
    a.source_hash = old.source_hash.clone();
    with_load(repo, &mut a)?;
    check_to_store(&a, Some(old), today, f.force)?;
    repo.update_activity(&a)?;
    let summary = activity_line("Updated", &a);
    Ok(Done::new(a, summary))
}

/// "Saved activity a3: ride on 2026-11-23, 1h30m, 45.0 km, ascent 350 m, TSS 84 (power)",
/// the distance and climb in the display units when the activity has them.
pub fn activity_line(verb: &str, a: &Activity) -> String {
    let mut s = format!(
        "{verb} activity a{}: {} on {}, {}",
        a.id,
        a.kind_name(),
        a.date(),
        format_duration(a.elapsed_s)
    );
    if let Some(d) = a.distance_m {
        s.push_str(&format!(", {}", crate::domain::text::distance(d)));
    }
    if let Some(m) = a.ascent_m {
        s.push_str(&format!(", ascent {}", crate::domain::text::elevation(m)));
    }
    match (a.tss, a.load_source) {
        (Some(t), Some(src)) if src.is_estimate() => {
            s.push_str(&format!(", TSS ~{t:.0} (estimated from {src})"))
        }
        (Some(t), Some(src)) => s.push_str(&format!(", TSS {t:.0} ({src})")),
        // Words for both front ends: `set ftp` / Settings, `--rpe` / the form's RPE field.
        _ => s.push_str(", no TSS (an FTP or LTHR in force, or an RPE or TSS, gives one)"),
    }
    if a.stopped_for_pain {
        s.push_str(", stopped for pain");
    }
    s
}
