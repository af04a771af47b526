//! Plain domain types: the journal's records, their closed vocabularies and validation, and the
//! parsing of what users type (dates, durations, distances, heights and weights). No SQL and no terminal code here.

pub mod ahead;
pub mod clock;
pub mod error;
pub mod limits;
pub mod measure;
pub mod out_of_range;
pub mod parse;
pub mod period;
pub mod plan;
pub mod plausible;
pub mod prescription;
pub mod records;
pub mod safe_text;
pub mod scores;
pub mod text;
pub mod vocab;

pub use error::InputError;
