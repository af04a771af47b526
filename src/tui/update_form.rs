//! `update` inside a form: the keys every form shares (help, save, cancel, quit) and the
//! check-in's and the other forms' own (values, fields, text, the note's editor).

use super::action::{Action, Effect};
use super::app::{App, Mode, Pending};
use super::forms::FormKind;
use super::forms::checkin::Field;

/// Keys inside a form: the shared ones (help, save, cancel, quit) here, the rest per form.
pub(super) fn form(app: &mut App, action: Action) -> Effect {
    let (changed, noun, checkin_open) = match &app.mode {
        Mode::Checkin { form, .. } => (form.changed(), "check-in", true),
        Mode::Entry { form, .. } => (form.changed(), form.noun(), false),
        _ => return Effect::None,
    };
    match action {
        Action::Save if checkin_open => app.save_form(),
        Action::Save => {
            app.save_entry();
            if let Some(job) = app.pending_import.take() {
                return Effect::Import(job);
            }
        }
        Action::Cancel if changed => app.ask(
            format!("Discard the changes to this {noun}? (y/n)"),
            Pending::Discard,
        ),
        Action::Cancel => app.close_form(),
        Action::Quit if changed => app.ask(
            format!("Quit and discard the unsaved {noun}? (y/n)"),
            Pending::Quit,
        ),
        Action::Quit => return super::update::quit(app),
        Action::ToggleHelp => app.open_help(),
        a if checkin_open => return checkin(app, a),
        a => return entry(app, a),
    }
    Effect::None
}

fn checkin(app: &mut App, action: Action) -> Effect {
    let Some(f) = app.form_mut() else {
        return Effect::None;
    };
    if !matches!(action, Action::SetValue(_)) {
        f.forget_digit();
    }
    match action {
        Action::SetValue(v) => {
            if let Err(e) = f.set_value(v) {
                app.error(e.to_string());
            }
        }
        Action::Adjust(d) => f.adjust(d),
        Action::NextField => f.next_field(1),
        Action::PrevField => f.next_field(-1),
        Action::Toggle => f.toggle(),
        Action::ItemCursor(d) => f.move_item(d),
        Action::Clear => f.clear(),
        Action::Text(e) => f.edit(e),
        // Without a completion to take, → just moves the cursor.
        Action::Complete => {
            let _ = f.complete() || {
                f.edit(super::action::Edit::Right);
                true
            };
        }
        Action::CycleCompletion(d) => f.cycle_completion(d),
        Action::OpenEditor => {
            f.focus(Field::Note);
            return Effect::OpenEditor(f.note.value().to_string());
        }
        // `set` leaves the cursor at the end of the returned text.
        Action::EditorDone(Ok(text)) => f.note.set(&text),
        Action::EditorDone(Err(msg)) => app.error(format!("The note was not changed: {msg}")),
        _ => {}
    }
    Effect::None
}

fn entry(app: &mut App, action: Action) -> Effect {
    let Some(f) = app.entry_mut() else {
        return Effect::None;
    };
    match action {
        // In the picker ↑/↓ choose the medication; elsewhere they move between fields.
        Action::NextField | Action::PrevField if f.move_pick(0) => {
            f.move_pick(if action == Action::NextField { 1 } else { -1 });
        }
        Action::NextField => f.entry.next_field(1),
        Action::PrevField => f.entry.next_field(-1),
        Action::Toggle => f.entry.toggle(),
        Action::ItemCursor(d) => f.entry.move_item(d),
        Action::Clear => f.entry.clear(),
        Action::Text(t) => {
            f.entry.edit(t);
            f.reset_pick();
            // `/`: what the words find, while they are typed.
            if matches!(f.kind, FormKind::Search { .. }) {
                let text = f.entry.text("text");
                let found = app.search_hits(&text);
                if let Some(FormKind::Search { hits }) = app.entry_mut().map(|e| &mut e.kind) {
                    *hits = found;
                }
            }
        }
        Action::OpenEditor if f.entry.focus_note() => {
            return Effect::OpenEditor(f.entry.note_text().unwrap_or_default());
        }
        Action::EditorDone(Ok(text)) => f.entry.set_note(&text),
        Action::EditorDone(Err(msg)) => app.error(format!("The note was not changed: {msg}")),
        _ => {}
    }
    Effect::None
}
