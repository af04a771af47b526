//! The one way backtrack writes a file the user keeps (the JSON export, the CSV files): a
//! temporary file in the same folder, 0600 from the start, written, fsynced, renamed over the
//! target and the folder fsynced. A reader, a crash or a failed write sees the old file or the
//! new one, never half of either, and an old file's looser mode never survives (exports hold
//! health data).

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` as [`write_private_with`] does.
pub fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_private_with(path, |f| f.write_all(contents))
}

/// Creates `path` (or replaces it whole) with what `fill` writes, mode 0600. When `fill` or
/// any step fails, the temporary file is removed and an existing file is left as it was.
pub fn write_private_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let named = |e: io::Error, what: &str| {
        io::Error::new(e.kind(), format!("{what} {}: {e}", path.display()))
    };
    // tempfile creates it 0600 and deletes it on every early return.
    let mut tmp = tempfile::Builder::new()
        .prefix(".backtrack-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| named(e, "cannot write beside"))?;
    fill(tmp.as_file_mut()).map_err(|e| named(e, "writing"))?;
    tmp.as_file_mut().flush()?;
    tmp.as_file().sync_all().map_err(|e| named(e, "writing"))?;
    tmp.persist(path).map_err(|e| named(e.error, "replacing"))?;
    // The rename itself is durable only once the folder is synced.
    File::open(&dir)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn an_existing_0644_file_is_replaced_whole_and_ends_0600() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("export.json");
        std::fs::write(&p, "an older and much longer export than the new one").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&p, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{}");
        assert_eq!(mode(&p), 0o600);
        assert_eq!(names(dir.path()), ["export.json"], "no temporary file left");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ride.csv");
        std::fs::write(&p, "old,rows\n1,2\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = write_private_with(&p, |f| {
            f.write_all(b"new,rows\n")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert!(err.to_string().contains("ride.csv"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old,rows\n1,2\n");
        assert_eq!(mode(&p), 0o644, "a failed write changes nothing");
        assert_eq!(names(dir.path()), ["ride.csv"], "no temporary file left");
    }
}
