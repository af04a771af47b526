//! One path for every way a rider's history arrives (SPEC §10): files, folders, zip archives
//! (nested ones too) and `.gz` members. Activity lists (`activities.csv`) are read first, so
//! each Strava row finds the activity file it names: the activity's figures come from the
//! file, its name, description, private note, gear and RPE from the row, and each activity is
//! stored once. Rows without a file (or whose file is missing or unreadable) come from the CSV
//! alone, at the end. Archives are streamed member by member, never unpacked to disk; a member
//! that would unpack to too much, names a path outside the archive (`../`) or nests too deep
//! is refused.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::paths::{FileFormat, format_of_name, is_activity_list};
use super::store::{Seen, store};
use super::summary::{Entry, Summary};
use super::zip_guard::{self, Names};
use super::{Candidate, FileResult, Options, Progress, read_file, rows};
use crate::domain::records::Activity;
use crate::repo::{Repo, RepoError};

/// The most one file may unpack to: far above any real recording or activity list.
pub const MAX_FILE_BYTES: u64 = 100 << 20;
/// The most a whole run may unpack (every member of every archive together).
const MAX_RUN_BYTES: u64 = 16 << 30;
/// A member declaring more than this ratio of unpacked to packed size (and over 1 MiB) is a
/// zip bomb: real exports pack 2–20×.
const MAX_RATIO: u64 = 200;
/// Archives inside archives inside archives: Garmin's export nests one level.
const MAX_DEPTH: usize = 3;

/// A Strava row waiting for the file it names.
struct Pending {
    list: usize,
    row: Candidate,
}

/// One activity list: where it is, and its rows that no file took (stored at the end).
struct RowList {
    path: PathBuf,
    rows: Vec<Candidate>,
    bad_lines: Vec<(u64, String)>,
    dropped: Vec<(u64, String)>,
}

pub(super) struct Run<'a> {
    repo: &'a mut Repo,
    opts: Options,
    progress: &'a mut dyn FnMut(Progress),
    seen: Seen,
    pub(super) summary: Summary,
    done: usize,
    total: usize,
    unpacked: u64,
    pending: HashMap<PathBuf, Pending>,
    lists: Vec<RowList>,
}

