//! The Scores view (`O`, SPEC §14): every outcome score newest first with its instrument,
//! value and change from the one before, then each instrument's summary (first, latest, change,
//! when the next is due) — all from `views::scores`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::lists::list;
use crate::analysis::scores::{direction, score_sentence, value_text};
use crate::domain::safe_text::one_line;
use crate::domain::scores::startback_risk;
use crate::domain::text;
use crate::tui::app::App;
use crate::tui::text::wrap_indented;
use crate::views::scores::ScoreRow;

/// The change in words: "down 12, meaningful", "up 1", "first".
fn change(r: &ScoreRow) -> String {
    let Some(c) = r.change else {
        return "first".into();
    };
    let dir = direction(c);
    match r.meaningful {
        Some(true) => format!("{dir}, a meaningful change"),
        _ => dir,
    }
}

fn row(r: &ScoreRow, app: &App) -> Line<'static> {
    let s = &r.score;
    let t = app.theme;
    let risk = s.psych.map_or(String::new(), |p| {
        format!(" psych {p}, {} risk", startback_risk(s.value, p).as_str())
    });
    let note = s
        .note
        .as_deref()
        .map_or(String::new(), |n| format!("  {}", one_line(n)));
    Line::from(vec![
        Span::styled(format!("{:<8}", text::date(s.date, app.today)), t.dim()),
        Span::raw(format!(
            "{:<10}{:>5}",
            s.instrument.as_str(),
            value_text(s.value)
        )),
        Span::raw(format!("  {}{risk}", change(r))),
        Span::styled(note, t.dim()),
    ])
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(state) = app.scores() else { return };
    let v = &state.view;
    let width = area.width.saturating_sub(2) as usize;
    let mut summary: Vec<Line> = Vec::new();
    if !v.due.is_empty() {
        let names: Vec<&str> = v.due.iter().map(|i| i.as_str()).collect();
        summary.push(Line::styled(
            format!("Due by your schedule: {} · n adds", names.join(", ")),
            t.accent(),
        ));
    }
    for s in &v.summaries {
        summary.extend(
            wrap_indented(&score_sentence(s), width, 2)
                .into_iter()
                .map(Line::from),
        );
    }
    let sum_h = (summary.len() as u16 + 2).min(area.height / 2);
    let [rows_r, sum_r] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(if summary.is_empty() { 0 } else { sum_h }),
    ])
    .areas(area);
    let lines = v.rows.iter().map(|r| row(r, app)).collect();
    list(
        t,
        format!(
            "Outcome scores ({}) · newest first · n/o add · Esc closes",
            v.rows.len()
        ),
        lines,
        "No outcome scores yet: n adds the total from the clinic's form.",
        Some(state.sel),
        rows_r,
        buf,
    );
    if !summary.is_empty() {
        list(t, "By instrument".into(), summary, "", None, sum_r, buf);
    }
}
