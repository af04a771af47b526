//! The app's side of the forms besides the check-in: opening each one pre-filled, saving it
//! through the repo (the input stays on any error), the dose max confirmation, and which
//! record the current screen's selection is (for Enter, `d` and `u`).

use super::action::Screen;
use super::app::{App, Confirm, Pending};
use super::data::TrainingRow;
use super::forms::{self, EntryForm, FormKind};
use crate::domain::InputError;
use crate::domain::clock;
use crate::domain::records::{Dose, Medication};
use crate::domain::vocab::ActivityKind;
use crate::repo::{Kind, RecordId};

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
        let f = training_filter(self.training_filter);
        self.training
            .iter()
            .flatten()
            .filter(|r| match r {
                _ if f == "all" => true,
                TrainingRow::Activity(a) => a.kind.as_str() == f,
                TrainingRow::Rehab(_) => f == "rehab",
            })
            .collect()
    }

    pub(super) fn cycle_filter(&mut self) {
        self.training_filter = (self.training_filter + 1) % (ActivityKind::ALL.len() + 1);
        self.sel[Screen::Training.index()] = 0;
        let f = training_filter(self.training_filter);
        self.info(format!("Showing: {f} (f cycles)"));
    }

    /// Now, on the app's day (which `BACKTRACK_TODAY` or a test may fix).
    fn now(&self) -> chrono::NaiveDateTime {
        self.today.and_time(clock::now_local().time())
    }

    /// `v` on Training; a fresh journal's library is seeded here, the first look at rehab.
    pub(super) fn toggle_rehab_view(&mut self) {
        self.rehab_view = !self.rehab_view;
        if self.rehab_view {
            if let Err(e) = self.repo.ensure_exercise_library() {
                return self.error(format!("preparing the exercise library failed: {e}"));
            }
            self.rehab = None;
            self.ensure_loaded();
        }
    }

    /// The record under the current screen's selection.
    pub fn selected_record(&self) -> Option<RecordId> {
        let i = self.sel[self.screen.index()];
        match self.screen {
            Screen::Pain => {
                let date = self.pain_selected();
                let log = self.pain_log.as_ref()?;
                let (_, c) = log.days.iter().find(|(d, _)| *d == date)?;
                c.as_ref().map(|c| RecordId::new(Kind::Checkin, c.id))
            }
            Screen::Training if !self.rehab_view => self.training_rows().get(i).map(|r| match r {
                TrainingRow::Activity(a) => RecordId::new(Kind::Activity, a.id),
                TrainingRow::Rehab(s) => RecordId::new(Kind::Rehab, s.id),
            }),
            Screen::Meds => {
                let m = self.meds.as_ref()?.catalogue.get(i)?;
                Some(RecordId::new(Kind::Medication, m.id))
            }
            Screen::Timeline => {
                let e = self.timeline.as_ref()?.events.get(i)?;
                Some(RecordId::new(Kind::Event, e.id))
            }
            _ => None,
        }
    }

    pub(super) fn clamp_sel(&mut self) {
        if self.screen != Screen::Pain {
            let n = self.rows();
            let i = &mut self.sel[self.screen.index()];
            *i = (*i).min(n.saturating_sub(1));
        }
    }

    fn open(&mut self, form: EntryForm) {
        self.entry = Some(form);
    }

    /// Enter on a list: the selected entry's form (the pain log opens its check-in).
    pub(super) fn open_selected(&mut self) {
        if self.screen == Screen::Pain {
            return self.open_form(self.pain_selected());
        }
        let Some(rid) = self.selected_record() else {
            return self.info("Nothing selected");
        };
        let r = &self.repo;
        let res = match rid.kind {
            Kind::Activity => r
                .activity_by_id(rid.id)
                .map(|a| a.map(|a| forms::activity_form(Some(a), self.settings()))),
            Kind::Rehab => r
                .rehab_session_by_id(rid.id)
                .map(|s| s.map(|s| forms::rehab_form(None, &[], Some(s), self.today))),
            Kind::Medication => r
                .medication_by_id(rid.id)
                .map(|m| m.map(|m| forms::medication_form(Some(m)))),
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

    pub(super) fn open_activity(&mut self) {
        self.open(forms::activity_form(None, self.settings()));
    }

    pub(super) fn open_rehab(&mut self) {
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

    pub(super) fn open_dose(&mut self) {
        match self.repo.medications() {
            Ok(m) if m.is_empty() => self.info(
                "No medications yet: add one on the Medications screen (4, then n) or with `backtrack med add`",
            ),
            Ok(m) => self.open(forms::pick_form(m)),
            Err(e) => self.error(format!("loading medications failed: {e}")),
        }
    }

    fn open_dose_for(&mut self, med: Medication) {
        match self.repo.day_total(med.id, self.today) {
            Ok(t) => self.open(forms::dose_form(med, t)),
            Err(e) => self.error(format!("reading today's total failed: {e}")),
        }
    }

    pub(super) fn open_event(&mut self) {
        self.open(forms::event_form(None));
    }

    pub(super) fn open_psfs(&mut self) {
        match self.repo.psfs_items() {
            Ok(items) => self.open(forms::psfs_form(items, self.today)),
            Err(e) => self.error(format!("loading PSFS failed: {e}")),
        }
    }

    pub(super) fn open_medication(&mut self) {
        self.open(forms::medication_form(None));
    }

    pub(super) fn jump_prompt(&mut self) {
        self.open(forms::jump_form());
    }

    /// `t`: the selected medication's usual dose now, through the same max check as a form.
    pub(super) fn take_selected(&mut self) {
        let Some(m) = self
            .meds
            .as_ref()
            .and_then(|m| m.catalogue.get(self.sel[Screen::Meds.index()]).cloned())
        else {
            return self.info("No medication selected");
        };
        let form = forms::dose_form(m.clone(), 0.0);
        let result = forms::dose_record(&form.entry, &m, self.today, self.now())
            .and_then(|d| self.store_dose(d, false));
        self.finish(None, result);
    }

    /// Validates and stores the open form; on any error it stays open with its input.
    pub(super) fn save_entry(&mut self) {
        let Some(f) = self.entry.take() else { return };
        let result = self.store_entry(&f);
        self.finish(Some(f), result);
    }

    /// Closes the form with the message after a write; keeps it (with the status error)
    /// otherwise. Ok(None): another step follows (the dose form, or the max question, which
    /// keeps the form behind it).
    pub(super) fn finish(
        &mut self,
        f: Option<EntryForm>,
        result: Result<Option<String>, InputError>,
    ) {
        match result {
            Ok(Some(msg)) => {
                self.entry = None;
                self.refresh();
                self.info(msg);
            }
            Ok(None) => {
                if self.entry.is_none() {
                    self.entry = f;
                }
            }
            Err(e) => {
                if let Some(mut f) = f {
                    f.entry.focus_key(&e.field);
                    self.entry = Some(f);
                }
                self.error(format!("Not saved (your input is kept): {e}"));
            }
        }
    }

    /// Stores one form's record; Ok(Some(message)) when done, Ok(None) when another step
    /// follows, Err with the field at fault.
    fn store_entry(&mut self, f: &EntryForm) -> Result<Option<String>, InputError> {
        let (e, today) = (&f.entry, self.today);
        let repo_err = |e: crate::repo::RepoError| InputError::new("journal", e.to_string());
        match &f.kind {
            FormKind::Activity { editing, settings } => {
                let a = forms::activity_record(e, editing.as_ref(), settings, today)?;
                let (verb, a) = match editing {
                    Some(_) => (
                        "Updated",
                        self.repo.update_activity(&a).map(|_| a).map_err(repo_err)?,
                    ),
                    None => ("Saved", self.repo.add_activity(&a).map_err(repo_err)?),
                };
                Ok(Some(crate::cli::activity_line(verb, &a)))
            }
            FormKind::Rehab {
                programme,
                exercises,
                editing,
            } => {
                let s =
                    forms::rehab_record(e, programme.as_ref(), exercises, editing.as_ref(), today)?;
                let s = match editing {
                    Some(_) => self.repo.update_rehab_session(&s).map(|_| s),
                    None => self.repo.add_rehab_session(&s),
                }
                .map_err(repo_err)?;
                Ok(Some(format!(
                    "Saved rehab session r{} on {}: {} exercises",
                    s.id,
                    s.date,
                    s.items.len()
                )))
            }
            FormKind::Medication { editing } => {
                let m = forms::medication_record(e, editing.as_ref(), today)?;
                let m = match editing {
                    Some(_) => self.repo.update_medication(&m).map(|_| m),
                    None => self.repo.add_medication(&m),
                }
                .map_err(repo_err)?;
                Ok(Some(format!(
                    "Saved medication m{}: {} ({})",
                    m.id, m.name, m.class
                )))
            }
            FormKind::PickMed { meds, pick } => {
                let list = forms::filtered(meds, &e.text("filter"));
                let m = list.get(*pick).map(|m| (*m).clone()).ok_or_else(|| {
                    let names: Vec<&str> = meds.iter().map(|m| m.name.as_str()).collect();
                    InputError::new(
                        "filter",
                        format!("no medication matches; allowed: {}", names.join(", ")),
                    )
                })?;
                self.open_dose_for(m);
                Ok(None)
            }
            FormKind::Dose { med, .. } => {
                let d = forms::dose_record(e, med, today, self.now())?;
                self.store_dose(d, false)
            }
            FormKind::Event { editing } => {
                let ev = forms::event_record(e, editing.as_ref(), today)?;
                let ev = match editing {
                    Some(_) => self.repo.update_event(&ev).map(|_| ev),
                    None => self.repo.add_event(&ev),
                }
                .map_err(repo_err)?;
                Ok(Some(format!(
                    "Saved event e{}: {} on {}: {}",
                    ev.id, ev.kind, ev.date, ev.title
                )))
            }
            FormKind::Psfs { items } => {
                let scores = forms::psfs_scores(e, items)?;
                for (name, score) in &scores {
                    self.repo
                        .psfs_rate(name, today, *score)
                        .map_err(|e| match e {
                            crate::repo::RepoError::Input(i) => i,
                            e => repo_err(e),
                        })?;
                }
                Ok(Some(format!(
                    "Saved {} PSFS ratings for {today}",
                    scores.len()
                )))
            }
            FormKind::JumpDate => {
                let date = match e.opt("date") {
                    Some(t) => crate::domain::parse::parse_date("date", &t, today)?,
                    None => today,
                };
                self.timeline_to = date;
                Ok(Some(format!("Timeline history up to {date}")))
            }
        }
    }

    /// Stores a dose, or asks first when it takes the day over the max (Ok(None): nothing is
    /// stored unless the answer is yes).
    pub(super) fn store_dose(
        &mut self,
        d: Dose,
        confirmed: bool,
    ) -> Result<Option<String>, InputError> {
        let repo_err = |e: crate::repo::RepoError| InputError::new("journal", e.to_string());
        let med = self
            .repo
            .medication_by_id(d.medication_id)
            .map_err(repo_err)?;
        let before = self
            .repo
            .day_total(d.medication_id, d.taken_at.date())
            .map_err(repo_err)?;
        let after = before + d.amount;
        let u = d.unit.clone();
        if let Some(max) = med.and_then(|m| m.max_daily)
            && after > max + 1e-9
            && !confirmed
        {
            self.confirm = Some(Confirm {
                question: format!(
                    "{}: {} {u} makes {after} {u} on {}, over your max {max}. Take it? (y/n)",
                    d.medication,
                    d.amount,
                    d.taken_at.format("%-d %b")
                ),
                on_yes: Pending::OverMax(d),
            });
            return Ok(None);
        }
        let saved = self.repo.add_dose(&d).map_err(repo_err)?;
        Ok(Some(format!(
            "Saved dose d{}: {} {u} {} at {}; total that day {after} {u}",
            saved.id,
            saved.amount,
            saved.medication,
            saved.taken_at.format("%H:%M")
        )))
    }
}
