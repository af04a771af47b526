//! The terminal app (SPEC §8): state and `update` in `app`/`update`, keys → actions in
//! `keymap`, the forms in `forms` (their input becomes `ops` drafts), the data shown from
//! `views`, pure rendering in `screens`/`widgets`, terminal handling in `terminal`/`event`.
//! `run` opens it on a journal; `render_once` draws one screen to text for `backtrack show`.

pub mod action;
pub mod app;
pub mod event;
pub mod forms;
pub mod keymap;
mod keymap_screens;
mod paste;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
mod update;
mod update_form;
pub mod widgets;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use action::{Action, Effect, Screen};
pub use app::App;
pub use theme::Theme;

use crate::repo::Repo;

/// Runs the app on an open journal until the user quits or SIGTERM/SIGHUP arrives; the
/// terminal is restored in every case, including a panic. `remove_on_signal` is a folder to
/// delete when a signal ends the app (the `--demo` journal; a quit leaves it to its owner).
pub fn run(
    repo: Repo,
    today: NaiveDate,
    remove_on_signal: Option<&std::path::Path>,
    start_status: Option<(String, bool)>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    // Without a terminal the app could only fail inside crossterm ("os error 6") after
    // sending escape sequences to whatever reads its output.
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        anyhow::bail!(
            "the app needs a terminal, and standard input or output is not one here (a pipe, a cron job or a service?); every command works without one: `backtrack status`, `backtrack --help`"
        );
    }
    let stop = event::signal_flag()?;
    if let Some(dir) = remove_on_signal {
        event::remove_on_signal(dir);
    }
    let mut app = App::new(repo, today, Theme::from_env(), Screen::Today);
    // A message from before the app opened (the sync at start), as an action's would be.
    app.status = start_status.map(|(text, error)| app::Status { text, error });
    // The day follows the clock (BACKTRACK_TODAY, read by the clock, still pins it).
    app.clock = Some(Box::new(crate::domain::clock::now_local));
    let mut guard = terminal::TerminalGuard::new()?;
    let result = event::run_loop(&mut guard, &mut app, &stop);
    drop(guard);
    result
}

/// Renders the app's current frame into a buffer of `width`×`height`.
pub fn render_buffer(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    screens::render(app, area, &mut buf);
    buf
}

/// One screen as plain text, drawn by the same code as the app (for `backtrack show`).
pub fn render_once(
    repo: Repo,
    today: NaiveDate,
    screen: Screen,
    range: crate::views::insights::Range,
    width: u16,
    height: u16,
) -> String {
    let mut app = App::new(repo, today, Theme::plain(), screen);
    if screen == Screen::Trends && range != app.trends.range {
        app.trends.range = range;
        app.trends.data = None;
        app.ensure_loaded();
    }
    screens::buffer_text(&render_buffer(&app, width, height))
}

#[cfg(test)]
mod tests;
