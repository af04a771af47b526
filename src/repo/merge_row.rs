//! One table's rows of a JSON import merged into the journal (see `merge.rs`): each row
//! checked as a typed value would be, matched by uuid (or by its natural key: one check-in a
//! day, one drug by name), and settled by the stamps.

use super::error::{RepoError, Result};
use super::import_check::{check_row, check_value_of};
use super::merge::{Counts, Trashed, annotate, file_err};
use super::merge_checks::canonical_uuid;
use super::merge_stamps::{self as stamps, FileStamp, FileStamps};
use super::records::{Kind, RecordId};
use super::transfer::fk_name;
use crate::domain::InputError;
use crate::domain::clock::utc_stamp;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use serde_json::{Map, Value};

pub(super) enum Merge {
    Inserted,
    Updated,
    Unchanged,
    KeptYours,
}

/// The stamps side of one import: the file's stamps, this journal's id, what was kept.
pub(super) struct Merged<'a> {
    pub(super) file: &'a FileStamps,
    pub(super) me: &'a str,
    pub(super) conflicts: std::cell::Cell<usize>,
    pub(super) max_hlc: std::cell::Cell<i64>,
}

pub(super) struct TableCtx<'a> {
    pub(super) tx: &'a Transaction<'a>,
    pub(super) table: &'a str,
    pub(super) fks: &'a [(&'a str, &'a str)],
    pub(super) natural: &'a [&'a str],
    pub(super) cols: &'a [(String, bool)],
    pub(super) stamps: &'a Merged<'a>,
}

