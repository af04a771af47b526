//! The pain calendar heat-map over the whole history: one row per month (newest on top, down
//! to the month of the first check-in), one cell per day, each cell the day's pain number on
//! its pain colour; the selected day is reversed. Only the visible months are drawn.

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::theme::Theme;
use crate::views::journal::PainMap;

/// Draws as many months as fit, starting with the selected day's month at the top when it is
/// older than fits, so the selection is always visible.
pub fn render(
    theme: Theme,
    map: &PainMap,
    selected: NaiveDate,
    today: NaiveDate,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.height < 2 || area.width < 20 {
        return;
    }
    let label_w = 9u16;
    // Three columns a cell keep "10" apart from its neighbours; when 31 of them do not fit,
    // each month takes two rows (days 1–16 and 17–31).
    let cell_w = 3u16;
    let per_row: u32 = if area.width >= label_w + 31 * cell_w {
        31
    } else {
        16
    };
    let sub_rows = 31u32.div_ceil(per_row) as i64;
    for d in (1..=per_row as u16).filter(|d| *d == 1 || d % 5 == 0) {
        buf.set_string(
            area.x + label_w + (d - 1) * cell_w,
            area.y,
            format!("{d:>2}"),
            theme.dim(),
        );
    }
    let months = ((area.height - 1) as i64 / sub_rows).max(1);
    // Months from today's back to the first check-in's; none before the journal began.
    let total = months_between(map.first.unwrap_or(today).min(today), today) + 1;
    let months_back = months_between(selected, today);
    let top = (months_back - months + 1).clamp(0, (total - months).max(0));
    for r in 0..months.min(total - top) {
        let m = first_of_month(today, -(top + r));
        let y0 = area.y + 1 + (r * sub_rows) as u16;
        buf.set_string(area.x, y0, m.format("%b %Y").to_string(), theme.title());
        if sub_rows > 1 {
            buf.set_string(area.x, y0 + 1, "   17–31", theme.dim());
        }
        let mut d = m;
        while d.month() == m.month() && d <= today {
            let idx = d.day() - 1;
            let (sub, col) = (idx / per_row, idx % per_row);
            let (x, y) = (area.x + label_w + col as u16 * cell_w, y0 + sub as u16);
            let pain = map.get(d);
            let text = match pain {
                Some(p) => format!("{p:>2}"),
                None => " ·".to_string(),
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
