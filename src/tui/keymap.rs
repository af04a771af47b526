//! The one keymap: every key press becomes an `Action` here, chosen by what has the focus.
//! The binding tables are also what the `?` help overlay lists, so help cannot drift from keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Edit, Screen};
use super::forms::checkin::FieldKind;

/// What has the keyboard right now; the app derives it from its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// The terminal is below the minimum size: only quit acts (resizing is not a key).
    TooSmall,
    Help,
    Confirm,
    /// The Trash view over a screen.
    Trash,
    /// The Scores view over a screen.
    Scores,
    Form(FieldKind),
    Screen(Screen),
}

/// One documented binding.
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How help shows the keys; an empty label hides a duplicate.
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
}

pub(super) const N: KeyModifiers = KeyModifiers::NONE;
const C: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! b {
    ([$($k:expr),+], $label:literal, $help:literal, $action:expr) => {
        Binding { keys: &[$($k),+], label: $label, help: $help, action: $action }
    };
}
pub use super::keymap_screens::{MEDS, TIMELINE, TRAINING, TRENDS};
pub(super) use b;

use KeyCode::*;

/// Everywhere outside forms and overlays.
pub static GLOBAL: &[Binding] = &[
    b!(
        [(Char('c'), N)],
        "c",
        "check in (today, or the selected day in the pain log)",
        Action::OpenCheckin
    ),
    b!(
        [(Char('a'), N)],
        "a r m e p",
        "add: activity · rehab session · dose · event · PSFS rating",
        Action::OpenActivity
    ),
    b!([(Char('r'), N)], "", "", Action::OpenRehab),
    b!([(Char('m'), N)], "", "", Action::OpenDose),
    b!([(Char('e'), N)], "", "", Action::OpenEvent),
    b!([(Char('p'), N)], "", "", Action::OpenPsfs),
    b!(
        [(Char('o'), N)],
        "o",
        "outcome score (odi, rmdq, peg, promis-pi, startback)",
        Action::OpenScore
    ),
    b!([(Char('S'), N)], "", "", Action::OpenSettings),
    b!(
        [(Char('1'), N)],
        "1–7",
        "go to a screen",
        Action::GoTo(Screen::Today)
    ),
    b!([(Char('2'), N)], "", "", Action::GoTo(Screen::Pain)),
    b!([(Char('3'), N)], "", "", Action::GoTo(Screen::Training)),
    b!([(Char('4'), N)], "", "", Action::GoTo(Screen::Meds)),
    b!([(Char('5'), N)], "", "", Action::GoTo(Screen::Trends)),
    b!([(Char('6'), N)], "", "", Action::GoTo(Screen::Timeline)),
    b!([(Char('7'), N)], "", "", Action::GoTo(Screen::Week)),
    b!(
        [(Tab, N)],
        "Tab/S-Tab",
        "next / previous screen",
        Action::NextScreen
    ),
    b!([(BackTab, N)], "", "", Action::PrevScreen),
    b!(
        [(Char('j'), N), (Down, N)],
        "j/k ↓/↑",
        "move the selection",
        Action::Move(1)
    ),
    b!([(Char('k'), N), (Up, N)], "", "", Action::Move(-1)),
    b!(
        [(PageDown, N)],
        "PgDn/PgUp",
        "move a page",
        Action::Move(10)
    ),
    b!([(PageUp, N)], "", "", Action::Move(-10)),
    b!(
        [(Char('g'), N), (Home, N)],
        "g/G",
        "first / last",
        Action::Top
    ),
    b!([(Char('G'), N), (End, N)], "", "", Action::Bottom),
    b!(
        [(Char('u'), N)],
        "u U",
        "undo / redo (also Ctrl-R) this screen's last step; asks first",
        Action::Undo
    ),
    b!([(Char('U'), N), (Char('r'), C)], "", "", Action::Redo),
    b!(
        [(Char('T'), N)],
        "T S O",
        "trash (Enter restores) · settings (FTP, LTHR…) · outcome scores",
        Action::ToggleTrash
    ),
    // Listed on the `T S O` line above.
    b!([(Char('O'), N)], "", "", Action::ToggleScores),
    b!([(Char('?'), N)], "?", "this help", Action::ToggleHelp),
    b!([(Char('q'), N), (Char('c'), C)], "q", "quit", Action::Quit),
];

