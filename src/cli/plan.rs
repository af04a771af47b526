//! `plan start|show|stop` (SPEC §14): the user's rule applied and shown, never advice.

use super::args::Global;
use super::args_plan::PlanCmd;
use super::ctx::{Ctx, with_ref};
use crate::domain::clock;
use crate::ops;
use crate::ops::plan::PlanDraft;
use crate::repo::Kind;
use crate::views::plan::{PlanView, load_plan};

pub fn run(g: &Global, cmd: PlanCmd) -> anyhow::Result<()> {
    let today = clock::today();
    match cmd {
        PlanCmd::Start {
            name,
            hours,
            tss,
            ramp,
            from,
        } => {
            let d = PlanDraft {
                name,
                hours,
                tss,
                ramp,
                from,
            };
            ops::plan::validate(&d, today)?;
            let mut ctx = Ctx::open(g)?;
            let done = ops::plan::start(&mut ctx.repo, &d, today)?;
            ctx.out(&with_ref(Kind::Plan, done.record.id, &done.record), || {
                done.summary.clone()
            })
        }
        PlanCmd::Stop => {
            let mut ctx = Ctx::open_existing(g)?;
            let done = ops::plan::stop(&mut ctx.repo, today)?;
            ctx.out(&done.record, || done.summary.clone())
        }
        PlanCmd::Show => {
            let mut ctx = Ctx::open_existing(g)?;
            let v = load_plan(&mut ctx.repo, today)?;
            ctx.out(&v, || match &v {
                None => "No plan. Start one: backtrack plan start \"back on the bike\" --hours 2"
                    .to_string(),
                Some(v) => plan_text(v),
            })
        }
    }
}

/// The plan as text: its rule, then one line a week.
pub fn plan_text(v: &PlanView) -> String {
    let p = &v.plan;
    let u = v.unit();
    let state = match p.stopped_on {
        Some(d) => format!("stopped {d}"),
        None => "running".to_string(),
    };
    let mut out = vec![format!(
        "Plan \"{}\" from {} ({state}): week 1 {}, ramp {}% — your rule, applied each Sunday",
        p.name,
        p.start_date,
        u.show(p.target),
        (p.ramp * 100.0).round()
    )];
    for w in &v.weeks {
        let what = match &w.reason {
            Some(r) => r.clone(),
            None => "under way".to_string(),
        };
        out.push(format!(
            "  week {:<2} {}  {} of {} planned  {what}",
            w.week,
            w.monday,
            w.done,
            u.show(w.target)
        ));
    }
    out.join("\n")
}
