//! Keys → actions → state: the keymap by context, the check-in form, the screens' own keys,
//! the Trends range, a terminal too small, and the cursor inside a form.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{app, app_with_history, day, key, press};
use crate::domain::records::Checkin;
use crate::domain::vocab::{Location, RedFlag};
use crate::repo::Repo;
use crate::tui::action::{Action, Edit, Effect, Screen};
use crate::tui::app::App;
use crate::tui::forms::checkin::{Field, FieldKind};
use crate::tui::keymap::{KeyContext, help_sections, map};
use crate::tui::theme::Theme;

#[test]
fn keymap_maps_by_context() {
    let s = KeyContext::Screen(Screen::Today);
    assert_eq!(map(key(KeyCode::Char('c')), s), Some(Action::OpenCheckin));
    assert_eq!(
        map(key(KeyCode::Char('3')), s),
        Some(Action::GoTo(Screen::Training))
    );
    assert_eq!(map(key(KeyCode::BackTab), s), Some(Action::PrevScreen));
    assert_eq!(map(key(KeyCode::Char('G')), s), Some(Action::Bottom));
    assert_eq!(map(key(KeyCode::Char('v')), s), None, "v is the pain log's");
    let p = KeyContext::Screen(Screen::Pain);
    assert_eq!(
        map(key(KeyCode::Char('v')), p),
        Some(Action::ToggleCalendar)
    );
    let scale = KeyContext::Form(FieldKind::Scale);
    assert_eq!(
        map(key(KeyCode::Char('7')), scale),
        Some(Action::SetValue(7))
    );
    assert_eq!(map(key(KeyCode::Char('+')), scale), Some(Action::Adjust(1)));
    assert_eq!(map(key(KeyCode::Enter), scale), Some(Action::Save));
    let note = KeyContext::Form(FieldKind::Note);
    assert_eq!(
        map(key(KeyCode::Enter), note),
        Some(Action::Text(Edit::Newline))
    );
    assert_eq!(
        map(key(KeyCode::Char('q')), note),
        Some(Action::Text(Edit::Insert('q')))
    );
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(map(ctrl_s, note), Some(Action::Save));
    assert_eq!(
        map(key(KeyCode::Char('y')), KeyContext::Confirm),
        Some(Action::Confirm)
    );
}

#[test]
fn help_lists_the_keymap() {
    let all: Vec<_> = help_sections().into_iter().flat_map(|(_, v)| v).collect();
    for k in [
        "c", "1–7", "v", "Ctrl-S", "+/-", "Esc", "u", "u U", "T S O", "n/o", "q",
    ] {
        assert!(all.iter().any(|(l, _)| *l == k), "help lacks {k}");
    }
}

#[test]
fn fast_path_c_digit_enter_saves() {
    let mut a = app();
    press(&mut a, "c7\n");
    assert!(a.form().is_none(), "form closes after save");
    assert_eq!(a.today_checkin.as_ref().map(|c| c.pain), Some(7));
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| !s.error && s.text.contains("pain 7"))
    );
}

#[test]
fn plus_minus_reach_ten_and_clamp() {
    let mut a = app();
    press(&mut a, "c9++");
    assert_eq!(a.form().unwrap().pain, Some(10));
    press(&mut a, "-");
    assert_eq!(a.form().unwrap().pain, Some(9));
    press(&mut a, "0-");
    assert_eq!(a.form().unwrap().pain, Some(0));
}

#[test]
fn save_without_pain_keeps_input_and_says_why() {
    let mut a = app();
    press(&mut a, "c\t\t\t\t\t\t\t\t\t\t\t\tlong-drive");
    assert_eq!(a.form().unwrap().focus, Field::Tags);
    press(&mut a, "\n");
    let f = a.form().expect("form stays open");
    assert_eq!(f.tags.value(), "long-drive");
    assert_eq!(f.focus, Field::Pain, "focus jumps to the field at fault");
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("pain"))
    );
    assert!(a.today_checkin.is_none());
}

