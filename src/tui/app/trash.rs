//! The Trash view (`T`): deleted records, newest first; Enter restores one (`u` deletes it
//! again), and a dose that would take its day over the max asks first.

use super::meds::over_max_question;
use super::scores::clamp_row;
use super::undo::Undo;
use super::{App, Mode, Pending, TrashState};
use crate::repo::RecordId;

impl App {
    /// `T`: opens (or closes) the Trash view.
    pub(in crate::tui) fn toggle_trash(&mut self) {
        if self.trash().is_some() {
            return self.close_view();
        }
        if self.show(Mode::Trash(TrashState::default())) {
            self.load_trash();
        }
    }

    /// Reloads the open Trash view, keeping its row where it can.
    pub(in crate::tui) fn load_trash(&mut self) {
        match self.repo.trash() {
            Ok(items) => {
                if let Some(t) = self.trash_mut() {
                    t.sel = t.sel.min(items.len().saturating_sub(1));
                    t.items = items;
                }
            }
            Err(e) => self.error(format!("loading the trash failed: {e}")),
        }
    }

    pub(in crate::tui) fn move_trash(&mut self, d: i64) {
        if let Some(t) = self.trash_mut() {
            t.sel = clamp_row(t.sel, d, t.items.len());
        }
    }

    /// Enter in the Trash view: restores the selected record (`u` deletes it again).
    pub(in crate::tui) fn restore_selected(&mut self) {
        let Some(item) = self.trash().and_then(|t| t.items.get(t.sel)) else {
            return self.info("The trash is empty");
        };
        let Ok(rid) = RecordId::parse(&item.id) else {
            return;
        };
        self.restore_trashed(rid, false);
    }

    /// Restores `rid` from the trash; a dose over its day's max asks first (`force` after "y").
    pub(in crate::tui) fn restore_trashed(&mut self, rid: RecordId, force: bool) {
        match self.apply(&mut Undo::Restore(rid), false, force) {
            Ok(Ok(msg)) => {
                self.push_step(Undo::Remove(rid));
                self.info(format!("{msg} · u undoes"));
            }
            Ok(Err(over)) => {
                self.ask(
                    over_max_question(&over, "Bring it back?"),
                    Pending::RestoreOverMax(rid),
                );
            }
            Err(e) => self.error(format!("Restore failed: {e}")),
        }
    }
}
