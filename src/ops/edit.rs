//! Editing a stored record by typed ID with only the fields given (`edit c3 --pain 5`): the
//! record is read, the fields applied and validated, and the record written back.

use chrono::NaiveDate;

use super::Result;
use super::activity::{MAX_ASCENT_M, activity_line, check_to_store, checked_tss, with_load};
use super::checkin::{CheckinDraft, apply_fields, check_free_day};
use super::input::{opt_in, opt_minutes, opt_scale, text};
use super::{Done, editor, meds_same};
use crate::domain::InputError;
use crate::domain::limits::{self, HR, MAX_HR, NP, PAIN, POWER, RPE};
use crate::domain::measure::parse_height;
use crate::domain::parse::{
    parse_date, parse_date_any, parse_distance, parse_duration, parse_time,
};
use crate::domain::vocab::LoadSource;
use crate::domain::vocab::{ActivityKind, EventKind, ExerciseKind, Intensity, MedClass};
use crate::repo::meds::MedWrite;
use crate::repo::{Kind, RecordId, Repo, RepoError};

/// The fields to change, as typed; None (or empty, false) leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EditDraft {
    pub pain: Option<String>,
    pub kind: Option<String>,
    pub duration: Option<String>,
    pub title: Option<String>,
    pub amount: Option<f64>,
    pub at: Option<String>,
    pub max_daily: Option<f64>,
    pub minutes: Option<u32>,
    pub to: Option<String>,
    pub target: Option<u32>,
    /// A dose: store a correction that takes its day over the max (after asking, or `--force`).
    pub force: bool,
    /// The check-in's fields; `date` and `note` also apply to other records.
    pub checkin: CheckinDraft,
    pub activity: ActivityPatch,
}

/// An activity's fields to change; `pain_before`/`pain_after` also apply to doses and rehab.
#[derive(Debug, Clone, Default)]
pub struct ActivityPatch {
    pub start: Option<String>,
    pub moving: Option<String>,
    pub distance: Option<String>,
    pub ascent: Option<String>,
    pub power: Option<f64>,
    pub np: Option<f64>,
    pub hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub rpe: Option<String>,
    /// A number (kept as given) or `auto` (computed again from the figures).
    pub tss: Option<String>,
    pub intensity: Option<String>,
    pub pain_before: Option<String>,
    pub pain_during: Option<String>,
    pub pain_after: Option<String>,
    pub stopped_for_pain: Option<bool>,
    pub bike: Option<String>,
}

fn missing(rid: RecordId) -> RepoError {
    RepoError::NotFound(format!(
        "no live {} {rid}; `backtrack list` shows IDs",
        rid.kind.noun()
    ))
}

