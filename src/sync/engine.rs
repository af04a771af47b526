//! One sync: pull (git), read every other device's new segments (refusing the whole run,
//! before anything is written, when one is of a newer format), publish this journal's
//! unpublished versions as a new segment, apply the others' segments in order, each in one
//! transaction with its watermark, and push (git). Files not whole yet are left for later.

use std::collections::BTreeMap;

use anyhow::Context;
use serde::Serialize;

use super::config::SyncConfig;
use super::hlc;
use super::key::Key;
use super::segment::files::{self, Listing};
use super::segment::{FORMAT, Segment, SegmentError};
use crate::repo::Repo;
use crate::repo::sync_apply::Outcome;

/// What a sync did, for the confirming line and `--json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    /// Versions this journal published, and the segment they went into.
    pub published: usize,
    pub segment: Option<String>,
    /// Segments (and snapshots) of other devices applied.
    pub applied_segments: usize,
    /// Versions of other devices that won and were written here.
    pub received: usize,
    /// New entries in `sync conflicts`.
    pub conflicts: usize,
    /// Rows received that refer to a record no segment has brought yet (a dose whose
    /// medication another computer has not sent): applied as soon as it comes.
    pub waiting: i64,
    /// Files skipped for now (not whole yet, damaged) or waiting for a parent row.
    pub skipped: Vec<String>,
    pub warnings: Vec<String>,
}

/// The segments of one device to apply, in order: (seq, segment).
type Pending = BTreeMap<String, Vec<(i64, Segment)>>;

/// Runs one sync of `repo` through `cfg`'s folder (or git remote).
pub fn run(repo: &mut Repo, cfg: &SyncConfig) -> anyhow::Result<SyncReport> {
    let key = Key::parse(&cfg.key)?;
    // A damaged or read-only journal takes nothing in and sends nothing out.
    repo.writable()?;
    if cfg.git.is_some() {
        super::git::pull(&cfg.folder)?;
    }
    key.check_folder(&cfg.folder)?;
    let mut report = SyncReport::default();
    // Read first: a newer format refuses the whole run before anything is written.
    let pending = read_others(repo, cfg, &key, &mut report)?;
    publish(repo, cfg, &key, &mut report)?;
    apply(repo, cfg, pending, &mut report)?;
    if cfg.git.is_some() {
        super::git::push(&cfg.folder, &cfg.device_id)?;
    }
    Ok(report)
}

/// Every other device's segments past its watermark, as far as they are whole: the newest
/// snapshot past the watermark first (after `sync --compact` the segments before it are gone).
fn read_others(
    repo: &Repo,
    cfg: &SyncConfig,
    key: &Key,
    report: &mut SyncReport,
) -> anyhow::Result<Pending> {
    let mut out = Pending::new();
    for device in files::devices(&cfg.folder)? {
        if device == cfg.device_id {
            continue;
        }
        let listing = files::list(&files::device_dir(&cfg.folder, &device))?;
        let mut seq = repo.sync_watermark(&device)?;
        let mut todo = Vec::new();
        if let Some((&n, path)) = listing.snapshots.range(seq + 1..).next_back() {
            match read(path, key, &device, n)? {
                Some(seg) => {
                    todo.push((n, seg));
                    seq = n;
                }
                None => report.skipped.push(path.display().to_string()),
            }
        }
        collect(&listing, key, &device, seq, &mut todo, report)?;
        if !todo.is_empty() {
            out.insert(device, todo);
        }
    }
    Ok(out)
}

fn collect(
    listing: &Listing,
    key: &Key,
    device: &str,
    mut seq: i64,
    todo: &mut Vec<(i64, Segment)>,
    report: &mut SyncReport,
) -> anyhow::Result<()> {
    while let Some(path) = listing.segments.get(&(seq + 1)) {
        match read(path, key, device, seq + 1)? {
            Some(seg) => todo.push((seq + 1, seg)),
            None => {
                report.skipped.push(path.display().to_string());
                break;
            }
        }
        seq += 1;
    }
    Ok(())
}

/// A segment, None when it cannot be read whole yet, an error when it is of a newer format.
fn read(
    path: &std::path::Path,
    key: &Key,
    device: &str,
    seq: i64,
) -> anyhow::Result<Option<Segment>> {
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    match Segment::decode(&bytes, key) {
        Ok(seg) if seg.device == device && seg.seq == seq => Ok(Some(seg)),
        Ok(_) => Ok(None),
        Err(e @ SegmentError::Newer { .. }) => Err(anyhow::anyhow!(
            "{}: {e}; nothing was written",
            path.display()
        )),
        Err(SegmentError::Unreadable(_)) => Ok(None),
    }
}

fn publish(
    repo: &mut Repo,
    cfg: &SyncConfig,
    key: &Key,
    report: &mut SyncReport,
) -> anyhow::Result<()> {
    let me = &cfg.device_id;
    let versions = repo.sync_versions(me, true)?;
    if versions.is_empty() {
        return Ok(());
    }
    let dir = cfg.own_dir();
    let seq = repo.sync_watermark(me)?.max(files::list(&dir)?.last_seq()) + 1;
    let seg = Segment {
        format: FORMAT,
        device: me.clone(),
        seq,
        snapshot: false,
        versions,
    };
    let path = files::write_new(&dir, &files::segment_name(seq), &seg.encode(key)?)?;
    repo.sync_mark_published(me, seq, &seg.versions)
        .context("marking the published rows")?;
    report.published = seg.versions.len();
    report.segment = Some(path.display().to_string());
    Ok(())
}

/// Applies the devices' segments in order; a segment waiting for a parent another device
/// brings is tried again after the others, until no device makes progress.
fn apply(
    repo: &mut Repo,
    cfg: &SyncConfig,
    pending: Pending,
    report: &mut SyncReport,
) -> anyhow::Result<()> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut queues: Vec<(String, std::collections::VecDeque<(i64, Segment)>)> = pending
        .into_iter()
        .map(|(d, s)| (d, s.into_iter().collect()))
        .collect();
    let mut waiting: BTreeMap<String, String> = BTreeMap::new();
    loop {
        let mut progress = false;
        for (device, queue) in queues.iter_mut() {
            while let Some((seq, seg)) = queue.front() {
                let applied = match repo.sync_apply(&cfg.device_id, device, *seq, &seg.versions) {
                    Ok(a) => a,
                    // A row this journal refuses (a constraint, or a check of the JSON
                    // import): that device waits, the others go on, and the message says
                    // which file.
                    Err(
                        e @ (crate::repo::RepoError::Sqlite(_) | crate::repo::RepoError::Input(_)),
                    ) => Outcome::Waiting(format!(
                        "segment {seq} could not be applied ({e}); nothing of it was written"
                    )),
                    Err(e) => return Err(e.into()),
                };
                match applied {
                    Outcome::Applied(a) => {
                        report.applied_segments += 1;
                        report.received += a.written;
                        report.conflicts += a.conflicts;
                        report.waiting = a.still_parked;
                        if let Some(w) = hlc::ahead_warning(device, a.max_hlc, now_ms)
                            && !report.warnings.contains(&w)
                        {
                            report.warnings.push(w);
                        }
                        waiting.remove(device);
                        queue.pop_front();
                        progress = true;
                    }
                    Outcome::Waiting(why) => {
                        waiting.insert(device.clone(), why);
                        break;
                    }
                }
            }
        }
        if !progress {
            break;
        }
    }
    report.skipped.extend(
        waiting
            .into_iter()
            .map(|(d, why)| format!("device {d}: {why}")),
    );
    Ok(())
}
