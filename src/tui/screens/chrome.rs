//! The frame around every screen: the tab bar, the red-flag banner and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::vocab::URGENT_CARE;
use crate::tui::action::Screen;
use crate::tui::app::App;

pub fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut spans = Vec::new();
    for (i, s) in Screen::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, s.title());
        let style = if *s == app.screen && app.form.is_none() && app.entry.is_none() {
            t.selected().patch(t.title())
        } else {
            t.dim()
        };
        spans.push(Span::styled(label, style));
    }
    Line::from(spans).render(area, buf);
    let date = app.today.format(" %a %-d %b %Y").to_string();
    let w = date.chars().count() as u16;
    let used = Line::from(
        Screen::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| format!(" {} {} ", i + 1, s.title()))
            .collect::<String>(),
    )
    .width() as u16;
    if area.width >= used + w {
        buf.set_string(area.right() - w, area.y, date, t.title());
    }
}

pub fn banner_height(width: u16) -> u16 {
    let text = format!("!! {URGENT_CARE}");
    (text.chars().count() as u16)
        .div_ceil(width.max(1))
        .clamp(1, 3)
}

/// The urgent-care message of SPEC §4.1, on every screen of a day with a red flag.
pub fn banner(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.banner());
    Paragraph::new(format!("!! {URGENT_CARE}"))
        .style(app.theme.banner())
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The bottom line: an open question, else the latest message, else the main keys.
pub fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let line = if let Some(c) = &app.confirm {
        Line::from(Span::styled(c.question.clone(), t.error()))
    } else if let Some(s) = &app.status {
        let style = if s.error { t.error() } else { t.ok() };
        Line::from(Span::styled(s.text.clone(), style))
    } else {
        let hint = match (&app.form, &app.entry, app.screen) {
            (None, None, _) if app.trash.is_some() => {
                "Enter restore · j/k move · u undo · U redo · Esc close · ? help · q quit"
            }
            (Some(_), _, _) => {
                "0–9 pain · Tab next field · Space toggle · Enter/Ctrl-S save · Esc cancel · ? help"
            }
            (None, Some(e), _) if matches!(e.kind, crate::tui::forms::FormKind::PickMed { .. }) => {
                "type to filter · ↑/↓ choose · Enter picks · Esc cancels"
            }
            (None, Some(_), _) => {
                "Tab/↑↓ fields · Space/h/l choose · Enter/Ctrl-S save · Esc cancel · Ctrl-E note"
            }
            (None, None, Screen::Pain) => {
                "c check in · Enter open · d delete · u undo · v calendar · ? help · q quit"
            }
            (None, None, Screen::Training) => {
                "a add · r rehab · Enter edit · d/u delete/undo · f filter · v/n programmes · ?"
            }
            (None, None, Screen::Meds) => {
                "m take a dose · t take selected · n new · Enter edit · d delete · u undo · ?"
            }
            (None, None, Screen::Trends) => {
                "[ ] range: 4 weeks · 12 weeks · 1 year · all · j/k scroll the sentences · ? help"
            }
            (None, None, Screen::Timeline) => {
                "e add event · Enter edit · d delete · u undo · / jump to date · p PSFS · ?"
            }
            _ => "c check in · a activity · r rehab · m dose · e event · p PSFS · ? help · q quit",
        };
        Line::from(Span::styled(hint, t.dim()))
    };
    line.render(area, buf);
}
