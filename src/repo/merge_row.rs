//! One table's rows of a JSON import merged into the journal (see `merge.rs`): each row
//! matched by uuid and settled by the stamps (the later version wins, a concurrent loser is
//! kept as a conflict). Its values are checked in `merge_values.rs`; it is written, and a
//! clash on its natural key (one check-in a day, one drug by name) settled, in `merge_write.rs`.

use super::error::{RepoError, Result};
use super::merge::{Counts, Trashed, annotate, file_err};
use super::merge_checks::canonical_uuid;
use super::merge_stamps::{self as stamps, FileStamp, FileStamps};
use crate::domain::InputError;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, Transaction};
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

/// One row of the file as SQL values, with its uuid and the file's stamp for it.
pub(super) struct Incoming<'o> {
    pub(super) obj: &'o Map<String, Value>,
    pub(super) names: Vec<String>,
    pub(super) values: Vec<SqlValue>,
    pub(super) uuid: String,
    pub(super) stamp: FileStamp,
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

    /// One row merged: the version with the later stamp wins; a loser that the winner's
    /// writer never saw is kept as a conflict.
    fn merge_row(
        &self,
        obj: &Map<String, Value>,
        day: chrono::NaiveDate,
        trashed: &mut Vec<Trashed>,
    ) -> Result<Merge> {
        let (names, values) = self.values(obj, day)?;
        let at = |n: &str| names.iter().position(|c| c == n).map(|i| &values[i]);
        let text = |v: Option<&SqlValue>| match v {
            Some(SqlValue::Text(s)) => s.clone(),
            _ => String::new(),
        };
        let uuid = text(at("uuid"));
        let stamp = self.incoming_stamp(&uuid, &text(at("updated_at")));
        let m = self.stamps;
        m.max_hlc.set(m.max_hlc.get().max(stamp.rank.0));
        let here = stamps::local(self.tx, m.me, self.table, &uuid)?;
        // This journal's version: its stamp, or (never stamped) its updated_at.
        let local = self.local_row(&uuid)?.map(|(id, local_at, deleted)| {
            let rank = match &here {
                Some((rank, ..)) => rank.clone(),
                None => stamps::rank_of_row(&local_at),
            };
            (id, rank, deleted)
        });
        let local_base = here.as_ref().and_then(|h| h.1.clone());
        let row = Incoming {
            obj,
            names,
            values,
            uuid,
            stamp,
        };
        match local {
            Some((_, mine, _)) if mine >= row.stamp.rank => {
                self.keep_yours(&row, &mine, &local_base)
            }
            // Purged here later than the file's copy: it stays purged.
            None if here
                .as_ref()
                .is_some_and(|(rank, _, purged)| *purged && *rank >= row.stamp.rank) =>
            {
                Ok(Merge::KeptYours)
            }
            Some(local) => self.update_row(row, local, trashed),
            None => self.insert_row(row, trashed),
        }
    }

    /// The file's version of the row: its stamp, or (never stamped) its `updated_at`.
    fn incoming_stamp(&self, uuid: &str, updated_at: &str) -> FileStamp {
        let by_row = stamps::rank_of_row(updated_at);
        match self
            .stamps
            .file
            .get(&(self.table.to_string(), uuid.to_string()))
        {
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
        }
    }

    /// The journal's row of this uuid: its id, `updated_at` and whether it is in the trash.
    fn local_row(&self, uuid: &str) -> Result<Option<(i64, String, bool)>> {
        let sql = format!(
            "SELECT id, updated_at, deleted_at IS NOT NULL FROM {} WHERE uuid=?1",
            self.table
        );
        Ok(self
            .tx
            .query_row(&sql, [uuid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?)
    }

    /// The journal's version (`mine`) is not older: unchanged when identical, else it stays
    /// and the file's is kept as a conflict if the journal's writer never saw it.
    fn keep_yours(
        &self,
        row: &Incoming,
        mine: &stamps::Rank,
        base: &Option<stamps::Rank>,
    ) -> Result<Merge> {
        if self.identical(&row.names, &row.values, &row.uuid)? {
            return Ok(Merge::Unchanged);
        }
        if stamps::concurrent(&row.stamp.rank, base) {
            let current = stamps::current(self.tx, self.table, &row.uuid)?;
            self.keep(
                &row.uuid,
                (&row.stamp.rank, Some(row.obj.clone())),
                (mine, current),
            )?;
        }
        Ok(Merge::KeptYours)
    }

    /// Keeps the losing version of the row as a conflict, counted for the report.
    pub(super) fn keep(
        &self,
        uuid: &str,
        loser: (&stamps::Rank, Option<Map<String, Value>>),
        winner: (&stamps::Rank, Option<Map<String, Value>>),
    ) -> Result<()> {
        let n = stamps::keep_loser(self.tx, self.table, uuid, loser, winner)?;
        self.stamps.conflicts.set(self.stamps.conflicts.get() + n);
        Ok(())
    }
}
