//! The Week screen (issue 15): this week day by day and its figures beside the week before,
//! drawn from `views::week`, the same view as `backtrack week`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::lists::list;
use crate::domain::text;
use crate::tui::app::App;
use crate::tui::text::wrap_indented;
use crate::views::week::{day_line, summary_lines};

/// "Tue 1 Dec   ": a day's wrapped row starts under its pain.
const DAY_INDENT: usize = 11;
/// "training ": a comparison's wrapped row starts under its figures.
const SUMMARY_INDENT: usize = 9;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(w) = &app.week else { return };
    // Lines wider than the box wrap under their text rather than lose a figure at the edge.
    let width = area.width.saturating_sub(2) as usize;
    let day_lines: Vec<Line> = w
        .days
        .iter()
        .flat_map(|d| wrap_indented(&day_line(d, app.today), width, DAY_INDENT))
        .map(Line::from)
        .collect();
    let days_h = (day_lines.len() as u16 + 2).min(area.height.saturating_sub(6));
    let [days, totals] =
        Layout::vertical([Constraint::Length(days_h), Constraint::Min(6)]).areas(area);
    let title = format!(
        "Week of {} – {}",
        text::date(w.this_week.from, app.today),
        text::date(w.this_week.to, app.today)
    );
    list(t, title, day_lines, "", None, days, buf);
    let lines = summary_lines(w)
        .iter()
        .flat_map(|l| wrap_indented(l, width, SUMMARY_INDENT))
        .map(Line::from)
        .collect();
    list(
        t,
        "Against the week before".into(),
        lines,
        "",
        None,
        totals,
        buf,
    );
}
