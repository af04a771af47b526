//! Logging a rehab session (SPEC §4.3): a programme done as prescribed, the exercises
//! named, or minutes alone; and storing a session the app's form edited.

use chrono::NaiveDate;

use super::{Specs, exercise_named, is_bare};
use crate::domain::InputError;
use crate::domain::limits::PAIN;
use crate::domain::prescription::{format_spec, parse_done};
use crate::domain::records::{Programme, RehabSession, SessionItem};
use crate::ops::input::{date_or_today, opt_minutes, opt_scale, text};
use crate::ops::{Done, Result};
use crate::repo::Repo;

/// A session as typed: exercises done ("bird dog:3x10"), or none for the programme as
/// prescribed.
#[derive(Debug, Clone, Default)]
pub struct RehabLogDraft {
    pub programme: Option<String>,
    pub date: Option<String>,
    pub minutes: Option<u32>,
    pub done: Vec<String>,
    pub pain_before: Option<String>,
    pub pain_after: Option<String>,
    pub note: Option<String>,
}

/// The draft's own fields validated without the journal.
pub struct RehabInput {
    pub date: NaiveDate,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
    pub done: Specs,
}

pub fn validate_log(
    a: &RehabLogDraft,
    today: NaiveDate,
) -> std::result::Result<RehabInput, InputError> {
    opt_minutes(a.minutes)?;
    Ok(RehabInput {
        date: date_or_today("date", &a.date, today)?,
        pain_before: opt_scale("pain_before", &a.pain_before, PAIN)?,
        pain_after: opt_scale("pain_after", &a.pain_after, PAIN)?,
        done: a
            .done
            .iter()
            .map(|d| parse_done("done", d))
            .collect::<std::result::Result<_, _>>()?,
    })
}

/// Logs a session: the named programme (else the first active one) with the exercises done.
pub fn log(repo: &mut Repo, a: &RehabLogDraft, today: NaiveDate) -> Result<Done<RehabSession>> {
    let input = validate_log(a, today)?;
    repo.with_exercise_library(|repo| log_valid(repo, a, input))
}

fn log_valid(repo: &mut Repo, a: &RehabLogDraft, input: RehabInput) -> Result<Done<RehabSession>> {
    let active = repo.active_programmes(input.date)?;
    let programme = match &a.programme {
        Some(name) => Some(programme_named(repo, &active, name)?),
        None => active.first().cloned(),
    };
    let items = if input.done.is_empty() {
        as_prescribed(programme.as_ref(), a.minutes)?
    } else {
        as_done(repo, &input.done, programme.as_ref())?
    };
    save_session(
        repo,
        &RehabSession {
            id: 0,
            uuid: String::new(),
            date: input.date,
            programme_id: programme.as_ref().map(|p| p.id),
            programme: programme.as_ref().map(|p| p.name.clone()),
            minutes: a.minutes,
            pain_before: input.pain_before,
            pain_after: input.pain_after,
            note: text(&a.note),
            items,
        },
    )
}

/// The programme called `name`, an active one first; the error lists the active ones.
fn programme_named(repo: &Repo, active: &[Programme], name: &str) -> Result<Programme> {
    let found = active
        .iter()
        .chain(repo.programmes()?.iter())
        .find(|p| p.name.eq_ignore_ascii_case(name))
        .cloned();
    found.ok_or_else(|| {
        let names: Vec<String> = active.iter().map(|p| p.name.clone()).collect();
        InputError::new(
            "programme",
            format!(
                "unknown programme '{name}'; allowed: {}",
                if names.is_empty() {
                    "none active (add one with `backtrack rehab programme add`)".into()
                } else {
                    names.join(", ")
                }
            ),
        )
        .into()
    })
}

/// "Did my programme" in one action: every exercise as prescribed. Without a programme,
/// minutes alone are a session (stretching, a class) with no exercises.
fn as_prescribed(programme: Option<&Programme>, minutes: Option<u32>) -> Result<Vec<SessionItem>> {
    let items = match programme {
        Some(p) => p.items.iter(),
        None if minutes.is_some() => [].iter(),
        None => return Err(InputError::new("done", "no programme is active and no --done or --minutes given; allowed: --done \"bird dog:3x10\", --minutes 20, or a programme name").into()),
    };
    Ok(items
        .map(|it| SessionItem {
            exercise_id: it.exercise_id,
            exercise: it.exercise.clone(),
            sets: it.sets,
            reps: it.reps,
            load_kg: it.load_kg,
            hold_s: it.hold_s,
        })
        .collect())
}

/// The exercises named as done, each from the library.
fn as_done(repo: &Repo, done: &Specs, programme: Option<&Programme>) -> Result<Vec<SessionItem>> {
    let mut v = Vec::new();
    for (name, p) in done {
        let ex = exercise_named(repo, name)?;
        let prescribed = programme.and_then(|pr| pr.items.iter().find(|i| i.exercise_id == ex.id));
        // A bare name is "as prescribed", load included; a load typed alone (`@20kg`)
        // changes only the load.
        let (sets, reps, hold, load) = if is_bare(p) {
            prescribed
                .map(|i| (i.sets, i.reps, i.hold_s, i.load_kg))
                .unwrap_or((ex.sets, ex.reps, ex.hold_s, ex.load_kg))
        } else {
            (p.sets, p.reps, p.hold_s, None)
        };
        v.push(SessionItem {
            exercise_id: ex.id,
            exercise: ex.name.clone(),
            sets,
            reps,
            load_kg: p.load_kg.or(load),
            hold_s: hold,
        });
    }
    Ok(v)
}

/// Stores a whole session: a new one (id 0) or the stored one it replaces (the app's form).
pub fn save_session(repo: &mut Repo, s: &RehabSession) -> Result<Done<RehabSession>> {
    let (verb, s) = if s.id == 0 {
        ("Saved", repo.add_rehab_session(s)?)
    } else {
        repo.update_rehab_session(s)?;
        ("Updated", s.clone())
    };
    let summary = session_line(verb, &s);
    Ok(Done::new(s, summary))
}

/// "Saved rehab session r3 on 2026-11-23 (physio core): bird dog 3x10, dead bug 3x8".
pub fn session_line(verb: &str, s: &RehabSession) -> String {
    let names: Vec<String> = s
        .items
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i.exercise,
                format_spec(i.sets, i.reps, i.hold_s, i.load_kg)
            )
        })
        .collect();
    let prog = s
        .programme
        .as_deref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    format!(
        "{verb} rehab session r{} on {}{prog}: {}",
        s.id,
        s.date,
        names.join(", ")
    )
}
