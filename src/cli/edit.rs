//! `edit ID [flags]`: which flags apply to which kind of record (applying them is
//! `ops::edit`).

use super::args::EditArgs;
use crate::domain::InputError;
use crate::repo::Kind;

/// The long names of the flags the user gave.
pub fn given_flags(a: &EditArgs) -> Vec<&'static str> {
    let c = &a.checkin;
    let x = &a.activity;
    let mut v = Vec::new();
    let mut add = |on: bool, name: &'static str| {
        if on {
            v.push(name);
        }
    };
    add(a.pain.is_some(), "pain");
    add(a.kind.is_some(), "kind");
    add(a.duration.is_some(), "duration");
    add(a.title.is_some(), "title");
    add(a.amount.is_some(), "amount");
    add(a.at.is_some(), "at");
    add(a.max_daily.is_some(), "max-daily");
    add(a.minutes.is_some(), "minutes");
    add(a.to.is_some(), "to");
    add(a.target.is_some(), "target");
    add(c.date.is_some(), "date");
    add(c.worst.is_some(), "worst");
    add(c.leg.is_some(), "leg");
    add(!c.locations.is_empty(), "where");
    add(!c.character.is_empty(), "feels");
    add(c.sleep.is_some(), "sleep");
    add(c.sleep_quality.is_some(), "sleep-quality");
    add(c.mood.is_some(), "mood");
    add(c.stress.is_some(), "stress");
    add(c.energy.is_some(), "energy");
    add(c.sitting.is_some(), "sitting");
    add(c.workday, "workday");
    add(c.no_workday, "no-workday");
    add(!c.tags.is_empty(), "tag");
    add(c.note.is_some(), "note");
    add(c.edit, "edit");
    add(!c.red_flags.is_empty(), "red-flag");
    add(x.start.is_some(), "start");
    add(x.moving.is_some(), "moving");
    add(x.distance.is_some(), "distance");
    add(x.ascent.is_some(), "ascent");
    add(x.power.is_some(), "power");
    add(x.np.is_some(), "np");
    add(x.hr.is_some(), "hr");
    add(x.max_hr.is_some(), "max-hr");
    add(x.rpe.is_some(), "rpe");
    add(x.tss.is_some(), "tss");
    add(x.intensity.is_some(), "intensity");
    add(x.pain_before.is_some(), "pain-before");
    add(x.pain_during.is_some(), "pain-during");
    add(x.pain_after.is_some(), "pain-after");
    add(x.stopped_for_pain.is_some(), "stopped-for-pain");
    add(x.bike.is_some(), "bike");
    v
}

fn applicable(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Checkin => &[
            "pain",
            "date",
            "worst",
            "leg",
            "where",
            "feels",
            "sleep",
            "sleep-quality",
            "mood",
            "stress",
            "energy",
            "sitting",
            "workday",
            "no-workday",
            "tag",
            "note",
            "edit",
            "red-flag",
        ],
        Kind::Activity => &[
            "kind",
            "duration",
            "date",
            "start",
            "moving",
            "distance",
            "ascent",
            "power",
            "np",
            "hr",
            "max-hr",
            "rpe",
            "tss",
            "intensity",
            "pain-before",
            "pain-during",
            "pain-after",
            "stopped-for-pain",
            "bike",
            "note",
        ],
        Kind::Event => &["kind", "date", "title", "note"],
        Kind::Dose => &["amount", "at", "note", "pain-before"],
        Kind::Medication => &["title", "kind", "amount", "max-daily", "note"],
        Kind::Rehab => &["date", "minutes", "pain-before", "pain-after", "note"],
        Kind::Programme => &["title", "date", "to", "target", "note"],
        Kind::Exercise => &["title", "kind", "note"],
        Kind::Psfs | Kind::Criterion | Kind::Score | Kind::Plan => &[],
    }
}

/// Refuses flags that do not fit the record, naming the ones that do.
pub fn check_applicable(kind: Kind, given: &[&str]) -> Result<(), InputError> {
    let ok = applicable(kind);
    if let Some(bad) = given.iter().find(|f| !ok.contains(f)) {
        let allowed = if ok.is_empty() {
            "none (delete and re-add it instead)".to_string()
        } else {
            ok.iter()
                .map(|f| format!("--{f}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(InputError::new(
            *bad,
            format!(
                "--{bad} does not apply to {} {}; allowed: {allowed}",
                article(kind.noun()),
                kind.noun()
            ),
        ));
    }
    Ok(())
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
