//! Undo and redo. Each step belongs to the screen it was done on: `u` takes back the newest
//! step of the screen you are on, after a question naming it in words; `U` or Ctrl-R does it
//! again. The Trash view is in `trash`.

use super::meds::over_max_question;
use super::{App, Pending};
use crate::ops::meds::OverMax;
use crate::ops::records::{self, EditStep, Restore};
use crate::repo::{Kind, RecordId};
use crate::tui::action::Screen;
use crate::tui::text::{cells, fit};

/// What one step changed: a delete (undo brings the record back), a record the app just
/// created or restored (undo moves it to the trash, from where Trash still restores it), or
/// an edit (undo puts the record back as it was before, redo as the edit left it).
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Restore(RecordId),
    Remove(RecordId),
    PutBack(Box<EditStep>),
}

impl Undo {
    fn rid(&self) -> RecordId {
        match self {
            Undo::Restore(r) | Undo::Remove(r) => *r,
            Undo::PutBack(e) => e.rid(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    pub op: Undo,
    pub screen: Screen,
}

/// The widest question that stays on one status line of an 80-column terminal.
const LINE: usize = 80;

/// `{head}{what}{tail}`, `what` cut with … so the whole fits on one line.
fn one_line(head: &str, what: &str, tail: &str) -> String {
    let room = LINE.saturating_sub(cells(head) + cells(tail));
    let what = if cells(what) > room {
        format!("{}…", fit(what, room.saturating_sub(1)).trim_end())
    } else {
        what.to_string()
    };
    format!("{head}{what}{tail}")
}

impl App {
    /// Records a step done on the current screen; a new step ends that screen's redo.
    pub(in crate::tui) fn push_step(&mut self, op: Undo) {
        let screen = self.screen;
        self.redo.retain(|s| s.screen != screen);
        self.undo.push(UndoStep { op, screen });
    }

    /// Before an edit of `rid` is written: the record as stored, for its undo step. None when
    /// it cannot be read (the edit still goes ahead; it just cannot be taken back).
    pub(in crate::tui) fn before_edit(
        &self,
        rid: RecordId,
    ) -> Option<crate::repo::snapshot::Snapshot> {
        records::before_edit(&self.repo, rid).ok()
    }

    /// After an edit of `rid` was written: its step, so `u` can put the record back. Steps
    /// about its adding or deleting are dropped (taking one back would lose the edit), and
    /// so is any redo of an older edit of it; older edits stay on the undo list beneath this
    /// one. An edit that changed nothing stored adds no step.
    pub(in crate::tui) fn edited(
        &mut self,
        rid: RecordId,
        before: Option<crate::repo::snapshot::Snapshot>,
    ) -> String {
        let step = before.map(|b| records::edited(&self.repo, b));
        match step {
            Some(Ok(None)) => {
                // Rewritten as it was: the steps about it expect the new stamp.
                self.rearm(rid, false);
                self.rearm(rid, true);
                String::new()
            }
            Some(Ok(Some(step))) => {
                self.forget_steps(rid);
                self.push_step(Undo::PutBack(Box::new(step)));
                " · u undoes".to_string()
            }
            None | Some(Err(_)) => {
                self.forget_steps(rid);
                self.undo.retain(|s| s.op.rid() != rid);
                String::new()
            }
        }
    }

    /// Drops the add and delete steps about `rid`, and any redo of an edit of it.
    fn forget_steps(&mut self, rid: RecordId) {
        let add_or_delete =
            |s: &UndoStep| matches!(s.op, Undo::Restore(r) | Undo::Remove(r) if r == rid);
        self.undo.retain(|s| !add_or_delete(s));
        self.redo.retain(|s| s.op.rid() != rid);
    }

    /// The newest step about `rid` on the undo (or redo) list, if it is an edit, now expects
    /// the record's present stamp, provided the record holds what that step would find.
    fn rearm(&mut self, rid: RecordId, redo: bool) {
        let list = if redo { &mut self.redo } else { &mut self.undo };
        if let Some(s) = list.iter_mut().rev().find(|s| s.op.rid() == rid)
            && let Undo::PutBack(e) = &mut s.op
        {
            // A failed read leaves the step as it was: it is refused, in words, when asked.
            let _ = records::rearm(&self.repo, e, redo);
        }
    }

    /// Remembers a record the app just created, so `u` can take it back.
    pub(in crate::tui) fn created(&mut self, kind: Kind, id: i64) -> String {
        self.push_step(Undo::Remove(RecordId::new(kind, id)));
        " · u undoes".to_string()
    }

    /// Deletes the selected entry of the current screen; `u` restores it.
    pub(in crate::tui) fn delete_selected(&mut self) {
        let Some(rid) = self.selected_record() else {
            return self.info("Nothing selected to delete");
        };
        match records::delete(&mut self.repo, rid) {
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
    pub(in crate::tui) fn ask_undo(&mut self) {
        self.ask_step(false);
    }

    /// `U` / Ctrl-R: asks whether to do again the newest step taken back on this screen.
    pub(in crate::tui) fn ask_redo(&mut self) {
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
        let op = if redo {
            &self.redo[i].op
        } else {
            &self.undo[i].op
        };
        // What the answer does: a redo of a delete removes, of an add restores.
        let question =
            match (op, redo) {
                (Undo::Remove(rid), false) | (Undo::Restore(rid), true) => {
                    self.repo.summary(*rid, false).map(|w| {
                        format!(
                            "Take back {}? It goes to the trash (y/n)",
                            named(rid.kind, w)
                        )
                    })
                }
                (Undo::Restore(rid), false) | (Undo::Remove(rid), true) => self
                    .repo
                    .summary(*rid, true)
                    .map(|w| format!("Bring back the deleted {} {w}? (y/n)", rid.kind.noun())),
                (Undo::PutBack(e), _) => records::check_edit(&self.repo, e)
                    .map_err(Into::into)
                    .map(|()| {
                        let rid = e.rid();
                        let verb = if redo { "Redo" } else { "Take back" };
                        let head = format!("{verb} your edit of {} {rid}, ", rid.kind.noun());
                        one_line(&head, &e.change(), "? (y/n)")
                    }),
            };
        match question {
            Ok(question) => {
                let on_yes = if redo {
                    Pending::Redo(i)
                } else {
                    Pending::Undo(i)
                };
                self.ask(question, on_yes);
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

    /// Carries out a confirmed undo (or redo) and moves the step to the other list. A dose it
    /// would bring back over its day's max asks first, as taking it does (`force` after "y").
    pub(in crate::tui) fn apply_step(&mut self, i: usize, redo: bool, force: bool) {
        let from = if redo { &mut self.redo } else { &mut self.undo };
        if i >= from.len() {
            return;
        }
        let mut step = from.remove(i);
        match self.apply(&mut step.op, redo, force) {
            Ok(Err(over)) => {
                let from = if redo { &mut self.redo } else { &mut self.undo };
                from.insert(i, step);
                self.ask(
                    over_max_question(&over, "Bring it back?"),
                    Pending::ForceStep(i, redo),
                );
            }
            Ok(Ok(msg)) => {
                let rid = step.op.rid();
                let to = if redo { &mut self.undo } else { &mut self.redo };
                to.push(step);
                self.rearm(rid, redo);
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

    /// Takes back `op` (or, with `redo`, does it again). Err inside: a dose that would pass
    /// its day's max stayed in the trash (unless `force`).
    pub(in crate::tui) fn apply(
        &mut self,
        op: &mut Undo,
        redo: bool,
        force: bool,
    ) -> crate::repo::Result<Result<String, OverMax>> {
        let repo = &mut self.repo;
        let msg = match (op, redo) {
            (Undo::Restore(rid), false) | (Undo::Remove(rid), true) => {
                match records::restore(repo, *rid, force)? {
                    Restore::Done(d) => format!("Brought back {}", d.record),
                    Restore::OverMax(over) => return Ok(Err(over)),
                }
            }
            (Undo::Remove(rid), false) | (Undo::Restore(rid), true) => records::delete(repo, *rid)
                .map(|d| format!("Took back {}; it is in the trash (T)", d.record))?,
            (Undo::PutBack(e), redo) => {
                let put = if redo {
                    records::redo_edit(repo, e, force)?
                } else {
                    records::undo_edit(repo, e, force)?
                };
                match put {
                    Restore::Done(d) => d.summary,
                    Restore::OverMax(over) => return Ok(Err(over)),
                }
            }
        };
        self.refresh();
        self.clamp_sel();
        if self.trash().is_some() {
            self.load_trash();
        }
        Ok(Ok(msg))
    }
}

/// What an undo takes back, named as the record it is: a rehab session is "the rehab session
/// of Physio block 1 on 4 Dec", not the programme its description starts with.
fn named(kind: Kind, what: String) -> String {
    match kind {
        Kind::Rehab => match what.strip_prefix("rehab on ") {
            Some(day) => format!("the rehab session on {day}"),
            None => format!("the rehab session of {what}"),
        },
        _ => what,
    }
}
