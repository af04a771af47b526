//! The pain log (SPEC §8.1 #2): one row per day, newest first, with a pain bar and number,
//! tags and the start of the note; or, with `v`, the calendar heat-map.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::widgets::{calendar, pain};
use crate::views::journal::{PainMap, tag_text};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let sel = app.sel[Screen::Pain.index()];
    let title = if app.pain.calendar() {
        " Pain calendar (v: list · h/l day · j/k month) "
    } else {
        " Pain log (v: calendar) "
    };
    let b = Block::bordered().title(Span::styled(title, t.title()));
    let inner = b.inner(area);
    b.render(area, buf);
    if app.pain.calendar() {
        let Some(map) = &app.pain.map else { return };
        let [cal, detail] =
            Layout::vertical([Constraint::Min(2), Constraint::Length(1)]).areas(inner);
        calendar::render(t, map, app.pain_selected(), app.today, cal, buf);
        detail_line(app, map, detail, buf);
        return;
    }
    let Some(log) = &app.pain.log else { return };
    let h = inner.height as usize;
    let offset = sel.saturating_sub(h.saturating_sub(1));
    for (row, (date, c)) in log.days.iter().enumerate().skip(offset).take(h) {
        let y = inner.y + (row - offset) as u16;
        let r = Rect::new(inner.x, y, inner.width, 1);
        let mut spans = vec![Span::raw(format!("{}  ", date.format("%a %e %b %Y")))];
        match c {
            Some(c) => {
                spans.extend(pain::bar(t, c.pain, 10));
                if let Some(l) = c.leg_pain {
                    spans.push(Span::raw(" leg "));
                    spans.push(pain::number(t, l));
                }
                if !c.red_flags.is_empty() {
                    spans.push(Span::styled(" !!", t.error()));
                }
                spans.push(Span::raw(tag_text(&c.tags)));
                if let Some(n) = &c.note {
                    let first = n.lines().next().unwrap_or("");
                    spans.push(Span::styled(format!("  {first}"), t.dim()));
                }
            }
            None => spans.push(Span::styled("·  no check-in", t.dim())),
        }
        Line::from(spans).render(r, buf);
        if row == sel {
            buf.set_style(r, t.selected());
        }
    }
}

/// Under the calendar: the selected day's date and pain, so the number is always readable,
/// and its tags when the list has that day loaded.
fn detail_line(app: &App, map: &PainMap, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let date = app.pain_selected();
    let mut spans = vec![Span::styled(
        format!("{}  ", date.format("%a %-d %b %Y")),
        t.title(),
    )];
    match map.get(date) {
        Some(p) => {
            spans.push(Span::raw("pain "));
            spans.push(pain::number(t, p));
            let tags = app.pain.log.as_ref().and_then(|log| {
                log.days
                    .iter()
                    .find(|(d, _)| *d == date)
                    .and_then(|(_, c)| c.as_ref())
                    .map(|c| tag_text(&c.tags))
            });
            spans.push(Span::raw(tags.unwrap_or_default()));
        }
        None => spans.push(Span::styled("no check-in · c adds one", t.dim())),
    }
    if let Some(first) = map.first {
        spans.push(Span::styled(
            format!("  · since {} · G first day", first.format("%-d %b %Y")),
            t.dim(),
        ));
    }
    Line::from(spans).render(area, buf);
}
