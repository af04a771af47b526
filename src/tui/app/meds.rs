//! The app's medication forms: a new medication whose drug has a row already (use it, or
//! restore it from the trash), the picker, and taking a dose through `ops` — asked about
//! first when it is within 30 minutes of another or takes the day over the max (SPEC §4.4).

use super::save::input;
use super::{App, Pending};
use crate::domain::InputError;
use crate::domain::records::{Dose, Medication};
use crate::ops;
use crate::ops::dose_day::DoseDay;
use crate::ops::error::OpsError;
use crate::ops::meds::{DoseDraft, Taken};
use crate::repo::meds::SameDrug;
use crate::repo::{Kind, RecordId};
use crate::tui::forms::{self, fields::Entry};

impl App {
    pub(in crate::tui) fn store_medication(
        &mut self,
        e: &Entry,
        editing: Option<&Medication>,
    ) -> Result<Option<String>, OpsError> {
        let (repo, today) = (&mut self.repo, self.today);
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
        let new = editing.is_none().then_some(Kind::Medication);
        Ok(Some(self.stored(new, done.record.id, done.summary)))
    }

    /// Enter in the medication picker: the dose form for the one chosen.
    pub(in crate::tui) fn pick_med(
        &mut self,
        e: &Entry,
        meds: &[Medication],
        pick: usize,
    ) -> Result<Option<String>, OpsError> {
        let list = forms::filtered(meds, &e.text("filter"));
        let m = list.get(pick).map(|m| (*m).clone()).ok_or_else(|| {
            let names: Vec<&str> = meds.iter().map(|m| m.name.as_str()).collect();
            InputError::new(
                "filter",
                format!("no medication matches; allowed: {}", names.join(", ")),
            )
        })?;
        self.open_dose_for(m);
        Ok(None)
    }

    /// Takes a dose through `ops` (the max check and the insert in one transaction), or asks
    /// first when it takes the day over the max (Ok(None): nothing is stored unless the
    /// answer is yes).
    pub(in crate::tui) fn take_dose(&mut self, d: &DoseDraft) -> Result<Option<String>, OpsError> {
        let now = self.now();
        let taken = ops::meds::take_dose(&mut self.repo, d, self.today, now);
        self.after_dose(taken.map_err(input)?)
    }

    /// Stores a dose the person confirmed over the max.
    pub(in crate::tui) fn force_dose(&mut self, d: Dose) -> Result<Option<String>, OpsError> {
        let taken = ops::meds::store_dose(&mut self.repo, d, true);
        self.after_dose(taken.map_err(input)?)
    }

    /// Stores a dose the person confirmed after "already logged … Take another?"; the max is
    /// still checked (and asked about).
    pub(in crate::tui) fn take_again(&mut self, d: Dose) -> Result<Option<String>, OpsError> {
        let taken = ops::meds::store_dose_with(&mut self.repo, d, false, false);
        self.after_dose(taken.map_err(input)?)
    }

    fn after_dose(&mut self, taken: Taken) -> Result<Option<String>, OpsError> {
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
