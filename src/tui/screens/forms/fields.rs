//! Draws any `EntryForm`: one labelled row per field (two columns when they do not fit, as the
//! activity form's twenty fields at 80×24), ticks one per line, the note with what is left,
//! the form's live figures (TSS, dose total) at the bottom, and the picker's matches.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use chrono::NaiveDate;

use crate::tui::forms::checkin::FieldKind;
use crate::tui::forms::fields::{EntryField, Input};
use crate::tui::forms::{EntryForm, FormKind, filtered};
use crate::tui::theme::Theme;

pub fn render(
    t: Theme,
    f: &EntryForm,
    today: NaiveDate,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let b = Block::bordered().title(Span::styled(format!(" {} ", f.entry.title), t.title()));
    let inner = b.inner(area);
    b.render(area, buf);
    let body = live_figures(t, f, today, inner, buf);
    let fields = &f.entry.fields;
    // Rows each field wants: ticks one per item, the note at least one.
    let want: u16 = fields.iter().map(|x| rows_of(x).max(1)).sum();
    let cursor = if want <= body.height {
        one_column(t, f, body, buf)
    } else {
        two_columns(t, f, body, buf)
    };
    if let FormKind::PickMed { meds, pick, last } = &f.kind {
        picker(t, f, (meds, *pick, last), body, buf);
    }
    cursor
}

/// The form's live figures (TSS, dose total) at the bottom of `inner`; the rest of it, for
/// the fields, is returned.
fn live_figures(t: Theme, f: &EntryForm, today: NaiveDate, inner: Rect, buf: &mut Buffer) -> Rect {
    // The live figures wrap at spaces: on a narrow terminal their end (what is missing for a
    // TSS) is the part that matters.
    let info: Vec<String> = f
        .info(today)
        .iter()
        .flat_map(|l| crate::tui::text::wrap(l, inner.width as usize, (0, 0)).0)
        .collect();
    let info_h = (info.len() as u16).min(inner.height.saturating_sub(1));
    let body = Rect {
        height: inner.height - info_h,
        ..inner
    };
    for (i, line) in info.iter().take(info_h as usize).enumerate() {
        let y = body.bottom() + i as u16;
        buf.set_stringn(inner.x, y, line, inner.width as usize, t.accent());
    }
    body
}

fn one_column(t: Theme, f: &EntryForm, body: Rect, buf: &mut Buffer) -> Option<Position> {
    let fields = &f.entry.fields;
    let mut cursor = None;
    // One column: a long label (a PSFS activity with its last score and date) may take all
    // but the room a value needs.
    let lw = label_width(fields, body.width.saturating_sub(VALUE_ROOM));
    let mut y = body.y;
    for (i, field) in fields.iter().enumerate() {
        let rest = body.bottom().saturating_sub(y);
        let h = match field.kind() {
            // The note takes what the fields after it leave.
            FieldKind::Note => {
                let after: u16 = fields[i + 1..].iter().map(|x| rows_of(x).max(1)).sum();
                rest.saturating_sub(after).max(1)
            }
            _ => rows_of(field).max(1).min(rest),
        };
        if h == 0 {
            break;
        }
        let r = Rect::new(body.x, y, body.width, h);
        if let Some(c) = draw_field(t, field, i == f.entry.focus, lw, r, buf) {
            cursor = Some(c);
        }
        y += h;
    }
    cursor
}

/// Two columns of single rows, and the focused field's whole hint below them.
fn two_columns(t: Theme, f: &EntryForm, body: Rect, buf: &mut Buffer) -> Option<Position> {
    let fields = &f.entry.fields;
    let mut cursor = None;
    let per = fields.len().div_ceil(2) as u16;
    let cw = body.width / 2;
    let mut room = usize::MAX;
    for (i, field) in fields.iter().enumerate() {
        let (col, row) = ((i as u16) / per, (i as u16) % per);
        if row >= body.height {
            continue;
        }
        let r = Rect::new(body.x + col * cw, body.y + row, cw.saturating_sub(1), 1);
        let col_fields = &fields[(col * per) as usize..];
        let lw = label_width(&col_fields[..col_fields.len().min(per as usize)], cw / 2);
        if i == f.entry.focus {
            room = r.width.saturating_sub(lw) as usize;
        }
        if let Some(c) = draw_field(t, field, i == f.entry.focus, lw, r, buf) {
            cursor = Some(c);
        }
    }
    let below = Rect::new(
        body.x,
        body.y + per,
        body.width,
        body.height.saturating_sub(per),
    );
    full_hint(t, f, below, room, buf);
    cursor
}

/// The medication picker's matches under its filter field, the chosen one marked.
fn picker(t: Theme, f: &EntryForm, (meds, pick, last): Picker, body: Rect, buf: &mut Buffer) {
    let list = filtered(meds, &f.entry.text("filter"));
    let top = body.y + 2;
    if list.is_empty() {
        buf.set_string(body.x + 2, top, "No medication matches.", t.dim());
    }
    let shown = body.bottom().saturating_sub(top) as usize;
    let offset = pick.saturating_sub(shown.saturating_sub(1));
    for (i, m) in list.iter().enumerate().skip(offset).take(shown) {
        let y = top + (i - offset) as u16;
        let max = m
            .max_daily
            .map(|x| format!("max {}/day", crate::domain::text::amount(x, &m.unit)))
            .unwrap_or_else(|| "no max".into());
        // The last dose before the max (the dose form shows the max again): "did I take
        // one already?" is the question here, and it stays whole at 60 columns.
        // Narrower than the whole row, the usual dose (the form starts with it) goes
        // before the max.
        let usual = if body.width >= 72 {
            format!(
                "{:<14} ",
                format!(
                    "{} usual",
                    crate::domain::text::amount(m.usual_dose, &m.unit)
                )
            )
        } else {
            String::new()
        };
        let text = format!(
            "{} {} {usual}{:<20} {}",
            if i == pick { "›" } else { " " },
            crate::tui::text::pad(&m.name, 18),
            last.get(&m.id).map_or("", String::as_str),
            max,
        );
        let style = if i == pick {
            t.selected()
        } else {
            Style::new()
        };
        buf.set_stringn(body.x + 1, y, text, body.width as usize - 1, style);
    }
}