/// The pain log, before the global keys.
pub static PAIN_LOG: &[Binding] = &[
    b!(
        [(Enter, N)],
        "Enter",
        "open the selected day's check-in",
        Action::OpenSelected
    ),
    b!(
        [(Char('d'), N), (Delete, N)],
        "d",
        "delete the selected check-in (u undoes)",
        Action::DeleteSelected
    ),
    b!(
        [(Char('v'), N)],
        "v",
        "list ↔ calendar heat-map",
        Action::ToggleCalendar
    ),
    b!(
        [(Char('h'), N), (Left, N)],
        "h/l ←/→",
        "calendar: day before / after",
        Action::MoveDays(-1)
    ),
    b!([(Char('l'), N), (Right, N)], "", "", Action::MoveDays(1)),
    b!(
        [(Char('/'), N)],
        "/",
        "find words in notes and tags, the whole history",
        Action::Search
    ),
];

/// Every field of the check-in form.
pub static FORM: &[Binding] = &[
    b!(
        [(Char('s'), C)],
        "Ctrl-S",
        "save from any field",
        Action::Save
    ),
    b!(
        [(Tab, N)],
        "Tab/S-Tab",
        "next / previous field",
        Action::NextField
    ),
    b!([(BackTab, N)], "", "", Action::PrevField),
    b!(
        [(Esc, N)],
        "Esc",
        "cancel (asks if something changed)",
        Action::Cancel
    ),
    b!(
        [(Char('e'), C)],
        "Ctrl-E",
        "edit the note in $EDITOR",
        Action::OpenEditor
    ),
    b!(
        [(Char('c'), C)],
        "Ctrl-C",
        "quit (asks if something changed)",
        Action::Quit
    ),
];

/// Fields that are not text: scales, sets, workday.
pub static FORM_CHOICE: &[Binding] = &[
    b!(
        [(Enter, N)],
        "Enter",
        "save (outside the note)",
        Action::Save
    ),
    b!(
        [(Char('+'), N), (Char('='), N)],
        "+/-",
        "adjust the value (+ on an empty pain: 10)",
        Action::Adjust(1)
    ),
    b!([(Char('-'), N)], "", "", Action::Adjust(-1)),
    b!(
        [(Char(' '), N)],
        "Space",
        "toggle the item (where, feels, red flags, workday)",
        Action::Toggle
    ),
    b!(
        [(Char('h'), N), (Left, N)],
        "h/l ←/→",
        "move between items",
        Action::ItemCursor(-1)
    ),
    b!([(Char('l'), N), (Right, N)], "", "", Action::ItemCursor(1)),
    b!(
        [(Char('j'), N), (Down, N)],
        "j/k ↓/↑",
        "next / previous field",
        Action::NextField
    ),
    b!([(Char('k'), N), (Up, N)], "", "", Action::PrevField),
    b!(
        [(Backspace, N), (Delete, N)],
        "Bksp",
        "clear an optional value",
        Action::Clear
    ),
    b!([(Char('?'), N)], "?", "this help", Action::ToggleHelp),
    b!(
        [(Char('q'), N)],
        "q",
        "quit (asks if something changed)",
        Action::Quit
    ),
];

/// The tags field, besides typing.
pub static FORM_TAGS: &[Binding] = &[
    b!([(Enter, N)], "", "", Action::Save),
    b!(
        [(Right, N)],
        "→",
        "accept the highlighted tag from your history",
        Action::Complete
    ),
    b!(
        [(Down, N)],
        "↓/↑",
        "next / previous suggestion",
        Action::CycleCompletion(1)
    ),
    b!([(Up, N)], "", "", Action::CycleCompletion(-1)),
];

/// Help text for keys that are not single bindings.
pub static FORM_NOTES: &[(&str, &str)] = &[
    ("0–9", "set pain (or the focused scale) directly"),
    ("Enter", "in the note: a new line"),
    (
        "Ctrl-W/U",
        "in tags and hours: delete a word / empty the field",
    ),
];

