//! Text that may be longer than its box (a note, a long exercise list): wrapped to the width,
//! scrolled so the cursor's row shows while it has focus, with `…` when more is hidden.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::text::{cells, fit, wrap};

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
            let cut = fit(row, w.saturating_sub(1));
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
    let gap = cells(sep);
    for item in items {
        match rows.last_mut() {
            Some(row) if cells(row) + gap + cells(item) <= width => {
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
        // Cells, not characters: two 4-cell items do not share a 8-cell row with a gap.
        let jp: Vec<String> = ["腰痛", "睡眠"].map(String::from).to_vec();
        assert_eq!(super::pack(&jp, " ", 8), vec!["腰痛", "睡眠"]);
    }

    /// Issue 25: a Japanese note drawn in a 10-column box stays inside it (it drew 20
    /// columns), and the cursor after the text lands on a cell of the box.
    #[test]
    fn a_japanese_note_draws_inside_a_10_column_box() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::style::Style;
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 3));
        let note = "日本語のテキストです";
        let at = super::wrapped(
            note,
            (0, 7),
            true,
            Rect::new(0, 0, 10, 3),
            Style::new(),
            &mut buf,
        );
        let text = crate::tui::screens::buffer_text(&buf);
        let row = |y: usize| text.lines().nth(y).unwrap_or("").to_string();
        assert_eq!(row(0).trim_end(), "日本語のテ");
        assert_eq!(row(1).trim_end(), "キストです");
        assert!((10..20).all(|x| buf[(x, 0)].symbol() == " "), "{}", row(0));
        assert_eq!(at, (1, 4), "after キス");
    }
}
