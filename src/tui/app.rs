//! The app's state and `update`, the only place it changes. State is plain data; the repo is
//! asked for each screen's visible window when that screen is shown or after a write.

use chrono::{Duration, NaiveDate};

use super::action::{Action, Effect, Screen};
use super::forms::checkin::{CheckinForm, Field};
use super::keymap::{self, KeyContext};
use super::theme::Theme;
use crate::domain::records::{Checkin, Dose};
use crate::repo::{Kind, RecordId, Repo};

mod dose;
pub(super) mod entry;
mod import;
mod meds;
mod mode;
mod plausible;
mod report;
mod save;
mod scores;
mod screens;
mod search;
mod undo;

use crate::views::insights;
use crate::views::journal::{self, TodayData};
use crate::views::logs;
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

    /// Reads the clock: when its date is no longer `today` (midnight passed with the app
    /// open), the app moves to the new day and reloads, so a dose taken at 00:30 lands on
    /// the new day and counts toward its max. True when the day changed.
    pub(super) fn follow_clock(&mut self) -> bool {
        let Some(now) = self.clock.as_ref().map(|c| c()) else {
            return false;
        };
        let day = now.date();
        if day == self.today {
            return false;
        }
        // A timeline showing "up to today" keeps doing so; one jumped to a date stays there.
        if self.timeline.to == self.today {
            self.timeline.to = day;
        }
        self.today = day;
        self.refresh();
        true
    }

    /// Reloads today's check-in and the current screen after a write (other screens reload
    /// when next shown).
    pub(super) fn refresh(&mut self) {
        self.dashboard = None;
        self.pain.log = None;
        self.pain.map = None;
        self.training.rows = None;
        self.training.rehab = None;
        self.meds.data = None;
        self.trends.data = None;
        self.trends.seen.clear();
        self.timeline.data = None;
        self.week = None;
        match journal::load_today_checkin(&self.repo, self.today) {
            Ok(c) => self.today_checkin = c,
            Err(e) => self.error(format!("loading today's check-in failed: {e}")),
        }
        match logs::psfs_due(&self.repo, self.today) {
            Ok(p) => self.psfs_due = p,
            Err(e) => self.error(format!("loading PSFS failed: {e}")),
        }
        match crate::views::plan::load_plan(&mut self.repo, self.today) {
            Ok(p) => self.plan_week = p.and_then(|p| p.this_week_text()),
            Err(e) => self.error(format!("loading the plan failed: {e}")),
        }
        if self.scores().is_some() {
            self.load_scores();
        }
        self.ensure_loaded();
    }

    /// Loads the current screen's window if it is not loaded yet.
    pub(super) fn ensure_loaded(&mut self) {
        let (repo, t) = (&mut self.repo, self.today);
        let res = match self.screen {
            Screen::Today if self.dashboard.is_none() => {
                insights::load_dashboard(repo, t).map(|d| self.dashboard = Some(d))
            }
            Screen::Pain if self.pain.calendar() && self.pain.map.is_none() => {
                journal::load_pain_map(repo, t).map(|d| self.pain.map = Some(d))
            }
            Screen::Pain if self.pain.log.is_none() => {
                journal::load_pain_log(repo, t, self.pain.days).map(|d| self.pain.log = Some(d))
            }
            Screen::Training if self.training.rows.is_none() || self.training.rehab.is_none() => {
                journal::load_training(repo, t)
                    .map(|d| self.training.rows = Some(d))
                    .and_then(|_| logs::load_rehab(repo, t).map(|d| self.training.rehab = Some(d)))
            }
            Screen::Meds if self.meds.data.is_none() => {
                logs::load_meds(repo, t).map(|d| self.meds.data = Some(d))
            }
            Screen::Trends if self.trends.data.is_none() => {
                insights::load_trends(repo, t, self.trends.range)
                    .map(|d| self.trends.data = Some(d))
            }
            Screen::Timeline if self.timeline.data.is_none() => {
                logs::load_timeline(repo, t, self.timeline.to).map(|d| self.timeline.data = Some(d))
            }
            Screen::Week if self.week.is_none() => {
                crate::views::plan::load_week_with_plan(repo, t, t).map(|d| self.week = Some(d))
            }
            _ => Ok(()),
        };
        if let Err(e) = res {
            self.error(format!("loading {} failed: {e}", self.screen.title()));
        }
    }

    /// Rows the current screen's list has, for moving the selection.
    pub fn rows(&self) -> usize {
        match self.screen {
            Screen::Today => 0,
            Screen::Pain => self.pain.log.as_ref().map_or(0, |p| p.days.len()),
            Screen::Training if self.training.rehab_view() => 0,
            Screen::Training => self.training_rows().len(),
            Screen::Meds if self.meds.doses_view() => self.recent_doses().len(),
            Screen::Meds => self.meds.data.as_ref().map_or(0, |m| m.catalogue.len()),
            Screen::Trends => self
                .trends
                .data
                .as_ref()
                .map_or(0, |v| super::screens::trends::all_sentences(v).len()),
            Screen::Timeline => self.timeline.data.as_ref().map_or(0, |t| t.events.len()),
            Screen::Week => 0,
        }
    }

    /// The day selected in the pain log (row 0 is today).
    pub fn pain_selected(&self) -> NaiveDate {
        self.today - Duration::days(self.sel[Screen::Pain.index()] as i64)
    }

    /// Selects `date` in the pain log, loading older days when it is beyond the window.
    pub(super) fn select_day(&mut self, date: NaiveDate) {
        let mut date = date.min(self.today);
        if self.pain.calendar() {
            // The heat-map holds the whole history: no loading, and nothing before day one.
            let first = self.pain.map.as_ref().and_then(|m| m.first);
            date = date.max(first.unwrap_or(self.today));
            self.sel[Screen::Pain.index()] = (self.today - date).num_days() as usize;
            return;
        }
        let back = (self.today - date).num_days();
        if back + 1 > self.pain.days {
            self.pain.days = (back + 1).div_euclid(journal::PAIN_BATCH) * journal::PAIN_BATCH
                + journal::PAIN_BATCH;
            self.pain.log = None;
            self.ensure_loaded();
        }
        self.sel[Screen::Pain.index()] = back as usize;
    }

    /// Opens the check-in form for `date`, pre-filled when that day has a check-in.
    pub(super) fn open_form(&mut self, date: NaiveDate) {
        let existing = match self.repo.checkin_on(date) {
            Ok(c) => c,
            Err(e) => return self.error(format!("reading the check-in of {date} failed: {e}")),
        };
        let history = self
            .repo
            .tag_counts()
            .map(|v| v.into_iter().map(|(t, _)| t).collect())
            .unwrap_or_default();
        self.open_checkin(CheckinForm::new(date, existing, history));
    }

    /// Validates and stores the form. On any error the form stays open with its input.
    pub(super) fn save_form(&mut self) {
        let Some(form) = self.form() else { return };
        let (checkin, lifted) = match form.to_checkin() {
            Ok(mut c) => {
                // The worst pre-filled from the stored check-in, left as it was, is raised
                // with a higher pain, as `backtrack checkin` does; a worst typed is checked.
                let stored = form.existing.as_ref().and_then(|s| s.worst_pain);
                let typed = form.existing.is_none() || form.worst != stored;
                let lifted = crate::ops::checkin::lift_worst(&mut c, typed);
                (c, lifted)
            }
            Err(e) => {
                let focus = match e.field.as_str() {
                    "pain" => Some(Field::Pain),
                    "sleep_hours" => Some(Field::Sleep),
                    "sitting_hours" => Some(Field::Sitting),
                    "tag" => Some(Field::Tags),
                    _ => None,
                };
                if let (Some(f), Some(form)) = (focus, self.form_mut()) {
                    form.focus(f);
                }
                return self.error(format!("Not saved: {e}"));
            }
        };
        let edited = form
            .existing
            .as_ref()
            .map(|c| RecordId::new(Kind::Checkin, c.id));
        let before = edited.map(|rid| self.before_edit(rid));
        match crate::ops::checkin::save(&mut self.repo, &checkin) {
            Ok(done) => {
                self.close_form();
                let flag = if done.record.red_flags.is_empty() {
                    ""
                } else {
                    " · RED FLAG: seek urgent medical care today"
                };
                // u takes back a new day's check-in, or puts an edited one back as it was.
                let undo = match edited {
                    Some(rid) => self.edited(rid, before.flatten()),
                    None => self.created(Kind::Checkin, done.record.id),
                };
                self.refresh();
                self.info(format!("{}{lifted}{flag}{undo}", done.summary));
            }
            Err(e) => self.error(format!("Not saved (your input is kept): {e}")),
        }
    }

    /// Moves the current screen's selection by `d` rows, clamped.
    pub(super) fn move_sel(&mut self, d: i64) {
        if self.screen == Screen::Pain {
            let date = if self.pain.calendar() {
                add_months(self.pain_selected(), -d)
            } else {
                self.pain_selected() - Duration::days(d)
            };
            return self.select_day(date);
        }
        let n = self.rows();
        let i = &mut self.sel[self.screen.index()];
        *i = (*i as i64 + d).clamp(0, n.saturating_sub(1) as i64) as usize;
    }

    pub fn update(&mut self, action: Action) -> Effect {
        super::update::update(self, action)
    }
}

/// The same day of the month `n` months later (clamped to the month's end).
pub fn add_months(d: NaiveDate, n: i64) -> NaiveDate {
    use chrono::Datelike;
    let total = d.year() as i64 * 12 + d.month0() as i64 + n;
    let (y, m) = (total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1);
    (1..=d.day())
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(y, m, day))
        .unwrap_or(d)
}
