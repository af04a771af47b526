//! `sync`: the command line of SPEC §13 — init, join, a sync (quiet for cron, or compacting),
//! status, conflicts, keep and leave. The engine is `crate::sync`; this file validates input
//! (refusals exit 2 and write nothing) and prints one confirming line per change.

use std::path::Path;

use serde::Serialize;

use super::args::{Global, SyncArgs, SyncCmd};
use super::ctx::{Ctx, db_path};
use super::{sync_setup, sync_show};
use crate::domain::InputError;
use crate::sync::setup::Carrier;
use crate::sync::{SyncConfig, SyncReport};

pub fn run(g: &Global, a: SyncArgs) -> anyhow::Result<()> {
    match a.action {
        None => sync(g, a.quiet, a.compact),
        Some(SyncCmd::Init { dir, git }) => sync_setup::init(g, carrier(dir, git)?),
        Some(SyncCmd::Join { dir, git, key }) => sync_setup::join(g, carrier(dir, git)?, &key),
        Some(SyncCmd::Status) => sync_show::status(g),
        Some(SyncCmd::Conflicts) => sync_show::conflicts(g),
        Some(SyncCmd::Keep { id }) => sync_show::keep(g, &id),
        Some(SyncCmd::Leave) => sync_setup::leave(g),
    }
}

fn carrier(dir: Option<std::path::PathBuf>, git: Option<String>) -> anyhow::Result<Carrier> {
    match (dir, git) {
        (_, Some(r)) if r.trim().is_empty() => {
            Err(InputError::new("git", "is empty; allowed: a git remote URL or path").into())
        }
        (_, Some(r)) => Ok(Carrier::Git(r)),
        (Some(d), None) => Ok(Carrier::Folder(std::path::absolute(&d)?)),
        (None, None) => {
            Err(InputError::new("dir", "is missing; allowed: a folder, or --git REMOTE").into())
        }
    }
}

/// The settings of a journal that syncs, or the refusal that says how to start.
pub(super) fn config(db: &Path) -> anyhow::Result<SyncConfig> {
    SyncConfig::load(db)?.ok_or_else(|| {
        InputError::new(
            "sync",
            "this journal does not sync yet; allowed: `backtrack sync init DIR` on the first computer, `backtrack sync join DIR --key KEY` on the others",
        )
        .into()
    })
}

/// Runs one sync and records its time (or its error) in the machine-local settings.
pub(super) fn sync_now(
    ctx: &mut Ctx,
    db: &Path,
    cfg: &mut SyncConfig,
) -> anyhow::Result<SyncReport> {
    match crate::sync::run(&mut ctx.repo, cfg) {
        Ok(r) => {
            cfg.last_sync = Some(crate::domain::clock::utc_stamp());
            cfg.last_error = None;
            cfg.save(db)?;
            Ok(r)
        }
        Err(e) => {
            cfg.last_error = Some(format!("{e:#}"));
            let _ = cfg.save(db);
            Err(e)
        }
    }
}

#[derive(Serialize)]
struct SyncOut<'a> {
    #[serde(flatten)]
    report: &'a SyncReport,
    over_max_after_sync: Vec<crate::sync::meds::OverMaxAfterSync>,
    compacted: Option<i64>,
}

fn sync(g: &Global, quiet: bool, compact: bool) -> anyhow::Result<()> {
    let db = db_path(g)?;
    let mut cfg = config(&db)?;
    let mut ctx = Ctx::open_existing(g)?;
    let report = sync_now(&mut ctx, &db, &mut cfg)?;
    let compacted = match compact {
        true => Some(crate::sync::status::compact(&mut ctx.repo, &cfg)?.0),
        false => None,
    };
    let over = crate::sync::meds::over_max_after_sync(&ctx.repo, &cfg.device_id, ctx.today)?;
    let attention: Vec<String> = report
        .warnings
        .iter()
        .map(|w| format!("warning: {w}"))
        .chain(report.skipped.iter().map(|s| format!("skipped for now: {s}")))
        .chain((report.waiting > 0).then(|| {
            format!(
                "{} row(s) wait for a record another computer has not sent yet; they go in when it comes",
                report.waiting
            )
        }))
        .chain((report.waiting > 0).then(|| {
            format!(
                "{} row(s) wait for a record another computer has not sent yet; they go in when it comes",
                report.waiting
            )
        }))
        .chain(over.iter().map(over_line))
        .chain((report.conflicts > 0).then(|| {
            format!(
                "{} new conflict(s): `backtrack sync conflicts` shows them, `backtrack sync keep K` takes one back",
                report.conflicts
            )
        }))
        .collect();
    if quiet && !ctx.json {
        for line in &attention {
            println!("{line}");
        }
        return Ok(());
    }
    let out = SyncOut {
        report: &report,
        over_max_after_sync: over,
        compacted,
    };
    ctx.out(&out, || {
        let mut lines = vec![format!(
            "Synced: sent {} change(s), received {} from {} segment(s){}",
            report.published,
            report.received,
            report.applied_segments,
            compacted.map_or(String::new(), |n| format!("; compacted into snapshot {n}"))
        )];
        lines.extend(attention.iter().cloned());
        lines.join("\n")
    })
}

fn over_line(o: &crate::sync::meds::OverMaxAfterSync) -> String {
    format!(
        "{}: {} {} {} (max {}) over max after sync: doses on {} computers",
        o.date,
        o.medication,
        crate::domain::text::number(o.total),
        o.unit,
        o.max_daily.map_or("?".into(), crate::domain::text::number),
        o.devices
    )
}
