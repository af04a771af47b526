//! `rehab log|exercise|programme` and `psfs set|list`; the writes go through `ops`.

use anyhow::Result;
use serde_json::json;

use super::args::{
    ExerciseArgs, ExerciseCmd, Global, ProgrammeArgs, ProgrammeCmd, PsfsCmd, RehabCmd, RehabLogArgs,
};
use super::ctx::*;
use super::drafts;
use crate::domain::clock;
use crate::domain::prescription::format_spec;
use crate::ops;
use crate::ops::psfs::PsfsDraft;
use crate::repo::Kind;

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

fn log(g: &Global, a: RehabLogArgs) -> Result<()> {
    let today = clock::today();
    let draft = drafts::rehab_log(&a);
    ops::rehab::validate_log(&draft, today)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::rehab::log(&mut ctx.repo, &draft, today)?;
    let s = &done.record;
    ctx.out(&with_ref(Kind::Rehab, s.id, s), || done.summary.clone())
}

fn add_exercise(g: &Global, a: ExerciseArgs) -> Result<()> {
    let draft = drafts::exercise(&a);
    ops::rehab::build_exercise(&draft)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::rehab::add_exercise(&mut ctx.repo, &draft)?;
    let e = &done.record;
    ctx.out(&with_ref(Kind::Exercise, e.id, e), || done.summary.clone())
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
        let cells: Vec<[String; 4]> = list
            .iter()
            .map(|e| {
                [
                    format!("x{}", e.id),
                    e.name.clone(),
                    e.kind.as_str().to_string(),
                    format_spec(e.sets, e.reps, e.hold_s, e.load_kg),
                ]
            })
            .collect();
        // Each column as wide as its widest cell (`3x8@35.5lb`, a long name), and never
        // narrower than the usual library needs, so "per side" stays in one column.
        let mut widths = [5, 22, 9, 8];
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let [wi, wn, wk, ws] = widths;
        list.iter()
            .zip(&cells)
            .map(|(e, [id, name, kind, spec])| {
                let side = if e.per_side { " per side" } else { "" };
                let line = format!("{id:<wi$} {name:<wn$} {kind:<wk$} {spec:<ws$}{side}");
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn add_programme(g: &Global, a: ProgrammeArgs) -> Result<()> {
    let today = clock::today();
    let draft = drafts::programme(&a);
    ops::rehab::programme_draft(&draft, today)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::rehab::add_programme(&mut ctx.repo, &draft, today)?;
    let p = &done.record;
    ctx.out(&with_ref(Kind::Programme, p.id, p), || done.summary.clone())
}

fn list_programmes(g: &Global) -> Result<()> {
    let ctx = Ctx::open_existing(g)?;
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
                out.push(format!("       - {} {}", it.exercise, format_spec(it.sets, it.reps, it.hold_s, it.load_kg)));
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
            let draft = PsfsDraft {
                activity,
                score,
                date,
            };
            ops::psfs::validate(&draft, today)?;
            let mut ctx = Ctx::open(g)?;
            let done = ops::psfs::rate(&mut ctx.repo, &draft, today)?;
            let r = &done.record;
            let v = json!({"activity": r.activity, "date": r.date, "score": r.score, "new_activity": r.new_activity});
            ctx.out(&v, || done.summary.clone())
        }
        PsfsCmd::List => {
            let ctx = Ctx::open_existing(g)?;
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
