//! `stats`, `chart`, `criteria` and `demo`: the insights of SPEC §7 from the command line.

use anyhow::Result;

use serde_json::json;

use super::args::{ChartArgs, CriteriaCmd, Global};
use super::ctx::*;
use crate::analysis::criteria::parse_rule;
use crate::analysis::series::Series;
use crate::analysis::stats_text;
use crate::demo::{DemoSpec, Effects, generate_with};
use crate::domain::period::parse_since;
use crate::domain::{InputError, clock};
use crate::repo::{Kind, RecordId};
use crate::textchart::{ChartKind, chart as draw_chart};
use crate::views::insights::{StatsView, load_history, load_stats};

pub fn stats(g: &Global, since: Option<String>) -> Result<()> {
    let today = clock::today();
    // No --since: all of it, as `--since all`.
    let since = match since.as_deref() {
        Some(s) => parse_since("since", s, today, today)?.day(),
        None => None,
    };
    let mut ctx = Ctx::open_existing(g)?;
    let st = load_stats(&mut ctx.repo, ctx.today, since)?.stats;
    ctx.out(&st, || stats_text(&st))
}

pub fn chart(g: &Global, a: ChartArgs) -> Result<()> {
    let today = clock::today();
    let kind = ChartKind::parse(&a.kind)?;
    let since = parse_since("since", a.since.as_deref().unwrap_or("12w"), today, today)?.day();
    let width = a.width.map(usize::from).unwrap_or_else(|| {
        crossterm::terminal::size()
            .map(|(w, _)| w as usize)
            .unwrap_or(80)
    });
    let height = a.height.map(usize::from).unwrap_or(12);
    if !(30..=1000).contains(&width) || !(4..=200).contains(&height) {
        return Err(InputError::new(
            "width",
            format!("{width}×{height} is out of range; allowed: width 30–1000, height 4–200"),
        )
        .into());
    }
    let mut ctx = Ctx::open_existing(g)?;
    let data = load_history(&mut ctx.repo, ctx.today)?;
    let series = Series::build(&data, ctx.today);
    let lines = draw_chart(kind, &series, since, width, height);
    ctx.out(&json!({"chart": a.kind, "lines": lines}), || {
        lines.join("\n")
    })
}

pub fn criteria(g: &Global, action: Option<CriteriaCmd>) -> Result<()> {
    match action.unwrap_or(CriteriaCmd::List) {
        CriteriaCmd::List => {
            let mut ctx = Ctx::open_existing(g)?;
            let StatsView { data, stats: st } = load_stats(&mut ctx.repo, ctx.today, None)?;
            // Results come for enabled rules in position order, as criteria_list returns them.
            let enabled: Vec<_> = data.criteria.iter().filter(|c| c.enabled).collect();
            let rows: Vec<_> = enabled
                .iter()
                .zip(&st.criteria)
                .map(|(c, r)| {
                    let mut v = serde_json::to_value(r).unwrap_or_default();
                    v["ref"] = json!(RecordId::new(Kind::Criterion, c.id).to_string());
                    v
                })
                .collect();
            ctx.out(&rows, || {
                let mut out = vec!["Your criteria (your own rules, checked today):".to_string()];
                for (c, r) in enabled.iter().zip(&st.criteria) {
                    out.push(format!(
                        "  k{:<3} {:<17} {:<32} {}",
                        c.id,
                        format!("[{}]", r.verdict()),
                        r.label,
                        r.detail
                    ));
                }
                out.join("\n")
            })
        }
        CriteriaCmd::Add { rule } => {
            let parsed = parse_rule(&rule)?;
            let mut ctx = Ctx::open(g)?;
            ctx.repo
                .criteria(crate::analysis::criteria::DEFAULT_CRITERIA)?;
            let c = ctx.repo.add_criterion(&parsed.to_string())?;
            ctx.out(&with_ref(Kind::Criterion, c.id, &c), || {
                format!("Saved criterion k{}: {}", c.id, c.rule)
            })
        }
        CriteriaCmd::Set { id, rule } => {
            let rid = RecordId::parse(&id)?;
            if rid.kind != Kind::Criterion {
                return Err(InputError::new(
                    "id",
                    format!(
                        "{rid} is not a criterion; allowed: k1, k2… as `backtrack criteria` lists"
                    ),
                )
                .into());
            }
            let parsed = parse_rule(&rule)?;
            let mut ctx = Ctx::open(g)?;
            let mut c = ctx
                .repo
                .criteria_list()?
                .into_iter()
                .find(|c| c.id == rid.id)
                .ok_or_else(|| {
                    InputError::new(
                        "id",
                        format!("no criterion {rid}; `backtrack criteria` lists them"),
                    )
                })?;
            c.rule = parsed.to_string();
            ctx.repo.update_criterion(&c)?;
            ctx.out(&with_ref(Kind::Criterion, c.id, &c), || {
                format!("Updated criterion {rid}: {}", c.rule)
            })
        }
    }
}

pub fn demo(g: &Global, years: u32, seed: u64, effects: &str) -> Result<()> {
    if !(1..=30).contains(&years) {
        return Err(
            InputError::new("years", format!("{years} is out of range; allowed: 1–30")).into(),
        );
    }
    let effects = Effects::parse(effects).ok_or_else(|| {
        InputError::new(
            "effects",
            format!("'{effects}' is not known; allowed: planted, none"),
        )
    })?;
    let mut ctx = Ctx::open(g)?;
    if !ctx.repo.is_empty()? {
        return Err(InputError::new("db", "this journal already has data; the demo only writes into an empty journal (use --db /tmp/demo.db)").into());
    }
    let mut batch = generate_with(
        DemoSpec {
            years,
            seed,
            end: ctx.today,
        },
        effects,
    );
    crate::demo::up_to(
        &mut batch,
        crate::domain::clock::latest_moment(crate::domain::clock::now_local()),
    );
    ctx.repo.insert_batch(&batch)?;
    let none = effects == Effects::None;
    let v = json!({
        "years": years, "seed": seed, "effects": if none { "none" } else { "planted" }, "checkins": batch.checkins.len(), "activities": batch.activities.len(),
        "doses": batch.doses.len(), "rehab_sessions": batch.sessions.len(), "events": batch.events.len(),
    });
    ctx.out(&v, || format!(
        "Wrote a {years}-year demo journal (seed {seed}{}): {} check-ins, {} activities, {} doses, {} rehab sessions, {} events",
        if none { ", no planted effects" } else { "" },
        batch.checkins.len(), batch.activities.len(), batch.doses.len(), batch.sessions.len(), batch.events.len()
    ))
}

/// `week [D]`: the week holding D beside the week before, from the same view as the app's Week.
pub fn week(g: &Global, date: Option<String>) -> Result<()> {
    let today = crate::domain::clock::today();
    let day = match &date {
        Some(d) => crate::domain::parse::parse_date("date", d, today)?,
        None => today,
    };
    let mut ctx = Ctx::open_existing(g)?;
    let w = crate::views::plan::load_week_with_plan(&mut ctx.repo, day, today)?;
    ctx.out(&w, || {
        let t = &w.this_week;
        let mut lines = vec![format!(
            "Week of {} – {}",
            crate::domain::text::date(t.from, today),
            crate::domain::text::date(t.to, today)
        )];
        lines.extend(
            w.days
                .iter()
                .map(|d| format!("  {}", crate::views::week::day_line(d, today))),
        );
        lines.push(String::new());
        lines.extend(
            crate::views::week::summary_lines(&w)
                .into_iter()
                .map(|l| format!("  {l}")),
        );
        lines.join("\n")
    })
}
