//! The Medications screen's doses view (`v`): the doses of the last 30 days, newest first, to
//! select one; Enter corrects it through `ops::edit` (the code of `backtrack edit dN`), asking
//! first when the correction takes its day over the max, as taking a dose does.

use super::meds::over_max_words;
use super::save::input;
use super::{App, Pending};
use crate::domain::records::Dose;
use crate::domain::text;
use crate::ops;
use crate::ops::dose_edit::Stored;
use crate::ops::edit::EditDraft;
use crate::repo::{Kind, RecordId};
use crate::tui::action::Screen;
use crate::tui::forms::{EntryForm, FormKind};

impl App {
    /// The doses the doses view lists: the last 30 days, newest first.
    pub fn recent_doses(&self) -> Vec<&Dose> {
        self.meds
            .data
            .iter()
            .flat_map(|m| m.history.iter().flat_map(|(_, v)| v))
            .collect()
    }

    /// `v` on Medications: the catalogue ↔ the doses; each starts at its top row.
    pub(in crate::tui) fn toggle_dose_view(&mut self) {
        self.meds.view = self.meds.view.toggled();
        self.sel[Screen::Meds.index()] = 0;
    }

    /// Stores the corrected dose; Ok(None) when it first asks about a day over the max
    /// (nothing is written unless the answer is yes).
    pub(in crate::tui) fn edit_dose(
        &mut self,
        old: &Dose,
        draft: &EditDraft,
        confirmed: bool,
    ) -> Result<Option<String>, crate::ops::error::OpsError> {
        let rid = RecordId::new(Kind::Dose, old.id);
        let untouched = draft.at.is_none()
            && draft.amount.is_none()
            && draft.activity.pain_before.is_none()
            && draft.checkin.note.is_none();
        if untouched {
            return Ok(Some(format!("Nothing changed in dose {rid}")));
        }
        // The figures `backtrack edit dN` refuses by, read as the correction is written: here
        // they ask first. The line says the day's total, and a day left over the max.
        let c = ops::dose_edit::correct(&self.repo, rid, draft, self.today).map_err(input)?;
        match ops::dose_edit::store_checked(&mut self.repo, &c, confirmed).map_err(input)? {
            Stored::Done(line, day) => Ok(Some(line + over_max_words(&day))),
            Stored::OverMax { after, max } => {
                let u = &old.unit;
                self.ask(
                    format!(
                        "{}: {} {u} makes {} {u} on {}, over your max of {}/day. Save it? (y/n)",
                        old.medication,
                        text::number(c.new.amount),
                        text::number(after),
                        c.new.taken_at.format("%-d %b"),
                        text::amount(max, u)
                    ),
                    Pending::EditOverMax,
                );
                Ok(None)
            }
        }
    }

    /// A yes to "over your max … Save it?": the open correction is stored as typed.
    pub(in crate::tui) fn save_over_max(&mut self) {
        self.set_confirmed(true);
        self.save_entry();
        // Still open (refused for another reason): a changed amount asks again.
        self.set_confirmed(false);
    }

    fn set_confirmed(&mut self, yes: bool) {
        if let Some(EntryForm {
            kind: FormKind::DoseEdit { confirmed, .. },
            ..
        }) = self.entry_mut()
        {
            *confirmed = yes;
        }
    }
}
