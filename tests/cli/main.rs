//! End-to-end tests of the command line against a temp journal (one test binary, modules by
//! area). Each test drives the real `backtrack` binary.

mod commands;
mod common;
mod concurrency;
mod import_csv;
mod import_fit;
mod input;
mod insights;
mod readme;
mod records;
mod storage;
mod transfer;
mod wording;
