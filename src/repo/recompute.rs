//! Stored TSS kept in step with the FTP/LTHR history (SPEC §4.2: each activity's TSS uses the
//! values in force on its date): a change to either history recomputes the computed loads.

use chrono::NaiveDate;
use rusqlite::{Transaction, params};

use super::activities::{COLS, from_row};
use super::error::Result;
use super::settings::load_thresholds_conn;
use super::util::date_str;
use crate::domain::clock::utc_stamp;
use crate::domain::records::{Activity, LoadThresholds};
use crate::domain::vocab::LoadSource;

/// How an activity's load is computed from the thresholds in force (`analysis::tss::load_with`).
pub type LoadFn = fn(&mut Activity, &LoadThresholds);

/// Recomputes the TSS of every live activity from `from` on whose load was not typed in by the
/// user, with the FTP and LTHR in force on its own date. Returns how many changed; only those
/// get a new `updated_at` (so an import elsewhere sees them as the newer edit).
pub(super) fn recompute_loads_tx(tx: &Transaction, from: NaiveDate, load: LoadFn) -> Result<usize> {
    let sql = format!(
        "SELECT {COLS} FROM activities WHERE date >= ?1 AND deleted_at IS NULL
         AND (load_source IS NULL OR load_source != 'manual')"
    );
    let list = {
        let mut st = tx.prepare(&sql)?;
        st.query_map([date_str(from)], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    let now = utc_stamp();
    let mut changed = 0;
    for mut a in list {
        let before = (a.tss, a.load_source);
        let t = load_thresholds_conn(tx, a.date())?;
        load(&mut a, &t);
        if (a.tss, a.load_source) != before {
            tx.execute(
                "UPDATE activities SET tss=?1, load_source=?2, updated_at=?3 WHERE id=?4",
                params![a.tss, a.load_source.map(LoadSource::as_str), now, a.id],
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}
