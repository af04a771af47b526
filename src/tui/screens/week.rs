//! The Week screen (issue 15): this week day by day and its figures beside the week before,
//! drawn from `views::week`, the same view as `backtrack week`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::lists::list;
use crate::domain::text;
use crate::tui::app::App;
use crate::views::week::{day_line, summary_lines};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(w) = &app.week else { return };
    let [days, totals] = Layout::vertical([Constraint::Length(9), Constraint::Min(6)]).areas(area);
    let title = format!(
        "Week of {} – {}",
        text::date(w.this_week.from, app.today),
        text::date(w.this_week.to, app.today)
    );
    let lines = w
        .days
        .iter()
        .map(|d| Line::from(day_line(d, app.today)))
        .collect();
    list(t, title, lines, "", None, days, buf);
    let lines = summary_lines(w).into_iter().map(Line::from).collect();
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
