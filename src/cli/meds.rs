//! `med add|take|list|doses`: the catalogue, doses, and the daily-max refusal.

use anyhow::Result;
use serde_json::json;

use super::args::{Global, MedAddArgs, MedCmd, MedTakeArgs};
use super::ctx::*;
use super::drafts;
use crate::domain::clock;
use crate::domain::records::drug_key;
use crate::ops;
use crate::ops::dose_day::DoseDay;
use crate::ops::meds::Taken;
use crate::repo::Kind;

pub fn run(g: &Global, cmd: MedCmd) -> Result<()> {
    match cmd {
        MedCmd::Add(a) => add(g, a),
        MedCmd::Take(a) => take(g, a),
        MedCmd::List => list(g),
        MedCmd::Doses { since } => doses(g, since),
    }
}

fn add(g: &Global, a: MedAddArgs) -> Result<()> {
    let today = clock::today();
    let draft = drafts::medication(&a);
    ops::meds::build_medication(&draft, today)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::meds::add_medication(&mut ctx.repo, &draft, today)?;
    let m = &done.record;
    ctx.out(&with_ref(Kind::Medication, m.id, m), || {
        done.summary.clone()
    })
}

fn take(g: &Global, a: MedTakeArgs) -> Result<()> {
    let today = clock::today();
    let now = clock::now_local();
    let draft = drafts::dose(&a);
    ops::meds::validate_dose(&draft, today, now)?;
    let mut ctx = Ctx::open(g)?;
    match ops::meds::take_dose(&mut ctx.repo, &draft, today, now)? {
        Taken::Saved(done, day) => {
            let d = &done.record;
            ctx.out(&with_ref(Kind::Dose, d.id, d), || {
                done.summary.clone() + over_max_words(&day)
            })
        }
        Taken::OverMax(over) => Err(over.refusal().into()),
        Taken::Again(again) => Err(again.refusal().into()),
    }
}

fn list(g: &Global) -> Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let meds = ctx.repo.medications()?;
    // Per drug, as `status` and Today count them: every row of one drug adds up.
    let totals = super::status::today_totals(&ctx.repo, ctx.today)?;
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for m in &meds {
        let today = totals.iter().find(|t| {
            drug_key(&t.medication) == drug_key(&m.name)
                && t.unit.trim().eq_ignore_ascii_case(m.unit.trim())
        });
        let total = today.map_or(0.0, |t| t.total);
        let over = today.is_some_and(|t| t.over_max);
        let mut v = with_ref(Kind::Medication, m.id, m);
        v["today_total"] = json!(total);
        v["over_max"] = json!(over);
        rows.push(v);
        let max = m.max_daily.map(|x| format!("/{x}")).unwrap_or_default();
        let sched = if m.as_needed {
            "as needed".to_string()
        } else {
            format!("{}×/day", m.times_a_day.unwrap_or(1))
        };
        lines.push(format!(
            "m{:<4} {:<20} {:<17} {:>6} {:<4} {:<10} today {total}{max} {}{}",
            m.id,
            m.name,
            m.class.as_str(),
            m.usual_dose,
            m.unit,
            sched,
            m.unit,
            if over { " (over max)" } else { "" }
        ));
    }
    ctx.out(&rows, || if lines.is_empty() { "No medications yet. Add one: backtrack med add NAME --class nsaid --unit mg --dose 400 --max-daily 1200".into() } else { lines.join("\n") })
}

fn doses(g: &Global, since: Option<String>) -> Result<()> {
    let today = clock::today();
    let from = match &since {
        Some(s) => crate::domain::period::parse_since("since", s, today, today)?
            .or_first(crate::domain::parse::earliest_day()),
        None => today - chrono::Duration::days(30),
    };
    let ctx = Ctx::open_existing(g)?;
    let mut list = ctx.repo.doses_between(from, today)?;
    // Newest first, as `list doses` and every other list.
    list.reverse();
    let rows: Vec<_> = list.iter().map(|d| with_ref(Kind::Dose, d.id, d)).collect();
    ctx.out(&rows, || {
        if list.is_empty() {
            return format!("No doses since {from}.");
        }
        list.iter()
            .map(|d| {
                format!(
                    "d{:<5} {}  {:<20} {:>7} {:<4} {}",
                    d.id,
                    d.taken_at.format("%Y-%m-%d %H:%M"),
                    d.medication,
                    d.amount,
                    d.unit,
                    d.class
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// What the command line adds to a dose's line when its day ends over the max: stored only
/// with `--force`, which it names.
pub(super) fn over_max_words(day: &DoseDay) -> &'static str {
    match (day.over_max(), day.forced) {
        (true, true) => " — OVER the daily max (forced)",
        (true, false) => " — OVER the daily max",
        (false, _) => "",
    }
}
