//! The Timeline screen (SPEC §8.1 #6): the events (Enter edits, `d` deletes) and a merged
//! day-by-day history of check-ins, activities, rehab, doses and events, newest first, over
//! 30 days ending today or the day `/` jumped to.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::lists::list;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::text::{cells, clip};
use crate::views::journal::TIMELINE_DAYS;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(d) = &app.timeline.data else { return };
    let ev_h = (d.events.len() as u16).clamp(1, 6) + 2;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(ev_h), Constraint::Min(3)]).areas(area);
    let width = top.width.saturating_sub(2) as usize;
    let events = d
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let head = format!("{}  {:<10} ", e.date.format("%a %e %b %Y"), e.kind.as_str());
            let tail = d.changes.get(i).cloned().flatten();
            Line::from(event_row(&head, &e.title, tail.as_deref(), width))
        })
        .collect();
    list(
        t,
        // Appointments ahead are listed too, so the title says both directions.
        {
            let ahead = d.events.iter().filter(|e| e.date > app.today).count();
            match ahead {
                0 => format!("Events, last 2 years ({}) · e adds", d.events.len()),
                n => format!(
                    "Events: {n} ahead, {} in the last 2 years · e adds",
                    d.events.len() - n
                ),
            }
        },
        events,
        "No events yet. e adds one (MRI, physio, new saddle…).",
        Some(app.sel[Screen::Timeline.index()]),
        top,
        buf,
    );
    // The date shows once per day, so the days read as groups.
    let mut last = None;
    let hist = d
        .history
        .iter()
        .map(|h| {
            let date = if last == Some(h.date) {
                " ".repeat(10)
            } else {
                h.date.format("%a %e %b").to_string()
            };
            last = Some(h.date);
            Line::from(vec![
                Span::raw(format!("{date}  ")),
                Span::styled(format!("{:<9}", h.kind), t.dim()),
                Span::raw(format!(" {}", h.text)),
            ])
        })
        .collect();
    let to = d.to.unwrap_or(app.today);
    let title = if to == app.today {
        format!("Everything, last {TIMELINE_DAYS} days · / jumps to a date")
    } else {
        format!(
            "Everything, {TIMELINE_DAYS} days to {} · / jumps",
            to.format("%a %-d %b %Y")
        )
    };
    list(
        t,
        title,
        hist,
        "Nothing logged in these 30 days.",
        None,
        bottom,
        buf,
    );
}

/// One event row: date and kind, the title, and its before/after last. When the row is too
/// wide the title gives way ("…"), never the before/after and its chance words (issue 19).
pub fn event_row(head: &str, title: &str, tail: Option<&str>, width: usize) -> String {
    let Some(tail) = tail else {
        return format!("{head}{title}");
    };
    let tail = format!(" · {tail}");
    let room = width.saturating_sub(cells(head) + cells(&tail));
    format!("{head}{}{tail}", clip(title, room))
}

#[cfg(test)]
mod tests {
    use super::event_row;

    #[test]
    fn the_title_gives_way_to_the_before_and_after() {
        let head = "Sat  3 Mar 2026  bike-fit   ";
        let tail = "28 d -2.2 (others -0.3), unlikely to be chance";
        let row = event_row(
            head,
            "bike fit with the new cleats and saddle",
            Some(tail),
            78,
        );
        assert!(row.ends_with(tail), "{row}");
        assert_eq!(row.chars().count(), 78, "{row}");
        assert!(row.contains('…'), "{row}");
        assert_eq!(event_row(head, "GP", None, 78), format!("{head}GP"));
        // A Japanese title gives way by cells: the row still fills 78 columns, not more.
        let jp = event_row(
            head,
            "新しいクリートとサドルでバイクフィッティング",
            Some(tail),
            78,
        );
        assert!(jp.ends_with(tail), "{jp}");
        assert!(crate::tui::text::cells(&jp) <= 78, "{jp}");
        assert!(crate::tui::text::cells(&jp) >= 77, "{jp}");
    }
}
