//! Action → state tests of the Settings form (`S`) and the activity form's FTP offer.

use chrono::{Duration, NaiveDate};

use super::press;
use crate::repo::Repo;
use crate::tui::action::{Action, Edit, Screen};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn typ(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::Text(Edit::Insert(c)));
    }
}

fn focus(a: &mut App, key: &str) {
    a.entry_mut().unwrap().entry.focus_key(key);
}

fn clear(a: &mut App) {
    for _ in 0..12 {
        a.update(Action::Text(Edit::Backspace));
    }
}

#[test]
fn settings_form_stores_only_what_changed_and_refuses_a_bad_value() {
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Today,
    );
    press(&mut a, "S");
    let e = &a.entry().expect("S opens the settings").entry;
    assert_eq!(e.text("ftp_w"), "", "no FTP yet");
    assert_eq!(
        e.text("opioid_days_7"),
        "3",
        "a threshold shows its default"
    );
    focus(&mut a, "ftp_w");
    typ(&mut a, "2500");
    focus(&mut a, "max_hr_bpm");
    typ(&mut a, "185");
    a.update(Action::Save);
    let s = a.status.as_ref().unwrap();
    // Named as the form names it, not by its stored key.
    assert!(
        s.error && s.text.contains("FTP (W): 2500") && !s.text.contains("ftp_w"),
        "{}",
        s.text
    );
    assert!(a.entry().is_some(), "the form keeps its input");
    assert_eq!(
        a.repo.dated_on("max_hr_bpm", day()).unwrap(),
        None,
        "nothing stored"
    );
    focus(&mut a, "ftp_w");
    clear(&mut a);
    typ(&mut a, "250");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    assert_eq!(a.repo.dated_on("ftp_w", day()).unwrap(), Some(250.0));
    assert_eq!(a.repo.dated_on("max_hr_bpm", day()).unwrap(), Some(185.0));
    // Opened again: the values in force; a threshold changed alone stores only it.
    press(&mut a, "S");
    assert_eq!(a.entry().unwrap().entry.text("ftp_w"), "250");
    focus(&mut a, "opioid_days_7");
    clear(&mut a);
    typ(&mut a, "2");
    a.update(Action::Save);
    let s = a.status.as_ref().unwrap();
    assert!(
        !s.error && s.text == "Set Opioid days in 7 to 2",
        "{}",
        s.text
    );
    assert!(
        !s.text.contains("ftp"),
        "unchanged FTP not stored again: {}",
        s.text
    );
    assert_eq!(a.repo.plain("opioid_days_7").unwrap().as_deref(), Some("2"));
}

#[test]
fn activity_form_offers_an_ftp_when_power_is_typed_and_none_is_set() {
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Training,
    );
    press(&mut a, "a");
    typ(&mut a, "1h");
    focus(&mut a, "date");
    clear(&mut a);
    typ(&mut a, "-1");
    focus(&mut a, "np");
    typ(&mut a, "200");
    let info = a.entry().unwrap().info(day()).join(" ");
    assert!(info.contains("Your FTP"), "{info}");
    focus(&mut a, "set_ftp");
    typ(&mut a, "250");
    let info = a.entry().unwrap().info(day()).join(" ");
    assert!(info.contains("TSS 64 (power)"), "{info}");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    let said = &a.status.as_ref().unwrap().text;
    assert!(said.starts_with("Set FTP to 250 W from "), "{said}");
    // Yesterday's ride got its TSS from the FTP typed with it.
    let yesterday = day() - Duration::days(1);
    let acts = a.repo.activities_between(yesterday, yesterday).unwrap();
    assert_eq!(acts[0].tss.map(|t| t.round()), Some(64.0));
    assert_eq!(a.repo.dated_on("ftp_w", yesterday).unwrap(), Some(250.0));
    // With an FTP set the offer is gone.
    press(&mut a, "a");
    assert!(!a.entry().unwrap().entry.entry_has("set_ftp"));
}

#[test]
fn training_shows_distance_power_and_hr_when_wide_enough() {
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Training,
    );
    press(&mut a, "a");
    typ(&mut a, "1h30m");
    for (key, v) in [("distance", "45km"), ("np", "215"), ("hr", "142")] {
        focus(&mut a, key);
        typ(&mut a, v);
    }
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    let wide = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 120, 40));
    let row = wide.lines().find(|l| l.contains("ride")).unwrap();
    assert!(row.contains("45.0 km  NP 215 W"), "{row}");
    assert!(row.contains("HR 142"), "{row}");
    let narrow = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    let row = narrow.lines().find(|l| l.contains("ride")).unwrap();
    assert!(
        !row.contains("NP 215"),
        "80 columns keep the base columns: {row}"
    );
    assert!(row.contains("pain"), "{row}");
}

/// Stores imperial units in the journal (the app shows them from its start) and resets this
/// thread's display units when the test ends, even by a failed assertion.
pub(super) struct ImperialForThisTest;

