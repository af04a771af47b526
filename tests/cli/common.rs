//! A temp journal and a `backtrack` command bound to it, with a fixed "today".

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

pub const TODAY: &str = "2026-11-23";

pub struct Journal {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Journal {
    pub fn new() -> Journal {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("data").join("journal.db");
        Journal { dir, db }
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("backtrack").expect("binary built");
        c.env("BACKTRACK_DB", &self.db)
            .env("BACKTRACK_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
            .env_remove("EDITOR");
        c
    }

    /// Runs a command that must succeed; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "backtrack {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs a command with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        let s = self.ok(&a);
        serde_json::from_str(&s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
    }

    /// Runs a command that must fail with `code`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        assert_eq!(
            out.status.code(),
            Some(code),
            "backtrack {args:?}: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.contains("panicked"), "panic on {args:?}: {err}");
        err
    }

    /// The whole journal as exported JSON, for before/after comparisons.
    pub fn export(&self) -> String {
        self.ok(&["export", "--format", "json"])
    }

    /// The exported tables alone (no export time): equal on two synced journals.
    pub fn export_tables(&self) -> Value {
        let doc: Value = serde_json::from_str(&self.export()).expect("JSON export");
        doc["tables"].clone()
    }
}
