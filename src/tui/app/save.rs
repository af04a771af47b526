//! Saving the forms besides the check-in through `ops`, one function per kind of form: the
//! input stays open with the field at fault focused on any error; a figure that looks like a
//! typo asks first. The medication forms and doses are in `meds`.

use super::{App, Pending};
use crate::domain::InputError;
use crate::domain::records::Activity;
use crate::ops;
use crate::ops::error::OpsError;
use crate::repo::Kind;
use crate::tui::forms::fields::Entry;
use crate::tui::forms::{self, EntryForm, FormKind};

impl App {
    /// Validates and stores the open form; on any error it stays open with its input.
    pub(in crate::tui) fn save_entry(&mut self) {
        // A copy to store from: the open form stays in place behind a question it raises.
        let Some(f) = self.entry().cloned() else {
            return;
        };
        let before = f.edits().map(|rid| (rid, self.before_edit(rid)));
        let mut result = self.store_entry(&f);
        if let (Ok(Some(msg)), Some((rid, before))) = (&mut result, before) {
            msg.push_str(&self.edited(rid, before));
        }
        self.finish(result);
    }

    /// Closes the open form with the message after a write; keeps it (with the status error,
    /// at the field at fault) otherwise. Ok(None): another step follows (the dose form, or
    /// the max question, which keeps the form behind it).
    pub(in crate::tui) fn finish(&mut self, result: Result<Option<String>, OpsError>) {
        match result {
            Ok(Some(msg)) => {
                self.close_form();
                self.refresh();
                self.info(msg);
            }
            Ok(None) => {}
            Err(e) => {
                // A field at fault is named as the form says it and focused; a journal that
                // failed or takes no writes is said as it is (issue 25 item 7).
                let (kept, said) = match self.entry_mut() {
                    Some(f) => {
                        if let Some(field) = e.field() {
                            f.entry.focus_key(field);
                        }
                        let said = match &e {
                            OpsError::Input(i) => f.entry.describe(i),
                            _ => e.to_string(),
                        };
                        (" (your input is kept)", said)
                    }
                    None => ("", e.to_string()),
                };
                self.error(format!("Not saved{kept}: {said}"));
            }
        }
    }

    /// Stores one form's record through `ops`; Ok(Some(message)) when done, Ok(None) when
    /// another step follows, Err with the field at fault.
    fn store_entry(&mut self, f: &EntryForm) -> Result<Option<String>, OpsError> {
        let e = &f.entry;
        match &f.kind {
            FormKind::Activity {
                editing, confirmed, ..
            } => self.store_activity(e, editing.as_ref(), *confirmed),
            FormKind::Rehab {
                programme,
                exercises,
                editing,
            } => {
                let today = self.today;
                let s =
                    forms::rehab_record(e, programme.as_ref(), exercises, editing.as_ref(), today)?;
                let done = ops::rehab::save_session(&mut self.repo, &s).map_err(input)?;
                let new = editing.is_none().then_some(Kind::Rehab);
                Ok(Some(self.stored(new, done.record.id, done.summary)))
            }
            FormKind::Medication { editing } => self.store_medication(e, editing.as_ref()),
            FormKind::PickMed { meds, pick, .. } => self.pick_med(e, meds, *pick),
            FormKind::Dose { med, .. } => {
                let d = forms::dose_draft(e, med)?;
                self.take_dose(&d)
            }
            FormKind::DoseEdit { dose, confirmed } => {
                let draft = forms::dose_edit_draft(e, dose)?;
                self.edit_dose(dose, &draft, *confirmed)
            }
            FormKind::Event { editing } => {
                let (repo, today) = (&mut self.repo, self.today);
                let draft = forms::event_draft(e);
                let done = match editing {
                    Some(old) => ops::events::replace_event(repo, old, &draft, today),
                    None => ops::events::add_event(repo, &draft, today),
                }
                .map_err(input)?;
                let new = editing.is_none().then_some(Kind::Event);
                Ok(Some(self.stored(new, done.record.id, done.summary)))
            }
            FormKind::Programme { library } => self.store_programme(e, library),
            FormKind::Score { .. } => self.store_score(e),
            FormKind::Psfs { items } => {
                let scores = forms::psfs_scores(e, items)?;
                let done = ops::psfs::rate_all(&mut self.repo, &scores, self.today);
                Ok(Some(done.map_err(input)?.summary))
            }
            FormKind::Import => {
                let job = forms::import_job(e)?;
                let n = job.files.len();
                self.pending_import = Some(job);
                Ok(Some(format!(
                    "Importing {}…",
                    crate::domain::text::plural(n, "file", "files")
                )))
            }
            FormKind::Settings { initial } => self.store_settings(e, initial),
            FormKind::JumpDate => self.jump_to(e.opt("date")),
            FormKind::Search { .. } => self.find(&e.text("text")).map(Some),
        }
    }

