//! Appointments ahead (issue 15): events may be dated in the future, Today shows the next one,
//! and the insights leave future days out.

use super::common::Journal;

#[test]
fn an_event_may_be_ahead_and_today_shows_the_next_one() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    j.ok(&[
        "event",
        "add",
        "doctor",
        "GP review",
        "--date",
        "2026-12-20",
    ]);
    let out = j.ok(&["event", "add", "imaging", "MRI", "--date", "+8"]);
    assert!(out.contains("2026-12-01"), "{out}");
    let today = j.ok(&["show", "today", "--width", "120", "--height", "40"]);
    assert!(
        today.contains("Next: MRI (imaging), Tue 1 Dec, in 8 days"),
        "{today}"
    );
    let events = j.json(&["list", "events"]);
    assert_eq!(events.as_array().map(Vec::len), Some(2), "{events}");
    // The insights count days up to today only.
    let stats = j.json(&["stats"]);
    assert_eq!(stats["pain"]["days_logged"], 1, "{stats}");
    // Other records still refuse the future.
    let err = j.fails(&["checkin", "4", "--date", "+1"], 2);
    assert!(err.contains("date"), "{err}");
    let err = j.fails(&["event", "add", "doctor", "far", "--date", "+4000"], 2);
    assert!(err.contains("date") && err.contains("allowed"), "{err}");
}

#[test]
fn the_timeline_lists_an_appointment_ahead() {
    let j = Journal::new();
    j.ok(&["event", "add", "imaging", "MRI", "--date", "+8"]);
    let out = j.ok(&["show", "timeline", "--width", "100", "--height", "30"]);
    assert!(out.contains("Tue  1 Dec 2026  imaging"), "{out}");
}

#[test]
fn an_appointment_typed_as_month_and_day_or_next_weekday_lands_ahead() {
    // Today is Monday 23 Nov 2026: "12-01" is next week, not last December.
    let j = Journal::new();
    let out = j.ok(&["event", "add", "imaging", "MRI", "--date", "12-01"]);
    assert!(out.contains("2026-12-01"), "{out}");
    let out = j.ok(&["event", "add", "physio", "Review", "--date", "next mon"]);
    assert!(out.contains("2026-11-30"), "{out}");
    // A recent month and day stays in the past, as for a check-in.
    let out = j.ok(&["event", "add", "doctor", "GP", "--date", "11-20"]);
    assert!(out.contains("2026-11-20"), "{out}");
    let err = j.fails(&["event", "add", "doctor", "GP", "--date", "someday"], 2);
    assert!(
        err.contains("date") && err.contains("next mon") && !err.contains("not in the future"),
        "{err}"
    );
}
