//! Writing one version of a row as the journal stores it (issue 24): foreign keys from uuids
//! to ids, a purge as a delete (kept in the trash when rows still refer to it), and a live row
//! whose natural key another live row holds put in shadowed, for `settle` to decide.

use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use serde_json::{Map, Value};

use super::error::{RepoError, Result};
use super::import_check::{check_row, check_value_of};
use super::sync_rows::Version;
use super::sync_settle::key_cond;
use super::transfer::{TABLES, columns, fk_name};
use crate::domain::InputError;

fn sql_of(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        other => SqlValue::Text(other.to_string()),
    }
}

/// A row the import's checks refuse, named by its uuid.
fn refused(table: &str, v: &Version, e: InputError) -> RepoError {
    RepoError::Input(InputError::new(
        e.field,
        format!("{} (in {table} {})", e.message, v.uuid),
    ))
}

/// What writing a version did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Written {
    /// The row as the version has it; true when it went in shadowed (another live row holds
    /// its natural key; `settle` decides which stays).
    Row(bool),
    /// Not written: it refers to a parent that is not here (the message names it).
    NoParent(String),
    /// A purge of a record that rows here still refer to: the record stays in the trash, as a
    /// new edit of this journal (stamped past the purge), so every device gets it back and its
    /// children keep their parent everywhere.
    KeptForChildren,
}

/// Writes the version's row (or removes it for a purge).
pub(crate) fn materialize(tx: &Transaction, v: &Version) -> Result<Written> {
    let (table, fks, natural) = *TABLES
        .iter()
        .find(|t| t.0 == v.table)
        .expect("checked by the caller");
    let Some(row) = v.row.as_ref().filter(|_| !v.purged) else {
        return purge(tx, table, v);
    };
    // Another device's row passes the checks of the JSON import, so whatever a sync brings
    // in, this journal's own export imports back.
    check_row(table, row).map_err(|e| refused(table, v, e))?;
    let (names, mut values) = match columns_of(tx, table, fks, v, row)? {
        Ok(columns) => columns,
        Err(missing) => return Ok(Written::NoParent(missing)),
    };
    let deleted_at = names.iter().position(|c| c == "deleted_at");
    let live = deleted_at.is_none_or(|i| values[i] == SqlValue::Null);
    let mut shadowed = false;
    if live
        && clashes(tx, table, natural, &v.uuid, &names, &values)?
        && let Some(i) = deleted_at
    {
        values[i] = shadow_stamp(row);
        shadowed = true;
    }
    upsert(tx, table, &v.uuid, &names, values)?;
    // An activity also passes the check across its fields that the import puts it through.
    if table == "activities"
        && let Some(a) = super::activities::by_uuid_tx(tx, &v.uuid)?
    {
        crate::domain::plausible::check_activity(&a, crate::domain::clock::today()).map_err(
            |e| {
                refused(
                    table,
                    v,
                    InputError::new(format!("activities.{}", e.field), e.message),
                )
            },
        )?;
    }
    Ok(Written::Row(shadowed))
}

/// A purge deletes the row; when rows here still refer to it, it stays in the trash instead.
fn purge(tx: &Transaction, table: &str, v: &Version) -> Result<Written> {
    let sql = format!("DELETE FROM {table} WHERE uuid = ?1");
    if tx.execute(&sql, [&v.uuid]).is_ok() {
        return Ok(Written::Row(false));
    }
    // Rows here still refer to it: keep it in the trash rather than break them, as a
    // local edit the triggers stamp later than the purge.
    let applying: i64 = tx.query_row("SELECT applying FROM sync_clock", [], |r| r.get(0))?;
    tx.execute(
        "UPDATE sync_clock SET applying = 0, hlc = MAX(hlc, ?1)",
        [v.hlc],
    )?;
    let sql =
        format!("UPDATE {table} SET deleted_at = COALESCE(deleted_at, updated_at) WHERE uuid = ?1");
    tx.execute(&sql, [&v.uuid])?;
    tx.execute("UPDATE sync_clock SET applying = ?1", [applying])?;
    Ok(Written::KeptForChildren)
}

