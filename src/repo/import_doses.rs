//! The daily max in a JSON import (issue 25 item 1): the days the file's doses fall on are
//! read before the merge and after it, by the one rule every dose write keeps
//! ([`super::dose_rule`]). A file whose doses, joined with the journal's, raise a day over
//! its drug's max is refused whole, as taking those doses would be, unless `import --force`.
//! A day the file's own doses already take over the max was stored there with `--force` or
//! after the app's yes, and comes across as it is: a journal's export always imports back.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::{Map, Value};

use super::dose_rule::{DayCheck, DayOver};
use super::error::{RepoError, Result};
use super::merge_checks::canonical_uuid;
use super::util::date_str;
use crate::domain::InputError;
use crate::domain::text::number;

/// The totals of the days the file's doses name, as the journal held them before the merge,
/// and the file's dose uuids.
pub(super) struct DoseDays {
    check: DayCheck,
    uuids: HashSet<String>,
}

impl DoseDays {
    pub(super) fn before(tx: &Transaction, tables: &Map<String, Value>) -> Result<DoseDays> {
        let rows: Vec<&Value> = tables
            .get("doses")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .collect();
        let dates: Vec<NaiveDate> = rows
            .iter()
            .flat_map(|r| ["date", "taken_at"].map(|c| r.get(c).and_then(Value::as_str)))
            .flatten()
            .filter_map(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
            .collect();
        let uuids = rows
            .iter()
            .filter_map(|r| r.get("uuid").and_then(Value::as_str))
            .map(canonical_uuid)
            .collect();
        Ok(DoseDays {
            check: DayCheck::before(tx, &dates)?,
            uuids,
        })
    }

    /// Err naming the first day the merge took over its drug's max, unless the file's own
    /// doses of that drug on that day pass the max already.
    pub(super) fn refuse_over_max(&self, tx: &Transaction) -> Result<()> {
        for o in self.check.all_after(tx)? {
            if self.file_alone(tx, &o)? <= o.max + 1e-9 {
                return Err(refusal(&o));
            }
        }
        Ok(())
    }

    /// The day's total of the drug counting only the doses the file names.
    fn file_alone(&self, tx: &Transaction, o: &DayOver) -> Result<f64> {
        let mut st = tx.prepare_cached(
            "SELECT uuid, medication_id, amount FROM doses WHERE date=?1 AND deleted_at IS NULL",
        )?;
        let rows = st.query_map([date_str(o.date)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, f64>(2)?,
            ))
        })?;
        let mut total = 0.0;
        for row in rows {
            let (uuid, med, amount) = row?;
            if o.rows.contains(&med) && self.uuids.contains(&uuid) {
                total += amount;
            }
        }
        Ok(total)
    }
}

fn refusal(o: &DayOver) -> RepoError {
    let u = &o.unit;
    RepoError::Input(InputError::new(
        "doses.amount",
        format!(
            "the file's doses with this journal's would bring {} on {} to {} {u}, over your max \
             daily total of {} {u} (this journal had {} {u}); nothing was imported. Use \
             `import --force` to import them anyway",
            o.drug,
            o.date,
            number(o.after),
            number(o.max),
            number(o.before),
        ),
    ))
}
