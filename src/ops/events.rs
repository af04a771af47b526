//! Adding and editing an event (SPEC §4.5): a dated fact such as an MRI or a physio visit.

use chrono::NaiveDate;

use super::Done;
use super::Result;
use super::input::text;
use crate::domain::InputError;
use crate::domain::records::Event;
use crate::domain::vocab::EventKind;
use crate::repo::Repo;

/// An event as typed.
#[derive(Debug, Clone, Default)]
pub struct EventDraft {
    pub kind: String,
    pub title: String,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// The validated event.
pub fn build_event(a: &EventDraft, today: NaiveDate) -> std::result::Result<Event, InputError> {
    let kind = EventKind::parse(&a.kind)?;
    let title = text(&Some(a.title.clone()))
        .ok_or_else(|| InputError::new("title", "empty; allowed: any text, e.g. MRI"))?;
    // Events may be ahead: an MRI next Tuesday is an appointment the Today screen shows.
    let date = match &a.date {
        Some(d) => crate::domain::parse::parse_date_ahead("date", d, today)?,
        None => today,
    };
    Ok(Event {
        id: 0,
        uuid: String::new(),
        date,
        kind,
        title,
        note: text(&a.note),
    })
}

/// "Saved event e2: imaging on 2026-11-23: MRI".
pub fn event_line(verb: &str, e: &Event) -> String {
    format!(
        "{verb} event e{}: {} on {}: {}",
        e.id, e.kind, e.date, e.title
    )
}

pub fn add_event(repo: &mut Repo, a: &EventDraft, today: NaiveDate) -> Result<Done<Event>> {
    let e = repo.add_event(&build_event(a, today)?)?;
    let summary = event_line("Saved", &e) + &weekday_note(a, today);
    Ok(Done::new(e, summary))
}

/// A bare weekday is the last one (a journal records what happened), while an appointment
/// may be the coming one: say which day it took and how to name the other.
fn weekday_note(a: &EventDraft, today: NaiveDate) -> String {
    let Some(typed) = a.date.as_deref() else {
        return String::new();
    };
    match crate::domain::ahead::bare_weekday(typed, today) {
        Some((took, next)) => format!(
            " ({} taken as {}, the last one; the coming one is \"next {}\", {})",
            typed.trim(),
            took.format("%a %-d %b"),
            typed.trim().to_ascii_lowercase(),
            next.format("%a %-d %b")
        ),
        None => String::new(),
    }
}

/// Replaces a stored event with the draft (the app's edit form).
pub fn replace_event(
    repo: &mut Repo,
    old: &Event,
    a: &EventDraft,
    today: NaiveDate,
) -> Result<Done<Event>> {
    let mut e = build_event(a, today)?;
    e.id = old.id;
    e.uuid = old.uuid.clone();
    repo.update_event(&e)?;
    let summary = event_line("Updated", &e) + &weekday_note(a, today);
    Ok(Done::new(e, summary))
}
