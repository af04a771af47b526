//! Setting a value (SPEC §4.2, §4.4): a dated one such as FTP from a date on, which
//! recomputes the computed TSS from then on, or a plain threshold.

use chrono::NaiveDate;

use super::Done;
use crate::domain::InputError;
use crate::domain::parse::parse_date_any;
use crate::repo::settings::{check_value, is_dated, resolve_key};
use crate::repo::{Repo, Result};

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
    let value: f64 = a.value.trim().parse().map_err(|_| {
        InputError::new(
            key,
            format!("'{}' is not a number; allowed: a number", a.value),
        )
    })?;
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

pub fn set(repo: &mut Repo, a: &SettingDraft, today: NaiveDate) -> Result<Done<SettingSet>> {
    let s = validate(a, today)?;
    let (key, value) = (s.key, s.value);
    let (recomputed, summary) = match s.from {
        Some(from) => {
            let n = repo.set_dated(key, from, value, crate::analysis::tss::load_with)?;
            let line = match n {
                0 => format!("Set {key} = {value} from {from}"),
                1 => format!("Set {key} = {value} from {from}; TSS recomputed for 1 activity"),
                n => format!("Set {key} = {value} from {from}; TSS recomputed for {n} activities"),
            };
            (n, line)
        }
        None => {
            repo.set_plain(key, &value.to_string())?;
            (0, format!("Set {key} = {value}"))
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
