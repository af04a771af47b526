//! Action → state tests for the keymap, the forms and the app's update, on an in-memory
//! journal with a fixed day; one file per concern, the shared helpers here.

mod doses;
mod firstweek;
mod forms;
mod hints;
mod import;
mod keys;
mod layout;
mod meds;
mod modes;
mod plausible;
mod rehab;
mod report;
mod settings;
mod undo;
mod units;
mod worst;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Screen;
use super::app::App;
use super::theme::Theme;
use crate::domain::records::Checkin;
use crate::repo::Repo;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app() -> App {
    App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Today,
    )
}

/// A journal begun two years ago (one check-in), so every Trends range is full.
fn app_with_history() -> App {
    let mut repo = Repo::open_in_memory().unwrap();
    repo.save_checkin(&Checkin {
        date: day() - chrono::Duration::days(730),
        pain: 2,
        ..Default::default()
    })
    .unwrap();
    App::new(repo, day(), Theme::plain(), Screen::Today)
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// Keys as typed: `\n` Enter, `\t` Tab, `\x1b` Esc, anything else a character.
pub(super) fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_key(key(code));
    }
}
