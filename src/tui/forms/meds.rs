//! The medication forms: the catalogue entry (add/edit), the quick picker of `m`, and the
//! dose with its live total against the max daily total, and a logged dose's correction.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{EntryForm, FormKind, number, show};
use crate::domain::InputError;
use crate::domain::limits::{PAIN, TIMES_A_DAY};
use crate::domain::records::{Dose, Medication};
use crate::domain::vocab::MedClass;
use crate::ops::edit::EditDraft;
use crate::ops::meds::{DoseDraft, MedicationDraft};
use crate::tui::forms::fields::{Entry, EntryField};

pub fn medication_form(editing: Option<Medication>) -> EntryForm {
    let classes: Vec<&str> = MedClass::ALL.iter().map(|k| k.as_str()).collect();
    let m = editing.as_ref();
    let date = |d: Option<NaiveDate>| show(d);
    let fields = vec![
        EntryField::text("name", "Name", &show(m.map(|m| m.name.clone())), ""),
        EntryField::choice(
            "class",
            "Class",
            &classes,
            m.map_or("nsaid", |m| m.class.as_str()),
        ),
        EntryField::text(
            "unit",
            "Unit",
            &m.map_or("mg".into(), |m| m.unit.clone()),
            "mg, ml, tablet",
        ),
        EntryField::text(
            "dose",
            "Usual dose",
            &show(m.map(|m| m.usual_dose)),
            "e.g. 400 (required)",
        ),
        EntryField::text(
            "max_daily",
            "Max a day",
            &show(m.and_then(|m| m.max_daily)),
            "from the label or prescription",
        ),
        EntryField::text(
            "times",
            "Times a day",
            &show(m.and_then(|m| m.times_a_day)),
            "empty = as needed",
        ),
        EntryField::text(
            "course_start",
            "Course from",
            &date(m.and_then(|m| m.course_start)),
            "YYYY-MM-DD",
        ),
        EntryField::text(
            "course_end",
            "Course to",
            &date(m.and_then(|m| m.course_end)),
            "YYYY-MM-DD",
        ),
        EntryField::note("note", &show(m.and_then(|m| m.note.clone()))),
    ];
    let title = match m {
        Some(m) => format!("Medication m{} (editing)", m.id),
        None => "New medication".into(),
    };
    EntryForm {
        kind: FormKind::Medication { editing },
        entry: Entry::new(title, fields),
    }
}

/// The medication the form's text stands for, as the draft `ops` validates and stores.
pub fn medication_draft(e: &Entry) -> Result<MedicationDraft, InputError> {
    let dose = number(e, "dose", "dose")?.ok_or_else(|| {
        InputError::new("dose", "empty; allowed: the usual dose, a number above 0")
    })?;
    let times = e
        .opt("times")
        .map(|t| {
            t.parse::<u32>().map_err(|_| {
                InputError::new(
                    "times_a_day",
                    format!(
                        "'{t}' is not a number; allowed: {}, or empty for as needed",
                        TIMES_A_DAY.range()
                    ),
                )
            })
        })
        .transpose()?;
    Ok(MedicationDraft {
        name: e.text("name"),
        class: e.text("class"),
        unit: e.text("unit"),
        dose,
        max_daily: number(e, "max_daily", "max_daily")?,
        times_a_day: times,
        course_start: e.opt("course_start"),
        course_end: e.opt("course_end"),
        note: e.opt("note"),
    })
}

/// The catalogue entries whose name contains `filter` (case-insensitive), in catalogue order.
pub fn filtered<'a>(meds: &'a [Medication], filter: &str) -> Vec<&'a Medication> {
    let f = filter.trim().to_lowercase();
    meds.iter()
        .filter(|m| m.name.to_lowercase().contains(&f))
        .collect()
}

pub fn pick_form(meds: Vec<Medication>, last: BTreeMap<i64, String>) -> EntryForm {
    let fields = vec![EntryField::text(
        "filter",
        "Medication",
        "",
        "type to filter, ↑/↓ choose, Enter picks",
    )];
    EntryForm {
        kind: FormKind::PickMed {
            meds,
            pick: 0,
            last,
        },
        entry: Entry::new("Take a dose", fields),
    }
}

