//! `list`, `info`, `edit`, `delete`, `restore` and `trash`: records by typed ID. Listing is
//! in `list`, one record in words in `info`; writing (edit, delete, restore) here.

use anyhow::Result;

use super::args::{EditArgs, Global};
use super::ctx::*;
use crate::domain::{InputError, clock};
use crate::ops;
use crate::repo::RecordId;

mod info;
mod list;

pub use info::info;
pub use list::list;

pub fn delete(g: &Global, id: &str) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let mut ctx = Ctx::open_existing(g)?;
    let done = ops::records::delete(&mut ctx.repo, rid)?;
    let v = serde_json::json!({"deleted": rid.to_string(), "summary": done.record});
    ctx.out(&v, || {
        format!("{}. Undo: backtrack restore {rid}", done.summary)
    })
}

pub fn restore(g: &Global, id: &str, force: bool) -> Result<()> {
    let rid = RecordId::parse(id)?;
    let mut ctx = Ctx::open_existing(g)?;
    let done = match ops::records::restore(&mut ctx.repo, rid, force)? {
        ops::records::Restore::Done(done) => done,
        ops::records::Restore::OverMax(over) => return Err(over.restore_refusal().into()),
    };
    let v = serde_json::json!({"restored": rid.to_string(), "summary": done.record});
    ctx.out(&v, || done.summary.clone())
}

pub fn trash(g: &Global, empty: bool, yes: bool) -> Result<()> {
    let mut ctx = Ctx::open_existing(g)?;
    if empty {
        return super::trash::empty(g, &mut ctx, yes);
    }
    let items = ctx.repo.trash()?;
    let today = clock::today();
    ctx.out(&items, || {
        if items.is_empty() {
            return "The trash is empty.".into();
        }
        items
            .iter()
            .map(|t| {
                format!(
                    "{:<7} {:<14} {}  (deleted {})",
                    t.id,
                    t.kind_noun(),
                    t.summary,
                    crate::domain::text::stamp(&t.deleted_at, today)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

impl crate::repo::records::TrashItem {
    fn kind_noun(&self) -> &'static str {
        self.kind.noun()
    }
}

pub fn edit(g: &Global, a: EditArgs) -> Result<()> {
    let rid = RecordId::parse(&a.id)?;
    let today = clock::today();
    let given = super::edit::given_flags(&a);
    if given.is_empty() {
        return Err(InputError::new("flags", "nothing to change; give the fields to edit, e.g. --pain 5 (see `backtrack edit --help`)").into());
    }
    super::edit::check_applicable(rid.kind, &given)?;
    let mut ctx = Ctx::open_existing(g)?;
    let done = ops::edit::apply(&mut ctx.repo, rid, &super::drafts::edit(&a), today)?;
    let v = info::record_json(&ctx, rid)?;
    let over = done
        .record
        .dose_day
        .map_or("", |day| super::meds::over_max_words(&day));
    ctx.out(&v, || done.summary + over)
}
