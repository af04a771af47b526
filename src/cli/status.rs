//! `status`: one line for a shell prompt or status bar.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::pain::{mean7, pain_series};
use crate::repo::{Repo, Result};

/// The figures behind the status line (also its `--json` form).
#[derive(Debug, Serialize)]
pub struct StatusLine {
    pub date: NaiveDate,
    pub pain_today: Option<u8>,
    /// The 7-day mean today and a week before (None below 4 check-ins in the window).
    pub mean7: Option<f64>,
    pub mean7_prev: Option<f64>,
    pub doses_today: Vec<DoseCount>,
    pub red_flags_today: Vec<String>,
    /// Days of the last week whose doses, logged on two or more synced computers, pass a
    /// drug's daily maximum together (empty when the journal does not sync).
    pub over_max_after_sync: Vec<crate::sync::meds::OverMaxAfterSync>,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct DoseCount {
    pub medication: String,
    pub total: f64,
    pub max_daily: Option<f64>,
    pub unit: String,
    /// Today's total is over the medication's max daily total.
    pub over_max: bool,
}

/// Today's totals per drug, as Today and the dose check count them (every catalogue row of
/// one drug adds up, against the strictest max); `status` and `med list` show them.
pub fn today_totals(repo: &Repo, today: NaiveDate) -> Result<Vec<crate::analysis::meds::MedToday>> {
    let data = crate::analysis::data::JournalData {
        doses: repo.doses_between(today, today)?,
        medications: repo.medications()?,
        ..Default::default()
    };
    Ok(crate::analysis::meds::today_totals(&data, today))
}

pub fn status_line(repo: &Repo, today: NaiveDate) -> Result<StatusLine> {
    let checkin = repo.checkin_on(today)?;
    // Two weeks is all mean7 and its week-ago value need.
    let from = today - chrono::Duration::days(13);
    let series = pain_series(&repo.checkins_between(from, today)?, from, today);
    let m7 = mean7(&series);
    let at = |d| m7.get(d).copied().flatten();
    let (mean7_now, mean7_prev) = (at(today), at(today - chrono::Duration::days(7)));
    let counts: Vec<DoseCount> = today_totals(repo, today)?
        .into_iter()
        .map(|m| DoseCount {
            medication: m.medication,
            total: m.total,
            max_daily: m.max_daily,
            unit: m.unit,
            over_max: m.over_max,
        })
        .collect();
    let flags: Vec<String> = checkin
        .iter()
        .flat_map(|c| c.red_flags.iter().map(|f| f.to_string()))
        .collect();
    let mut parts = Vec::new();
    if !flags.is_empty() {
        parts.push("!! RED FLAG: seek urgent care".to_string());
    }
    parts.push(match &checkin {
        Some(c) => format!("pain {}", c.pain),
        None => "no check-in yet".to_string(),
    });
    if let Some(m) = mean7_now {
        let arrow = match mean7_prev {
            Some(p) if m > p + 0.05 => "↑",
            Some(p) if m < p - 0.05 => "↓",
            Some(_) => "→",
            None => "",
        };
        parts.push(format!("mean7 {m:.1}{arrow}"));
    }
    for c in &counts {
        let max = c
            .max_daily
            .map(|m| format!("/{}", crate::domain::text::number(m)))
            .unwrap_or_default();
        // In words, not colour: a prompt may have none.
        let over = if c.over_max { " (over max)" } else { "" };
        parts.push(format!(
            "{} {}{max} {}{over}",
            c.medication,
            crate::domain::text::number(c.total),
            c.unit
        ));
    }
    Ok(StatusLine {
        date: today,
        pain_today: checkin.as_ref().map(|c| c.pain),
        mean7: mean7_now.map(|m| (m * 100.0).round() / 100.0),
        mean7_prev: mean7_prev.map(|m| (m * 100.0).round() / 100.0),
        doses_today: counts,
        red_flags_today: flags,
        over_max_after_sync: Vec::new(),
        text: parts.join(" · "),
    })
}

/// Adds the days over a maximum after a sync (issue 24.7) to the line: `device` is this
/// computer's sync id, None when the journal does not sync (nothing is read then).
pub fn with_sync_flags(mut s: StatusLine, repo: &Repo, device: Option<&str>) -> Result<StatusLine> {
    let Some(me) = device else { return Ok(s) };
    s.over_max_after_sync = crate::sync::meds::over_max_after_sync(repo, me, s.date)?;
    for o in &s.over_max_after_sync {
        s.text.push_str(&format!(
            " · {} {} over max after sync: doses on {} computers ({})",
            o.medication,
            o.date.format("%d %b"),
            o.devices,
            crate::domain::text::number(o.total)
        ));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::meds::{
        DoseDraft, MedicationDraft, add_medication, build_medication, take_dose,
    };

    #[test]
    fn a_drug_is_counted_across_its_catalogue_rows() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let med = |name: &str, max: f64| MedicationDraft {
            name: name.into(),
            class: "nsaid".into(),
            unit: "mg".into(),
            dose: 400.0,
            max_daily: Some(max),
            ..Default::default()
        };
        let mut repo = Repo::open_in_memory().unwrap();
        add_medication(&mut repo, &med("vitamin d", 1200.0), day).unwrap();
        // A second row of the same drug, as a merge from another device stores it.
        let mut merged = build_medication(&med("x", 800.0), day).unwrap();
        merged.name = "vitamin  d".into();
        repo.add_medication(&merged).unwrap();
        let now = day.and_hms_opt(9, 0, 0).unwrap();
        for name in ["vitamin d", "vitamin  d"] {
            let d = DoseDraft {
                medication: name.into(),
                amount: Some(500.0),
                force: true,
                ..Default::default()
            };
            take_dose(&mut repo, &d, day, now).unwrap();
        }
        let s = status_line(&repo, day).unwrap();
        // 1000 mg of one drug against its strictest max, 800: one entry, over the max.
        assert_eq!(s.doses_today.len(), 1, "{:?}", s.doses_today);
        let c = &s.doses_today[0];
        assert_eq!(
            (c.total, c.max_daily, c.over_max),
            (1000.0, Some(800.0), true)
        );
        assert!(s.text.contains("1000/800 mg (over max)"), "{}", s.text);
    }
}
