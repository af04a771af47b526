//! `checkin`, `activity add`/`ride` and `event add`: the daily writes, through `ops`.

use anyhow::Result;

use super::args::{ActivityCmd, CheckinArgs, EventCmd, Global, RideArgs};
use super::ctx::*;
use super::drafts;
use crate::domain::clock;
use crate::domain::vocab::URGENT_CARE;
use crate::ops;
use crate::repo::Kind;

pub fn checkin(g: &Global, a: CheckinArgs) -> Result<()> {
    let today = clock::today();
    let draft = drafts::checkin(&a.fields);
    // Bad input never opens (or creates) the journal.
    ops::checkin::validate(&a.pain, &draft, today)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::checkin::log(&mut ctx.repo, &a.pain, &draft, today)?;
    let saved = &done.record;
    ctx.out(&with_ref(Kind::Checkin, saved.id, saved), || {
        done.summary.clone()
    })?;
    if !saved.red_flags.is_empty() {
        let flags: Vec<&str> = saved.red_flags.iter().map(|f| f.as_str()).collect();
        eprintln!("{URGENT_CARE}\n(red flags: {})", flags.join(", "));
    }
    Ok(())
}

pub fn activity(g: &Global, cmd: ActivityCmd) -> Result<()> {
    match cmd {
        ActivityCmd::Add(a) => add_activity(g, &a.kind, &a.ride),
    }
}

pub fn ride(g: &Global, a: RideArgs) -> Result<()> {
    add_activity(g, "ride", &a)
}

fn add_activity(g: &Global, kind: &str, r: &RideArgs) -> Result<()> {
    let today = clock::today();
    let mut draft = drafts::activity(kind, &r.duration, &r.fields);
    draft.force = r.force;
    ops::activity::build_activity(&draft, today, clock::now_local())?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::activity::add(&mut ctx.repo, &draft, today)?;
    let saved = &done.record;
    ctx.out(&with_ref(Kind::Activity, saved.id, saved), || {
        done.summary.clone()
    })
}

pub fn event(g: &Global, cmd: EventCmd) -> Result<()> {
    let EventCmd::Add(a) = cmd;
    let today = clock::today();
    let draft = drafts::event(&a);
    ops::events::build_event(&draft, today)?;
    let mut ctx = Ctx::open(g)?;
    let done = ops::events::add_event(&mut ctx.repo, &draft, today)?;
    let e = &done.record;
    ctx.out(&with_ref(Kind::Event, e.id, e), || done.summary.clone())
}
