//! `med add|take|list|doses`: the catalogue, doses, and the daily-max refusal.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::json;

use super::args::{Global, MedAddArgs, MedCmd, MedTakeArgs};
use super::ctx::*;
use crate::domain::parse::parse_datetime;
use crate::domain::records::{Dose, Medication};
use crate::domain::vocab::MedClass;
use crate::domain::{InputError, clock};
use crate::repo::Kind;

pub fn run(g: &Global, cmd: MedCmd) -> Result<()> {
    match cmd {
        MedCmd::Add(a) => add(g, a),
        MedCmd::Take(a) => take(g, a),
        MedCmd::List => list(g),
        MedCmd::Doses { since } => doses(g, since),
    }
}

/// The validated catalogue entry for the `med add` flags; the app's medication form builds
/// its `MedAddArgs` from text so both refuse the same input with the same message.
pub fn build_medication(a: &MedAddArgs, today: NaiveDate) -> Result<Medication, InputError> {
    let name = text(&Some(a.name.clone()))
        .ok_or_else(|| InputError::new("name", "empty; allowed: the medication's name"))?;
    let unit = text(&Some(a.unit.clone()))
        .ok_or_else(|| InputError::new("unit", "empty; allowed: mg, ml, mcg, tablet…"))?;
    let m = Medication {
        id: 0,
        uuid: String::new(),
        name,
        class: MedClass::parse(&a.class)?,
        unit,
        usual_dose: crate::domain::error::check_positive("dose", a.dose, 100_000.0)?,
        max_daily: opt_positive("max_daily", a.max_daily, 1_000_000.0)?,
        as_needed: a.times_a_day.is_none(),
        times_a_day: a
            .times_a_day
            .map(|n| {
                if (1..=24).contains(&n) {
                    Ok(n)
                } else {
                    Err(InputError::new(
                        "times_a_day",
                        format!("{n} is out of range; allowed: 1–24"),
                    ))
                }
            })
            .transpose()?,
        course_start: a
            .course_start
            .as_ref()
            .map(|d| crate::domain::parse::parse_date("course_start", d, today))
            .transpose()?,
        course_end: a
            .course_end
            .as_ref()
            .map(|d| crate::domain::parse::parse_date_any("course_end", d, today))
            .transpose()?,
        note: text(&a.note),
    };
    if let (Some(max), true) = (m.max_daily, m.max_daily.is_some_and(|x| x < m.usual_dose)) {
        return Err(InputError::new(
            "max_daily",
            format!(
                "{max} is less than the usual dose {}; allowed: at least the usual dose",
                m.usual_dose
            ),
        ));
    }
    Ok(m)
}

fn add(g: &Global, a: MedAddArgs) -> Result<()> {
    let m = build_medication(&a, clock::today())?;
    let mut ctx = Ctx::open(g)?;
    let m = ctx.repo.add_medication(&m)?;
    ctx.out(&with_ref(Kind::Medication, m.id, &m), || {
        let max = m
            .max_daily
            .map(|x| format!(", max {x} {}/day", m.unit))
            .unwrap_or_default();
        format!(
            "Saved medication m{}: {} ({}), usual dose {} {}{max}",
            m.id, m.name, m.class, m.usual_dose, m.unit
        )
    })
}

fn take(g: &Global, a: MedTakeArgs) -> Result<()> {
    let today = clock::today();
    let taken_at = match &a.at {
        Some(t) => parse_datetime("at", t, today)?,
        None => clock::now_local(),
    };
    let pain = opt_scale("pain", &a.pain, 0, 10)?;
    if let Some(x) = a.amount {
        crate::domain::error::check_positive("amount", x, 100_000.0)?;
    }
    let mut ctx = Ctx::open(g)?;
    let Some(m) = ctx.repo.medication_by_name(&a.name)? else {
        let known: Vec<String> = ctx
            .repo
            .medications()?
            .into_iter()
            .map(|m| m.name)
            .collect();
        let allowed = if known.is_empty() {
            "none yet; add one with `backtrack med add`".to_string()
        } else {
            known.join(", ")
        };
        return Err(InputError::new(
            "medication",
            format!("unknown medication '{}'; allowed: {allowed}", a.name),
        )
        .into());
    };
    let amount = a.amount.unwrap_or(m.usual_dose);
    let before = ctx.repo.day_total(m.id, taken_at.date())?;
    let after = before + amount;
    if let Some(max) = m.max_daily
        && after > max + 1e-9
        && !a.force
    {
        return Err(InputError::new(
            "amount",
            format!(
                "{amount} {u} would bring {} on {} to {after} {u}, over your max daily total of {max} {u}; nothing was saved. Use --force to log it anyway",
                m.name, taken_at.date(), u = m.unit
            ),
        )
        .into());
    }
    let d = ctx.repo.add_dose(&Dose {
        id: 0,
        uuid: String::new(),
        taken_at,
        medication_id: m.id,
        medication: m.name.clone(),
        class: m.class,
        unit: m.unit.clone(),
        amount,
        pain_before: pain,
        note: text(&a.note),
    })?;
    ctx.out(&with_ref(Kind::Dose, d.id, &d), || {
        let max = m
            .max_daily
            .map(|x| format!(" of max {x}"))
            .unwrap_or_default();
        let over = if m.max_daily.is_some_and(|x| after > x + 1e-9) {
            " — OVER the daily max (forced)"
        } else {
            ""
        };
        format!(
            "Saved dose d{}: {} {} {} at {}; total on {}: {after} {}{max}{over}",
            d.id,
            amount,
            m.unit,
            m.name,
            taken_at.format("%Y-%m-%d %H:%M"),
            taken_at.date(),
            m.unit
        )
    })
}

fn list(g: &Global) -> Result<()> {
    let ctx = Ctx::open(g)?;
    let meds = ctx.repo.medications()?;
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for m in &meds {
        let total = ctx.repo.day_total(m.id, ctx.today)?;
        let mut v = with_ref(Kind::Medication, m.id, m);
        v["today_total"] = json!(total);
        rows.push(v);
        let max = m.max_daily.map(|x| format!("/{x}")).unwrap_or_default();
        let sched = if m.as_needed {
            "as needed".to_string()
        } else {
            format!("{}×/day", m.times_a_day.unwrap_or(1))
        };
        lines.push(format!(
            "m{:<4} {:<20} {:<17} {:>6} {:<4} {:<10} today {total}{max} {}",
            m.id,
            m.name,
            m.class.as_str(),
            m.usual_dose,
            m.unit,
            sched,
            m.unit
        ));
    }
    ctx.out(&rows, || if lines.is_empty() { "No medications yet. Add one: backtrack med add NAME --class nsaid --unit mg --dose 400 --max-daily 1200".into() } else { lines.join("\n") })
}

fn doses(g: &Global, since: Option<String>) -> Result<()> {
    let today = clock::today();
    let from = match &since {
        Some(s) => crate::domain::parse::parse_date("since", s, today)?,
        None => today - chrono::Duration::days(30),
    };
    let ctx = Ctx::open(g)?;
    let list = ctx.repo.doses_between(from, today)?;
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
