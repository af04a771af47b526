//! A git remote as the carrier: `git` on PATH is run as a program (so the user's ssh keys and
//! credential helpers work). The clone lives beside the journal; each device adds files only
//! under its own folder, so a pull never has a merge conflict and a rejected push is retried
//! after a pull.

use std::path::Path;
use std::process::{Command, Output};

use anyhow::{Context, bail};

/// How often a push rejected because another device pushed first is retried.
const PUSH_TRIES: usize = 4;

fn git(dir: Option<&Path>, args: &[&str]) -> anyhow::Result<Output> {
    let mut cmd = Command::new("git");
    if let Some(d) = dir {
        cmd.arg("-C").arg(d);
    }
    // Commits need an author; these name the program, never the user's identity.
    cmd.args(args)
        .env("GIT_AUTHOR_NAME", "backtrack")
        .env("GIT_AUTHOR_EMAIL", "backtrack@localhost")
        .env("GIT_COMMITTER_NAME", "backtrack")
        .env("GIT_COMMITTER_EMAIL", "backtrack@localhost");
    cmd.output()
        .context("running git (is git installed and on PATH?)")
}

fn ok(dir: Option<&Path>, args: &[&str]) -> anyhow::Result<String> {
    let out = git(dir, args)?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Clones `remote` into `dir` (an empty remote gives an empty clone).
pub fn clone(remote: &str, dir: &Path) -> anyhow::Result<()> {
    let d = dir.to_string_lossy();
    ok(None, &["clone", "--quiet", remote, &d])?;
    Ok(())
}

/// Whether the remote has any commit yet.
fn remote_has_commits(dir: &Path) -> anyhow::Result<bool> {
    Ok(!ok(Some(dir), &["ls-remote", "--heads", "origin"])?
        .trim()
        .is_empty())
}

/// Brings the remote's new files in (rebasing this device's commits, which touch only its
/// own folder).
pub fn pull(dir: &Path) -> anyhow::Result<()> {
    if !remote_has_commits(dir)? {
        return Ok(());
    }
    let branch = ok(Some(dir), &["ls-remote", "--symref", "origin", "HEAD"])?;
    let head = branch
        .lines()
        .find_map(|l| l.strip_prefix("ref: refs/heads/"))
        .and_then(|l| l.split_whitespace().next())
        .map(str::to_string);
    match head {
        Some(h) => ok(Some(dir), &["pull", "--quiet", "--rebase", "origin", &h])?,
        None => ok(Some(dir), &["pull", "--quiet", "--rebase"])?,
    };
    Ok(())
}

/// Commits what this device wrote and pushes it; a push refused because another device
/// pushed first is retried after a pull.
pub fn push(dir: &Path, device: &str) -> anyhow::Result<()> {
    ok(Some(dir), &["add", "--all", "."])?;
    let staged = git(Some(dir), &["diff", "--cached", "--quiet"])?;
    if !staged.status.success() {
        ok(
            Some(dir),
            &[
                "commit",
                "--quiet",
                "-m",
                &format!("backtrack sync {device}"),
            ],
        )?;
    }
    let mut last = String::new();
    for _ in 0..PUSH_TRIES {
        let out = git(Some(dir), &["push", "--quiet", "origin", "HEAD"])?;
        if out.status.success() {
            return Ok(());
        }
        last = String::from_utf8_lossy(&out.stderr).trim().to_string();
        pull(dir)?;
    }
    bail!("git push failed: {last}")
}
