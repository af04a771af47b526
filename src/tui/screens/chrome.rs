//! The frame around every screen: the tab bar, the red-flag banner and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::vocab::URGENT_CARE;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::text::wrap;

/// The tab labels at a width: ` 1 Today ` each where all seven fit so, else one space
/// between them, else numbers with only the current screen named, so no tab is ever cut off.
fn tab_labels(current: Screen, width: u16) -> Vec<String> {
    let wide: Vec<String> = Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| format!(" {} {} ", i + 1, s.title()))
        .collect();
    let fits = |v: &[String]| v.iter().map(|l| l.chars().count()).sum::<usize>() <= width as usize;
    if fits(&wide) {
        return wide;
    }
    let tight: Vec<String> = Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {} ", i + 1, s.title()))
        .collect();
    if fits(&tight) {
        return tight;
    }
    Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| match *s == current {
            true => format!(" {} {} ", i + 1, s.title()),
            false => format!(" {} ", i + 1),
        })
        .collect()
}

pub fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let labels = tab_labels(app.screen, area.width);
    let mut spans = Vec::new();
    for (s, label) in Screen::ALL.iter().zip(&labels) {
        let style = if *s == app.screen && app.form().is_none() && app.entry().is_none() {
            t.selected().patch(t.title())
        } else {
            t.dim()
        };
        spans.push(Span::styled(label.clone(), style));
    }
    Line::from(spans).render(area, buf);
    let mut date = app.today.format(" %a %-d %b %Y").to_string();
    let used = labels.iter().map(|l| l.chars().count()).sum::<usize>() as u16;
    if area.width < used + date.chars().count() as u16 {
        // At 80 columns the seven tabs leave room for the day without its year.
        date = app.today.format(" %a %-d %b").to_string();
    }
    let w = date.chars().count() as u16;
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

/// The most rows a message takes at the bottom, so the screen above keeps most of its room.
pub const STATUS_MAX_ROWS: u16 = 4;

/// Rows the bottom line needs at `width`: a question or message wraps whole (up to
/// [`STATUS_MAX_ROWS`]); the key hints fit one row.
pub fn status_height(app: &App, width: u16) -> u16 {
    let text = match (app.confirm(), &app.status) {
        (Some(c), _) => c.question.as_str(),
        (None, Some(s)) => s.text.as_str(),
        (None, None) => return 1,
    };
    let rows = wrap(text, width as usize, (0, 0)).0.len() as u16;
    rows.clamp(1, STATUS_MAX_ROWS)
}

/// The bottom line: an open question, else the latest message, else the main keys.
pub fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let message = match (app.confirm(), &app.status) {
        (Some(c), _) => Some((c.question.as_str(), t.error())),
        (None, Some(s)) => Some((s.text.as_str(), if s.error { t.error() } else { t.ok() })),
        (None, None) => None,
    };
    if let Some((text, style)) = message {
        // Whole words on as many rows as it takes, never cut mid-word.
        let rows = wrap(text, area.width as usize, (0, 0)).0;
        let h = area.height as usize;
        for (i, row) in rows.iter().take(h).enumerate() {
            let row = if i + 1 == h && rows.len() > h {
                format!("{}…", row.trim_end())
            } else {
                row.trim_end().to_string()
            };
            buf.set_stringn(area.x, area.y + i as u16, row, area.width as usize, style);
        }
        return;
    }
    let line = {
        let hint = match (app.form(), app.entry(), app.screen) {
            (None, None, _) if app.trash().is_some() => {
                "Enter restore · j/k move · u undo · U redo · Esc close · ? help · q quit"
            }
            (None, None, _) if app.scores().is_some() => {
                "n/o add a score · j/k move · Esc/O close · ? help · q quit"
            }
            (Some(_), _, _) => {
                "0–9 pain · Tab field · Space toggle · Enter/Ctrl-S save · Esc cancel · ? help"
            }
            (None, Some(e), _) if matches!(e.kind, crate::tui::forms::FormKind::PickMed { .. }) => {
                "type to filter · ↑/↓ choose · Enter picks · Esc cancels"
            }
            (None, Some(e), _) if e.entry.has_note() => {
                "Tab/↑↓ fields · Space/h/l choose · Enter/Ctrl-S save · Esc cancel · Ctrl-E note"
            }
            // Settings, PSFS, the import path: no note, so Ctrl-E is not offered.
            (None, Some(_), _) => {
                "Tab/↑↓ fields · Space/h/l choose · Enter/Ctrl-S save · Esc cancel"
            }
            (None, None, Screen::Pain) if app.pain.calendar() => {
                "c check in · Enter open · h/l day · j/k month · v list · / find · ? help · q quit"
            }
            (None, None, Screen::Pain) => {
                "c check in · Enter open · d delete · u undo · v calendar · ? help · q quit"
            }
            (None, None, Screen::Training) => {
                "a add · r rehab · Enter edit · d/u delete/undo · f filter · v/n programmes · ?"
            }
            (None, None, Screen::Meds) if app.meds.doses_view() => {
                "Enter edit dose · d delete · u undo · v catalogue · m take a dose · ? help"
            }
            (None, None, Screen::Meds) => {
                "m take a dose · t take selected · n new · Enter edit · d delete · u undo · ?"
            }
            (None, None, Screen::Trends) => {
                "[ ] range: 4 weeks · 12 weeks · 1 year · all · w report · j/k scroll · ? help"
            }
            (None, None, Screen::Timeline) => {
                "e add event · Enter edit · d delete · u undo · / jump to date · p PSFS · ?"
            }
            _ => "c check in · a activity · r rehab · m dose · e event · p PSFS · ? help · q quit",
        };
        Line::from(Span::styled(fit_hint(hint, area.width as usize), t.dim()))
    };
    line.render(area, buf);
}

/// The key hints that fit `width`: whole "key action" items, dropping from the end.
fn fit_hint(hint: &str, width: usize) -> String {
    let mut items: Vec<&str> = hint.split(" · ").collect();
    while items.len() > 1 && items.join(" · ").chars().count() > width {
        items.pop();
    }
    items.join(" · ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn hints_drop_whole_items_to_fit() {
        let h = "c check in · a activity · ? help · q quit";
        assert_eq!(super::fit_hint(h, 80), h);
        assert_eq!(super::fit_hint(h, 30), "c check in · a activity");
    }

    #[test]
    fn every_tab_shows_its_number_at_any_supported_width() {
        use super::{Screen, tab_labels};
        let joined = |w| tab_labels(Screen::Week, w).concat();
        let wide = joined(80);
        assert!(
            wide.contains(" 7 Week ") && wide.contains(" 1 Today "),
            "{wide}"
        );
        for w in [60u16, 50, 40] {
            let line = joined(w);
            assert!(line.chars().count() <= w as usize, "{w}: {line}");
            for n in 1..=7 {
                assert!(line.contains(&n.to_string()), "{w}: {line}");
            }
            assert!(line.contains("Week"), "the current screen is named: {line}");
        }
        assert!(
            joined(60).contains("6 Timeline"),
            "at 60 all names fit tightly"
        );
    }
}