#[test]
fn space_toggles_set_items_and_tab_moves() {
    let mut a = app();
    press(&mut a, "c4\t\t\t");
    assert_eq!(a.form().unwrap().focus, Field::Locations);
    a.update(Action::ItemCursor(3));
    press(&mut a, " ");
    assert_eq!(a.form().unwrap().locations, vec![Location::LowBack]);
    press(&mut a, " ");
    assert!(a.form().unwrap().locations.is_empty());
    a.update(Action::PrevField);
    a.update(Action::PrevField);
    a.update(Action::PrevField);
    a.update(Action::PrevField);
    assert_eq!(a.form().unwrap().focus, Field::RedFlags, "Shift-Tab wraps");
    press(&mut a, " ");
    a.update(Action::Save);
    assert_eq!(
        a.today_checkin.as_ref().unwrap().red_flags,
        vec![RedFlag::SaddleNumbness]
    );
    assert!(a.red_flags_today());
}

#[test]
fn esc_asks_before_discarding_changes() {
    let mut a = app();
    press(&mut a, "c\x1b");
    assert!(a.form().is_none(), "an unchanged form closes at once");
    press(&mut a, "c5\x1b");
    assert!(a.confirm().is_some() && a.form().is_some());
    press(&mut a, "n");
    assert!(a.confirm().is_none());
    assert_eq!(a.form().unwrap().pain, Some(5), "no keeps the input");
    press(&mut a, "\x1by");
    assert!(a.form().is_none());
    assert!(a.today_checkin.is_none(), "discarding wrote nothing");
}

#[test]
fn quit_asks_only_with_unsaved_input() {
    let mut a = app();
    press(&mut a, "c3");
    assert_eq!(a.update(Action::Quit), Effect::None);
    assert!(a.confirm().is_some());
    assert_eq!(a.update(Action::Confirm), Effect::Quit);
    let mut b = app();
    assert_eq!(b.update(Action::Quit), Effect::Quit);
}

#[test]
fn form_prefills_and_tags_complete_from_history() {
    let mut repo = Repo::open_in_memory().unwrap();
    let yesterday = day().pred_opt().unwrap();
    let c = Checkin {
        date: yesterday,
        pain: 6,
        tags: vec!["long-drive".into()],
        ..Default::default()
    };
    repo.save_checkin(&c).unwrap();
    repo.save_checkin(&Checkin {
        date: day(),
        pain: 2,
        note: Some("a\nb".into()),
        ..Default::default()
    })
    .unwrap();
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Today);
    press(&mut a, "c");
    let f = a.form().unwrap();
    assert_eq!((f.pain, f.note.value()), (Some(2), "a\nb"));
    assert!(!f.changed());
    for _ in 0..12 {
        a.update(Action::NextField);
    }
    press(&mut a, "lo");
    assert_eq!(a.form().unwrap().completions, vec!["long-drive"]);
    a.update(Action::Complete);
    assert_eq!(a.form().unwrap().tags.value(), "long-drive, ");
    // Commas separate tags; a space inside one becomes `-` (the CLI's `--tag` rule).
    press(&mut a, "quick hike");
    a.update(Action::Save);
    assert_eq!(
        a.today_checkin.as_ref().unwrap().tags,
        vec!["long-drive", "quick-hike"]
    );
    press(&mut a, "c");
    assert_eq!(
        a.form().unwrap().tags.value(),
        "long-drive, quick-hike",
        "editing shows the separator, so typing on starts a new tag"
    );
}

#[test]
fn pain_log_delete_and_undo() {
    let mut repo = Repo::open_in_memory().unwrap();
    repo.save_checkin(&Checkin {
        date: day(),
        pain: 4,
        ..Default::default()
    })
    .unwrap();
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Pain);
    press(&mut a, "d");
    assert!(a.today_checkin.is_none());
    assert!(a.status.as_ref().unwrap().text.contains("u undoes"));
    press(&mut a, "u");
    let q = &a.confirm().expect("u asks first").question;
    assert!(q.starts_with("Bring back the deleted check-in"), "{q}");
    assert!(a.today_checkin.is_none(), "nothing happens before yes");
    press(&mut a, "y");
    assert_eq!(a.today_checkin.as_ref().map(|c| c.pain), Some(4));
    // The selected past day opens its own form.
    press(&mut a, "j\n");
    assert_eq!(a.form().unwrap().date, day().pred_opt().unwrap());
}

