//! `edit` for the records whose fields are few, one function per kind: each reads the
//! record, applies the fields given and writes it back, returning the line that says so.

use chrono::NaiveDate;

use super::{EditDraft, missing};
use crate::domain::limits::{self, PAIN};
use crate::domain::parse::{parse_date, parse_date_any};
use crate::domain::vocab::{EventKind, ExerciseKind, MedClass};
use crate::ops::Result;
use crate::ops::checkin::{apply_fields, check_free_day};
use crate::ops::input::{opt_minutes, opt_scale, text};
use crate::ops::{editor, meds_same};
use crate::repo::meds::MedWrite;
use crate::repo::{RecordId, Repo};

/// `edit cN`: the check-in's fields, its worst lifted as `checkin` does, one check-in a day.
pub(super) fn checkin(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<String> {
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
    let lifted = crate::ops::checkin::lift_worst(&mut c, a.checkin.worst.is_some());
    crate::ops::checkin::check_worst(&c)?;
    check_free_day(repo, &c, old_date)?;
    repo.update_checkin(&c)?;
    Ok(format!(
        "Updated check-in {rid} for {}: pain {}{lifted}",
        c.date, c.pain
    ))
}

/// `edit eN`: an event's kind, date (not ahead), title and note.
pub(super) fn event(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<String> {
    let note = text(&a.checkin.note);
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

/// `edit mN`: a medication's name (never another row's drug), class, usual dose, max and note.
pub(super) fn medication(repo: &mut Repo, rid: RecordId, a: &EditDraft) -> Result<String> {
    let note = text(&a.checkin.note);
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

/// `edit rN`: a rehab session's date, minutes, pain and note.
pub(super) fn rehab(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<String> {
    let note = text(&a.checkin.note);
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

/// `edit pN`: a programme's name, dates, weekly target and note.
pub(super) fn programme(
    repo: &mut Repo,
    rid: RecordId,
    a: &EditDraft,
    today: NaiveDate,
) -> Result<String> {
    let note = text(&a.checkin.note);
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

/// `edit xN`: an exercise's name, kind and cues.
pub(super) fn exercise(repo: &mut Repo, rid: RecordId, a: &EditDraft) -> Result<String> {
    let note = text(&a.checkin.note);
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