/// The dose form for a picked medication, the amount pre-filled with its usual dose.
pub fn dose_form(med: Medication, taken_today: f64) -> EntryForm {
    let fields = vec![
        EntryField::text(
            "amount",
            &format!("Amount {}", med.unit),
            &med.usual_dose.to_string(),
            "",
        ),
        EntryField::text("at", "At", "", "now; or HH:MM, YYYY-MM-DD HH:MM"),
        EntryField::text(
            "pain",
            "Pain before",
            "",
            format!("{} (optional)", PAIN.range()),
        ),
        EntryField::note("note", ""),
    ];
    let title = format!("Dose of {} ({})", med.name, med.class);
    EntryForm {
        kind: FormKind::Dose { med, taken_today },
        entry: Entry::new(title, fields),
    }
}

pub fn dose_info(e: &Entry, med: &Medication, taken_today: f64) -> String {
    let amount = number(e, "amount", "amount").ok().flatten().unwrap_or(0.0);
    let u = &med.unit;
    let after = taken_today + amount;
    match med.max_daily {
        Some(max) if after > max + 1e-9 => format!(
            "Today so far {taken_today} {u}; with this {after} {u}, OVER the max of {max} {u}"
        ),
        Some(max) => format!("Today so far {taken_today} {u}; with this {after} of max {max} {u}"),
        None => format!("Today so far {taken_today} {u}; no max daily total set"),
    }
}

/// The dose the form's text stands for; the amount is required here (the form starts with
/// the usual dose, so an empty one was cleared on purpose).
pub fn dose_draft(e: &Entry, med: &Medication) -> Result<DoseDraft, InputError> {
    let amount = number(e, "amount", "amount")?
        .ok_or_else(|| InputError::new("amount", "empty; allowed: a number above 0"))?;
    Ok(DoseDraft {
        medication: med.name.clone(),
        amount: Some(amount),
        at: e.opt("at"),
        pain: e.opt("pain"),
        note: e.opt("note"),
        force: false,
    })
}

/// The form of a logged dose (Enter in the doses view): its time, amount, pain before and
/// note as stored, to correct.
pub fn dose_edit_form(dose: Dose) -> EntryForm {
    let fields = vec![
        EntryField::text(
            "at",
            "At",
            &dose.taken_at.format("%Y-%m-%d %H:%M").to_string(),
            "YYYY-MM-DD HH:MM, or HH:MM on its own day",
        ),
        EntryField::text(
            "amount",
            &format!("Amount {}", dose.unit),
            &dose.amount.to_string(),
            "a number above 0",
        ),
        EntryField::text(
            "pain_before",
            "Pain before",
            &show(dose.pain_before),
            PAIN.range(),
        ),
        EntryField::note("note", &show(dose.note.clone())),
    ];
    let title = format!("Dose d{} of {} (editing)", dose.id, dose.medication);
    EntryForm {
        kind: FormKind::DoseEdit {
            dose,
            confirmed: false,
        },
        entry: Entry::new(title, fields),
    }
}

/// The fields of the dose form that differ from the stored dose, as the draft `backtrack
/// edit dN` builds (the same validation applies). A field left as it was is not sent.
pub fn dose_edit_draft(e: &Entry, d: &Dose) -> Result<EditDraft, InputError> {
    let mut draft = EditDraft::default();
    let at = e.opt("at").ok_or_else(|| {
        InputError::new(
            "at",
            "empty; allowed: YYYY-MM-DD HH:MM, or HH:MM on its own day",
        )
    })?;
    if at != d.taken_at.format("%Y-%m-%d %H:%M").to_string() {
        draft.at = Some(at);
    }
    let amount = number(e, "amount", "amount")?
        .ok_or_else(|| InputError::new("amount", "empty; allowed: a number above 0"))?;
    if amount != d.amount {
        draft.amount = Some(amount);
    }
    match (e.opt("pain_before"), d.pain_before) {
        (None, Some(_)) => {
            return Err(InputError::new(
                "pain_before",
                format!("a stored pain cannot be emptied; allowed: {}", PAIN.range()),
            ));
        }
        (Some(p), old) if Some(p.as_str()) != old.map(|o| o.to_string()).as_deref() => {
            draft.activity.pain_before = Some(p);
        }
        _ => {}
    }
    let note = e.text("note");
    if note != d.note.clone().unwrap_or_default() {
        draft.checkin.note = Some(note);
    }
    Ok(draft)
}
