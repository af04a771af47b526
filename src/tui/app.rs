//! The app's state and `update`, the only place it changes. State is plain data; the repo is
//! asked for each screen's visible window when that screen is shown or after a write.

use chrono::NaiveDate;

use super::action::{Action, Effect, Screen};
use super::keymap::{self, KeyContext};
use super::theme::Theme;
use crate::domain::records::{Checkin, Dose};
use crate::repo::{RecordId, Repo};

mod checkin;
mod dose;
pub(super) mod entry;
mod import;
mod load;
mod meds;
mod mode;
mod plausible;
mod report;
mod save;
mod scores;
mod screens;
mod search;
mod trash;
mod undo;

use crate::views::journal::TodayData;
pub use load::add_months;
pub use mode::{Mode, ScoresState, TrashState};
pub use screens::{MedsState, PainState, TimelineState, TrainingState, TrendsState, View};
pub use undo::{Undo, UndoStep};

/// A line in the status bar: a confirmation, or an error in the error style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What a "yes" to the open question does.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Discard,
    Quit,
    /// Store this dose although it takes the day over the medication's max.
    OverMax(Dose),
    /// Save the open dose correction although it takes its day over the max.
    EditOverMax,
    /// Store this dose although another of its drug is logged within 30 minutes (the max is
    /// still checked, and asked about, after).
    Again(Dose),
    /// Save the open activity although a figure looks like a typo (the CLI's `--force`).
    Implausible,
    /// Take back this step of the undo list (its index), or redo this step of the redo list.
    Undo(usize),
    Redo(usize),
    /// Do step `.0` of the undo (`.1` false) or redo list although it brings a dose back over
    /// its day's max.
    ForceStep(usize, bool),
    /// Restore this dose from the Trash view although it takes its day over the max.
    RestoreOverMax(RecordId),
    /// Add these exercises to the library (name, prescription, kind), then save the open
    /// programme form that names them.
    AddExercises(Vec<(String, Option<String>, String)>),
    /// The new medication's name is this live row's drug: open that row's form instead.
    OpenMed(i64),
    /// The new medication's name is this trashed row's drug: restore it instead.
    RestoreMed(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub on_yes: Pending,
}

/// Where the app reads "now": the local clock in the app, a cell a test moves in tests.
pub type Clock = Box<dyn Fn() -> chrono::NaiveDateTime>;

pub struct App {
    pub(super) repo: Repo,
    pub today: NaiveDate,
    /// The time of day "now" is; None for the clock's (tests fix it, as BACKTRACK_TODAY
    /// fixes the day, so "last dose 2 h ago" is the same on every run).
    pub time_of_day: Option<chrono::NaiveTime>,
    /// The clock `today` follows, read before each action: the app left open past midnight
    /// moves to the new day. None keeps the day it was opened on (`show` and most tests);
    /// `run` sets the real one, which `BACKTRACK_TODAY` pins to its day.
    pub clock: Option<Clock>,
    pub theme: Theme,
    pub screen: Screen,
    /// What has the keys: the screen, or the form, view, help or question over it.
    pub mode: Mode,
    pub status: Option<Status>,
    /// Today's check-in, for the red-flag banner on every screen.
    pub today_checkin: Option<Checkin>,
    pub dashboard: Option<TodayData>,
    pub pain: PainState,
    pub training: TrainingState,
    pub meds: MedsState,
    pub trends: TrendsState,
    pub timeline: TimelineState,
    /// The Week screen: the week holding today beside the week before.
    pub week: Option<crate::views::week::WeekView>,
    /// The dashboard's PSFS prompt when a rating is due.
    pub psfs_due: Option<String>,
    /// The return plan's week under way (SPEC §14): "this week 1.4 of 2.2 h planned".
    pub plan_week: Option<String>,
    /// The selected row of each screen, by `Screen::index`.
    pub sel: [usize; Screen::ALL.len()],
    /// What `u` can take back, newest last; each step belongs to the screen it was done on.
    pub(super) undo: Vec<UndoStep>,
    /// What `U` / Ctrl-R can do again, newest last.
    pub(super) redo: Vec<UndoStep>,
    /// The last words `/` looked for, offered again so `/` Enter finds the next.
    pub search: String,
    pub should_quit: bool,
    /// The terminal's width and height, from `Action::Resize`.
    pub size: (u16, u16),
    /// An import the prompt asked for, handed to the event loop as `Effect::Import`.
    pub(super) pending_import: Option<super::forms::ImportJob>,
    /// The folder `w` on Trends writes the report to: the current one unless a test sets it.
    pub report_dir: std::path::PathBuf,
}

impl App {
    /// The app on `screen` with that screen's data loaded (a load error shows in the status).
    pub fn new(repo: Repo, today: NaiveDate, theme: Theme, screen: Screen) -> App {
        let mut app = App {
            repo,
            today,
            time_of_day: None,
            clock: None,
            theme,
            screen,
            mode: Mode::Screen,
            status: None,
            today_checkin: None,
            dashboard: None,
            pain: PainState::default(),
            training: TrainingState::default(),
            meds: MedsState::default(),
            trends: TrendsState::default(),
            timeline: TimelineState {
                data: None,
                to: today,
            },
            week: None,
            psfs_due: None,
            plan_week: None,
            sel: [0; Screen::ALL.len()],
            undo: Vec::new(),
            redo: Vec::new(),
            search: String::new(),
            should_quit: false,
            size: (80, 24),
            pending_import: None,
            report_dir: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        };
        // Whoever opens the app, it draws in the journal's units from the first frame.
        match crate::ops::settings::units(&app.repo) {
            Ok(u) => crate::domain::text::set_units(u),
            Err(e) => app.error(format!("reading the units setting failed: {e}")),
        }
        app.refresh();
        app
    }

    pub fn red_flags_today(&self) -> bool {
        self.today_checkin
            .as_ref()
            .is_some_and(|c| !c.red_flags.is_empty())
    }

    /// Below the minimum size the screen shows only a message, so keys must not act unseen.
    pub fn too_small(&self) -> bool {
        let (w, h) = self.size;
        w < super::screens::MIN_WIDTH || h < super::screens::MIN_HEIGHT
    }

    pub fn key_context(&self) -> KeyContext {
        match &self.mode {
            Mode::Confirm { .. } => KeyContext::Confirm,
            _ if self.too_small() => KeyContext::TooSmall,
            Mode::Help { .. } | Mode::ImportSummary(_) => KeyContext::Help,
            Mode::Checkin { form, .. } => KeyContext::Form(form.focus.kind()),
            Mode::Entry { form, .. } => KeyContext::Form(form.entry.kind()),
            Mode::Trash(_) => KeyContext::Trash,
            Mode::Scores(_) => KeyContext::Scores,
            Mode::Screen => KeyContext::Screen(self.screen),
        }
    }

    /// One key press: through the keymap, then `update`.
    pub fn handle_key(&mut self, key: ratatui::crossterm::event::KeyEvent) -> Effect {
        match keymap::map(key, self.key_context()) {
            Some(a) => self.update(a),
            None => Effect::None,
        }
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    pub fn update(&mut self, action: Action) -> Effect {
        super::update::update(self, action)
    }
}