/// The Trash view.
pub static TRASH: &[Binding] = &[
    b!(
        [(Enter, N), (Char('r'), N)],
        "Enter",
        "restore the selected record (u deletes it again)",
        Action::OpenSelected
    ),
    b!(
        [(Esc, N), (Char('T'), N)],
        "Esc/T",
        "close the trash",
        Action::ToggleTrash
    ),
    b!(
        [(Char('j'), N), (Down, N)],
        "j/k ↓/↑",
        "move the selection",
        Action::Move(1)
    ),
    b!([(Char('k'), N), (Up, N)], "", "", Action::Move(-1)),
    b!(
        [(Char('g'), N), (Home, N)],
        "g/G",
        "first / last",
        Action::Top
    ),
    b!([(Char('G'), N), (End, N)], "", "", Action::Bottom),
    b!([(Char('u'), N)], "u", "undo", Action::Undo),
    b!(
        [(Char('U'), N), (Char('r'), C)],
        "U/Ctrl-R",
        "redo",
        Action::Redo
    ),
    b!([(Char('?'), N)], "?", "this help", Action::ToggleHelp),
    b!([(Char('q'), N), (Char('c'), C)], "q", "quit", Action::Quit),
];

/// The Scores view.
pub static SCORES: &[Binding] = &[
    b!(
        [(Char('n'), N), (Char('o'), N)],
        "n/o",
        "add an outcome score (the total from the clinic's form)",
        Action::OpenScore
    ),
    b!(
        [(Esc, N), (Char('O'), N)],
        "Esc/O",
        "close the scores",
        Action::ToggleScores
    ),
    b!(
        [(Char('j'), N), (Down, N)],
        "j/k ↓/↑",
        "move the selection",
        Action::Move(1)
    ),
    b!([(Char('k'), N), (Up, N)], "", "", Action::Move(-1)),
    b!(
        [(Char('g'), N), (Home, N)],
        "g/G",
        "first / last",
        Action::Top
    ),
    b!([(Char('G'), N), (End, N)], "", "", Action::Bottom),
    b!([(Char('?'), N)], "?", "this help", Action::ToggleHelp),
    b!([(Char('q'), N), (Char('c'), C)], "q", "quit", Action::Quit),
];

pub static CONFIRM: &[Binding] = &[
    b!(
        [(Char('y'), N), (Enter, N)],
        "y/Enter",
        "yes",
        Action::Confirm
    ),
    b!([(Char('n'), N), (Esc, N)], "n/Esc", "no", Action::Deny),
];

/// Help text for the other forms' keys besides `FORM`.
pub static ENTRY_NOTES: &[(&str, &str)] = &[
    ("Enter", "save (in a note: a new line)"),
    (
        "↑/↓",
        "previous / next field; in the dose picker: the medication",
    ),
    ("Space", "cycle a choice, toggle yes/no, tick an exercise"),
    ("h/l ←/→", "previous / next choice"),
    (
        "j/k ↓/↑",
        "on the exercises: move between them (Tab leaves)",
    ),
    (
        "typing",
        "text takes the CLI's syntax: 1h30m, 42km, today, -3, 14:30",
    ),
    ("Ctrl-W/U", "delete a word / empty the field (not the note)"),
    ("?", "this help (outside text fields)"),
];

/// Which help applies: a form's, or the screen's with the global keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpFor {
    Checkin,
    Entry,
    Trash,
    Scores,
    Screen(Screen),
}

/// The help sections in display order.
pub fn help_sections() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let list = |t: &'static [Binding]| {
        t.iter()
            .filter(|b| !b.label.is_empty())
            .map(|b| (b.label, b.help))
            .collect::<Vec<_>>()
    };
    let mut form = list(FORM);
    form.extend(list(FORM_CHOICE));
    form.extend(FORM_NOTES.iter().copied());
    form.extend(list(FORM_TAGS));
    let mut entry = list(FORM);
    entry.extend(ENTRY_NOTES.iter().copied());
    vec![
        ("Everywhere", list(GLOBAL)),
        ("Pain log", list(PAIN_LOG)),
        ("Training", list(TRAINING)),
        ("Medications", list(MEDS)),
        ("Trends", list(TRENDS)),
        ("Timeline", list(TIMELINE)),
        ("Trash", list(TRASH)),
        ("Outcome scores", list(SCORES)),
        ("Check-in form", form),
        ("Forms", entry),
    ]
}

/// The help sections that apply: the form's keys inside a form; outside, the global keys and
/// the current screen's (all screens' would not fit 80×24).
pub fn help_for(h: HelpFor) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let wanted: &[&str] = match h {
        HelpFor::Checkin => &["Check-in form"],
        HelpFor::Entry => &["Forms"],
        HelpFor::Trash => &["Trash"],
        HelpFor::Scores => &["Outcome scores"],
        HelpFor::Screen(Screen::Pain) => &["Everywhere", "Pain log"],
        HelpFor::Screen(Screen::Training) => &["Everywhere", "Training"],
        HelpFor::Screen(Screen::Meds) => &["Everywhere", "Medications"],
        HelpFor::Screen(Screen::Trends) => &["Everywhere", "Trends"],
        HelpFor::Screen(Screen::Timeline) => &["Everywhere", "Timeline"],
        HelpFor::Screen(_) => &["Everywhere"],
    };
    help_sections()
        .into_iter()
        .filter(|(title, _)| wanted.contains(title))
        .collect()
}

