//! The `?` overlay, generated from the keymap's binding tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::tui::keymap::{HelpFor, help_for};
use crate::tui::theme::Theme;

pub fn render(t: Theme, which: HelpFor, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    for (title, keys) in help_for(which) {
        lines.push(Line::from(Span::styled(title, t.accent())));
        for (k, h) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!(" {k:<10}"), t.title()),
                Span::raw(h),
            ]));
        }
    }
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    Clear.render(r, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(Span::styled(" Keys (? or Esc closes) ", t.title())))
        .render(r, buf);
}
