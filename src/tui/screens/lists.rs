//! The screens later issues extend (training, medications, trends, timeline), showing what the
//! journal holds for their window: lists with the numbers, selection and scrolling.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::domain::parse::format_duration;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::data::{TIMELINE_DAYS, TRAINING_DAYS, TrainingRow};
use crate::tui::theme::Theme;

fn block(t: Theme, title: String) -> Block<'static> {
    Block::bordered().title(Span::styled(format!(" {title} "), t.title()))
}

/// Draws `lines` in `area` inside a titled block, scrolled to keep `sel` visible; `sel` None
/// means no selection is shown.
fn list(
    t: Theme,
    title: String,
    lines: Vec<Line>,
    empty: &str,
    sel: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
) {
    let b = block(t, title);
    let inner = b.inner(area);
    b.render(area, buf);
    if lines.is_empty() {
        Line::from(Span::styled(empty.to_string(), t.dim())).render(inner, buf);
        return;
    }
    let h = inner.height as usize;
    let s = sel.unwrap_or(0).min(lines.len() - 1);
    let offset = s.saturating_sub(h.saturating_sub(1));
    for (i, line) in lines.into_iter().enumerate().skip(offset).take(h) {
        let r = Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1);
        line.render(r, buf);
        if sel == Some(i) {
            buf.set_style(r, t.selected());
        }
    }
}

fn opt_pain(label: &str, p: Option<u8>) -> Option<String> {
    p.map(|p| format!("{label} {p}"))
}

pub fn training(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rows = app.training.as_deref().unwrap_or(&[]);
    let lines = rows
        .iter()
        .map(|r| match r {
            TrainingRow::Activity(a) => {
                let tss = match (a.tss, a.load_source.as_deref()) {
                    (Some(v), Some(src)) => format!("TSS {v:>3.0} {src:<6}"),
                    (Some(v), None) => format!("TSS {v:>3.0}       "),
                    _ => format!("{:<14}", "TSS –"),
                };
                let pains: Vec<String> = [
                    opt_pain("before", a.pain_before),
                    opt_pain("during", a.pain_during),
                    opt_pain("after", a.pain_after),
                ]
                .into_iter()
                .flatten()
                .collect();
                let mut spans = vec![
                    Span::raw(format!(
                        "{}  {:<12} {:>7}  ",
                        a.start.format("%a %e %b %H:%M"),
                        a.kind.as_str(),
                        format_duration(a.elapsed_s)
                    )),
                    Span::raw(tss),
                ];
                // Before the pains, so it survives truncation on a narrow terminal.
                if a.stopped_for_pain {
                    spans.push(Span::styled(" STOPPED for pain", t.error()));
                }
                spans.push(Span::raw(format!("  {}", pains.join(" "))));
                Line::from(spans)
            }
            TrainingRow::Rehab(s) => {
                let pains: Vec<String> =
                    [opt_pain("pain", s.pain_before), opt_pain("→", s.pain_after)]
                        .into_iter()
                        .flatten()
                        .collect();
                let mins = s.minutes.map(|m| format!("{m} min")).unwrap_or_default();
                Line::from(format!(
                    "{}        {:<12} {:>7}  {}, {} ex.  {}",
                    s.date.format("%a %e %b"),
                    "rehab",
                    mins,
                    s.programme.as_deref().unwrap_or("session"),
                    s.items.len(),
                    pains.join(" ")
                ))
            }
        })
        .collect();
    let title = format!(
        "Training and rehab, last {TRAINING_DAYS} days ({} entries)",
        rows.len()
    );
    list(
        t,
        title,
        lines,
        "No activities or rehab sessions in this window. `backtrack ride 1h` logs one.",
        Some(app.sel[Screen::Training.index()]),
        area,
        buf,
    );
}

pub fn meds(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(m) = &app.meds else { return };
    let top_h = (m.doses.len() as u16 + m.totals.len() as u16).clamp(1, 8) + 2;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Min(3)]).areas(area);
    let mut today: Vec<Line> = m
        .totals
        .iter()
        .map(|x| {
            let max = x
                .max_daily
                .map(|v| format!(" of max {v}{}", x.unit))
                .unwrap_or_else(|| " (no max set)".into());
            let over = x.max_daily.is_some_and(|v| x.total > v);
            let style = if over { t.error() } else { t.title() };
            Line::from(Span::styled(
                format!("{}: {}{} today{max}", x.name, x.total, x.unit),
                style,
            ))
        })
        .collect();
    today.extend(m.doses.iter().map(|d| {
        Line::from(format!(
            "  {}  {} {}{}",
            d.taken_at.format("%H:%M"),
            d.medication,
            d.amount,
            d.unit
        ))
    }));
    list(
        t,
        format!("Doses today ({})", m.doses.len()),
        today,
        "No doses taken today.",
        None,
        top,
        buf,
    );
    let cat: Vec<Line> = m
        .catalogue
        .iter()
        .map(|x| {
            let max = x
                .max_daily
                .map(|v| format!("max {v}{}/day", x.unit))
                .unwrap_or_else(|| "no max".into());
            let how = if x.as_needed {
                "as needed".to_string()
            } else {
                format!("{}× a day", x.times_a_day.unwrap_or(1))
            };
            Line::from(format!(
                "{:<18} {:<17} {}{} usual  {max}  {how}",
                x.name,
                x.class.as_str(),
                x.usual_dose,
                x.unit
            ))
        })
        .collect();
    list(
        t,
        format!("Catalogue ({})", m.catalogue.len()),
        cat,
        "No medications yet. `backtrack med add NAME --class C --unit mg --dose N` adds one.",
        Some(app.sel[Screen::Meds.index()]),
        bottom,
        buf,
    );
}

pub fn timeline(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(d) = &app.timeline else { return };
    let ev_h = (d.events.len() as u16).clamp(1, 6) + 2;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(ev_h), Constraint::Min(3)]).areas(area);
    let events = d
        .events
        .iter()
        .map(|e| {
            Line::from(format!(
                "{}  {:<10} {}",
                e.date.format("%a %e %b %Y"),
                e.kind.as_str(),
                e.title
            ))
        })
        .collect();
    list(
        t,
        format!("Events, last 2 years ({})", d.events.len()),
        events,
        "No events yet. `backtrack event add imaging MRI` adds one.",
        Some(app.sel[Screen::Timeline.index()]),
        top,
        buf,
    );
    let hist = d
        .history
        .iter()
        .map(|h| {
            Line::from(format!(
                "{}  {:<9} {}",
                h.date.format("%a %e %b"),
                h.kind,
                h.text
            ))
        })
        .collect();
    list(
        t,
        format!("Everything, last {TIMELINE_DAYS} days"),
        hist,
        "Nothing logged in the last 30 days.",
        None,
        bottom,
        buf,
    );
}
