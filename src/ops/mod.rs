//! Journal operations (SPEC §5, §11): one function per thing a person does, shared by every
//! front end. Each takes a plain draft (typed values or the text a person typed; no clap, no
//! terminal), validates it with the messages of SPEC §5 (the field named, the allowed values),
//! writes through the repo in one transaction and returns the stored record with its one-line
//! summary. The CLI maps its arguments to drafts, the app its form fields; both show the
//! same summary. Failures are an [`OpsError`]: the input (a field, a refused record) or the
//! journal (damaged, read-only, storage), so no front end shows one as the other.

pub mod activity;
pub mod checkin;
pub mod dose_day;
pub mod dose_edit;
#[cfg(test)]
mod dose_rule_tests;
pub mod edit;
pub mod editor;
pub mod error;
pub mod events;
pub mod input;
pub mod meds;
pub mod meds_again;
pub mod meds_same;
pub mod plan;
pub mod programs;
pub mod psfs;
pub mod records;
pub mod rehab;
pub mod scores;
pub mod settings;
#[cfg(test)]
mod tests;

pub use error::OpsError;

/// What an operation gives: its value, or an error that says whether the input or the
/// journal is at fault ([`OpsError`]).
pub type Result<T> = std::result::Result<T, OpsError>;

/// A stored record and the line that confirms it ("Saved dose d3: …").
#[derive(Debug, Clone)]
pub struct Done<T> {
    pub record: T,
    pub summary: String,
}

impl<T> Done<T> {
    pub fn new(record: T, summary: String) -> Done<T> {
        Done { record, summary }
    }
}
