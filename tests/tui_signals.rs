//! Signals in the app, end to end in a tmux pseudo-terminal: SIGINT, SIGQUIT and SIGHUP end
//! it with 128 + the signal and give the shell back (main screen, cursor shown, cooked mode);
//! SIGTSTP gives the terminal back and stops, SIGCONT takes it again and redraws. Says SKIPPED
//! when tmux is missing, and fails instead in CI (`support/skip.rs`).

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

#[path = "support/skip.rs"]
mod skip;

const BIN: &str = env!("CARGO_BIN_EXE_backtrack");

/// A tmux server on its own socket, killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            skip::skip("tmux", "apt-get install tmux");
            return None;
        }
        let t = Tmux {
            socket: format!("bt-sig-{name}-{}", std::process::id()),
        };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                "-s",
                "t",
                "bash --norc",
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        t.keys(&[cmd, "Enter"]);
        Some(t)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]).args(args);
        c
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().unwrap().success());
    }

    fn display(&self, fmt: &str) -> String {
        let out = self
            .cmd(&["display", "-p", "-t", "t", fmt])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn app_pid(&self) -> String {
        let pid = self.display("#{pane_pid}");
        let out = Command::new("pgrep").args(["-P", &pid]).output().unwrap();
        let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(!child.is_empty(), "the app process was not found");
        child
    }

    fn wait(&self, secs: f64, pred: impl Fn(&str) -> bool) -> bool {
        let end = Instant::now() + Duration::from_secs_f64(secs);
        while Instant::now() < end {
            if pred(&self.screen()) {
                return true;
            }
            sleep(Duration::from_millis(50));
        }
        false
    }

    /// The shell is usable again: main screen, cursor shown, and the tty in cooked mode
    /// (`stty` prints `icanon` and `echo`, not `-icanon`/`-echo`).
    fn assert_shell_restored(&self) {
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "alternate screen left"
        );
        assert_eq!(self.display("#{cursor_flag}"), "1", "cursor shown");
        self.keys(&["clear; stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo STTY-$((40+2))", "Enter"]);
        assert!(
            // The marker is computed, so the echoed command line does not match it.
            self.wait(3.0, |s| s.contains("STTY-42")),
            "{}",
            self.screen()
        );
        let s = self.screen();
        assert!(
            s.contains("icanon echo") && !s.contains("-icanon") && !s.contains("-echo "),
            "tty left raw: {s}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

fn app_cmd(db: &Path) -> String {
    format!(
        "BACKTRACK_TODAY=2026-11-23 TERM=xterm-256color {BIN} --db {}; echo EXITED-$?",
        db.display()
    )
}

fn signal(pid: &str, sig: &str) {
    assert!(
        Command::new("kill")
            .args([&format!("-{sig}"), pid])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn ending_signals_restore_the_terminal_and_exit_128_plus_the_signal() {
    for (sig, code) in [("INT", 130), ("QUIT", 131), ("HUP", 129)] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("j.db");
        let Some(t) = Tmux::start(&sig.to_lowercase(), &app_cmd(&db)) else {
            return;
        };
        assert!(
            t.wait(5.0, |s| s.contains("No check-in yet today")),
            "{}",
            t.screen()
        );
        assert_eq!(t.display("#{alternate_on}"), "1");
        // A form open: the cursor is shown by the form, hidden elsewhere; either way restored.
        t.keys(&["c"]);
        assert!(t.wait(3.0, |s| s.contains("Check-in ·")), "{}", t.screen());
        signal(&t.app_pid(), sig);
        let want = format!("EXITED-{code}");
        assert!(
            t.wait(2.0, |s| s.contains(&want)),
            "SIG{sig}: {}",
            t.screen()
        );
        t.assert_shell_restored();
    }
}

#[test]
fn sigtstp_stops_with_the_terminal_restored_and_sigcont_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    // Without `; echo`, bash's job control reports the stop and `fg` continues the app.
    let cmd = format!(
        "BACKTRACK_TODAY=2026-11-23 TERM=xterm-256color {BIN} --db {}",
        db.display()
    );
    let Some(t) = Tmux::start("tstp", &format!("set -m; {cmd}")) else {
        return;
    };
    assert!(
        t.wait(5.0, |s| s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    let pid = t.app_pid();
    signal(&pid, "TSTP");
    assert!(t.wait(3.0, |s| s.contains("Stopped")), "{}", t.screen());
    let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(state.contains(") T "), "the app is not stopped: {state}");
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "alternate screen left while stopped"
    );
    assert_eq!(
        t.display("#{cursor_flag}"),
        "1",
        "cursor shown while stopped"
    );
    t.keys(&["fg", "Enter"]);
    assert!(
        t.wait(3.0, |s| s.contains("No check-in yet today")
            && !s.contains("Stopped")),
        "not redrawn after SIGCONT: {}",
        t.screen()
    );
    assert_eq!(
        t.display("#{alternate_on}"),
        "1",
        "back on the alternate screen"
    );
    // Still working: a key does what it did before.
    t.keys(&["q"]);
    assert!(
        t.wait(3.0, |s| !s.contains("No check-in yet today")),
        "{}",
        t.screen()
    );
    assert_eq!(t.display("#{alternate_on}"), "0");
}
