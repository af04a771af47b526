//! `remind install|check|remove`: a daily check-in reminder. `install` writes a systemd user
//! timer and service (or prints a crontab line where systemd is absent) that run `remind
//! check`, which shows a desktop notification through `notify-send` when today has no
//! check-in. Nothing here enables units or edits a crontab: the user runs the printed command.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use serde_json::json;

use super::args::{Global, RemindCmd};
use super::ctx::{Ctx, db_path};
use crate::domain::clock;
use crate::ops::programs::on_this_path as on_path;

const UNIT: &str = "backtrack-remind";

pub fn run(g: &Global, cmd: RemindCmd) -> Result<()> {
    match cmd {
        RemindCmd::Install { at } => install(g, &at),
        RemindCmd::Check => check(g),
        RemindCmd::Remove => remove(g),
    }
}

/// `$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`.
fn unit_dir() -> Result<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").map(PathBuf::from) {
        Some(p) if p.is_absolute() => p,
        _ => std::env::var_os("HOME")
            .map(|h| PathBuf::from(h).join(".config"))
            .context("neither XDG_CONFIG_HOME nor HOME is set; cannot place the timer")?,
    };
    Ok(base.join("systemd").join("user"))
}

/// Where the line runs: cron hands it to `/bin/sh` after turning `%` into line breaks;
/// systemd splits ExecStart itself and expands `%` specifiers and `$` variables.
#[derive(Clone, Copy)]
enum Runner {
    Cron,
    Systemd,
}

/// A path as one argument for `runner`, whatever it holds: `$()`, backticks, quotes and `%`
/// reach the program as text (issue 21.8). Control characters (a line break would add a
/// crontab entry or a unit line) cannot be quoted for either, so they are refused first.
fn quoted(p: &Path, runner: Runner) -> String {
    let s = p.to_string_lossy();
    match runner {
        // sh: single quotes keep everything literal; a quote ends, is escaped, and reopens.
        Runner::Cron => format!("'{}'", s.replace('\'', "'\\''").replace('%', "\\%")),
        // systemd: C-style escapes inside double quotes; `%%` and `$$` are the literal signs.
        Runner::Systemd => format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('%', "%%")
                .replace('$', "$$")
        ),
    }
}

/// Refuses a path that no crontab or unit line can carry: one with a line break or another
/// control character.
fn one_line_path(field: &str, p: &Path) -> Result<()> {
    let s = p.to_string_lossy();
    if p.to_str().is_none() || s.chars().any(char::is_control) {
        return Err(crate::domain::InputError::new(
            field,
            format!(
                "'{}' holds a line break or control character, which a crontab or systemd line cannot carry; allowed: a path without them",
                crate::domain::safe_text::one_line(&s)
            ),
        )
        .into());
    }
    Ok(())
}

fn command_line(g: &Global, runner: Runner) -> Result<String> {
    let exe = std::env::current_exe().context("finding the backtrack program")?;
    let db = std::path::absolute(db_path(g)?)?;
    one_line_path("program", &exe)?;
    one_line_path("db", &db)?;
    Ok(format!(
        "{} --db {} remind check",
        quoted(&exe, runner),
        quoted(&db, runner)
    ))
}

/// Writes a unit file readable by its owner only (it names the journal's path), replaced
/// whole so a timer never reads half a unit.
fn write_private(path: &Path, text: &str) -> Result<()> {
    Ok(crate::repo::atomic_file::write_private(
        path,
        text.as_bytes(),
    )?)
}

fn install(g: &Global, at: &str) -> Result<()> {
    let time = crate::domain::parse::parse_time("at", at)?;
    let hm = time.format("%H:%M").to_string();
    if on_path("systemctl").is_none() {
        let cmd = command_line(g, Runner::Cron)?;
        let line = format!("{} {} * * * {cmd}", time.format("%-M"), time.format("%-H"));
        let v = json!({"crontab": line});
        return emit(g, &v, || {
            format!("systemd is not available here; add this line with `crontab -e`:\n{line}")
        });
    }
    let cmd = command_line(g, Runner::Systemd)?;
    let dir = unit_dir()?;
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let service = dir.join(format!("{UNIT}.service"));
    let timer = dir.join(format!("{UNIT}.timer"));
    write_private(
        &service,
        &format!(
            "[Unit]\nDescription=backtrack: a reminder when today has no check-in\n\n\
             [Service]\nType=oneshot\nExecStart={cmd}\n"
        ),
    )?;
    write_private(
        &timer,
        &format!(
            "[Unit]\nDescription=backtrack: daily check-in reminder at {hm}\n\n\
             [Timer]\nOnCalendar=*-*-* {hm}:00\n\n[Install]\nWantedBy=timers.target\n"
        ),
    )?;
    let enable =
        format!("systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer");
    let v = json!({"service": service, "timer": timer, "at": hm, "enable": enable});
    emit(g, &v, || {
        format!(
            "Wrote {} and {} (daily at {hm}). Turn it on with:\n{enable}",
            service.display(),
            timer.display()
        )
    })
}

fn remove(g: &Global) -> Result<()> {
    let dir = unit_dir()?;
    let mut removed = Vec::new();
    for ext in ["timer", "service"] {
        let p = dir.join(format!("{UNIT}.{ext}"));
        if p.is_file() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
            removed.push(p);
        }
    }
    let v = json!({"removed": removed});
    emit(g, &v, || {
        if removed.is_empty() {
            "No reminder timer was installed; a crontab line is removed with `crontab -e`."
                .to_string()
        } else {
            format!(
                "Removed {}. If it was on: systemctl --user disable --now {UNIT}.timer",
                removed
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            )
        }
    })
}

/// Prints JSON or text without opening the journal (install and remove do not touch it).
fn emit(g: &Global, v: &serde_json::Value, text: impl FnOnce() -> String) -> Result<()> {
    if g.json {
        super::ctx::emit(&serde_json::to_string_pretty(v)?);
    } else {
        super::ctx::emit(&text());
    }
    Ok(())
}

fn check(g: &Global) -> Result<()> {
    let ctx = Ctx::open(g)?;
    let today = clock::today();
    let checkin = ctx.repo.checkin_on(today)?;
    let message = match &checkin {
        Some(c) => format!("Checked in today: pain {}.", c.pain),
        None => "No check-in yet today: backtrack checkin PAIN (0–10), or open backtrack.".into(),
    };
    let mut notified = false;
    if checkin.is_none()
        && let Some(bin) = on_path("notify-send")
    {
        // A failed notification is reported, not fatal: the line below still says it.
        match Command::new(bin)
            .args(["--app-name=backtrack", "backtrack", &message])
            .status()
        {
            Ok(s) if s.success() => notified = true,
            Ok(s) => eprintln!("warning: notify-send exited with {s}"),
            Err(e) => eprintln!("warning: notify-send failed: {e}"),
        }
    }
    let v = json!({"date": today, "checked_in": checkin.is_some(), "notified": notified, "text": message});
    ctx.out(&v, || message.clone())
}
