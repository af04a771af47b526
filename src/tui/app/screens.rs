//! Each screen's own state: what it has loaded, which of its views is shown, and its
//! settings (the Pain log's window, the Training filter, the Trends range). `refresh` drops
//! the loaded data after a write; the view and the settings stay as the user left them.

use chrono::NaiveDate;

use crate::views::insights::{Range, TrendsData};
use crate::views::journal::{self, PainLog, PainMap, TrainingRow};
use crate::views::logs::{MedsData, RehabData, TimelineData};

/// A view of a screen that `v` switches: the screen's list, or its other view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    List,
    /// Pain: the calendar heat-map; Training: the rehab programmes and library;
    /// Medications: the doses of the last 30 days (newest first), to select one.
    Other,
}

impl View {
    pub fn toggled(self) -> View {
        match self {
            View::List => View::Other,
            View::Other => View::List,
        }
    }
}

#[derive(Debug)]
pub struct PainState {
    pub log: Option<PainLog>,
    /// How many days the log has loaded; grows as the user scrolls back.
    pub days: i64,
    /// `Other` is the calendar.
    pub view: View,
    /// The whole history's pain for the calendar heat-map, loaded when the calendar is shown.
    pub map: Option<PainMap>,
}

impl Default for PainState {
    fn default() -> PainState {
        PainState {
            log: None,
            days: journal::PAIN_BATCH,
            view: View::List,
            map: None,
        }
    }
}

impl PainState {
    pub fn calendar(&self) -> bool {
        self.view == View::Other
    }
}

#[derive(Debug, Default)]
pub struct TrainingState {
    pub rows: Option<Vec<TrainingRow>>,
    /// Index into `TRAINING_FILTERS`: which kind the list shows.
    pub filter: usize,
    /// `Other` shows the rehab programmes and library instead of the list.
    pub view: View,
    pub rehab: Option<RehabData>,
}

impl TrainingState {
    pub fn rehab_view(&self) -> bool {
        self.view == View::Other
    }
}

#[derive(Debug, Default)]
pub struct MedsState {
    pub data: Option<MedsData>,
    /// `Other` lists the doses of the last 30 days instead of the catalogue (`v`).
    pub view: View,
}

impl MedsState {
    pub fn doses_view(&self) -> bool {
        self.view == View::Other
    }
}

#[derive(Debug, Default)]
pub struct TrendsState {
    pub data: Option<TrendsData>,
    /// Ranges already loaded since the last write, so `[`/`]` back and forth only redraws.
    pub seen: Vec<TrendsData>,
    /// The range shown (`[` / `]`).
    pub range: Range,
}

#[derive(Debug)]
pub struct TimelineState {
    pub data: Option<TimelineData>,
    /// The last day of the history window (today unless jumped).
    pub to: NaiveDate,
}
