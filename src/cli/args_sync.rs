//! clap definitions of `sync` (SPEC §13): init, join, status, conflicts, keep, leave, and a
//! plain `sync` (also `--quiet` for a cron line and `--compact`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `sync [--quiet] [--compact] [SUBCOMMAND]`.
#[derive(Debug, Clone, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub action: Option<SyncCmd>,
    /// Print nothing unless something needs you (a conflict, a warning, a skipped file): for a cron line
    #[arg(long)]
    pub quiet: bool,
    /// After syncing, write a snapshot of the whole journal and remove this computer's older segments
    #[arg(long)]
    pub compact: bool,
}

#[derive(Debug, Clone, Subcommand)]
pub enum SyncCmd {
    /// Make DIR (a folder Syncthing, Dropbox, iCloud or Nextcloud keeps in step) or a git remote the sync folder; prints the key for your other computers
    #[command(
        after_help = "Examples:\n  backtrack sync init ~/Sync/backtrack\n  backtrack sync init --git git@example.org:me/backtrack-sync.git"
    )]
    Init {
        /// The folder to sync through (created if missing)
        #[arg(required_unless_present = "git", conflicts_with = "git")]
        dir: Option<PathBuf>,
        /// A git remote to sync through instead (an empty repository; `git` must be on PATH)
        #[arg(long, value_name = "REMOTE")]
        git: Option<String>,
    },
    /// Join the sync folder (or git remote) another computer made, with the key it printed
    #[command(
        after_help = "Examples:\n  backtrack sync join ~/Sync/backtrack --key AGE-SECRET-KEY-1…\n  backtrack sync join --git git@example.org:me/backtrack-sync.git --key AGE-SECRET-KEY-1…"
    )]
    Join {
        /// The synced folder
        #[arg(required_unless_present = "git", conflicts_with = "git")]
        dir: Option<PathBuf>,
        /// The git remote instead of a folder
        #[arg(long, value_name = "REMOTE")]
        git: Option<String>,
        /// The key `sync init` printed (AGE-SECRET-KEY-1…)
        #[arg(long, value_name = "KEY")]
        key: String,
    },
    /// The last sync, the devices, what waits to be published, conflicts
    #[command(after_help = "Examples:\n  backtrack sync status\n  backtrack sync status --json")]
    Status,
    /// Versions that lost to an edit on another computer, or a second record for one date or name
    #[command(
        after_help = "Examples:\n  backtrack sync conflicts\n  backtrack sync conflicts --json"
    )]
    Conflicts,
    /// Take a conflict's version back: it becomes the record again on every computer
    #[command(after_help = "Example:\n  backtrack sync keep K3")]
    Keep {
        /// The conflict's ID as `sync conflicts` shows it (K3)
        id: String,
    },
    /// Stop syncing this journal (it keeps every record; the folder keeps its files)
    #[command(after_help = "Example:\n  backtrack sync leave")]
    Leave,
}
