//! `list`, `info`, `edit`, `delete`, `restore` and `trash`: records by typed ID.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::Value;

use super::args::{EditArgs, Global, ListArgs, ListKind};
use super::ctx::*;
use crate::domain::parse::format_duration;
use crate::domain::period::parse_since;
use crate::domain::vocab::LoadSource;
use crate::domain::{InputError, clock, text};
use crate::ops;
use crate::repo::{Kind, RecordId};

fn range(a: &ListArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), InputError> {
    let until = match &a.until {
        Some(u) => crate::domain::parse::parse_date_ahead("until", u, today)?,
        // Events may be appointments ahead; they list with the rest.
        None if a.kind == Some(ListKind::Events) || searches_every_kind(a) => {
            today + chrono::Duration::days(crate::domain::parse::AHEAD_DAYS)
        }
        None => today,
    };
    let since = match (&a.since, a.all) {
        (_, true) => crate::domain::parse::earliest_day(),
        // The same grammar as `stats` and `report`: a span counts back from --until.
        (Some(s), _) => parse_since("since", s, until.min(today), today)?
            .or_first(crate::domain::parse::earliest_day()),
        // The 30 days up to --until (up to today for events ahead).
        (None, _) => until.min(today) - chrono::Duration::days(30),
    };
    if since > until {
        return Err(InputError::new(
            "since",
            format!("{since} is after --until {until}; allowed: a day on or before it"),
        ));
    }
    Ok((since, until))
}

/// `list --grep TEXT` without a kind searches every kind: what someone looking for a word
/// means, whichever record it was in.
fn searches_every_kind(a: &ListArgs) -> bool {
    a.kind.is_none() && a.grep.is_some() && a.tag.is_none()
}

/// Whether a record's texts pass `--grep` (a case-insensitive substring of any of them).
fn grep_hit(grep: &Option<String>, texts: &[Option<&str>]) -> bool {
    let Some(g) = grep else { return true };
    let g = g.to_lowercase();
    texts
        .iter()
        .flatten()
        .any(|t| t.to_lowercase().contains(&g))
}

pub fn list(g: &Global, a: ListArgs) -> Result<()> {
    let (from, to) = range(&a, clock::today())?;
    let tag = match &a.tag {
        Some(t) if a.kind.is_some_and(|k| k != ListKind::Checkins) => {
            return Err(InputError::new(
                "tag",
                format!("'{t}' cannot filter {}; allowed: --tag with check-ins (only check-ins carry tags)", format!("{:?}", a.kind).to_lowercase()),
            )
            .into());
        }
        Some(t) => Some(crate::domain::vocab::parse_tag(t)?),
        None => None,
    };
    let ctx = Ctx::open_existing(g)?;
    let kinds = match a.kind {
        Some(k) => vec![k],
        None if searches_every_kind(&a) => ListKind::ALL.to_vec(),
        None => vec![ListKind::Checkins],
    };
    let (mut rows, mut lines) = (Vec::new(), Vec::new());
    for kind in &kinds {
        let (r, l) = kind_rows(&ctx.repo, *kind, (from, to), &a.grep, &tag)?;
        rows.extend(r);
        lines.extend(l);
    }
    if kinds.len() > 1 {
        // Every kind together, newest first: a day sorts before a time on it (stable).
        let when = |v: &Value| {
            ["start", "taken_at", "date"]
                .iter()
                .find_map(|k| v.get(*k).and_then(Value::as_str))
                .unwrap_or("")
                .to_string()
        };
        let mut both: Vec<(Value, String)> = rows.into_iter().zip(lines).collect();
        both.sort_by_key(|(v, _)| std::cmp::Reverse(when(v)));
        (rows, lines) = both.into_iter().unzip();
    }
    ctx.out(&rows, || match (lines.is_empty(), &a.grep) {
        (false, _) => lines.join("\n"),
        // Every kind reaches as far ahead as appointments do: the start is what was asked.
        (true, Some(g)) if kinds.len() > 1 => {
            format!("Nothing from {from} on has '{g}' in its note, title or tags.")
        }
        (true, _) => format!("Nothing between {from} and {to}."),
    })
}

