//! Saving the forms besides the check-in through `ops`: the input stays open with the field
//! at fault focused on any error; a dose over the daily max asks first (SPEC §4.4), and so
//! does a new medication whose drug has a row already (use it, or restore it from the trash).

use super::{App, Pending};
use crate::domain::InputError;
use crate::domain::records::Dose;
use crate::ops;
use crate::ops::dose_day::DoseDay;
use crate::ops::meds::{DoseDraft, Taken};
use crate::repo::meds::SameDrug;
use crate::repo::{Kind, RecordId, RepoError};
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
    pub(in crate::tui) fn finish(&mut self, result: Result<Option<String>, InputError>) {
        match result {
            Ok(Some(msg)) => {
                self.close_form();
                self.refresh();
                self.info(msg);
            }
            Ok(None) => {}
            Err(e) => {
                let (kept, said) = match self.entry_mut() {
                    Some(f) => {
                        f.entry.focus_key(&e.field);
                        (" (your input is kept)", f.entry.describe(&e))
                    }
                    None => ("", e.to_string()),
                };
                self.error(format!("Not saved{kept}: {said}"));
            }
        }
    }

    /// Stores one form's record through `ops`; Ok(Some(message)) when done, Ok(None) when
    /// another step follows, Err with the field at fault.
    fn store_entry(&mut self, f: &EntryForm) -> Result<Option<String>, InputError> {
        let (e, today) = (&f.entry, self.today);
        let repo = &mut self.repo;
        let (kind, done) = match &f.kind {
            FormKind::Activity {
                editing, confirmed, ..
            } => {
                let mut draft = forms::activity_draft(e)?;
                draft.force = *confirmed;
                // A figure that looks like a typo asks first; the CLI refuses it unless
                // --force (the same check, `domain::plausible`).
                if !confirmed
                    && let Some(i) =
                        ops::activity::first_implausible(repo, &draft, editing.as_ref(), today)?
                {
                    self.ask_implausible(i);
                    return Ok(None);
                }
                // The FTP offered in the form: stored from the activity's date, after the
                // activity itself validated, so its TSS is computed from it.
                let mut ftp_line = String::new();
                if let Some(ftp) = e.opt(forms::SET_FTP) {
                    ops::activity::build_activity(
                        &draft,
                        today,
                        crate::domain::clock::now_local(),
                    )?;
                    // Offered only while no FTP is set: a first FTP, which applies from the
                    // journal's first day (the rule of `backtrack set ftp`), this ride's too.
                    let set = ops::settings::SettingDraft {
                        key: "ftp".into(),
                        value: ftp,
                        from: None,
                    };
                    let done = ops::settings::set(repo, &set, today).map_err(|err| {
                        let mut i = input(err);
                        i.field = forms::SET_FTP.into();
                        i
                    })?;
                    ftp_line = format!("{}; ", forms::said(&done.record, today));
                }
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
                (
                    editing.is_none().then_some(Kind::Activity),
                    (done.record.id, ftp_line + &done.summary + settings),
                )
            }
            FormKind::Rehab {
                programme,
                exercises,
                editing,
            } => {
                let s =
                    forms::rehab_record(e, programme.as_ref(), exercises, editing.as_ref(), today)?;
                let done = ops::rehab::save_session(repo, &s).map_err(input)?;
                (
                    editing.is_none().then_some(Kind::Rehab),
                    (done.record.id, done.summary),
                )
            }
            FormKind::Medication { editing } => {
                // A drug already in the catalogue or the trash is offered before the rest of
                // the form is checked: its row is what the person wants, not a second one.
                if editing.is_none()
                    && let Some(other) =
                        ops::meds_same::same_drug(repo, &e.text("name"), None).map_err(input)?
                {
                    self.offer_same_drug(&e.text("name"), other);
                    return Ok(None);
                }
                let draft = forms::medication_draft(e)?;
                let done = match editing {
                    Some(old) => ops::meds::replace_medication(repo, old, &draft, today),
                    None => ops::meds::add_medication(repo, &draft, today),
                }
                .map_err(input)?;
                (
                    editing.is_none().then_some(Kind::Medication),
                    (done.record.id, done.summary),
                )
            }
            FormKind::PickMed { meds, pick, .. } => {
                let list = forms::filtered(meds, &e.text("filter"));
                let m = list.get(*pick).map(|m| (*m).clone()).ok_or_else(|| {
                    let names: Vec<&str> = meds.iter().map(|m| m.name.as_str()).collect();
                    InputError::new(
                        "filter",
                        format!("no medication matches; allowed: {}", names.join(", ")),
                    )
                })?;
                self.open_dose_for(m);
                return Ok(None);
            }
            FormKind::Dose { med, .. } => {
                let d = forms::dose_draft(e, med)?;
                return self.take_dose(&d);
            }
            FormKind::DoseEdit { dose, confirmed } => {
                let draft = forms::dose_edit_draft(e, dose)?;
                return self.edit_dose(dose, &draft, *confirmed);
            }
            FormKind::Event { editing } => {
                let draft = forms::event_draft(e);
                let done = match editing {
                    Some(old) => ops::events::replace_event(repo, old, &draft, today),
                    None => ops::events::add_event(repo, &draft, today),
                }
                .map_err(input)?;
                (
                    editing.is_none().then_some(Kind::Event),
                    (done.record.id, done.summary),
                )
            }
            FormKind::Programme { library } => {
                let draft = forms::programme_draft(e)?;
                // Names not in the library are offered as new exercises, not refused.
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
                let done = ops::rehab::add_programme(repo, &draft, today)
                    .map_err(input)
                    .map_err(|i| match i.field.as_str() {
                        "exercise" => InputError::new("exercises", i.message),
                        _ => i,
                    })?;
                (Some(Kind::Programme), (done.record.id, done.summary))
            }
            FormKind::Score { .. } => {
                let draft = forms::score_draft(e);
                // "odi value" is the Total field's fault: focus it, keep the words.
                let done = ops::scores::add(repo, &draft, today)
                    .map_err(input)
                    .map_err(|i| match i.field.strip_suffix(" value") {
                        Some(inst) => InputError::new("value", format!("{inst} {}", i.message)),
                        None => i,
                    })?;
                (Some(Kind::Score), (done.record.id, done.summary))
            }
            FormKind::Psfs { items } => {
                let scores = forms::psfs_scores(e, items)?;
                let done = ops::psfs::rate_all(repo, &scores, today).map_err(input)?;
                return Ok(Some(done.summary));
            }
            FormKind::Import => {
                let job = forms::import_job(e)?;
                let n = job.files.len();
                self.pending_import = Some(job);
                return Ok(Some(format!(
                    "Importing {}…",
                    crate::domain::text::plural(n, "file", "files")
                )));
            }
            FormKind::Settings { initial } => {
                let change = forms::settings_drafts(e, initial)?;
                if change.is_empty() {
                    return Ok(Some("No setting changed".into()));
                }
                // All checked first, so a bad value stores none of them.
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
                return Ok(Some(lines.join("; ")));
            }
            FormKind::JumpDate => {
                let text = e.opt("date");
                let date = match &text {
                    // Words (not starting like a date: a digit or a sign) find an event.
                    Some(t)
                        if !t.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') =>
                    {
                        match crate::domain::parse::parse_date("date", t, today) {
                            Ok(d) => d,
                            Err(_) => return self.find(t).map(Some),
                        }
                    }
                    Some(t) => crate::domain::parse::parse_date("date", t, today)?,
                    None => today,
                };
                self.timeline.to = date;
                return Ok(Some(format!(
                    "Timeline history up to {}",
                    crate::domain::text::date(date, today)
                )));
            }
            FormKind::Search { .. } => return self.find(&e.text("text")).map(Some),
        };
        let (id, summary) = done;
        let undo = match kind {
            Some(kind) => self.created(kind, id),
            None => String::new(),
        };
        Ok(Some(summary + &undo))
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

    /// Takes a dose through `ops` (the max check and the insert in one transaction), or asks
    /// first when it takes the day over the max (Ok(None): nothing is stored unless the
    /// answer is yes).
    pub(in crate::tui) fn take_dose(
        &mut self,
        d: &DoseDraft,
    ) -> Result<Option<String>, InputError> {
        let now = self.now();
        let taken = ops::meds::take_dose(&mut self.repo, d, self.today, now);
        self.after_dose(taken.map_err(input)?)
    }

    /// Stores a dose the person confirmed over the max.
    pub(in crate::tui) fn force_dose(&mut self, d: Dose) -> Result<Option<String>, InputError> {
        let taken = ops::meds::store_dose(&mut self.repo, d, true);
        self.after_dose(taken.map_err(input)?)
    }

    /// Stores a dose the person confirmed after "already logged … Take another?"; the max is
    /// still checked (and asked about).
    pub(in crate::tui) fn take_again(&mut self, d: Dose) -> Result<Option<String>, InputError> {
        let taken = ops::meds::store_dose_with(&mut self.repo, d, false, false);
        self.after_dose(taken.map_err(input)?)
    }

    fn after_dose(&mut self, taken: Taken) -> Result<Option<String>, InputError> {
        match taken {
            Taken::Again(a) => {
                self.ask(a.question(), Pending::Again(a.dose));
                Ok(None)
            }
            Taken::Saved(done, day) => {
                let undo = self.created(Kind::Dose, done.record.id);
                Ok(Some(done.summary + over_max_words(&day) + &undo))
            }
            Taken::OverMax(o) => {
                self.ask(over_max_question(&o, "Take it?"), Pending::OverMax(o.dose));
                Ok(None)
            }
        }
    }
}

