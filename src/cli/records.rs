//! `list`, `info`, `edit`, `delete`, `restore` and `trash`: records by typed ID.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::Value;

use super::args::{EditArgs, Global, ListArgs, ListKind};
use super::ctx::*;
use crate::domain::parse::{format_duration, parse_date};
use crate::domain::{InputError, clock};
use crate::ops;
use crate::repo::{Kind, RecordId};

fn range(a: &ListArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), InputError> {
    let until = match &a.until {
        Some(u) => parse_date("until", u, today)?,
        None => today,
    };
    let since = match (&a.since, a.all) {
        (_, true) => NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN),
        (Some(s), _) => parse_date("since", s, today)?,
        (None, _) => today - chrono::Duration::days(30),
    };
    if since > until {
        return Err(InputError::new(
            "since",
            format!("{since} is after --until {until}; allowed: a day on or before it"),
        ));
    }
    Ok((since, until))
}

pub fn list(g: &Global, a: ListArgs) -> Result<()> {
    let (from, to) = range(&a, clock::today())?;
    let ctx = Ctx::open(g)?;
    let r = &ctx.repo;
    let (rows, lines): (Vec<Value>, Vec<String>) = match a.kind {
        ListKind::Checkins => r
            .checkins_between(from, to)?
            .iter()
            .rev()
            .map(|c| {
                let bar = "█".repeat(c.pain as usize);
                let mut l = format!(
                    "c{:<5} {}  {:>2} {:<10} {}",
                    c.id,
                    c.date,
                    c.pain,
                    bar,
                    c.tags.join(",")
                );
                if let Some(n) = &c.note {
                    l.push_str(&format!(
                        "  {}",
                        n.lines()
                            .next()
                            .unwrap_or("")
                            .chars()
                            .take(40)
                            .collect::<String>()
                    ));
                }
                if !c.red_flags.is_empty() {
                    l.push_str("  RED FLAG");
                }
                (with_ref(Kind::Checkin, c.id, c), l)
            })
            .unzip(),
        ListKind::Activities => r
            .activities_between(from, to)?
            .iter()
            .rev()
            .map(|x| {
                let pain = [x.pain_before, x.pain_during, x.pain_after]
                    .map(|p| p.map(|v| v.to_string()).unwrap_or("-".into()))
                    .join("/");
                let tss = x
                    .tss
                    .map(|t| {
                        format!(
                            "{t:.0}{}",
                            if matches!(x.load_source.as_deref(), Some("hr" | "rpe")) {
                                "~"
                            } else {
                                ""
                            }
                        )
                    })
                    .unwrap_or("-".into());
                let l = format!(
                    "a{:<5} {}  {:<12} {:>7}  TSS {:>5}  pain {pain}{}",
                    x.id,
                    x.start.format("%Y-%m-%d %H:%M"),
                    x.kind.as_str(),
                    format_duration(x.elapsed_s),
                    tss,
                    if x.stopped_for_pain { "  stopped" } else { "" }
                );
                (with_ref(Kind::Activity, x.id, x), l)
            })
            .unzip(),
        ListKind::Doses => r
            .doses_between(from, to)?
            .iter()
            .rev()
            .map(|d| {
                let l = format!(
                    "d{:<5} {}  {:<20} {:>7} {}",
                    d.id,
                    d.taken_at.format("%Y-%m-%d %H:%M"),
                    d.medication,
                    d.amount,
                    d.unit
                );
                (with_ref(Kind::Dose, d.id, d), l)
            })
            .unzip(),
        ListKind::Events => r
            .events_between(from, to)?
            .iter()
            .rev()
            .map(|e| {
                (
                    with_ref(Kind::Event, e.id, e),
                    format!(
                        "e{:<5} {}  {:<10} {}",
                        e.id,
                        e.date,
                        e.kind.as_str(),
                        e.title
                    ),
                )
            })
            .unzip(),
        ListKind::Rehab => r
            .rehab_sessions_between(from, to)?
            .iter()
            .rev()
            .map(|s| {
                let pain = [s.pain_before, s.pain_after]
                    .map(|p| p.map(|v| v.to_string()).unwrap_or("-".into()))
                    .join("→");
                let l = format!(
                    "r{:<5} {}  {:<20} {}  pain {pain}",
                    s.id,
                    s.date,
                    s.programme.as_deref().unwrap_or("-"),
                    crate::domain::text::plural(s.items.len(), "exercise", "exercises")
                );
                (with_ref(Kind::Rehab, s.id, s), l)
            })
            .unzip(),
    };
    ctx.out(&rows, || {
        if lines.is_empty() {
            format!("Nothing between {from} and {to}.")
        } else {
            lines.join("\n")
        }
    })
}

