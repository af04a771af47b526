//! `edit ID [flags]`: which flags apply to which kind of record, and applying them.

use anyhow::Result;
use chrono::NaiveDate;

use super::args::EditArgs;
use super::ctx::*;
use super::journal::{activity_line, apply_checkin_fields};
use crate::domain::InputError;
use crate::domain::error::parse_scale;
use crate::domain::parse::{
    parse_date, parse_date_any, parse_datetime, parse_distance, parse_duration, parse_time,
};
use crate::domain::vocab::{ActivityKind, EventKind, ExerciseKind, Intensity, MedClass};
use crate::repo::{Kind, RecordId, RepoError};

/// The long names of the flags the user gave.
pub fn given_flags(a: &EditArgs) -> Vec<&'static str> {
    let c = &a.checkin;
    let x = &a.activity;
    let mut v = Vec::new();
    let mut add = |on: bool, name: &'static str| {
        if on {
            v.push(name);
        }
    };
    add(a.pain.is_some(), "pain");
    add(a.kind.is_some(), "kind");
    add(a.duration.is_some(), "duration");
    add(a.title.is_some(), "title");
    add(a.amount.is_some(), "amount");
    add(a.at.is_some(), "at");
    add(a.max_daily.is_some(), "max-daily");
    add(a.minutes.is_some(), "minutes");
    add(a.to.is_some(), "to");
    add(a.target.is_some(), "target");
    add(c.date.is_some(), "date");
    add(c.worst.is_some(), "worst");
    add(!c.locations.is_empty(), "where");
    add(!c.character.is_empty(), "feels");
    add(c.sleep.is_some(), "sleep");
    add(c.sleep_quality.is_some(), "sleep-quality");
    add(c.mood.is_some(), "mood");
    add(c.stress.is_some(), "stress");
    add(c.energy.is_some(), "energy");
    add(c.sitting.is_some(), "sitting");
    add(c.workday, "workday");
    add(c.no_workday, "no-workday");
    add(!c.tags.is_empty(), "tag");
    add(c.note.is_some(), "note");
    add(c.edit, "edit");
    add(!c.red_flags.is_empty(), "red-flag");
    add(x.start.is_some(), "start");
    add(x.moving.is_some(), "moving");
    add(x.distance.is_some(), "distance");
    add(x.ascent.is_some(), "ascent");
    add(x.power.is_some(), "power");
    add(x.np.is_some(), "np");
    add(x.hr.is_some(), "hr");
    add(x.max_hr.is_some(), "max-hr");
    add(x.rpe.is_some(), "rpe");
    add(x.tss.is_some(), "tss");
    add(x.intensity.is_some(), "intensity");
    add(x.pain_before.is_some(), "pain-before");
    add(x.pain_during.is_some(), "pain-during");
    add(x.pain_after.is_some(), "pain-after");
    add(x.stopped_for_pain.is_some(), "stopped-for-pain");
    add(x.bike.is_some(), "bike");
    v
}

fn applicable(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Checkin => &[
            "pain",
            "date",
            "worst",
            "where",
            "feels",
            "sleep",
            "sleep-quality",
            "mood",
            "stress",
            "energy",
            "sitting",
            "workday",
            "no-workday",
            "tag",
            "note",
            "edit",
            "red-flag",
        ],
        Kind::Activity => &[
            "kind",
            "duration",
            "date",
            "start",
            "moving",
            "distance",
            "ascent",
            "power",
            "np",
            "hr",
            "max-hr",
            "rpe",
            "tss",
            "intensity",
            "pain-before",
            "pain-during",
            "pain-after",
            "stopped-for-pain",
            "bike",
            "note",
        ],
        Kind::Event => &["kind", "date", "title", "note"],
        Kind::Dose => &["amount", "at", "note", "pain-before"],
        Kind::Medication => &["title", "kind", "amount", "max-daily", "note"],
        Kind::Rehab => &["date", "minutes", "pain-before", "pain-after", "note"],
        Kind::Programme => &["title", "date", "to", "target", "note"],
        Kind::Exercise => &["title", "kind", "note"],
        Kind::Psfs | Kind::Criterion => &[],
    }
}

