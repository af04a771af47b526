//! `backtrack week [D]`: a week at a glance beside the week before (issue 15).

use super::common::Journal;

#[test]
fn week_shows_each_day_and_compares_with_the_week_before() {
    let j = Journal::new();
    // TODAY is Mon 2026-11-23; the week asked for is 16–22 Nov, the one before 9–15 Nov.
    j.ok(&["checkin", "4", "--date", "2026-11-16"]);
    j.ok(&["checkin", "2", "--date", "2026-11-18"]);
    j.ok(&["checkin", "6", "--date", "2026-11-10"]);
    j.ok(&["ride", "1h30m", "--tss", "90", "--date", "2026-11-17"]);
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "400",
    ]);
    j.ok(&["med", "take", "ibuprofen", "--at", "2026-11-18 08:00"]);
    let v = j.json(&["week", "2026-11-19"]);
    assert_eq!(v["days"].as_array().map(Vec::len), Some(7), "{v}");
    assert_eq!(v["days"][0]["date"], "2026-11-16");
    assert_eq!(v["days"][1]["tss"], 90.0);
    assert_eq!(v["this_week"]["mean_pain"], 3.0);
    assert_eq!(v["this_week"]["doses"], 1);
    assert_eq!(v["this_week"]["activities"], 1);
    assert_eq!(v["week_before"]["mean_pain"], 6.0);
    let text = j.ok(&["week", "thu"]);
    assert!(text.starts_with("Week of 16 Nov – 22 Nov"), "{text}");
    assert!(text.contains("Tue 17 Nov"), "{text}");
    assert!(text.contains("1 session 1h30m TSS 90"), "{text}");
    assert!(
        text.contains("mean 3.0 over 2 days (week before 6.0 over 1 day, -3.0)"),
        "{text}"
    );
    let err = j.fails(&["week", "2027-01-01"], 2);
    assert!(err.contains("date"), "{err}");
}

#[test]
fn show_week_draws_the_app_screen_from_the_same_view() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    let out = j.ok(&["show", "week"]);
    assert!(out.contains("7 Week"), "{out}");
    assert!(out.contains("Week of 23 Nov – 29 Nov"), "{out}");
    assert!(out.contains("Against the week before"), "{out}");
}
