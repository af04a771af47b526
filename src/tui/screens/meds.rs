//! The Medications screen (SPEC §8.1 #4): today's doses with each medication's total against
//! its max, the safety counters of SPEC §4.4 beside their thresholds, the catalogue (`t`
//! takes the selected one's usual dose) and the doses of the last 30 days by day.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::lists::list;
use crate::analysis::meds::counter_rows;
use crate::domain::text;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::views::logs::{DOSE_DAYS, MedsData};

fn today_lines(t: Theme, m: &MedsData) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = m
        .counters
        .today
        .iter()
        .map(|x| {
            let max = x
                .max_daily
                .map(|v| format!(" of max {}", text::number(v)))
                .unwrap_or_else(|| " (no max)".into());
            let style = if x.over_max { t.error() } else { t.title() };
            let mark = if x.over_max { "! " } else { "" };
            Line::from(Span::styled(
                format!(
                    "{mark}{} {}{max} ({}×)",
                    text::amount(x.total, &x.unit),
                    x.medication,
                    x.doses
                ),
                style,
            ))
        })
        .collect();
    out.extend(m.doses.iter().map(|d| {
        Line::from(format!(
            "  {}  {} {}",
            d.taken_at.format("%H:%M"),
            text::amount(d.amount, &d.unit),
            d.medication
        ))
    }));
    out
}

/// Each counter with its threshold; flagged ones marked `!` in the error style.
fn counter_lines(t: Theme, m: &MedsData) -> Vec<Line<'static>> {
    counter_rows(&m.counters, &m.thresholds)
        .into_iter()
        .map(|r| {
            let style = if r.flagged { t.error() } else { Style::new() };
            let mark = if r.flagged { "!" } else { " " };
            Line::from(Span::styled(
                format!("{mark}{:<18}{:>3}  ({})", r.label, r.value, r.limit),
                style,
            ))
        })
        .collect()
}

/// `s` cut to `n` characters with "…", so a long name keeps the columns.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(m) = &app.meds else { return };
    let cat_h = (m.catalogue.len() as u16).clamp(1, 6) + 2;
    let [top, cat, hist] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(cat_h),
        Constraint::Min(3),
    ])
    .areas(area);
    let [today, counters] =
        Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)]).areas(top);
    list(
        t,
        format!("Today ({})", text::plural(m.doses.len(), "dose", "doses")),
        today_lines(t, m),
        "No doses today. m takes one.",
        None,
        today,
        buf,
    );
    list(
        t,
        "Safety counters".into(),
        counter_lines(t, m),
        "",
        None,
        counters,
        buf,
    );
    let cat_lines = m
        .catalogue
        .iter()
        .map(|x| {
            let max = x
                .max_daily
                .map(|v| format!("max {}/day", text::amount(v, &x.unit)))
                .unwrap_or_else(|| "no max".into());
            let how = if x.as_needed {
                "as needed".to_string()
            } else {
                format!("{}× a day", x.times_a_day.unwrap_or(1))
            };
            Line::from(format!(
                "{:<18} {:<17} {:>6} {:<3} {:<16} {how}",
                clip(&x.name, 18),
                x.class.as_str(),
                x.usual_dose,
                x.unit,
                max
            ))
        })
        .collect();
    list(
        t,
        format!(
            "Catalogue ({}) · t take · Enter edit · n new",
            m.catalogue.len()
        ),
        cat_lines,
        "No medications yet. n adds one.",
        Some(app.sel[Screen::Meds.index()]),
        cat,
        buf,
    );
    let hist_lines = m
        .history
        .iter()
        .map(|(day, doses)| {
            let mut per: Vec<(String, f64, String, usize)> = Vec::new();
            for d in doses {
                match per.iter_mut().find(|p| p.0 == d.medication) {
                    Some(p) => {
                        p.1 += d.amount;
                        p.3 += 1;
                    }
                    None => per.push((d.medication.clone(), d.amount, d.unit.clone(), 1)),
                }
            }
            let text: Vec<String> = per
                .iter()
                .map(|(n, a, u, k)| format!("{n} {a}{u} ({k}×)"))
                .collect();
            Line::from(format!("{}  {}", day.format("%a %e %b"), text.join(" · ")))
        })
        .collect();
    list(
        t,
        format!("Doses by day, last {DOSE_DAYS} days"),
        hist_lines,
        "No doses in the last 30 days.",
        None,
        hist,
        buf,
    );
}
