//! The Training screen's import prompt (`i`): a path typed as on the CLI (`~` for home), and
//! whether to only check. The files are listed here, before anything runs, so a path that does
//! not exist is refused in the form like any other bad field.

use std::path::PathBuf;

use super::{EntryForm, FormKind};
use crate::domain::InputError;
use crate::import::{FileFormat, collect_files};
use crate::tui::forms::fields::{Entry, EntryField};

/// What the event loop runs after the prompt: every file found, and whether to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportJob {
    pub files: Vec<(PathBuf, FileFormat)>,
    pub dry_run: bool,
}

pub fn import_form() -> EntryForm {
    EntryForm {
        kind: FormKind::Import,
        entry: Entry::new(
            "Import rides",
            vec![
                EntryField::text(
                    "path",
                    "Path",
                    "",
                    "a .fit file, a folder of them, a Strava or intervals.icu .csv",
                ),
                EntryField::flag("dry_run", "Only check", false),
            ],
        ),
    }
}

/// The files the typed path stands for, or the reason there are none.
pub fn import_job(e: &Entry) -> Result<ImportJob, InputError> {
    let Some(typed) = e.opt("path") else {
        return Err(InputError::new(
            "path",
            "no path given; allowed: a .fit file, a folder of them, a .csv",
        ));
    };
    let path = expand_home(typed.trim());
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
    {
        return Err(InputError::new(
            "path",
            "a backtrack .json export is merged from the shell: `backtrack import FILE.json`; \
             allowed here: a .fit file, a folder of them, a .csv",
        ));
    }
    let files = collect_files(&[path])?;
    if files.is_empty() {
        return Err(InputError::new(
            "path",
            format!("{typed} holds no .fit files; allowed: a .fit file, a folder of them, a .csv"),
        ));
    }
    Ok(ImportJob {
        files,
        dry_run: e.flag("dry_run"),
    })
}

/// `~/rides` is what a shell user types; the prompt has no shell to expand it.
fn expand_home(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ if p == "~" => std::env::var_os("HOME").map_or(PathBuf::from(p), PathBuf::from),
        _ => PathBuf::from(p),
    }
}
