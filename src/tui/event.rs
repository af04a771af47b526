//! The event loop: draw, wait up to 100 ms for a key or resize, update. Signals: SIGTERM,
//! SIGHUP, SIGINT and SIGQUIT set a flag checked every turn, so the terminal is restored and
//! the process ends with 128 + the signal (a watcher thread makes sure it does, even when the
//! terminal is gone). SIGTSTP (`kill -TSTP`; raw mode turns Ctrl-Z into a key, handled alike)
//! gives the terminal back and stops; SIGCONT takes it again and redraws.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::action::{Action, Effect};
use super::app::App;
use super::screens;
use super::terminal::TerminalGuard;

/// Checked between events; a signal never waits longer than this.
const POLL: Duration = Duration::from_millis(100);

/// How long the loop gets to notice a signal and end on its own before the watcher ends it.
const GRACE: Duration = Duration::from_millis(300);

/// The signal that ends the app (0 while none has arrived).
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// A folder to delete when a signal ends the app (the `--demo` journal): that path ends the
/// process with `exit`, where no destructor runs.
static CLEANUP: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Deletes `dir` if a signal ends the app (a normal quit leaves it to its owner).
pub fn remove_on_signal(dir: &Path) {
    if let Ok(mut c) = CLEANUP.lock() {
        *c = Some(dir.to_path_buf());
    }
}

/// Restores the terminal, deletes the folder registered for it and exits with 128 + `sig`.
/// The lock is held until the exit, so the loop and the watcher never both delete.
fn exit_on_signal(sig: i32) -> ! {
    super::terminal::restore();
    let guard = CLEANUP.lock();
    if let Ok(mut c) = guard {
        if let Some(dir) = c.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
        std::process::exit(128 + sig);
    }
    std::process::exit(128 + sig)
}

/// Set after a stop and continue: the screen needs a full redraw.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Registers the ending signals on one flag and SIGTSTP/SIGCONT, watched by a thread. The
/// loop normally sees the flag within [`POLL`]; but when the terminal has gone away (SIGHUP
/// from a closed window), crossterm's reader can spin on end-of-file inside `poll` and never
/// return, so after [`GRACE`] the watcher restores the terminal and exits the process itself.
/// Every saved entry is already a committed transaction; an interrupted one rolls back whole.
pub fn signal_flag() -> Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let flag = Arc::new(AtomicBool::new(false));
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let seen = Arc::clone(&flag);
    std::thread::spawn(move || {
        for sig in signals.forever() {
            match sig {
                SIGTSTP => {
                    super::terminal::restore();
                    // Stops the process as the default action would; returns on SIGCONT.
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    let _ = super::terminal::enter();
                    REDRAW.store(true, Ordering::Relaxed);
                }
                // A continue without our stop (SIGSTOP from elsewhere): the screen may be stale.
                SIGCONT => REDRAW.store(true, Ordering::Relaxed),
                _ => {
                    SIGNAL.store(sig, Ordering::Relaxed);
                    seen.store(true, Ordering::Relaxed);
                    std::thread::sleep(GRACE);
                    exit_on_signal(sig);
                }
            }
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
    let size = guard.term.size()?;
    app.update(Action::Resize(size.width, size.height));
    draw(guard, app)?;
    loop {
        if stop.load(Ordering::Relaxed) {
            // Ended by a signal: the exit status says which, as the default action would.
            let sig = SIGNAL.load(Ordering::Relaxed);
            if sig > 0 {
                exit_on_signal(sig);
            }
            break;
        }
        if REDRAW.swap(false, Ordering::Relaxed) {
            guard.term.clear()?;
            draw(guard, app)?;
        }
        if !event::poll(POLL)? {
            // No key: the day may still have changed (the app left open past midnight).
            let day = app.today;
            app.update(Action::Tick);
            if app.today != day {
                draw(guard, app)?;
            }
            continue;
        }
        let effect = match event::read()? {
            // Raw mode turns Ctrl-Z into a key; suspend as the terminal would have.
            Event::Key(k)
                if k.kind == KeyEventKind::Press
                    && k.code == KeyCode::Char('z')
                    && k.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
                continue;
            }
            // Only presses: terminals that report releases would otherwise act twice.
            Event::Key(k) if k.kind == KeyEventKind::Press => app.handle_key(k),
            Event::Resize(w, h) => app.update(Action::Resize(w, h)),
            Event::Paste(text) => app.update(Action::Paste(text)),
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
        // Keys already waiting (fast typing, a paste from a terminal without bracketed
        // paste) are applied before the next frame: a frame per key would fall behind.
        if !event::poll(Duration::ZERO)? {
            draw(guard, app)?;
        }
    }
    Ok(())
}