impl TableCtx<'_> {
    /// Every row of the table merged, counted by what the merge did; a bad row names itself.
    pub(super) fn merge_rows(
        &self,
        rows: &[Value],
        day: chrono::NaiveDate,
        trashed: &mut Vec<Trashed>,
    ) -> Result<Counts> {
        let table = self.table;
        let mut c = Counts::default();
        let mut seen = std::collections::HashSet::new();
        for (n, row) in rows.iter().enumerate() {
            let obj = row
                .as_object()
                .ok_or_else(|| file_err(format!("{table} row {n} is not an object")))?;
            // One record twice in a file: which copy wins would depend on the order.
            if let Some(u) = obj.get("uuid").and_then(Value::as_str)
                && !seen.insert(canonical_uuid(u))
            {
                let e = InputError::new(
                    format!("{table}.uuid"),
                    "appears twice in the file; allowed: each record once",
                );
                return Err(annotate(RepoError::Input(e), table, n, obj));
            }
            let merged = self
                .merge_row(obj, day, trashed)
                .map_err(|e| annotate(e, table, n, obj))?;
            match merged {
                Merge::Inserted => c.inserted += 1,
                Merge::Updated => c.updated += 1,
                Merge::Unchanged => c.unchanged += 1,
                Merge::KeptYours => c.kept_yours += 1,
            }
        }
        Ok(c)
    }

    fn field_err(&self, f: &str, m: &str) -> RepoError {
        RepoError::Input(InputError::new(
            format!("{}.{f}", self.table),
            m.to_string(),
        ))
    }

    /// Checks every column, then turns the row into SQL values (foreign uuids into ids).
    fn values(
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

    fn merge_row(
        &self,
        obj: &Map<String, Value>,
        day: chrono::NaiveDate,
        trashed: &mut Vec<Trashed>,
    ) -> Result<Merge> {
        let (names, mut values) = self.values(obj, day)?;
        let at = |n: &str| names.iter().position(|c| c == n).map(|i| &values[i]);
        let text = |v: Option<&SqlValue>| match v {
            Some(SqlValue::Text(s)) => s.clone(),
            _ => String::new(),
        };
        let uuid = text(at("uuid"));
        let updated_at = text(at("updated_at"));
        let incoming_deleted = !matches!(at("deleted_at"), Some(SqlValue::Null) | None);
        let table = self.table;
        let m = self.stamps;
        let by_row = stamps::rank_of_row(&updated_at);
        let incoming = match m.file.get(&(table.to_string(), uuid.clone())) {
            // A row edited in the file after it was stamped (its updated_at is later) ranks
            // by that edit: a stamp is never behind its row's own clock.
            Some(s) if !s.purged => FileStamp {
                rank: match by_row.0 > s.rank.0 {
                    true => (by_row.0, s.rank.1.clone()),
                    false => s.rank.clone(),
                },
                ..s.clone()
            },
            _ => FileStamp {
                rank: by_row,
                base: None,
                purged: false,
            },
        };
        m.max_hlc.set(m.max_hlc.get().max(incoming.rank.0));
        let here = stamps::local(self.tx, m.me, table, &uuid)?;
        let keep = |loser, winner| -> Result<()> {
            let n = stamps::keep_loser(self.tx, table, &uuid, loser, winner)?;
            m.conflicts.set(m.conflicts.get() + n);
            Ok(())
        };
        let local: Option<(i64, String, bool)> = self
            .tx
            .query_row(
                &format!(
                    "SELECT id, updated_at, deleted_at IS NOT NULL FROM {table} WHERE uuid=?1"
                ),
                [&uuid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        // This journal's version: its stamp, or (never stamped) its updated_at.
        let local_rank = |local_at: &str| match &here {
            Some((rank, ..)) => rank.clone(),
            None => stamps::rank_of_row(local_at),
        };
        let local_base = here.as_ref().and_then(|h| h.1.clone());
        match local {
            Some((_, local_at, _)) if local_rank(&local_at) >= incoming.rank => {
                if self.identical(&names, &values, &uuid)? {
                    Ok(Merge::Unchanged)
                } else {
                    if stamps::concurrent(&incoming.rank, &local_base) {
                        let mine = stamps::current(self.tx, table, &uuid)?;
                        keep(
                            (&incoming.rank, Some(obj.clone())),
                            (&local_rank(&local_at), mine),
                        )?;
                    }
                    Ok(Merge::KeptYours)
                }
            }
            // Purged here later than the file's copy: it stays purged.
            None if here
                .as_ref()
                .is_some_and(|(rank, _, purged)| *purged && *rank >= incoming.rank) =>
            {
                Ok(Merge::KeptYours)
            }
            Some((id, local_at, local_deleted)) => {
                let before = local_rank(&local_at);
                if stamps::concurrent(&before, &incoming.base) {
                    let mine = stamps::current(self.tx, table, &uuid)?;
                    keep((&before, mine), (&incoming.rank, Some(obj.clone())))?;
                }
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
                let lands_in_trash =
                    self.settle_natural_clash(&names, &mut values, &uuid, &incoming.rank, trashed)?;
                values.push(SqlValue::Text(uuid.clone()));
                self.tx.execute(&sql, params_from_iter(values))?;
                self.stamp_written(&uuid, &incoming, lands_in_trash)?;
                // A session's exercise dropped by an edit on the other device goes with that
                // edit (counted as updated); it is no record `restore` could bring back alone.
                let part_of_edit = table == "rehab_session_items";
                if (incoming_deleted || lands_in_trash) && !local_deleted && !part_of_edit {
                    trashed.push(self.trashed(id, &uuid)?);
                }
                Ok(Merge::Updated)
            }
            None => {
                let lands_in_trash =
                    self.settle_natural_clash(&names, &mut values, &uuid, &incoming.rank, trashed)?;
                let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                let sql = format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    names.join(", "),
                    marks.join(", ")
                );
                self.tx.execute(&sql, params_from_iter(values))?;
                self.stamp_written(&uuid, &incoming, lands_in_trash)?;
                if lands_in_trash {
                    trashed.push(self.trashed(self.tx.last_insert_rowid(), &uuid)?);
                }
                Ok(Merge::Inserted)
            }
        }
    }

    /// Stamps a row the import wrote with the file's version; one that the import put in the
    /// trash (a natural-key clash) is a local edit on top of it.
    fn stamp_written(&self, uuid: &str, incoming: &FileStamp, trashed_here: bool) -> Result<()> {
        stamps::stamp(self.tx, self.table, uuid, incoming)?;
        if trashed_here {
            stamps::as_local_edit(self.tx, || {
                let sql = format!(
                    "UPDATE {} SET deleted_at = deleted_at WHERE uuid = ?1",
                    self.table
                );
                self.tx.execute(&sql, [uuid])?;
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Whether the journal's row holds exactly these values (numbers compared as numbers).
    fn identical(&self, names: &[String], values: &[SqlValue], uuid: &str) -> Result<bool> {
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

    /// How the report names a record: its typed ID (when `restore` takes one) and summary.
    fn trashed(&self, id: i64, uuid: &str) -> Result<Trashed> {
        let kind = Kind::ALL.into_iter().find(|k| k.table() == self.table);
        let summary = match kind {
            Some(k) => self
                .tx
                .query_row(
                    &format!("SELECT {} FROM {} WHERE id=?1", k.summary_sql(), self.table),
                    [id],
                    |r| r.get::<_, Option<String>>(0),
                )?
                .map(|raw| k.describe(&raw)),
            None => None,
        };
        Ok(Trashed {
            id: kind.map(|k| RecordId::new(k, id).to_string()),
            table: self.table.to_string(),
            uuid: uuid.to_string(),
            summary: summary.unwrap_or_else(|| self.table.to_string()),
        })
    }

    /// Two live rows with the same natural key (two check-ins for one date): the later stamp
    /// (the sync's order; `updated_at` for a row never stamped) stays live and the other goes
    /// to the trash, so nothing is lost. When the journal's row is the later one, the incoming
    /// row's `deleted_at` is set in `values` and the result is true: it lands in the trash.
    fn settle_natural_clash(
        &self,
        names: &[String],
        values: &mut [SqlValue],
        uuid: &str,
        incoming: &stamps::Rank,
        trashed: &mut Vec<Trashed>,
    ) -> Result<bool> {
        let (table, natural) = (self.table, self.natural);
        if natural.is_empty() {
            return Ok(false);
        }
        let idx = |n: &str| names.iter().position(|c| c == n);
        let incoming_live = idx("deleted_at").is_some_and(|i| values[i] == SqlValue::Null);
        if !incoming_live {
            return Ok(false);
        }
        let conds: Vec<String> = natural
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n}=?{}", i + 1))
            .collect();
        let sql = format!(
            "SELECT id, uuid, updated_at FROM {table} WHERE {} AND deleted_at IS NULL AND uuid<>?{}",
            conds.join(" AND "),
            natural.len() + 1
        );
        let mut args: Vec<SqlValue> = natural
            .iter()
            .map(|n| idx(n).map(|i| values[i].clone()).unwrap_or(SqlValue::Null))
            .collect();
        args.push(SqlValue::Text(uuid.to_string()));
        let clash: Option<(i64, String, String)> = self
            .tx
            .query_row(&sql, params_from_iter(args), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((other_id, other, other_updated)) = clash {
            let now = utc_stamp();
            let other_rank = match stamps::local(self.tx, self.stamps.me, table, &other)? {
                Some((rank, ..)) => rank,
                None => stamps::rank_of_row(&other_updated),
            };
            if other_rank <= *incoming {
                trashed.push(self.trashed(other_id, &other)?);
                // A local edit: stamped, so the other devices learn of it at the next sync.
                stamps::as_local_edit(self.tx, || {
                    self.tx.execute(
                        &format!("UPDATE {table} SET deleted_at=?1 WHERE uuid=?2"),
                        rusqlite::params![now, other],
                    )?;
                    Ok(())
                })?;
            } else if let Some(i) = idx("deleted_at") {
                values[i] = SqlValue::Text(now);
                return Ok(true);
            }
        }
        Ok(false)
    }
}
