//! What each screen has loaded, and where its selection is: the clock's day followed,
//! everything reloaded after a write or a new day, one screen's window loaded when shown,
//! and the selection moved within it (the Pain log by days, loading older ones as needed).

use chrono::{Duration, NaiveDate};

use super::App;
use crate::tui::action::Screen;
use crate::views::journal;
use crate::views::{insights, logs};

impl App {
    /// Reads the clock: when its date is no longer `today` (midnight passed with the app
    /// open), the app moves to the new day and reloads, so a dose taken at 00:30 lands on
    /// the new day and counts toward its max. True when the day changed.
    pub(in crate::tui) fn follow_clock(&mut self) -> bool {
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
    pub(in crate::tui) fn refresh(&mut self) {
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
    pub(in crate::tui) fn ensure_loaded(&mut self) {
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
                .map_or(0, |v| crate::tui::screens::trends::all_sentences(v).len()),
            Screen::Timeline => self.timeline.data.as_ref().map_or(0, |t| t.events.len()),
            Screen::Week => 0,
        }
    }

    /// The day selected in the pain log (row 0 is today).
    pub fn pain_selected(&self) -> NaiveDate {
        self.today - Duration::days(self.sel[Screen::Pain.index()] as i64)
    }

    /// Selects `date` in the pain log, loading older days when it is beyond the window.
    pub(in crate::tui) fn select_day(&mut self, date: NaiveDate) {
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

    /// Moves the current screen's selection by `d` rows, clamped.
    pub(in crate::tui) fn move_sel(&mut self, d: i64) {
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
