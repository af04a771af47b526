//! Setting a value (SPEC §4.2, §4.4): a dated one such as FTP from a date on, which
//! recomputes the computed TSS from then on, or a plain threshold.

use chrono::NaiveDate;

use super::Done;
use crate::domain::InputError;
use crate::domain::measure::parse_weight;
use crate::domain::parse::parse_date_any;
use crate::repo::settings::{DATED_KEYS, check_text, check_value, is_dated, resolve_key};

/// The body weight's key: typed in kilograms or pounds, stored in kilograms.
pub const WEIGHT: &str = "weight_kg";

/// A setting's name as people type it (`ftp`, `max_hr`, `weight`); JSON keeps the stored key
/// (`ftp_w`), whose suffix is the unit.
pub fn key_text(key: &str) -> &str {
    match key {
        WEIGHT => "weight",
        k => k
            .strip_suffix("_bpm")
            .or_else(|| k.strip_suffix("_w"))
            .unwrap_or(k),
    }
}

/// A setting's value as people read it: the weight in the display units, a dated one with
/// its unit (`250 W`), a whole number without a fraction.
pub fn value_text(key: &str, value: f64) -> String {
    if key == WEIGHT {
        return crate::domain::text::weight(value);
    }
    let unit = DATED_KEYS
        .iter()
        .find(|k| k.0 == key)
        .map(|k| k.1)
        .unwrap_or("");
    format!("{value} {unit}").trim_end().to_string()
}
use super::Result;
use crate::repo::Repo;

/// A setting as typed: `ftp 250 --from 2026-03-01`.
#[derive(Debug, Clone, Default)]
pub struct SettingDraft {
    pub key: String,
    pub value: String,
    pub from: Option<String>,
}

/// A validated setting: `from` is Some for a dated one.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    pub key: &'static str,
    pub value: f64,
    pub from: Option<NaiveDate>,
}

/// A stored setting and how many activities' TSS it recomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingSet {
    pub setting: Setting,
    pub recomputed: usize,
}

pub fn validate(a: &SettingDraft, today: NaiveDate) -> Result<Setting> {
    let key = resolve_key(&a.key)?;
    let value = if key == WEIGHT {
        // Pounds are converted here; a bare number is kilograms, whatever the display units.
        let (.., lo, hi) = DATED_KEYS
            .iter()
            .find(|k| k.0 == WEIGHT)
            .copied()
            .unwrap_or(("", "", 25.0, 300.0));
        parse_weight(key, &a.value, lo, hi)?
    } else {
        a.value.trim().parse().map_err(|_| {
            InputError::new(
                key,
                format!("'{}' is not a number; allowed: a number", a.value),
            )
        })?
    };
    let value = check_value(key, value)?;
    let from = match &a.from {
        Some(d) if is_dated(key) => Some(parse_date_any("from", d, today)?),
        Some(_) => {
            return Err(InputError::new(
                "from",
                format!(
                    "{key} has no history; allowed: --from only with ftp, lthr, run_ftp, run_lthr, max_hr, weight"
                ),
            )
            .into());
        }
        None if is_dated(key) => Some(today),
        None => None,
    };
    Ok(Setting { key, value, from })
}

/// The display units, stored as the plain setting `units` (storage and JSON stay metric).
pub fn units(repo: &Repo) -> Result<crate::domain::text::Units> {
    Ok(repo
        .plain("units")?
        .and_then(|u| crate::domain::text::Units::parse(&u))
        .unwrap_or_default())
}

/// `set units metric|imperial`: how distances, heights and weights are shown.
pub fn set_units(repo: &mut Repo, value: &str) -> Result<Done<crate::domain::text::Units>> {
    let u = parse_units(value)?;
    repo.set_plain("units", u.as_str())?;
    crate::domain::text::set_units(u);
    let summary = match u {
        crate::domain::text::Units::Metric => "Set units = metric: km, m and kg",
        crate::domain::text::Units::Imperial => "Set units = imperial: miles, feet and pounds",
    };
    Ok(Done::new(u, summary.to_string()))
}

pub fn parse_units(value: &str) -> std::result::Result<crate::domain::text::Units, InputError> {
    crate::domain::text::Units::parse(value).ok_or_else(|| {
        InputError::new(
            "units",
            format!("'{value}' is not a unit system; allowed: metric, imperial"),
        )
    })
}

/// Whether a typed setting name is the display units.
pub fn is_units(key: &str) -> bool {
    key.trim().eq_ignore_ascii_case("units")
}

/// The date a first FTP or LTHR set without `--from` is stored from: before any record, so it
/// applies from the journal's first day, including rides logged afterwards for past days.
pub const FROM_START: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// `from 13 Sep`, or `from the start` for a first value that applies from the journal's first day.
pub fn from_words(from: NaiveDate, today: NaiveDate) -> String {
    if from == FROM_START {
        "from the journal's first day".into()
    } else {
        format!("from {}", crate::domain::text::date(from, today))
    }
}

pub fn set(repo: &mut Repo, a: &SettingDraft, today: NaiveDate) -> Result<Done<SettingSet>> {
    let mut s = validate(a, today)?;
    let first_load_key = matches!(s.key, "ftp_w" | "lthr_bpm")
        && a.from.is_none()
        && !repo.dated_history()?.iter().any(|d| d.key == s.key);
    if first_load_key {
        s.from = Some(FROM_START);
    }
    let (key, value) = (s.key, s.value);
    let shown = value_text(key, value);
    let name = key_text(key);
    let (recomputed, summary) = match s.from {
        Some(from) => {
            let n = repo.set_dated(key, from, value, crate::analysis::tss::load_with)?;
            let from = from_words(from, today);
            let line = match n {
                0 => format!("Set {name} = {shown} {from}"),
                n => format!(
                    "Set {name} = {shown} {from}; TSS recomputed for {}",
                    crate::domain::text::plural(n, "activity", "activities")
                ),
            };
            (n, line)
        }
        None => {
            repo.set_plain(key, &value.to_string())?;
            (0, format!("Set {name} = {shown}"))
        }
    };
    Ok(Done::new(
        SettingSet {
            setting: s,
            recomputed,
        },
        summary,
    ))
}

/// A text setting (the name printed on the report): one line, no history.
pub fn validate_text(a: &SettingDraft) -> Result<(&'static str, String)> {
    let key = resolve_key(&a.key)?;
    if a.from.is_some() {
        return Err(InputError::new(
            "from",
            format!("{key} has no history; allowed: --from only with ftp, lthr, run_ftp, run_lthr, max_hr, weight"),
        )
        .into());
    }
    Ok((key, check_text(key, &a.value)?))
}

/// Stores a text setting; an empty value clears it.
pub fn set_text(repo: &mut Repo, a: &SettingDraft) -> Result<Done<(&'static str, String)>> {
    let (key, value) = validate_text(a)?;
    repo.set_plain(key, &value)?;
    let summary = match value.as_str() {
        "" => format!("Cleared {key}"),
        v => format!("Set {key} = {v}"),
    };
    Ok(Done::new((key, value), summary))
}
