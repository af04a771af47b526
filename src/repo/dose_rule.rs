//! The one daily-max rule (SPEC §4.4, issue 25 item 1): "write this if every day it touches
//! stays within its drug's max". Taking a dose, correcting one, restoring one from the trash,
//! putting one back by the app's undo or redo, and the JSON import all write through it,
//! inside their own IMMEDIATE transaction, so no path stores what another refuses and two
//! writers at once cannot together pass the max. `force` (`--force`, the app's "y") is the
//! only way past.
//!
//! A drug is every catalogue row with the same [`drug_key`] name and unit, live or trashed
//! (a dose under a retired row was still taken); its max is the strictest among its live
//! rows. A write is refused when it raises a day's total of a drug over that max: lowering a
//! day already over it, or keeping its total, is never refused.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::error::Result;
use super::util::date_str;
use crate::domain::records::drug_key;

/// A drug as the rule counts it: its key name and unit.
type DrugKey = (String, String);

/// A day the write would take over its drug's max (nothing was written).
#[derive(Debug, Clone, PartialEq)]
pub struct DayOver {
    /// The drug's name as its first catalogue row spells it, and its unit.
    pub drug: String,
    pub unit: String,
    pub date: NaiveDate,
    /// The day's total before the write and as the write would leave it.
    pub before: f64,
    pub after: f64,
    pub max: f64,
    /// The catalogue rows of the drug.
    pub(super) rows: Vec<i64>,
}

/// What a write under the rule did: `Done` (written), or `Over` (rolled back; the value the
/// write produced before it was undone, and the first day it would have taken over the max).
#[derive(Debug, Clone, PartialEq)]
pub enum Ruled<T> {
    Done(T),
    Over(T, DayOver),
}

/// The catalogue grouped into drugs: each row's drug, and each drug's spelling and max.
pub(super) struct Drugs {
    of_row: HashMap<i64, DrugKey>,
    drugs: HashMap<DrugKey, (String, Option<f64>)>,
}

impl Drugs {
    pub(super) fn read(conn: &Connection) -> Result<Drugs> {
        let mut st = conn.prepare_cached(
            "SELECT id, name, unit, max_daily, deleted_at IS NULL FROM medications ORDER BY id",
        )?;
        let rows: Vec<(i64, String, String, Option<f64>, bool)> = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut of_row = HashMap::new();
        // Per drug: its spelling, the strictest live max, the strictest of any row (the max
        // of a drug whose every row is in the trash), and whether a row is live.
        let mut acc: HashMap<DrugKey, (String, Option<f64>, Option<f64>, bool)> = HashMap::new();
        let stricter = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for (id, name, unit, max, live) in rows {
            let key = (drug_key(&name), unit.trim().to_lowercase());
            of_row.insert(id, key.clone());
            let e = acc
                .entry(key)
                .or_insert((name.trim().to_string(), None, None, false));
            if live {
                e.1 = stricter(e.1, max);
                e.3 = true;
            }
            e.2 = stricter(e.2, max);
        }
        let drugs = acc
            .into_iter()
            .map(|(k, (name, live_max, any_max, live))| {
                (k, (name, if live { live_max } else { any_max }))
            })
            .collect();
        Ok(Drugs { of_row, drugs })
    }

    /// The catalogue rows of `medication_id`'s drug and the max in force for it.
    pub(super) fn rows_of(&self, medication_id: i64) -> (Vec<i64>, Option<f64>) {
        let Some(key) = self.of_row.get(&medication_id) else {
            return (vec![medication_id], None);
        };
        (self.rows_of_key(key), self.drugs.get(key).and_then(|d| d.1))
    }

    fn rows_of_key(&self, key: &DrugKey) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .of_row
            .iter()
            .filter(|(_, k)| *k == key)
            .map(|(id, _)| *id)
            .collect();
        ids.sort();
        ids
    }

    /// Each drug's total on each of `dates`.
    fn totals(
        &self,
        conn: &Connection,
        dates: &[NaiveDate],
    ) -> Result<HashMap<(DrugKey, NaiveDate), f64>> {
        let mut st = conn.prepare_cached(
            "SELECT medication_id, amount FROM doses WHERE date=?1 AND deleted_at IS NULL",
        )?;
        let mut out = HashMap::new();
        for &date in dates {
            let rows = st.query_map([date_str(date)], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
            })?;
            for row in rows {
                let (id, amount) = row?;
                if let Some(key) = self.of_row.get(&id) {
                    *out.entry((key.clone(), date)).or_insert(0.0) += amount;
                }
            }
        }
        Ok(out)
    }
}

/// The days' totals before a write, to compare with after it.
pub(super) struct DayCheck {
    dates: Vec<NaiveDate>,
    before: HashMap<(DrugKey, NaiveDate), f64>,
}

impl DayCheck {
    /// Reads the totals of every drug on `dates` as they are now.
    pub(super) fn before(conn: &Connection, dates: &[NaiveDate]) -> Result<DayCheck> {
        let mut dates = dates.to_vec();
        dates.sort();
        dates.dedup();
        let before = Drugs::read(conn)?.totals(conn, &dates)?;
        Ok(DayCheck { dates, before })
    }

    /// The first day (by date, then drug) the writes since [`DayCheck::before`] took over
    /// its drug's max; None when every day stays within it, or only went down.
    pub(super) fn after(&self, conn: &Connection) -> Result<Option<DayOver>> {
        Ok(self.all_after(conn)?.into_iter().next())
    }

    /// Every day the writes took over its drug's max, by date, then drug.
    pub(super) fn all_after(&self, conn: &Connection) -> Result<Vec<DayOver>> {
        let drugs = Drugs::read(conn)?;
        let after = drugs.totals(conn, &self.dates)?;
        let mut over: Vec<DayOver> = after
            .into_iter()
            .filter_map(|((key, date), after)| {
                let (name, max) = drugs.drugs.get(&key)?;
                let max = (*max)?;
                let before = self
                    .before
                    .get(&(key.clone(), date))
                    .copied()
                    .unwrap_or(0.0);
                (after > max + 1e-9 && after > before + 1e-9).then(|| DayOver {
                    drug: name.clone(),
                    unit: key.1.clone(),
                    date,
                    before,
                    after,
                    max,
                    rows: drugs.rows_of_key(&key),
                })
            })
            .collect();
        over.sort_by(|a, b| (a.date, &a.drug).cmp(&(b.date, &b.drug)));
        Ok(over)
    }
}

/// Runs `write` in the caller's transaction and keeps it only if every drug's total on
/// `dates` (the days the write can add to) stays within its max, or `force`.
pub(super) fn within_max<T>(
    tx: &Transaction,
    dates: &[NaiveDate],
    force: bool,
    write: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<Ruled<T>> {
    let check = DayCheck::before(tx, dates)?;
    tx.execute_batch("SAVEPOINT dose_rule")?;
    let done = match write(tx) {
        Ok(v) => v,
        Err(e) => {
            tx.execute_batch("ROLLBACK TO dose_rule; RELEASE dose_rule")?;
            return Err(e);
        }
    };
    match check.after(tx)? {
        Some(over) if !force => {
            tx.execute_batch("ROLLBACK TO dose_rule; RELEASE dose_rule")?;
            Ok(Ruled::Over(done, over))
        }
        _ => {
            tx.execute_batch("RELEASE dose_rule")?;
            Ok(Ruled::Done(done))
        }
    }
}
