//! Importing rides from files (SPEC §10): FIT, GPX and TCX files (also `.gz`), Strava's
//! export as downloaded (zip or unpacked folder) in any of its languages, Garmin's export (a
//! zip of zips), and intervals.icu's activities CSV. `import_paths` is the one entry point
//! (CLI and TUI): each activity file is decoded, matched with its Strava row, de-duplicated
//! and stored in its own transaction, and the run ends with a `Summary`.

pub mod fit;
pub mod fit_sessions;
pub mod intervals;
mod paths;
pub mod rows;
mod store;
pub mod strava;
mod strava_date;
pub mod strava_lang;
mod summary;
pub mod track;
mod walk;
mod zip_guard;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::records::Activity;
use crate::domain::vocab::Source;
use crate::repo::{Repo, RepoError};
pub use paths::{FileFormat, collect_files, format_of, format_of_name};
pub use summary::{Entry, Imported, Summary};
pub use walk::{MAX_FILE_BYTES, merge_row};

/// How to run an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Decode and check everything, write nothing.
    pub dry_run: bool,
}

/// Reported after each activity (a file, an archive member or a CSV row): `done` of about
/// `total` are finished, the last being `path` (archive members: `export.zip/activities/…`).
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
    /// The activity file a Strava row names (`activities/123.fit.gz`).
    pub file: Option<String>,
}

/// What reading one file gave: activities, or why the whole file is skipped or failed, plus
/// per-line problems (CSV rows that cannot be read, rows dropped for a fuller one at the same
/// start) and notes (records left out as a clock glitch).
#[derive(Debug, Default)]
pub struct FileResult {
    pub candidates: Vec<Candidate>,
    pub skip: Option<String>,
    pub fail: Option<String>,
    pub bad_lines: Vec<(u64, String)>,
    pub dropped: Vec<(u64, String)>,
    pub notes: Vec<String>,
}

/// Imports every file named in `paths` (folders are searched for activity files, archives
/// and activity lists). A path that does not exist or has an unsupported extension is
/// refused before anything is written (`RepoError::Input`). Damaged or unsuitable files are
/// reported in the summary and the rest go on; only a storage failure ends the run early.
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
    walk::Run::new(repo, opts, progress).run(files)
}

/// Decodes one file's bytes (already un-gzipped) into candidates, with no storage involved
/// (the fuzz target calls it). Archives go through `import_files`.
pub fn read_file(bytes: &[u8], format: FileFormat) -> FileResult {
    match format {
        FileFormat::Fit => read_fit(bytes),
        FileFormat::Gpx => read_track(bytes, track::Dialect::Gpx),
        FileFormat::Tcx => read_track(bytes, track::Dialect::Tcx),
        FileFormat::Csv => rows::read_csv(bytes),
        FileFormat::Zip => FileResult {
            fail: Some("an archive is read by import_files, not as one file".into()),
            ..Default::default()
        },
    }
}

fn read_fit(bytes: &[u8]) -> FileResult {
    match fit::decode(bytes) {
        Ok(data) => from_data(&data, bytes, Source::Fit),
        Err(e) => failed(e.0),
    }
}

fn read_track(bytes: &[u8], dialect: track::Dialect) -> FileResult {
    let source = match dialect {
        track::Dialect::Gpx => Source::Gpx,
        track::Dialect::Tcx => Source::Tcx,
    };
    match track::decode(bytes, dialect) {
        Ok(data) => from_data(&data, bytes, source),
        Err(e) => failed(e),
    }
}

fn failed(reason: String) -> FileResult {
    FileResult {
        fail: Some(reason),
        ..Default::default()
    }
}

/// The activities of a decoded recording; records dropped as a clock glitch become a note.
fn from_data(data: &fit::FitData, bytes: &[u8], source: Source) -> FileResult {
    match fit_sessions::activities(data, &sha256_hex(bytes)) {
        Ok(out) => FileResult {
            candidates: out
                .activities
                .into_iter()
                .map(|mut activity| {
                    activity.source = source;
                    Candidate {
                        activity,
                        line: None,
                        given_tss: None,
                        file: None,
                    }
                })
                .collect(),
            notes: match out.dropped_records {
                0 => vec![],
                n => vec![format!(
                    "{n} record(s) with timestamps far (over 6 h) from the rest were left out (a clock glitch)"
                )],
            },
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
