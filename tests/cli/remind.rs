//! `remind install|check|remove` (issue 15), with a temp HOME/XDG_CONFIG_HOME and a PATH of
//! stand-in programs, so the real user's systemd and desktop are never touched.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::common::Journal;

/// A PATH holding stand-ins for `names`; each records its arguments in `<name>.called`.
fn fake_path(dir: &Path, names: &[&str]) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    for n in names {
        let p = bin.join(n);
        let log = dir.join(format!("{n}.called"));
        std::fs::write(
            &p,
            format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
        )
        .unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    bin
}

fn run(j: &Journal, bin: &Path, args: &[&str]) -> (Option<i32>, String) {
    let cfg = j.dir.path().join("config");
    let out = j
        .cmd()
        .env("PATH", bin)
        .env("HOME", j.dir.path())
        .env("XDG_CONFIG_HOME", &cfg)
        .args(args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

#[test]
fn install_writes_a_user_timer_and_remove_takes_it_away() {
    let j = Journal::new();
    let bin = fake_path(j.dir.path(), &["systemctl"]);
    let (code, out) = run(&j, &bin, &["remind", "install", "--at", "21:30"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("systemctl --user enable --now backtrack-remind.timer"),
        "{out}"
    );
    let units = j.dir.path().join("config/systemd/user");
    let timer = std::fs::read_to_string(units.join("backtrack-remind.timer")).unwrap();
    assert!(timer.contains("OnCalendar=*-*-* 21:30:00"), "{timer}");
    let service = std::fs::read_to_string(units.join("backtrack-remind.service")).unwrap();
    assert!(service.contains("remind check"), "{service}");
    assert!(service.contains(&j.db.display().to_string()), "{service}");
    // The unit names the journal's path: its owner's only, written whole (no temp file left).
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(units.join("backtrack-remind.service"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(
        std::fs::read_dir(&units).unwrap().count(),
        2,
        "two units, nothing else"
    );
    assert!(
        !j.dir.path().join("systemctl.called").exists(),
        "install never runs systemctl itself"
    );
    let (code, out) = run(&j, &bin, &["remind", "remove"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!units.join("backtrack-remind.timer").exists());
    assert!(!units.join("backtrack-remind.service").exists());
    // A bad time is refused and writes nothing.
    let (code, out) = run(&j, &bin, &["remind", "install", "--at", "25:00"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("at"), "{out}");
    assert!(!units.join("backtrack-remind.timer").exists());
}

#[test]
fn without_systemd_install_prints_a_crontab_line() {
    let j = Journal::new();
    let bin = fake_path(j.dir.path(), &[]);
    let (code, out) = run(&j, &bin, &["remind", "install", "--at", "21:05"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("5 21 * * * ") && out.contains("remind check"),
        "{out}"
    );
    assert!(!j.dir.path().join("config/systemd").exists());
}

#[test]
fn check_notifies_only_when_today_has_no_checkin() {
    let j = Journal::new();
    let bin = fake_path(j.dir.path(), &["notify-send"]);
    let called = j.dir.path().join("notify-send.called");
    let (code, out) = run(&j, &bin, &["remind", "check"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("No check-in yet today"), "{out}");
    let args = std::fs::read_to_string(&called).unwrap();
    assert!(args.contains("No check-in yet today"), "{args}");
    std::fs::remove_file(&called).unwrap();
    j.ok(&["checkin", "3"]);
    let (code, out) = run(&j, &bin, &["remind", "check"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Checked in today: pain 3"), "{out}");
    assert!(!called.exists(), "no notification once checked in");
}