/// A row's columns and SQL values.
type Columns = (Vec<String>, Vec<SqlValue>);

/// The row's columns as the table stores them, foreign uuids turned into ids; `Err` names
/// the parent that is not here yet.
fn columns_of(
    tx: &Transaction,
    table: &str,
    fks: &[(&str, &str)],
    v: &Version,
    row: &Map<String, Value>,
) -> Result<std::result::Result<Columns, String>> {
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (c, _) in columns(tx, table)? {
        if c == "id" {
            continue;
        }
        let value = match fks.iter().find(|(fc, _)| *fc == c) {
            Some((_, parent)) => match row.get(&fk_name(&c)) {
                Some(Value::String(pu)) => {
                    let id: Option<i64> = tx
                        .query_row(
                            &format!("SELECT id FROM {parent} WHERE uuid = ?1"),
                            [pu],
                            |r| r.get(0),
                        )
                        .optional()?;
                    match id {
                        Some(id) => SqlValue::Integer(id),
                        None => {
                            return Ok(Err(format!("{table} {} waits for {parent} {pu}", v.uuid)));
                        }
                    }
                }
                _ => SqlValue::Null,
            },
            None => match row.get(&c) {
                Some(x) => {
                    check_value_of(table, &c, x, crate::domain::clock::today())
                        .map_err(|e| refused(table, v, e))?;
                    sql_of(x)
                }
                None => continue,
            },
        };
        names.push(c);
        values.push(value);
    }
    Ok(Ok((names, values)))
}

/// Whether another live row holds the natural key these values give (none for a table
/// without one).
fn clashes(
    tx: &Transaction,
    table: &str,
    natural: &[&str],
    uuid: &str,
    names: &[String],
    values: &[SqlValue],
) -> Result<bool> {
    if natural.is_empty() {
        return Ok(false);
    }
    let at = |n: &str| names.iter().position(|c| c == n);
    let conds: Vec<String> = natural
        .iter()
        .enumerate()
        .map(|(i, n)| key_cond(table, n, i + 1))
        .collect();
    let sql = format!(
        "SELECT count(*) FROM {table} WHERE {} AND deleted_at IS NULL AND uuid <> ?{}",
        conds.join(" AND "),
        natural.len() + 1
    );
    let mut args: Vec<SqlValue> = natural
        .iter()
        .map(|n| at(n).map_or(SqlValue::Null, |i| values[i].clone()))
        .collect();
    args.push(SqlValue::Text(uuid.to_string()));
    let clash: i64 = tx.query_row(&sql, params_from_iter(args), |r| r.get(0))?;
    Ok(clash > 0)
}

/// Updates the row when its uuid is here, else inserts it.
fn upsert(
    tx: &Transaction,
    table: &str,
    uuid: &str,
    names: &[String],
    mut values: Vec<SqlValue>,
) -> Result<()> {
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE uuid = ?1)"),
        [uuid],
        |r| r.get(0),
    )?;
    let sql = match exists {
        true => {
            let sets: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{n} = ?{}", i + 1))
                .collect();
            values.push(SqlValue::Text(uuid.to_string()));
            format!(
                "UPDATE {table} SET {} WHERE uuid = ?{}",
                sets.join(", "),
                names.len() + 1
            )
        }
        false => {
            let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            )
        }
    };
    tx.execute(&sql, params_from_iter(values))?;
    Ok(())
}

/// The trash time of a shadowed row: its own `updated_at`, the same on every device.
fn shadow_stamp(row: &Map<String, Value>) -> SqlValue {
    match row.get("updated_at") {
        Some(Value::String(s)) => SqlValue::Text(s.clone()),
        _ => SqlValue::Text("1970-01-01T00:00:00.000Z".into()),
    }
}
