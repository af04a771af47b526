//! The pain calendar heat-map: one row per month (newest on top), one cell per day, each cell
//! the day's pain number on its pain colour; the selected day is reversed.

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::records::Checkin;
use crate::tui::theme::Theme;

/// Draws as many months as fit, starting with the selected day's month at the top when it is
/// older than fits, so the selection is always visible.
pub fn render(
    theme: Theme,
    days: &[(NaiveDate, Option<Checkin>)],
    selected: NaiveDate,
    today: NaiveDate,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.height < 2 || area.width < 20 {
        return;
    }
    let label_w = 9u16;
    let cell_w: u16 = if area.width >= label_w + 31 * 3 { 3 } else { 2 };
    // Header: day numbers of the month every 5 days.
    for d in (1..=31u16).filter(|d| *d == 1 || d % 5 == 0) {
        buf.set_string(
            area.x + label_w + (d - 1) * cell_w,
            area.y,
            format!("{d:>w$}", w = cell_w as usize - 1),
            theme.dim(),
        );
    }
    let rows = (area.height - 1) as i64;
    let months_back = months_between(selected, today);
    let top = (months_back - rows + 1).max(0);
    let first_loaded = days.last().map(|(d, _)| *d);
    for r in 0..rows {
        let m = first_of_month(today, -(top + r));
        let y = area.y + 1 + r as u16;
        buf.set_string(area.x, y, m.format("%b %Y").to_string(), theme.title());
        let mut d = m;
        while d.month() == m.month() && d <= today {
            if first_loaded.is_some_and(|f| d < f) {
                d += Duration::days(1);
                continue;
            }
            let x = area.x + label_w + (d.day() as u16 - 1) * cell_w;
            let back = (today - d).num_days() as usize;
            let pain = days.get(back).and_then(|(_, c)| c.as_ref()).map(|c| c.pain);
            let text = match pain {
                Some(p) => format!("{p:>w$}", w = cell_w as usize - 1),
                None => format!("{:>w$}", "·", w = cell_w as usize - 1),
            };
            let mut style = pain.map_or(theme.dim(), |p| theme.pain_cell(p));
            if d == selected {
                style = style.patch(theme.selected());
            }
            buf.set_string(x, y, text, style);
            d += Duration::days(1);
        }
    }
}

fn months_between(older: NaiveDate, newer: NaiveDate) -> i64 {
    (newer.year() as i64 * 12 + newer.month0() as i64)
        - (older.year() as i64 * 12 + older.month0() as i64)
}

/// The first day of the month `n` months from `d`'s month.
fn first_of_month(d: NaiveDate, n: i64) -> NaiveDate {
    let total = d.year() as i64 * 12 + d.month0() as i64 + n;
    NaiveDate::from_ymd_opt(
        total.div_euclid(12) as i32,
        total.rem_euclid(12) as u32 + 1,
        1,
    )
    .unwrap_or(d)
}
