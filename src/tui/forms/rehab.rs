//! The rehab forms (SPEC §4.3): a session ticks off the active programme (everything ticked
//! as prescribed is one key), and a new programme takes its exercises as the CLI does.

use chrono::NaiveDate;

use super::training::pain;
use super::{EntryForm, FormKind, show};
use crate::domain::InputError;
use crate::domain::parse::parse_date;
use crate::domain::prescription::format_spec;
use crate::domain::prescription::parse_done;
use crate::domain::records::{Exercise, Programme, RehabSession, SessionItem};
use crate::domain::text::Units;
use crate::domain::text::prescription_in_form;
use crate::domain::vocab::ExerciseKind;
use crate::ops::rehab::ProgrammeDraft;
use crate::tui::forms::fields::{Entry, EntryField};

/// One tickable exercise with the prescription it is logged with.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub exercise_id: i64,
    pub name: String,
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    pub hold_s: Option<u32>,
    /// The load: as prescribed (programme or library default), or as done when editing.
    pub load_kg: Option<f64>,
}

/// The rehab form: the programme's exercises all ticked, or the library unticked when no
/// programme is active; editing a session ticks what it holds.
pub fn rehab_form(
    programme: Option<Programme>,
    library: &[Exercise],
    editing: Option<RehabSession>,
    today: NaiveDate,
) -> EntryForm {
    let exercises = ticks(programme.as_ref(), library, editing.as_ref());
    let names = exercises
        .iter()
        .map(|t| {
            let spec = format_spec(t.sets, t.reps, t.hold_s, t.load_kg);
            format!("{} {spec}", t.name)
        })
        .collect();
    let all_on = editing.is_some() || programme.is_some();
    let s = editing.as_ref();
    let fields = session_fields(s, names, all_on);
    let name = programme
        .as_ref()
        .map_or("no programme", |p| p.name.as_str());
    let title = match s {
        Some(s) => format!("Rehab session r{} (editing)", s.id),
        None => format!("Rehab session · {name} · {}", today.format("%a %-d %b")),
    };
    EntryForm {
        kind: FormKind::Rehab {
            programme,
            exercises,
            editing,
        },
        entry: Entry::new(title, fields),
    }
}

/// The exercises to tick: a session's own when editing, else the programme's, else the
/// library's.
fn ticks(
    programme: Option<&Programme>,
    library: &[Exercise],
    editing: Option<&RehabSession>,
) -> Vec<Tick> {
    let tick = |exercise_id, name: &str, sets, reps, hold_s, load_kg| Tick {
        exercise_id,
        name: name.to_string(),
        sets,
        reps,
        hold_s,
        load_kg,
    };
    match (editing, programme) {
        (Some(s), _) => s
            .items
            .iter()
            .map(|i| {
                tick(
                    i.exercise_id,
                    &i.exercise,
                    i.sets,
                    i.reps,
                    i.hold_s,
                    i.load_kg,
                )
            })
            .collect(),
        (None, Some(p)) => p
            .items
            .iter()
            .map(|i| {
                tick(
                    i.exercise_id,
                    &i.exercise,
                    i.sets,
                    i.reps,
                    i.hold_s,
                    i.load_kg,
                )
            })
            .collect(),
        (None, None) => library
            .iter()
            .map(|x| tick(x.id, &x.name, x.sets, x.reps, x.hold_s, x.load_kg))
            .collect(),
    }
}

/// The ticks, then the session's minutes, pain, date, changes as done and note.
fn session_fields(s: Option<&RehabSession>, names: Vec<String>, all_on: bool) -> Vec<EntryField> {
    vec![
        EntryField::ticks("done", "Done", names, all_on),
        EntryField::text(
            "minutes",
            "Minutes",
            &show(s.and_then(|s| s.minutes)),
            "e.g. 20",
        ),
        pain("pain_before", "Pain before", s.and_then(|x| x.pain_before)),
        pain("pain_after", "Pain after", s.and_then(|x| x.pain_after)),
        EntryField::text(
            "date",
            "Date",
            &s.map_or("today".into(), |s| s.date.to_string()),
            "today, -1, mon",
        ),
        EntryField::text(
            "as_done",
            "As done",
            "",
            match crate::domain::text::units() {
                Units::Metric => "changes only: bird dog:3x12, plank:3x45s@5kg",
                Units::Imperial => "changes only: bird dog:3x12, plank:3x45s@10lb",
            },
        ),
        EntryField::note("note", &show(s.and_then(|s| s.note.clone()))),
    ]
}

