//! Doses from two computers that pass a daily maximum together (issue 24.7): neither device
//! saw the total when it logged its dose. The days of the last week whose live doses came
//! from more than one device and whose total for a drug is over its max.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::data::JournalData;
use crate::repo::{Repo, Result};

/// A drug over its daily maximum on a day whose doses were logged on two or more computers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverMaxAfterSync {
    pub date: NaiveDate,
    pub medication: String,
    pub total: f64,
    pub max_daily: Option<f64>,
    pub unit: String,
    pub devices: i64,
}

/// How many days back the flag looks: a week of doses.
const DAYS: i64 = 7;

/// The flagged days for the journal `repo` as this computer syncs it (none when it does not
/// sync): what Today and Medications show.
pub fn for_journal(repo: &Repo, today: NaiveDate) -> Result<Vec<OverMaxAfterSync>> {
    match repo.path().and_then(super::SyncConfig::device_of) {
        Some(me) => over_max_after_sync(repo, &me, today),
        None => Ok(Vec::new()),
    }
}

/// A flagged day in words for a screen, in parts a narrow panel wraps between:
/// `! ibuprofen 1600 mg` `over max after sync:` `doses on 2 computers,` `23 Nov`.
pub fn line_parts(o: &OverMaxAfterSync) -> Vec<String> {
    vec![
        format!(
            "! {} {} {}",
            o.medication,
            crate::domain::text::number(o.total),
            o.unit
        ),
        "over max after sync:".into(),
        format!("doses on {} computers,", o.devices),
        o.date.format("%d %b").to_string(),
    ]
}

/// The flagged days of the week up to `today`; `me` is this device's id.
pub fn over_max_after_sync(
    repo: &Repo,
    me: &str,
    today: NaiveDate,
) -> Result<Vec<OverMaxAfterSync>> {
    let from = today - chrono::Duration::days(DAYS - 1);
    let days = repo.dose_days_from_devices(me, from, today)?;
    if days.is_empty() {
        return Ok(Vec::new());
    }
    let data = JournalData {
        doses: repo.doses_between(from, today)?,
        medications: repo.medications()?,
        ..Default::default()
    };
    let mut out = Vec::new();
    for (day, m) in crate::analysis::meds::over_max_days(&data, from, today) {
        if let Some((_, n)) = days.iter().find(|(d, _)| *d == day) {
            out.push(OverMaxAfterSync {
                date: day,
                medication: m.medication,
                total: m.total,
                max_daily: m.max_daily,
                unit: m.unit,
                devices: *n,
            });
        }
    }
    Ok(out)
}
