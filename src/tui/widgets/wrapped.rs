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

/// Items joined with `sep` on as few rows of `width` as they fit, each item whole on one row
/// ("sat 9.9 h", never "sat 9.9" and "h" below it; "of max 3000 mg", never "of max 30").
pub fn pack(items: &[String], sep: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let gap = sep.chars().count();
    for item in items {
        match rows.last_mut() {
            Some(row) if row.chars().count() + gap + item.chars().count() <= width => {
                row.push_str(sep);
                row.push_str(item);
            }
            _ => rows.push(item.clone()),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    #[test]
    fn pack_keeps_each_item_whole_on_its_row() {
        let items: Vec<String> = ["slept 6.2 h", "sleep quality 2/5", "sat 9.9 h", "workday"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            super::pack(&items, " · ", 40),
            vec!["slept 6.2 h · sleep quality 2/5", "sat 9.9 h · workday"]
        );
        assert_eq!(super::pack(&items[..1], " · ", 5), vec!["slept 6.2 h"]);
        assert!(super::pack(&[], " ", 40).is_empty());
    }
}
