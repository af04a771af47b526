//! `list`: the records of one kind (or every kind, for `--grep`) in a date range, newest
//! first, one line each; one function per kind.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::Value;

use crate::cli::args::{Global, ListArgs, ListKind};
use crate::cli::ctx::*;
use crate::domain::parse::format_duration;
use crate::domain::period::parse_since;
use crate::domain::records::{Activity, Checkin, Dose, Event, RehabSession};
use crate::domain::{InputError, clock, text};
use crate::repo::{Kind, Repo};

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

/// A kind's rows: the records as JSON, and their lines.
type Rows = (Vec<Value>, Vec<String>);

/// One kind's records of `list` in `[from, to]`, newest first, with their lines.
fn kind_rows(
    r: &Repo,
    kind: ListKind,
    (from, to): (NaiveDate, NaiveDate),
    grep: &Option<String>,
    tag: &Option<String>,
) -> Result<Rows> {
    Ok(match kind {
        ListKind::Checkins => checkin_rows(&r.checkins_between(from, to)?, grep, tag),
        ListKind::Activities => activity_rows(&r.activities_between(from, to)?, grep),
        ListKind::Doses => dose_rows(&r.doses_between(from, to)?, grep),
        ListKind::Events => event_rows(&r.events_between(from, to)?, grep),
        ListKind::Rehab => rehab_rows(&r.rehab_sessions_between(from, to)?, grep),
    })
}

fn checkin_rows(checkins: &[Checkin], grep: &Option<String>, tag: &Option<String>) -> Rows {
    checkins
        .iter()
        .rev()
        .filter(|c| tag.as_ref().is_none_or(|t| c.tags.contains(t)))
        .filter(|c| {
            let tags = c.tags.join(" ");
            grep_hit(grep, &[c.note.as_deref(), Some(&tags)])
        })
        .map(|c| (with_ref(Kind::Checkin, c.id, c), checkin_line(c)))
        .unzip()
}

/// `c12    2026-11-23   5 █████      sitting  first line of the note  RED FLAG`.
fn checkin_line(c: &Checkin) -> String {
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
    l
}

fn activity_rows(activities: &[Activity], grep: &Option<String>) -> Rows {
    activities
        .iter()
        .rev()
        .filter(|x| grep_hit(grep, &[x.note.as_deref(), x.bike.as_deref()]))
        .map(|x| (with_ref(Kind::Activity, x.id, x), activity_line(x)))
        .unzip()
}

fn activity_line(x: &Activity) -> String {
    let pain = [x.pain_before, x.pain_during, x.pain_after]
        .map(|p| p.map(|v| v.to_string()).unwrap_or("-".into()))
        .join("/");
    let tss = x
        .tss
        .map(|t| text::tss(t, text::tss_is_estimate(x.load_source)))
        .unwrap_or("-".into());
    // In the user's units, as `info` and the app show it.
    let dist = x.distance_m.map_or("-".into(), text::distance);
    format!(
        "a{:<5} {}  {:<12} {:>7} {:>9}  TSS {:>5}  pain {pain}{}",
        x.id,
        x.start.format("%Y-%m-%d %H:%M"),
        x.kind_name(),
        format_duration(x.elapsed_s),
        dist,
        tss,
        if x.stopped_for_pain { "  stopped" } else { "" }
    )
}

fn dose_rows(doses: &[Dose], grep: &Option<String>) -> Rows {
    doses
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
        .unzip()
}

fn event_rows(events: &[Event], grep: &Option<String>) -> Rows {
    events
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
        .unzip()
}

fn rehab_rows(sessions: &[RehabSession], grep: &Option<String>) -> Rows {
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
