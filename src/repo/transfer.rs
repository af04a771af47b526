//! Export (SPEC §6.5): the whole journal as JSON (lossless, trash included, foreign keys
//! written as uuids; every readable row of a damaged journal), and CSV with one RFC 4180 file
//! per table and a guard against formula injection. The tables' order and keys are shared with
//! the import in `merge`.

use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::{RepoError, Result};

/// The export format this build writes and reads. 2 added `load_kg` to `exercises` and
/// `programme_items`; a format-1 export (without it) still imports, its loads empty. 3 added
/// `leg_pain` to `checkins` and the `scores`, `score_schedules` and `plans` tables (issue 23); an older
/// export imports with no leg pain and no scores. 4 added `sync_stamps` (issue 24): each row's
/// hybrid-logical-clock stamp and the tombstones of purged records; an older export is merged
/// by its rows' `updated_at`.
pub const FORMAT_VERSION: i64 = 4;

/// Tables in parent-before-child order, with their foreign keys (column, parent table) and the
/// natural key that must be unique among live rows.
/// (table, foreign keys as (column, parent table), natural key columns).
type TableSpec = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

pub(crate) const TABLES: &[TableSpec] = &[
    ("settings", &[], &["key"]),
    ("dated_settings", &[], &["key", "from_date"]),
    ("checkins", &[], &["date"]),
    ("activities", &[], &[]),
    ("exercises", &[], &["name"]),
    ("programmes", &[], &[]),
    (
        "programme_items",
        &[("programme_id", "programmes"), ("exercise_id", "exercises")],
        &[],
    ),
    ("rehab_sessions", &[("programme_id", "programmes")], &[]),
    (
        "rehab_session_items",
        &[
            ("session_id", "rehab_sessions"),
            ("exercise_id", "exercises"),
        ],
        &[],
    ),
    ("medications", &[], &["name"]),
    ("doses", &[("medication_id", "medications")], &[]),
    ("events", &[], &[]),
    ("psfs_items", &[], &["name"]),
    ("psfs_ratings", &[("item_id", "psfs_items")], &[]),
    ("criteria", &[], &[]),
    ("scores", &[], &[]),
    ("score_schedules", &[], &["instrument"]),
    ("plans", &[], &[]),
];

/// Columns of `table` and whether each is required (NOT NULL without a default).
pub(crate) fn columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<(String, bool)>> {
    let mut st = conn.prepare_cached(&format!("PRAGMA table_info({table})"))?;
    let cols = st.query_map([], |r| {
        let notnull: bool = r.get(3)?;
        let default: Option<String> = r.get(4)?;
        Ok((r.get::<_, String>(1)?, notnull && default.is_none()))
    })?;
    Ok(cols.collect::<rusqlite::Result<_>>()?)
}

fn column_names(conn: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    Ok(columns(conn, table)?.into_iter().map(|c| c.0).collect())
}

fn to_json(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

pub(crate) fn fk_name(col: &str) -> String {
    format!("{}_uuid", col.trim_end_matches("_id"))
}

impl Repo {
    /// The whole journal as a JSON value: `{format_version, tables: {name: [rows]}}`. A table
    /// that cannot be read whole is an error; see [`Repo::export_readable`].
    pub fn export_json(&self) -> Result<Value> {
        let (doc, unreadable) = self.export_readable()?;
        match unreadable.is_empty() {
            true => Ok(doc),
            false => Err(RepoError::Damaged(format!(
                "could not read {} (damaged)",
                unreadable.join(", ")
            ))),
        }
    }

    /// Every row that can be read, and the tables that could not be read whole: a damaged
    /// journal still gives up what it holds.
    pub fn export_readable(&self) -> Result<(Value, Vec<String>)> {
        let mut tables = Map::new();
        let mut unreadable = Vec::new();
        for (table, fks, _) in TABLES {
            let cols = column_names(&self.conn, table)?;
            let mut out = Vec::new();
            if self.read_table(table, fks, &cols, "", &mut out).is_err() {
                // Scan the table itself (no index) and sort here: a damaged index is skipped.
                out.clear();
                let whole = self.read_table(table, fks, &cols, " NOT INDEXED", &mut out);
                out.sort_by(|a, b| a["uuid"].as_str().cmp(&b["uuid"].as_str()));
                if whole.is_err() {
                    unreadable.push(table.to_string());
                }
            }
            tables.insert(table.to_string(), Value::Array(out));
        }
        let mut root = Map::new();
        root.insert("format_version".into(), Value::from(FORMAT_VERSION));
        root.insert("tables".into(), Value::Object(tables));
        // Each row's sync stamp and the purged records' tombstones (issue 24): an import
        // merges by them. Left out of a damaged journal's export rather than failing it.
        if let Ok(stamps) = super::sync_state::stamps_json(&self.conn) {
            root.insert("sync_stamps".into(), stamps);
        }
        Ok((Value::Object(root), unreadable))
    }

    /// Appends the table's rows to `out` until the end or the first unreadable page.
    fn read_table(
        &self,
        table: &str,
        fks: &[(&str, &str)],
        cols: &[String],
        hint: &str,
        out: &mut Vec<Value>,
    ) -> Result<()> {
        let mut select = Vec::new();
        for c in cols {
            match fks.iter().find(|(fc, _)| fc == c) {
                Some((fc, parent)) => select.push(format!(
                    "(SELECT p.uuid FROM {parent} p WHERE p.id = t.{fc})"
                )),
                None => select.push(format!("t.{c}")),
            }
        }
        let order = if hint.is_empty() {
            " ORDER BY t.uuid"
        } else {
            ""
        };
        let sql = format!("SELECT {} FROM {table} t{hint}{order}", select.join(", "));
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let mut obj = Map::new();
            for (i, c) in cols.iter().enumerate() {
                if c == "id" {
                    continue;
                }
                let key = if fks.iter().any(|(fc, _)| fc == c) {
                    fk_name(c)
                } else {
                    c.clone()
                };
                obj.insert(key, to_json(r.get_ref(i)?));
            }
            out.push(Value::Object(obj));
        }
        Ok(())
    }

    /// Writes one CSV file per table into `dir` (0700 when created here; files 0600, as
    /// they hold health data). Returns the files written and the tables that could not be
    /// read whole.
    pub fn export_csv(&self, dir: &Path) -> Result<(Vec<PathBuf>, Vec<String>)> {
        let (doc, unreadable) = self.export_readable()?;
        super::connection::create_private_dir(dir)?;
        let mut written = Vec::new();
        for (table, rows) in doc["tables"].as_object().into_iter().flatten() {
            let path = dir.join(format!("{table}.csv"));
            let header: Vec<String> = match rows.as_array().and_then(|r| r.first()) {
                Some(Value::Object(o)) => o.keys().cloned().collect(),
                _ => column_names(&self.conn, table)?
                    .into_iter()
                    .filter(|c| c != "id")
                    .collect(),
            };
            // Each file is replaced whole, 0600, or left as it was (an earlier export).
            super::atomic_file::write_private_with(&path, |file| {
                let mut w = csv::Writer::from_writer(file);
                w.write_record(&header)?;
                for row in rows.as_array().into_iter().flatten() {
                    let cells: Vec<String> = header.iter().map(|h| csv_cell(&row[h])).collect();
                    w.write_record(&cells)?;
                }
                w.flush()
            })?;
            written.push(path);
        }
        Ok((written, unreadable))
    }
}

/// A cell for spreadsheets: text that a spreadsheet would run as a formula gets a `'` prefix.
pub fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
