//! What a test does when a tool it drives (tmux, Chromium, poppler) is missing. Outside CI
//! it says `SKIPPED: <test>: …` on stderr and returns early, so a run that tested nothing
//! does not read as a silent pass; where the tools are required (`CI` set, as `.ci/run`
//! runs, or `BACKTRACK_REQUIRE_TOOLS=1`) it fails instead.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;

/// Whether a missing tool fails the test rather than skipping it, from the environment.
pub fn required() -> bool {
    required_by(
        std::env::var_os("CI").as_deref(),
        std::env::var_os("BACKTRACK_REQUIRE_TOOLS").as_deref(),
    )
}

/// `CI` set to anything but empty, "0" or "false", or `BACKTRACK_REQUIRE_TOOLS` = 1.
pub fn required_by(ci: Option<&OsStr>, require: Option<&OsStr>) -> bool {
    let ci = ci.is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    ci || require.is_some_and(|v| v == "1")
}

/// Call when `missing` is not installed, then return from the test: fails the test where the
/// tools are required, else prints that it was skipped and why.
pub fn skip(missing: &str, install: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_string();
    assert!(
        !required(),
        "{test}: {missing} is required here (CI or BACKTRACK_REQUIRE_TOOLS=1): {install}"
    );
    // Written to stderr itself: the test harness hides what `eprintln!` says in a test that
    // passes, and a skip must show in every run's output.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {test}: {missing} not installed ({install})"
    );
}

#[test]
fn ci_or_the_flag_make_missing_tools_fail() {
    let on =
        |ci: Option<&str>, req: Option<&str>| required_by(ci.map(OsStr::new), req.map(OsStr::new));
    assert!(on(Some("true"), None) && on(Some("1"), None));
    assert!(on(None, Some("1")) && on(Some("false"), Some("1")));
    assert!(!on(None, None) && !on(Some(""), None) && !on(Some("0"), None));
    assert!(!on(Some("false"), None) && !on(None, Some("0")));
}
