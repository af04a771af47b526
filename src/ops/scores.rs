//! Entering outcome scores (SPEC §14): `score add` checks the total against its instrument
//! before the journal is opened, stores it and says what was stored (with the STarT Back risk
//! group); `score every` sets or ends an instrument's schedule.

use chrono::NaiveDate;

use super::Done;
use super::Result;
use super::input::{date_or_today, text};
use crate::domain::InputError;
use crate::domain::scores::{self, Instrument, Schedule, Score, startback_risk};
use crate::repo::{Kind, RecordId, Repo};

/// A score as typed: `score add odi 32 --date 2026-11-20`.
#[derive(Debug, Clone, Default)]
pub struct ScoreDraft {
    pub instrument: String,
    pub value: String,
    pub date: Option<String>,
    pub psych: Option<String>,
    pub note: Option<String>,
}

/// The score the draft stands for, checked without the journal.
pub fn validate(d: &ScoreDraft, today: NaiveDate) -> std::result::Result<Score, InputError> {
    let instrument = Instrument::parse(&d.instrument)?;
    let (value, psych) = scores::check(instrument, &d.value, d.psych.as_deref())?;
    Ok(Score {
        id: 0,
        uuid: String::new(),
        instrument,
        date: date_or_today("date", &d.date, today)?,
        value,
        psych,
        note: text(&d.note),
    })
}

/// "Saved outcome score s3 for 2026-11-20: odi 32 (Oswestry Disability Index)".
pub fn line(s: &Score) -> String {
    let rid = RecordId::new(Kind::Score, s.id);
    let mut line = format!(
        "Saved outcome score {rid} for {}: {} {} ({})",
        s.date,
        s.instrument.as_str(),
        s.value,
        s.instrument.title()
    );
    if let Some(p) = s.psych {
        line.push_str(&format!(
            ", psychosocial {p}: {} risk by the published rule",
            startback_risk(s.value, p).as_str()
        ));
    }
    if s.note.is_some() {
        line.push_str(", note");
    }
    line
}

pub fn add(repo: &mut Repo, d: &ScoreDraft, today: NaiveDate) -> Result<Done<Score>> {
    let s = validate(d, today)?;
    let saved = repo.add_score(&s)?;
    let summary = line(&saved);
    Ok(Done::new(saved, summary))
}

/// What `score every` asks for: a schedule of some days, or none (`off`).
pub fn parse_every(
    instrument: &str,
    every: &str,
) -> std::result::Result<(Instrument, Option<u32>), InputError> {
    let inst = Instrument::parse(instrument)?;
    if every.trim().eq_ignore_ascii_case("off") {
        return Ok((inst, None));
    }
    scores::parse_every(every).map(|d| (inst, Some(d)))
}

/// Sets or ends a schedule; the record is the schedule now in force (None when ended).
pub fn every(repo: &mut Repo, instrument: &str, every: &str) -> Result<Done<Option<Schedule>>> {
    let (inst, days) = parse_every(instrument, every)?;
    Ok(match days {
        Some(n) => {
            let s = repo.set_schedule(inst, n)?;
            let summary = format!(
                "Saved schedule: {} every {} (your plan; `score list` shows when it is due)",
                inst.as_str(),
                crate::domain::text::plural(n, "day", "days")
            );
            Done::new(Some(s), summary)
        }
        None => {
            let ended = repo.stop_schedule(inst)?;
            let summary = if ended {
                format!("Ended the schedule for {}", inst.as_str())
            } else {
                format!("{} had no schedule; nothing changed", inst.as_str())
            };
            Done::new(None, summary)
        }
    })
}