pub fn rehab_info(p: Option<&Programme>) -> String {
    match p {
        Some(p) => format!(
            "{}, {} a week · Space unticks · Enter saves what is ticked",
            p.name, p.target_per_week
        ),
        None => "No active programme (`backtrack rehab programme add`); tick what you did.".into(),
    }
}

/// The validated session.
pub fn rehab_record(
    e: &Entry,
    programme: Option<&Programme>,
    exercises: &[Tick],
    editing: Option<&RehabSession>,
    today: NaiveDate,
) -> Result<RehabSession, InputError> {
    let scale = |k: &str| {
        e.opt(k)
            .map(|t| crate::domain::limits::PAIN.parse_scale(k, &t))
            .transpose()
    };
    // The same limits as `rehab log --minutes` and the import: 0 up to a day.
    let minutes = e
        .opt("minutes")
        .map(|t| {
            t.trim().parse::<u32>().map_err(|_| {
                InputError::new(
                    "minutes",
                    format!(
                        "'{t}' is not a number; allowed: whole minutes 0–{}",
                        crate::ops::input::MAX_SESSION_MINUTES
                    ),
                )
            })
        })
        .transpose()?;
    let minutes = crate::ops::input::opt_minutes(minutes)?;
    let mut items: Vec<SessionItem> = e
        .ticked("done")
        .into_iter()
        .filter_map(|i| exercises.get(i))
        .map(|t| SessionItem {
            exercise_id: t.exercise_id,
            exercise: t.name.clone(),
            sets: t.sets,
            reps: t.reps,
            load_kg: t.load_kg,
            hold_s: t.hold_s,
        })
        .collect();
    apply_as_done(e, exercises, &mut items)?;
    if items.is_empty() {
        return Err(InputError::new(
            "done",
            "no exercise ticked; allowed: tick at least one with Space",
        ));
    }
    let date = match e.opt("date") {
        Some(d) => parse_date("date", &d, today)?,
        None => today,
    };
    Ok(RehabSession {
        id: editing.map_or(0, |s| s.id),
        uuid: editing.map(|s| s.uuid.clone()).unwrap_or_default(),
        date,
        programme_id: editing.map_or(programme.map(|p| p.id), |s| s.programme_id),
        programme: editing.map_or(programme.map(|p| p.name.clone()), |s| s.programme.clone()),
        minutes,
        pain_before: scale("pain_before")?,
        pain_after: scale("pain_after")?,
        note: e.opt("note"),
        items,
    })
}

/// The new-programme form: exercises typed as on the CLI, in order.
pub fn programme_form(library: &[Exercise]) -> EntryForm {
    let kinds: Vec<&str> = ExerciseKind::ALL.iter().map(|k| k.as_str()).collect();
    let fields = vec![
        EntryField::text("name", "Name", "", "e.g. physio core"),
        EntryField::text(
            "exercises",
            "Exercises",
            "",
            match crate::domain::text::units() {
                Units::Metric => "bird dog:3x10, side plank:3x30s, goblet squat:3x8@16kg",
                Units::Imperial => "bird dog:3x10, side plank:3x30s, goblet squat:3x8@35lb",
            },
        ),
        EntryField::text("from", "From", "today", "today, mon, YYYY-MM-DD"),
        EntryField::text("to", "To", "", "open-ended if empty"),
        EntryField::text(
            "target",
            "Per week",
            "3",
            format!(
                "sessions, {}",
                crate::domain::limits::TARGET_PER_WEEK.range()
            ),
        ),
        EntryField::choice("new_kind", "New kind", &kinds, "strength"),
        EntryField::note("note", ""),
    ];
    EntryForm {
        kind: FormKind::Programme {
            library: library.iter().map(|e| e.name.clone()).collect(),
        },
        entry: Entry::new("New rehab programme", fields),
    }
}

