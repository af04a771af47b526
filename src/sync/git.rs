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

/// Clones `remote` into `dir` (an empty remote gives an empty clone). A remote whose HEAD
/// names a branch that does not exist (a server's default differs from the pusher's) gets
/// its one branch checked out.
pub fn clone(remote: &str, dir: &Path) -> anyhow::Result<()> {
    let d = dir.to_string_lossy();
    ok(None, &["clone", "--quiet", remote, &d])?;
    let has_head = git(Some(dir), &["rev-parse", "--verify", "--quiet", "HEAD"])?
        .status
        .success();
    if !has_head && let Some(branch) = remote_branches(dir)?.into_iter().next() {
        ok(
            Some(dir),
            &[
                "checkout",
                "--quiet",
                "-B",
                &branch,
                &format!("origin/{branch}"),
            ],
        )?;
    }
    Ok(())
}

/// The remote's branch names.
fn remote_branches(dir: &Path) -> anyhow::Result<Vec<String>> {
    Ok(ok(Some(dir), &["ls-remote", "--heads", "origin"])?
        .lines()
        .filter_map(|l| {
            l.split_once("refs/heads/")
                .map(|(_, b)| b.trim().to_string())
        })
        .collect())
}

/// The branch this clone is on.
fn branch(dir: &Path) -> anyhow::Result<String> {
    Ok(ok(Some(dir), &["symbolic-ref", "--short", "HEAD"])?
        .trim()
        .to_string())
}

/// Brings the remote's new files in (rebasing this device's commits, which touch only its
/// own folder, so no merge conflict can occur).
pub fn pull(dir: &Path) -> anyhow::Result<()> {
    let here = branch(dir)?;
    if !remote_branches(dir)?.contains(&here) {
        return Ok(());
    }
    ok(Some(dir), &["pull", "--quiet", "--rebase", "origin", &here])?;
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
        let out = git(Some(dir), &["push", "--quiet", "origin", &branch(dir)?])?;
        if out.status.success() {
            return Ok(());
        }
        last = String::from_utf8_lossy(&out.stderr).trim().to_string();
        pull(dir)?;
    }
    bail!("git push failed: {last}")
}
