//! A week at a glance (`backtrack week` and the app's Week screen): pain by day, sessions,
//! load, doses and rehab against its target, Monday to Sunday, beside the week before.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::analysis::data::week_start;
use crate::analysis::rehab::{week_counted, week_target};
use crate::domain::text;
use crate::repo::{Repo, Result};

/// One day of the week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekDay {
    pub date: NaiveDate,
    pub pain: Option<u8>,
    pub activities: usize,
    pub hours: f64,
    pub tss: f64,
    pub doses: usize,
    pub rehab_sessions: usize,
}

/// A week's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekTotals {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub mean_pain: Option<f64>,
    pub days_logged: usize,
    pub activities: usize,
    pub hours: f64,
    pub tss: f64,
    pub doses: usize,
    pub rehab_sessions: usize,
    /// The weekly target of the programme in force that week (the rule of `stats`:
    /// `analysis::rehab::week_programme`), if any.
    pub rehab_target: Option<u32>,
    /// The sessions that count toward it: that programme's (all sessions without one).
    pub rehab_counted: u32,
}

/// The week holding a day, day by day, and the week before it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekView {
    pub days: Vec<WeekDay>,
    pub this_week: WeekTotals,
    pub week_before: WeekTotals,
    /// The return plan's week (SPEC §14), null without a plan covering it; filled by
    /// `views::plan::load_week_with_plan`.
    pub plan: Option<super::plan::WeekPlan>,
}

fn days_of(repo: &Repo, from: NaiveDate, to: NaiveDate) -> Result<Vec<WeekDay>> {
    let checkins = repo.checkins_between(from, to)?;
    let acts = repo.activities_between(from, to)?;
    let doses = repo.doses_between(from, to)?;
    let rehab = repo.rehab_sessions_between(from, to)?;
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        let a: Vec<_> = acts.iter().filter(|a| a.date() == d).collect();
        out.push(WeekDay {
            date: d,
            pain: checkins.iter().find(|c| c.date == d).map(|c| c.pain),
            activities: a.len(),
            // `+ 0.0`: an empty f64 sum is -0.0, which would print as "-0".
            hours: a.iter().map(|a| a.elapsed_s as f64).sum::<f64>() / 3600.0 + 0.0,
            tss: a.iter().filter_map(|a| a.tss).sum::<f64>() + 0.0,
            doses: doses.iter().filter(|x| x.taken_at.date() == d).count(),
            rehab_sessions: rehab.iter().filter(|r| r.date == d).count(),
        });
        d += Duration::days(1);
    }
    Ok(out)
}

fn totals(repo: &Repo, days: &[WeekDay]) -> Result<WeekTotals> {
    let from = days.first().map_or(NaiveDate::MIN, |d| d.date);
    let to = days.last().map_or(NaiveDate::MIN, |d| d.date);
    let pains: Vec<f64> = days.iter().filter_map(|d| d.pain.map(f64::from)).collect();
    let round = |v: f64, k: f64| (v * k).round() / k;
    // Sessions of the days shown (a day after today is empty).
    let programmes = repo.programmes()?;
    let shown: Vec<_> = repo
        .rehab_sessions_between(from, to)?
        .into_iter()
        .filter(|s| {
            days.iter()
                .any(|d| d.date == s.date && d.rehab_sessions > 0)
        })
        .collect();
    let (rehab_counted, _) = week_counted(&programmes, &shown, from);
    Ok(WeekTotals {
        from,
        to,
        mean_pain: (!pains.is_empty())
            .then(|| round(pains.iter().sum::<f64>() / pains.len() as f64, 10.0)),
        days_logged: pains.len(),
        activities: days.iter().map(|d| d.activities).sum(),
        hours: round(days.iter().map(|d| d.hours).sum::<f64>() + 0.0, 100.0),
        tss: round(days.iter().map(|d| d.tss).sum::<f64>() + 0.0, 1.0),
        doses: days.iter().map(|d| d.doses).sum(),
        rehab_sessions: days.iter().map(|d| d.rehab_sessions).sum(),
        rehab_target: week_target(&programmes, from),
        rehab_counted,
    })
}

/// The Monday-to-Sunday week holding `day`, and the one before. Days after `today` are empty.
pub fn load_week(repo: &Repo, day: NaiveDate, today: NaiveDate) -> Result<WeekView> {
    let from = week_start(day);
    let before = from - Duration::days(7);
    let mut days = days_of(repo, from, from + Duration::days(6))?;
    for d in days.iter_mut().filter(|d| d.date > today) {
        *d = WeekDay {
            date: d.date,
            pain: None,
            activities: 0,
            hours: 0.0,
            tss: 0.0,
            doses: 0,
            rehab_sessions: 0,
        };
    }
    let prev = days_of(repo, before, from - Duration::days(1))?;
    Ok(WeekView {
        this_week: totals(repo, &days)?,
        week_before: totals(repo, &prev)?,
        days,
        plan: None,
    })
}

