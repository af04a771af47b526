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

pub fn status_line(repo: &Repo, today: NaiveDate) -> Result<StatusLine> {
    let checkin = repo.checkin_on(today)?;
    // Two weeks is all mean7 and its week-ago value need.
    let from = today - chrono::Duration::days(13);
    let series = pain_series(&repo.checkins_between(from, today)?, from, today);
    let m7 = mean7(&series);
    let at = |d| m7.get(d).copied().flatten();
    let (mean7_now, mean7_prev) = (at(today), at(today - chrono::Duration::days(7)));
    let doses = repo.doses_between(today, today)?;
    let meds = repo.medications()?;
    let mut counts: Vec<DoseCount> = Vec::new();
    for d in &doses {
        match counts.iter_mut().find(|c| c.medication == d.medication) {
            Some(c) => c.total += d.amount,
            None => counts.push(DoseCount {
                medication: d.medication.clone(),
                total: d.amount,
                max_daily: meds
                    .iter()
                    .find(|m| m.id == d.medication_id)
                    .and_then(|m| m.max_daily),
                unit: d.unit.clone(),
                over_max: false,
            }),
        }
    }
    for c in &mut counts {
        c.over_max = c.max_daily.is_some_and(|m| c.total > m + 1e-9);
    }
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
        text: parts.join(" · "),
    })
}
