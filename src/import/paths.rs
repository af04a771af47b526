//! Which files an import reads: the paths given, with folders searched recursively for .fit
//! files. A missing path or an unsupported extension is refused before anything is read.

use std::path::{Path, PathBuf};

use crate::domain::InputError;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Fit,
    /// Strava's or intervals.icu's activity CSV, told apart by the header.
    Csv,
}

/// The format a file name says, from its extension (case-insensitive).
pub fn format_of(path: &Path) -> Option<FileFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "fit" => Some(FileFormat::Fit),
        "csv" => Some(FileFormat::Csv),
        _ => None,
    }
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
        } else {
            let format = format_of(p).ok_or_else(|| {
                InputError::new(
                    "path",
                    format!(
                        "{} has an unsupported type; allowed: .fit files, folders of them, .csv (Strava or intervals.icu), or one backtrack .json export",
                        p.display()
                    ),
                )
            })?;
            out.push((p.clone(), format));
        }
    }
    Ok(out)
}

/// Adds the .fit files under `dir`, following no symbolic links (no loops).
fn walk(dir: &Path, out: &mut Vec<(PathBuf, FileFormat)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, out)?;
        } else if kind.is_file() && format_of(&path) == Some(FileFormat::Fit) {
            out.push((path, FileFormat::Fit));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_for_fit_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("2024");
        std::fs::create_dir(&sub).unwrap();
        for f in ["a.fit", "B.FIT", "notes.txt", "activities.csv"] {
            std::fs::write(sub.join(f), b"x").unwrap();
        }
        let found = collect_files(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["B.FIT", "a.fit"]);
        let missing = collect_files(&[dir.path().join("nope.fit")]).unwrap_err();
        assert_eq!(missing.field, "path");
        assert!(collect_files(&[sub.join("notes.txt")]).is_err());
    }
}
