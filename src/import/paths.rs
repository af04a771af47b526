//! Which files an import reads: the paths given, with folders searched recursively for
//! activity files (`.fit`, `.gpx`, `.tcx`, each also `.gz`), archives (`.zip`) and Strava's
//! or intervals.icu's `activities.csv`. A missing path or an unsupported extension is refused
//! before anything is read.

use std::path::{Path, PathBuf};

use crate::domain::InputError;

/// How a file is read (after any `.gz` is undone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Fit,
    Gpx,
    Tcx,
    /// Strava's or intervals.icu's activity CSV, told apart by the header.
    Csv,
    /// A zip archive (Strava's or Garmin's export), nested zips included.
    Zip,
}

impl FileFormat {
    /// Activity files: one recording each.
    pub fn is_activity(self) -> bool {
        matches!(self, FileFormat::Fit | FileFormat::Gpx | FileFormat::Tcx)
    }
}

/// The format a file name says, from its extension (case-insensitive; `x.fit.gz` is FIT).
pub fn format_of_name(name: &str) -> Option<FileFormat> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = base.rsplit_once('.')?.1;
    match ext {
        "fit" => Some(FileFormat::Fit),
        "gpx" => Some(FileFormat::Gpx),
        "tcx" => Some(FileFormat::Tcx),
        "csv" if base.len() == lower.len() => Some(FileFormat::Csv),
        "zip" if base.len() == lower.len() => Some(FileFormat::Zip),
        _ => None,
    }
}

/// The format a path's name says.
pub fn format_of(path: &Path) -> Option<FileFormat> {
    format_of_name(path.file_name()?.to_str()?)
}

/// Inside a folder or archive, a CSV counts only when it is an activity list
/// (`activities.csv`, `i123_activities.csv`): exports hold many other CSVs.
pub fn is_activity_list(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.to_ascii_lowercase().ends_with("activities.csv")
}

/// The files to import, in the order given (each folder's files sorted by path).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, FileFormat)>, InputError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p)
            .map_err(|e| InputError::new("path", format!("{}: {e}", p.display())))?;
        if meta.is_dir() {
            let before = out.len();
            walk(p, &mut out)
                .map_err(|e| InputError::new("path", format!("{}: {e}", p.display())))?;
            out[before..].sort_by(|a, b| a.0.cmp(&b.0));
        } else if !meta.is_file() {
            // A named pipe would block the import for ever; a device has no end.
            return Err(InputError::new(
                "path",
                format!(
                    "{} is not a regular file (a pipe or device); allowed: activity files, archives and folders",
                    p.display()
                ),
            ));
        } else {
            let format = format_of(p).ok_or_else(|| {
                InputError::new(
                    "path",
                    format!(
                        "{} has an unsupported type; allowed: .fit, .gpx, .tcx (each also .gz), .zip exports, folders of them, .csv (Strava or intervals.icu), or one backtrack .json export",
                        p.display()
                    ),
                )
            })?;
            out.push((p.clone(), format));
        }
    }
    Ok(out)
}

/// Adds the importable files under `dir`, following no symbolic links (no loops).
fn walk(dir: &Path, out: &mut Vec<(PathBuf, FileFormat)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, out)?;
        } else if kind.is_file()
            && let Some(f) = format_of(&path)
            && (f != FileFormat::Csv || path.to_str().is_some_and(is_activity_list))
        {
            out.push((path, f));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_for_activity_files_archives_and_activity_lists() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("2024");
        std::fs::create_dir(&sub).unwrap();
        for f in [
            "a.fit",
            "B.FIT",
            "c.gpx.gz",
            "d.tcx",
            "e.zip",
            "notes.txt",
            "activities.csv",
            "profile.csv",
            "x.zip.gz",
        ] {
            std::fs::write(sub.join(f), b"x").unwrap();
        }
        let found = collect_files(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "B.FIT",
                "a.fit",
                "activities.csv",
                "c.gpx.gz",
                "d.tcx",
                "e.zip"
            ]
        );
        let missing = collect_files(&[dir.path().join("nope.fit")]).unwrap_err();
        assert_eq!(missing.field, "path");
        assert!(collect_files(&[sub.join("notes.txt")]).is_err());
        assert_eq!(format_of_name("A.FIT.GZ"), Some(FileFormat::Fit));
        assert_eq!(format_of_name("x.csv.gz"), None);
    }
}
