//! Importing rides from files (SPEC §10): FIT files and folders, Strava's and intervals.icu's
//! activity CSVs. `import_paths` is the one entry point (CLI and TUI): each file is decoded,
//! de-duplicated and stored in its own transaction, and the run ends with a `Summary`.

pub mod fit;
pub mod fit_sessions;
pub mod intervals;
mod paths;
pub mod rows;
pub mod strava;
mod summary;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::domain::records::Activity;
use crate::repo::{Repo, RepoError};
pub use paths::{FileFormat, collect_files};
pub use summary::{Entry, Imported, Summary};

/// How to run an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Decode and check everything, write nothing.
    pub dry_run: bool,
}

/// Reported after each file: `done` of `total` files are finished, the last being `path`.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a Path,
}

/// An activity read from a file, with the CSV line it came from (None for FIT).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub activity: Activity,
    pub line: Option<u64>,
    /// A TSS the file states (intervals.icu's training load), used when no power-based TSS
    /// can be computed here.
    pub given_tss: Option<f64>,
}

/// What reading one file gave: activities, or why the whole file is skipped or failed, plus
/// per-line problems (CSV rows that cannot be read).
#[derive(Debug, Default)]
pub struct FileResult {
    pub candidates: Vec<Candidate>,
    pub skip: Option<String>,
    pub fail: Option<String>,
    pub bad_lines: Vec<(u64, String)>,
}

/// Imports every file named in `paths` (folders are searched for .fit files). A path that
/// does not exist or has an unsupported extension is refused before anything is written
/// (`RepoError::Input`). Damaged or unsuitable files are reported in the summary and the
/// rest go on; only a storage failure ends the run early.
pub fn import_paths(
    repo: &mut Repo,
    paths: &[PathBuf],
    opts: Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, RepoError> {
    let files = collect_files(paths)?;
    import_files(repo, &files, opts, progress)
}

/// Imports files already listed by `collect_files` (the CLI lists them before it opens the
/// journal, so a bad path creates nothing).
pub fn import_files(
    repo: &mut Repo,
    files: &[(PathBuf, FileFormat)],
    opts: Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, RepoError> {
    let mut summary = Summary {
        dry_run: opts.dry_run,
        ..Default::default()
    };
    let mut seen = Seen::default();
    for (i, (path, format)) in files.iter().enumerate() {
        let result = match std::fs::read(path) {
            Ok(bytes) => read_file(&bytes, *format),
            Err(e) => FileResult {
                fail: Some(format!("cannot read: {e}")),
                ..Default::default()
            },
        };
        store(repo, path, result, opts, &mut seen, &mut summary)?;
        progress(Progress {
            done: i + 1,
            total: files.len(),
            path,
        });
    }
    Ok(summary)
}

/// Decodes one file's bytes into candidates (no storage involved; the fuzz target calls it).
pub fn read_file(bytes: &[u8], format: FileFormat) -> FileResult {
    match format {
        FileFormat::Fit => read_fit(bytes),
        FileFormat::Csv => rows::read_csv(bytes),
    }
}

fn read_fit(bytes: &[u8]) -> FileResult {
    let data = match fit::decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            return FileResult {
                fail: Some(e.0),
                ..Default::default()
            };
        }
    };
    match fit_sessions::activities(&data, &sha256_hex(bytes)) {
        Ok(list) => FileResult {
            candidates: list
                .into_iter()
                .map(|activity| Candidate {
                    activity,
                    line: None,
                    given_tss: None,
                })
                .collect(),
            ..Default::default()
        },
        Err(reason) => FileResult {
            skip: Some(reason),
            ..Default::default()
        },
    }
}

/// The hex SHA-256 of some bytes (file and row dedup keys).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Hashes and start times taken in this run, so a dry run (and two copies of one file in a
/// single run) dedup the same way as stored activities do.
#[derive(Default)]
struct Seen {
    hashes: HashSet<String>,
    starts: HashSet<NaiveDateTime>,
}

/// Dedups one file's candidates, fills their load, and writes them in one transaction.
fn store(
    repo: &mut Repo,
    path: &Path,
    result: FileResult,
    opts: Options,
    seen: &mut Seen,
    summary: &mut Summary,
) -> Result<(), RepoError> {
    let entry = |line: Option<u64>, reason: String| Entry {
        path: path.to_path_buf(),
        line,
        reason,
    };
    if let Some(reason) = result.fail {
        summary.failed.push(entry(None, reason));
        return Ok(());
    }
    if let Some(reason) = result.skip {
        summary.skipped.push(entry(None, reason));
        return Ok(());
    }
    for (line, reason) in result.bad_lines {
        summary.failed.push(entry(Some(line), reason));
    }
    let mut keep = Vec::new();
    let mut skipped = Vec::new();
    for c in result.candidates {
        let mut a = c.activity;
        let hash = a.source_hash.clone().unwrap_or_default();
        if seen.hashes.contains(&hash) {
            skipped.push(entry(c.line, "already imported (same file or row)".into()));
            continue;
        }
        if let Some(found) = repo.activity_by_hash(&hash)? {
            let reason = match found {
                (id, true) => trashed(id),
                (id, false) => format!("already imported (same file or row) as a{id}"),
            };
            skipped.push(entry(c.line, reason));
            continue;
        }
        let at = a.start.format("%Y-%m-%d %H:%M:%S");
        if seen.starts.contains(&a.start) {
            skipped.push(entry(c.line, format!("an activity already starts at {at}")));
            continue;
        }
        if let Some(found) = repo.activity_by_start(a.start)? {
            let reason = match found {
                (id, true) => trashed(id),
                (id, false) => format!("an activity already starts at {at} (a{id})"),
            };
            skipped.push(entry(c.line, reason));
            continue;
        }
        let day = a.date();
        crate::analysis::tss::compute_load(
            &mut a,
            repo.dated_on("ftp_w", day)?,
            repo.dated_on("lthr_bpm", day)?,
        );
        if let Some(tss) = c.given_tss
            && a.load_source.as_deref() != Some("power")
        {
            a.set_manual_tss(tss);
        }
        seen.hashes.insert(hash);
        seen.starts.insert(a.start);
        keep.push(a);
    }
    // A FIT file whose every activity is a duplicate is one skipped file, not one per session.
    if keep.is_empty() && !skipped.is_empty() && skipped.iter().all(|e| e.line.is_none()) {
        skipped.truncate(1);
    }
    summary.skipped.extend(skipped);
    if keep.is_empty() {
        return Ok(());
    }
    let stored = if opts.dry_run {
        keep
    } else {
        repo.add_activities(&keep)?
    };
    summary.imported.push(Imported {
        path: path.to_path_buf(),
        activities: stored,
    });
    Ok(())
}

/// Why an activity deleted earlier is not imported again.
fn trashed(id: i64) -> String {
    format!(
        "already imported as a{id}, which is in the trash (`backtrack restore a{id}` brings it back)"
    )
}