impl App {
    /// Asks whether to use (open) or restore the row of the drug the new medication names;
    /// the new form stays behind the question.
    fn offer_same_drug(&mut self, typed: &str, other: SameDrug) {
        let (id, what) = (other.med.id, ops::meds_same::describe(&other.med));
        let typed = typed.trim();
        let (question, on_yes) = if other.trashed {
            (
                format!(
                    "'{typed}' is {what} in the trash. Enter: restore m{id} · Esc: back to the form"
                ),
                Pending::RestoreMed(id),
            )
        } else {
            (
                format!(
                    "'{typed}' is already {what}. Enter: open m{id} to edit · Esc: back to the form"
                ),
                Pending::OpenMed(id),
            )
        };
        self.ask(question, on_yes);
    }

    /// Enter on "already m3": m3's own form replaces the new one (the typed values are not
    /// carried over: what m3 stores is shown, to change or keep).
    pub(in crate::tui) fn open_same_drug(&mut self, id: i64) {
        match self.repo.medication_by_id(id) {
            Ok(Some(m)) => {
                let name = m.name.clone();
                self.open(forms::medication_form(Some(m)));
                self.info(format!("Editing m{id} {name}; the new entry was not saved"));
            }
            Ok(None) => self.error(format!("m{id} is no longer there; your new entry is kept")),
            Err(e) => self.error(format!("reading m{id} failed: {e}")),
        }
    }

