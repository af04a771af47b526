//! `sync init`, `sync join` and `sync leave`: making a sync folder (or git remote) with a new
//! key, joining one with the key printed at init (a wrong key is refused before anything is
//! written), and leaving one (this journal keeps every row; the folder keeps its segments).

use std::path::{Path, PathBuf};

use super::config::{self, SyncConfig};
use super::key::{CHECK_FILE, Key};
use crate::domain::InputError;

/// Where the rows travel: a folder another program keeps in step, or a git remote.
#[derive(Debug, Clone)]
pub enum Carrier {
    Folder(PathBuf),
    Git(String),
}

pub fn refuse_if_syncing(db: &Path) -> anyhow::Result<()> {
    if let Some(cfg) = SyncConfig::load(db)? {
        return Err(InputError::new(
            "sync",
            format!(
                "this journal already syncs through {}; allowed: `backtrack sync leave` first",
                cfg.git.unwrap_or_else(|| cfg.folder.display().to_string())
            ),
        )
        .into());
    }
    Ok(())
}

/// Creates the sync folder (0700), or says why it cannot be, naming the field: called before
/// the journal is opened, so a folder that cannot be made leaves nothing behind.
pub fn make_folder(dir: &Path) -> anyhow::Result<()> {
    crate::repo::connection::create_private_dir(dir).map_err(|e| {
        InputError::new(
            "dir",
            format!(
                "{} cannot be created ({e}); allowed: a folder you can write to",
                dir.display()
            ),
        )
        .into()
    })
}

/// A new sync folder (or remote) with a new key. Returns the settings, saved, and the key.
pub fn init(db: &Path, carrier: &Carrier) -> anyhow::Result<(SyncConfig, String)> {
    refuse_if_syncing(db)?;
    let key = Key::generate();
    let (folder, git) = match carrier {
        Carrier::Folder(dir) => {
            if dir.join(CHECK_FILE).exists() {
                return Err(InputError::new(
                    "dir",
                    format!(
                        "{} is already a sync folder; allowed: `backtrack sync join {} --key KEY` with its key",
                        dir.display(),
                        dir.display()
                    ),
                )
                .into());
            }
            make_folder(dir)?;
            (dir.clone(), None)
        }
        Carrier::Git(remote) => {
            let dir = fresh_clone(db, remote)?;
            if dir.join(CHECK_FILE).exists() {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(InputError::new(
                    "remote",
                    format!("{remote} already holds a sync folder; allowed: `backtrack sync join --git {remote} --key KEY`"),
                )
                .into());
            }
            (dir, Some(remote.clone()))
        }
    };
    crate::repo::atomic_file::write_private(&folder.join(CHECK_FILE), &key.check_file()?)?;
    let cfg = SyncConfig {
        device_id: config::new_device_id(),
        journal_file: config::journal_file(db)?,
        folder,
        git,
        key: key.text(),
        last_sync: None,
        last_error: None,
        auto: false,
    };
    cfg.save(db)?;
    Ok((cfg, key.text()))
}

/// Checks a join before anything is written: the key opens the folder (or the remote, cloned
/// beside the journal and removed again when the key is wrong). Returns the folder, the
/// remote and the key for [`finish_join`].
pub fn check_join(
    db: &Path,
    carrier: &Carrier,
    key_text: &str,
) -> anyhow::Result<(PathBuf, Option<String>, Key)> {
    let key = Key::parse(key_text)?;
    refuse_if_syncing(db)?;
    match carrier {
        Carrier::Folder(dir) => {
            if !dir.is_dir() {
                return Err(InputError::new(
                    "dir",
                    format!(
                        "{} is not a folder; allowed: the sync folder `backtrack sync init` made",
                        dir.display()
                    ),
                )
                .into());
            }
            key.check_folder(dir)?;
            Ok((dir.clone(), None, key))
        }
        Carrier::Git(remote) => {
            let dir = fresh_clone(db, remote)?;
            if let Err(e) = key.check_folder(&dir) {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(e.into());
            }
            Ok((dir, Some(remote.clone()), key))
        }
    }
}

/// Saves the settings of a checked join, once the journal at `db` exists.
pub fn finish_join(
    db: &Path,
    folder: PathBuf,
    git: Option<String>,
    key: &Key,
) -> anyhow::Result<SyncConfig> {
    let cfg = SyncConfig {
        device_id: config::new_device_id(),
        journal_file: config::journal_file(db)?,
        folder,
        git,
        key: key.text(),
        last_sync: None,
        last_error: None,
        auto: false,
    };
    cfg.save(db)?;
    Ok(cfg)
}

/// Clones `remote` beside the journal (refusing a clone already there).
fn fresh_clone(db: &Path, remote: &str) -> anyhow::Result<PathBuf> {
    let dir = config::git_dir_for(db);
    if dir.exists() {
        return Err(InputError::new(
            "remote",
            format!(
                "{} already exists; allowed: remove it, or `backtrack sync leave` first",
                dir.display()
            ),
        )
        .into());
    }
    super::git::clone(remote, &dir)?;
    Ok(dir)
}

/// Stops syncing: the machine-local settings (and a git clone) go; the journal keeps every
/// row, and the folder keeps this device's segments for the others.
pub fn leave(db: &Path, repo: &mut crate::repo::Repo) -> anyhow::Result<Option<SyncConfig>> {
    let Some(cfg) = SyncConfig::load(db)? else {
        return Ok(None);
    };
    repo.sync_forget_devices()?;
    std::fs::remove_file(config::path_for(db))?;
    if cfg.git.is_some() && cfg.folder == config::git_dir_for(db) {
        let _ = std::fs::remove_dir_all(&cfg.folder);
    }
    Ok(Some(cfg))
}
