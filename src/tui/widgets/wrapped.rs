//! Text that may be longer than its box (a note, a long exercise list): wrapped to the width,
//! scrolled so the cursor's row shows while it has focus, with `…` when more is hidden.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::text::wrap;

/// Draws `value` in `area`; returns the cursor's (row, column) inside `area`.
pub fn wrapped(
    value: &str,
    cursor: (usize, usize),
    focused: bool,
    area: Rect,
    style: Style,
    buf: &mut Buffer,
) -> (u16, u16) {
    let (w, h) = (area.width as usize, area.height.max(1) as usize);
    if w == 0 {
        return (0, 0);
    }
    let (rows, (cr, cc)) = wrap(value, w, cursor);
    let top = if focused {
        (cr + 1).saturating_sub(h)
    } else {
        0
    };
    let hidden_below = rows.len() > top + h;
    for (i, row) in rows.iter().enumerate().skip(top).take(h) {
        let y = area.y + (i - top) as u16;
        let last_shown = i + 1 == top + h;
        if last_shown && hidden_below && !(focused && i == cr) {
            let cut: String = row.chars().take(w.saturating_sub(1)).collect();
            buf.set_stringn(area.x, y, format!("{cut}…"), w, style);
        } else if !row.is_empty() {
            buf.set_stringn(area.x, y, row, w, style);
        }
    }
    ((cr - top) as u16, cc as u16)
}
