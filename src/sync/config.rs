//! The machine-local sync settings, in a 0600 file beside the journal (never inside it, and
//! never in the synced folder): this device's id, the folder or git remote, the key, and the
//! last sync. The file records which journal file it belongs to (device and inode), so a
//! journal copied or restored to another file gets a new device id of its own.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncConfig {
    pub device_id: String,
    /// The journal file this device id belongs to: (filesystem device, inode).
    pub journal_file: (u64, u64),
    /// The root of the synced folder (for git: this computer's clone of the remote).
    pub folder: PathBuf,
    /// The git remote, when the folder is a clone that sync pulls and pushes.
    #[serde(default)]
    pub git: Option<String>,
    /// The age key (`AGE-SECRET-KEY-1…`).
    pub key: String,
    #[serde(default)]
    pub last_sync: Option<String>,
    #[serde(default)]
    pub last_error: Option<String>,
    /// `set sync auto`: the app syncs when it opens and when it quits.
    #[serde(default)]
    pub auto: bool,
}

/// `journal.db` -> `journal.sync.json` in the same folder.
pub fn path_for(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into());
    db.with_file_name(format!("{stem}.sync.json"))
}

/// Where `sync init --git` and `sync join --git` keep the clone: beside the journal.
pub fn git_dir_for(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into());
    db.with_file_name(format!("{stem}.sync-git"))
}

/// A fresh device id: 16 hex digits.
pub fn new_device_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..16].to_string()
}

/// The journal file's identity on this machine.
pub fn journal_file(db: &Path) -> anyhow::Result<(u64, u64)> {
    let m = std::fs::metadata(db).with_context(|| format!("reading {}", db.display()))?;
    Ok((m.dev(), m.ino()))
}

impl SyncConfig {
    /// The settings of the journal at `db`, if it syncs. A journal that is not the file the
    /// settings were made for (a copy, a restore) gets a new device id, saved at once.
    pub fn load(db: &Path) -> anyhow::Result<Option<SyncConfig>> {
        let path = path_for(db);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let mut cfg: SyncConfig = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is damaged; `backtrack sync leave` and join again",
                path.display()
            )
        })?;
        let file = journal_file(db)?;
        if cfg.journal_file != file {
            cfg.device_id = new_device_id();
            cfg.journal_file = file;
            cfg.save(db)?;
        }
        Ok(Some(cfg))
    }

    /// This computer's device id for the journal at `db`, read without writing anything
    /// (None when it does not sync, or the settings belong to another file): what the app's
    /// screens need to flag doses from two computers.
    pub fn device_of(db: &Path) -> Option<String> {
        let text = std::fs::read_to_string(path_for(db)).ok()?;
        let cfg: SyncConfig = serde_json::from_str(&text).ok()?;
        (journal_file(db).ok()? == cfg.journal_file).then_some(cfg.device_id)
    }

    /// Writes the settings whole, 0600 (they hold the key).
    pub fn save(&self, db: &Path) -> anyhow::Result<()> {
        let text = serde_json::to_string_pretty(self)?;
        crate::repo::atomic_file::write_private(&path_for(db), text.as_bytes())
            .with_context(|| format!("writing {}", path_for(db).display()))
    }

    /// This device's own folder in the synced folder.
    pub fn own_dir(&self) -> PathBuf {
        crate::sync::segment::files::device_dir(&self.folder, &self.device_id)
    }
}
