//! `update`: applies one `Action` to the app. Every state change of the TUI happens here (or
//! in the helpers on `App` it calls), so each key's behaviour is testable as action → state.

use super::action::{Action, Effect, Screen};
use super::app::{App, Confirm, Pending};
use super::forms::FormKind;
use super::forms::checkin::Field;

pub fn update(app: &mut App, action: Action) -> Effect {
    // Every action sees the clock's day, so nothing is stored on a day that has ended.
    app.follow_clock();
    if matches!(action, Action::Tick) {
        return Effect::None;
    }
    if let Action::Resize(w, h) = action {
        app.size = (w, h);
        return Effect::None;
    }
    // While too small only quit (and its question) act; results of work the loop already did
    // (editor, import) still land. Nothing else may change what the user cannot see.
    let allowed = matches!(
        action,
        Action::Quit
            | Action::Confirm
            | Action::Deny
            | Action::EditorDone(_)
            | Action::ImportDone(_)
    );
    if app.too_small() && !allowed {
        return Effect::None;
    }
    app.status = None;
    if let Action::Paste(text) = &action {
        return super::paste::paste(app, text);
    }
    if app.confirm.is_some() {
        return confirm(app, action);
    }
    let scroll = matches!(action, Action::Move(_) | Action::Top | Action::Bottom);
    if app.import_summary.is_some() && !app.help && scroll {
        // The summary covers the screen: moving the selection under it would act unseen.
        return Effect::None;
    }
    if app.help {
        // The help scrolls when it is longer than the window; the row is clamped as drawn.
        match action {
            Action::Move(d) => {
                app.help_top = (i32::from(app.help_top) + d).clamp(0, i32::from(u16::MAX)) as u16;
                return Effect::None;
            }
            Action::Top => {
                app.help_top = 0;
                return Effect::None;
            }
            Action::Bottom => {
                app.help_top = u16::MAX;
                return Effect::None;
            }
            _ => {}
        }
    }
    if app.form.is_some() || app.entry.is_some() {
        return form(app, action);
    }
    if app.trash.is_some() && !app.help {
        return trash(app, action);
    }
    if app.scores.is_some() && !app.help {
        return scores(app, action);
    }
    match action {
        Action::Quit => {
            app.should_quit = true;
            return Effect::Quit;
        }
        Action::ToggleHelp if app.import_summary.is_some() => app.import_summary = None,
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_top = 0;
        }
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
        Action::Bottom if app.screen == Screen::Pain && app.calendar => {
            app.select_day(chrono::NaiveDate::MIN);
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
        Action::OpenActivity => app.open_activity(),
        Action::OpenRehab => app.open_rehab(),
        Action::OpenDose => app.open_dose(),
        Action::OpenEvent => app.open_event(),
        Action::OpenPsfs => app.open_psfs(),
        Action::OpenScore => app.open_score(),
        Action::OpenSettings => app.open_settings(),
        Action::New if app.screen == Screen::Meds => app.open_medication(),
        Action::New if app.screen == Screen::Training => app.open_programme(),
        Action::TakeSelected if app.screen == Screen::Meds => app.take_selected(),
        Action::CycleFilter if app.screen == Screen::Training => app.cycle_filter(),
        Action::JumpToDate if app.screen == Screen::Timeline => app.jump_prompt(),
        Action::Search => app.search_prompt(),
        Action::OpenImport if app.screen == Screen::Training => app.import_prompt(),
        Action::ImportDone(result) => app.import_done(result),
        Action::OpenSelected => app.open_selected(),
        Action::DeleteSelected => app.delete_selected(),
        Action::Undo => app.ask_undo(),
        Action::Redo => app.ask_redo(),
        Action::ToggleTrash => app.toggle_trash(),
        Action::ToggleScores => app.toggle_scores(),
        Action::ToggleCalendar if app.screen == Screen::Pain => {
            app.calendar = !app.calendar;
            app.ensure_loaded();
            // Back in the list, the day chosen on the calendar is loaded and selected.
            app.select_day(app.pain_selected());
        }
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
        Action::ToggleCalendar if app.screen == Screen::Training => app.toggle_rehab_view(),
        Action::ToggleCalendar if app.screen == Screen::Meds => app.toggle_dose_view(),
        Action::WriteReport if app.screen == Screen::Trends => app.write_trends_report(),
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
                let noun = app.entry.as_ref().map_or("check-in", |e| e.noun());
                app.form = None;
                app.entry = None;
                app.info(format!("Discarded the {noun}; nothing was saved"));
            }
            Some(Pending::OverMax(d)) => {
                let result = app.force_dose(d);
                let f = app.entry.take();
                app.finish(f, result);
            }
            Some(Pending::Again(d)) => {
                let result = app.take_again(d);
                let f = app.entry.take();
                app.finish(f, result);
            }
            Some(Pending::EditOverMax) => app.save_over_max(),
            Some(Pending::Implausible) => app.save_implausible(),
            Some(Pending::AddExercises(add)) => app.add_exercises_then_save(add),
            Some(Pending::OpenMed(id)) => app.open_same_drug(id),
            Some(Pending::RestoreMed(id)) => app.restore_same_drug(id),
            Some(Pending::Undo(i)) => app.apply_step(i, false, false),
            Some(Pending::Redo(i)) => app.apply_step(i, true, false),
            Some(Pending::ForceStep(i, redo)) => app.apply_step(i, redo, true),
            Some(Pending::RestoreOverMax(rid)) => app.restore_trashed(rid, true),
            None => {}
        },
        Action::Deny => match app.confirm.take().map(|c| c.on_yes) {
            Some(Pending::OverMax(_) | Pending::Again(_)) => {
                app.info("Not taken; nothing was stored")
            }
            Some(Pending::EditOverMax) => app.info("Not saved; the dose is still open to edit"),
            Some(Pending::Implausible) => app.info("Not saved; the activity is still open to edit"),
            Some(Pending::Undo(_) | Pending::Redo(_)) => app.info("Nothing was changed"),
            Some(Pending::ForceStep(..) | Pending::RestoreOverMax(_)) => {
                app.info("Not brought back; the dose stays in the trash")
            }
            Some(Pending::AddExercises(_)) => {
                app.info("Not saved; the programme is still open to edit")
            }
            Some(Pending::OpenMed(_) | Pending::RestoreMed(_)) => app.back_to_new_med(),
            _ => {}
        },
        // Any other key keeps the question open: a stray key must not discard input.
        _ => {}
    }
    Effect::None
}

