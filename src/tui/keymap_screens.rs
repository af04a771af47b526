//! The Training, Medications, Trends and Timeline screens' own bindings, part of the one keymap
//! (`keymap` looks them up before the global keys and lists them in `?` help).

use ratatui::crossterm::event::KeyCode::*;

use super::action::Action;
use super::keymap::{Binding, N, b};

/// The Training screen, before the global keys.
pub static TRAINING: &[Binding] = &[
    b!(
        [(Enter, N)],
        "Enter",
        "edit the selected activity or rehab session",
        Action::OpenSelected
    ),
    b!(
        [(Char('d'), N), (Delete, N)],
        "d",
        "delete the selected entry (u undoes)",
        Action::DeleteSelected
    ),
    b!(
        [(Char('i'), N)],
        "i",
        "import rides: .fit file or folder, Strava/intervals.icu .csv",
        Action::OpenImport
    ),
    b!(
        [(Char('f'), N)],
        "f",
        "filter by kind: all, ride, …, rehab",
        Action::CycleFilter
    ),
    b!(
        [(Char('v'), N)],
        "v",
        "list ↔ rehab programmes and exercise library",
        Action::ToggleCalendar
    ),
    b!([(Char('n'), N)], "n", "new rehab programme", Action::New),
    b!(
        [(Char('/'), N)],
        "/",
        "find words (kind, date, bike, note)",
        Action::Search
    ),
];

/// The Medications screen, before the global keys.
pub static MEDS: &[Binding] = &[
    b!(
        [(Char('t'), N)],
        "t",
        "take the selected medication's usual dose now",
        Action::TakeSelected
    ),
    b!(
        [(Enter, N)],
        "Enter",
        "edit the selected medication, or dose (time, amount)",
        Action::OpenSelected
    ),
    b!(
        [(Char('n'), N)],
        "n",
        "new medication in the catalogue",
        Action::New
    ),
    b!(
        [(Char('d'), N), (Delete, N)],
        "d",
        "delete the selected medication or dose (u undoes)",
        Action::DeleteSelected
    ),
    b!(
        [(Char('v'), N)],
        "v",
        "catalogue ↔ doses of the last 30 days, newest first",
        Action::ToggleCalendar
    ),
    b!(
        [(Char('/'), N)],
        "/",
        "find a medication or dose",
        Action::Search
    ),
];

/// The Timeline screen, before the global keys.
pub static TIMELINE: &[Binding] = &[
    b!(
        [(Enter, N)],
        "Enter",
        "edit the selected event",
        Action::OpenSelected
    ),
    b!(
        [(Char('d'), N), (Delete, N)],
        "d",
        "delete the selected event (u undoes)",
        Action::DeleteSelected
    ),
    b!(
        [(Char('/'), N)],
        "/",
        "jump to a date (today, -3, mon, MM-DD…), or find an event",
        Action::JumpToDate
    ),
];

/// The Trends screen, before the global keys.
pub static TRENDS: &[Binding] = &[
    b!(
        [(Char('['), N)],
        "[ ]",
        "shorter / longer range (4 weeks, 12 weeks, 1 year, all)",
        Action::Range(-1)
    ),
    b!([(Char(']'), N)], "", "", Action::Range(1)),
    b!(
        [(Char('w'), N)],
        "w",
        "write the care-team report for this range",
        Action::WriteReport
    ),
];
