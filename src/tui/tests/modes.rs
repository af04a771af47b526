//! The app's one `Mode`: what each key opens covers the mode under it, closing it gives that
//! mode back with its input, and two forms or two views are never open at once.

use super::{app, day, press};
use crate::tui::action::{Action, Screen};
use crate::tui::app::{Mode, Pending};
use crate::tui::keymap::KeyContext;

/// The mode's layers, top first, by name: what a user sees stacked.
fn layers(a: &crate::tui::App) -> Vec<&'static str> {
    a.mode
        .layers()
        .map(|m| match m {
            Mode::Screen => "screen",
            Mode::Help { .. } => "help",
            Mode::Confirm { .. } => "question",
            Mode::Checkin { .. } => "check-in",
            Mode::Entry { .. } => "form",
            Mode::Trash(_) => "trash",
            Mode::Scores(_) => "scores",
            Mode::ImportSummary(_) => "summary",
        })
        .collect()
}

#[test]
fn a_form_closed_with_esc_gives_the_screen_back() {
    let mut a = app();
    press(&mut a, "c");
    assert_eq!(layers(&a), ["check-in", "screen"]);
    assert!(matches!(a.key_context(), KeyContext::Form(_)));
    press(&mut a, "\x1b");
    assert_eq!(layers(&a), ["screen"]);
    assert_eq!(a.key_context(), KeyContext::Screen(Screen::Today));
}

#[test]
fn the_help_and_a_question_over_a_form_close_back_to_its_input() {
    let mut a = app();
    press(&mut a, "c3?");
    assert_eq!(layers(&a), ["help", "check-in", "screen"]);
    assert_eq!(a.key_context(), KeyContext::Help);
    press(&mut a, "j");
    assert_eq!(a.help_top(), Some(1), "j scrolls the help");
    press(&mut a, "?");
    assert_eq!(layers(&a), ["check-in", "screen"]);
    assert_eq!(a.form().and_then(|f| f.pain), Some(3), "the input is kept");
    // Esc on a changed form asks; "n" gives the form back as typed, "y" discards it.
    press(&mut a, "\x1b");
    assert_eq!(layers(&a), ["question", "check-in", "screen"]);
    assert!(matches!(
        a.confirm().map(|c| &c.on_yes),
        Some(Pending::Discard)
    ));
    press(&mut a, "n");
    assert_eq!(a.form().and_then(|f| f.pain), Some(3));
    press(&mut a, "\x1by");
    assert_eq!(layers(&a), ["screen"]);
    assert!(a.form().is_none());
}

#[test]
fn a_form_opened_over_the_scores_view_closes_back_to_it() {
    let mut a = app();
    press(&mut a, "On");
    assert_eq!(layers(&a), ["form", "scores"]);
    press(&mut a, "\x1b");
    if a.confirm().is_some() {
        press(&mut a, "y");
    }
    assert_eq!(layers(&a), ["scores"]);
    assert_eq!(a.key_context(), KeyContext::Scores);
    press(&mut a, "\x1b");
    assert_eq!(layers(&a), ["screen"]);
}

#[test]
fn two_views_or_a_view_over_a_form_cannot_be_open_at_once() {
    let mut a = app();
    press(&mut a, "T");
    assert_eq!(layers(&a), ["trash"]);
    // Whatever reaches `update`, the Trash keeps the keys until it closes.
    a.update(Action::ToggleScores);
    a.update(Action::OpenCheckin);
    assert_eq!(layers(&a), ["trash"]);
    assert!(a.scores().is_none() && a.form().is_none());
    press(&mut a, "\x1bc5");
    assert_eq!(layers(&a), ["check-in", "screen"]);
    // An import's summary lands over the screen only: never over a form's input.
    a.update(Action::ImportDone(Ok((
        "Imported 1 file.".into(),
        "Imported 1 file.\nride.fit".into(),
    ))));
    assert_eq!(layers(&a), ["check-in", "screen"]);
    assert_eq!(a.form().and_then(|f| f.pain), Some(5));
    let status = a.status.as_ref().map(|s| s.text.as_str());
    assert_eq!(status, Some("Imported 1 file."), "said in the status line");
}

#[test]
fn the_import_summary_covers_the_screen_until_esc() {
    let mut a = app();
    a.update(Action::ImportDone(Ok((
        "Imported 1 file.".into(),
        "ride".into(),
    ))));
    assert_eq!(layers(&a), ["summary"]);
    assert_eq!(a.key_context(), KeyContext::Help);
    // Under the summary, moving the selection would act unseen.
    press(&mut a, "3");
    assert_eq!((a.screen, layers(&a)), (Screen::Today, vec!["summary"]));
    press(&mut a, "\x1b");
    assert_eq!(layers(&a), ["screen"]);
}

#[test]
fn a_question_over_the_trash_gives_the_trash_back() {
    let mut a = app();
    press(&mut a, "c5\n2d");
    let stored = |a: &crate::tui::App| a.repo.checkin_on(day()).unwrap().map(|c| c.pain);
    assert_eq!(stored(&a), None, "d deleted today's check-in");
    press(&mut a, "T");
    assert_eq!(
        a.trash().map(|t| t.items.len()),
        Some(1),
        "the check-in is in it"
    );
    // u in the Trash asks first; "n" leaves everything as it was, the Trash still open.
    press(&mut a, "u");
    assert_eq!(layers(&a), ["question", "trash"]);
    press(&mut a, "n");
    assert_eq!(layers(&a), ["trash"]);
    assert_eq!(a.trash().map(|t| t.items.len()), Some(1));
    // Enter restores it, and the Trash, reloaded in place, is empty.
    press(&mut a, "\n");
    assert_eq!(layers(&a), ["trash"]);
    assert_eq!(a.trash().map(|t| t.items.len()), Some(0));
    assert_eq!(stored(&a), Some(5), "back in the journal");
}
