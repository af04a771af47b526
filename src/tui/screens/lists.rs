//! The titled, scrolling list the Training, Medications and Timeline screens are made of.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::tui::theme::Theme;

pub(super) fn block(t: Theme, title: String) -> Block<'static> {
    Block::bordered().title(Span::styled(format!(" {title} "), t.title()))
}

/// Draws `lines` in `area` inside a titled block, scrolled to keep `sel` visible; `sel` None
/// means no selection is shown.
pub(super) fn list(
    t: Theme,
    title: String,
    lines: Vec<Line>,
    empty: &str,
    sel: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
) {
    let b = block(t, title);
    let inner = b.inner(area);
    b.render(area, buf);
    if lines.is_empty() {
        Line::from(Span::styled(empty.to_string(), t.dim())).render(inner, buf);
        return;
    }
    let h = inner.height as usize;
    let s = sel.unwrap_or(0).min(lines.len() - 1);
    let offset = s.saturating_sub(h.saturating_sub(1));
    for (i, line) in lines.into_iter().enumerate().skip(offset).take(h) {
        let r = Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1);
        line.render(r, buf);
        if sel == Some(i) {
            buf.set_style(r, t.selected());
        }
    }
}
