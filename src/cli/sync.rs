//! `sync`: the command line of SPEC §13 — init, join, a sync (quiet for cron, or compacting),
//! status, conflicts, keep and leave. The engine is `crate::sync`; this file validates input
//! (refusals exit 2 and write nothing) and prints one confirming line per change.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::args::{Global, SyncArgs, SyncCmd};
use super::ctx::{Ctx, db_path};
use crate::domain::InputError;
use crate::repo::sync_conflicts::Conflict;
use crate::sync::setup::{self, Carrier};
use crate::sync::{SyncConfig, SyncReport};

pub fn run(g: &Global, a: SyncArgs) -> anyhow::Result<()> {
    match a.action {
        None => sync(g, a.quiet, a.compact),
        Some(SyncCmd::Init { dir, git }) => init(g, carrier(dir, git)?),
        Some(SyncCmd::Join { dir, git, key }) => join(g, carrier(dir, git)?, &key),
        Some(SyncCmd::Status) => status(g),
        Some(SyncCmd::Conflicts) => conflicts(g),
        Some(SyncCmd::Keep { id }) => keep(g, &id),
        Some(SyncCmd::Leave) => leave(g),
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
fn config(db: &Path) -> anyhow::Result<SyncConfig> {
    SyncConfig::load(db)?.ok_or_else(|| {
        InputError::new(
            "sync",
            "this journal does not sync yet; allowed: `backtrack sync init DIR` on the first computer, `backtrack sync join DIR --key KEY` on the others",
        )
        .into()
    })
}

/// Runs one sync and records its time (or its error) in the machine-local settings.
fn sync_now(ctx: &mut Ctx, db: &Path, cfg: &mut SyncConfig) -> anyhow::Result<SyncReport> {
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

#[derive(Serialize)]
struct Joined {
    device_id: String,
    folder: String,
    git: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    published: usize,
    received: usize,
    conflicts: usize,
}

fn init(g: &Global, carrier: Carrier) -> anyhow::Result<()> {
    let db = db_path(g)?;
    let mut ctx = Ctx::open(g)?;
    ctx.repo.writable()?;
    let (mut cfg, key) = setup::init(&db, &carrier)?;
    let report = sync_now(&mut ctx, &db, &mut cfg)?;
    let out = Joined {
        device_id: cfg.device_id.clone(),
        folder: cfg.folder.display().to_string(),
        git: cfg.git.clone(),
        key: Some(key.clone()),
        published: report.published,
        received: report.received,
        conflicts: report.conflicts,
    };
    let place = cfg
        .git
        .clone()
        .unwrap_or_else(|| cfg.folder.display().to_string());
    ctx.out(&out, || {
        format!(
            "Sync started through {place}: this computer is device {}, {} record version(s) sent.\n\
             The key for your other computers (keep it secret; it decrypts your journal):\n  {key}\n\
             On each of them: backtrack sync join {} --key {key}",
            cfg.device_id,
            report.published,
            match &cfg.git {
                Some(r) => format!("--git {r}"),
                None => cfg.folder.display().to_string(),
            }
        )
    })
}

fn join(g: &Global, carrier: Carrier, key: &str) -> anyhow::Result<()> {
    // A malformed or wrong key is refused before the journal is opened or created.
    let db = db_path(g)?;
    let (folder, git, key) = setup::check_join(&db, &carrier, key)?;
    let mut ctx = Ctx::open(g)?;
    ctx.repo.writable()?;
    let mut cfg = setup::finish_join(&db, folder, git, &key)?;
    let report = sync_now(&mut ctx, &db, &mut cfg)?;
    let out = Joined {
        device_id: cfg.device_id.clone(),
        folder: cfg.folder.display().to_string(),
        git: cfg.git.clone(),
        key: None,
        published: report.published,
        received: report.received,
        conflicts: report.conflicts,
    };
    ctx.out(&out, || {
        format!(
            "Joined: this computer is device {}; received {} record version(s), sent {}{}",
            cfg.device_id,
            report.received,
            report.published,
            match report.conflicts {
                0 => String::new(),
                n => format!("; {n} conflict(s): `backtrack sync conflicts`"),
            }
        )
    })
}

fn status(g: &Global) -> anyhow::Result<()> {
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
                s.last_sync.clone().unwrap_or_else(|| "never".into()),
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
    let why = match c.reason.as_str() {
        "natural_key" => "another computer's record for the same day or name was kept",
        _ => "edited on two computers; the other edit was kept",
    };
    format!("K{}  {what}{state} — {why}", c.id)
}

fn conflicts(g: &Global) -> anyhow::Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let list = ctx.repo.sync_conflicts()?;
    ctx.out(&list, || match list.is_empty() {
        true => "No conflicts.".into(),
        false => list.iter().map(describe).collect::<Vec<_>>().join("\n"),
    })
}

fn keep(g: &Global, id: &str) -> anyhow::Result<()> {
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

fn leave(g: &Global) -> anyhow::Result<()> {
    let db = db_path(g)?;
    let mut ctx = Ctx::open_existing(g)?;
    match setup::leave(&db, &mut ctx.repo)? {
        Some(cfg) => ctx.out(&serde_json::json!({"left": true, "device_id": cfg.device_id}), || {
            format!(
                "This journal no longer syncs (it was device {}); every record stays here, and the folder keeps its files",
                cfg.device_id
            )
        }),
        None => Err(InputError::new("sync", "this journal does not sync; nothing to leave").into()),
    }
}

/// `set sync auto|manual`: whether the app syncs as it opens and quits (machine-local).
pub fn set_auto(g: &Global, value: &str, from: bool) -> anyhow::Result<()> {
    let auto = match value.trim().to_lowercase().as_str() {
        "auto" => true,
        "manual" => false,
        _ => {
            return Err(InputError::new(
                "sync",
                format!("'{value}' is not a sync mode; allowed: auto, manual"),
            )
            .into());
        }
    };
    if from {
        return Err(InputError::new(
            "from",
            "sync has no history; allowed: --from only with ftp, lthr, max_hr, weight",
        )
        .into());
    }
    let db = db_path(g)?;
    let mut cfg = config(&db)?;
    cfg.auto = auto;
    cfg.save(&db)?;
    let v = serde_json::json!({"key": "sync", "value": value.trim().to_lowercase()});
    let text = match auto {
        true => "Sync set to auto: the app syncs when it opens and when it quits",
        false => "Sync set to manual: run `backtrack sync` yourself",
    };
    match g.json {
        true => println!("{}", serde_json::to_string_pretty(&v)?),
        false => println!("{text}"),
    }
    Ok(())
}

/// The app's sync at start or quit when `set sync auto` is on: the line for its status bar
/// (true when it failed), None when the journal does not sync automatically. Never an error:
/// a failed sync is a message, never a crash.
pub fn auto_sync(db: &Path, repo: &mut crate::repo::Repo) -> Option<(String, bool)> {
    let mut cfg = SyncConfig::load(db).ok().flatten().filter(|c| c.auto)?;
    match crate::sync::run(repo, &cfg) {
        Ok(r) => {
            let at = crate::domain::clock::utc_stamp();
            cfg.last_sync = Some(at.clone());
            cfg.last_error = None;
            let _ = cfg.save(db);
            let conflicts = match r.conflicts {
                0 => String::new(),
                n => format!(", {n} conflict(s): `backtrack sync conflicts`"),
            };
            Some((
                format!(
                    "Last sync {}: sent {}, received {}{conflicts}",
                    &at[..16].replace('T', " "),
                    r.published,
                    r.received
                ),
                r.conflicts > 0,
            ))
        }
        Err(e) => {
            cfg.last_error = Some(format!("{e:#}"));
            let _ = cfg.save(db);
            Some((format!("Sync failed: {e:#}"), true))
        }
    }
}
