//! Writing a note in the person's own editor (`$VISUAL`, then `$EDITOR`, then vi, as Unix
//! programs look), for the check-in's `--edit` and the app's Ctrl-E. The variable is split as
//! a shell would (shell-words), so `code --wait` and a quoted path with spaces both work.
//! Spawns a process; no journal access here.

use std::io::{Error, Result};

/// The editor command from the environment: `$VISUAL`, then `$EDITOR` (an empty one is
/// unset), then `vi`; split into program and arguments as a shell would.
pub fn editor_command(var: impl Fn(&str) -> Option<String>) -> Result<Vec<String>> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|k| var(k).filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".into());
    let words = shell_words::split(&editor)
        .map_err(|e| Error::other(format!("cannot read the editor command '{editor}': {e}")))?;
    if words.is_empty() {
        return Ok(vec!["vi".into()]);
    }
    Ok(words)
}

/// Opens the editor on `initial` and returns what was saved (trailing blank lines dropped).
/// A missing editor or one that exits with an error saves nothing.
pub fn edit_in_editor(initial: &str) -> Result<String> {
    let words = editor_command(|k| std::env::var(k).ok())?;
    let editor = words.join(" ");
    let file = tempfile::Builder::new()
        .prefix("backtrack-note-")
        .suffix(".md")
        .tempfile()?;
    std::fs::write(file.path(), initial)?;
    let status = std::process::Command::new(&words[0])
        .args(&words[1..])
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

#[cfg(test)]
mod tests {
    use super::editor_command;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn visual_comes_before_editor_and_is_split_as_a_shell_would() {
        let both = [("VISUAL", "code --wait"), ("EDITOR", "nano")];
        assert_eq!(editor_command(env(&both)).unwrap(), ["code", "--wait"]);
        let quoted = [("EDITOR", "'/opt/My Editor/bin/edit' -n")];
        assert_eq!(
            editor_command(env(&quoted)).unwrap(),
            ["/opt/My Editor/bin/edit", "-n"]
        );
        let empty_visual = [("VISUAL", " "), ("EDITOR", "nano")];
        assert_eq!(editor_command(env(&empty_visual)).unwrap(), ["nano"]);
        assert_eq!(editor_command(env(&[])).unwrap(), ["vi"]);
        let e = editor_command(env(&[("EDITOR", "vim 'unclosed")])).unwrap_err();
        assert!(e.to_string().contains("vim 'unclosed"), "{e}");
    }
}
