//! Segment files on disk: `devices/<device id>/seg-<seq>.age` and `snap-<seq>.age`. Each is
//! written under a temporary hidden name (what the sync engines ignore), fsynced and renamed,
//! and never changed after. Reading, anything else is skipped and picked up once whole:
//! zero-byte files, temporary names, an engine's `sync-conflict` or "conflicted copy" files
//! and cloud placeholders (`.icloud`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;

pub fn devices_dir(root: &Path) -> PathBuf {
    root.join("devices")
}

pub fn device_dir(root: &Path, device: &str) -> PathBuf {
    devices_dir(root).join(device)
}

pub fn segment_name(seq: i64) -> String {
    format!("seg-{seq:010}.age")
}

pub fn snapshot_name(seq: i64) -> String {
    format!("snap-{seq:010}.age")
}

/// What a file name is: a segment or a snapshot with its number, or nothing of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Segment(i64),
    Snapshot(i64),
}

/// Only the exact names we write count: an engine's copies and temporaries never match.
pub fn classify(name: &str) -> Option<Entry> {
    let num = |rest: &str| {
        let digits = rest.strip_suffix(".age")?;
        (digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    if let Some(rest) = name.strip_prefix("seg-") {
        return num(rest).map(Entry::Segment);
    }
    name.strip_prefix("snap-")
        .and_then(num)
        .map(Entry::Snapshot)
}

/// The files of one device's folder.
#[derive(Debug, Default)]
pub struct Listing {
    pub segments: BTreeMap<i64, PathBuf>,
    pub snapshots: BTreeMap<i64, PathBuf>,
}

impl Listing {
    /// The highest number used by a segment or snapshot.
    pub fn last_seq(&self) -> i64 {
        let a = self.segments.keys().next_back().copied().unwrap_or(0);
        let b = self.snapshots.keys().next_back().copied().unwrap_or(0);
        a.max(b)
    }
}

/// Lists a device folder (an absent one is empty); zero-byte files are left for later.
pub fn list(dir: &Path) -> anyhow::Result<Listing> {
    let mut out = Listing::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e).with_context(|| format!("reading {}", dir.display())),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(kind) = classify(&name) else {
            continue;
        };
        let whole = entry.metadata().is_ok_and(|m| m.is_file() && m.len() > 0);
        if !whole {
            continue;
        }
        match kind {
            Entry::Segment(n) => out.segments.insert(n, entry.path()),
            Entry::Snapshot(n) => out.snapshots.insert(n, entry.path()),
        };
    }
    Ok(out)
}

/// The device ids with a folder under `devices/`.
pub fn devices(root: &Path) -> anyhow::Result<Vec<String>> {
    let dir = devices_dir(root);
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e).with_context(|| format!("reading {}", dir.display())),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = !name.is_empty() && name.bytes().all(|b| b.is_ascii_hexdigit());
        if ours && entry.path().is_dir() {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

/// Writes a new file `name` in `dir` (made 0700 if needed): a hidden temporary name (what the
/// sync engines ignore), fsync, then a rename that never replaces a file already there
/// (segments are never changed; two syncs at once cannot both write number N), and the
/// folder fsynced. Temporaries a killed sync left behind an hour ago are removed first.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    use std::io::Write;
    crate::repo::connection::create_private_dir(dir)
        .with_context(|| format!("creating {}", dir.display()))?;
    remove_stale_temps(dir);
    let path = dir.join(name);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".part")
        .tempfile_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(&path).map_err(|e| {
        anyhow::anyhow!(
            "{} already exists; segments are never rewritten ({})",
            path.display(),
            e.error
        )
    })?;
    std::fs::File::open(dir)?.sync_all()?;
    Ok(path)
}

const TEMP_PREFIX: &str = ".backtrack-seg-";

fn remove_stale_temps(dir: &Path) {
    let hour = std::time::Duration::from_secs(3600);
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if name.starts_with(TEMP_PREFIX) && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
