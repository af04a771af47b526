//! Taking a dose the way people type and tap: a drug named by the start of its name
//! (`med take para` for paracetamol), and a second dose of one drug within 30 minutes of
//! another, which is more often the same dose logged twice than a dose taken twice: the CLI
//! refuses it without `--force`, the app asks.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};

use super::Result;
use crate::domain::InputError;
use crate::domain::records::{Dose, Medication, drug_key};
use crate::domain::text;
use crate::repo::Repo;

/// Doses of one drug closer than this are asked about.
pub const AGAIN_MINUTES: i64 = 30;

/// A dose not stored (nothing written) because `last`, of the same drug, is logged within
/// [`AGAIN_MINUTES`] of it.
#[derive(Debug, Clone)]
pub struct Again {
    pub dose: Dose,
    pub last: Dose,
}

impl Again {
    /// "ibuprofen: 400 mg is already logged at 08:00 (d4), 12 min before this one".
    fn said(&self) -> String {
        let (d, l) = (&self.dose, &self.last);
        let gap = (d.taken_at - l.taken_at).num_minutes();
        let side = if gap >= 0 { "before" } else { "after" };
        format!(
            "{}: {} is already logged at {} (d{}), {} min {side} this one",
            d.medication,
            text::amount(l.amount, &l.unit),
            l.taken_at.format("%H:%M"),
            l.id,
            gap.abs()
        )
    }

    /// The CLI's refusal (SPEC §5: exit 2, nothing written), like the daily max's.
    pub fn refusal(&self) -> InputError {
        InputError::new(
            "medication",
            format!(
                "{}; nothing was saved. Use --force to log a second dose",
                self.said()
            ),
        )
    }

    /// The app's question before it stores the second dose.
    pub fn question(&self) -> String {
        format!("{}. Take another? (y/n)", self.said())
    }
}

/// The latest dose of `dose`'s drug logged within [`AGAIN_MINUTES`] of it, if any.
pub fn recent_same(repo: &Repo, dose: &Dose) -> Result<Option<Dose>> {
    let at = dose.taken_at;
    let window = Duration::minutes(AGAIN_MINUTES);
    let key = drug_key(&dose.medication);
    let near = repo
        .doses_between((at - window).date(), (at + window).date())?
        .into_iter()
        .filter(|d| drug_key(&d.medication) == key && d.unit.eq_ignore_ascii_case(&dose.unit))
        .filter(|d| (d.taken_at - at).abs() < window)
        .max_by_key(|d| d.taken_at);
    Ok(near)
}

/// The catalogue row `typed` names: its whole name (case and spaces ignored), else the one
/// row whose name starts with it. Several rows starting with it are refused naming them.
pub fn resolve(
    meds: &[Medication],
    typed: &str,
) -> std::result::Result<Option<Medication>, InputError> {
    let t = drug_key(typed);
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(m) = meds.iter().find(|m| drug_key(&m.name) == t) {
        return Ok(Some(m.clone()));
    }
    let starts: Vec<&Medication> = meds
        .iter()
        .filter(|m| drug_key(&m.name).starts_with(&t))
        .collect();
    match starts.as_slice() {
        [one] => Ok(Some((*one).clone())),
        [] => Ok(None),
        many => Err(InputError::new(
            "medication",
            format!(
                "'{}' is the start of {}; allowed: one of them, typed further",
                typed.trim(),
                many.iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// Each catalogue row's last dose of its drug in the 30 days up to `now`, in words (the dose
/// picker shows it beside the name), by the row's id.
pub fn last_doses(
    repo: &Repo,
    meds: &[Medication],
    now: NaiveDateTime,
) -> Result<BTreeMap<i64, String>> {
    let doses = repo.doses_between(now.date() - Duration::days(30), now.date())?;
    let mut out = BTreeMap::new();
    for m in meds {
        let key = drug_key(&m.name);
        let last = doses
            .iter()
            .filter(|d| drug_key(&d.medication) == key && d.taken_at <= now)
            .map(|d| d.taken_at)
            .max();
        if let Some(t) = last {
            out.insert(m.id, last_dose_words(t, now));
        }
    }
    Ok(out)
}

/// "last dose 2 h ago", "last dose 25 min ago", "last dose yesterday 21:10", "last dose 3 Dec".
pub fn last_dose_words(then: NaiveDateTime, now: NaiveDateTime) -> String {
    let mins = (now - then).num_minutes();
    let when = match mins {
        m if m < 1 => "just now".to_string(),
        m if m < 60 => format!("{m} min ago"),
        m if m < 12 * 60 => format!("{} h ago", m / 60),
        _ if then.date() == now.date() => format!("at {}", then.format("%H:%M")),
        _ if then.date() + Duration::days(1) == now.date() => {
            format!("yesterday {}", then.format("%H:%M"))
        }
        _ => text::date(then.date(), now.date()),
    };
    format!("last dose {when}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::MedClass;

    fn med(name: &str) -> Medication {
        Medication {
            id: 1,
            uuid: String::new(),
            name: name.into(),
            class: MedClass::Other,
            unit: "mg".into(),
            usual_dose: 500.0,
            max_daily: None,
            as_needed: true,
            times_a_day: None,
            course_start: None,
            course_end: None,
            note: None,
        }
    }

    #[test]
    fn a_unique_start_names_the_drug_and_a_shared_one_is_refused() {
        let meds = [med("paracetamol"), med("ibuprofen"), med("ibuprofen gel")];
        let name = |t: &str| resolve(&meds, t).unwrap().map(|m| m.name);
        assert_eq!(name("para").as_deref(), Some("paracetamol"));
        assert_eq!(name("PARACETAMOL").as_deref(), Some("paracetamol"));
        assert_eq!(
            name("ibuprofen").as_deref(),
            Some("ibuprofen"),
            "whole name wins"
        );
        assert_eq!(name("aspirin"), None);
        let e = resolve(&meds, "ibu").unwrap_err();
        assert_eq!(e.field, "medication");
        assert!(
            e.message.contains("ibuprofen, ibuprofen gel"),
            "{}",
            e.message
        );
    }

    #[test]
    fn the_last_dose_in_words() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let now = t("2026-12-04 14:30");
        assert_eq!(
            last_dose_words(t("2026-12-04 12:20"), now),
            "last dose 2 h ago"
        );
        assert_eq!(
            last_dose_words(t("2026-12-04 14:05"), now),
            "last dose 25 min ago"
        );
        assert_eq!(
            last_dose_words(t("2026-12-04 01:00"), now),
            "last dose at 01:00"
        );
        assert_eq!(
            last_dose_words(t("2026-12-03 21:10"), t("2026-12-04 10:00")),
            "last dose yesterday 21:10"
        );
        assert_eq!(
            last_dose_words(t("2026-12-03 08:10"), now),
            "last dose yesterday 08:10"
        );
        assert_eq!(
            last_dose_words(t("2026-11-20 08:10"), now),
            "last dose 20 Nov"
        );
    }
}
