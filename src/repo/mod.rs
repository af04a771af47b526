//! The thin repository (SPEC §6): the only module that runs SQL, always with bound parameters.
//! One file per aggregate; `connection` owns opening and migrating, `backup` the copies.

pub mod backup;
pub mod connection;
pub mod error;

pub use connection::{MIGRATIONS, Repo};
pub use error::{RepoError, Result};