#[test]
fn screens_switch_by_number_and_tab() {
    let mut a = app();
    press(&mut a, "5");
    assert_eq!(a.screen, Screen::Trends);
    assert!(
        a.trends.data.is_some(),
        "switching loads the screen's window"
    );
    press(&mut a, "\t\t\t");
    assert_eq!(a.screen, Screen::Today);
    a.update(Action::PrevScreen);
    assert_eq!(a.screen, Screen::Week);
}

#[test]
fn calendar_shows_the_whole_history_from_the_first_month() {
    let mut repo = Repo::open_in_memory().unwrap();
    let first = NaiveDate::from_ymd_opt(2023, 3, 14).unwrap();
    for (date, pain) in [
        (first, 9),
        (NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(), 6),
    ] {
        repo.save_checkin(&Checkin {
            date,
            pain,
            ..Default::default()
        })
        .unwrap();
    }
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Pain);
    press(&mut a, "v");
    assert!(a.pain.calendar());
    let map = a
        .pain
        .map
        .as_ref()
        .expect("the calendar loads the whole history");
    assert_eq!(map.first, Some(first));
    assert_eq!(map.get(first), Some(9));
    press(&mut a, "h");
    assert_eq!(a.pain_selected(), day().pred_opt().unwrap());
    press(&mut a, "jjjj");
    assert_eq!(
        a.pain_selected(),
        NaiveDate::from_ymd_opt(2026, 7, 22).unwrap()
    );
    press(&mut a, "l");
    assert_eq!(
        a.pain_selected(),
        NaiveDate::from_ymd_opt(2026, 7, 23).unwrap()
    );
    // G: the first day; nothing before it, by day or by month.
    press(&mut a, "G");
    assert_eq!(a.pain_selected(), first);
    press(&mut a, "hj");
    assert_eq!(a.pain_selected(), first);
    // Three years back, the month shows its pain without scrolling through the years between.
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(text.contains("Mar 2023"), "{text}");
    assert!(
        !text.contains("Feb 2023"),
        "no month before the first: {text}"
    );
    assert!(text.contains(" 9"), "{text}");
    // d on a day far beyond the list's loaded days deletes that day's check-in.
    press(&mut a, "d");
    assert_eq!(a.repo.checkin_on(first).unwrap(), None);
    let later = NaiveDate::from_ymd_opt(2025, 6, 2);
    assert_eq!(a.pain.map.as_ref().unwrap().first, later);
    press(&mut a, "uy");
    assert_eq!(a.pain.map.as_ref().unwrap().first, Some(first));
    // Back to the list, on the day the calendar chose.
    press(&mut a, "G");
    press(&mut a, "v");
    assert_eq!(a.pain_selected(), first);
    assert!(
        a.pain
            .log
            .as_ref()
            .unwrap()
            .days
            .iter()
            .any(|(d, c)| *d == first && c.is_some())
    );
}

#[test]
fn no_color_theme_has_no_colour_but_keeps_modifiers() {
    use ratatui::style::{Modifier, Style};
    let plain = Theme::plain();
    assert_eq!(plain.pain(9), Style::new());
    assert_eq!(plain.pain_cell(2), Style::new());
    assert!(plain.banner().add_modifier.contains(Modifier::REVERSED));
    assert_ne!(Theme { color: true }.pain(9), Theme { color: true }.pain(1));
}