impl ImperialForThisTest {
    pub(super) fn new(repo: &mut Repo) -> Self {
        crate::ops::settings::set_units(repo, "imperial").unwrap();
        ImperialForThisTest
    }
}

impl Drop for ImperialForThisTest {
    fn drop(&mut self) {
        crate::domain::text::set_units(crate::domain::text::Units::Metric);
    }
}

#[test]
fn imperial_units_show_feet_miles_and_pounds_in_the_app_and_store_metric() {
    let mut repo = Repo::open_in_memory().unwrap();
    let _units = ImperialForThisTest::new(&mut repo);
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Training);
    press(&mut a, "a");
    typ(&mut a, "2h");
    for (key, v) in [("distance", "26mi"), ("ascent", "2600ft")] {
        focus(&mut a, key);
        typ(&mut a, v);
    }
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    let stored = a.repo.activities_between(day(), day()).unwrap();
    assert_eq!(stored[0].ascent_m, Some(792.48), "2600 ft stored as metres");
    let wide = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 120, 40));
    let row = wide.lines().find(|l| l.contains("ride")).unwrap();
    assert!(row.contains("26.0 mi"), "{row}");
    // Editing shows the figures back in feet and miles, and saving unchanged keeps them.
    a.update(Action::OpenSelected);
    let e = &a.entry().expect("Enter opens the activity").entry;
    assert_eq!(
        (e.text("ascent"), e.text("distance")),
        ("2600ft".into(), "26mi".into())
    );
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(shown.contains("│ Ascent    2600ft "), "{shown}");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    let again = a.repo.activities_between(day(), day()).unwrap();
    assert_eq!(again[0].ascent_m, Some(792.48));
    assert_eq!(again[0].distance_m, stored[0].distance_m);
    // A bad climb names the field and the forms, and keeps the form open.
    a.update(Action::OpenSelected);
    focus(&mut a, "ascent");
    clear(&mut a);
    typ(&mut a, "2600yd");
    a.update(Action::Save);
    let s = a.status.as_ref().unwrap();
    assert!(
        s.error && s.text.contains("Ascent: ") && s.text.contains("800m, 2600ft"),
        "{}",
        s.text
    );
    assert!(a.entry().is_some());
}

#[test]
fn imperial_settings_take_and_show_pounds_and_store_kilograms() {
    let mut repo = Repo::open_in_memory().unwrap();
    let _units = ImperialForThisTest::new(&mut repo);
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Today);
    press(&mut a, "S");
    focus(&mut a, "weight_kg");
    typ(&mut a, "700lb");
    a.update(Action::Save);
    let s = a.status.as_ref().unwrap();
    assert!(
        s.error && s.text.contains("Weight: ") && s.text.contains("160lb"),
        "{}",
        s.text
    );
    assert_eq!(
        a.repo.dated_on("weight_kg", day()).unwrap(),
        None,
        "nothing stored"
    );
    clear(&mut a);
    typ(&mut a, "165lb");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    // 165 lb = 74.843 kg.
    assert_eq!(a.repo.dated_on("weight_kg", day()).unwrap(), Some(74.843));
    assert!(
        a.status.as_ref().unwrap().text.contains("165.0 lb"),
        "{:?}",
        a.status
    );
    press(&mut a, "S");
    assert_eq!(a.entry().unwrap().entry.text("weight_kg"), "165lb");
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(
        shown.contains("Weight") && shown.contains("165lb"),
        "{shown}"
    );
    assert!(!shown.contains("(kg)"), "{shown}");
}

#[test]
fn rehab_loads_show_in_pounds_and_an_edited_session_keeps_them() {
    let mut repo = Repo::open_in_memory().unwrap();
    let _units = ImperialForThisTest::new(&mut repo);
    let mut a = App::new(repo, day(), Theme::plain(), Screen::Training);
    press(&mut a, "r");
    focus(&mut a, "as_done");
    typ(&mut a, "goblet squat:3x8@35lb");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    assert!(
        a.status
            .as_ref()
            .unwrap()
            .text
            .contains("goblet squat 3x8@35lb"),
        "{:?}",
        a.status
    );
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(s[0].items[0].load_kg, Some(15.876));
    // The session's form lists the load as done; saving it unchanged keeps the load.
    a.open(crate::tui::forms::rehab_form(
        None,
        &[],
        Some(s[0].clone()),
        day(),
    ));
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(shown.contains("[x] goblet squat 3x8@35lb"), "{shown}");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    let said = &a.status.as_ref().unwrap().text;
    assert!(
        said.contains("Updated") && said.contains("goblet squat 3x8@35lb"),
        "{said}"
    );
    let s = a.repo.rehab_sessions_between(day(), day()).unwrap();
    assert_eq!(
        s[0].items[0].load_kg,
        Some(15.876),
        "the edit kept the load"
    );
}