    /// The line after a record is stored: its summary, and what `u` does for a new one.
    pub(in crate::tui) fn stored(&mut self, new: Option<Kind>, id: i64, summary: String) -> String {
        let undo = match new {
            Some(kind) => self.created(kind, id),
            None => String::new(),
        };
        summary + &undo
    }

    /// The activity form: a figure that looks like a typo asks first, and an FTP offered in
    /// the form is stored with it.
    fn store_activity(
        &mut self,
        e: &Entry,
        editing: Option<&Activity>,
        confirmed: bool,
    ) -> Result<Option<String>, OpsError> {
        let today = self.today;
        let mut draft = forms::activity_draft(e)?;
        draft.force = confirmed;
        // A figure that looks like a typo asks first; the CLI refuses it unless
        // --force (the same check, `domain::plausible`).
        if !confirmed
            && let Some(i) = ops::activity::first_implausible(&self.repo, &draft, editing, today)?
        {
            self.ask_implausible(i);
            return Ok(None);
        }
        let ftp_line = self.store_offered_ftp(e, &draft)?;
        let repo = &mut self.repo;
        let done = match editing {
            Some(old) => ops::activity::replace(repo, old, &draft, today),
            None => ops::activity::add(repo, &draft, today),
        }
        .map_err(input)?;
        // Where the app sets what gives a TSS (the CLI's line names no front end).
        let settings = match done.record.tss {
            None => " · Settings (S) sets an FTP or LTHR",
            Some(_) => "",
        };
        let new = editing.is_none().then_some(Kind::Activity);
        let summary = ftp_line + &done.summary + settings;
        Ok(Some(self.stored(new, done.record.id, summary)))
    }

    /// The FTP offered in the activity form: stored from the activity's date, after the
    /// activity itself validated, so its TSS is computed from it. Its line, or "".
    fn store_offered_ftp(
        &mut self,
        e: &Entry,
        draft: &ops::activity::ActivityDraft,
    ) -> Result<String, OpsError> {
        let Some(ftp) = e.opt(forms::SET_FTP) else {
            return Ok(String::new());
        };
        let today = self.today;
        ops::activity::build_activity(draft, today, crate::domain::clock::now_local())?;
        // Offered only while no FTP is set: a first FTP, which applies from the
        // journal's first day (the rule of `backtrack set ftp`), this ride's too.
        let set = ops::settings::SettingDraft {
            key: "ftp".into(),
            value: ftp,
            from: None,
        };
        let done = ops::settings::set(&mut self.repo, &set, today)
            .map_err(|err| input(err).on_field(forms::SET_FTP))?;
        Ok(format!("{}; ", forms::said(&done.record, today)))
    }