/// Refuses flags that do not fit the record, naming the ones that do.
pub fn check_applicable(kind: Kind, given: &[&str]) -> Result<(), InputError> {
    let ok = applicable(kind);
    if let Some(bad) = given.iter().find(|f| !ok.contains(f)) {
        let allowed = if ok.is_empty() {
            "none (delete and re-add it instead)".to_string()
        } else {
            ok.iter()
                .map(|f| format!("--{f}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(InputError::new(
            *bad,
            format!(
                "--{bad} does not apply to {} {}; allowed: {allowed}",
                article(kind.noun()),
                kind.noun()
            ),
        ));
    }
    Ok(())
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn missing(rid: RecordId) -> RepoError {
    RepoError::NotFound(format!(
        "no live {} {rid}; `backtrack list` shows IDs",
        rid.kind.noun()
    ))
}

/// Applies the edit and returns the confirming line.
pub fn apply(ctx: &mut Ctx, rid: RecordId, a: &EditArgs, today: NaiveDate) -> Result<String> {
    let repo = &mut ctx.repo;
    let note = text(&a.checkin.note);
    match rid.kind {
        Kind::Checkin => {
            let mut c = repo.checkin_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            let old_date = c.date;
            if let Some(p) = &a.pain {
                c.pain = parse_scale("pain", p, 0, 10)?;
            }
            apply_checkin_fields(&mut c, &a.checkin, today)?;
            if a.checkin.edit {
                c.note = text(&Some(edit_in_editor(c.note.as_deref().unwrap_or(""))?));
            }
            if c.date != old_date && repo.checkin_on(c.date)?.is_some() {
                return Err(InputError::new("date", format!("{} already has a check-in; allowed: a day without one (or delete that one first)", c.date)).into());
            }
            repo.update_checkin(&c)?;
            Ok(format!(
                "Updated check-in {rid} for {}: pain {}",
                c.date, c.pain
            ))
        }
        Kind::Activity => {
            let mut x = repo.activity_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            let f = &a.activity;
            if let Some(k) = &a.kind {
                x.kind = ActivityKind::parse(k)?;
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
            if let Some(m) = &f.moving {
                x.moving_s = Some(parse_duration("moving", m)?);
            }
            if let Some(d) = &f.distance {
                x.distance_m = Some(parse_distance("distance", d)?);
            }
            if f.ascent.is_some() {
                x.ascent_m = opt_positive("ascent", f.ascent, 20_000.0)?;
            }
            if f.power.is_some() {
                x.avg_power_w = opt_positive("power", f.power, 2500.0)?;
            }
            if f.np.is_some() {
                x.normalized_power_w = opt_positive("np", f.np, 2500.0)?;
            }
            if f.hr.is_some() {
                x.avg_hr = opt_positive("hr", f.hr, 250.0)?;
            }
            if f.max_hr.is_some() {
                x.max_hr = opt_positive("max_hr", f.max_hr, 250.0)?;
            }
            if f.rpe.is_some() {
                x.rpe = opt_scale("rpe", &f.rpe, 1, 10)?;
            }
            if let Some(i) = &f.intensity {
                x.intensity = Some(Intensity::parse(i)?);
            }
            if f.pain_before.is_some() {
                x.pain_before = opt_scale("pain_before", &f.pain_before, 0, 10)?;
            }
            if f.pain_during.is_some() {
                x.pain_during = opt_scale("pain_during", &f.pain_during, 0, 10)?;
            }
            if f.pain_after.is_some() {
                x.pain_after = opt_scale("pain_after", &f.pain_after, 0, 10)?;
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
            match f.tss {
                Some(t) if (0.0..=2000.0).contains(&t) => x.set_manual_tss(t),
                Some(t) => {
                    return Err(InputError::new(
                        "tss",
                        format!("{t} is out of range; allowed: 0–2000"),
                    )
                    .into());
                }
                None => {
                    // Figures changed: recompute unless the user fixed the TSS by hand.
                    if x.load_source.as_deref() != Some("manual") {
                        let (power, hr) = repo.load_thresholds(x.kind, x.date())?;
                        x.compute_load(power, hr);
                    }
                }
            }
            repo.update_activity(&x)?;
            Ok(activity_line("Updated", &x))
        }
        Kind::Event => {
            let mut e = repo.event_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            if let Some(k) = &a.kind {
                e.kind = EventKind::parse(k)?;
            }
            if let Some(d) = &a.checkin.date {
                e.date = parse_date("date", d, today)?;
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
            let mut d = repo.dose_by_id(rid.id)?.ok_or_else(|| missing(rid))?;
            if let Some(x) = a.amount {
                d.amount = crate::domain::error::check_positive("amount", x, 100_000.0)?;
            }
            if let Some(t) = &a.at {
                d.taken_at = parse_datetime("at", t, today)?;
            }
            if a.activity.pain_before.is_some() {
                d.pain_before = opt_scale("pain_before", &a.activity.pain_before, 0, 10)?;
            }
            if a.checkin.note.is_some() {
                d.note = note;
            }
            repo.update_dose(&d)?;
            Ok(format!(
                "Updated dose {rid}: {} {} {} at {}",
                d.amount,
                d.unit,
                d.medication,
                d.taken_at.format("%Y-%m-%d %H:%M")
            ))
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
                m.usual_dose = crate::domain::error::check_positive("amount", x, 100_000.0)?;
            }
            if a.max_daily.is_some() {
                m.max_daily = opt_positive("max_daily", a.max_daily, 1_000_000.0)?;
            }
            if a.checkin.note.is_some() {
                m.note = note;
            }
            repo.update_medication(&m)?;
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
                s.minutes = a.minutes;
            }
            if a.activity.pain_before.is_some() {
                s.pain_before = opt_scale("pain_before", &a.activity.pain_before, 0, 10)?;
            }
            if a.activity.pain_after.is_some() {
                s.pain_after = opt_scale("pain_after", &a.activity.pain_after, 0, 10)?;
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
                if t > 21 {
                    return Err(InputError::new(
                        "target",
                        format!("{t} is out of range; allowed: 0–21"),
                    )
                    .into());
                }
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
        Kind::Psfs | Kind::Criterion => {
            Err(InputError::new("id", "this record cannot be edited here").into())
        }
    }
}