impl<'a> Run<'a> {
    pub(super) fn new(
        repo: &'a mut Repo,
        opts: Options,
        progress: &'a mut dyn FnMut(Progress),
    ) -> Run<'a> {
        Run {
            repo,
            opts,
            progress,
            seen: Seen::default(),
            summary: Summary {
                dry_run: opts.dry_run,
                ..Default::default()
            },
            done: 0,
            total: 0,
            unpacked: 0,
            pending: HashMap::new(),
            lists: Vec::new(),
        }
    }

    /// Imports `files`: activity lists first (indexed), then every activity file and archive
    /// member, then the rows no file took.
    pub(super) fn run(mut self, files: &[(PathBuf, FileFormat)]) -> Result<Summary, RepoError> {
        let mut known: HashSet<PathBuf> = HashSet::new();
        for (path, format) in files {
            match format {
                FileFormat::Csv => {
                    if let Some(bytes) = self.read_path(path) {
                        self.index_list(path, &bytes);
                    }
                }
                FileFormat::Zip => self.index_zip(path, &mut known),
                _ => {
                    known.insert(path.clone());
                }
            }
        }
        let rows_alone = self.lists.iter().map(|l| l.rows.len()).sum::<usize>()
            + self.pending.keys().filter(|k| !known.contains(*k)).count();
        self.total = known.len() + rows_alone;
        for (path, format) in files {
            match format {
                FileFormat::Csv => {}
                FileFormat::Zip => self.walk_zip(path)?,
                f => {
                    if let Some(bytes) = self.read_path(path) {
                        self.activity_file(path.clone(), *f, bytes)?;
                    }
                }
            }
        }
        self.rows_alone()?;
        Ok(self.summary)
    }

    fn fail(&mut self, path: &Path, reason: String) {
        self.summary.failed.push(Entry {
            path: path.to_path_buf(),
            line: None,
            reason,
        });
    }

    fn read_path(&mut self, path: &Path) -> Option<Vec<u8>> {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                self.fail(path, format!("cannot read: {e}"));
                return None;
            }
        };
        self.read_capped(path, file)
    }

    /// Reads a whole file or member, undoing gzip; refuses one that unpacks to too much.
    fn read_capped(&mut self, path: &Path, mut r: impl Read) -> Option<Vec<u8>> {
        let mut raw = Vec::new();
        let read = (&mut r).take(MAX_FILE_BYTES + 1).read_to_end(&mut raw);
        let bytes = match read {
            Ok(_) if raw.starts_with(&[0x1f, 0x8b]) => {
                let mut out = Vec::new();
                let gz = flate2::read::MultiGzDecoder::new(raw.as_slice());
                match gz.take(MAX_FILE_BYTES + 1).read_to_end(&mut out) {
                    Ok(_) => out,
                    Err(e) => {
                        self.fail(path, format!("damaged .gz: {e}"));
                        return None;
                    }
                }
            }
            Ok(_) => raw,
            Err(e) => {
                self.fail(path, format!("cannot read: {e}"));
                return None;
            }
        };
        self.unpacked += bytes.len() as u64;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            self.fail(
                path,
                format!(
                    "unpacks to more than {} MiB: refused (no activity file is that large; a zip bomb?)",
                    MAX_FILE_BYTES >> 20
                ),
            );
            return None;
        }
        Some(bytes)
    }

    /// Reads an activity list and files its rows: those naming a file wait for it.
    fn index_list(&mut self, path: &Path, bytes: &[u8]) {
        let result = rows::read_csv(bytes);
        if let Some(reason) = result.fail {
            self.fail(path, reason);
            return;
        }
        let list = self.lists.len();
        let base = path.parent().unwrap_or(Path::new(""));
        let mut alone = Vec::new();
        for row in result.candidates {
            match row
                .file
                .as_deref()
                .map(|f| base.join(f.trim_start_matches("./")))
            {
                Some(key) if !self.pending.contains_key(&key) => {
                    self.pending.insert(key, Pending { list, row });
                }
                _ => alone.push(row),
            }
        }
        self.lists.push(RowList {
            path: path.to_path_buf(),
            rows: alone,
            bad_lines: result.bad_lines,
            dropped: result.dropped,
        });
    }

    /// First look at a zip: its activity lists are read and its activity files counted.
    fn index_zip(&mut self, path: &Path, known: &mut HashSet<PathBuf>) {
        let Ok(file) = std::fs::File::open(path) else {
            return; // reported when the archive is walked
        };
        let Ok(mut zip) = zip::ZipArchive::new(file) else {
            return;
        };
        if zip_guard::overlapping(&mut zip).is_some() || zip.has_duplicate_names() {
            return; // reported when the archive is walked
        }
        for i in 0..zip.len() {
            let Ok(entry) = zip.by_index(i) else { continue };
            let Some(name) = zip_guard::safe_name(&entry) else {
                continue;
            };
            let display = path.join(&name);
            match format_of_name(&name) {
                Some(f) if f.is_activity() => {
                    known.insert(display);
                }
                Some(FileFormat::Csv) if is_activity_list(&name) => {
                    if let Some(why) = bomb(entry.size(), entry.compressed_size()) {
                        self.fail(&display, why);
                        continue;
                    }
                    if let Some(bytes) = self.read_capped(&display, entry) {
                        self.index_list(&display, &bytes);
                    }
                }
                _ => {}
            }
        }
    }

    fn walk_zip(&mut self, path: &Path) -> Result<(), RepoError> {
        let opened = std::fs::File::open(path)
            .map_err(|e| e.to_string())
            .and_then(|f| zip::ZipArchive::new(f).map_err(|e| e.to_string()));
        let mut zip = match opened {
            Ok(z) => z,
            Err(e) => {
                self.fail(path, format!("not a readable zip archive: {e}"));
                return Ok(());
            }
        };
        if let Some(why) = zip_guard::overlapping(&mut zip) {
            self.fail(path, why);
            return Ok(());
        }
        if zip.has_duplicate_names() {
            // The reader keeps one member of each name: the other would vanish unsaid.
            self.fail(
                path,
                "two members share one name, so one of them cannot be read: the archive is refused"
                    .into(),
            );
            return Ok(());
        }
        let mut names = Names::default();
        for i in 0..zip.len() {
            let mut entry = match zip.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    self.fail(path, format!("damaged archive member {}: {e}", i + 1));
                    continue;
                }
            };
            let (size, packed) = (entry.size(), entry.compressed_size());
            let Some(name) = self.checked_name(path, &entry) else {
                continue;
            };
            if format_of_name(&name) == Some(FileFormat::Csv) {
                continue; // read when indexed
            }
            if let Some(why) = names.repeated(&name) {
                self.fail(&path.join(&name), why);
                continue;
            }
            self.member(&path.join(&name), &name, size, packed, &mut entry, 1)?;
        }
        Ok(())
    }

    /// A member's name when it is safe to use; a name leading outside the archive
    /// (`../x`, `/etc/x`, `C:/x`) is refused.
    fn checked_name<R: Read>(
        &mut self,
        archive: &Path,
        entry: &zip::read::ZipFile<R>,
    ) -> Option<String> {
        if entry.is_dir() {
            return None;
        }
        match zip_guard::safe_name(entry) {
            Some(n) => Some(n),
            None => {
                let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
                self.fail(
                    &archive.join(raw.trim_start_matches(['/', '\\']).replace("..", "_")),
                    format!("member '{raw}' names a path outside the archive: refused"),
                );
                None
            }
        }
    }

    /// One archive member: an activity file, an archive to walk, a list to index, or
    /// something else (photos, profile data), passed over.
    fn member(
        &mut self,
        display: &Path,
        name: &str,
        size: u64,
        packed: u64,
        reader: &mut dyn Read,
        depth: usize,
    ) -> Result<(), RepoError> {
        let format = format_of_name(name);
        if format.is_none() || (format == Some(FileFormat::Csv) && !is_activity_list(name)) {
            return Ok(());
        }
        if let Some(why) = bomb(size, packed) {
            self.fail(display, why);
            return Ok(());
        }
        match format {
            Some(FileFormat::Zip) => self.stream_zip(display, reader, depth + 1),
            Some(FileFormat::Csv) => {
                if let Some(bytes) = self.read_capped(display, reader) {
                    self.index_list(display, &bytes);
                }
                Ok(())
            }
            Some(f) => match self.read_capped(display, reader) {
                Some(bytes) => self.activity_file(display.to_path_buf(), f, bytes),
                None => {
                    self.count(display);
                    Ok(())
                }
            },
            None => Ok(()),
        }
    }

    /// An archive inside an archive, read as a stream from the outer one.
    fn stream_zip(
        &mut self,
        display: &Path,
        reader: &mut dyn Read,
        depth: usize,
    ) -> Result<(), RepoError> {
        if depth > MAX_DEPTH {
            self.fail(
                display,
                format!("archives nested more than {MAX_DEPTH} deep: refused"),
            );
            return Ok(());
        }
        let budget = MAX_RUN_BYTES.saturating_sub(self.unpacked);
        let mut reader = reader.take(budget);
        let mut names = Names::default();
        loop {
            let mut entry = match zip::read::read_zipfile_from_stream(&mut reader) {
                Ok(Some(e)) => e,
                Ok(None) => break,
                Err(e) => {
                    self.fail(display, format!("damaged archive: {e}"));
                    break;
                }
            };
            let (size, packed) = (entry.size(), entry.compressed_size());
            let Some(name) = self.checked_name(display, &entry) else {
                continue;
            };
            if let Some(why) = names.repeated(&name) {
                self.fail(&display.join(&name), why);
                continue;
            }
            self.member(&display.join(&name), &name, size, packed, &mut entry, depth)?;
        }
        Ok(())
    }

    /// Decodes one activity file, takes the Strava row that names it, and stores it.
    fn activity_file(
        &mut self,
        path: PathBuf,
        format: FileFormat,
        bytes: Vec<u8>,
    ) -> Result<(), RepoError> {
        let mut result = read_file(&bytes, format);
        drop(bytes);
        if let Some(p) = self.pending.remove(&path) {
            match result.candidates.first_mut() {
                Some(c) if result.fail.is_none() && result.skip.is_none() => {
                    merge_row(&mut c.activity, &p.row.activity);
                    c.line = None;
                }
                // The file gives nothing: the row stands alone.
                _ => self.lists[p.list].rows.push(p.row),
            }
        }
        store(
            self.repo,
            &path,
            result,
            self.opts,
            &mut self.seen,
            &mut self.summary,
        )?;
        self.count(&path);
        Ok(())
    }

    fn count(&mut self, path: &Path) {
        self.done += 1;
        self.total = self.total.max(self.done);
        (self.progress)(Progress {
            done: self.done,
            total: self.total,
            path,
        });
    }

    /// The rows no file took, per list, each list in one transaction.
    fn rows_alone(&mut self) -> Result<(), RepoError> {
        for (_, p) in std::mem::take(&mut self.pending) {
            self.lists[p.list].rows.push(p.row);
        }
        for list in std::mem::take(&mut self.lists) {
            let n = list.rows.len();
            let mut rows = list.rows;
            rows.sort_by_key(|r| r.line);
            let result = FileResult {
                candidates: rows,
                bad_lines: list.bad_lines,
                dropped: list.dropped,
                ..Default::default()
            };
            store(
                self.repo,
                &list.path,
                result,
                self.opts,
                &mut self.seen,
                &mut self.summary,
            )?;
            for _ in 0..n {
                self.count(&list.path);
            }
        }
        Ok(())
    }
}

