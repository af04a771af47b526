//! Saving the forms besides the check-in through the repo: the input stays open with the field
//! at fault focused on any error, and a dose over the daily max asks first (SPEC §4.4).

use super::app::{App, Confirm, Pending};
use super::forms::{self, EntryForm, FormKind};
use crate::domain::InputError;
use crate::domain::records::Dose;
use crate::repo::Kind;

impl App {
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
                let kept = if f.is_some() {
                    " (your input is kept)"
                } else {
                    ""
                };
                if let Some(mut f) = f {
                    f.entry.focus_key(&e.field);
                    self.entry = Some(f);
                }
                self.error(format!("Not saved{kept}: {e}"));
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
                let undo = match editing {
                    Some(_) => String::new(),
                    None => self.created(Kind::Activity, a.id),
                };
                Ok(Some(crate::cli::activity_line(verb, &a) + &undo))
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
                let undo = match editing {
                    Some(_) => String::new(),
                    None => self.created(Kind::Rehab, s.id),
                };
                Ok(Some(format!(
                    "Saved rehab session r{} on {}: {} exercises{undo}",
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
                let undo = match editing {
                    Some(_) => String::new(),
                    None => self.created(Kind::Medication, m.id),
                };
                Ok(Some(format!(
                    "Saved medication m{}: {} ({}){undo}",
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
                let undo = match editing {
                    Some(_) => String::new(),
                    None => self.created(Kind::Event, ev.id),
                };
                Ok(Some(format!(
                    "Saved event e{}: {} on {}: {}{undo}",
                    ev.id, ev.kind, ev.date, ev.title
                )))
            }
            FormKind::Programme { .. } => {
                let args = forms::programme_args(e)?;
                let (mut p, specs) = crate::cli::programme_draft(&args, today)?;
                p.items =
                    crate::cli::programme_items(&self.repo, specs).map_err(|e| match e
                        .downcast::<InputError>()
                    {
                        Ok(i) => InputError::new("exercises", i.message),
                        Err(e) => InputError::new("journal", e.to_string()),
                    })?;
                let p = self.repo.add_programme(&p).map_err(repo_err)?;
                let undo = self.created(Kind::Programme, p.id);
                Ok(Some(format!(
                    "Saved programme p{}: {} from {}, {} exercises, {} a week{undo}",
                    p.id,
                    p.name,
                    p.active_from,
                    p.items.len(),
                    p.target_per_week
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
            FormKind::Import => {
                let job = forms::import_job(e)?;
                let n = job.files.len();
                self.pending_import = Some(job);
                Ok(Some(format!("Importing {n} files…")))
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
        let undo = self.created(Kind::Dose, saved.id);
        Ok(Some(format!(
            "Saved dose d{}: {} {u} {} at {}; total that day {after} {u}{undo}",
            saved.id,
            saved.amount,
            saved.medication,
            saved.taken_at.format("%H:%M")
        )))
    }
}
