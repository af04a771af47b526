//! The terminal: raw mode and the alternate screen in one guard that restores them on drop,
//! a panic hook that restores before the panic message prints, and suspend/resume around
//! `$EDITOR`.

use std::io::{self, Stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal while the app runs; dropping it restores the user's shell.
pub struct TerminalGuard {
    pub term: Term,
}

/// Leaves raw mode, bracketed paste and the alternate screen and shows the cursor. Safe to
/// call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
}

/// Raw mode, the alternate screen and bracketed paste (at start, and again after `$EDITOR`
/// or a stop): a paste arrives as one text, never as keys.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

impl TerminalGuard {
    pub fn new() -> io::Result<TerminalGuard> {
        install_panic_hook();
        if let Err(e) = enter() {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(term) => Ok(TerminalGuard { term }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Gives the terminal back (for `$EDITOR`).
    pub fn suspend(&mut self) {
        restore();
    }

    /// Takes the terminal again and forces a full redraw.
    pub fn resume(&mut self) -> io::Result<()> {
        enter()?;
        self.term.clear()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the default hook prints, so the message is readable and the
/// shell is usable after a panic.
fn install_panic_hook() {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        prev(info);
    }));
}