/// The screen's own bindings, looked up before the global ones.
fn screen_table(s: Screen) -> &'static [Binding] {
    match s {
        Screen::Pain => PAIN_LOG,
        Screen::Training => TRAINING,
        Screen::Meds => MEDS,
        Screen::Trends => TRENDS,
        Screen::Timeline => TIMELINE,
        _ => &[],
    }
}

fn lookup(table: &[Binding], key: &KeyEvent) -> Option<Action> {
    // Shift is part of the character ('G', '+'), so only Ctrl and Alt must match.
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    table
        .iter()
        .find(|b| b.keys.iter().any(|(c, m)| *c == key.code && *m == mods))
        .map(|b| b.action.clone())
}

/// The action for a key press in a context, or None when the key means nothing there.
pub fn map(key: KeyEvent, ctx: KeyContext) -> Option<Action> {
    match ctx {
        KeyContext::TooSmall => match (key.code, key.modifiers.contains(KeyModifiers::CONTROL)) {
            (Char('q'), false) | (Char('c'), true) => Some(Action::Quit),
            _ => None,
        },
        KeyContext::Help => match key.code {
            Esc | Char('?') | Char('q') | Enter => Some(Action::ToggleHelp),
            Char('j') | Down => Some(Action::Move(1)),
            Char('k') | Up => Some(Action::Move(-1)),
            PageDown => Some(Action::Move(10)),
            PageUp => Some(Action::Move(-10)),
            Char('g') | Home => Some(Action::Top),
            Char('G') | End => Some(Action::Bottom),
            _ => None,
        },
        KeyContext::Confirm => lookup(CONFIRM, &key),
        KeyContext::Trash => lookup(TRASH, &key),
        KeyContext::Scores => lookup(SCORES, &key),
        KeyContext::Screen(s) => lookup(screen_table(s), &key).or_else(|| lookup(GLOBAL, &key)),
        KeyContext::Form(kind) => lookup(FORM, &key).or_else(|| form_key(key, kind)),
    }
}

fn form_key(key: KeyEvent, kind: FieldKind) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match kind {
        FieldKind::Scale | FieldKind::Set | FieldKind::Flag => {
            if let (Char(c @ '0'..='9'), false) = (key.code, ctrl) {
                return (kind == FieldKind::Scale).then(|| Action::SetValue(c as u8 - b'0'));
            }
            lookup(FORM_CHOICE, &key)
        }
        FieldKind::Hours => match key.code {
            Char('+') | Char('=') => Some(Action::Adjust(1)),
            Char('-') => Some(Action::Adjust(-1)),
            Enter => Some(Action::Save),
            Up => Some(Action::PrevField),
            Down => Some(Action::NextField),
            _ => text_key(key, false),
        },
        FieldKind::Tags => lookup(FORM_TAGS, &key).or_else(|| text_key(key, false)),
        FieldKind::Ticks => match key.code {
            Char('j') | Down => Some(Action::ItemCursor(1)),
            Char('k') | Up => Some(Action::ItemCursor(-1)),
            _ => lookup(FORM_CHOICE, &key),
        },
        FieldKind::Text => match key.code {
            Enter => Some(Action::Save),
            Up => Some(Action::PrevField),
            Down => Some(Action::NextField),
            _ => text_key(key, false),
        },
        FieldKind::Note => text_key(key, true),
    }
}

/// Keys that edit text.
fn text_key(key: KeyEvent, multiline: bool) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let e = match key.code {
        Char('w') if ctrl => Edit::DeleteWord,
        Char('u') if ctrl && !multiline => Edit::Clear,
        Char('a') if ctrl => Edit::Home,
        Char(c) if !ctrl => Edit::Insert(c),
        Backspace => Edit::Backspace,
        Delete => Edit::Delete,
        Left => Edit::Left,
        Right => Edit::Right,
        Home => Edit::Home,
        End => Edit::End,
        Up if multiline => Edit::Up,
        Down if multiline => Edit::Down,
        Enter if multiline => Edit::Newline,
        _ => return None,
    };
    Some(Action::Text(e))
}