/// The picker's catalogue, the row chosen and "last dose 2 h ago" by row id.
type Picker<'a> = (
    &'a [crate::domain::records::Medication],
    usize,
    &'a std::collections::BTreeMap<i64, String>,
);

/// In two columns a hint may not fit beside its label ("1h30m, 90m, 1:30 (requ"): the focused
/// field's whole hint goes on the free row below the columns, where there is one.
fn full_hint(t: Theme, f: &EntryForm, below: Rect, room: usize, buf: &mut Buffer) {
    let Some(field) = f.entry.focused() else {
        return;
    };
    let Input::Text(tf) = &field.input else {
        return;
    };
    let hint = format!("· {}", field.hint);
    if below.height < 2 || !tf.value().is_empty() || hint.chars().count() <= room {
        return;
    }
    let line = format!("{}: {}", field.label, field.hint);
    buf.set_stringn(
        below.x + 1,
        below.y + 1,
        line,
        below.width as usize - 1,
        t.dim(),
    );
}

/// Columns kept for a value beside the widest label in one column.
const VALUE_ROOM: u16 = 16;

fn rows_of(f: &EntryField) -> u16 {
    match &f.input {
        Input::Ticks { items, .. } => items.len() as u16,
        _ => 1,
    }
}

fn label_width(fields: &[EntryField], cap: u16) -> u16 {
    let w = fields
        .iter()
        .map(|f| f.label.chars().count() as u16 + 2)
        .max()
        .unwrap_or(8);
    w.clamp(8, cap.max(8))
}

/// One field in `r` (its label in the first `lw` columns); the cursor if it is focused text.
fn draw_field(
    t: Theme,
    f: &EntryField,
    focused: bool,
    lw: u16,
    r: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let label_style = if focused {
        t.accent().patch(t.selected())
    } else {
        t.title()
    };
    let mark = if focused { "›" } else { " " };
    let label: String = f.label.chars().take(lw as usize - 2).collect();
    buf.set_stringn(
        r.x,
        r.y,
        format!("{mark}{label:<w$}", w = lw as usize - 1),
        lw as usize,
        label_style,
    );
    // Where the value goes: right of the label.
    let value = Rect::new(r.x + lw, r.y, r.width.saturating_sub(lw), r.height);
    let (vx, vw) = (value.x, value.width as usize);
    match &f.input {
        Input::Text(tf) => draw_text(t, f, tf, focused, value, buf),
        Input::Choice { options, at } => {
            let v = options.get(*at).map_or("", String::as_str);
            let text = if focused {
                format!("‹ {v} ›  Space/h/l")
            } else {
                v.to_string()
            };
            buf.set_stringn(vx, r.y, text, vw, Style::new());
            None
        }
        Input::Flag(on) => {
            let text = if *on { "[x] yes" } else { "[ ] no" };
            buf.set_stringn(vx, r.y, text, vw, Style::new());
            None
        }
        Input::Ticks { items, on, cursor } => {
            let ticks = (items.as_slice(), on.as_slice(), *cursor);
            draw_ticks(t, ticks, focused, value, buf);
            None
        }
    }
}

/// A text field's value in `r` (wrapped, the cursor kept in view), or its hint when empty.
fn draw_text(
    t: Theme,
    f: &EntryField,
    tf: &crate::tui::text::TextField,
    focused: bool,
    r: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let v = tf.value();
    if v.is_empty() {
        let style = if focused {
            t.dim().add_modifier(Modifier::UNDERLINED)
        } else {
            t.dim()
        };
        // A hint reads as "· e.g. 42km", never as a value.
        let hint = format!("· {}", f.hint);
        buf.set_stringn(r.x, r.y, hint.trim_end(), r.width as usize, style);
    }
    let style = if focused {
        Style::new().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    let (row, col) = crate::tui::widgets::wrapped(v, tf.line_col(), focused, r, style, buf);
    focused.then(|| Position::new(r.x + col, r.y + row))
}

/// Ticks one per line in `r`: the items, which are on, and the row the cursor is on.
fn draw_ticks(
    t: Theme,
    (items, on, cursor): (&[String], &[bool], usize),
    focused: bool,
    r: Rect,
    buf: &mut Buffer,
) {
    if items.is_empty() {
        buf.set_stringn(r.x, r.y, "no exercises", r.width as usize, t.dim());
    }
    for (i, item) in items.iter().enumerate().take(r.height as usize) {
        let mark = if on.get(i).copied().unwrap_or(false) {
            "[x]"
        } else {
            "[ ]"
        };
        let style = if focused && i == cursor {
            t.selected()
        } else {
            Style::new()
        };
        let line = Line::from(Span::styled(format!("{mark} {item}"), style));
        buf.set_line(r.x, r.y + i as u16, &line, r.width);
    }
}
