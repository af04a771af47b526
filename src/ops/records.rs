//! Deleting a record to the trash and restoring it, by typed ID (SPEC §4.8).

use super::Done;
use crate::repo::{RecordId, Repo, Result};

/// Moves the record to the trash; the record is its short description.
pub fn delete(repo: &mut Repo, rid: RecordId) -> Result<Done<String>> {
    let what = repo.delete(rid)?;
    let summary = format!("Deleted {} {rid} ({what})", rid.kind.noun());
    Ok(Done::new(what, summary))
}

/// Brings the record back from the trash.
pub fn restore(repo: &mut Repo, rid: RecordId) -> Result<Done<String>> {
    let what = repo.restore(rid)?;
    let summary = format!("Restored {} {rid} ({what})", rid.kind.noun());
    Ok(Done::new(what, summary))
}
