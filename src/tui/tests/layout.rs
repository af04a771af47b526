//! What a new user met at 80×24 and 60×20: hints and live lines cut at the edge, and the
//! status lines' words. Rendered through the same code as the terminal.

use chrono::NaiveDate;

use super::press;
use crate::repo::Repo;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app() -> App {
    App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Today,
    )
}

fn shown(a: &App, w: u16, h: u16) -> String {
    crate::tui::screens::buffer_text(&crate::tui::render_buffer(a, w, h))
}

#[test]
fn a_hint_cut_by_two_columns_shows_whole_below_them_and_the_tss_line_wraps() {
    let mut a = app();
    press(&mut a, "a");
    let s = shown(&a, 80, 24);
    // Beside its label the hint is cut ("(requ…"); the focused field's shows whole below.
    assert!(s.contains("Duration: 1h30m, 90m, 1:30 (required)"), "{s}");
    press(&mut a, "1h");
    let s = shown(&a, 80, 24);
    assert!(
        !s.contains("Duration: "),
        "a filled field needs no hint: {s}"
    );
    // At 60 columns the live TSS line does not fit on one row; its end still shows.
    let narrow = shown(&a, 60, 20);
    assert!(
        narrow.contains("needs power, HR, RPE or a TSS") && narrow.contains("LTHR set"),
        "{narrow}"
    );
}

#[test]
fn the_calendars_key_line_offers_the_list_and_its_own_moves() {
    let mut a = app();
    press(&mut a, "2");
    let list = shown(&a, 80, 24);
    assert!(
        list.lines().last().unwrap().contains("v calendar"),
        "{list}"
    );
    press(&mut a, "v");
    let cal = shown(&a, 80, 24);
    let keys = cal.lines().last().unwrap();
    assert!(
        keys.contains("v list") && keys.contains("h/l day") && !keys.contains("v calendar"),
        "{keys}"
    );
}

#[test]
fn the_training_lists_count_says_what_it_counts() {
    let mut a = app();
    press(&mut a, "3a45m\n");
    assert!(a.entry().is_none(), "{:?}", a.status);
    let s = shown(&a, 80, 24);
    assert!(s.contains("· all (f) · 1 session · pain"), "{s}");
}

#[test]
fn todays_check_in_card_wraps_between_items_not_inside_them() {
    let mut a = app();
    // Pain 4; sleep 6.2 h, quality 2, sitting 9.9 h, a workday, mood 4, stress 2, energy 5.
    press(&mut a, "c4\t\t\t\t\t6.2\t2\t9.9\t \t4\t2\t5");
    a.update(crate::tui::action::Action::Save);
    assert!(a.form().is_none(), "{:?}", a.status);
    let s = shown(&a, 80, 24);
    for item in [
        "slept 6.2 h",
        "sat 9.9 h",
        "energy 5/5",
        "sleep quality 2/5",
    ] {
        assert!(s.contains(item), "'{item}' cut across rows:\n{s}");
    }
}

/// Today and Medications after four 1000 mg doses of a drug with a 3000 mg max.
fn over_max_app(screen: Screen) -> App {
    use crate::domain::records::Medication;
    use crate::domain::vocab::MedClass;
    let mut repo = Repo::open_in_memory().unwrap();
    repo.add_medication(&Medication {
        id: 0,
        uuid: String::new(),
        name: "acetaminophen".into(),
        class: MedClass::Acetaminophen,
        unit: "mg".into(),
        usual_dose: 1000.0,
        max_daily: Some(3000.0),
        as_needed: true,
        times_a_day: None,
        course_start: None,
        course_end: None,
        note: None,
    })
    .unwrap();
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Meds);
    // Four doses hours apart (doses within 30 minutes ask first), the fourth over the max.
    for (h, keys) in [(6, "t"), (9, "t"), (12, "t"), (15, "ty")] {
        a.time_of_day = chrono::NaiveTime::from_hms_opt(h, 0, 0);
        press(&mut a, keys);
    }
    press(&mut a, &(screen.index() + 1).to_string());
    a
}

#[test]
fn a_medication_total_is_never_cut_inside_its_max() {
    for (screen, w, h) in [
        (Screen::Today, 80, 24),
        (Screen::Today, 60, 20),
        (Screen::Meds, 60, 20),
    ] {
        let s = shown(&over_max_app(screen), w, h);
        assert!(
            s.contains("! 4000 mg acetaminophen") && s.contains("of max 3000 mg"),
            "{screen:?} at {w}×{h}:\n{s}"
        );
    }
}

#[test]
fn doses_by_day_write_amounts_as_the_rest_of_the_app_does() {
    let s = shown(&over_max_app(Screen::Meds), 80, 24);
    // "4000 mg" as in "! 4000 mg acetaminophen" above it, not "4000mg".
    assert!(s.contains("acetaminophen 4000 mg (4×)"), "{s}");
}

#[test]
fn help_longer_than_the_window_scrolls_to_its_last_key() {
    let mut a = app();
    a.update(crate::tui::action::Action::Resize(60, 20));
    press(&mut a, "3?");
    let first = shown(&a, 60, 20);
    assert!(first.contains("j/k scroll"), "{first}");
    assert!(!first.contains("find words (kind, date, bike"), "{first}");
    // j past the end stops at the last page, which holds the screen's last key.
    press(&mut a, &"j".repeat(40));
    let last = shown(&a, 60, 20);
    assert!(last.contains("find words (kind, date, bike"), "{last}");
    assert!(
        a.help_top().is_some(),
        "j scrolls, it does not close the help"
    );
    // Closed and opened again, it starts at the top.
    press(&mut a, "??");
    assert!(shown(&a, 60, 20).contains("Everywhere"));
}