    /// Enter on "m3 is in the trash": restores it like the Trash view does (`u` takes it
    /// back) and closes the new form.
    pub(in crate::tui) fn restore_same_drug(&mut self, id: i64) {
        let rid = RecordId::new(Kind::Medication, id);
        match ops::records::restore(&mut self.repo, rid, false) {
            // A medication has no max check of its own: only doses stay over the max.
            Ok(ops::records::Restore::OverMax(_)) => {}
            Ok(ops::records::Restore::Done(done)) => {
                let undo = self.created(Kind::Medication, id);
                self.close_form();
                self.refresh();
                self.clamp_sel();
                self.info(done.summary + &undo);
            }
            Err(e) => self.error(format!("Not restored (your new entry is kept): {e}")),
        }
    }

    /// Esc on the question: back to the new form as typed, at its name.
    pub(in crate::tui) fn back_to_new_med(&mut self) {
        if let Some(f) = self.entry_mut() {
            f.entry.focus_key("name");
        }
        self.info(
            "Not saved; your new medication is still open (a name no other medication has adds it)",
        );
    }
}

/// A failed operation as the input error the form shows: the field at fault, or "journal".
pub(in crate::tui) fn input(e: RepoError) -> InputError {
    match e {
        RepoError::Input(i) => i,
        e => InputError::new("journal", e.to_string()),
    }
}

/// What the app adds to a dose's line when its day ends over the max. No "(forced)": the
/// person said yes to the app's own question (the command line's `--force` is not theirs).
pub(in crate::tui) fn over_max_words(day: &DoseDay) -> &'static str {
    if day.over_max() {
        " — OVER the daily max"
    } else {
        ""
    }
}

/// The question before a dose passes its day's max (taken, or brought back from the trash):
/// "ibuprofen: 400 mg makes 1600 mg on 23 Nov, over your max of 1200 mg/day. Take it? (y/n)".
pub(in crate::tui) fn over_max_question(o: &ops::meds::OverMax, ask: &str) -> String {
    let (d, u) = (&o.dose, &o.dose.unit);
    format!(
        "{}: {} {u} makes {} {u} on {}, over your max of {}/day. {ask} (y/n)",
        d.medication,
        d.amount,
        o.after,
        d.taken_at.format("%-d %b"),
        crate::domain::text::amount(o.max, u)
    )
}