/// One day as a line: `Mon 16 Nov  pain  3 ███░░░░░░░  1 session 1h30m TSS 101  2 doses  rehab`,
/// the pain on the 10-cell scale of every other pain bar (one cell a point).
pub fn day_line(d: &WeekDay, today: NaiveDate) -> String {
    let pain = d.pain.map_or(format!("pain  - {:10}", ""), |p| {
        let p = (p as usize).min(10);
        format!("pain {p:>2} {}{}", "█".repeat(p), "░".repeat(10 - p))
    });
    let mut s = format!(
        "{} {:<7} {pain}",
        d.date.format("%a"),
        text::date(d.date, today)
    );
    if d.activities > 0 {
        s.push_str(&format!(
            "  {} {} TSS {:.0}",
            text::plural(d.activities, "session", "sessions"),
            text::duration((d.hours * 3600.0).round() as u32),
            d.tss
        ));
    }
    if d.doses > 0 {
        s.push_str(&format!("  {}", text::plural(d.doses, "dose", "doses")));
    }
    if d.rehab_sessions > 0 {
        s.push_str("  rehab");
    }
    s.trim_end().to_string()
}

/// The comparison lines: this week's figure with the week before's beside it.
pub fn summary_lines(w: &WeekView) -> Vec<String> {
    let (a, b) = (&w.this_week, &w.week_before);
    let mean = |t: &WeekTotals| match t.mean_pain {
        Some(m) => format!("{m:.1} over {}", text::plural(t.days_logged, "day", "days")),
        None => "no check-ins".to_string(),
    };
    let change = match (a.mean_pain, b.mean_pain) {
        (Some(x), Some(y)) => format!(", {:+.1}", x - y),
        _ => String::new(),
    };
    let load = |t: &WeekTotals| {
        if t.activities == 0 {
            return "no sessions".to_string();
        }
        format!(
            "{}, {}, TSS {:.0}",
            text::plural(t.activities, "session", "sessions"),
            text::duration((t.hours * 3600.0).round() as u32),
            t.tss
        )
    };
    let rehab = |t: &WeekTotals| match t.rehab_target {
        Some(target) => {
            let other = t.rehab_sessions - t.rehab_counted as usize;
            format!(
                "{} of {}{}",
                t.rehab_counted,
                text::plural(target, "session", "sessions"),
                match other {
                    0 => String::new(),
                    n => format!(" + {n} other"),
                }
            )
        }
        None => text::plural(t.rehab_sessions, "session", "sessions"),
    };
    let mut lines = vec![
        format!(
            "pain     {} (week before {}{change})",
            // "mean" leads a figure; "mean no check-ins" would not read.
            match a.mean_pain {
                Some(_) => format!("mean {}", mean(a)),
                None => mean(a),
            },
            mean(b)
        ),
        format!("training {} (week before {})", load(a), load(b)),
        format!("doses    {} (week before {})", a.doses, b.doses),
        format!("rehab    {} (week before {})", rehab(a), rehab(b)),
    ];
    if let Some(p) = &w.plan {
        lines.push(super::plan::week_plan_line(p));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{Activity, Checkin};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_week_runs_monday_to_sunday_beside_the_week_before() {
        let mut repo = Repo::open_in_memory().unwrap();
        for (day, pain) in [("2026-11-16", 4), ("2026-11-18", 2), ("2026-11-10", 6)] {
            repo.save_checkin(&Checkin {
                date: d(day),
                pain,
                ..Default::default()
            })
            .unwrap();
        }
        let mut ride = Activity::new(
            crate::domain::vocab::ActivityKind::Ride,
            d("2026-11-17").and_hms_opt(8, 0, 0).unwrap(),
            5400,
        );
        ride.set_manual_tss(90.0);
        repo.add_activity(&ride).unwrap();
        let w = load_week(&repo, d("2026-11-19"), d("2026-11-19")).unwrap();
        assert_eq!(w.days.len(), 7);
        assert_eq!(w.days[0].date, d("2026-11-16"));
        assert_eq!(w.this_week.mean_pain, Some(3.0));
        assert_eq!(w.this_week.days_logged, 2);
        assert_eq!((w.this_week.activities, w.this_week.tss), (1, 90.0));
        assert_eq!(w.this_week.hours, 1.5);
        assert_eq!(w.week_before.mean_pain, Some(6.0));
        let lines = summary_lines(&w);
        assert!(
            lines[0].contains("3.0 over 2 days") && lines[0].contains("-3.0"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("training 1 session, 1h30m, TSS 90"),
            "{lines:?}"
        );
        assert!(day_line(&w.days[1], d("2026-11-19")).contains("1 session 1h30m TSS 90"));
    }

    #[test]
    fn a_week_without_check_ins_says_so_without_a_mean() {
        let repo = Repo::open_in_memory().unwrap();
        let w = load_week(&repo, d("2026-11-19"), d("2026-11-19")).unwrap();
        assert_eq!(
            summary_lines(&w)[0],
            "pain     no check-ins (week before no check-ins)"
        );
    }
}
