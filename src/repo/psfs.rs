//! PSFS (SPEC §4.6): up to five activities the back limits, rated 0–10 over time; and the
//! user's return-to-training criteria (SPEC §4.7), stored as rule text.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::connection::Repo;
use super::error::{RepoError, Result};
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::{Criterion, PsfsItem, PsfsRating};

/// The most activities PSFS tracks at once.
pub const PSFS_MAX_ITEMS: usize = 5;

impl Repo {
    /// Rates a PSFS activity, creating it if new (refused past five live activities).
    /// Rating the same activity twice on one day replaces that day's score.
    pub fn psfs_rate(&mut self, name: &str, date: NaiveDate, score: u8) -> Result<bool> {
        self.write(|tx| rate_tx(tx, name, date, score))
    }

    /// Rates several activities on one day in one transaction: all are stored or none.
    /// Returns, for each, whether it was new.
    pub fn psfs_rate_all(&mut self, scores: &[(String, u8)], date: NaiveDate) -> Result<Vec<bool>> {
        self.write(|tx| {
            scores
                .iter()
                .map(|(name, score)| rate_tx(tx, name, date, *score))
                .collect()
        })
    }

    /// Live PSFS activities with their ratings, oldest rating first.
    pub fn psfs_items(&self) -> Result<Vec<PsfsItem>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uuid, name FROM psfs_items WHERE deleted_at IS NULL ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(PsfsItem {
                id: r.get(0)?,
                uuid: r.get(1)?,
                name: r.get(2)?,
                ratings: Vec::new(),
            })
        })?;
        let mut items: Vec<PsfsItem> = rows.collect::<rusqlite::Result<_>>()?;
        let mut rt = self.conn.prepare_cached(
            "SELECT date, score FROM psfs_ratings WHERE item_id=?1 AND deleted_at IS NULL ORDER BY date",
        )?;
        for it in &mut items {
            let rows = rt.query_map([it.id], |r| {
                Ok(PsfsRating {
                    date: parse_date_col(0, &r.get::<_, String>(0)?)?,
                    score: r.get(1)?,
                })
            })?;
            it.ratings = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(items)
    }

    /// The user's criteria in order. A journal that never had any gets `defaults` once.
    pub fn criteria(&mut self, defaults: &[&str]) -> Result<Vec<Criterion>> {
        if self.plain("criteria_seeded")?.is_none() {
            self.write(|tx| {
                let now = utc_stamp();
                let n: i64 = tx.query_row("SELECT count(*) FROM criteria", [], |r| r.get(0))?;
                if n == 0 {
                    for (i, rule) in defaults.iter().enumerate() {
                        tx.execute(
                            "INSERT INTO criteria (uuid, position, rule, enabled, created_at, updated_at) VALUES (?1,?2,?3,1,?4,?4)",
                            params![new_uuid(), i as i64, rule, now],
                        )?;
                    }
                }
                tx.execute(
                    "INSERT INTO settings (uuid, key, value, created_at, updated_at) VALUES (?1,'criteria_seeded','1',?2,?2)",
                    params![new_uuid(), now],
                )?;
                Ok(())
            })?;
        }
        self.criteria_list()
    }

    /// The stored criteria without seeding.
    pub fn criteria_list(&self) -> Result<Vec<Criterion>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uuid, position, rule, enabled FROM criteria WHERE deleted_at IS NULL ORDER BY position, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Criterion {
                id: r.get(0)?,
                uuid: r.get(1)?,
                position: r.get(2)?,
                rule: r.get(3)?,
                enabled: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_criterion(&mut self, rule: &str) -> Result<Criterion> {
        self.write(|tx| {
            let pos: i64 = tx.query_row("SELECT coalesce(max(position), -1) + 1 FROM criteria", [], |r| r.get(0))?;
            let uuid = new_uuid();
            tx.execute(
                "INSERT INTO criteria (uuid, position, rule, enabled, created_at, updated_at) VALUES (?1,?2,?3,1,?4,?4)",
                params![uuid, pos, rule, utc_stamp()],
            )?;
            Ok(Criterion { id: tx.last_insert_rowid(), uuid, position: pos, rule: rule.to_string(), enabled: true })
        })
    }

    pub fn update_criterion(&mut self, c: &Criterion) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE criteria SET rule=?1, enabled=?2, updated_at=?3 WHERE id=?4 AND deleted_at IS NULL",
                params![c.rule, c.enabled, utc_stamp(), c.id],
            )?;
            Ok(())
        })
    }
}

/// One rating inside the caller's transaction; true when the activity is new.
fn rate_tx(tx: &rusqlite::Transaction, name: &str, date: NaiveDate, score: u8) -> Result<bool> {
    let name = name.trim().to_string();
    let now = utc_stamp();
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM psfs_items WHERE name=?1 AND deleted_at IS NULL",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    let (item, created) = match existing {
        Some(id) => (id, false),
        None => {
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM psfs_items WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )?;
            if n as usize >= PSFS_MAX_ITEMS {
                return Err(RepoError::Input(crate::domain::InputError::new(
                    "activity",
                    format!(
                        "PSFS tracks at most {PSFS_MAX_ITEMS} activities; delete one first (`backtrack psfs list` shows their IDs)"
                    ),
                )));
            }
            tx.execute(
                "INSERT INTO psfs_items (uuid, name, created_at, updated_at) VALUES (?1,?2,?3,?3)",
                params![new_uuid(), name, now],
            )?;
            (tx.last_insert_rowid(), true)
        }
    };
    let updated = tx.execute(
        "UPDATE psfs_ratings SET score=?1, updated_at=?2
         WHERE item_id=?3 AND date=?4 AND deleted_at IS NULL",
        params![score, now, item, date_str(date)],
    )?;
    if updated == 0 {
        tx.execute(
            "INSERT INTO psfs_ratings (uuid, item_id, date, score, created_at, updated_at)
             VALUES (?1,?2,?3,?4,?5,?5)",
            params![new_uuid(), item, date_str(date), score, now],
        )?;
    }
    Ok(created)
}