/// "Library: bird dog, dead bug, …" wrapped to the form's width.
pub fn library_lines(library: &[String]) -> Vec<String> {
    let mut lines = vec![String::from("Library:")];
    for name in library {
        let last = lines.last_mut().expect("one line");
        if crate::tui::text::cells(last) + crate::tui::text::cells(name) + 2 > 76 {
            lines.push(format!("  {name},"));
        } else {
            last.push_str(&format!(" {name},"));
        }
    }
    if let Some(l) = lines.last_mut()
        && l.ends_with(',')
    {
        l.pop();
    }
    lines
}

/// The programme the form's text stands for, as the draft `ops` validates and stores.
pub fn programme_draft(e: &Entry) -> Result<ProgrammeDraft, InputError> {
    let target = e.opt("target").map_or(Ok(3), |t| {
        t.parse::<u32>().map_err(|_| {
            InputError::new(
                "target",
                format!(
                    "'{t}' is not a number; allowed: {} sessions per week",
                    crate::domain::limits::TARGET_PER_WEEK.range()
                ),
            )
        })
    })?;
    let exercises: Vec<String> = e
        .text("exercises")
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(prescription_in_form)
        .collect();
    if exercises.is_empty() {
        return Err(InputError::new(
            "exercises",
            "none; allowed: library names with prescriptions, e.g. bird dog:3x10, glute bridge",
        ));
    }
    Ok(ProgrammeDraft {
        name: e.text("name"),
        exercises,
        from: e.opt("from"),
        to: e.opt("to"),
        target,
        note: e.opt("note"),
    })
}

/// The programme's exercises not in the library (names compared case aside), each with its
/// prescription as typed: (name, prescription), to be added before the programme is saved.
pub fn unknown_exercises(
    draft: &ProgrammeDraft,
    library: &[String],
) -> Result<Vec<(String, Option<String>)>, InputError> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for text in &draft.exercises {
        let (name, _) = parse_done("exercises", text)?;
        let known = library.iter().any(|l| l.eq_ignore_ascii_case(&name));
        let listed = out.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name));
        if !known && !listed {
            let spec = text
                .rsplit_once(':')
                .map(|(_, s)| s.trim().to_string())
                .filter(|s| !s.is_empty());
            out.push((name, spec));
        }
    }
    Ok(out)
}

/// The "as done" field of the rehab form: `bird dog:3x12, plank:3x45s@5kg` changes the sets,
/// reps, hold or load of those exercises (ticking them), leaving the rest as prescribed.
fn apply_as_done(
    e: &Entry,
    exercises: &[Tick],
    items: &mut Vec<SessionItem>,
) -> Result<(), InputError> {
    let Some(text) = e.opt("as_done") else {
        return Ok(());
    };
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let (name, p) = parse_done("as_done", &prescription_in_form(part))?;
        let Some(t) = exercises
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(&name))
        else {
            let names: Vec<&str> = exercises.iter().map(|t| t.name.as_str()).collect();
            return Err(InputError::new(
                "as_done",
                format!(
                    "'{name}' is not in this list; allowed: {}",
                    names.join(", ")
                ),
            ));
        };
        let item = match items.iter().position(|i| i.exercise_id == t.exercise_id) {
            Some(i) => &mut items[i],
            None => {
                items.push(SessionItem {
                    exercise_id: t.exercise_id,
                    exercise: t.name.clone(),
                    sets: t.sets,
                    reps: t.reps,
                    load_kg: t.load_kg,
                    hold_s: t.hold_s,
                });
                items.last_mut().expect("just pushed")
            }
        };
        if p.sets.is_some() {
            item.sets = p.sets;
        }
        if p.reps.is_some() {
            item.reps = p.reps;
        }
        if p.hold_s.is_some() {
            item.hold_s = p.hold_s;
        }
        if p.load_kg.is_some() {
            item.load_kg = p.load_kg;
        }
    }
    Ok(())
}
