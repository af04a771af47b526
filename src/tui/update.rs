//! `update`: applies one `Action` to the app. Every state change of the TUI happens here (or
//! in the helpers on `App` it calls), so each key's behaviour is testable as action → state.

use super::action::{Action, Effect, Screen};
use super::app::{App, Confirm, Pending};
use super::form::Field;

pub fn update(app: &mut App, action: Action) -> Effect {
    if action != Action::Resize {
        app.status = None;
    }
    if app.confirm.is_some() {
        return confirm(app, action);
    }
    if app.form.is_some() {
        return form(app, action);
    }
    match action {
        Action::Quit => {
            app.should_quit = true;
            return Effect::Quit;
        }
        Action::ToggleHelp => app.help = !app.help,
        Action::GoTo(s) => go(app, s),
        Action::NextScreen => go(app, app.screen.step(1)),
        Action::PrevScreen => go(app, app.screen.step(-1)),
        Action::Move(d) => app.move_sel(d as i64),
        Action::Top => {
            if app.screen == Screen::Pain {
                app.select_day(app.today);
            } else {
                app.sel[app.screen.index()] = 0;
            }
        }
        Action::Bottom => {
            let n = app.rows();
            app.sel[app.screen.index()] = n.saturating_sub(1);
        }
        Action::MoveDays(d) if app.screen == Screen::Pain && app.calendar => {
            let date = app.pain_selected() + chrono::Duration::days(d as i64);
            app.select_day(date);
        }
        Action::OpenCheckin => {
            let date = if app.screen == Screen::Pain {
                app.pain_selected()
            } else {
                app.today
            };
            app.open_form(date);
        }
        Action::OpenSelected if app.screen == Screen::Pain => app.open_form(app.pain_selected()),
        Action::DeleteSelected if app.screen == Screen::Pain => app.delete_selected(),
        Action::Undo => app.undo(),
        Action::ToggleCalendar if app.screen == Screen::Pain => app.calendar = !app.calendar,
        Action::Range(step) if app.screen == Screen::Trends => {
            let next = app.range.step(step);
            if next != app.range {
                app.range = next;
                app.trends_seen.extend(app.trends.take());
                app.trends = app
                    .trends_seen
                    .iter()
                    .position(|t| t.range == next)
                    .map(|i| app.trends_seen.swap_remove(i));
                app.sel[Screen::Trends.index()] = 0;
                app.ensure_loaded();
            }
        }
        _ => {}
    }
    Effect::None
}

fn go(app: &mut App, s: Screen) {
    app.screen = s;
    app.ensure_loaded();
}

fn confirm(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Confirm => match app.confirm.take().map(|c| c.on_yes) {
            Some(Pending::Quit) => {
                app.should_quit = true;
                return Effect::Quit;
            }
            Some(Pending::Discard) => {
                app.form = None;
                app.info("Check-in discarded; nothing was saved");
            }
            None => {}
        },
        Action::Deny => app.confirm = None,
        // Any other key keeps the question open: a stray key must not discard input.
        _ => {}
    }
    Effect::None
}

fn ask(app: &mut App, question: &str, on_yes: Pending) {
    app.confirm = Some(Confirm {
        question: question.to_string(),
        on_yes,
    });
}

fn form(app: &mut App, action: Action) -> Effect {
    if app.help {
        if action == Action::ToggleHelp {
            app.help = false;
        }
        return Effect::None;
    }
    let Some(f) = app.form.as_mut() else {
        return Effect::None;
    };
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
        Action::Save => app.save_form(),
        Action::Cancel => {
            if f.changed() {
                ask(
                    app,
                    "Discard the changes to this check-in? (y/n)",
                    Pending::Discard,
                );
            } else {
                app.form = None;
            }
        }
        Action::Quit => {
            if f.changed() {
                ask(
                    app,
                    "Quit and discard the unsaved check-in? (y/n)",
                    Pending::Quit,
                );
            } else {
                app.should_quit = true;
                return Effect::Quit;
            }
        }
        Action::OpenEditor => {
            f.focus(Field::Note);
            return Effect::OpenEditor(f.note.value().to_string());
        }
        // `set` leaves the cursor at the end of the returned text.
        Action::EditorDone(Ok(text)) => f.note.set(&text),
        Action::EditorDone(Err(msg)) => app.error(format!("The note was not changed: {msg}")),
        Action::ToggleHelp => app.help = true,
        _ => {}
    }
    Effect::None
}
