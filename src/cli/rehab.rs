//! `rehab log|exercise|programme` and `psfs set|list`.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::json;

use super::args::{
    ExerciseArgs, ExerciseCmd, Global, ProgrammeArgs, ProgrammeCmd, PsfsCmd, RehabCmd, RehabLogArgs,
};
use super::ctx::*;
use crate::domain::error::parse_scale;
use crate::domain::prescription::{format_spec, parse_done, parse_spec};
use crate::domain::records::{Exercise, Programme, ProgrammeItem, RehabSession, SessionItem};
use crate::domain::vocab::ExerciseKind;
use crate::domain::{InputError, clock};
use crate::repo::{Kind, Repo};

pub fn run(g: &Global, cmd: RehabCmd) -> Result<()> {
    match cmd {
        RehabCmd::Log(a) => log(g, a),
        RehabCmd::Exercise {
            action: ExerciseCmd::Add(a),
        } => add_exercise(g, a),
        RehabCmd::Exercise {
            action: ExerciseCmd::List,
        } => list_exercises(g),
        RehabCmd::Programme {
            action: ProgrammeCmd::Add(a),
        } => add_programme(g, a),
        RehabCmd::Programme {
            action: ProgrammeCmd::List,
        } => list_programmes(g),
    }
}

fn exercise_named(repo: &Repo, name: &str) -> Result<Exercise> {
    repo.exercise_by_name(name)?.ok_or_else(|| {
        let known: Vec<String> = repo.exercises().map(|v| v.into_iter().map(|e| e.name).collect()).unwrap_or_default();
        InputError::new("exercise", format!("unknown exercise '{name}'; allowed: {} (or add one with `backtrack rehab exercise add`)", known.join(", "))).into()
    })
}

