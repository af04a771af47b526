//! The outcome-score form (`o`, SPEC §14): an instrument, the total scored on the clinic's form
//! (the questionnaires' items are not reproduced), STarT Back's psychosocial subscore, the day
//! and a note; above it the latest of each instrument and what is due by the user's schedule.

use super::{EntryForm, FormKind};
use crate::analysis::scores::ScoreSummary;
use crate::domain::limits::PSYCH;
use crate::domain::scores::Instrument;
use crate::ops::scores::ScoreDraft;
use crate::tui::forms::fields::{Entry, EntryField};

pub fn score_form(summaries: Vec<ScoreSummary>) -> EntryForm {
    let names: Vec<&str> = Instrument::ALL.iter().map(|i| i.as_str()).collect();
    // The first instrument due, else the one last entered, comes up first.
    let first = summaries
        .iter()
        .find(|s| s.due)
        .or_else(|| {
            summaries
                .iter()
                .max_by_key(|s| s.latest.as_ref().map(|l| l.date))
        })
        .map_or("odi", |s| s.instrument.as_str());
    let fields = vec![
        EntryField::choice("instrument", "Instrument", &names, first),
        EntryField::text("value", "Total", "", "the form's total"),
        EntryField::text(
            "psych",
            "Psychosocial",
            "",
            format!("startback only: {}", PSYCH.range()),
        ),
        EntryField::text("date", "Date", "today", "today, -3, YYYY-MM-DD"),
        EntryField::note("note", ""),
    ];
    EntryForm {
        kind: FormKind::Score { summaries },
        entry: Entry::new("New outcome score", fields),
    }
}

/// The form's text as the draft `ops::scores` checks and stores.
pub fn score_draft(e: &Entry) -> ScoreDraft {
    ScoreDraft {
        instrument: e.text("instrument"),
        value: e.text("value"),
        date: e.opt("date"),
        psych: e.opt("psych"),
        note: e.opt("note"),
    }
}

/// The lines under the fields: the ranges, then each instrument's latest and due date.
pub fn score_info(summaries: &[ScoreSummary]) -> Vec<String> {
    let mut out = vec![format!("Totals: {}", totals())];
    for s in summaries {
        let latest = s.latest.as_ref().map_or("none yet".to_string(), |l| {
            format!("{} on {}", l.value, l.date)
        });
        let due = match (s.due, s.due_on) {
            (true, _) => " · due now".to_string(),
            (false, Some(d)) => format!(" · next {d}"),
            _ => String::new(),
        };
        out.push(format!("{}: {latest}{due}", s.instrument.as_str()));
    }
    out
}

/// Each instrument's accepted totals, from the table `score add` checks by:
/// "odi 0–100 · rmdq 0–24 · …".
fn totals() -> String {
    Instrument::ALL
        .map(|i| {
            let r = i.range();
            format!("{} {}–{}", i.as_str(), r.lo, r.hi)
        })
        .join(" · ")
}
