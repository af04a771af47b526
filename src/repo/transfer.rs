//! Export and import (SPEC §6.5): the whole journal as JSON (lossless, trash included, foreign
//! keys written as uuids), merge-by-uuid import where the newer `updated_at` wins, and CSV
//! export with one RFC 4180 file per table and a guard against formula injection.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use serde_json::{Map, Value};

use super::connection::Repo;
use super::error::{RepoError, Result};
use crate::domain::InputError;
use crate::domain::clock::utc_stamp;
use crate::domain::vocab::*;

/// The export format this build writes and reads.
pub const FORMAT_VERSION: i64 = 1;

/// Tables in parent-before-child order, with their foreign keys (column, parent table) and the
/// natural key that must be unique among live rows.
/// (table, foreign keys as (column, parent table), natural key columns).
type TableSpec = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

const TABLES: &[TableSpec] = &[
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
];

/// Columns whose text must belong to a vocabulary, checked on import.
fn vocab_check(table: &str, col: &str, v: &str) -> std::result::Result<(), InputError> {
    let field = format!("{table}.{col}");
    let wrap = |e: InputError| InputError::new(field.clone(), e.message);
    let sets = |parse: fn(&str) -> std::result::Result<(), InputError>| {
        v.split(',').filter(|s| !s.is_empty()).try_for_each(parse)
    };
    match (table, col) {
        ("checkins", "locations") => sets(|s| Location::parse(s).map(|_| ())),
        ("checkins", "character") => sets(|s| Character::parse(s).map(|_| ())),
        ("checkins", "red_flags") => sets(|s| RedFlag::parse(s).map(|_| ())),
        ("activities", "kind") => ActivityKind::parse(v).map(|_| ()),
        ("activities", "intensity") => Intensity::parse(v).map(|_| ()),
        ("activities", "source") => Source::parse(v).map(|_| ()),
        ("medications", "class") => MedClass::parse(v).map(|_| ()),
        ("events", "kind") => EventKind::parse(v).map(|_| ()),
        ("exercises", "kind") => ExerciseKind::parse(v).map(|_| ()),
        _ => Ok(()),
    }
    .map_err(wrap)
}

fn columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let cols = st.query_map([], |r| r.get::<_, String>(1))?;
    Ok(cols.collect::<rusqlite::Result<_>>()?)
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

fn fk_name(col: &str) -> String {
    format!("{}_uuid", col.trim_end_matches("_id"))
}

impl Repo {
    /// The whole journal as a JSON value: `{format_version, tables: {name: [rows]}}`.
    pub fn export_json(&self) -> Result<Value> {
        let mut tables = Map::new();
        for (table, fks, _) in TABLES {
            let cols = columns(&self.conn, table)?;
            let mut select = Vec::new();
            for c in &cols {
                match fks.iter().find(|(fc, _)| fc == c) {
                    Some((fc, parent)) => select.push(format!(
                        "(SELECT p.uuid FROM {parent} p WHERE p.id = t.{fc})"
                    )),
                    None => select.push(format!("t.{c}")),
                }
            }
            let sql = format!(
                "SELECT {} FROM {table} t ORDER BY t.uuid",
                select.join(", ")
            );
            let mut st = self.conn.prepare(&sql)?;
            let mut rows = st.query([])?;
            let mut out = Vec::new();
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
            tables.insert(table.to_string(), Value::Array(out));
        }
        let mut root = Map::new();
        root.insert("format_version".into(), Value::from(FORMAT_VERSION));
        root.insert("tables".into(), Value::Object(tables));
        Ok(Value::Object(root))
    }

    /// Merges an export into this journal in one transaction. Returns per-table counts of
    /// (inserted, updated, unchanged). Any invalid row aborts the whole import.
    pub fn import_json(&mut self, doc: &Value) -> Result<BTreeMap<String, (usize, usize, usize)>> {
        self.import_inner(doc, true)
    }

    /// Runs the whole import and rolls it back: the counts an import would give.
    pub fn import_json_dry_run(
        &mut self,
        doc: &Value,
    ) -> Result<BTreeMap<String, (usize, usize, usize)>> {
        self.import_inner(doc, false)
    }

