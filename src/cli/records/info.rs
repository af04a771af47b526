//! `info ID`: one record in full, as JSON or field by field in words, in a fixed order.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::Value;

use crate::cli::args::Global;
use crate::cli::ctx::*;
use crate::domain::vocab::LoadSource;
use crate::domain::{clock, text};
use crate::repo::{Kind, RecordId};

/// The full record behind a typed ID, as JSON.
pub(super) fn record_json(ctx: &Ctx, rid: RecordId) -> Result<Value> {
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
    let shown = in_words(k, val, o).unwrap_or_else(|| as_stored(val));
    (label(k), shown)
}

/// A value whose key says what it measures, in the user's units and words.
fn in_words(k: &str, val: &Value, o: &serde_json::Map<String, Value>) -> Option<String> {
    let num = val.as_f64();
    let secs = || val.as_u64().map(|s| text::duration(s as u32));
    let unit = |u: &str| num.map(|v| format!("{} {u}", text::number(v)));
    match k {
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
    }
}

/// The field's name in words: `duration`, `NP`, `distance` (the unit goes with the value).
fn label(k: &str) -> String {
    match k {
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
    }
}

/// Any other value as stored: text as it is, lists joined with commas.
fn as_stored(val: &Value) -> String {
    match val {
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
    }
}
