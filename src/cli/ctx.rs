//! What every command needs: the journal path, opening it (with the daily backup and the
//! network-folder warning), today's date, and JSON/text output helpers.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::args::Global;
use crate::domain::{InputError, clock, error::parse_scale, parse};
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
        Ok(Ctx {
            repo,
            today,
            json: g.json,
        })
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
/// instead of panicking: the reader has all it wanted.
pub fn emit(text: &str) {
    use std::io::Write;
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

pub fn date_or_today(
    field: &str,
    d: &Option<String>,
    today: NaiveDate,
) -> Result<NaiveDate, InputError> {
    match d {
        Some(t) => parse::parse_date(field, t, today),
        None => Ok(today),
    }
}

pub fn opt_scale(
    field: &str,
    v: &Option<String>,
    lo: i64,
    hi: i64,
) -> Result<Option<u8>, InputError> {
    v.as_deref()
        .map(|t| parse_scale(field, t, lo, hi))
        .transpose()
}

pub fn opt_positive(field: &str, v: Option<f64>, max: f64) -> Result<Option<f64>, InputError> {
    v.map(|x| crate::domain::error::check_positive(field, x, max))
        .transpose()
}

/// Non-empty trimmed text, or None.
pub fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Opens $EDITOR (then $VISUAL, then vi) on `initial` and returns what was saved.
pub fn edit_in_editor(initial: &str) -> anyhow::Result<String> {
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
        .with_context(|| format!("could not start the editor '{editor}'"))?;
    if !status.success() {
        anyhow::bail!("the editor '{editor}' exited with {status}; nothing was saved");
    }
    Ok(std::fs::read_to_string(file.path())?.trim_end().to_string())
}
