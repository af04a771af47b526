//! `edit aN`: an activity's fields as given, checked as adding one is (`check_to_store`),
//! its TSS recomputed from changed figures unless it was typed by hand.

use chrono::NaiveDate;

use super::{EditDraft, missing};
use crate::domain::InputError;
use crate::domain::limits::{HR, MAX_HR, NP, PAIN, POWER, RPE};
use crate::domain::measure::parse_height;
use crate::domain::parse::{parse_date, parse_distance, parse_duration, parse_time};
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Intensity, LoadSource};
use crate::ops::Result;
use crate::ops::activity::{MAX_ASCENT_M, activity_line, check_to_store, checked_tss, with_load};
use crate::ops::input::{opt_in, opt_scale, text};
use crate::repo::{RecordId, Repo};

pub(super) fn activity(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<String> {
    let mut x = repo.activity_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
    let stored = x.clone();
    set_when(&mut x, a, today)?;
    set_figures(&mut x, a)?;
    if x.moving_s.is_some_and(|m| m > x.elapsed_s) {
        return Err(InputError::new(
            "moving",
            "is longer than the duration; allowed: at most the duration",
        )
        .into());
    }
    set_tss(repo, &mut x, a.activity.tss.as_deref())?;
    check_to_store(&x, Some(&stored), today, a.force)?;
    repo.update_activity(&x)?;
    Ok(activity_line("Updated", &x))
}

/// The kind, when and how long.
fn set_when(x: &mut Activity, a: &EditDraft, today: NaiveDate) -> Result<()> {
    let f = &a.activity;
    if let Some(k) = &a.kind {
        x.set_kind(ActivityKind::parse_named(k)?);
    }
    if let Some(d) = &a.duration {
        x.elapsed_s = parse_duration("duration", d)?;
    }
    if let Some(d) = &a.checkin.date {
        x.start = parse_date("date", d, today)?.and_time(x.start.time());
    }
    if let Some(t) = &f.start {
        x.start = x.start.date().and_time(parse_time("start", t)?);
    }
    if f.start.is_some() || a.checkin.date.is_some() {
        // The rule of adding one: an activity never starts later than now.
        let field = if f.start.is_some() { "start" } else { "date" };
        crate::domain::clock::not_ahead(field, x.start, crate::domain::clock::now_local())?;
    }
    if let Some(m) = &f.moving {
        x.moving_s = Some(parse_duration("moving", m)?);
    }
    Ok(())
}

/// Distance, ascent, power, heart rate, effort, pain, bike and note.
fn set_figures(x: &mut Activity, a: &EditDraft) -> Result<()> {
    let f = &a.activity;
    if let Some(d) = &f.distance {
        x.distance_m = Some(parse_distance("distance", d)?);
    }
    if let Some(t) = &f.ascent {
        x.ascent_m = Some(parse_height("ascent", t, MAX_ASCENT_M)?);
    }
    if f.power.is_some() {
        x.avg_power_w = opt_in(POWER, f.power)?;
    }
    if f.np.is_some() {
        x.normalized_power_w = opt_in(NP, f.np)?;
    }
    if f.hr.is_some() {
        x.avg_hr = opt_in(HR, f.hr)?;
    }
    if f.max_hr.is_some() {
        x.max_hr = opt_in(MAX_HR, f.max_hr)?;
    }
    if f.rpe.is_some() {
        x.rpe = opt_scale("rpe", &f.rpe, RPE)?;
    }
    if let Some(i) = &f.intensity {
        x.intensity = Some(Intensity::parse(i)?);
    }
    if f.pain_before.is_some() {
        x.pain_before = opt_scale("pain_before", &f.pain_before, PAIN)?;
    }
    if f.pain_during.is_some() {
        x.pain_during = opt_scale("pain_during", &f.pain_during, PAIN)?;
    }
    if f.pain_after.is_some() {
        x.pain_after = opt_scale("pain_after", &f.pain_after, PAIN)?;
    }
    if let Some(s) = f.stopped_for_pain {
        x.stopped_for_pain = s;
    }
    if f.bike.is_some() {
        x.bike = text(&f.bike);
    }
    if a.checkin.note.is_some() {
        x.note = text(&a.checkin.note);
    }
    Ok(())
}

/// A TSS typed (kept as typed), `auto` (computed again), or none: recomputed from changed
/// figures unless the stored one was typed by hand.
fn set_tss(repo: &mut Repo, x: &mut Activity, tss: Option<&str>) -> Result<()> {
    match tss.map(str::trim) {
        // Back from a TSS typed by hand to the one the figures give (or none).
        Some(t) if t.eq_ignore_ascii_case("auto") => {
            x.tss = None;
            x.load_source = None;
            with_load(repo, x)?;
        }
        Some(t) => {
            let n: f64 = t.parse().map_err(|_| {
                InputError::new(
                    "tss",
                    format!("'{t}' is not a TSS; allowed: 0–2000, or auto to compute it from power, HR or RPE"),
                )
            })?;
            x.set_manual_tss(checked_tss(n)?)
        }
        // Figures changed: recompute unless the user fixed the TSS by hand.
        None if x.load_source != Some(LoadSource::Manual) => with_load(repo, x)?,
        None => {}
    }
    Ok(())
}
