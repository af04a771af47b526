//! The check-in form. Each row holds one or more fields; a set field shows only its chosen
//! items until focused, then all items wrapped with the item cursor, so the form fits 80×24
//! (and 60×20) with room left for the note.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::domain::vocab::{Character, Location, RedFlag};
use crate::tui::forms::checkin::{CheckinForm, Field, FieldKind};
use crate::tui::text::TextField;
use crate::tui::theme::Theme;
use crate::tui::widgets::pain;

/// The mark, the longest label ("Red flags") and a space before the value.
const LABEL_W: u16 = 11;

pub fn render(t: Theme, f: &CheckinForm, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let state = match &f.existing {
        Some(c) => format!("editing c{}", c.id),
        None => "new".to_string(),
    };
    let title = format!(" Check-in · {} ({state}) ", f.date.format("%a %-d %b %Y"));
    let b = Block::bordered().title(Span::styled(title, t.title()));
    let inner = b.inner(area);
    b.render(area, buf);
    let (y, mut cursor) = field_rows(t, f, inner, buf);
    if let Some(c) = note_and_flags(t, f, inner, y, buf) {
        cursor = Some(c);
    }
    cursor
}

/// The scales, sets and tags, row by row from the top; the row after them and the cursor.
fn field_rows(t: Theme, f: &CheckinForm, inner: Rect, buf: &mut Buffer) -> (u16, Option<Position>) {
    let mut y = inner.y;
    let mut cursor = None;
    let bottom = inner.bottom();
    let row = |fields: &[Field], y: &mut u16, buf: &mut Buffer, cursor: &mut Option<Position>| {
        if *y < bottom {
            let r = Rect::new(inner.x, *y, inner.width, (bottom - *y).min(2));
            let (c, rows) = inline_rows(t, f, fields, r, buf);
            if c.is_some() {
                *cursor = c;
            }
            *y += rows;
        }
    };
    row(
        &[Field::Pain, Field::Worst, Field::Leg],
        &mut y,
        buf,
        &mut cursor,
    );
    y += set_row(
        t,
        f,
        Field::Locations,
        Rect::new(inner.x, y, inner.width, bottom.saturating_sub(y)),
        buf,
    );
    y += set_row(
        t,
        f,
        Field::Character,
        Rect::new(inner.x, y, inner.width, bottom.saturating_sub(y)),
        buf,
    );
    row(
        &[
            Field::Sleep,
            Field::SleepQuality,
            Field::Sitting,
            Field::Workday,
        ],
        &mut y,
        buf,
        &mut cursor,
    );
    row(
        &[Field::Mood, Field::Stress, Field::Energy],
        &mut y,
        buf,
        &mut cursor,
    );
    row(&[Field::Tags], &mut y, buf, &mut cursor);
    (y, cursor)
}

/// The note in what is left from row `y`, and the red flags on the last rows.
fn note_and_flags(
    t: Theme,
    f: &CheckinForm,
    inner: Rect,
    mut y: u16,
    buf: &mut Buffer,
) -> Option<Position> {
    let bottom = inner.bottom();
    let mut cursor = None;
    // Red flags go on the last rows; the note takes what is left between.
    let flags_h = if f.focus == Field::RedFlags {
        set_height(f, Field::RedFlags, inner.width)
    } else {
        1
    };
    let note_h = bottom.saturating_sub(y).saturating_sub(flags_h).max(1);
    if y < bottom {
        let note_area = Rect::new(inner.x, y, inner.width, note_h.min(bottom - y));
        if let Some(c) = note(t, f, note_area, buf) {
            cursor = Some(c);
        }
        y += note_area.height;
    }
    if y < bottom {
        set_row(
            t,
            f,
            Field::RedFlags,
            Rect::new(inner.x, y, inner.width, bottom - y),
            buf,
        );
    }
    cursor
}

fn label(t: Theme, f: &CheckinForm, field: Field, width: usize) -> Span<'static> {
    let focused = f.focus == field;
    let text = format!(
        "{}{:<w$}",
        if focused { "›" } else { " " },
        field.label(),
        w = width.saturating_sub(1)
    );
    let style = if focused {
        t.accent().patch(t.selected())
    } else {
        t.title()
    };
    Span::styled(text, style)
}

