//! Correcting a dose under the daily max (`edit dN`, the app's dose form): the day's total is
//! read and the dose rewritten in one IMMEDIATE transaction, as [`Repo::add_dose_checked`]
//! does for a new dose, so corrections at once cannot together pass the max.

use rusqlite::{OptionalExtension, params};

use super::connection::Repo;
use super::dose_rule::within_max;
use super::error::{RepoError, Result};
use super::meds::{DOSE_SELECT, DoseWrite, dose_from_row, dose_write};
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::Dose;

impl Repo {
    /// Rewrites live dose `d.id` with `d`'s time, amount, pain and note, unless that raises
    /// its day's total of the drug over the max (`force` stores it anyway). Lowering a day
    /// already over the max, or keeping its total, is not refused. A refusal's `before` is
    /// the day's total without this dose.
    pub fn update_dose_checked(&mut self, d: &Dose, force: bool) -> Result<DoseWrite> {
        self.write(|tx| {
            let sql = format!("{DOSE_SELECT} WHERE d.id=?1 AND d.deleted_at IS NULL");
            let old = tx
                .query_row(&sql, [d.id], dose_from_row)
                .optional()?
                .ok_or_else(|| {
                    RepoError::NotFound(format!(
                        "no live dose d{}; `backtrack list` shows IDs",
                        d.id
                    ))
                })?;
            let day = d.taken_at.date();
            let ruled = within_max(tx, &[old.taken_at.date(), day], force, |tx| {
                tx.execute(
                    "UPDATE doses SET taken_at=?1, date=?2, amount=?3, pain_before=?4, note=?5, updated_at=?6
                     WHERE id=?7 AND deleted_at IS NULL",
                    params![datetime_str(d.taken_at), date_str(day), d.amount, d.pain_before, d.note, utc_stamp(), d.id],
                )?;
                Ok(Dose {
                    medication_id: old.medication_id,
                    ..d.clone()
                })
            })?;
            dose_write(tx, ruled)
        })
    }
}