/// Applies the edit; the record is its typed ID.
pub fn apply(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<Done<RecordId>> {
    let line = apply_line(repo, rid, a, today)?;
    Ok(Done::new(rid, line))
}

fn apply_line(repo: &mut Repo, rid: RecordId, a: &EditDraft, today: NaiveDate) -> Result<String> {
    let note = text(&a.checkin.note);
    match rid.kind {
        Kind::Checkin => {
            let mut c = repo.checkin_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            let old_date = c.date;
            if let Some(p) = &a.pain {
                c.pain = PAIN.parse_scale("pain", p)?;
            }
            apply_fields(&mut c, &a.checkin, today)?;
            if a.checkin.edit {
                c.note = text(&Some(editor::edit_in_editor(
                    c.note.as_deref().unwrap_or(""),
                )?));
            }
            let lifted = super::checkin::lift_worst(&mut c, a.checkin.worst.is_some());
            super::checkin::check_worst(&c)?;
            check_free_day(repo, &c, old_date)?;
            repo.update_checkin(&c)?;
            Ok(format!(
                "Updated check-in {rid} for {}: pain {}{lifted}",
                c.date, c.pain
            ))
        }
        Kind::Activity => {
            let mut x = repo.activity_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            let stored = x.clone();
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
                x.note = note;
            }
            if x.moving_s.is_some_and(|m| m > x.elapsed_s) {
                return Err(InputError::new(
                    "moving",
                    "is longer than the duration; allowed: at most the duration",
                )
                .into());
            }
            match f.tss.as_deref().map(str::trim) {
                // Back from a TSS typed by hand to the one the figures give (or none).
                Some(t) if t.eq_ignore_ascii_case("auto") => {
                    x.tss = None;
                    x.load_source = None;
                    with_load(repo, &mut x)?;
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
                None if x.load_source != Some(LoadSource::Manual) => with_load(repo, &mut x)?,
                None => {}
            }
            check_to_store(&x, Some(&stored), today, a.force)?;
            repo.update_activity(&x)?;
            Ok(activity_line("Updated", &x))
        }
        Kind::Event => {
            let mut e = repo.event_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            if let Some(k) = &a.kind {
                e.kind = EventKind::parse(k)?;
            }
            if let Some(d) = &a.checkin.date {
                e.date = crate::domain::parse::parse_date_ahead("date", d, today)?;
            }
            if let Some(t) = text(&a.title) {
                e.title = t;
            }
            if a.checkin.note.is_some() {
                e.note = note;
            }
            repo.update_event(&e)?;
            Ok(format!(
                "Updated event {rid}: {} on {}: {}",
                e.kind, e.date, e.title
            ))
        }
        Kind::Dose => {
            let c = super::dose_edit::correct(repo, rid, a, today)?;
            super::dose_edit::store(repo, &c, a.force)
        }
        Kind::Medication => {
            let mut m = repo.medication_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            if let Some(t) = text(&a.title) {
                m.name = t;
            }
            if let Some(k) = &a.kind {
                m.class = MedClass::parse(k)?;
            }
            if let Some(x) = a.amount {
                m.usual_dose = limits::DOSE.check(x)?;
            }
            if a.max_daily.is_some() {
                m.max_daily = a
                    .max_daily
                    .map(|x| limits::MAX_DAILY.check(x))
                    .transpose()?;
            }
            if a.checkin.note.is_some() {
                m.note = note;
            }
            if let MedWrite::SameDrug(other) = repo.update_medication_checked(&m)? {
                return Err(meds_same::rename_refusal(&m.name, &other).into());
            }
            Ok(format!(
                "Updated medication {rid}: {} ({}), usual {} {}",
                m.name, m.class, m.usual_dose, m.unit
            ))
        }
        Kind::Rehab => {
            let mut s = repo
                .rehab_session_by_id(rid.id)?
                .ok_or_else(|| missing(rid))?;
            if let Some(d) = &a.checkin.date {
                s.date = parse_date("date", d, today)?;
            }
            if a.minutes.is_some() {
                s.minutes = opt_minutes(a.minutes)?;
            }
            if a.activity.pain_before.is_some() {
                s.pain_before = opt_scale("pain_before", &a.activity.pain_before, PAIN)?;
            }
            if a.activity.pain_after.is_some() {
                s.pain_after = opt_scale("pain_after", &a.activity.pain_after, PAIN)?;
            }
            if a.checkin.note.is_some() {
                s.note = note;
            }
            repo.update_rehab_session(&s)?;
            Ok(format!("Updated rehab session {rid} on {}", s.date))
        }
        Kind::Programme => {
            let mut p = repo
                .programmes()?
                .into_iter()
                .find(|p| p.id == rid.id)
                .ok_or_else(|| missing(rid))?;
            if let Some(t) = text(&a.title) {
                p.name = t;
            }
            if let Some(d) = &a.checkin.date {
                p.active_from = parse_date_any("date", d, today)?;
            }
            if let Some(d) = &a.to {
                p.active_to = Some(parse_date_any("to", d, today)?);
            }
            if let Some(t) = a.target {
                limits::TARGET_PER_WEEK.check(t as f64)?;
                p.target_per_week = t;
            }
            if a.checkin.note.is_some() {
                p.note = note;
            }
            repo.update_programme(&p)?;
            Ok(format!("Updated programme {rid}: {}", p.name))
        }
        Kind::Exercise => {
            let mut e = repo.exercise_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            if let Some(t) = text(&a.title) {
                e.name = t;
            }
            if let Some(k) = &a.kind {
                e.kind = ExerciseKind::parse(k)?;
            }
            if a.checkin.note.is_some() {
                e.cues = note;
            }
            repo.update_exercise(&e)?;
            Ok(format!("Updated exercise {rid}: {}", e.name))
        }
        Kind::Psfs | Kind::Criterion | Kind::Score | Kind::Plan => {
            Err(InputError::new("id", "this record cannot be edited here").into())
        }
    }
}
