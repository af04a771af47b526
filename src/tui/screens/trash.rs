//! The Trash view (`T`): deleted records, most recently deleted first, each with what it was
//! and when it was deleted; Enter restores the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::lists::list;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(items) = &app.trash else { return };
    let lines = items
        .iter()
        .map(|item| {
            Line::from(vec![
                Span::styled(format!("{:<14}", item.kind.noun()), t.dim()),
                Span::raw(item.summary.clone()),
                Span::styled(format!("  deleted {}", when(&item.deleted_at)), t.dim()),
            ])
        })
        .collect();
    list(
        t,
        format!("Trash ({}) · Enter restores · Esc closes", items.len()),
        lines,
        "The trash is empty: nothing deleted.",
        Some(app.trash_sel),
        area,
        buf,
    );
}

/// A deletion stamp (UTC) as the local day and time: `30 Nov 20:13`.
fn when(stamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp)
        .map(|d| {
            d.with_timezone(&chrono::Local)
                .format("%-d %b %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stamp.to_string())
}
