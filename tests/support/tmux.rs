//! The tmux pseudo-terminal the end-to-end app tests drive the real binary in (shared by
//! `tui_e2e` and `tui_e2e_firstweek`). Each binary uses only some of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use super::support::BIN;

/// A tmux server on its own socket, killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            super::support::skip::skip("tmux", "apt-get install tmux");
            return None;
        }
        let socket = format!("bt-{name}-{}", std::process::id());
        let t = Tmux { socket };
        let ok = t
            .cmd(&["new-session", "-d", "-x", "80", "-y", "24", "-s", "t", "sh"])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        t.keys(&[cmd, "Enter"]);
        Some(t)
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]).args(args);
        c
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().unwrap().success());
    }

    /// Pastes `text` as a terminal does: in bracketed-paste marks when the app asked for
    /// them (tmux turns line breaks into CR, as terminals send them).
    pub fn paste(&self, text: &str) {
        assert!(
            self.cmd(&["set-buffer", "-b", "p", text])
                .status()
                .unwrap()
                .success()
        );
        let args = ["paste-buffer", "-p", "-b", "p", "-t", "t"];
        assert!(self.cmd(&args).status().unwrap().success());
    }

    pub fn display(&self, fmt: &str) -> String {
        let out = self
            .cmd(&["display", "-p", "-t", "t", fmt])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Waits up to `secs` for `pred` on the pane text.
    /// The app's process: the child of the pane's shell.
    pub fn app_pid(&self) -> String {
        let pid = self.display("#{pane_pid}");
        let out = Command::new("pgrep").args(["-P", &pid]).output().unwrap();
        let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(!child.is_empty(), "the app process was not found");
        child
    }

    pub fn wait(&self, secs: f64, pred: impl Fn(&str) -> bool) -> bool {
        let end = Instant::now() + Duration::from_secs_f64(secs);
        while Instant::now() < end {
            if pred(&self.screen()) {
                return true;
            }
            sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

pub fn app_cmd(db: &Path) -> String {
    format!(
        "BACKTRACK_TODAY=2026-11-23 TERM=xterm-256color {BIN} --db {}; echo EXITED-$?",
        db.display()
    )
}
