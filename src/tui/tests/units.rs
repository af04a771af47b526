//! Action → state tests of the Units switch in the Settings form (`S`): saving it stores the
//! setting and every screen redraws in the new units at once; a bare weight typed in the same
//! form is read in the units the form opened in; the app opens in the journal's units.

use chrono::NaiveDate;

use super::press;
use crate::domain::text::{Units, set_units, units};
use crate::repo::Repo;
use crate::tui::action::{Action, Edit, Screen};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Puts this thread's display units back to metric when a test ends, even by a failure.
struct MetricAfter;

impl Drop for MetricAfter {
    fn drop(&mut self) {
        set_units(Units::Metric);
    }
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

/// The Training list's row of the ride, at a width that shows the distance column.
fn ride_row(a: &App) -> String {
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(a, 120, 40));
    let row = shown.lines().find(|l| l.contains("ride"));
    row.unwrap_or_else(|| panic!("no ride row: {shown}")).into()
}

/// Opens Settings, switches Units with Space (the key a person presses) and saves.
fn switch_units(a: &mut App) {
    press(a, "S");
    focus(a, "units");
    press(a, " ");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
}

/// A ride of 45 km with 800 m of climbing, logged through the activity form.
fn log_ride(a: &mut App) {
    press(a, "a");
    typ(a, "1h30m");
    for (key, v) in [("distance", "45km"), ("ascent", "800")] {
        focus(a, key);
        typ(a, v);
    }
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
}

#[test]
fn switching_units_in_settings_stores_them_and_redraws_at_once() {
    let _reset = MetricAfter;
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Training,
    );
    log_ride(&mut a);
    assert!(ride_row(&a).contains("45.0 km"), "{}", ride_row(&a));
    press(&mut a, "S");
    let e = &a.entry().unwrap().entry;
    assert_eq!(e.text("units"), "metric");
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(
        shown.contains("Units") && shown.contains("metric"),
        "{shown}"
    );
    a.update(Action::Cancel);
    switch_units(&mut a);
    let said = &a.status.as_ref().unwrap().text;
    assert!(said.contains("Set Units to imperial"), "{said}");
    assert_eq!(a.repo.plain("units").unwrap().as_deref(), Some("imperial"));
    assert_eq!(units(), Units::Imperial);
    // The same screen, without a restart: miles in the list, feet and miles in the ride's form.
    let row = ride_row(&a);
    assert!(row.contains("28.0 mi") && !row.contains("km"), "{row}");
    a.update(Action::OpenSelected);
    let e = &a.entry().expect("Enter opens the ride").entry;
    // 45 km = 27.96 mi; 800 m = 2624.7 ft.
    assert_eq!(
        (e.text("distance"), e.text("ascent")),
        ("27.96mi".into(), "2624.7ft".into())
    );
    a.update(Action::Cancel);
    // Back to metric the same way.
    switch_units(&mut a);
    assert_eq!(a.repo.plain("units").unwrap().as_deref(), Some("metric"));
    assert!(ride_row(&a).contains("45.0 km"), "{}", ride_row(&a));
}

