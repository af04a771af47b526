//! backtrack: a terminal pain-and-training journal for athletes with back pain.
//! The binary's entry point is `main.rs`; everything else lives in this library so that tests
//! and benches reach the same code.

pub mod analysis;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod import;
pub mod ops;
pub mod repo;
pub mod report;
pub mod sync;
pub mod textchart;
pub mod tui;
pub mod views;
