//! `backup [PATH]`, `backup now|list|restore` and `init [--force]`: coming back from a damaged
//! or emptied journal. Listing and restoring work on paths alone, so they work when the
//! journal itself will not open.

use anyhow::Result;
use serde_json::json;

use super::args::{BackupArgs, BackupCmd, Global};
use super::ctx::{db_path, emit};
use crate::domain::{clock, parse::parse_date};
use crate::repo::{Repo, connection::init_fresh, restore, restore_guard::restorable};

pub fn backup(g: &Global, a: BackupArgs) -> Result<()> {
    match a.action {
        None => super::system::backup(g, a.path),
        Some(BackupCmd::Now { path }) => super::system::backup(g, path),
        Some(BackupCmd::List) => list(g),
        Some(BackupCmd::Restore { date }) => restore_cmd(g, date),
    }
}

fn out(g: &Global, v: &serde_json::Value, text: impl FnOnce() -> String) -> Result<()> {
    emit(&if g.json {
        serde_json::to_string_pretty(v)?
    } else {
        text()
    });
    Ok(())
}

fn list(g: &Global) -> Result<()> {
    let db = db_path(g)?;
    let found = restore::find(&db);
    let others = found.others.len();
    let rows: Vec<_> = found
        .own
        .into_iter()
        .map(|b| {
            let verified = restorable(&b.path).map_err(|e| e.to_string());
            (b, verified)
        })
        .collect();
    let v: Vec<_> = rows
        .iter()
        .map(|(b, ok)| json!({"date": b.date, "path": b.path, "bytes": b.bytes, "manual": b.manual, "verified": ok.is_ok(), "problem": ok.as_ref().err()}))
        .collect();
    out(g, &json!(v), || {
        let not_listed = match others {
            0 => String::new(),
            n => format!(
                "\n({} named like this journal's copies hold another journal and are not listed)",
                crate::domain::text::plural(n, "file", "files")
            ),
        };
        if rows.is_empty() {
            return format!(
                "No backups of {} in {} yet (the first open of each day writes one){not_listed}",
                db.display(),
                crate::repo::backup::backups_dir(&db).display()
            );
        }
        let lines = rows.iter().map(|(b, ok)| {
            let state = match ok {
                Ok(()) => "integrity_check ok".to_string(),
                Err(e) => format!("NOT RESTORABLE: {e}"),
            };
            format!(
                "{}  {}  {} bytes  {state}",
                b.date,
                b.path.display(),
                b.bytes
            )
        });
        lines.collect::<Vec<_>>().join("\n") + &not_listed
    })
}

fn restore_cmd(g: &Global, date: Option<String>) -> Result<()> {
    let today = clock::today();
    let date = date.map(|d| parse_date("date", &d, today)).transpose()?;
    let db = db_path(g)?;
    let r = restore::restore(&db, date)?;
    out(g, &serde_json::to_value(&r)?, || {
        let kept = match &r.kept {
            Some(k) => format!("; the replaced file is kept as {}", k.display()),
            None => String::new(),
        };
        format!(
            "Restored {} from {} ({}, integrity_check ok){kept}",
            r.journal.display(),
            r.from.display(),
            r.date
        )
    })
}

pub fn init(g: &Global, force: bool) -> Result<()> {
    let db = db_path(g)?;
    let existed = db.exists();
    if force {
        init_fresh(&db)?;
    }
    Repo::open(&db)?;
    let created = force || !existed;
    out(
        g,
        &json!({"path": db, "created": created}),
        || match created {
            true => format!("Started an empty journal at {}", db.display()),
            false => format!("{} is already a journal; nothing changed", db.display()),
        },
    )
}
