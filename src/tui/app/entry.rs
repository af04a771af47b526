//! The app's side of the forms besides the check-in: opening each one pre-filled, the Training
//! filter and rehab view, and which record the current screen's selection is (for Enter, `d`
//! and `u`). Saving is in `save`.

use super::App;
use crate::domain::clock;
use crate::domain::records::Medication;
use crate::domain::vocab::ActivityKind;
use crate::repo::{Kind, RecordId};
use crate::tui::action::Screen;
use crate::tui::forms;
use crate::views::journal::TrainingRow;

/// The Training filter's name at `i`: "all", then every activity kind ("rehab" also shows
/// rehab sessions).
pub fn training_filter(i: usize) -> &'static str {
    match i {
        0 => "all",
        i => ActivityKind::ALL.get(i - 1).map_or("all", |k| k.as_str()),
    }
}

impl App {
    /// The Training rows the filter lets through.
    pub fn training_rows(&self) -> Vec<&TrainingRow> {
        let f = training_filter(self.training.filter);
        self.training
            .rows
            .iter()
            .flatten()
            .filter(|r| match r {
                _ if f == "all" => true,
                TrainingRow::Activity(a) => a.kind.as_str() == f,
                TrainingRow::Rehab(_) => f == "rehab",
            })
            .collect()
    }

    pub(in crate::tui) fn cycle_filter(&mut self) {
        self.training.filter = (self.training.filter + 1) % (ActivityKind::ALL.len() + 1);
        self.sel[Screen::Training.index()] = 0;
        let f = training_filter(self.training.filter);
        self.info(format!("Showing: {f} (f cycles)"));
    }

    /// Now, on the app's day (which `BACKTRACK_TODAY` or a test may fix; `update` has
    /// already moved it to the clock's).
    pub(in crate::tui) fn now(&self) -> chrono::NaiveDateTime {
        let time = self.time_of_day.unwrap_or_else(|| match &self.clock {
            Some(c) => c().time(),
            None => clock::now_local().time(),
        });
        self.today.and_time(time)
    }

    /// `v` on Training; a fresh journal's library is seeded here, the first look at rehab.
    pub(in crate::tui) fn toggle_rehab_view(&mut self) {
        self.training.view = self.training.view.toggled();
        if self.training.rehab_view() {
            if let Err(e) = self.repo.ensure_exercise_library() {
                return self.error(format!("preparing the exercise library failed: {e}"));
            }
            self.training.rehab = None;
            self.ensure_loaded();
        }
    }

    /// The record under the current screen's selection.
    pub fn selected_record(&self) -> Option<RecordId> {
        let i = self.sel[self.screen.index()];
        match self.screen {
            Screen::Pain => {
                let date = self.pain_selected();
                let loaded = self.pain.log.as_ref().and_then(|log| {
                    log.days
                        .iter()
                        .find(|(d, _)| *d == date)
                        .map(|(_, c)| c.clone())
                });
                // A day the calendar chose beyond the loaded list is read on its own.
                let c = match loaded {
                    Some(c) => c,
                    None => self.repo.checkin_on(date).ok().flatten(),
                };
                c.map(|c| RecordId::new(Kind::Checkin, c.id))
            }
            Screen::Training if !self.training.rehab_view() => {
                self.training_rows().get(i).map(|r| match r {
                    TrainingRow::Activity(a) => RecordId::new(Kind::Activity, a.id),
                    TrainingRow::Rehab(s) => RecordId::new(Kind::Rehab, s.id),
                })
            }
            Screen::Meds if self.meds.doses_view() => {
                let d = self.recent_doses().into_iter().nth(i)?;
                Some(RecordId::new(Kind::Dose, d.id))
            }
            Screen::Meds => {
                let m = self.meds.data.as_ref()?.catalogue.get(i)?;
                Some(RecordId::new(Kind::Medication, m.id))
            }
            Screen::Timeline => {
                let e = self.timeline.data.as_ref()?.events.get(i)?;
                Some(RecordId::new(Kind::Event, e.id))
            }
            _ => None,
        }
    }

    pub(in crate::tui) fn clamp_sel(&mut self) {
        if self.screen != Screen::Pain {
            let n = self.rows();
            let i = &mut self.sel[self.screen.index()];
            *i = (*i).min(n.saturating_sub(1));
        }
    }

    /// Enter on a list: the selected entry's form (the pain log opens its check-in).
    pub(in crate::tui) fn open_selected(&mut self) {
        if self.screen == Screen::Pain {
            return self.open_form(self.pain_selected());
        }
        let Some(rid) = self.selected_record() else {
            return self.info("Nothing selected");
        };
        let r = &self.repo;
        let res = match rid.kind {
            Kind::Activity => r.activity_by_id(rid.id).map(|a| {
                a.map(|a| forms::activity_form(Some(a), self.settings(), self.own_kinds()))
            }),
            Kind::Rehab => r
                .rehab_session_by_id(rid.id)
                .map(|s| s.map(|s| forms::rehab_form(None, &[], Some(s), self.today))),
            Kind::Medication => r
                .medication_by_id(rid.id)
                .map(|m| m.map(|m| forms::medication_form(Some(m)))),
            Kind::Dose => r.dose_by_id(rid.id).map(|d| d.map(forms::dose_edit_form)),
            Kind::Event => r
                .event_by_id(rid.id)
                .map(|e| e.map(|e| forms::event_form(Some(e)))),
            _ => Ok(None),
        };
        match res {
            Ok(Some(f)) => self.open(f),
            Ok(None) => self.info(format!("{rid} is no longer there")),
            Err(e) => self.error(format!("reading {rid} failed: {e}")),
        }
    }

