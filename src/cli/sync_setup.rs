//! `sync init`, `sync join`, `sync leave` and `set sync auto|manual` on the command line, and
//! the app's sync as it opens and quits (issue 24): the key is printed once at init; a wrong
//! key at join is refused before anything, even the journal, is created.

use std::path::Path;

use serde::Serialize;

use super::args::Global;
use super::ctx::{Ctx, db_path};
use super::sync::{config, sync_now};
use crate::domain::InputError;
use crate::sync::SyncConfig;
use crate::sync::setup::{self, Carrier};

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

pub(super) fn init(g: &Global, carrier: Carrier) -> anyhow::Result<()> {
    let db = db_path(g)?;
    // A folder that cannot be made is refused before the journal is opened or created.
    setup::refuse_if_syncing(&db)?;
    if let Carrier::Folder(dir) = &carrier {
        setup::make_folder(dir)?;
    }
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

pub(super) fn join(g: &Global, carrier: Carrier, key: &str) -> anyhow::Result<()> {
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

pub(super) fn leave(g: &Global) -> anyhow::Result<()> {
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
                    crate::domain::clock::local_minute(&at).unwrap_or_else(|| at.clone()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_sync_reports_in_its_status_line_and_a_failure_is_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        let mut repo = crate::repo::Repo::open(&db).unwrap();
        // Not syncing, or syncing by hand: the app does nothing.
        assert_eq!(auto_sync(&db, &mut repo), None);
        let folder = dir.path().join("shared");
        let (mut cfg, _) = setup::init(&db, &Carrier::Folder(folder.clone())).unwrap();
        assert_eq!(auto_sync(&db, &mut repo), None);
        cfg.auto = true;
        cfg.save(&db).unwrap();
        let (line, failed) = auto_sync(&db, &mut repo).unwrap();
        assert!(line.starts_with("Last sync ") && !failed, "{line}");
        // The folder gone (an unmounted drive): a message for the status line, no error.
        std::fs::remove_dir_all(&folder).unwrap();
        let (line, failed) = auto_sync(&db, &mut repo).unwrap();
        assert!(line.starts_with("Sync failed: ") && failed, "{line}");
        let saved = SyncConfig::load(&db).unwrap().unwrap();
        assert!(saved.last_error.is_some(), "sync status shows it too");
    }
}
