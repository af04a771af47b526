//! End-to-end tests of the command line against a temp journal (one test binary, modules by
//! area). Each test drives the real `backtrack` binary.

mod ahead;
mod backups;
mod commands;
mod common;
mod concurrency;
mod dayone;
mod explore;
mod firstweek;
mod import_archive;
mod import_csv;
mod import_fit;
mod import_lang;
mod input;
mod insights;
mod leg;
mod limits;
mod plan;
mod reach;
mod readme;
mod records;
mod rehab;
mod remind;
mod scores;
mod storage;
mod sync;
mod transfer;
mod trust;
mod units;
mod week;
mod wording;

// Shared with tests/torture.rs, which uses every helper; this binary needs one.
#[allow(dead_code)]
#[path = "../support/damage.rs"]
mod torture_support;