/// Why a member that declares these sizes is refused, if it is.
fn bomb(size: u64, packed: u64) -> Option<String> {
    (size > 1 << 20 && size / packed.max(1) > MAX_RATIO).then(|| {
        format!(
            "unpacks to {}× its packed size ({} MiB): refused as a possible zip bomb",
            size / packed.max(1),
            size >> 20
        )
    })
}

/// Puts a Strava row's own words on the activity its file gave: name, description and private
/// note (the note), gear (rides), RPE, the type where the file has no sport; and any figure
/// the file lacks.
pub fn merge_row(a: &mut Activity, row: &Activity) {
    if row.note.is_some() {
        a.note = row.note.clone();
    }
    a.rpe = row.rpe.or(a.rpe);
    if a.kind == crate::domain::vocab::ActivityKind::Other {
        a.kind = row.kind;
    }
    if super::strava::is_ride(a.kind) && row.bike.is_some() {
        a.bike = row.bike.clone();
    }
    a.moving_s = a.moving_s.or(row.moving_s);
    a.distance_m = a.distance_m.or(row.distance_m);
    a.ascent_m = a.ascent_m.or(row.ascent_m);
    a.avg_hr = a.avg_hr.or(row.avg_hr);
    a.max_hr = a.max_hr.or(row.max_hr);
    a.avg_power_w = a.avg_power_w.or(row.avg_power_w);
    a.normalized_power_w = a.normalized_power_w.or(row.normalized_power_w);
}
