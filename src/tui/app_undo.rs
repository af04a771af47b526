//! Undo, redo and the Trash view. Each step belongs to the screen it was done on: `u` takes
//! back the newest step of the screen you are on, after a question naming it in words; `U` or
//! Ctrl-R does it again. `T` lists deleted records; Enter restores one.

use super::action::Screen;
use super::app::{App, Confirm, Pending};
use crate::repo::{Kind, RecordId};

/// What one step changed: a delete (undo brings the record back) or a record the app just
/// created or restored (undo moves it to the trash, from where Trash still restores it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undo {
    Restore(RecordId),
    Remove(RecordId),
}

impl Undo {
    /// The step that does what this one undoes.
    fn inverse(self) -> Undo {
        match self {
            Undo::Restore(r) => Undo::Remove(r),
            Undo::Remove(r) => Undo::Restore(r),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndoStep {
    pub op: Undo,
    pub screen: Screen,
}

impl App {
    /// Records a step done on the current screen; a new step ends that screen's redo.
    fn push_step(&mut self, op: Undo) {
        let screen = self.screen;
        self.redo.retain(|s| s.screen != screen);
        self.undo.push(UndoStep { op, screen });
    }

    /// Drops every undo and redo step about `rid` (it was edited since).
    pub(super) fn forget_steps(&mut self, rid: RecordId) {
        let about = |s: &UndoStep| matches!(s.op, Undo::Restore(r) | Undo::Remove(r) if r == rid);
        self.undo.retain(|s| !about(s));
        self.redo.retain(|s| !about(s));
    }

    /// Remembers a record the app just created, so `u` can take it back.
    pub(super) fn created(&mut self, kind: Kind, id: i64) -> String {
        self.push_step(Undo::Remove(RecordId::new(kind, id)));
        " · u undoes".to_string()
    }

    /// Deletes the selected entry of the current screen; `u` restores it.
    pub(super) fn delete_selected(&mut self) {
        let Some(rid) = self.selected_record() else {
            return self.info("Nothing selected to delete");
        };
        match crate::ops::records::delete(&mut self.repo, rid) {
            Ok(done) => {
                self.push_step(Undo::Restore(rid));
                self.refresh();
                self.clamp_sel();
                self.info(format!("{} · u undoes", done.summary));
            }
            Err(e) => self.error(format!("Delete failed: {e}")),
        }
    }

    /// The newest step of `list` done on the current screen.
    fn last_here(&self, redo: bool) -> Option<usize> {
        let list = if redo { &self.redo } else { &self.undo };
        list.iter().rposition(|s| s.screen == self.screen)
    }

    /// `u`: asks whether to take back the newest step of this screen, naming it.
    pub(super) fn ask_undo(&mut self) {
        self.ask_step(false);
    }

    /// `U` / Ctrl-R: asks whether to do again the newest step taken back on this screen.
    pub(super) fn ask_redo(&mut self) {
        self.ask_step(true);
    }

    fn ask_step(&mut self, redo: bool) {
        let Some(i) = self.last_here(redo) else {
            let what = if redo { "redo" } else { "undo" };
            let others = if redo { &self.redo } else { &self.undo };
            let key = if redo { "U" } else { "u" };
            let hint = match others.last() {
                Some(s) => format!(
                    " ({} has one: {} then {key})",
                    s.screen.title(),
                    s.screen.index() + 1
                ),
                None => String::new(),
            };
            return self.info(format!(
                "Nothing to {what} on {}{hint}",
                self.screen.title()
            ));
        };
        let step = if redo { self.redo[i] } else { self.undo[i] };
        let op = if redo { step.op.inverse() } else { step.op };
        let question = match op {
            Undo::Remove(rid) => self
                .repo
                .summary(rid, false)
                .map(|w| format!("Take back {w}? It goes to the trash (y/n)")),
            Undo::Restore(rid) => self
                .repo
                .summary(rid, true)
                .map(|w| format!("Bring back the deleted {} {w}? (y/n)", rid.kind.noun())),
        };
        match question {
            Ok(question) => {
                let on_yes = if redo {
                    Pending::Redo(i)
                } else {
                    Pending::Undo(i)
                };
                self.confirm = Some(Confirm { question, on_yes });
            }
            // Changed elsewhere since (deleted from the CLI, say): the step is stale.
            Err(e) => {
                if redo {
                    self.redo.remove(i);
                } else {
                    self.undo.remove(i);
                }
                self.error(format!(
                    "Cannot {}: {e}",
                    if redo { "redo" } else { "undo" }
                ));
            }
        }
    }

    /// Carries out a confirmed undo (or redo) and moves the step to the other list.
    pub(super) fn apply_step(&mut self, i: usize, redo: bool) {
        let from = if redo { &mut self.redo } else { &mut self.undo };
        if i >= from.len() {
            return;
        }
        let step = from.remove(i);
        let op = if redo { step.op.inverse() } else { step.op };
        match self.apply(op) {
            Ok(msg) => {
                let to = if redo { &mut self.undo } else { &mut self.redo };
                to.push(step);
                let again = if redo { "u undoes" } else { "U redoes" };
                self.info(format!("{msg} · {again}"));
            }
            Err(e) => {
                // Kept, so a failure that passes (a busy journal) can be retried.
                let from = if redo { &mut self.redo } else { &mut self.undo };
                from.insert(i, step);
                self.error(format!(
                    "{} failed: {e}",
                    if redo { "Redo" } else { "Undo" }
                ));
            }
        }
    }

    fn apply(&mut self, op: Undo) -> crate::repo::Result<String> {
        let msg = match op {
            Undo::Restore(rid) => crate::ops::records::restore(&mut self.repo, rid)
                .map(|d| format!("Brought back {}", d.record))?,
            Undo::Remove(rid) => crate::ops::records::delete(&mut self.repo, rid)
                .map(|d| format!("Took back {}; it is in the trash (T)", d.record))?,
        };
        self.refresh();
        self.clamp_sel();
        if self.trash.is_some() {
            self.load_trash();
        }
        Ok(msg)
    }

    /// `T`: opens (or closes) the Trash view.
    pub(super) fn toggle_trash(&mut self) {
        if self.trash.take().is_none() {
            self.trash_sel = 0;
            self.load_trash();
        }
    }

    fn load_trash(&mut self) {
        match self.repo.trash() {
            Ok(items) => {
                self.trash_sel = self.trash_sel.min(items.len().saturating_sub(1));
                self.trash = Some(items);
            }
            Err(e) => self.error(format!("loading the trash failed: {e}")),
        }
    }

    pub(super) fn move_trash(&mut self, d: i64) {
        let n = self.trash.as_ref().map_or(0, Vec::len) as i64;
        self.trash_sel = (self.trash_sel as i64 + d).clamp(0, (n - 1).max(0)) as usize;
    }

    /// Enter in the Trash view: restores the selected record (`u` deletes it again).
    pub(super) fn restore_selected(&mut self) {
        let Some(item) = self.trash.as_ref().and_then(|t| t.get(self.trash_sel)) else {
            return self.info("The trash is empty");
        };
        let Ok(rid) = RecordId::parse(&item.id) else {
            return;
        };
        match self.apply(Undo::Restore(rid)) {
            Ok(msg) => {
                self.push_step(Undo::Remove(rid));
                self.info(format!("{msg} · u undoes"));
            }
            Err(e) => self.error(format!("Restore failed: {e}")),
        }
    }
}
