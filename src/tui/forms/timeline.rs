//! The event form (SPEC §4.5), the PSFS form (SPEC §4.6: up to five activities rated 0–10)
//! and the timeline's date prompt, which takes the CLI's date syntax.

use chrono::NaiveDate;

use super::{EntryForm, FormKind, show};
use crate::domain::InputError;
use crate::domain::limits::PAIN;
use crate::domain::records::{Event, PsfsItem};
use crate::domain::vocab::EventKind;
use crate::ops::events::EventDraft;
use crate::repo::psfs::PSFS_MAX_ITEMS;
use crate::tui::forms::fields::{Entry, EntryField};

/// An event may be an appointment ahead.
const EVENT_DATES: &str = "today, -3, +8, next tue, YYYY-MM-DD, MM-DD";

pub fn event_form(editing: Option<Event>) -> EntryForm {
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
    let ev = editing.as_ref();
    let fields = vec![
        EntryField::choice(
            "kind",
            "Kind",
            &kinds,
            ev.map_or("doctor", |e| e.kind.as_str()),
        ),
        EntryField::text(
            "date",
            "Date",
            &ev.map_or("today".into(), |e| e.date.to_string()),
            EVENT_DATES,
        ),
        EntryField::text(
            "title",
            "Title",
            &show(ev.map(|e| e.title.clone())),
            "e.g. MRI",
        ),
        EntryField::note("note", &show(ev.and_then(|e| e.note.clone()))),
    ];
    let title = match ev {
        Some(e) => format!("Event e{} (editing)", e.id),
        None => "New event".into(),
    };
    EntryForm {
        kind: FormKind::Event { editing },
        entry: Entry::new(title, fields),
    }
}

/// The event the form's text stands for, as the draft `ops` validates and stores.
pub fn event_draft(e: &Entry) -> EventDraft {
    EventDraft {
        kind: e.text("kind"),
        title: e.text("title"),
        date: e.opt("date"),
        note: e.opt("note"),
    }
}

/// Keys of the score fields, one per activity (static so the entry can name them).
const SCORE_KEYS: [&str; PSFS_MAX_ITEMS] = ["s0", "s1", "s2", "s3", "s4"];

/// One score field per defined activity, then a new activity with its score while fewer
/// than five are defined.
pub fn psfs_form(items: Vec<PsfsItem>, today: NaiveDate) -> EntryForm {
    let mut fields: Vec<EntryField> = items
        .iter()
        .zip(SCORE_KEYS)
        .map(|(i, key)| {
            let mut f = EntryField::text(key, &i.name, "", PAIN.range());
            if let Some(r) = i.ratings.last() {
                f.label = format!(
                    "{} (last {} on {})",
                    i.name,
                    r.score,
                    r.date.format("%-d %b")
                );
            }
            f
        })
        .collect();
    if items.len() < PSFS_MAX_ITEMS {
        fields.push(EntryField::text(
            "new",
            "New activity",
            "",
            "e.g. ride 3h with climbing",
        ));
        fields.push(EntryField::text("new_score", "Its score", "", PAIN.range()));
    }
    EntryForm {
        kind: FormKind::Psfs { items },
        entry: Entry::new(
            format!("PSFS · {} · up to 5 activities", today.format("%a %-d %b")),
            fields,
        ),
    }
}

/// The (activity, score) pairs to store; nothing is returned unless every score is valid.
pub fn psfs_scores(e: &Entry, items: &[PsfsItem]) -> Result<Vec<(String, u8)>, InputError> {
    let mut out = Vec::new();
    for (item, key) in items.iter().zip(SCORE_KEYS) {
        if let Some(t) = e.opt(key) {
            out.push((item.name.clone(), PAIN.parse_scale(key, &t)?));
        }
    }
    match (e.opt("new"), e.opt("new_score")) {
        (Some(name), Some(t)) => out.push((name, PAIN.parse_scale("new_score", &t)?)),
        (Some(_), None) => {
            return Err(InputError::new(
                "new_score",
                format!("missing for the new activity; allowed: {}", PAIN.range()),
            ));
        }
        (None, Some(_)) => {
            return Err(InputError::new(
                "new",
                "the score has no activity; allowed: a short description",
            ));
        }
        (None, None) => {}
    }
    if out.is_empty() {
        return Err(InputError::new(
            "score",
            format!(
                "nothing rated; allowed: a score {} for at least one activity",
                PAIN.range()
            ),
        ));
    }
    Ok(out)
}

/// The date prompt, empty: Enter alone goes back to today; words that are not a date find
/// the next event that has them.
pub fn jump_form() -> EntryForm {
    EntryForm {
        kind: FormKind::JumpDate,
        entry: Entry::new(
            "Jump to a date, or find an event",
            vec![EntryField::text(
                "date",
                "Date or words",
                "",
                "today, -3, mon, MM-DD · or words: MRI",
            )],
        ),
    }
}

/// `/` on the pain log, Training and Medications: words to find; Enter alone finds the last
/// words again (the next match).
pub fn search_form(last: &str) -> EntryForm {
    let title = if last.is_empty() {
        "Find (the next match below the selection)".to_string()
    } else {
        format!("Find (Enter alone: '{last}' again)")
    };
    EntryForm {
        kind: FormKind::Search { hits: Vec::new() },
        entry: Entry::new(
            title,
            vec![EntryField::text(
                "text",
                "Find",
                "",
                "words from a note, tag, name or title",
            )],
        ),
    }
}
