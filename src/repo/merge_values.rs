//! One row of a JSON import as SQL values (see `merge_row.rs`): every column checked as a
//! typed value would be, foreign uuids turned into the journal's ids, and compared with the
//! journal's copy of the row.

use super::error::{RepoError, Result};
use super::import_check::{check_row, check_value_of};
use super::merge_checks::canonical_uuid;
use super::merge_row::TableCtx;
use super::transfer::fk_name;
use crate::domain::InputError;
use rusqlite::OptionalExtension;
use rusqlite::types::{Value as SqlValue, ValueRef};
use serde_json::{Map, Value};

impl TableCtx<'_> {
    /// A bad field of this table, named as `table.field`.
    fn field_err(&self, f: &str, m: &str) -> RepoError {
        RepoError::Input(InputError::new(
            format!("{}.{f}", self.table),
            m.to_string(),
        ))
    }

    /// Checks every column, then turns the row into SQL values (foreign uuids into ids).
    pub(super) fn values(
        &self,
        obj: &Map<String, Value>,
        day: chrono::NaiveDate,
    ) -> Result<(Vec<String>, Vec<SqlValue>)> {
        for key in obj.keys() {
            let known = self.cols.iter().any(|(c, _)| c == key && c != "id")
                || self.fks.iter().any(|(c, _)| fk_name(c) == *key);
            if !known {
                return Err(self.field_err(key, "unknown column"));
            }
        }
        let mut names = Vec::new();
        let mut values = Vec::new();
        for (c, required) in self.cols.iter().filter(|(c, _)| c != "id") {
            let key = match self.fks.iter().find(|(fc, _)| fc == c) {
                Some(_) => fk_name(c),
                None => c.clone(),
            };
            let v = obj.get(&key).unwrap_or(&Value::Null);
            if v.is_null() && *required {
                return Err(self.field_err(
                    &key,
                    "is missing; allowed: a value (this column is required)",
                ));
            }
            let value = match self.fks.iter().find(|(fc, _)| fc == c) {
                Some((_, parent)) => match v {
                    Value::Null => SqlValue::Null,
                    Value::String(pu) => {
                        let pu = &canonical_uuid(pu);
                        let id: Option<i64> = self
                            .tx
                            .query_row(
                                &format!("SELECT id FROM {parent} WHERE uuid=?1"),
                                [pu],
                                |r| r.get(0),
                            )
                            .optional()?;
                        SqlValue::Integer(id.ok_or_else(|| {
                            self.field_err(
                                &key,
                                &format!("refers to {pu}, which is not in the export or journal"),
                            )
                        })?)
                    }
                    _ => return Err(self.field_err(&key, "must be a uuid string")),
                },
                None => {
                    check_value_of(self.table, c, v, day)?;
                    match v {
                        Value::Null => SqlValue::Null,
                        // An upper-case or braced copy of a uuid is the same record.
                        Value::String(s) if c == "uuid" => SqlValue::Text(canonical_uuid(s)),
                        Value::String(s) => SqlValue::Text(s.clone()),
                        Value::Number(n) => match n.as_i64() {
                            Some(i) => SqlValue::Integer(i),
                            None => SqlValue::Real(n.as_f64().unwrap_or(f64::NAN)),
                        },
                        Value::Bool(b) => SqlValue::Integer(*b as i64),
                        _ => return Err(self.field_err(c, "must be text, a number or null")),
                    }
                }
            };
            names.push(c.clone());
            values.push(value);
        }
        check_row(self.table, obj)?;
        Ok((names, values))
    }

    /// Whether the journal's row holds exactly these values (numbers compared as numbers).
    pub(super) fn identical(
        &self,
        names: &[String],
        values: &[SqlValue],
        uuid: &str,
    ) -> Result<bool> {
        let sql = format!(
            "SELECT {} FROM {} WHERE uuid=?1",
            names.join(", "),
            self.table
        );
        self.tx
            .query_row(&sql, [uuid], |r| {
                for (i, v) in values.iter().enumerate() {
                    let same = match (r.get_ref(i)?, v) {
                        (ValueRef::Null, SqlValue::Null) => true,
                        (ValueRef::Text(a), SqlValue::Text(b)) => a == b.as_bytes(),
                        (ValueRef::Integer(a), SqlValue::Integer(b)) => a == *b,
                        (ValueRef::Integer(a), SqlValue::Real(b)) => a as f64 == *b,
                        (ValueRef::Real(a), SqlValue::Integer(b)) => a == *b as f64,
                        (ValueRef::Real(a), SqlValue::Real(b)) => a == *b,
                        _ => false,
                    };
                    if !same {
                        return Ok(false);
                    }
                }
                Ok(true)
            })
            .map_err(RepoError::from)
    }
}
