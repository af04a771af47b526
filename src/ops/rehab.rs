//! Rehab (SPEC §4.3): logging a session (a programme done as prescribed, or the exercises
//! named), adding an exercise to the library and adding a programme.

use chrono::NaiveDate;

use super::Done;
use super::Result;
use super::input::{date_or_today, opt_minutes, opt_scale, text};
use crate::domain::InputError;
use crate::domain::limits::{PAIN, TARGET_PER_WEEK};
use crate::domain::prescription::{Prescription, format_spec, parse_done, parse_spec};
use crate::domain::records::{Exercise, Programme, ProgrammeItem, RehabSession, SessionItem};
use crate::domain::vocab::ExerciseKind;
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

fn exercise_named(repo: &Repo, name: &str) -> Result<Exercise> {
    repo.exercise_by_name(name)?.ok_or_else(|| {
        let known: Vec<String> = repo.exercises().map(|v| v.into_iter().map(|e| e.name).collect()).unwrap_or_default();
        InputError::new("exercise", format!("unknown exercise '{name}'; allowed: {} (or add one with `backtrack rehab exercise add`)", known.join(", "))).into()
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
        Some(name) => Some(
            active
                .iter()
                .chain(repo.programmes()?.iter())
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .cloned()
                .ok_or_else(|| {
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
                })?,
        ),
        None => active.first().cloned(),
    };
    let items: Vec<SessionItem> = if input.done.is_empty() {
        // "Did my programme" in one action: every exercise as prescribed. Without a
        // programme, minutes alone are a session (stretching, a class) with no exercises.
        match programme.as_ref() {
            Some(p) => p.items.iter(),
            None if a.minutes.is_some() => [].iter(),
            None => return Err(InputError::new("done", "no programme is active and no --done or --minutes given; allowed: --done \"bird dog:3x10\", --minutes 20, or a programme name").into()),
        }
        .map(|it| SessionItem {
                exercise_id: it.exercise_id,
                exercise: it.exercise.clone(),
                sets: it.sets,
                reps: it.reps,
                load_kg: it.load_kg,
                hold_s: it.hold_s,
            })
            .collect()
    } else {
        let mut v = Vec::new();
        for (name, p) in &input.done {
            let ex = exercise_named(repo, name)?;
            let prescribed = programme
                .as_ref()
                .and_then(|pr| pr.items.iter().find(|i| i.exercise_id == ex.id));
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
        v
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

fn is_bare(p: &Prescription) -> bool {
    p.sets.is_none() && p.reps.is_none() && p.hold_s.is_none()
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

/// An exercise for the library as typed.
#[derive(Debug, Clone, Default)]
pub struct ExerciseDraft {
    pub name: String,
    pub kind: String,
    pub prescription: Option<String>,
    pub per_side: bool,
    pub cues: Option<String>,
}

pub fn build_exercise(a: &ExerciseDraft) -> std::result::Result<Exercise, InputError> {
    let kind = ExerciseKind::parse(&a.kind)?;
    let name = text(&Some(a.name.clone()))
        .ok_or_else(|| InputError::new("name", "empty; allowed: any text"))?;
    let p = a
        .prescription
        .as_deref()
        .map(|s| parse_spec("prescription", s))
        .transpose()?
        .unwrap_or_default();
    Ok(Exercise {
        id: 0,
        uuid: String::new(),
        name,
        kind,
        sets: p.sets,
        reps: p.reps,
        load_kg: p.load_kg,
        hold_s: p.hold_s,
        per_side: a.per_side,
        cues: text(&a.cues),
    })
}

pub fn add_exercise(repo: &mut Repo, a: &ExerciseDraft) -> Result<Done<Exercise>> {
    let e = build_exercise(a)?;
    let e = repo.with_exercise_library(|repo| repo.add_exercise(&e))?;
    let spec = format_spec(e.sets, e.reps, e.hold_s, e.load_kg);
    let summary = format!("Saved exercise x{}: {} ({}) {spec}", e.id, e.name, e.kind);
    let summary = summary.trim_end().to_string();
    Ok(Done::new(e, summary))
}

/// The exercises of a programme as typed ("bird dog:3x10"), in order.
pub type Specs = Vec<(String, Prescription)>;

/// A programme as typed.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeDraft {
    pub name: String,
    pub exercises: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub target: u32,
    pub note: Option<String>,
}

/// The programme validated without the journal (so bad input never opens it): the
/// programme without items, and its exercises as typed.
pub fn programme_draft(
    a: &ProgrammeDraft,
    today: NaiveDate,
) -> std::result::Result<(Programme, Specs), InputError> {
    let from = match &a.from {
        Some(d) => crate::domain::parse::parse_date_any("from", d, today)?,
        None => today,
    };
    let to =
        a.to.as_deref()
            .map(|d| crate::domain::parse::parse_date_any("to", d, today))
            .transpose()?;
    if to.is_some_and(|t| t < from) {
        return Err(InputError::new(
            "to",
            "is before --from; allowed: a date on or after the start",
        ));
    }
    TARGET_PER_WEEK.check(a.target as f64)?;
    let specs: Specs = a
        .exercises
        .iter()
        .map(|d| parse_done("exercise", d))
        .collect::<std::result::Result<_, _>>()?;
    let name = text(&Some(a.name.clone()))
        .ok_or_else(|| InputError::new("name", "empty; allowed: any text"))?;
    let p = Programme {
        id: 0,
        uuid: String::new(),
        name,
        active_from: from,
        active_to: to,
        target_per_week: a.target,
        note: text(&a.note),
        items: Vec::new(),
    };
    Ok((p, specs))
}

/// The programme's items from the library; a bare name takes the exercise's default (its
/// load too, unless one is typed: `goblet squat:@20kg`).
pub fn programme_items(repo: &Repo, specs: Specs) -> Result<Vec<ProgrammeItem>> {
    let mut items = Vec::new();
    for (ex_name, p) in specs {
        let ex = exercise_named(repo, &ex_name)?;
        let (sets, reps, hold, load) = if is_bare(&p) {
            (ex.sets, ex.reps, ex.hold_s, ex.load_kg)
        } else {
            (p.sets, p.reps, p.hold_s, None)
        };
        items.push(ProgrammeItem {
            exercise_id: ex.id,
            exercise: ex.name,
            sets,
            reps,
            load_kg: p.load_kg.or(load),
            hold_s: hold,
        });
    }
    Ok(items)
}

pub fn add_programme(
    repo: &mut Repo,
    a: &ProgrammeDraft,
    today: NaiveDate,
) -> Result<Done<Programme>> {
    let (mut p, specs) = programme_draft(a, today)?;
    let p = repo.with_exercise_library(|repo| {
        p.items = programme_items(repo, specs)?;
        repo.add_programme(&p)
    })?;
    let listed: Vec<String> = p
        .items
        .iter()
        .map(|i| {
            let spec = format_spec(i.sets, i.reps, i.hold_s, i.load_kg);
            format!("{} {spec}", i.exercise).trim_end().to_string()
        })
        .collect();
    let summary = format!(
        "Saved programme p{}: {} from {}, {}, {}/week: {}",
        p.id,
        p.name,
        p.active_from,
        crate::domain::text::plural(p.items.len(), "exercise", "exercises"),
        crate::domain::text::plural(p.target_per_week, "session", "sessions"),
        listed.join(", ")
    );
    Ok(Done::new(p, summary))
}
