//! Return plans (SPEC §14): one running at a time; stopping one keeps it with its last day.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::connection::Repo;
use super::error::{RepoError, Result};
use super::util::*;
use crate::domain::InputError;
use crate::domain::clock::utc_stamp;
use crate::domain::plan::Plan;

const COLS: &str = "id, uuid, name, unit, target, ramp, start_date, stopped_on";

fn from_row(r: &Row) -> rusqlite::Result<Plan> {
    Ok(Plan {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        unit: r.get(3)?,
        target: r.get(4)?,
        ramp: r.get(5)?,
        start_date: parse_date_col(6, &r.get::<_, String>(6)?)?,
        stopped_on: opt_date(r, 7)?,
    })
}

/// The name of a running plan other than `id`, when `id` itself is unstopped (restoring it
/// would make two run at once).
pub(crate) fn other_running(tx: &rusqlite::Transaction, id: i64) -> Result<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT o.name FROM plans p JOIN plans o ON o.id <> p.id
             WHERE p.id = ?1 AND p.stopped_on IS NULL
               AND o.stopped_on IS NULL AND o.deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

impl Repo {
    /// Starts a plan; refused while another is running.
    pub fn start_plan(&mut self, p: &Plan) -> Result<Plan> {
        // The one check every way in passes (`domain::plan::check_plan`).
        crate::domain::plan::check_plan(p)?;
        self.write(|tx| {
            let running: Option<String> = tx
                .query_row(
                    "SELECT name FROM plans WHERE stopped_on IS NULL AND deleted_at IS NULL",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(name) = running {
                return Err(RepoError::Input(InputError::new(
                    "plan",
                    format!("'{name}' is running; allowed: one plan at a time (`backtrack plan stop` first)"),
                )));
            }
            let now = utc_stamp();
            let uuid = new_uuid();
            tx.execute(
                "INSERT INTO plans (uuid, name, unit, target, ramp, start_date, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![uuid, p.name, p.unit, p.target, p.ramp, date_str(p.start_date), now],
            )?;
            Ok(Plan {
                id: tx.last_insert_rowid(),
                uuid,
                stopped_on: None,
                ..p.clone()
            })
        })
    }

    /// The running plan, else the most recently started live one (stopped), else None.
    pub fn current_plan(&self) -> Result<Option<Plan>> {
        let sql = format!(
            "SELECT {COLS} FROM plans WHERE deleted_at IS NULL
             ORDER BY stopped_on IS NULL DESC, start_date DESC, id DESC LIMIT 1"
        );
        Ok(self.conn.query_row(&sql, [], from_row).optional()?)
    }

    pub fn plan_by_id(&self, id: i64) -> Result<Option<Plan>> {
        let sql = format!("SELECT {COLS} FROM plans WHERE id = ?1 AND deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], from_row).optional()?)
    }

    /// Ends the running plan on `day`; None when none runs.
    pub fn stop_plan(&mut self, day: NaiveDate) -> Result<Option<Plan>> {
        self.write(|tx| {
            let sql =
                format!("SELECT {COLS} FROM plans WHERE stopped_on IS NULL AND deleted_at IS NULL");
            let Some(mut p) = tx.query_row(&sql, [], from_row).optional()? else {
                return Ok(None);
            };
            tx.execute(
                "UPDATE plans SET stopped_on = ?1, updated_at = ?2 WHERE id = ?3",
                params![date_str(day), utc_stamp(), p.id],
            )?;
            p.stopped_on = Some(day);
            Ok(Some(p))
        })
    }
}