#[test]
fn brackets_switch_the_trends_range_and_reload_it() {
    use crate::views::insights::Range;
    let mut a = app_with_history();
    // Outside Trends the brackets mean nothing.
    assert_eq!(
        map(key(KeyCode::Char(']')), KeyContext::Screen(Screen::Today)),
        None
    );
    press(&mut a, "5");
    assert_eq!(a.screen, Screen::Trends);
    assert_eq!(
        a.trends.data.as_ref().map(|t| t.range),
        Some(Range::Weeks12)
    );
    assert_eq!(a.trends.data.as_ref().map(|t| t.days()), Some(84));
    press(&mut a, "]");
    assert_eq!(a.trends.range, Range::Year);
    assert_eq!(a.trends.data.as_ref().map(|t| t.days()), Some(365));
    press(&mut a, "[[[");
    assert_eq!(a.trends.range, Range::Weeks4);
    assert_eq!(a.trends.data.as_ref().map(|t| t.days()), Some(28));
    // j scrolls the sentences, and a new range starts them from the top again.
    press(&mut a, "jj");
    assert_eq!(a.sel[Screen::Trends.index()], 2);
    press(&mut a, "]");
    assert_eq!(a.sel[Screen::Trends.index()], 0);
    assert!(
        help_sections()
            .iter()
            .any(|(t, keys)| *t == "Trends" && keys.iter().any(|(k, _)| *k == "[ ]"))
    );
}

#[test]
fn a_range_seen_before_comes_back_without_a_reload_until_a_write() {
    let mut a = app_with_history();
    press(&mut a, "5]");
    assert_eq!(a.trends.seen.len(), 1, "12 weeks kept when 1 year loads");
    press(&mut a, "[");
    assert_eq!(a.trends.data.as_ref().map(|t| t.days()), Some(84));
    assert_eq!(a.trends.seen.len(), 1, "now 1 year is the one kept");
    // A write makes every kept range stale.
    press(&mut a, "c7\n");
    assert!(a.trends.seen.is_empty());
    press(&mut a, "]");
    assert_eq!(a.trends.data.as_ref().map(|t| t.days()), Some(365));
    assert_eq!(
        a.trends.data.as_ref().and_then(|t| t.stats.pain.latest),
        Some(7.0)
    );
}

#[test]
fn seven_opens_the_week_beside_the_week_before() {
    let mut a = app();
    press(&mut a, "c4\n");
    press(&mut a, "7");
    assert_eq!(a.screen, Screen::Week);
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(text.contains("Week of 23 Nov – 29 Nov"), "{text}");
    assert!(text.contains("Mon 23 Nov  pain  4"), "{text}");
    assert!(
        text.contains("mean 4.0 over 1 day (week before no check-ins)"),
        "{text}"
    );
}

#[test]
fn too_small_only_quit_acts() {
    let mut a = app();
    press(&mut a, "a45m\n");
    press(&mut a, "3");
    assert_eq!(a.rows(), 1);
    a.update(Action::Resize(40, 10));
    assert_eq!(a.key_context(), KeyContext::TooSmall);
    // d would delete an activity that cannot be seen; c would open an invisible form.
    press(&mut a, "dcu2\n");
    assert_eq!(a.rows(), 1, "nothing deleted while too small");
    assert!(
        a.form().is_none() && a.entry().is_none(),
        "no invisible form"
    );
    assert_eq!(a.screen, Screen::Training, "no screen switch");
    a.update(Action::Resize(80, 24));
    press(&mut a, "d");
    assert_eq!(a.rows(), 0, "d acts again once the window is big enough");
    a.update(Action::Resize(59, 24));
    assert_eq!(
        a.handle_key(key(KeyCode::Char('q'))),
        Effect::Quit,
        "q still quits"
    );
}

#[test]
fn too_small_with_unsaved_input_still_asks_before_quitting() {
    let mut a = app();
    press(&mut a, "c7");
    a.update(Action::Resize(50, 15));
    press(&mut a, "3");
    assert_eq!(a.form().unwrap().pain, Some(7), "digits wait");
    a.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(a.confirm().is_some(), "the unsaved check-in is asked about");
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 50, 15));
    assert!(text.contains("Quit and discard"), "{text}");
    assert_eq!(a.handle_key(key(KeyCode::Char('y'))), Effect::Quit);
}

