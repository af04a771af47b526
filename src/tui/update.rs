//! `update`: applies one `Action` to the app. Every state change of the TUI happens here (or
//! in the helpers on `App` it calls), so each key's behaviour is testable as action → state.

use super::action::{Action, Effect, Screen};
use super::app::{App, Mode, Pending};
use super::update_form;

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
    if let Action::ImportDone(result) = action {
        app.import_done(result);
        return Effect::None;
    }
    match &app.mode {
        Mode::Confirm { .. } => confirm(app, action),
        Mode::Help { .. } => help(app, action),
        Mode::ImportSummary(_) => summary(app, action),
        Mode::Checkin { .. } | Mode::Entry { .. } => update_form::form(app, action),
        Mode::Trash(_) => trash(app, action),
        Mode::Scores(_) => scores(app, action),
        Mode::Screen => screen(app, action),
    }
}

/// Keys on the screen itself.
fn screen(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Quit => return quit(app),
        Action::ToggleHelp => app.open_help(),
        Action::GoTo(s) => go(app, s),
        Action::NextScreen => go(app, app.screen.step(1)),
        Action::PrevScreen => go(app, app.screen.step(-1)),
        Action::Move(_) | Action::Top | Action::Bottom | Action::MoveDays(_) => moves(app, action),
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
        Action::Search => app.search_prompt(),
        Action::OpenSelected => app.open_selected(),
        Action::DeleteSelected => app.delete_selected(),
        Action::Undo => app.ask_undo(),
        Action::Redo => app.ask_redo(),
        Action::ToggleTrash => app.toggle_trash(),
        Action::ToggleScores => app.toggle_scores(),
        a => screen_own(app, a),
    }
    Effect::None
}

/// Moving the selection: the Pain log by days (the calendar by months), other lists by rows.
fn moves(app: &mut App, action: Action) {
    let calendar = app.screen == Screen::Pain && app.pain.calendar();
    match action {
        Action::Move(d) => app.move_sel(d as i64),
        Action::Top if app.screen == Screen::Pain => app.select_day(app.today),
        Action::Top => app.sel[app.screen.index()] = 0,
        Action::Bottom if calendar => app.select_day(chrono::NaiveDate::MIN),
        Action::Bottom => {
            let n = app.rows();
            app.sel[app.screen.index()] = n.saturating_sub(1);
        }
        Action::MoveDays(d) if calendar => {
            let date = app.pain_selected() + chrono::Duration::days(d as i64);
            app.select_day(date);
        }
        _ => {}
    }
}

/// The keys one screen has of its own.
fn screen_own(app: &mut App, action: Action) {
    match (app.screen, action) {
        (Screen::Meds, Action::New) => app.open_medication(),
        (Screen::Training, Action::New) => app.open_programme(),
        (Screen::Meds, Action::TakeSelected) => app.take_selected(),
        (Screen::Training, Action::CycleFilter) => app.cycle_filter(),
        (Screen::Timeline, Action::JumpToDate) => app.jump_prompt(),
        (Screen::Training, Action::OpenImport) => app.import_prompt(),
        (Screen::Pain, Action::ToggleCalendar) => {
            app.pain.view = app.pain.view.toggled();
            app.ensure_loaded();
            // Back in the list, the day chosen on the calendar is loaded and selected.
            app.select_day(app.pain_selected());
        }
        (Screen::Training, Action::ToggleCalendar) => app.toggle_rehab_view(),
        (Screen::Meds, Action::ToggleCalendar) => app.toggle_dose_view(),
        (Screen::Trends, Action::Range(step)) => step_range(app, step),
        (Screen::Trends, Action::WriteReport) => app.write_trends_report(),
        _ => {}
    }
}

/// `[` / `]` on Trends: the next range, from the ranges seen since the last write if it was.
fn step_range(app: &mut App, step: i32) {
    let next = app.trends.range.step(step);
    if next == app.trends.range {
        return;
    }
    let t = &mut app.trends;
    t.range = next;
    t.seen.extend(t.data.take());
    t.data = t
        .seen
        .iter()
        .position(|d| d.range == next)
        .map(|i| t.seen.swap_remove(i));
    app.sel[Screen::Trends.index()] = 0;
    app.ensure_loaded();
}

/// The help scrolls when it is longer than the window (the row is clamped as drawn); `?`
/// or Esc closes it.
fn help(app: &mut App, action: Action) -> Effect {
    let Mode::Help { top, .. } = &mut app.mode else {
        return Effect::None;
    };
    match action {
        Action::Move(d) => *top = (i32::from(*top) + d).clamp(0, i32::from(u16::MAX)) as u16,
        Action::Top => *top = 0,
        Action::Bottom => *top = u16::MAX,
        Action::ToggleHelp | Action::Cancel => app.close_cover(),
        _ => {}
    }
    Effect::None
}

/// The import summary covers the screen: moving the selection under it would act unseen, so
/// only closing it (and quitting) act.
fn summary(app: &mut App, action: Action) -> Effect {
    match action {
        Action::ToggleHelp | Action::Cancel => app.close_cover(),
        Action::Quit => return quit(app),
        _ => {}
    }
    Effect::None
}

pub(super) fn quit(app: &mut App) -> Effect {
    app.should_quit = true;
    Effect::Quit
}

fn go(app: &mut App, s: Screen) {
    app.screen = s;
    app.ensure_loaded();
}

fn confirm(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Confirm => match app.answer() {
            Some(Pending::Quit) => return quit(app),
            Some(Pending::Discard) => {
                let noun = app.entry().map_or("check-in", |e| e.noun());
                app.close_form();
                app.info(format!("Discarded the {noun}; nothing was saved"));
            }
            Some(Pending::OverMax(d)) => {
                let result = app.force_dose(d);
                app.finish(result);
            }
            Some(Pending::Again(d)) => {
                let result = app.take_again(d);
                app.finish(result);
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
        Action::Deny => match app.answer() {
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
        Action::Quit => return quit(app),
        Action::Move(d) => app.move_trash(d as i64),
        Action::Top => app.move_trash(i64::MIN / 2),
        Action::Bottom => app.move_trash(i64::MAX / 2),
        Action::OpenSelected => app.restore_selected(),
        Action::Undo => app.ask_undo(),
        Action::Redo => app.ask_redo(),
        Action::ToggleTrash | Action::Cancel => app.close_view(),
        Action::ToggleHelp => app.open_help(),
        _ => {}
    }
    Effect::None
}

/// Keys in the Scores view: move, add a score (the form opens over it), close, help, quit.
fn scores(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Quit => return quit(app),
        Action::Move(d) => app.move_scores(d as i64),
        Action::Top => app.move_scores(i64::MIN / 2),
        Action::Bottom => app.move_scores(i64::MAX / 2),
        Action::OpenScore => app.open_score(),
        Action::ToggleScores | Action::Cancel => app.close_view(),
        Action::ToggleHelp => app.open_help(),
        _ => {}
    }
    Effect::None
}
