//! The Trash view (`T`): deleted records, most recently deleted first, each with what it was
//! and when it was deleted; Enter restores the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::lists::list;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(trash) = app.trash() else { return };
    let items = &trash.items;
    let lines = items
        .iter()
        .map(|item| {
            Line::from(vec![
                Span::styled(format!("{:<14}", item.kind.noun()), t.dim()),
                Span::raw(item.summary.clone()),
                Span::styled(
                    format!(
                        "  deleted {}",
                        crate::domain::text::stamp(&item.deleted_at, app.today)
                    ),
                    t.dim(),
                ),
            ])
        })
        .collect();
    list(
        t,
        format!("Trash ({}) · Enter restores · Esc closes", items.len()),
        lines,
        "The trash is empty: nothing deleted.",
        Some(trash.sel),
        area,
        buf,
    );
}
