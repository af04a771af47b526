//! `sync status` and `sync --compact`: what this journal knows of the sync (last sync, the
//! devices and how far each is applied here, versions waiting to be published, conflicts),
//! and a snapshot so a new device need not read every segment.

use serde::Serialize;

use super::config::SyncConfig;
use super::hlc;
use super::key::Key;
use super::segment::files;
use super::segment::{FORMAT, Segment};
use crate::repo::Repo;

#[derive(Debug, Clone, Serialize)]
pub struct DeviceStatus {
    pub device: String,
    /// This computer's own id.
    pub this_device: bool,
    /// The last of its segments applied here (this device: the last it wrote).
    pub seq: i64,
    /// Its newest stamp applied here, as a UTC moment.
    pub latest: String,
    pub applied_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SyncStatus {
    pub syncing: bool,
    pub device_id: Option<String>,
    pub folder: Option<String>,
    pub git: Option<String>,
    pub last_sync: Option<String>,
    pub last_error: Option<String>,
    /// Versions written here since the last sync, not yet published.
    pub pending: i64,
    /// Rows received that wait for a record another computer has not sent yet.
    pub waiting: i64,
    pub conflicts: usize,
    pub devices: Vec<DeviceStatus>,
}

pub fn status(repo: &Repo, cfg: Option<&SyncConfig>) -> anyhow::Result<SyncStatus> {
    let me = cfg.map(|c| c.device_id.clone());
    let devices = repo
        .sync_watermarks()?
        .into_iter()
        .map(|w| DeviceStatus {
            this_device: me.as_deref() == Some(w.device.as_str()),
            device: w.device,
            seq: w.seq,
            latest: hlc::show(w.hlc),
            applied_at: w.applied_at,
        })
        .collect();
    Ok(SyncStatus {
        syncing: cfg.is_some(),
        device_id: me,
        folder: cfg.map(|c| c.folder.display().to_string()),
        git: cfg.and_then(|c| c.git.clone()),
        last_sync: cfg.and_then(|c| c.last_sync.clone()),
        last_error: cfg.and_then(|c| c.last_error.clone()),
        pending: repo.sync_pending()?,
        waiting: repo.sync_waiting()?,
        conflicts: repo.sync_conflicts()?.len(),
        devices,
    })
}

/// Writes a snapshot of every version this journal holds into its own folder and removes its
/// older segments and snapshots: a device that has not read them takes the snapshot instead.
/// Run after a sync, so nothing unpublished is left. Returns the snapshot's number and the
/// files removed.
pub fn compact(repo: &mut Repo, cfg: &SyncConfig) -> anyhow::Result<(i64, usize)> {
    let key = Key::parse(&cfg.key)?;
    let me = &cfg.device_id;
    let dir = cfg.own_dir();
    let listing = files::list(&dir)?;
    let seq = repo.sync_watermark(me)?.max(listing.last_seq()) + 1;
    let seg = Segment {
        format: FORMAT,
        device: me.clone(),
        seq,
        snapshot: true,
        versions: repo.sync_versions(me, false)?,
    };
    files::write_new(&dir, &files::snapshot_name(seq), &seg.encode(&key)?)?;
    repo.sync_mark_published(me, seq, &seg.versions)?;
    let mut removed = 0;
    for path in listing.segments.values().chain(listing.snapshots.values()) {
        if std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    }
    if cfg.git.is_some() {
        super::git::push(&cfg.folder, me)?;
    }
    Ok((seq, removed))
}
