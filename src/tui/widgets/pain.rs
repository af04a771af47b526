//! Pain drawn as bars, always with the number beside the colour (SPEC §8.3).

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// A horizontal bar of `width` cells for pain 0–10, then the number: `███████░░░  7`.
pub fn bar(theme: Theme, pain: u8, width: u16) -> Vec<Span<'static>> {
    let w = width as usize;
    let filled = (pain as usize * w + 5) / 10;
    vec![
        Span::styled("█".repeat(filled), theme.pain(pain)),
        Span::styled("░".repeat(w - filled.min(w)), theme.dim()),
        Span::styled(format!(" {pain:>2}"), theme.pain(pain).patch(theme.title())),
    ]
}

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// Vertical bars, one per day (oldest left), each with its number and weekday letter below.
/// A day without a check-in shows `·`: missing is not zero.
pub fn spark(theme: Theme, days: &[(NaiveDate, Option<u8>)], area: Rect, buf: &mut Buffer) {
    if days.is_empty() || area.height < 3 || area.width == 0 {
        return;
    }
    let col_w = (area.width / days.len() as u16).clamp(1, 4);
    let bar_rows = area.height - 2;
    for (i, (date, pain)) in days.iter().enumerate() {
        let x = area.x + i as u16 * col_w;
        if x + col_w > area.x + area.width {
            break;
        }
        let bar_w = col_w.saturating_sub(1).max(1) as usize;
        if let Some(p) = *pain {
            // Height in eighths of a row; pain 0 still shows a sliver so it reads as logged.
            let total = ((p as u32 * bar_rows as u32 * 8) / 10).max(1);
            for r in 0..bar_rows {
                let level = total.saturating_sub(r as u32 * 8).min(8) as usize;
                let y = area.y + bar_rows - 1 - r;
                buf.set_string(x, y, EIGHTHS[level].repeat(bar_w), theme.pain(p));
            }
        }
        let num = match pain {
            Some(p) => format!("{p:>w$}", w = bar_w),
            None => format!("{:>w$}", "·", w = bar_w),
        };
        let style = pain.map_or(theme.dim(), |p| theme.pain(p));
        buf.set_string(x, area.y + bar_rows, num, style);
        let letter = &date.weekday().to_string()[..1];
        buf.set_string(
            x,
            area.y + bar_rows + 1,
            format!("{letter:>w$}", w = bar_w),
            theme.dim(),
        );
    }
}

/// A pain number in its colour, for text lines.
pub fn number(theme: Theme, pain: u8) -> Span<'static> {
    Span::styled(format!("{pain}"), theme.pain(pain).patch(theme.title()))
}

/// "Pain 7 ███████░░░" as one line.
pub fn labelled(theme: Theme, label: &str, pain: u8, width: u16) -> Line<'static> {
    let mut spans = vec![Span::styled(format!("{label} "), theme.title())];
    spans.extend(bar(theme, pain, width));
    Line::from(spans)
}
