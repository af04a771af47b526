//! The Medications screen's doses view (`v`): the doses of the last 30 days, newest first, to
//! select one; Enter corrects it through `ops::edit` (the code of `backtrack edit dN`), asking
//! first when the correction takes its day over the max, as taking a dose does.

use super::action::Screen;
use super::app::{App, Confirm, Pending};
use super::app_save::input;
use super::forms::{EntryForm, FormKind};
use crate::domain::InputError;
use crate::domain::records::Dose;
use crate::domain::text;
use crate::ops;
use crate::ops::edit::EditDraft;
use crate::repo::{Kind, RecordId};

impl App {
    /// The doses the doses view lists: the last 30 days, newest first.
    pub fn recent_doses(&self) -> Vec<&Dose> {
        self.meds
            .iter()
            .flat_map(|m| m.history.iter().flat_map(|(_, v)| v))
            .collect()
    }

    /// `v` on Medications: the catalogue ↔ the doses; each starts at its top row.
    pub(super) fn toggle_dose_view(&mut self) {
        self.meds_doses = !self.meds_doses;
        self.sel[Screen::Meds.index()] = 0;
    }

    /// Stores the corrected dose; Ok(None) when it first asks about a day over the max
    /// (nothing is written unless the answer is yes).
    pub(super) fn edit_dose(
        &mut self,
        old: &Dose,
        draft: &EditDraft,
        confirmed: bool,
    ) -> Result<Option<String>, InputError> {
        let rid = RecordId::new(Kind::Dose, old.id);
        let untouched = draft.at.is_none()
            && draft.amount.is_none()
            && draft.activity.pain_before.is_none()
            && draft.checkin.note.is_none();
        if untouched {
            return Ok(Some(format!("Nothing changed in dose {rid}")));
        }
        // Checked as `ops` will check them, so a bad time or amount is refused before the
        // max question rather than after a yes.
        let at = match &draft.at {
            Some(t) => ops::meds::not_ahead(
                crate::domain::parse::parse_datetime("at", t, self.today)?,
                crate::domain::clock::now_local(),
            )?,
            None => old.taken_at,
        };
        let amount = match draft.amount {
            Some(x) => crate::domain::error::check_positive("amount", x, 100_000.0)?,
            None => old.amount,
        };
        let day = at.date();
        let (before, max) = self.repo.drug_day(old.medication_id, day).map_err(input)?;
        let own = if old.taken_at.date() == day {
            old.amount
        } else {
            0.0
        };
        let after = before - own + amount;
        if let Some(max) = max
            && !confirmed
            && after > max + 1e-9
            && after > before + 1e-9
        {
            let u = &old.unit;
            self.confirm = Some(Confirm {
                question: format!(
                    "{}: {amount} {u} makes {after} {u} on {}, over your max of {}/day. Save it? (y/n)",
                    old.medication,
                    day.format("%-d %b"),
                    text::amount(max, u)
                ),
                on_yes: Pending::EditOverMax,
            });
            return Ok(None);
        }
        // Asked above (or not over the max): the op's own max check has been answered.
        let draft = EditDraft {
            force: true,
            ..draft.clone()
        };
        let done = ops::edit::apply(&mut self.repo, rid, &draft, self.today).map_err(input)?;
        let over = if max.is_some_and(|m| after > m + 1e-9) {
            " — OVER the daily max"
        } else {
            ""
        };
        let of_max = max
            .map(|m| format!(" of max {}", text::amount(m, &old.unit)))
            .unwrap_or_default();
        Ok(Some(format!(
            "{}; total on {day}: {after} {}{of_max}{over}",
            done.summary, old.unit
        )))
    }

    /// A yes to "over your max … Save it?": the open correction is stored as typed.
    pub(super) fn save_over_max(&mut self) {
        self.set_confirmed(true);
        self.save_entry();
        // Still open (refused for another reason): a changed amount asks again.
        self.set_confirmed(false);
    }

    fn set_confirmed(&mut self, yes: bool) {
        if let Some(EntryForm {
            kind: FormKind::DoseEdit { confirmed, .. },
            ..
        }) = self.entry.as_mut()
        {
            *confirmed = yes;
        }
    }
}
