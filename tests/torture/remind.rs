//! Issue 21.8: `remind install` with a journal path built to break out of its quoting: `$()`,
//! backticks, a quote, `;` and `%`. The crontab line, run the way cron runs it, runs nothing
//! but `remind check` on that journal; the systemd unit reads back the same path and is 0600;
//! a path with a line break is refused before anything is written.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{BIN, TODAY, ok};

const EVIL: &str = "evil $(touch P1) `touch P2` ' ; touch P3 ; ' \" 100%d $HOME";

fn remind(db: &Path, home: &Path, path_dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .env("BACKTRACK_DB", db)
        .env("BACKTRACK_TODAY", TODAY)
        .env("PATH", path_dir)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .current_dir(home)
        .args(args)
        .output()
        .unwrap()
}

/// What cron does to a command before `/bin/sh` sees it: `\%` is a `%`, a bare `%` ends the
/// command (the rest is its standard input).
fn as_cron_would(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('%')) => {
                out.push('%');
                chars.next();
            }
            ('%', _) => break,
            _ => out.push(c),
        }
    }
    out
}

/// systemd's reading of one double-quoted ExecStart word: C escapes, `%%`, `$$`.
fn systemd_word(word: &str) -> String {
    let inner = word
        .strip_prefix('"')
        .and_then(|w| w.strip_suffix('"'))
        .unwrap();
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next().unwrap()),
            '%' | '$' => {
                assert_eq!(chars.next(), Some(c), "a bare {c} in {word}");
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn evil_journal(home: &Path) -> PathBuf {
    let dir = home.join(EVIL);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("journal.db");
    ok(&db, &["checkin", "3"]);
    db
}

fn no_pwned(home: &Path) {
    let mut stack = vec![home.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            assert!(
                !["P1", "P2", "P3"].contains(&name.as_str()),
                "ran: {}",
                e.path().display()
            );
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            }
        }
    }
}

#[test]
fn the_crontab_line_runs_only_remind_check_on_that_journal() {
    let home = tempfile::tempdir().unwrap();
    let db = evil_journal(home.path());
    let empty = home.path().join("nobin");
    std::fs::create_dir(&empty).unwrap();
    let out = remind(
        &db,
        home.path(),
        &empty,
        &["--json", "remind", "install", "--at", "21:05"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let line = v["crontab"].as_str().unwrap();
    let command = line.splitn(6, ' ').nth(5).unwrap();
    let ran = Command::new("/bin/sh")
        .arg("-c")
        .arg(as_cron_would(command))
        .env("BACKTRACK_TODAY", TODAY)
        .env("PATH", &empty)
        .current_dir(home.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&ran.stdout);
    assert!(
        ran.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&ran.stderr)
    );
    assert!(said.contains("Checked in today: pain 3"), "{line}: {said}");
    no_pwned(home.path());
}

#[test]
fn the_systemd_unit_reads_back_the_path_and_is_private() {
    let home = tempfile::tempdir().unwrap();
    let db = evil_journal(home.path());
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("systemctl");
    std::fs::write(&fake, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = remind(&db, home.path(), &bin, &["remind", "install"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let units = home.path().join("config/systemd/user");
    for name in ["backtrack-remind.service", "backtrack-remind.timer"] {
        let mode = std::fs::metadata(units.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
    let service = std::fs::read_to_string(units.join("backtrack-remind.service")).unwrap();
    assert_eq!(service.lines().count(), 6, "{service}");
    let exec = service
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap();
    let db_word = exec
        .split_once(" --db ")
        .unwrap()
        .1
        .strip_suffix(" remind check")
        .unwrap();
    let abs = std::path::absolute(&db).unwrap();
    assert_eq!(systemd_word(db_word), abs.to_str().unwrap());
    no_pwned(home.path());
}

#[test]
fn a_journal_path_with_a_line_break_is_refused_and_nothing_written() {
    let home = tempfile::tempdir().unwrap();
    let db = home
        .path()
        .join("a\n0 * * * * touch P1\nb")
        .join("journal.db");
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("systemctl");
    std::fs::write(&fake, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    for path_dir in [home.path().to_path_buf(), bin] {
        let out = remind(&db, home.path(), &path_dir, &["remind", "install"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.starts_with("error: db:"), "{err}");
        assert!(
            !out.stdout.contains(&b'\n') || !String::from_utf8_lossy(&out.stdout).contains("touch")
        );
    }
    assert!(!home.path().join("config").exists(), "a unit was written");
}