#[test]
fn a_bare_weight_is_read_in_the_units_the_form_opened_in() {
    let _reset = MetricAfter;
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Today,
    );
    let weight = |a: &App| a.repo.dated_on("weight_kg", day()).unwrap();
    // Metric and Units left alone: a bare number is kilograms, as everywhere.
    press(&mut a, "S");
    focus(&mut a, "weight_kg");
    typ(&mut a, "80");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    assert_eq!(weight(&a), Some(80.0));
    // Units switched in the same save: `165` could be either, so nothing is stored.
    press(&mut a, "S");
    focus(&mut a, "units");
    press(&mut a, " ");
    focus(&mut a, "weight_kg");
    clear(&mut a);
    typ(&mut a, "165");
    a.update(Action::Save);
    let s = a.status.as_ref().unwrap();
    assert!(
        s.error && s.text.contains("Weight: ") && s.text.contains("165kg or 165lb"),
        "{}",
        s.text
    );
    assert!(a.entry().is_some(), "the form keeps its input");
    assert_eq!(weight(&a), Some(80.0));
    assert_eq!(
        a.repo.plain("units").unwrap(),
        None,
        "units not stored either"
    );
    assert_eq!(units(), Units::Metric);
    // With its unit it is clear; the units are stored first, so the message reads in pounds.
    typ(&mut a, "lb");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    // 165 lb = 74.843 kg.
    assert_eq!(weight(&a), Some(74.843));
    let said = &a.status.as_ref().unwrap().text;
    assert!(
        said.contains("Set Units to imperial") && said.contains("Set Weight to 165.0 lb"),
        "{said}"
    );
    // Opened in imperial: the field shows pounds, and a bare number typed over it is pounds.
    press(&mut a, "S");
    focus(&mut a, "weight_kg");
    assert_eq!(a.entry().unwrap().entry.text("weight_kg"), "165lb");
    clear(&mut a);
    typ(&mut a, "170");
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    // 170 lb = 77.111 kg, not 170 kg.
    assert_eq!(weight(&a), Some(77.111));
    // Switching back with the weight untouched stores only the units: `170lb` is not re-read.
    let history = a.repo.dated_history().unwrap().len();
    switch_units(&mut a);
    let said = &a.status.as_ref().unwrap().text;
    assert!(
        said.contains("Set Units to metric") && !said.contains("Weight"),
        "{said}"
    );
    assert_eq!(a.repo.dated_history().unwrap().len(), history);
    assert_eq!(weight(&a), Some(77.111));
    press(&mut a, "S");
    assert_eq!(a.entry().unwrap().entry.text("weight_kg"), "77.1kg");
}

#[test]
fn the_app_opens_in_the_units_an_imported_journal_carries() {
    let _reset = MetricAfter;
    // A journal kept in imperial units, exported as JSON and merged into a fresh one.
    let mut theirs = Repo::open_in_memory().unwrap();
    crate::ops::settings::set_units(&mut theirs, "imperial").unwrap();
    let ride = crate::ops::activity::ActivityDraft {
        kind: "ride".into(),
        duration: "1h30m".into(),
        distance: Some("45km".into()),
        ..Default::default()
    };
    crate::ops::activity::add(&mut theirs, &ride, day()).unwrap();
    let (doc, unreadable) = theirs.export_readable().unwrap();
    assert!(unreadable.is_empty());
    let mut ours = Repo::open_in_memory().unwrap();
    ours.import_json(&doc).unwrap();
    // This thread was drawing metric; the app reads the journal's units as it opens.
    set_units(Units::Metric);
    let a = App::new(ours, day(), Theme::plain(), Screen::Training);
    assert_eq!(units(), Units::Imperial);
    assert!(ride_row(&a).contains("28.0 mi"), "{}", ride_row(&a));
}

#[test]
fn a_bare_number_in_an_imperial_form_is_miles_feet_or_pounds() {
    let _reset = MetricAfter;
    let mut a = App::new(
        Repo::open_in_memory().unwrap(),
        day(),
        Theme::plain(),
        Screen::Training,
    );
    switch_units(&mut a);
    press(&mut a, "a");
    let shown = crate::tui::screens::buffer_text(&crate::tui::render_buffer(&a, 80, 24));
    assert!(shown.contains("miles: 26, or 42km"), "{shown}");
    typ(&mut a, "1h30m");
    for (key, v) in [("distance", "30"), ("ascent", "2600")] {
        focus(&mut a, key);
        typ(&mut a, v);
    }
    a.update(Action::Save);
    assert!(a.entry().is_none(), "{:?}", a.status);
    let rides = a.repo.activities_between(day(), day()).unwrap();
    // 30 mi = 48,280.32 m; 2600 ft = 792.48 m, as the form's own figures read.
    let d = rides[0].distance_m.unwrap();
    assert!((d - 48_280.32).abs() < 0.01, "{d}");
    assert_eq!(rides[0].ascent_m, Some(792.48));
    // A programme's load typed bare is pounds: 35 lb = 15.876 kg.
    press(&mut a, "ncore\tgoblet squat:3x8@35\n");
    let p = a.repo.programmes().unwrap();
    let load = p[0].items[0].load_kg.unwrap();
    assert!((load - 15.876).abs() < 0.001, "{load}");
}
