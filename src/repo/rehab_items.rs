//! A rehab session's exercise rows. An edit updates each row it keeps in place, matched by
//! exercise, so the row's uuid stays and an export still names the same row; a row the edit
//! drops goes to the trash with a fresh `updated_at`, so a merge by uuid carries the removal to
//! another journal instead of bringing the row back; a new exercise gets a new row.

use rusqlite::{Transaction, params};

use super::error::Result;
use super::util::new_uuid;
use crate::domain::records::SessionItem;

/// Adds one exercise row to session `session_id`.
pub(crate) fn insert_item_tx(
    tx: &Transaction,
    session_id: i64,
    it: &SessionItem,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO rehab_session_items (uuid, session_id, exercise_id, sets, reps, load_kg, hold_s, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?8)",
    )?
    .execute(params![new_uuid(), session_id, it.exercise_id, it.sets, it.reps, it.load_kg, it.hold_s, now])?;
    Ok(())
}

/// A stored row of the session, live or in the trash.
struct Stored {
    id: i64,
    exercise_id: i64,
    sets: Option<u32>,
    reps: Option<u32>,
    load_kg: Option<f64>,
    hold_s: Option<u32>,
    live: bool,
}

impl Stored {
    fn holds(&self, it: &SessionItem) -> bool {
        self.live
            && (self.sets, self.reps, self.load_kg, self.hold_s)
                == (it.sets, it.reps, it.load_kg, it.hold_s)
    }
}

/// Makes the session's live rows exactly `items`. The n-th item of an exercise takes the
/// n-th stored row of it (live rows first, then rows an earlier edit dropped, which come back
/// under their old uuid); a row left as it was keeps its `updated_at`.
pub(crate) fn replace_items_tx(
    tx: &Transaction,
    session_id: i64,
    items: &[SessionItem],
    now: &str,
) -> Result<()> {
    let stored: Vec<Stored> = {
        let mut st = tx.prepare_cached(
            "SELECT id, exercise_id, sets, reps, load_kg, hold_s, deleted_at IS NULL
             FROM rehab_session_items WHERE session_id=?1 ORDER BY deleted_at IS NOT NULL, id",
        )?;
        st.query_map([session_id], |r| {
            Ok(Stored {
                id: r.get(0)?,
                exercise_id: r.get(1)?,
                sets: r.get(2)?,
                reps: r.get(3)?,
                load_kg: r.get(4)?,
                hold_s: r.get(5)?,
                live: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let mut taken = vec![false; stored.len()];
    for it in items {
        let row = (0..stored.len()).find(|&i| !taken[i] && stored[i].exercise_id == it.exercise_id);
        match row {
            Some(i) => {
                taken[i] = true;
                if !stored[i].holds(it) {
                    tx.prepare_cached(
                        "UPDATE rehab_session_items SET sets=?1, reps=?2, load_kg=?3, hold_s=?4,
                         deleted_at=NULL, updated_at=?5 WHERE id=?6",
                    )?
                    .execute(params![
                        it.sets,
                        it.reps,
                        it.load_kg,
                        it.hold_s,
                        now,
                        stored[i].id
                    ])?;
                }
            }
            None => insert_item_tx(tx, session_id, it, now)?,
        }
    }
    for (row, _) in stored.iter().zip(&taken).filter(|(r, t)| r.live && !**t) {
        tx.prepare_cached(
            "UPDATE rehab_session_items SET deleted_at=?1, updated_at=?1 WHERE id=?2",
        )?
        .execute(params![now, row.id])?;
    }
    Ok(())
}