/// Keys in the Trash view: move, restore, undo/redo, close, help and quit.
fn trash(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Quit => {
            app.should_quit = true;
            return Effect::Quit;
        }
        Action::Move(d) => app.move_trash(d as i64),
        Action::Top => app.move_trash(i64::MIN / 2),
        Action::Bottom => app.move_trash(i64::MAX / 2),
        Action::OpenSelected => app.restore_selected(),
        Action::Undo => app.ask_undo(),
        Action::Redo => app.ask_redo(),
        Action::ToggleTrash | Action::Cancel => app.trash = None,
        Action::ToggleHelp => {
            app.help = true;
            app.help_top = 0;
        }
        _ => {}
    }
    Effect::None
}

/// Keys in the Scores view: move, add a score (the form opens over it), close, help, quit.
fn scores(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Quit => {
            app.should_quit = true;
            return Effect::Quit;
        }
        Action::Move(d) => app.move_scores(d as i64),
        Action::Top => app.move_scores(i64::MIN / 2),
        Action::Bottom => app.move_scores(i64::MAX / 2),
        Action::OpenScore => app.open_score(),
        Action::ToggleScores | Action::Cancel => app.scores = None,
        Action::ToggleHelp => {
            app.help = true;
            app.help_top = 0;
        }
        _ => {}
    }
    Effect::None
}

fn ask(app: &mut App, question: String, on_yes: Pending) {
    app.confirm = Some(Confirm { question, on_yes });
}

/// Keys inside a form: the shared ones (help, save, cancel, quit) here, the rest per form.
fn form(app: &mut App, action: Action) -> Effect {
    if app.help {
        if action == Action::ToggleHelp {
            app.help = false;
        }
        return Effect::None;
    }
    let (changed, noun) = match (&app.form, &app.entry) {
        (Some(f), _) => (f.changed(), "check-in"),
        (None, Some(e)) => (e.changed(), e.noun()),
        _ => return Effect::None,
    };
    match action {
        Action::Save if app.form.is_some() => app.save_form(),
        Action::Save => {
            app.save_entry();
            if let Some(job) = app.pending_import.take() {
                return Effect::Import(job);
            }
        }
        Action::Cancel if changed => ask(
            app,
            format!("Discard the changes to this {noun}? (y/n)"),
            Pending::Discard,
        ),
        Action::Cancel => {
            app.form = None;
            app.entry = None;
        }
        Action::Quit if changed => ask(
            app,
            format!("Quit and discard the unsaved {noun}? (y/n)"),
            Pending::Quit,
        ),
        Action::Quit => {
            app.should_quit = true;
            return Effect::Quit;
        }
        Action::ToggleHelp => {
            app.help = true;
            app.help_top = 0;
        }
        a if app.form.is_some() => return checkin(app, a),
        a => return entry(app, a),
    }
    Effect::None
}

fn checkin(app: &mut App, action: Action) -> Effect {
    let Some(f) = app.form.as_mut() else {
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
    let Some(f) = app.entry.as_mut() else {
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
                if let Some(FormKind::Search { hits }) = app.entry.as_mut().map(|e| &mut e.kind) {
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
