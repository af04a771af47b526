//! Pure insight functions of SPEC §7: plain data in, figures out. No SQL, no terminal types,
//! so the TUI, the CLI and the report all compute the same numbers.

pub mod assoc;
pub mod criteria;
pub mod data;
pub mod factors;
pub mod flares;
pub mod load;
pub mod meds;
pub mod pain;
pub mod psfs;
pub mod rehab;
pub mod tss;
