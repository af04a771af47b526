//! The scrolling list every screen uses, and the Trends screen (which a later issue extends).

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::data::TRENDS_DAYS;
use crate::tui::theme::Theme;
use crate::tui::widgets::pain;

pub(super) fn block(t: Theme, title: String) -> Block<'static> {
    Block::bordered().title(Span::styled(format!(" {title} "), t.title()))
}

/// Draws `lines` in `area` inside a titled block, scrolled to keep `sel` visible; `sel` None
/// means no selection is shown.
pub(super) fn list(
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

pub fn trends(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let days = app.trends.as_deref().unwrap_or(&[]);
    let [chart, weeks] = Layout::vertical([Constraint::Length(9), Constraint::Min(3)]).areas(area);
    let b = block(t, format!("Pain, last {} weeks", TRENDS_DAYS / 7));
    let inner = b.inner(chart);
    b.render(chart, buf);
    // Two columns a day keep every number readable; show the most recent days that fit.
    let fit = (inner.width as usize / 2).min(days.len());
    pain::spark(t, &days[days.len() - fit..], inner, buf);
    let mut lines = Vec::new();
    // Weeks start on Monday, like the dashboard's rehab week.
    let skip = days
        .iter()
        .position(|(d, _)| d.weekday() == chrono::Weekday::Mon)
        .unwrap_or(0);
    for w in days[skip..].chunks(7).rev() {
        let logged: Vec<u8> = w.iter().filter_map(|(_, p)| *p).collect();
        let mut spans = vec![Span::raw(format!(
            "Week of {}  {} of 7 logged",
            w[0].0.format("%a %e %b"),
            logged.len()
        ))];
        if let (Some(lo), Some(hi)) = (logged.iter().min(), logged.iter().max()) {
            spans.push(Span::raw("  range "));
            spans.push(pain::number(t, *lo));
            spans.push(Span::raw("–"));
            spans.push(pain::number(t, *hi));
            spans.push(Span::raw("   "));
            for p in w.iter().map(|(_, p)| *p) {
                spans.push(match p {
                    Some(p) => pain::number(t, p),
                    None => Span::styled("·", t.dim()),
                });
                spans.push(Span::raw(" "));
            }
        }
        lines.push(Line::from(spans));
    }
    list(
        t,
        "Weeks".into(),
        lines,
        "No check-ins yet.",
        Some(app.sel[Screen::Trends.index()]),
        weeks,
        buf,
    );
}
