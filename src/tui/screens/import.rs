//! Overlays of the import: the progress box drawn between files, and the summary left on
//! screen afterwards (every skipped and failed file with its reason) until Esc.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Gauge, Paragraph, Widget, Wrap};

use crate::tui::theme::Theme;

fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// "Importing 3 of 120" with a bar and the file just read.
pub fn progress(t: Theme, done: usize, total: usize, path: &Path, area: Rect, buf: &mut Buffer) {
    let r = centred(area, 70, 5);
    Clear.render(r, buf);
    let b = Block::bordered().title(Span::styled(" Importing ", t.title()));
    let inner = b.inner(r);
    b.render(r, buf);
    let ratio = if total == 0 {
        1.0
    } else {
        done as f64 / total as f64
    };
    Gauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(format!("{done} of {total} files"))
        .gauge_style(t.accent())
        .render(Rect { height: 1, ..inner }, buf);
    let name = path.file_name().map_or(path.display().to_string(), |n| {
        n.to_string_lossy().into_owned()
    });
    Line::styled(name, t.dim()).render(
        Rect {
            y: inner.y + 2,
            height: 1,
            ..inner
        },
        buf,
    );
}

/// The last import's summary over the screen.
pub fn summary(t: Theme, text: &str, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = text.lines().map(|l| Line::from(l.to_string())).collect();
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    Clear.render(r, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(Span::styled(" Import (Esc closes) ", t.title())))
        .render(r, buf);
}