    /// A programme; names not in the library are offered as new exercises, not refused.
    fn store_programme(
        &mut self,
        e: &Entry,
        library: &[String],
    ) -> Result<Option<String>, OpsError> {
        let draft = forms::programme_draft(e)?;
        let new = forms::unknown_exercises(&draft, library)?;
        if !new.is_empty() {
            let kind = e.text("new_kind");
            let names: Vec<&str> = new.iter().map(|(n, _)| n.as_str()).collect();
            let question = format!(
                "Add {} to the exercise library ({kind}) and save the programme? (y/n)",
                names.join(", ")
            );
            let add = new.into_iter().map(|(n, p)| (n, p, kind.clone())).collect();
            self.ask(question, Pending::AddExercises(add));
            return Ok(None);
        }
        // The form has one field for every exercise.
        let done =
            ops::rehab::add_programme(&mut self.repo, &draft, self.today).map_err(
                |e| match input(e) {
                    OpsError::Input(i) if i.field == "exercise" => {
                        InputError::new("exercises", i.message).into()
                    }
                    other => other,
                },
            )?;
        Ok(Some(self.stored(
            Some(Kind::Programme),
            done.record.id,
            done.summary,
        )))
    }

    fn store_score(&mut self, e: &Entry) -> Result<Option<String>, OpsError> {
        let draft = forms::score_draft(e);
        // "odi value" is the Total field's fault: focus it, keep the words.
        let done =
            ops::scores::add(&mut self.repo, &draft, self.today).map_err(|e| match input(e) {
                OpsError::Input(i) => match i.field.strip_suffix(" value") {
                    Some(inst) => InputError::new("value", format!("{inst} {}", i.message)).into(),
                    None => OpsError::Input(i),
                },
                other => other,
            })?;
        Ok(Some(self.stored(
            Some(Kind::Score),
            done.record.id,
            done.summary,
        )))
    }

    /// The settings form: every changed value checked first, so a bad one stores none.
    fn store_settings(
        &mut self,
        e: &Entry,
        initial: &[(&'static str, String)],
    ) -> Result<Option<String>, OpsError> {
        let (repo, today) = (&mut self.repo, self.today);
        let change = forms::settings_drafts(e, initial)?;
        if change.is_empty() {
            return Ok(Some("No setting changed".into()));
        }
        for d in &change.drafts {
            ops::settings::validate(d, today).map_err(input)?;
        }
        let mut lines = Vec::new();
        // The units first: they switch the display at once, so every line after
        // (and every screen, reloaded on close) reads in them.
        if let Some(u) = change.units {
            let done = ops::settings::set_units(repo, u.as_str()).map_err(input)?;
            lines.push(forms::said_units(done.record));
        }
        for d in &change.drafts {
            let done = ops::settings::set(repo, d, today).map_err(input)?;
            lines.push(forms::said(&done.record, today));
        }
        Ok(Some(lines.join("; ")))
    }

    /// The Timeline's jump prompt: a date moves its window; words find an event.
    fn jump_to(&mut self, text: Option<String>) -> Result<Option<String>, OpsError> {
        let today = self.today;
        let date = match &text {
            // Words (not starting like a date: a digit or a sign) find an event.
            Some(t) if !t.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') => {
                match crate::domain::parse::parse_date("date", t, today) {
                    Ok(d) => d,
                    Err(_) => return Ok(Some(self.find(t)?)),
                }
            }
            Some(t) => crate::domain::parse::parse_date("date", t, today)?,
            None => today,
        };
        self.timeline.to = date;
        Ok(Some(format!(
            "Timeline history up to {}",
            crate::domain::text::date(date, today)
        )))
    }

    /// Adds the exercises the open programme names (after a yes), then saves it.
    pub(in crate::tui) fn add_exercises_then_save(
        &mut self,
        add: Vec<(String, Option<String>, String)>,
    ) {
        for (name, prescription, kind) in add {
            let draft = ops::rehab::ExerciseDraft {
                name,
                kind,
                prescription,
                per_side: false,
                cues: None,
            };
            match ops::rehab::add_exercise(&mut self.repo, &draft) {
                Ok(done) => {
                    if let Some(EntryForm {
                        kind: FormKind::Programme { library },
                        ..
                    }) = self.entry_mut()
                    {
                        library.push(done.record.name);
                    }
                }
                Err(e) => {
                    return self.error(format!("Not saved (your input is kept): {}", input(e)));
                }
            }
        }
        self.save_entry();
    }
}

/// A failed operation by its layer: the field at fault, a refusal, or the journal's failure.
pub(in crate::tui) fn input(e: impl Into<OpsError>) -> OpsError {
    e.into()
}
