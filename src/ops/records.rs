//! Deleting a record to the trash and restoring it, by typed ID (SPEC §4.8), and taking back
//! (or redoing) an edit from snapshots of the record before and after it.

use super::Done;
use super::Result;
use super::meds::OverMax;
use crate::repo::records::Restored;
use crate::repo::snapshot::{PutBack, Snapshot, Stamp};
use crate::repo::{RecordId, Repo, RepoError};

/// Moves the record to the trash; the record is its short description.
pub fn delete(repo: &mut Repo, rid: RecordId) -> Result<Done<String>> {
    let what = repo.delete(rid)?;
    let summary = format!("Deleted {} {rid} ({what})", rid.kind.noun());
    Ok(Done::new(what, summary))
}

/// What bringing a record back did.
#[derive(Debug, Clone)]
pub enum Restore {
    Done(Done<String>),
    /// A dose that would take its day over the max stayed in the trash (nothing written):
    /// the same refusal as taking it, lifted by `force` (`--force`, the app's "y").
    OverMax(OverMax),
}

/// Brings the record back from the trash; a dose passes the max check of `med take`.
pub fn restore(repo: &mut Repo, rid: RecordId, force: bool) -> Result<Restore> {
    Ok(match repo.restore(rid, force)? {
        Restored::Done(what) => {
            let summary = format!("Restored {} {rid} ({what})", rid.kind.noun());
            Restore::Done(Done::new(what, summary))
        }
        Restored::DoseOverMax { dose, before, max } => Restore::OverMax(OverMax {
            after: before + dose.amount,
            dose,
            before,
            max,
        }),
    })
}

/// An edit the app can take back: the record as it was before and after, and the stamp the
/// record has had since this step last wrote it (the edit itself, or its undo or redo).
#[derive(Debug, Clone, PartialEq)]
pub struct EditStep {
    pub before: Snapshot,
    pub after: Snapshot,
    stamp: Stamp,
}

impl EditStep {
    pub fn rid(&self) -> RecordId {
        self.after.rid()
    }

    /// The edit in words, the words it kept around what it changed: `23 Nov, pain (4 → 7)`,
    /// `ride (1h30m → 2h) on 28 Nov`; the record's description when that did not change.
    pub fn change(&self) -> String {
        change_words(self.before.summary(), self.after.summary())
    }
}

/// `before → after` with the words both share at either end written once.
pub fn change_words(before: &str, after: &str) -> String {
    let (b, a): (Vec<&str>, Vec<&str>) = (
        before.split_whitespace().collect(),
        after.split_whitespace().collect(),
    );
    let most = b.len().min(a.len());
    let head = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let tail = (0..most - head)
        .take_while(|&i| b[b.len() - 1 - i] == a[a.len() - 1 - i])
        .count();
    let (mb, ma) = (&b[head..b.len() - tail], &a[head..a.len() - tail]);
    if mb.is_empty() && ma.is_empty() {
        return after.to_string();
    }
    let side = |w: &[&str]| match w.is_empty() {
        true => "—".to_string(),
        false => w.join(" "),
    };
    let mid = format!("{} → {}", side(mb), side(ma));
    let mut words: Vec<String> = a[..head].iter().map(|w| w.to_string()).collect();
    words.push(match head + tail {
        0 => mid,
        _ => format!("({mid})"),
    });
    words.extend(a[a.len() - tail..].iter().map(|w| w.to_string()));
    words.join(" ")
}

/// The record as stored now, taken just before an edit writes it.
pub fn before_edit(repo: &Repo, rid: RecordId) -> Result<Snapshot> {
    Ok(repo.snapshot(rid)?)
}

/// The step for an edit just written from `before`; None when it changed nothing stored but
/// the time of writing (a form saved as it was).
pub fn edited(repo: &Repo, before: Snapshot) -> Result<Option<EditStep>> {
    let after = repo.snapshot(before.rid())?;
    if after.same_content(&before) {
        return Ok(None);
    }
    let stamp = after.stamp();
    Ok(Some(EditStep {
        before,
        after,
        stamp,
    }))
}

/// Whether the step can run now: Err in words when the record was deleted or changed since.
pub fn check_edit(repo: &Repo, step: &EditStep) -> Result<()> {
    Ok(repo.check_stamp(step.rid(), &step.stamp)?)
}

/// Puts back the record as it was before the edit (`updated_at` now). A dose it would take
/// over its day's max is not written (the same refusal as taking it), unless `force`.
pub fn undo_edit(repo: &mut Repo, step: &mut EditStep, force: bool) -> Result<Restore> {
    let snap = step.before.clone();
    let rid = step.rid();
    write_step(repo, step, &snap, force, |what| {
        format!(
            "Put back {} {rid} as before your edit: {what}",
            rid.kind.noun()
        )
    })
}

/// Writes the edit again after it was taken back, by the same rule as [`undo_edit`].
pub fn redo_edit(repo: &mut Repo, step: &mut EditStep, force: bool) -> Result<Restore> {
    let snap = step.after.clone();
    let rid = step.rid();
    write_step(repo, step, &snap, force, |what| {
        format!("Did your edit of {} {rid} again: {what}", rid.kind.noun())
    })
}

fn write_step(
    repo: &mut Repo,
    step: &mut EditStep,
    snap: &Snapshot,
    force: bool,
    words: impl FnOnce(&str) -> String,
) -> Result<Restore> {
    match repo.put_back_ruled(snap, &step.stamp, force)? {
        PutBack::Done(stamp) => {
            step.stamp = stamp;
            let what = snap.summary().to_string();
            let summary = words(&what);
            Ok(Restore::Done(Done::new(what, summary)))
        }
        PutBack::DoseOver { dose, over } => Ok(Restore::OverMax(OverMax {
            before: over.after - dose.amount,
            after: over.after,
            max: over.max,
            dose,
        })),
    }
}

/// After a later step about the same record was taken back (or redone), the step beneath it
/// expects the record's stamp now, provided the record holds what this step would find
/// (`after` for an undo, `before` for a redo). True when it was re-armed.
pub fn rearm(repo: &Repo, step: &mut EditStep, redo: bool) -> Result<bool> {
    let now = match repo.snapshot(step.rid()) {
        Ok(s) => s,
        Err(RepoError::NotFound(_)) => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    let expected = if redo { &step.before } else { &step.after };
    if !now.same_content(expected) {
        return Ok(false);
    }
    step.stamp = now.stamp();
    Ok(true)
}