/// Logs an activity through the form: `duration`, `days_ago`, a typed TSS.
fn log_activity(a: &mut App, duration: &str, days_ago: u32, tss: &str) {
    press(a, "a");
    press(a, duration);
    let e = &mut a.entry_mut().unwrap().entry;
    e.set_text("date", &format!("-{days_ago}"));
    e.set_text("tss", tss);
    a.update(crate::tui::action::Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
}

#[test]
fn the_week_wraps_a_long_comparison_rather_than_cut_its_figures() {
    let mut a = app();
    // 23 Nov 2026 is a Monday: one session this week, one the week before.
    log_activity(&mut a, "1h30m", 0, "123");
    log_activity(&mut a, "2h15m", 7, "606");
    press(&mut a, "7");
    let s = shown(&a, 60, 20);
    assert!(s.contains("(week before"), "{s}");
    assert!(s.contains("TSS 606)"), "the week before's TSS whole:\n{s}");
}

#[test]
fn a_rated_psfs_activity_shows_its_last_score_and_date_whole() {
    let mut a = app();
    press(&mut a, "p");
    let e = &mut a.entry_mut().expect("p opens PSFS").entry;
    e.set_text("new", "ride 3h with climbing");
    e.set_text("new_score", "8");
    a.update(crate::tui::action::Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    press(&mut a, "p");
    let s = shown(&a, 80, 24);
    assert!(
        s.contains("ride 3h with climbing (last 8 on 23 Nov)"),
        "{s}"
    );
}

#[test]
fn every_check_in_field_shows_at_60_columns() {
    let mut a = app();
    // Sleep 6.5 h, quality 3, sitting 9.5 h, a workday: the row is then 66 columns wide.
    press(&mut a, "c5\t\t\t\t6.5\t3\t9.5\t ");
    let wide = shown(&a, 80, 24);
    assert!(
        wide.lines()
            .any(|l| l.contains("Sleep h") && l.contains("Workday")),
        "one row at 80 columns:\n{wide}"
    );
    let narrow = shown(&a, 60, 20);
    for label in [
        "Sleep h",
        "Sleep quality",
        "Sitting h",
        "Workday",
        "Energy",
        "Tags",
    ] {
        assert!(narrow.contains(label), "'{label}' at 60×20:\n{narrow}");
    }
}

#[test]
fn a_bad_psfs_score_names_its_activity_and_takes_the_focus_there() {
    let mut a = app();
    press(&mut a, "p");
    let e = &mut a.entry_mut().unwrap().entry;
    e.set_text("new", "lift my kid");
    e.set_text("new_score", "6");
    a.update(crate::tui::action::Action::Save);
    press(&mut a, "p");
    a.entry_mut().unwrap().entry.set_text("s0", "11");
    a.entry_mut().unwrap().entry.focus_key("new");
    a.update(crate::tui::action::Action::Save);
    let s = a.status.as_ref().unwrap();
    assert!(
        s.error && s.text.contains("lift my kid (last 6 on 23 Nov): 11"),
        "{}",
        s.text
    );
    let e = &a.entry().expect("the form keeps its input").entry;
    assert_eq!(e.focused().unwrap().key, "s0");
}

#[test]
fn ctrl_e_is_offered_only_where_there_is_a_note() {
    let mut a = app();
    press(&mut a, "S");
    let keys = shown(&a, 80, 24).lines().last().unwrap().to_string();
    assert!(
        keys.contains("Esc cancel") && !keys.contains("Ctrl-E"),
        "{keys}"
    );
    a.update(crate::tui::action::Action::Cancel);
    press(&mut a, "e");
    let keys = shown(&a, 80, 24).lines().last().unwrap().to_string();
    assert!(keys.contains("Ctrl-E note"), "{keys}");
}

#[test]
fn a_discarded_form_says_so_as_a_sentence() {
    let mut a = app();
    press(&mut a, "c4");
    a.update(crate::tui::action::Action::Cancel);
    a.update(crate::tui::action::Action::Confirm);
    assert_eq!(
        a.status.as_ref().unwrap().text,
        "Discarded the check-in; nothing was saved"
    );
    press(&mut a, "e");
    a.entry_mut().unwrap().entry.set_text("title", "MRI");
    a.update(crate::tui::action::Action::Cancel);
    a.update(crate::tui::action::Action::Confirm);
    assert_eq!(
        a.status.as_ref().unwrap().text,
        "Discarded the event; nothing was saved"
    );
}

#[test]
fn no_programme_yet_points_at_n_not_a_command_line() {
    let mut a = app();
    press(&mut a, "3v");
    let s = shown(&a, 80, 24);
    assert!(s.contains("No programme yet: n adds one"), "{s}");
    assert!(!s.contains("backtrack rehab"), "{s}");
}

#[test]
fn ctrl_u_empties_a_one_line_field_but_never_the_note() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let mut a = app();
    press(&mut a, "e");
    let e = &mut a.entry_mut().unwrap().entry;
    e.focus_key("date");
    assert_eq!(e.focused().unwrap().value(), "today");
    a.handle_key(ctrl_u);
    press(&mut a, "-3");
    let e = &mut a.entry_mut().unwrap().entry;
    assert_eq!(e.text("date"), "-3", "emptied, then typed over");
    e.focus_note();
    e.set_note("two\nlines");
    a.handle_key(ctrl_u);
    let e = &a.entry().unwrap().entry;
    assert_eq!(e.note_text().as_deref(), Some("two\nlines"));
}
