//! The check-in form: opened for a day (pre-filled when it has one), and saved through
//! `ops::checkin` with the worst pain lifted as the CLI does; on an error the form stays open
//! at the field at fault.

use chrono::NaiveDate;

use super::App;
use crate::repo::{Kind, RecordId};
use crate::tui::forms::checkin::{CheckinForm, Field};

impl App {
    /// Opens the check-in form for `date`, pre-filled when that day has a check-in.
    pub(in crate::tui) fn open_form(&mut self, date: NaiveDate) {
        let existing = match self.repo.checkin_on(date) {
            Ok(c) => c,
            Err(e) => return self.error(format!("reading the check-in of {date} failed: {e}")),
        };
        let history = self
            .repo
            .tag_counts()
            .map(|v| v.into_iter().map(|(t, _)| t).collect())
            .unwrap_or_default();
        self.open_checkin(CheckinForm::new(date, existing, history));
    }

    /// Validates and stores the form. On any error the form stays open with its input.
    pub(in crate::tui) fn save_form(&mut self) {
        let Some(form) = self.form() else { return };
        let (checkin, lifted) = match form.to_checkin() {
            Ok(mut c) => {
                // The worst pre-filled from the stored check-in, left as it was, is raised
                // with a higher pain, as `backtrack checkin` does; a worst typed is checked.
                let stored = form.existing.as_ref().and_then(|s| s.worst_pain);
                let typed = form.existing.is_none() || form.worst != stored;
                let lifted = crate::ops::checkin::lift_worst(&mut c, typed);
                (c, lifted)
            }
            Err(e) => {
                let focus = match e.field.as_str() {
                    "pain" => Some(Field::Pain),
                    "sleep_hours" => Some(Field::Sleep),
                    "sitting_hours" => Some(Field::Sitting),
                    "tag" => Some(Field::Tags),
                    _ => None,
                };
                if let (Some(f), Some(form)) = (focus, self.form_mut()) {
                    form.focus(f);
                }
                return self.error(format!("Not saved: {e}"));
            }
        };
        let edited = form
            .existing
            .as_ref()
            .map(|c| RecordId::new(Kind::Checkin, c.id));
        let before = edited.map(|rid| self.before_edit(rid));
        match crate::ops::checkin::save(&mut self.repo, &checkin) {
            Ok(done) => {
                self.close_form();
                let flag = if done.record.red_flags.is_empty() {
                    ""
                } else {
                    " · RED FLAG: seek urgent medical care today"
                };
                // u takes back a new day's check-in, or puts an edited one back as it was.
                let undo = match edited {
                    Some(rid) => self.edited(rid, before.flatten()),
                    None => self.created(Kind::Checkin, done.record.id),
                };
                self.refresh();
                self.info(format!("{}{lifted}{flag}{undo}", done.summary));
            }
            Err(e) => self.error(format!("Not saved (your input is kept): {e}")),
        }
    }
}