    fn import_inner(
        &mut self,
        doc: &Value,
        commit: bool,
    ) -> Result<BTreeMap<String, (usize, usize, usize)>> {
        let bad = |m: String| RepoError::Input(InputError::new("file", m));
        let version = doc
            .get("format_version")
            .and_then(Value::as_i64)
            .ok_or_else(|| bad("not a backtrack export: no format_version".into()))?;
        if version > FORMAT_VERSION {
            return Err(bad(format!(
                "export format {version} is newer than this build reads ({FORMAT_VERSION}); update backtrack"
            )));
        }
        let tables = doc
            .get("tables")
            .and_then(Value::as_object)
            .ok_or_else(|| bad("not a backtrack export: no tables".into()))?;
        if let Some(unknown) = tables
            .keys()
            .find(|k| !TABLES.iter().any(|t| t.0 == k.as_str()))
        {
            return Err(bad(format!("unknown table '{unknown}' in export")));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let counts = {
            let tx = &tx;
            let mut counts = BTreeMap::new();
            for (table, fks, natural) in TABLES {
                let Some(rows) = tables.get(*table) else {
                    continue;
                };
                let rows = rows
                    .as_array()
                    .ok_or_else(|| bad(format!("table {table} is not a list")))?;
                let cols = columns(tx, table)?;
                let mut c = (0, 0, 0);
                for (n, row) in rows.iter().enumerate() {
                    let obj = row
                        .as_object()
                        .ok_or_else(|| bad(format!("{table} row {n} is not an object")))?;
                    match merge_row(tx, table, fks, natural, &cols, obj)
                        .map_err(|e| annotate(e, table, n))?
                    {
                        Merge::Inserted => c.0 += 1,
                        Merge::Updated => c.1 += 1,
                        Merge::Unchanged => c.2 += 1,
                    }
                }
                counts.insert(table.to_string(), c);
            }
            counts
        };
        if commit {
            tx.commit()?;
        }
        Ok(counts)
    }

    /// Writes one CSV file per table into `dir`. Returns the files written.
    pub fn export_csv(&self, dir: &Path) -> Result<Vec<std::path::PathBuf>> {
        let doc = self.export_json()?;
        super::connection::create_private_dir(dir)?;
        let mut written = Vec::new();
        for (table, rows) in doc["tables"].as_object().into_iter().flatten() {
            let path = dir.join(format!("{table}.csv"));
            let mut w =
                csv::Writer::from_path(&path).map_err(|e| RepoError::Backup(e.to_string()))?;
            let header: Vec<String> = match rows.as_array().and_then(|r| r.first()) {
                Some(Value::Object(o)) => o.keys().cloned().collect(),
                _ => columns(&self.conn, table)?
                    .into_iter()
                    .filter(|c| c != "id")
                    .collect(),
            };
            w.write_record(&header)
                .map_err(|e| RepoError::Backup(e.to_string()))?;
            for row in rows.as_array().into_iter().flatten() {
                let cells: Vec<String> = header.iter().map(|h| csv_cell(&row[h])).collect();
                w.write_record(&cells)
                    .map_err(|e| RepoError::Backup(e.to_string()))?;
            }
            w.flush()?;
            written.push(path);
        }
        Ok(written)
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

fn annotate(e: RepoError, table: &str, n: usize) -> RepoError {
    match e {
        RepoError::Input(i) => RepoError::Input(InputError::new(
            i.field,
            format!("{} (in {table} row {n})", i.message),
        )),
        RepoError::Sqlite(s) => RepoError::Input(InputError::new(
            "file",
            format!("{table} row {n} was refused: {s}"),
        )),
        other => other,
    }
}

enum Merge {
    Inserted,
    Updated,
    Unchanged,
}

fn merge_row(
    tx: &Transaction,
    table: &str,
    fks: &[(&str, &str)],
    natural: &[&str],
    cols: &[String],
    obj: &Map<String, Value>,
) -> Result<Merge> {
    let field_err =
        |f: &str, m: &str| RepoError::Input(InputError::new(format!("{table}.{f}"), m.to_string()));
    let uuid = obj
        .get("uuid")
        .and_then(Value::as_str)
        .ok_or_else(|| field_err("uuid", "missing"))?
        .to_string();
    let updated_at = obj
        .get("updated_at")
        .and_then(Value::as_str)
        .ok_or_else(|| field_err("updated_at", "missing"))?
        .to_string();
    for key in obj.keys() {
        let known = cols.iter().any(|c| c == key && c != "id")
            || fks.iter().any(|(c, _)| fk_name(c) == *key);
        if !known {
            return Err(field_err(key, "unknown column"));
        }
    }
    let mut names = Vec::new();
    let mut values: Vec<SqlValue> = Vec::new();
    for c in cols.iter().filter(|c| *c != "id") {
        let value = match fks.iter().find(|(fc, _)| fc == c) {
            Some((_, parent)) => match obj.get(&fk_name(c)) {
                None | Some(Value::Null) => SqlValue::Null,
                Some(Value::String(pu)) => {
                    let id: Option<i64> = tx
                        .query_row(
                            &format!("SELECT id FROM {parent} WHERE uuid=?1"),
                            [pu],
                            |r| r.get(0),
                        )
                        .optional()?;
                    SqlValue::Integer(id.ok_or_else(|| {
                        field_err(
                            &fk_name(c),
                            &format!("refers to {pu}, which is not in the export or journal"),
                        )
                    })?)
                }
                Some(_) => return Err(field_err(&fk_name(c), "must be a uuid string")),
            },
            None => match obj.get(c) {
                None | Some(Value::Null) => SqlValue::Null,
                Some(Value::String(s)) => {
                    vocab_check(table, c, s)?;
                    SqlValue::Text(s.clone())
                }
                Some(Value::Number(n)) if n.is_i64() => {
                    SqlValue::Integer(n.as_i64().unwrap_or_default())
                }
                Some(Value::Number(n)) => SqlValue::Real(n.as_f64().unwrap_or_default()),
                Some(Value::Bool(b)) => SqlValue::Integer(*b as i64),
                Some(_) => return Err(field_err(c, "must be text, a number or null")),
            },
        };
        names.push(c.clone());
        values.push(value);
    }
    let existing: Option<String> = tx
        .query_row(
            &format!("SELECT updated_at FROM {table} WHERE uuid=?1"),
            [&uuid],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(local) if local >= updated_at => Ok(Merge::Unchanged),
        Some(_) => {
            let sets: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{n}=?{}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE {table} SET {} WHERE uuid=?{}",
                sets.join(", "),
                names.len() + 1
            );
            settle_natural_clash(tx, table, natural, &names, &mut values, &uuid, &updated_at)?;
            values.push(SqlValue::Text(uuid.clone()));
            tx.execute(&sql, params_from_iter(values))?;
            Ok(Merge::Updated)
        }
        None => {
            settle_natural_clash(tx, table, natural, &names, &mut values, &uuid, &updated_at)?;
            let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            );
            tx.execute(&sql, params_from_iter(values))?;
            Ok(Merge::Inserted)
        }
    }
}

/// Two live rows with the same natural key (two check-ins for one date): the newer
/// `updated_at` stays live and the other goes to the trash, so nothing is lost. When the local
/// row is the newer one, the incoming row's `deleted_at` is set in `values`.
fn settle_natural_clash(
    tx: &Transaction,
    table: &str,
    natural: &[&str],
    names: &[String],
    values: &mut [SqlValue],
    uuid: &str,
    updated_at: &str,
) -> Result<()> {
    if natural.is_empty() {
        return Ok(());
    }
    let idx = |n: &str| names.iter().position(|c| c == n);
    let incoming_live = idx("deleted_at").is_some_and(|i| values[i] == SqlValue::Null);
    if !incoming_live {
        return Ok(());
    }
    let conds: Vec<String> = natural
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n}=?{}", i + 1))
        .collect();
    let sql = format!(
        "SELECT uuid, updated_at FROM {table} WHERE {} AND deleted_at IS NULL AND uuid<>?{}",
        conds.join(" AND "),
        natural.len() + 1
    );
    let mut args: Vec<SqlValue> = natural
        .iter()
        .map(|n| idx(n).map(|i| values[i].clone()).unwrap_or(SqlValue::Null))
        .collect();
    args.push(SqlValue::Text(uuid.to_string()));
    let clash: Option<(String, String)> = tx
        .query_row(&sql, params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((other, other_updated)) = clash {
        let now = utc_stamp();
        if other_updated.as_str() <= updated_at {
            tx.execute(
                &format!("UPDATE {table} SET deleted_at=?1 WHERE uuid=?2"),
                rusqlite::params![now, other],
            )?;
        } else if let Some(i) = idx("deleted_at") {
            values[i] = SqlValue::Text(now);
        }
    }
    Ok(())
}