fn scale_value(t: Theme, f: &CheckinForm, field: Field) -> Vec<Span<'static>> {
    let v = f.scale(field);
    match (field, v) {
        (Field::Pain, Some(p)) => pain::bar(t, p, 10),
        (Field::Pain, None) => vec![Span::styled("· not set: type 0–9, + for 10", t.dim())],
        (Field::Worst | Field::Leg, Some(p)) => vec![pain::number(t, p)],
        (_, Some(v)) => vec![Span::raw(format!("{v}/5"))],
        (_, None) => vec![Span::styled("·", t.dim())],
    }
}

fn text_value(t: Theme, field: &TextField, focused: bool) -> Span<'static> {
    let v = field.value();
    let shown = if v.is_empty() && !focused {
        "·".to_string()
    } else {
        format!("{v:<4}")
    };
    let style = if focused {
        Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)
    } else if v.is_empty() {
        t.dim()
    } else {
        Style::new()
    };
    Span::styled(shown, style)
}

/// Several small fields on one line, or on two when they do not fit the width (at 60 columns
/// Workday would be past the edge, focusable but unseen); returns the cursor if a text field
/// there has focus, and the rows used.
fn inline_rows(
    t: Theme,
    f: &CheckinForm,
    fields: &[Field],
    area: Rect,
    buf: &mut Buffer,
) -> (Option<Position>, u16) {
    let fits = |n: usize| {
        let (spans, _) = inline_spans(t, f, &fields[..n]);
        spans.iter().map(|s| s.width()).sum::<usize>() <= area.width as usize
    };
    let split = (1..fields.len())
        .rev()
        .find(|&n| fits(n))
        .filter(|_| !fits(fields.len()) && area.height >= 2);
    let Some(n) = split else {
        return (inline_row(t, f, fields, area, buf), 1);
    };
    let first = inline_row(t, f, &fields[..n], Rect { height: 1, ..area }, buf);
    let below = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    let second = inline_row(t, f, &fields[n..], below, buf);
    (first.or(second), 2)
}

/// One line of small fields; the cursor if a text field there has focus.
fn inline_row(
    t: Theme,
    f: &CheckinForm,
    fields: &[Field],
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let (spans, x) = inline_spans(t, f, fields);
    let cursor = x.map(|x| {
        Position::new(
            area.x + (x as u16).min(area.width.saturating_sub(1)),
            area.y,
        )
    });
    Line::from(spans).render(area, buf);
    cursor
}

/// The spans of a line of small fields and the focused text field's cursor column.
fn inline_spans(
    t: Theme,
    f: &CheckinForm,
    fields: &[Field],
) -> (Vec<Span<'static>>, Option<usize>) {
    let mut spans: Vec<Span> = Vec::new();
    let mut cursor = None;
    for (i, field) in fields.iter().copied().enumerate() {
        let lw = if i == 0 {
            LABEL_W as usize
        } else {
            field.label().chars().count() + 2
        };
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(label(t, f, field, lw));
        let focused = f.focus == field;
        match field.kind() {
            FieldKind::Scale => spans.extend(scale_value(t, f, field)),
            FieldKind::Hours | FieldKind::Tags => {
                let tf = match field {
                    Field::Sleep => &f.sleep,
                    Field::Sitting => &f.sitting,
                    _ => &f.tags,
                };
                if focused {
                    cursor =
                        Some(spans.iter().map(|s| s.width()).sum::<usize>() + tf.cursor_cells());
                }
                spans.push(text_value(t, tf, focused));
                if field == Field::Tags && focused {
                    for (i, c) in f.completions.iter().enumerate() {
                        let style = if i == f.completion {
                            t.accent()
                        } else {
                            t.dim()
                        };
                        spans.push(Span::styled(format!("  {c}"), style));
                    }
                    if !f.completions.is_empty() {
                        spans.push(Span::styled("  (→ accepts)", t.dim()));
                    }
                }
            }
            FieldKind::Flag => spans.push(Span::raw(match f.workday {
                Some(true) => "yes",
                Some(false) => "no",
                None => "·",
            })),
            FieldKind::Set | FieldKind::Note | FieldKind::Text | FieldKind::Ticks => {}
        }
    }
    (spans, cursor)
}

