//! Pure insight functions of SPEC §7: plain data in, figures out. No SQL, no terminal types,
//! so the TUI, the CLI and the report all compute the same numbers. `stats::stats` is the one
//! entry point that computes everything; `series::Series` holds the day series charts draw.

pub mod adjust;
pub mod assoc;
pub mod before_after;
mod before_after_fit;
mod before_after_words;
pub mod chance;
pub mod criteria;
pub mod criteria_eval;
pub mod data;
pub mod designs;
pub mod factors;
pub mod flares;
pub mod hours;
pub mod lags;
pub mod leg;
pub mod load;
mod lsq;
pub mod med_days;
pub mod meds;
pub mod pain;
pub mod permute;
mod permute_kernel;
pub mod plan;
pub mod psfs;
pub mod rehab;
pub mod samples;
pub mod scores;
pub mod series;
pub mod stats;
pub mod stats_text;
pub mod tss;
pub mod words;

#[cfg(test)]
mod stats_tests;
#[cfg(test)]
mod stats_text_tests;

pub use data::{JournalData, Thresholds};
pub use stats::{Stats, most_notable, notable_text, stats};
pub use stats_text::stats_text;
