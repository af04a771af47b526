//! The event loop: draw, wait up to 100 ms for a key or resize, update; SIGTERM and SIGHUP set
//! a flag checked every turn so the guard restores the terminal and the process ends promptly
//! (and a watcher thread makes sure it does, even when the terminal is gone).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::action::{Action, Effect};
use super::app::App;
use super::screens;
use super::terminal::TerminalGuard;

/// Checked between events; a signal never waits longer than this.
const POLL: Duration = Duration::from_millis(100);

/// How long the loop gets to notice a signal and end on its own before the watcher ends it.
const GRACE: Duration = Duration::from_millis(300);

/// Registers SIGTERM and SIGHUP on one flag, watched by a thread. The loop normally sees the
/// flag within [`POLL`]; but when the terminal has gone away (SIGHUP from a closed window),
/// crossterm's reader can spin on end-of-file inside `poll` and never return, so after
/// [`GRACE`] the watcher restores the terminal and exits the process itself. Every saved entry
/// is already a committed transaction; an interrupted one rolls back whole.
pub fn signal_flag() -> Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let flag = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let seen = Arc::clone(&flag);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            seen.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            super::terminal::restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(flag)
}

/// Draws one frame of the app.
pub fn draw(guard: &mut TerminalGuard, app: &App) -> Result<()> {
    guard.term.draw(|f| {
        let area = f.area();
        if let Some(p) = screens::render(app, area, f.buffer_mut()) {
            f.set_cursor_position(p);
        }
    })?;
    Ok(())
}

/// Runs until the user quits or a signal arrives.
pub fn run_loop(guard: &mut TerminalGuard, app: &mut App, stop: &AtomicBool) -> Result<()> {
    draw(guard, app)?;
    while !stop.load(Ordering::Relaxed) {
        if !event::poll(POLL)? {
            continue;
        }
        let effect = match event::read()? {
            // Only presses: terminals that report releases would otherwise act twice.
            Event::Key(k) if k.kind == KeyEventKind::Press => app.handle_key(k),
            Event::Resize(..) => app.update(Action::Resize),
            _ => continue,
        };
        match effect {
            Effect::Quit => break,
            Effect::OpenEditor(text) => {
                guard.suspend();
                let result = crate::ops::editor::edit_in_editor(&text).map_err(|e| e.to_string());
                guard.resume()?;
                app.update(Action::EditorDone(result));
            }
            Effect::Import(job) => {
                let theme = app.theme;
                let result = app.run_import(&job, &mut |p| {
                    // A frame per file; the app itself is busy importing, so the box stands alone.
                    let _ = guard.term.draw(|f| {
                        let area = f.area();
                        screens::import::progress(
                            theme,
                            p.done,
                            p.total,
                            p.path,
                            area,
                            f.buffer_mut(),
                        )
                    });
                });
                app.update(Action::ImportDone(result));
            }
            Effect::None => {}
        }
        draw(guard, app)?;
    }
    Ok(())
}
