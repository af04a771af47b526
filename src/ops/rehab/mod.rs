//! Rehab (SPEC §4.3): adding an exercise to the library and adding a programme here;
//! logging a session (a programme done as prescribed, or the exercises named) in
//! `session.rs`.

mod session;

use chrono::NaiveDate;

use super::Done;
use super::Result;
use super::input::text;
use crate::domain::InputError;
use crate::domain::limits::TARGET_PER_WEEK;
use crate::domain::prescription::{Prescription, format_spec, parse_done, parse_spec};
use crate::domain::records::{Exercise, Programme, ProgrammeItem};
use crate::domain::vocab::ExerciseKind;
use crate::repo::Repo;

pub use session::{RehabInput, RehabLogDraft, log, save_session, session_line, validate_log};

fn exercise_named(repo: &Repo, name: &str) -> Result<Exercise> {
    repo.exercise_by_name(name)?.ok_or_else(|| {
        let known: Vec<String> = repo.exercises().map(|v| v.into_iter().map(|e| e.name).collect()).unwrap_or_default();
        InputError::new("exercise", format!("unknown exercise '{name}'; allowed: {} (or add one with `backtrack rehab exercise add`)", known.join(", "))).into()
    })
}

fn is_bare(p: &Prescription) -> bool {
    p.sets.is_none() && p.reps.is_none() && p.hold_s.is_none()
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