fn items(field: Field) -> Vec<&'static str> {
    match field {
        Field::Locations => Location::ALL.iter().map(|v| v.as_str()).collect(),
        Field::Character => Character::ALL.iter().map(|v| v.as_str()).collect(),
        _ => RedFlag::ALL.iter().map(|v| v.as_str()).collect(),
    }
}

fn chosen(f: &CheckinForm, field: Field) -> Vec<&'static str> {
    match field {
        Field::Locations => f.locations.iter().map(|v| v.as_str()).collect(),
        Field::Character => f.character.iter().map(|v| v.as_str()).collect(),
        _ => f.red_flags.iter().map(|v| v.as_str()).collect(),
    }
}

/// Lays the items of a focused set out in lines of `width`; each entry is (line, x, index).
fn layout(field: Field, width: u16) -> Vec<(u16, u16, usize)> {
    let avail = width.saturating_sub(LABEL_W).max(10);
    let (mut line, mut x) = (0u16, 0u16);
    let mut out = Vec::new();
    for (i, name) in items(field).iter().enumerate() {
        let w = name.len() as u16 + 5;
        if x > 0 && x + w > avail {
            line += 1;
            x = 0;
        }
        out.push((line, x, i));
        x += w;
    }
    out
}

fn set_height(_f: &CheckinForm, field: Field, width: u16) -> u16 {
    layout(field, width).last().map_or(1, |(l, _, _)| l + 1)
}

/// Draws a set field; returns the rows used.
fn set_row(t: Theme, f: &CheckinForm, field: Field, area: Rect, buf: &mut Buffer) -> u16 {
    if area.height == 0 {
        return 0;
    }
    buf.set_span(
        area.x,
        area.y,
        &label(t, f, field, LABEL_W as usize),
        LABEL_W,
    );
    let cx = area.x + LABEL_W;
    let picked = chosen(f, field);
    if f.focus != field {
        let text = if picked.is_empty() {
            "·".to_string()
        } else {
            picked.join(", ")
        };
        let style = if field == Field::RedFlags && !picked.is_empty() {
            t.error()
        } else {
            Style::new()
        };
        buf.set_stringn(
            cx,
            area.y,
            text,
            area.width.saturating_sub(LABEL_W) as usize,
            style,
        );
        return 1;
    }
    let names = items(field);
    let mut used = 0;
    for (line, x, i) in layout(field, area.width) {
        if line >= area.height {
            break;
        }
        let mark = if picked.contains(&names[i]) {
            "[x]"
        } else {
            "[ ]"
        };
        let mut style = if field == Field::RedFlags && mark == "[x]" {
            t.error()
        } else {
            Style::new()
        };
        if i == f.item {
            style = style.patch(t.selected());
        }
        buf.set_string(cx + x, area.y + line, format!("{mark} {}", names[i]), style);
        used = line + 1;
    }
    used.max(1)
}

/// The multi-line note, scrolled so the cursor's line is visible.
fn note(t: Theme, f: &CheckinForm, area: Rect, buf: &mut Buffer) -> Option<Position> {
    buf.set_span(
        area.x,
        area.y,
        &label(t, f, Field::Note, LABEL_W as usize),
        LABEL_W,
    );
    let focused = f.focus == Field::Note;
    let w = area.width.saturating_sub(LABEL_W) as usize;
    if f.note.value().is_empty() && !focused {
        buf.set_string(
            area.x + LABEL_W,
            area.y,
            "· (Ctrl-E opens $EDITOR)",
            t.dim(),
        );
    }
    let (row, col) = crate::tui::widgets::wrapped(
        f.note.value(),
        f.note.line_col(),
        focused,
        Rect::new(area.x + LABEL_W, area.y, w as u16, area.height),
        Style::new(),
        buf,
    );
    focused.then(|| Position::new(area.x + LABEL_W + col, area.y + row))
}