    fn settings(&self) -> Vec<crate::domain::records::DatedSetting> {
        self.repo.dated_history().unwrap_or_default()
    }

    /// The journal's own activity kinds (`yoga`) for the form's choice; none on a failed read.
    fn own_kinds(&self) -> Vec<String> {
        self.repo.own_activity_kinds().unwrap_or_default()
    }

    /// `S`: the Settings form with the values in force today.
    pub(in crate::tui) fn open_settings(&mut self) {
        let plain: Result<Vec<(&'static str, String)>, _> = forms::plain_keys()
            .map(|k| self.repo.plain(k).map(|v| (k, v.unwrap_or_default())))
            .collect();
        match plain {
            Ok(plain) => {
                let form = forms::settings_form(&self.settings(), &plain, self.today);
                self.open(form);
            }
            Err(e) => self.error(format!("reading the settings failed: {e}")),
        }
    }

    pub(in crate::tui) fn open_activity(&mut self) {
        self.open(forms::activity_form(
            None,
            self.settings(),
            self.own_kinds(),
        ));
    }

    pub(in crate::tui) fn open_rehab(&mut self) {
        // A fresh journal gets the common exercises the first time rehab is used.
        if let Err(e) = self.repo.ensure_exercise_library() {
            return self.error(format!("preparing the exercise library failed: {e}"));
        }
        let active = self.repo.active_programmes(self.today);
        let library = self.repo.exercises();
        match (active, library) {
            (Ok(p), Ok(lib)) => {
                let f = forms::rehab_form(p.into_iter().next(), &lib, None, self.today);
                self.open(f)
            }
            (Err(e), _) | (_, Err(e)) => self.error(format!("loading rehab failed: {e}")),
        }
    }

    pub(in crate::tui) fn open_dose(&mut self) {
        match self.repo.medications() {
            Ok(m) if m.is_empty() => self.info(
                "No medications yet: add one on the Medications screen (4, then n) or with `backtrack med add`",
            ),
            Ok(m) => {
                // A missing "last dose" is a smaller loss than no picker.
                let last = crate::ops::meds_again::last_doses(&self.repo, &m, self.now())
                    .unwrap_or_default();
                self.open(forms::pick_form(m, last))
            }
            Err(e) => self.error(format!("loading medications failed: {e}")),
        }
    }

    pub(in crate::tui) fn open_dose_for(&mut self, med: Medication) {
        // The form's "of max" is the drug's, which the save checks against.
        match self.repo.drug_day(med.id, self.today) {
            Ok((t, max_daily)) => self.open(forms::dose_form(Medication { max_daily, ..med }, t)),
            Err(e) => self.error(format!("reading today's total failed: {e}")),
        }
    }

    pub(in crate::tui) fn open_event(&mut self) {
        self.open(forms::event_form(None));
    }

    pub(in crate::tui) fn open_psfs(&mut self) {
        match self.repo.psfs_items() {
            Ok(items) => self.open(forms::psfs_form(items, self.today)),
            Err(e) => self.error(format!("loading PSFS failed: {e}")),
        }
    }

    /// `o`: the outcome-score form, with each instrument's latest and what is due.
    pub(in crate::tui) fn open_score(&mut self) {
        let loaded = self
            .repo
            .scores()
            .and_then(|s| Ok((s, self.repo.schedules()?)));
        match loaded {
            Ok((scores, schedules)) => {
                let sums =
                    crate::analysis::scores::score_summaries(&scores, &schedules, self.today, None);
                self.open(forms::score_form(sums));
            }
            Err(e) => self.error(format!("loading the outcome scores failed: {e}")),
        }
    }

    pub(in crate::tui) fn open_programme(&mut self) {
        let lib = self
            .repo
            .ensure_exercise_library()
            .and_then(|_| self.repo.exercises());
        match lib {
            Ok(lib) => self.open(forms::programme_form(&lib)),
            Err(e) => self.error(format!("loading the exercise library failed: {e}")),
        }
    }

    pub(in crate::tui) fn open_medication(&mut self) {
        self.open(forms::medication_form(None));
    }

    pub(in crate::tui) fn jump_prompt(&mut self) {
        self.open(forms::jump_form());
    }

    /// `t`: the selected medication's usual dose now, through the same max check as a form.
    pub(in crate::tui) fn take_selected(&mut self) {
        if self.meds.doses_view() {
            return self.info("t takes from the catalogue: v shows it");
        }
        let Some(m) = self
            .meds
            .data
            .as_ref()
            .and_then(|m| m.catalogue.get(self.sel[Screen::Meds.index()]).cloned())
        else {
            return self.info("No medication selected");
        };
        let form = forms::dose_form(m.clone(), 0.0);
        let result = forms::dose_draft(&form.entry, &m)
            .map_err(Into::into)
            .and_then(|d| self.take_dose(&d));
        self.finish(result);
    }
}
