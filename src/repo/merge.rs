//! JSON import (SPEC §6.5): an export merged by uuid in one transaction, by the sync's rule
//! (SPEC §13): the later stamp wins (`merge_stamps`; `updated_at` for an export without
//! stamps), a purged record stays purged, and a version that lost to a concurrent one is kept
//! in the conflicts list. Every row is checked as a typed value would be (`import_check`); a bad
//! row aborts the whole import and names the table, the row's uuid and the field. The report
//! counts what was new, updated, unchanged (identical) and older (kept yours), and names every
//! record the merge moved to the trash.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::{RepoError, Result};
use super::merge_checks::{check_activities, check_plans};
use super::merge_row::{Merged, TableCtx};
use super::merge_stamps::{self as stamps};
use super::transfer::{FORMAT_VERSION, TABLES, columns};
use crate::domain::InputError;
use crate::domain::clock::today;

/// Rows of one table by what the merge did with them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub inserted: usize,
    pub updated: usize,
    /// Identical to the journal's row.
    pub unchanged: usize,
    /// Different, but not newer than the journal's row: the journal's row stays.
    pub kept_yours: usize,
}

/// A record the merge moved to the trash (the older of two live rows for one day or name, or
/// a deletion made on the other device). `id` is what `backtrack restore` takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trashed {
    pub id: Option<String>,
    pub table: String,
    pub uuid: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub tables: BTreeMap<String, Counts>,
    pub trashed: Vec<Trashed>,
    /// Versions that lost to a concurrent one (the file's or this journal's), kept in
    /// `backtrack sync conflicts`.
    pub conflicts: usize,
    /// Records removed here because the file's journal emptied them from its trash later.
    pub purged: usize,
}

impl ImportReport {
    pub fn total(&self) -> Counts {
        self.tables.values().fold(Counts::default(), |a, c| Counts {
            inserted: a.inserted + c.inserted,
            updated: a.updated + c.updated,
            unchanged: a.unchanged + c.unchanged,
            kept_yours: a.kept_yours + c.kept_yours,
        })
    }
}

impl Repo {
    /// Merges an export into this journal in one transaction. Any invalid row aborts the
    /// whole import and nothing is written.
    pub fn import_json(&mut self, doc: &Value) -> Result<ImportReport> {
        self.import_json_with(doc, true, false)
    }

    /// Runs the whole import and rolls it back: the report an import would give.
    pub fn import_json_dry_run(&mut self, doc: &Value) -> Result<ImportReport> {
        self.import_json_with(doc, false, false)
    }

    /// The import, kept when `commit`. Doses that take a day over its drug's max refuse the
    /// whole file, as taking them would, unless `force` (`import --force`).
    pub fn import_json_with(
        &mut self,
        doc: &Value,
        commit: bool,
        force: bool,
    ) -> Result<ImportReport> {
        let tables = export_tables(doc)?;
        let file_stamps = stamps::read(doc)?;
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The import stamps what it writes with the file's versions, not as local edits.
        tx.execute("UPDATE sync_clock SET applying = 1", [])?;
        let me = stamps::identity(&tx)?;
        let merged_stamps = Merged {
            file: &file_stamps,
            me: &me,
            conflicts: std::cell::Cell::new(0),
            max_hlc: std::cell::Cell::new(0),
        };
        let mut report = ImportReport::default();
        let day = today();
        let doses = super::import_doses::DoseDays::before(&tx, tables)?;
        for (table, fks, natural) in TABLES {
            let Some(rows) = tables.get(*table) else {
                continue;
            };
            let rows = rows
                .as_array()
                .ok_or_else(|| file_err(format!("table {table} is not a list")))?;
            let cols = columns(&tx, table)?;
            let ctx = TableCtx {
                tx: &tx,
                table,
                fks,
                natural,
                cols: &cols,
                stamps: &merged_stamps,
            };
            let c = ctx.merge_rows(rows, day, &mut report.trashed)?;
            if *table == "activities" {
                check_activities(&tx, rows, day)?;
            }
            if *table == "plans" {
                check_plans(&tx)?;
            }
            report.tables.insert(table.to_string(), c);
        }
        let (removed, lost) = stamps::apply_tombstones(&tx, &me, &file_stamps)?;
        report.purged = removed;
        report.conflicts = merged_stamps.conflicts.get() + lost;
        if !force {
            doses.refuse_over_max(&tx)?;
        }
        let newest = file_stamps.values().map(|s| s.rank.0).max().unwrap_or(0);
        tx.execute(
            "UPDATE sync_clock SET applying = 0, hlc = MAX(hlc, ?1)",
            [newest.max(merged_stamps.max_hlc.get())],
        )?;
        if commit {
            tx.commit()?;
        }
        Ok(report)
    }
}

pub(super) fn file_err(m: String) -> RepoError {
    RepoError::Input(InputError::new("file", m))
}

/// The export's tables, once its format is one this build reads and it names no table this
/// build does not know.
fn export_tables(doc: &Value) -> Result<&Map<String, Value>> {
    let version = doc
        .get("format_version")
        .and_then(Value::as_i64)
        .ok_or_else(|| file_err("not a backtrack export: no format_version".into()))?;
    if version > FORMAT_VERSION {
        return Err(file_err(format!(
            "export format {version} is newer than this build reads ({FORMAT_VERSION}); update backtrack"
        )));
    }
    let tables = doc
        .get("tables")
        .and_then(Value::as_object)
        .ok_or_else(|| file_err("not a backtrack export: no tables".into()))?;
    if let Some(unknown) = tables
        .keys()
        .find(|k| !TABLES.iter().any(|t| t.0 == k.as_str()))
    {
        return Err(file_err(format!("unknown table '{unknown}' in export")));
    }
    Ok(tables)
}

/// Names the row by its uuid (or its place when it has none) after the field's message.
pub(super) fn annotate(e: RepoError, table: &str, n: usize, obj: &Map<String, Value>) -> RepoError {
    let row = match obj.get("uuid").and_then(Value::as_str) {
        Some(u) => format!("{table} row {}", u.chars().take(40).collect::<String>()),
        None => format!("{table} row {n}"),
    };
    match e {
        RepoError::Input(i) => RepoError::Input(InputError::new(
            i.field,
            format!("{} (in {row}); nothing was imported", i.message),
        )),
        RepoError::Sqlite(s) => RepoError::Input(InputError::new(
            "file",
            format!("{row} was refused: {s}; nothing was imported"),
        )),
        other => other,
    }
}