/// The cursor's cell and the text just before it, as drawn at `w`×`h`.
fn drawn_cursor(a: &App, w: u16, h: u16) -> (ratatui::layout::Position, String) {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let p = crate::tui::screens::render(a, area, &mut buf).expect("a text field has the cursor");
    let before: String = (p.x.saturating_sub(6)..p.x)
        .map(|x| buf[(x, p.y)].symbol().to_string())
        .collect();
    (p, before)
}

#[test]
fn a_long_note_wraps_and_the_cursor_stays_inside_the_form() {
    let mut a = app();
    press(&mut a, "c5");
    a.form_mut().unwrap().focus(Field::Note);
    let long = "sat in the car for three hours then walked the dog twice ".repeat(4);
    for c in long.chars().chain("end!".chars()) {
        a.update(Action::Text(Edit::Insert(c)));
    }
    let (p, before) = drawn_cursor(&a, 80, 24);
    assert!(
        p.x < 79 && p.y < 22,
        "cursor inside the form's border: {p:?}"
    );
    assert_eq!(
        before, "e end!",
        "the text just typed is visible before the cursor"
    );
    // Many lines: the view scrolls down to the cursor's line.
    for i in 0..12 {
        a.update(Action::Text(Edit::Newline));
        for c in format!("row {i}").chars() {
            a.update(Action::Text(Edit::Insert(c)));
        }
    }
    let (p, before) = drawn_cursor(&a, 80, 24);
    assert!(p.y < 22, "{p:?}");
    assert_eq!(before, "row 11");
}

#[test]
fn a_long_text_field_in_a_form_keeps_its_cursor_visible() {
    let mut a = app();
    // The event form: kind, date, title…; the title is long.
    press(&mut a, "e");
    a.update(Action::NextField);
    a.update(Action::NextField);
    let title = "appointment with the physio about the left side and the long drive home";
    for c in title.chars().chain(" done".chars()) {
        a.update(Action::Text(Edit::Insert(c)));
    }
    let (p, before) = drawn_cursor(&a, 80, 24);
    assert!(p.x < 79, "{p:?}");
    assert_eq!(before, "e done");
}

#[test]
fn a_long_error_under_the_check_in_form_at_60x20_keeps_every_field() {
    let mut a = app();
    press(&mut a, "c");
    a.update(Action::Save);
    a.status = Some(crate::tui::app::Status {
        text: "Not saved (your input is kept): pain: not set; allowed: a whole number 0–10, typed as a digit or with + and -, and this message goes on long enough to need three rows".into(),
        error: true,
    });
    let text = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 60, 20));
    for label in [
        "Pain",
        "Where",
        "Feels",
        "Sleep h",
        "Mood",
        "Tags",
        "Note",
        "Red flags",
    ] {
        assert!(text.contains(label), "{label} lost:\n{text}");
    }
    assert!(
        text.contains("need three rows"),
        "the whole message:\n{text}"
    );
}

#[test]
fn a_new_check_in_can_be_taken_back_and_an_edit_is_put_back() {
    let mut a = app();
    press(&mut a, "c7\n");
    assert!(a.status.as_ref().unwrap().text.ends_with("u undoes"));
    press(&mut a, "u");
    let q = a.confirm().expect("asks first").question.clone();
    assert!(q.starts_with("Take back"), "{q}");
    press(&mut a, "y");
    assert!(a.today_checkin.is_none());
    // Logged again, then edited: u puts the edit back, and no longer takes back the adding
    // (that would lose the edit).
    press(&mut a, "c5\nc6\n");
    assert_eq!(a.today_checkin.as_ref().map(|c| c.pain), Some(6));
    press(&mut a, "u");
    let q = a.confirm().expect("asks first").question.clone();
    assert!(q.starts_with("Take back your edit of check-in c2"), "{q}");
    press(&mut a, "y");
    assert_eq!(a.today_checkin.as_ref().map(|c| c.pain), Some(5));
    press(&mut a, "u");
    assert!(a.confirm().is_none());
    assert!(
        a.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Nothing to undo")
    );
}
