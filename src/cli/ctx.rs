//! What every command needs: the journal path, opening it (with the daily backup and the
//! network-folder warning), today's date, and JSON/text output helpers.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::args::Global;
use crate::domain::clock;
use crate::repo::{Kind, RecordId, Repo};

/// An open journal plus the flags every command shares.
pub struct Ctx {
    pub repo: Repo,
    pub today: NaiveDate,
    pub json: bool,
}

/// The journal path: `--db`, then `BACKTRACK_DB` (both via clap), then the platform data dir.
pub fn db_path(g: &Global) -> anyhow::Result<PathBuf> {
    if let Some(p) = &g.db {
        return Ok(p.clone());
    }
    let dirs = directories::ProjectDirs::from("", "", "backtrack")
        .context("cannot find a home directory for the journal; pass --db PATH")?;
    Ok(dirs.data_dir().join("journal.db"))
}

impl Ctx {
    /// Opens the journal. Call only after the command's input is validated, so bad input
    /// never creates or touches a file.
    pub fn open(g: &Global) -> anyhow::Result<Ctx> {
        let path = db_path(g)?;
        if let Some(risk) = crate::repo::connection::risky_location(&path) {
            eprintln!(
                "warning: {} is on a {risk}; SQLite's WAL mode is not safe there. Keep the journal on a local disk.",
                path.display()
            );
        }
        let repo = Repo::open(&path).with_context(|| format!("opening {}", path.display()))?;
        let today = clock::today();
        if let Err(e) = repo.daily_backup(today) {
            eprintln!("warning: the daily backup failed: {e}");
        }
        // Every figure drawn from here on (text, `show`, the app) uses the journal's units.
        crate::domain::text::set_units(crate::ops::settings::units(&repo)?);
        Ok(Ctx {
            repo,
            today,
            json: g.json,
        })
    }

    /// Opens a journal that must exist: commands that read, or change records already there,
    /// never leave an empty journal at a mistyped `--db` path.
    pub fn open_existing(g: &Global) -> anyhow::Result<Ctx> {
        let path = db_path(g)?;
        if let Err(e) = std::fs::metadata(&path)
            && e.kind() == std::io::ErrorKind::NotFound
        {
            return Err(crate::domain::InputError::new(
                "db",
                format!(
                    "no journal at {}; nothing was created. Check --db or BACKTRACK_DB; allowed: the path of an existing journal (`backtrack init` or a first `checkin` starts one there)",
                    path.display()
                ),
            )
            .into());
        }
        Ctx::open(g)
    }

    /// Prints `value` as JSON, or `text` otherwise.
    pub fn out<T: Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> anyhow::Result<()> {
        if self.json {
            emit(&serde_json::to_string_pretty(value)?);
        } else {
            let t = text();
            if !t.is_empty() {
                emit(&t);
            }
        }
        Ok(())
    }
}

/// Prints a line to stdout. A closed pipe (`backtrack list | head`) ends the process quietly
/// instead of panicking: the reader has all it wanted. Control characters in stored text (an
/// escape sequence in a note) are shown as `\uXXXX`, never sent to the terminal.
pub fn emit(text: &str) {
    use std::io::Write;
    let text = crate::domain::safe_text::for_terminal(text);
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to stdout failed: {e}");
        std::process::exit(1);
    }
}

/// A record as JSON with its typed ID (`"ref": "c12"`) beside the integer id.
pub fn with_ref<T: Serialize>(kind: Kind, id: i64, rec: &T) -> Value {
    let mut v = serde_json::to_value(rec).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut v {
        o.insert(
            "ref".into(),
            Value::from(RecordId::new(kind, id).to_string()),
        );
    }
    v
}
