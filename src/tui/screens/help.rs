//! The `?` overlay, generated from the keymap's binding tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::tui::keymap::{HelpFor, help_for};
use crate::tui::theme::Theme;

/// The help box; `top` is the first row shown when it is longer than the window (clamped
/// here, so j past the end stays at the last page).
pub fn render(t: Theme, which: HelpFor, top: u16, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    let mut plain = Vec::new();
    for (title, keys) in help_for(which) {
        lines.push(Line::from(Span::styled(title, t.accent())));
        plain.push(title.to_string());
        for (k, h) in keys {
            let key = format!(" {k:<10}");
            plain.push(format!("{key}{h}"));
            lines.push(Line::from(vec![Span::styled(key, t.title()), Span::raw(h)]));
        }
    }
    let w = area.width.saturating_sub(4).min(76);
    // Rows once wrapped to the box, to size it and to know how far it scrolls.
    let rows: u16 = plain
        .iter()
        .map(|l| {
            crate::tui::text::wrap(l, w.saturating_sub(2) as usize, (0, 0))
                .0
                .len() as u16
        })
        .sum();
    let h = area.height.saturating_sub(2).min(rows + 2);
    let shown = h.saturating_sub(2);
    let top = top.min(rows.saturating_sub(shown));
    let title = if rows > shown {
        let more = if top + shown < rows { "↓ " } else { "" };
        format!(" Keys ({more}j/k scroll · ? or Esc closes) ")
    } else {
        " Keys (? or Esc closes) ".to_string()
    };
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    Clear.render(r, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((top, 0))
        .block(Block::bordered().title(Span::styled(title, t.title())))
        .render(r, buf);
}
