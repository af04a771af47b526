//! End-to-end tests of the command line against a temp journal (one test binary, modules by
//! area). Each test drives the real `backtrack` binary.

mod commands;
mod common;
mod import_archive;
mod import_csv;
mod import_fit;
mod import_lang;
mod input;
mod insights;
mod records;
mod storage;
mod transfer;
