//! `sync status`, `sync conflicts` and `sync keep K` on the command line (issue 24).

use serde_json::Value;

use super::args::Global;
use super::ctx::{Ctx, db_path};
use crate::domain::InputError;
use crate::repo::sync_conflicts::Conflict;
use crate::sync::SyncConfig;

pub(super) fn status(g: &Global) -> anyhow::Result<()> {
    let db = db_path(g)?;
    let cfg = SyncConfig::load(&db)?;
    let ctx = Ctx::open_existing(g)?;
    let s = crate::sync::status::status(&ctx.repo, cfg.as_ref())?;
    ctx.out(&s, || {
        if !s.syncing {
            return "Not syncing. `backtrack sync init DIR` starts; `backtrack sync join DIR --key KEY` joins.".into();
        }
        let mut lines = vec![
            format!(
                "Syncing through {} as device {}",
                s.git.clone().or(s.folder.clone()).unwrap_or_default(),
                s.device_id.clone().unwrap_or_default()
            ),
            format!(
                "Last sync: {}; {} change(s) waiting to be sent; {} conflict(s)",
                s.last_sync
                    .as_deref()
                    .map(|t| crate::domain::clock::local_minute(t).unwrap_or_else(|| t.into()))
                    .unwrap_or_else(|| "never".into()),
                s.pending,
                s.conflicts
            ),
        ];
        if let Some(e) = &s.last_error {
            lines.push(format!("Last sync failed: {e}"));
        }
        for d in &s.devices {
            let who = if d.this_device { " (this computer)" } else { "" };
            lines.push(format!(
                "  device {}{who}: segment {}, newest change {}",
                d.device, d.seq, d.latest
            ));
        }
        lines.join("\n")
    })
}

/// A conflict in one line: which record, what it held, why it lost.
pub fn describe(c: &Conflict) -> String {
    let row = c.row.clone().map(Value::Object).unwrap_or(Value::Null);
    let field = |k: &str| match &row[k] {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    };
    let what = match c.table.as_str() {
        "checkins" => format!(
            "check-in {}: pain {}",
            field("date").unwrap_or_default(),
            field("pain").unwrap_or_default()
        ),
        t => {
            let noun = t.trim_end_matches('s').replace('_', " ");
            let label = field("name")
                .or_else(|| field("date"))
                .or_else(|| field("key"))
                .unwrap_or_else(|| c.uuid.chars().take(8).collect());
            format!("{noun} {label}")
        }
    };
    let state = match (c.purged, field("deleted_at").is_some()) {
        (true, _) => " (emptied from the trash)",
        (false, true) => " (deleted)",
        _ => "",
    };
    let why = match (c.reason.as_str(), c.table.as_str()) {
        ("natural_key", "plans") => {
            "another computer's plan was kept running (one plan runs at a time)"
        }
        ("natural_key", _) => "another computer's record for the same day or name was kept",
        _ => "edited on two computers; the other edit was kept",
    };
    format!("K{}  {what}{state} — {why}", c.id)
}

pub(super) fn conflicts(g: &Global) -> anyhow::Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let list = ctx.repo.sync_conflicts()?;
    ctx.out(&list, || match list.is_empty() {
        true => "No conflicts.".into(),
        false => list.iter().map(describe).collect::<Vec<_>>().join("\n"),
    })
}

pub(super) fn keep(g: &Global, id: &str) -> anyhow::Result<()> {
    let n: i64 = id
        .trim()
        .trim_start_matches(['K', 'k'])
        .parse()
        .map_err(|_| InputError::new("id", format!("'{id}' is not a conflict ID; allowed: K and a number, as `backtrack sync conflicts` shows")))?;
    let mut ctx = Ctx::open_existing(g)?;
    let c = ctx.repo.sync_keep(n)?;
    ctx.out(&c, || {
        format!(
            "Kept {}: it is the record again here, and on your other computers after their next sync",
            describe(&c).split("  ").nth(1).map_or(id.to_string(), |s| s.split(" — ").next().unwrap_or(s).to_string())
        )
    })
}