fn log(g: &Global, a: RehabLogArgs) -> Result<()> {
    let today = clock::today();
    let date = date_or_today("date", &a.date, today)?;
    let pain_before = opt_scale("pain_before", &a.pain_before, 0, 10)?;
    let pain_after = opt_scale("pain_after", &a.pain_after, 0, 10)?;
    let done: Vec<_> = a
        .done
        .iter()
        .map(|d| parse_done("done", d))
        .collect::<Result<_, _>>()?;
    let mut ctx = Ctx::open(g)?;
    ctx.repo.ensure_exercise_library()?;
    let active = ctx.repo.active_programmes(date)?;
    let programme = match &a.programme {
        Some(name) => Some(
            active
                .iter()
                .chain(ctx.repo.programmes()?.iter())
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
    let items: Vec<SessionItem> = if done.is_empty() {
        // "Did my programme" in one action: every exercise as prescribed.
        let p = programme.as_ref().ok_or_else(|| InputError::new("done", "no programme is active and no --done given; allowed: --done \"bird dog:3x10\" or a programme name"))?;
        p.items
            .iter()
            .map(|it| SessionItem {
                exercise_id: it.exercise_id,
                exercise: it.exercise.clone(),
                sets: it.sets,
                reps: it.reps,
                load_kg: None,
                hold_s: it.hold_s,
            })
            .collect()
    } else {
        let mut v = Vec::new();
        for (name, p) in &done {
            let ex = exercise_named(&ctx.repo, name)?;
            let prescribed = programme
                .as_ref()
                .and_then(|pr| pr.items.iter().find(|i| i.exercise_id == ex.id));
            let bare = p.sets.is_none() && p.reps.is_none() && p.hold_s.is_none();
            let (sets, reps, hold) = if bare {
                prescribed
                    .map(|i| (i.sets, i.reps, i.hold_s))
                    .unwrap_or((ex.sets, ex.reps, ex.hold_s))
            } else {
                (p.sets, p.reps, p.hold_s)
            };
            v.push(SessionItem {
                exercise_id: ex.id,
                exercise: ex.name.clone(),
                sets,
                reps,
                load_kg: p.load_kg,
                hold_s: hold,
            });
        }
        v
    };
    let s = ctx.repo.add_rehab_session(&RehabSession {
        id: 0,
        uuid: String::new(),
        date,
        programme_id: programme.as_ref().map(|p| p.id),
        programme: programme.as_ref().map(|p| p.name.clone()),
        minutes: a.minutes,
        pain_before,
        pain_after,
        note: text(&a.note),
        items,
    })?;
    ctx.out(&with_ref(Kind::Rehab, s.id, &s), || {
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
            "Saved rehab session r{} on {}{prog}: {}",
            s.id,
            s.date,
            names.join(", ")
        )
    })
}

fn add_exercise(g: &Global, a: ExerciseArgs) -> Result<()> {
    let kind = ExerciseKind::parse(&a.kind)?;
    let name = text(&Some(a.name.clone()))
        .ok_or_else(|| InputError::new("name", "empty; allowed: any text"))?;
    let p = a
        .prescription
        .as_deref()
        .map(|s| parse_spec("prescription", s))
        .transpose()?
        .unwrap_or_default();
    let mut ctx = Ctx::open(g)?;
    ctx.repo.ensure_exercise_library()?;
    let e = ctx.repo.add_exercise(&Exercise {
        id: 0,
        uuid: String::new(),
        name,
        kind,
        sets: p.sets,
        reps: p.reps,
        hold_s: p.hold_s,
        per_side: a.per_side,
        cues: text(&a.cues),
    })?;
    ctx.out(&with_ref(Kind::Exercise, e.id, &e), || {
        format!("Saved exercise x{}: {} ({})", e.id, e.name, e.kind)
    })
}

fn list_exercises(g: &Global) -> Result<()> {
    let mut ctx = Ctx::open(g)?;
    ctx.repo.ensure_exercise_library()?;
    let list = ctx.repo.exercises()?;
    let rows: Vec<_> = list
        .iter()
        .map(|e| with_ref(Kind::Exercise, e.id, e))
        .collect();
    ctx.out(&rows, || {
        list.iter()
            .map(|e| {
                format!(
                    "x{:<4} {:<22} {:<9} {:<8}{}",
                    e.id,
                    e.name,
                    e.kind.as_str(),
                    format_spec(e.sets, e.reps, e.hold_s, None),
                    if e.per_side { " per side" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The exercises of a programme as typed ("bird dog:3x10"), in order.
pub type Specs = Vec<(String, crate::domain::prescription::Prescription)>;

/// The `rehab programme add` arguments validated without the journal (so bad input never
/// opens it): the programme without items, and its exercises as typed. The app's programme
/// form builds the same arguments from text.
pub fn programme_draft(
    a: &ProgrammeArgs,
    today: NaiveDate,
) -> Result<(Programme, Specs), InputError> {
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
    if a.target > 21 {
        return Err(InputError::new(
            "target",
            format!(
                "{} is out of range; allowed: 0–21 sessions per week",
                a.target
            ),
        ));
    }
    let specs: Specs = a
        .exercises
        .iter()
        .map(|d| parse_done("exercise", d))
        .collect::<Result<_, _>>()?;
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

/// The programme's items from the library; a bare name takes the exercise's default.
pub fn programme_items(repo: &Repo, specs: Specs) -> Result<Vec<ProgrammeItem>> {
    let mut items = Vec::new();
    for (ex_name, p) in specs {
        let ex = exercise_named(repo, &ex_name)?;
        let bare = p.sets.is_none() && p.reps.is_none() && p.hold_s.is_none();
        let (sets, reps, hold) = if bare {
            (ex.sets, ex.reps, ex.hold_s)
        } else {
            (p.sets, p.reps, p.hold_s)
        };
        items.push(ProgrammeItem {
            exercise_id: ex.id,
            exercise: ex.name,
            sets,
            reps,
            hold_s: hold,
        });
    }
    Ok(items)
}

fn add_programme(g: &Global, a: ProgrammeArgs) -> Result<()> {
    let (mut p, specs) = programme_draft(&a, clock::today())?;
    let mut ctx = Ctx::open(g)?;
    ctx.repo.ensure_exercise_library()?;
    p.items = programme_items(&ctx.repo, specs)?;
    let p = ctx.repo.add_programme(&p)?;
    ctx.out(&with_ref(Kind::Programme, p.id, &p), || {
        format!(
            "Saved programme p{}: {} from {}, {} exercises, {} sessions/week",
            p.id,
            p.name,
            p.active_from,
            p.items.len(),
            p.target_per_week
        )
    })
}

fn list_programmes(g: &Global) -> Result<()> {
    let ctx = Ctx::open(g)?;
    let list = ctx.repo.programmes()?;
    let rows: Vec<_> = list
        .iter()
        .map(|p| with_ref(Kind::Programme, p.id, p))
        .collect();
    ctx.out(&rows, || {
        if list.is_empty() {
            return "No programmes yet. Add one: backtrack rehab programme add NAME --exercise \"bird dog:3x10\" --target 3".into();
        }
        let mut out = Vec::new();
        for p in &list {
            let until = p.active_to.map(|t| format!(" to {t}")).unwrap_or_default();
            out.push(format!("p{:<4} {} (from {}{until}, {}/week)", p.id, p.name, p.active_from, p.target_per_week));
            for it in &p.items {
                out.push(format!("       - {} {}", it.exercise, format_spec(it.sets, it.reps, it.hold_s, None)));
            }
        }
        out.join("\n")
    })
}

pub fn psfs(g: &Global, cmd: PsfsCmd) -> Result<()> {
    match cmd {
        PsfsCmd::Set {
            activity,
            score,
            date,
        } => {
            let today = clock::today();
            let score = parse_scale("score", &score, 0, 10)?;
            let date = date_or_today("date", &date, today)?;
            let name = text(&Some(activity)).ok_or_else(|| {
                InputError::new(
                    "activity",
                    "empty; allowed: a short description, e.g. \"ride 3h with climbing\"",
                )
            })?;
            let mut ctx = Ctx::open(g)?;
            let created = ctx.repo.psfs_rate(&name, date, score)?;
            let v =
                json!({"activity": name, "date": date, "score": score, "new_activity": created});
            ctx.out(&v, || {
                format!(
                    "Saved PSFS rating for \"{name}\" on {date}: {score}/10{}",
                    if created { " (new activity)" } else { "" }
                )
            })
        }
        PsfsCmd::List => {
            let ctx = Ctx::open(g)?;
            let items = ctx.repo.psfs_items()?;
            let rows: Vec<_> = items
                .iter()
                .map(|i| with_ref(Kind::Psfs, i.id, i))
                .collect();
            ctx.out(&rows, || {
                if items.is_empty() {
                    return "No PSFS activities yet. Rate one: backtrack psfs set \"ride 3h with climbing\" 4".into();
                }
                items.iter().map(|i| {
                    let latest = i.ratings.last().map(|r| format!("{}/10 on {}", r.score, r.date)).unwrap_or_else(|| "not rated".into());
                    format!("f{:<4} {:<36} {latest}", i.id, i.name)
                }).collect::<Vec<_>>().join("\n")
            })
        }
    }
}
