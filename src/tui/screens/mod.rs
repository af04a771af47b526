//! Pure render functions: from `&App` to a buffer, no SQL and no mutation. `render` lays out
//! the tabs, the red-flag banner, the screen or form, the status line and overlays.

mod chrome;
mod forms;
mod help;
pub mod import;
mod lists;
mod meds;
mod pain;
mod scores;
mod timeline;
mod today;
mod training;
mod trash;
pub(crate) mod trends;
mod week;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::action::Screen;
use super::app::App;
use super::keymap::HelpFor;

/// Below this size the layout cannot hold the form; a message is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// Draws the whole frame. Returns where the text cursor belongs, if a text field has focus.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let mut msg = format!(
            "Terminal too small: {}×{}. backtrack needs at least {MIN_WIDTH}×{MIN_HEIGHT}; enlarge the window (q quits; other keys wait).",
            area.width, area.height
        );
        if let Some(c) = app.confirm() {
            msg = format!("{}\n\n{msg}", c.question);
        }
        Paragraph::new(msg)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return None;
    }
    let banner_h = if app.red_flags_today() {
        chrome::banner_height(area.width)
    } else {
        0
    };
    let status_h = chrome::status_height(app, area.width);
    let tabs = Rect { height: 1, ..area };
    let banner = Rect::new(area.x, area.y + 1, area.width, banner_h);
    let status = Rect::new(area.x, area.bottom() - status_h, area.width, status_h);
    let body = Rect::new(
        area.x,
        area.y + 1 + banner_h,
        area.width,
        area.height - 1 - status_h - banner_h,
    );
    chrome::tabs(app, tabs, buf);
    if banner_h > 0 {
        chrome::banner(app, banner, buf);
    }
    let mut cursor = None;
    match (app.form(), app.entry()) {
        (Some(f), _) => cursor = forms::checkin::render(app.theme, f, body, buf),
        (None, Some(e)) => cursor = forms::fields::render(app.theme, e, app.today, body, buf),
        (None, None) if app.trash().is_some() => trash::render(app, body, buf),
        (None, None) if app.scores().is_some() => scores::render(app, body, buf),
        (None, None) => match app.screen {
            Screen::Today => today::render(app, body, buf),
            Screen::Pain => pain::render(app, body, buf),
            Screen::Training => training::render(app, body, buf),
            Screen::Meds => meds::render(app, body, buf),
            Screen::Trends => trends::render(app, body, buf),
            Screen::Timeline => timeline::render(app, body, buf),
            Screen::Week => week::render(app, body, buf),
        },
    }
    chrome::status(app, status, buf);
    if let Some(top) = app.help_top() {
        let which = match (app.form(), app.entry()) {
            (Some(_), _) => HelpFor::Checkin,
            (None, Some(_)) => HelpFor::Entry,
            _ if app.trash().is_some() => HelpFor::Trash,
            _ if app.scores().is_some() => HelpFor::Scores,
            _ => HelpFor::Screen(app.screen),
        };
        help::render(app.theme, which, top, area, buf);
        cursor = None;
    }
    if let Some(text) = app.import_summary() {
        import::summary(app.theme, text, area, buf);
        cursor = None;
    }
    if app.confirm().is_some() {
        cursor = None;
    }
    cursor
}

/// The buffer as plain text lines, trailing spaces trimmed (for `show` and snapshots).
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(area.x + x, area.y + y)];
            let sym = cell.symbol();
            line.push_str(sym);
            // Wide characters occupy the next cell too.
            skip = crate::tui::text::cells(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
