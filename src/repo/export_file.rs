//! Reading a JSON export from disk before it is merged (issue 21.10): only a regular file (a
//! named pipe would block for ever), at most [`MAX_EXPORT_BYTES`] (a 162 MB file took 726 MB
//! of memory), a leading byte-order mark (what some editors save) skipped.

use std::fs;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

use crate::domain::InputError;

/// 64 MiB: a ten-year journal's export is a few MB.
pub const MAX_EXPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The parsed export at `path`, or the refusal naming the field (`path` or `file`).
pub fn read_export(path: &Path) -> Result<Value, InputError> {
    let shown = path.display();
    let meta = fs::metadata(path)
        .map_err(|e| InputError::new("path", format!("cannot read {shown}: {e}")))?;
    if !meta.is_file() {
        return Err(InputError::new(
            "path",
            format!(
                "{shown} is not a regular file (a folder, pipe or device); allowed: a backtrack JSON export"
            ),
        ));
    }
    let too_big = || {
        InputError::new(
            "file",
            format!(
                "{shown} is larger than {} MiB, more than any journal's export; allowed: an export up to that size",
                MAX_EXPORT_BYTES / 1024 / 1024
            ),
        )
    };
    if meta.len() > MAX_EXPORT_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_EXPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| InputError::new("path", format!("cannot read {shown}: {e}")))?;
    if bytes.len() as u64 > MAX_EXPORT_BYTES {
        return Err(too_big());
    }
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    serde_json::from_slice(text)
        .map_err(|e| InputError::new("file", format!("{shown} is not valid JSON: {e}")))
}