/// One kind's records of `list` in `[from, to]`, newest first, with their lines.
fn kind_rows(
    r: &crate::repo::Repo,
    kind: ListKind,
    (from, to): (NaiveDate, NaiveDate),
    grep: &Option<String>,
    tag: &Option<String>,
) -> Result<(Vec<Value>, Vec<String>)> {
    let (rows, lines): (Vec<Value>, Vec<String>) = match kind {
        ListKind::Checkins => r
            .checkins_between(from, to)?
            .iter()
            .rev()
            .filter(|c| tag.as_ref().is_none_or(|t| c.tags.contains(t)))
            .filter(|c| {
                let tags = c.tags.join(" ");
                grep_hit(grep, &[c.note.as_deref(), Some(&tags)])
            })
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
            .filter(|x| grep_hit(grep, &[x.note.as_deref(), x.bike.as_deref()]))
            .map(|x| {
                let pain = [x.pain_before, x.pain_during, x.pain_after]
                    .map(|p| p.map(|v| v.to_string()).unwrap_or("-".into()))
                    .join("/");
                let tss = x
                    .tss
                    .map(|t| text::tss(t, text::tss_is_estimate(x.load_source)))
                    .unwrap_or("-".into());
                // In the user's units, as `info` and the app show it.
                let dist = x.distance_m.map_or("-".into(), text::distance);
                let l = format!(
                    "a{:<5} {}  {:<12} {:>7} {:>9}  TSS {:>5}  pain {pain}{}",
                    x.id,
                    x.start.format("%Y-%m-%d %H:%M"),
                    x.kind_name(),
                    format_duration(x.elapsed_s),
                    dist,
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
            .filter(|d| grep_hit(grep, &[d.note.as_deref(), Some(&d.medication)]))
            .map(|d| {
                let l = format!(
                    "d{:<5} {}  {:<20} {:>10}",
                    d.id,
                    d.taken_at.format("%Y-%m-%d %H:%M"),
                    d.medication,
                    text::amount(d.amount, &d.unit)
                );
                (with_ref(Kind::Dose, d.id, d), l)
            })
            .unzip(),
        ListKind::Events => r
            .events_between(from, to)?
            .iter()
            .rev()
            .filter(|e| grep_hit(grep, &[e.note.as_deref(), Some(&e.title)]))
            .map(|e| {
                (
                    with_ref(Kind::Event, e.id, e),
                    format!(
                        "e{:<5} {}  {:<10} {}",
                        e.id,
                        e.date,
                        e.kind.as_str(),
                        crate::domain::safe_text::one_line(&e.title)
                    ),
                )
            })
            .unzip(),
        ListKind::Rehab => {
            let sessions = r.rehab_sessions_between(from, to)?;
            let count = |n: usize| crate::domain::text::plural(n, "exercise", "exercises");
            // As wide as the widest count, so "pain" lines up after "1 exercise" too.
            let w = sessions
                .iter()
                .map(|s| count(s.items.len()).len())
                .max()
                .unwrap_or(0);
            sessions
                .iter()
                .rev()
                .filter(|s| grep_hit(grep, &[s.note.as_deref(), s.programme.as_deref()]))
                .map(|s| {
                    let pain = [s.pain_before, s.pain_after]
                        .map(|p| p.map(|v| v.to_string()).unwrap_or("-".into()))
                        .join("→");
                    let l = format!(
                        "r{:<5} {}  {:<20} {:<w$}  pain {pain}",
                        s.id,
                        s.date,
                        s.programme.as_deref().unwrap_or("-"),
                        count(s.items.len())
                    );
                    (with_ref(Kind::Rehab, s.id, s), l)
                })
                .unzip()
        }
    };
    Ok((rows, lines))
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
        Kind::Score => r.score_by_id(rid.id)?.map(|x| with_ref(rid.kind, x.id, &x)),
        Kind::Plan => r.plan_by_id(rid.id)?.map(|x| with_ref(rid.kind, x.id, &x)),
    };
    Ok(v.ok_or_else(missing)?)
}

pub fn info(g: &Global, id: &str) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let ctx = Ctx::open_existing(g)?;
    let v = record_json(&ctx, rid)?;
    ctx.out(&v, || {
        let mut lines = vec![format!("{} {rid}", rid.kind.noun())];
        if let Value::Object(o) = &v {
            let mut fields: Vec<(&String, &Value)> = o.iter().collect();
            fields.sort_by_key(|(k, _)| info_rank(k));
            for (k, val) in fields {
                if matches!(k.as_str(), "id" | "ref" | "load_source" | "sport")
                    || (k == "stopped_for_pain" && val == &Value::Bool(false))
                    || val.is_null()
                    || val.as_array().is_some_and(|a| a.is_empty())
                {
                    continue;
                }
                let (label, shown) = info_field(k, val, o);
                // A note's later lines stay under its value: none can pass for a field.
                let shown = shown.replace('\n', &format!("\n  {:<18} ", ""));
                lines.push(format!("  {label:<18} {shown}"));
            }
        }
        lines.join("\n")
    })
}

/// Where a field stands in `info`: what it is and when first, then its figures, the pain,
/// the rest, and the bookkeeping last (JSON objects have no order of their own).
fn info_rank(k: &str) -> usize {
    const ORDER: &[&str] = &[
        "kind",
        "name",
        "title",
        "medication",
        "class",
        "programme",
        "date",
        "start",
        "taken_at",
        "active_from",
        "active_to",
        "pain",
        "worst_pain",
        "leg_pain",
        "locations",
        "character",
        "elapsed_s",
        "moving_s",
        "distance_m",
        "ascent_m",
        "avg_power_w",
        "normalized_power_w",
        "avg_hr",
        "max_hr",
        "rpe",
        "intensity",
        "tss",
        "amount",
        "usual_dose",
        "max_daily",
        "unit",
        "as_needed",
        "times_a_day",
        "course_start",
        "course_end",
        "minutes",
        "items",
        "sets",
        "reps",
        "hold_s",
        "load_kg",
        "per_side",
        "target_per_week",
        "pain_before",
        "pain_during",
        "pain_after",
        "stopped_for_pain",
        "sleep_hours",
        "sleep_quality",
        "mood",
        "stress",
        "energy",
        "sitting_hours",
        "workday",
        "tags",
        "red_flags",
        "bike",
        "cues",
        "note",
    ];
    const LAST: &[&str] = &[
        "source",
        "source_hash",
        "medication_id",
        "programme_id",
        "uuid",
    ];
    match (
        ORDER.iter().position(|o| *o == k),
        LAST.iter().position(|o| *o == k),
    ) {
        (Some(i), _) => i,
        (None, Some(i)) => ORDER.len() + 1 + i,
        // A field this list does not know yet: after the known ones, before the bookkeeping.
        (None, None) => ORDER.len(),
    }
}

/// One field of `info` in words: `distance 45.0 km`, `duration 1h30m`, `TSS ~101 (from rpe)`;
/// the JSON keys and values stay as stored.
fn info_field(k: &str, val: &Value, o: &serde_json::Map<String, Value>) -> (String, String) {
    let num = val.as_f64();
    let secs = || val.as_u64().map(|s| text::duration(s as u32));
    let unit = |u: &str| num.map(|v| format!("{} {u}", text::number(v)));
    let shown = match k {
        // A kind of the person's own (`yoga`) is shown by its name, not as `other`.
        "kind" => o.get("sport").and_then(Value::as_str).map(str::to_string),
        "distance_m" => num.map(text::distance),
        "ascent_m" => num.map(text::elevation),
        "weight_kg" | "load_kg" => num.map(text::weight),
        "elapsed_s" | "moving_s" => secs(),
        "hold_s" => unit("s"),
        "avg_power_w" | "normalized_power_w" => unit("W"),
        "avg_hr" | "max_hr" => unit("bpm"),
        "sleep_hours" | "sitting_hours" => unit("h"),
        "tss" => num.map(|t| {
            let source = o.get("load_source").and_then(Value::as_str);
            let est = text::tss_is_estimate(source.and_then(|s| LoadSource::parse(s).ok()));
            match source {
                Some(s) => format!("{} (from {s})", text::tss(t, est)),
                None => text::tss(t, est),
            }
        }),
        "amount" | "usual_dose" | "max_daily" => o
            .get("unit")
            .and_then(Value::as_str)
            .and_then(|u| num.map(|v| text::amount(v, u))),
        "date" | "active_from" | "active_to" | "course_start" | "course_end" => val
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .map(|d| text::date(d, clock::today())),
        "start" | "taken_at" => val
            .as_str()
            .and_then(|s| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok())
            .map(|t| {
                format!(
                    "{} {}",
                    text::date(t.date(), clock::today()),
                    t.format("%H:%M")
                )
            }),
        _ => None,
    };
    let label = match k {
        "elapsed_s" => "duration".to_string(),
        "moving_s" => "moving time".to_string(),
        "normalized_power_w" => "NP".to_string(),
        "tss" => "TSS".to_string(),
        "items" => "exercises".to_string(),
        k => k
            .trim_end_matches("_m")
            .trim_end_matches("_w")
            .trim_end_matches("_kg")
            .trim_end_matches("_s")
            .replace('_', " "),
    };
    let shown = shown.unwrap_or_else(|| match val {
        Value::String(s) => s.clone(),
        // Exercises of a session or programme: `bird dog 3x10, side plank 3x30s`.
        Value::Array(a) if a.iter().all(|x| x.get("exercise").is_some()) => a
            .iter()
            .map(|x| {
                let n = |k: &str| x.get(k).and_then(Value::as_u64).map(|v| v as u32);
                let spec = crate::domain::prescription::format_spec(
                    n("sets"),
                    n("reps"),
                    n("hold_s"),
                    x.get("load_kg").and_then(Value::as_f64),
                );
                let name = x["exercise"].as_str().unwrap_or("?");
                format!("{name} {spec}").trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    });
    (label, shown)
}

pub fn delete(g: &Global, id: &str) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let mut ctx = Ctx::open_existing(g)?;
    let done = ops::records::delete(&mut ctx.repo, rid)?;
    let v = serde_json::json!({"deleted": rid.to_string(), "summary": done.record});
    ctx.out(&v, || {
        format!("{}. Undo: backtrack restore {rid}", done.summary)
    })
}

pub fn restore(g: &Global, id: &str, force: bool) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let mut ctx = Ctx::open_existing(g)?;
    let done = match ops::records::restore(&mut ctx.repo, rid, force)? {
        ops::records::Restore::Done(done) => done,
        ops::records::Restore::OverMax(over) => return Err(over.restore_refusal().into()),
    };
    let v = serde_json::json!({"restored": rid.to_string(), "summary": done.record});
    ctx.out(&v, || done.summary.clone())
}

pub fn trash(g: &Global, empty: bool, yes: bool) -> Result<()> {
    let mut ctx = Ctx::open_existing(g)?;
    if empty {
        return super::trash::empty(g, &mut ctx, yes);
    }
    let items = ctx.repo.trash()?;
    let today = clock::today();
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
                    crate::domain::text::stamp(&t.deleted_at, today)
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
    let mut ctx = Ctx::open_existing(g)?;
    let done = ops::edit::apply(&mut ctx.repo, rid, &super::drafts::edit(&a), today)?;
    let v = record_json(&ctx, rid)?;
    let over = done
        .record
        .dose_day
        .map_or("", |day| super::meds::over_max_words(&day));
    ctx.out(&v, || done.summary + over)
}
