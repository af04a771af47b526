//! What a JSON import checks beyond each row's columns (issues 21.5, 21.10): every activity
//! as the journal then holds it goes through the one check the command line, the app and the
//! file imports use, and a uuid is matched in any spelling (an upper-case copy is the same
//! record).

use rusqlite::Transaction;
use serde_json::Value;

use super::error::{RepoError, Result};
use crate::domain::InputError;

/// At most one plan runs at a time, as `plan start` and `restore` hold: a file that would
/// leave two running (this journal's and the file's own) is refused whole, naming both.
pub(super) fn check_plans(tx: &Transaction) -> Result<()> {
    let mut st = tx.prepare(
        "SELECT name FROM plans WHERE stopped_on IS NULL AND deleted_at IS NULL ORDER BY id",
    )?;
    let running: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    if running.len() > 1 {
        return Err(RepoError::Input(InputError::new(
            "plans.stopped_on",
            format!(
                "the import would leave {} plans running ({}); allowed: one plan at a time \
                 (`backtrack plan stop` before importing); nothing was imported",
                running.len(),
                running
                    .iter()
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )));
    }
    Ok(())
}

/// Puts every activity the file names, as the journal now holds it, through the one check
/// the command line, the app and the file imports use (limits across fields included).
pub(super) fn check_activities(
    tx: &Transaction,
    rows: &[Value],
    day: chrono::NaiveDate,
) -> Result<()> {
    for (n, row) in rows.iter().enumerate() {
        let Some(obj) = row.as_object() else { continue };
        let Some(uuid) = obj.get("uuid").and_then(Value::as_str) else {
            continue;
        };
        if let Some(a) = super::activities::by_uuid_tx(tx, &canonical_uuid(uuid))? {
            crate::domain::plausible::check_activity(&a, day).map_err(|e| {
                let e = InputError::new(format!("activities.{}", e.field), e.message);
                super::merge::annotate(RepoError::Input(e), "activities", n, obj)
            })?;
        }
    }
    Ok(())
}

/// The one spelling of a uuid the journal stores (lower case, hyphenated); text that is not a
/// uuid is left as it is for the column check to refuse.
pub(super) fn canonical_uuid(s: &str) -> String {
    uuid::Uuid::parse_str(s).map_or_else(|_| s.to_string(), |u| u.to_string())
}