/// The full record behind a typed ID, as JSON.
fn record_json(ctx: &Ctx, rid: RecordId) -> Result<Value> {
    let r = &ctx.repo;
    let missing = || {
        crate::repo::RepoError::NotFound(format!(
            "no live {} {rid}; `backtrack list` and `backtrack trash` show IDs",
            rid.kind.noun()
        ))
    };
    let v = match rid.kind {
        Kind::Checkin => r
            .checkin_by_id(rid.id)?
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Activity => r
            .activity_by_id(rid.id)?
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Dose => r.dose_by_id(rid.id)?.map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Medication => r
            .medication_by_id(rid.id)?
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Event => r.event_by_id(rid.id)?.map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Rehab => r
            .rehab_session_by_id(rid.id)?
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Exercise => r
            .exercise_by_id(rid.id)?
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Programme => r
            .programmes()?
            .into_iter()
            .find(|p| p.id == rid.id)
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Psfs => r
            .psfs_items()?
            .into_iter()
            .find(|p| p.id == rid.id)
            .map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Criterion => r
            .criteria_list()?
            .into_iter()
            .find(|p| p.id == rid.id)
            .map(|x| with_ref(rid.kind, x.id, &x)),
    };
    Ok(v.ok_or_else(missing)?)
}

pub fn info(g: &Global, id: &str) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let ctx = Ctx::open(g)?;
    let v = record_json(&ctx, rid)?;
    ctx.out(&v, || {
        let mut lines = vec![format!("{} {rid}", rid.kind.noun())];
        if let Value::Object(o) = &v {
            for (k, val) in o {
                if matches!(k.as_str(), "id" | "ref")
                    || val.is_null()
                    || val.as_array().is_some_and(|a| a.is_empty())
                {
                    continue;
                }
                let shown = match val {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                lines.push(format!("  {k:<18} {shown}"));
            }
        }
        lines.join("\n")
    })
}

pub fn delete(g: &Global, id: &str) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::records::delete(&mut ctx.repo, rid)?;
    let v = serde_json::json!({"deleted": rid.to_string(), "summary": done.record});
    ctx.out(&v, || {
        format!("{}. Undo: backtrack restore {rid}", done.summary)
    })
}

pub fn restore(g: &Global, id: &str) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::records::restore(&mut ctx.repo, rid)?;
    let v = serde_json::json!({"restored": rid.to_string(), "summary": done.record});
    ctx.out(&v, || done.summary.clone())
}

pub fn trash(g: &Global, empty: bool) -> Result<()> {
    let mut ctx = Ctx::open(g)?;
    if empty {
        let (purged, kept) = ctx.repo.empty_trash()?;
        let v = serde_json::json!({"purged": purged, "kept": kept});
        return ctx.out(&v, || {
            let kept = if kept > 0 {
                format!("; kept {kept} still referenced by live records")
            } else {
                String::new()
            };
            format!(
                "Purged {} for good{kept}.",
                crate::domain::text::plural(purged, "record", "records")
            )
        });
    }
    let items = ctx.repo.trash()?;
    ctx.out(&items, || {
        if items.is_empty() {
            return "The trash is empty.".into();
        }
        items
            .iter()
            .map(|t| {
                format!(
                    "{:<7} {:<14} {}  (deleted {})",
                    t.id,
                    t.kind_noun(),
                    t.summary,
                    t.deleted_at
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

impl crate::repo::records::TrashItem {
    fn kind_noun(&self) -> &'static str {
        self.kind.noun()
    }
}

pub fn edit(g: &Global, a: EditArgs) -> Result<()> {
    let rid = RecordId::parse(&a.id)?;
    let today = clock::today();
    let given = super::edit::given_flags(&a);
    if given.is_empty() {
        return Err(InputError::new("flags", "nothing to change; give the fields to edit, e.g. --pain 5 (see `backtrack edit --help`)").into());
    }
    super::edit::check_applicable(rid.kind, &given)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::edit::apply(&mut ctx.repo, rid, &super::drafts::edit(&a), today)?;
    let v = record_json(&ctx, rid)?;
    ctx.out(&v, || done.summary)
}
