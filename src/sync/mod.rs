//! Sync between computers (issue 24, SPEC §13): one journal on every computer through a
//! folder kept in step by Syncthing, Dropbox, iCloud or Nextcloud, or through a git remote.
//! Each device writes only its own subfolder `devices/<device id>/`, as immutable,
//! age-encrypted segments of the rows changed since its last sync; the repo merges what the
//! others wrote (per uuid the highest (HLC, device id) wins). `journal.db` never lives in the
//! synced folder; the device id and the key live in a machine-local file beside it.

pub mod config;
pub mod engine;
pub mod git;
pub mod hlc;
pub mod key;
pub mod meds;
pub mod segment;
pub mod setup;
pub mod status;

#[cfg(test)]
mod tests;

pub use config::SyncConfig;
pub use engine::{SyncReport, run};
