//! The Medications screen (SPEC §8.1 #4): today's doses with each medication's total against
//! its max, the safety counters of SPEC §4.4 beside their thresholds, the catalogue (`t`
//! takes the selected one's usual dose) and the doses of the last 30 days by day; `v` swaps
//! the last two for the doses one a row, to select one to correct or delete.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::lists::list;
use crate::analysis::meds::counter_rows;
use crate::domain::text;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::text::{cells, clip, pad};
use crate::tui::theme::Theme;
use crate::tui::widgets::pack;
use crate::views::logs::{DOSE_DAYS, MedsData};

/// Each medication's total against its max, wrapped between parts to `width` so a figure is
/// never cut ("of max 3000 mg", not "of max 30"), then the doses.
fn today_lines(t: Theme, m: &MedsData, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = m
        .counters
        .today
        .iter()
        .flat_map(|x| {
            let max = x
                .max_daily
                .map(|v| format!("of max {}", text::amount(v, &x.unit)))
                .unwrap_or_else(|| "(no max)".into());
            let style = if x.over_max { t.error() } else { t.title() };
            let mark = if x.over_max { "! " } else { "" };
            let parts = [
                format!("{mark}{} {}", text::amount(x.total, &x.unit), x.medication),
                max,
                format!("({}×)", x.doses),
            ];
            pack(&parts, " ", width)
                .into_iter()
                .map(move |row| Line::from(Span::styled(row, style)))
        })
        .collect();
    // Doses from two synced computers over a max together come first (issue 24).
    let synced = m.over_max_after_sync.iter().flat_map(|o| {
        pack(&crate::sync::meds::line_parts(o), " ", width)
            .into_iter()
            .map(move |row| Line::from(Span::styled(row, t.error())))
    });
    out.splice(0..0, synced);
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

/// The doses of the last 30 days, newest first, one a row with its ID, to select.
fn dose_list(app: &App, m: &MedsData, area: Rect, buf: &mut Buffer) {
    // Inside the box's borders; the pain and the note come only where they fit, so no row
    // ends in a cut "pain" without its figure.
    let room = area.width.saturating_sub(2) as usize;
    let lines = app
        .recent_doses()
        .into_iter()
        .map(|d| {
            let mut row = format!(
                "{} {}  {:<5} {:>9} {}",
                d.taken_at.format("%a %e %b"),
                d.taken_at.format("%H:%M"),
                format!("d{}", d.id),
                text::amount(d.amount, &d.unit),
                pad(&clip(&d.medication, 18), 18),
            );
            let pain = d.pain_before.map(|p| format!(" pain {p:<2}"));
            if let Some(p) = pain.filter(|p| cells(&row) + cells(p) <= room) {
                row.push_str(&p);
            }
            let note = d.note.as_deref().and_then(|n| n.lines().next());
            let left = room.saturating_sub(cells(&row) + 1);
            if let Some(n) = note.filter(|_| left >= 4) {
                row.push(' ');
                row.push_str(&clip(n, left));
            }
            Line::from(row)
        })
        .collect();
    let n = m.history.iter().map(|(_, v)| v.len()).sum::<usize>();
    list(
        app.theme,
        format!("Doses, last {DOSE_DAYS} days ({n}) · Enter edit · d delete · v catalogue"),
        lines,
        "No doses in the last 30 days. m takes one.",
        Some(app.sel[Screen::Meds.index()]),
        area,
        buf,
    );
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(m) = &app.meds.data else { return };
    // The doses view trades the catalogue and the by-day history for one selectable list.
    let cat_h = if app.meds.doses_view() {
        0
    } else {
        (m.catalogue.len() as u16).clamp(1, 6) + 2
    };
    // Today's box is as wide as its share of the row; a total wrapped onto a second row grows
    // it (up to 10 rows) rather than hiding a dose, while the history keeps 3.
    let today_w = (area.width as u32 * 48 / 100) as u16;
    let today_rows = today_lines(t, m, today_w.saturating_sub(2) as usize).len() as u16;
    let top_h = (today_rows + 2).clamp(7, 10);
    let [top, cat, hist] = Layout::vertical([
        Constraint::Length(top_h),
        Constraint::Length(cat_h),
        Constraint::Min(3),
    ])
    .areas(area);
    let [today, counters] =
        Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)]).areas(top);
    list(
        t,
        format!("Today ({})", text::plural(m.doses.len(), "dose", "doses")),
        today_lines(t, m, today.width.saturating_sub(2) as usize),
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
    if app.meds.doses_view() {
        return dose_list(app, m, hist.union(cat), buf);
    }
    list(
        t,
        format!(
            "Catalogue ({}) · t take · Enter edit · n new",
            m.catalogue.len()
        ),
        catalogue_lines(m, cat.width),
        "No medications yet. n adds one.",
        Some(app.sel[Screen::Meds.index()]),
        cat,
        buf,
    );
    list(
        t,
        format!("Doses by day, last {DOSE_DAYS} days · v to edit one"),
        history_lines(m),
        "No doses in the last 30 days.",
        None,
        hist,
        buf,
    );
}

/// The catalogue, a row per medication: usual dose, max and how often.
fn catalogue_lines(m: &MedsData, width: u16) -> Vec<Line<'static>> {
    // Narrower than the whole row (60 columns): the class goes before the max is cut.
    let with_class = width.saturating_sub(2) >= 74;
    m.catalogue
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
            let class = if with_class {
                format!("{:<17} ", x.class.as_str())
            } else {
                String::new()
            };
            Line::from(format!(
                "{} {class}{:>6} {:<3} {:<16} {how}",
                pad(&clip(&x.name, 18), 18),
                x.usual_dose,
                x.unit,
                max
            ))
        })
        .collect()
}

/// The last days' doses, a row per day with each drug's total and count.
fn history_lines(m: &MedsData) -> Vec<Line<'static>> {
    m.history
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
                .map(|(n, a, u, k)| format!("{n} {} ({k}×)", text::amount(*a, u)))
                .collect();
            Line::from(format!("{}  {}", day.format("%a %e %b"), text.join(" · ")))
        })
        .collect()
}
