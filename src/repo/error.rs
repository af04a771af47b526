//! The repository's error type: what went wrong at the storage boundary.

use crate::domain::InputError;

#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(
        "this journal has schema version {found}, but this build of backtrack knows only up to {known}; \
         update backtrack to open it (the file was not changed)"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("migrating the journal failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotAJournal(String),
    #[error("backup failed: {0}")]
    Backup(String),
    /// A file failed integrity_check (the message names it and the first problem).
    #[error("{0}")]
    Corrupt(String),
    /// The journal is damaged: every write is refused; the message names the newest backup.
    #[error("{0}")]
    Damaged(String),
    /// The journal or its folder is read-only: reads work, writes are refused.
    #[error("{0}")]
    ReadOnly(String),
}

impl RepoError {
    /// True when the cause is the user's input (exit code 2, nothing written).
    pub fn is_input(&self) -> bool {
        matches!(
            self,
            RepoError::Input(_) | RepoError::NotFound(_) | RepoError::Conflict(_)
        )
    }
}

impl RepoError {
    /// True when SQLite found the file damaged (or a copy of it failed integrity_check).
    pub fn is_corruption(&self) -> bool {
        match self {
            RepoError::Corrupt(_) | RepoError::Damaged(_) => true,
            RepoError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            ),
            _ => false,
        }
    }
}

pub type Result<T> = std::result::Result<T, RepoError>;
