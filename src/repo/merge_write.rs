//! Writing one merged row of a JSON import (see `merge_row.rs`): the journal's copy updated
//! or a new row inserted, stamped with the file's version; a live row that holds the same
//! natural key (one check-in a day, one drug by name) settled by the stamps, the older one put
//! in the trash; and how the report names what went there.

use super::error::Result;
use super::merge::Trashed;
use super::merge_row::{Incoming, Merge, TableCtx};
use super::merge_stamps::{self as stamps, FileStamp};
use super::records::{Kind, RecordId};
use crate::domain::clock::utc_stamp;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, params_from_iter};

impl TableCtx<'_> {
    /// The file's version replaces the journal's (`local`: its id, rank and whether it is in
    /// the trash); the journal's is kept as a conflict when the file's writer never saw it.
    pub(super) fn update_row(
        &self,
        row: Incoming,
        (id, before, local_deleted): (i64, stamps::Rank, bool),
        trashed: &mut Vec<Trashed>,
    ) -> Result<Merge> {
        let Incoming {
            obj,
            names,
            mut values,
            uuid,
            stamp,
        } = row;
        let table = self.table;
        let incoming_deleted = !matches!(
            names
                .iter()
                .position(|c| c == "deleted_at")
                .map(|i| &values[i]),
            Some(SqlValue::Null) | None
        );
        if stamps::concurrent(&before, &stamp.base) {
            let mine = stamps::current(self.tx, table, &uuid)?;
            self.keep(&uuid, (&before, mine), (&stamp.rank, Some(obj.clone())))?;
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
            self.settle_natural_clash(&names, &mut values, &uuid, &stamp.rank, trashed)?;
        values.push(SqlValue::Text(uuid.clone()));
        self.tx.execute(&sql, params_from_iter(values))?;
        self.stamp_written(&uuid, &stamp, lands_in_trash)?;
        // A session's exercise dropped by an edit on the other device goes with that
        // edit (counted as updated); it is no record `restore` could bring back alone.
        let part_of_edit = table == "rehab_session_items";
        if (incoming_deleted || lands_in_trash) && !local_deleted && !part_of_edit {
            trashed.push(self.trashed(id, &uuid)?);
        }
        Ok(Merge::Updated)
    }

    /// A row the journal has never held goes in (to the trash when it loses its natural key).
    pub(super) fn insert_row(&self, row: Incoming, trashed: &mut Vec<Trashed>) -> Result<Merge> {
        let Incoming {
            names,
            mut values,
            uuid,
            stamp,
            ..
        } = row;
        let lands_in_trash =
            self.settle_natural_clash(&names, &mut values, &uuid, &stamp.rank, trashed)?;
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.table,
            names.join(", "),
            marks.join(", ")
        );
        self.tx.execute(&sql, params_from_iter(values))?;
        self.stamp_written(&uuid, &stamp, lands_in_trash)?;
        if lands_in_trash {
            trashed.push(self.trashed(self.tx.last_insert_rowid(), &uuid)?);
        }
        Ok(Merge::Inserted)
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
