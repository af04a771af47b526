//! The thin repository (SPEC §6): the only module that runs SQL, always with bound parameters.
//! One file per aggregate; `connection` owns opening and migrating, `backup` the copies,
//! `records` the typed IDs, trash and undo, `snapshot` whole records for taking back an edit,
//! `transfer` the JSON/CSV export and import.

pub mod activities;
pub mod atomic_file;
pub mod backup;
pub mod backup_owner;
pub mod bulk;
pub mod checkins;
pub mod connection;
mod dose_correct;
pub mod dose_rule;
pub mod error;
pub mod events;
pub mod export_file;
pub mod filecheck;
pub mod import_check;
mod import_doses;
mod import_stamps;
#[cfg(test)]
mod import_sync_tests;
pub mod journal;
pub mod lock;
pub mod meds;
pub mod merge;
mod merge_checks;
mod merge_row;
mod merge_stamps;
mod merge_values;
mod merge_write;
pub mod plans;
pub mod psfs;
pub mod recompute;
pub mod records;
pub mod rehab;
mod rehab_items;
#[cfg(test)]
mod rehab_tests;
pub mod restore;
pub mod restore_guard;
pub mod scores;
pub mod settings;
pub mod snapshot;
#[cfg(test)]
mod snapshot_tests;
pub mod sync_apply;
pub mod sync_conflicts;
pub mod sync_rows;
mod sync_settle;
pub mod sync_state;
mod sync_write;
pub mod transfer;
mod util;

pub use connection::{MIGRATIONS, Repo};
pub use error::{RepoError, Result};
pub use records::{Kind, RecordId};
