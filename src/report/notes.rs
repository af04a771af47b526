//! The `--notes` appendix: every note of the period, whatever it was written on (check-ins,
//! activities, doses, rehab sessions, events), in date order, each with what it belongs to.

use super::figures::{Figures, NoteEntry};
use super::words::plain;
use crate::views::report::ReportData;

fn text(note: &Option<String>) -> Option<String> {
    note.as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// Every note of `[from, to]`, oldest first; on one day: check-ins, activities, doses, rehab,
/// then events (in their chart numbers). Events are listed even without a note.
pub fn notes(r: &ReportData, f: &Figures) -> Vec<NoteEntry> {
    let inside = |d| d >= r.from && d <= r.to;
    let flare_day = |d| r.stats.flares.iter().any(|fl| fl.start <= d && d <= fl.end);
    let mut out: Vec<(u8, NoteEntry)> = Vec::new();
    let mut push = |rank: u8, date, what: String, note: Option<String>| {
        if let Some(text) = note {
            out.push((rank, NoteEntry { date, what, text }));
        }
    };
    for c in r.journal.checkins.iter().filter(|c| inside(c.date)) {
        let what = if flare_day(c.date) {
            format!("check-in, flare day, pain {}", c.pain)
        } else {
            format!("check-in, pain {}", c.pain)
        };
        push(0, c.date, what, text(&c.note));
    }
    for a in r.journal.activities.iter().filter(|a| inside(a.date())) {
        let secs = a.moving_s.unwrap_or(a.elapsed_s);
        let what = format!("{} {} min", plain(a.kind.as_str()), secs / 60);
        push(1, a.date(), what, text(&a.note));
    }
    for d in r.journal.doses.iter().filter(|d| inside(d.taken_at.date())) {
        let what = format!(
            "dose {} {} {} at {}",
            d.medication,
            super::med_safety::amount(d.amount),
            d.unit,
            d.taken_at.format("%H:%M")
        );
        push(2, d.taken_at.date(), what, text(&d.note));
    }
    for s in r.journal.rehab_sessions.iter().filter(|s| inside(s.date)) {
        let what = format!("rehab {}", s.programme.as_deref().unwrap_or("session"));
        push(3, s.date, what, text(&s.note));
    }
    for e in &f.events {
        let what = format!("event {}: {} ({})", e.n, e.title, plain(&e.kind));
        push(4, e.date, what, Some(text(&e.note).unwrap_or_default()));
    }
    // A stable sort keeps each kind's own order (check-ins by date, doses by time).
    out.sort_by_key(|(rank, n)| (n.date, *rank));
    out.into_iter().map(|(_, n)| n).collect()
}
