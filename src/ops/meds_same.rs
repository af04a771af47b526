//! One catalogue row per drug (issue 11): a new medication, or a rename, whose name is a drug
//! already in the catalogue or the trash stores nothing and says what to do instead: use the
//! row, change it, or restore it. The CLI's refusal is the offer; the app asks first (Enter
//! opens or restores the row, see `tui::app::save`).

use super::Result;
use crate::domain::InputError;
use crate::domain::records::Medication;
use crate::domain::text::amount;
use crate::repo::Repo;
use crate::repo::meds::SameDrug;

/// The row of the same drug as `name` (case- and space-insensitive), other than `except`,
/// live rows first.
pub fn same_drug(repo: &Repo, name: &str, except: Option<i64>) -> Result<Option<SameDrug>> {
    Ok(repo.medication_same_drug(name, except)?)
}

/// "m3 ibuprofen (400 mg, max 1200 mg/day)".
pub fn describe(m: &Medication) -> String {
    let max = m
        .max_daily
        .map(|x| format!(", max {}/day", amount(x, &m.unit)))
        .unwrap_or_default();
    format!(
        "m{} {} ({}{max})",
        m.id,
        m.name,
        amount(m.usual_dose, &m.unit)
    )
}

/// Why `med add` stored nothing, with the commands that use, change or restore the row of
/// the same drug instead.
pub fn add_refusal(typed: &Medication, other: &SameDrug) -> InputError {
    let m = &other.med;
    let edit = edit_hint(typed, m);
    let what = if other.trashed {
        let then = edit.map(|e| format!(", then {e}")).unwrap_or_default();
        format!(
            "'{}' is {} in the trash; nothing was saved. Bring it back: `backtrack restore m{}`{then}",
            typed.name,
            describe(m),
            m.id
        )
    } else {
        let edit = edit.map(|e| format!("; {e}")).unwrap_or_default();
        format!(
            "'{}' is already {}; nothing was saved. Take it: `backtrack med take {}`{edit}",
            typed.name,
            describe(m),
            shell_word(&m.name)
        )
    };
    InputError::new(
        "name",
        format!("{what}; allowed: a name no other medication has"),
    )
}

/// Why renaming a medication to `typed` stored nothing.
pub fn rename_refusal(typed: &str, other: &SameDrug) -> InputError {
    let m = &other.med;
    let msg = if other.trashed {
        format!(
            "'{typed}' is {} in the trash; allowed: a name no other medication has, or restore m{} instead (`backtrack restore m{}`, or T in the app)",
            describe(m),
            m.id,
            m.id
        )
    } else {
        format!(
            "'{typed}' is already {}; allowed: a name no other medication has",
            describe(m)
        )
    };
    InputError::new("name", msg)
}

/// "make it what you typed: `backtrack edit m3 --kind … --amount … --max-daily …`" with the
/// typed values that differ from the stored row; None when nothing differs. `edit` keeps
/// the unit, so with another unit the amounts are left for the person to convert.
fn edit_hint(typed: &Medication, m: &Medication) -> Option<String> {
    let same_unit = typed.unit.trim().eq_ignore_ascii_case(m.unit.trim());
    let mut flags = Vec::new();
    if typed.class != m.class {
        flags.push(format!("--kind {}", typed.class.as_str()));
    }
    if same_unit {
        if typed.usual_dose != m.usual_dose {
            flags.push(format!("--amount {}", typed.usual_dose));
        }
        if let Some(x) = typed.max_daily.filter(|x| Some(*x) != m.max_daily) {
            flags.push(format!("--max-daily {x}"));
        }
    } else {
        flags.push("--amount N --max-daily N".into());
    }
    if flags.is_empty() {
        return None;
    }
    let unit = if same_unit {
        String::new()
    } else {
        format!(" (N in {}: its unit stays)", m.unit)
    };
    Some(format!(
        "change it: `backtrack edit m{} {}`{unit}",
        m.id,
        flags.join(" ")
    ))
}

/// A name as one shell word: bare when it is plain, else single-quoted.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_.+/".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
#[path = "meds_same_tests.rs"]
mod tests;
