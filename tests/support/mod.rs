//! What the binary-driving TUI tests share: running the CLI on a journal with the fixed day.

pub mod skip;

use std::path::Path;
use std::process::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_backtrack");

/// Runs `backtrack --db DB ARGS…` on 2026-11-23; its stdout as JSON (Null if not JSON).
pub fn cli(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("BACKTRACK_TODAY", "2026-11-23")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}
