//! Writing a note in the person's own editor ($EDITOR, then $VISUAL, then vi), for the
//! check-in's `--edit` and the app's Ctrl-E. Spawns a process; no journal access here.

use std::io::{Error, Result};

/// Opens the editor on `initial` and returns what was saved (trailing blank lines dropped).
/// A missing editor or one that exits with an error saves nothing.
pub fn edit_in_editor(initial: &str) -> Result<String> {
    let editor = std::env::var("EDITOR")
        .or_else(|_| std::env::var("VISUAL"))
        .unwrap_or_else(|_| "vi".into());
    let file = tempfile::Builder::new()
        .prefix("backtrack-note-")
        .suffix(".md")
        .tempfile()?;
    std::fs::write(file.path(), initial)?;
    let mut parts = editor.split_whitespace();
    let prog = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(prog)
        .args(parts)
        .arg(file.path())
        .status()
        .map_err(|e| Error::other(format!("could not start the editor '{editor}': {e}")))?;
    if !status.success() {
        return Err(Error::other(format!(
            "the editor '{editor}' exited with {status}; nothing was saved"
        )));
    }
    Ok(std::fs::read_to_string(file.path())?.trim_end().to_string())
}
