//! The operations' error by layer (issue 25 item 7): what the person asked for was refused
//! (`Input`: a field and what is allowed; `Refused`: a record not found or in conflict), or
//! the journal could not do it (`Storage`: damaged, read-only, SQLite, I/O). A front end
//! shows an input error at its field and a storage one as what it is, never as bad input on
//! a made-up field.

use crate::domain::InputError;
use crate::repo::RepoError;

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// A field's value is not allowed: the field and what is.
    #[error(transparent)]
    Input(InputError),
    /// The input names a record the journal refuses (not found, a conflict), in words.
    #[error("{0}")]
    Refused(String),
    /// The journal failed or takes no writes: nothing was written, and retyping will not help.
    #[error(transparent)]
    Storage(RepoError),
}

impl OpsError {
    /// True when the person's input is at fault (the command line's exit code 2).
    pub fn is_input(&self) -> bool {
        !matches!(self, OpsError::Storage(_))
    }

    /// The field at fault, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            OpsError::Input(e) => Some(&e.field),
            _ => None,
        }
    }

    /// An input error put on `field` (a value the form offers beside the record's own).
    pub fn on_field(self, field: &str) -> OpsError {
        match self {
            OpsError::Input(mut e) => {
                e.field = field.to_string();
                OpsError::Input(e)
            }
            OpsError::Refused(m) => OpsError::Input(InputError::new(field, m)),
            storage => storage,
        }
    }
}

impl From<std::io::Error> for OpsError {
    fn from(e: std::io::Error) -> Self {
        OpsError::Storage(RepoError::Io(e))
    }
}

impl From<InputError> for OpsError {
    fn from(e: InputError) -> Self {
        OpsError::Input(e)
    }
}

/// Back to the repository's error, kind for kind, where an operation runs inside a repo-level
/// step (a front end's helper returning `repo::Result`).
impl From<OpsError> for RepoError {
    fn from(e: OpsError) -> Self {
        match e {
            OpsError::Input(i) => RepoError::Input(i),
            OpsError::Refused(m) => RepoError::Conflict(m),
            OpsError::Storage(r) => r,
        }
    }
}

impl From<RepoError> for OpsError {
    fn from(e: RepoError) -> Self {
        match e {
            RepoError::Input(i) => OpsError::Input(i),
            RepoError::NotFound(m) | RepoError::Conflict(m) => OpsError::Refused(m),
            storage => OpsError::Storage(storage),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_or_read_only_journal_is_a_storage_error_not_input() {
        for e in [
            RepoError::Damaged("the journal is damaged; backups/x.db is the newest backup".into()),
            RepoError::ReadOnly("the journal is read-only".into()),
            RepoError::Io(std::io::Error::other("disk full")),
        ] {
            let shown = e.to_string();
            let o = OpsError::from(e);
            assert!(matches!(o, OpsError::Storage(_)), "{o:?}");
            assert!(!o.is_input() && o.field().is_none());
            assert_eq!(o.to_string(), shown, "said as the journal said it");
            assert!(matches!(o.on_field("ftp"), OpsError::Storage(_)));
        }
        let o = OpsError::from(RepoError::Input(InputError::new(
            "pain",
            "11 is out of range",
        )));
        assert_eq!(o.field(), Some("pain"));
        let o = OpsError::from(RepoError::NotFound("no live dose d9".into()));
        assert!(o.is_input() && o.field().is_none(), "{o:?}");
    }
}
